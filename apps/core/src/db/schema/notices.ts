import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Company-wide お知らせ shown on every customer's 会員トップ. */
export const notices = pgTable("notices", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["info", "important"] }).notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
});
