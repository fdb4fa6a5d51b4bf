import { reportingSegments, ReportingRule, ruleOn } from './reporting-rules';

const rules: ReportingRule[] = [
  {
    facilityKind: 'COMMUNE_HEALTH_STATION',
    reportsToKind: 'DISTRICT_HEALTH_CENTER',
    withinLevel: 'district',
    validFrom: null,
    validTo: '2025-06-30',
  },
  { facilityKind: 'COMMUNE_HEALTH_STATION', reportsToKind: 'CDC', withinLevel: 'province', validFrom: '2025-07-01', validTo: null },
  { facilityKind: 'CDC', reportsToKind: 'DEPARTMENT_OF_HEALTH', withinLevel: 'province', validFrom: null, validTo: null },
];

describe('reporting rules', () => {
  it('picks the rule in force on a day', () => {
    expect(ruleOn(rules, 'COMMUNE_HEALTH_STATION', '2025-06-30')?.reportsToKind).toBe('DISTRICT_HEALTH_CENTER');
    expect(ruleOn(rules, 'COMMUNE_HEALTH_STATION', '2025-07-01')?.reportsToKind).toBe('CDC');
    expect(ruleOn(rules, 'NCHI', '2025-07-01')).toBeUndefined();
  });

  it('splits a station that lives across the reform into two segments', () => {
    const segments = reportingSegments(rules, 'COMMUNE_HEALTH_STATION', { validFrom: '2020-01-01', validTo: null });
    expect(segments.map((s) => [s.rule.reportsToKind, s.period])).toEqual([
      ['DISTRICT_HEALTH_CENTER', { validFrom: '2020-01-01', validTo: '2025-06-30' }],
      ['CDC', { validFrom: '2025-07-01', validTo: null }],
    ]);
  });

  it('gives a station created after the reform only the new rule', () => {
    const segments = reportingSegments(rules, 'COMMUNE_HEALTH_STATION', { validFrom: '2025-07-01', validTo: null });
    expect(segments).toHaveLength(1);
    expect(segments[0].rule.reportsToKind).toBe('CDC');
  });

  it('refuses overlapping rules', () => {
    const overlapping: ReportingRule[] = [...rules, { ...rules[1], validFrom: '2025-01-01' }];
    expect(() => reportingSegments(overlapping, 'COMMUNE_HEALTH_STATION', { validFrom: null, validTo: null })).toThrow(/Overlapping/);
  });
});
