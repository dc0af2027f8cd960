DROP INDEX "orders_customer_time";--> statement-breakpoint
DROP INDEX "withdrawals_customer_time";--> statement-breakpoint
CREATE INDEX "audit_events_customer_logins" ON "audit_events" USING btree ("customer_id","occurred_at","id") WHERE "audit_events"."event_type" = 'login';--> statement-breakpoint
CREATE INDEX "orders_customer_time_number" ON "orders" USING btree ("customer_id","created_at","order_number");--> statement-breakpoint
CREATE INDEX "orders_customer_open" ON "orders" USING btree ("customer_id","reserved_cash") WHERE "orders"."status" = 'open';--> statement-breakpoint
CREATE INDEX "withdrawals_customer_time_number" ON "withdrawals" USING btree ("customer_id","requested_at","request_number");