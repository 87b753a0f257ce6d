CREATE TABLE "teacher_blacklist" (
	"id" serial PRIMARY KEY NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"case_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"lifted_on" date,
	"lift_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"staff_id" integer,
	"from_school_id" integer,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"enters_on" date NOT NULL,
	"queried_on" date,
	"query_result" text,
	"refusal" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_ethics_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"staff_id" integer,
	"name" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"private_school" boolean NOT NULL,
	"clause" smallint NOT NULL,
	"source" text NOT NULL,
	"clue" text NOT NULL,
	"findings" text,
	"notified_on" date,
	"defence" text,
	"hearing" boolean,
	"handling" text,
	"effective_on" date,
	"sanction_ends_on" date,
	"certificate" text,
	"decision_text" text,
	"appeal_reason" text,
	"review_reason" text,
	"dismiss_reason" text,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teacher_ethics_cases_clause" CHECK ("teacher_ethics_cases"."clause" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "teacher_staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"status" text NOT NULL,
	"post" text NOT NULL,
	"title" text,
	"certificate_no" text,
	"subject" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"national_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "teacher_blacklist" ADD CONSTRAINT "teacher_blacklist_case_id_teacher_ethics_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."teacher_ethics_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_blacklist" ADD CONSTRAINT "teacher_blacklist_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_entries" ADD CONSTRAINT "teacher_entries_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_entries" ADD CONSTRAINT "teacher_entries_from_school_id_schools_id_fk" FOREIGN KEY ("from_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_entries" ADD CONSTRAINT "teacher_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_entries" ADD CONSTRAINT "teacher_entries_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_ethics_cases" ADD CONSTRAINT "teacher_ethics_cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_ethics_cases" ADD CONSTRAINT "teacher_ethics_cases_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_ethics_cases" ADD CONSTRAINT "teacher_ethics_cases_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_staff" ADD CONSTRAINT "teacher_staff_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_staff" ADD CONSTRAINT "teacher_staff_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_blacklist_person_idx" ON "teacher_blacklist" USING btree ("id_index");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_blacklist_case_idx" ON "teacher_blacklist" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "teacher_entries_unit_idx" ON "teacher_entries" USING btree ("unit_code","id");--> statement-breakpoint
CREATE INDEX "teacher_entries_person_idx" ON "teacher_entries" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "teacher_ethics_cases_unit_idx" ON "teacher_ethics_cases" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "teacher_ethics_cases_person_idx" ON "teacher_ethics_cases" USING btree ("id_index");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_staff_in_post_idx" ON "teacher_staff" USING btree ("id_index") WHERE "teacher_staff"."left_on" is null;--> statement-breakpoint
CREATE INDEX "teacher_staff_unit_idx" ON "teacher_staff" USING btree ("unit_code","school_id","id");--> statement-breakpoint
CREATE INDEX "teacher_staff_school_idx" ON "teacher_staff" USING btree ("school_id","id");