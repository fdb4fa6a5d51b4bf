-- Statistical reports: the monthly forms as sent (a snapshot of their cells), the append-only events
-- of their workflow (sent, recalled, returned, approved, un-approval requested, un-approved) and
-- the in-app notifications of those events.

-- CreateEnum
CREATE TYPE "statistical_report_status" AS ENUM ('SENT', 'RECALLED', 'RETURNED', 'APPROVED', 'UNAPPROVAL_REQUESTED');

-- CreateEnum
CREATE TYPE "report_action" AS ENUM ('SENT', 'RECALLED', 'RETURNED', 'APPROVED', 'UNAPPROVAL_REQUESTED', 'UNAPPROVED');

-- CreateTable
CREATE TABLE "statistical_report" (
    "id" UUID NOT NULL,
    "form" VARCHAR(40) NOT NULL,
    "facility_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "status" "statistical_report_status" NOT NULL,
    "approver_id" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "first_sent_at" TIMESTAMP(3) NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL,
    "approved_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statistical_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_event" (
    "id" BIGSERIAL NOT NULL,
    "report_id" UUID NOT NULL,
    "action" "report_action" NOT NULL,
    "actor_user_id" UUID,
    "actor_username" VARCHAR(60) NOT NULL,
    "actor_facility_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" VARCHAR(1000),
    "values" JSONB,

    CONSTRAINT "report_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "recipient_facility_id" INTEGER NOT NULL,
    "recipient_user_id" UUID,
    "kind" "report_action" NOT NULL,
    "report_id" UUID,
    "reason" VARCHAR(1000),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "statistical_report_facility_id_month_idx" ON "statistical_report"("facility_id", "month");

-- CreateIndex
CREATE INDEX "statistical_report_approver_id_month_status_idx" ON "statistical_report"("approver_id", "month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "statistical_report_form_facility_id_month_key" ON "statistical_report"("form", "facility_id", "month");

-- CreateIndex
CREATE INDEX "report_event_report_id_at_idx" ON "report_event"("report_id", "at");

-- CreateIndex
CREATE INDEX "notification_recipient_facility_id_created_at_idx" ON "notification"("recipient_facility_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_recipient_user_id_created_at_idx" ON "notification"("recipient_user_id", "created_at");

-- AddForeignKey
ALTER TABLE "statistical_report" ADD CONSTRAINT "statistical_report_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statistical_report" ADD CONSTRAINT "statistical_report_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "statistical_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "statistical_report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The workflow's history is append-only like the audit trail: no role may change or remove an event.
-- (The JS schema engine splits at every semicolon, even inside quotes: the body writes them as \073.)
CREATE FUNCTION report_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''report_event is append-only (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE TRIGGER report_event_no_update BEFORE UPDATE OR DELETE ON report_event
  FOR EACH ROW EXECUTE FUNCTION report_event_is_append_only();

CREATE TRIGGER report_event_no_truncate BEFORE TRUNCATE ON report_event
  FOR EACH STATEMENT EXECUTE FUNCTION report_event_is_append_only();
