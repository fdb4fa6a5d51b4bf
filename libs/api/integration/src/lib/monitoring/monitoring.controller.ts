import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import {
  InboundMonitoringDto,
  InboundMonitoringQueryDto,
  ListOutboxItemsQueryDto,
  OutboundMonitoringDto,
  OutboxItemDto,
  OutboxItemIdParamDto,
  OutboxItemPageDto,
  ResendDeadDto,
  ResendResultDto,
} from './monitoring.dto';
import { MonitoringService } from './monitoring.service';
import { OutboxService } from './outbox.service';

/** Data flows in and out, within the caller's scope (NCHI and the MCH Department: everything). */
@SignedInRoutes()
@ApiTags('integration-monitoring')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('integration')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly outbox: OutboxService,
  ) {}

  @RequirePermissions('monitoring.read')
  @Get('monitoring/inbound')
  @ApiOperation({
    operationId: 'getInboundMonitoring',
    summary: 'Per source system and facility: last batch, records per day accepted and rejected with reasons, silent facilities',
  })
  @ApiOkResponse({ type: InboundMonitoringDto })
  getInboundMonitoring(@Query() query: InboundMonitoringQueryDto): Promise<InboundMonitoringDto> {
    return this.monitoring.inbound(query);
  }

  @RequirePermissions('monitoring.read')
  @Get('monitoring/outbound')
  @ApiOperation({
    operationId: 'getOutboundMonitoring',
    summary: 'Per destination: last successful sync, pending, failing and dead items with reasons',
  })
  @ApiOkResponse({ type: OutboundMonitoringDto })
  getOutboundMonitoring(): Promise<OutboundMonitoringDto> {
    return this.monitoring.outbound();
  }

  @RequirePermissions('monitoring.read')
  @Get('outbox')
  @ApiOperation({ operationId: 'listOutboxItems', summary: 'Outbox items, newest first' })
  @ApiOkResponse({ type: OutboxItemPageDto })
  listOutboxItems(@Query() query: ListOutboxItemsQueryDto): Promise<OutboxItemPageDto> {
    return this.outbox.list(query);
  }

  @RequirePermissions('integration.manage')
  @Post('outbox/:id/resend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'resendOutboxItem',
    summary: 'Send a failed or dead item again at the next poll, its attempts counted afresh',
  })
  @ApiOkResponse({ type: OutboxItemDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ALREADY_DELIVERED' })
  resendOutboxItem(@Param() { id }: OutboxItemIdParamDto): Promise<OutboxItemDto> {
    return this.outbox.resend(id);
  }

  @RequirePermissions('integration.manage')
  @Post('outbox/resend-dead')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'resendDeadOutboxItems', summary: 'Send every dead letter of a destination again' })
  @ApiOkResponse({ type: ResendResultDto })
  resendDeadOutboxItems(@Body() dto: ResendDeadDto): Promise<ResendResultDto> {
    return this.outbox.resendDead(dto.destination);
  }
}
