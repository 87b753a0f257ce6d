ALTER TABLE "teacher_entries" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "teacher_entries" ADD COLUMN "id_cipher" text;