CREATE TABLE "password_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "login_password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "execution_password_hash" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "initial_execution_password_enc" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "execution_password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "execution_failed_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_history_customer_kind" ON "password_history" USING btree ("customer_id","kind","id");--> statement-breakpoint
-- Existing login passwords start the history, so the next change cannot reuse them.
INSERT INTO "password_history" ("customer_id", "kind", "hash")
SELECT "id", 'login', "login_password_hash" FROM "customers";
