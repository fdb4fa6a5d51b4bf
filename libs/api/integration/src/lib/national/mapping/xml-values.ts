import { foldVietnamese } from '@skss/domain';
import type { RecordProblem } from './ingest-record';

/**
 * Reading QĐ 130/4750 field values: dates `yyyymmdd`, instants `yyyymmddHHMM` in Vietnam time,
 * codes with leading zeros, lists separated by `;`. A value of the wrong shape becomes a problem
 * named after the XML field, so the vendor sees which element to fix.
 */
export class FieldReader {
  readonly problems: RecordProblem[] = [];

  constructor(
    private readonly table: string,
    private readonly row: Readonly<Record<string, string>> | undefined,
  ) {}

  /** The trimmed text of a field, or undefined when absent or empty. */
  text(field: string): string | undefined {
    const value = this.row && Object.prototype.hasOwnProperty.call(this.row, field) ? this.row[field].trim() : '';
    return value === '' ? undefined : value;
  }

  /** `yyyymmdd` (or the date part of `yyyymmddHHMM`) as 'YYYY-MM-DD'. */
  date(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    if (!/^\d{8}(\d{4})?$/.test(value)) return this.invalid(field, 'XML_DATE_INVALID', 'phải có dạng yyyymmdd');
    return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  }

  /** `yyyymmddHHMM` (Vietnam time) as ISO 8601 with the +07:00 offset. */
  dateTime(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    if (!/^\d{12}$/.test(value)) return this.invalid(field, 'XML_DATETIME_INVALID', 'phải có dạng yyyymmddHHMM');
    return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(8, 10)}:${value.slice(10, 12)}:00+07:00`;
  }

  /** A whole number (NUMERIC fields), e.g. CAN_NANG_CON in grams, TUOI_THAI in weeks. */
  integer(field: string): number | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    if (!/^\d{1,9}(\.0+)?$/.test(value)) return this.invalid(field, 'XML_NUMBER_INVALID', 'phải là số nguyên');
    return Number.parseInt(value, 10);
  }

  /** A 0/1 flag (SINHCON_PHAUTHUAT, MA_DINH_CHI_THAI). */
  flag(field: string): boolean | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    if (value !== '0' && value !== '1') return this.invalid(field, 'XML_FLAG_INVALID', 'phải là 0 hoặc 1');
    return value === '1';
  }

  /** GIOI_TINH…: 1 nam, 2 nữ; 3 (chưa xác định) and absence are undefined. */
  sex(field: string): 'MALE' | 'FEMALE' | undefined {
    const value = this.text(field);
    if (value === undefined || value === '3') return undefined;
    if (value === '1') return 'MALE';
    if (value === '2') return 'FEMALE';
    return this.invalid(field, 'XML_CODE_INVALID', 'phải là 1 (nam), 2 (nữ) hoặc 3 (chưa xác định)');
  }

  /** The first of a `;`-separated list (MA_THE_BHYT may hold several cards, MA_BENH_KT several codes). */
  first(field: string): string | undefined {
    return this.list(field)[0];
  }

  list(field: string): string[] {
    return (this.text(field) ?? '')
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** The field's text folded for keyword matching (no diacritics, lower case). */
  folded(field: string): string {
    return foldVietnamese(this.text(field) ?? '');
  }

  private invalid(field: string, code: string, rule: string): undefined {
    this.problems.push({ field: `${this.table}.${field}`, code, message: `${this.table}.${field}: ${rule}` });
    return undefined;
  }
}

/** A national id (CCCD, 12 digits); passport and old 9-digit numbers are not citizen ids and are left out. */
export function citizenIdOrUndefined(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{12}$/.test(value) ? value : undefined;
}

/** MA_DANTOC as the ethnicity catalog's two-digit code (QĐ 121-TCTK/PPCĐ). */
export function ethnicityCode(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{1,2}$/.test(value) ? value.padStart(2, '0') : undefined;
}
