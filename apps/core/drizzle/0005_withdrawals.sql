CREATE SEQUENCE "public"."withdrawal_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "bank_account_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text DEFAULT '申請中' NOT NULL,
	"bank_name" text NOT NULL,
	"branch_name" text NOT NULL,
	"account_type" text NOT NULL,
	"account_number" text NOT NULL,
	"holder_kana" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "cash_balances" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"withdrawable" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_balances_withdrawable_nonnegative" CHECK ("cash_balances"."withdrawable" >= 0)
);
--> statement-breakpoint
CREATE TABLE "withdrawals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_number" text DEFAULT ('W' || lpad(nextval('withdrawal_number_seq')::text, 8, '0')) NOT NULL,
	"customer_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"bank_name" text NOT NULL,
	"branch_name" text NOT NULL,
	"account_type" text NOT NULL,
	"account_number" text NOT NULL,
	"holder_kana" text NOT NULL,
	"status" text DEFAULT '受付済' NOT NULL,
	"request_key" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "withdrawals_request_number_unique" UNIQUE("request_number"),
	CONSTRAINT "withdrawals_customer_request_key" UNIQUE("customer_id","request_key"),
	CONSTRAINT "withdrawals_amount_positive" CHECK ("withdrawals"."amount" > 0)
);
--> statement-breakpoint
-- bank_accounts was keyed by customer_id (one row per customer); it now has its own id, so
-- an approved destination change can retire the row and insert a new one (R14, R26).
ALTER TABLE "bank_accounts" DROP CONSTRAINT "bank_accounts_pkey";--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bank_account_changes" ADD CONSTRAINT "bank_account_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_balances" ADD CONSTRAINT "cash_balances_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_account_changes_customer_time" ON "bank_account_changes" USING btree ("customer_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_account_changes_one_pending" ON "bank_account_changes" USING btree ("customer_id") WHERE "bank_account_changes"."status" = '申請中';--> statement-breakpoint
CREATE INDEX "withdrawals_customer_time" ON "withdrawals" USING btree ("customer_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_active_customer" ON "bank_accounts" USING btree ("customer_id") WHERE "bank_accounts"."retired_at" is null;--> statement-breakpoint
-- Every existing customer gets a cash balance (¥0 until funds arrive).
INSERT INTO "cash_balances" ("customer_id", "withdrawable")
SELECT "id", 0 FROM "customers"
ON CONFLICT DO NOTHING;
