CREATE TABLE "teacher_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"import_mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
