import { DomainError, rowLimit, XlsxRow, XlsxValue, XlsxWorkbook } from '@skss/api/core';
import { CatalogName, CodeEntry, FieldDefinition, foldVietnamese, formatIsoDate, listEntries, RecordProblem } from '@skss/domain';
import { columnLetter, DATA_SHEET, ExcelColumn, ExcelLayout, GROUP_KEY, headerMatchKey } from './excel-layout';

/** A problem of an import row, located in the sheet: row number, column letter and header, code, message. */
export interface ImportProblem {
  row: number;
  /** Column letter ('D'), or null for a problem of the whole row. */
  column: string | null;
  /** The column's header as the file has it (or the template's), or null. */
  header: string | null;
  /** The record field concerned, as the validators name it ('person.citizenId', 'newborns[1].weightGrams'). */
  field: string | null;
  code: string;
  message: string;
  /** 'warning': the row is written all the same (a difference from her stored person that is kept). */
  severity?: 'warning';
}

/** Where each column of the layout is in the file, found from the hidden key row or the headers. */
export interface SheetMapping {
  /** Column index (0-based) of each key present in the file. */
  columns: Map<string, number>;
  /** Header text in the file, by column index. */
  headers: Map<number, string>;
  /** Row number of the last header row: data starts below it. */
  headerRow: number;
}

/** One record read from the sheet: its rows (one, or a group for registers with items per row) and the validator input. */
export interface ParsedRecord {
  /** Where the sheet's columns are (the same object for every record of a file). */
  mapping: SheetMapping;
  rows: number[];
  input: Record<string, unknown>;
  /** Problems found while reading the rows (a group whose rows disagree), before validation. */
  problems: ImportProblem[];
}

/** The rows of the template's data sheet, or of the first visible sheet of a file made otherwise. */
export function dataRows(workbook: XlsxWorkbook): AsyncGenerator<XlsxRow> {
  return workbook.rows(workbook.sheets.find((sheet) => sheet.name === DATA_SHEET)?.name);
}

/**
 * A code-list cell (a label as the drop-down shows it, or a code) as its code: what the validators
 * would match, looked up in a map built once per list instead of folding every entry for every
 * cell. Ambiguous labels, and texts matching nothing, are left as they are for the validator to judge.
 */
export type CodeLookup = (field: FieldDefinition, text: string) => string | undefined;

export function codeLookup(catalogs?: Partial<Record<CatalogName, readonly CodeEntry[]>>): CodeLookup {
  const maps = new Map<FieldDefinition, Map<string, string>>();
  const entriesOf = (field: FieldDefinition): readonly CodeEntry[] =>
    field.codeList ? listEntries(field.codeList) : (field.options ?? (field.catalog ? (catalogs?.[field.catalog] ?? []) : []));
  return (field, text) => {
    let map = maps.get(field);
    if (!map) {
      map = new Map();
      const ambiguous = new Set<string>();
      const entries = entriesOf(field);
      for (const entry of entries) {
        for (const label of [entry.vi, entry.en]) {
          const key = foldVietnamese(label);
          if (map.has(key) && map.get(key) !== entry.code) ambiguous.add(key);
          map.set(key, entry.code);
        }
      }
      for (const key of ambiguous) map.delete(key);
      for (const entry of entries) map.set(entry.code, entry.code);
      maps.set(field, map);
    }
    return map.get(text) ?? map.get(foldVietnamese(text));
  };
}

const YES_NO: Readonly<Record<string, boolean>> = { Có: true, Không: false };

/** A cell of a code, codes or boolean column with its label replaced by what the validator reads. */
function mapped(field: FieldDefinition, value: unknown, lookup: CodeLookup | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (field.type === 'boolean') return YES_NO[value] ?? value;
  if (!lookup) return value;
  if (field.type === 'code') return lookup(field, value) ?? value;
  if (field.type === 'codes') {
    return value
      .split(/[,;\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => lookup(field, part) ?? part);
  }
  return value;
}

/** Rows searched for the key row and the header row. */
const HEADER_SCAN_ROWS = 10;

export function notATemplate(): DomainError {
  return new DomainError(
    'NOT_A_TEMPLATE',
    'Không tìm thấy dòng tiêu đề cột của sổ trong 10 dòng đầu của trang tính: hãy dùng tệp mẫu tải từ hệ thống (không xóa dòng tiêu đề)',
    400,
  );
}

/**
 * Finds the columns: the template's hidden row of machine keys when present (it survives any
 * renaming or reordering of the visible headers), else headers matching the labels.
 */
export function detectMapping(layout: ExcelLayout, rows: readonly XlsxRow[]): SheetMapping | null {
  const byKey = new Map(layout.columns.map((column) => [column.key, column]));
  const byHeader = new Map<string, ExcelColumn>();
  for (const column of layout.columns) {
    for (const text of [column.header, column.field.label.vi])
      if (!byHeader.has(headerMatchKey(text))) byHeader.set(headerMatchKey(text), column);
  }
  const columns = new Map<string, number>();
  const headers = new Map<number, string>();
  let headerRow = 0;
  const enough = Math.min(2, layout.columns.length);
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const texts = row.cells.map((cell) => (typeof cell === 'string' ? cell.trim() : null));
    const keyHits = texts.filter((text) => text !== null && byKey.has(text)).length;
    const headerHits = texts.filter((text) => text !== null && byHeader.has(headerMatchKey(text))).length;
    if (keyHits >= enough && keyHits >= headerHits) {
      texts.forEach((text, index) => {
        if (text !== null && byKey.has(text) && !columns.has(text)) columns.set(text, index);
      });
      headerRow = row.number;
    } else if (headerHits >= enough) {
      texts.forEach((text, index) => {
        if (text === null) return;
        headers.set(index, text);
        const column = byHeader.get(headerMatchKey(text));
        if (column && !columns.has(column.key) && ![...columns.values()].includes(index)) columns.set(column.key, index);
      });
      headerRow = row.number;
    } else if (headerRow !== 0) {
      break; // the first data row: what follows is data, even if it happens to look like headers
    }
  }
  return headerRow === 0 ? null : { columns, headers, headerRow };
}

/**
 * The records of a sheet, streamed: header detection on the first rows, then each data row (or
 * group of rows) as the validator's input. More than `maxRows` data rows stops with ROW_LIMIT.
 */
export async function* parseRecords(
  layout: ExcelLayout,
  rows: AsyncIterable<XlsxRow>,
  maxRows: number,
  lookup?: CodeLookup,
): AsyncGenerator<ParsedRecord> {
  const head: XlsxRow[] = [];
  let mapping: SheetMapping | null = null;
  let group: XlsxRow[] = [];
  let groupKey: string | null = null;
  const closedGroups = new Map<string, number>();
  let count = 0;

  const flush = (): ParsedRecord | null => {
    if (group.length === 0 || !mapping) return null;
    const record = buildRecord(layout, mapping, group, lookup);
    if (groupKey !== null) closedGroups.set(groupKey, group[0].number);
    group = [];
    groupKey = null;
    return record;
  };

  const take = function* (row: XlsxRow): Generator<ParsedRecord> {
    if (!mapping || row.number <= mapping.headerRow) return;
    if (++count > maxRows) throw rowLimit({ maxRows });
    const key = layout.itemCollection ? groupKeyOf(mapping, row) : null;
    if (key !== null && key === groupKey) {
      group.push(row);
      return;
    }
    const done = flush();
    if (done) yield done;
    group = [row];
    groupKey = key;
    const earlier = key !== null ? closedGroups.get(key) : undefined;
    if (earlier !== undefined) {
      // Rows of one record must be contiguous: a key seen before starts a record of its own, refused.
      const record = buildRecord(layout, mapping, group, lookup);
      const index = mapping.columns.get(GROUP_KEY) ?? null;
      record.problems.push({
        row: row.number,
        column: index === null ? null : columnLetter(index),
        header: headerOf(layout, mapping, GROUP_KEY),
        field: GROUP_KEY,
        code: 'GROUP_NOT_CONTIGUOUS',
        message: `Mã "${key}" đã dùng cho các dòng từ dòng ${earlier}: các dòng của cùng một bản ghi phải liền nhau`,
      });
      group = [];
      groupKey = null;
      yield record;
    }
  };

  for await (const row of rows) {
    if (!mapping) {
      head.push(row);
      if (head.length < HEADER_SCAN_ROWS) continue;
      mapping = detectMapping(layout, head);
      if (!mapping) throw notATemplate();
      for (const buffered of head) yield* take(buffered);
      continue;
    }
    yield* take(row);
  }
  if (!mapping) {
    mapping = detectMapping(layout, head);
    if (!mapping) throw notATemplate();
    for (const buffered of head) yield* take(buffered);
  }
  const last = flush();
  if (last) yield last;
}

function groupKeyOf(mapping: SheetMapping, row: XlsxRow): string | null {
  const index = mapping.columns.get(GROUP_KEY);
  if (index === undefined) return null;
  const value = row.cells[index];
  if (value === null || value === undefined) return null;
  const text = (value instanceof Date ? formatIsoDate(value) : String(value)).trim();
  return text === '' ? null : text;
}

function headerOf(layout: ExcelLayout, mapping: SheetMapping, key: string): string | null {
  const index = mapping.columns.get(key);
  const fromFile = index === undefined ? undefined : mapping.headers.get(index);
  return fromFile ?? layout.columns.find((column) => column.key === key)?.header ?? null;
}

/** The validator input of one record from its rows. */
function buildRecord(layout: ExcelLayout, mapping: SheetMapping, rows: readonly XlsxRow[], lookup?: CodeLookup): ParsedRecord {
  const input: Record<string, unknown> = {};
  const person: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  const items: Record<string, unknown>[] = rows.map(() => ({}));
  const slots = new Map<string, Record<string, unknown>[]>();

  for (const column of layout.columns) {
    const index = mapping.columns.get(column.key);
    if (index === undefined || column.role === 'group') continue;
    if (column.role === 'item') {
      rows.forEach((row, i) => {
        const value = mapped(column.field, cellInput(column.field, row.cells[index] ?? null), lookup);
        if (value !== undefined) items[i][column.field.key] = value;
      });
      continue;
    }
    // Record, person and slot columns: from the first row; later rows may repeat them, not contradict them.
    const value = mapped(column.field, cellInput(column.field, rows[0].cells[index] ?? null), lookup);
    for (const row of rows.slice(1)) {
      const other = mapped(column.field, cellInput(column.field, row.cells[index] ?? null), lookup);
      if (other !== undefined && !sameValue(other, value)) {
        problems.push({
          row: row.number,
          column: columnLetter(index),
          header: headerOf(layout, mapping, column.key),
          field: column.key,
          code: 'GROUP_CONFLICT',
          message: `${column.field.label.vi} khác với dòng ${rows[0].number} (dòng đầu của cùng mã): để trống hoặc ghi giống hệt`,
        });
      }
    }
    if (value === undefined) continue;
    if (column.role === 'person') person[column.field.key] = value;
    else if (column.role === 'record') input[column.field.key] = value;
    else if (column.collection !== undefined && column.slot !== undefined) {
      const list = slots.get(column.collection) ?? [];
      (list[column.slot] ??= {})[column.field.key] = value;
      slots.set(column.collection, list);
    }
  }
  if (layout.definition.embedsPerson) input['person'] = person;
  if (layout.itemCollection) input[layout.itemCollection.key] = items.filter((item) => Object.keys(item).length > 0);
  // Slots left empty are not items; a used slot keeps its position so problems point at its columns.
  for (const { collection } of layout.slotCollections) {
    const used = (slots.get(collection.key) ?? []).map((item, slot) => ({ item, slot })).filter(({ item }) => item);
    input[collection.key] = used.map(({ item }) => item);
    slotPositions.set(input, { ...(slotPositions.get(input) ?? {}), [collection.key]: used.map(({ slot }) => slot) });
  }
  return { mapping, rows: rows.map((row) => row.number), input, problems };
}

/** For a record whose slots 1 and 3 are used, the validator's complications[1] is slot 3's columns. */
const slotPositions = new WeakMap<object, Record<string, number[]>>();

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system (serial 25569 is 1970-01-01). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Excel's largest date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet date-time (exceljs gives its wall-clock time as UTC) as 'YYYY-MM-DD HH:mm[:ss]'. */
function wallClock(date: Date, withTime: boolean): string {
  const day = formatIsoDate(date);
  if (!withTime) return day;
  const seconds = date.getUTCSeconds();
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ''}`;
}

function serialToDate(serial: number): Date | null {
  if (!(serial >= 1 && serial <= MAX_SERIAL)) return null;
  return new Date(Math.round(EXCEL_EPOCH_MS + serial * DAY_MS));
}

/** Digits a number cell lost: a citizen ID or commune code starts with 0, so Excel drops it. */
const PADDED_LENGTHS: Record<string, number> = { citizenId: 12, communeCode: 5 };

/**
 * A cell as the validator's input: undefined when empty; dates and numbers as the domain parses
 * them (the validator does the checking, this only undoes what a spreadsheet does to values).
 */
export function cellInput(field: FieldDefinition, value: XlsxValue): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  switch (field.type) {
    case 'date':
    case 'datetime': {
      const date = value instanceof Date ? value : typeof value === 'number' ? serialToDate(value) : null;
      return date ? wallClock(date, field.type === 'datetime') : String(value);
    }
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? value : value instanceof Date ? formatIsoDate(value) : String(value);
    case 'boolean':
      return typeof value === 'boolean' || typeof value === 'number' ? value : formatIsoDate(value);
    default: {
      if (value instanceof Date) return wallClock(value, false).split('-').reverse().join('/');
      if (typeof value === 'boolean') return value ? 'Có' : 'Không';
      if (!Number.isInteger(value)) return String(value);
      let text = String(value);
      const length = field.format ? PADDED_LENGTHS[field.format] : undefined;
      if (length && text.length < length) text = text.padStart(length, '0');
      if (field.format === 'phone' && text.length === 9) text = `0${text}`;
      return text;
    }
  }
}

/** The sheet position of a validator problem ('newborns[1].weightGrams' → the group's 2nd row, its weight column). */
export function locateProblem(layout: ExcelLayout, record: ParsedRecord, problem: RecordProblem): ImportProblem {
  const mapping = record.mapping;
  let row = record.rows[0];
  let key: string | null = problem.field || null;
  const match = /^([A-Za-z]+)\[(\d+)\](?:\.(.+))?$/.exec(problem.field);
  if (match) {
    const [, collection, position, rest] = match;
    if (layout.itemCollection?.key === collection) {
      row = record.rows[Number(position)] ?? row;
      key = rest ? `${collection}.${rest}` : null;
    } else {
      const slot = slotPositions.get(record.input)?.[collection]?.[Number(position)] ?? Number(position);
      key = rest ? `${collection}[${slot}].${rest}` : null;
    }
  }
  const index = key === null ? undefined : mapping.columns.get(key);
  const known = key !== null && layout.columns.some((column) => column.key === key);
  return {
    row,
    column: index === undefined ? null : columnLetter(index),
    header: key !== null && known ? headerOf(layout, mapping, key) : null,
    field: problem.field || null,
    code: problem.code,
    message: problem.message,
  };
}
