import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Switches every stand-in has, set at start (env) or at run time (POST /__admin/switches):
 * - fail: answer every call with this HTTP status (e.g. 503) instead of serving it;
 * - slowMs: wait this long before answering (a slow or timing-out partner);
 * - drop: destroy the connection without answering (a network failure).
 */
export interface Switches {
  fail: number | null;
  slowMs: number;
  drop: boolean;
}

export interface StandIn {
  url: string;
  port: number;
  switches: Switches;
  set(switches: Partial<Switches>): void;
  stop(): Promise<void>;
}

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>;

export const switchesFromEnv = (env: NodeJS.ProcessEnv = process.env): Switches => ({
  fail: env['STANDIN_FAIL'] ? Number(env['STANDIN_FAIL']) : null,
  slowMs: Number(env['STANDIN_SLOW_MS'] ?? 0),
  drop: env['STANDIN_DROP'] === '1' || env['STANDIN_DROP'] === 'true',
});

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(body));
}

/**
 * A small real HTTP server: the switches apply to every path but /__admin/*, which reads
 * (GET /__admin/state: `state()`) and sets (POST /__admin/switches, /__admin/reset) the stand-in.
 */
export function startStandIn(
  name: string,
  handler: Handler,
  options: { port?: number; switches?: Partial<Switches>; state?: () => unknown; reset?: () => void; admin?: Handler } = {},
): Promise<StandIn> {
  const switches: Switches = { fail: null, slowMs: 0, drop: false, ...options.switches };
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void route(req, body, res).catch((error) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/__admin/')) {
      if (req.method === 'POST' && path === '/__admin/switches') {
        Object.assign(switches, JSON.parse(body || '{}'));
        return sendJson(res, 200, switches);
      }
      if (req.method === 'POST' && path === '/__admin/reset') {
        options.reset?.();
        Object.assign(switches, { fail: null, slowMs: 0, drop: false });
        return sendJson(res, 200, { reset: true });
      }
      if (req.method === 'GET' && path === '/__admin/state')
        return sendJson(res, 200, { switches, ...((options.state?.() as object) ?? {}) });
      if (options.admin) return options.admin(req, body, res);
      return sendJson(res, 404, { error: 'unknown admin path' });
    }
    if (switches.drop) {
      req.socket.destroy();
      return;
    }
    if (switches.slowMs > 0) await new Promise((done) => setTimeout(done, switches.slowMs));
    if (switches.fail)
      return sendJson(res, switches.fail, { httpStatusCode: switches.fail, status: 'ERROR', message: `${name} stand-in switched to fail` });
    return handler(req, body, res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        switches,
        set: (next) => Object.assign(switches, next),
        stop: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Runs a stand-in from the command line until Ctrl-C. */
export async function runByHand(start: (port: number) => Promise<StandIn>, defaultPort: number): Promise<void> {
  const standIn = await start(Number(process.env['PORT'] ?? defaultPort));
  console.log(
    `${standIn.url} (switches: ${JSON.stringify(standIn.switches)}; POST /__admin/switches to change, GET /__admin/state to look)`,
  );
  process.on('SIGINT', () => void standIn.stop().then(() => process.exit(0)));
}
