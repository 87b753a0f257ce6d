CREATE TABLE "funding_allocation_versions" (
	"year" smallint PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_project_milestones" (
	"project_id" integer NOT NULL,
	"milestone" text NOT NULL,
	"planned_on" date NOT NULL,
	"reached_on" date,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "funding_project_milestones_project_id_milestone_pk" PRIMARY KEY("project_id","milestone")
);
--> statement-breakpoint
CREATE TABLE "funding_seat_allocations" (
	"year" smallint NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"sector" text NOT NULL,
	"area" text NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "funding_seat_allocations_year_unit_code_sector_area_pk" PRIMARY KEY("year","unit_code","sector","area")
);
--> statement-breakpoint
CREATE TABLE "funding_seat_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_id" integer,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sector" text NOT NULL,
	"area" text NOT NULL,
	"planned_seats" integer NOT NULL,
	"investment" bigint NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"named_key" text,
	"item_no" smallint DEFAULT 9 NOT NULL,
	"note" text,
	"stage" text,
	"next_due" date,
	"in_use_on" date,
	"delivered_seats" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"checked_units" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_spending_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"budget_spending" bigint NOT NULL,
	"by_stage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reported_pupils" integer,
	"note" text,
	"status" text NOT NULL,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_project_milestones" ADD CONSTRAINT "funding_project_milestones_project_id_funding_seat_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_seat_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_seat_allocations" ADD CONSTRAINT "funding_seat_allocations_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_seat_projects" ADD CONSTRAINT "funding_seat_projects_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_seat_projects" ADD CONSTRAINT "funding_seat_projects_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_spending_returns" ADD CONSTRAINT "funding_spending_returns_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_seat_projects_unit_idx" ON "funding_seat_projects" USING btree ("unit_code","id");--> statement-breakpoint
CREATE INDEX "funding_seat_projects_in_use_idx" ON "funding_seat_projects" USING btree ("in_use_on");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_seat_projects_named_idx" ON "funding_seat_projects" USING btree ("named_key");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_spending_returns_unit_year_idx" ON "funding_spending_returns" USING btree ("unit_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "funding_spending_returns_year_idx" ON "funding_spending_returns" USING btree ("fiscal_year","status");