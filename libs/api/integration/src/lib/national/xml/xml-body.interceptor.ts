import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { nationalError } from './national-errors';
import { PACKAGE_LIMITS } from './national-package';

const XML_TYPE = /^(application|text)\/([a-z0-9.+-]+\+)?xml$/i;
/** How long the rest of a refused body is read and dropped after the answer, before the connection is cut. */
const LINGER_MS = 2_000;

/**
 * Reads an XML request body into `req.body` (a Buffer) after the guard has let the request in,
 * within PACKAGE_LIMITS.maxBodyBytes: a declared Content-Length above it is refused before a byte
 * is read, a body that grows past it (chunked) is refused as soon as it does. Both answer 413
 * XML_PAYLOAD_TOO_LARGE without keeping anything more in memory.
 */
@Injectable()
export class XmlBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return from(readXmlBody(http.getRequest<Request>(), http.getResponse<Response>())).pipe(
      switchMap((body) => {
        http.getRequest<Request>().body = body;
        return next.handle();
      }),
    );
  }
}

export function readXmlBody(req: Request, res: Response, limit: number = PACKAGE_LIMITS.maxBodyBytes): Promise<Buffer> {
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

/**
 * A "lingering close" (as web servers do it) for a refused body: once the answer is written, what
 * the client still sends is read and dropped (never kept) for LINGER_MS, then the connection is
 * cut. Closing at once with unread data would make the kernel reset the connection, and the client
 * would lose the answer it had not read yet.
 */
function lingerAfterAnswer(req: Request, res: Response): void {
  res.once('finish', () => {
    if (req.complete) return;
    const timer = setTimeout(() => req.socket?.destroy(), LINGER_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    req.resume();
  });
}
