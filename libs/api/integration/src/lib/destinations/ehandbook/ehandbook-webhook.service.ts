import { Injectable, Logger } from '@nestjs/common';
import { ClientPrincipal, NotFoundError, PrismaService } from '@skss/api/core';
import { announce } from '../../outbox/outbox-writer';
import { OUTBOX_KINDS } from '../../outbox/outbox.types';
import { ChangeFeedService } from './change-feed.service';
import { PutWebhookDto, WebhookDto } from './change-feed.dto';
import { formatCursor, parseCursor, START } from './feed-cursor';

/** Advisory lock of the notifier, so that with several instances one announces. */
const NOTIFY_LOCK = 8_000_802;

/**
 * The e-handbook's webhooks: registered by its integration account, told (through the outbox, so
 * with retries and dead letters) when its feed has changes it was not told about yet.
 */
@Injectable()
export class EhandbookWebhookService {
  private readonly logger = new Logger('EhandbookWebhook');

  constructor(
    private readonly prisma: PrismaService,
    private readonly feed: ChangeFeedService,
  ) {}

  async get(principal: ClientPrincipal): Promise<WebhookDto> {
    const hook = await this.prisma.raw.ehandbookWebhook.findUnique({ where: { clientId: await this.accountId(principal) } });
    if (!hook) throw new NotFoundError('WEBHOOK_NOT_FOUND', 'Chưa đăng ký webhook');
    return { url: hook.url, notifiedCursor: hook.notifiedCursor, updatedAt: hook.updatedAt.toISOString() };
  }

  async put(principal: ClientPrincipal, dto: PutWebhookDto): Promise<WebhookDto> {
    const clientId = await this.accountId(principal);
    const hook = await this.prisma.raw.ehandbookWebhook.upsert({
      where: { clientId },
      create: { clientId, url: dto.url, secret: dto.secret },
      update: { url: dto.url, secret: dto.secret, updatedAt: new Date() },
    });
    return { url: hook.url, notifiedCursor: hook.notifiedCursor, updatedAt: hook.updatedAt.toISOString() };
  }

  async remove(principal: ClientPrincipal): Promise<void> {
    await this.prisma.raw.ehandbookWebhook.deleteMany({ where: { clientId: await this.accountId(principal) } });
  }

  /**
   * For each webhook whose feed moved since its last notice: an outbox item, and the new notice
   * position, in one transaction. Returns how many were announced (null: another instance is at it).
   */
  async announceNewChanges(): Promise<number | null> {
    const hooks = await this.prisma.raw.ehandbookWebhook.findMany();
    if (hooks.length === 0) return 0;
    return this.prisma.raw.$transaction(async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${NOTIFY_LOCK}) AS locked`;
      if (!locked) return null;
      let announced = 0;
      for (const hook of hooks) {
        const facilities = await tx.integrationClientFacility.findMany({
          where: { clientId: hook.clientId },
          select: { facilityId: true },
        });
        const since = parseCursor(hook.notifiedCursor) ?? START;
        const head = await this.feed.head(
          facilities.map((f) => f.facilityId),
          since,
        );
        if (!head) continue;
        const cursor = formatCursor(head);
        await announce(tx, [
          {
            destination: 'EHANDBOOK',
            kind: OUTBOX_KINDS.ehandbookNotify,
            subject: `webhook:${hook.clientId}`,
            payload: { clientId: hook.clientId, cursor },
          },
        ]);
        await tx.ehandbookWebhook.update({ where: { clientId: hook.clientId }, data: { notifiedCursor: cursor } });
        announced++;
      }
      if (announced > 0) this.logger.log(`announced new changes to ${announced} webhook(s)`);
      return announced;
    });
  }

  private async accountId(principal: ClientPrincipal): Promise<string> {
    const client = await this.prisma.raw.integrationClient.findUnique({ where: { clientId: principal.clientId }, select: { id: true } });
    if (!client) throw new NotFoundError('CLIENT_NOT_FOUND', 'Không tìm thấy tài khoản tích hợp');
    return client.id;
  }
}
