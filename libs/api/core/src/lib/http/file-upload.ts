import { CallHandler, createParamDecorator, ExecutionContext, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
// For its types: they add parts() and isMultipart() to FastifyRequest.
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { lingerAfterAnswer } from './linger';

/** An uploaded file, read whole into memory (the imports need all of it: a zip's directory is at its end). */
export interface BufferedFile {
  /** The form field that held it: always `file`. */
  fieldname: string;
  /** The name the client gave it ('' when none). */
  originalname: string;
  encoding: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** What one form may hold besides its single file; past any of these the upload is refused. */
export interface FileUploadLimits {
  /** Bytes of the file; more is the feature's "too large" answer (413). */
  fileSize: number;
  /** Text fields. */
  fields: number;
  /** Fields and files together. */
  parts: number;
  /** Bytes of a text field's value. */
  fieldSize?: number;
}

export interface FileUploadOptions {
  limits: FileUploadLimits;
  /** The answer to a file over `limits.fileSize`. */
  tooLarge: () => Error;
  /** The answer to any other malformed form: a limit passed, a file in another field, a second file, broken framing. */
  badUpload: () => Error;
}

/** The one field a form's file may come in. */
const FILE_FIELD = 'file';
/** Raised by @fastify/multipart when a file passes its size limit (the other codes are all a bad form). */
const FILE_TOO_LARGE = 'FST_REQ_FILE_TOO_LARGE';
/** Where the interceptor leaves the file: `request.file` is @fastify/multipart's own reading method. */
const UPLOAD = Symbol('upload');

type UploadRequest = FastifyRequest & { [UPLOAD]?: BufferedFile | null };

/**
 * An interceptor reading a multipart/form-data upload of one file, in field `file`, before the
 * handler: the file goes to the `@FormFile()` parameter, the text fields to the body (for `@Body()`).
 * A request that is not multipart passes with no file, leaving the handler to say a file is missing.
 * The limits apply while the form streams in; refusals are answered with the feature's own errors.
 */
export function FileUpload(options: FileUploadOptions): Type<NestInterceptor> {
  @Injectable()
  class FileUploadInterceptor implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      const request = http.getRequest<UploadRequest>();
      request[UPLOAD] = request.isMultipart() ? await readForm(request, http.getResponse<FastifyReply>(), options) : null;
      return next.handle();
    }
  }
  return mixin(FileUploadInterceptor);
}

/** The file read by the route's `FileUpload` interceptor; undefined when the request carried none. */
export const FormFile = createParamDecorator((_data: unknown, context: ExecutionContext): BufferedFile | undefined => {
  const request = context.switchToHttp().getRequest<UploadRequest>();
  if (!(UPLOAD in request)) throw new Error('FormFile used on a route without a FileUpload interceptor');
  return request[UPLOAD] ?? undefined;
});

async function readForm(
  request: UploadRequest,
  reply: FastifyReply,
  { limits, tooLarge, badUpload }: FileUploadOptions,
): Promise<BufferedFile | null> {
  const fields: Record<string, unknown> = {};
  let upload: BufferedFile | null = null;
  try {
    // Every part is read, so that the limits on parts, fields and files are all enforced.
    for await (const part of request.parts({ limits: { ...limits, files: 1 } })) {
      if (part.type === 'field') {
        // A cut value or name would silently change what was sent; a text `file` is no file.
        if (part.valueTruncated || part.fieldnameTruncated || part.fieldname === FILE_FIELD) throw unexpectedPart();
        addField(fields, part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== FILE_FIELD) throw unexpectedPart();
      const buffer = await part.toBuffer();
      // toBuffer throws on a file cut at the size limit (throwFileSizeLimit, on by default); should that ever be off:
      if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
      upload = {
        fieldname: part.fieldname,
        originalname: part.filename ?? '',
        encoding: part.encoding,
        mimetype: part.mimetype,
        size: buffer.length,
        buffer,
      };
    }
  } catch (error) {
    // The parser stops here; what the client still sends after the answer is dropped.
    request.raw.unpipe();
    lingerAfterAnswer(request.raw, reply.raw);
    const code = (error as { code?: unknown }).code;
    if (code === FILE_TOO_LARGE) throw tooLarge();
    // A fault of the server, not of the form (none is known to reach here), stays a 500.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 500) throw error;
    throw badUpload();
  }
  request.body = fields;
  return upload;
}

/** A part the form may not hold; answered as the feature's bad upload. */
const unexpectedPart = () => new Error('unexpected part in an upload form');

/** Repeated names become a list, as a form's fields do elsewhere (the body's validation refuses it where one is expected). */
function addField(fields: Record<string, unknown>, name: string, value: unknown): void {
  const before = fields[name];
  fields[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
}
