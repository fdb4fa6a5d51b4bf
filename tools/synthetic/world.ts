import { createHash } from 'node:crypto';
import { foldVietnamese } from '@skss/domain';
import { CopyLoader } from './copy-loader';
import { FacilityRef } from './org';
import { fullName, KINH } from './people';
import { hash32, Random } from './random';

/** Calendar days are integers (days since 1970-01-01, UTC midnight, as PostgreSQL's date maps). */
export const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

// Formatting days is the generator's most frequent operation: a table from 1900 on, filled on demand.
const ISO_BASE = -25_567; // 1900-01-01
const isoCache: string[] = [];
export function iso(day: number): string {
  const index = day - ISO_BASE;
  let text = isoCache[index];
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (index >= 0 && index < 80_000) isoCache[index] = text;
  }
  return text;
}

/** The instant of a local (Vietnam) time of day on a calendar day. */
export const localInstant = (day: number, minutes: number): number => day * DAY_MS + minutes * 60_000 - VIETNAM_OFFSET_MS;
/** The local (Vietnam) calendar day of an instant. */
export const localDay = (ms: number): number => Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
/** ISO 8601 in UTC with milliseconds, like Date.toISOString but without a Date per call. */
export function timestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${iso(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** Register slugs (libs/domain register-definition RegisterCode), used for import records and record ids. */
export type Register =
  | 'episodes'
  | 'anc-visits'
  | 'deliveries'
  | 'abortions'
  | 'contraception'
  | 'gynaecology'
  | 'hpv-vaccinations'
  | 'child-exams'
  | 'deaths';

const RECORD_PREFIX: Record<Register, string> = {
  episodes: 'QLT',
  'anc-visits': 'KT',
  deliveries: 'DE',
  abortions: 'PT',
  contraception: 'KHHGD',
  gynaecology: 'PK',
  'hpv-vaccinations': 'HPV',
  'child-exams': 'TE',
  deaths: 'TV',
};

export type SourceKind = 'ENTRY' | 'EXCEL' | 'API';

export interface RecordSource {
  source: SourceKind;
  system: string | null;
  recordId: string | null;
  importId: string | null;
  /** When the row reached the system (created_at). */
  createdMs: number;
}

interface FacilityInfo {
  ref: FacilityRef;
  /** Shares of the three channels for this facility's rows. */
  entry: number;
  excel: number;
  /** The sending system's name for API rows (HIS of a hospital, YTCS software of a station). */
  system: string;
  staff: string[];
}

interface ImportBatch {
  id: string;
  facilityId: number;
  register: Register;
  month: string;
  rows: number;
  committedMs: number;
}

/** Time-ordered UUIDv7 values from a deterministic clock and random bits: append-only index inserts. */
export class Ids {
  private sequence = 0;
  constructor(
    private readonly random: Random,
    private readonly baseMs: number,
  ) {}

  next(): string {
    const ms = this.baseMs + Math.floor(this.sequence / 4096);
    const counter = this.sequence % 4096;
    this.sequence++;
    const high = Math.floor(ms / 65536);
    const low = ms % 65536;
    const r1 = this.random.next32();
    const r2 = this.random.next32();
    return (
      hex16(high >>> 16) +
      hex16(high & 0xffff) +
      '-' +
      hex16(low) +
      '-7' +
      HEX3[counter] +
      '-' +
      hex16(0x8000 | (r1 & 0x3fff)) +
      '-' +
      hex16(r1 >>> 16) +
      hex16(r2 >>> 16) +
      hex16(r2 & 0xffff)
    );
  }
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));
const hex16 = (value: number) => HEX2[(value >>> 8) & 0xff] + HEX2[value & 0xff];

/**
 * State shared by every commune of a run: ids, record sources (channels, source systems, import
 * batches), identifier counters, staff names of facilities.
 */
export class World {
  readonly ids: Ids;
  private readonly facilities = new Map<number, FacilityInfo>();
  private readonly batches = new Map<string, ImportBatch>();
  private readonly recordSequences = new Map<string, number>();
  private readonly cccdSequences = new Map<string, number>();
  private readonly certificateSequences = new Map<number, number>();
  private insuranceSequence = 0;
  private patientSequence = 0;

  constructor(
    readonly seed: number,
    readonly year: number,
    /** Last day that may carry an event (Dec 31 of the year, or today for the running year). */
    readonly horizon: number,
    readonly loader: CopyLoader,
  ) {
    this.ids = new Ids(new Random(seed, 'ids'), Date.UTC(year, 0, 1));
  }

  /** The latest instant a row may have been stored at: the end of the horizon day. */
  get horizonEndMs(): number {
    return localInstant(this.horizon, 23 * 60 + 59);
  }

  facility(ref: FacilityRef): FacilityInfo {
    let info = this.facilities.get(ref.id);
    if (!info) {
      const random = new Random(this.seed, `facility:${ref.code}`);
      const station = ref.kind === 'COMMUNE_HEALTH_STATION';
      // Stations use one channel mostly (their YTCS software, the Excel template, or the console);
      // district centres and provincial units send most rows from their HIS.
      const profile = station ? random.weighted({ api: 0.3, excel: 0.3, entry: 0.4 }) : 'his';
      const shares = { api: [0.1, 0.05], excel: [0.2, 0.8], entry: [0.95, 0.05], his: [0.2, 0.05] }[profile];
      const staff = Array.from({ length: 4 }, () => fullName(random, random.chance(0.7) ? KINH : null, random.chance(0.75)));
      info = {
        ref,
        entry: shares[0],
        excel: shares[1],
        system: `${station ? 'YTCS' : 'HIS'}.${ref.code}`,
        staff,
      };
      this.facilities.set(ref.id, info);
    }
    return info;
  }

  staffMember(random: Random, ref: FacilityRef): string {
    return random.pick(this.facility(ref).staff);
  }

  /**
   * How a row recorded by `ref` about an event on `day` (at `eventMs`) reached the system: typed in
   * within days, imported from Excel after the month, or sent by the facility's software at once.
   */
  source(random: Random, ref: FacilityRef, register: Register, day: number, eventMs: number): RecordSource {
    const info = this.facility(ref);
    const x = random.next();
    if (x < info.entry) {
      return {
        source: 'ENTRY',
        system: null,
        recordId: null,
        importId: null,
        createdMs: this.cap(eventMs + random.uniform(0.2, 72) * 3_600_000),
      };
    }
    if (x < info.entry + info.excel) {
      const month = iso(day).slice(0, 7);
      const key = `${ref.id}|${register}|${month}`;
      let batch = this.batches.get(key);
      if (!batch) {
        const [y, m] = month.split('-').map(Number);
        const firstOfNext = Math.round(Date.UTC(y, m, 1) / DAY_MS);
        const committedMs = this.cap(localInstant(firstOfNext + random.int(0, 6), random.int(8 * 60, 17 * 60)));
        batch = { id: this.ids.next(), facilityId: ref.id, register, month, rows: 0, committedMs };
        this.batches.set(key, batch);
      }
      batch.rows++;
      return { source: 'EXCEL', system: null, recordId: null, importId: batch.id, createdMs: Math.max(batch.committedMs, eventMs) };
    }
    const sequence = (this.recordSequences.get(register) ?? 0) + 1;
    this.recordSequences.set(register, sequence);
    return {
      source: 'API',
      system: info.system,
      recordId: `${RECORD_PREFIX[register]}${this.year}${String(sequence).padStart(7, '0')}`,
      importId: null,
      createdMs: this.cap(eventMs + random.uniform(0.05, 6) * 3_600_000),
    };
  }

  private cap(ms: number): number {
    return Math.min(Math.round(ms), this.horizonEndMs);
  }

  /** A patient id of a source system, for the person_source_id of persons first sent through the API. */
  nextPatientId(): string {
    this.patientSequence++;
    return `BN${String(this.patientSequence).padStart(9, '0')}`;
  }

  /**
   * A citizen ID (Circular 07/2016/TT-BCA): province of birth registration (3 digits), century and
   * sex, the year of birth's last two digits, and six digits unique within that prefix.
   */
  citizenId(provinceCode: string, dateOfBirth: number, female: boolean): string {
    const year = new Date(dateOfBirth * DAY_MS).getUTCFullYear();
    const centurySex = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0);
    const prefix = `0${provinceCode}${centurySex}${String(year % 100).padStart(2, '0')}`;
    const sequence = (this.cccdSequences.get(prefix) ?? 0) + 1;
    this.cccdSequences.set(prefix, sequence);
    // A bijection of 0…999,999 (multiplier prime to 10): unique numbers that do not look sequential.
    const scrambled = (sequence * 7919 + (hash32(prefix) % 1_000_000)) % 1_000_000;
    return prefix + String(scrambled).padStart(6, '0');
  }

  /** A 15-character health-insurance card: group, benefit level, province, and a unique 10-digit BHXH number. */
  insuranceCard(provinceCode: string, objectCode: string, benefit: number): string {
    this.insuranceSequence++;
    const number = (this.insuranceSequence * 7_654_321 + 1_000_000_007) % 10_000_000_000;
    return `${objectCode}${benefit}${provinceCode}${String(number).padStart(10, '0')}`;
  }

  /** The next birth-certificate number of a facility in the year, and its book. */
  birthCertificate(facilityId: number): { number: string; book: string } {
    const sequence = (this.certificateSequences.get(facilityId) ?? 0) + 1;
    this.certificateSequences.set(facilityId, sequence);
    return {
      number: String(sequence).padStart(4, '0'),
      book: `${String(Math.ceil(sequence / 200)).padStart(2, '0')}/${this.year}`,
    };
  }

  /** Writes the import records of the Excel batches (one per facility, register and month). */
  emitImports(): void {
    for (const batch of this.batches.values()) {
      const content = Buffer.from(
        `Synthetic data: ${batch.rows} rows of register ${batch.register} for ${batch.month}, imported from Excel (the file is not kept).\n`,
        'utf8',
      );
      this.loader.row('register_import', [
        batch.id,
        batch.facilityId,
        batch.register,
        `${batch.register}-${batch.month}.xlsx`,
        content.length,
        createHash('sha256').update(content).digest('hex'),
        `\\x${content.toString('hex')}`,
        'COMMITTED',
        false,
        batch.rows,
        batch.rows,
        0,
        batch.rows,
        0,
        timestamp(batch.committedMs - 120_000),
        timestamp(batch.committedMs),
      ]);
    }
  }

  private readonly foldedNames = new Map<string, string>();

  /** A name and its folded form (names repeat a lot: the folding is cached). */
  randomName(random: Random, ethnicity: string | null, female: boolean): { name: string; folded: string } {
    const name = fullName(random, ethnicity, female).normalize('NFC');
    return { name, folded: this.fold(name) };
  }

  fold(name: string): string {
    let folded = this.foldedNames.get(name);
    if (folded === undefined) {
      folded = foldVietnamese(name);
      if (this.foldedNames.size < 200_000) this.foldedNames.set(name, folded);
    }
    return folded;
  }

  get importBatches(): number {
    return this.batches.size;
  }
}
