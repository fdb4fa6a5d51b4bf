import { Module } from '@nestjs/common';
import { IntegrationClientsController } from './clients/integration-clients.controller';
import { IntegrationClientsRepository } from './clients/integration-clients.repository';
import { IntegrationClientsService } from './clients/integration-clients.service';
import { InboundModule } from './inbound/inbound.module';
import { NationalModule } from './national/national.module';
import { OutboundModule } from './outbox/outbound.module';
import { IntegrationRetention } from './retention/integration-retention';
import { IntegrationWhoamiController } from './whoami/integration-whoami.controller';

/** Data integration (subsystem e, Điều 11-14): integration accounts of external systems and their API. */
@Module({
  imports: [InboundModule, NationalModule, OutboundModule],
  controllers: [IntegrationClientsController, IntegrationWhoamiController],
  providers: [IntegrationClientsRepository, IntegrationClientsService, IntegrationRetention],
  exports: [IntegrationClientsService, InboundModule],
})
export class IntegrationModule {}
