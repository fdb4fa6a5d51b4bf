import { Module } from '@nestjs/common';
import { ClinicalRecordsModule } from '@skss/api/clinical-records';
import { Dhis2MappingController } from '../destinations/dhis2/dhis2-mapping.controller';
import { Dhis2MappingService } from '../destinations/dhis2/dhis2-mapping.service';
import { Dhis2Sender } from '../destinations/dhis2/dhis2-sender';
import { ChangeFeedController } from '../destinations/ehandbook/change-feed.controller';
import { ChangeFeedService } from '../destinations/ehandbook/change-feed.service';
import { EhandbookSender } from '../destinations/ehandbook/ehandbook-sender';
import { EhandbookWebhookService } from '../destinations/ehandbook/ehandbook-webhook.service';
import { EhandbookNotifyJob } from '../destinations/ehandbook/ehandbook-notify.job';
import { FhirSender } from '../destinations/fhir/fhir-sender';
import { Dhis2DeathPull } from '../dhis2-deaths/dhis2-death-pull';
import { Dhis2DeathsController } from '../dhis2-deaths/dhis2-deaths.controller';
import { MetricsController } from '../monitoring/metrics.controller';
import { MonitoringController } from '../monitoring/monitoring.controller';
import { MonitoringScope } from '../monitoring/monitoring-scope';
import { MonitoringService } from '../monitoring/monitoring.service';
import { OutboundMetrics } from '../monitoring/outbound-metrics';
import { OutboxService } from '../monitoring/outbox.service';
import { OutboxScheduler } from './outbox-scheduler';
import { OUTBOX_SENDERS } from './outbox.types';

/**
 * Outbound integration (issue 8 items 3-5): the transactional outbox and its scheduler, the
 * destinations (DHIS2 data value sets, FHIR bundles to the EHR repository, the e-handbook's feed and
 * webhook), the DHIS2 death pull, monitoring and metrics (docs/operations/integration.md).
 */
@Module({
  imports: [ClinicalRecordsModule],
  controllers: [MonitoringController, MetricsController, Dhis2MappingController, Dhis2DeathsController, ChangeFeedController],
  providers: [
    Dhis2Sender,
    FhirSender,
    EhandbookSender,
    {
      provide: OUTBOX_SENDERS,
      inject: [Dhis2Sender, FhirSender, EhandbookSender],
      useFactory: (...senders: unknown[]) => senders,
    },
    OutboxScheduler,
    OutboundMetrics,
    MonitoringScope,
    MonitoringService,
    OutboxService,
    Dhis2MappingService,
    Dhis2DeathPull,
    ChangeFeedService,
    EhandbookWebhookService,
    EhandbookNotifyJob,
  ],
  exports: [OutboxScheduler],
})
export class OutboundModule {}
