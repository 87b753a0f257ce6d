CREATE TABLE "private_enforcement_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"handler_level" text NOT NULL,
	"institution_id" integer,
	"subject_name" text NOT NULL,
	"subject_address" text NOT NULL,
	"uscc" varchar(18),
	"violation" text NOT NULL,
	"covert_form" text,
	"clue_source" text NOT NULL,
	"clue_on" date NOT NULL,
	"summary" text NOT NULL,
	"prepaid_from" date,
	"prepaid_to" date,
	"prepaid_lessons" integer,
	"prepaid_amount" integer,
	"status" text NOT NULL,
	"filed_on" date,
	"case_no" text,
	"decline_reason" text,
	"notified_on" date,
	"hearing_requested" boolean,
	"representation" text,
	"decided_on" date,
	"decision_no" text,
	"penalties" text[],
	"fine_fen" integer,
	"confiscated_fen" integer,
	"executed_on" date,
	"execution_result" text,
	"closed_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "private_enforcement_cases" ADD CONSTRAINT "private_enforcement_cases_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_enforcement_cases_unit_idx" ON "private_enforcement_cases" USING btree ("unit_code","status","id");--> statement-breakpoint
CREATE INDEX "private_enforcement_cases_filed_idx" ON "private_enforcement_cases" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "private_enforcement_cases_institution_idx" ON "private_enforcement_cases" USING btree ("institution_id");