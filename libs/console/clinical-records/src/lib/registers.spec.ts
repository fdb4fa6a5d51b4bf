import { registerDefinition } from '@skss/domain';
import { cellText, CONSOLE_REGISTERS, listFields, rowListParams } from './registers';

const yesNo = { yes: 'Có', no: 'Không' };
const field = (register: 'anc-visits' | 'deliveries', key: string) => {
  const found = registerDefinition(register).fields.find((f) => f.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('register lists', () => {
  it('list every register the API serves, with columns that are fields of its definition', () => {
    expect(CONSOLE_REGISTERS.map((r) => r.code)).toEqual([
      'anc-visits',
      'deliveries',
      'abortions',
      'contraception',
      'gynaecology',
      'hpv-vaccinations',
      'child-exams',
      'deaths',
    ]);
    for (const register of CONSOLE_REGISTERS) {
      expect(listFields(register.code).map((f) => f.key)).toEqual(register.columns);
      // The date that decides the report month comes first.
      expect(register.columns[0]).toBe(registerDefinition(register.code).periodField);
    }
  });

  it('show days as dd/MM/yyyy, instants in Vietnam time, codes by label, numbers with their unit', () => {
    expect(cellText(field('anc-visits', 'visitDate'), '2025-03-07', 'vi', yesNo)).toBe('07/03/2025');
    expect(cellText(field('deliveries', 'deliveredAt'), '2025-03-06T17:30:00.000Z', 'vi', yesNo)).toBe('07/03/2025 00:30');
    expect(cellText(field('deliveries', 'mode'), 'CAESAREAN', 'vi', yesNo)).toBe('Mổ lấy thai');
    expect(cellText(field('deliveries', 'mode'), 'CAESAREAN', 'en', yesNo)).toBe('Caesarean section');
    expect(cellText(field('anc-visits', 'weightKg'), 52.5, 'vi', yesNo)).toBe('52,5 kg');
    expect(cellText(field('anc-visits', 'tetanusDoseGiven'), true, 'vi', yesNo)).toBe('Có');
    expect(cellText(field('anc-visits', 'gaWeeks'), null, 'vi', yesNo)).toBe('—');
  });

  it('ask the API for the page, month, facility and search of the list', () => {
    const facility = { code: 'TYT.03160.2025' };
    expect(rowListParams({ page: 2, pageSize: 50, search: 'lo thi', month: '2025-03', facility })).toEqual({
      page: 3,
      pageSize: 50,
      month: '2025-03',
      facilityCode: 'TYT.03160.2025',
      q: 'lo thi',
    });
    expect(rowListParams({ page: 0, pageSize: 20, search: '', month: null, facility: null })).toEqual({
      page: 1,
      pageSize: 20,
    });
  });
});
