import { DomainError } from '@skss/api/core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { readXmlBody } from './xml-body.interceptor';

/** A server that reads the body with readXmlBody (limit 1 MB) and answers its size or the refusal's code. */
function server(): Promise<{ url: URL; close: () => Promise<void>; read: () => number }> {
  let lastSize = -1;
  const srv = http.createServer((req, res) => {
    readXmlBody(req, res, 1024 * 1024).then(
      (body) => {
        lastSize = body.length;
        res.end(JSON.stringify({ size: body.length }));
      },
      (error: DomainError) => {
        res.statusCode = error.status;
        res.end(JSON.stringify({ code: error.code }));
      },
    );
  });
  return new Promise((resolve) =>
    srv.listen(0, '127.0.0.1', () =>
      resolve({
        url: new URL(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/`),
        close: () => new Promise((done) => srv.close(() => done())),
        read: () => lastSize,
      }),
    ),
  );
}

function post(url: URL, total: number, headers: Record<string, string>): Promise<{ status: number; body: string; sent: number }> {
  const chunk = Buffer.alloc(64 * 1024, 'A');
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      this.push(piece);
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer after ${sent} bytes`)), 10_000);
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      const done = () => {
        clearTimeout(timer);
        body.destroy();
        resolve({ status: res.statusCode ?? 0, body: text, sent });
      };
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    body.pipe(req);
  });
}

describe('reading an XML body within a limit', () => {
  it('reads a body within the limit', async () => {
    const s = await server();
    const answer = await post(s.url, 1000, { 'content-type': 'application/xml; charset=utf-8', 'content-length': '1000' });
    expect([answer.status, answer.body]).toEqual([200, '{"size":1000}']);
    await s.close();
  });

  it('refuses a declared oversize body before reading it, and a chunked one as soon as it passes the limit', async () => {
    const s = await server();
    const declared = await post(s.url, 50 * 1024 * 1024, { 'content-type': 'application/xml', 'content-length': String(50 * 1024 * 1024) });
    expect([declared.status, declared.body]).toEqual([413, '{"code":"XML_PAYLOAD_TOO_LARGE"}']);
    expect(declared.sent).toBeLessThan(10 * 1024 * 1024);
    const chunked = await post(s.url, 50 * 1024 * 1024, { 'content-type': 'text/xml', 'transfer-encoding': 'chunked' });
    expect([chunked.status, chunked.body]).toEqual([413, '{"code":"XML_PAYLOAD_TOO_LARGE"}']);
    expect(chunked.sent).toBeLessThan(20 * 1024 * 1024);
    await s.close();
  });

  it('refuses other content types', async () => {
    const s = await server();
    const answer = await post(s.url, 10, { 'content-type': 'application/json' });
    expect([answer.status, answer.body]).toEqual([415, '{"code":"XML_UNSUPPORTED_MEDIA_TYPE"}']);
    await s.close();
  });
});
