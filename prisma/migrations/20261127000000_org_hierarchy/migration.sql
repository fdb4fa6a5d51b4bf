-- CreateEnum
CREATE TYPE "admin_level" AS ENUM ('province', 'district', 'commune');

-- CreateEnum
CREATE TYPE "lineage_kind" AS ENUM ('full', 'partial');

-- CreateEnum
CREATE TYPE "facility_kind" AS ENUM ('MCH_DEPARTMENT', 'NCHI', 'DEPARTMENT_OF_HEALTH', 'CDC', 'PROVINCIAL_FACILITY', 'DISTRICT_HEALTH_CENTER', 'DISTRICT_FACILITY', 'COMMUNE_HEALTH_STATION');

-- CreateTable
CREATE TABLE "admin_unit" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(40) NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "level" "admin_level" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "name_folded" VARCHAR(200) NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE,
    "valid_to" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_unit_lineage" (
    "id" SERIAL NOT NULL,
    "predecessor_id" INTEGER NOT NULL,
    "successor_id" INTEGER NOT NULL,
    "kind" "lineage_kind" NOT NULL,
    "effective_on" DATE NOT NULL,

    CONSTRAINT "admin_unit_lineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "facility" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(250) NOT NULL,
    "name_folded" VARCHAR(250) NOT NULL,
    "kind" "facility_kind" NOT NULL,
    "admin_unit_id" INTEGER,
    "valid_from" DATE,
    "valid_to" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "facility_reporting_line" (
    "id" SERIAL NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "reports_to_id" INTEGER NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,

    CONSTRAINT "facility_reporting_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_rule" (
    "id" SERIAL NOT NULL,
    "facility_kind" "facility_kind" NOT NULL,
    "reports_to_kind" "facility_kind" NOT NULL,
    "within_level" "admin_level",
    "valid_from" DATE,
    "valid_to" DATE,
    "note" VARCHAR(500),

    CONSTRAINT "reporting_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seed_run" (
    "name" VARCHAR(60) NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "applied_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seed_run_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_key_key" ON "admin_unit"("key");

-- CreateIndex
CREATE INDEX "admin_unit_code_idx" ON "admin_unit"("code");

-- CreateIndex
CREATE INDEX "admin_unit_parent_id_idx" ON "admin_unit"("parent_id");

-- CreateIndex
CREATE INDEX "admin_unit_level_valid_from_valid_to_idx" ON "admin_unit"("level", "valid_from", "valid_to");

-- CreateIndex
CREATE INDEX "admin_unit_lineage_successor_id_idx" ON "admin_unit_lineage"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_lineage_predecessor_id_successor_id_key" ON "admin_unit_lineage"("predecessor_id", "successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "facility_code_key" ON "facility"("code");

-- CreateIndex
CREATE INDEX "facility_admin_unit_id_idx" ON "facility"("admin_unit_id");

-- CreateIndex
CREATE INDEX "facility_kind_idx" ON "facility"("kind");

-- CreateIndex
CREATE INDEX "facility_valid_from_valid_to_idx" ON "facility"("valid_from", "valid_to");

-- CreateIndex
CREATE INDEX "facility_reporting_line_facility_id_idx" ON "facility_reporting_line"("facility_id");

-- CreateIndex
CREATE INDEX "facility_reporting_line_reports_to_id_idx" ON "facility_reporting_line"("reports_to_id");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit_lineage" ADD CONSTRAINT "admin_unit_lineage_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit_lineage" ADD CONSTRAINT "admin_unit_lineage_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility" ADD CONSTRAINT "facility_admin_unit_id_fkey" FOREIGN KEY ("admin_unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility_reporting_line" ADD CONSTRAINT "facility_reporting_line_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "facility_reporting_line" ADD CONSTRAINT "facility_reporting_line_reports_to_id_fkey" FOREIGN KEY ("reports_to_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
