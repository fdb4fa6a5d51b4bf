import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { catalogSearchText, CODE_LISTS, toNfc } from '@skss/domain';

/**
 * Catalogs (subsystem c): the lists an administrator may extend, from prisma/seed/data/catalogs
 * (ethnicities, occupations, nationalities, ...), and the fixed code lists the registers' rules
 * depend on (libs/domain registers/code-lists.ts), so that every list the registers use can be
 * read through the API with its labels. ICD-10 and the gynaecological treatments ship without a
 * source: their catalogs are created empty, for an administrator to import.
 *
 * Seeded items are the versions with no start day (valid_from null). The seed only inserts codes a
 * catalog has never had and refreshes its own versions that nobody has changed since (still
 * open-ended); a version an administrator relabelled or retired through the API is theirs.
 */

/** Bump when the loading code changes in a way that must re-apply unchanged data. */
const CATALOG_SEED_VERSION = 'catalogs-2026-11-30';
export const CATALOG_SEED_NAME = 'catalogs';
const DATA_DIR = join(__dirname, 'data', 'catalogs');
const DESCRIPTION_LENGTH = 500;
/**
 * Size of `catalog_item.code`. Two codes of the fixed lists are longer (TRADITIONAL_BIRTH_ATTENDANT,
 * ABORTION_COMPLICATION): they are left out and reported until the column is widened.
 */
export const ITEM_CODE_LENGTH = 40;

export interface CatalogSeed {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  fixed: boolean;
  items: ItemSeed[];
}

interface ItemSeed {
  code: string;
  name: string;
  nameEn: string | null;
  nameFolded: string;
  sortOrder: number;
}

interface CatalogFile {
  catalog: string;
  title: string;
  titleEn?: string;
  source?: string;
  items: { code: string; name: string; nameEn?: string; otherNames?: string[] }[];
}

/** English names of the data-file catalogs (the files carry a Vietnamese title only). */
const FILE_CATALOG_NAMES_EN: Readonly<Record<string, string>> = {
  ETHNICITY: 'Ethnicities',
  OCCUPATION: 'Occupations',
  NATIONALITY: 'Nationalities',
};

/** Names of the fixed code lists; a list added to code-lists.ts without one is named by its key. */
const FIXED_CATALOG_NAMES: Readonly<Record<string, { vi: string; en: string }>> = {
  PLACE: { vi: 'Nơi xảy ra sự kiện', en: 'Place of the event' },
  ATTENDANT_KIND: { vi: 'Người đỡ đẻ', en: 'Birth attendant' },
  DELIVERY_MODE: { vi: 'Cách đẻ', en: 'Mode of delivery' },
  LAB_TEST: { vi: 'Xét nghiệm', en: 'Laboratory tests' },
  TEST_RESULT: { vi: 'Kết quả xét nghiệm', en: 'Test results' },
  VIA_RESULT: { vi: 'Kết quả VIA/VILI', en: 'VIA/VILI results' },
  CYTOLOGY_RESULT: { vi: 'Kết quả tế bào học cổ tử cung', en: 'Cervical cytology results' },
  GLUCOSE_RESULT: { vi: 'Kết quả đường huyết', en: 'Blood glucose results' },
  CONTRACEPTIVE_METHOD: { vi: 'Biện pháp tránh thai', en: 'Contraceptive methods' },
  ACCEPTOR_STATUS: { vi: 'Tình trạng sử dụng biện pháp tránh thai', en: 'Acceptor status' },
  OBSTETRIC_COMPLICATION: { vi: 'Tai biến sản khoa', en: 'Obstetric complications' },
  CONTRACEPTIVE_COMPLICATION: { vi: 'Tai biến do sử dụng biện pháp tránh thai', en: 'Contraceptive complications' },
  COMPLICATION_OUTCOME: { vi: 'Kết quả xử trí tai biến', en: 'Outcomes of complications' },
  ABORTION_METHOD: { vi: 'Phương pháp phá thai', en: 'Abortion methods' },
  GYN_VISIT_PURPOSE: { vi: 'Mục đích khám phụ khoa', en: 'Purposes of gynaecology visits' },
  EPISODE_CLOSURE: { vi: 'Kết thúc thai kỳ', en: 'Ends of pregnancy episodes' },
  MATERNAL_DEATH_TIMING: { vi: 'Thời điểm tử vong mẹ', en: 'Timing of maternal deaths' },
  DEATH_AUDIT_STATUS: { vi: 'Tình trạng thẩm định tử vong', en: 'Death audit status' },
  SEX: { vi: 'Giới tính', en: 'Sex' },
  RECORD_SOURCE: { vi: 'Nguồn dữ liệu', en: 'Record sources' },
};

/** Catalogs the registers use that ship without a source: created empty, for an administrator to import. */
const EMPTY_CATALOGS: readonly CatalogSeed[] = [
  {
    code: 'ICD10',
    name: 'Bảng phân loại quốc tế bệnh tật ICD-10',
    nameEn: 'International Classification of Diseases (ICD-10)',
    description:
      'Chưa có nguồn dữ liệu kèm theo hệ thống: danh mục được tạo trống, quản trị viên nhập mã từ tệp Excel (.xlsx) hoặc CSV ' +
      '(cột "Mã", "Tên", tùy chọn "Tên tiếng Anh", "Thứ tự") theo danh mục ICD-10 do Bộ Y tế ban hành.',
    fixed: false,
    items: [],
  },
  {
    code: 'GYN_TREATMENT',
    name: 'Danh mục điều trị phụ khoa',
    nameEn: 'Gynaecological treatments',
    description:
      'Chưa có danh mục chính thức kèm theo hệ thống: danh mục được tạo trống, quản trị viên nhập các mã điều trị ' +
      '(chữ in hoa, ví dụ LEEP, CRYOTHERAPY) từ tệp Excel (.xlsx) hoặc CSV (cột "Mã", "Tên").',
    fixed: false,
    items: [],
  },
];

/** Every catalog the seed loads, in a stable order. */
export function plannedCatalogs(dataDir = DATA_DIR): CatalogSeed[] {
  const fromFiles = readdirSync(dataDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => fromFile(JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as CatalogFile, file));
  const fixed = Object.entries(CODE_LISTS).map(([key, entries]): CatalogSeed => {
    const names = FIXED_CATALOG_NAMES[key];
    return {
      code: key,
      name: names?.vi ?? key,
      nameEn: names?.en ?? null,
      description:
        'Danh mục cố định theo quy tắc của sổ sách (libs/domain, code-lists.ts): chỉ được đổi tên hiển thị, không thêm hoặc ngừng mã.',
      fixed: true,
      items: entries.map((entry, i) => item(entry.code, entry.vi, entry.en, [], i + 1)),
    };
  });
  // A data file for one of the empty catalogs takes its place.
  const empty = EMPTY_CATALOGS.filter((c) => !fromFiles.some((f) => f.code === c.code));
  return [...fromFiles, ...empty, ...fixed];
}

function fromFile(data: CatalogFile, file: string): CatalogSeed {
  if (!data.catalog || !Array.isArray(data.items)) throw new Error(`${file}: not a catalog file (catalog, title, items)`);
  const code = data.catalog.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const seen = new Set<string>();
  const items = data.items.map((entry, i) => {
    if (!entry.code || !entry.name) throw new Error(`${file}: item ${i + 1} has no code or name`);
    if (seen.has(entry.code)) throw new Error(`${file}: code ${entry.code} appears twice`);
    seen.add(entry.code);
    return item(entry.code, entry.name, entry.nameEn ?? null, entry.otherNames ?? [], i + 1);
  });
  return {
    code,
    name: toNfc(data.title),
    nameEn: data.titleEn ?? FILE_CATALOG_NAMES_EN[code] ?? null,
    description: data.source ? toNfc(data.source).slice(0, DESCRIPTION_LENGTH) : null,
    fixed: false,
    items,
  };
}

function item(code: string, name: string, nameEn: string | null, otherNames: readonly string[], sortOrder: number): ItemSeed {
  const label = toNfc(name);
  return { code, name: label, nameEn: nameEn ? toNfc(nameEn) : null, nameFolded: catalogSearchText(label, otherNames), sortOrder };
}

export interface CatalogSeedResult {
  /** Catalogs written (0 when the data was already applied). */
  catalogs: number;
  /** `CATALOG:CODE` of items left out because their code is longer than the column. */
  skippedItems: string[];
}

/** Loads the catalogs when their data changed since the last run (or with force). */
export async function seedCatalogs(client: Client, force = false): Promise<CatalogSeedResult> {
  const planned = plannedCatalogs();
  const skippedItems = planned.flatMap((c) => c.items.filter((i) => i.code.length > ITEM_CODE_LENGTH).map((i) => `${c.code}:${i.code}`));
  const catalogs = planned.map((c) => ({ ...c, items: c.items.filter((i) => i.code.length <= ITEM_CODE_LENGTH) }));
  const checksum = createHash('sha256')
    .update([CATALOG_SEED_VERSION, JSON.stringify(catalogs)].join('\u0000'))
    .digest('hex');
  const previous = await client.query<{ checksum: string }>('SELECT checksum FROM seed_run WHERE name = $1', [CATALOG_SEED_NAME]);
  if (!force && previous.rows[0]?.checksum === checksum) return { catalogs: 0, skippedItems };
  await client.query('BEGIN');
  try {
    await writeCatalogs(client, catalogs);
    await client.query(
      `INSERT INTO seed_run (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [CATALOG_SEED_NAME, checksum],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { catalogs: catalogs.length, skippedItems };
}

async function writeCatalogs(client: Client, catalogs: CatalogSeed[]): Promise<void> {
  await client.query(
    `INSERT INTO catalog (code, name, name_en, description, fixed, updated_at)
     SELECT x.code, x.name, x.name_en, x.description, x.fixed::boolean, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(code, name, name_en, description, fixed)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, description = EXCLUDED.description,
       fixed = EXCLUDED.fixed, updated_at = now()
     WHERE (catalog.name, catalog.name_en, catalog.description, catalog.fixed)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.description, EXCLUDED.fixed)`,
    [
      catalogs.map((c) => c.code),
      catalogs.map((c) => c.name),
      catalogs.map((c) => c.nameEn),
      catalogs.map((c) => c.description),
      catalogs.map((c) => String(c.fixed)),
    ],
  );
  const items = catalogs.flatMap((c) => c.items.map((i) => ({ ...i, catalog: c.code })));
  const params = [
    items.map((i) => i.catalog),
    items.map((i) => i.code),
    items.map((i) => i.name),
    items.map((i) => i.nameEn),
    items.map((i) => i.nameFolded),
    items.map((i) => String(i.sortOrder)),
  ];
  // The seed's own versions nobody has changed: refresh them.
  await client.query(
    `UPDATE catalog_item ci SET name = x.name, name_en = x.name_en, name_folded = x.folded, sort_order = x.sort_order::int, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(catalog, code, name, name_en, folded, sort_order)
     WHERE ci.catalog_code = x.catalog AND ci.code = x.code AND ci.valid_from IS NULL AND ci.valid_to IS NULL
       AND (ci.name, ci.name_en, ci.name_folded, ci.sort_order) IS DISTINCT FROM (x.name, x.name_en, x.folded, x.sort_order::int)`,
    params,
  );
  // Codes the catalog has never had.
  await client.query(
    `INSERT INTO catalog_item (catalog_code, code, name, name_en, name_folded, sort_order, updated_at)
     SELECT x.catalog, x.code, x.name, x.name_en, x.folded, x.sort_order::int, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(catalog, code, name, name_en, folded, sort_order)
     WHERE NOT EXISTS (SELECT 1 FROM catalog_item ci WHERE ci.catalog_code = x.catalog AND ci.code = x.code)`,
    params,
  );
}
