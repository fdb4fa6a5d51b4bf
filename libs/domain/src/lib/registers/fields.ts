import { CODE_LISTS, CodeEntry, CodeListName } from './code-lists';
import { CatalogName, EventPlace, FieldDefinition, LocalizedText, RegisterDefinition } from './register-definition';

/** Places of the registers that record events (report-rules §2: at the facility, or outside any facility). */
export const EVENT_PLACES: readonly EventPlace[] = ['FACILITY', 'HOME', 'ON_THE_WAY', 'OUTREACH'];

/**
 * Places of death: at the recording facility, at home, on the way, or at another facility (which
 * reports it itself; report-rules §2 "a death at another facility belongs to that facility's report").
 */
export const DEATH_PLACES: readonly EventPlace[] = ['FACILITY', 'HOME', 'ON_THE_WAY', 'OTHER_FACILITY'];

/** Places at a health facility, where a caesarean or an instrumental birth can happen. */
export const FACILITY_PLACES: readonly EventPlace[] = ['FACILITY', 'OTHER_FACILITY'];

// code-lists.ts holds the places of the commune form's columns; the death register also needs
// Prisma's OTHER_FACILITY. Its label lives here until the code list carries it.
const OTHER_FACILITY_ENTRY: CodeEntry = { code: 'OTHER_FACILITY', vi: 'Tại cơ sở y tế khác', en: 'At another health facility' };

const PLACE_ENTRIES: readonly CodeEntry[] = (CODE_LISTS.PLACE as readonly CodeEntry[]).some((entry) => entry.code === 'OTHER_FACILITY')
  ? CODE_LISTS.PLACE
  : [...CODE_LISTS.PLACE, OTHER_FACILITY_ENTRY];

/** The entries of a fixed list as a field uses them (places include OTHER_FACILITY). */
export function listEntries(name: CodeListName): readonly CodeEntry[] {
  return name === 'PLACE' ? PLACE_ENTRIES : (CODE_LISTS[name] as readonly CodeEntry[]);
}

/**
 * The choices of a 'code' or 'codes' field for a drop-down (console, Excel template), restricted to
 * the codes the field allows. Catalog fields return the catalog's entries when given, else none.
 */
export function fieldOptions(field: FieldDefinition, catalogs?: Partial<Record<CatalogName, readonly CodeEntry[]>>): readonly CodeEntry[] {
  if (field.codeList) {
    const entries = listEntries(field.codeList);
    return field.allowedCodes ? entries.filter((entry) => field.allowedCodes?.includes(entry.code)) : entries;
  }
  if (field.options) return field.options;
  if (field.catalog) return catalogs?.[field.catalog] ?? [];
  return [];
}

/** The fields a person enters (computed ones left out): what an entry form or an Excel template shows. */
export function inputFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => !field.computed);
}

/** A field of a register by key (top level or `collection.key`), or undefined. */
export function findField(definition: RegisterDefinition, path: string): FieldDefinition | undefined {
  const [first, second] = path.split('.');
  if (second === undefined) return definition.fields.find((field) => field.key === first);
  const collection = definition.collections.find((c) => c.key === first.replace(/\[\d+\]$/, ''));
  return collection?.fields.find((field) => field.key === second);
}

// ---- Field builders shared by the registers ----

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

export function placeField(places: readonly EventPlace[], label: LocalizedText): FieldDefinition {
  return {
    key: 'place',
    label,
    type: 'code',
    codeList: 'PLACE',
    allowedCodes: places,
    required: true,
    help: text(
      'Tại cơ sở ghi sổ, hoặc ngoài cơ sở y tế (tại nhà, trên đường đến cơ sở y tế, lưu động); quyết định cột của báo cáo.',
      'At the recording facility, or outside any facility (home, on the way, outreach); decides the report column.',
    ),
  };
}

export function notesField(maxLength = 1000): FieldDefinition {
  return { key: 'notes', label: text('Ghi chú', 'Notes'), type: 'text', required: false, maxLength, multiline: true };
}

/** The id of the row in the sending system: a row sent again with the same id updates the stored one. */
export const SOURCE_RECORD_ID_FIELD: FieldDefinition = {
  key: 'sourceRecordId',
  label: text('Mã bản ghi ở hệ thống nguồn', 'Record id in the source system'),
  type: 'text',
  required: false,
  maxLength: 100,
  help: text(
    'Mã do phần mềm gửi dữ liệu (HIS, YTCS, tệp Excel) đặt cho dòng này; gửi lại cùng mã thì bản ghi được cập nhật, không tạo bản ghi mới.',
    'The id the sending software (HIS, YTCS, Excel file) gives this row; sending the same id again updates the row instead of adding one.',
  ),
};

export function testResultField(key: string, label: LocalizedText, codeList: CodeListName = 'TEST_RESULT'): FieldDefinition {
  return {
    key,
    label,
    type: 'code',
    codeList,
    required: false,
    help: text('Để trống nếu không làm xét nghiệm.', 'Leave empty when the test was not done.'),
  };
}

export function flagField(key: string, label: LocalizedText, help?: LocalizedText): FieldDefinition {
  return { key, label, type: 'boolean', required: false, defaultValue: false, ...(help ? { help } : {}) };
}

/** Gestational age in completed weeks as recorded on the row. */
export function gaWeeksField(label: LocalizedText, min: number, max: number, required: boolean, help: LocalizedText): FieldDefinition {
  return { key: 'gaWeeks', label, type: 'int', required, min, max, unit: 'tuần', rangeCode: 'GA_OUT_OF_RANGE', help };
}

export function ethnicityField(label: LocalizedText = text('Dân tộc', 'Ethnicity'), help?: LocalizedText): FieldDefinition {
  return {
    key: 'ethnicityCode',
    label,
    type: 'code',
    catalog: 'ETHNICITY',
    required: false,
    maxLength: 4,
    help:
      help ?? text('Mã dân tộc 2 chữ số theo danh mục 54 dân tộc (01 là Kinh).', 'Two-digit code of the 54 ethnic groups (01 is Kinh).'),
  };
}

export function occupationField(): FieldDefinition {
  return {
    key: 'occupationCode',
    label: text('Nghề nghiệp', 'Occupation'),
    type: 'code',
    catalog: 'OCCUPATION',
    required: false,
    maxLength: 10,
    help: text('Mã nhóm nghề nghiệp theo danh mục nghề nghiệp của hệ thống.', 'Code of the occupation group in the system’s catalog.'),
  };
}

/** Complications of a delivery, an abortion or a contraceptive service (I.9.x, II.4). */
export function complicationFields(
  kindList: 'OBSTETRIC_COMPLICATION' | 'CONTRACEPTIVE_COMPLICATION',
  eventLabel: string,
): FieldDefinition[] {
  return [
    { key: 'kind', label: text('Loại tai biến', 'Kind of complication'), type: 'code', codeList: kindList, required: true },
    {
      key: 'onsetOn',
      label: text('Ngày xảy ra tai biến', 'Onset date'),
      type: 'date',
      required: true,
      help: text(
        `Quyết định tháng báo cáo của tai biến; không trước ${eventLabel}.`,
        'Decides the report month of the complication; not before the event it complicates.',
      ),
    },
    { key: 'outcome', label: text('Kết quả xử trí', 'Outcome'), type: 'code', codeList: 'COMPLICATION_OUTCOME', required: true },
  ];
}
