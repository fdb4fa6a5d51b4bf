import { Injectable } from '@nestjs/common';
import { PrismaService } from '@skss/api/core';
import { sqlRunnerOf } from '../computation/sql-runner';
import { CellRows, cellRows, CellRowsRequest } from './cell-rows';
import { scopedRecords } from './scoped-records';

/**
 * The register rows behind a cell of a station's commune form, listed with the counting
 * statement's own predicate and shown as far as the caller's scope reaches (the request's
 * principal, through the scoped Prisma client).
 */
@Injectable()
export class ReportDrillDownService {
  constructor(private readonly prisma: PrismaService) {}

  rowsBehind(request: CellRowsRequest): Promise<CellRows> {
    return cellRows(sqlRunnerOf(this.prisma), scopedRecords(this.prisma), request);
  }
}
