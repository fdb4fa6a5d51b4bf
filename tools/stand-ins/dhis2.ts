/**
 * Stand-in of the health statistics software (a DHIS2 instance): the parts this system calls.
 * - POST /api/dataValueSets (JSON): stores the values, answers an import summary, and counts the
 *   calls per Idempotency-Key header (a delivery seen twice shows as a count of 2);
 * - GET /api/tracker/events?program=&updatedAfter=&page=&pageSize=: serves the events set with
 *   POST /__admin/events (upserted by uid), oldest update first.
 * Run by hand: `PORT=8081 node tools/run-ts.js tools/stand-ins/dhis2.ts` (STANDIN_FAIL=503,
 * STANDIN_SLOW_MS=5000, STANDIN_DROP=1 switch it at start).
 */
import { runByHand, sendJson, StandIn, startStandIn, Switches, switchesFromEnv } from './stand-in';

export interface Dhis2Event {
  event: string;
  program: string;
  orgUnit: string;
  occurredAt: string;
  createdAt: string;
  updatedAt: string;
  status?: string;
  dataValues: { dataElement: string; value: string }[];
}

export interface Dhis2StandIn extends StandIn {
  /** Calls per Idempotency-Key. */
  received: Map<string, number>;
  /** Every data value set received, in order. */
  dataValueSets: Record<string, unknown>[];
  /** Stored values by dataSet/period/orgUnit/dataElement/categoryOptionCombo. */
  values: Map<string, string>;
  events: Map<string, Dhis2Event>;
  upsertEvents(events: Dhis2Event[]): void;
}

export async function startDhis2StandIn(options: { port?: number; switches?: Partial<Switches> } = {}): Promise<Dhis2StandIn> {
  const received = new Map<string, number>();
  const dataValueSets: Record<string, unknown>[] = [];
  const values = new Map<string, string>();
  const events = new Map<string, Dhis2Event>();
  const upsertEvents = (list: Dhis2Event[]) => list.forEach((e) => events.set(e.event, e));
  const standIn = await startStandIn(
    'DHIS2',
    (req, body, res) => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (req.method === 'POST' && url.pathname === '/api/dataValueSets') {
        const key = String(req.headers['idempotency-key'] ?? '(none)');
        received.set(key, (received.get(key) ?? 0) + 1);
        const set = JSON.parse(body) as {
          dataSet: string;
          period: string;
          orgUnit: string;
          dataValues: { dataElement: string; categoryOptionCombo?: string; value: string }[];
        };
        dataValueSets.push({ ...set, idempotencyKey: key });
        let imported = 0;
        let updated = 0;
        for (const v of set.dataValues) {
          const id = [set.dataSet, set.period, set.orgUnit, v.dataElement, v.categoryOptionCombo ?? 'default'].join('/');
          if (values.has(id)) updated++;
          else imported++;
          values.set(id, v.value);
        }
        return sendJson(res, 200, {
          httpStatus: 'OK',
          httpStatusCode: 200,
          status: 'OK',
          response: {
            responseType: 'ImportSummary',
            status: 'SUCCESS',
            importCount: { imported, updated, ignored: 0, deleted: 0 },
            conflicts: [],
          },
        });
      }
      if (req.method === 'GET' && url.pathname === '/api/tracker/events') {
        const program = url.searchParams.get('program');
        const after = url.searchParams.get('updatedAfter');
        const page = Number(url.searchParams.get('page') ?? 1);
        const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
        const list = [...events.values()]
          .filter((e) => (!program || e.program === program) && (!after || e.updatedAt > after))
          .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
        return sendJson(res, 200, { page, pageSize, events: list.slice((page - 1) * pageSize, page * pageSize) });
      }
      return sendJson(res, 404, { httpStatusCode: 404, status: 'ERROR', message: `No stand-in for ${req.method} ${url.pathname}` });
    },
    {
      port: options.port,
      switches: options.switches,
      state: () => ({ received: Object.fromEntries(received), dataValueSets: dataValueSets.length, events: events.size }),
      reset: () => {
        received.clear();
        dataValueSets.length = 0;
        values.clear();
        events.clear();
      },
      admin: (req, body, res) => {
        if (req.method === 'POST' && req.url === '/__admin/events') {
          upsertEvents(JSON.parse(body) as Dhis2Event[]);
          return sendJson(res, 200, { events: events.size });
        }
        return sendJson(res, 404, { error: 'unknown admin path' });
      },
    },
  );
  return Object.assign(standIn, { received, dataValueSets, values, events, upsertEvents });
}

if (process.argv[1] === __filename) void runByHand((port) => startDhis2StandIn({ port, switches: switchesFromEnv() }), 8081);
