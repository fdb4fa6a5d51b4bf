import { Injectable } from '@nestjs/common';
import { Metrics, PrismaService } from '@skss/api/core';
import { Counter, Gauge } from 'prom-client';
import { CellValues, cellKey } from '@skss/domain';
import { computeCommuneCells, computeFacilityCells, preparedSqlRunnerOf } from '../computation';
import { computeUnitReport } from '../aggregation/unit-report';
import { REPORT_FORM_CODES, type ReportFormCode } from '../forms/form-catalogue';
import { DraftCache } from './draft-cache';
import type { Month } from './report-month';

/** Cell values keyed by cell key (`I.5.1a:total`): the API's form of a report's values. */
export type FlatCells = Record<string, number>;

/** One cell that differs between the values sent and the registers now ("changed since sent"). */
export interface CellChange {
  cell: string;
  row: string;
  column: string;
  sent: number;
  current: number;
}

export function flattenCells(values: CellValues): FlatCells {
  const flat: FlatCells = {};
  for (const [row, columns] of Object.entries(values)) {
    for (const [column, value] of Object.entries(columns)) flat[cellKey(row, column)] = value;
  }
  return flat;
}

/**
 * The cells whose value differs between two sets (a cell missing on one side counts as 0), in
 * the order of the sent values and then the new cells.
 */
export function diffCells(sent: FlatCells, current: FlatCells): CellChange[] {
  const keys = [...new Set([...Object.keys(sent), ...Object.keys(current)])];
  return keys
    .filter((key) => (sent[key] ?? 0) !== (current[key] ?? 0))
    .map((key) => {
      const at = key.lastIndexOf(':');
      return { cell: key, row: key.slice(0, at), column: key.slice(at + 1), sent: sent[key] ?? 0, current: current[key] ?? 0 };
    });
}

/**
 * The values of a form computed from the registers now (the draft). The computation reads every
 * register row of the facility, whoever asks: access is decided at the report level. Drafts
 * computed from the registers are kept while their inputs are unchanged (DraftCache).
 */
@Injectable()
export class DraftValues {
  private readonly kept: DraftCache;

  constructor(
    private readonly prisma: PrismaService,
    metrics: Metrics,
  ) {
    const served = new Counter({
      name: 'skss_report_drafts_total',
      help: 'Report drafts this instance served from the registers, by outcome: kept (inputs unchanged since computed) or computed',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    });
    const kept = (this.kept = new DraftCache({ served: (outcome) => served.inc({ outcome }) }));
    new Gauge({
      name: 'skss_report_drafts_kept',
      help: 'Report drafts this instance keeps',
      registers: [metrics.registry],
      collect() {
        this.set(kept.size);
      },
    });
  }

  /** Whether the form's values are computed from the registers (the commune form, and forms 4–8 of a facility's own registers). */
  computable(form: ReportFormCode): boolean {
    return REPORT_FORM_CODES.includes(form);
  }

  /**
   * The draft of one facility's form for the month: a commune station's commune form; a
   * facility's own registers under the same rules with its indicators (forms 4–8 read their
   * columns from them); or, for the units that compile the units below them (district health
   * centres, Departments of Health, CDCs, the ministry), the aggregate of forms 4–8 — one line per
   * reporting unit from its registers or its approved commune report, subtotals and total —
   * keyed line → column (`unit:TYT.03127.2025`, `group:total`), so that what they send and
   * approve is the aggregate itself. `fresh`: computed now even when a kept draft is valid (what
   * is sent is computed at the moment of sending).
   */
  async of(form: ReportFormCode, facilityId: number, month: Month, options: { fresh?: boolean } = {}): Promise<CellValues | null> {
    // Prepared: the same few statements are asked by every report view and worklist.
    const db = preparedSqlRunnerOf(this.prisma);
    const fromRegisters = (key: string, compute: () => Promise<CellValues>) =>
      options.fresh ? compute() : this.kept.of(db, `${key}:${facilityId}:${month}`, compute);
    if (form === 'commune') {
      // With the facility indicators the commune rows of Biểu 6 and 7 show (gynaecology visits by
      // purpose, abortion bands), so an approved report carries every number its row is read for.
      return fromRegisters(
        'commune',
        async () => (await computeCommuneCells(db, [facilityId], month, { indicators: true })).get(facilityId) ?? {},
      );
    }
    const [facility] = await db.query<{ kind: string }>('SELECT kind::text AS kind FROM facility WHERE id = $1', [facilityId]);
    if (!facility) return null;
    // An aggregate also reads approved reports, which report_input_change does not record: computed each time.
    if (AGGREGATING_KINDS.includes(facility.kind)) return aggregateValues(await computeUnitReport(db, { form, facilityId, period: month }));
    // Forms 4–8 of a facility read the same cells of its own registers.
    return fromRegisters('own', async () => (await computeFacilityCells(db, [facilityId], month)).get(facilityId) ?? {});
  }
}

/** Facilities whose forms 4–8 aggregate the units reporting to them rather than registers of their own. */
const AGGREGATING_KINDS: readonly string[] = ['DISTRICT_HEALTH_CENTER', 'DEPARTMENT_OF_HEALTH', 'CDC', 'MCH_DEPARTMENT', 'NCHI'];

/** The lines of an aggregate as cell values: line key → column key → value (grey, not collected and missing cells left out). */
function aggregateValues(report: { lines: readonly { key: string; values: Record<string, number | null> }[] }): CellValues {
  const values: CellValues = {};
  for (const line of report.lines) {
    values[line.key] = Object.fromEntries(Object.entries(line.values).filter((entry): entry is [string, number] => entry[1] !== null));
  }
  return values;
}
