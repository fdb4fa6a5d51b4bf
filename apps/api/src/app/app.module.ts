import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CoreModule } from '@skss/api/core';
import { AccountsModule } from '@skss/api/accounts';
import { AdministrationModule } from '@skss/api/administration';
import { AuditTrailModule } from '@skss/api/audit';
import { AuthModule } from '@skss/api/auth';
import { ClinicalRecordsModule, RegisterExcelModule } from '@skss/api/clinical-records';
import { CatalogsModule } from '@skss/api/catalogs';
import { IntegrationModule } from '@skss/api/integration';
import { OrgUnitsModule } from '@skss/api/org-units';
import { SsoModule } from '@skss/api/sso';
import { StatisticalReportsModule } from '@skss/api/statistical-reports';

/** Composition only: each subsystem is a module of its own library. */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    CoreModule,
    AuthModule,
    AccountsModule,
    OrgUnitsModule,
    RegisterExcelModule, // before ClinicalRecordsModule: its literal paths must route before `{register}/{id}`
    ClinicalRecordsModule,
    StatisticalReportsModule,
    CatalogsModule,
    AdministrationModule,
    IntegrationModule,
    AuditTrailModule,
    SsoModule,
  ],
})
export class AppModule {}
