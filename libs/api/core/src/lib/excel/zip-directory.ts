import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { DomainError } from '../errors/domain-error';

/**
 * Limits an uploaded workbook must respect (ASVS 5.1.1, 5.2.1, 5.2.3). An .xlsx is a ZIP archive:
 * its central directory is read and checked before anything is decompressed, and decompression
 * itself is counted, so an archive that lies about its sizes is stopped as it inflates.
 */
export interface XlsxLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Entries of the archive (a workbook has a few dozen). */
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size, of the whole archive and of any entry larger than 1 MiB. */
  maxExpansionRatio: number;
  /** Data rows of the sheet read. */
  maxRows: number;
}

/**
 * 20 MB holds about 150,000 register rows as Excel writes them; 400 MB of XML is about 30 times
 * the largest honest file; workbooks written by Excel, LibreOffice and exceljs expand 5–40 times
 * (sheet XML of repetitive generated data up to about 60), while a zip bomb expands about 1,000
 * times. 100,000 rows is a year of a district hospital's largest register.
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 1_000,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxExpansionRatio: 100,
  maxRows: 100_000,
};

const MIB = 1024 * 1024;
const megabytes = (bytes: number) => (bytes / MIB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export function fileTooLarge(limits: Pick<XlsxLimits, 'maxFileBytes'>, size?: number): DomainError {
  return new DomainError(
    'FILE_TOO_LARGE',
    `Tệp ${size !== undefined ? `(${megabytes(size)} MB) ` : ''}vượt quá dung lượng cho phép ${megabytes(limits.maxFileBytes)} MB: hãy chia dữ liệu thành nhiều tệp nhỏ hơn`,
    413,
  );
}

export function notXlsx(reason?: string): DomainError {
  return new DomainError(
    'NOT_XLSX',
    'Tệp không phải là bảng tính Excel .xlsx' +
      (reason ? ` (${reason})` : '') +
      ': hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (*.xlsx)", không đặt mật khẩu',
    400,
  );
}

export function zipBomb(detail: string): DomainError {
  return new DomainError(
    'ZIP_BOMB',
    `Tệp bị từ chối vì nội dung nén bất thường (${detail}); tệp có thể bị lỗi hoặc độc hại. ` +
      'Hãy lưu lại tệp bằng Excel rồi thử lại; nếu vẫn bị từ chối, hãy chia dữ liệu thành nhiều tệp',
    400,
  );
}

export function rowLimit(limits: Pick<XlsxLimits, 'maxRows'>): DomainError {
  return new DomainError(
    'ROW_LIMIT',
    `Tệp có nhiều hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu, vượt quá giới hạn mỗi lần nhập: hãy chia thành nhiều tệp`,
    400,
  );
}

export interface ZipEntry {
  /** Path inside the archive, as stored ('xl/worksheets/sheet1.xml'). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header in the file. */
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Signature of the OLE2 compound file: an old .xls, or an .xlsx encrypted with a password. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function readUint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw zipBomb('kích thước khai báo quá lớn');
  return Number(value);
}

/**
 * Reads and checks the archive's central directory without decompressing anything: magic bytes,
 * entry count, declared sizes and expansion ratios, entry methods, encryption, bounds.
 */
export function inspectZip(file: Buffer, limits: XlsxLimits): ZipEntry[] {
  if (file.length > limits.maxFileBytes) throw fileTooLarge(limits, file.length);
  if (file.length >= 4 && file.subarray(0, 4).equals(OLE_MAGIC)) {
    throw notXlsx('đây là tệp .xls cũ hoặc tệp Excel đã đặt mật khẩu');
  }
  if (file.length < 22 || !file.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();

  // End of central directory: the last 22 bytes, unless a comment (≤ 65,535 bytes) follows it.
  let eocd = -1;
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw notXlsx('tệp nén bị hỏng hoặc không đầy đủ');
  if (file.readUInt16LE(eocd + 4) !== 0 || file.readUInt16LE(eocd + 6) !== 0) throw notXlsx('tệp nén nhiều phần');
  let count = file.readUInt16LE(eocd + 10);
  let directorySize = file.readUInt32LE(eocd + 12);
  let directoryOffset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || file.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw notXlsx('tệp nén bị hỏng');
    const zip64 = readUint64(file, locator + 8);
    if (zip64 + 56 > file.length || file.readUInt32LE(zip64) !== ZIP64_EOCD_SIGNATURE) throw notXlsx('tệp nén bị hỏng');
    count = readUint64(file, zip64 + 32);
    directorySize = readUint64(file, zip64 + 40);
    directoryOffset = readUint64(file, zip64 + 48);
  }
  if (count > limits.maxEntries) throw zipBomb(`${count.toLocaleString('vi-VN')} tệp con, tối đa ${limits.maxEntries}`);
  if (directoryOffset + directorySize > file.length) throw notXlsx('tệp nén bị hỏng');

  const entries: ZipEntry[] = [];
  let total = 0;
  let totalCompressed = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notXlsx('tệp nén bị hỏng');
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    let compressedSize = file.readUInt32LE(at + 20);
    let uncompressedSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    let localHeaderOffset = file.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > file.length) throw notXlsx('tệp nén bị hỏng');
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64 extended information: the 64-bit values of the fields stored as 0xFFFFFFFF, in order.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = file.readUInt16LE(extra);
        const size = file.readUInt16LE(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const next = () => {
            if (field + 8 > extraEnd) throw notXlsx('tệp nén bị hỏng');
            field += 8;
            return readUint64(file, field - 8);
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
          break;
        }
        extra += 4 + size;
      }
    }
    if (flags & 0x0001) throw notXlsx('tệp đã được mã hóa bằng mật khẩu');
    if (method !== 0 && method !== 8) throw notXlsx('kiểu nén không được hỗ trợ');
    if (method === 0 && compressedSize !== uncompressedSize) throw zipBomb('kích thước khai báo không khớp');
    if (localHeaderOffset + 30 + compressedSize > file.length) throw notXlsx('tệp nén bị hỏng');
    total += uncompressedSize;
    totalCompressed += compressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw zipBomb(`nội dung giải nén vượt quá ${megabytes(limits.maxUncompressedBytes)} MB`);
    }
    if (uncompressedSize > MIB && uncompressedSize > limits.maxExpansionRatio * Math.max(compressedSize, 1)) {
      throw zipBomb(
        `một phần của tệp nở ra ${Math.round(uncompressedSize / Math.max(compressedSize, 1)).toLocaleString('vi-VN')} lần khi giải nén`,
      );
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  if (total > MIB && total > limits.maxExpansionRatio * Math.max(totalCompressed, 1)) {
    throw zipBomb(`tệp nở ra ${Math.round(total / Math.max(totalCompressed, 1)).toLocaleString('vi-VN')} lần khi giải nén`);
  }
  return entries;
}

const CHUNK = 64 * 1024;

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, Math.min(at + CHUNK, data.length));
}

/**
 * The text of one entry, decompressed as it is read and decoded as UTF-8 across chunk boundaries.
 * More output than the entry declared stops it with ZIP_BOMB: the central directory's sizes, which
 * inspectZip() checked, are enforced, not trusted.
 */
export async function* entryText(file: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const at = entry.localHeaderOffset;
  if (file.readUInt32LE(at) !== LOCAL_SIGNATURE) throw notXlsx('tệp nén bị hỏng');
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  if (start + entry.compressedSize > file.length) throw notXlsx('tệp nén bị hỏng');
  const data = file.subarray(start, start + entry.compressedSize);
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    for (const chunk of slices(data)) yield decoder.write(chunk);
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const inflater = createInflateRaw();
  const source = Readable.from(slices(data));
  source.pipe(inflater);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw zipBomb('nội dung giải nén lớn hơn kích thước khai báo');
      yield decoder.write(chunk);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notXlsx('tệp nén bị hỏng');
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
