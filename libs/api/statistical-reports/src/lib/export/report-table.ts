import {
  COLUMNS_OF,
  CommuneFormVersion,
  CommuneRow,
  CommuneSection,
  formColumnValue,
  FormRowGroup,
  isCellApplicable,
  RowKind,
  UnitFormVersion,
} from '@skss/domain';
import {
  AggregateExportInput,
  CommuneExportInput,
  ExportAggregateLine,
  ExportUnitRow,
  isAggregateExport,
  isCommuneExport,
  ReportExportInput,
  UnitsExportInput,
} from './report-export.types';

/**
 * A report as it prints: header cells, numbered lines and their cells. The Excel sheet and the CSV
 * are both written from it, so they carry the same numbers. Pure: no exceljs here.
 */

export interface TableCell {
  /** Machine column key; null where the cell does not exist on the form. */
  readonly column: string | null;
  /** Null: empty (not collected, missing, or grey). */
  readonly value: number | null;
  /** The cell does not apply to the line (printed grey and empty). */
  readonly grey: boolean;
}

export type LineStyle = 'section' | 'total' | 'group' | 'row' | 'unit';

export interface TableLine {
  /** Machine row key (commune row key; `unit:<code>`, `group:<key>`, `group:<key>@<province>`); null for headings. */
  readonly key: string | null;
  readonly number: string;
  readonly label: string;
  readonly depth: number;
  readonly style: LineStyle;
  /** One per value column. */
  readonly cells: readonly TableCell[];
}

/** A header cell of the table, positions counted from 0 over all columns (TT, label, values). */
export interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface ValueColumn {
  /** The column as the CSV names it. */
  readonly label: string;
  /** Width in characters. */
  readonly width: number;
}

export interface ReportTable {
  readonly labelWidth: number;
  readonly columns: readonly ValueColumn[];
  /** Number of header rows (above the column numbers row). */
  readonly headerRows: number;
  readonly header: readonly HeaderCell[];
  /** The column numbers row ("A", "B", "1" … on the commune form; "1", "2", "3a" … on Biểu 4–8). */
  readonly numbers: readonly string[];
  readonly lines: readonly TableLine[];
}

export function reportTable(input: ReportExportInput): ReportTable {
  if (isCommuneExport(input)) return communeTable(input);
  return isAggregateExport(input) ? aggregateTable(input) : unitsTable(input);
}

// ---------------------------------------------------------------------------------------------
// The commune form

const SECTION_TITLES: Readonly<Record<CommuneSection, string>> = {
  I: 'CHĂM SÓC SỨC KHỎE BÀ MẸ',
  II: 'KHÁM CHỮA PHỤ KHOA, SÀNG LỌC UNG THƯ CỔ TỬ CUNG, THỰC HIỆN BIỆN PHÁP TRÁNH THAI VÀ PHÁ THAI',
  III: 'CHĂM SÓC SỨC KHỎE TRẺ EM',
};

/** The four value columns of the paper form, by the place suffix of a cell's column key. */
const COMMUNE_PLACES = ['total', 'station', 'outside', 'other'] as const;

/** Rows printed as two lines (complications: cases and deaths; live births: male and female). */
const SPLIT_PARTS: Readonly<Partial<Record<CommuneRow['columns'], readonly { prefix: string; vi: string }[]>>> = {
  complication: [
    { prefix: 'cases', vi: 'Mắc' },
    { prefix: 'deaths', vi: 'Tử vong' },
  ],
  sex: [
    { prefix: 'male', vi: 'Nam' },
    { prefix: 'female', vi: 'Nữ' },
  ],
};

const COMMUNE_HEADER: readonly HeaderCell[] = [
  { text: 'TT', row: 0, col: 0, rowSpan: 2, colSpan: 1 },
  { text: 'Tên chỉ tiêu', row: 0, col: 1, rowSpan: 2, colSpan: 1 },
  { text: 'Tổng số (TYT + ngoài CSYT)', row: 0, col: 2, rowSpan: 2, colSpan: 1 },
  { text: 'Trong đó', row: 0, col: 3, rowSpan: 1, colSpan: 2 },
  { text: 'Tại TYT', row: 1, col: 3, rowSpan: 1, colSpan: 1 },
  { text: 'Ngoài CSYT (tại nhà, trên đường…)', row: 1, col: 4, rowSpan: 1, colSpan: 1 },
  { text: 'CSYT khác', row: 0, col: 5, rowSpan: 2, colSpan: 1 },
];

function communeTable(input: CommuneExportInput): ReportTable {
  const version: CommuneFormVersion = input.formVersion;
  const lines: TableLine[] = [];
  let section: CommuneSection | null = null;
  for (const row of version.rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push({ key: null, number: section, label: SECTION_TITLES[section], depth: 0, style: 'section', cells: emptyCells(4, false) });
    }
    const number = row.key.slice(row.section.length + 1);
    const parts = SPLIT_PARTS[row.columns];
    if (!parts) {
      lines.push(communeLine(input, row, number, row.label.vi, row.depth, ''));
      continue;
    }
    parts.forEach((part, index) => {
      const label = row.label.vi.includes('Nam / Nữ') ? row.label.vi.replace('Nam / Nữ', part.vi) : `${row.label.vi} – ${part.vi}`;
      lines.push(communeLine(input, row, index === 0 ? number : '', label, row.depth, `${part.prefix}.`));
    });
  }
  return {
    labelWidth: 54,
    columns: [
      { label: 'Tổng số', width: 13 },
      { label: 'Tại TYT', width: 12 },
      { label: 'Ngoài CSYT', width: 14 },
      { label: 'CSYT khác', width: 12 },
    ],
    headerRows: 2,
    header: COMMUNE_HEADER,
    numbers: ['A', 'B', '1', '2', '3', '4'],
    lines,
  };
}

function communeLine(input: CommuneExportInput, row: CommuneRow, number: string, label: string, depth: number, prefix: string): TableLine {
  const own = COLUMNS_OF[row.columns];
  const cells = COMMUNE_PLACES.map((place): TableCell => {
    const column = `${prefix}${place}`;
    if (!own.includes(column) || !isCellApplicable(input.formVersion, row.key, column)) return { column: null, value: null, grey: true };
    const value = input.values[row.key]?.[column];
    return { column, value: typeof value === 'number' && Number.isFinite(value) ? value : null, grey: false };
  });
  return { key: row.key, number, label, depth, style: 'row', cells };
}

function emptyCells(count: number, grey: boolean): TableCell[] {
  return Array.from({ length: count }, () => ({ column: null, value: null, grey }));
}

// ---------------------------------------------------------------------------------------------
// Biểu 4–8

function unitsTable(input: UnitsExportInput): ReportTable {
  const version = input.formVersion;
  return { ...unitsFrame(version), lines: unitLines(version, groupsAt(input), input.rows) };
}

function groupsAt(input: UnitsExportInput | AggregateExportInput): readonly FormRowGroup[] {
  const groups = input.formVersion.views[input.level];
  if (!groups) throw new RangeError(`${input.formVersion.key} is not compiled at the ${input.level} level`);
  return groups;
}

/** What every Biểu 4–8 table shares: its columns, multi-level header and column numbers. */
function unitsFrame(version: UnitFormVersion): Omit<ReportTable, 'lines'> {
  return {
    labelWidth: 30,
    // Wide forms (Báo cáo 4 has 32 indicator columns) print narrower columns to stay legible on A4.
    columns: version.columns.map((c) => ({
      label: `${[...c.groups, c.label].join(' – ')} (cột ${c.number})`,
      width: version.columns.length > 20 ? 7 : 9,
    })),
    ...unitsHeader(version),
    numbers: ['1', '2', ...version.columns.map((c) => c.number)],
  };
}

/**
 * Biểu 4–8 from its computed lines: values printed as given (a missing commune stays empty, not
 * zero); grey cells by the line's row group, or a unit line's row kind; units numbered within
 * their group; indented by the depth of their group.
 */
function aggregateTable(input: AggregateExportInput): ReportTable {
  const version = input.formVersion;
  const groups = groupsAt(input);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const depthOf = (key: string): number => {
    const parent = byKey.get(key)?.parent;
    return parent ? 1 + depthOf(parent) : 0;
  };
  let number = 0;
  const lines = input.lines.map((line): TableLine => {
    const group = byKey.get(line.group);
    if (!group) throw new RangeError(`No row group ${line.group} in ${version.key} at the ${input.level} level`);
    const isGroup = line.kind === 'group';
    number = isGroup ? 0 : number + 1;
    return {
      key: line.key,
      number: isGroup ? (line.number ?? '') : String(number),
      label: line.label,
      depth: depthOf(group.key) + (isGroup ? 0 : 1),
      style: !isGroup ? 'unit' : group.parent === null ? 'total' : 'group',
      cells: version.columns.map((column) => aggregateCell(version, line, column.key)),
    };
  });
  return { ...unitsFrame(version), lines };
}

function aggregateCell(version: UnitFormVersion, line: ExportAggregateLine, column: string): TableCell {
  const rows = line.kind === 'unit' ? (line.rowKind ?? line.group) : line.group;
  if (!isCellApplicable(version, rows, column)) return { column: null, value: null, grey: true };
  const value = line.values[column];
  return { column, value: typeof value === 'number' && Number.isFinite(value) ? value : null, grey: false };
}

/** Multi-level headers: each column's groups (outermost first) above its label; equal runs merged. */
function unitsHeader(version: UnitFormVersion): { headerRows: number; header: HeaderCell[] } {
  const columns = version.columns;
  const rows = 1 + Math.max(0, ...columns.map((c) => c.groups.length));
  const header: HeaderCell[] = [
    { text: 'TT', row: 0, col: 0, rowSpan: rows, colSpan: 1 },
    { text: 'Tên đơn vị', row: 0, col: 1, rowSpan: rows, colSpan: 1 },
  ];
  for (let level = 0; level < rows - 1; level++) {
    let start = 0;
    while (start < columns.length) {
      const prefix = columns[start].groups.slice(0, level + 1);
      if (prefix.length <= level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < columns.length && sameGroups(columns[end + 1].groups.slice(0, level + 1), prefix)) end++;
      header.push({ text: prefix[level], row: level, col: 2 + start, rowSpan: 1, colSpan: end - start + 1 });
      start = end + 1;
    }
  }
  columns.forEach((c, i) => header.push({ text: c.label, row: c.groups.length, col: 2 + i, rowSpan: rows - c.groups.length, colSpan: 1 }));
  return { headerRows: rows, header };
}

function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

interface Province {
  readonly code: string;
  readonly name: string;
}

/**
 * The lines of a unit form: each group's subtotal line (the sum of the unit rows below it, the
 * total first), then the units it lists; in national views a block per province. Every column
 * adds up over units (a stock column too: the end-of-month counts of different units add up).
 */
function unitLines(version: UnitFormVersion, groups: readonly FormRowGroup[], rows: readonly ExportUnitRow[]): TableLine[] {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const childrenOf = (key: string) => groups.filter((g) => g.parent === key);
  for (const row of rows) {
    const group = byKey.get(row.group);
    if (!group || childrenOf(group.key).length > 0) throw new RangeError(`No row group ${row.group} listing units in ${version.key}`);
    if (group.perProvince && !row.province) throw new RangeError(`The row ${row.code} of ${row.group} needs its province`);
  }
  const subtree = (key: string): Set<string> => new Set([key, ...childrenOf(key).flatMap((g) => [...subtree(g.key)])]);
  const unitValues = rows.map((row) => unitRowValues(version, byKey.get(row.group) as FormRowGroup, row));
  const lines: TableLine[] = [];

  const render = (group: FormRowGroup, depth: number, province: Province | null): void => {
    const keys = subtree(group.key);
    const members = rows.map((r, i) => i).filter((i) => keys.has(rows[i].group) && (!province || rows[i].province?.code === province.code));
    lines.push({
      key: province ? `group:${group.key}@${province.code}` : `group:${group.key}`,
      number: group.number ?? '',
      label: group.key === 'province' && province ? province.name : group.label.vi,
      depth,
      style: group.parent === null ? 'total' : 'group',
      cells: version.columns.map((column, c): TableCell => {
        if (!isCellApplicable(version, group.key, column.key)) return { column: null, value: null, grey: true };
        if (column.source.kind === 'notCollected') return { column: column.key, value: null, grey: false };
        const value = members.reduce((sum, i) => sum + (unitValues[i][c] ?? 0), 0);
        return { column: column.key, value, grey: false };
      }),
    });
    if (group.listsUnits) {
      let number = 0;
      for (const i of members.filter((m) => rows[m].group === group.key)) {
        const row = rows[i];
        lines.push({
          key: `unit:${row.code}`,
          number: String(++number),
          label: row.name,
          depth: depth + 1,
          style: 'unit',
          cells: version.columns.map((column, c) => {
            const grey = !rowApplicable(version, group, row.kind, column.key);
            return { column: grey ? null : column.key, value: grey ? null : unitValues[i][c], grey };
          }),
        });
      }
    }
    for (const child of childrenOf(group.key)) {
      if (child.perProvince && !group.perProvince) {
        for (const each of provincesOf(members.map((i) => rows[i]))) render(child, depth + 1, each);
      } else {
        render(child, depth + 1, province);
      }
    }
  };
  for (const root of groups.filter((g) => g.parent === null)) render(root, 0, null);
  return lines;
}

function rowApplicable(version: UnitFormVersion, group: FormRowGroup, kind: RowKind | undefined, column: string): boolean {
  return isCellApplicable(version, kind ?? group.key, column);
}

/** A unit row's value per column: null where grey or not collected. */
function unitRowValues(version: UnitFormVersion, group: FormRowGroup, row: ExportUnitRow): (number | null)[] {
  return version.columns.map((column) =>
    rowApplicable(version, group, row.kind, column.key) ? formColumnValue(column, row.values) : null,
  );
}

function provincesOf(rows: readonly ExportUnitRow[]): Province[] {
  const seen = new Map<string, Province>();
  for (const row of rows) if (row.province && !seen.has(row.province.code)) seen.set(row.province.code, row.province);
  return [...seen.values()];
}
