CREATE TABLE "request_keys" (
	"customer_id" uuid NOT NULL,
	"request_key" text NOT NULL,
	"operation" text NOT NULL,
	"fingerprint" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_keys_customer_id_request_key_pk" PRIMARY KEY("customer_id","request_key")
);
--> statement-breakpoint
ALTER TABLE "request_keys" ADD CONSTRAINT "request_keys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Keys used before this migration, without a fingerprint: they keep replaying on the operation
-- alone. A cancelled order's last action is its 取消; any other order's is a 訂正.
INSERT INTO "request_keys" ("customer_id", "request_key", "operation", "fingerprint", "created_at")
SELECT "customer_id", "request_key", 'withdrawal', NULL, "requested_at" FROM "withdrawals"
UNION ALL
SELECT "customer_id", "request_key", 'place_order', NULL, "created_at" FROM "orders"
UNION ALL
SELECT "customer_id", "last_action_key", CASE WHEN "status" = 'cancelled' THEN 'cancel_order' ELSE 'modify_order' END, NULL, "updated_at"
FROM "orders" WHERE "last_action_key" IS NOT NULL
ON CONFLICT DO NOTHING;
