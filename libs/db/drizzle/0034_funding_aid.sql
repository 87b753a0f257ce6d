CREATE TABLE "funding_aid_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"semester" varchar(6) NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"categories" text[] NOT NULL,
	"stage" text NOT NULL,
	"grade" smallint NOT NULL,
	"in_target" boolean NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"recognised_by" text,
	"reason" text,
	"settled_on" date,
	"updated_by" text,
	"updated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_listed" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_kind" text NOT NULL,
	"category" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_matches" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"semester" varchar(6) NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"categories" text[] NOT NULL,
	"list_kinds" text[] NOT NULL,
	"student_id" integer,
	"school_id" integer,
	"unit_code" varchar(6) NOT NULL,
	"stage" text,
	"grade" smallint,
	"outcome" text NOT NULL,
	"in_target" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"student_id" integer,
	"school_id" integer,
	"unit_code" varchar(6) NOT NULL,
	"item" text NOT NULL,
	"semester" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"paid_on" date NOT NULL,
	"reason" text,
	"request_key" varchar(64),
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"semester" varchar(6) NOT NULL,
	"run_by" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"millis" integer NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"target" jsonb NOT NULL,
	"amounts" jsonb NOT NULL,
	"list_mapping" jsonb,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_students" (
	"id" serial PRIMARY KEY NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"student_no" varchar(32) NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"stage" text NOT NULL,
	"grade" smallint NOT NULL,
	"boarding" boolean NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_aid_follow_ups" ADD CONSTRAINT "funding_aid_follow_ups_student_id_funding_aid_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."funding_aid_students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_follow_ups" ADD CONSTRAINT "funding_aid_follow_ups_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_follow_ups" ADD CONSTRAINT "funding_aid_follow_ups_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_listed" ADD CONSTRAINT "funding_aid_listed_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_matches" ADD CONSTRAINT "funding_aid_matches_run_id_funding_aid_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."funding_aid_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_matches" ADD CONSTRAINT "funding_aid_matches_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_payments" ADD CONSTRAINT "funding_aid_payments_student_id_funding_aid_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."funding_aid_students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_payments" ADD CONSTRAINT "funding_aid_payments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_payments" ADD CONSTRAINT "funding_aid_payments_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_students" ADD CONSTRAINT "funding_aid_students_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_students" ADD CONSTRAINT "funding_aid_students_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_follow_ups_person_idx" ON "funding_aid_follow_ups" USING btree ("semester","id_index");--> statement-breakpoint
CREATE INDEX "funding_aid_follow_ups_unit_idx" ON "funding_aid_follow_ups" USING btree ("semester","unit_code","status","id");--> statement-breakpoint
CREATE INDEX "funding_aid_follow_ups_school_idx" ON "funding_aid_follow_ups" USING btree ("school_id","semester","status");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_listed_person_idx" ON "funding_aid_listed" USING btree ("list_kind","id_index");--> statement-breakpoint
CREATE INDEX "funding_aid_listed_index_idx" ON "funding_aid_listed" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "funding_aid_listed_unit_idx" ON "funding_aid_listed" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_matches_person_idx" ON "funding_aid_matches" USING btree ("semester","id_index");--> statement-breakpoint
CREATE INDEX "funding_aid_matches_unit_idx" ON "funding_aid_matches" USING btree ("semester","unit_code","outcome","id");--> statement-breakpoint
CREATE INDEX "funding_aid_matches_school_idx" ON "funding_aid_matches" USING btree ("school_id","semester","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_payments_regular_idx" ON "funding_aid_payments" USING btree ("id_index","item","semester") WHERE "funding_aid_payments"."kind" = 'regular';--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_payments_request_idx" ON "funding_aid_payments" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "funding_aid_payments_person_idx" ON "funding_aid_payments" USING btree ("id_index","semester");--> statement-breakpoint
CREATE INDEX "funding_aid_payments_semester_idx" ON "funding_aid_payments" USING btree ("semester","unit_code","item");--> statement-breakpoint
CREATE INDEX "funding_aid_payments_school_idx" ON "funding_aid_payments" USING btree ("school_id","semester");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_students_index_idx" ON "funding_aid_students" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "funding_aid_students_school_idx" ON "funding_aid_students" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "funding_aid_students_unit_idx" ON "funding_aid_students" USING btree ("unit_code");