import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig, AuditService, DomainError, Principal, PrismaService, RequestContext } from '@skss/api/core';
import { AuthGuard } from './auth.guard';
import { ClientRoute, RequireClientOperation } from './client-operation.decorator';
import { IntegrationBasicStrategy } from './integration-basic.strategy';
import { hashToken, newToken } from './sessions/session-token';
import { SessionsService } from './sessions/sessions.service';

/** The global guard with client credentials (its Passport Basic strategy), on routes marked with the client-route decorators. */
@Controller()
class ProbeController {
  @RequireClientOperation('records.push')
  @Get()
  push(): void {
    return;
  }

  @ClientRoute()
  @Get()
  any(): void {
    return;
  }

  @Get()
  userRoute(): void {
    return;
  }
}

const secret = newToken();
const hash = hashToken(secret);
const account = {
  id: '6b0c3a52-0000-4000-8000-000000000001',
  clientId: 'ytcs-0123456789abcdef',
  secretHash: hash,
  status: 'active',
  revokedAt: null,
  lastUsedAt: new Date(),
  updatedAt: new Date(),
  operations: ['deaths.push'],
  facilities: [{ facilityId: 7 }],
};

function guardWith(row: typeof account | null) {
  const prisma = { raw: { integrationClient: { findUnique: jest.fn().mockResolvedValue(row), updateMany: jest.fn() } } };
  const audit = { record: jest.fn().mockResolvedValue(undefined) };
  const sessions = { resolve: jest.fn().mockResolvedValue(null) };
  // Constructing the strategy registers it with Passport, where the guard finds it by name.
  new IntegrationBasicStrategy(prisma as unknown as PrismaService, audit as unknown as AuditService);
  const guard = new AuthGuard(new Reflector(), sessions as unknown as SessionsService, {} as AppConfig);
  return { guard, audit };
}

function contextFor(handler: keyof ProbeController, authorization: string): ExecutionContext {
  const req = { headers: { authorization }, method: 'GET', cookies: {} };
  const res = { header: jest.fn() };
  return {
    getHandler: () => ProbeController.prototype[handler],
    getClass: () => ProbeController,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
}

const basic = (id: string, s: string) => `Basic ${Buffer.from(`${id}:${s}`).toString('base64')}`;

async function run(row: typeof account | null, handler: keyof ProbeController, authorization: string) {
  const state: { requestId: string; ip: null; principal?: Principal } = { requestId: 'r', ip: null };
  const { guard, audit } = guardWith(row);
  const outcome = await RequestContext.run(state, () => guard.canActivate(contextFor(handler, authorization))).catch(
    (error: DomainError) => error,
  );
  return { outcome, principal: state.principal, audit };
}

describe('client credentials in the global guard', () => {
  it('lets an account through to routes of an operation it holds, or any client route', async () => {
    const ok = await run({ ...account, operations: ['records.push'] }, 'push', basic(account.clientId, secret));
    expect(ok.outcome).toBe(true);
    expect(ok.principal).toEqual({
      kind: 'client',
      clientId: account.clientId,
      facilityIds: new Set([7]),
      operations: new Set(['records.push']),
    });
    expect((await run(account, 'any', basic(account.clientId, secret))).outcome).toBe(true);
  });

  it('refuses an operation the account lacks, and user routes, with 403', async () => {
    for (const handler of ['push', 'userRoute'] as const) {
      const { outcome } = await run(account, handler, basic(account.clientId, secret));
      expect(outcome).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
  });

  it('answers 401 alike for a wrong secret, a revoked account and an unknown id', async () => {
    const cases = [
      await run(account, 'any', basic(account.clientId, `${secret}x`)),
      await run({ ...account, status: 'disabled' }, 'any', basic(account.clientId, secret)),
      await run(null, 'any', basic('ytcs-ffffffffffffffff', secret)),
    ];
    for (const { outcome, principal } of cases) {
      expect(outcome).toMatchObject({ code: 'INVALID_CLIENT_CREDENTIALS', status: 401 });
      expect(principal).toBeUndefined();
    }
    expect(cases[0].audit.record).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'ACCESS_DENIED', details: expect.objectContaining({ reason: 'wrong-secret' }) }),
    );
    expect(cases[1].audit.record).toHaveBeenCalledWith(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'revoked' }) }),
    );
  });
});
