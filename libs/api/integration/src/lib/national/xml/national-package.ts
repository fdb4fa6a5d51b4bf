import { nationalError } from './national-errors';
import { childElements, childText, decodeUtf8, isElement, leafFields, parseUntrustedXml, XmlElement, XmlNode } from './safe-xml';

/**
 * The package the national endpoint receives (docs/national-endpoint.md): a GIAMDINHHS envelope
 * modelled on QĐ 130/QĐ-BYT as amended by QĐ 4750/QĐ-BYT, whose dossiers (HOSO) carry tables
 * (FILEHOSO: LOAIHOSO + NOIDUNGFILE, the table's own XML in base64).
 */

/** The tables the endpoint reads; others (XML2…XML6, XML8, XML10, XML12…) are accepted and not decoded. */
export const READ_TABLES = ['XML1', 'XML7', 'XML9', 'XML11'] as const;
export type ReadTable = (typeof READ_TABLES)[number];

export const PACKAGE_LIMITS = {
  /** Bytes of the request body (the route refuses more before reading it). */
  maxBodyBytes: 10 * 1024 * 1024,
  /** Bytes of one table once its base64 is decoded. */
  maxTableBytes: 2 * 1024 * 1024,
  /** Element nesting of the envelope and of each table. */
  maxDepth: 12,
  /** Dossiers (HOSO) in one package. */
  maxDossiers: 1000,
  /** Rows of one table (XML9 has one row per baby). */
  maxRowsPerTable: 50,
} as const;

export interface NationalTable {
  readonly type: ReadTable;
  /** One entry per row: leaf field → text (QĐ 4750 field names, e.g. MA_LK, HO_TEN). */
  readonly rows: readonly Readonly<Record<string, string>>[];
}

export interface NationalDossier {
  /** Order of the HOSO in the package, from 1. */
  readonly position: number;
  readonly tables: readonly NationalTable[];
  /** LOAIHOSO values present but not read (reported back as ignored). */
  readonly ignoredTables: readonly string[];
}

export interface NationalPackage {
  /** THONGTINDONVI/MACSKCB: the sending facility's code, when given. */
  readonly facilityCode: string | null;
  /** THONGTINHOSO/NGAYLAP as sent (yyyymmdd). */
  readonly createdOn: string | null;
  readonly dossiers: readonly NationalDossier[];
}

const ROOT = 'GIAMDINHHS';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads a package from the request body's bytes; every refusal is a DomainError with its code. */
export function parseNationalPackage(body: Uint8Array): NationalPackage {
  if (body.length === 0) throw nationalError('XML_EMPTY');
  if (body.length > PACKAGE_LIMITS.maxBodyBytes) throw nationalError('XML_PAYLOAD_TOO_LARGE');
  const { root, content } = parseUntrustedXml(decodeUtf8(body), { maxDepth: PACKAGE_LIMITS.maxDepth });
  if (root !== ROOT || !isElement(content)) throw nationalError('XML_ENVELOPE_INVALID', `phần tử gốc phải là ${ROOT}`);

  const unit = childElements(content, 'THONGTINDONVI')[0];
  const info = childElements(content, 'THONGTINHOSO')[0];
  if (!info) throw nationalError('XML_ENVELOPE_INVALID', 'thiếu THONGTINHOSO');
  const list = childElements(info, 'DANHSACHHOSO')[0];
  const hosos = list ? childElements(list, 'HOSO') : [];
  if (hosos.length === 0) throw nationalError('XML_ENVELOPE_INVALID', 'DANHSACHHOSO không có HOSO nào');
  if (hosos.length > PACKAGE_LIMITS.maxDossiers) {
    throw nationalError('XML_TOO_MANY_DOSSIERS', `tối đa ${PACKAGE_LIMITS.maxDossiers} hồ sơ, gói có ${hosos.length}`);
  }
  const declared = childText(info, 'SOLUONGHOSO');
  if (declared !== undefined && declared !== '' && Number(declared) !== hosos.length) {
    throw nationalError('XML_ENVELOPE_INVALID', `SOLUONGHOSO (${declared.slice(0, 10)}) khác số HOSO trong gói (${hosos.length})`);
  }

  return {
    facilityCode: blankToNull(childText(unit, 'MACSKCB')),
    createdOn: blankToNull(childText(info, 'NGAYLAP')),
    dossiers: hosos.map((hoso, index) => readDossier(hoso, index + 1)),
  };
}

function readDossier(hoso: XmlElement, position: number): NationalDossier {
  const tables: NationalTable[] = [];
  const ignoredTables: string[] = [];
  const files = childElements(hoso, 'FILEHOSO');
  if (files.length === 0) throw nationalError('XML_ENVELOPE_INVALID', `HOSO thứ ${position} không có FILEHOSO`);
  for (const file of files) {
    const type = (childText(file, 'LOAIHOSO') ?? '').trim().toUpperCase();
    if (!type) throw nationalError('XML_ENVELOPE_INVALID', `HOSO thứ ${position}: FILEHOSO thiếu LOAIHOSO`);
    if (!(READ_TABLES as readonly string[]).includes(type)) {
      ignoredTables.push(type.slice(0, 20));
      continue;
    }
    const encoded = childText(file, 'NOIDUNGFILE');
    if (encoded === undefined) throw nationalError('XML_ENVELOPE_INVALID', `HOSO thứ ${position}, ${type}: thiếu NOIDUNGFILE`);
    tables.push({ type: type as ReadTable, rows: readTable(decodeTable(encoded, position, type), position, type) });
  }
  return { position, tables, ignoredTables };
}

/** The bytes of a table's base64, checked for shape and decoded size before decoding. */
function decodeTable(encoded: string, position: number, type: string): Uint8Array {
  const compact = encoded.replace(/\s+/g, '');
  const where = `HOSO thứ ${position}, ${type}`;
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) throw nationalError('XML_TABLE_BASE64_INVALID', where);
  if ((compact.length / 4) * 3 > PACKAGE_LIMITS.maxTableBytes + 2) {
    throw nationalError('XML_TABLE_TOO_LARGE', `${where} (tối đa ${PACKAGE_LIMITS.maxTableBytes / 1024 / 1024} MB)`);
  }
  return Buffer.from(compact, 'base64');
}

/**
 * The rows of a table: the shallowest elements that carry MA_LK (the root itself for XML1's
 * TONG_HOP; DSACH_…/row elements for lists such as XML9), whatever their tag names.
 */
function readTable(bytes: Uint8Array, position: number, type: string): Record<string, string>[] {
  const where = `HOSO thứ ${position}, ${type}`;
  const { content } = parseUntrustedXml(decodeUtf8(bytes), { maxDepth: PACKAGE_LIMITS.maxDepth });
  let level: XmlNode[] = [content];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const rows = level.filter(isElement).filter((node) => childText(node, 'MA_LK') !== undefined);
    if (rows.length > 0) {
      if (rows.length > PACKAGE_LIMITS.maxRowsPerTable) {
        throw nationalError('XML_TABLE_INVALID', `${where}: tối đa ${PACKAGE_LIMITS.maxRowsPerTable} dòng`);
      }
      return rows.map(leafFields);
    }
    level = level.filter(isElement).flatMap((node) => Object.values(node).flat());
  }
  throw nationalError('XML_TABLE_INVALID', `${where}: không có dòng dữ liệu nào có MA_LK`);
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
