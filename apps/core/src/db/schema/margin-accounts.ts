import {
  annualIncomeOptions,
  financialAssetsOptions,
  stockExperienceOptions,
} from "@kakunin/contracts/margin-accounts";
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

/**
 * 信用取引口座開設の申込 (R41): the customer's answers, kept with the operator's decision as
 * the record of why the account was (or was not) opened. The 信用取引口座's status itself
 * lives in `account_openings` (審査中 while an application here is undecided). At most one
 * undecided application per customer: the partial unique index holds even if two applies race.
 * Times come from core's clock, so they are set by the application.
 */
export const marginAccountApplications = pgTable(
  "margin_account_applications",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    customerId: ownedByCustomer(),
    stockExperience: text("stock_experience", { enum: stockExperienceOptions }).notNull(),
    annualIncome: text("annual_income", { enum: annualIncomeOptions }).notNull(),
    financialAssets: text("financial_assets", { enum: financialAssetsOptions }).notNull(),
    /** When the customer consented to the 信用取引口座設定約諾書 (with the application). */
    agreedAt: timestamp("agreed_at", { withTimezone: true }).notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** null while 審査中. */
    decision: text("decision", { enum: ["承認", "却下"] }),
    /** The operator's name. */
    operator: text("operator"),
    /** The operator's internal note (never mailed to the customer). */
    note: text("note"),
  },
  (t) => [
    index("margin_account_applications_customer_time").on(t.customerId, t.appliedAt),
    uniqueIndex("margin_account_applications_one_pending").on(t.customerId).where(sql`${t.decision} IS NULL`),
  ],
);
