import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError, fileTooLarge } from '@skss/api/core';
import { Observable } from 'rxjs';
import { IMPORT_LIMITS } from './register-import.service';

const Multipart = FileInterceptor('file', {
  // Held in memory: the whole archive is needed to read its central directory first, and it is stored with the import.
  limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
});

/**
 * The upload of one workbook (multipart/form-data, field `file`), refused past the size limit
 * while it streams in (413 FILE_TOO_LARGE), with the API's own error answers.
 */
@Injectable()
export class ExcelUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor = new Multipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) throw fileTooLarge(IMPORT_LIMITS);
      if (error instanceof HttpException && error.getStatus() < 500) {
        throw new DomainError(
          'BAD_UPLOAD',
          'Tải tệp lên không đúng cách: gửi một tệp .xlsx trong trường "file" của biểu mẫu multipart/form-data',
          400,
        );
      }
      throw error;
    }
  }
}
