import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { payloadTooLarge } from '../http/body-parsers';
import { DomainError } from './domain-error';
import { ErrorResponseDto } from './error-response.dto';

const HTTP_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ' },
  401: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập' },
  403: { code: 'FORBIDDEN', message: 'Không có quyền thực hiện thao tác này' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Định dạng dữ liệu không được hỗ trợ' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau' },
};

/** Maps every error to `{ code, message, details? }`; never sends a stack trace. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = this.toResponse(error, http.getRequest<FastifyRequest | undefined>());
    if (status >= 500) this.logger.error(describeForLog(error));
    if (!reply.sent) void reply.status(status).send(body);
  }

  private toResponse(error: unknown, request: FastifyRequest | undefined): { status: number; body: ErrorResponseDto } {
    if (error instanceof DomainError) {
      return {
        status: error.status,
        body: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const known = HTTP_CODES[status] ?? { code: `HTTP_${status}`, message: error.message };
      return { status, body: known };
    }
    // Refusals of the HTTP server itself (body too large, unknown content type, bad framing) carry a statusCode.
    const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (status === 413) return this.toResponse(payloadTooLarge(request?.routeOptions?.bodyLimit), request);
      return { status, body: HTTP_CODES[status] ?? { code: `HTTP_${status}`, message: 'Yêu cầu không hợp lệ' } };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: 'INTERNAL_ERROR', message: 'Lỗi hệ thống, vui lòng thử lại sau' } };
  }
}

/**
 * What an unexpected error leaves in the technical log: its kind, code and the stack frames, but
 * not its message text, which for database errors can quote the values of the failed query
 * (passwords, tokens, health details). The request id ties it to the audit trail.
 */
export function describeForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 8);
  return [`${error.name}${typeof code === 'string' ? ` ${code}` : ''}`, ...frames].join('\n');
}
