import { createServer, request } from "node:http";

// The floor to compare the BFF against: a reverse proxy that does nothing but pipe.
const target = new URL(process.env.TARGET ?? "http://127.0.0.1:8081");
const port = Number(process.env.PORT ?? 8092);
const agent = new (await import("node:http")).Agent({ keepAlive: true });

createServer((req, res) => {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    res.writeHead(502).end();
  });
  req.pipe(upstream);
}).listen(port, "127.0.0.1");
