import { PersonRecord } from '@skss/domain';
import { newbornChild } from './newborn-children';
import { personRefresh, StoredPerson } from './person-refresh';

const stored: StoredPerson = {
  fullName: 'Lò Thị Hoa',
  dateOfBirth: '1998-04-12',
  sex: 'FEMALE',
  citizenId: '011198123456',
  insuranceCard: null,
  ethnicityCode: null,
  nationalityCode: 'VN',
  occupationCode: null,
  phone: '0912345678',
  residence: { id: 1, communeCode: '03127', address: 'Bản Him Lam 2', validFrom: '2025-01-01', validTo: null },
};

const row = (overrides: Partial<PersonRecord> = {}): PersonRecord => ({
  fullName: 'Lo Thi Hoa',
  dateOfBirth: '1998-04-12',
  sex: 'FEMALE',
  citizenId: '011198123456',
  insuranceCard: null,
  ethnicityCode: null,
  occupationCode: null,
  nationalityCode: null,
  phone: null,
  communeCode: null,
  address: null,
  ...overrides,
});

describe('personRefresh', () => {
  it('a current record replaces phone and occupation, fills blanks, and moves her from its day', () => {
    const refresh = personRefresh(
      stored,
      row({ phone: '0987654321', occupationCode: '05', ethnicityCode: '03', insuranceCard: 'GD4111234567890', communeCode: '03160' }),
      '2026-03-10',
      true,
    );
    expect(refresh.set).toEqual({ phone: '0987654321', occupationCode: '05', ethnicityCode: '03', insuranceCard: 'GD4111234567890' });
    expect(refresh.move).toEqual({ communeCode: '03160', address: null, from: '2026-03-10' });
    expect(refresh.warnings).toEqual([]);
  });

  it('an older record only fills blanks: no new phone, no move', () => {
    const refresh = personRefresh(stored, row({ phone: '0987654321', occupationCode: '05', communeCode: '03160' }), '2024-06-01', true);
    expect(refresh).toEqual({ set: { occupationCode: '05' }, move: null, warnings: [] });
  });

  it('never overwrites name, date of birth, sex or a stored identifier or ethnicity: warnings instead', () => {
    const refresh = personRefresh(
      { ...stored, ethnicityCode: '01', insuranceCard: 'GD4111234567890' },
      row({ fullName: 'Tên Khác', dateOfBirth: '1998-04-13', sex: 'MALE', ethnicityCode: '03', insuranceCard: 'GD4119999999999' }),
      '2026-03-10',
      true,
    );
    expect(refresh.set).toEqual({});
    expect(refresh.warnings.map((w) => [w.field, w.code])).toEqual([
      ['insuranceCard', 'PERSON_DIFFERS'],
      ['fullName', 'PERSON_DIFFERS'],
      ['dateOfBirth', 'PERSON_DIFFERS'],
      ['sex', 'PERSON_DIFFERS'],
      ['ethnicityCode', 'PERSON_DIFFERS'],
    ]);
  });

  it('the same commune is no move; a person found by name only just gets the identifiers the record adds', () => {
    expect(personRefresh(stored, row({ communeCode: '03127' }), '2026-03-10', true).move).toBeNull();
    const probable = personRefresh({ ...stored, citizenId: null }, row({ phone: '0987654321', communeCode: '03160' }), '2026-03-10', false);
    expect(probable).toEqual({ set: { citizenId: '011198123456' }, move: null, warnings: [] });
  });

  it('a person whose last residence ended moves again only after it', () => {
    const ended = { ...stored, residence: { id: 1, communeCode: '03127', address: null, validFrom: '2025-01-01', validTo: '2025-12-31' } };
    expect(personRefresh(ended, row({ communeCode: '03160' }), '2025-06-01', true).move).toBeNull();
    expect(personRefresh(ended, row({ communeCode: '03160' }), '2026-01-05', true).move?.from).toBe('2026-01-05');
  });
});

describe('newbornChild', () => {
  it('names twins by birth order and takes the mother’s ethnicity when the newborn has none', () => {
    const facts = {
      motherName: 'Lò Thị Hoa',
      motherEthnicityCode: '03',
      motherNationalityCode: 'VN',
      birthOrder: 2,
      babies: 2,
      sex: 'MALE' as const,
      ethnicityCode: null,
      born: '2026-03-12',
    };
    expect(newbornChild(facts)).toEqual({
      fullName: 'Con thứ 2 của Lò Thị Hoa',
      dateOfBirth: '2026-03-12',
      sex: 'MALE',
      ethnicityCode: '03',
      nationalityCode: 'VN',
    });
    expect(newbornChild({ ...facts, babies: 1, birthOrder: 1 }).fullName).toBe('Con của Lò Thị Hoa');
  });
});
