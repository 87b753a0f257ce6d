CREATE TABLE "private_kindergarten_fees" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"term" text NOT NULL,
	"fee_charged" integer NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "private_kindergarten_fees_term_key" UNIQUE("school_id","school_year","term"),
	CONSTRAINT "private_kindergarten_fees_positive" CHECK ("private_kindergarten_fees"."fee_charged" > 0)
);
--> statement-breakpoint
CREATE TABLE "private_preschool_populations" (
	"unit_code" varchar(6) NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"population" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "private_preschool_populations_unit_code_school_year_pk" PRIMARY KEY("unit_code","school_year"),
	CONSTRAINT "private_preschool_populations_positive" CHECK ("private_preschool_populations"."population" > 0)
);
--> statement-breakpoint
ALTER TABLE "private_kindergarten_fees" ADD CONSTRAINT "private_kindergarten_fees_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_kindergarten_fees" ADD CONSTRAINT "private_kindergarten_fees_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_preschool_populations" ADD CONSTRAINT "private_preschool_populations_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_kindergarten_fees_unit_idx" ON "private_kindergarten_fees" USING btree ("unit_code","school_year","id");