import { Module } from '@nestjs/common';
import { FacilityRecordsController } from './facilities/facility-records.controller';
import { FacilityRecordsRepository } from './facilities/facility-records.repository';
import { FacilityRecordsService } from './facilities/facility-records.service';

/** Administration of the org data administrators keep: health facilities and their reporting lines. */
@Module({
  controllers: [FacilityRecordsController],
  providers: [FacilityRecordsRepository, FacilityRecordsService],
})
export class AdministrationModule {}
