ALTER TABLE "safety_incidents" ADD COLUMN "chain_state" text DEFAULT 'reported' NOT NULL;--> statement-breakpoint
UPDATE "safety_incidents" AS i SET "chain_state" = CASE
  WHEN EXISTS (SELECT 1 FROM "safety_incident_reports" r WHERE r."incident_id" = i."id" AND r."stage" = 'final_report') THEN 'closed'
  WHEN EXISTS (SELECT 1 FROM "safety_incident_reports" r WHERE r."incident_id" = i."id" AND r."stage" = 'city_received') THEN 'city_received'
  WHEN EXISTS (SELECT 1 FROM "safety_incident_reports" r WHERE r."incident_id" = i."id" AND r."stage" = 'county_report') THEN 'county_reported'
  WHEN EXISTS (SELECT 1 FROM "safety_incident_reports" r WHERE r."incident_id" = i."id" AND r."stage" = 'county_received') THEN 'county_received'
  ELSE 'reported'
END;
