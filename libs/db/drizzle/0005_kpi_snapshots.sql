CREATE TABLE "kpi_snapshots" (
	"kpi_id" text NOT NULL,
	"taken_on" date NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"num" double precision NOT NULL,
	"den" double precision,
	CONSTRAINT "kpi_snapshots_kpi_id_taken_on_unit_code_pk" PRIMARY KEY("kpi_id","taken_on","unit_code")
);
