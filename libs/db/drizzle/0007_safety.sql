CREATE TABLE "safety_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" integer NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_hazards" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"inspection_id" integer,
	"source" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"found_on" date NOT NULL,
	"location" text,
	"description" text NOT NULL,
	"responsible_person" text NOT NULL,
	"deadline" date,
	"measures" text,
	"status" text NOT NULL,
	"return_reason" text,
	"returns" smallint DEFAULT 0 NOT NULL,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_incident_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"incident_id" integer NOT NULL,
	"stage" text NOT NULL,
	"note" text NOT NULL,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"deaths" integer NOT NULL,
	"injuries" integer NOT NULL,
	"public_opinion" boolean NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "safety_incidents_nonneg" CHECK ("safety_incidents"."deaths" >= 0 and "safety_incidents"."injuries" >= 0)
);
--> statement-breakpoint
CREATE TABLE "safety_inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"inspected_on" date NOT NULL,
	"level" text NOT NULL,
	"categories" text[] NOT NULL,
	"inspectors" text NOT NULL,
	"summary" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_profiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"term" varchar(11) NOT NULL,
	"students" integer NOT NULL,
	"staff" integer NOT NULL,
	"fulltime_guards" integer NOT NULL,
	"closed_management" boolean NOT NULL,
	"alarm_linked110" boolean NOT NULL,
	"video_linked_police" boolean NOT NULL,
	"guard_post" boolean NOT NULL,
	"anti_ram" boolean,
	"evidence_date" date NOT NULL,
	"review" text NOT NULL,
	"return_reason" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "safety_profiles_school_term" UNIQUE("school_id","term"),
	CONSTRAINT "safety_profiles_nonneg" CHECK ("safety_profiles"."students" >= 0 and "safety_profiles"."staff" >= 0 and "safety_profiles"."fulltime_guards" >= 0)
);
--> statement-breakpoint
CREATE TABLE "safety_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"fourth" text NOT NULL,
	"norm" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "safety_activities" ADD CONSTRAINT "safety_activities_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_activities" ADD CONSTRAINT "safety_activities_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_hazards" ADD CONSTRAINT "safety_hazards_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_hazards" ADD CONSTRAINT "safety_hazards_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_hazards" ADD CONSTRAINT "safety_hazards_inspection_id_safety_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."safety_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_incident_reports" ADD CONSTRAINT "safety_incident_reports_incident_id_safety_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."safety_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_incidents" ADD CONSTRAINT "safety_incidents_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_inspections" ADD CONSTRAINT "safety_inspections_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_inspections" ADD CONSTRAINT "safety_inspections_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_profiles" ADD CONSTRAINT "safety_profiles_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_profiles" ADD CONSTRAINT "safety_profiles_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safety_activities_unit_held_idx" ON "safety_activities" USING btree ("unit_code","held_on");--> statement-breakpoint
CREATE INDEX "safety_activities_school_topic_idx" ON "safety_activities" USING btree ("school_id","topic","held_on");--> statement-breakpoint
CREATE INDEX "safety_hazards_unit_status_idx" ON "safety_hazards" USING btree ("unit_code","status","found_on");--> statement-breakpoint
CREATE INDEX "safety_hazards_school_idx" ON "safety_hazards" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "safety_hazards_open_deadline_idx" ON "safety_hazards" USING btree ("deadline") WHERE "safety_hazards"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "safety_hazards_found_idx" ON "safety_hazards" USING btree ("found_on","id");--> statement-breakpoint
CREATE INDEX "safety_incident_reports_incident_idx" ON "safety_incident_reports" USING btree ("incident_id","reported_at");--> statement-breakpoint
CREATE INDEX "safety_incidents_unit_time_idx" ON "safety_incidents" USING btree ("unit_code","occurred_at");--> statement-breakpoint
CREATE INDEX "safety_inspections_unit_date_idx" ON "safety_inspections" USING btree ("unit_code","inspected_on");--> statement-breakpoint
CREATE INDEX "safety_inspections_school_idx" ON "safety_inspections" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "safety_profiles_term_unit_idx" ON "safety_profiles" USING btree ("term","unit_code");