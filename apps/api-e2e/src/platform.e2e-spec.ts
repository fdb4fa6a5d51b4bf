import { apiUrl, getJson } from './support/http';

describe('platform', () => {
  it('reports the database state on /api/health', async () => {
    const { status, body } = await getJson<{ status: string; database: { status: string; migrations: number } }>('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database.status).toBe('up');
    expect(body.database.migrations).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/admin-units', '/api/v1/admin-units/{code}/lineage', '/api/v1/facilities']),
    );
    const docs = await fetch(apiUrl('/api/docs'));
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('answers 401 without a session on every API route except sign-in, health and the document', async () => {
    for (const path of ['/api/v1/admin-units', '/api/v1/facilities', '/api/v1/facilities/CDC.11', '/api/v1/auth/me']) {
      const { status, body } = await getJson<{ code: string }>(path, null);
      expect([path, status, body.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
    expect((await getJson('/api/health', null)).status).toBe(200);
    expect((await getJson('/api/openapi.json', null)).status).toBe(200);
  });

  it('sends security headers and no framework banner', async () => {
    const { headers } = await getJson('/api/health');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-powered-by')).toBeNull();
  });
});
