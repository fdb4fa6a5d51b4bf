import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseForm } from 'node:querystring';
import { Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error';
import { lingerAfterAnswer } from './linger';

/** Largest body most routes accept (JSON or form): no form or record of the API needs more. */
export const MAX_BODY_BYTES = 100 * 1024;

/** What a route may say about its body through its Fastify route config (see BodyLimit, UnreadBody). */
interface BodyRouteConfig {
  bodyLimit?: number;
  unreadBody?: boolean;
}

/** A larger body limit for one route (batches of records from external systems). */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes } satisfies BodyRouteConfig);

/**
 * The route reads its body itself from `request.raw`, after the guard has let the request in (the
 * national XML endpoint), with its own limits: no parser reads a byte of it, whatever its type.
 */
export const UnreadBody = () => RouteConfig({ unreadBody: true } satisfies BodyRouteConfig);

/** The 413 answer, naming the limit of the route refused (100 kB for most, more for batches). */
export function payloadTooLarge(limitBytes: number | undefined): DomainError {
  if (!limitBytes) return new DomainError('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn', 413);
  const limit = limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / (1024 * 1024))} MB` : `${Math.round(limitBytes / 1024)} kB`;
  return new DomainError('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên quá lớn (tối đa ${limit})`, 413);
}

const malformedBody = () => new DomainError('MALFORMED_BODY', 'Nội dung yêu cầu không đọc được (JSON không hợp lệ)', 400);
const unsupportedMediaType = () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ', 415);

const routeConfig = (req: FastifyRequest) => req.routeOptions.config as BodyRouteConfig | undefined;

/** The types whose bodies are read whole within the route's body limit (files have their own limits, per upload). */
const LIMITED_TYPES = /^application\/(json|x-www-form-urlencoded)\b/i;

/**
 * The API's body parsing: JSON and forms up to MAX_BODY_BYTES (or a route's BodyLimit), failures
 * answered as `{ code, message }` like every other error, and any other type refused (415) unless
 * the route reads the body itself. Multipart files are parsed by @fastify/multipart, registered after.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const config = route.config as BodyRouteConfig | undefined;
    if (config?.bodyLimit) route.bodyLimit = config.bodyLimit;
    // Fastify would refuse a declared length over the limit before the empty stream below is read:
    // the route applies its own limit after the guard.
    if (config?.unreadBody) route.bodyLimit = Number.MAX_SAFE_INTEGER;
  });
  // A body declared larger than the limit is refused before it is read. Fastify would do so too,
  // but by closing the connection while the client is still sending, which loses the answer.
  // A route reading its own body gets the parsers an empty stream instead, which counts as the
  // declared length so that Fastify does not take the difference for a broken request.
  fastify.addHook('preParsing', async (req, reply, payload) => {
    const declared = Number(req.headers['content-length']);
    if (routeConfig(req)?.unreadBody) return Object.assign(Readable.from([]), { receivedEncodedLength: declared || 0 });
    const limit = req.routeOptions.bodyLimit;
    if (!(declared > limit) || !LIMITED_TYPES.test(req.headers['content-type'] ?? '')) return payload;
    lingerAfterAnswer(req.raw, reply.raw);
    throw payloadTooLarge(limit);
  });
  // Fastify's own JSON parser answers SyntaxErrors, which lose their code on the way to the error filter.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    // An empty body is no body (as clients send it for actions without one).
    if (body === '') return done(null, undefined);
    parseJson(req, body as string, (error, value) => (error ? done(malformedBody()) : done(null, value)));
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    done(null, body === '' ? undefined : { ...parseForm(body as string) });
  });
  fastify.addContentTypeParser('*', (req, payload, done) => {
    if (routeConfig(req)?.unreadBody) return done(null, undefined);
    done(unsupportedMediaType());
  });
}
