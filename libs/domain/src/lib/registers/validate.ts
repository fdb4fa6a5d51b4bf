import { IsoDate, isIsoDate, parseIsoDate } from '../calendar/calendar-date';
import { vietnamLocalDate } from '../calendar/vietnam-time';
import {
  normaliseCitizenId,
  normaliseInsuranceCard,
  normalisePhone,
  validateCitizenId,
  validateInsuranceCard,
} from '../persons/identifiers';
import { foldVietnamese } from '../text/fold';
import { CodeEntry, Sex } from './code-lists';
import { listEntries } from './fields';
import { formatDateVi, rangeText, RecordProblem, RecordProblemCode } from './problems';
import { CatalogName, CollectionDefinition, FieldDefinition } from './register-definition';

/** The person a record is about, as far as the rules need her (from the database or the record's person part). */
export interface PersonFacts {
  readonly dateOfBirth: IsoDate | null;
  readonly sex: Sex | null;
}

/** The pregnancy episode a record belongs to. */
export interface EpisodeFacts {
  readonly lmp: IsoDate | null;
  readonly registeredOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
}

export interface ValidationContext {
  /** Today in Vietnam (todayInVietnam()): no date may lie after it. */
  readonly today: IsoDate;
  readonly person?: PersonFacts;
  readonly episode?: EpisodeFacts;
  /**
   * Entries of the catalogs kept in the database (ethnicities, occupations, …), current on the event
   * date. Without a catalog only the code's shape is checked.
   */
  readonly catalogs?: Partial<Record<CatalogName, readonly CodeEntry[]>>;
}

/** `value` is the normalised record, present only when there is no problem. */
export interface ValidationResult<T> {
  readonly value: T | null;
  readonly problems: RecordProblem[];
}

/** A record under validation: fields that failed (or were left empty) are null. */
export type Draft<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? ([U] extends [object] ? Draft<U>[] : U[]) : T[K] | null;
};

export type RecordInput = Readonly<Record<string, unknown>>;

/** Collects problems for one record; `path` and `prefix` place a nested part (person., newborns[1].). */
export class ProblemSink {
  readonly problems: RecordProblem[] = [];

  add(field: string, code: RecordProblemCode, message: string): void {
    this.problems.push({ field, code, message });
  }

  /** Whether a field already has a problem: rules skip what the type checks refused. */
  has(field: string): boolean {
    return this.problems.some((p) => p.field === field);
  }
}

export interface ReadScope {
  readonly context: ValidationContext;
  readonly sink: ProblemSink;
  /** Prefix of field paths: '' at the top, 'person.', 'newborns[1].'. */
  readonly path: string;
  /** Prefix of messages for nested items: 'Trẻ sơ sinh thứ 2: '. */
  readonly prefix: string;
}

export const EARLIEST_DATE: IsoDate = '1900-01-01';

export function isPlainObject(value: unknown): value is RecordInput {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A context without a valid `today` is a programming error, not a problem of the record. */
export function assertContext(context: ValidationContext): void {
  if (!isIsoDate(context.today)) throw new RangeError(`ValidationContext.today is not a calendar day: ${String(context.today)}`);
}

export function ownValue(input: RecordInput, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

function show(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim() : (JSON.stringify(raw) ?? String(raw));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Reads the fields of a definition from an input object into a draft: each value type-checked and
 * normalised, or null with a problem. Computed fields start null; the register's rules fill them.
 */
export function readFields(fields: readonly FieldDefinition[], input: RecordInput, scope: ReadScope): Record<string, unknown> {
  const draft: Record<string, unknown> = {};
  for (const field of fields) {
    draft[field.key] = field.computed ? (field.type === 'codes' ? [] : null) : readField(field, ownValue(input, field.key), scope);
  }
  return draft;
}

/** Reads one list of items (newborns, …) into drafts; problems of item i are under `key[i].`. */
export function readCollection(collection: CollectionDefinition, raw: unknown, scope: ReadScope): Record<string, unknown>[] {
  const field = `${scope.path}${collection.key}`;
  const label = collection.label.vi;
  if (raw === undefined || raw === null) raw = [];
  if (!Array.isArray(raw)) {
    scope.sink.add(field, 'NOT_A_LIST', `${scope.prefix}${label} phải là một danh sách`);
    return [];
  }
  if (raw.length < collection.minItems) {
    scope.sink.add(field, 'TOO_FEW_ITEMS', `${scope.prefix}${label}: phải ghi ít nhất ${collection.minItems}`);
  }
  if (raw.length > collection.maxItems) {
    scope.sink.add(field, 'TOO_MANY_ITEMS', `${scope.prefix}${label}: không được ghi quá ${collection.maxItems}`);
  }
  return raw.map((item, index) => {
    const itemScope: ReadScope = {
      ...scope,
      path: `${field}[${index}].`,
      prefix: `${scope.prefix}${collection.itemLabel.vi} thứ ${index + 1}: `,
    };
    if (!isPlainObject(item)) {
      scope.sink.add(`${field}[${index}]`, 'NOT_AN_OBJECT', `${itemScope.prefix}dữ liệu không đúng dạng`);
      return Object.fromEntries(collection.fields.map((f) => [f.key, f.type === 'codes' ? [] : null]));
    }
    return readFields(collection.fields, item, itemScope);
  });
}

/** Checks and normalises one field value (the console's inline validation of a single control). */
export function checkField(
  field: FieldDefinition,
  raw: unknown,
  context: ValidationContext,
): { value: unknown; problems: RecordProblem[] } {
  const sink = new ProblemSink();
  const value = readField(field, raw, { context, sink, path: '', prefix: '' });
  return { value, problems: sink.problems };
}

export function readField(field: FieldDefinition, raw: unknown, scope: ReadScope): unknown {
  const at = `${scope.path}${field.key}`;
  const label = `${scope.prefix}${field.label.vi}`;
  const add = (code: RecordProblemCode, message: string) => scope.sink.add(at, code, message);
  if (isEmpty(raw)) {
    if (field.required) add('REQUIRED', `${label} không được để trống`);
    if (field.type === 'codes') return [];
    return field.defaultValue ?? null;
  }
  switch (field.type) {
    case 'date':
      return readDate(field, raw, scope.context, label, add);
    case 'datetime':
      return readDateTime(field, raw, scope.context, label, add);
    case 'int':
    case 'decimal':
      return readNumber(field, raw, label, add);
    case 'boolean':
      return readBoolean(raw, label, add);
    case 'code':
      return readCode(field, raw, scope.context, label, add);
    case 'codes':
      return readCodes(field, raw, scope, label);
    case 'text':
      return readText(field, raw, label, add);
  }
}

type Add = (code: RecordProblemCode, message: string) => void;

// ---- Dates and times ----

const VIETNAMESE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** 'YYYY-MM-DD', or 'DD/MM/YYYY' as Vietnamese spreadsheets write it; null when neither or no such day. */
export function parseDateInput(value: string): IsoDate | null {
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const match = VIETNAMESE_DATE.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const VIETNAMESE_DATETIME = /^(\d{1,2}\/\d{1,2}\/\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant from ISO 8601 with its offset ('2025-01-31T23:30:00+07:00', '…Z'), as ISO in UTC.
 * A time written without an offset ('2025-01-31 23:30', '31/01/2025 23:30') is Vietnam time: the
 * registers are kept in Vietnam and that is how a spreadsheet holds it. Null when not a real instant.
 */
export function parseDateTimeInput(value: string): string | null {
  const text = value.trim();
  let day: IsoDate | null;
  let hours: string, minutes: string, seconds: string | undefined, fraction: string | undefined, offset: string | undefined;
  const iso = ISO_DATETIME.exec(text);
  if (iso) {
    day = isIsoDate(iso[1]) ? iso[1] : null;
    [hours, minutes, seconds, fraction, offset] = [iso[2], iso[3], iso[4], iso[5], iso[6]];
  } else {
    const vn = VIETNAMESE_DATETIME.exec(text);
    if (!vn) return null;
    day = parseDateInput(vn[1]);
    [hours, minutes, seconds] = [vn[2], vn[3], vn[4]];
  }
  if (!day) return null;
  const [h, m, s] = [Number(hours), Number(minutes), Number(seconds ?? 0)];
  if (h > 23 || m > 59 || s > 59) return null;
  const offsetMinutes = parseOffset(offset ?? '+07:00');
  if (offsetMinutes === null) return null;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const date = parseIsoDate(day) as Date;
  const time = date.getTime() + ((h * 60 + m) * 60 + s) * 1000 + millis - offsetMinutes * 60_000;
  return new Date(time).toISOString();
}

function parseOffset(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) return null;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function readDate(field: FieldDefinition, raw: unknown, context: ValidationContext, label: string, add: Add): IsoDate | null {
  const day = typeof raw === 'string' ? parseDateInput(raw) : null;
  if (!day) {
    add('NOT_A_DATE', `${label} không phải là ngày hợp lệ (ghi dạng ngày/tháng/năm như 25/03/2025, hoặc 2025-03-25)`);
    return null;
  }
  return checkDay(field, day, context, label, add) ? day : null;
}

function readDateTime(field: FieldDefinition, raw: unknown, context: ValidationContext, label: string, add: Add): string | null {
  const instant = typeof raw === 'string' ? parseDateTimeInput(raw) : null;
  if (!instant) {
    add('NOT_A_DATETIME', `${label} không phải là ngày giờ hợp lệ (ghi dạng 25/03/2025 14:30, hoặc 2025-03-25T14:30:00+07:00)`);
    return null;
  }
  return checkDay(field, vietnamLocalDate(instant), context, label, add) ? instant : null;
}

function checkDay(field: FieldDefinition, day: IsoDate, context: ValidationContext, label: string, add: Add): boolean {
  const earliest = field.minDate ?? EARLIEST_DATE;
  if (day < earliest) {
    add('DATE_TOO_EARLY', `${label} (${formatDateVi(day)}) không được trước ngày ${formatDateVi(earliest)}`);
    return false;
  }
  if (!field.allowFuture && day > context.today) {
    add('DATE_IN_FUTURE', `${label} (${formatDateVi(day)}) không được sau ngày hôm nay (${formatDateVi(context.today)})`);
    return false;
  }
  return true;
}

// ---- Numbers ----

const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

function readNumber(field: FieldDefinition, raw: unknown, label: string, add: Add): number | null {
  let value: number | null = null;
  if (typeof raw === 'number') value = Number.isFinite(raw) ? raw : null;
  else if (typeof raw === 'string') {
    const text = raw.trim();
    if (field.type === 'int' ? INTEGER_TEXT.test(text) : DECIMAL_TEXT.test(text)) value = Number(text.replace(',', '.'));
  }
  if (field.type === 'int' && (value === null || !Number.isSafeInteger(value))) {
    add('NOT_AN_INTEGER', `${label} phải là số nguyên (không có dấu chấm hay dấu phẩy)`);
    return null;
  }
  if (value === null) {
    add('NOT_A_NUMBER', `${label} phải là số (phần thập phân ghi sau dấu phẩy, ví dụ 52,5)`);
    return null;
  }
  if (field.type === 'decimal' && field.scale !== undefined) {
    const factor = 10 ** field.scale;
    value = Math.round(value * factor + Math.sign(value) * Number.EPSILON * factor) / factor;
  }
  if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
    add(
      (field.rangeCode as RecordProblemCode | undefined) ?? 'OUT_OF_RANGE',
      `${label} phải ${rangeText(field.min, field.max, field.unit)}`,
    );
    return null;
  }
  return value;
}

// ---- Booleans ----

const TRUE_WORDS = new Set(['true', '1', 'co', 'x', 'yes', 'y', 'dung']);
const FALSE_WORDS = new Set(['false', '0', 'khong', 'no', 'n', 'sai']);

/** true/false, 1/0, and the words of a spreadsheet: Có/Không, x (ticked), Đúng/Sai, yes/no. */
function readBoolean(raw: unknown, label: string, add: Add): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw === 'string') {
    const word = foldVietnamese(raw);
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  add('NOT_A_BOOLEAN', `${label} phải là Có hoặc Không`);
  return null;
}

// ---- Codes ----

/** Shapes of catalog codes, checked when the caller passes no catalog. */
const CATALOG_SHAPES: Record<CatalogName, { pattern: RegExp; description: string }> = {
  ETHNICITY: { pattern: /^(0[1-9]|[1-4]\d|5[0-5])$/, description: 'mã dân tộc gồm 2 chữ số, từ 01 đến 55' },
  OCCUPATION: { pattern: /^[0-9A-Z]{2,10}$/, description: 'mã nghề nghiệp gồm chữ số hoặc chữ cái, từ 2 đến 10 ký tự' },
  NATIONALITY: { pattern: /^[A-Z]{2}$/, description: 'mã quốc gia gồm 2 chữ cái (VN là Việt Nam)' },
  GYN_TREATMENT: { pattern: /^[A-Z][A-Z0-9_]{0,19}$/, description: 'mã điều trị viết hoa, tối đa 20 ký tự' },
};

function codeText(raw: unknown): string | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return typeof raw === 'string' ? raw.normalize('NFC').trim() : null;
}

/** A code, or its label (Vietnamese or English, with or without diacritics): spreadsheets hold labels. */
function matchEntry(entries: readonly CodeEntry[], text: string): CodeEntry | undefined {
  const exact = entries.find((entry) => entry.code === text || entry.code === text.toUpperCase());
  if (exact) return exact;
  if (/^\d$/.test(text)) {
    const padded = entries.find((entry) => entry.code === `0${text}`);
    if (padded) return padded;
  }
  const folded = foldVietnamese(text);
  const byLabel = entries.filter((entry) => foldVietnamese(entry.vi) === folded || foldVietnamese(entry.en) === folded);
  return byLabel.length === 1 ? byLabel[0] : undefined;
}

function listHint(entries: readonly CodeEntry[]): string {
  return entries.length <= 8 ? ` (chọn một trong: ${entries.map((entry) => entry.vi).join('; ')})` : '';
}

function readCode(field: FieldDefinition, raw: unknown, context: ValidationContext, label: string, add: Add): string | null {
  const text = codeText(raw);
  if (text === null) {
    add('NOT_IN_LIST', `${label}: giá trị không có trong danh mục`);
    return null;
  }
  if (field.codeList) {
    const entries = listEntries(field.codeList);
    const entry = matchEntry(entries, text);
    const allowed = field.allowedCodes ? entries.filter((e) => field.allowedCodes?.includes(e.code)) : entries;
    if (!entry) {
      add('NOT_IN_LIST', `${label}: "${show(text)}" không có trong danh mục${listHint(allowed)}`);
      return null;
    }
    if (!allowed.includes(entry)) {
      add(field.key === 'place' ? 'PLACE_NOT_ALLOWED' : 'NOT_IN_LIST', `${label}: "${entry.vi}" không dùng cho sổ này${listHint(allowed)}`);
      return null;
    }
    return entry.code;
  }
  if (field.options) {
    const entry = matchEntry(field.options, text);
    if (!entry) add('NOT_IN_LIST', `${label}: "${show(text)}" không có trong danh mục${listHint(field.options)}`);
    return entry?.code ?? null;
  }
  if (field.catalog) {
    const catalog = context.catalogs?.[field.catalog];
    if (catalog) {
      const entry = matchEntry(catalog, text);
      if (!entry) add('NOT_IN_LIST', `${label}: "${show(text)}" không có trong danh mục`);
      return entry?.code ?? null;
    }
    // A spreadsheet drops the leading zero of '01'.
    const code = /^\d$/.test(text) ? `0${text}` : text.toUpperCase();
    const shape = CATALOG_SHAPES[field.catalog];
    if (!shape.pattern.test(code)) {
      add(field.catalog === 'ETHNICITY' ? 'NOT_IN_LIST' : 'INVALID_FORMAT', `${label}: "${show(text)}" không phải ${shape.description}`);
      return null;
    }
    if (field.maxLength !== undefined && code.length > field.maxLength) {
      add('TOO_LONG', `${label} không được dài quá ${field.maxLength} ký tự`);
      return null;
    }
    return code;
  }
  return text;
}

/** A list of codes: an array, or one text with the codes separated by commas or semicolons. Repeats are dropped. */
function readCodes(field: FieldDefinition, raw: unknown, scope: ReadScope, label: string): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\n]/).filter((part) => part.trim() !== '') : null;
  if (items === null) {
    scope.sink.add(`${scope.path}${field.key}`, 'NOT_A_LIST', `${label} phải là danh sách mã, cách nhau bởi dấu phẩy`);
    return [];
  }
  const codes: string[] = [];
  items.forEach((item, index) => {
    const add: Add = (code, message) => scope.sink.add(`${scope.path}${field.key}[${index}]`, code, message);
    const code = readCode({ ...field, type: 'code' }, item, scope.context, label, add);
    if (code !== null && !codes.includes(code)) codes.push(code);
  });
  return codes;
}

// ---- Text ----

// PostgreSQL refuses NUL in text; other control characters are invisible garbage from copy and paste.
const CONTROL_ONE_LINE = /\p{Cc}/u;
const CONTROL_MULTILINE = /(?![\t\n])\p{Cc}/u;

function readText(field: FieldDefinition, raw: unknown, label: string, add: Add): string | null {
  if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
    add('NOT_TEXT', `${label} phải là chữ`);
    return null;
  }
  let text = String(raw).normalize('NFC');
  text = field.multiline ? text.replace(/\r\n?/g, '\n').trim() : text.replace(/[\s\u00a0]+/g, ' ').trim();
  if ((field.multiline ? CONTROL_MULTILINE : CONTROL_ONE_LINE).test(text)) {
    add('INVALID_CHARACTERS', `${label} chứa ký tự điều khiển không hợp lệ`);
    return null;
  }
  if (field.format) {
    const formatted = applyFormat(field, text, label, add);
    if (formatted === null) return null;
    text = formatted;
  }
  const length = [...text].length;
  if (field.minLength !== undefined && length < field.minLength) {
    add('TOO_SHORT', `${label} phải có ít nhất ${field.minLength} ký tự`);
    return null;
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    add('TOO_LONG', `${label} không được dài quá ${field.maxLength} ký tự (đang có ${length})`);
    return null;
  }
  return text;
}

const ICD10 = /^([A-Z]\d{2})\.?([0-9A-Z]{1,4})?$/;

function applyFormat(field: FieldDefinition, text: string, label: string, add: Add): string | null {
  const fail = (code: RecordProblemCode, message: string) => {
    add(code, message.replace(/\.$/, ''));
    return null;
  };
  switch (field.format) {
    case 'citizenId': {
      const problem = validateCitizenId(text);
      return problem ? fail(problem.code, problem.message) : normaliseCitizenId(text);
    }
    case 'insuranceCard': {
      const problem = validateInsuranceCard(text);
      return problem ? fail(problem.code, problem.message) : normaliseInsuranceCard(text);
    }
    case 'phone':
      return (
        normalisePhone(text) ??
        fail(
          'PHONE_FORMAT',
          `${label} không đúng: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định gồm 11 chữ số bắt đầu bằng 02`,
        )
      );
    case 'communeCode':
      return /^\d{5}$/.test(text) ? text : fail('INVALID_FORMAT', `${label} phải gồm đúng 5 chữ số (mã đơn vị hành chính cấp xã)`);
    case 'icd10': {
      const match = ICD10.exec(text.toUpperCase().replace(/\s+/g, ''));
      return match
        ? `${match[1]}${match[2] ? `.${match[2]}` : ''}`
        : fail('INVALID_FORMAT', `${label} phải là mã ICD-10, ví dụ O72.1 (một chữ cái, hai chữ số, phần sau dấu chấm nếu có)`);
    }
    default:
      return text;
  }
}
