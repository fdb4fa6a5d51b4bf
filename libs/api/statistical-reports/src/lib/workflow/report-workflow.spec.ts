import { diffCells, flattenCells } from '../reports/draft-values';
import { formsDueFor, includedFormOf } from '../forms/form-catalogue';
import { aggregatesIncluding, ChildFacility, childReportsNotApproved } from './aggregate-rule';
import { canTransition, openActions, REPORT_ACTIONS, StoredStatus, TRANSITIONS, visibleStatus } from './report-workflow';

const station = (id: number): ChildFacility => ({
  id,
  code: `TYT.${id}`,
  name: `Trạm ${id}`,
  kind: 'COMMUNE_HEALTH_STATION',
  maternalServices: true,
  childServices: true,
});
const hospital: ChildFacility = {
  id: 9,
  code: 'BV.9',
  name: 'Bệnh viện',
  kind: 'CENTRAL_FACILITY',
  maternalServices: true,
  childServices: false,
};

describe('the workflow of a report', () => {
  const from = (status: StoredStatus | null) => REPORT_ACTIONS.filter((action) => canTransition(action, status));

  it('allows exactly these transitions from each stored status', () => {
    expect(from(null)).toEqual(['SENT']);
    expect(from('RECALLED')).toEqual(['SENT']);
    expect(from('RETURNED')).toEqual(['SENT']);
    expect(from('SENT')).toEqual(['RECALLED', 'RETURNED', 'APPROVED']);
    expect(from('APPROVED')).toEqual(['UNAPPROVAL_REQUESTED']);
    expect(from('UNAPPROVAL_REQUESTED')).toEqual(['UNAPPROVED']);
  });

  it('un-approval leads back to "sent", from where the sender may recall', () => {
    expect(TRANSITIONS.UNAPPROVED.to).toBe('SENT');
    expect(canTransition('RECALLED', TRANSITIONS.UNAPPROVED.to)).toBe(true);
  });

  it('requires a reason for a return and for asking un-approval only', () => {
    expect(REPORT_ACTIONS.filter((a) => TRANSITIONS[a].reasonRequired)).toEqual(['RETURNED', 'UNAPPROVAL_REQUESTED']);
  });

  it('derives "not started" and "draft" without a row, and shows a recalled report as a draft', () => {
    expect(visibleStatus(null, false)).toBe('NOT_STARTED');
    expect(visibleStatus(null, true)).toBe('DRAFT');
    expect(visibleStatus('RECALLED', false)).toBe('DRAFT');
    expect(visibleStatus('APPROVED', false)).toBe('APPROVED');
  });

  it('opens to each side only its own transitions', () => {
    expect(openActions('SENT', new Set(['sender']))).toEqual(['RECALLED']);
    expect(openActions('SENT', new Set(['approver']))).toEqual(['RETURNED', 'APPROVED']);
    expect(openActions('APPROVED', new Set())).toEqual([]);
  });
});

describe('the aggregate rule', () => {
  it('an upper form waits for every child station’s commune report to be approved', () => {
    const children = [station(1), station(2), station(3)];
    const missing = childReportsNotApproved('maternal-care', '2026-01', children, [
      { facilityId: 1, form: 'commune', status: 'APPROVED' },
      { facilityId: 2, form: 'commune', status: 'SENT' },
    ]);
    expect(missing.map((m) => [m.facility.id, m.form, m.status])).toEqual([
      [2, 'commune', 'SENT'],
      [3, 'commune', 'NOT_STARTED'],
    ]);
    expect(
      childReportsNotApproved('maternal-care', '2026-01', children.slice(0, 1), [
        { facilityId: 1, form: 'commune', status: 'UNAPPROVAL_REQUESTED' },
      ]),
    ).toEqual([]);
  });

  it('a child facility’s own form feeds only the same form, and only when it sends it', () => {
    expect(includedFormOf(hospital, 'maternal-care', '2026-01')).toBe('maternal-care');
    expect(includedFormOf(hospital, 'child-health', '2026-01')).toBeNull();
    expect(childReportsNotApproved('child-health', '2026-01', [hospital], [])).toEqual([]);
  });

  it('a child report cannot be un-approved while an aggregate including it is sent', () => {
    expect(aggregatesIncluding(station(1), 'commune', '2026-01', [{ form: 'maternal-care', status: 'SENT' }])).toEqual(['maternal-care']);
    expect(aggregatesIncluding(station(1), 'commune', '2026-01', [{ form: 'maternal-care', status: 'RECALLED' }])).toEqual([]);
  });
});

describe('forms due', () => {
  it('a station sends the commune form; a central hospital its own forms of the services it offers; the central units none', () => {
    expect(formsDueFor(station(1), '2026-01')).toEqual(['commune']);
    expect(formsDueFor(hospital, '2026-01')).toEqual(['maternal-care', 'obstetric-complications', 'gynaecology', 'family-planning']);
    expect(formsDueFor({ kind: 'MCH_DEPARTMENT', maternalServices: true, childServices: true }, '2026-01')).toEqual([]);
    expect(formsDueFor({ kind: 'DEPARTMENT_OF_HEALTH', maternalServices: false, childServices: false }, '2026-01')).toHaveLength(5);
  });
});

describe('changed since sent', () => {
  it('lists each differing cell with its sent and current value; a missing cell counts as 0', () => {
    const sent = flattenCells({ 'I.3': { total: 1, station: 1, outside: 0 } });
    const current = flattenCells({ 'I.3': { total: 2, station: 2, outside: 0 }, 'I.9.1': { 'deaths.total': 1 } });
    expect(diffCells(sent, current)).toEqual([
      { cell: 'I.3:total', row: 'I.3', column: 'total', sent: 1, current: 2 },
      { cell: 'I.3:station', row: 'I.3', column: 'station', sent: 1, current: 2 },
      { cell: 'I.9.1:deaths.total', row: 'I.9.1', column: 'deaths.total', sent: 0, current: 1 },
    ]);
    expect(diffCells(sent, sent)).toEqual([]);
  });
});
