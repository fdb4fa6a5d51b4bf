import { Module } from '@nestjs/common';
import { RegisterLockService } from './period-lock/register-lock.service';
import { PersonMergeService } from './persons/person-merge.service';
import { PersonWriter } from './persons/person-writer';
import { PersonsController } from './persons/persons.controller';
import { PersonsService } from './persons/persons.service';
import { PostnatalVisitsController } from './persons/postnatal-visits.controller';
import { PostnatalVisitsService } from './persons/postnatal-visits.service';
import { PregnancyEpisodesController } from './registers/pregnancy-episodes.controller';
import { RegisterRecordsController } from './registers/register-records.controller';
import { RegisterRecordsService } from './registers/register-records.service';
import { RecordsContext } from './shared/records-context';

/**
 * Subsystem d of the regulation: persons, pregnancy episodes and the registers, entered directly
 * or sent by external systems, scoped and audited by the core mechanism.
 */
@Module({
  controllers: [PersonsController, PostnatalVisitsController, PregnancyEpisodesController, RegisterRecordsController],
  providers: [
    RecordsContext,
    PersonWriter,
    PersonsService,
    PersonMergeService,
    PostnatalVisitsService,
    RegisterLockService,
    RegisterRecordsService,
  ],
  exports: [RegisterLockService, RegisterRecordsService, PersonWriter],
})
export class ClinicalRecordsModule {}
