import { apiUrl, getJson, useSession } from './support/http';
import { ErrorBody } from './types';

let token = '';
beforeAll(async () => {
  token = await useSession('vu.bmte');
});

describe('bad input gets a 400 with a machine-readable code, never a 500', () => {
  it.each([
    ['unknown level', '/api/v1/admin-units?level=hamlet', 'VALIDATION_FAILED', 'level'],
    ['malformed date', '/api/v1/admin-units?at=30/06/2025', 'VALIDATION_FAILED', 'at'],
    ['impossible date', '/api/v1/admin-units?at=2025-02-30', 'VALIDATION_FAILED', 'at'],
    ['page size over the maximum', '/api/v1/admin-units?pageSize=201', 'VALIDATION_FAILED', 'pageSize'],
    ['page zero', '/api/v1/facilities?page=0', 'VALIDATION_FAILED', 'page'],
    ['non-numeric page', '/api/v1/facilities?page=abc', 'VALIDATION_FAILED', 'page'],
    ['unknown parameter', '/api/v1/admin-units?province=11', 'VALIDATION_FAILED', 'province'],
    ['repeated parameter', '/api/v1/admin-units?level=province&level=commune', 'VALIDATION_FAILED', 'level'],
    ['bad parent code', '/api/v1/admin-units?parent=abc', 'VALIDATION_FAILED', 'parent'],
    ['search text too long', `/api/v1/admin-units?q=${'a'.repeat(101)}`, 'VALIDATION_FAILED', 'q'],
    ['unknown facility kind', '/api/v1/facilities?kind=HOSPITAL', 'VALIDATION_FAILED', 'kind'],
    ['bad lineage code', '/api/v1/admin-units/abc/lineage', 'VALIDATION_FAILED', 'code'],
    ['bad facility code', '/api/v1/facilities/drop%20table/reporting-chain', 'VALIDATION_FAILED', 'code'],
  ])('%s', async (_name, path, code, field) => {
    const { status, body } = await getJson<ErrorBody>(path);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message).toEqual(expect.any(String));
    expect(body.details?.map((d) => d.field)).toContain(field);
  });

  it('refuses a 10 kB query string', async () => {
    const { status, body } = await getJson<ErrorBody>(`/api/v1/admin-units?q=${'x'.repeat(10 * 1024)}`);
    expect(status).toBe(400);
    expect(body.code).toBe('URL_TOO_LONG');
  });

  it('answers an unknown parent with 404, not an empty list', async () => {
    const { status, body } = await getJson<ErrorBody>('/api/v1/admin-units?parent=99&at=2025-06-30');
    expect(status).toBe(404);
    expect(body.code).toBe('ADMIN_UNIT_NOT_FOUND');
  });

  it('treats SQL fragments in the search as text', async () => {
    const { status, body } = await getJson<{ total: number }>(`/api/v1/admin-units?q=${encodeURIComponent("x' OR '1'='1")}`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });

  it('answers unknown API paths with a 404 code, not the console page', async () => {
    const { status, body } = await getJson<ErrorBody>('/api/v1/no-such-thing');
    expect(status).toBe(404);
    expect(body.code).toBe('NOT_FOUND');
  });

  it('refuses writes to read-only resources with a code', async () => {
    const response = await fetch(apiUrl('/api/v1/admin-units'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as ErrorBody).code).toEqual(expect.any(String));
  });
});
