CREATE TABLE "teacher_appraisals" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"result" text NOT NULL,
	"ethics" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_appraisals_year" CHECK ("teacher_appraisals"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "teacher_registration_rules" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"period_years" smallint NOT NULL,
	"min_hours" integer NOT NULL,
	"due_soon_days" smallint NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"staff_id" integer NOT NULL,
	"registered_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date,
	"hours" integer,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teacher_appraisals" ADD CONSTRAINT "teacher_appraisals_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_appraisals" ADD CONSTRAINT "teacher_appraisals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_appraisals" ADD CONSTRAINT "teacher_appraisals_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_registrations" ADD CONSTRAINT "teacher_registrations_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_appraisals_person_year_idx" ON "teacher_appraisals" USING btree ("id_index","year");--> statement-breakpoint
CREATE INDEX "teacher_appraisals_unit_idx" ON "teacher_appraisals" USING btree ("unit_code","year","id");--> statement-breakpoint
CREATE INDEX "teacher_appraisals_school_idx" ON "teacher_appraisals" USING btree ("school_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_registrations_person_idx" ON "teacher_registrations" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "teacher_registrations_due_idx" ON "teacher_registrations" USING btree ("valid_until");