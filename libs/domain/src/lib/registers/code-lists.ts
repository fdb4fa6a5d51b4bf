/**
 * Fixed code lists of the clinical registers. Codes are stable English identifiers stored in the
 * database and exchanged through the API; labels are for display (Vietnamese first, NFC).
 * Lists that an administrator may extend (ethnicities, occupations, nationalities) are catalogs in
 * prisma/seed/data/catalogs instead.
 */
export interface CodeEntry {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export type Lang = 'vi' | 'en';

export const CODE_LISTS = {
  /** Where an event happened, as the commune form's columns need it (report-rules §2). */
  PLACE: [
    { code: 'FACILITY', vi: 'Tại cơ sở ghi sổ', en: 'At the recording facility' },
    { code: 'HOME', vi: 'Tại nhà', en: 'At home' },
    { code: 'ON_THE_WAY', vi: 'Trên đường đến cơ sở y tế', en: 'On the way to a facility' },
    { code: 'OUTREACH', vi: 'Lưu động, ngoài cơ sở y tế', en: 'Outreach, outside any facility' },
  ],
  ATTENDANT_KIND: [
    { code: 'DOCTOR', vi: 'Bác sĩ', en: 'Doctor' },
    { code: 'ASSISTANT_DOCTOR', vi: 'Y sĩ', en: 'Assistant doctor' },
    { code: 'MIDWIFE', vi: 'Hộ sinh', en: 'Midwife' },
    { code: 'NURSE', vi: 'Điều dưỡng', en: 'Nurse' },
    { code: 'VILLAGE_MIDWIFE', vi: 'Cô đỡ thôn bản', en: 'Village midwife' },
    { code: 'TRADITIONAL_BIRTH_ATTENDANT', vi: 'Bà đỡ dân gian', en: 'Traditional birth attendant' },
    { code: 'RELATIVE', vi: 'Người nhà', en: 'Relative' },
    { code: 'NONE', vi: 'Không có người đỡ', en: 'No attendant' },
  ],
  DELIVERY_MODE: [
    { code: 'VAGINAL', vi: 'Đẻ thường', en: 'Spontaneous vaginal birth' },
    { code: 'INSTRUMENTAL', vi: 'Đẻ can thiệp (forceps, giác hút)', en: 'Instrumental birth (forceps, vacuum)' },
    { code: 'CAESAREAN', vi: 'Mổ lấy thai', en: 'Caesarean section' },
  ],
  /** Tests of the registers; each has its own result list (LAB_TEST_RESULT_LIST). */
  LAB_TEST: [
    { code: 'HBV', vi: 'Viêm gan B', en: 'Hepatitis B' },
    { code: 'SYPHILIS', vi: 'Giang mai', en: 'Syphilis' },
    { code: 'HIV', vi: 'HIV', en: 'HIV' },
    { code: 'BLOOD_GLUCOSE', vi: 'Đường huyết', en: 'Blood glucose' },
    { code: 'URINE_PROTEIN', vi: 'Protein niệu', en: 'Urine protein' },
    { code: 'VIA_VILI', vi: 'VIA/VILI', en: 'VIA/VILI' },
    { code: 'CYTOLOGY', vi: 'Tế bào học cổ tử cung', en: 'Cervical cytology' },
    { code: 'HPV', vi: 'HPV', en: 'HPV' },
  ],
  /** Result of a qualitative test: HBV, syphilis, HIV (screening), urine protein, HPV. */
  TEST_RESULT: [
    { code: 'NEGATIVE', vi: 'Âm tính', en: 'Negative' },
    { code: 'POSITIVE', vi: 'Dương tính', en: 'Positive' },
  ],
  /** VIA/VILI: the gynaecology rows count positive and suspicious separately (II.1.2, II.1.3). */
  VIA_RESULT: [
    { code: 'NEGATIVE', vi: 'Âm tính', en: 'Negative' },
    { code: 'POSITIVE', vi: 'Dương tính', en: 'Positive' },
    { code: 'SUSPICIOUS', vi: 'Nghi ngờ ung thư', en: 'Suspicious for cancer' },
  ],
  CYTOLOGY_RESULT: [
    { code: 'NORMAL', vi: 'Bình thường', en: 'Normal' },
    { code: 'ABNORMAL', vi: 'Bất thường', en: 'Abnormal' },
  ],
  /** Blood glucose in pregnancy: the form asks only whether it was above normal (I.5.8a). */
  GLUCOSE_RESULT: [
    { code: 'NORMAL', vi: 'Bình thường', en: 'Normal' },
    { code: 'ABOVE_NORMAL', vi: 'Cao hơn trị số bình thường', en: 'Above normal' },
  ],
  CONTRACEPTIVE_METHOD: [
    { code: 'IUD', vi: 'Dụng cụ tử cung', en: 'Intrauterine device' },
    { code: 'INJECTABLE', vi: 'Thuốc tiêm tránh thai', en: 'Injectable' },
    { code: 'IMPLANT', vi: 'Thuốc cấy tránh thai', en: 'Implant' },
    { code: 'PILL', vi: 'Thuốc viên tránh thai', en: 'Oral pill' },
    { code: 'FEMALE_STERILISATION', vi: 'Triệt sản nữ', en: 'Female sterilisation' },
    { code: 'MALE_STERILISATION', vi: 'Triệt sản nam', en: 'Male sterilisation' },
    { code: 'CONDOM', vi: 'Bao cao su', en: 'Condom' },
    { code: 'OTHER_MODERN', vi: 'Biện pháp tránh thai hiện đại khác', en: 'Other modern method' },
  ],
  ACCEPTOR_STATUS: [
    { code: 'NEW', vi: 'Người mới thực hiện', en: 'New acceptor' },
    { code: 'CONTINUING', vi: 'Người đang sử dụng', en: 'Continuing user' },
  ],
  /** The kinds of rows I.9.1–I.9.7 and of Biểu 5's column groups. */
  OBSTETRIC_COMPLICATION: [
    { code: 'HAEMORRHAGE', vi: 'Băng huyết', en: 'Haemorrhage' },
    { code: 'ECLAMPSIA', vi: 'Sản giật', en: 'Eclampsia' },
    { code: 'NEONATAL_TETANUS', vi: 'Uốn ván sơ sinh', en: 'Neonatal tetanus' },
    { code: 'UTERINE_RUPTURE', vi: 'Vỡ tử cung', en: 'Uterine rupture' },
    { code: 'INFECTION', vi: 'Nhiễm trùng sau đẻ', en: 'Puerperal infection' },
    { code: 'ABORTION_COMPLICATION', vi: 'Tai biến do phá thai', en: 'Complication of abortion' },
    { code: 'OTHER', vi: 'Tai biến khác', en: 'Other complication' },
  ],
  /** No official breakdown exists (the forms count all contraceptive complications together). */
  CONTRACEPTIVE_COMPLICATION: [
    { code: 'BLEEDING', vi: 'Chảy máu', en: 'Bleeding' },
    { code: 'INFECTION', vi: 'Nhiễm khuẩn', en: 'Infection' },
    { code: 'UTERINE_PERFORATION', vi: 'Thủng tử cung', en: 'Uterine perforation' },
    { code: 'ORGAN_INJURY', vi: 'Tổn thương tạng', en: 'Injury to another organ' },
    { code: 'ANAPHYLAXIS', vi: 'Sốc phản vệ', en: 'Anaphylaxis' },
    { code: 'OTHER', vi: 'Tai biến khác', en: 'Other complication' },
  ],
  COMPLICATION_OUTCOME: [
    { code: 'RECOVERED', vi: 'Khỏi', en: 'Recovered' },
    { code: 'REFERRED', vi: 'Chuyển tuyến', en: 'Referred' },
    { code: 'DIED', vi: 'Tử vong', en: 'Died' },
  ],
  ABORTION_METHOD: [
    { code: 'MEDICAL', vi: 'Phá thai bằng thuốc', en: 'Medical abortion' },
    { code: 'MANUAL_VACUUM', vi: 'Hút thai chân không', en: 'Vacuum aspiration' },
    { code: 'SURGICAL', vi: 'Nong và gắp, nạo thai', en: 'Dilatation and evacuation or curettage' },
    { code: 'OTHER', vi: 'Phương pháp khác', en: 'Other method' },
  ],
  /** Biểu 6 splits gynaecology visits into curative and preventive-screening ones. */
  GYN_VISIT_PURPOSE: [
    { code: 'CURATIVE', vi: 'Khám bệnh', en: 'Curative' },
    { code: 'SCREENING', vi: 'Khám dự phòng, sàng lọc', en: 'Preventive screening' },
  ],
  /** How a pregnancy episode ends; any of them stops it counting in the stock row I.1. */
  EPISODE_CLOSURE: [
    { code: 'DELIVERY', vi: 'Đẻ', en: 'Delivery' },
    { code: 'ABORTION', vi: 'Phá thai', en: 'Abortion' },
    { code: 'PREGNANCY_LOSS', vi: 'Thai kết thúc trước 22 tuần (sảy thai, thai chết lưu)', en: 'Pregnancy loss before 22 weeks' },
    { code: 'MOVED_AWAY', vi: 'Chuyển đi nơi khác', en: 'Moved away' },
  ],
  MATERNAL_DEATH_TIMING: [
    { code: 'DURING_PREGNANCY', vi: 'Trong khi mang thai', en: 'During pregnancy' },
    { code: 'DURING_DELIVERY', vi: 'Trong khi đẻ', en: 'During delivery' },
    { code: 'WITHIN_42_DAYS', vi: 'Trong vòng 42 ngày sau khi kết thúc thai nghén', en: 'Within 42 days after the end of pregnancy' },
  ],
  DEATH_AUDIT_STATUS: [
    { code: 'NOT_AUDITED', vi: 'Chưa thẩm định', en: 'Not audited' },
    { code: 'AUDITED', vi: 'Đã thẩm định', en: 'Audited' },
  ],
  SEX: [
    { code: 'MALE', vi: 'Nam', en: 'Male' },
    { code: 'FEMALE', vi: 'Nữ', en: 'Female' },
  ],
  /** How a register row reached the system. */
  RECORD_SOURCE: [
    { code: 'ENTRY', vi: 'Nhập trực tiếp', en: 'Direct entry' },
    { code: 'EXCEL', vi: 'Nhập từ tệp Excel', en: 'Excel import' },
    { code: 'API', vi: 'Nhận qua API (HIS, YTCS)', en: 'Received through the API (HIS, YTCS)' },
  ],
} as const satisfies Record<string, readonly CodeEntry[]>;

export type CodeListName = keyof typeof CODE_LISTS;
export type CodeOf<N extends CodeListName> = (typeof CODE_LISTS)[N][number]['code'];

export type Place = CodeOf<'PLACE'>;
export type AttendantKind = CodeOf<'ATTENDANT_KIND'>;
export type DeliveryMode = CodeOf<'DELIVERY_MODE'>;
export type LabTest = CodeOf<'LAB_TEST'>;
export type TestResult = CodeOf<'TEST_RESULT'>;
export type ViaResult = CodeOf<'VIA_RESULT'>;
export type CytologyResult = CodeOf<'CYTOLOGY_RESULT'>;
export type GlucoseResult = CodeOf<'GLUCOSE_RESULT'>;
export type ContraceptiveMethod = CodeOf<'CONTRACEPTIVE_METHOD'>;
export type AcceptorStatus = CodeOf<'ACCEPTOR_STATUS'>;
export type ObstetricComplication = CodeOf<'OBSTETRIC_COMPLICATION'>;
export type ContraceptiveComplication = CodeOf<'CONTRACEPTIVE_COMPLICATION'>;
export type ComplicationOutcome = CodeOf<'COMPLICATION_OUTCOME'>;
export type AbortionMethod = CodeOf<'ABORTION_METHOD'>;
export type GynVisitPurpose = CodeOf<'GYN_VISIT_PURPOSE'>;
export type EpisodeClosure = CodeOf<'EPISODE_CLOSURE'>;
export type MaternalDeathTiming = CodeOf<'MATERNAL_DEATH_TIMING'>;
export type DeathAuditStatus = CodeOf<'DEATH_AUDIT_STATUS'>;
export type Sex = CodeOf<'SEX'>;
export type RecordSource = CodeOf<'RECORD_SOURCE'>;

/** Which result list a test's result takes its code from. */
export const LAB_TEST_RESULT_LIST = {
  HBV: 'TEST_RESULT',
  SYPHILIS: 'TEST_RESULT',
  HIV: 'TEST_RESULT',
  BLOOD_GLUCOSE: 'GLUCOSE_RESULT',
  URINE_PROTEIN: 'TEST_RESULT',
  VIA_VILI: 'VIA_RESULT',
  CYTOLOGY: 'CYTOLOGY_RESULT',
  HPV: 'TEST_RESULT',
} as const satisfies Record<LabTest, CodeListName>;

export type ResultOf<T extends LabTest> = CodeOf<(typeof LAB_TEST_RESULT_LIST)[T]>;

export function codeList<N extends CodeListName>(name: N): (typeof CODE_LISTS)[N] {
  return CODE_LISTS[name];
}

export function codesOf<N extends CodeListName>(name: N): CodeOf<N>[] {
  return CODE_LISTS[name].map((entry: CodeEntry) => entry.code as CodeOf<N>);
}

/** Narrows untrusted input (API, Excel) to a code of the list. */
export function isCodeOf<N extends CodeListName>(name: N, value: unknown): value is CodeOf<N> {
  return typeof value === 'string' && CODE_LISTS[name].some((entry: CodeEntry) => entry.code === value);
}

/** The label of a code, or undefined when the list has no such code. */
export function labelOf<N extends CodeListName>(name: N, code: string, lang: Lang = 'vi'): string | undefined {
  return CODE_LISTS[name].find((entry: CodeEntry) => entry.code === code)?.[lang];
}
