-- Edited by hand: UNLOGGED (counts that may be lost in a crash; see db/schema.ts).
CREATE UNLOGGED TABLE "limit_hits" (
	"limiter" varchar(32) NOT NULL,
	"key" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"instance" uuid NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "limit_hits_limiter_window_start_key_instance_pk" PRIMARY KEY("limiter","window_start","key","instance")
);
