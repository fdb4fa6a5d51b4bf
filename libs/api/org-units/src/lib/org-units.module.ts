import { Module } from '@nestjs/common';
import { AdminUnitsController } from './admin-units/admin-units.controller';
import { AdminUnitsRepository } from './admin-units/admin-units.repository';
import { AdminUnitsService } from './admin-units/admin-units.service';
import { FacilitiesController } from './facilities/facilities.controller';
import { FacilitiesRepository } from './facilities/facilities.repository';
import { FacilitiesService } from './facilities/facilities.service';

/** The org hierarchy: administrative units with their 2025 history, and health facilities. */
@Module({
  controllers: [AdminUnitsController, FacilitiesController],
  providers: [AdminUnitsRepository, AdminUnitsService, FacilitiesRepository, FacilitiesService],
  exports: [AdminUnitsService, FacilitiesService],
})
export class OrgUnitsModule {}
