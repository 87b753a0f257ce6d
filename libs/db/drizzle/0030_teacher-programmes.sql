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
ALTER TABLE "teacher_programme_persons" ADD CONSTRAINT "teacher_programme_persons_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_persons" ADD CONSTRAINT "teacher_programme_persons_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_persons" ADD CONSTRAINT "teacher_programme_persons_staff_id_teacher_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."teacher_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_programme_quotas" ADD CONSTRAINT "teacher_programme_quotas_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_programme_persons_person_idx" ON "teacher_programme_persons" USING btree ("id_index","programme");--> statement-breakpoint
CREATE INDEX "teacher_programme_persons_unit_idx" ON "teacher_programme_persons" USING btree ("unit_code","year","programme","status","id");--> statement-breakpoint
CREATE INDEX "teacher_programme_persons_end_idx" ON "teacher_programme_persons" USING btree ("obligation_ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_programme_quotas_key_idx" ON "teacher_programme_quotas" USING btree ("unit_code","year","programme");