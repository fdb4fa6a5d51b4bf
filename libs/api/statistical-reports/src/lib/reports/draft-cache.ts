import type { CellValues } from '@skss/domain';
import type { SqlRunner } from '../computation';

/** A draft kept with the snapshot it was computed under (pg_snapshot text) and when. */
interface KeptDraft {
  readonly snapshot: string;
  readonly values: CellValues;
  readonly keptAt: number;
}

/**
 * How many drafts an instance keeps: a province's stations and facilities for two months. A commune
 * draft is about 300 cells, some 10 kB of heap: 10 MB at most, within API_HEAP_MB.
 */
export const KEPT_DRAFTS = 1_000;

/**
 * How long a draft is kept at most. Far below the day report_input_change keeps its rows (the
 * nightly retention), so a change is never deleted while a draft it invalidates is still kept.
 */
export const KEPT_DRAFT_MS = 60 * 60 * 1000;

/** The snapshot new work starts from: a draft computed after it sees at least what it sees. */
const SNAPSHOT = 'SELECT pg_current_snapshot()::text AS now';

/**
 * Whether a transaction that changed a report input committed after `$1` (it is recorded in
 * report_input_change and invisible to that snapshot), and the snapshot now. Transactions below
 * the snapshot's xmin were finished and visible: only the few rows from xmin on are read.
 */
const CHANGED_SINCE = `SELECT pg_current_snapshot()::text AS now,
  EXISTS (SELECT 1 FROM report_input_change c
           WHERE c.txid >= pg_snapshot_xmin($1::pg_snapshot)::text::bigint
             AND NOT pg_visible_in_snapshot(c.txid::text::xid8, $1::pg_snapshot)) AS changed`;

/** How a draft was served: a kept one, or computed (none was kept, or its inputs changed). */
export type DraftOutcome = 'kept' | 'computed';

export interface DraftCacheOptions {
  /** How many drafts to keep at most (KEPT_DRAFTS). */
  limit?: number;
  /** The clock (milliseconds). */
  now?: () => number;
  /** Told of every draft served (the instance's metrics). */
  served?: (outcome: DraftOutcome) => void;
}

/**
 * Computed drafts, kept per form, facility and month and served again while none of their inputs
 * changed: exact, not a time-to-live. Every write to a table the report rules read records its
 * transaction in report_input_change (statement triggers, whatever the path: entry, Excel, the
 * API, a DBA). A draft is computed after its snapshot is taken, so it sees at least what that
 * snapshot sees; it is served again only when no recorded transaction is invisible to that
 * snapshot, that is when the registers read now are the ones it was computed from. One index read
 * replaces the dozen statements of a commune form (docs/operations/sizing.md).
 *
 * Each instance keeps its own drafts and needs no message from the others: the check is the
 * database's. After a restore from backup, restart the API (transaction ids start over).
 */
export class DraftCache {
  private readonly kept = new Map<string, KeptDraft>();
  private readonly limit: number;
  private readonly now: () => number;
  private readonly served: (outcome: DraftOutcome) => void;

  constructor(options: DraftCacheOptions = {}) {
    this.limit = options.limit ?? KEPT_DRAFTS;
    this.now = options.now ?? Date.now;
    this.served = options.served ?? (() => undefined);
  }

  /** The draft of `key`: the kept one while its inputs are unchanged, otherwise computed (and kept). */
  async of(db: SqlRunner, key: string, compute: () => Promise<CellValues>): Promise<CellValues> {
    const kept = this.kept.get(key);
    let snapshot: string;
    if (kept && this.now() - kept.keptAt < KEPT_DRAFT_MS) {
      const [check] = await db.query<{ now: string; changed: boolean }>(CHANGED_SINCE, [kept.snapshot]);
      if (!check.changed) {
        this.served('kept');
        return copyOf(kept.values);
      }
      snapshot = check.now;
    } else {
      [{ now: snapshot }] = await db.query<{ now: string }>(SNAPSHOT, []);
    }
    const values = await compute();
    this.served('computed');
    this.keep(key, { snapshot, values: copyOf(values), keptAt: this.now() });
    return values;
  }

  /** How many drafts are kept (tests and metrics). */
  get size(): number {
    return this.kept.size;
  }

  private keep(key: string, draft: KeptDraft): void {
    // A Map iterates in insertion order: re-inserting makes the oldest entry the first.
    this.kept.delete(key);
    this.kept.set(key, draft);
    while (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value as string);
  }
}

/** Callers own what they are given: a kept draft is never handed out to be changed. */
function copyOf(values: CellValues): CellValues {
  const copy: CellValues = {};
  for (const row in values) copy[row] = { ...values[row] };
  return copy;
}
