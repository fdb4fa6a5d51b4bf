import { Module } from '@nestjs/common';
import { AuditEventsController } from './events/audit-events.controller';
import { AuditEventsRepository } from './events/audit-events.repository';
import { AuditEventsService } from './events/audit-events.service';
import { AuditExportService } from './export/audit-export.service';

/** Reading and exporting the audit trail (Điều 17.5). Writing it is libs/api/core's job. */
@Module({
  controllers: [AuditEventsController],
  providers: [AuditEventsRepository, AuditEventsService, AuditExportService],
  exports: [AuditEventsService],
})
export class AuditTrailModule {}
