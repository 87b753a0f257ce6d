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
ALTER TABLE "teacher_training_projects" ADD CONSTRAINT "teacher_training_projects_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_projects" ADD CONSTRAINT "teacher_training_projects_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_project_id_teacher_training_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."teacher_training_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_records" ADD CONSTRAINT "teacher_training_records_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_training_projects_year_idx" ON "teacher_training_projects" USING btree ("year","tier","id");--> statement-breakpoint
CREATE INDEX "teacher_training_projects_unit_idx" ON "teacher_training_projects" USING btree ("unit_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_training_records_person_idx" ON "teacher_training_records" USING btree ("id_index","project_id");--> statement-breakpoint
CREATE INDEX "teacher_training_records_unit_idx" ON "teacher_training_records" USING btree ("unit_code","school_id","id");--> statement-breakpoint
CREATE INDEX "teacher_training_records_project_idx" ON "teacher_training_records" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "teacher_training_records_staff_idx" ON "teacher_training_records" USING btree ("staff_id");