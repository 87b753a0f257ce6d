-- Text search by trigram (pg_trgm: PostgreSQL's contrib package; PGlite loads it as an extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "schools_name_trgm_idx" ON "schools" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "safety_hazards_description_trgm_idx" ON "safety_hazards" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "teacher_staff_name_trgm_idx" ON "teacher_staff" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "funding_aid_matches_name_trgm_idx" ON "funding_aid_matches" USING gin ("name" gin_trgm_ops);