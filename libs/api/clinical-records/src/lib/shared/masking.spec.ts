import { maskCitizenId, maskInsuranceCard, maskPhone } from './masking';

describe('masking identifiers in lists', () => {
  it('keeps the first four and last two digits of a citizen id', () => {
    expect(maskCitizenId('001123456745')).toBe('0011******45');
    expect(maskCitizenId(null)).toBeNull();
  });

  it('keeps the group, benefit level and province of an insurance card', () => {
    expect(maskInsuranceCard('GD4797920387349')).toBe('GD479********49');
    expect(maskInsuranceCard('7920387349')).toBe('792*****49');
  });

  it('masks phone numbers and never reveals a value too short to mask', () => {
    expect(maskPhone('0912345678')).toBe('0912****78');
    expect(maskPhone('12345')).toBe('*****');
  });
});
