import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { of } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { BufferedFile, FileUpload, FormFile } from './file-upload';
import { LINGER_MS } from './linger';

const tooLarge = () => new DomainError('TOO_LARGE', 'quá lớn', 413);
const badUpload = () => new DomainError('BAD_FORM', 'sai biểu mẫu', 400);
const Upload = FileUpload({ limits: { fileSize: 10, fields: 2, parts: 3, fieldSize: 16 }, tooLarge, badUpload });

/** The factory behind `@FormFile()`, as Nest calls it for a handler's parameter. */
function formFileOf(context: ExecutionContext): BufferedFile | undefined {
  class Probe {
    handle(@FormFile() file: unknown): unknown {
      return file;
    }
  }
  type Factory = (data: unknown, context: ExecutionContext) => unknown;
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<string, { factory: Factory }>;
  const [{ factory }] = Object.values(args);
  return factory(undefined, context) as BufferedFile | undefined;
}

/** A Fastify server with @fastify/multipart whose one route answers what the interceptor read, or its refusal. */
async function server(): Promise<{ app: FastifyInstance; url: string; requests: IncomingMessage[] }> {
  const app = Fastify();
  const requests: IncomingMessage[] = [];
  await app.register(fastifyMultipart);
  app.post('/', async (request: FastifyRequest, reply) => {
    requests.push(request.raw);
    const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ExecutionContext;
    const interceptor: NestInterceptor = new Upload();
    try {
      await interceptor.intercept(context, { handle: () => of(null) } as CallHandler);
    } catch (error) {
      const refused = error as DomainError;
      return reply.status(refused.status).send({ code: refused.code });
    }
    const file = formFileOf(context);
    return { file: file && { ...file, buffer: file.buffer.toString() }, body: request.body ?? null };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, requests };
}

function form(...entries: [string, string | [string, string]][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, new Blob([value[0]], { type: 'text/csv' }), value[1]);
  }
  return data;
}

describe('FileUpload', () => {
  let app: FastifyInstance;
  let url: string;
  let requests: IncomingMessage[];
  const post = async (body: FormData | string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', body, headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => ({ app, url, requests } = await server()), 30_000);
  afterAll(() => app.close());

  it('hands over the one file, buffered, with its name, and the text fields as the body', async () => {
    const answer = await post(form(['validFrom', '2026-01-01'], ['file', ['Mã,Tên', 'danh mục.csv']]));
    expect(answer).toEqual({
      status: 200,
      body: {
        file: { fieldname: 'file', originalname: 'danh mục.csv', encoding: '7bit', mimetype: 'text/csv', size: 8, buffer: 'Mã,Tên' },
        body: { validFrom: '2026-01-01' },
      },
    });
  });

  it('passes a form without a file, and a request that is no form, with no file: the handler says what is missing', async () => {
    expect((await post(form(['validFrom', '2026-01-01']))).body).toEqual({ body: { validFrom: '2026-01-01' } });
    expect((await post('{"validFrom":"2026-01-01"}', { 'content-type': 'text/plain' })).body).toEqual({
      body: '{"validFrom":"2026-01-01"}',
    });
  });

  it('answers a file over the size limit as too large', async () => {
    expect(await post(form(['file', ['12345678901', 'x.csv']]))).toEqual({ status: 413, body: { code: 'TOO_LARGE' } });
    expect((await post(form(['file', ['1234567890', 'x.csv']]))).status).toBe(200);
  });

  it('answers every other malformed form as a bad upload', async () => {
    const refusals = [
      form(['file', ['a', 'a.csv']], ['file', ['b', 'b.csv']]), // a second file
      form(['attachment', ['a', 'a.csv']]), // a file in another field
      form(['file', 'a']), // a text where the file goes
      form(['a', '1'], ['b', '2'], ['c', '3']), // too many fields
      form(['a', '1'], ['b', '2'], ['file', ['a', 'a.csv']], ['c', '3']), // too many parts
      form(['validFrom', 'x'.repeat(17)], ['file', ['a', 'a.csv']]), // a field cut at its size limit
    ];
    for (const body of refusals) expect(await post(body)).toEqual({ status: 400, body: { code: 'BAD_FORM' } });
    const broken = await post('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', {
      'content-type': 'multipart/form-data',
    });
    expect(broken).toEqual({ status: 400, body: { code: 'BAD_FORM' } });
  });

  it('reads and drops the rest of a refused form after the answer, then lets the connection go', async () => {
    const rest = 'x'.repeat(4 * 1024 * 1024);
    const answer = await post(form(['attachment', ['a', 'a.csv']], ['file', [rest, 'big.csv']]));
    expect(answer).toEqual({ status: 400, body: { code: 'BAD_FORM' } });
    // Left unread, the request would hold its connection, paused, until the client gave up.
    const { socket } = requests[requests.length - 1];
    const settled = () => requests[requests.length - 1].complete || socket.destroyed;
    for (let waited = 0; !settled() && waited < LINGER_MS + 3_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled()).toBe(true);
  }, 15_000);

  it('is refused at once on a route without the interceptor', () => {
    const context = { switchToHttp: () => ({ getRequest: () => ({}) }) } as unknown as ExecutionContext;
    expect(() => formFileOf(context)).toThrow('FormFile used on a route without a FileUpload interceptor');
  });
});
