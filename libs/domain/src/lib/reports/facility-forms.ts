import { ReportingGroup } from '../org/reporting-group';
import { cellKey } from './commune-rows';
import { FacilityIndicatorKey } from './facility-indicators';

/**
 * The district and provincial forms (Biểu 4–8 of TT 37/2019, Báo cáo 4–8 of TT 23/2025): one row
 * per reporting unit, indicators as columns. Header numbers and labels follow domain-reference
 * §3.2–3.6 (the MoH software's TT 23 layout); where that page shortens a label with "…" or drops
 * its head words, the label is completed from the same source. Column keys are stable machine
 * names, independent of the printed numbers.
 */

/** A row of Biểu 4–8 is a facility (its own registers) or a commune (its approved commune report). */
export type RowKind = 'facility' | 'commune';

/** Where a column's number comes from. */
export type ColumnSource =
  /** A commune-form cell, computed for the unit under report-rules.md (the unit is S). */
  | { readonly kind: 'commune'; readonly row: string; readonly column: string }
  /** A facility indicator of facility-indicators.ts / docs/report-forms.md. */
  | { readonly kind: 'facility'; readonly indicator: FacilityIndicatorKey }
  /** The registers do not hold the data: shown empty, never as a silent zero. */
  | { readonly kind: 'notCollected'; readonly reason: { readonly vi: string; readonly en: string } };

export interface FormColumn {
  /** Stable machine key of the column, unique within the form. */
  readonly key: string;
  /** The header number printed under the labels ("3a", "18a"). */
  readonly number: string;
  /** The header label as printed, and the headers it sits under (outermost first). */
  readonly label: string;
  readonly groups: readonly string[];
  readonly en: string;
  readonly source: ColumnSource;
  /** Row kinds whose cell is grey (does not apply) in this column (domain-reference-2 §2.2). */
  readonly greyFor: readonly RowKind[];
}

/** The rule of a column as one key: `I.5:total`, `F.caesarean`, or null when not collected. */
export function columnRuleKey(source: ColumnSource): string | null {
  switch (source.kind) {
    case 'commune':
      return cellKey(source.row, source.column);
    case 'facility':
      return source.indicator;
    case 'notCollected':
      return null;
  }
}

const cell = (row: string, column = 'total'): ColumnSource => ({ kind: 'commune', row, column });
const fac = (indicator: FacilityIndicatorKey): ColumnSource => ({ kind: 'facility', indicator });
const notCollected = (vi: string, en: string): ColumnSource => ({ kind: 'notCollected', reason: { vi, en } });

const col = (
  key: string,
  number: string,
  label: string,
  en: string,
  source: ColumnSource,
  groups: readonly string[] = [],
  greyFor: readonly RowKind[] = [],
): FormColumn => ({ key, number, label, groups, en, source, greyFor });

const FACILITY: readonly RowKind[] = ['facility'];
const COMMUNE: readonly RowKind[] = ['commune'];

const IN_WHICH = 'Trong đó';

/** Biểu 4 / Báo cáo 4 "Hoạt động chăm sóc bà mẹ" (domain-reference §3.2). */
export const MATERNAL_CARE_COLUMNS: readonly FormColumn[] = [
  col('pregnantNew', '3a', 'Tổng số', 'Newly pregnant women', cell('I.2'), ['PN mới có thai'], FACILITY),
  col('pregnantNewAdolescent', '3b', 'Trđ Vị thành niên', 'of which adolescents', cell('I.2.1'), ['PN mới có thai'], FACILITY),
  col('pregnant', '4a', 'Tổng số', 'Pregnant women under management (end of month)', cell('I.1'), ['PN có thai'], FACILITY),
  col('pregnantAdolescent', '4b', 'Trđ VTN', 'of which adolescents', cell('I.1.1'), ['PN có thai'], FACILITY),
  col('ancVisits', '5', 'Tổng số', 'Antenatal visits', cell('I.3'), ['Số khám thai']),
  col('ancUrineProtein', '6', 'Trđ Số lượt XN protein niệu', 'of which urine-protein tests', cell('I.4'), ['Số khám thai']),
  col('deliveries', '7', 'Tổng số phụ nữ đẻ', 'Women who gave birth', cell('I.5')),
  col('deliveriesAdolescent', '8a', 'Số đẻ VTN', 'Adolescent mothers', cell('I.5.1a'), [IN_WHICH]),
  col('deliveriesEthnicMinority', '8b', 'Số đẻ là người DTTS', 'Ethnic-minority mothers', cell('I.5.1b'), [IN_WHICH]),
  col('deliveriesManaged', '8c', 'Số đẻ được quản lý thai', 'Managed pregnancies', cell('I.5.1c'), [IN_WHICH]),
  col('deliveriesTetanusProtected', '8d', 'Số đẻ được tiêm UV đủ mũi', 'Protected against tetanus', cell('I.5.1d'), [IN_WHICH]),
  col('anc4Visits', '9a', 'Số đẻ được KT ≥4 lần/3 TK', '≥ 4 antenatal visits in the 3 trimesters', cell('I.5.2'), [IN_WHICH]),
  col(
    'anc4VisitsEthnicMinority',
    '9b',
    'Số PN đẻ DTTS được KT ≥4 lần/3 TK',
    'Ethnic-minority women with ≥ 4 visits in 3 trimesters',
    cell('I.5.2a'),
    [IN_WHICH],
  ),
  col('hbvTestedPregnancy', '10a', 'XN VGB khi MT', 'Hepatitis B tested during pregnancy', cell('I.5.3a'), [IN_WHICH]),
  col('hbvTestedLabour', '10b', 'XN VGB khi CD', 'Hepatitis B tested in labour', cell('I.5.3b'), [IN_WHICH]),
  col('hbvPositive', '10c', 'KQ VGB (+)', 'Hepatitis B positive', cell('I.5.3c'), [IN_WHICH]),
  col('syphilisTestedPregnancy', '11a', 'XN GM khi MT', 'Syphilis tested during pregnancy', cell('I.5.4a'), [IN_WHICH]),
  col('syphilisTestedLabour', '11b', 'XN GM khi CD', 'Syphilis tested in labour', cell('I.5.4b'), [IN_WHICH]),
  col('syphilisPositive', '11c', 'KQ GM (+)', 'Syphilis positive', cell('I.5.4c'), [IN_WHICH]),
  col('hivTestedPregnancy', '12a', 'XN HIV trước & trong lần MT này', 'HIV tested before or during this pregnancy', cell('I.5.5a'), [
    IN_WHICH,
  ]),
  col('hivTestedLabour', '12b', 'XN HIV khi CD', 'HIV tested in labour', cell('I.5.5b'), [IN_WHICH]),
  col('hivConfirmedInPregnancy', '13a', 'Có KQ KĐ nhiễm HIV trong thời kỳ MT', 'HIV confirmed during this pregnancy', cell('I.5.7'), [
    IN_WHICH,
  ]),
  col('hivConfirmed', '13b', 'Có KQ khẳng định nhiễm HIV', 'HIV infection confirmed', cell('I.5.6'), [IN_WHICH]),
  col(
    'hivPositiveOnArv',
    '14',
    'Số PN đẻ HIV (+) được điều trị ARV',
    'HIV-positive mothers on ARV',
    fac('F.hivPositiveOnArv'),
    [IN_WHICH],
    COMMUNE,
  ),
  col('glucoseTested', '15a', 'Số đẻ được XN đường huyết', 'Blood glucose tested', cell('I.5.8'), [IN_WHICH]),
  col('glucoseAboveNormal', '15b', 'Số có KQ ĐH cao hơn trị số bt', 'Blood glucose above normal', cell('I.5.8a'), [IN_WHICH]),
  col(
    'instrumentalDeliveries',
    '16',
    'Số PN đẻ được can thiệp FX/GH',
    'Forceps or vacuum deliveries',
    fac('F.instrumentalDelivery'),
    [IN_WHICH],
    COMMUNE,
  ),
  col('caesareans', '17', 'Số PN được mổ đẻ', 'Caesarean deliveries', fac('F.caesarean'), [IN_WHICH], COMMUNE),
  col(
    'deliveriesOutsideFacility',
    '18a',
    'Số PN đẻ ngoài CSYT',
    'Births outside any facility',
    cell('I.5', 'outside'),
    [IN_WHICH],
    FACILITY,
  ),
  col('deliveriesByHealthStaff', '18b', 'Số PN đẻ được NV Y tế đỡ', 'Attended by health staff', cell('I.5.9b'), [IN_WHICH]),
  col('deliveriesBySkilledAttendant', '18c', 'Số PN đẻ được NV có kỹ năng đỡ', 'Attended by a skilled attendant', cell('I.5.9c'), [
    IN_WHICH,
  ]),
  col('birthCertificates', '19', 'Số trẻ được cấp giấy chứng sinh', 'Birth certificates issued', cell('I.6'), [IN_WHICH]),
  col('postnatalHomeCare', '20', 'Trong vòng 6 tuần đầu', 'Home postnatal care within 6 weeks', cell('I.7'), ['CS tại nhà sau sinh']),
  col('postnatalFirstWeek', '21a', 'Trđ: Tuần đầu', 'of which in the first week', cell('I.8.1'), ['CS tại nhà sau sinh']),
  col('postnatalWeeks2To6', '21b', 'Trđ: Từ tuần 2 đến hết 6 tuần', 'of which weeks 2 to 6', cell('I.8.2'), ['CS tại nhà sau sinh']),
  col('maternalDeaths', '22a', 'Số ca tử vong mẹ', 'Maternal deaths', cell('I.10')),
  col('maternalDeathsAudited', '22b', 'Số ca tử vong mẹ được thẩm định', 'Maternal deaths audited', cell('I.10.1'), [], COMMUNE),
];

const COMPLICATION_GROUPS: readonly [string, string, string, string][] = [
  // key, commune row, header, English
  ['total', 'I.9', 'Tổng số', 'All complications'],
  ['haemorrhage', 'I.9.1', 'Băng huyết', 'Haemorrhage'],
  ['eclampsia', 'I.9.2', 'Sản giật', 'Eclampsia'],
  ['neonatalTetanus', 'I.9.3', 'Uốn ván sơ sinh', 'Neonatal tetanus'],
  ['uterineRupture', 'I.9.4', 'Vỡ tử cung', 'Uterine rupture'],
  ['infection', 'I.9.5', 'Nhiễm trùng sau đẻ', 'Puerperal infection'],
  ['abortion', 'I.9.6', 'Phá thai', 'Complication of abortion'],
  ['other', 'I.9.7', 'Khác', 'Other'],
];

/** Biểu 5 / Báo cáo 5 "Tình hình mắc và tử vong do tai biến sản khoa" (domain-reference §3.3): columns 3–18. */
export const OBSTETRIC_COMPLICATION_COLUMNS: readonly FormColumn[] = COMPLICATION_GROUPS.flatMap(([key, row, header, en], i) => [
  col(`${key}.cases`, String(3 + 2 * i), 'Mắc', `${en}: cases`, cell(row, 'cases.total'), [header]),
  col(`${key}.deaths`, String(4 + 2 * i), 'Tử vong', `${en}: deaths`, cell(row, 'deaths.total'), [header]),
]);

/** Biểu 6 / Báo cáo 6 "Hoạt động khám, chữa phụ khoa và sàng lọc ung thư cổ tử cung" (domain-reference §3.4). */
export const GYNAECOLOGY_COLUMNS: readonly FormColumn[] = [
  col('visitsCurative', '3a', 'Tổng số lượt khám phụ khoa (khám bệnh)', 'Gynaecology visits, curative', fac('F.gynVisitsCurative')),
  col(
    'visitsScreening',
    '3b',
    'Tổng số lượt khám phụ khoa (khám dự phòng – sàng lọc)',
    'Gynaecology visits, preventive screening',
    fac('F.gynVisitsScreening'),
  ),
  col('treatments', '4', 'Tổng số lượt điều trị phụ khoa', 'Gynaecological treatments', cell('II.2')),
  col('syphilisTreated', '5', 'Số điều trị GM', 'Syphilis treated', fac('F.gynTreatedSyphilis'), [], COMMUNE),
  col('gonorrhoeaTreated', '6', 'Số điều trị lậu', 'Gonorrhoea treated', fac('F.gynTreatedGonorrhoea'), [], COMMUNE),
  col(
    'cauteryCryotherapy',
    '7',
    'Số được đốt điện/áp lạnh',
    'Electrocautery or cryotherapy',
    fac('F.cervixCauteryCryotherapy'),
    [],
    COMMUNE,
  ),
  col('leep', '8', 'Số được thực hiện LEEP', 'LEEP', fac('F.cervixLeep'), [], COMMUNE),
  col('conisation', '9', 'Số được khỏi chữa CTC', 'Cervical conisation (label as in the source)', fac('F.cervixConisation'), [], COMMUNE),
  col('viaVili', '10', 'Số lượt được thực hiện', 'VIA/VILI done', cell('II.1.1'), ['VIA/VILI']),
  col('viaViliPositive', '11', 'Số (+) VIA/VILI', 'VIA/VILI positive', cell('II.1.2'), ['VIA/VILI']),
  col('viaViliSuspicious', '12', 'Số nghi ngờ K', 'Suspected cancer', cell('II.1.3'), ['VIA/VILI']),
  col('cytologyTests', '13', 'Số lượt được XN', 'Cytology tests (samples taken)', cell('II.1.4'), ['Xét nghiệm tế bào học'], COMMUNE),
  col(
    'cytologyAbnormal',
    '14',
    'Số lượt có KQ bất thường',
    'Abnormal cytology results',
    notCollected(
      'Sổ khám phụ khoa chỉ ghi đã lấy mẫu xét nghiệm tế bào học (cytologySent), không ghi kết quả.',
      'The gynaecology register records only that a cytology sample was taken (cytologySent), not its result.',
    ),
    ['Xét nghiệm tế bào học'],
    COMMUNE,
  ),
  col('hpvTests', '15', 'Số lượt được XN', 'HPV tests (samples taken)', cell('II.1.5'), ['Xét nghiệm HPV'], COMMUNE),
  col(
    'hpvPositive',
    '16',
    'Số HPV (+)',
    'HPV positive',
    notCollected(
      'Sổ khám phụ khoa chỉ ghi đã lấy mẫu xét nghiệm HPV (hpvTestSent), không ghi kết quả.',
      'The gynaecology register records only that an HPV sample was taken (hpvTestSent), not its result.',
    ),
    ['Xét nghiệm HPV'],
    COMMUNE,
  ),
];

const NEW_MODERN = 'Số mới thực hiện Biện pháp tránh thai hiện đại';
const ABORTION = 'Phá thai';

/** Biểu 7 / Báo cáo 7 "Hoạt động KHHGĐ và phá thai" (domain-reference §3.5). No greys (domain-reference-2 §2.2). */
export const FAMILY_PLANNING_COLUMNS: readonly FormColumn[] = [
  col('newAcceptors', '3', 'Tổng số', 'New acceptors of modern methods', cell('II.3'), [NEW_MODERN]),
  col('iud', '4', 'DCTC', 'IUD', cell('II.3.1'), [NEW_MODERN, IN_WHICH]),
  col('injectable', '5a', 'Thuốc tiêm', 'Injectable', cell('II.3.2'), [NEW_MODERN, IN_WHICH, 'Thuốc TT']),
  col('implant', '5b', 'Thuốc cấy', 'Implant', cell('II.3.3'), [NEW_MODERN, IN_WHICH, 'Thuốc TT']),
  col('pill', '5c', 'Thuốc viên TT', 'Oral pill', cell('II.3.4'), [NEW_MODERN, IN_WHICH, 'Thuốc TT']),
  col('sterilisation', '6', 'Tổng số', 'Sterilisation', cell('II.3.5'), [NEW_MODERN, IN_WHICH, 'Triệt sản']),
  col('sterilisationMale', '6a', 'Trđ: Nam', 'of which male', cell('II.3.6'), [NEW_MODERN, IN_WHICH, 'Triệt sản']),
  col('condom', '7', 'BCS', 'Condom', cell('II.3.7'), [NEW_MODERN, IN_WHICH]),
  col('otherMethod', '8', 'Biện pháp khác', 'Other modern method', cell('II.3.8'), [NEW_MODERN, IN_WHICH]),
  col('abortions', '9', 'Tổng số', 'Abortions', cell('II.5'), [ABORTION]),
  col('abortionsUpTo7Weeks', '9a', 'Số phá thai ≤ 7 tuần', 'up to 7 weeks', cell('II.5.1'), [ABORTION, IN_WHICH]),
  col('abortionsOver7To12Weeks', '9b', 'Số phá thai trên 7 – ≤12 tuần', 'over 7 and up to 12 weeks', fac('F.abortionsOver7To12Weeks'), [
    ABORTION,
    IN_WHICH,
  ]),
  col('abortionsOver12Weeks', '9c', 'Số phá thai trên 12 tuần', 'over 12 weeks', fac('F.abortionsOver12Weeks'), [ABORTION, IN_WHICH]),
  col('abortionsAdolescent', '9d', 'Trđ: Số phá thai tuổi VTN', 'of which adolescents', cell('II.5.2'), [ABORTION, IN_WHICH]),
];

const LIVE_BIRTHS = 'Số trẻ đẻ ra sống';
const WEIGHED = 'Số trẻ sơ sinh được cân';

/** Biểu 8 / Báo cáo 8 "Tình hình sức khỏe trẻ em" (domain-reference §3.6). */
export const CHILD_HEALTH_COLUMNS: readonly FormColumn[] = [
  col('liveBirths', '3', 'Tổng số', 'Live births', cell('III.1'), [LIVE_BIRTHS]),
  col('liveBirthsFemale', '3a', 'Trđ: Nữ', 'of which female', cell('III.1.1', 'female.total'), [LIVE_BIRTHS, IN_WHICH]),
  col('liveBirthsEthnicMinority', '3b', 'Số trẻ đẻ ra sống là người DTTS', 'Ethnic-minority live births', cell('III.1.2'), [
    LIVE_BIRTHS,
    IN_WHICH,
  ]),
  col('eencVaginal', '3c', 'Số trẻ được CS EENC sau đẻ thường', 'EENC after a vaginal birth', cell('III.2a'), [LIVE_BIRTHS, IN_WHICH]),
  col('eencCaesarean', '3d', 'Số trẻ được CS EENC sau mổ lấy thai', 'EENC after a caesarean', cell('III.2b'), [LIVE_BIRTHS, IN_WHICH]),
  col('kangarooCare', '3e', 'Số trẻ được chăm sóc Kan-ga-roo', 'Kangaroo mother care', cell('III.2c'), [LIVE_BIRTHS, IN_WHICH]),
  col('preterm', '3f', 'Số trẻ đẻ non', 'Preterm births', cell('III.3'), [LIVE_BIRTHS, IN_WHICH]),
  col('asphyxia', '3g', 'Số trẻ đẻ bị ngạt', 'Asphyxia', cell('III.4'), [LIVE_BIRTHS, IN_WHICH]),
  col('weighed', '4', 'Tổng số', 'Newborns weighed', cell('III.5'), [WEIGHED]),
  col('lowBirthWeight', '4a', 'Số < 2500 g', 'Birth weight < 2,500 g', cell('III.6'), [WEIGHED, IN_WHICH]),
  col('highBirthWeight', '4b', 'Số > 4000 g', 'Birth weight > 4,000 g', cell('III.7'), [WEIGHED, IN_WHICH]),
  col('vitaminK1', '5', 'Số trẻ được tiêm Vit K1', 'Vitamin K1 given', cell('III.8.1')),
  col('hepB', '6', 'Số được tiêm vắc xin Viêm gan B', 'Hepatitis B birth dose', cell('III.8.2')),
  col('hepBWithin24h', '6a', 'Số được tiêm vắc xin Viêm gan B trong 24 giờ đầu', 'of which within 24 hours', cell('III.8.3')),
  col('newbornScreening', '7', 'Số trẻ được sàng lọc sơ sinh', 'Newborn screening', fac('F.newbornScreening'), [], COMMUNE),
  col(
    'hivExposedInfants',
    '8',
    'Số trẻ sinh ra từ bà mẹ có HIV (+)',
    'Infants of HIV-positive mothers',
    fac('F.hivExposedInfants'),
    [],
    COMMUNE,
  ),
  col(
    'hivExposedInfantsOnArv',
    '8a',
    'Số trẻ sinh ra từ bà mẹ có HIV (+) được điều trị ARV',
    'of which given ARV prophylaxis',
    notCollected(
      'Sổ đẻ không ghi điều trị ARV dự phòng cho trẻ (chỉ ghi ARV của mẹ: arvGiven).',
      "The delivery register does not record the infant's ARV prophylaxis (only the mother's ARV: arvGiven).",
    ),
    [],
    COMMUNE,
  ),
  col('stillbirths', '9', 'Số TV thai nhi từ khi được 22 tuần tuổi đến khi đẻ', 'Stillbirths from 22 weeks', cell('III.9')),
  col('deathsUnder7Days', '10', 'Số TV trẻ < 7 ngày tuổi', 'Deaths under 7 days', cell('III.10')),
  col('deathsUnder28Days', '11', 'Số TV trẻ < 28 ngày tuổi', 'Deaths under 28 days', cell('III.11')),
  col('deathsUnder1Year', '12', 'Số TV trẻ < 1 tuổi', 'Deaths under 1 year', cell('III.12')),
  col('deathsUnder1YearEthnicMinority', '12a', 'Số TV trẻ < 1 tuổi là người DTTS', 'of which ethnic minority', cell('III.12.1')),
  col('deathsUnder5Years', '13', 'Số TV trẻ < 5 tuổi', 'Deaths under 5 years', cell('III.13')),
  col('deathsUnder5YearsEthnicMinority', '13a', 'Số TV trẻ < 5 tuổi là người DTTS', 'of which ethnic minority', cell('III.13.1')),
];

/**
 * A row group of a unit-rows form: a subtotal line, and the unit rows listed under it when
 * `listsUnits`. `rowKinds` are the kinds of unit rows it lists or sums, which decide its grey cells.
 */
export interface FormRowGroup {
  readonly key: string;
  /** The group's number on the form ("A", "I", "B"), null for the total. */
  readonly number: string | null;
  readonly label: { readonly vi: string; readonly en: string };
  readonly parent: string | null;
  readonly rowKinds: readonly RowKind[];
  readonly listsUnits: boolean;
  /** The provincial-form group of reporting-group.ts whose units the group lists. */
  readonly reportingGroup?: ReportingGroup;
  /** The group repeats once per province (national view). */
  readonly perProvince?: boolean;
}

const BOTH: readonly RowKind[] = ['facility', 'commune'];

const group = (
  key: string,
  number: string | null,
  vi: string,
  en: string,
  parent: string | null,
  rowKinds: readonly RowKind[],
  extra: Partial<Pick<FormRowGroup, 'listsUnits' | 'reportingGroup' | 'perProvince'>> = {},
): FormRowGroup => ({ key, number, label: { vi, en }, parent, rowKinds, listsUnits: extra.listsUnits ?? false, ...extra });

/**
 * TT 23/2025 province view (domain-reference-2 §2.1): "Tổng số"; A "Y tế công" with I "Cấp TW, Y tế
 * ngành", II "Cấp tỉnh", III "Cấp xã"; B "Y tế tư nhân". Each group has its subtotal line and lists
 * its units. Keys of the unit groups are the ReportingGroup keys.
 */
export const TT23_PROVINCE_GROUPS: readonly FormRowGroup[] = [
  group('total', null, 'Tổng số', 'Total', null, BOTH),
  group('public', 'A', 'Y tế công', 'Public sector', 'total', BOTH),
  group('central', 'I', 'Cấp TW, Y tế ngành', 'Central and sector facilities', 'public', FACILITY, {
    listsUnits: true,
    reportingGroup: 'central',
  }),
  group('provincial', 'II', 'Cấp tỉnh', 'Provincial facilities', 'public', FACILITY, { listsUnits: true, reportingGroup: 'provincial' }),
  group('commune', 'III', 'Cấp xã', 'Communes', 'public', COMMUNE, { listsUnits: true, reportingGroup: 'commune' }),
  group('private', 'B', 'Y tế tư nhân', 'Private sector', 'total', FACILITY, { listsUnits: true, reportingGroup: 'private' }),
];

/** TT 23/2025 national view (domain-reference-2 §2.1): "Tổng cộng", then a block per province with four lines. */
export const TT23_NATIONAL_GROUPS: readonly FormRowGroup[] = [
  group('national', null, 'Tổng cộng', 'National total', null, BOTH),
  group('province', null, 'Tỉnh', 'Province', 'national', BOTH, { perProvince: true }),
  group('provinceCentral', null, 'Cấp trung ương', 'Central level', 'province', FACILITY, { perProvince: true, reportingGroup: 'central' }),
  group('provinceProvincial', null, 'Cấp tỉnh', 'Provincial level', 'province', FACILITY, {
    perProvince: true,
    reportingGroup: 'provincial',
  }),
  group('provinceCommune', null, 'Cấp xã', 'Commune level', 'province', COMMUNE, { perProvince: true, reportingGroup: 'commune' }),
  group('provincePrivate', null, 'Tư nhân', 'Private', 'province', FACILITY, { perProvince: true, reportingGroup: 'private' }),
];

/** TT 37/2019 district view (Biểu N/BCH; the TT 27 district forms' layout): "Tuyến huyện" facilities and "Tuyến xã" communes. */
export const TT37_DISTRICT_GROUPS: readonly FormRowGroup[] = [
  group('total', null, 'Tổng số', 'Total', null, BOTH),
  group('districtLevel', 'I', 'Tuyến huyện', 'District facilities', 'total', FACILITY, { listsUnits: true }),
  group('communeLevel', 'II', 'Tuyến xã', 'Communes', 'total', COMMUNE, { listsUnits: true }),
];

/**
 * TT 37/2019 province view (Biểu N/BCT). [INFERENCE: the annex was not read] "Tuyến tỉnh" lists
 * the provincial, central and private facilities reporting to the province; "Tuyến huyện" one row
 * per district, the total of its approved BCH form.
 */
export const TT37_PROVINCE_GROUPS: readonly FormRowGroup[] = [
  group('total', null, 'Tổng số', 'Total', null, BOTH),
  group('provinceLevel', 'I', 'Tuyến tỉnh', 'Provincial facilities', 'total', FACILITY, { listsUnits: true }),
  group('districts', 'II', 'Tuyến huyện', 'Districts', 'total', BOTH, { listsUnits: true }),
];

/** TT 37/2019 national view [INFERENCE]: a block per province with its two lines. */
export const TT37_NATIONAL_GROUPS: readonly FormRowGroup[] = [
  group('national', null, 'Tổng cộng', 'National total', null, BOTH),
  group('province', null, 'Tỉnh', 'Province', 'national', BOTH, { perProvince: true }),
  group('provinceLevel', null, 'Tuyến tỉnh', 'Provincial level', 'province', FACILITY, { perProvince: true }),
  group('districts', null, 'Tuyến huyện', 'Districts', 'province', BOTH, { perProvince: true }),
];
