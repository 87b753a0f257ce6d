CREATE TABLE "teacher_pay_rectifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"finding_kinds" jsonb NOT NULL,
	"finding_text" text NOT NULL,
	"deadline" date NOT NULL,
	"measures" text,
	"return_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reported_by" text,
	"reported_at" timestamp with time zone,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_pay_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"teacher_avg_pay" integer NOT NULL,
	"civil_servant_avg_pay" integer NOT NULL,
	"teacher_base_pay" integer,
	"teacher_performance_pay" integer,
	"teacher_bonus" integer,
	"linkage_established" boolean NOT NULL,
	"linkage_document" text,
	"civil_servant_bonus_on" date,
	"teacher_bonus_on" date,
	"note" text,
	"below" boolean NOT NULL,
	"bonus_late" boolean NOT NULL,
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
ALTER TABLE "teacher_pay_rectifications" ADD CONSTRAINT "teacher_pay_rectifications_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_pay_returns" ADD CONSTRAINT "teacher_pay_returns_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_pay_rectifications_unit_idx" ON "teacher_pay_rectifications" USING btree ("unit_code","year","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_pay_returns_unit_year_idx" ON "teacher_pay_returns" USING btree ("unit_code","year");--> statement-breakpoint
CREATE INDEX "teacher_pay_returns_year_idx" ON "teacher_pay_returns" USING btree ("year","status");