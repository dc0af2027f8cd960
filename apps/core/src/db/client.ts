import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockKeyOf } from "./run-lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The one database type handlers use, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = new URL("../../drizzle", import.meta.url).pathname;

/** Embedded PostgreSQL (PGlite): a data directory, or in memory when `dataDir` is undefined. */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<Database & { dump(): Promise<Blob> }> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
    dump: async () => (await client.dumpDataDir("gzip")) as Blob,
  };
}

/** A PostgreSQL server through node-postgres, with the same schema and migrations. */
export function openPostgres(url: string, onIdleClientError: (err: Error) => void = () => {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's backend can die (server restart, admin kill); the pool replaces it.
  // Without a listener node-postgres would crash the process on that event.
  pool.on("error", onIdleClientError);
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    migrate: async () => {
      // Instances starting together would each apply the same migrations, and all but one
      // crash on a duplicate table: each waits for the others' migration first, holding a
      // session advisory lock on a connection of its own (freed if the instance dies).
      const [space, key] = lockKeyOf("startup");
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1, $2)", [space, key]);
        try {
          await migratePg(db, { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1, $2)", [space, key]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(
  env: { DATABASE_URL?: string | undefined; CORE_DATA_DIR: string },
  onIdleClientError?: (err: Error) => void,
): Promise<Database> {
  return env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, onIdleClientError)
    : openPglite({ dataDir: env.CORE_DATA_DIR });
}
