import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import { fileTooLarge } from './import/catalog-file';

/**
 * Answers the upload parser's refusals (multer, before the handler runs) like every other error:
 * an oversized file, a missing or extra file field, a malformed multipart body.
 */
@Catch(PayloadTooLargeException, BadRequestException)
export class UploadErrorsFilter implements ExceptionFilter {
  catch(error: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof PayloadTooLargeException) {
      const tooLarge = fileTooLarge();
      response.status(tooLarge.status).json({ code: tooLarge.code, message: tooLarge.message, details: tooLarge.details });
      return;
    }
    const message = 'Yêu cầu tải tệp không hợp lệ: gửi đúng một tệp trong trường “file” (multipart/form-data)';
    response
      .status(400)
      .json({ code: 'IMPORT_UPLOAD_INVALID', message, details: [{ field: 'file', code: 'IMPORT_UPLOAD_INVALID', message }] });
  }
}
