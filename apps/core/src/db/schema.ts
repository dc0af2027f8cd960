/**
 * The database schema, one file per table group under `schema/`. This file is the one entry
 * point: drizzle-kit reads it (drizzle.config.ts) and code imports tables from it, so moving a
 * table between groups changes no import and no migration.
 */
export * from "./schema/audit.ts";
export * from "./schema/credentials.ts";
export * from "./schema/customers.ts";
export * from "./schema/devices.ts";
export * from "./schema/instances.ts";
export * from "./schema/mail.ts";
export * from "./schema/margin-accounts.ts";
export * from "./schema/notices.ts";
export * from "./schema/passkeys.ts";
export * from "./schema/request-keys.ts";
export * from "./schema/step-up.ts";
export * from "./schema/trading.ts";
export * from "./schema/withdrawals.ts";
