import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../access/principal';
import type { Scope } from '../access/scope';
import type { Prisma } from '../../generated/prisma/client';

/**
 * What the layers below the controllers need to know about the current request: who is calling
 * (set by the authentication guard), from where, and the scope computed for them (cached).
 */
export interface RequestState {
  requestId: string;
  ip: string | null;
  principal?: Principal;
  /** Trusted server-side work (seeding, sign-in lookups, scheduled jobs): no scope filter. */
  system?: boolean;
  /** Cache of the scope computed for the principal, for the duration of the request. */
  scope?: Scope;
  /** The open transaction of PrismaService.transaction(): every query of the work runs in it. */
  tx?: Prisma.TransactionClient;
}

const storage = new AsyncLocalStorage<RequestState>();

export const RequestContext = {
  current(): RequestState | undefined {
    return storage.getStore();
  },

  run<T>(state: RequestState, work: () => T): T {
    return storage.run(state, work);
  },

  /**
   * Runs trusted server-side work without the scope filter, keeping the request's identity for
   * audit. The work is awaited inside the context: Prisma queries only start when awaited, so a
   * query merely returned from `work` would otherwise run after the context is left.
   */
  asSystem<T>(work: () => Promise<T> | T): Promise<T> {
    const current = storage.getStore();
    return storage.run(
      { requestId: current?.requestId ?? randomUUID(), ip: current?.ip ?? null, ...current, system: true, scope: undefined },
      async () => await work(),
    );
  },
};

/** Express middleware opening a context per request. */
export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  storage.run({ requestId: randomUUID(), ip: req.ip ?? null }, next);
}
