import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig, InjectAppConfig } from '@skss/api/core';
import { TIME_ZONE } from '../../outbox/outbox-scheduler';
import { EhandbookWebhookService } from './ehandbook-webhook.service';

/** Looks on EHANDBOOK_NOTIFY_SCHEDULE for webhooks whose feed has moved, and announces them. */
@Injectable()
export class EhandbookNotifyJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('EhandbookNotify');

  constructor(
    private readonly webhooks: EhandbookWebhookService,
    private readonly registry: SchedulerRegistry,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.outbound.jobs) return;
    const job = CronJob.from({
      cronTime: this.config.outbound.ehandbookSchedule,
      onTick: () =>
        void this.webhooks.announceNewChanges().catch((error) => this.logger.error(`notify failed: ${(error as Error).message}`)),
      timeZone: TIME_ZONE,
      start: true,
    });
    this.registry.addCronJob('ehandbook-notify', job);
  }
}
