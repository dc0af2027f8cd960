import type { createTestBff } from "./harness.ts";

type Bff = ReturnType<typeof createTestBff>;
export type BffRequestInit = NonNullable<Parameters<Bff["request"]>[1]>;

/**
 * A browser's cookie jar: keeps what Set-Cookie sets (as `name=value`) and drops what it
 * expires (Max-Age=0), so the step-up cookies of one request are sent with the next.
 */
export function cookieJar() {
  let jar: string[] = [];
  return {
    cookies: () => jar,
    /** Takes the answer's Set-Cookie headers into the jar; the answer itself goes on. */
    take(res: Response): Response {
      for (const h of res.headers.getSetCookie()) {
        const [pair] = h.split(";");
        const name = pair?.split("=")[0] ?? "";
        jar = jar.filter((c) => !c.startsWith(`${name}=`));
        if (!/Max-Age=0/i.test(h) && pair) jar.push(pair);
      }
      return res;
    },
  };
}

/** Logs in on `bff` and requests with that session and a jar that follows Set-Cookie like a browser. */
export async function loggedInBrowser(bff: Bff) {
  const { cookie } = await bff.login();
  const jar = cookieJar();
  const request = async (path: string, init: BffRequestInit = {}) =>
    jar.take(await bff.request(path, { ...init, cookie, cookies: [...jar.cookies(), ...(init.cookies ?? [])] }));
  return { cookie, request, jar: jar.cookies };
}
