// argon2 in a worker thread of lower CPU priority (issue 12). Plain JavaScript: worker
// threads start without the TypeScript loader in every runner (tsx, Vitest).
import { setPriority } from "node:os";
import { hashSync, verifySync } from "@node-rs/argon2";
import { workerData } from "piscina";

// On Linux a nice value belongs to one thread: with no pid this lowers only this worker,
// so under load the event loop, the database and other customers' requests run first.
if (workerData?.nice) setPriority(workerData.nice);

/** `{ op: "verify", hash, plain }` → boolean; `{ op: "hash", plain, options }` → PHC string. */
export default function run(task) {
  return task.op === "verify" ? verifySync(task.hash, task.plain) : hashSync(task.plain, task.options);
}
