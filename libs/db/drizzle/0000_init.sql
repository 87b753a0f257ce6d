CREATE TABLE "org_units" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"bureau_name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" varchar(6),
	"sort_order" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_enrolment" (
	"school_id" integer NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"grade" varchar(2) NOT NULL,
	"students" integer NOT NULL,
	CONSTRAINT "school_enrolment_school_id_school_year_grade_pk" PRIMARY KEY("school_id","school_year","grade"),
	CONSTRAINT "school_enrolment_students_nonneg" CHECK ("school_enrolment"."students" >= 0)
);
--> statement-breakpoint
CREATE TABLE "school_staffing" (
	"school_id" integer NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"quota" integer NOT NULL,
	"teachers" integer NOT NULL,
	"contract_teachers" integer NOT NULL,
	CONSTRAINT "school_staffing_school_id_school_year_pk" PRIMARY KEY("school_id","school_year"),
	CONSTRAINT "school_staffing_nonneg" CHECK ("school_staffing"."quota" >= 0 and "school_staffing"."teachers" >= 0 and "school_staffing"."contract_teachers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(10) NOT NULL,
	"name" text NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"town" text NOT NULL,
	"level" text NOT NULL,
	"ownership" text NOT NULL,
	"is_boarding" boolean NOT NULL,
	"is_rural" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schools_code_unique" UNIQUE("code"),
	CONSTRAINT "schools_code_format" CHECK ("schools"."code" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"real_actor" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"result" text NOT NULL,
	"source" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "modules" (
	"key" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"base_path" text NOT NULL,
	"remote_entry" text NOT NULL,
	"version" text NOT NULL,
	"icon" text NOT NULL,
	"sort_order" smallint NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"items" integer[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "modules_basePath_unique" UNIQUE("base_path")
);
--> statement-breakpoint
CREATE TABLE "work_plan_items" (
	"year" smallint NOT NULL,
	"no" smallint NOT NULL,
	"section_no" smallint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"modules" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "work_plan_items_year_no_pk" PRIMARY KEY("year","no")
);
--> statement-breakpoint
CREATE TABLE "work_plan_sections" (
	"year" smallint NOT NULL,
	"no" smallint NOT NULL,
	"numeral" text NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "work_plan_sections_year_no_pk" PRIMARY KEY("year","no")
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"year" smallint PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"recipients" text NOT NULL,
	"preamble" text NOT NULL,
	"closing" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "school_enrolment" ADD CONSTRAINT "school_enrolment_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_staffing" ADD CONSTRAINT "school_staffing_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_year_work_plans_year_fk" FOREIGN KEY ("year") REFERENCES "public"."work_plans"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_sections" ADD CONSTRAINT "work_plan_sections_year_work_plans_year_fk" FOREIGN KEY ("year") REFERENCES "public"."work_plans"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schools_unit_level_idx" ON "schools" USING btree ("unit_code","level");