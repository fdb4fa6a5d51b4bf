import { foldVietnamese } from './fold';

/** Separates a catalog item's folded name from its folded other names in its search text. */
const ALIAS_SEPARATOR = ' | ';
/** Size of the `name_folded` column. */
export const CATALOG_SEARCH_TEXT_LENGTH = 300;

/**
 * What a catalog item is searched by: its name folded (no diacritics, lower case), followed by the
 * folded other names it is known by ("HMông" is also "Mông", "Mèo"), which only serve search.
 */
export function catalogSearchText(name: string, otherNames: readonly string[] = []): string {
  const parts = [name, ...otherNames].map(foldVietnamese).filter((part, i, all) => part && all.indexOf(part) === i);
  let text = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const next = `${text}${ALIAS_SEPARATOR}${part}`;
    if (next.length > CATALOG_SEARCH_TEXT_LENGTH) break;
    text = next;
  }
  return text.slice(0, CATALOG_SEARCH_TEXT_LENGTH);
}

/** The other names kept in a search text (folded), so that a new label keeps them. */
export function otherNamesOf(searchText: string): string[] {
  return searchText.split(ALIAS_SEPARATOR).slice(1);
}
