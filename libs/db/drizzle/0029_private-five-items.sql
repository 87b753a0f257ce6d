CREATE TABLE "private_five_items_due" (
	"term" text PRIMARY KEY NOT NULL,
	"due" date NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_five_items_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"term" text NOT NULL,
	"status" text NOT NULL,
	"grades" jsonb NOT NULL,
	"phone_managed" boolean NOT NULL,
	"phone_written_request" boolean NOT NULL,
	"reading_reviewed" boolean NOT NULL,
	"after_school_covered" integer NOT NULL,
	"after_school_willing" integer NOT NULL,
	"after_school_end" varchar(5) NOT NULL,
	"note" text,
	"compliant" boolean NOT NULL,
	"breaches" smallint NOT NULL,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_five_items_work_end" (
	"unit_code" varchar(6) PRIMARY KEY NOT NULL,
	"work_end" varchar(5) NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "private_five_items_returns" ADD CONSTRAINT "private_five_items_returns_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_five_items_returns" ADD CONSTRAINT "private_five_items_returns_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_five_items_work_end" ADD CONSTRAINT "private_five_items_work_end_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "private_five_items_returns_school_term_idx" ON "private_five_items_returns" USING btree ("school_id","term");--> statement-breakpoint
CREATE INDEX "private_five_items_returns_unit_idx" ON "private_five_items_returns" USING btree ("unit_code","term","status","id");