CREATE TABLE "private_inspection_opinions" (
	"inspection_id" integer NOT NULL,
	"dept" text NOT NULL,
	"verdict" text,
	"comment" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "private_inspection_opinions_inspection_id_dept_pk" PRIMARY KEY("inspection_id","dept")
);
--> statement-breakpoint
CREATE TABLE "private_inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"authority" text NOT NULL,
	"status" text NOT NULL,
	"materials" text,
	"site_visit" text,
	"notice" text,
	"rectify_by" date,
	"report" text,
	"grade" text,
	"conclusion" text,
	"enrolment_stopped_year" smallint,
	"published_on" date,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "private_inspection_opinions" ADD CONSTRAINT "private_inspection_opinions_inspection_id_private_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."private_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_inspections" ADD CONSTRAINT "private_inspections_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_inspections" ADD CONSTRAINT "private_inspections_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_inspection_opinions_dept_idx" ON "private_inspection_opinions" USING btree ("dept","inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_inspections_school_year_idx" ON "private_inspections" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "private_inspections_unit_idx" ON "private_inspections" USING btree ("unit_code","status","id");