CREATE TABLE "teacher_training_counts" (
	"project_id" integer NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"participants" integer NOT NULL,
	"completed" integer NOT NULL,
	CONSTRAINT "teacher_training_counts_project_id_unit_code_pk" PRIMARY KEY("project_id","unit_code")
);
--> statement-breakpoint
CREATE TABLE "teacher_appraisal_counts" (
	"unit_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"result" text NOT NULL,
	"ethics" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "teacher_appraisal_counts_unit_code_year_result_ethics_pk" PRIMARY KEY("unit_code","year","result","ethics")
);
--> statement-breakpoint
DROP INDEX "teacher_appraisals_unit_idx";--> statement-breakpoint
ALTER TABLE "teacher_staff" ADD COLUMN "it_met_until" date;--> statement-breakpoint
ALTER TABLE "teacher_staff" ADD COLUMN "it_last_on" date;--> statement-breakpoint
ALTER TABLE "teacher_training_counts" ADD CONSTRAINT "teacher_training_counts_project_id_teacher_training_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."teacher_training_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_training_counts" ADD CONSTRAINT "teacher_training_counts_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_appraisal_counts" ADD CONSTRAINT "teacher_appraisal_counts_unit_code_org_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teacher_staff_it_idx" ON "teacher_staff" USING btree ("it_met_until","unit_code","school_id") WHERE "teacher_staff"."left_on" is null and "teacher_staff"."post" = 'teacher';--> statement-breakpoint
CREATE INDEX "teacher_staff_it_last_idx" ON "teacher_staff" USING btree ("it_last_on") WHERE "teacher_staff"."left_on" is null and "teacher_staff"."post" = 'teacher';--> statement-breakpoint
CREATE INDEX "teacher_appraisals_result_idx" ON "teacher_appraisals" USING btree ("result","unit_code","year" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "teacher_appraisals_ethics_idx" ON "teacher_appraisals" USING btree ("ethics","unit_code","year" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "teacher_appraisals_unit_idx" ON "teacher_appraisals" USING btree ("unit_code","year" DESC NULLS FIRST,"id");
--> statement-breakpoint
DROP INDEX "teacher_staff_unit_idx";--> statement-breakpoint
CREATE INDEX "teacher_staff_unit_idx" ON "teacher_staff" USING btree ("unit_code","school_id","id","status","post","name","joined_on") WHERE "teacher_staff"."left_on" is null;
--> statement-breakpoint
-- Backfill of the rollup for databases that hold training records (the rule at this release: 50 hours in 3 years;
-- later writes keep it through refreshItStanding in libs/db/src/it-standing.ts, which reads the rule from the domain).
UPDATE "teacher_staff" st SET "it_met_until" = a.met_until, "it_last_on" = a.last_on
FROM "teacher_staff" s
JOIN (
  SELECT x.id_index,
    max(CASE WHEN x.cum >= 50 AND x.cum - x.hours < 50 THEN
      CASE WHEN to_char(x.recorded_on, 'MM-DD') = '02-29' AND to_char((x.recorded_on + interval '3 years')::date, 'MM-DD') = '02-28'
        THEN (x.recorded_on + interval '3 years')::date ELSE ((x.recorded_on + interval '3 years')::date - 1) END END) AS met_until,
    max(x.recorded_on) AS last_on
  FROM (
    SELECT r.id_index, r.recorded_on, r.hours,
      sum(r.hours) OVER (PARTITION BY r.id_index ORDER BY r.recorded_on DESC, r.id ROWS UNBOUNDED PRECEDING) AS cum
    FROM "teacher_training_records" r JOIN "teacher_training_projects" p ON p.id = r.project_id
    WHERE p.it_capability
  ) x
  GROUP BY x.id_index
) a ON a.id_index = s.id_index
WHERE s.id = st.id;
--> statement-breakpoint
-- The appraisals counted per county, year and results (later writes keep them through countAppraisals).
INSERT INTO "teacher_appraisal_counts" ("unit_code", "year", "result", "ethics", "n")
  SELECT "unit_code", "year", "result", "ethics", count(*)::int FROM "teacher_appraisals" GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- The training records counted per project and county (later writes keep them through recountTraining).
INSERT INTO "teacher_training_counts" ("project_id", "unit_code", "participants", "completed")
  SELECT "project_id", "unit_code", count(*)::int, (count(*) FILTER (WHERE "completed"))::int FROM "teacher_training_records" GROUP BY 1, 2;
