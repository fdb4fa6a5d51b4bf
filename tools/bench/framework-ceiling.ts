import 'reflect-metadata';
import autocannon from 'autocannon';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { freePort } from '../testing';
import { cpuNow, cpuSince } from './cpu-time';

/**
 * How fast can a request be that does no work at all (`node tools/run-ts.js
 * tools/bench/framework-ceiling.ts`)? The own profile of bench:load is answered from memory by the
 * API and by the bare server alike, so its API/bare ratio measures the HTTP framework, not the data
 * path. This benchmark answers the same constant JSON (an own profile's shape and size) from:
 *
 * - a bare Node `http` server (the bare server of bench:load, without its token lookup);
 * - NestJS on Express (`@nestjs/platform-express`, what the API runs on), one controller, nothing else;
 * - NestJS on Fastify (`@nestjs/platform-fastify`), the same controller.
 *
 * Each server runs alone in its own process, at BENCH_CONNECTIONS (default 50) for BENCH_SECONDS
 * (default 10). It prints req/s, p50/p95/p99, the ratio to the bare server, and the server's CPU per
 * request, so that the API's own-profile ratio can be read against the ceiling of its framework.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const PATH = '/api/v1/auth/me';

type Kind = 'bare' | 'nest-express' | 'nest-fastify';
const KINDS: Readonly<Record<Kind, string>> = {
  bare: 'bare Node http',
  'nest-express': 'NestJS on Express',
  'nest-fastify': 'NestJS on Fastify',
};

/** An own profile as GET /api/v1/auth/me answers it (about 700 bytes). */
const PROFILE = {
  id: '2b0c6f7e-6a55-4c1e-9d0f-1f3c7f0a9b21',
  username: 'tyt.muongnhe',
  fullName: 'Lò Thị Hoa',
  email: null,
  phone: '0912345678',
  facility: { code: 'TYT.03160.2025', name: 'Trạm y tế xã Mường Nhé', kind: 'COMMUNE_HEALTH_STATION', level: 'commune' },
  roles: [{ code: 'COMMUNE_OFFICER', name: 'Cán bộ trạm y tế xã' }],
  permissions: ['records.read', 'records.write', 'reports.read', 'reports.submit', 'persons.read', 'persons.write'],
  pending: null,
  passwordExpiresAt: null,
  totpEnabled: false,
  idleTimeoutSeconds: 1800,
};

@Controller('api/v1/auth')
class ProfileController {
  @Get('me')
  me() {
    return PROFILE;
  }
}

@Module({ controllers: [ProfileController] })
class CeilingModule {}

/** The child process: serves one kind on a port until killed. */
async function serve(kind: Kind, port: number): Promise<void> {
  if (kind === 'bare') {
    createServer((req, res) => {
      if (req.url !== PATH) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.stringify(PROFILE);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }).listen(port, '127.0.0.1', () => console.log('ready'));
    return;
  }
  const app =
    kind === 'nest-fastify'
      ? await NestFactory.create(CeilingModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(CeilingModule, { logger: false });
  await app.listen(port, '127.0.0.1');
  console.log('ready');
}

async function start(kind: Kind): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(__dirname, '../run-ts.js'), __filename, 'serve', kind, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((done, fail) => {
    child.stdout?.on('data', (chunk) => String(chunk).includes('ready') && done());
    child.once('exit', (code) => fail(new Error(`${kind} exited with code ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}${PATH}` };
}

interface Result {
  kind: Kind;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
  cpuMs: number;
}

async function measure(kind: Kind): Promise<Result> {
  const { child, url } = await start(kind);
  try {
    // A short warm-up, so that the JIT has compiled the path before it is measured.
    await autocannon({ url, connections: CONNECTIONS, duration: 2 });
    const before = cpuNow(child.pid);
    const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
    const cpu = cpuSince(before, cpuNow(child.pid));
    return {
      kind,
      rps: result.requests.average,
      p50: result.latency.p50,
      p95: result.latency.p97_5,
      p99: result.latency.p99,
      failed: result.non2xx + result.errors + result.timeouts,
      cpuMs: (cpu.server * 1000) / Math.max(1, result.requests.total),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  console.log(
    `\n# Framework ceiling, ${new Date().toISOString()}\n\n${cpus().length} CPUs (${cpus()[0]?.model}), Node ${process.version}, ` +
      `${CONNECTIONS} connections, ${SECONDS} s per server; load average before ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' / ')}\n`,
  );
  const results: Result[] = [];
  for (const kind of Object.keys(KINDS) as Kind[]) results.push(await measure(kind));
  const bare = results[0].rps;
  console.log('| Server | req/s | p50 ms | p95 ms (autocannon p97.5) | p99 ms | failed | of bare | CPU ms per request |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${KINDS[r.kind]} | ${Math.round(r.rps)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.failed} | ${Math.round((100 * r.rps) / bare)} % | ${r.cpuMs.toFixed(3)} |`,
    );
  }
  console.log('\nThe API (bench:load, own profile) adds its middleware, guard and session lookup to the NestJS on Express row.');
}

if (process.argv[2] === 'serve') {
  serve(process.argv[3] as Kind, Number(process.argv[4])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
