import {
  cellKey,
  COLUMNS_OF,
  CommuneFormVersion,
  CommuneRow,
  communeRow,
  CommuneSection,
  FACILITY_INDICATOR_COLUMN,
  FacilityKind,
  FormColumn,
  FormLevel,
  formVersionOn,
  FormVersion,
  isCellApplicable,
  ReportFormCode,
  UnitFormVersion,
} from '@skss/domain';

/**
 * A monthly form laid out as it prints, from the versioned form definitions of `@skss/domain` (row labels, depth,
 * columns and grey cells are the domain's; nothing is repeated here). Framework free, so that it is unit tested.
 *
 * The commune form (Biểu 3/BCX, Báo cáo 4 (TYT)) has four value columns: Tổng số, Tại TYT, Ngoài CSYT, CSYT khác; a
 * complication row prints as two lines (Mắc, TV) and the live births by sex as two (Nam, Nữ). Biểu 4–8 have the
 * facility's own line under the form's indicator columns.
 */

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** A value cell: the cell key the API's values use, or null when the cell is grey (does not apply to the line). */
export interface LayoutCell {
  /** `I.3:total`, `F.caesarean:total`; null for a grey or not collected cell. */
  readonly key: string | null;
  readonly row: string | null;
  readonly column: string | null;
  readonly grey: boolean;
  /** Why the registers cannot give the cell (Biểu 4–8 columns the system does not collect). */
  readonly notCollected: Bilingual | null;
}

export interface LayoutLine {
  /** Unique within the layout (track key, test hook). */
  readonly id: string;
  readonly kind: 'section' | 'row';
  /** The TT column ("I", "3", "5.1a"); empty on the second line of a split row. */
  readonly number: string;
  readonly label: Bilingual;
  /** A split row's part ("Mắc", "Nam"), shown after the label. */
  readonly part: Bilingual | null;
  readonly depth: number;
  readonly cells: readonly LayoutCell[];
}

/** A header cell over the value columns (row and column counted from 0 over the value columns). */
export interface LayoutHeader {
  readonly label: Bilingual;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface FormLayout {
  readonly kind: 'commune' | 'units';
  readonly versionKey: string;
  /** "Biểu số: 3/BCX", "Báo cáo 4 (TYT)", "Biểu số: 4/BCH"… */
  readonly officialCode: string;
  readonly title: Bilingual;
  /** Header rows above the column numbers. */
  readonly headerRows: number;
  readonly header: readonly LayoutHeader[];
  /** The column numbers row of the value columns ("1", "2"… on the commune form; "3a", "5"… on Biểu 4–8). */
  readonly numbers: readonly string[];
  readonly lines: readonly LayoutLine[];
}

/** The section headings of the commune form, as printed. */
export const COMMUNE_SECTIONS: Readonly<Record<CommuneSection, Bilingual>> = {
  I: { vi: 'CHĂM SÓC SỨC KHỎE BÀ MẸ', en: 'MATERNAL HEALTH CARE' },
  II: {
    vi: 'KHÁM CHỮA PHỤ KHOA, SÀNG LỌC UNG THƯ CỔ TỬ CUNG, THỰC HIỆN BIỆN PHÁP TRÁNH THAI VÀ PHÁ THAI',
    en: 'GYNAECOLOGY, CERVICAL CANCER SCREENING, CONTRACEPTION AND ABORTION',
  },
  III: { vi: 'CHĂM SÓC SỨC KHỎE TRẺ EM', en: 'CHILD HEALTH CARE' },
};

/** The value columns of the commune form, by the place suffix of a cell's column key. */
export const COMMUNE_PLACES = ['total', 'station', 'outside', 'other'] as const;

const COMMUNE_HEADER: readonly LayoutHeader[] = [
  { label: { vi: 'Tổng số (TYT + ngoài CSYT)', en: 'Total (station + outside facilities)' }, row: 0, col: 0, rowSpan: 2, colSpan: 1 },
  { label: { vi: 'Trong đó', en: 'Of which' }, row: 0, col: 1, rowSpan: 1, colSpan: 2 },
  { label: { vi: 'Tại TYT', en: 'At the station' }, row: 1, col: 1, rowSpan: 1, colSpan: 1 },
  {
    label: { vi: 'Ngoài CSYT (tại nhà, trên đường…)', en: 'Outside facilities (home, on the way…)' },
    row: 1,
    col: 2,
    rowSpan: 1,
    colSpan: 1,
  },
  { label: { vi: 'CSYT khác', en: 'Other facilities' }, row: 0, col: 3, rowSpan: 2, colSpan: 1 },
];

/** Rows printed as two lines: complications (Mắc, TV) and live births by sex (Nam, Nữ). */
const SPLIT_PARTS: Readonly<Partial<Record<CommuneRow['columns'], readonly { prefix: string; label: Bilingual }[]>>> = {
  complication: [
    { prefix: 'cases', label: { vi: 'Mắc', en: 'Cases' } },
    { prefix: 'deaths', label: { vi: 'TV', en: 'Deaths' } },
  ],
  sex: [
    { prefix: 'male', label: { vi: 'Nam', en: 'Male' } },
    { prefix: 'female', label: { vi: 'Nữ', en: 'Female' } },
  ],
};

const GREY: LayoutCell = { key: null, row: null, column: null, grey: true, notCollected: null };

/** The level a facility's report of a form prints for (which official code heads it). */
export function formLevelOf(kind: FacilityKind): FormLevel {
  switch (kind) {
    case 'COMMUNE_HEALTH_STATION':
      return 'commune';
    case 'DISTRICT_HEALTH_CENTER':
    case 'DISTRICT_FACILITY':
      return 'district';
    case 'MCH_DEPARTMENT':
    case 'NCHI':
      return 'national';
    default:
      return 'province';
  }
}

export function officialCodeOf(version: FormVersion, kind: FacilityKind): string {
  const codes = version.officialCodes;
  return codes[formLevelOf(kind)] ?? codes.commune ?? codes.district ?? codes.province ?? codes.national ?? version.code;
}

/** The layout of a facility's form for a month (the version in force that month). */
export function formLayout(form: ReportFormCode, month: string, kind: FacilityKind): FormLayout {
  const version = formVersionOn(form, month);
  const base = {
    versionKey: version.key,
    officialCode: officialCodeOf(version, kind),
    title: { vi: version.title, en: version.titleEn },
  };
  return version.layout === 'commune' ? { ...base, ...communeLayout(version) } : { ...base, ...unitsLayout(version) };
}

function communeLayout(version: CommuneFormVersion): Pick<FormLayout, 'kind' | 'headerRows' | 'header' | 'numbers' | 'lines'> {
  const lines: LayoutLine[] = [];
  let section: CommuneSection | null = null;
  for (const row of version.rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push({
        id: `section:${section}`,
        kind: 'section',
        number: section,
        label: COMMUNE_SECTIONS[section],
        part: null,
        depth: 0,
        cells: COMMUNE_PLACES.map(() => GREY),
      });
    }
    const number = row.key.slice(row.section.length + 1);
    const parts = SPLIT_PARTS[row.columns];
    if (!parts) {
      lines.push(communeLine(version, row, row.key, number, null, ''));
      continue;
    }
    parts.forEach((part, index) =>
      lines.push(communeLine(version, row, `${row.key}:${part.prefix}`, index === 0 ? number : '', part.label, `${part.prefix}.`)),
    );
  }
  return { kind: 'commune', headerRows: 2, header: COMMUNE_HEADER, numbers: ['1', '2', '3', '4'], lines };
}

function communeLine(version: CommuneFormVersion, row: CommuneRow, id: string, number: string, part: Bilingual | null, prefix: string) {
  const own = COLUMNS_OF[row.columns];
  const cells = COMMUNE_PLACES.map((place): LayoutCell => {
    const column = `${prefix}${place}`;
    if (!own.includes(column) || !isCellApplicable(version, row.key, column)) return GREY;
    return { key: cellKey(row.key, column), row: row.key, column, grey: false, notCollected: null };
  });
  return { id, kind: 'row' as const, number, label: row.label, part, depth: row.depth, cells };
}

/** Where a Biểu 4–8 column's value lives in the API's cell values. */
function unitCell(column: FormColumn): LayoutCell {
  if (column.greyFor.includes('facility')) return GREY;
  switch (column.source.kind) {
    case 'commune':
      return {
        key: cellKey(column.source.row, column.source.column),
        row: column.source.row,
        column: column.source.column,
        grey: false,
        notCollected: null,
      };
    case 'facility':
      return {
        key: cellKey(column.source.indicator, FACILITY_INDICATOR_COLUMN),
        row: column.source.indicator,
        column: FACILITY_INDICATOR_COLUMN,
        grey: false,
        notCollected: null,
      };
    case 'notCollected':
      return { key: null, row: null, column: null, grey: false, notCollected: column.source.reason };
  }
}

function unitsLayout(version: UnitFormVersion): Pick<FormLayout, 'kind' | 'headerRows' | 'header' | 'numbers' | 'lines'> {
  const columns = version.columns;
  const headerRows = 1 + Math.max(0, ...columns.map((c) => c.groups.length));
  const header: LayoutHeader[] = [];
  for (let level = 0; level < headerRows - 1; level++) {
    let start = 0;
    while (start < columns.length) {
      const prefix = columns[start].groups.slice(0, level + 1);
      if (prefix.length <= level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < columns.length && columns[end + 1].groups.slice(0, level + 1).join('\u0000') === prefix.join('\u0000')) end++;
      header.push({ label: { vi: prefix[level], en: prefix[level] }, row: level, col: start, rowSpan: 1, colSpan: end - start + 1 });
      start = end + 1;
    }
  }
  columns.forEach((c, i) =>
    header.push({ label: { vi: c.label, en: c.en }, row: c.groups.length, col: i, rowSpan: headerRows - c.groups.length, colSpan: 1 }),
  );
  const line: LayoutLine = {
    id: 'facility',
    kind: 'row',
    number: '1',
    label: { vi: 'Cơ sở báo cáo', en: 'Reporting facility' },
    part: null,
    depth: 0,
    cells: columns.map(unitCell),
  };
  return { kind: 'units', headerRows, header, numbers: columns.map((c) => c.number), lines: [line] };
}

/** The header rows as a table renders them: the cells of each row, left to right. */
export function headerRowsOf(layout: FormLayout): LayoutHeader[][] {
  return Array.from({ length: layout.headerRows }, (_, row) => layout.header.filter((h) => h.row === row).sort((a, b) => a.col - b.col));
}

const COLUMN_WORDS: Readonly<Record<string, Bilingual>> = {
  total: { vi: 'Tổng số', en: 'Total' },
  station: { vi: 'Tại TYT', en: 'At the station' },
  outside: { vi: 'Ngoài CSYT', en: 'Outside facilities' },
  other: { vi: 'CSYT khác', en: 'Other facilities' },
  cases: { vi: 'Mắc', en: 'Cases' },
  deaths: { vi: 'TV', en: 'Deaths' },
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

/** A cell named as the form prints it: "I.3 Tổng số lượt khám thai – Tại TYT" (a cell key of the commune rows). */
export function cellLabel(row: string, column: string): Bilingual {
  const label = communeRow(row)?.label ?? { vi: '', en: '' };
  const words = column.split('.').map((part) => COLUMN_WORDS[part] ?? { vi: part, en: part });
  const join = (language: keyof Bilingual) => [`${row} ${label[language]}`.trim(), ...words.map((w) => w[language])].join(' – ');
  return { vi: join('vi'), en: join('en') };
}
