CREATE TABLE "teacher_exchange_designations" (
	"school_id" integer NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"designation" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "teacher_exchange_designations_school_id_school_year_pk" PRIMARY KEY("school_id","school_year")
);
--> statement-breakpoint
CREATE TABLE "teacher_exchange_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"planned_count" integer NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_exchange_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"staff_id" integer NOT NULL,
	"name" text NOT NULL,
	"school_id" integer NOT NULL,
	"to_school_id" integer NOT NULL,
	"direction" text NOT NULL,
	"backbone" boolean NOT NULL,
	"start_on" date NOT NULL,
	"term_years" smallint NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "teacher_exchange_records_term" CHECK ("teacher_exchange_records"."term_years" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "teacher_exchange_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"years" smallint NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_training_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"year" smallint NOT NULL,
	"organiser" text NOT NULL,
	"planned_hours" integer NOT NULL,
	"it_capability" boolean NOT NULL,
	"planned_participants" integer,
	"unit_code" varchar(6) NOT NULL,
	"school_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_training_projects_hours" CHECK ("teacher_training_projects"."planned_hours" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "teacher_training_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"hours" integer NOT NULL,
	"completed" boolean NOT NULL,
	"recorded_on" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_training_records_hours" CHECK ("teacher_training_records"."hours" between 0 and 500)
);
--> statement-breakpoint
CREATE TABLE "teacher_pay_rectifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"finding_kinds" jsonb NOT NULL,
	"finding_text" text NOT NULL,
	"deadline" date NOT NULL,
	"measures" text,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reported_by" text,
	"reported_at" timestamp with time zone,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_pay_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"teacher_avg_pay" integer NOT NULL,
	"civil_servant_avg_pay" integer NOT NULL,
	"teacher_base_pay" integer,
	"teacher_performance_pay" integer,
	"teacher_bonus" integer,
	"linkage_established" boolean NOT NULL,
	"linkage_document" text,
	"civil_servant_bonus_on" date,
	"teacher_bonus_on" date,
	"note" text,
	"below" boolean NOT NULL,
	"bonus_late" boolean NOT NULL,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "teacher_programme_persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme" text NOT NULL,
	"year" smallint NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"staff_id" integer,
	"name" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"birth_date" date NOT NULL,
	"status" text NOT NULL,
	"arrived_on" date,
	"service_start_on" date,
	"obligation_ends_on" date,
	"left_on" date,
	"left_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_programme_quotas" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"programme" text NOT NULL,
	"planned" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_programme_quotas_planned" CHECK ("teacher_programme_quotas"."planned" >= 0)
);
--> statement-breakpoint
CREATE TABLE "teacher_programme_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"targeted_counties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_support_dispatches" (
	"id" serial PRIMARY KEY NOT NULL,
	"need_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"from_school_id" integer NOT NULL,
	"from_unit_code" varchar(6) NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"entry_id" integer,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_support_dispatches_period" CHECK ("teacher_support_dispatches"."ends_on" > "teacher_support_dispatches"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "teacher_support_needs" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"subject" text NOT NULL,
	"school_stage" text NOT NULL,
	"needed" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_support_needs_needed" CHECK ("teacher_support_needs"."needed" between 1 and 50),
	CONSTRAINT "teacher_support_needs_period" CHECK ("teacher_support_needs"."ends_on" > "teacher_support_needs"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "teacher_honour_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"year" smallint NOT NULL,
	"level" text NOT NULL,
	"quotas" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_nominations" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"deeds" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"entry_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_nominations_deeds" CHECK (length("teacher_nominations"."deeds") > 0)
);
--> statement-breakpoint
ALTER TABLE "teacher_exchange_designations" ADD CONSTRAINT "teacher_exchange_designations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_designations" ADD CONSTRAINT "teacher_exchange_designations_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_plans" ADD CONSTRAINT "teacher_exchange_plans_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_plan_id_teacher_exchange_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."teacher_exchange_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_to_school_id_schools_id_fk" FOREIGN KEY ("to_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_projects" ADD CONSTRAINT "teacher_training_projects_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_projects" ADD CONSTRAINT "teacher_training_projects_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_project_id_teacher_training_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."teacher_training_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_pay_rectifications" ADD CONSTRAINT "teacher_pay_rectifications_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_pay_returns" ADD CONSTRAINT "teacher_pay_returns_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_appraisals" ADD CONSTRAINT "teacher_appraisals_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_appraisals" ADD CONSTRAINT "teacher_appraisals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_appraisals" ADD CONSTRAINT "teacher_appraisals_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_registrations" ADD CONSTRAINT "teacher_registrations_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_persons" ADD CONSTRAINT "teacher_programme_persons_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_persons" ADD CONSTRAINT "teacher_programme_persons_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_persons" ADD CONSTRAINT "teacher_programme_persons_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_quotas" ADD CONSTRAINT "teacher_programme_quotas_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_need_id_teacher_support_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."teacher_support_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_from_school_id_schools_id_fk" FOREIGN KEY ("from_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_from_unit_code_org_units_code_fk" FOREIGN KEY ("from_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_dispatches" ADD CONSTRAINT "teacher_support_dispatches_entry_id_teacher_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."teacher_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_needs" ADD CONSTRAINT "teacher_support_needs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_support_needs" ADD CONSTRAINT "teacher_support_needs_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_nominations" ADD CONSTRAINT "teacher_nominations_round_id_teacher_honour_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."teacher_honour_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_nominations" ADD CONSTRAINT "teacher_nominations_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_nominations" ADD CONSTRAINT "teacher_nominations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_nominations" ADD CONSTRAINT "teacher_nominations_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_nominations" ADD CONSTRAINT "teacher_nominations_entry_id_teacher_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."teacher_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_exchange_designations_unit_idx" ON "teacher_exchange_designations" USING btree ("unit_code","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_exchange_plans_unit_year_idx" ON "teacher_exchange_plans" USING btree ("unit_code","school_year");--> statement-breakpoint
CREATE INDEX "teacher_exchange_plans_year_idx" ON "teacher_exchange_plans" USING btree ("school_year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_exchange_records_staff_year_idx" ON "teacher_exchange_records" USING btree ("staff_id","school_year");--> statement-breakpoint
CREATE INDEX "teacher_exchange_records_plan_idx" ON "teacher_exchange_records" USING btree ("plan_id","id");--> statement-breakpoint
CREATE INDEX "teacher_exchange_records_unit_idx" ON "teacher_exchange_records" USING btree ("unit_code","school_year","id");--> statement-breakpoint
CREATE INDEX "teacher_training_projects_year_idx" ON "teacher_training_projects" USING btree ("year","tier","id");--> statement-breakpoint
CREATE INDEX "teacher_training_projects_unit_idx" ON "teacher_training_projects" USING btree ("unit_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_training_records_person_idx" ON "teacher_training_records" USING btree ("id_index","project_id");--> statement-breakpoint
CREATE INDEX "teacher_training_records_unit_idx" ON "teacher_training_records" USING btree ("unit_code","school_id","id");--> statement-breakpoint
CREATE INDEX "teacher_training_records_project_idx" ON "teacher_training_records" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "teacher_training_records_staff_idx" ON "teacher_training_records" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "teacher_pay_rectifications_unit_idx" ON "teacher_pay_rectifications" USING btree ("unit_code","year","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_pay_returns_unit_year_idx" ON "teacher_pay_returns" USING btree ("unit_code","year");--> statement-breakpoint
CREATE INDEX "teacher_pay_returns_year_idx" ON "teacher_pay_returns" USING btree ("year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_appraisals_person_year_idx" ON "teacher_appraisals" USING btree ("id_index","year");--> statement-breakpoint
CREATE INDEX "teacher_appraisals_unit_idx" ON "teacher_appraisals" USING btree ("unit_code","year","id");--> statement-breakpoint
CREATE INDEX "teacher_appraisals_school_idx" ON "teacher_appraisals" USING btree ("school_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_registrations_person_idx" ON "teacher_registrations" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "teacher_registrations_due_idx" ON "teacher_registrations" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_programme_persons_person_idx" ON "teacher_programme_persons" USING btree ("id_index","programme");--> statement-breakpoint
CREATE INDEX "teacher_programme_persons_unit_idx" ON "teacher_programme_persons" USING btree ("unit_code","year","programme","status","id");--> statement-breakpoint
CREATE INDEX "teacher_programme_persons_end_idx" ON "teacher_programme_persons" USING btree ("obligation_ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_programme_quotas_key_idx" ON "teacher_programme_quotas" USING btree ("unit_code","year","programme");--> statement-breakpoint
CREATE INDEX "teacher_support_dispatches_need_idx" ON "teacher_support_dispatches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "teacher_support_dispatches_unit_idx" ON "teacher_support_dispatches" USING btree ("unit_code","id");--> statement-breakpoint
CREATE INDEX "teacher_support_dispatches_person_idx" ON "teacher_support_dispatches" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "teacher_support_needs_unit_idx" ON "teacher_support_needs" USING btree ("unit_code","school_year","id");--> statement-breakpoint
CREATE INDEX "teacher_honour_rounds_year_idx" ON "teacher_honour_rounds" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "teacher_nominations_round_idx" ON "teacher_nominations" USING btree ("round_id","unit_code","status");--> statement-breakpoint
CREATE INDEX "teacher_nominations_unit_idx" ON "teacher_nominations" USING btree ("unit_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_nominations_person_idx" ON "teacher_nominations" USING btree ("round_id","id_index") WHERE "teacher_nominations"."status" <> 'withdrawn';