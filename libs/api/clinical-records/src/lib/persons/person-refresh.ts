import type { FieldError } from '@skss/api/core';
import { foldVietnamese, formatDateVi, IsoDate, PersonRecord } from '@skss/domain';

/** Her latest residence as stored (the one a row's commune is compared with). */
export interface StoredResidence {
  id: number;
  communeCode: string;
  address: string | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** A stored person as the refresh rule reads her. */
export interface StoredPerson {
  fullName: string;
  dateOfBirth: IsoDate;
  sex: string;
  citizenId: string | null;
  insuranceCard: string | null;
  ethnicityCode: string | null;
  nationalityCode: string | null;
  occupationCode: string | null;
  phone: string | null;
  residence: StoredResidence | null;
}

export const REFRESHED_FIELDS = ['citizenId', 'insuranceCard', 'ethnicityCode', 'nationalityCode', 'occupationCode', 'phone'] as const;
export type RefreshedField = (typeof REFRESHED_FIELDS)[number];

/** A new residence from `from`: her latest one ends the day before, or is corrected when it starts that very day. */
export interface ResidenceMove {
  communeCode: string;
  address: string | null;
  from: IsoDate;
}

export interface PersonRefresh {
  set: Partial<Record<RefreshedField, string>>;
  move: ResidenceMove | null;
  /** Differences kept as stored, reported to the sender (field: the person field). */
  warnings: FieldError[];
}

const LABELS: Readonly<Record<string, string>> = {
  fullName: 'Họ và tên',
  dateOfBirth: 'Ngày sinh',
  sex: 'Giới tính',
  citizenId: 'Số căn cước công dân',
  insuranceCard: 'Số thẻ BHYT',
  ethnicityCode: 'Dân tộc',
};

function differs(field: string, stored: string): FieldError {
  const shown = field === 'dateOfBirth' ? formatDateVi(stored) : stored;
  return {
    field,
    code: 'PERSON_DIFFERS',
    message: `${LABELS[field]} khác với hồ sơ người đã có (${shown}): hồ sơ được giữ nguyên; nếu hồ sơ sai, hãy sửa trong hồ sơ người`,
  };
}

/**
 * What a record about an existing person (found by an exact identifier: citizen ID, insurance card
 * or the source's patient id) changes in her, the one rule of every entry path (direct entry, Excel
 * import, JSON API, national XML):
 * - name, date of birth and sex are never overwritten: a difference is a warning (a typo in a file
 *   must not rename a woman; an officer corrects her record on purpose);
 * - identifiers, ethnicity and nationality only fill blanks (a different one is a warning, not for
 *   nationality, which defaults);
 * - phone and occupation are replaced by a different value when the record is current for her: its
 *   event is not older than her latest residence (an old file imported late must not undo newer
 *   facts); an older record only fills them when blank;
 * - a commune different from her latest residence's, on a current record, is a move from the
 *   event's day (the reports count residents over the effective-dated residence: the event itself
 *   then counts for the new commune; the old residence ends the day before, so her history stays).
 * A person found by name and date of birth only (a probable match) just gets the identifiers the
 * record adds. `event` is the record's event day.
 */
export function personRefresh(stored: StoredPerson, row: PersonRecord, event: IsoDate, exact: boolean): PersonRefresh {
  const set: PersonRefresh['set'] = {};
  const warnings: FieldError[] = [];
  for (const field of ['citizenId', 'insuranceCard'] as const) {
    const value = row[field];
    if (value && !stored[field]) set[field] = value;
    else if (value && exact && value !== stored[field]) warnings.push(differs(field, stored[field] as string));
  }
  if (!exact) return { set, move: null, warnings };

  if (foldVietnamese(row.fullName) !== foldVietnamese(stored.fullName)) warnings.push(differs('fullName', stored.fullName));
  if (row.dateOfBirth !== stored.dateOfBirth) warnings.push(differs('dateOfBirth', stored.dateOfBirth));
  if (row.sex !== stored.sex) warnings.push(differs('sex', stored.sex === 'FEMALE' ? 'Nữ' : 'Nam'));
  if (row.ethnicityCode && !stored.ethnicityCode) set.ethnicityCode = row.ethnicityCode;
  else if (row.ethnicityCode && row.ethnicityCode !== stored.ethnicityCode)
    warnings.push(differs('ethnicityCode', stored.ethnicityCode as string));
  if (row.nationalityCode && !stored.nationalityCode) set.nationalityCode = row.nationalityCode;

  const residence = stored.residence;
  const current = !residence || event >= residence.validFrom;
  for (const field of ['phone', 'occupationCode'] as const) {
    const value = row[field];
    if (value && value !== stored[field] && (current || !stored[field])) set[field] = value;
  }
  const moves =
    !!row.communeCode &&
    (!residence || (residence.validTo === null ? current && row.communeCode !== residence.communeCode : event > residence.validTo));
  const move = moves ? { communeCode: row.communeCode as string, address: row.address, from: event } : null;
  return { set, move, warnings };
}

/** `stored` as it is once `refresh` is applied (several records of one batch about her are applied in turn). */
export function refreshed(stored: StoredPerson, refresh: PersonRefresh): StoredPerson {
  const next: StoredPerson = { ...stored, ...refresh.set };
  if (refresh.move) {
    next.residence = {
      id: -1,
      communeCode: refresh.move.communeCode,
      address: refresh.move.address,
      validFrom: refresh.move.from,
      validTo: null,
    };
  }
  return next;
}

export const changesNothing = (refresh: PersonRefresh) => Object.keys(refresh.set).length === 0 && refresh.move === null;
