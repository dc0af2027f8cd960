CREATE TABLE "test_clock_overrides" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"now" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timer_slots" (
	"name" text PRIMARY KEY NOT NULL,
	"slot" bigint NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL
);
