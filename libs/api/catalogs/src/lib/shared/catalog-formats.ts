/** Formats of catalog and item codes; shared by the DTOs and the file import. */

/** Catalog codes are upper-case identifiers (ETHNICITY, ICD10, CONTRACEPTIVE_METHOD). */
export const CATALOG_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
export const CATALOG_CODE_MESSAGE = 'Mã danh mục gồm 2–40 ký tự: chữ in hoa không dấu, chữ số hoặc gạch dưới';

/** Size of `catalog_item.code`. */
export const ITEM_CODE_MAX_LENGTH = 40;
/** Item codes as official lists write them: "01", "VN", "O80.0", "A15-A19", "IUD". */
export const ITEM_CODE_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${ITEM_CODE_MAX_LENGTH - 1}}$`);
export const ITEM_CODE_MESSAGE = `Mã gồm 1–${ITEM_CODE_MAX_LENGTH} ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái hoặc chữ số`;

export const ITEM_NAME_MAX_LENGTH = 300;
export const SORT_ORDER_MAX = 1_000_000;
