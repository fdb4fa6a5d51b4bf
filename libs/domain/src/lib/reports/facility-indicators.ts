import { Aggregation } from './commune-rows';

/**
 * Counts the district and provincial forms (Biểu 4–8) need and the commune form has no row for.
 * Each one is computed from one register under the rule written here and in
 * docs/report-forms.md, with the facility (or, for a commune row, the station) as S. Values travel
 * in the same CellValues as the commune cells: row key = the indicator key, column 'total'.
 */
export const FACILITY_INDICATOR_KEYS = [
  'F.instrumentalDelivery',
  'F.caesarean',
  'F.hivPositiveOnArv',
  'F.gynVisitsCurative',
  'F.gynVisitsScreening',
  'F.gynTreatedSyphilis',
  'F.gynTreatedGonorrhoea',
  'F.cervixCauteryCryotherapy',
  'F.cervixLeep',
  'F.cervixConisation',
  'F.abortionsOver7To12Weeks',
  'F.abortionsOver12Weeks',
  'F.newbornScreening',
  'F.hivExposedInfants',
] as const;
export type FacilityIndicatorKey = (typeof FACILITY_INDICATOR_KEYS)[number];

/** The only column of an indicator's values. */
export const FACILITY_INDICATOR_COLUMN = 'total';

/**
 * Treatment codes of the GYN_TREATMENT catalog each cervical or STI column counts. The catalog is
 * administered (seeded empty); these codes must exist in it for the columns to fill. A visit
 * counts once per column even when it lists two codes of that column.
 */
export const GYN_TREATMENT_CODES_OF: Readonly<
  Record<
    'F.gynTreatedSyphilis' | 'F.gynTreatedGonorrhoea' | 'F.cervixCauteryCryotherapy' | 'F.cervixLeep' | 'F.cervixConisation',
    readonly string[]
  >
> = {
  'F.gynTreatedSyphilis': ['SYPHILIS'],
  'F.gynTreatedGonorrhoea': ['GONORRHOEA'],
  'F.cervixCauteryCryotherapy': ['ELECTROCAUTERY', 'CRYOTHERAPY'],
  'F.cervixLeep': ['LEEP'],
  'F.cervixConisation': ['CONISATION'],
};

export interface FacilityIndicator {
  readonly key: FacilityIndicatorKey;
  readonly label: { readonly vi: string; readonly en: string };
  /** What one count is. */
  readonly unit: 'delivery' | 'newborn' | 'visit' | 'abortion';
  /** The Prisma model (register) and the field whose local date decides the month. */
  readonly register: 'Delivery' | 'Newborn' | 'GynaecologyVisit' | 'Abortion';
  readonly monthDate: string;
  /** The counting rule, in the words of docs/report-forms.md. */
  readonly rule: string;
  readonly aggregation: Aggregation;
  /** Whether commune rows of Biểu 4–8 need it too (the station's registers, stored with its report). */
  readonly communeRows: boolean;
}

/**
 * "S's own events": rows of S's register whose place is not OTHER_FACILITY, i.e. the scope of the
 * commune form's Tổng số (Tại TYT + Ngoài CSYT; report-rules §2). Every rule below counts only them.
 */
const OWN = "S's own register rows (place FACILITY, HOME, ON_THE_WAY or OUTREACH; not OTHER_FACILITY)";

const indicator = (
  key: FacilityIndicatorKey,
  vi: string,
  en: string,
  unit: FacilityIndicator['unit'],
  register: FacilityIndicator['register'],
  monthDate: string,
  rule: string,
  communeRows = false,
): FacilityIndicator => ({ key, label: { vi, en }, unit, register, monthDate, rule, aggregation: 'sum', communeRows });

export const FACILITY_INDICATORS: readonly FacilityIndicator[] = [
  indicator(
    'F.instrumentalDelivery',
    'Số PN đẻ được can thiệp FX/GH',
    'Forceps or vacuum deliveries',
    'delivery',
    'Delivery',
    'deliveryDate',
    `[delivery] ${OWN}: deliveries with deliveryDate in M and mode INSTRUMENTAL (forceps or vacuum).`,
  ),
  indicator(
    'F.caesarean',
    'Số PN được mổ đẻ',
    'Caesarean deliveries',
    'delivery',
    'Delivery',
    'deliveryDate',
    `[delivery] ${OWN}: deliveries with deliveryDate in M and mode CAESAREAN.`,
  ),
  indicator(
    'F.hivPositiveOnArv',
    'Số PN đẻ HIV (+) được điều trị ARV',
    'HIV-positive mothers on ARV',
    'delivery',
    'Delivery',
    'deliveryDate',
    `[delivery] ${OWN}: deliveries with deliveryDate in M counted in I.5.6 (hivConfirmedOn on or before the delivery date) with arvGiven true.`,
  ),
  indicator(
    'F.gynVisitsCurative',
    'Tổng số lượt khám phụ khoa (khám bệnh)',
    'Gynaecology visits, curative',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M and purpose CURATIVE. With F.gynVisitsScreening it adds up to II.1.`,
    true,
  ),
  indicator(
    'F.gynVisitsScreening',
    'Tổng số lượt khám phụ khoa (khám dự phòng - sàng lọc)',
    'Gynaecology visits, preventive screening',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M and purpose SCREENING.`,
    true,
  ),
  indicator(
    'F.gynTreatedSyphilis',
    'Số điều trị GM',
    'Syphilis treatments',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M whose treatments include SYPHILIS.`,
  ),
  indicator(
    'F.gynTreatedGonorrhoea',
    'Số điều trị lậu',
    'Gonorrhoea treatments',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M whose treatments include GONORRHOEA.`,
  ),
  indicator(
    'F.cervixCauteryCryotherapy',
    'Số được đốt điện/áp lạnh',
    'Electrocautery or cryotherapy',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M whose treatments include ELECTROCAUTERY or CRYOTHERAPY (once per visit).`,
  ),
  indicator(
    'F.cervixLeep',
    'Số được thực hiện LEEP',
    'LEEP procedures',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M whose treatments include LEEP.`,
  ),
  indicator(
    'F.cervixConisation',
    'Số được khỏi chữa CTC',
    'Cervical conisation (label as in the source)',
    'visit',
    'GynaecologyVisit',
    'visitDate',
    `[visit] ${OWN}: gynaecology visits with visitDate in M whose treatments include CONISATION.`,
  ),
  indicator(
    'F.abortionsOver7To12Weeks',
    'Số phá thai trên 7 - ≤ 12 tuần',
    'Abortions over 7 and up to 12 weeks',
    'abortion',
    'Abortion',
    'performedOn',
    `[abortion] ${OWN}: abortions with performedOn in M and gaWeeks (completed weeks) from 8 to 12.`,
    true,
  ),
  indicator(
    'F.abortionsOver12Weeks',
    'Số phá thai trên 12 tuần',
    'Abortions over 12 weeks',
    'abortion',
    'Abortion',
    'performedOn',
    `[abortion] ${OWN}: abortions with performedOn in M and gaWeeks (completed weeks) 13 or more. II.5.1 + this + F.abortionsOver7To12Weeks = II.5.`,
    true,
  ),
  indicator(
    'F.newbornScreening',
    'Số trẻ được sàng lọc sơ sinh',
    'Newborns screened',
    'newborn',
    'Newborn',
    'delivery.deliveryDate',
    "[newborn] live-born newborns (liveBorn true) of S's own deliveries (place not OTHER_FACILITY) with deliveryDate in M and newbornScreening true.",
  ),
  indicator(
    'F.hivExposedInfants',
    'Số trẻ sinh ra từ bà mẹ có HIV (+)',
    'Infants born to HIV-positive mothers',
    'newborn',
    'Newborn',
    'delivery.deliveryDate',
    `[newborn] live-born newborns of S's own deliveries with deliveryDate in M whose delivery counts in I.5.6 (hivConfirmedOn on or before the delivery date). Twins count twice.`,
  ),
];

const BY_KEY = new Map(FACILITY_INDICATORS.map((i) => [i.key, i]));

export function facilityIndicator(key: string): FacilityIndicator | undefined {
  return BY_KEY.get(key as FacilityIndicatorKey);
}

export function isFacilityIndicatorKey(key: string): key is FacilityIndicatorKey {
  return BY_KEY.has(key as FacilityIndicatorKey);
}
