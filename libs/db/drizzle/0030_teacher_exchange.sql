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
ALTER TABLE "teacher_exchange_designations" ADD CONSTRAINT "teacher_exchange_designations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_designations" ADD CONSTRAINT "teacher_exchange_designations_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_plans" ADD CONSTRAINT "teacher_exchange_plans_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_plan_id_teacher_exchange_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."teacher_exchange_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_exchange_records" ADD CONSTRAINT "teacher_exchange_records_to_school_id_schools_id_fk" FOREIGN KEY ("to_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_exchange_designations_unit_idx" ON "teacher_exchange_designations" USING btree ("unit_code","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_exchange_plans_unit_year_idx" ON "teacher_exchange_plans" USING btree ("unit_code","school_year");--> statement-breakpoint
CREATE INDEX "teacher_exchange_plans_year_idx" ON "teacher_exchange_plans" USING btree ("school_year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_exchange_records_staff_year_idx" ON "teacher_exchange_records" USING btree ("staff_id","school_year");--> statement-breakpoint
CREATE INDEX "teacher_exchange_records_plan_idx" ON "teacher_exchange_records" USING btree ("plan_id","id");--> statement-breakpoint
CREATE INDEX "teacher_exchange_records_unit_idx" ON "teacher_exchange_records" USING btree ("unit_code","school_year","id");