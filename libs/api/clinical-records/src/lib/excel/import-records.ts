import { createHash } from 'node:crypto';
import { foldVietnamese, IsoDate, PersonRecord, RegisterCode } from '@skss/domain';
import { ImportProblem } from './import-parser';

/** A record as the register's validator normalised it, with its person part when the register carries one. */
export type RecordValue = Record<string, unknown> & { person?: PersonRecord };

/** RegisterImportRow.data of the 2nd… rows of a record (a delivery's other newborns): where its first row is. */
export interface StoredGroupMember {
  group: number;
}

/** Outcomes of a sheet row (RegisterImportRow.outcome). */
export const OUTCOMES = ['valid', 'invalid', 'created', 'updated', 'unchanged', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  valid: 'Hợp lệ, chưa ghi',
  invalid: 'Có lỗi, không ghi',
  created: 'Đã thêm mới',
  updated: 'Đã cập nhật',
  unchanged: 'Không thay đổi',
  refused: 'Bị từ chối khi ghi',
};

/** The source system of rows imported from Excel files. */
export const EXCEL_SOURCE_SYSTEM = 'EXCEL';

/**
 * Who the record is about, for the deterministic key and for finding her again: the citizen ID,
 * else the insurance card, else the folded name with the date of birth.
 */
export function personIdentity(value: RecordValue): string {
  const person = value.person;
  if (person) return person.citizenId ?? person.insuranceCard ?? `${foldVietnamese(person.fullName)}|${person.dateOfBirth}`;
  const name = typeof value['fullName'] === 'string' ? foldVietnamese(value['fullName']) : '';
  return `${name}|${String(value['dateOfBirth'] ?? '')}`;
}

/**
 * The record's source record id: the row's own "record id" column when filled, else a key derived
 * from the facility, the register, the person and the event's date or instant, so that importing
 * the same (or a corrected) file again finds the rows it created instead of adding them twice.
 */
export function recordKey(register: RegisterCode, facilityId: number, periodKey: string, value: RecordValue): string {
  const own = value['sourceRecordId'];
  if (typeof own === 'string' && own !== '') return own;
  const basis = [facilityId, register, personIdentity(value), String(value[periodKey] ?? '')].join('|');
  return `XL-${createHash('sha256').update(basis).digest('hex').slice(0, 40)}`;
}

/** First day of the month of a calendar day ('2025-03-17' → '2025-03-01'). */
export function monthOf(day: IsoDate): IsoDate {
  return `${day.slice(0, 7)}-01`;
}

export function lockedProblem(
  row: number,
  column: string | null,
  header: string | null,
  field: string,
  month: IsoDate,
  reason: string,
): ImportProblem {
  const label = `${month.slice(5, 7)}/${month.slice(0, 4)}`;
  return {
    row,
    column,
    header,
    field,
    code: 'PERIOD_LOCKED',
    message: `Sổ của tháng ${label} đã khóa vì báo cáo đã được duyệt: ${reason}`,
  };
}
