-- New facility kinds: central/sector hospitals in a province, private clinics.
ALTER TYPE "facility_kind" ADD VALUE 'CENTRAL_FACILITY';
ALTER TYPE "facility_kind" ADD VALUE 'PRIVATE_CLINIC';

-- CreateEnum
CREATE TYPE "facility_ownership" AS ENUM ('PUBLIC', 'PRIVATE');

-- CreateEnum
CREATE TYPE "sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "event_place" AS ENUM ('FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH', 'OTHER_FACILITY');

-- CreateEnum
CREATE TYPE "record_source" AS ENUM ('ENTRY', 'EXCEL', 'API');

-- CreateEnum
CREATE TYPE "test_result" AS ENUM ('NEGATIVE', 'POSITIVE');

-- CreateEnum
CREATE TYPE "screening_result" AS ENUM ('NEGATIVE', 'POSITIVE', 'SUSPICIOUS');

-- CreateEnum
CREATE TYPE "glucose_result" AS ENUM ('NORMAL', 'ABOVE_NORMAL');

-- CreateEnum
CREATE TYPE "episode_closure" AS ENUM ('DELIVERY', 'ABORTION', 'PREGNANCY_LOSS', 'MOVED_AWAY');

-- CreateEnum
CREATE TYPE "attendant_kind" AS ENUM ('DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE', 'NURSE', 'VILLAGE_MIDWIFE', 'TRADITIONAL_BIRTH_ATTENDANT', 'RELATIVE', 'NONE');

-- CreateEnum
CREATE TYPE "delivery_mode" AS ENUM ('VAGINAL', 'INSTRUMENTAL', 'CAESAREAN');

-- CreateEnum
CREATE TYPE "abortion_method" AS ENUM ('MEDICAL', 'MANUAL_VACUUM', 'SURGICAL', 'OTHER');

-- CreateEnum
CREATE TYPE "contraceptive_method" AS ENUM ('IUD', 'INJECTABLE', 'IMPLANT', 'PILL', 'FEMALE_STERILISATION', 'MALE_STERILISATION', 'CONDOM', 'OTHER_MODERN');

-- CreateEnum
CREATE TYPE "acceptor_status" AS ENUM ('NEW', 'CONTINUING');

-- CreateEnum
CREATE TYPE "gyn_visit_purpose" AS ENUM ('CURATIVE', 'SCREENING');

-- CreateEnum
CREATE TYPE "complication_category" AS ENUM ('OBSTETRIC', 'CONTRACEPTIVE');

-- CreateEnum
CREATE TYPE "complication_outcome" AS ENUM ('RECOVERED', 'REFERRED', 'DIED');

-- CreateEnum
CREATE TYPE "maternal_death_timing" AS ENUM ('DURING_PREGNANCY', 'DURING_DELIVERY', 'WITHIN_42_DAYS');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('PREVIEWED', 'COMMITTED', 'DISCARDED', 'REFUSED');

-- Facility attributes the province forms group by.
ALTER TABLE "facility" ADD COLUMN "ownership" "facility_ownership" NOT NULL DEFAULT 'PUBLIC',
ADD COLUMN "maternal_services" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "child_services" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "address" VARCHAR(300);

-- CreateTable
CREATE TABLE "catalog" (
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200),
    "description" VARCHAR(500),
    "fixed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "catalog_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "catalog_item" (
    "id" SERIAL NOT NULL,
    "catalog_code" VARCHAR(40) NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "name_en" VARCHAR(300),
    "name_folded" VARCHAR(300) NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "valid_from" DATE,
    "valid_to" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "catalog_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "full_name_folded" VARCHAR(200) NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "sex" "sex" NOT NULL,
    "citizen_id" VARCHAR(12),
    "insurance_card" VARCHAR(15),
    "ethnicity_code" VARCHAR(4),
    "nationality_code" VARCHAR(4),
    "occupation_code" VARCHAR(10),
    "phone" VARCHAR(20),
    "mother_id" UUID,
    "merged_into_id" UUID,
    "facility_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_residence" (
    "id" SERIAL NOT NULL,
    "person_id" UUID NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "address" VARCHAR(300),
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,

    CONSTRAINT "person_residence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_source_id" (
    "source_system" VARCHAR(60) NOT NULL,
    "source_record_id" VARCHAR(100) NOT NULL,
    "person_id" UUID NOT NULL,

    CONSTRAINT "person_source_id_pkey" PRIMARY KEY ("source_system","source_record_id")
);

-- CreateTable
CREATE TABLE "person_facility" (
    "person_id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "first_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_facility_pkey" PRIMARY KEY ("person_id","facility_id")
);

-- CreateTable
CREATE TABLE "person_merge" (
    "id" UUID NOT NULL,
    "survivor_id" UUID NOT NULL,
    "merged_id" UUID NOT NULL,
    "moved" JSONB NOT NULL,
    "by_user_id" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMP(3),
    "undone_by_id" UUID,

    CONSTRAINT "person_merge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pregnancy_episode" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "registered_on" DATE NOT NULL,
    "lmp" DATE,
    "expected_on" DATE,
    "gravidity" INTEGER,
    "parity" INTEGER,
    "tetanus_doses_before" INTEGER NOT NULL DEFAULT 0,
    "closure" "episode_closure",
    "closed_on" DATE,
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pregnancy_episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "anc_visit" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "episode_id" UUID,
    "visit_date" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "ga_weeks" INTEGER,
    "weight_kg" DECIMAL(5,1),
    "height_cm" DECIMAL(5,1),
    "systolic" INTEGER,
    "diastolic" INTEGER,
    "fundal_height_cm" INTEGER,
    "fetal_heart_rate" INTEGER,
    "tetanus_dose_given" BOOLEAN NOT NULL DEFAULT false,
    "iron_folic_given" BOOLEAN NOT NULL DEFAULT false,
    "urine_protein" "test_result",
    "hbv_result" "test_result",
    "syphilis_result" "test_result",
    "hiv_result" "test_result",
    "glucose_result" "glucose_result",
    "examiner" VARCHAR(200),
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "anc_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "episode_id" UUID,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL,
    "delivery_date" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "attendant_kind" "attendant_kind" NOT NULL,
    "mode" "delivery_mode" NOT NULL,
    "ga_weeks" INTEGER,
    "babies" INTEGER NOT NULL DEFAULT 1,
    "hbv_labour_result" "test_result",
    "syphilis_labour_result" "test_result",
    "hiv_labour_result" "test_result",
    "hiv_confirmed_on" DATE,
    "arv_given" BOOLEAN NOT NULL DEFAULT false,
    "tetanus_doses_elsewhere" INTEGER NOT NULL DEFAULT 0,
    "discharged_at" TIMESTAMPTZ(3),
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "newborn" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID,
    "birth_order" INTEGER NOT NULL DEFAULT 1,
    "sex" "sex" NOT NULL,
    "live_born" BOOLEAN NOT NULL,
    "weight_grams" INTEGER,
    "asphyxia" BOOLEAN NOT NULL DEFAULT false,
    "eenc" BOOLEAN NOT NULL DEFAULT false,
    "kangaroo_care" BOOLEAN NOT NULL DEFAULT false,
    "vitamin_k1" BOOLEAN NOT NULL DEFAULT false,
    "hep_b_dose_at" TIMESTAMPTZ(3),
    "newborn_screening" BOOLEAN NOT NULL DEFAULT false,
    "ethnicity_code" VARCHAR(4),
    "birth_certificate_number" VARCHAR(30),
    "birth_certificate_book" VARCHAR(30),

    CONSTRAINT "newborn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postnatal_visit" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "visit_date" DATE NOT NULL,
    "notes" VARCHAR(500),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',

    CONSTRAINT "postnatal_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "abortion" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "episode_id" UUID,
    "performed_on" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "ga_weeks" INTEGER NOT NULL,
    "method" "abortion_method" NOT NULL,
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "abortion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contraception_service" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "served_on" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "method" "contraceptive_method" NOT NULL,
    "acceptor_status" "acceptor_status" NOT NULL,
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contraception_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complication" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "category" "complication_category" NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "onset_on" DATE NOT NULL,
    "outcome" "complication_outcome" NOT NULL,
    "delivery_id" UUID,
    "abortion_id" UUID,
    "contraception_id" UUID,

    CONSTRAINT "complication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gynaecology_visit" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "visit_date" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "purpose" "gyn_visit_purpose" NOT NULL,
    "via_vili_result" "screening_result",
    "cytology_sent" BOOLEAN NOT NULL DEFAULT false,
    "hpv_test_sent" BOOLEAN NOT NULL DEFAULT false,
    "treatment_given" BOOLEAN NOT NULL DEFAULT false,
    "treatments" TEXT[],
    "diagnosis" VARCHAR(500),
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "gynaecology_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hpv_vaccination" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "given_on" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "dose_number" INTEGER NOT NULL,
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hpv_vaccination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "child_exam" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "exam_date" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "weight_kg" DECIMAL(5,2),
    "height_cm" DECIMAL(5,1),
    "measured_lying" BOOLEAN,
    "age_days" INTEGER NOT NULL,
    "weight_for_age_z" DECIMAL(5,2),
    "height_for_age_z" DECIMAL(5,2),
    "weight_for_height_z" DECIMAL(5,2),
    "nutritional_status" TEXT[],
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "child_exam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "death" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "person_id" UUID,
    "mother_id" UUID,
    "recorded_on" DATE NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "sex" "sex",
    "date_of_birth" DATE,
    "ethnicity_code" VARCHAR(4),
    "occupation_code" VARCHAR(10),
    "died_on" DATE NOT NULL,
    "place" "event_place" NOT NULL,
    "main_cause" VARCHAR(500),
    "cause_code" VARCHAR(10),
    "seen_within_30_days" BOOLEAN,
    "attended_by_health_worker" BOOLEAN,
    "death_notice_issued" BOOLEAN,
    "maternal" BOOLEAN NOT NULL DEFAULT false,
    "maternal_timing" "maternal_death_timing",
    "audited" BOOLEAN NOT NULL DEFAULT false,
    "stillbirth" BOOLEAN NOT NULL DEFAULT false,
    "stillbirth_ga_weeks" INTEGER,
    "age_days" INTEGER,
    "collector" VARCHAR(200),
    "family_phone" VARCHAR(20),
    "notes" VARCHAR(1000),
    "source" "record_source" NOT NULL DEFAULT 'ENTRY',
    "source_system" VARCHAR(60),
    "source_record_id" VARCHAR(100),
    "import_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "death_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_period_lock" (
    "facility_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "locked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "register_period_lock_pkey" PRIMARY KEY ("facility_id","month")
);

-- CreateTable
CREATE TABLE "register_import" (
    "id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "register" VARCHAR(40) NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "file_size" INTEGER NOT NULL,
    "file_sha256" VARCHAR(64) NOT NULL,
    "file" BYTEA NOT NULL,
    "status" "import_status" NOT NULL,
    "all_or_nothing" BOOLEAN NOT NULL DEFAULT false,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "valid_rows" INTEGER NOT NULL DEFAULT 0,
    "error_rows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "by_user_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMP(3),

    CONSTRAINT "register_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_import_row" (
    "import_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "errors" JSONB,
    "data" JSONB,

    CONSTRAINT "register_import_row_pkey" PRIMARY KEY ("import_id","row_number")
);

-- CreateIndex
CREATE INDEX "catalog_item_catalog_code_valid_from_valid_to_idx" ON "catalog_item"("catalog_code", "valid_from", "valid_to");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_item_catalog_code_code_valid_from_key" ON "catalog_item"("catalog_code", "code", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "person_citizen_id_key" ON "person"("citizen_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_insurance_card_key" ON "person"("insurance_card");

-- CreateIndex
CREATE INDEX "person_full_name_folded_date_of_birth_idx" ON "person"("full_name_folded", "date_of_birth");

-- CreateIndex
CREATE INDEX "person_mother_id_idx" ON "person"("mother_id");

-- CreateIndex
CREATE INDEX "person_merged_into_id_idx" ON "person"("merged_into_id");

-- CreateIndex
CREATE INDEX "person_residence_person_id_valid_from_idx" ON "person_residence"("person_id", "valid_from");

-- CreateIndex
CREATE INDEX "person_residence_commune_id_idx" ON "person_residence"("commune_id");

-- CreateIndex
CREATE INDEX "person_source_id_person_id_idx" ON "person_source_id"("person_id");

-- CreateIndex
CREATE INDEX "person_facility_facility_id_idx" ON "person_facility"("facility_id");

-- CreateIndex
CREATE INDEX "person_merge_survivor_id_idx" ON "person_merge"("survivor_id");

-- CreateIndex
CREATE INDEX "person_merge_merged_id_idx" ON "person_merge"("merged_id");

-- CreateIndex
CREATE INDEX "pregnancy_episode_facility_id_registered_on_idx" ON "pregnancy_episode"("facility_id", "registered_on");

-- CreateIndex
CREATE INDEX "pregnancy_episode_person_id_idx" ON "pregnancy_episode"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "pregnancy_episode_source_system_source_record_id_key" ON "pregnancy_episode"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "anc_visit_facility_id_visit_date_idx" ON "anc_visit"("facility_id", "visit_date");

-- CreateIndex
CREATE INDEX "anc_visit_episode_id_visit_date_idx" ON "anc_visit"("episode_id", "visit_date");

-- CreateIndex
CREATE INDEX "anc_visit_person_id_idx" ON "anc_visit"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "anc_visit_source_system_source_record_id_key" ON "anc_visit"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "delivery_facility_id_delivery_date_idx" ON "delivery"("facility_id", "delivery_date");

-- CreateIndex
CREATE INDEX "delivery_episode_id_idx" ON "delivery"("episode_id");

-- CreateIndex
CREATE INDEX "delivery_person_id_idx" ON "delivery"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_source_system_source_record_id_key" ON "delivery"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "newborn_facility_id_idx" ON "newborn"("facility_id");

-- CreateIndex
CREATE INDEX "newborn_person_id_idx" ON "newborn"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "newborn_delivery_id_birth_order_key" ON "newborn"("delivery_id", "birth_order");

-- CreateIndex
CREATE INDEX "postnatal_visit_facility_id_visit_date_idx" ON "postnatal_visit"("facility_id", "visit_date");

-- CreateIndex
CREATE INDEX "postnatal_visit_delivery_id_idx" ON "postnatal_visit"("delivery_id");

-- CreateIndex
CREATE INDEX "abortion_facility_id_performed_on_idx" ON "abortion"("facility_id", "performed_on");

-- CreateIndex
CREATE INDEX "abortion_person_id_idx" ON "abortion"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "abortion_source_system_source_record_id_key" ON "abortion"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "contraception_service_facility_id_served_on_idx" ON "contraception_service"("facility_id", "served_on");

-- CreateIndex
CREATE INDEX "contraception_service_person_id_idx" ON "contraception_service"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "contraception_service_source_system_source_record_id_key" ON "contraception_service"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "complication_facility_id_onset_on_idx" ON "complication"("facility_id", "onset_on");

-- CreateIndex
CREATE INDEX "complication_delivery_id_idx" ON "complication"("delivery_id");

-- CreateIndex
CREATE INDEX "complication_abortion_id_idx" ON "complication"("abortion_id");

-- CreateIndex
CREATE INDEX "complication_contraception_id_idx" ON "complication"("contraception_id");

-- CreateIndex
CREATE INDEX "gynaecology_visit_facility_id_visit_date_idx" ON "gynaecology_visit"("facility_id", "visit_date");

-- CreateIndex
CREATE INDEX "gynaecology_visit_person_id_idx" ON "gynaecology_visit"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "gynaecology_visit_source_system_source_record_id_key" ON "gynaecology_visit"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "hpv_vaccination_facility_id_given_on_idx" ON "hpv_vaccination"("facility_id", "given_on");

-- CreateIndex
CREATE INDEX "hpv_vaccination_person_id_idx" ON "hpv_vaccination"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "hpv_vaccination_source_system_source_record_id_key" ON "hpv_vaccination"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "child_exam_facility_id_exam_date_idx" ON "child_exam"("facility_id", "exam_date");

-- CreateIndex
CREATE INDEX "child_exam_person_id_idx" ON "child_exam"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "child_exam_source_system_source_record_id_key" ON "child_exam"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "death_facility_id_died_on_idx" ON "death"("facility_id", "died_on");

-- CreateIndex
CREATE INDEX "death_person_id_idx" ON "death"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "death_source_system_source_record_id_key" ON "death"("source_system", "source_record_id");

-- CreateIndex
CREATE INDEX "register_import_facility_id_created_at_idx" ON "register_import"("facility_id", "created_at");

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_catalog_code_fkey" FOREIGN KEY ("catalog_code") REFERENCES "catalog"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_mother_id_fkey" FOREIGN KEY ("mother_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_residence" ADD CONSTRAINT "person_residence_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_residence" ADD CONSTRAINT "person_residence_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_source_id" ADD CONSTRAINT "person_source_id_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_facility" ADD CONSTRAINT "person_facility_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_facility" ADD CONSTRAINT "person_facility_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pregnancy_episode" ADD CONSTRAINT "pregnancy_episode_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pregnancy_episode" ADD CONSTRAINT "pregnancy_episode_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "anc_visit" ADD CONSTRAINT "anc_visit_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "anc_visit" ADD CONSTRAINT "anc_visit_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "anc_visit" ADD CONSTRAINT "anc_visit_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "pregnancy_episode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "pregnancy_episode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newborn" ADD CONSTRAINT "newborn_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newborn" ADD CONSTRAINT "newborn_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newborn" ADD CONSTRAINT "newborn_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postnatal_visit" ADD CONSTRAINT "postnatal_visit_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postnatal_visit" ADD CONSTRAINT "postnatal_visit_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abortion" ADD CONSTRAINT "abortion_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abortion" ADD CONSTRAINT "abortion_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abortion" ADD CONSTRAINT "abortion_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "pregnancy_episode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contraception_service" ADD CONSTRAINT "contraception_service_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contraception_service" ADD CONSTRAINT "contraception_service_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complication" ADD CONSTRAINT "complication_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complication" ADD CONSTRAINT "complication_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complication" ADD CONSTRAINT "complication_abortion_id_fkey" FOREIGN KEY ("abortion_id") REFERENCES "abortion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complication" ADD CONSTRAINT "complication_contraception_id_fkey" FOREIGN KEY ("contraception_id") REFERENCES "contraception_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gynaecology_visit" ADD CONSTRAINT "gynaecology_visit_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gynaecology_visit" ADD CONSTRAINT "gynaecology_visit_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hpv_vaccination" ADD CONSTRAINT "hpv_vaccination_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hpv_vaccination" ADD CONSTRAINT "hpv_vaccination_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_exam" ADD CONSTRAINT "child_exam_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_exam" ADD CONSTRAINT "child_exam_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "death" ADD CONSTRAINT "death_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "death" ADD CONSTRAINT "death_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "death" ADD CONSTRAINT "death_mother_id_fkey" FOREIGN KEY ("mother_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_period_lock" ADD CONSTRAINT "register_period_lock_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_import" ADD CONSTRAINT "register_import_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_import_row" ADD CONSTRAINT "register_import_row_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "register_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;
