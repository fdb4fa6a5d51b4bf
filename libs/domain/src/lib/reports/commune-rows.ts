/**
 * The rows of the monthly commune form (Biểu 3/BCX of Circular 37/2019, "Báo cáo 4 (TYT)" of
 * Circular 23/2025; their shared rows) as report-rules.md numbers them. This is the contract
 * between the form layouts, the computation, the exports and the API: a cell is (row key,
 * column key), and both keys are stable machine names.
 */

/** Which columns a row has (report-rules §2). */
export type CommuneRowColumns =
  /** Tổng số, Tại TYT, Ngoài CSYT and CSYT khác. */
  | 'withOther'
  /** Tổng số, Tại TYT, Ngoài CSYT. */
  | 'place'
  /** One value, of the station's own records. */
  | 'totalOnly'
  /** Mắc and TV, each as Tổng số, Tại TYT, Ngoài CSYT (rows I.9 to I.9.7). */
  | 'complication'
  /** Nam and Nữ, each as Tổng số, Tại TYT, Ngoài CSYT (row III.1.1). */
  | 'sex';

export type CommuneSection = 'I' | 'II' | 'III';

/** How a row sums over several months: flows add up, stock rows take the last month (report-rules §1). */
export type Aggregation = 'sum' | 'last';

export interface CommuneRow {
  readonly key: string;
  readonly section: CommuneSection;
  /** The row title as printed on the form, and in English. */
  readonly label: { readonly vi: string; readonly en: string };
  readonly columns: CommuneRowColumns;
  readonly aggregation: Aggregation;
  /** Nesting under the row above ("Trđ:"), for display. */
  readonly depth: number;
}

export const PLACE_COLUMNS = ['total', 'station', 'outside'] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];

/** The column keys of each kind of row, in the order the form prints them. */
export const COLUMNS_OF: Readonly<Record<CommuneRowColumns, readonly string[]>> = {
  withOther: ['total', 'station', 'outside', 'other'],
  place: PLACE_COLUMNS,
  totalOnly: ['total'],
  complication: PLACE_COLUMNS.flatMap((c) => [`cases.${c}`]).concat(PLACE_COLUMNS.map((c) => `deaths.${c}`)),
  sex: PLACE_COLUMNS.map((c) => `male.${c}`).concat(PLACE_COLUMNS.map((c) => `female.${c}`)),
};

/** Cell values of one form for one unit and period: row key → column key → count. */
export type CellValues = Record<string, Record<string, number>>;

/** A flat cell key for exports and mappings: `I.5.1a:total`, `I.9.1:deaths.station`. */
export function cellKey(row: string, column: string): string {
  return `${row}:${column}`;
}

const row = (key: string, vi: string, en: string, columns: CommuneRowColumns, depth = 0, aggregation: Aggregation = 'sum'): CommuneRow => ({
  key,
  section: key.split('.')[0] as CommuneSection,
  label: { vi, en },
  columns,
  aggregation,
  depth,
});

export const COMMUNE_ROWS: readonly CommuneRow[] = [
  // I. Chăm sóc sức khỏe bà mẹ
  row('I.1', 'Tổng số phụ nữ có thai', 'Pregnant women under management (end of month)', 'totalOnly', 0, 'last'),
  row('I.1.1', 'Trđ: Vị thành niên', 'of which adolescents', 'totalOnly', 1, 'last'),
  row('I.2', 'Phụ nữ có thai (Số phụ nữ mới có thai trong kỳ báo cáo)', 'Newly registered pregnancies', 'totalOnly'),
  row('I.2.1', 'Trđ: Vị thành niên', 'of which adolescents', 'totalOnly', 1),
  row('I.3', 'Tổng số lượt khám thai', 'Antenatal visits', 'place'),
  row('I.4', 'Trđ: Số lượt xét nghiệm protein niệu', 'of which urine-protein tests', 'withOther', 1),
  row('I.5', 'Số phụ nữ đẻ', 'Women who gave birth', 'withOther'),
  row('I.5.1a', 'Trđ: Số đẻ tuổi vị thành niên', 'of which adolescent mothers', 'withOther', 1),
  row('I.5.1b', 'Số đẻ là người dân tộc thiểu số', 'ethnic-minority mothers', 'withOther', 1),
  row('I.5.1c', 'Số đẻ được quản lý thai', 'managed pregnancies', 'withOther', 1),
  row('I.5.1d', 'Số đẻ được tiêm phòng uốn ván đủ mũi', 'protected against tetanus', 'withOther', 1),
  row('I.5.2', 'Số được khám thai ≥ 4 lần trong 3 thời kỳ', '≥ 4 antenatal visits in the 3 trimesters', 'withOther', 1),
  row(
    'I.5.2a',
    'Số PN DTTS được khám thai ≥ 4 lần trong 3 thời kỳ',
    'ethnic-minority women with ≥ 4 visits in 3 trimesters',
    'withOther',
    2,
  ),
  row('I.5.3', 'Số được xét nghiệm viêm gan B trong lần mang thai này', 'hepatitis B tested in this pregnancy', 'withOther', 1),
  row('I.5.3a', 'Xét nghiệm viêm gan B khi mang thai', 'hepatitis B tested during pregnancy', 'withOther', 2),
  row('I.5.3b', 'Xét nghiệm viêm gan B trong chuyển dạ', 'hepatitis B tested in labour', 'withOther', 2),
  row('I.5.3c', 'Có kết quả xét nghiệm viêm gan B dương tính', 'hepatitis B positive', 'withOther', 2),
  row('I.5.4a', 'Xét nghiệm giang mai khi mang thai', 'syphilis tested during pregnancy', 'withOther', 1),
  row('I.5.4b', 'Xét nghiệm giang mai trong chuyển dạ', 'syphilis tested in labour', 'withOther', 1),
  row('I.5.4c', 'Có kết quả xét nghiệm giang mai dương tính', 'syphilis positive', 'withOther', 1),
  row('I.5.5a', 'Số xét nghiệm HIV trước và trong mang thai lần này', 'HIV tested before or during this pregnancy', 'withOther', 1),
  row('I.5.5b', 'Số được xét nghiệm HIV trong chuyển dạ', 'HIV tested in labour', 'withOther', 1),
  row('I.5.6', 'Số có kết quả khẳng định nhiễm HIV', 'HIV infection confirmed', 'withOther', 1),
  row('I.5.7', 'Trđ: Số được khẳng định trong thời kỳ mang thai', 'of which confirmed during this pregnancy', 'withOther', 2),
  row('I.5.8', 'Số được xét nghiệm đường huyết khi mang thai', 'blood glucose tested during pregnancy', 'withOther', 1),
  row('I.5.8a', 'Trđ: Có kết quả xét nghiệm đường huyết cao hơn trị số bình thường', 'of which above normal', 'withOther', 2),
  row('I.5.9b', 'Số đẻ được cán bộ y tế đỡ', 'attended by health staff', 'place', 1),
  row('I.5.9c', 'Số được cán bộ có kỹ năng đỡ', 'attended by a skilled attendant', 'withOther', 1),
  row('I.6', 'Số được cấp giấy chứng sinh', 'Live births with a birth certificate', 'withOther'),
  row(
    'I.7',
    'Tổng số bà mẹ/trẻ sơ sinh được chăm sóc sau sinh tại nhà trong vòng 6 tuần sau khi rời cơ sở y tế',
    'Mothers and newborns visited at home within 6 weeks after leaving the facility',
    'totalOnly',
  ),
  row('I.8.1', 'Trđ: Chăm sóc tuần đầu', 'of which in the first week', 'totalOnly', 1),
  row('I.8.2', 'Chăm sóc từ tuần 2 đến hết 6 tuần sau khi rời cơ sở y tế', 'from the second to the sixth week', 'totalOnly', 1),
  row('I.9', 'Số mắc và tử vong do tai biến sản khoa', 'Obstetric complications: cases and deaths', 'complication'),
  row('I.9.1', 'Băng huyết', 'Haemorrhage', 'complication', 1),
  row('I.9.2', 'Sản giật', 'Eclampsia', 'complication', 1),
  row('I.9.3', 'Uốn ván sơ sinh', 'Neonatal tetanus', 'complication', 1),
  row('I.9.4', 'Vỡ tử cung', 'Uterine rupture', 'complication', 1),
  row('I.9.5', 'Nhiễm trùng', 'Infection', 'complication', 1),
  row('I.9.6', 'Tai biến do phá thai', 'Complication of abortion', 'complication', 1),
  row('I.9.7', 'Tai biến khác', 'Other complications', 'complication', 1),
  row('I.10', 'Số ca tử vong mẹ', 'Maternal deaths', 'place'),
  row('I.10.1', 'Số ca tử vong mẹ được thẩm định', 'of which audited', 'place', 1),
  // II. Khám chữa phụ khoa, sàng lọc ung thư cổ tử cung, thực hiện BPTT và phá thai
  row('II.1', 'Tổng số lượt khám phụ khoa', 'Gynaecology visits', 'place'),
  row('II.1.1', 'Trđ: Số áp dụng VIA/VILI', 'of which VIA/VILI done', 'place', 1),
  row('II.1.2', 'Số có kết quả dương tính', 'positive', 'place', 2),
  row('II.1.3', 'Số có kết quả nghi ngờ', 'suspicious', 'place', 2),
  row('II.1.4', 'Số được lấy mẫu bệnh phẩm gửi tuyến trên xét nghiệm tế bào học', 'samples sent for cytology', 'place', 1),
  row('II.1.5', 'Số được lấy mẫu bệnh phẩm gửi tuyến trên xét nghiệm HPV', 'samples sent for an HPV test', 'place', 1),
  row('II.2', 'Tổng số lượt chữa phụ khoa', 'Gynaecological treatments', 'place'),
  row('II.2.2', 'Tổng số lượt tiêm vắc xin HPV', 'HPV vaccine doses', 'place'),
  row('II.3', 'Tổng số lượt người mới thực hiện các biện pháp tránh thai', 'New contraceptive acceptors', 'place'),
  row('II.3.1', 'Số mới đặt dụng cụ tử cung', 'IUD', 'place', 1),
  row('II.3.2', 'Số mới dùng thuốc tiêm tránh thai', 'Injectable', 'place', 1),
  row('II.3.3', 'Số mới dùng thuốc cấy tránh thai', 'Implant', 'place', 1),
  row('II.3.4', 'Số mới sử dụng thuốc viên tránh thai', 'Oral pill', 'place', 1),
  row('II.3.5', 'Số mới triệt sản', 'Sterilisation', 'place', 1),
  row('II.3.6', 'Trđ: Nam', 'of which male', 'place', 2),
  row('II.3.7', 'Số mới sử dụng bao cao su', 'Condom', 'place', 1),
  row('II.3.8', 'Số người mới thực hiện các biện pháp tránh thai hiện đại khác', 'Other modern methods', 'place', 1),
  row('II.4', 'Tai biến sử dụng biện pháp tránh thai', 'Contraceptive complications', 'place'),
  row('II.5', 'Số phá thai', 'Abortions', 'place'),
  row('II.5.1', 'Trđ: ≤ 7 tuần', 'of which ≤ 7 weeks', 'place', 1),
  row('II.5.2', 'Vị thành niên', 'adolescents', 'place', 1),
  // III. Chăm sóc sức khỏe trẻ em
  row('III.1', 'Trẻ đẻ ra sống', 'Live births', 'place'),
  row('III.1.1', 'Trđ: Nam / Nữ', 'of which male / female', 'sex', 1),
  row('III.1.2', 'Trẻ đẻ ra sống là người dân tộc thiểu số', 'ethnic-minority live births', 'place', 1),
  row('III.2', 'Số trẻ sơ sinh được chăm sóc thiết yếu sớm trong và ngay sau đẻ (EENC)', 'Early essential newborn care (EENC)', 'place'),
  row('III.2a', 'EENC sau đẻ thường', 'after a vaginal birth', 'place', 1),
  row('III.2b', 'EENC sau mổ lấy thai', 'after a caesarean', 'place', 1),
  row('III.2c', 'Số trẻ sơ sinh được chăm sóc Kangaroo', 'Kangaroo mother care', 'place'),
  row('III.3', 'Số trẻ đẻ non', 'Preterm births', 'place'),
  row('III.4', 'Số trẻ bị ngạt', 'Asphyxia', 'place'),
  row('III.5', 'Trẻ sơ sinh được cân', 'Newborns weighed', 'place'),
  row('III.6', 'Trẻ sơ sinh có trọng lượng < 2500 gram', 'Birth weight < 2,500 g', 'place', 1),
  row('III.7', 'Trẻ sơ sinh có trọng lượng > 4000 gram', 'Birth weight > 4,000 g', 'place', 1),
  row('III.8.1', 'Số được tiêm vitamin K1', 'Vitamin K1 given', 'place'),
  row('III.8.2', 'Số được tiêm vắc xin viêm gan B', 'Hepatitis B birth dose given', 'place'),
  row('III.8.3', 'Trđ: Trong 24 giờ đầu', 'of which within 24 hours', 'place', 1),
  row('III.9', 'Tử vong thai nhi từ 22 tuần đến khi đẻ', 'Stillbirths from 22 weeks', 'place'),
  row('III.10', 'Tử vong trẻ dưới 7 ngày tuổi', 'Deaths under 7 days', 'place'),
  row('III.11', 'Tử vong trẻ dưới 28 ngày tuổi', 'Deaths under 28 days', 'place'),
  row('III.12', 'Tử vong trẻ dưới 1 tuổi', 'Deaths under 1 year', 'place'),
  row('III.12.1', 'Trđ: Là người dân tộc thiểu số', 'of which ethnic minority', 'place', 1),
  row('III.13', 'Tử vong trẻ dưới 5 tuổi', 'Deaths under 5 years', 'place'),
  row('III.13.1', 'Trđ: Là người dân tộc thiểu số', 'of which ethnic minority', 'place', 1),
];

export const COMMUNE_ROW_KEYS: readonly string[] = COMMUNE_ROWS.map((r) => r.key);

const BY_KEY = new Map(COMMUNE_ROWS.map((r) => [r.key, r]));

export function communeRow(key: string): CommuneRow | undefined {
  return BY_KEY.get(key);
}

/** Every (row, column) of the commune form, in print order. */
export function communeCells(): { row: string; column: string }[] {
  return COMMUNE_ROWS.flatMap((r) => COLUMNS_OF[r.columns].map((column) => ({ row: r.key, column })));
}

/** A form's values with every cell present and zero, to be filled by the computation. */
export function emptyCommuneValues(): CellValues {
  const values: CellValues = {};
  for (const r of COMMUNE_ROWS) values[r.key] = Object.fromEntries(COLUMNS_OF[r.columns].map((c) => [c, 0]));
  return values;
}
