import { buildDataValueSet, importSummary } from './dhis2-data-value-set';

describe('DHIS2 data value set of an approved report', () => {
  const map = {
    dataSet: 'H4WdjchZhmF',
    cells: {
      'I.1/total': { dataElement: 'ANC_LAN1' },
      'I.1/station': { dataElement: 'ANC_LAN1', categoryOptionCombo: 'IEweiFaTu3a' },
    },
  };

  it('sends each mapped cell with a value, as a string, with the month as period YYYYMM', () => {
    const { dataValueSet, unmapped } = buildDataValueSet(
      { form: 'commune', month: '2025-03', values: { 'I.1': { total: 25, station: 21, outside: null }, 'I.2': { total: 3 } } },
      map,
      'XA_27181',
      '2025-04-03',
    );
    expect(dataValueSet).toEqual({
      dataSet: 'H4WdjchZhmF',
      period: '202503',
      orgUnit: 'XA_27181',
      completeDate: '2025-04-03',
      dataValues: [
        { dataElement: 'ANC_LAN1', value: '25' },
        { dataElement: 'ANC_LAN1', categoryOptionCombo: 'IEweiFaTu3a', value: '21' },
      ],
    });
    expect(unmapped).toEqual(['I.2/total']);
  });

  it('keeps the status, counts and conflicts of an import summary, wrapped or not', () => {
    const summary = { status: 'SUCCESS', importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 }, conflicts: [] };
    expect(importSummary({ httpStatus: 'OK', response: summary })).toEqual(summary);
    expect(importSummary(summary)).toEqual(summary);
  });
});
