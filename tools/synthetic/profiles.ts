import { FacilityRef, PilotCommune } from './org';
import { KINH, PROVINCE_BIRTH_WEIGHT, PROVINCE_KINH_SHARE, PROVINCE_MINORITIES } from './people';
import { apportion, Random } from './random';

export type Remoteness = 'urban' | 'rural' | 'remote';

/** What the generator assumes about one pilot commune: remoteness, size, ethnic mix, home-birth share. */
export interface CommuneProfile {
  commune: PilotCommune;
  remoteness: Remoteness;
  /** Relative population (within the province, times the province's births). */
  population: number;
  kinhShare: number;
  minorities: Record<string, number>;
  /** Share of births at home (10–20 % in the remotest communes). */
  homeBirthShare: number;
  /** Share of births at a district or provincial facility (of births in a facility). */
  referralShare: number;
  /** The province's other communes (for the few women who move). */
  neighbours: CommuneProfile[];
  reformDay: number;
}

/** Regional grouping: the northern mountain provinces and the Central Highlands differ in remoteness and names. */
const NORTH_WEST = new Set(['10', '11', '12', '14']);

export function buildProfiles(communes: PilotCommune[], seed: number, reformDay: number): CommuneProfile[] {
  const profiles = communes.map((commune): CommuneProfile => {
    const random = new Random(seed, `profile:${commune.code}`);
    const urban = commune.type !== 'Xã';
    const remote = !urban && random.chance(NORTH_WEST.has(commune.provinceCode) ? 0.5 : 0.35);
    const remoteness: Remoteness = urban ? 'urban' : remote ? 'remote' : 'rural';
    const provinceKinh = PROVINCE_KINH_SHARE[commune.provinceCode] ?? 0.5;
    const kinhShare = Math.min(
      0.95,
      remoteness === 'urban' ? provinceKinh * 1.8 + 0.15 : remoteness === 'rural' ? provinceKinh * 0.75 : provinceKinh * 0.1,
    );
    const provinceMix = PROVINCE_MINORITIES[commune.provinceCode] ?? { '03': 1 };
    const dominant = random.weighted(provinceMix);
    const minorities: Record<string, number> = {};
    for (const [code, share] of Object.entries(provinceMix)) minorities[code] = 0.4 * share + (code === dominant ? 0.6 : 0);
    const size = Math.exp(random.normal(0, 0.45)) * (urban ? 1.9 : remote ? 0.8 : 1);
    return {
      commune,
      remoteness,
      population: size,
      kinhShare,
      minorities,
      homeBirthShare: remoteness === 'remote' ? random.uniform(0.1, 0.2) : remoteness === 'rural' ? random.uniform(0.02, 0.05) : 0.005,
      referralShare: remoteness === 'urban' ? 0.6 : remoteness === 'rural' ? 0.45 : 0.35,
      neighbours: [],
      reformDay,
    };
  });
  // Normalise population within each province to that province's share of births.
  const byProvince = new Map<string, CommuneProfile[]>();
  for (const p of profiles) byProvince.set(p.commune.provinceCode, [...(byProvince.get(p.commune.provinceCode) ?? []), p]);
  for (const [code, list] of byProvince) {
    const total = list.reduce((s, p) => s + p.population, 0);
    for (const p of list) {
      p.population = ((PROVINCE_BIRTH_WEIGHT[code] ?? 10) * p.population) / total;
      p.neighbours = list.filter((other) => other !== p);
    }
  }
  return profiles;
}

/** Ethnicity of a person of the commune: Kinh with the commune's Kinh share, else a minority of its mix. */
export function drawEthnicity(random: Random, profile: CommuneProfile): string {
  return random.chance(profile.kinhShare) ? KINH : random.weighted(profile.minorities);
}

/** The commune station recording events of residents on `day` (the successor commune's from the reform). */
export function stationAt(profile: CommuneProfile, day: number): FacilityRef {
  const { commune } = profile;
  if (day >= profile.reformDay && commune.successor?.station) return commune.successor.station;
  return commune.station;
}

/**
 * The higher-level facility of the seed serving residents on `day`: the district health centre before
 * the reform (its provincial CDC where a district has none), the province's CDC after it (the seed has
 * no hospitals and districts were abolished on 2025-07-01).
 */
export function referralAt(profile: CommuneProfile, day: number): FacilityRef {
  const { commune } = profile;
  if (day >= profile.reformDay && commune.successor) return commune.successor.provinceCdc ?? stationAt(profile, day);
  return commune.districtCentre ?? commune.provinceCdc ?? commune.station;
}

export interface Targets {
  deliveries: number;
  abortions: number;
  contraception: number;
  gynaecology: number;
  hpv: number;
  childDeaths: number;
  maternalDeaths: number;
  womenDeaths: number;
}

/** A year of the 7 pilot provinces at scale 1 (register rows; the other registers follow from these). */
export const YEAR_TARGETS: Targets = {
  deliveries: 100_000,
  abortions: 15_000,
  contraception: 250_000,
  gynaecology: 200_000,
  hpv: 20_000,
  childDeaths: 1_150,
  maternalDeaths: 20,
  womenDeaths: 80,
};

/** Splits the targets over the communes by weights that depend on size and remoteness; totals are exact. */
export function communeQuotas(profiles: CommuneProfile[], targets: Targets): Targets[] {
  const weight = (f: Record<Remoteness, number>) => profiles.map((p) => p.population * f[p.remoteness]);
  const births = weight({ urban: 0.8, rural: 1, remote: 1.25 });
  const split = {
    deliveries: apportion(targets.deliveries, births),
    abortions: apportion(targets.abortions, weight({ urban: 1.6, rural: 1, remote: 0.6 })),
    contraception: apportion(targets.contraception, weight({ urban: 1.15, rural: 1, remote: 0.85 })),
    gynaecology: apportion(targets.gynaecology, weight({ urban: 1.3, rural: 1, remote: 0.7 })),
    hpv: apportion(targets.hpv, weight({ urban: 1.1, rural: 1, remote: 0.9 })),
    childDeaths: apportion(targets.childDeaths, weight({ urban: 0.6, rural: 1, remote: 1.6 })),
    maternalDeaths: apportion(targets.maternalDeaths, weight({ urban: 0.5, rural: 1, remote: 2 })),
    womenDeaths: apportion(targets.womenDeaths, weight({ urban: 1, rural: 1, remote: 1 })),
  };
  return profiles.map((_, i) => ({
    deliveries: split.deliveries[i],
    abortions: split.abortions[i],
    contraception: split.contraception[i],
    gynaecology: split.gynaecology[i],
    hpv: split.hpv[i],
    childDeaths: split.childDeaths[i],
    maternalDeaths: split.maternalDeaths[i],
    womenDeaths: split.womenDeaths[i],
  }));
}
