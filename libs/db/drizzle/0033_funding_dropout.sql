CREATE TABLE "funding_dropout_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"on" date NOT NULL,
	"persons" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_dropout_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"birth_date" date NOT NULL,
	"grade" text NOT NULL,
	"reason" text NOT NULL,
	"group" text NOT NULL,
	"found_on" date NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"confirmed_on" date,
	"cleared_reason" text,
	"returned_on" date,
	"home_taught_on" date,
	"closed_on" date,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_dropout_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_id" integer,
	"due_on" date NOT NULL,
	"filed_on" date NOT NULL,
	"open_cases" integer NOT NULL,
	"new_cases" integer NOT NULL,
	"returned_cases" integer NOT NULL,
	"schools_filed" integer,
	"note" text,
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_migrant_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"total" integer NOT NULL,
	"public_schools" integer NOT NULL,
	"purchased" integer NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_dropout_attempts" ADD CONSTRAINT "funding_dropout_attempts_case_id_funding_dropout_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."funding_dropout_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_dropout_cases" ADD CONSTRAINT "funding_dropout_cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_dropout_cases" ADD CONSTRAINT "funding_dropout_cases_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_dropout_returns" ADD CONSTRAINT "funding_dropout_returns_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_dropout_returns" ADD CONSTRAINT "funding_dropout_returns_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_migrant_figures" ADD CONSTRAINT "funding_migrant_figures_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_dropout_attempts_case_idx" ON "funding_dropout_attempts" USING btree ("case_id","on");--> statement-breakpoint
CREATE INDEX "funding_dropout_cases_unit_idx" ON "funding_dropout_cases" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "funding_dropout_cases_school_idx" ON "funding_dropout_cases" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "funding_dropout_cases_found_idx" ON "funding_dropout_cases" USING btree ("found_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_dropout_cases_open_idx" ON "funding_dropout_cases" USING btree ("id_index") WHERE status in ('suspected', 'confirmed', 'persuading', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "funding_dropout_returns_school_idx" ON "funding_dropout_returns" USING btree ("school_id","period") WHERE school_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_dropout_returns_county_idx" ON "funding_dropout_returns" USING btree ("unit_code","period") WHERE school_id is null;--> statement-breakpoint
CREATE INDEX "funding_dropout_returns_list_idx" ON "funding_dropout_returns" USING btree ("kind","unit_code","period");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_migrant_figures_unit_year_idx" ON "funding_migrant_figures" USING btree ("unit_code","school_year");