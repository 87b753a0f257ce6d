CREATE TABLE "import_staging" (
	"job" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row_number" integer NOT NULL,
	"target_id" integer,
	"payload" jsonb NOT NULL,
	"staged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_staging_job_seq_pk" PRIMARY KEY("job","seq")
);
--> statement-breakpoint
CREATE INDEX "import_staging_staged_idx" ON "import_staging" USING btree ("staged_at");