import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import {
  ClientIdParamDto,
  CreateIntegrationClientDto,
  ListIntegrationClientsQueryDto,
  UpdateIntegrationClientDto,
} from '../dto/integration-client.request.dto';
import { IntegrationClientDto, IntegrationClientPageDto, IntegrationClientSecretDto } from '../dto/integration-client.response.dto';
import { IntegrationClientsService } from './integration-clients.service';

@RequirePermissions('integration.manage')
@SignedInRoutes()
@ApiTags('integration-clients')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('integration-clients')
export class IntegrationClientsController {
  constructor(private readonly clients: IntegrationClientsService) {}

  @Get()
  @ApiOperation({ operationId: 'listIntegrationClients', summary: 'Integration accounts of external systems, newest first' })
  @ApiOkResponse({ type: IntegrationClientPageDto })
  listIntegrationClients(@Query() query: ListIntegrationClientsQueryDto): Promise<IntegrationClientPageDto> {
    return this.clients.list(query);
  }

  @Post()
  @ApiOperation({
    operationId: 'createIntegrationClient',
    summary: 'Create an integration account; the answer shows its secret, once',
  })
  @ApiCreatedResponse({ type: IntegrationClientSecretDto })
  createIntegrationClient(@Body() dto: CreateIntegrationClientDto): Promise<IntegrationClientSecretDto> {
    return this.clients.create(dto);
  }

  @Get(':clientId')
  @ApiOperation({ operationId: 'getIntegrationClient', summary: 'One integration account with its facilities (never its secret)' })
  @ApiOkResponse({ type: IntegrationClientDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getIntegrationClient(@Param() { clientId }: ClientIdParamDto): Promise<IntegrationClientDto> {
    return this.clients.get(clientId);
  }

  @Patch(':clientId')
  @ApiOperation({
    operationId: 'updateIntegrationClient',
    summary: 'Change name, operations or facilities (facilities given replace the current ones)',
  })
  @ApiOkResponse({ type: IntegrationClientDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INTEGRATION_CLIENT_REVOKED' })
  updateIntegrationClient(@Param() { clientId }: ClientIdParamDto, @Body() dto: UpdateIntegrationClientDto): Promise<IntegrationClientDto> {
    return this.clients.update(clientId, dto);
  }

  @Post(':clientId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'rotateIntegrationClientSecret',
    summary: 'Issue a new secret, shown once; the old one stops working at once',
  })
  @ApiOkResponse({ type: IntegrationClientSecretDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INTEGRATION_CLIENT_REVOKED' })
  rotateIntegrationClientSecret(@Param() { clientId }: ClientIdParamDto): Promise<IntegrationClientSecretDto> {
    return this.clients.rotateSecret(clientId);
  }

  @Post(':clientId/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'revokeIntegrationClient', summary: 'Disable the account for good: it can no longer authenticate' })
  @ApiOkResponse({ type: IntegrationClientDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'INTEGRATION_CLIENT_REVOKED' })
  revokeIntegrationClient(@Param() { clientId }: ClientIdParamDto): Promise<IntegrationClientDto> {
    return this.clients.revoke(clientId);
  }
}
