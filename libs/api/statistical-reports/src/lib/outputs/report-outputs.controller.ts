import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, ErrorResponseDto, RequirePermissions, SignedInRoutes, UserPrincipal, XLSX_CONTENT_TYPE } from '@skss/api/core';
import { ReportKeyParamDto } from '../dto/report.request.dto';
import { CSV_CONTENT_TYPE } from '../export';
import {
  AggregateParamDto,
  AggregateQueryDto,
  AggregateReportDto,
  ReportCellParamDto,
  ReportCellRowsDto,
  UnitFormParamDto,
} from './report-outputs.dto';
import { ExportFile, ReportOutputsService } from './report-outputs.service';

const NOT_FOUND = 'FACILITY_NOT_FOUND (unknown, or outside the caller’s reading scope in that month), FORM_NOT_DUE';
const AGGREGATE_REFUSED =
  'VALIDATION_FAILED, INVALID_PERIOD, PERIOD_SPANS_REGIMES (a year view over two circulars), NOT_AN_AGGREGATING_UNIT, FORM_NOT_AT_LEVEL';

/** A report read other than on screen: its paper layout, the register rows behind a cell, the aggregate of the units below. */
@SignedInRoutes()
@ApiTags('statistical-reports')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
@Controller('statistical-reports')
export class ReportOutputsController {
  constructor(private readonly outputs: ReportOutputsService) {}

  @Get('aggregates/:form/:facilityId')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'getAggregateReport',
    summary:
      'Biểu 4–8 of a district health centre, a Department of Health or the ministry: one line per reporting unit (facilities from their registers, communes from their approved reports), subtotals and total, over the org tree of the period',
  })
  @ApiOkResponse({ type: AggregateReportDto })
  getAggregateReport(
    @CurrentUser() user: UserPrincipal,
    @Param() { form, facilityId }: AggregateParamDto,
    @Query() query: AggregateQueryDto,
  ): Promise<unknown> {
    return this.outputs.aggregate(user, form, facilityId, query);
  }

  // Declared before `:form/:facilityId/:month/export.*`, which has as many path segments.
  @Get('aggregates/:form/:facilityId/export.xlsx')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'exportAggregateReportXlsx',
    summary:
      'Biểu 4–8 of an aggregating unit for the period as an Excel workbook in the official layout: one line per reporting unit, subtotals and total, the numbers of getAggregateReport',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: AGGREGATE_REFUSED })
  async exportAggregateReportXlsx(
    @CurrentUser() user: UserPrincipal,
    @Param() { form, facilityId }: UnitFormParamDto,
    @Query() query: AggregateQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return download(await this.outputs.exportAggregate(user, form, facilityId, query, 'xlsx'), res);
  }

  @Get('aggregates/:form/:facilityId/export.csv')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'exportAggregateReportCsv',
    summary:
      'Biểu 4–8 of an aggregating unit for the period as CSV: UTF-8 with BOM, one line per cell with its line key (unit:<code>, group:<key>)',
  })
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: AGGREGATE_REFUSED })
  async exportAggregateReportCsv(
    @CurrentUser() user: UserPrincipal,
    @Param() { form, facilityId }: UnitFormParamDto,
    @Query() query: AggregateQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return download(await this.outputs.exportAggregate(user, form, facilityId, query, 'csv'), res);
  }

  @Get(':form/:facilityId/:month/export.xlsx')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'exportReportXlsx',
    summary:
      'The report in its official paper layout, as an Excel workbook (values as on screen); Biểu 4–8 of an aggregating unit print its lines, of a facility its own line',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportReportXlsx(
    @CurrentUser() user: UserPrincipal,
    @Param() key: ReportKeyParamDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return download(await this.outputs.exportReport(user, key, 'xlsx'), res);
  }

  @Get(':form/:facilityId/:month/export.csv')
  @RequirePermissions('reports.read')
  @ApiOperation({ operationId: 'exportReportCsv', summary: 'The report as CSV: UTF-8 with BOM, one line per cell with its stable keys' })
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportReportCsv(
    @CurrentUser() user: UserPrincipal,
    @Param() key: ReportKeyParamDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return download(await this.outputs.exportReport(user, key, 'csv'), res);
  }

  @Get(':form/:facilityId/:month/cells/:row/:column')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'getReportCellRows',
    summary:
      'Drill-down: the register rows a cell of the commune form counts, listed with the counting rule’s own predicate, as far as the caller may see them',
  })
  @ApiOkResponse({ type: ReportCellRowsDto })
  getReportCellRows(@CurrentUser() user: UserPrincipal, @Param() { row, column, ...key }: ReportCellParamDto): Promise<ReportCellRowsDto> {
    return this.outputs.cellRows(user, key, row, column);
  }
}

function download(file: ExportFile, res: FastifyReply): StreamableFile {
  res.header('Cache-Control', 'no-store');
  return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` });
}
