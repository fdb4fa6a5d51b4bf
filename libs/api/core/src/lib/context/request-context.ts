import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
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

/**
 * `preHandler` hook opening a context per request: the guard, the handler and all they await run
 * inside it. It opens after the body is read on purpose: stream events of the body would run
 * outside a context opened earlier. Callback style: Fastify calls the handler from `done`.
 */
export function openRequestContext(req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  storage.run({ requestId: randomUUID(), ip: req.ip ?? null }, done);
}
