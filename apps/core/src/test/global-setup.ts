import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "../db/client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/** Migrates one in-memory PGlite and dumps it; each test file loads the dump (fresh, isolated). */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "kakunin-core-test-"));
  const database = await openPglite();
  await database.migrate();
  const dump = await database.dump();
  await database.close();
  const file = join(dir, "template.tar.gz");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rm(dir, { recursive: true, force: true });
}
