CREATE TABLE "private_licence_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"registration" text NOT NULL,
	"authority" text NOT NULL,
	"licence_no" text,
	"alteration" text,
	"note" text,
	"valid_until" date,
	"status" text NOT NULL,
	"return_reason" text,
	"refusal_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "private_licence_cases" ADD CONSTRAINT "private_licence_cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_licence_cases" ADD CONSTRAINT "private_licence_cases_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_licence_cases_unit_idx" ON "private_licence_cases" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "private_licence_cases_school_idx" ON "private_licence_cases" USING btree ("school_id","id");