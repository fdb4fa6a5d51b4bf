import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import passport from 'passport';
import { BasicStrategy } from 'passport-http';
import { AuditService, ClientPrincipal, PrismaService } from '@skss/api/core';
import { hashToken } from './sessions/session-token';

/** Name of the Passport strategy checking integration accounts' client credentials. */
export const INTEGRATION_BASIC = 'integration-basic';

/** Only write an integration account's last use once a minute, not on every request. */
const CLIENT_TOUCH_INTERVAL_MS = 60_000;
const MAX_CLIENT_ID_LENGTH = 60;
const MAX_CLIENT_SECRET_LENGTH = 200;
/** Compared against when the client id is unknown, so that case costs the same as a wrong secret. */
const DECOY_SECRET_HASH = Buffer.from(hashToken('no such integration account'), 'hex');

/** Whether a request carries the HTTP Basic scheme (RFC 7617): then it is an external system's, whatever else it carries. */
export function hasBasicCredentials(req: FastifyRequest): boolean {
  return /^basic /i.test(req.headers.authorization ?? '');
}

/**
 * HTTP Basic for integration accounts (`Authorization: Basic base64(clientId:clientSecret)`), as a
 * Passport strategy (passport-http's BasicStrategy parses the header). The global AuthGuard runs it
 * through authenticateIntegrationClient() and keeps everything else (sessions, CSRF, pending steps,
 * permissions, client routes) to itself: one guard, whatever the credentials.
 *
 * The principal of an active integration account whose secret matches, or null: an unknown id,
 * a wrong secret and a revoked account get the same answer. Secrets are random 256-bit values
 * stored as SHA-256 (see the integration library), compared in constant time.
 */
@Injectable()
export class IntegrationBasicStrategy extends PassportStrategy(BasicStrategy, INTEGRATION_BASIC) {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {
    super({ realm: 'SKSS' });
  }

  async validate(clientId: string, secret: string): Promise<ClientPrincipal | null> {
    if (clientId.length > MAX_CLIENT_ID_LENGTH || secret.length > MAX_CLIENT_SECRET_LENGTH) return null;
    const db = this.prisma.raw;
    const client = await db.integrationClient.findUnique({
      where: { clientId },
      include: { facilities: { select: { facilityId: true } } },
    });
    const stored = client ? Buffer.from(client.secretHash, 'hex') : DECOY_SECRET_HASH;
    const presented = Buffer.from(hashToken(secret), 'hex');
    const matches = stored.length === presented.length && timingSafeEqual(stored, presented);
    if (!client) return null;
    if (!matches || client.status !== 'active' || client.revokedAt) {
      await this.audit.record({
        action: 'ACCESS_DENIED',
        entityType: 'IntegrationClient',
        entityId: client.id,
        details: { clientId: client.clientId, reason: matches ? 'revoked' : 'wrong-secret' },
      });
      return null;
    }
    const now = new Date();
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > CLIENT_TOUCH_INTERVAL_MS) {
      // Raw client: last use is bookkeeping, not a configuration change for the audit trail.
      await db.integrationClient.updateMany({
        where: { id: client.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - CLIENT_TOUCH_INTERVAL_MS) } }] },
        data: { lastUsedAt: now, updatedAt: client.updatedAt },
      });
    }
    return {
      kind: 'client',
      clientId: client.clientId,
      facilityIds: new Set(client.facilities.map((f) => f.facilityId)),
      operations: new Set(client.operations),
    };
  }
}

/**
 * Runs an integration strategy (HTTP Basic unless a route names another) on a request with a
 * callback of our own (no session, no response written by Passport): the account's principal, or
 * null for missing, malformed or wrong credentials; a strategy may also fail with its own error.
 */
export function authenticateIntegrationClient(
  req: FastifyRequest,
  res: FastifyReply,
  strategy = INTEGRATION_BASIC,
): Promise<ClientPrincipal | null> {
  return new Promise((resolve, reject) => {
    const middleware = passport.authenticate(strategy, { session: false }, (error: unknown, principal: unknown) =>
      error ? reject(error) : resolve((principal as ClientPrincipal | false | null) || null),
    ) as (req: FastifyRequest, res: FastifyReply, next: (error?: unknown) => void) => void;
    middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(null)));
  });
}
