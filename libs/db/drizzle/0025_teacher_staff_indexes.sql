DROP INDEX "teacher_staff_unit_idx";--> statement-breakpoint
CREATE INDEX "teacher_entries_staff_idx" ON "teacher_entries" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "teacher_staff_unit_idx" ON "teacher_staff" USING btree ("unit_code","school_id","id","status","post","name") WHERE "teacher_staff"."left_on" is null;