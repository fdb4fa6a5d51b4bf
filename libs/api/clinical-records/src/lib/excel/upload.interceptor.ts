import { DomainError, FileUpload, fileTooLarge } from '@skss/api/core';
import { IMPORT_LIMITS } from './register-import.service';

/**
 * The upload of one workbook (multipart/form-data, field `file`), held in memory: the whole
 * archive is needed to read its central directory first, and it is stored with the import.
 * Refused past the size limit while it streams in (413 FILE_TOO_LARGE); any other malformed
 * form is 400 BAD_UPLOAD.
 */
export const ExcelUploadInterceptor = FileUpload({
  limits: { fileSize: IMPORT_LIMITS.maxFileBytes, fields: 10, parts: 11, fieldSize: 1024 },
  tooLarge: () => fileTooLarge(IMPORT_LIMITS),
  badUpload: () =>
    new DomainError(
      'BAD_UPLOAD',
      'Tải tệp lên không đúng cách: gửi một tệp .xlsx trong trường "file" của biểu mẫu multipart/form-data',
      400,
    ),
});
