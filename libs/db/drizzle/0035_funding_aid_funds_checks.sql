CREATE TABLE "funding_aid_check_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"check_id" integer NOT NULL,
	"payment_id" integer NOT NULL,
	"ord" smallint NOT NULL,
	"verdict" text,
	"problem" text,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "funding_aid_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"semester" varchar(6) NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"school_id" integer,
	"checker_level" text NOT NULL,
	"size" smallint NOT NULL,
	"seed" bigint NOT NULL,
	"population" integer NOT NULL,
	"status" text NOT NULL,
	"rectification" text,
	"reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_on" date,
	"updated_by" text,
	"updated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_aid_funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"semester" varchar(6) NOT NULL,
	"item" text NOT NULL,
	"budget" bigint NOT NULL,
	"allocated" bigint DEFAULT 0 NOT NULL,
	"allocated_on" date,
	"document_no" text,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_aid_check_items" ADD CONSTRAINT "funding_aid_check_items_check_id_funding_aid_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."funding_aid_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_check_items" ADD CONSTRAINT "funding_aid_check_items_payment_id_funding_aid_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."funding_aid_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_checks" ADD CONSTRAINT "funding_aid_checks_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_checks" ADD CONSTRAINT "funding_aid_checks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_aid_funds" ADD CONSTRAINT "funding_aid_funds_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_check_items_payment_idx" ON "funding_aid_check_items" USING btree ("check_id","payment_id");--> statement-breakpoint
CREATE INDEX "funding_aid_check_items_check_idx" ON "funding_aid_check_items" USING btree ("check_id","ord");--> statement-breakpoint
CREATE INDEX "funding_aid_checks_unit_idx" ON "funding_aid_checks" USING btree ("semester","unit_code","id");--> statement-breakpoint
CREATE INDEX "funding_aid_checks_school_idx" ON "funding_aid_checks" USING btree ("school_id","semester");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_aid_funds_key_idx" ON "funding_aid_funds" USING btree ("unit_code","semester","item");