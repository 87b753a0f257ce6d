CREATE TABLE "school_census" (
	"school_id" integer NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"ownership" text NOT NULL,
	"purchased_seats" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "school_census_school_id_school_year_pk" PRIMARY KEY("school_id","school_year"),
	CONSTRAINT "school_census_purchased_nonneg" CHECK ("school_census"."purchased_seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "private_conversion_teachers" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_index" varchar(64) NOT NULL,
	"id_cipher" text NOT NULL,
	"staff_status" text NOT NULL,
	"placement" text,
	"placed_on" date,
	"placed_at" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_conversions" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"type" text NOT NULL,
	"public_partner" text NOT NULL,
	"disposal" text,
	"plan" text,
	"status" text NOT NULL,
	"return_reason" text,
	"assets_on" date,
	"rename_on" date,
	"legal_person_on" date,
	"students_on" date,
	"completed_on" date,
	"accepted_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "private_conversions_schoolId_unique" UNIQUE("school_id")
);
--> statement-breakpoint
CREATE TABLE "private_county_targets" (
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"target_cut" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "private_county_targets_unit_code_school_year_pk" PRIMARY KEY("unit_code","school_year"),
	CONSTRAINT "private_county_targets_cut_nonneg" CHECK ("private_county_targets"."target_cut" >= 0)
);
--> statement-breakpoint
CREATE TABLE "private_levers" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"planned_year" varchar(9) NOT NULL,
	"students" integer,
	"status" text NOT NULL,
	"done_on" date,
	"note" text,
	"drop_reason" text,
	"conversion_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "private_levers_students_pos" CHECK ("private_levers"."students" is null or "private_levers"."students" > 0)
);
--> statement-breakpoint
CREATE TABLE "private_profiles" (
	"school_id" integer PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"licence_no" text NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"sponsor" text NOT NULL,
	"for_profit" boolean NOT NULL,
	"gcm_type" text,
	"party_org" text NOT NULL,
	"approved_intake" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"purchased_seats_count_as" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "school_census" ADD CONSTRAINT "school_census_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_conversion_teachers" ADD CONSTRAINT "private_conversion_teachers_case_id_private_conversions_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."private_conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_conversions" ADD CONSTRAINT "private_conversions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_conversions" ADD CONSTRAINT "private_conversions_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_county_targets" ADD CONSTRAINT "private_county_targets_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_levers" ADD CONSTRAINT "private_levers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_levers" ADD CONSTRAINT "private_levers_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_profiles" ADD CONSTRAINT "private_profiles_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_profiles" ADD CONSTRAINT "private_profiles_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_census_year_idx" ON "school_census" USING btree ("school_year","ownership");--> statement-breakpoint
CREATE UNIQUE INDEX "private_conversion_teachers_person_idx" ON "private_conversion_teachers" USING btree ("case_id","id_index");--> statement-breakpoint
CREATE INDEX "private_conversion_teachers_id_idx" ON "private_conversion_teachers" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "private_conversions_unit_idx" ON "private_conversions" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "private_levers_unit_idx" ON "private_levers" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "private_levers_school_idx" ON "private_levers" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_levers_conversion_idx" ON "private_levers" USING btree ("conversion_id");--> statement-breakpoint
INSERT INTO "school_census" ("school_id", "school_year", "ownership") SELECT DISTINCT e."school_id", e."school_year", s."ownership" FROM "school_enrolment" e JOIN "schools" s ON s."id" = e."school_id";
