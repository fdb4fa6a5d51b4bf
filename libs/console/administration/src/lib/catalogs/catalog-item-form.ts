import type { CatalogItemDto, RelabelCatalogItemDto } from '@skss/contract';
import { IsoDate } from '@skss/domain';

/** The API's formats of item codes and labels ("01", "VN", "O80.0", "A15-A19", "IUD"). */
export const ITEM_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
export const ITEM_NAME_MAX_LENGTH = 300;
export const SORT_ORDER_MAX = 1_000_000;

export interface ItemFormValue {
  readonly name: string;
  readonly nameEn: string;
  readonly sortOrder: number | null;
  readonly validFrom: IsoDate;
}

const text = (value: string): string => value.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The body of an added code or a new label: texts in NFC, trimmed. When relabelling, the English label and the position
 * are sent only if they changed (omitted: kept; a cleared English label is sent as null, which removes it); when
 * adding, an empty English label or position is left out (the position then follows the last one).
 */
export function itemBody(value: ItemFormValue, current: Pick<CatalogItemDto, 'nameEn' | 'sortOrder'> | null): RelabelCatalogItemDto {
  const nameEn = text(value.nameEn) || null;
  const body: RelabelCatalogItemDto = { name: text(value.name), validFrom: value.validFrom };
  if (current) {
    if (nameEn !== current.nameEn) body.nameEn = nameEn;
    if (value.sortOrder !== null && value.sortOrder !== current.sortOrder) body.sortOrder = value.sortOrder;
  } else {
    if (nameEn) body.nameEn = nameEn;
    if (value.sortOrder !== null) body.sortOrder = value.sortOrder;
  }
  return body;
}
