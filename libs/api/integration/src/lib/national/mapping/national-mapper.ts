import type { AbortionMethod, AttendantKind, DeliveryMode } from '@skss/domain';
import type { NationalDossier, NationalTable, ReadTable } from '../xml/national-package';
import type { IngestPerson, IngestRecord, RecordProblem } from './ingest-record';
import { citizenIdOrUndefined, ethnicityCode, FieldReader } from './xml-values';

/**
 * Pure mapping of one dossier (HOSO) to register records (docs/national-endpoint.md, "Ánh xạ"):
 * - XML9 (giấy chứng sinh), one row per baby → one delivery per MA_LK with one newborn per row;
 * - XML7/XML11 with MA_DINH_CHI_THAI = 1 (đình chỉ thai nghén) → one abortion per MA_LK;
 * - XML1 (tổng hợp KCB) → the person and the encounter (facility, discharge, diagnoses) of both.
 * Values of the wrong shape reject their record with the XML field named; the register's own
 * validator (run by the ingestion) checks the rest.
 */

export type MappedItem =
  | { readonly kind: 'record'; readonly table: ReadTable; readonly maLk: string; readonly record: IngestRecord }
  | { readonly kind: 'rejected'; readonly table: ReadTable; readonly maLk: string | null; readonly problems: RecordProblem[] }
  | {
      readonly kind: 'ignored';
      readonly table: ReadTable | null;
      readonly maLk: string | null;
      readonly code: string;
      readonly message: string;
    };

export const NO_MCH_DATA = {
  code: 'NO_MCH_DATA',
  message: 'Hồ sơ không có dữ liệu sức khỏe sinh sản (XML9, hoặc XML7/XML11 có MA_DINH_CHI_THAI = 1)',
} as const;

/** Codes of the LOAI_NGUOI_DO_DE extension field of XML9 (see the documentation). */
const ATTENDANT_CODES: Readonly<Record<string, AttendantKind>> = {
  BS: 'DOCTOR',
  YS: 'ASSISTANT_DOCTOR',
  HS: 'MIDWIFE',
  DD: 'NURSE',
  CDTB: 'VILLAGE_MIDWIFE',
  BDDG: 'TRADITIONAL_BIRTH_ATTENDANT',
  NN: 'RELATIVE',
  KHONG: 'NONE',
};

/** Title prefixes of NGUOI_DO_DE (folded), when LOAI_NGUOI_DO_DE is absent. */
const ATTENDANT_TITLES: readonly [RegExp, AttendantKind][] = [
  [/^(bac si|bs|ths\.?\s*bs|ts\.?\s*bs|bscki+|bsckii?)\b/, 'DOCTOR'],
  [/^(y si|ys)\b/, 'ASSISTANT_DOCTOR'],
  [/^(nu ho sinh|ho sinh|nhs|hs)\b/, 'MIDWIFE'],
  [/^(dieu duong|dd)\b/, 'NURSE'],
];

const DELIVERY_MODES: Readonly<Record<string, DeliveryMode>> = { '1': 'VAGINAL', '2': 'INSTRUMENTAL', '3': 'CAESAREAN' };
const ABORTION_METHODS: Readonly<Record<string, AbortionMethod>> = { '1': 'MEDICAL', '2': 'MANUAL_VACUUM', '3': 'SURGICAL', '4': 'OTHER' };

export function mapDossier(dossier: NationalDossier, envelopeFacilityCode: string | null): MappedItem[] {
  const encounter = readEncounter(
    dossier.tables.find((table) => table.type === 'XML1'),
    envelopeFacilityCode,
  );
  const items: MappedItem[] = [];
  for (const [maLk, rows] of groupByLinkKey(dossier.tables.filter((table) => table.type === 'XML9'))) {
    items.push(mapDelivery(maLk, rows, encounter));
  }
  const terminations = dossier.tables.filter((table) => table.type === 'XML7' || table.type === 'XML11');
  for (const [maLk, rows] of groupByLinkKey(terminations)) items.push(mapAbortion(maLk, rows, encounter));
  if (items.length === 0) {
    items.push({ kind: 'ignored', table: encounter.row ? 'XML1' : null, maLk: encounter.maLk ?? null, ...NO_MCH_DATA });
  }
  return items;
}

// ---- XML1: person and encounter ----

interface Encounter {
  readonly row: Readonly<Record<string, string>> | undefined;
  readonly maLk: string | undefined;
  readonly facilityCode: string | undefined;
  readonly person: IngestPerson;
  readonly dischargedAt: string | undefined;
  readonly diagnoses: string[];
  readonly problems: RecordProblem[];
}

function readEncounter(table: NationalTable | undefined, envelopeFacilityCode: string | null): Encounter {
  const row = table?.rows[0];
  const xml1 = new FieldReader('XML1', row);
  const person: IngestPerson = {
    fullName: xml1.text('HO_TEN'),
    dateOfBirth: xml1.date('NGAY_SINH'),
    sex: xml1.sex('GIOI_TINH'),
    citizenId: citizenIdOrUndefined(xml1.text('SO_CCCD')),
    insuranceCard: xml1.first('MA_THE_BHYT'),
    sourcePatientId: xml1.text('MA_BN'),
    ethnicityCode: ethnicityCode(xml1.text('MA_DANTOC')),
    residence: residence(xml1.text('MAXA_CU_TRU'), xml1.text('DIA_CHI')),
  };
  return {
    row,
    maLk: xml1.text('MA_LK'),
    facilityCode: xml1.text('MA_CSKCB') ?? envelopeFacilityCode ?? undefined,
    person,
    dischargedAt: xml1.dateTime('NGAY_RA'),
    diagnoses: [...xml1.list('MA_BENH_CHINH'), ...xml1.list('MA_BENH_KT')].map((code) => code.toUpperCase()),
    problems: xml1.problems,
  };
}

function residence(communeCode: string | undefined, address: string | undefined): IngestPerson['residence'] {
  if (communeCode === undefined && address === undefined) return undefined;
  return { communeCode, address };
}

/** The person of the record: XML1's patient first, the table's own fields filling the gaps; a maternal record's subject is a woman. */
function mergePerson(primary: IngestPerson, fallback: IngestPerson): IngestPerson {
  const merged: IngestPerson = { ...fallback };
  for (const [key, value] of Object.entries(primary) as [keyof IngestPerson, IngestPerson[keyof IngestPerson]][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  merged.sex ??= 'FEMALE';
  return prune(merged);
}

// ---- XML9: delivery and newborns ----

function mapDelivery(maLk: string, rows: readonly Readonly<Record<string, string>>[], encounter: Encounter): MappedItem {
  if (!maLk) return missingLinkKey('XML9');
  const readers = rows.map((row) => new FieldReader('XML9', row));
  const first = readers[0];
  const births = readers.map((reader, index) => ({ reader, index, bornAt: reader.dateTime('NGAY_SINH_CON') }));
  births.sort((a, b) => (a.bornAt ?? '').localeCompare(b.bornAt ?? '') || a.index - b.index);
  const deliveredAt = births[0].bornAt;
  const caesarean = readers.some((reader) => reader.flag('SINHCON_PHAUTHUAT'));
  const place = deliveryPlace(first.folded('NOI_SINH_CON'));

  const mother: IngestPerson = {
    fullName: first.text('HO_TEN_NND'),
    dateOfBirth: first.date('NGAYSINH_NND'),
    citizenId: citizenIdOrUndefined(first.text('SO_CCCD_NND')),
    insuranceCard: first.text('MA_THE_NND'),
    ethnicityCode: ethnicityCode(first.text('MA_DANTOC_NND')),
    residence: residence(first.text('MAXA_CU_TRU'), first.text('NOI_CU_TRU_NND')),
  };
  const data = prune({
    deliveredAt,
    place,
    attendantKind: attendantKind(first),
    mode: deliveryMode(first, caesarean, encounter.diagnoses),
    gaWeeks: first.integer('TUOI_THAI'),
    babies: first.integer('SO_CON'),
    dischargedAt: encounter.maLk === undefined || encounter.maLk === maLk ? encounter.dischargedAt : undefined,
    notes: readers.map((reader) => reader.text('GHI_CHU')).find((note) => note !== undefined),
    newborns: births.map(({ reader }, order) =>
      prune({
        birthOrder: order + 1,
        sex: reader.sex('GIOI_TINH_CON'),
        liveBorn: true,
        weightGrams: reader.integer('CAN_NANG_CON'),
        birthCertificateNumber: reader.text('SO'),
        birthCertificateBook: reader.text('QUYEN_SO'),
      }),
    ),
  });
  const problems = [...encounter.problems, ...readers.flatMap((reader) => reader.problems)];
  return finish('XML9', 'deliveries', maLk, encounter, mergePerson(encounter.person, mother), data, problems);
}

/** NOI_SINH_CON is free text: at home or on the way when it says so, else at the certifying facility. */
function deliveryPlace(folded: string): 'FACILITY' | 'HOME' | 'ON_THE_WAY' {
  if (/\b(tren duong|doc duong)\b/.test(folded)) return 'ON_THE_WAY';
  if (/(^|\b)(tai nha|nha rieng)\b/.test(folded) || /^nha\b/.test(folded)) return 'HOME';
  return 'FACILITY';
}

function attendantKind(reader: FieldReader): AttendantKind | undefined {
  const code = reader.text('LOAI_NGUOI_DO_DE')?.toUpperCase();
  if (code !== undefined) {
    const kind = ATTENDANT_CODES[code];
    if (kind) return kind;
    reader.problems.push({
      field: 'XML9.LOAI_NGUOI_DO_DE',
      code: 'XML_CODE_INVALID',
      message: `XML9.LOAI_NGUOI_DO_DE: phải là một trong ${Object.keys(ATTENDANT_CODES).join(', ')}`,
    });
    return undefined;
  }
  const title = reader.folded('NGUOI_DO_DE');
  return ATTENDANT_TITLES.find(([pattern]) => pattern.test(title))?.[1];
}

function deliveryMode(reader: FieldReader, caesarean: boolean, diagnoses: readonly string[]): DeliveryMode {
  const code = reader.text('CACH_DE');
  if (code !== undefined && DELIVERY_MODES[code]) return DELIVERY_MODES[code];
  if (caesarean || diagnoses.some((icd) => icd.startsWith('O82'))) return 'CAESAREAN';
  if (diagnoses.some((icd) => icd.startsWith('O81'))) return 'INSTRUMENTAL';
  return 'VAGINAL';
}

// ---- XML7 / XML11: termination of pregnancy ----

function mapAbortion(maLk: string, rows: readonly Readonly<Record<string, string>>[], encounter: Encounter): MappedItem {
  if (!maLk) return missingLinkKey(rows[0]['__table'] as ReadTable);
  const fromXml7 = rows.filter((row) => row['__table'] === 'XML7');
  const ordered = [...fromXml7, ...rows.filter((row) => row['__table'] !== 'XML7')];
  const readers = ordered.map((row) => new FieldReader(row['__table'], row));
  const terminations = readers.filter((reader) => reader.flag('MA_DINH_CHI_THAI') === true);
  const table = (ordered[0]['__table'] ?? 'XML7') as ReadTable;
  const flagProblems = readers.flatMap((reader) => reader.problems);
  if (flagProblems.length > 0) return { kind: 'rejected', table, maLk, problems: flagProblems };
  if (terminations.length === 0) {
    return {
      kind: 'ignored',
      table,
      maLk,
      code: 'NOT_A_TERMINATION',
      message: 'MA_DINH_CHI_THAI khác 1: giấy ra viện/giấy nghỉ việc không phải đình chỉ thai nghén, không ghi sổ phá thai',
    };
  }
  const pick = <T>(read: (reader: FieldReader) => T | undefined): T | undefined => {
    for (const reader of terminations) {
      const value = read(reader);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const performedAt = pick((reader) => reader.dateTime('THOIGIAN_DINHCHI'));
  const cause = pick((reader) => reader.text('NGUYENNHAN_DINHCHI'));
  const data = prune({
    performedOn: performedAt?.slice(0, 10),
    place: 'FACILITY',
    gaWeeks: pick((reader) => reader.integer('TUOI_THAI')),
    method: pick((reader) => abortionMethod(reader)),
    notes: cause ? `Nguyên nhân đình chỉ thai nghén: ${cause}` : undefined,
  });
  const problems = [...encounter.problems, ...terminations.flatMap((reader) => reader.problems)];
  if (performedAt === undefined && !problems.some((problem) => problem.field.endsWith('.THOIGIAN_DINHCHI'))) {
    problems.push({
      field: `${table}.THOIGIAN_DINHCHI`,
      code: 'XML_FIELD_REQUIRED',
      message: `${table}.THOIGIAN_DINHCHI: bắt buộc khi MA_DINH_CHI_THAI = 1`,
    });
  }
  if (!encounter.row) {
    problems.push({ field: 'XML1', code: 'XML1_REQUIRED', message: 'Hồ sơ đình chỉ thai nghén phải kèm bảng XML1 (thông tin người bệnh)' });
  }
  const insuranceCard = pick((reader) => reader.first('MA_THE_BHYT'));
  return finish(table, 'abortions', maLk, encounter, mergePerson(encounter.person, { insuranceCard }), data, problems);
}

/** PP_PHA_THAI (extension code) or, failing it, keywords of PP_DIEUTRI. */
function abortionMethod(reader: FieldReader): AbortionMethod | undefined {
  const code = reader.text('PP_PHA_THAI');
  if (code !== undefined && ABORTION_METHODS[code]) return ABORTION_METHODS[code];
  const treatment = reader.folded('PP_DIEUTRI');
  if (/hut (thai|chan khong)/.test(treatment)) return 'MANUAL_VACUUM';
  if (/\b(nao|nong (va )?gap)\b/.test(treatment)) return 'SURGICAL';
  if (/pha thai (bang|noi khoa)|thuoc pha thai|noi khoa/.test(treatment)) return 'MEDICAL';
  return undefined;
}

// ---- Shared ----

function missingLinkKey(table: ReadTable): MappedItem {
  return {
    kind: 'rejected',
    table,
    maLk: null,
    problems: [
      { field: `${table}.MA_LK`, code: 'XML_FIELD_REQUIRED', message: `${table}.MA_LK: bắt buộc (mã liên kết của lượt khám chữa bệnh)` },
    ],
  };
}

function finish(
  table: ReadTable,
  register: 'deliveries' | 'abortions',
  maLk: string,
  encounter: Encounter,
  person: IngestPerson,
  data: Record<string, unknown>,
  problems: RecordProblem[],
): MappedItem {
  if (!encounter.facilityCode) {
    problems.push({
      field: 'XML1.MA_CSKCB',
      code: 'FACILITY_CODE_REQUIRED',
      message: 'Thiếu mã cơ sở KCB: gửi XML1.MA_CSKCB hoặc THONGTINDONVI/MACSKCB',
    });
  }
  if (problems.length > 0) return { kind: 'rejected', table, maLk, problems: dedupe(problems) };
  return {
    kind: 'record',
    table,
    maLk,
    record: { register, sourceRecordId: maLk, facilityCode: encounter.facilityCode as string, person, data },
  };
}

/** Rows of the tables grouped by MA_LK, in order of first appearance; each row remembers its table as `__table`. */
function groupByLinkKey(tables: readonly NationalTable[]): Map<string, Record<string, string>[]> {
  const groups = new Map<string, Record<string, string>[]>();
  for (const table of tables) {
    for (const row of table.rows) {
      const maLk = row['MA_LK']?.trim() ?? '';
      const group = groups.get(maLk) ?? [];
      group.push({ ...row, __table: table.type });
      groups.set(maLk, group);
    }
  }
  return groups;
}

function dedupe(problems: RecordProblem[]): RecordProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}|${problem.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Drops undefined values (an absent field stays absent for the validator). */
function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
