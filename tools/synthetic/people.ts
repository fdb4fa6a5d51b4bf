import { Random } from './random';

/**
 * Ethnicities and names of the pilot provinces. Codes are the GSO list (QĐ 121-TCTK/PPCĐ), the
 * 54 groups' official codes: 01 Kinh, 02 Tày, 03 Thái, 06 Mường, 07 Nùng, 08 HMông, 09 Dao,
 * 10 Gia-rai, 12 Ê-đê, 13 Ba-na, 14 Xơ-đăng, 20 Mnông, 25 Giáy, 27 Giẻ-Triêng, 28 Mạ, 29 Khơ-mú,
 * 33 Kháng, 34 Xinh-mun, 35 Hà Nhì, 37 Lào, 40 Phù Lá, 42 Lự, 50 Si La, 52 Brâu, 54 Rơ-măm.
 */
export const KINH = '01';

/** Share of Kinh in each pre-reform pilot province's population (census 2019, rounded). */
export const PROVINCE_KINH_SHARE: Record<string, number> = {
  '10': 0.34,
  '11': 0.18,
  '12': 0.15,
  '14': 0.17,
  '62': 0.46,
  '64': 0.54,
  '67': 0.68,
};

/** How the minority population of each province splits between groups (rounded; small groups pooled). */
export const PROVINCE_MINORITIES: Record<string, Record<string, number>> = {
  '10': { '08': 0.38, '02': 0.24, '09': 0.22, '25': 0.07, '07': 0.05, '40': 0.02, '35': 0.02 },
  '11': { '03': 0.46, '08': 0.42, '29': 0.04, '09': 0.02, '35': 0.02, '37': 0.02, '33': 0.01, '50': 0.01 },
  '12': { '08': 0.41, '03': 0.38, '09': 0.15, '35': 0.03, '25': 0.02, '42': 0.01 },
  '14': { '03': 0.65, '08': 0.19, '06': 0.1, '09': 0.02, '34': 0.02, '29': 0.015, '33': 0.005 },
  '62': { '14': 0.47, '13': 0.22, '27': 0.15, '10': 0.08, '02': 0.03, '07': 0.03, '52': 0.01, '54': 0.01 },
  '64': { '10': 0.7, '13': 0.27, '02': 0.015, '07': 0.015 },
  '67': { '20': 0.35, '08': 0.15, '07': 0.15, '02': 0.15, '12': 0.08, '28': 0.07, '09': 0.05 },
};

/** Births per year in each pre-reform pilot province (about 108,000 together), used as weights. */
export const PROVINCE_BIRTH_WEIGHT: Record<string, number> = {
  '10': 15,
  '11': 13,
  '12': 10,
  '14': 23,
  '62': 11,
  '64': 25,
  '67': 11,
};

type NameStyle = 'kinh' | 'tay' | 'thai' | 'hmong' | 'dao' | 'muong' | 'highland' | 'jarai' | 'ede' | 'mnong';

const STYLE_OF: Record<string, NameStyle> = {
  '01': 'kinh',
  '02': 'tay',
  '07': 'tay',
  '25': 'tay',
  '40': 'tay',
  '35': 'tay',
  '42': 'thai',
  '03': 'thai',
  '29': 'thai',
  '33': 'thai',
  '34': 'thai',
  '37': 'thai',
  '50': 'thai',
  '08': 'hmong',
  '09': 'dao',
  '06': 'muong',
  '10': 'jarai',
  '13': 'highland',
  '14': 'highland',
  '27': 'highland',
  '52': 'highland',
  '54': 'highland',
  '12': 'ede',
  '20': 'mnong',
  '28': 'mnong',
};

const FEMALE_GIVEN = ['Lan', 'Hương', 'Hoa', 'Mai', 'Thu', 'Hằng', 'Ngọc', 'Trang', 'Linh', 'Huyền', 'Nga', 'Phương', 'Thảo', 'Yến'];
const MALE_GIVEN = ['Minh', 'Hùng', 'Dũng', 'Tuấn', 'Nam', 'Long', 'Quân', 'Đức', 'Hải', 'Khánh', 'Bảo', 'An', 'Phúc', 'Thành'];

const STYLES: Record<NameStyle, { family: string[]; female: string[]; male: string[]; form: 'kinh' | 'hmong' | 'prefix' | 'ede' }> = {
  kinh: {
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Hà', 'Đinh', 'Trịnh'],
    female: [...FEMALE_GIVEN, 'Hạnh', 'Loan', 'Dung', 'Nhung', 'Vân', 'Oanh', 'Thủy', 'Quỳnh', 'Ánh', 'Hiền'],
    male: MALE_GIVEN,
    form: 'kinh',
  },
  tay: {
    family: ['Hoàng', 'Nông', 'Lục', 'Ma', 'Hà', 'Vi', 'Hứa', 'Lương', 'Triệu', 'Lành', 'Sầm', 'Vàng'],
    female: [...FEMALE_GIVEN, 'Mến', 'Thơm', 'Liên', 'Xuân', 'Hoài', 'Chanh'],
    male: MALE_GIVEN,
    form: 'kinh',
  },
  thai: {
    family: ['Lò', 'Quàng', 'Cầm', 'Lường', 'Tòng', 'Lù', 'Điêu', 'Vì', 'Bạc', 'Hà', 'Lê', 'Hoàng'],
    female: ['Xuân', 'Ơn', 'Pọm', 'Khăm', 'Ánh', 'Hiên', 'Dung', 'Nhung', 'Thoa', 'Panh', 'Lả', 'Ngoan', 'Thương', 'Muôn', 'Chiêng'],
    male: ['Sơn', 'Tiến', 'Quyết', 'Hùng', 'Phong', 'Thắng', 'Xuân', 'Hoan', 'Ún', 'Khiêm', 'Pánh'],
    form: 'kinh',
  },
  hmong: {
    family: ['Giàng', 'Sùng', 'Vàng', 'Mùa', 'Thào', 'Lý', 'Hờ', 'Lầu', 'Cứ', 'Hạng', 'Tráng', 'Chá', 'Vừ', 'Ly'],
    female: ['Mỷ', 'Dợ', 'Say', 'Pà', 'Chư', 'Xúa', 'Dính', 'Sua', 'Mai', 'Ly', 'Chá', 'Súa', 'Mỉ', 'Dua', 'Tông', 'Mo'],
    male: ['Páo', 'Dế', 'Chứ', 'Sử', 'Lử', 'Tủa', 'Vừ', 'Chang', 'Tồng', 'Dình', 'Sính', 'Giống'],
    form: 'hmong',
  },
  dao: {
    family: ['Triệu', 'Bàn', 'Lý', 'Đặng', 'Phùng', 'Chảo', 'Tẩn', 'Lò'],
    female: ['Mẩy', 'Nhất', 'Xiêm', 'Lai', 'Chài', 'Sinh', 'Mây', 'Phấy', 'Liên', 'Kiều'],
    male: ['Seo', 'Quẩy', 'Sành', 'Tả', 'Phin', 'Chòi', 'Vần', 'Kim'],
    form: 'kinh',
  },
  muong: {
    family: ['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa', 'Cao', 'Phạm'],
    female: [...FEMALE_GIVEN, 'Thơm', 'Mận'],
    male: MALE_GIVEN,
    form: 'kinh',
  },
  highland: {
    family: ['Y', 'A'],
    female: ['Nhung', 'Liên', 'Hoa', 'Blin', 'Thúy', 'Bông', 'Hương', 'Lý', 'Nga', 'Hnhăk', 'Đào', 'Din', 'Phương', 'Mai'],
    male: ['Phương', 'Thinh', 'Blưu', 'Tuy', 'Đôn', 'Hùng', 'Klăk', 'Sơ', 'Hlung', 'Nhá'],
    form: 'prefix',
  },
  jarai: {
    family: ['Rơ Châm', 'Ksor', 'Siu', 'Rơ Mah', 'Nay', 'Kpă', 'Rơ Lan', 'Puih', 'Rah Lan', 'Kpuih'],
    female: ["H'Bel", "H'Nga", "H'Yim", "H'Lan", "H'Bluih", "H'Yơn", "H'Nhi", "H'Mai", "H'Len", "H'Dơn"],
    male: ['Blơh', 'Đeo', 'Hyưn', 'Thuân', 'Tuyn', 'Dũng', 'Krông', 'Nghĩa'],
    form: 'kinh',
  },
  ede: {
    family: ['Niê', 'Êban', 'Byă', 'Ktla', 'Mlô', 'Adrơng', 'Buôn Yă'],
    female: ["H'Mai", "H'Lan", "H'Yến", "H'Nhi", "H'Loan", "H'Ly", "H'Dung"],
    male: ['Y Sao', 'Y Khoa', 'Y Nguyên', 'Y Bhin', 'Y Wai'],
    form: 'ede',
  },
  mnong: {
    family: ['Điểu', 'Thị', 'Y', 'Đinh'],
    female: ['Bình', 'Nhương', 'Lăn', "H'Loan", 'Srai', 'Ngọc', 'Nhi', 'Bích'],
    male: ['K’Rông', 'Đơm', 'Brừn', 'Điêng', 'Brông', 'Sơn'],
    form: 'prefix',
  },
};

/** A plausible full name for a person of the given ethnicity and sex. */
export function fullName(random: Random, ethnicity: string | null, female: boolean): string {
  const style = STYLES[STYLE_OF[ethnicity ?? KINH] ?? 'kinh'];
  const family = random.pick(style.family);
  const given = random.pick(female ? style.female : style.male);
  switch (style.form) {
    case 'hmong':
      return `${family} ${female ? 'Thị' : 'A'} ${given}`;
    case 'prefix':
      return family === 'Y' || family === 'A' ? `${female ? 'Y' : 'A'} ${given}` : `${family} ${female ? 'Thị' : 'Văn'} ${given}`;
    case 'ede':
      return `${given} ${family}`;
    default: {
      if (female) return `${family} Thị ${given}`;
      return `${family} ${random.pick(['Văn', 'Đức', 'Minh', 'Văn', 'Quang', 'Gia'])} ${given}`;
    }
  }
}

/**
 * Occupations of women of reproductive age in a rural mountain population, as codes of the project's
 * occupation catalog (prisma/seed/data/catalogs/occupations.json); children under 6 are 12, pupils 08.
 */
export const OCCUPATIONS: Record<string, number> = {
  '01': 0.6, // farmer
  '07': 0.08, // casual labourer
  '09': 0.07, // homemaker
  '06': 0.06, // trade and services
  '03': 0.06, // civil servant, teacher, health worker
  '02': 0.04, // worker
  '08': 0.04, // pupil or student
  '11': 0.02, // without work
  '05': 0.01, // office employee
  '99': 0.02, // other
};
export const OCCUPATION_CHILD = '12';
export const OCCUPATION_PUPIL = '08';
