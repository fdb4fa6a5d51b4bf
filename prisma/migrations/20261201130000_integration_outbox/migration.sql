-- Outbound integration (issue 8 items 3-5, docs/operations/integration.md).
-- outbox_item: what is to be sent to DHIS2, the EHR repository (FHIR) and the e-handbook's webhook,
-- written in the transaction of the change it announces and delivered by the outbox scheduler.
-- record_change: every change of a person, an episode or a register row, with its transaction id,
-- read by the e-handbook feed in an order no later commit can insert into.
-- The triggers below write both, whichever path changes the data (entry, Excel, API, a DBA).
-- (No semicolons in these comments: the JS schema engine splits scripts at every one.)

-- CreateEnum
CREATE TYPE "outbox_destination" AS ENUM ('DHIS2', 'FHIR', 'EHANDBOOK');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

-- CreateTable
CREATE TABLE "outbox_item" (
    "id" BIGSERIAL NOT NULL,
    "destination" "outbox_destination" NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "subject" VARCHAR(160) NOT NULL,
    "facility_id" INTEGER,
    "payload" JSONB NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" VARCHAR(2000),
    "response" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_change" (
    "seq" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint,
    "register" VARCHAR(30) NOT NULL,
    "record_id" UUID NOT NULL,
    "person_id" UUID,
    "facility_id" INTEGER,
    "op" VARCHAR(6) NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_change_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "integration_sync_state" (
    "key" VARCHAR(80) NOT NULL,
    "cursor" VARCHAR(200),
    "last_run_at" TIMESTAMP(3),
    "last_success_at" TIMESTAMP(3),
    "last_error" VARCHAR(2000),
    "details" JSONB,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_sync_state_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "dhis2_form_mapping" (
    "form" VARCHAR(40) NOT NULL,
    "data_set" VARCHAR(60) NOT NULL,
    "cells" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dhis2_form_mapping_pkey" PRIMARY KEY ("form")
);

-- CreateTable
CREATE TABLE "dhis2_org_unit" (
    "facility_id" INTEGER NOT NULL,
    "org_unit" VARCHAR(60) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dhis2_org_unit_pkey" PRIMARY KEY ("facility_id")
);

-- CreateTable
CREATE TABLE "ehandbook_webhook" (
    "client_id" UUID NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "secret" VARCHAR(200) NOT NULL,
    "notified_cursor" VARCHAR(60),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ehandbook_webhook_pkey" PRIMARY KEY ("client_id")
);

-- CreateIndex
CREATE INDEX "outbox_item_destination_status_next_attempt_at_id_idx" ON "outbox_item"("destination", "status", "next_attempt_at", "id");

-- CreateIndex
CREATE INDEX "outbox_item_destination_subject_idx" ON "outbox_item"("destination", "subject");

-- CreateIndex
CREATE INDEX "outbox_item_facility_id_idx" ON "outbox_item"("facility_id");

-- CreateIndex
CREATE INDEX "record_change_txid_seq_idx" ON "record_change"("txid", "seq");

-- CreateIndex
CREATE INDEX "record_change_person_id_txid_seq_idx" ON "record_change"("person_id", "txid", "seq");

-- CreateIndex
CREATE INDEX "record_change_changed_at_idx" ON "record_change"("changed_at");

-- CreateIndex
CREATE UNIQUE INDEX "dhis2_org_unit_org_unit_key" ON "dhis2_org_unit"("org_unit");

-- Statement-level triggers with transition tables: one INSERT per statement, also for bulk writes.
-- The function bodies are escape strings that write their semicolons as \073.
CREATE FUNCTION record_change_capture() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  WITH captured AS (
    INSERT INTO record_change (register, record_id, person_id, facility_id, op)
    SELECT TG_ARGV[0], c.id, (to_jsonb(c) ->> TG_ARGV[1])::uuid, c.facility_id, TG_OP FROM changed c
    RETURNING register, record_id, person_id, facility_id, op
  )
  INSERT INTO outbox_item (destination, kind, subject, facility_id, payload)
  SELECT ''FHIR'', ''fhir.record'', register || '':'' || record_id, facility_id,
         jsonb_build_object(''register'', register, ''recordId'', record_id, ''personId'', person_id, ''op'', op)
  FROM captured WHERE register <> ''episodes''\073
  RETURN NULL\073
END
';

-- A newborn, postnatal visit or complication changes the record it belongs to.
CREATE FUNCTION record_child_change_capture() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  WITH parents AS (
    SELECT DISTINCT
      CASE WHEN j ->> ''delivery_id'' IS NOT NULL THEN ''deliveries'' WHEN j ->> ''abortion_id'' IS NOT NULL THEN ''abortions'' ELSE ''contraception'' END AS register,
      coalesce(j ->> ''delivery_id'', j ->> ''abortion_id'', j ->> ''contraception_id'')::uuid AS record_id,
      (j ->> ''facility_id'')::int AS facility_id
    FROM (SELECT to_jsonb(c) AS j FROM changed c) AS rows_changed
  ), captured AS (
    INSERT INTO record_change (register, record_id, person_id, facility_id, op)
    SELECT p.register, p.record_id,
      coalesce((SELECT d.person_id FROM delivery d WHERE d.id = p.record_id),
               (SELECT a.person_id FROM abortion a WHERE a.id = p.record_id),
               (SELECT s.person_id FROM contraception_service s WHERE s.id = p.record_id)),
      p.facility_id, ''UPDATE''
    FROM parents p WHERE p.record_id IS NOT NULL
    RETURNING register, record_id, person_id, facility_id, op
  )
  INSERT INTO outbox_item (destination, kind, subject, facility_id, payload)
  SELECT ''FHIR'', ''fhir.record'', register || '':'' || record_id, facility_id,
         jsonb_build_object(''register'', register, ''recordId'', record_id, ''personId'', person_id, ''op'', op)
  FROM captured\073
  RETURN NULL\073
END
';

CREATE TRIGGER person_changed_insert AFTER INSERT ON person REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('persons', 'id');

CREATE TRIGGER person_changed_update AFTER UPDATE ON person REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('persons', 'id');

CREATE TRIGGER person_changed_delete AFTER DELETE ON person REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('persons', 'id');

CREATE TRIGGER pregnancy_episode_changed_insert AFTER INSERT ON pregnancy_episode REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('episodes', 'person_id');

CREATE TRIGGER pregnancy_episode_changed_update AFTER UPDATE ON pregnancy_episode REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('episodes', 'person_id');

CREATE TRIGGER pregnancy_episode_changed_delete AFTER DELETE ON pregnancy_episode REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('episodes', 'person_id');

CREATE TRIGGER anc_visit_changed_insert AFTER INSERT ON anc_visit REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('anc-visits', 'person_id');

CREATE TRIGGER anc_visit_changed_update AFTER UPDATE ON anc_visit REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('anc-visits', 'person_id');

CREATE TRIGGER anc_visit_changed_delete AFTER DELETE ON anc_visit REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('anc-visits', 'person_id');

CREATE TRIGGER delivery_changed_insert AFTER INSERT ON delivery REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('deliveries', 'person_id');

CREATE TRIGGER delivery_changed_update AFTER UPDATE ON delivery REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('deliveries', 'person_id');

CREATE TRIGGER delivery_changed_delete AFTER DELETE ON delivery REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('deliveries', 'person_id');

CREATE TRIGGER abortion_changed_insert AFTER INSERT ON abortion REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('abortions', 'person_id');

CREATE TRIGGER abortion_changed_update AFTER UPDATE ON abortion REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('abortions', 'person_id');

CREATE TRIGGER abortion_changed_delete AFTER DELETE ON abortion REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('abortions', 'person_id');

CREATE TRIGGER contraception_service_changed_insert AFTER INSERT ON contraception_service REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('contraception', 'person_id');

CREATE TRIGGER contraception_service_changed_update AFTER UPDATE ON contraception_service REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('contraception', 'person_id');

CREATE TRIGGER contraception_service_changed_delete AFTER DELETE ON contraception_service REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('contraception', 'person_id');

CREATE TRIGGER gynaecology_visit_changed_insert AFTER INSERT ON gynaecology_visit REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('gynaecology', 'person_id');

CREATE TRIGGER gynaecology_visit_changed_update AFTER UPDATE ON gynaecology_visit REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('gynaecology', 'person_id');

CREATE TRIGGER gynaecology_visit_changed_delete AFTER DELETE ON gynaecology_visit REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('gynaecology', 'person_id');

CREATE TRIGGER hpv_vaccination_changed_insert AFTER INSERT ON hpv_vaccination REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('hpv-vaccinations', 'person_id');

CREATE TRIGGER hpv_vaccination_changed_update AFTER UPDATE ON hpv_vaccination REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('hpv-vaccinations', 'person_id');

CREATE TRIGGER hpv_vaccination_changed_delete AFTER DELETE ON hpv_vaccination REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('hpv-vaccinations', 'person_id');

CREATE TRIGGER child_exam_changed_insert AFTER INSERT ON child_exam REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('child-exams', 'person_id');

CREATE TRIGGER child_exam_changed_update AFTER UPDATE ON child_exam REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('child-exams', 'person_id');

CREATE TRIGGER child_exam_changed_delete AFTER DELETE ON child_exam REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('child-exams', 'person_id');

CREATE TRIGGER death_changed_insert AFTER INSERT ON death REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('deaths', 'person_id');

CREATE TRIGGER death_changed_update AFTER UPDATE ON death REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('deaths', 'person_id');

CREATE TRIGGER death_changed_delete AFTER DELETE ON death REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_change_capture('deaths', 'person_id');

CREATE TRIGGER newborn_changed_insert AFTER INSERT ON newborn REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER newborn_changed_update AFTER UPDATE ON newborn REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER newborn_changed_delete AFTER DELETE ON newborn REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER postnatal_visit_changed_insert AFTER INSERT ON postnatal_visit REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER postnatal_visit_changed_update AFTER UPDATE ON postnatal_visit REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER postnatal_visit_changed_delete AFTER DELETE ON postnatal_visit REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER complication_changed_insert AFTER INSERT ON complication REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER complication_changed_update AFTER UPDATE ON complication REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();

CREATE TRIGGER complication_changed_delete AFTER DELETE ON complication REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION record_child_change_capture();
