import { DEFAULT_DEATH_DATA_ELEMENTS } from '@skss/api/core';
import { deathBodyOf, eventsOf } from './death-event';

describe('DHIS2 death event → death register body', () => {
  const event = {
    event: 'Hq3Kc4Vx9Lm',
    orgUnit: 'XA_27181',
    occurredAt: '2025-06-03T00:00:00.000',
    createdAt: '2025-06-05T09:12:00.000',
    updatedAt: '2025-06-05T09:12:00.000',
    dataValues: [
      { dataElement: 'A6_HO_TEN', value: 'Lò Thị Pọm' },
      { dataElement: 'A6_GIOI_TINH', value: 'Nữ' },
      { dataElement: 'A6_NGAY_SINH', value: '1995-02-01' },
      { dataElement: 'A6_NOI_TU_VONG', value: 'ON_THE_WAY' },
      { dataElement: 'A6_MA_ICD10', value: 'O72.1' },
      { dataElement: 'A6_TU_VONG_ME', value: 'true' },
      { dataElement: 'A6_THOI_DIEM_TU_VONG_ME', value: 'WITHIN_42_DAYS' },
    ],
  };

  it('keys the row by (DHIS2, event uid) and reads the mapped data elements', () => {
    expect(deathBodyOf(event, DEFAULT_DEATH_DATA_ELEMENTS, 'TYT.03127.2025', '2026-12-01')).toEqual({
      facilityCode: 'TYT.03127.2025',
      sourceSystem: 'DHIS2',
      sourceRecordId: 'Hq3Kc4Vx9Lm',
      recordedOn: '2025-06-05',
      diedOn: '2025-06-03',
      fullName: 'Lò Thị Pọm',
      sex: 'FEMALE',
      dateOfBirth: '1995-02-01',
      place: 'ON_THE_WAY',
      causeCode: 'O72.1',
      maternal: true,
      maternalTiming: 'WITHIN_42_DAYS',
      stillbirth: false,
    });
  });

  it('never records before the death nor after today', () => {
    expect(deathBodyOf({ ...event, createdAt: '2025-06-01T00:00:00' }, DEFAULT_DEATH_DATA_ELEMENTS, 'X', '2026-12-01')['recordedOn']).toBe(
      '2025-06-03',
    );
    expect(deathBodyOf({ ...event, createdAt: '2027-01-01T00:00:00' }, DEFAULT_DEATH_DATA_ELEMENTS, 'X', '2026-12-01')['recordedOn']).toBe(
      '2026-12-01',
    );
  });

  it('reads the events of both tracker API generations', () => {
    expect(eventsOf({ page: 1, events: [event] })).toHaveLength(1);
    expect(eventsOf({ instances: [event] })).toHaveLength(1);
    expect(eventsOf(null)).toEqual([]);
  });
});
