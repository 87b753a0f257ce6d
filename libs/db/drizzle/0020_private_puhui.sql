CREATE TABLE "private_puhui_recognitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"fee_asked" integer NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"fee_cap" integer,
	"subsidy" integer,
	"valid_from" date,
	"revoked_on" date,
	"return_reason" text,
	"refusal_reason" text,
	"revocation_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "private_puhui_recognitions" ADD CONSTRAINT "private_puhui_recognitions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_puhui_recognitions" ADD CONSTRAINT "private_puhui_recognitions_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_puhui_recognitions_unit_idx" ON "private_puhui_recognitions" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "private_puhui_recognitions_school_idx" ON "private_puhui_recognitions" USING btree ("school_id","id");