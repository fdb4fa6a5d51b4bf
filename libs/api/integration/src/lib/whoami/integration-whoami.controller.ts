import { Controller, Get } from '@nestjs/common';
import { ApiBasicAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ClientRoute } from '@skss/api/auth';
import { ClientPrincipal, CurrentPrincipal, ErrorResponseDto } from '@skss/api/core';
import { IntegrationWhoamiDto } from '../dto/integration-client.response.dto';
import { IntegrationClientsService } from '../clients/integration-clients.service';

/** Routes for external systems, authenticated with `Authorization: Basic base64(clientId:clientSecret)`. */
@ApiBasicAuth()
@ApiTags('integration')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CLIENT_CREDENTIALS' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Signed-in users, or an operation the account lacks' })
@Controller('integration')
export class IntegrationWhoamiController {
  constructor(private readonly clients: IntegrationClientsService) {}

  @ClientRoute()
  @Get('whoami')
  @ApiOperation({
    operationId: 'getIntegrationWhoami',
    summary: 'The calling integration account: system, operations and facilities (to check a connection)',
  })
  @ApiOkResponse({ type: IntegrationWhoamiDto })
  getIntegrationWhoami(@CurrentPrincipal() principal: ClientPrincipal): Promise<IntegrationWhoamiDto> {
    return this.clients.whoami(principal);
  }
}
