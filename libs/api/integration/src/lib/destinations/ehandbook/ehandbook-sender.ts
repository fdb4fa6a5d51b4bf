import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig, InjectAppConfig, PrismaService } from '@skss/api/core';
import { DeliveryOutcome, OutboxItemRow, OutboxSender } from '../../outbox/outbox.types';
import { deliverHttp } from '../http';

export const FEED_PATH = '/api/v1/integration/ehandbook/changes';

/** HMAC-SHA256 of the body with the webhook's secret, as sent in X-SKSS-Signature. */
export const signature = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Tells the e-handbook's webhook that its feed has new changes; it then pulls them (change-feed.controller.ts). */
@Injectable()
export class EhandbookSender implements OutboxSender {
  readonly destination = 'EHANDBOOK' as const;

  constructor(
    private readonly prisma: PrismaService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Webhooks are registered by the e-handbook itself: nothing to configure here. */
  configured(): boolean {
    return true;
  }

  schedule(): string {
    return this.config.outbound.ehandbookSchedule;
  }

  async deliver(item: OutboxItemRow, idempotencyKey: string): Promise<DeliveryOutcome> {
    const { clientId, cursor } = item.payload as { clientId: string; cursor: string };
    const hook = await this.prisma.raw.ehandbookWebhook.findUnique({ where: { clientId } });
    if (!hook) return { ok: true, response: { skipped: 'webhook removed' } };
    const body = JSON.stringify({ event: 'changes.available', cursor, feed: FEED_PATH });
    return deliverHttp(
      hook.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
          'x-skss-signature': signature(hook.secret, body),
        },
        body,
      },
      this.config.outbound.requestTimeoutSeconds,
    );
  }
}
