ALTER TABLE "customers" ADD COLUMN "trading_stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "trading_stop_reason" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "trading_stopped_by" text;