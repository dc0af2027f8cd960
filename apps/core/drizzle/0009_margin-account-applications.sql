CREATE TABLE "margin_account_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"stock_experience" text NOT NULL,
	"annual_income" text NOT NULL,
	"financial_assets" text NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decision" text,
	"operator" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "margin_account_applications" ADD CONSTRAINT "margin_account_applications_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "margin_account_applications_customer_time" ON "margin_account_applications" USING btree ("customer_id","applied_at");--> statement-breakpoint
CREATE UNIQUE INDEX "margin_account_applications_one_pending" ON "margin_account_applications" USING btree ("customer_id") WHERE "margin_account_applications"."decision" IS NULL;