/**
 * Stand-in of the e-handbook's side: a webhook receiver that, when told of new changes, pulls them
 * from this system's feed with its integration account's client credentials (following `next`
 * until `hasMore` is false). Webhook calls are checked against their HMAC signature and counted
 * per Idempotency-Key; pulled changes are kept in order.
 * Run by hand: `SKSS_API_URL=http://localhost:3000 EHANDBOOK_CLIENT_ID=… EHANDBOOK_CLIENT_SECRET=…
 * WEBHOOK_SECRET=… REGISTER_WEBHOOK=1 PORT=8083 node tools/run-ts.js tools/stand-ins/ehandbook-client.ts`
 * (STANDIN_FAIL, STANDIN_SLOW_MS, STANDIN_DROP switch the webhook receiver).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { runByHand, sendJson, StandIn, startStandIn, Switches, switchesFromEnv } from './stand-in';

export interface HandbookChange {
  cursor: string;
  register: string;
  recordId: string;
  personId: string | null;
  op: string;
  record: Record<string, unknown> | null;
}

export interface EhandbookClientOptions {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  port?: number;
  switches?: Partial<Switches>;
  /** Pull when a webhook call arrives (default true). */
  pullOnNotice?: boolean;
}

export interface EhandbookClient extends StandIn {
  /** Webhook calls per Idempotency-Key. */
  notices: Map<string, number>;
  badSignatures: number;
  changes: HandbookChange[];
  cursor: string | undefined;
  /** Reads the feed from the cursor until caught up; returns the changes read. */
  pull(): Promise<HandbookChange[]>;
  /** Registers this receiver as the account's webhook. */
  register(): Promise<void>;
}

export async function startEhandbookClient(options: EhandbookClientOptions): Promise<EhandbookClient> {
  const authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  const notices = new Map<string, number>();
  const changes: HandbookChange[] = [];
  let cursor: string | undefined;
  let badSignatures = 0;
  let pulling: Promise<HandbookChange[]> | null = null;

  const pullOnce = async (): Promise<HandbookChange[]> => {
    const read: HandbookChange[] = [];
    for (;;) {
      const query = new URLSearchParams({ limit: '100', ...(cursor ? { since: cursor } : {}) });
      const response = await fetch(`${options.apiUrl}/api/v1/integration/ehandbook/changes?${query}`, { headers: { authorization } });
      if (!response.ok) throw new Error(`feed answered ${response.status}: ${await response.text()}`);
      const page = (await response.json()) as { items: HandbookChange[]; next: string; hasMore: boolean };
      read.push(...page.items);
      cursor = page.next;
      if (!page.hasMore) break;
    }
    changes.push(...read);
    return read;
  };
  // One pull at a time: a notice during a pull is served by the pull's own catching up.
  const pull = () => (pulling ??= pullOnce().finally(() => (pulling = null)));

  const standIn = await startStandIn(
    'e-handbook',
    (req, body, res) => {
      if (req.method !== 'POST') return sendJson(res, 404, { error: 'not found' });
      const expected = Buffer.from(`sha256=${createHmac('sha256', options.webhookSecret).update(body).digest('hex')}`);
      const presented = Buffer.from(String(req.headers['x-skss-signature'] ?? ''));
      if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) {
        badSignatures++;
        return sendJson(res, 401, { error: 'bad signature' });
      }
      const key = String(req.headers['idempotency-key'] ?? '(none)');
      notices.set(key, (notices.get(key) ?? 0) + 1);
      sendJson(res, 202, { accepted: true });
      if (options.pullOnNotice !== false) void pull().catch((error) => console.error(`[e-handbook stand-in] pull failed: ${error}`));
    },
    {
      port: options.port,
      switches: options.switches,
      state: () => ({ notices: Object.fromEntries(notices), badSignatures, changes: changes.length, cursor }),
      reset: () => {
        notices.clear();
        changes.length = 0;
        cursor = undefined;
      },
    },
  );
  const client: EhandbookClient = Object.assign(standIn, {
    notices,
    changes,
    get badSignatures() {
      return badSignatures;
    },
    get cursor() {
      return cursor;
    },
    pull,
    register: async () => {
      const response = await fetch(`${options.apiUrl}/api/v1/integration/ehandbook/webhook`, {
        method: 'PUT',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${standIn.url}/hooks/skss`, secret: options.webhookSecret }),
      });
      if (!response.ok) throw new Error(`webhook registration answered ${response.status}: ${await response.text()}`);
    },
  });
  return client;
}

if (process.argv[1] === __filename) {
  const env = process.env;
  void runByHand(async (port) => {
    const client = await startEhandbookClient({
      apiUrl: env['SKSS_API_URL'] ?? 'http://localhost:3000',
      clientId: env['EHANDBOOK_CLIENT_ID'] ?? '',
      clientSecret: env['EHANDBOOK_CLIENT_SECRET'] ?? '',
      webhookSecret: env['WEBHOOK_SECRET'] ?? 'change-me-at-least-16',
      port,
      switches: switchesFromEnv(),
    });
    if (env['REGISTER_WEBHOOK'] === '1') await client.register();
    return client;
  }, 8083);
}
