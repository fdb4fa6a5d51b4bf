import ExcelJS from 'exceljs';
import { XlsxLimits } from '@skss/api/core';
import { CatalogName, CodeEntry, FieldDefinition, fieldOptions, rangeText } from '@skss/domain';
import { columnLetter, DATA_SHEET, ExcelColumn, ExcelLayout, GROUP_KEY, INSTRUCTIONS_SHEET, LISTS_SHEET } from './excel-layout';

export type Catalogs = Partial<Record<CatalogName, readonly CodeEntry[]>>;

/** Number formats of the sheet's columns: Vietnamese day order; identifiers as text, so leading zeros stay. */
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';
const TEXT_FORMAT = '@';

/** First data row of the template: row 1 holds the hidden machine keys, row 2 the headers. */
export const FIRST_DATA_ROW = 3;

/**
 * Data rows that carry the drop-downs and range checks. Excel keeps a validation as one range
 * whatever its size, but spreadsheet libraries (exceljs among them) expand it cell by cell when
 * they open a file: 100,000 rows × 60 columns would take them minutes. Rows below keep working
 * (labels or codes typed or pasted are validated on import), and copying a row down copies its lists.
 */
export const VALIDATED_ROWS = 2_000;

export const YES = 'Có';
export const NO = 'Không';

export function columnFormat(field: FieldDefinition): string | undefined {
  switch (field.type) {
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return DATETIME_FORMAT;
    case 'text':
    case 'codes':
      return TEXT_FORMAT;
    case 'code':
      return field.catalog ? TEXT_FORMAT : undefined;
    default:
      return undefined;
  }
}

export function columnWidth(column: ExcelColumn): number {
  const byType = column.field.type === 'datetime' ? 17 : column.field.type === 'date' ? 12 : 10;
  return Math.min(40, Math.max(byType, Math.ceil(column.header.length * 0.9)));
}

/** The name of a list on the lists sheet: one per code list, catalog or option set. */
function listName(field: FieldDefinition): string | null {
  if (field.type !== 'code') return null;
  if (field.codeList) return `${field.codeList}${field.allowedCodes ? `:${[...field.allowedCodes].sort().join(',')}` : ''}`;
  if (field.catalog) return field.catalog;
  if (field.options) return `options:${field.key}`;
  return null;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a column accepts, in words: the instructions sheet and the cell prompt. */
export function formatText(field: FieldDefinition, options: readonly CodeEntry[]): string {
  switch (field.type) {
    case 'date':
      return 'Ngày, dạng ngày/tháng/năm (25/03/2025)';
    case 'datetime':
      return 'Ngày giờ theo giờ Việt Nam, dạng 25/03/2025 14:30';
    case 'int':
      return `Số nguyên${field.min !== undefined || field.max !== undefined ? `, ${rangeText(field.min, field.max, field.unit)}` : ''}`;
    case 'decimal':
      return `Số${field.scale ? ` (${field.scale} chữ số thập phân)` : ''}${field.min !== undefined || field.max !== undefined ? `, ${rangeText(field.min, field.max, field.unit)}` : ''}`;
    case 'boolean':
      return `${YES} hoặc ${NO}${field.defaultValue === false ? ` (để trống là ${NO})` : ''}`;
    case 'code':
      return options.length
        ? `Chọn trong danh sách${options.length <= 8 ? `: ${options.map((o) => o.vi).join('; ')}` : ` (${options.length} giá trị, xem trang "${LISTS_SHEET}")`}; cũng có thể ghi mã`
        : 'Mã trong danh mục';
    case 'codes':
      return `Một hoặc nhiều mã hoặc tên, cách nhau bởi dấu phẩy${options.length ? ` (${options.map((o) => `${o.code}: ${o.vi}`).join('; ')})` : ''}`;
    case 'text':
      return `Chữ${field.maxLength ? `, tối đa ${field.maxLength} ký tự` : ''}`;
  }
}

/**
 * The import template of a register: the data sheet (hidden key row, Vietnamese headers with `*` on
 * required columns, drop-downs for code lists with their labels on a hidden sheet, dates formatted
 * dd/mm/yyyy, identifiers as text), and an instructions sheet explaining every column and limit.
 */
export async function buildTemplate(layout: ExcelLayout, catalogs: Catalogs, limits: XlsxLimits): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SKBMTE/SKSS';
  workbook.created = new Date();
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const lastRow = FIRST_DATA_ROW + Math.min(VALIDATED_ROWS, limits.maxRows) - 1;

  // Lists: one column per list, header in row 1, labels below.
  const listRanges = new Map<string, { formula: string; options: readonly CodeEntry[] }>();
  const optionsOf = (field: FieldDefinition) => fieldOptions(field, catalogs as Partial<Record<CatalogName, readonly CodeEntry[]>>);
  for (const column of layout.columns) {
    const name = listName(column.field);
    const options = optionsOf(column.field);
    if (!name || listRanges.has(name) || options.length === 0) continue;
    const index = listRanges.size + 1;
    lists.getCell(1, index).value = column.field.label.vi;
    options.forEach((option, i) => (lists.getCell(i + 2, index).value = option.vi));
    const letter = columnLetter(index - 1);
    listRanges.set(name, { formula: `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`, options });
  }

  data.columns = layout.columns.map((column) => {
    const numFmt = columnFormat(column.field);
    return { width: columnWidth(column), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const keys = data.getRow(1);
  keys.values = layout.columns.map((column) => column.key);
  keys.hidden = true;
  const headers = data.getRow(2);
  headers.values = layout.columns.map((column) => column.header);
  headers.font = { bold: true };
  headers.alignment = { wrapText: true, vertical: 'middle' };
  headers.height = 45;
  layout.columns.forEach((column, index) => {
    const cell = headers.getCell(index + 1);
    cell.numFmt = 'General';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.field.required ? 'FFFCE4D6' : 'FFDDEBF7' } };
  });

  // exceljs keeps a sheet's validations by range (its typings only declare the per-cell API).
  const validations = (data as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
  layout.columns.forEach((column, index) => {
    const field = column.field;
    const letter = columnLetter(index);
    const range = `${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`;
    const list = listName(field) ? listRanges.get(listName(field) as string) : undefined;
    const prompt = {
      showInputMessage: true,
      promptTitle: cut(field.label.vi, 32),
      prompt: cut(formatText(field, list?.options ?? optionsOf(field)), 250),
    };
    let validation: ExcelJS.DataValidation | null = null;
    if (list) {
      validation = {
        type: 'list',
        allowBlank: true,
        formulae: [list.formula],
        showErrorMessage: true,
        // Fixed lists only take their values; a catalog code typed by hand is still accepted after a warning.
        errorStyle: field.catalog ? 'warning' : 'stop',
        errorTitle: 'Giá trị không có trong danh sách',
        error: 'Hãy chọn một giá trị trong danh sách thả xuống.',
      };
    } else if (field.type === 'boolean') {
      validation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${YES},${NO}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Chỉ ghi Có hoặc Không',
        error: `Hãy chọn ${YES} hoặc ${NO}.`,
      };
    } else if ((field.type === 'int' || field.type === 'decimal') && field.min !== undefined && field.max !== undefined) {
      validation = {
        type: field.type === 'int' ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [field.min, field.max],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Giá trị ngoài giới hạn',
        error: cut(`${field.label.vi} phải ${rangeText(field.min, field.max, field.unit)}.`, 225),
      };
    } else if (field.type === 'text' && field.maxLength && column.key !== GROUP_KEY) {
      validation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [field.maxLength],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Quá dài',
        error: `Tối đa ${field.maxLength} ký tự.`,
      };
    }
    validations.add(range, { ...(validation ?? { type: 'any', allowBlank: true }), ...prompt } as ExcelJS.DataValidation);
  });

  writeInstructions(instructions, layout, limits, (field) => listRanges.get(listName(field) ?? '')?.options ?? optionsOf(field));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeInstructions(
  sheet: ExcelJS.Worksheet,
  layout: ExcelLayout,
  limits: XlsxLimits,
  options: (field: FieldDefinition) => readonly CodeEntry[],
): void {
  const definition = layout.definition;
  sheet.columns = [{ width: 7 }, { width: 42 }, { width: 11 }, { width: 48 }, { width: 70 }];
  const title = sheet.addRow([
    `Hướng dẫn nhập ${definition.title.vi}${definition.formCode ? ` (mẫu ${definition.formCode})` : ''} từ tệp Excel`,
  ]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const megabytes = Math.round(limits.maxFileBytes / (1024 * 1024));
  const rules = [
    `Ghi mỗi bản ghi một dòng trên trang "${DATA_SHEET}", từ dòng ${FIRST_DATA_ROW}. Không xóa, không sửa dòng tiêu đề (dòng 2) và dòng mã cột ẩn (dòng 1); có thể đổi thứ tự hoặc độ rộng cột. Cột có dấu * là bắt buộc; cột khác có thể để trống.`,
    'Ngày ghi dạng ngày/tháng/năm (25/03/2025); ngày giờ ghi dạng 25/03/2025 14:30 theo giờ Việt Nam. Không ghi ngày sau ngày hôm nay (trừ ngày dự kiến sinh).',
    `Cột có danh sách thả xuống: chọn một giá trị (hệ thống tự đổi tên thành mã); cũng có thể ghi đúng tên hoặc mã. Cột Có/Không: chọn Có hoặc Không. Danh sách thả xuống có sẵn ở ${VALIDATED_ROWS.toLocaleString('vi-VN')} dòng đầu; cần nhiều dòng hơn thì sao chép một dòng có danh sách xuống các dòng dưới.`,
    'Số căn cước công dân, số thẻ BHYT, số điện thoại, mã xã: các ô đã định dạng kiểu chữ để giữ số 0 ở đầu; khi dán từ nơi khác hãy dán dạng giá trị (Paste Values).',
    `Giới hạn mỗi tệp: tối đa ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu và ${megabytes} MB; chỉ nhận tệp .xlsx không đặt mật khẩu. Ô có công thức được đọc theo giá trị đã tính sẵn trong tệp, hệ thống không tính lại công thức.`,
    'Sau khi tải lên, hệ thống kiểm tra mọi dòng và cho xem trước các lỗi theo dòng và cột. Sau đó chọn ghi các dòng hợp lệ, hoặc chọn "tất cả hoặc không" để không ghi dòng nào khi còn dòng lỗi. Tệp kết quả liệt kê từng dòng với kết quả và lỗi; có thể sửa ngay trên tệp đó rồi tải lên lại.',
    'Nhập lại không tạo bản ghi trùng: mỗi dòng được nhận biết bằng "Mã bản ghi ở hệ thống nguồn" nếu có ghi; nếu không, bằng cơ sở, người (số CCCD, số thẻ BHYT, hoặc họ tên và ngày sinh) và ngày (giờ) của sự kiện. Tải lên lại tệp đã sửa sẽ cập nhật các bản ghi đã nhập. Hai dòng trùng nhau trong một tệp bị báo lỗi.',
    'Người đã có trong hệ thống (cùng số CCCD hoặc số thẻ BHYT) được dùng lại; người chưa có được tạo mới.',
    'Dòng của tháng đã khóa sổ (báo cáo đã được duyệt) bị từ chối.',
  ];
  if (layout.itemCollection) {
    const group = layout.columns.find((column) => column.key === GROUP_KEY);
    if (group?.field.help) rules.push(group.field.help.vi);
  }
  for (const { collection, slots } of layout.slotCollections) {
    rules.push(
      `${collection.label.vi}: ghi tối đa ${slots} lần trong các cột "${collection.itemLabel.vi} 1" đến "${collection.itemLabel.vi} ${slots}"; các cột của một lần chỉ bắt buộc khi đã ghi lần đó.`,
    );
  }
  rules.forEach((rule, i) => {
    const row = sheet.addRow([`${i + 1}.`, rule]);
    sheet.mergeCells(row.number, 2, row.number, 5);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(15, Math.ceil(rule.length / 150) * 15);
  });
  sheet.addRow([]);
  const header = sheet.addRow(['Cột', 'Tiêu đề cột', 'Bắt buộc', 'Cách ghi, giới hạn', 'Giải thích']);
  header.font = { bold: true };
  let section = '';
  layout.columns.forEach((column, index) => {
    if (column.section !== section) {
      section = column.section;
      sheet.addRow(['', section]).font = { bold: true, italic: true };
    }
    const required = column.role === 'slot' ? (column.field.required ? 'Khi ghi lần này' : NO) : column.field.required ? YES : NO;
    const row = sheet.addRow([
      columnLetter(index),
      column.header,
      required,
      formatText(column.field, options(column.field)),
      column.field.help?.vi ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}
