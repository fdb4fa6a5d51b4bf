/** Formats of the identifiers administrators type; shared by the API's DTOs and the first-administrator CLI. */

/** Lower-case ASCII, 3 to 60 characters, starting with a letter (sign-in lower-cases what users type). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,59}$/;
export const USERNAME_MESSAGE =
  'Tên đăng nhập gồm 3–60 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái';

/** Role codes are upper-case identifiers, as the seeded ones (NCHI_ADMIN, TYT, ...). */
export const ROLE_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
export const ROLE_CODE_MESSAGE = 'Mã vai trò gồm 2–40 ký tự: chữ in hoa không dấu, chữ số hoặc gạch dưới, bắt đầu bằng chữ cái';

/** Facility codes as seeded (TYT.03127.2025, CDC.11, BYT.TTTTYTQG). */
export const FACILITY_CODE_PATTERN = /^[A-Z0-9.]{2,40}$/;

export const FULL_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 200;
export const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{5,29}$/;
/** Link to the health statistics software's account; compared exactly, so no surrounding spaces. */
export const SSO_SUBJECT_PATTERN = /^\S(?:.{0,198}\S)?$/u;
export const MAX_ROLES_PER_ACCOUNT = 10;

export const normalizeUsername = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);
