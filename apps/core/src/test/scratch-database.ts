import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * A new, empty database `<prefix>_<random>` on the PostgreSQL server at `adminUrl`, for one
 * test file or bench run, so nobody's data is touched; `drop()` removes it (closing what is
 * still connected). Core's server-mode tests and the bench both make theirs here.
 */
export async function createScratchDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
