import { desc } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { notices } from "../db/schema.ts";

/** The company-wide お知らせ, newest first. */
export async function listCompanyNotices(db: Db) {
  const rows = await db.select().from(notices).orderBy(desc(notices.publishedAt));
  return rows.map((n) => ({ ...n, publishedAt: n.publishedAt.toISOString() }));
}
