import { TranslationKey, TranslationParams } from '@skss/console/i18n';

/** Why a chosen file is refused before anything is sent, as a text key and its values. */
export interface FileRefusal {
  readonly key: TranslationKey;
  readonly params: TranslationParams;
}

/** The extension of a file name, lower case with its dot ('.xlsx'), or ''. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Checks a chosen file against the extensions accepted (['.xlsx']) and the size limit, so that an officer on a slow
 * connection is told at once rather than after sending megabytes. `size` formats byte counts for the message.
 */
export function checkFile(
  file: { readonly name: string; readonly size: number },
  accept: readonly string[],
  maxBytes: number,
  size: (bytes: number) => string,
): FileRefusal | null {
  const types = accept.join(', ');
  if (accept.length && !accept.map((type) => type.toLowerCase()).includes(extensionOf(file.name))) {
    return { key: 'upload.wrongType', params: { name: file.name, types } };
  }
  if (file.size === 0) return { key: 'upload.empty', params: { name: file.name } };
  if (file.size > maxBytes) return { key: 'upload.tooLarge', params: { name: file.name, size: size(file.size), max: size(maxBytes) } };
  return null;
}
