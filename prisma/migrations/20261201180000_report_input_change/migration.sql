-- report_input_change: the transactions that changed a table the report rules read (registers, persons and
-- residences, the org hierarchy, catalogs), one row per transaction, written by statement triggers whichever path
-- writes (entry, Excel, API, a DBA, TRUNCATE). The API keeps computed drafts and serves one again only while no
-- transaction recorded here is invisible to the snapshot it was computed under (DraftCache, statistical-reports).
-- (No semicolons in these comments: the JS schema engine splits scripts at every one.)

-- CreateTable
CREATE TABLE "report_input_change" (
    "txid" BIGINT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_input_change_pkey" PRIMARY KEY ("txid")
);

-- CreateIndex
CREATE INDEX "report_input_change_changed_at_idx" ON "report_input_change"("changed_at");

CREATE FUNCTION report_input_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO report_input_change (txid) VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT (txid) DO NOTHING\073
  RETURN NULL\073
END
';

CREATE TRIGGER admin_unit_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER admin_unit_lineage_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit_lineage
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER facility_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON facility
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER facility_reporting_line_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON facility_reporting_line
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER reporting_rule_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reporting_rule
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER catalog_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER catalog_item_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_item
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER person_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER person_residence_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_residence
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER person_facility_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_facility
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER person_merge_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_merge
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER pregnancy_episode_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pregnancy_episode
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER anc_visit_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON anc_visit
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER delivery_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON delivery
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER newborn_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON newborn
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER postnatal_visit_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON postnatal_visit
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER abortion_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON abortion
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER contraception_service_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contraception_service
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER complication_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON complication
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER gynaecology_visit_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gynaecology_visit
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER hpv_vaccination_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hpv_vaccination
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER child_exam_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON child_exam
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();

CREATE TRIGGER death_report_input AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON death
  FOR EACH STATEMENT EXECUTE FUNCTION report_input_changed();
