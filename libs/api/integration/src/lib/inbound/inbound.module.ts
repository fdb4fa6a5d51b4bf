import { Module } from '@nestjs/common';
import { RegisterBulkModule } from '@skss/api/clinical-records';
import { IdempotencyStore } from './idempotency.store';
import { InboundChangeHook } from './inbound-change.hook';
import { InboundRecordsController } from './inbound-records.controller';
import { IngestionService } from './ingestion.service';
import { InboundRateLimitGuard } from './rate-limiter';

/**
 * Inbound integration: register records pushed by HIS and YTCS software (issue 8). IngestionService
 * is exported for the other inbound endpoints (the national XML format), as is the rate limit guard.
 */
@Module({
  imports: [RegisterBulkModule],
  controllers: [InboundRecordsController],
  providers: [IngestionService, IdempotencyStore, InboundChangeHook, InboundRateLimitGuard],
  exports: [IngestionService, InboundRateLimitGuard],
})
export class InboundModule {}
