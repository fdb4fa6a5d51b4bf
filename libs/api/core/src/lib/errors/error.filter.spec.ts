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
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
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
