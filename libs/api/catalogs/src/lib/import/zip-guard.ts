/**
 * Checks an .xlsx (a zip archive) before it is unpacked, from its central directory alone: a
 * small upload must not expand into gigabytes in memory (zip bomb).
 */
export interface ZipLimits {
  /** Total uncompressed size of all entries, in bytes. */
  maxUncompressedBytes: number;
  /** Uncompressed size divided by the archive's size. */
  maxRatio: number;
  maxEntries: number;
}

export type ZipVerdict =
  | { ok: true; uncompressedBytes: number }
  | { ok: false; reason: 'not-a-zip' | 'too-many-entries' | 'too-large' | 'ratio' };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

export function inspectZip(buffer: Buffer, limits: ZipLimits): ZipVerdict {
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) return { ok: false, reason: 'not-a-zip' };
  const entries = buffer.readUInt16LE(end + 10);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === ZIP64_MARKER) return { ok: false, reason: 'too-large' }; // zip64: far beyond any catalog
  if (entries > limits.maxEntries) return { ok: false, reason: 'too-many-entries' };
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return { ok: false, reason: 'not-a-zip' };
    const uncompressed = buffer.readUInt32LE(offset + 24);
    if (uncompressed === ZIP64_MARKER) return { ok: false, reason: 'too-large' };
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) return { ok: false, reason: 'too-large' };
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  if (total > limits.maxRatio * Math.max(buffer.length, 1)) return { ok: false, reason: 'ratio' };
  return { ok: true, uncompressedBytes: total };
}

/** The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= stop; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}
