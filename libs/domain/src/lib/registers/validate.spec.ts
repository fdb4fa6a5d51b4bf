import { CodeEntry } from './code-lists';
import { fieldOptions } from './fields';
import { formatDateVi, formatNumberVi, rangeText } from './problems';
import { CollectionDefinition, FieldDefinition } from './register-definition';
import { checkField, parseDateInput, parseDateTimeInput, ProblemSink, readCollection, ValidationContext } from './validate';

const context: ValidationContext = { today: '2025-06-30' };
const label = { vi: 'Trường thử', en: 'Test field' };
const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key: 'x',
  label,
  type,
  required: false,
  ...extra,
});
const check = (f: FieldDefinition, raw: unknown, ctx: ValidationContext = context) => {
  const { value, problems } = checkField(f, raw, ctx);
  return { value, codes: problems.map((p) => p.code), messages: problems.map((p) => p.message) };
};

describe('empty values', () => {
  it.each([undefined, null, '', '   ', []])('treats %p as empty', (raw) => {
    expect(check(field('text'), raw)).toEqual({ value: null, codes: [], messages: [] });
  });

  it('refuses an empty required field with REQUIRED naming the label', () => {
    expect(check(field('text', { required: true }), ' ')).toEqual({
      value: null,
      codes: ['REQUIRED'],
      messages: ['Trường thử không được để trống'],
    });
  });

  it('stores the default of an empty field', () => {
    expect(check(field('boolean', { defaultValue: false }), undefined).value).toBe(false);
    expect(check(field('int', { defaultValue: 0 }), '').value).toBe(0);
    expect(check(field('codes', { codeList: 'SEX' }), null).value).toEqual([]);
  });
});

describe('dates', () => {
  const date = field('date');

  it('reads ISO days and Vietnamese day/month/year', () => {
    expect(check(date, '2025-03-07').value).toBe('2025-03-07');
    expect(check(date, ' 7/3/2025 ').value).toBe('2025-03-07');
    expect(check(date, '07/03/2025').value).toBe('2025-03-07');
  });

  it.each(['2025-02-30', '30/02/2025', '2025-3-7', '03/07/25', '2025-03-07T00:00:00Z', 'hôm qua', 45000, true])(
    'refuses %p with NOT_A_DATE',
    (raw) => {
      expect(check(date, raw).codes).toEqual(['NOT_A_DATE']);
    },
  );

  it('refuses a day after today (DATE_IN_FUTURE) but accepts today', () => {
    expect(check(date, '2025-06-30').value).toBe('2025-06-30');
    const { codes, messages } = check(date, '2025-07-01');
    expect(codes).toEqual(['DATE_IN_FUTURE']);
    expect(messages[0]).toBe('Trường thử (01/07/2025) không được sau ngày hôm nay (30/06/2025)');
  });

  it('accepts a future day where the field allows it', () => {
    expect(check(field('date', { allowFuture: true }), '2026-01-01').value).toBe('2026-01-01');
  });

  it('refuses a day before 1900 or before the field’s earliest day (DATE_TOO_EARLY)', () => {
    expect(check(date, '1899-12-31').codes).toEqual(['DATE_TOO_EARLY']);
    expect(check(field('date', { minDate: '2000-01-01' }), '1999-12-31').codes).toEqual(['DATE_TOO_EARLY']);
  });

  it('parses through the exported helper', () => {
    expect(parseDateInput('29/02/2024')).toBe('2024-02-29');
    expect(parseDateInput('29/02/2025')).toBeNull();
  });
});

describe('date-times', () => {
  const datetime = field('datetime');

  it('normalises an instant with its offset to UTC', () => {
    expect(check(datetime, '2025-01-31T23:30:00+07:00').value).toBe('2025-01-31T16:30:00.000Z');
    expect(check(datetime, '2025-01-31T16:30:00Z').value).toBe('2025-01-31T16:30:00.000Z');
    expect(check(datetime, '2025-01-31T16:30:00.5+0000').value).toBe('2025-01-31T16:30:00.500Z');
  });

  it('reads a time without offset as Vietnam time', () => {
    expect(check(datetime, '2025-01-31 23:30').value).toBe('2025-01-31T16:30:00.000Z');
    expect(check(datetime, '31/01/2025 23:30').value).toBe('2025-01-31T16:30:00.000Z');
    expect(check(datetime, '1/2/2025 0:10:05').value).toBe('2025-01-31T17:10:05.000Z');
  });

  it.each([
    '2025-02-30T10:00:00+07:00',
    '2025-01-31T24:00:00+07:00',
    '2025-01-31T10:60+07:00',
    '2025-01-31T10:00+15:00',
    '2025-01-31',
    1738316400000,
  ])('refuses %p with NOT_A_DATETIME', (raw) => {
    expect(check(datetime, raw).codes).toEqual(['NOT_A_DATETIME']);
  });

  it('compares with today in Vietnam time', () => {
    // 16:59 UTC on 30 June is 23:59 in Vietnam: today. 17:00 UTC is 1 July in Vietnam: the future.
    expect(check(datetime, '2025-06-30T16:59:00Z').codes).toEqual([]);
    expect(check(datetime, '2025-06-30T17:00:00Z').codes).toEqual(['DATE_IN_FUTURE']);
  });

  it('parses through the exported helper', () => {
    expect(parseDateTimeInput('2025-06-01T08:00:00-05:00')).toBe('2025-06-01T13:00:00.000Z');
    expect(parseDateTimeInput('not a time')).toBeNull();
  });
});

describe('numbers', () => {
  const int = field('int', { min: 1, max: 10 });
  const decimal = field('decimal', { min: 0.5, max: 60, scale: 1, unit: 'kg' });

  it('reads integers from numbers and digit strings', () => {
    expect(check(int, 7).value).toBe(7);
    expect(check(int, ' 7 ').value).toBe(7);
    expect(check(int, 7.0).value).toBe(7);
  });

  it.each([7.5, '7.5', '6.000', '7 tuần', 'abc', Number.NaN, true])('refuses %p as an integer (NOT_AN_INTEGER)', (raw) => {
    expect(check(int, raw).codes).toEqual(['NOT_AN_INTEGER']);
  });

  it('reads decimals with a point or a Vietnamese comma and rounds to the scale', () => {
    expect(check(decimal, '52,5').value).toBe(52.5);
    expect(check(decimal, '52.5').value).toBe(52.5);
    expect(check(decimal, 52.46).value).toBe(52.5);
    expect(check(decimal, '0,55').value).toBe(0.6);
  });

  it.each(['52,5 kg', '1.000,5', 'x', Number.POSITIVE_INFINITY])('refuses %p as a decimal (NOT_A_NUMBER)', (raw) => {
    expect(check(decimal, raw).codes).toEqual(['NOT_A_NUMBER']);
  });

  it('refuses a value outside the bounds with OUT_OF_RANGE and the range in Vietnamese', () => {
    expect(check(int, 0).codes).toEqual(['OUT_OF_RANGE']);
    expect(check(int, 11).messages).toEqual(['Trường thử phải từ 1 đến 10']);
    expect(check(decimal, '0,4').messages).toEqual(['Trường thử phải từ 0,5 đến 60 kg']);
    expect(check(int, 10).codes).toEqual([]);
  });

  it('uses the field’s own range code', () => {
    expect(check(field('int', { min: 300, max: 6000, rangeCode: 'BIRTH_WEIGHT_OUT_OF_RANGE' }), 6001).codes).toEqual([
      'BIRTH_WEIGHT_OUT_OF_RANGE',
    ]);
  });
});

describe('booleans', () => {
  const flag = field('boolean');

  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['Có', true],
    ['co', true],
    ['x', true],
    ['TRUE', true],
    ['Không', false],
    ['khong', false],
    ['false', false],
  ])('reads %p as %p', (raw, expected) => {
    expect(check(flag, raw).value).toBe(expected);
  });

  it.each(['có thể', 2, 'maybe'])('refuses %p (NOT_A_BOOLEAN)', (raw) => {
    expect(check(flag, raw)).toMatchObject({ value: null, codes: ['NOT_A_BOOLEAN'], messages: ['Trường thử phải là Có hoặc Không'] });
  });
});

describe('codes of fixed lists', () => {
  const sex = field('code', { codeList: 'SEX' });

  it('accepts the code, its lower case, or its label with or without diacritics', () => {
    expect(check(sex, 'FEMALE').value).toBe('FEMALE');
    expect(check(sex, 'female').value).toBe('FEMALE');
    expect(check(sex, 'Nữ').value).toBe('FEMALE');
    expect(check(sex, 'nu').value).toBe('FEMALE');
    expect(check(sex, 'Male').value).toBe('MALE');
  });

  it('refuses anything else with NOT_IN_LIST and the choices', () => {
    expect(check(sex, 'X')).toMatchObject({
      codes: ['NOT_IN_LIST'],
      messages: ['Trường thử: "X" không có trong danh mục (chọn một trong: Nam; Nữ)'],
    });
    expect(check(sex, { code: 'MALE' }).codes).toEqual(['NOT_IN_LIST']);
  });

  it('refuses a place the register does not use with PLACE_NOT_ALLOWED', () => {
    const place = { ...field('code', { codeList: 'PLACE', allowedCodes: ['FACILITY', 'HOME'] }), key: 'place' };
    expect(check(place, 'HOME').value).toBe('HOME');
    expect(check(place, 'OUTREACH').codes).toEqual(['PLACE_NOT_ALLOWED']);
    expect(check(place, 'OTHER_FACILITY').codes).toEqual(['PLACE_NOT_ALLOWED']);
    expect(check(place, 'SPACE').codes).toEqual(['NOT_IN_LIST']);
  });

  it('knows the label of OTHER_FACILITY for the death register', () => {
    const place = field('code', { codeList: 'PLACE', allowedCodes: ['FACILITY', 'OTHER_FACILITY'] });
    expect(check(place, 'Tại cơ sở y tế khác').value).toBe('OTHER_FACILITY');
    expect(fieldOptions(place).map((entry) => entry.code)).toEqual(['FACILITY', 'OTHER_FACILITY']);
  });

  it('matches lists defined outside code-lists.ts', () => {
    const options: CodeEntry[] = [{ code: 'A', vi: 'Một', en: 'One' }];
    expect(check(field('code', { options }), 'một').value).toBe('A');
    expect(check(field('code', { options }), 'B').codes).toEqual(['NOT_IN_LIST']);
  });
});

describe('codes of database catalogs', () => {
  const ethnicity = field('code', { catalog: 'ETHNICITY', maxLength: 4 });
  const catalogs = {
    ETHNICITY: [
      { code: '01', vi: 'Kinh', en: 'Kinh' },
      { code: '07', vi: 'Mông', en: 'Hmong' },
    ],
  };

  it('checks membership when the caller passes the catalog, by code, padded code or name', () => {
    const ctx = { ...context, catalogs };
    expect(check(ethnicity, '07', ctx).value).toBe('07');
    expect(check(ethnicity, 7, ctx).value).toBe('07');
    expect(check(ethnicity, 'mong', ctx).value).toBe('07');
    expect(check(ethnicity, '08', ctx).codes).toEqual(['NOT_IN_LIST']);
  });

  it('without the catalog, checks the 01–55 ethnicity codes and the shape of the others', () => {
    expect(check(ethnicity, '1').value).toBe('01');
    expect(check(ethnicity, '55').value).toBe('55');
    expect(check(ethnicity, '56').codes).toEqual(['NOT_IN_LIST']);
    expect(check(field('code', { catalog: 'NATIONALITY' }), 'vn').value).toBe('VN');
    expect(check(field('code', { catalog: 'NATIONALITY' }), 'VNM').codes).toEqual(['INVALID_FORMAT']);
    expect(check(field('code', { catalog: 'OCCUPATION', maxLength: 4 }), '12345').codes).toEqual(['TOO_LONG']);
  });

  it('offers the catalog’s entries as options', () => {
    expect(fieldOptions(ethnicity, catalogs)).toHaveLength(2);
    expect(fieldOptions(ethnicity)).toEqual([]);
  });
});

describe('lists of codes', () => {
  const treatments = field('codes', { catalog: 'GYN_TREATMENT' });

  it('reads an array or a comma/semicolon-separated text, dropping repeats', () => {
    expect(check(treatments, ['LEEP', 'cryo', 'LEEP']).value).toEqual(['LEEP', 'CRYO']);
    expect(check(treatments, 'LEEP; SYPHILIS, ').value).toEqual(['LEEP', 'SYPHILIS']);
  });

  it('places a bad item’s problem at its index', () => {
    const { problems } = checkField(treatments, ['LEEP', 'đốt điện'], context);
    expect(problems.map((p) => [p.field, p.code])).toEqual([['x[1]', 'INVALID_FORMAT']]);
  });

  it('refuses a value that is no list (NOT_A_LIST)', () => {
    expect(check(treatments, 12).codes).toEqual(['NOT_A_LIST']);
  });
});

describe('text', () => {
  const name = field('text', { minLength: 2, maxLength: 10 });

  it('stores NFC with single spaces, trimmed', () => {
    const nfd = 'Lò  Thị\tMai'.normalize('NFD');
    expect(check(field('text'), ` ${nfd} `).value).toBe('Lò Thị Mai'.normalize('NFC'));
    expect(check(field('text'), 12345).value).toBe('12345');
  });

  it('keeps line breaks in multi-line fields', () => {
    expect(check(field('text', { multiline: true }), ' dòng 1\r\ndòng 2 ').value).toBe('dòng 1\ndòng 2');
  });

  it('refuses control characters (INVALID_CHARACTERS)', () => {
    expect(check(field('text'), 'a\u0000b').codes).toEqual(['INVALID_CHARACTERS']);
    expect(check(field('text', { multiline: true }), 'a\u0007b').codes).toEqual(['INVALID_CHARACTERS']);
  });

  it('counts length in characters after trimming (TOO_SHORT, TOO_LONG)', () => {
    expect(check(name, ' A ').codes).toEqual(['TOO_SHORT']);
    expect(check(name, 'Đặng Thị Ư').value).toBe('Đặng Thị Ư');
    expect(check(name, 'Đặng Thị Ưa').messages).toEqual(['Trường thử không được dài quá 10 ký tự (đang có 11)']);
  });

  it('refuses objects (NOT_TEXT)', () => {
    expect(check(field('text'), { a: 1 }).codes).toEqual(['NOT_TEXT']);
  });
});

describe('formatted text', () => {
  it('normalises Vietnamese phone numbers and refuses others (PHONE_FORMAT)', () => {
    expect(check(field('text', { format: 'phone' }), '+84 912.345.678').value).toBe('0912345678');
    expect(check(field('text', { format: 'phone' }), '12345').codes).toEqual(['PHONE_FORMAT']);
  });

  it('normalises ICD-10 codes and refuses others (INVALID_FORMAT)', () => {
    const icd = field('text', { format: 'icd10' });
    expect(check(icd, 'o72.1').value).toBe('O72.1');
    expect(check(icd, 'P219').value).toBe('P21.9');
    expect(check(icd, 'R99').value).toBe('R99');
    expect(check(icd, 'băng huyết').codes).toEqual(['INVALID_FORMAT']);
  });

  it('checks five-digit commune codes (INVALID_FORMAT)', () => {
    expect(check(field('text', { format: 'communeCode' }), '03214').value).toBe('03214');
    expect(check(field('text', { format: 'communeCode' }), '3214').codes).toEqual(['INVALID_FORMAT']);
  });
});

describe('collections', () => {
  const collection: CollectionDefinition = {
    key: 'items',
    model: 'Item',
    label: { vi: 'Danh sách', en: 'Items' },
    itemLabel: { vi: 'Mục', en: 'Item' },
    minItems: 1,
    maxItems: 2,
    fields: [field('int', { key: 'n', required: true })],
  };
  const read = (raw: unknown) => {
    const sink = new ProblemSink();
    const items = readCollection(collection, raw, { context, sink, path: '', prefix: '' });
    return { items, problems: sink.problems.map((p) => [p.field, p.code, p.message]) };
  };

  it('reads items with paths and messages naming the item', () => {
    expect(read([{ n: 1 }, { n: 'x' }])).toEqual({
      items: [{ n: 1 }, { n: null }],
      problems: [['items[1].n', 'NOT_AN_INTEGER', 'Mục thứ 2: Trường thử phải là số nguyên (không có dấu chấm hay dấu phẩy)']],
    });
  });

  it('counts items (TOO_FEW_ITEMS, TOO_MANY_ITEMS)', () => {
    expect(read([]).problems.map((p) => p[1])).toEqual(['TOO_FEW_ITEMS']);
    expect(read(undefined).problems.map((p) => p[1])).toEqual(['TOO_FEW_ITEMS']);
    expect(read([{ n: 1 }, { n: 2 }, { n: 3 }]).problems.map((p) => p[1])).toEqual(['TOO_MANY_ITEMS']);
  });

  it('refuses a non-list and non-object items (NOT_A_LIST, NOT_AN_OBJECT)', () => {
    expect(read({ n: 1 }).problems.map((p) => p[1])).toEqual(['NOT_A_LIST']);
    expect(read(['x']).problems.map((p) => [p[0], p[1]])).toEqual([['items[0]', 'NOT_AN_OBJECT']]);
  });
});

describe('Vietnamese formatting of messages', () => {
  it('writes numbers with a dot for thousands and a comma for decimals', () => {
    expect(formatNumberVi(6000)).toBe('6.000');
    expect(formatNumberVi(1234567.5)).toBe('1.234.567,5');
    expect(formatNumberVi(0.5)).toBe('0,5');
    expect(formatNumberVi(-6)).toBe('−6');
  });

  it('writes days as day/month/year and ranges with their unit', () => {
    expect(formatDateVi('2025-03-07')).toBe('07/03/2025');
    expect(rangeText(300, 6000, 'g')).toBe('từ 300 đến 6.000 g');
    expect(rangeText(1, undefined)).toBe('từ 1 trở lên');
    expect(rangeText(undefined, 10, 'mũi')).toBe('không quá 10 mũi');
  });
});
