CREATE TABLE "account_openings" (
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date,
	"opened_on" date,
	CONSTRAINT "account_openings_customer_id_kind_pk" PRIMARY KEY("customer_id","kind")
);
--> statement-breakpoint
CREATE TABLE "auth_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"digest" text NOT NULL,
	"salt" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"bank_name" text NOT NULL,
	"branch_name" text NOT NULL,
	"account_type" text NOT NULL,
	"account_number" text NOT NULL,
	"holder_kana" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_kana" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "postal_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "account_openings" ADD CONSTRAINT "account_openings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_codes" ADD CONSTRAINT "auth_codes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_codes_customer_operation_time" ON "auth_codes" USING btree ("customer_id","operation","created_at");--> statement-breakpoint
-- Every existing customer has the 総合口座 and 特定口座 it was opened with (on its creation
-- date, JST); NISA and 信用取引 are not open until applied for.
INSERT INTO "account_openings" ("customer_id", "kind", "status", "applied_on", "opened_on")
SELECT c."id", k."kind", k."status",
  CASE WHEN k."status" = '開設済' THEN (c."created_at" AT TIME ZONE 'Asia/Tokyo')::date END,
  CASE WHEN k."status" = '開設済' THEN (c."created_at" AT TIME ZONE 'Asia/Tokyo')::date END
FROM "customers" c
CROSS JOIN (VALUES ('総合口座', '開設済'), ('特定口座', '開設済'), ('NISA口座', '未開設'), ('信用取引口座', '未開設')) AS k("kind", "status")
ON CONFLICT DO NOTHING;
