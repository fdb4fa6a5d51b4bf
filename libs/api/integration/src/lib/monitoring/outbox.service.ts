import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, NotFoundError, Prisma, PrismaService } from '@skss/api/core';
import { ListOutboxItemsQueryDto, OutboxItemDto, OutboxItemPageDto, ResendResultDto } from './monitoring.dto';
import { MonitoringScope } from './monitoring-scope';

interface ItemRow {
  id: string;
  destination: string;
  kind: string;
  subject: string;
  facilityCode: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  response: unknown;
  createdAt: Date;
  deliveredAt: Date | null;
}

export const ITEM_COLUMNS = Prisma.sql`o.id::text AS id, o.destination::text AS destination, o.kind, o.subject, f.code AS "facilityCode",
  o.status::text AS status, o.attempts, o.next_attempt_at AS "nextAttemptAt", o.last_error AS "lastError", o.response,
  o.created_at AS "createdAt", o.delivered_at AS "deliveredAt"`;

export function toItemDto(row: ItemRow): OutboxItemDto {
  return {
    ...row,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** The scope filter of outbox rows (alias o): items of facilities in scope; 'all' also those of none. */
export function itemScope(facilities: number[] | 'all'): Prisma.Sql {
  return facilities === 'all' ? Prisma.sql`true` : Prisma.sql`o.facility_id = ANY(${facilities}::int[])`;
}

/** Outbox items in the caller's scope, and the manual re-send of failed or dead ones. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scope: MonitoringScope,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListOutboxItemsQueryDto): Promise<OutboxItemPageDto> {
    const where = Prisma.sql`${itemScope(await this.scope.facilities())}
      AND (${query.destination ?? null}::text IS NULL OR o.destination::text = ${query.destination ?? null})
      AND (${query.status ?? null}::text IS NULL OR o.status::text = ${query.status ?? null})`;
    const db = this.prisma.raw;
    const [rows, [{ total }]] = await Promise.all([
      db.$queryRaw<ItemRow[]>`SELECT ${ITEM_COLUMNS} FROM outbox_item o LEFT JOIN facility f ON f.id = o.facility_id
        WHERE ${where} ORDER BY o.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM outbox_item o WHERE ${where}`,
    ]);
    return { items: rows.map(toItemDto), page: query.page, pageSize: query.pageSize, total };
  }

  /** Puts one item back to be sent at the next poll, with its attempts counted afresh. */
  async resend(id: string): Promise<OutboxItemDto> {
    const db = this.prisma.raw;
    const scope = itemScope(await this.scope.facilities());
    const rows = await db.$queryRaw<ItemRow[]>`
      WITH changed AS (
        UPDATE outbox_item o SET status = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now()
        WHERE o.id = ${BigInt(id)} AND o.status <> 'DELIVERED' AND ${scope} RETURNING o.*)
      SELECT ${ITEM_COLUMNS} FROM changed o LEFT JOIN facility f ON f.id = o.facility_id`;
    const row = rows[0] ?? (await this.refuse(id, scope));
    await this.audit.record({
      action: 'UPDATE',
      entityType: 'OutboxItem',
      entityId: id,
      details: { resend: true, destination: row.destination },
    });
    return toItemDto(row);
  }

  /** Every dead letter of a destination back to be sent. */
  async resendDead(destination: string): Promise<ResendResultDto> {
    const scope = itemScope(await this.scope.facilities());
    const resent = await this.prisma.raw.$executeRaw`
      UPDATE outbox_item o SET status = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now()
      WHERE o.destination::text = ${destination} AND o.status = 'DEAD' AND ${scope}`;
    await this.audit.record({ action: 'UPDATE', entityType: 'OutboxItem', details: { resendDead: destination, count: resent } });
    return { resent };
  }

  /** A delivered item is not sent again (re-announce the data instead); one out of scope does not exist. */
  private async refuse(id: string, scope: Prisma.Sql): Promise<never> {
    const rows = await this.prisma.raw.$queryRaw<
      ItemRow[]
    >`SELECT ${ITEM_COLUMNS} FROM outbox_item o LEFT JOIN facility f ON f.id = o.facility_id WHERE o.id = ${BigInt(id)} AND ${scope}`;
    if (!rows[0]) throw new NotFoundError('OUTBOX_ITEM_NOT_FOUND', 'Không tìm thấy mục cần gửi');
    throw new DomainError('ALREADY_DELIVERED', 'Mục này đã được gửi thành công', 409);
  }
}
