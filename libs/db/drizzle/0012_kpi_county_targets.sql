CREATE TABLE "kpi_county_targets" (
	"kpi_id" text NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"target" double precision NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kpi_county_targets_kpi_id_unit_code_year_pk" PRIMARY KEY("kpi_id","unit_code","year")
);
--> statement-breakpoint
ALTER TABLE "kpi_county_targets" ADD CONSTRAINT "kpi_county_targets_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_county_targets_year_idx" ON "kpi_county_targets" USING btree ("year");