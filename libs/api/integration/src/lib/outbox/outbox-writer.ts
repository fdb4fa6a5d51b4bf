import type { OutboxDestination, Prisma } from '@skss/api/core';
import { OUTBOX_KINDS } from './outbox.types';

/** One thing to send, announced with the change it is about. */
export interface OutboxAnnouncement {
  destination: OutboxDestination;
  kind: string;
  /** What it is about: a later item of the same subject supersedes this one once delivered. */
  subject: string;
  facilityId?: number | null;
  payload: Record<string, unknown>;
}

/** A transaction (or any client running inside one) the announcement is written in. */
export type OutboxTransaction = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Writes outbox items **in the caller's transaction**: they exist exactly when the change they
 * announce is committed, and the scheduler delivers them afterwards (at least once). Call it with
 * the `tx` of the transaction that changes the data, never with the pool client.
 */
export async function announce(tx: OutboxTransaction, items: readonly OutboxAnnouncement[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = JSON.stringify(
    items.map((item) => ({
      destination: item.destination,
      kind: item.kind,
      subject: item.subject,
      facility_id: item.facilityId ?? null,
      payload: item.payload,
    })),
  );
  return tx.$executeRaw`
    INSERT INTO outbox_item (destination, kind, subject, facility_id, payload)
    SELECT r.destination::outbox_destination, r.kind, r.subject, r.facility_id, r.payload
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(destination text, kind text, subject text, facility_id int, payload jsonb)`;
}

/** An approved monthly report as the reports workflow holds it. */
export interface ApprovedReport {
  id?: string;
  /** Stable form code (commune, maternal-care, ...). */
  form: string;
  facilityId: number;
  /** First day of the report month (a Date at UTC midnight, or 'YYYY-MM-DD' / 'YYYY-MM'). */
  month: Date | string;
  /** Cell values: row key → column key → count. */
  values: Record<string, Record<string, number | null>>;
}

/** 'YYYY-MM' of a report month. */
export function reportMonth(month: Date | string): string {
  const text = typeof month === 'string' ? month : month.toISOString();
  const found = /^(\d{4})-(\d{2})/.exec(text);
  if (!found) throw new Error(`Not a report month: ${text}`);
  return `${found[1]}-${found[2]}`;
}

/**
 * Announces an approved report to the health statistics software (DHIS2 dataValueSets). The
 * reports workflow calls it in the transaction that approves the report; a later approval of the
 * same report (after an unapproval) supersedes an item not yet delivered.
 */
export function announceApprovedReport(tx: OutboxTransaction, report: ApprovedReport): Promise<number> {
  const month = reportMonth(report.month);
  return announce(tx, [
    {
      destination: 'DHIS2',
      kind: OUTBOX_KINDS.dhis2DataValueSet,
      subject: `report:${report.form}:${report.facilityId}:${month}`,
      facilityId: report.facilityId,
      payload: { form: report.form, facilityId: report.facilityId, month, values: report.values, reportId: report.id ?? null },
    },
  ]);
}
