import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBasicAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { RequireClientOperation } from '@skss/api/auth';
import { ClientPrincipal, CurrentPrincipal, ErrorResponseDto } from '@skss/api/core';
import { ChangeFeedQueryDto, ChangePageDto, PutWebhookDto, WebhookDto } from './change-feed.dto';
import { ChangeFeedService } from './change-feed.service';
import { EhandbookWebhookService } from './ehandbook-webhook.service';

/** For the e-handbook's integration account (operation handbook.read), authenticated with its client credentials. */
@ApiBasicAuth()
@ApiTags('integration')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CLIENT_CREDENTIALS' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Signed-in users, or an account without handbook.read' })
@RequireClientOperation('handbook.read')
@Controller('integration/ehandbook')
export class ChangeFeedController {
  constructor(
    private readonly feed: ChangeFeedService,
    private readonly webhooks: EhandbookWebhookService,
  ) {}

  @Get('changes')
  @ApiOperation({
    operationId: 'readHandbookChanges',
    summary: 'Changes of persons and records since a cursor, in a stable order that no later commit can insert into',
  })
  @ApiOkResponse({ type: ChangePageDto })
  readHandbookChanges(@CurrentPrincipal() principal: ClientPrincipal, @Query() query: ChangeFeedQueryDto): Promise<ChangePageDto> {
    return this.feed.read(principal, query);
  }

  @Get('webhook')
  @ApiOperation({ operationId: 'getHandbookWebhook', summary: 'The webhook called when the feed has new changes' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getHandbookWebhook(@CurrentPrincipal() principal: ClientPrincipal): Promise<WebhookDto> {
    return this.webhooks.get(principal);
  }

  @Put('webhook')
  @ApiOperation({ operationId: 'putHandbookWebhook', summary: 'Register (or replace) the webhook called when the feed has new changes' })
  @ApiOkResponse({ type: WebhookDto })
  putHandbookWebhook(@CurrentPrincipal() principal: ClientPrincipal, @Body() dto: PutWebhookDto): Promise<WebhookDto> {
    return this.webhooks.put(principal, dto);
  }

  @Delete('webhook')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'deleteHandbookWebhook', summary: 'Stop calling the webhook' })
  @ApiNoContentResponse()
  deleteHandbookWebhook(@CurrentPrincipal() principal: ClientPrincipal): Promise<void> {
    return this.webhooks.remove(principal);
  }
}
