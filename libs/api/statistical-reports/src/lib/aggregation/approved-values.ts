import { CellValues } from '@skss/domain';
import { SqlRunner } from '../computation/sql-runner';
import { APPROVED_STATUSES } from '../workflow/report-workflow';

/** `${facilityId}:${month}` → the values of the approved report. */
export type ApprovedValues = ReadonlyMap<string, CellValues>;

export const approvedKey = (facilityId: number, month: string) => `${facilityId}:${month}`;

/**
 * The values of the approved reports of a form (statistical_report, status approved or approved
 * with an un-approval request pending) of some facilities over some months: what an upper level
 * takes a commune's row from (report-rules §4). A report not approved is absent (missing, not zero).
 */
export async function loadApprovedValues(
  db: SqlRunner,
  form: string,
  facilityIds: readonly number[],
  months: readonly string[],
): Promise<ApprovedValues> {
  if (facilityIds.length === 0 || months.length === 0) return new Map();
  const rows = await db.query<{ facility_id: number; month: string; values: CellValues | string }>(
    `SELECT r.facility_id, to_char(r.month, 'YYYY-MM') AS month, r.values
       FROM statistical_report r
      WHERE r.form = $1::text AND r.facility_id = ANY($2::int[]) AND r.month = ANY($3::date[]) AND r.status::text = ANY($4::text[])`,
    [form, [...new Set(facilityIds)], months.map((m) => `${m}-01`), [...APPROVED_STATUSES]],
  );
  return new Map(
    rows.map((r) => [
      approvedKey(Number(r.facility_id), r.month),
      typeof r.values === 'string' ? (JSON.parse(r.values) as CellValues) : r.values,
    ]),
  );
}
