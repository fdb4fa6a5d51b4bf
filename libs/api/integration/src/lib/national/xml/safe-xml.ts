import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { nationalError } from './national-errors';

/**
 * Parsing of untrusted XML for the national endpoint. fast-xml-parser is pure JavaScript (no
 * libxml, nothing is fetched), but it does read a DOCTYPE's internal entities when entity
 * processing is on; so the documents are checked before it sees them:
 * - any `<!DOCTYPE` or `<!ENTITY` is refused outright (no DTD, no internal or external entities,
 *   hence no XXE and no billion laughs), wherever it appears;
 * - the parser runs with entity processing off; the five predefined entities and numeric
 *   character references are decoded here, in one pass, without any expansion;
 * - well-formedness is checked first (the parser itself is lenient), then nesting is bounded by
 *   the parser's `maxNestedTags`;
 * - the text must be UTF-8 (the byte-size limits are the caller's: route body, base64 tables).
 */

/** An element: its children by tag name, each a list (repeated elements keep their order). */
export interface XmlElement {
  [tag: string]: XmlNode[];
}
/** A leaf element is its text (trimmed, entities decoded); an element with children is an XmlElement. */
export type XmlNode = string | XmlElement;

export interface XmlLimits {
  /** Deepest element nesting accepted (the root is depth 1). */
  readonly maxDepth: number;
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi;

/** UTF-8 bytes to text, refusing invalid sequences; a byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw nationalError('XML_ENCODING_INVALID');
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw nationalError('XML_ENCODING_INVALID', `khai báo encoding="${declared.slice(0, 20)}"`);
  return text;
}

/**
 * Decodes the predefined entities and numeric character references of a text value, in a single
 * pass (`&amp;lt;` stays `&lt;`). Any other named reference is refused: without a DTD none exists.
 */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (_whole, ref: string) => {
    if (ref[0] !== '#') {
      const known = Object.prototype.hasOwnProperty.call(PREDEFINED, ref) ? PREDEFINED[ref] : undefined;
      if (known === undefined) throw nationalError('XML_MALFORMED', `tham chiếu thực thể không xác định &${ref.slice(0, 20)};`);
      return known;
    }
    const codePoint = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    const allowed =
      codePoint === 0x9 ||
      codePoint === 0xa ||
      codePoint === 0xd ||
      (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
      (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
      (codePoint >= 0x10000 && codePoint <= 0x10ffff);
    if (!allowed) throw nationalError('XML_MALFORMED', `tham chiếu ký tự không hợp lệ &${ref.slice(0, 12)};`);
    return String.fromCodePoint(codePoint);
  });
}

/** Refuses a document declaring a DTD or entities, before any parser reads it. */
export function refuseDeclarations(text: string): void {
  if (DECLARATION.test(text)) throw nationalError('XML_DTD_FORBIDDEN');
}

/**
 * Parses one untrusted document into its root element's name and content. Throws a DomainError
 * with a code of national-errors.ts for every refusal; never resolves anything outside the text.
 */
export function parseUntrustedXml(text: string, limits: XmlLimits): { root: string; content: XmlNode } {
  refuseDeclarations(text);
  if (text.trim() === '') throw nationalError('XML_EMPTY');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw nationalError('XML_MALFORMED', `dòng ${valid.err.line}, cột ${valid.err.col}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    trimValues: true,
    isArray: () => true,
    maxNestedTags: limits.maxDepth,
    tagValueProcessor: (_tag: string, value: string) => decodeXmlText(value),
  });
  let parsed: Record<string, XmlNode[]>;
  try {
    parsed = parser.parse(text) as Record<string, XmlNode[]>;
  } catch (error) {
    if (error instanceof Error && /nested tags/i.test(error.message)) {
      throw nationalError('XML_TOO_DEEP', `tối đa ${limits.maxDepth} cấp`);
    }
    if (error instanceof Error && 'code' in error) throw error;
    throw nationalError('XML_MALFORMED');
  }
  const roots = Object.keys(parsed);
  if (roots.length !== 1 || parsed[roots[0]].length !== 1) throw nationalError('XML_MALFORMED', 'phải có đúng một phần tử gốc');
  return { root: roots[0], content: parsed[roots[0]][0] };
}

// ---- Reading the tree ----

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** The child elements named `tag` that have children of their own. */
export function childElements(node: XmlNode | undefined, tag: string): XmlElement[] {
  if (!isElement(node)) return [];
  const children = Object.prototype.hasOwnProperty.call(node, tag) ? node[tag] : [];
  return children.filter(isElement);
}

/** The text of the first child named `tag`: '' for an empty element, undefined when absent or not a leaf. */
export function childText(node: XmlNode | undefined, tag: string): string | undefined {
  if (!isElement(node) || !Object.prototype.hasOwnProperty.call(node, tag)) return undefined;
  const first = node[tag][0];
  return typeof first === 'string' ? first : undefined;
}

/** Every leaf child of an element as field → text (the first of repeated leaves). */
export function leafFields(node: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag, values] of Object.entries(node)) {
    const first = values[0];
    if (typeof first === 'string') fields[tag] = first;
  }
  return fields;
}
