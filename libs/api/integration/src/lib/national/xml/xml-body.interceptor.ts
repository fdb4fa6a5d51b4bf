import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lingerAfterAnswer } from '@skss/api/core';
import { from, Observable, switchMap } from 'rxjs';
import { nationalError } from './national-errors';
import { PACKAGE_LIMITS } from './national-package';

const XML_TYPE = /^(application|text)\/([a-z0-9.+-]+\+)?xml$/i;

/**
 * Reads an XML request body into `req.body` (a Buffer) after the guard has let the request in,
 * within PACKAGE_LIMITS.maxBodyBytes: a declared Content-Length above it is refused before a byte
 * is read, a body that grows past it (chunked) is refused as soon as it does. Both answer 413
 * XML_PAYLOAD_TOO_LARGE without keeping anything more in memory.
 *
 * The route must be @UnreadBody() (@skss/api/core): Fastify then leaves the request stream unread
 * for this interceptor instead of parsing (or refusing) the body before the guard.
 */
@Injectable()
export class XmlBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    return from(readXmlBody(request.raw, http.getResponse<FastifyReply>().raw)).pipe(
      switchMap((body) => {
        request.body = body;
        return next.handle();
      }),
    );
  }
}

export function readXmlBody(req: IncomingMessage, res: ServerResponse, limit: number = PACKAGE_LIMITS.maxBodyBytes): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (type !== '' && !XML_TYPE.test(type)) {
    lingerAfterAnswer(req, res);
    return Promise.reject(nationalError('XML_UNSUPPORTED_MEDIA_TYPE'));
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    lingerAfterAnswer(req, res);
    return Promise.reject(nationalError('XML_PAYLOAD_TOO_LARGE'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        lingerAfterAnswer(req, res);
        reject(nationalError('XML_PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
