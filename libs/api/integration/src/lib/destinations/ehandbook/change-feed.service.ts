import { Injectable } from '@nestjs/common';
import { ClientPrincipal, DomainError, PrismaService } from '@skss/api/core';
import { EPISODES_TABLE, fieldsOf, isRecordRegister, REGISTER_TABLES, RegisterTable } from '@skss/api/clinical-records';
import { ChangeDto, ChangeFeedQueryDto, ChangePageDto } from './change-feed.dto';
import { FeedCursor, formatCursor, nextCursor, parseCursor } from './feed-cursor';
import { acknowledgeRead } from './feed-readers';

interface ChangeRow {
  seq: string;
  txid: string;
  register: string;
  recordId: string;
  personId: string | null;
  op: string;
  changedAt: Date;
}

type Delegate = { findMany(args: object): Promise<Record<string, unknown>[]> };

/**
 * The e-handbook's change feed: the changes of persons and register rows its account may see (its
 * facilities, and the persons known there), in (transaction id, sequence) order and below the
 * watermark of running transactions (feed-cursor.ts), with each record as it is now. The position
 * asked from is recorded as read (feed-readers.ts): retention keeps every change a reader still needs.
 */
@Injectable()
export class ChangeFeedService {
  constructor(private readonly prisma: PrismaService) {}

  async read(principal: ClientPrincipal, query: ChangeFeedQueryDto): Promise<ChangePageDto> {
    const since = parseCursor(query.since);
    if (!since)
      throw new DomainError('INVALID_CURSOR', 'Con trỏ không hợp lệ', 400, [
        { field: 'since', code: 'INVALID_CURSOR', message: 'Con trỏ không hợp lệ' },
      ]);
    await acknowledgeRead(this.prisma.raw, principal.clientId, since);
    const facilityIds = [...principal.facilityIds];
    const limit = query.limit ?? 200;
    const { rows, watermark } = await this.page(since, facilityIds, query.personId ?? null, limit);
    const last = rows.length > 0 ? { txid: BigInt(rows[rows.length - 1].txid), seq: BigInt(rows[rows.length - 1].seq) } : null;
    const records = await this.records(rows);
    return {
      items: rows.map(
        (row): ChangeDto => ({
          cursor: formatCursor({ txid: BigInt(row.txid), seq: BigInt(row.seq) }),
          register: row.register,
          recordId: row.recordId,
          personId: row.personId,
          op: row.op,
          changedAt: row.changedAt.toISOString(),
          record: records.get(`${row.register}:${row.recordId}`) ?? null,
        }),
      ),
      next: formatCursor(nextCursor(since, last, rows.length === limit, watermark)),
      hasMore: rows.length === limit,
    };
  }

  /** One page and the watermark, read in one statement (one snapshot). */
  private async page(since: FeedCursor, facilityIds: number[], personId: string | null, limit: number) {
    const result = await this.prisma.raw.$queryRaw<(ChangeRow & { watermark: string })[]>`
      WITH w AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin)
      SELECT c.seq::text AS seq, c.txid::text AS txid, c.register, c.record_id::text AS "recordId", c.person_id::text AS "personId",
             c.op, c.changed_at AS "changedAt", w.xmin::text AS watermark
      FROM w LEFT JOIN LATERAL (
        SELECT * FROM record_change c
        WHERE (c.txid, c.seq) > (${since.txid}::bigint, ${since.seq}::bigint) AND c.txid < w.xmin
          AND (${personId}::uuid IS NULL OR c.person_id = ${personId}::uuid)
          AND (c.facility_id = ANY(${facilityIds}::int[])
               OR (c.person_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM person_facility pf WHERE pf.person_id = c.person_id AND pf.facility_id = ANY(${facilityIds}::int[]))))
        ORDER BY c.txid, c.seq
        LIMIT ${limit}
      ) c ON true`;
    const watermark = BigInt(result[0]?.watermark ?? '0');
    return { rows: result.filter((r) => r.seq !== null), watermark };
  }

  /** The current state of the changed records, by register. */
  private async records(rows: readonly ChangeRow[]): Promise<Map<string, Record<string, unknown>>> {
    const out = new Map<string, Record<string, unknown>>();
    const byRegister = new Map<string, string[]>();
    for (const row of rows) byRegister.set(row.register, [...(byRegister.get(row.register) ?? []), row.recordId]);
    const db = this.prisma.raw;
    for (const [register, ids] of byRegister) {
      if (register === 'persons') {
        const persons = await db.person.findMany({ where: { id: { in: ids } } });
        for (const p of persons) {
          out.set(`persons:${p.id}`, {
            fullName: p.fullName,
            dateOfBirth: p.dateOfBirth.toISOString().slice(0, 10),
            sex: p.sex,
            citizenId: p.citizenId,
            insuranceCard: p.insuranceCard,
            ethnicityCode: p.ethnicityCode,
            phone: p.phone,
            motherId: p.motherId,
            mergedIntoId: p.mergedIntoId,
          });
        }
        continue;
      }
      const table: RegisterTable | null =
        register === 'episodes' ? EPISODES_TABLE : isRecordRegister(register) ? REGISTER_TABLES[register] : null;
      if (!table) continue;
      const found = await (db as unknown as Record<string, Delegate>)[table.delegate].findMany({ where: { id: { in: ids } } });
      for (const row of found) out.set(`${register}:${row['id']}`, fieldsOf(table.definition.fields, row));
    }
    return out;
  }

  /** The newest position the account could read now, after `since` (null: nothing new). */
  async head(facilityIds: number[], since: FeedCursor): Promise<FeedCursor | null> {
    const rows = await this.prisma.raw.$queryRaw<{ txid: string; seq: string }[]>`
      SELECT c.txid::text AS txid, c.seq::text AS seq FROM record_change c
      WHERE (c.txid, c.seq) > (${since.txid}::bigint, ${since.seq}::bigint)
        AND c.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        AND (c.facility_id = ANY(${facilityIds}::int[])
             OR (c.person_id IS NOT NULL AND EXISTS (
               SELECT 1 FROM person_facility pf WHERE pf.person_id = c.person_id AND pf.facility_id = ANY(${facilityIds}::int[]))))
      ORDER BY c.txid DESC, c.seq DESC LIMIT 1`;
    return rows[0] ? { txid: BigInt(rows[0].txid), seq: BigInt(rows[0].seq) } : null;
  }
}
