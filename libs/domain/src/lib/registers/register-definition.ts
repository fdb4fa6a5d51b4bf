import { IsoDate } from '../calendar/calendar-date';
import { CodeEntry, CodeListName, Place } from './code-lists';

/**
 * Declarative definitions of the clinical registers. The Excel template and import, the console's
 * entry forms and the API's validation are generated from these, so every field a report cell needs
 * (shared/docs/report-rules.md) is here with its type, list, bounds and label. Keys are the Prisma
 * field names (prisma/schema.prisma, models Person … Death): they are the contract.
 */

/** URL-safe slug of a register, as used in API paths and import records. */
export type RegisterCode =
  | 'episodes'
  | 'anc-visits'
  | 'deliveries'
  | 'abortions'
  | 'contraception'
  | 'gynaecology'
  | 'hpv-vaccinations'
  | 'child-exams'
  | 'deaths';

export const REGISTER_CODES: readonly RegisterCode[] = [
  'episodes',
  'anc-visits',
  'deliveries',
  'abortions',
  'contraception',
  'gynaecology',
  'hpv-vaccinations',
  'child-exams',
  'deaths',
];

export function isRegisterCode(value: unknown): value is RegisterCode {
  return typeof value === 'string' && (REGISTER_CODES as readonly string[]).includes(value);
}

export type FieldType = 'date' | 'datetime' | 'int' | 'decimal' | 'boolean' | 'code' | 'codes' | 'text';

export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** Prisma's EventPlace: the places of code-lists.ts plus a death at another facility (deaths only). */
export type EventPlace = Place | 'OTHER_FACILITY';

/**
 * Lists kept as catalogs in the database, which an administrator may extend: the caller passes their
 * codes in ValidationContext.catalogs. Without them only the code's shape is checked (see fields.ts).
 */
export type CatalogName = 'ETHNICITY' | 'OCCUPATION' | 'NATIONALITY' | 'GYN_TREATMENT';

/** Identifiers and codes with a format of their own, checked and normalised by validate.ts. */
export type TextFormat = 'citizenId' | 'insuranceCard' | 'phone' | 'communeCode' | 'icd10';

export interface FieldDefinition {
  /** The Prisma field name, also the key of the API body and of the normalised value. */
  readonly key: string;
  readonly label: LocalizedText;
  readonly type: FieldType;
  /** 'code' and 'codes': a fixed list of code-lists.ts. */
  readonly codeList?: CodeListName;
  /** 'code' and 'codes': a catalog kept in the database (mutually exclusive with codeList). */
  readonly catalog?: CatalogName;
  /** 'code' and 'codes': a list kept elsewhere in the domain (nutritional status of growth/). */
  readonly options?: readonly CodeEntry[];
  /** 'code': the subset of the list this register accepts (places); other codes get PLACE_NOT_ALLOWED. */
  readonly allowedCodes?: readonly string[];
  readonly required: boolean;
  /** Stored when the input leaves the field empty (booleans that default to false, counts that default to 0). */
  readonly defaultValue?: boolean | number;
  /** 'int' and 'decimal': inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
  /** Machine code for a value outside min–max (default OUT_OF_RANGE). */
  readonly rangeCode?: string;
  /** 'decimal': digits kept after the decimal point (the column's scale); more are rounded. */
  readonly scale?: number;
  /** 'text': length in characters after trimming; maxLength is the column's VarChar size. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** 'text': keeps line breaks (notes); other text fields are one line with single spaces. */
  readonly multiline?: boolean;
  readonly format?: TextFormat;
  /** 'date' and 'datetime': may lie after today (an expected date of delivery). */
  readonly allowFuture?: boolean;
  /** 'date' and 'datetime': earliest accepted day (default 1900-01-01). */
  readonly minDate?: IsoDate;
  /** Unit shown after the value and in range messages ('kg', 'g', 'tuần'). */
  readonly unit?: string;
  /** Derived by the validator (or the server), never read from the input: shown and exported, not entered. */
  readonly computed?: boolean;
  readonly help?: LocalizedText;
}

/** A list of rows inside a record: a delivery's newborns, postnatal visits and complications. */
export interface CollectionDefinition {
  readonly key: string;
  /** The Prisma model the items are stored in. */
  readonly model: string;
  readonly label: LocalizedText;
  /** One item, for messages ("Trẻ sơ sinh thứ 2: …"). */
  readonly itemLabel: LocalizedText;
  readonly minItems: number;
  readonly maxItems: number;
  readonly fields: readonly FieldDefinition[];
  readonly help?: LocalizedText;
}

export interface RegisterDefinition {
  readonly code: RegisterCode;
  /** The regulation's form code of the paper register, when known (A3/YTCS …). */
  readonly formCode: string | null;
  readonly title: LocalizedText;
  /** The Prisma model the rows are stored in. */
  readonly model: string;
  /** The field whose Vietnam local date decides the report month (report-rules §1). */
  readonly periodField: string;
  /** Places this register accepts (empty: the register has no place). */
  readonly places: readonly EventPlace[];
  /** Whether a row references a person ('optional': deaths, whose deceased may not be a known person). */
  readonly person: 'required' | 'optional';
  /** Whether the input may carry the person part inline under `person` (persons.ts): Excel rows, new persons. */
  readonly embedsPerson: boolean;
  readonly episode: 'required' | 'optional' | 'none';
  /** Maternal registers: the person must be a woman. */
  readonly femaleOnly: boolean;
  /** Ordered as the paper register and the Excel template. */
  readonly fields: readonly FieldDefinition[];
  readonly collections: readonly CollectionDefinition[];
}
