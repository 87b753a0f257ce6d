CREATE TABLE "private_enforcement_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"handler_level" text NOT NULL,
	"institution_id" integer,
	"subject_name" text NOT NULL,
	"subject_address" text NOT NULL,
	"uscc" varchar(18),
	"violation" text NOT NULL,
	"covert_form" text,
	"clue_source" text NOT NULL,
	"clue_on" date NOT NULL,
	"summary" text NOT NULL,
	"prepaid_from" date,
	"prepaid_to" date,
	"prepaid_lessons" integer,
	"prepaid_amount" integer,
	"status" text NOT NULL,
	"filed_on" date,
	"case_no" text,
	"decline_reason" text,
	"notified_on" date,
	"hearing_requested" boolean,
	"representation" text,
	"decided_on" date,
	"decision_no" text,
	"penalties" text[],
	"fine_fen" integer,
	"confiscated_fen" integer,
	"executed_on" date,
	"execution_result" text,
	"closed_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_training_capacity" (
	"unit_code" varchar(6) PRIMARY KEY NOT NULL,
	"has_body" boolean NOT NULL,
	"body_name" text,
	"full_time_staff" integer NOT NULL,
	"part_time_staff" integer NOT NULL,
	"enforcement_staff" integer NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_training_institutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"licence_no" text NOT NULL,
	"licence_valid_until" date,
	"approved_on" date NOT NULL,
	"address" text NOT NULL,
	"area" integer NOT NULL,
	"category" text NOT NULL,
	"sub_type" text,
	"stage" text NOT NULL,
	"mode" text NOT NULL,
	"nature" text NOT NULL,
	"status" text NOT NULL,
	"deregistered_on" date,
	"left_academic_on" date,
	"platform_id" varchar(40),
	"fee_supervision" text NOT NULL,
	"white_list" boolean DEFAULT false NOT NULL,
	"conversion_state" text,
	"conversion_reason" text,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_training_platform" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform_id" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"uscc" varchar(18),
	"category" text NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"fee_supervision" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_training_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"base_date" date NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_training_staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"subject" text,
	"certificate_no" varchar(20)
);
--> statement-breakpoint
CREATE TABLE "private_five_items_due" (
	"term" text PRIMARY KEY NOT NULL,
	"due" date NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_five_items_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"term" text NOT NULL,
	"status" text NOT NULL,
	"grades" jsonb NOT NULL,
	"phone_managed" boolean NOT NULL,
	"phone_written_request" boolean NOT NULL,
	"reading_reviewed" boolean NOT NULL,
	"after_school_covered" integer NOT NULL,
	"after_school_willing" integer NOT NULL,
	"after_school_end" varchar(5) NOT NULL,
	"note" text,
	"compliant" boolean NOT NULL,
	"breaches" smallint NOT NULL,
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
CREATE TABLE "private_five_items_work_end" (
	"unit_code" varchar(6) PRIMARY KEY NOT NULL,
	"work_end" varchar(5) NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "private_enforcement_cases" ADD CONSTRAINT "private_enforcement_cases_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_enforcement_cases" ADD CONSTRAINT "private_enforcement_cases_institution_id_private_training_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."private_training_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_training_capacity" ADD CONSTRAINT "private_training_capacity_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_training_institutions" ADD CONSTRAINT "private_training_institutions_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_training_platform" ADD CONSTRAINT "private_training_platform_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_training_staff" ADD CONSTRAINT "private_training_staff_institution_id_private_training_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."private_training_institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_five_items_returns" ADD CONSTRAINT "private_five_items_returns_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_five_items_returns" ADD CONSTRAINT "private_five_items_returns_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_five_items_work_end" ADD CONSTRAINT "private_five_items_work_end_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_enforcement_cases_unit_idx" ON "private_enforcement_cases" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "private_enforcement_cases_filed_idx" ON "private_enforcement_cases" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "private_enforcement_cases_institution_idx" ON "private_enforcement_cases" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_training_institutions_uscc_idx" ON "private_training_institutions" USING btree ("uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "private_training_institutions_platform_idx" ON "private_training_institutions" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "private_training_institutions_unit_idx" ON "private_training_institutions" USING btree ("unit_code","id");--> statement-breakpoint
CREATE INDEX "private_training_institutions_category_idx" ON "private_training_institutions" USING btree ("category","id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_training_platform_id_idx" ON "private_training_platform" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "private_training_platform_uscc_idx" ON "private_training_platform" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "private_training_platform_unit_idx" ON "private_training_platform" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "private_training_staff_institution_idx" ON "private_training_staff" USING btree ("institution_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_five_items_returns_school_term_idx" ON "private_five_items_returns" USING btree ("school_id","term");--> statement-breakpoint
CREATE INDEX "private_five_items_returns_unit_idx" ON "private_five_items_returns" USING btree ("unit_code","term","status","id");