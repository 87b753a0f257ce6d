ALTER TABLE "school_census" ADD COLUMN "compulsory_pupils" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "school_census" ADD CONSTRAINT "school_census_pupils_nonneg" CHECK ("school_census"."compulsory_pupils" >= 0);--> statement-breakpoint
UPDATE "school_census" c SET "compulsory_pupils" = coalesce((SELECT sum(e."students") FROM "school_enrolment" e WHERE e."school_id" = c."school_id" AND e."school_year" = c."school_year" AND (e."grade" LIKE 'P%' OR e."grade" LIKE 'J%')), 0);
