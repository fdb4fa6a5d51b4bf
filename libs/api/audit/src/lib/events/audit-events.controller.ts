import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, ErrorResponseDto, RequirePermissions, SignedInRoutes, UserPrincipal, XLSX_CONTENT_TYPE } from '@skss/api/core';
import { AuditEventPageDto, AuditHistoryDto } from '../dto/audit-event.response.dto';
import { AuditEventFilterDto, AuditHistoryQueryDto, ListAuditEventsQueryDto } from '../dto/audit-query.dto';
import { AuditExportService } from '../export/audit-export.service';
import { AuditEventsService } from './audit-events.service';

@RequirePermissions('audit.read')
@SignedInRoutes()
@ApiTags('audit-events')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly exporter: AuditExportService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listAuditEvents',
    summary: 'The audit trail, newest first, filtered and paginated (central units: all; others: their units)',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  listAuditEvents(@Query() query: ListAuditEventsQueryDto, @CurrentUser() user: UserPrincipal): Promise<AuditEventPageDto> {
    return this.events.list(query, user);
  }

  @Get('history')
  @ApiOperation({ operationId: 'getAuditHistory', summary: "A record's whole history, oldest first" })
  @ApiOkResponse({ type: AuditHistoryDto })
  getAuditHistory(@Query() query: AuditHistoryQueryDto, @CurrentUser() user: UserPrincipal): Promise<AuditHistoryDto> {
    return this.events.history(query, user);
  }

  @Get('export')
  @ApiOperation({
    operationId: 'exportAuditEvents',
    summary: 'The filtered audit trail as an Excel file (at most 50 000 rows); the export is itself recorded',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportAuditEvents(
    @Query() query: AuditEventFilterDto,
    @CurrentUser() user: UserPrincipal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exporter.export(query, user);
    res.header('Cache-Control', 'no-store');
    return new StreamableFile(file.content, { type: XLSX_CONTENT_TYPE, disposition: `attachment; filename="${file.fileName}"` });
  }
}
