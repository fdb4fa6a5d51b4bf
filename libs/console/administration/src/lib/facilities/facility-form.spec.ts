import type { FacilityRecordDto } from '@skss/contract';
import {
  createBody,
  FacilityFormValue,
  normaliseCode,
  ownershipProblem,
  proposedOwnership,
  unitFits,
  unitLevelsOf,
  updateBody,
} from './facility-form';

const clinic: FacilityFormValue = {
  code: ' csyttn.11.001 ',
  name: '  Phòng khám Sản phụ khoa   Hồng Ngọc ',
  kind: 'PRIVATE_CLINIC',
  ownership: 'PRIVATE',
  maternalServices: true,
  childServices: false,
  address: '  ',
  kcbCode: '',
  adminUnit: { code: '11', name: 'Tỉnh Điện Biên', level: 'province' },
  validFrom: '2026-01-01',
  reportsToCode: 'CDC.11',
};

const saved: FacilityRecordDto = {
  code: 'CSYTTN.11.001',
  name: 'Phòng khám Sản phụ khoa Hồng Ngọc',
  kind: 'PRIVATE_CLINIC',
  level: 'province',
  ownership: 'PRIVATE',
  reportingGroup: 'private',
  maternalServices: true,
  childServices: false,
  kcbCode: null,
  address: null,
  adminUnit: { code: '11', name: 'Tỉnh Điện Biên', level: 'province' },
  validFrom: '2026-01-01',
  validTo: null,
  reportsTo: { code: 'CDC.11', name: 'CDC Điện Biên', kind: 'CDC', level: 'province' },
};

describe('the facility form', () => {
  it('creates with the code in capitals, texts trimmed, no empty address, and the first reporting line', () => {
    expect(createBody(clinic)).toEqual({
      code: 'CSYTTN.11.001',
      name: 'Phòng khám Sản phụ khoa Hồng Ngọc',
      kind: 'PRIVATE_CLINIC',
      ownership: 'PRIVATE',
      maternalServices: true,
      childServices: false,
      adminUnitCode: '11',
      validFrom: '2026-01-01',
      reportsToCode: 'CDC.11',
    });
    expect(createBody({ ...clinic, reportsToCode: null, address: 'Phường Him Lam' })).toMatchObject({ address: 'Phường Him Lam' });
    expect('reportsToCode' in createBody({ ...clinic, reportsToCode: null })).toBe(false);
    expect('kcbCode' in createBody(clinic)).toBe(false);
  });

  it('sends the KCB code without the spaces typed in it, and clears it with null', () => {
    expect(createBody({ ...clinic, kcbCode: ' 11 001 ' })).toMatchObject({ kcbCode: '11001' });
    expect(updateBody(saved, { ...clinic, kcbCode: '11001' })).toEqual({ kcbCode: '11001' });
    expect(updateBody({ ...saved, kcbCode: '11001' }, { ...clinic, kcbCode: '11001' })).toBeNull();
    expect(updateBody({ ...saved, kcbCode: '11001' }, { ...clinic, kcbCode: ' ' })).toEqual({ kcbCode: null });
  });

  it('updates only what changed, and clears an address with null', () => {
    expect(updateBody(saved, clinic)).toBeNull();
    expect(updateBody({ ...saved, address: 'Số 1' }, { ...clinic, childServices: true })).toEqual({ childServices: true, address: null });
    expect(updateBody(saved, { ...clinic, adminUnit: { code: '03127', name: 'Xã Mường Nhé', level: 'commune' } })).toEqual({
      adminUnitCode: '03127',
    });
  });

  it('proposes the ownership of a kind and flags the contradictions the API refuses', () => {
    expect(proposedOwnership('PRIVATE_CLINIC')).toBe('PRIVATE');
    expect(proposedOwnership('CENTRAL_FACILITY')).toBe('PUBLIC');
    expect(ownershipProblem('PRIVATE_CLINIC', 'PUBLIC')).toBe(true);
    expect(ownershipProblem('CDC', 'PRIVATE')).toBe(true);
    expect(ownershipProblem('PROVINCIAL_FACILITY', 'PRIVATE')).toBe(false);
    expect(ownershipProblem(null, 'PRIVATE')).toBe(false);
  });

  it('offers the unit levels a kind may be located at', () => {
    expect(unitLevelsOf('CDC')).toEqual(['province']);
    expect(unitLevelsOf('PRIVATE_CLINIC')).toEqual(['province', 'district', 'commune']);
    expect(unitFits('CDC', { code: '03127', name: 'Xã Mường Nhé', level: 'commune' })).toBe(false);
    expect(unitFits('PRIVATE_CLINIC', { code: '03127', name: 'Xã Mường Nhé', level: 'commune' })).toBe(true);
    expect(normaliseCode('bv. sannhi.11')).toBe('BV.SANNHI.11');
  });
});
