import { seedReferenceData } from '@skss/seed';
import { createTestUser, uniqueName, withDb } from './support/db';
import { request, signIn } from './support/http';
import { ErrorBody, FacilityRef, Page } from './types';

/**
 * Facility administration: creating facilities beyond the pilot set (central and sector hospitals,
 * private clinics), editing them, closing them and changing who checks their reports from a day,
 * with the reporting chain on each side of the change, cycles refused, the audit trail, and the
 * write scope (central administrators only). The facilities are created for this file; seeded
 * ones are only read or refused a change.
 */

interface FacilityRecord extends FacilityRef {
  ownership: 'PUBLIC' | 'PRIVATE';
  reportingGroup: 'central' | 'provincial' | 'commune' | 'private';
  maternalServices: boolean;
  childServices: boolean;
  address: string | null;
  kcbCode: string | null;
  adminUnit: { code: string; name: string; level: string } | null;
  validFrom: string | null;
  validTo: string | null;
  reportsTo: FacilityRef | null;
}
interface FacilityDetail extends FacilityRecord {
  at: string;
  reportingLines: { reportsTo: FacilityRef; validFrom: string | null; validTo: string | null }[];
}

const BASE = '/api/v1/administration/facilities';
const suffix = `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e3)}`;
const HOSPITAL = `BV.E2E.${suffix}`;
const CLINIC = `PK.E2E.${suffix}`;

let admin = '';
let province = '';

const post = <T = FacilityDetail & ErrorBody>(path: string, body: unknown, token = admin) =>
  request<T>(path, { method: 'POST', token, body });
const chainOn = async (code: string, at: string) => {
  const { status, body } = await request<{ chain: FacilityRef[] }>(`/api/v1/facilities/${code}/reporting-chain?at=${at}`, { token: admin });
  expect(status).toBe(200);
  return body.chain.map((f) => f.code);
};
const linesOf = (detail: FacilityDetail) => detail.reportingLines.map((l) => [l.reportsTo.code, l.validFrom, l.validTo]);

async function facilityRow(code: string): Promise<unknown> {
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT f.code, f.name, f.kind, f.ownership, f.maternal_services, f.child_services, f.address, f.valid_from, f.valid_to, f.updated_at,
              ARRAY(SELECT t.code || '@' || coalesce(l.valid_from::text, '') || '..' || coalesce(l.valid_to::text, '')
                    FROM facility_reporting_line l JOIN facility t ON t.id = l.reports_to_id WHERE l.facility_id = f.id ORDER BY l.id) AS lines
       FROM facility f WHERE f.code = $1`,
      [code],
    ),
  );
  return rows[0] ?? null;
}

beforeAll(async () => {
  admin = await signIn('nchi.admin');
  province = await signIn('syt.dienbien');
});

describe('creating facilities', () => {
  it('creates a central hospital in a province with its first reporting line, in the central reporting group', async () => {
    const { status, body } = await post(BASE, {
      code: HOSPITAL,
      name: 'Bệnh viện Quân y thử nghiệm',
      kind: 'CENTRAL_FACILITY',
      adminUnitCode: '11',
      address: 'Phường Mường Thanh, Điện Biên',
      validFrom: '2024-01-01',
      reportsToCode: 'SYT.11',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      code: HOSPITAL,
      kind: 'CENTRAL_FACILITY',
      ownership: 'PUBLIC',
      reportingGroup: 'central',
      maternalServices: true,
      childServices: true,
      adminUnit: { code: '11', level: 'province' },
      validFrom: '2024-01-01',
      validTo: null,
      reportsTo: { code: 'SYT.11' },
    });
    expect(linesOf(body)).toEqual([['SYT.11', '2024-01-01', null]]);
    expect(await chainOn(HOSPITAL, '2024-06-01')).toEqual([HOSPITAL, 'SYT.11', 'BYT.VBMTE']);
    // The read API of the org hierarchy sees it from its first day only.
    expect((await request(`/api/v1/facilities/${HOSPITAL}?at=2023-12-31`, { token: admin })).status).toBe(404);
  });

  it('creates a private clinic in a commune, private by default and grouped as private', async () => {
    const { status, body } = await post(BASE, {
      code: CLINIC,
      name: 'Phòng khám sản phụ khoa tư nhân thử nghiệm',
      kind: 'PRIVATE_CLINIC',
      adminUnitCode: '03127',
      childServices: false,
      validFrom: '2026-01-01',
      reportsToCode: HOSPITAL,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ ownership: 'PRIVATE', reportingGroup: 'private', childServices: false, adminUnit: { level: 'commune' } });
    expect(await chainOn(CLINIC, '2026-01-01')).toEqual([CLINIC, HOSPITAL, 'SYT.11', 'BYT.VBMTE']);
  });

  it('refuses what does not fit, each with its code, and creates nothing', async () => {
    const code = `BV.REFUSED.${suffix}`;
    const base = { code, name: 'Không được tạo', kind: 'CENTRAL_FACILITY', adminUnitCode: '11', validFrom: '2026-01-01' };
    for (const [body, expected] of [
      [{ ...base, code: 'CDC.11' }, [409, 'FACILITY_CODE_TAKEN', 'code']],
      [{ ...base, kind: 'PRIVATE_CLINIC', ownership: 'PUBLIC' }, [400, 'OWNERSHIP_CONFLICT', 'ownership']],
      [{ ...base, kind: 'CDC', adminUnitCode: '03127' }, [400, 'FACILITY_LOCATION_LEVEL', 'adminUnitCode']],
      [{ ...base, adminUnitCode: '094' }, [409, 'ADMIN_UNIT_NOT_IN_FORCE', 'adminUnitCode']],
      [{ ...base, kind: 'NCHI' }, [400, 'VALIDATION_FAILED', 'kind']],
      [{ ...base, reportsToCode: 'TTYT.094' }, [409, 'REPORTS_TO_NOT_IN_FORCE', 'reportsToCode']],
      [{ ...base, reportsToCode: 'KHONG.CO' }, [404, 'REPORTS_TO_NOT_FOUND', 'reportsToCode']],
    ] as const) {
      const answer = await post(BASE, body);
      expect([answer.status, answer.body.code, answer.body.details?.[0]?.field]).toEqual(expected);
    }
    expect(await facilityRow(code)).toBeNull();
  });
});

describe('KCB codes (mã cơ sở KCB BHYT, what HIS packages name a facility by)', () => {
  // Codes without this file's suffix: the listing test below finds this file's facilities by it.
  const other = suffix.split('').reverse().join('');
  const FIRST = `BV.KCB.${other}`;
  const SECOND = `BV.KCB2.${other}`;
  const patch = (code: string, body: unknown) =>
    request<FacilityDetail & ErrorBody>(`${BASE}/${code}`, { method: 'PATCH', token: admin, body });
  const storedKcb = async (code: string) =>
    (await withDb((db) => db.query<{ kcb_code: string | null }>(`SELECT kcb_code FROM facility WHERE code = $1`, [code]))).rows[0]
      ?.kcb_code;
  const hospital = (code: string, kcbCode?: string) => ({
    code,
    name: `Bệnh viện ${code}`,
    kind: 'CENTRAL_FACILITY',
    adminUnitCode: '11',
    validFrom: '2024-01-01',
    ...(kcbCode ? { kcbCode } : {}),
  });

  it('sets a KCB code on creation, changes it and clears it, each change in the audit trail', async () => {
    const created = await post(BASE, hospital(FIRST, '11901'));
    expect([created.status, created.body.kcbCode]).toEqual([201, '11901']);
    expect((await post(BASE, hospital(SECOND))).body.kcbCode).toBeNull();

    const changed = await patch(FIRST, { kcbCode: '11906' });
    expect([changed.status, changed.body.kcbCode]).toEqual([200, '11906']);
    expect((await request<FacilityDetail>(`${BASE}/${FIRST}`, { token: province })).body.kcbCode).toBe('11906');
    // The list finds a facility by its KCB code.
    const found = await request<Page<FacilityRecord>>(`${BASE}?q=11906`, { token: admin });
    expect(found.body.items.map((f) => [f.code, f.kcbCode])).toEqual([[FIRST, '11906']]);

    const cleared = await patch(FIRST, { kcbCode: null });
    expect([cleared.status, cleared.body.kcbCode, await storedKcb(FIRST)]).toEqual([200, null, null]);
    const set = await patch(SECOND, { kcbCode: '11906' }); // free again once cleared
    expect([set.status, set.body.kcbCode]).toEqual([200, '11906']);

    const { rows } = await withDb((db) =>
      db.query(
        `SELECT a.action, a.before->>'kcbCode' AS before, a.after->>'kcbCode' AS after FROM audit_event a
         JOIN facility f ON a.entity_type = 'Facility' AND a.entity_id = f.id::text WHERE f.code = $1 ORDER BY a.id`,
        [FIRST],
      ),
    );
    expect(rows).toEqual([
      { action: 'CREATE', before: null, after: '11901' },
      { action: 'UPDATE', before: '11901', after: '11906' },
      { action: 'UPDATE', before: '11906', after: null },
    ]);
  });

  it('refuses a KCB code another facility has (as its KCB code or its own code): 409 KCB_CODE_TAKEN, nothing changed', async () => {
    await patch(FIRST, { kcbCode: '11903' });
    const taken = await patch(FIRST, { kcbCode: '11906' });
    expect([taken.status, taken.body.code, taken.body.details?.[0]?.field, taken.body.details?.[0]?.code]).toEqual([
      409,
      'KCB_CODE_TAKEN',
      'kcbCode',
      'KCB_CODE_TAKEN',
    ]);
    expect(taken.body.message).toContain(SECOND);
    const third = `BV.KCB3.${other}`;
    const onCreate = await post(BASE, hospital(third, '11906'));
    expect([onCreate.status, onCreate.body.code, onCreate.body.details?.[0]?.field]).toEqual([409, 'KCB_CODE_TAKEN', 'kcbCode']);
    expect(await facilityRow(third)).toBeNull();
    // A facility registered under a 5-digit code: packages naming 11904 go to it, so no other facility may take it.
    expect((await post(BASE, hospital('11904'))).status).toBe(201);
    const ownCode = await patch(FIRST, { kcbCode: '11904' });
    expect([ownCode.status, ownCode.body.code]).toEqual([409, 'KCB_CODE_TAKEN']);
    expect((await patch('11904', { kcbCode: '11904' })).body.kcbCode).toBe('11904');
    expect([await storedKcb(FIRST), await storedKcb(SECOND)]).toEqual(['11903', '11906']);
  });

  it('refuses a KCB code that is not 5 digits: 400 with the field and its code', async () => {
    for (const kcbCode of ['1190', '119055', '11a05', 'TYT.03127.2025', '', 11905]) {
      const answer = await patch(FIRST, { kcbCode });
      expect([kcbCode, answer.status, answer.body.code, answer.body.details?.[0]?.field, answer.body.details?.[0]?.code]).toEqual([
        kcbCode,
        400,
        'VALIDATION_FAILED',
        'kcbCode',
        'MATCHES',
      ]);
    }
    const onCreate = await post(BASE, hospital(`BV.KCB4.${other}`, '1-190'));
    expect([onCreate.status, onCreate.body.details?.[0]?.field, onCreate.body.details?.[0]?.code]).toEqual([400, 'kcbCode', 'MATCHES']);
    expect(await storedKcb(FIRST)).toBe('11903');
  });
});

describe('editing, reporting lines and closing', () => {
  it('edits the attributes the forms group by, and records before and after in the audit trail', async () => {
    const { status, body } = await request<FacilityDetail>(`${BASE}/${HOSPITAL}`, {
      method: 'PATCH',
      token: admin,
      body: { name: 'Bệnh viện Quân y 7 (thử nghiệm)', maternalServices: false, address: null },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Bệnh viện Quân y 7 (thử nghiệm)', maternalServices: false, childServices: true, address: null });
    const { rows } = await withDb((db) =>
      db.query(
        `SELECT action, actor_username, before->>'name' AS before, after->>'name' AS after FROM audit_event
         WHERE entity_type = 'Facility' AND after->>'code' = $1 ORDER BY id`,
        [HOSPITAL],
      ),
    );
    expect(rows).toEqual([
      { action: 'CREATE', actor_username: 'nchi.admin', before: null, after: 'Bệnh viện Quân y thử nghiệm' },
      { action: 'UPDATE', actor_username: 'nchi.admin', before: 'Bệnh viện Quân y thử nghiệm', after: 'Bệnh viện Quân y 7 (thử nghiệm)' },
    ]);
  });

  it('changes who checks the reports from a day: the old line ends the day before, the chain follows on each side', async () => {
    const { status, body } = await post(`${BASE}/${HOSPITAL}/reports-to`, { reportsToCode: 'CDC.11', validFrom: '2026-01-01' });
    expect(status).toBe(200);
    expect(linesOf(body)).toEqual([
      ['SYT.11', '2024-01-01', '2025-12-31'],
      ['CDC.11', '2026-01-01', null],
    ]);
    expect(body.reportsTo?.code).toBe('CDC.11');
    expect(await chainOn(HOSPITAL, '2025-12-31')).toEqual([HOSPITAL, 'SYT.11', 'BYT.VBMTE']);
    expect(await chainOn(HOSPITAL, '2026-01-01')).toEqual([HOSPITAL, 'CDC.11', 'SYT.11', 'BYT.VBMTE']);
    expect(await chainOn(CLINIC, '2026-01-01')).toEqual([CLINIC, HOSPITAL, 'CDC.11', 'SYT.11', 'BYT.VBMTE']);
    const before = await request<FacilityDetail>(`${BASE}/${HOSPITAL}?at=2025-12-31`, { token: province });
    expect([before.status, before.body.reportsTo?.code]).toEqual([200, 'SYT.11']);

    const { rows } = await withDb((db) =>
      db.query(
        `SELECT a.action, a.before->>'validTo' AS before_to, a.after->>'validTo' AS after_to
         FROM audit_event a JOIN facility f ON f.code = $1
         WHERE a.entity_type = 'FacilityReportingLine' AND (a.after->>'facilityId')::int = f.id ORDER BY a.id`,
        [HOSPITAL],
      ),
    );
    expect(rows).toEqual([
      { action: 'CREATE', before_to: null, after_to: null },
      { action: 'UPDATE', before_to: null, after_to: '2025-12-31T00:00:00.000Z' },
      { action: 'CREATE', before_to: null, after_to: null },
    ]);
  });

  it('refuses a line that would make a facility check its own reports, on any day, and changes nothing', async () => {
    const before = [await facilityRow('SYT.11'), await facilityRow(HOSPITAL)];
    // SYT.11 ← CDC.11 ← the hospital: the Department of Health cannot report to the hospital.
    const loop = await post('/api/v1/administration/facilities/SYT.11/reports-to', { reportsToCode: HOSPITAL, validFrom: '2026-03-01' });
    expect([loop.status, loop.body.code, loop.body.details?.[0]?.field]).toEqual([409, 'REPORTING_CYCLE', 'reportsToCode']);
    // The hospital cannot report to the clinic that reports to it, nor to itself.
    const viaClinic = await post(`${BASE}/${HOSPITAL}/reports-to`, { reportsToCode: CLINIC, validFrom: '2026-02-01' });
    expect([viaClinic.status, viaClinic.body.code]).toEqual([409, 'REPORTING_CYCLE']);
    const itself = await post(`${BASE}/${HOSPITAL}/reports-to`, { reportsToCode: HOSPITAL, validFrom: '2026-02-01' });
    expect([itself.status, itself.body.code]).toEqual([409, 'REPORTING_CYCLE']);
    // Before the clinic existed there is no loop through it.
    const earlier = await post(`${BASE}/${HOSPITAL}/reports-to`, { reportsToCode: CLINIC, validFrom: '2025-06-01' });
    expect([earlier.status, earlier.body.code]).toEqual([409, 'REPORTS_TO_NOT_IN_FORCE']);
    expect([await facilityRow('SYT.11'), await facilityRow(HOSPITAL)]).toEqual(before);
    expect(await chainOn('TYT.03127.2025', '2026-03-01')).toEqual(['TYT.03127.2025', 'CDC.11', 'SYT.11', 'BYT.VBMTE']);
  });

  it('refuses a reporting line to a facility that is not in force on its first day', async () => {
    const ended = await post(`${BASE}/${HOSPITAL}/reports-to`, { reportsToCode: 'TTYT.094', validFrom: '2026-02-01' });
    expect([ended.status, ended.body.code]).toEqual([409, 'REPORTS_TO_NOT_IN_FORCE']);
    const tooEarly = await post(`${BASE}/${CLINIC}/reports-to`, { reportsToCode: 'CDC.11', validFrom: '2025-01-01' });
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, 'FACILITY_NOT_IN_FORCE']);
  });

  it('lists facilities by the row groups of the provincial forms', async () => {
    const group = async (query: string) => {
      const { status, body } = await request<Page<FacilityRecord>>(`${BASE}?at=2026-01-01&pageSize=200&${query}`, { token: province });
      expect(status).toBe(200);
      return body.items;
    };
    // Other files create facilities too: this file's are found by the suffix of their codes.
    expect((await group(`reportingGroup=central&parent=11&q=${suffix}`)).map((f) => [f.code, f.reportingGroup])).toEqual([
      [HOSPITAL, 'central'],
    ]);
    expect((await group(`reportingGroup=private&parent=11&q=${suffix}`)).map((f) => [f.code, f.reportingGroup])).toEqual([
      [CLINIC, 'private'],
    ]);
    expect(await group(`reportingGroup=provincial&q=${suffix}`)).toEqual([]);
    const provincial = await group('reportingGroup=provincial&parent=11');
    expect(provincial.map((f) => f.code).sort()).toEqual(['CDC.11', 'SYT.11']);
    expect((await group('reportingGroup=commune&parent=11&q=dien%20bien%20phu')).map((f) => [f.code, f.reportingGroup])).toEqual([
      ['TYT.03127.2025', 'commune'],
    ]);
    expect(await group('reportingGroup=private&kind=CDC')).toEqual([]);
  });

  it('closes a facility only once nobody reports through it any more; its own lines end with it', async () => {
    const refused = await post(`${BASE}/${HOSPITAL}/close`, { validTo: '2026-06-30' });
    expect([refused.status, refused.body.code, refused.body.details?.map((d) => d.message)]).toEqual([
      409,
      'FACILITY_HAS_REPORTERS',
      [`${CLINIC} báo cáo qua ${HOSPITAL} sau ngày 2026-06-30`],
    ]);
    const moved = await post(`${BASE}/${CLINIC}/reports-to`, { reportsToCode: 'CDC.11', validFrom: '2026-07-01' });
    expect(linesOf(moved.body)).toEqual([
      [HOSPITAL, '2026-01-01', '2026-06-30'],
      ['CDC.11', '2026-07-01', null],
    ]);
    const closed = await post(`${BASE}/${HOSPITAL}/close`, { validTo: '2026-06-30' });
    expect([closed.status, closed.body.validTo, linesOf(closed.body)]).toEqual([
      200,
      '2026-06-30',
      [
        ['SYT.11', '2024-01-01', '2025-12-31'],
        ['CDC.11', '2026-01-01', '2026-06-30'],
      ],
    ]);
    expect(await chainOn(CLINIC, '2026-06-30')).toEqual([CLINIC, HOSPITAL, 'CDC.11', 'SYT.11', 'BYT.VBMTE']);
    expect(await chainOn(CLINIC, '2026-07-01')).toEqual([CLINIC, 'CDC.11', 'SYT.11', 'BYT.VBMTE']);
    expect((await request(`/api/v1/facilities/${HOSPITAL}?at=2026-07-01`, { token: admin })).status).toBe(404);
    const again = await post(`${BASE}/${HOSPITAL}/close`, { validTo: '2026-12-31' });
    expect([again.status, again.body.code]).toEqual([409, 'FACILITY_ALREADY_CLOSED']);
  });

  it('leaves the central agencies alone', async () => {
    const answer = await request<ErrorBody>(`${BASE}/BYT.TTTTYTQG`, { method: 'PATCH', token: admin, body: { name: 'Đổi tên' } });
    expect([answer.status, answer.body.code]).toEqual([409, 'CENTRAL_AGENCY_FIXED']);
  });
});

describe('who may administer facilities', () => {
  it('refuses every change to roles without facilities.manage (403 FORBIDDEN), changing nothing', async () => {
    const before = await facilityRow(CLINIC);
    for (const username of ['vu.bmte', 'syt.dienbien', 'cdc.dienbien', 'tyt.dienbienphu']) {
      const token = await signIn(username);
      for (const [method, path, body] of [
        ['POST', BASE, { code: `BV.X.${suffix}`, name: 'x', kind: 'CENTRAL_FACILITY', adminUnitCode: '11', validFrom: '2026-01-01' }],
        ['PATCH', `${BASE}/${CLINIC}`, { name: 'Đổi tên' }],
        ['POST', `${BASE}/${CLINIC}/close`, { validTo: '2026-12-31' }],
        ['POST', `${BASE}/${CLINIC}/reports-to`, { reportsToCode: 'SYT.11', validFrom: '2026-09-01' }],
      ] as const) {
        const answer = await request<ErrorBody>(path, { method, token, body });
        expect([username, method, path, answer.status, answer.body.code]).toEqual([username, method, path, 403, 'FORBIDDEN']);
      }
      // Reading is for everyone with org.read.
      expect((await request(`${BASE}/${CLINIC}`, { token })).status).toBe(200);
    }
    expect(await facilityRow(CLINIC)).toEqual(before);
  });

  it('refuses facilities.manage held outside the central units: 403 OUT_OF_SCOPE', async () => {
    const role = `E2E_FAC_${suffix}`;
    await withDb((db) =>
      db.query(
        `INSERT INTO role (code, name, permissions, updated_at) VALUES ($1, 'Quản lý cơ sở tuyến tỉnh (thử)', '{org.read,facilities.manage}', now())`,
        [role],
      ),
    );
    const username = uniqueName('fac.syt.manager');
    await createTestUser({ username, facility: 'SYT.11', role, password: 'Trạm-Xá#2026!kq' });
    const token = await signIn(username, 'Trạm-Xá#2026!kq');
    const before = await facilityRow(CLINIC);
    const edit = await request<ErrorBody>(`${BASE}/${CLINIC}`, { method: 'PATCH', token, body: { name: 'Đổi ngoài phạm vi' } });
    expect([edit.status, edit.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const line = await post(`${BASE}/${CLINIC}/reports-to`, { reportsToCode: 'SYT.11', validFrom: '2026-09-01' }, token);
    expect([line.status, line.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await facilityRow(CLINIC)).toEqual(before);
  });

  it('keeps what an administrator changed in a seeded facility when the reference data is loaded again, and restores the rest', async () => {
    const { rows } = await withDb((db) =>
      db.query<{ code: string; name: string }>(
        // Two seeded stations (other spec files create stations of their own, coded otherwise).
        `SELECT code, name FROM facility WHERE code ~ '^TYT\\.[0-9]{5}\\.2025$' AND valid_to IS NULL ORDER BY code DESC LIMIT 2`,
      ),
    );
    const [edited, untouched] = rows;
    const renamed = `${edited.name} (đổi tên)`;
    const namesOf = async () =>
      Object.fromEntries(
        (
          await withDb((db) =>
            db.query<{ code: string; name: string }>(`SELECT code, name FROM facility WHERE code = ANY($1::text[])`, [
              [edited.code, untouched.code],
            ]),
          )
        ).rows.map((r) => [r.code, r.name]),
      );
    try {
      expect((await request(`${BASE}/${edited.code}`, { method: 'PATCH', token: admin, body: { name: renamed } })).status).toBe(200);
      // A change made in SQL, outside the API and its audit trail, is not an administrator's: the seed restores it.
      await withDb((db) => db.query(`UPDATE facility SET name = 'Tên sai' WHERE code = $1`, [untouched.code]));
      await seedReferenceData(process.env['SKSS_TEST_DATABASE_URL'] ?? '', { force: true });
      expect(await namesOf()).toEqual({ [edited.code]: renamed, [untouched.code]: untouched.name });
    } finally {
      await request(`${BASE}/${edited.code}`, { method: 'PATCH', token: admin, body: { name: edited.name } });
    }
  });

  it('gives facilities.manage to the seeded NCHI_ADMIN role, and to databases seeded before it existed, once', async () => {
    const role = await request<{ permissions: string[] }>('/api/v1/roles/NCHI_ADMIN', { token: admin });
    expect(role.body.permissions).toContain('facilities.manage');
    const me = await request<{ permissions: string[] }>('/api/v1/auth/me', { token: admin });
    expect(me.body.permissions).toContain('facilities.manage');

    const permissionsOf = async () =>
      (await withDb((db) => db.query<{ permissions: string[] }>(`SELECT permissions FROM role WHERE code = 'NCHI_ADMIN'`))).rows[0]
        .permissions;
    const remove = () =>
      withDb((db) => db.query(`UPDATE role SET permissions = array_remove(permissions, 'facilities.manage') WHERE code = 'NCHI_ADMIN'`));
    try {
      // A database seeded before the permission existed: the role lacks it and no grant is recorded.
      await remove();
      await withDb((db) => db.query(`DELETE FROM seed_run WHERE name = 'grant:NCHI_ADMIN:facilities.manage'`));
      await seedReferenceData(process.env['SKSS_TEST_DATABASE_URL'] ?? '');
      expect(await permissionsOf()).toContain('facilities.manage');
      // An administrator takes it away afterwards: the next start-up leaves it so.
      await remove();
      await seedReferenceData(process.env['SKSS_TEST_DATABASE_URL'] ?? '');
      expect(await permissionsOf()).not.toContain('facilities.manage');
    } finally {
      await withDb((db) =>
        db.query(
          `UPDATE role SET permissions = array_append(permissions, 'facilities.manage') WHERE code = 'NCHI_ADMIN' AND NOT ('facilities.manage' = ANY(permissions))`,
        ),
      );
    }
  });
});
