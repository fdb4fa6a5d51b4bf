import {
  CollectionDefinition,
  FieldDefinition,
  foldVietnamese,
  inputFields,
  PERSON_FIELDS,
  REGISTER_DEFINITIONS,
  RegisterCode,
  RegisterDefinition,
} from '@skss/domain';

/**
 * The columns of a register's Excel sheet, generated from its definition (libs/domain registers):
 * the template, the import and the export all use this one layout.
 *
 * - person fields (registers that carry the person inline), then the record's own fields in the
 *   order of the paper register, keyed `person.fullName`, `visitDate`, …;
 * - a collection that every record has at least one of (a delivery's newborns) is flattened to one
 *   sheet row per item: the record's columns are repeated on each row (read from the first row of
 *   the group), the item's columns are keyed `newborns.sex`, and the rows of one record share a
 *   grouping key (`groupKey`, "Mã ca đẻ") — an empty key makes the row a record of its own;
 * - other collections (postnatal visits, complications) get numbered column slots on the record,
 *   keyed exactly as the validators name their problems: `complications[0].kind`.
 */
export type ColumnRole = 'group' | 'person' | 'record' | 'item' | 'slot';

export interface ExcelColumn {
  /** Machine key, written in the template's hidden first row. */
  key: string;
  role: ColumnRole;
  field: FieldDefinition;
  /** Header as the template shows it: Vietnamese label, unit, `*` when required. */
  header: string;
  /** Section of the instructions sheet. */
  section: string;
  /** Item and slot columns: the collection; slot columns also their slot (0-based). */
  collection?: string;
  slot?: number;
}

export interface ExcelLayout {
  register: RegisterCode;
  definition: RegisterDefinition;
  columns: ExcelColumn[];
  /** The collection flattened to one row per item, if any. */
  itemCollection: CollectionDefinition | null;
  /** Collections kept as numbered column slots, with their number of slots. */
  slotCollections: { collection: CollectionDefinition; slots: number }[];
}

/** Name of the data sheet of the template; an import reads it (or else the first visible sheet). */
export const DATA_SHEET = 'Dữ liệu';
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

/** Column slots of a collection that is not flattened to rows (postnatal visits, complications). */
export const SLOTS_PER_COLLECTION = 3;

const GROUP_LABELS: Partial<Record<RegisterCode, { vi: string; en: string; help: string }>> = {
  deliveries: {
    vi: 'Mã ca đẻ',
    en: 'Delivery key',
    help:
      'Mỗi trẻ sơ sinh một dòng. Các dòng của cùng một lần đẻ (sinh đôi, sinh ba) ghi cùng một mã ca đẻ (ví dụ CD-001) và phải liền nhau; ' +
      'thông tin của mẹ và của lần đẻ lấy từ dòng đầu tiên (các dòng sau có thể để trống hoặc ghi giống hệt). Để trống nếu lần đẻ chỉ có một trẻ.',
  },
};

export const GROUP_KEY = 'groupKey';

const layouts = new Map<RegisterCode, ExcelLayout>();

/** The layout of a register (computed once). */
export function excelLayout(register: RegisterCode): ExcelLayout {
  let layout = layouts.get(register);
  if (!layout) {
    layout = buildLayout(register, REGISTER_DEFINITIONS[register]);
    layouts.set(register, layout);
  }
  return layout;
}

export function buildLayout(register: RegisterCode, definition: RegisterDefinition): ExcelLayout {
  const itemCollection = definition.collections.find((collection) => collection.minItems >= 1) ?? null;
  const slotCollections = definition.collections
    .filter((collection) => collection !== itemCollection)
    .map((collection) => ({ collection, slots: Math.min(collection.maxItems, SLOTS_PER_COLLECTION) }));
  const columns: ExcelColumn[] = [];
  const title = definition.title.vi;

  if (itemCollection) {
    const label = GROUP_LABELS[register] ?? {
      vi: 'Mã nhóm dòng',
      en: 'Row group key',
      help: 'Các dòng của cùng một bản ghi ghi cùng một mã.',
    };
    const field: FieldDefinition = {
      key: GROUP_KEY,
      label: { vi: label.vi, en: label.en },
      type: 'text',
      required: false,
      maxLength: 100,
      help: { vi: label.help, en: label.en },
    };
    columns.push({ key: GROUP_KEY, role: 'group', field, header: label.vi, section: title });
  }
  if (definition.embedsPerson) {
    for (const field of PERSON_FIELDS) {
      columns.push({ key: `person.${field.key}`, role: 'person', field, header: headerOf(field), section: 'Thông tin người' });
    }
  }
  for (const field of inputFields(definition.fields)) {
    columns.push({ key: field.key, role: 'record', field, header: headerOf(field), section: title });
  }
  if (itemCollection) {
    for (const field of inputFields(itemCollection.fields)) {
      columns.push({
        key: `${itemCollection.key}.${field.key}`,
        role: 'item',
        field,
        header: headerOf(field, `${itemCollection.itemLabel.vi}: `),
        section: `${itemCollection.label.vi} (mỗi dòng một ${itemCollection.itemLabel.vi.toLowerCase()})`,
        collection: itemCollection.key,
      });
    }
  }
  for (const { collection, slots } of slotCollections) {
    for (let slot = 0; slot < slots; slot++) {
      for (const field of inputFields(collection.fields)) {
        columns.push({
          key: `${collection.key}[${slot}].${field.key}`,
          role: 'slot',
          field,
          // Fields of a slot are required only when the slot is used: no `*`.
          header: headerOf({ ...field, required: false }, `${collection.itemLabel.vi} ${slot + 1}: `),
          section: `${collection.label.vi} (tối đa ${slots})`,
          collection: collection.key,
          slot,
        });
      }
    }
  }
  return { register, definition, columns, itemCollection, slotCollections };
}

function headerOf(field: FieldDefinition, prefix = ''): string {
  const unit = field.unit ? ` (${field.unit})` : '';
  return `${prefix}${field.label.vi}${unit}${field.required ? ' *' : ''}`;
}

/** A header as typed or saved by a spreadsheet, compared without case, diacritics, `*` or unit. */
export function headerMatchKey(text: string): string {
  return foldVietnamese(text.replace(/\*/g, '').replace(/\([^)]*\)\s*$/, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Excel's column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
