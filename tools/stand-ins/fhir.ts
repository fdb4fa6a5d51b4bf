/**
 * Stand-in of the Ministry's EHR repository (a FHIR R4 server): `POST /` with a transaction
 * Bundle. Conditional creates (`ifNoneExist`) find an existing resource by identifier (200) or
 * create it (201); conditional updates (`PUT Type?identifier=`) update or create; conditional
 * deletes remove. Calls are counted per Idempotency-Key header.
 * Run by hand: `PORT=8082 node tools/run-ts.js tools/stand-ins/fhir.ts` (STANDIN_FAIL, STANDIN_SLOW_MS, STANDIN_DROP).
 */
import { randomUUID } from 'node:crypto';
import { runByHand, sendJson, StandIn, startStandIn, Switches, switchesFromEnv } from './stand-in';

interface Entry {
  resource?: { resourceType: string; identifier?: { system: string; value: string }[] } & Record<string, unknown>;
  request: { method: string; url: string; ifNoneExist?: string };
}

export interface FhirStandIn extends StandIn {
  received: Map<string, number>;
  bundles: { idempotencyKey: string; bundle: { type: string; entry: Entry[] } }[];
  /** Stored resources by "Type|system|value" of their first identifier. */
  resources: Map<string, Record<string, unknown>>;
}

const FHIR_JSON = 'application/fhir+json';

export async function startFhirStandIn(options: { port?: number; switches?: Partial<Switches> } = {}): Promise<FhirStandIn> {
  const received = new Map<string, number>();
  const bundles: FhirStandIn['bundles'] = [];
  const resources = new Map<string, Record<string, unknown>>();
  const keyOf = (type: string, condition: string) => `${type}|${decodeURIComponent(condition.replace(/^identifier=/, ''))}`;
  const standIn = await startStandIn(
    'FHIR',
    (req, body, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/metadata')
        return sendJson(res, 200, { resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' }, FHIR_JSON);
      if (req.method !== 'POST' || (path !== '/' && path !== '')) {
        return sendJson(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] }, FHIR_JSON);
      }
      const bundle = JSON.parse(body) as { resourceType: string; type: string; entry: Entry[] };
      if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction') {
        return sendJson(
          res,
          400,
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'invalid', diagnostics: 'A transaction Bundle is expected' }],
          },
          FHIR_JSON,
        );
      }
      const key = String(req.headers['idempotency-key'] ?? '(none)');
      received.set(key, (received.get(key) ?? 0) + 1);
      bundles.push({ idempotencyKey: key, bundle });
      const responses = bundle.entry.map((entry) => {
        const [type, query] = entry.request.url.split('?');
        if (entry.request.method === 'POST') {
          const id = keyOf(type, entry.request.ifNoneExist ?? `identifier=${randomUUID()}`);
          if (resources.has(id)) return { status: '200 OK' };
          resources.set(id, { ...entry.resource, id: randomUUID() });
          return { status: '201 Created' };
        }
        const id = keyOf(type, query ?? '');
        if (entry.request.method === 'PUT') {
          const existed = resources.has(id);
          resources.set(id, { ...entry.resource, id: (resources.get(id)?.['id'] as string) ?? randomUUID() });
          return { status: existed ? '200 OK' : '201 Created' };
        }
        if (entry.request.method === 'DELETE') {
          resources.delete(id);
          return { status: '204 No Content' };
        }
        return { status: '405 Method Not Allowed' };
      });
      return sendJson(
        res,
        200,
        { resourceType: 'Bundle', type: 'transaction-response', entry: responses.map((response) => ({ response })) },
        FHIR_JSON,
      );
    },
    {
      port: options.port,
      switches: options.switches,
      state: () => ({ received: Object.fromEntries(received), bundles: bundles.length, resources: resources.size }),
      reset: () => {
        received.clear();
        bundles.length = 0;
        resources.clear();
      },
    },
  );
  return Object.assign(standIn, { received, bundles, resources });
}

if (process.argv[1] === __filename) void runByHand((port) => startFhirStandIn({ port, switches: switchesFromEnv() }), 8082);
