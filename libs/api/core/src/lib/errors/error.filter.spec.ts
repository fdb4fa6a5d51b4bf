import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { describeForLog, ErrorFilter } from './error.filter';

function hostCapturing() {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
    },
    sent: false,
  };
  const request = { routeOptions: { bodyLimit: 100 * 1024 } };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ErrorFilter', () => {
  it('answers domain errors with their code, message and details', () => {
    const { host, sent } = hostCapturing();
    new ErrorFilter().catch(new DomainError('X_CODE', 'Thông báo', 409, [{ field: 'a', code: 'B', message: 'c' }]), host);
    expect(sent).toEqual({
      status: 409,
      body: { code: 'X_CODE', message: 'Thông báo', details: [{ field: 'a', code: 'B', message: 'c' }] },
    });
  });

  it('gives framework errors a stable code', () => {
    const { host, sent } = hostCapturing();
    new ErrorFilter().catch(new NotFoundException(), host);
    expect(sent).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
  });

  it("answers the HTTP server's refusals with a stable code, naming the route's body limit", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    const { host, sent } = hostCapturing();
    new ErrorFilter().catch(tooLarge, host);
    expect(sent).toEqual({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn (tối đa 100 kB)' } });
    const unsupported = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    const second = hostCapturing();
    new ErrorFilter().catch(unsupported, second.host);
    expect(second.sent).toEqual({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Định dạng dữ liệu không được hỗ trợ' } });
  });

  it('hides unexpected errors from the client and keeps secrets out of the log', () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    const { host, sent } = hostCapturing();
    const leak = Object.assign(new Error('Invalid invocation: { passwordHash: "$argon2id$secret", token: "abc123" }'), { code: 'P2002' });
    new ErrorFilter().catch(leak, host);
    spy.mockRestore();
    expect(sent).toEqual({ status: 500, body: { code: 'INTERNAL_ERROR', message: 'Lỗi hệ thống, vui lòng thử lại sau' } });
    expect(logged.join('\n')).toContain('Error P2002');
    expect(logged.join('\n')).not.toMatch(/argon2id|abc123|passwordHash/);
    expect(describeForLog('string thrown')).toBe('non-error thrown: string');
  });
});
