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
CREATE INDEX "teacher_support_dispatches_need_idx" ON "teacher_support_dispatches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "teacher_support_dispatches_unit_idx" ON "teacher_support_dispatches" USING btree ("unit_code","id");--> statement-breakpoint
CREATE INDEX "teacher_support_dispatches_person_idx" ON "teacher_support_dispatches" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "teacher_support_needs_unit_idx" ON "teacher_support_needs" USING btree ("unit_code","school_year","id");--> statement-breakpoint
CREATE INDEX "teacher_honour_rounds_year_idx" ON "teacher_honour_rounds" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "teacher_nominations_round_idx" ON "teacher_nominations" USING btree ("round_id","unit_code","status");--> statement-breakpoint
CREATE INDEX "teacher_nominations_unit_idx" ON "teacher_nominations" USING btree ("unit_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_nominations_person_idx" ON "teacher_nominations" USING btree ("round_id","id_index") WHERE "teacher_nominations"."status" <> 'withdrawn';