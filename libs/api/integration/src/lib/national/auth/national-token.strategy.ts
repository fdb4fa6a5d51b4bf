import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-http-bearer';
import { ClientPrincipal } from '@skss/api/core';
import { invalidToken, NationalTokenService } from './national-token.service';

/** Name of the Passport strategy checking the national endpoint's tokens; routes name it in @NationalTokenRoute(). */
export const NATIONAL_TOKEN = 'national-token';

/**
 * The national endpoint's bearer token (`Authorization: Bearer <token>` from the national login,
 * RFC 6750 via passport-http-bearer) as a Passport strategy. The global AuthGuard runs it on the
 * routes that name it and keeps CSRF, sessions, pending steps and client operations to itself.
 * A token in the URL (`?access_token=`) is refused: URLs end up in logs.
 */
@Injectable()
export class NationalTokenStrategy extends PassportStrategy(Strategy, NATIONAL_TOKEN) {
  constructor(private readonly tokens: NationalTokenService) {
    super({ realm: 'SKSS', passReqToCallback: true });
  }

  validate(req: FastifyRequest, token: string): Promise<ClientPrincipal> {
    if (req.query && Object.prototype.hasOwnProperty.call(req.query, 'access_token')) return Promise.reject(invalidToken());
    return this.tokens.verify(token);
  }
}
