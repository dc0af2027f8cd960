import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closePasswordWorkers, hashPassword, usePasswordWorkers, verifyPassword } from "./passwords.ts";

/** Nice value of each thread of this process (Linux /proc), by thread name. */
function threadNices(): { name: string; nice: number }[] {
  return readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    // Field 19 is nice; fields after the name start at field 3.
    const nice = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    return { name, nice };
  });
}

describe.runIf(process.platform === "linux")("argon2 in worker threads of lower priority", () => {
  afterAll(() => closePasswordWorkers());

  it("hashes and verifies in the workers, whose threads alone run at the given nice value", async () => {
    const before = threadNices().filter((t) => t.nice === 10).length;
    const pool = usePasswordWorkers({ threads: 2, nice: 10 });
    const phc = await hashPassword("Rk7m2x");
    expect(phc).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(phc, "Rk7m2x")).toBe(true);
    expect(await verifyPassword(phc, "Wrong1x")).toBe(false);
    expect(pool.completed).toBe(3);
    const nices = threadNices();
    // Two worker threads lowered; the thread running this test (and the rest) untouched.
    expect(nices.filter((t) => t.nice === 10).length - before).toBe(2);
    expect(Number(readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1]?.split(" ")[16])).toBe(0);
  });
});
