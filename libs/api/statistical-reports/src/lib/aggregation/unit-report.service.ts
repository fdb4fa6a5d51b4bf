import { Injectable } from '@nestjs/common';
import { PrismaService } from '@skss/api/core';
import { sqlRunnerOf } from '../computation/sql-runner';
import { CellValues, FacilityKind, ReportFormCode } from '@skss/domain';
import {
  CommuneFormSum,
  computeCommuneFormSum,
  computeOwnUnitLines,
  computeUnitReport,
  OwnUnitLines,
  UnitReport,
  UnitReportRequest,
} from './unit-report';

/**
 * Biểu 4–8 of a district health centre, a Department of Health (or CDC) or the ministry, from the
 * registers of the facilities below it and the approved commune reports (report-rules §4). Reads
 * through raw SQL, as the draft of a report does: who may read the aggregate is decided by the
 * caller (the report access rules), not by the register scope.
 */
@Injectable()
export class UnitReportService {
  constructor(private readonly prisma: PrismaService) {}

  report(request: UnitReportRequest): Promise<UnitReport> {
    return computeUnitReport(sqlRunnerOf(this.prisma), request);
  }

  communeFormSum(facilityId: number, period: string): Promise<CommuneFormSum> {
    return computeCommuneFormSum(sqlRunnerOf(this.prisma), facilityId, period);
  }

  ownLines(request: {
    form: ReportFormCode;
    facilityId: number;
    month: string;
    approverKind: FacilityKind | null;
    values: CellValues;
  }): Promise<OwnUnitLines> {
    return computeOwnUnitLines(sqlRunnerOf(this.prisma), request);
  }
}
