import {
  ADOLESCENT_AGE,
  CODE_LISTS,
  HEALTH_STAFF_ATTENDANTS,
  MAJORITY_ETHNICITY_CODE,
  NOT_AN_ETHNIC_GROUP_CODES,
  OUTSIDE_FACILITY_PLACES,
  SKILLED_ATTENDANTS,
  VIABILITY_WEEKS,
  VIETNAM_UTC_OFFSET_HOURS,
} from '@skss/domain';

/**
 * Every threshold and code the commune form's SQL uses, in one place and passed to the statements
 * as parameters. Those the domain already names (counting-choices.ts, code lists) are re-exported
 * from there; the others are the numbers report-rules.md writes into its rows.
 */
export const COMMUNE_CHOICES = {
  /** report-rules §2: "Tại TYT" is the place "at the recording facility"; "Ngoài CSYT" the places outside any facility. */
  stationPlace: CODE_LISTS.PLACE[0].code,
  outsidePlaces: OUTSIDE_FACILITY_PLACES,
  adolescentAge: ADOLESCENT_AGE,
  majorityEthnicity: MAJORITY_ETHNICITY_CODE,
  notAnEthnicGroup: NOT_AN_ETHNIC_GROUP_CODES,
  healthStaffAttendants: HEALTH_STAFF_ATTENDANTS,
  skilledAttendants: SKILLED_ATTENDANTS,
  vietnamUtcOffsetHours: VIETNAM_UTC_OFFSET_HOURS,
  /** Episode manager and residence: only a full lineage moves an episode or a residence to the successor unit (choice). */
  successionLineage: 'full',
  /** I.1: an episode without a closing event is lost to follow-up from LMP + 308 days (44 weeks). Choice. */
  lostToFollowUpDays: 308,
  /** Trimesters of an ANC visit: 0–13, 14–27, ≥ 28 weeks (choice: WHO 13+6 boundary). */
  secondTrimesterWeeks: 14,
  thirdTrimesterWeeks: 28,
  /** I.5.2: at least this many ANC visits before the delivery, one in each trimester. */
  ancMinVisits: 4,
  /** I.5.1d tetanus protection (choice): ≥ 2 doses in this pregnancy; or ≥ 1 and ≥ 1 before it; or ≥ 5 in all. */
  tetanus: { inPregnancy: 2, inPregnancyWithEarlier: 1, earlier: 1, all: 5 },
  /** I.7 / I.8.1 / I.8.2: postnatal visit days after discharge (or birth), local dates. */
  postnatalDays: { max: 41, firstWeekMax: 6 },
  /** III.2a / III.2b: EENC after a vaginal birth (spontaneous or instrumental) / after a caesarean. */
  vaginalModes: ['VAGINAL', 'INSTRUMENTAL'],
  caesareanModes: ['CAESAREAN'],
  /** III.3 preterm: GA at delivery below this. */
  pretermWeeks: 37,
  /** III.6 / III.7: below / above, both exclusive. */
  lowBirthWeightGrams: 2500,
  highBirthWeightGrams: 4000,
  /** III.8.3: the hepatitis B birth dose within this many hours of birth (exclusive). */
  hepBWithinHours: 24,
  /** III.9: a baby born without life counts as a stillbirth from this GA. */
  viabilityWeeks: VIABILITY_WEEKS,
  /** II.5.1: abortions at GA ≤ this many completed weeks. */
  earlyAbortionWeeks: 7,
  /** III.10 / III.11: child deaths under 7 / 28 days; III.12 / III.13: under 1 / 5 completed years. */
  childDeath: { underDays: [7, 28], underYears: [1, 5] },
  /** Obstetric complication kinds of rows I.9.1–I.9.7, in the order of the code list; 9.6 also takes every abortion-linked one. */
  obstetricKinds: CODE_LISTS.OBSTETRIC_COMPLICATION.map((entry) => entry.code),
  abortionComplicationKind: 'ABORTION_COMPLICATION',
  otherComplicationKind: 'OTHER',
  diedOutcome: 'DIED',
  /** II.3.1–II.3.8 (II.3.5 both sterilisations, II.3.6 the male one). */
  contraceptiveRows: [
    { row: 'II.3.1', methods: ['IUD'] },
    { row: 'II.3.2', methods: ['INJECTABLE'] },
    { row: 'II.3.3', methods: ['IMPLANT'] },
    { row: 'II.3.4', methods: ['PILL'] },
    { row: 'II.3.5', methods: ['FEMALE_STERILISATION', 'MALE_STERILISATION'] },
    { row: 'II.3.6', methods: ['MALE_STERILISATION'] },
    { row: 'II.3.7', methods: ['CONDOM'] },
    { row: 'II.3.8', methods: ['OTHER_MODERN'] },
  ],
  /** II.3 sums 3.1–3.5, 3.7 and 3.8, i.e. every modern method. */
  newAcceptor: 'NEW',
} as const;

/** I.9.1–I.9.7 in the order of CODE_LISTS.OBSTETRIC_COMPLICATION. */
export const OBSTETRIC_COMPLICATION_ROWS = ['I.9.1', 'I.9.2', 'I.9.3', 'I.9.4', 'I.9.5', 'I.9.6', 'I.9.7'] as const;
