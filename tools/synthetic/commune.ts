import { Sex } from '@skss/domain';
import { Cell, textArray } from './copy-loader';
import { measureChild } from './growth';
import { FacilityRef } from './org';
import { KINH, OCCUPATION_CHILD, OCCUPATION_PUPIL, OCCUPATIONS } from './people';
import { CommuneProfile, drawEthnicity, referralAt, Remoteness, stationAt, Targets } from './profiles';
import { Random } from './random';
import { DAY_MS, iso, localDay, localInstant, Register, RecordSource, timestamp, World } from './world';

/**
 * One commune's year: its women and children, and every register row about them, generated from
 * the commune's own random stream. Rows go to the loader as they are made; persons (and their
 * residence, source ids and facilities) at the end, once their first record is known.
 */

const YEAR_DAYS = 365.25;

interface Move {
  day: number;
  to: CommuneProfile;
}

class Person {
  readonly facilities = new Map<number, number>();
  firstFacility = 0;
  firstMs = Number.POSITIVE_INFINITY;
  diedOn: number | null = null;
  lastEventDay = Number.NEGATIVE_INFINITY;
  move: Move | null = null;
  systems: Set<string> | null = null;
  /** Women: latent infection status, so that every test of the year agrees. */
  hbv = false;
  hiv = false;
  syphilis = false;
  hivKnownOn: number | null = null;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly folded: string,
    readonly dob: number,
    readonly sex: Sex,
    readonly ethnicity: string | null,
    readonly home: CommuneProfile,
    readonly citizenId: string | null,
    readonly insuranceCard: string | null,
    readonly occupation: string | null,
    readonly phone: string | null,
    readonly motherId: string | null,
    readonly address: string,
  ) {}

  profileOn(day: number): CommuneProfile {
    return this.move && day >= this.move.day ? this.move.to : this.home;
  }

  ageOn(day: number): number {
    return (day - this.dob) / YEAR_DAYS;
  }
}

type Child = Person & { haz?: number; whz?: number };

interface Pregnancy {
  woman: Person;
  /** delivery | loss | abortion | moved | unrecorded | ongoing */
  kind: 'delivery' | 'loss' | 'abortion' | 'moved' | 'unrecorded' | 'ongoing';
  /** Day the pregnancy ends (or is expected to end, for ongoing ones). */
  endDay: number;
  gaAtEnd: number;
  lmp: number;
  registered: boolean;
  maternalDeath: 'DURING_PREGNANCY' | 'DURING_DELIVERY' | 'WITHIN_42_DAYS' | null;
}

const DELIVERY_AGE: Record<Remoteness, Record<string, number>> = {
  remote: { '15': 0.16, '20': 0.36, '25': 0.25, '30': 0.13, '35': 0.08, '40': 0.02 },
  rural: { '15': 0.075, '20': 0.305, '25': 0.3, '30': 0.21, '35': 0.09, '40': 0.02 },
  urban: { '15': 0.03, '20': 0.2, '25': 0.35, '30': 0.27, '35': 0.12, '40': 0.03 },
};
const ABORTION_AGE = { '15': 0.06, '20': 0.22, '25': 0.27, '30': 0.24, '35': 0.15, '40': 0.06 };
const WOMAN_AGE = { '15': 0.1, '20': 0.17, '25': 0.19, '30': 0.19, '35': 0.16, '40': 0.11, '45': 0.08 };
const SCREENING_AGE = { '30': 0.3, '35': 0.3, '40': 0.25, '45': 0.15 };

const TERM_GA = { '37': 0.08, '38': 0.2, '39': 0.33, '40': 0.27, '41': 0.12 };

/** Mean birth weight (g) by completed weeks of gestation, interpolated. */
const WEIGHT_BY_GA: [number, number][] = [
  [22, 500],
  [24, 650],
  [26, 850],
  [28, 1100],
  [30, 1450],
  [32, 1800],
  [34, 2250],
  [36, 2650],
  [37, 2850],
  [38, 3000],
  [39, 3100],
  [40, 3200],
  [41, 3300],
  [42, 3350],
];

const CHILD_DEATH_CAUSES: Record<'early' | 'late' | 'infant' | 'child', [string, string][]> = {
  early: [
    ['Sinh non, nhẹ cân', 'P07.3'],
    ['Ngạt khi sinh', 'P21.9'],
    ['Nhiễm khuẩn sơ sinh', 'P36.9'],
    ['Dị tật tim bẩm sinh', 'Q24.9'],
    ['Suy hô hấp sơ sinh', 'P22.0'],
  ],
  late: [
    ['Nhiễm khuẩn sơ sinh', 'P36.9'],
    ['Viêm phổi sơ sinh', 'P23.9'],
    ['Dị tật tim bẩm sinh', 'Q24.9'],
    ['Vàng da nhân', 'P57.9'],
  ],
  infant: [
    ['Viêm phổi', 'J18.9'],
    ['Tiêu chảy', 'A09'],
    ['Suy dinh dưỡng nặng', 'E43'],
    ['Dị tật tim bẩm sinh', 'Q24.9'],
    ['Viêm màng não', 'G03.9'],
  ],
  child: [
    ['Viêm phổi', 'J18.9'],
    ['Đuối nước', 'W69'],
    ['Tiêu chảy', 'A09'],
    ['Tai nạn giao thông', 'V89.2'],
    ['Suy dinh dưỡng nặng', 'E43'],
  ],
};

const WOMEN_DEATH_CAUSES: [string, string][] = [
  ['Tai nạn giao thông', 'V89.2'],
  ['Ung thư cổ tử cung', 'C53.9'],
  ['Lao phổi', 'A16.2'],
  ['Ngộ độc lá ngón', 'T62.2'],
  ['Ung thư gan', 'C22.0'],
  ['Sốt rét ác tính', 'B50.9'],
];

const GYN_DIAGNOSES: Record<string, number> = {
  'N76.0 Viêm âm đạo cấp': 0.33,
  'N72 Viêm cổ tử cung': 0.25,
  'B37.3 Nấm âm hộ - âm đạo': 0.2,
  'N73.9 Viêm vùng chậu': 0.1,
  'N92.0 Rong kinh, cường kinh': 0.07,
  'A54.0 Lậu đường sinh dục dưới': 0.03,
  'A51.0 Giang mai sinh dục tiên phát': 0.02,
};

/** Treatment codes of the gynaecology register (GYN_TREATMENT catalog shape: upper case, ≤ 20 characters). */
const GYN_TREATMENT_OF: Record<string, string> = {
  'N76.0 Viêm âm đạo cấp': 'RTI',
  'N72 Viêm cổ tử cung': 'RTI',
  'B37.3 Nấm âm hộ - âm đạo': 'RTI',
  'N73.9 Viêm vùng chậu': 'RTI',
  'N92.0 Rong kinh, cường kinh': 'OTHER',
  'A54.0 Lậu đường sinh dục dưới': 'GONORRHOEA',
  'A51.0 Giang mai sinh dục tiên phát': 'SYPHILIS',
};

type Method = 'IUD' | 'INJECTABLE' | 'IMPLANT' | 'PILL' | 'FEMALE_STERILISATION' | 'MALE_STERILISATION' | 'CONDOM' | 'OTHER_MODERN';

const NEW_METHOD: Record<Method, number> = {
  IUD: 0.22,
  INJECTABLE: 0.17,
  IMPLANT: 0.06,
  PILL: 0.3,
  FEMALE_STERILISATION: 0.006,
  MALE_STERILISATION: 0.0008,
  CONDOM: 0.22,
  OTHER_MODERN: 0.02,
};
const CURRENT_METHOD: Record<Method, number> = {
  IUD: 0.3,
  INJECTABLE: 0.17,
  IMPLANT: 0.05,
  PILL: 0.27,
  FEMALE_STERILISATION: 0,
  MALE_STERILISATION: 0,
  CONDOM: 0.2,
  OTHER_MODERN: 0.01,
};

export class CommuneGenerator {
  private readonly random: Random;
  private readonly persons: Person[] = [];
  /** Women of the commune with a record this year, for reuse across registers. */
  private readonly women: Person[] = [];
  /** Women with a pregnancy in or around the window: their deaths would be maternal ones. */
  private readonly pregnant = new Set<Person>();
  private readonly children: Child[] = [];
  private readonly windowStart: number;
  private readonly horizon: number;

  constructor(
    private readonly world: World,
    private readonly profile: CommuneProfile,
    private readonly quota: Targets,
    windowStart: number,
  ) {
    this.random = new Random(world.seed, `commune:${profile.commune.code}`);
    this.windowStart = windowStart;
    this.horizon = world.horizon;
  }

  /** About 15 % of abortions end a registered pregnancy; the others come without an episode. */
  private get abortionsWithEpisode(): number {
    return Math.round(this.quota.abortions * 0.15);
  }

  private get windowDays(): number {
    return this.horizon - this.windowStart + 1;
  }

  run(): void {
    this.pregnancies();
    this.abortionsWithoutEpisode();
    this.contraception();
    this.gynaecology();
    this.hpv();
    this.olderChildren();
    this.childDeaths();
    this.childExams();
    this.womenDeaths();
    this.emitPersons();
  }

  // ---------------------------------------------------------------- persons

  private newPerson(opts: {
    dob: number;
    sex: Sex;
    ethnicity?: string | null;
    motherId?: string | null;
    profile?: CommuneProfile;
    name?: string;
    /** adult (default), child (under 6), pupil (a girl of school age) */
    kind?: 'adult' | 'child' | 'pupil';
  }): Person {
    const r = this.random;
    const profile = opts.profile ?? this.profile;
    const female = opts.sex === 'FEMALE';
    const ethnicity = opts.ethnicity === undefined ? drawEthnicity(r, profile) : opts.ethnicity;
    const generated = this.world.randomName(r, ethnicity, female);
    const name = opts.name ? opts.name.normalize('NFC') : generated.name;
    const folded = opts.name ? this.world.fold(name) : generated.folded;
    const province = profile.commune.provinceCode;
    const kind = opts.kind ?? 'adult';
    const child = kind !== 'adult';
    const citizenId = r.chance(child ? 0.55 : 0.85) ? this.world.citizenId(province, opts.dob, female) : null;
    const minority = ethnicity !== null && ethnicity !== KINH;
    const insured = r.chance(child ? 0.8 : profile.remoteness === 'urban' ? 0.85 : 0.93);
    // Insured groups: TE children under 6, HS pupils, DT minorities in difficult areas, HN poor households, GD households.
    const group =
      kind === 'child'
        ? 'TE'
        : minority && profile.remoteness !== 'urban'
          ? 'DT'
          : kind === 'pupil'
            ? 'HS'
            : r.weighted({ HN: 0.3, GD: 0.7 });
    const insuranceCard = insured ? this.world.insuranceCard(province, group, group === 'GD' || group === 'HS' ? 4 : 1) : null;
    const occupation =
      kind === 'child' ? OCCUPATION_CHILD : kind === 'pupil' ? OCCUPATION_PUPIL : r.chance(0.85) ? r.weighted(OCCUPATIONS) : null;
    const phone = !child && r.chance(0.62) ? `0${r.pick(['3', '8', '9', '7'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}` : null;
    const hamlet = ['10', '11', '12', '14'].includes(province) ? 'Bản' : r.chance(0.5) ? 'Thôn' : 'Làng';
    const person = new Person(
      this.world.ids.next(),
      name,
      folded,
      opts.dob,
      opts.sex,
      ethnicity,
      profile,
      citizenId,
      insuranceCard,
      occupation,
      phone,
      opts.motherId ?? null,
      `${hamlet} ${r.int(1, 18)}, ${profile.commune.name}`,
    );
    this.persons.push(person);
    return person;
  }

  private newWoman(ageWeights: Record<string, number>, onDay: number, profile = this.profile, minAge = 15): Person {
    const r = this.random;
    const band = Number(r.weighted(ageWeights));
    const width = band === 40 && !('45' in ageWeights) ? 9 : 5;
    const age = Math.max(minAge + 0.3, band + r.uniform(band === 15 ? 0.8 : 0, width));
    const woman = this.newPerson({ dob: Math.round(onDay - age * YEAR_DAYS), sex: 'FEMALE', profile });
    const minority = woman.ethnicity !== KINH;
    woman.hbv = r.chance(minority ? 0.1 : 0.075);
    woman.hiv = r.chance(this.profile.commune.provinceCode === '11' ? 0.005 : 0.002);
    woman.syphilis = r.chance(0.003);
    if (woman.hiv && r.chance(0.45)) woman.hivKnownOn = onDay - r.int(200, 2500);
    this.women.push(woman);
    return woman;
  }

  /** Records that `facility` stored something about `person` (person_facility, first facility, source ids). */
  private touch(person: Person, facility: FacilityRef, source: RecordSource, day: number): void {
    const ms = source.createdMs;
    const first = person.facilities.get(facility.id);
    if (first === undefined || ms < first) person.facilities.set(facility.id, ms);
    if (ms < person.firstMs) {
      person.firstMs = ms;
      person.firstFacility = facility.id;
    }
    if (day > person.lastEventDay) person.lastEventDay = day;
    if (source.source === 'API' && source.system) {
      person.systems ??= new Set();
      if (!person.systems.has(source.system)) {
        person.systems.add(source.system);
        this.world.loader.row('person_source_id', [source.system, this.world.nextPatientId(), person.id]);
      }
    }
  }

  private record(person: Person, facility: FacilityRef, register: Register, day: number, minutes?: number): RecordSource {
    const eventMs = localInstant(day, minutes ?? this.random.int(7 * 60, 17 * 60));
    const source = this.world.source(this.random, facility, register, day, eventMs);
    this.touch(person, facility, source, day);
    return source;
  }

  private sourceCells(s: RecordSource): Cell[] {
    return [s.source, s.system, s.recordId, s.importId, timestamp(s.createdMs), timestamp(s.createdMs)];
  }

  private stationFor(person: Person, day: number): FacilityRef {
    return stationAt(person.profileOn(day), day);
  }

  private referralFor(person: Person, day: number): FacilityRef {
    return referralAt(person.profileOn(day), day);
  }

  private uniformDay(): number {
    return this.windowStart + this.random.int(0, this.windowDays - 1);
  }

  private emitPersons(): void {
    const { loader } = this.world;
    const reform = this.profile.reformDay;
    for (const p of this.persons) {
      if (p.facilities.size === 0) continue;
      const created = timestamp(p.firstMs);
      loader.row('person', [
        p.id,
        p.name,
        p.folded,
        iso(p.dob),
        p.sex,
        p.citizenId,
        p.insuranceCard,
        p.ethnicity,
        null,
        p.occupation,
        p.phone,
        p.motherId,
        p.firstFacility,
        created,
        created,
      ]);
      const segments: [CommuneProfile, number, number | null][] = p.move
        ? [
            [p.home, p.dob, p.move.day - 1],
            [p.move.to, p.move.day, null],
          ]
        : [[p.home, p.dob, null]];
      for (const [profile, from, to] of segments) {
        const successor = profile.commune.successor;
        if (from < reform) {
          const end = to === null || to >= reform ? reform - 1 : to;
          loader.row('person_residence', [p.id, profile.commune.unitId, p.address, iso(from), iso(end)]);
        }
        if (successor && (to === null || to >= reform)) {
          loader.row('person_residence', [p.id, successor.unitId, p.address, iso(Math.max(from, reform)), to === null ? null : iso(to)]);
        }
      }
      for (const [facilityId, ms] of p.facilities) loader.row('person_facility', [p.id, facilityId, timestamp(ms)]);
    }
  }

  // ---------------------------------------------------------------- pregnancies

  private pregnancies(): void {
    const r = this.random;
    const q = this.quota;
    const plans: Pregnancy[] = [];
    const plan = (kind: Pregnancy['kind'], endDay: number, gaAtEnd: number, registered: boolean) => {
      const lmp = endDay - gaAtEnd * 7 - r.int(0, 6);
      const woman = this.newWoman(DELIVERY_AGE[this.profile.remoteness], endDay);
      this.pregnant.add(woman);
      plans.push({ woman, kind, endDay, gaAtEnd, lmp, registered, maternalDeath: null });
    };
    const pRegistered = { urban: 0.99, rural: 0.96, remote: 0.88 }[this.profile.remoteness];
    for (let i = 0; i < q.deliveries; i++) plan('delivery', this.uniformDay(), this.deliveryGa(), r.chance(pRegistered));
    for (let i = r.round(q.deliveries * 0.045); i > 0; i--) plan('loss', this.uniformDay(), r.int(7, 21), true);
    for (let i = 0; i < this.abortionsWithEpisode; i++) plan('abortion', this.uniformDay(), r.int(8, 20), true);
    for (let i = r.round(q.deliveries * 0.015); i > 0; i--) plan('moved', this.uniformDay(), r.int(12, 36), true);
    for (let i = r.round(q.deliveries * 0.012); i > 0; i--) plan('unrecorded', this.uniformDay(), r.int(38, 41), true);
    // Pregnancies still running at the end of the window (their ANC visits and open episodes).
    for (let i = r.round((q.deliveries * 280) / this.windowDays); i > 0; i--) {
      plan('ongoing', this.horizon + r.int(1, 280), this.deliveryGa(), true);
    }
    // Maternal deaths: this commune's share. A death during pregnancy ends a pregnancy of its own
    // (so deliveries keep their target); the others strike deliveries of the window.
    const all = plans.filter((p) => p.kind === 'delivery');
    const roomy = all.filter((p) => p.endDay + 43 <= this.horizon);
    const deliveries = roomy.length >= q.maternalDeaths ? roomy : all;
    for (let i = 0; i < q.maternalDeaths; i++) {
      const timing = r.weighted({ DURING_PREGNANCY: 0.2, DURING_DELIVERY: 0.3, WITHIN_42_DAYS: 0.5 });
      if (timing === 'DURING_PREGNANCY' || deliveries.length === 0) {
        plan('loss', this.uniformDay(), r.int(7, 21), r.chance(0.7));
        plans[plans.length - 1].maternalDeath = 'DURING_PREGNANCY';
      } else {
        deliveries.splice(r.int(0, deliveries.length - 1), 1)[0].maternalDeath = timing;
      }
    }
    for (const p of plans) this.pregnancy(p);
  }

  private deliveryGa(): number {
    const r = this.random;
    const x = r.next();
    // About 8 % preterm (< 37 weeks), 1 % post-term.
    if (x < 0.007) return r.int(22, 27);
    if (x < 0.025) return r.int(28, 33);
    if (x < 0.08) return r.int(34, 36);
    if (x < 0.99) return Number(r.weighted(TERM_GA));
    return 42;
  }

  private pregnancy(p: Pregnancy): void {
    const r = this.random;
    const { woman } = p;
    const remoteness = this.profile.remoteness;
    let episodeId: string | null = null;
    let visits: number[] = [];
    let tetanusBefore = 0;
    const lmpKnown = r.chance(remoteness === 'remote' ? 0.8 : 0.93);
    const lastDay = Math.min(p.endDay - 1, this.horizon);
    if (p.registered) {
      const mean = { urban: 9, rural: 11, remote: 15 }[remoteness];
      const regGa = Math.max(5, Math.min(p.gaAtEnd - 1, Math.round(r.normal(mean, 3.5))));
      const registeredOn = Math.min(p.lmp + regGa * 7 + r.int(0, 6), p.endDay - 1);
      if (registeredOn <= this.horizon) {
        const age = woman.ageOn(registeredOn);
        const parity = Math.min(12, r.poisson(Math.max(0, age - 19) * 0.17 * { urban: 0.7, rural: 1, remote: 1.4 }[remoteness]));
        const losses = r.poisson(0.15);
        tetanusBefore = Math.min(5, parity > 0 ? r.poisson(2.2) : r.poisson(0.4));
        // The registration visit, then visits spread over the rest of the pregnancy.
        visits = [registeredOn];
        const extra = r.poisson({ urban: 4.2, rural: 3.1, remote: 2.0 }[remoteness]);
        for (let i = 0; i < extra; i++) {
          const day = registeredOn + r.int(7, Math.max(7, p.endDay - registeredOn - 1));
          if (day <= lastDay && day < p.endDay) visits.push(day);
        }
        visits.sort((a, b) => a - b);
        episodeId = this.episode(p, registeredOn, lmpKnown, parity + losses + 1, parity, tetanusBefore);
      }
    }
    if (p.kind === 'ongoing' && episodeId === null) return;
    const tests = this.ancVisits(p, episodeId, visits, tetanusBefore);
    switch (p.kind) {
      case 'delivery':
        this.delivery(p, episodeId, tests);
        break;
      case 'abortion':
        this.abortion(woman, p.endDay, p.gaAtEnd, episodeId);
        break;
      case 'loss':
        if (p.maternalDeath) this.maternalDeath(woman, p, p.endDay, null, null);
        break;
      default:
        break;
    }
  }

  private episode(p: Pregnancy, registeredOn: number, lmpKnown: boolean, gravidity: number, parity: number, tetanusBefore: number): string {
    const r = this.random;
    const station = this.stationFor(p.woman, registeredOn);
    const id = this.world.ids.next();
    const closure = {
      delivery: 'DELIVERY',
      loss: 'PREGNANCY_LOSS',
      abortion: 'ABORTION',
      moved: 'MOVED_AWAY',
      unrecorded: null,
      ongoing: null,
    }[p.kind];
    const closedOn = closure === null || p.endDay > this.horizon ? null : p.endDay;
    const expected = lmpKnown ? p.lmp + 280 : p.lmp + 280 + Math.round(r.normal(0, 6));
    const source = this.record(p.woman, station, 'episodes', registeredOn);
    this.world.loader.row('pregnancy_episode', [
      id,
      station.id,
      p.woman.id,
      iso(registeredOn),
      lmpKnown ? iso(p.lmp) : null,
      iso(expected),
      gravidity,
      parity,
      tetanusBefore,
      closedOn === null ? null : closure,
      closedOn === null ? null : iso(closedOn),
      ...this.sourceCells(source),
    ]);
    return id;
  }

  /** ANC visits of a pregnancy; returns which tests were done and when the first positive HIV result came. */
  private ancVisits(p: Pregnancy, episodeId: string | null, visits: number[], tetanusBefore: number) {
    const r = this.random;
    const { woman } = p;
    const remoteness = this.profile.remoteness;
    const result = { hbv: false, syphilis: false, hiv: false, hivPositiveOn: null as number | null, tetanusDoses: 0 };
    if (episodeId === null) return result;
    const prePregnancyWeight = Math.max(38, Math.min(80, r.normal(remoteness === 'urban' ? 51 : 47, 6)));
    const height = Math.max(138, Math.min(172, r.normal(remoteness === 'urban' ? 154 : 151, 5)));
    const hypertensive = r.chance(0.04);
    const dosesWanted = tetanusBefore >= 5 ? 0 : tetanusBefore >= 2 ? 1 : 2;
    const covered = r.chance(remoteness === 'remote' ? 0.75 : 0.9);
    const testRate = { urban: 0.92, rural: 0.8, remote: 0.6 }[remoteness];
    const glucoseRate = { urban: 0.45, rural: 0.25, remote: 0.1 }[remoteness];
    let glucoseDone = false;
    visits.forEach((day, index) => {
      const ga = Math.floor((day - p.lmp) / 7);
      const atReferral = r.chance(0.13);
      const facility = atReferral ? this.referralFor(woman, day) : this.stationFor(woman, day);
      const place = atReferral ? 'FACILITY' : r.weighted({ FACILITY: 0.82, OUTREACH: 0.16, HOME: 0.02 });
      const first = index === 0;
      const hiv = !result.hiv && (first || index === 1) && r.chance(testRate);
      const hbv = !result.hbv && (first || index === 1) && r.chance(testRate * 0.85);
      const syphilis = !result.syphilis && (first || index === 1) && r.chance(testRate * 0.8);
      const glucose = !glucoseDone && ga >= 24 && ga <= 30 && r.chance(glucoseRate);
      const tetanus = covered && result.tetanusDoses < dosesWanted && ga >= 12 && (result.tetanusDoses === 0 || r.chance(0.8));
      if (tetanus) result.tetanusDoses++;
      if (hiv) {
        result.hiv = true;
        if (woman.hiv && result.hivPositiveOn === null) result.hivPositiveOn = day;
      }
      if (hbv) result.hbv = true;
      if (syphilis) result.syphilis = true;
      if (glucose) glucoseDone = true;
      const weight = prePregnancyWeight + Math.max(0, ga - 13) * 0.38 + r.normal(0, 0.8);
      const systolic = Math.round(r.normal(hypertensive && ga >= 20 ? 142 : 108, 9));
      const diastolic = Math.round(Math.min(systolic - 20, r.normal(hypertensive && ga >= 20 ? 93 : 68, 7)));
      const source = this.record(woman, facility, 'anc-visits', day);
      this.world.loader.row('anc_visit', [
        this.world.ids.next(),
        facility.id,
        woman.id,
        episodeId,
        iso(day),
        place,
        ga,
        Math.round(weight * 10) / 10,
        first || r.chance(0.15) ? Math.round(height * 10) / 10 : null,
        systolic,
        diastolic,
        ga >= 16 && r.chance(0.8) ? Math.max(10, Math.round(ga - 2 + r.normal(0, 1.5))) : null,
        ga >= 12 && r.chance(0.85) ? Math.round(Math.max(115, Math.min(165, r.normal(140, 8)))) : null,
        tetanus,
        r.chance(0.85),
        r.chance(0.7) ? (r.chance(hypertensive && ga >= 20 ? 0.4 : 0.02) ? 'POSITIVE' : 'NEGATIVE') : null,
        hbv ? (woman.hbv ? 'POSITIVE' : 'NEGATIVE') : null,
        syphilis ? (woman.syphilis ? 'POSITIVE' : 'NEGATIVE') : null,
        hiv ? (woman.hiv ? 'POSITIVE' : 'NEGATIVE') : null,
        glucose ? (r.chance(0.08) ? 'ABOVE_NORMAL' : 'NORMAL') : null,
        this.world.staffMember(r, facility),
        null,
        ...this.sourceCells(source),
      ]);
    });
    return result;
  }

  // ---------------------------------------------------------------- deliveries

  private delivery(p: Pregnancy, episodeId: string | null, anc: ReturnType<CommuneGenerator['ancVisits']>): void {
    const r = this.random;
    const { woman } = p;
    const day = p.endDay;
    const ga = p.gaAtEnd;
    const twins = r.chance(0.015);
    const station = this.stationFor(woman, day);
    const highRisk = twins || ga < 34;
    let place: 'FACILITY' | 'HOME' | 'ON_THE_WAY' = 'FACILITY';
    let facility = station;
    const x = r.next();
    if (!highRisk && x < this.profile.homeBirthShare) place = 'HOME';
    else if (x < this.profile.homeBirthShare + 0.004) place = 'ON_THE_WAY';
    else if (highRisk ? r.chance(0.85) : r.chance(this.profile.referralShare)) facility = this.referralFor(woman, day);
    const atStation = facility.id === station.id;
    const attendant =
      place === 'HOME'
        ? r.weighted({
            VILLAGE_MIDWIFE: 0.3,
            RELATIVE: 0.35,
            TRADITIONAL_BIRTH_ATTENDANT: 0.12,
            NONE: 0.08,
            MIDWIFE: 0.08,
            ASSISTANT_DOCTOR: 0.07,
          })
        : place === 'ON_THE_WAY'
          ? r.weighted({ RELATIVE: 0.5, NONE: 0.2, VILLAGE_MIDWIFE: 0.15, MIDWIFE: 0.15 })
          : atStation
            ? r.weighted({ MIDWIFE: 0.5, ASSISTANT_DOCTOR: 0.38, DOCTOR: 0.08, NURSE: 0.04 })
            : r.weighted({ DOCTOR: 0.6, MIDWIFE: 0.38, ASSISTANT_DOCTOR: 0.02 });
    const healthStaff = ['DOCTOR', 'ASSISTANT_DOCTOR', 'MIDWIFE', 'NURSE', 'VILLAGE_MIDWIFE'].includes(attendant);
    const mode =
      place !== 'FACILITY'
        ? 'VAGINAL'
        : atStation
          ? r.chance(0.01)
            ? 'INSTRUMENTAL'
            : 'VAGINAL'
          : r.chance(twins ? 0.55 : 0.28)
            ? 'CAESAREAN'
            : r.chance(0.04)
              ? 'INSTRUMENTAL'
              : 'VAGINAL';
    const deliveredMs = localInstant(day, r.int(0, 1439));
    const inFacility = place === 'FACILITY';
    const labour = (testedBefore: boolean, untested: number, tested: number) => inFacility && r.chance(testedBefore ? tested : untested);
    const hivLabour = labour(anc.hiv, 0.7, 0.2);
    const hbvLabour = labour(anc.hbv, 0.5, 0.1);
    const syphilisLabour = labour(anc.syphilis, 0.4, 0.05);
    let hivConfirmedOn: number | null = null;
    if (woman.hiv) {
      if (woman.hivKnownOn !== null) hivConfirmedOn = woman.hivKnownOn;
      else if (anc.hivPositiveOn !== null) hivConfirmedOn = Math.min(day, anc.hivPositiveOn + r.int(7, 21));
      else if (hivLabour) hivConfirmedOn = day;
    }
    const diesAtDelivery = p.maternalDeath === 'DURING_DELIVERY';
    const maternalDiedOn = diesAtDelivery ? day : p.maternalDeath === 'WITHIN_42_DAYS' ? Math.min(this.horizon, day + r.int(1, 42)) : null;
    let dischargedMs: number | null = null;
    if (inFacility && !diesAtDelivery) {
      const stay = mode === 'CAESAREAN' ? r.int(4, 7) : atStation ? r.int(1, 2) : r.int(1, 3);
      dischargedMs = localInstant(day + stay, r.int(8 * 60, 17 * 60));
      if (dischargedMs <= deliveredMs || dischargedMs > this.world.horizonEndMs) dischargedMs = null;
      // A mother who dies before going home is not discharged.
      if (dischargedMs !== null && maternalDiedOn !== null && localDay(dischargedMs) >= maternalDiedOn) dischargedMs = null;
    }
    const id = this.world.ids.next();
    const source = this.world.source(r, facility, 'deliveries', day, deliveredMs);
    this.touch(woman, facility, source, day);
    this.world.loader.row('delivery', [
      id,
      facility.id,
      woman.id,
      episodeId,
      timestamp(deliveredMs),
      iso(day),
      place,
      attendant,
      mode,
      ga,
      twins ? 2 : 1,
      hbvLabour ? (woman.hbv ? 'POSITIVE' : 'NEGATIVE') : null,
      syphilisLabour ? (woman.syphilis ? 'POSITIVE' : 'NEGATIVE') : null,
      hivLabour ? (woman.hiv ? 'POSITIVE' : 'NEGATIVE') : null,
      hivConfirmedOn === null ? null : iso(hivConfirmedOn),
      hivConfirmedOn !== null && r.chance(0.9),
      anc.tetanusDoses === 0 && r.chance(0.05) ? 1 : 0,
      dischargedMs === null ? null : timestamp(dischargedMs),
      null,
      ...this.sourceCells(source),
    ]);

    // Newborns.
    const minority = woman.ethnicity !== KINH;
    let liveBorn = 0;
    for (let order = 1; order <= (twins ? 2 : 1); order++) {
      const sex: Sex = r.chance(0.515) ? 'MALE' : 'FEMALE';
      const stillRisk = (ga < 28 ? 0.2 : ga < 34 ? 0.03 : 0.003) * (twins ? 1.5 : 1) * (place === 'FACILITY' ? 1 : 1.6);
      const live = !r.chance(stillRisk);
      const meanWeight =
        interpolate(WEIGHT_BY_GA, ga) * (ga >= 37 ? (minority ? 0.985 : 1.01) : 1) * (twins ? 0.82 : 1) + (sex === 'MALE' ? 60 : -40);
      const weighed = r.chance(place === 'FACILITY' ? 0.99 : 0.7);
      const weight = weighed ? Math.max(300, Math.min(6000, Math.round(r.normal(meanWeight, meanWeight * 0.11) / 10) * 10)) : null;
      const lowWeight = weight !== null && weight < 2500;
      let personId: string | null = null;
      let hepB: number | null = null;
      let certificate: { number: string; book: string } | null = null;
      const ethnicity = r.chance(0.97) ? woman.ethnicity : null;
      if (live) {
        liveBorn++;
        const named = r.chance(0.7);
        const child = this.newPerson({
          dob: day,
          sex,
          ethnicity,
          motherId: woman.id,
          profile: woman.profileOn(day),
          name: named ? undefined : `Con của ${woman.name}`,
          kind: 'child',
        }) as Child;
        this.touch(child, facility, source, day);
        this.children.push(child);
        personId = child.id;
        if (inFacility) {
          const y = r.next();
          if (y < 0.82) hepB = deliveredMs + r.uniform(0.5, 20) * 3_600_000;
          else if (y < 0.88) hepB = deliveredMs + r.uniform(24.5, 72) * 3_600_000;
        } else if (r.chance(0.25)) hepB = deliveredMs + r.uniform(1, 6) * DAY_MS;
        if (hepB !== null && hepB > this.world.horizonEndMs) hepB = null;
        if (r.chance(inFacility ? 0.93 : healthStaff ? 0.6 : 0.15)) certificate = this.world.birthCertificate(facility.id);
      }
      const eenc = live && (inFacility ? r.chance(mode === 'CAESAREAN' ? 0.45 : 0.88) : healthStaff && r.chance(0.3));
      this.world.loader.row('newborn', [
        this.world.ids.next(),
        id,
        facility.id,
        personId,
        order,
        sex,
        live,
        weight,
        live && r.chance(ga < 37 ? 0.08 : 0.02),
        eenc,
        live && (lowWeight || ga < 37 ? r.chance(0.55) : r.chance(0.03)),
        live && r.chance(inFacility ? 0.95 : healthStaff ? 0.4 : 0.05),
        hepB === null ? null : timestamp(Math.round(hepB)),
        live && r.chance(inFacility ? (atStation ? 0.08 : 0.45) : 0),
        ethnicity,
        certificate?.number ?? null,
        certificate?.book ?? null,
      ]);
      if (!live && r.chance(0.5)) this.stillbirthDeath(woman, sex, day, ga, place, atStation);
    }

    // Complications (about 3 % of deliveries), with the maternal deaths' own.
    let complicationOnset: number | null = null;
    if (maternalDiedOn !== null) {
      const diedOn = maternalDiedOn;
      const kind =
        p.maternalDeath === 'DURING_DELIVERY'
          ? r.weighted({ HAEMORRHAGE: 0.5, UTERINE_RUPTURE: 0.2, ECLAMPSIA: 0.2, OTHER: 0.1 })
          : r.weighted({ HAEMORRHAGE: 0.4, INFECTION: 0.3, ECLAMPSIA: 0.2, OTHER: 0.1 });
      complicationOnset = Math.min(diedOn, day + (kind === 'INFECTION' ? r.int(1, 7) : 0));
      this.complication(facility, 'OBSTETRIC', kind, day, complicationOnset, 'DIED', { delivery: id });
      const inHospital = diesAtDelivery || (inFacility && dischargedMs === null);
      const deathPlace = inHospital ? (place === 'FACILITY' ? (atStation ? 'FACILITY' : 'OTHER_FACILITY') : place) : null;
      this.maternalDeath(woman, p, diedOn, kind, deathPlace);
    } else if (r.chance(0.03)) {
      const kind = r.weighted({ HAEMORRHAGE: 0.42, ECLAMPSIA: 0.1, INFECTION: 0.16, UTERINE_RUPTURE: 0.02, OTHER: 0.3 });
      const onset = day + (kind === 'INFECTION' ? r.int(1, 10) : kind === 'HAEMORRHAGE' ? r.int(0, 1) : 0);
      if (onset <= this.horizon)
        this.complication(facility, 'OBSTETRIC', kind, day, onset, r.chance(0.8) ? 'RECOVERED' : 'REFERRED', { delivery: id });
    }

    // Postnatal home visits by the station, counted from discharge (or birth, outside facilities).
    const base = dischargedMs === null ? day : localDay(dischargedMs);
    const alive = (d: number) => woman.diedOn === null || d < woman.diedOn;
    const visited = { urban: 0.9, rural: 0.85, remote: 0.7 }[this.profile.remoteness] * (liveBorn > 0 ? 1 : 0.5);
    if (!diesAtDelivery && r.chance(visited)) {
      const days = [r.weighted({ '1': 0.3, '2': 0.25, '3': 0.2, '4': 0.1, '5': 0.08, '6': 0.07 })].map(Number);
      if (r.chance(0.6)) days.push(r.int(7, 41));
      if (r.chance(0.2)) days.push(r.int(14, 41));
      for (const offset of days) {
        const visitDay = base + offset;
        if (visitDay > this.horizon || !alive(visitDay)) continue;
        const visitor = this.stationFor(woman, visitDay);
        const source = this.record(woman, visitor, 'deliveries', visitDay);
        this.world.loader.row('postnatal_visit', [this.world.ids.next(), id, visitor.id, iso(visitDay), null, source.source]);
      }
    }
    // Some mothers start contraception after the birth.
    if (!diesAtDelivery && r.chance(0.35)) this.contraceptionUser(woman, day + r.int(42, 150), true);
  }

  private complication(
    facility: FacilityRef,
    category: 'OBSTETRIC' | 'CONTRACEPTIVE',
    kind: string,
    eventDay: number,
    onsetDay: number,
    outcome: 'RECOVERED' | 'REFERRED' | 'DIED',
    link: { delivery?: string; abortion?: string; contraception?: string },
  ): void {
    // A complication is recorded by the event's facility: not after that facility closed with the reform.
    const reform = this.profile.reformDay;
    const onset = eventDay < reform && onsetDay >= reform ? reform - 1 : onsetDay;
    this.world.loader.row('complication', [
      this.world.ids.next(),
      facility.id,
      category,
      kind,
      iso(onset),
      outcome,
      link.delivery ?? null,
      link.abortion ?? null,
      link.contraception ?? null,
    ]);
  }

  // ---------------------------------------------------------------- deaths

  private maternalDeath(woman: Person, p: Pregnancy, diedOn: number, kind: string | null, place: string | null): void {
    const r = this.random;
    woman.diedOn = diedOn;
    const causes: Record<string, [string, string]> = {
      HAEMORRHAGE: ['Băng huyết sau đẻ', 'O72.1'],
      UTERINE_RUPTURE: ['Vỡ tử cung', 'O71.1'],
      ECLAMPSIA: ['Sản giật', 'O15.1'],
      INFECTION: ['Nhiễm khuẩn hậu sản', 'O85'],
      OTHER: ['Tắc mạch ối', 'O88.1'],
    };
    const [cause, code] = kind ? causes[kind] : r.chance(0.6) ? ['Chửa ngoài tử cung vỡ', 'O00.9'] : ['Sảy thai nhiễm khuẩn', 'O03.0'];
    const deathPlace = place ?? r.weighted({ OTHER_FACILITY: 0.5, HOME: 0.3, ON_THE_WAY: 0.12, FACILITY: 0.08 });
    this.death({
      person: woman,
      diedOn,
      place: deathPlace,
      cause,
      code,
      maternal: p.maternalDeath,
      audited: r.chance(0.8),
    });
  }

  private stillbirthDeath(mother: Person, sex: Sex, day: number, ga: number, place: string, atStation: boolean): void {
    this.death({
      person: null,
      mother,
      name: `Con của ${mother.name}`,
      sex,
      diedOn: day,
      place: place === 'FACILITY' ? (atStation ? 'FACILITY' : 'OTHER_FACILITY') : place,
      cause: 'Thai chết lưu',
      code: 'P95',
      stillbirthGa: ga,
    });
  }

  private death(d: {
    person: Person | null;
    mother?: Person | null;
    name?: string;
    sex?: Sex;
    diedOn: number;
    place: string;
    cause: string;
    code: string;
    maternal?: Pregnancy['maternalDeath'];
    audited?: boolean;
    stillbirthGa?: number;
  }): void {
    const r = this.random;
    const recordedOn = Math.min(this.horizon, d.diedOn + r.int(0, 10));
    const subject = d.person ?? d.mother;
    if (!subject) return;
    // The register of the station where the person lived, as it is on the day the death is recorded.
    const facility = stationAt(subject.profileOn(recordedOn), recordedOn);
    const source = this.record(subject, facility, 'deaths', recordedOn);
    const child = d.person !== null && d.person.ageOn(d.diedOn) < 6;
    this.world.loader.row('death', [
      this.world.ids.next(),
      facility.id,
      d.person?.id ?? null,
      d.person ? d.person.motherId : (d.mother?.id ?? null),
      iso(recordedOn),
      d.person?.name ?? d.name ?? 'Không rõ',
      d.person?.sex ?? d.sex ?? null,
      d.person ? iso(d.person.dob) : null,
      d.person ? d.person.ethnicity : (d.mother?.ethnicity ?? null),
      d.person && !child ? d.person.occupation : null,
      iso(d.diedOn),
      d.place,
      d.cause,
      d.code,
      r.chance(d.place === 'OTHER_FACILITY' ? 0.95 : 0.6),
      d.place === 'OTHER_FACILITY' || d.place === 'FACILITY' || r.chance(0.2),
      r.chance(0.85),
      Boolean(d.maternal),
      d.maternal ?? null,
      d.maternal ? (d.audited ?? false) : false,
      d.stillbirthGa !== undefined,
      d.stillbirthGa ?? null,
      d.person && child ? d.diedOn - d.person.dob : null,
      this.world.staffMember(r, facility),
      r.chance(0.6) ? `09${String(r.int(0, 99_999_999)).padStart(8, '0')}` : null,
      null,
      ...this.sourceCells(source),
    ]);
  }

  private childDeaths(): void {
    const r = this.random;
    const candidates = this.children.filter((c) => c.diedOn === null);
    for (let i = 0; i < this.quota.childDeaths && candidates.length > 0; i++) {
      const band = r.weighted({ early: 0.4, late: 0.15, infant: 0.25, child: 0.2 });
      const [minAge, maxAge] = { early: [0, 6], late: [7, 27], infant: [28, 364], child: [365, 1825] }[band];
      // A child who reaches that age inside the window.
      let chosen = -1;
      let diedOn = 0;
      for (let attempt = 0; attempt < 12; attempt++) {
        const k = r.int(0, candidates.length - 1);
        const c = candidates[k];
        const from = Math.max(this.windowStart, c.dob + minAge);
        const to = Math.min(this.horizon, c.dob + maxAge);
        if (from > to) continue;
        chosen = k;
        diedOn = r.int(from, to);
        break;
      }
      if (chosen < 0) continue;
      const child = candidates.splice(chosen, 1)[0];
      child.diedOn = diedOn;
      const [cause, code] = r.pick(CHILD_DEATH_CAUSES[band as keyof typeof CHILD_DEATH_CAUSES]);
      const place =
        band === 'early'
          ? r.weighted({ HOME: 0.45, OTHER_FACILITY: 0.4, FACILITY: 0.1, ON_THE_WAY: 0.05 })
          : r.weighted({ HOME: 0.5, OTHER_FACILITY: 0.35, FACILITY: 0.07, ON_THE_WAY: 0.08 });
      this.death({ person: child, diedOn, place, cause, code });
    }
  }

  private womenDeaths(): void {
    const r = this.random;
    // Women with a record and no pregnancy around the window; not within 42 days of an abortion
    // (that would be a maternal death).
    const eligible = this.women.filter(
      (w) => w.diedOn === null && !this.pregnant.has(w) && w.facilities.size > 0 && w.lastEventDay + 43 <= this.horizon,
    );
    for (let i = 0; i < this.quota.womenDeaths && eligible.length > 0; i++) {
      const woman = eligible.splice(r.int(0, eligible.length - 1), 1)[0];
      const diedOn = r.int(Math.max(this.windowStart, woman.lastEventDay + 43), this.horizon);
      woman.diedOn = diedOn;
      const [cause, code] = r.pick(WOMEN_DEATH_CAUSES);
      this.death({
        person: woman,
        diedOn,
        place: r.weighted({ HOME: 0.5, OTHER_FACILITY: 0.4, ON_THE_WAY: 0.1 }),
        cause,
        code,
      });
    }
  }

  // ---------------------------------------------------------------- abortions

  private abortionsWithoutEpisode(): void {
    const r = this.random;
    for (let i = this.abortionsWithEpisode; i < this.quota.abortions; i++) {
      const day = this.uniformDay();
      const method = r.weighted({ MEDICAL: 0.42, MANUAL_VACUUM: 0.45, SURGICAL: 0.1, OTHER: 0.03 });
      const ga =
        method === 'MEDICAL'
          ? r.int(4, 7)
          : method === 'MANUAL_VACUUM'
            ? r.int(5, 12)
            : method === 'SURGICAL'
              ? r.int(13, 20)
              : r.int(6, 12);
      const woman = this.newWoman(ABORTION_AGE, day);
      this.abortion(woman, day, ga, null, method);
    }
  }

  private abortion(woman: Person, day: number, ga: number, episodeId: string | null, chosen?: string): void {
    const r = this.random;
    const method = chosen ?? (ga <= 7 ? r.weighted({ MEDICAL: 0.6, MANUAL_VACUUM: 0.4 }) : ga <= 12 ? 'MANUAL_VACUUM' : 'SURGICAL');
    const atStation = method !== 'SURGICAL' && ga <= 7 && r.chance(0.55);
    const facility = atStation ? this.stationFor(woman, day) : this.referralFor(woman, day);
    const id = this.world.ids.next();
    const source = this.record(woman, facility, 'abortions', day);
    this.world.loader.row('abortion', [
      id,
      facility.id,
      woman.id,
      episodeId,
      iso(day),
      'FACILITY',
      ga,
      method,
      null,
      ...this.sourceCells(source),
    ]);
    if (r.chance(0.015)) {
      const onset = day + r.int(0, 5);
      if (onset <= this.horizon)
        this.complication(facility, 'OBSTETRIC', 'ABORTION_COMPLICATION', day, onset, r.chance(0.85) ? 'RECOVERED' : 'REFERRED', {
          abortion: id,
        });
    }
    if (r.chance(0.6)) this.contraceptionUser(woman, day + r.int(0, 14), true);
  }

  // ---------------------------------------------------------------- contraception

  private contraceptionServices = 0;

  private contraception(): void {
    const r = this.random;
    // Users who already had a method before the year, and new acceptors, until the commune's quota is met.
    let guard = 0;
    while (this.contraceptionServices < this.quota.contraception && guard++ < this.quota.contraception * 4) {
      const reuse = this.women.length > 0 && r.chance(0.15);
      const day = this.uniformDay();
      const woman = reuse ? r.pick(this.women) : this.newWoman(WOMAN_AGE, day, this.profile, 18);
      if (woman.diedOn !== null) continue;
      if (!reuse && r.chance(0.03)) this.moveAway(woman);
      const continuing = r.chance(0.6);
      this.contraceptionUser(woman, continuing ? this.windowStart - r.int(1, 120) : day, !continuing);
    }
  }

  private moveAway(woman: Person): void {
    const neighbours = this.profile.neighbours;
    if (neighbours.length === 0) return;
    woman.move = { day: this.uniformDay(), to: this.random.pick(neighbours) };
  }

  /**
   * A contraceptive user from `start`: a new acceptor (first service NEW) or a continuing one whose
   * services in the window are all CONTINUING. Services follow the method's rhythm.
   */
  private contraceptionUser(person: Person, start: number, isNew: boolean): void {
    const r = this.random;
    let method: Method = r.weighted(isNew ? NEW_METHOD : CURRENT_METHOD);
    let user = person;
    if (method === 'MALE_STERILISATION') {
      // Recorded for the husband.
      user = this.newPerson({ dob: person.dob - r.int(365, 3650), sex: 'MALE', ethnicity: person.ethnicity, profile: person.home });
    }
    if (method === 'OTHER_MODERN' && !isNew) method = 'PILL';
    const interval: Record<Method, [number, number] | null> = {
      IUD: null,
      INJECTABLE: [84, 95],
      IMPLANT: null,
      PILL: [28, 90],
      FEMALE_STERILISATION: null,
      MALE_STERILISATION: null,
      CONDOM: [45, 120],
      OTHER_MODERN: null,
    };
    const days: number[] = [];
    const rhythm = interval[method];
    if (rhythm) {
      for (let d = start; d <= this.horizon && days.length < 14; d += r.int(rhythm[0], rhythm[1])) days.push(d);
    } else {
      days.push(start);
      if ((method === 'IUD' || method === 'IMPLANT') && r.chance(0.5)) days.push(start + r.int(30, 60));
      if (method === 'IUD' && r.chance(0.25)) days.push(start + r.int(300, 400));
    }
    let first = true;
    for (const day of days) {
      if (day < this.windowStart) {
        first = false;
        continue;
      }
      if (day > this.horizon || (user.diedOn !== null && day >= user.diedOn)) break;
      if (this.contraceptionServices >= this.quota.contraception) break;
      const status = first && isNew ? 'NEW' : 'CONTINUING';
      first = false;
      const permanent = method === 'FEMALE_STERILISATION' || method === 'MALE_STERILISATION';
      const referral = permanent || ((method === 'IUD' || method === 'IMPLANT') && r.chance(0.15)) || r.chance(0.04);
      const facility = referral ? this.referralFor(user, day) : this.stationFor(user, day);
      const resupply = method === 'PILL' || method === 'CONDOM';
      const place = referral
        ? 'FACILITY'
        : r.weighted<string>(resupply ? { FACILITY: 0.65, OUTREACH: 0.2, HOME: 0.15 } : { FACILITY: 0.8, OUTREACH: 0.2 });
      const id = this.world.ids.next();
      const source = this.record(user, facility, 'contraception', day);
      this.world.loader.row('contraception_service', [
        id,
        facility.id,
        user.id,
        iso(day),
        place,
        method,
        status,
        null,
        ...this.sourceCells(source),
      ]);
      this.contraceptionServices++;
      if (
        status === 'NEW' &&
        ['IUD', 'IMPLANT', 'FEMALE_STERILISATION', 'MALE_STERILISATION', 'INJECTABLE'].includes(method) &&
        r.chance(0.008)
      ) {
        const onset = day + r.int(0, 30);
        if (onset <= this.horizon) {
          const kind =
            method === 'IUD'
              ? r.weighted({ BLEEDING: 0.4, INFECTION: 0.4, UTERINE_PERFORATION: 0.1, OTHER: 0.1 })
              : method === 'INJECTABLE'
                ? r.weighted({ BLEEDING: 0.7, ANAPHYLAXIS: 0.05, OTHER: 0.25 })
                : r.weighted({ BLEEDING: 0.3, INFECTION: 0.5, ORGAN_INJURY: 0.05, OTHER: 0.15 });
          this.complication(facility, 'CONTRACEPTIVE', kind, day, onset, r.chance(0.85) ? 'RECOVERED' : 'REFERRED', { contraception: id });
        }
      }
    }
  }

  // ---------------------------------------------------------------- gynaecology and HPV

  private gynaecology(): void {
    const r = this.random;
    let visits = 0;
    while (visits < this.quota.gynaecology) {
      const screening = r.chance(0.4);
      const day = this.uniformDay();
      const pool = this.women.filter((w) => w.diedOn === null);
      const reuse = pool.length > 0 && r.chance(0.2);
      const woman = reuse ? r.pick(pool) : this.newWoman(screening ? SCREENING_AGE : WOMAN_AGE, day, this.profile, 18);
      if (!reuse && r.chance(0.03)) this.moveAway(woman);
      const count = Math.min(this.quota.gynaecology - visits, 1 + r.poisson(0.3));
      let visitDay = day;
      for (let k = 0; k < count && visitDay <= this.horizon; k++, visitDay += r.int(7, 90)) {
        if (woman.diedOn !== null && visitDay >= woman.diedOn) break;
        this.gynVisit(woman, visitDay, k === 0 && screening);
        visits++;
      }
      if (count === 0) break;
    }
  }

  private gynVisit(woman: Person, day: number, screening: boolean): void {
    const r = this.random;
    const referral = r.chance(0.2);
    const facility = referral ? this.referralFor(woman, day) : this.stationFor(woman, day);
    const place = referral ? 'FACILITY' : r.weighted({ FACILITY: 0.75, OUTREACH: 0.25 });
    const via = r.chance(screening ? 0.75 : 0.12) ? r.weighted({ NEGATIVE: 0.955, POSITIVE: 0.035, SUSPICIOUS: 0.01 }) : null;
    const diagnosis = screening ? (r.chance(0.5) ? 'Z12.4 Sàng lọc ung thư cổ tử cung' : null) : r.weighted(GYN_DIAGNOSES);
    const treatments: string[] = [];
    if (!screening && diagnosis && r.chance(0.8)) treatments.push(GYN_TREATMENT_OF[diagnosis]);
    if (via === 'POSITIVE' && r.chance(0.5)) treatments.push(r.chance(0.8) ? 'CRYOTHERAPY' : 'LEEP');
    const source = this.record(woman, facility, 'gynaecology', day);
    this.world.loader.row('gynaecology_visit', [
      this.world.ids.next(),
      facility.id,
      woman.id,
      iso(day),
      place,
      screening ? 'SCREENING' : 'CURATIVE',
      via,
      r.chance(screening ? 0.1 : 0.03),
      screening && r.chance(0.06),
      treatments.length > 0,
      textArray(treatments),
      diagnosis,
      null,
      ...this.sourceCells(source),
    ]);
  }

  private hpv(): void {
    const r = this.random;
    let doses = 0;
    let guard = 0;
    while (doses < this.quota.hpv && guard++ < this.quota.hpv * 10) {
      const girl = r.chance(0.65);
      const start = this.windowStart + r.int(-200, this.windowDays - 1);
      const age = girl ? r.uniform(10, 14.9) : r.uniform(15, 26.9);
      const person = this.newPerson({ dob: Math.round(start - age * YEAR_DAYS), sex: 'FEMALE', kind: girl ? 'pupil' : 'adult' });
      const schedule = girl ? [0, r.int(180, 365)] : [0, r.int(30, 60), r.int(170, 190)];
      schedule.forEach((offset, index) => {
        const day = start + offset;
        if (day < this.windowStart || day > this.horizon || doses >= this.quota.hpv) return;
        const station = !r.chance(0.12);
        const facility = station ? this.stationFor(person, day) : this.referralFor(person, day);
        const place = station && girl ? r.weighted({ OUTREACH: 0.55, FACILITY: 0.45 }) : 'FACILITY';
        const source = this.record(person, facility, 'hpv-vaccinations', day);
        this.world.loader.row('hpv_vaccination', [
          this.world.ids.next(),
          facility.id,
          person.id,
          iso(day),
          place,
          index + 1,
          ...this.sourceCells(source),
        ]);
        doses++;
      });
    }
  }

  // ---------------------------------------------------------------- children

  /** Children born in the five years before the window (under 6 during it), as persons when examined. */
  private olderChildren(): void {
    const r = this.random;
    const perYear = (this.quota.deliveries * 1.015 * YEAR_DAYS) / this.windowDays;
    // Mothers among the women with a record this year (an ongoing pregnancy not yet registered leaves none).
    const mothers = this.women.filter((w) => w.facilities.size > 0);
    const year = new Date(this.windowStart * DAY_MS).getUTCFullYear();
    for (let back = 1; back <= 5; back++) {
      const first = Math.round(Date.UTC(year - back, 0, 1) / DAY_MS);
      const last = Math.round(Date.UTC(year - back + 1, 0, 1) / DAY_MS) - 1;
      const count = r.round(perYear * (1 - 0.006 * back) * 0.97);
      for (let i = 0; i < count; i++) {
        const dob = r.int(first, last);
        let mother: Person | null = null;
        if (mothers.length > 0 && r.chance(0.6)) {
          const candidate = r.pick(mothers);
          const age = (dob - candidate.dob) / YEAR_DAYS;
          if (age >= 16 && age <= 45) mother = candidate;
        }
        const child = this.newPerson({
          dob,
          sex: r.chance(0.515) ? 'MALE' : 'FEMALE',
          ethnicity: mother ? mother.ethnicity : undefined,
          motherId: mother?.id ?? null,
          profile: mother ? mother.home : this.profile,
          kind: 'child',
        }) as Child;
        this.children.push(child);
      }
    }
  }

  private childExams(): void {
    const r = this.random;
    const remoteness = this.profile.remoteness;
    const rates: [number, number, number][] = [
      [0, 364, 4.6],
      [365, 729, 3.2],
      [730, 1826, 1.45],
    ];
    for (const child of this.children) {
      const minority = child.ethnicity !== null && child.ethnicity !== KINH;
      const meanHaz = remoteness === 'remote' ? -1.7 : remoteness === 'rural' ? (minority ? -1.25 : -0.8) : minority ? -0.8 : -0.4;
      child.haz = r.normal(meanHaz, 0.95);
      child.whz = r.normal(-0.4, 0.85);
      const days: number[] = [];
      for (const [from, to, rate] of rates) {
        const start = Math.max(this.windowStart, child.dob + Math.max(from, 1));
        let end = Math.min(this.horizon, child.dob + to);
        if (child.diedOn !== null) end = Math.min(end, child.diedOn - 1);
        if (start > end) continue;
        const n = r.poisson((rate * (end - start + 1)) / 365);
        for (let i = 0; i < n; i++) days.push(r.int(start, end));
      }
      days.sort((a, b) => a - b);
      for (const day of days) this.childExam(child, day);
    }
  }

  private childExam(child: Child, day: number): void {
    const r = this.random;
    const referral = r.chance(0.08);
    const facility = referral ? this.referralFor(child, day) : this.stationFor(child, day);
    const place = referral ? 'FACILITY' : r.weighted({ FACILITY: 0.6, OUTREACH: 0.38, HOME: 0.02 });
    const ageDays = day - child.dob;
    const m = measureChild(
      r,
      child.sex,
      iso(child.dob),
      iso(day),
      ageDays,
      (child.haz ?? 0) + r.normal(0, 0.2),
      (child.whz ?? 0) + r.normal(0, 0.35),
    );
    const source = this.record(child, facility, 'child-exams', day);
    this.world.loader.row('child_exam', [
      this.world.ids.next(),
      facility.id,
      child.id,
      iso(day),
      place,
      m.weightKg,
      m.heightCm,
      m.measuredLying,
      m.ageDays,
      m.weightForAgeZ,
      m.heightForAgeZ,
      m.weightForHeightZ,
      textArray(m.statuses),
      null,
      ...this.sourceCells(source),
    ]);
  }
}

function interpolate(points: [number, number][], x: number): number {
  if (x <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    if (x <= points[i][0]) {
      const [[x0, y0], [x1, y1]] = [points[i - 1], points[i]];
      return y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}
