// Passkeys (issue 14): WebAuthn credentials whose public keys core keeps and verifies against.
import { bigint, boolean, customType, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

const bytea = customType<{ data: Uint8Array<ArrayBuffer>; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value),
  // node-postgres answers a Buffer and PGlite a Uint8Array; both are Uint8Arrays.
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * One registered passkey. A deleted passkey is a removed row; the audit trail keeps the
 * trace. `suspended_at` is set when its sign counter went backwards (possible clone).
 */
export const passkeyCredentials = pgTable(
  "passkey_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: ownedByCustomer(),
    /** The authenticator's credential ID, base64url as WebAuthn's JSON carries it. */
    credentialId: text("credential_id").notNull().unique(),
    /** COSE public key as the authenticator gave it at registration. */
    publicKey: bytea("public_key").notNull(),
    signCount: bigint("sign_count", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default([]),
    deviceType: text("device_type", { enum: ["singleDevice", "multiDevice"] }).notNull(),
    backedUp: boolean("backed_up").notNull(),
    aaguid: text("aaguid").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
  },
  (t) => [index("passkey_credentials_customer").on(t.customerId)],
);
