import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

/** Vietnamese messages per class-validator constraint; the constraint name is the code. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: 'Trường này không được chấp nhận',
  isEnum: 'Giá trị không nằm trong danh sách cho phép',
  isInt: 'Phải là số nguyên',
  min: 'Giá trị nhỏ hơn mức tối thiểu',
  max: 'Giá trị lớn hơn mức tối đa',
  maxLength: 'Quá dài',
  minLength: 'Quá ngắn',
  matches: 'Không đúng định dạng',
  isIsoDay: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật',
  isString: 'Phải là chuỗi ký tự',
  isNotEmpty: 'Không được để trống',
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, fallback]) => ({
      field,
      code: constraint.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(),
      message: MESSAGES[constraint] ?? fallback,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelisting, transforming pipe whose failures are `VALIDATION_FAILED` with per-field codes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ', 400, flatten(errors)),
  });
}
