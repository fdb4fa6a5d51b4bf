import { createHash, Hash } from 'node:crypto';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { TABLE_NAMES, TableName, TABLES } from './tables';

/** A value as the COPY text format takes it: null is \N, booleans t/f, arrays pre-formatted. */
export type Cell = string | number | boolean | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** Columns whose text may hold anything (names, addresses, notes); other text cells are codes, ids and dates. */
const FREE_TEXT = new Set([
  'full_name',
  'full_name_folded',
  'address',
  'examiner',
  'notes',
  'diagnosis',
  'main_cause',
  'collector',
  'file_name',
  'file',
]);

const ESCAPED: Record<TableName, boolean[]> = Object.fromEntries(
  TABLE_NAMES.map((table) => [table, TABLES[table].map((column: string) => FREE_TEXT.has(column))]),
) as Record<TableName, boolean[]>;

function encode(value: Cell, escape: boolean): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escape ? escapeText(value) : value;
  if (typeof value === 'number') return String(value);
  return value ? 't' : 'f';
}

/** A PostgreSQL text[] literal for COPY: codes only (no quoting needed). */
export function textArray(items: readonly string[]): string {
  return `{${items.join(',')}}`;
}

/** Rows of one table as UTF-8 in 1 MiB blocks (off the JS heap: millions of small strings would keep the GC busy). */
class Blocks {
  static readonly SIZE = 1 << 20;
  blocks: Buffer[] = [];
  private current = Buffer.allocUnsafe(Blocks.SIZE);
  private used = 0;
  /** Lines not yet encoded: one Buffer.write per ~32 KB instead of one per row. */
  private pending = '';
  bytes = 0;

  append(line: string): void {
    this.pending += line;
    if (this.pending.length > 32_768) this.drain();
  }

  private drain(): void {
    const text = this.pending;
    this.pending = '';
    const length = Buffer.byteLength(text, 'utf8');
    if (this.used + length > this.current.length) {
      if (this.used > 0) this.blocks.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafe(Math.max(Blocks.SIZE, length));
      this.used = 0;
    }
    this.current.write(text, this.used, 'utf8');
    this.used += length;
    this.bytes += length;
  }

  /** The filled blocks, and a fresh start. */
  take(): Buffer[] {
    this.drain();
    if (this.used > 0) this.blocks.push(this.current.subarray(0, this.used));
    const taken = this.blocks;
    this.blocks = [];
    this.current = Buffer.allocUnsafe(Blocks.SIZE);
    this.used = 0;
    this.bytes = 0;
    return taken;
  }
}

/**
 * Buffers rows per table as COPY text and loads them in chunks: when the buffers hold about
 * `flushBytes`, the chunk is sent table by table in foreign-key order with `COPY … FROM STDIN` on
 * one connection, while the generator goes on with the next chunk (one chunk in flight at a time,
 * so memory stays bounded). Every row also goes into a per-table SHA-256, whose combination is the
 * run's checksum (the same seed gives the same checksum). Without a client (dry run) rows are only
 * counted and hashed.
 */
export class CopyLoader {
  readonly counts: Record<TableName, number>;
  private readonly buffers: Record<TableName, Blocks>;
  private readonly hashes: Record<TableName, Hash>;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly client: Client | null,
    private readonly flushBytes = 32 * 1024 * 1024,
  ) {
    this.counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
    this.buffers = Object.fromEntries(TABLE_NAMES.map((t) => [t, new Blocks()])) as Record<TableName, Blocks>;
    this.hashes = Object.fromEntries(TABLE_NAMES.map((t) => [t, createHash('sha256')])) as Record<TableName, Hash>;
  }

  /** Adds one row; the cells follow TABLES[table]'s column order. */
  row(table: TableName, cells: readonly Cell[]): void {
    if (cells.length !== TABLES[table].length) throw new Error(`${table}: ${cells.length} cells for ${TABLES[table].length} columns`);
    const escaped = ESCAPED[table];
    let line = encode(cells[0], escaped[0]);
    for (let i = 1; i < cells.length; i++) line += '\t' + encode(cells[i], escaped[i]);
    this.buffers[table].append(line + '\n');
    this.counts[table]++;
  }

  /** Call between units of work: sends the buffered chunk when it is big enough. */
  async checkpoint(): Promise<void> {
    let bytes = 0;
    for (const table of TABLE_NAMES) bytes += this.buffers[table].bytes;
    if (bytes >= this.flushBytes) await this.flush();
  }

  /** Sends what is buffered and waits until every chunk is stored. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    this.rethrow();
  }

  /** SHA-256 over every table's rows in generation order. */
  checksum(): string {
    const all = createHash('sha256');
    for (const table of TABLE_NAMES) all.update(`${table}:${this.hashes[table].copy().digest('hex')}\n`);
    return all.digest('hex');
  }

  private async flush(): Promise<void> {
    await this.inFlight;
    this.rethrow();
    const payloads: [TableName, Buffer[]][] = [];
    for (const table of TABLE_NAMES) {
      const blocks = this.buffers[table].take();
      if (blocks.length === 0) continue;
      for (const block of blocks) this.hashes[table].update(block);
      payloads.push([table, blocks]);
    }
    if (!this.client) return;
    const client = this.client;
    this.inFlight = (async () => {
      for (const [table, blocks] of payloads) await copyInto(client, table, blocks);
    })().catch((error: unknown) => {
      this.failure = error;
    });
  }

  private rethrow(): void {
    if (this.failure) throw this.failure;
  }
}

function copyInto(client: Client, table: TableName, blocks: Buffer[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(`COPY ${table} (${TABLES[table].join(', ')}) FROM STDIN`));
    stream.on('error', (error: Error) => reject(new Error(`COPY ${table}: ${error.message}`)));
    stream.on('finish', () => resolve());
    for (const block of blocks) stream.write(block);
    stream.end();
  });
}
