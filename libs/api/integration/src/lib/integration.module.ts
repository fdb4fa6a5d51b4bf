import { Module } from '@nestjs/common';
import { IntegrationClientsController } from './clients/integration-clients.controller';
import { IntegrationClientsRepository } from './clients/integration-clients.repository';
import { IntegrationClientsService } from './clients/integration-clients.service';
import { IntegrationWhoamiController } from './whoami/integration-whoami.controller';

/** Data integration (subsystem e, Điều 11-14): integration accounts of external systems and their API. */
@Module({
  controllers: [IntegrationClientsController, IntegrationWhoamiController],
  providers: [IntegrationClientsRepository, IntegrationClientsService],
  exports: [IntegrationClientsService],
})
export class IntegrationModule {}
