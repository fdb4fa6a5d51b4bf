import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { DraftInputsRetention } from './reports/draft-inputs-retention';
import { DraftValues } from './reports/draft-values';
import { ReportAccess } from './reports/report-access';
import { ReportApprovalService } from './reports/report-approval.service';
import { ReportReadingService } from './reports/report-reading.service';
import { ReportSubmissionService } from './reports/report-submission.service';
import { ReportTransitions } from './reports/report-transitions';
import { ReportsRepository } from './reports/reports.repository';
import { StatisticalReportsController } from './statistical-reports.controller';
import { UnitReportService } from './aggregation/unit-report.service';
import { ReportDrillDownService } from './drill-down/report-drill-down.service';
import { ReportExportService } from './export/report-export.service';
import { ReportOutputsController } from './outputs/report-outputs.controller';
import { ReportOutputsService } from './outputs/report-outputs.service';

/** Statistical reports (subsystem đ): monthly forms computed from the registers, sent up and approved. */
@Module({
  // ReportOutputsController first: its literal paths (aggregates/…) must route before `{form}/{facilityId}/{month}`.
  controllers: [ReportOutputsController, NotificationsController, StatisticalReportsController],
  providers: [
    ReportsRepository,
    ReportAccess,
    DraftValues,
    DraftInputsRetention,
    NotificationsService,
    ReportTransitions,
    ReportReadingService,
    ReportSubmissionService,
    ReportApprovalService,
    ReportExportService,
    UnitReportService,
    ReportDrillDownService,
    ReportOutputsService,
  ],
})
export class StatisticalReportsModule {}
