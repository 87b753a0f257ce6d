CREATE TABLE "departments" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"module" text,
	"sort_order" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instruction_acks" (
	"instruction_id" integer NOT NULL,
	"dept" text NOT NULL,
	"ack_by" text NOT NULL,
	"ack_at" timestamp with time zone NOT NULL,
	CONSTRAINT "instruction_acks_instruction_id_dept_pk" PRIMARY KEY("instruction_id","dept")
);
--> statement-breakpoint
CREATE TABLE "plan_instructions" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"item_no" smallint NOT NULL,
	"text" text NOT NULL,
	"author" text NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"title" text NOT NULL,
	"due" date NOT NULL,
	"done_on" date,
	"done_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"code" text NOT NULL,
	"item_no" smallint NOT NULL,
	"title" text NOT NULL,
	"lead" text NOT NULL,
	"co_owners" text[] DEFAULT '{}' NOT NULL,
	"units" varchar(6)[] DEFAULT '{}' NOT NULL,
	"kpis" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_tasks_year_code" UNIQUE("year","code")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"period" varchar(7) NOT NULL,
	"status" text NOT NULL,
	"narrative" text NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review" text NOT NULL,
	"return_reason" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "progress_reports_task_unit_period" UNIQUE("task_id","unit_code","period")
);
--> statement-breakpoint
ALTER TABLE "instruction_acks" ADD CONSTRAINT "instruction_acks_instruction_id_plan_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."plan_instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_acks" ADD CONSTRAINT "instruction_acks_dept_departments_key_fk" FOREIGN KEY ("dept") REFERENCES "public"."departments"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_instructions" ADD CONSTRAINT "plan_instructions_year_work_plans_year_fk" FOREIGN KEY ("year") REFERENCES "public"."work_plans"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_year_work_plans_year_fk" FOREIGN KEY ("year") REFERENCES "public"."work_plans"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_lead_departments_key_fk" FOREIGN KEY ("lead") REFERENCES "public"."departments"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_instructions_item_idx" ON "plan_instructions" USING btree ("year","item_no");--> statement-breakpoint
CREATE INDEX "plan_milestones_task_idx" ON "plan_milestones" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "plan_milestones_due_idx" ON "plan_milestones" USING btree ("due");--> statement-breakpoint
CREATE INDEX "plan_tasks_year_item_idx" ON "plan_tasks" USING btree ("year","item_no");--> statement-breakpoint
CREATE INDEX "progress_reports_review_idx" ON "progress_reports" USING btree ("review");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
-- Department grants name their 科室 (dept) from now on: existing ones get the department that runs their module.
UPDATE "accounts" SET "grants" = (
  SELECT coalesce(jsonb_agg(CASE
    WHEN g->>'role' = 'department' AND NOT g ? 'dept' THEN g || jsonb_build_object('dept', CASE g->>'module'
      WHEN 'funding' THEN 'planning' WHEN 'teachers' THEN 'personnel' ELSE g->>'module' END)
    ELSE g END), '[]'::jsonb)
  FROM jsonb_array_elements("grants") AS g
) WHERE "grants" @> '[{"role":"department"}]';
