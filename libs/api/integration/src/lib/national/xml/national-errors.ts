import { DomainError } from '@skss/api/core';

/**
 * Answers of the national endpoint (docs/national-endpoint.md, "Mã lỗi"): a stable machine code,
 * its HTTP status and the Vietnamese message the vendor's software shows its user.
 */
export const NATIONAL_ERRORS = {
  XML_PAYLOAD_TOO_LARGE: { status: 413, message: 'Gói dữ liệu XML quá lớn (tối đa 10 MB)' },
  XML_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Nội dung gửi lên phải là XML (Content-Type: application/xml)' },
  XML_EMPTY: { status: 400, message: 'Gói dữ liệu XML rỗng' },
  XML_ENCODING_INVALID: { status: 400, message: 'Gói dữ liệu XML phải được mã hóa UTF-8' },
  XML_DTD_FORBIDDEN: { status: 400, message: 'Gói dữ liệu XML không được chứa khai báo DOCTYPE hoặc ENTITY' },
  XML_TOO_DEEP: { status: 400, message: 'Gói dữ liệu XML lồng quá nhiều cấp' },
  XML_MALFORMED: { status: 400, message: 'Gói dữ liệu XML sai cú pháp' },
  XML_ENVELOPE_INVALID: { status: 400, message: 'Gói dữ liệu không đúng cấu trúc GIAMDINHHS' },
  XML_TOO_MANY_DOSSIERS: { status: 400, message: 'Gói dữ liệu có quá nhiều hồ sơ' },
  XML_TABLE_BASE64_INVALID: { status: 400, message: 'Nội dung bảng (NOIDUNGFILE) không phải base64 hợp lệ' },
  XML_TABLE_TOO_LARGE: { status: 413, message: 'Một bảng XML sau khi giải mã base64 quá lớn' },
  XML_TABLE_INVALID: { status: 400, message: 'Bảng XML trong hồ sơ không đúng cấu trúc' },
} as const;

export type NationalErrorCode = keyof typeof NATIONAL_ERRORS;

/** A refused package: the code of NATIONAL_ERRORS, with what was wrong where (no user data quoted). */
export function nationalError(code: NationalErrorCode, detail?: string): DomainError {
  const { status, message } = NATIONAL_ERRORS[code];
  return new DomainError(code, detail ? `${message}: ${detail}` : message, status);
}
