import { Body, Controller, Headers, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBasicAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ClientRoute } from '@skss/api/auth';
import { BodyLimit, ClientPrincipal, CurrentPrincipal, ErrorResponseDto } from '@skss/api/core';
import { INBOUND_MAX_BODY_BYTES } from './inbound-body';
import { InboundBatchAnswerDto, InboundBatchDto } from './dto/inbound-batch.dto';
import { INBOUND_ANSWER_EXAMPLE, INBOUND_DESCRIPTION, INBOUND_REQUEST_EXAMPLES } from './inbound-openapi';
import { IngestionService } from './ingestion.service';
import { InboundRateLimitGuard } from './rate-limiter';

/** Register records pushed by hospital (HIS) and commune health (YTCS) software. */
@ApiBasicAuth()
@ApiTags('integration')
@Controller('integration')
export class InboundRecordsController {
  constructor(private readonly ingestion: IngestionService) {}

  @ClientRoute()
  @UseGuards(InboundRateLimitGuard)
  @Post('records')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'pushIntegrationRecords',
    summary: 'Send a batch of register records (HIS, YTCS)',
    description: INBOUND_DESCRIPTION,
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A unique key per batch (a UUID): sending the same batch again with it answers the first answer; kept 24 hours',
    schema: { type: 'string', maxLength: 255, example: '0b6f9a52-3c1e-4f7e-9d2a-5a8e6f1c2d34' },
  })
  @ApiBody({ type: InboundBatchDto, examples: INBOUND_REQUEST_EXAMPLES })
  @ApiOkResponse({
    type: InboundBatchAnswerDto,
    description: 'The batch was processed: each record created, updated, unchanged or rejected (with its problems)',
    example: INBOUND_ANSWER_EXAMPLE,
    headers: {
      'Idempotency-Replayed': { description: '"true" when this is the stored answer of an earlier request', schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'BATCH_MALFORMED, BATCH_EMPTY, MALFORMED_BODY, IDEMPOTENCY_KEY_INVALID' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CLIENT_CREDENTIALS' })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'FORBIDDEN: signed-in users, or an account without records.push / deaths.push',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'IDEMPOTENCY_KEY_IN_PROGRESS: a request with the same key is still running' })
  @ApiPayloadTooLargeResponse({
    type: ErrorResponseDto,
    description: 'BATCH_TOO_LARGE (more than 1,000 records), PAYLOAD_TOO_LARGE (over 10 MB)',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'IDEMPOTENCY_KEY_REUSED: the key was used with another batch' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'RATE_LIMITED: more than 20 requests at once or 5 per second for the account; see Retry-After',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  @BodyLimit(INBOUND_MAX_BODY_BYTES)
  async pushIntegrationRecords(
    @CurrentPrincipal() principal: ClientPrincipal,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<InboundBatchAnswerDto> {
    const answer = await this.ingestion.ingest({ principal, records: (body as { records?: unknown } | null)?.records, idempotencyKey });
    if (answer.replayed) res.header('Idempotency-Replayed', 'true');
    return answer.body;
  }
}
