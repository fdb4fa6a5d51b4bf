import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { EpisodeParamDto, ListEpisodesQueryDto, RecordDto, RecordPageDto, WriteResultDto } from './register-records.dto';
import { RegisterRecordsService } from './register-records.service';
import { EPISODE_EXTRA_MODELS, EPISODE_INPUT_SCHEMA, EPISODE_PAGE_SCHEMA, EPISODE_SCHEMA, EPISODE_WRITE_SCHEMA } from './register-schemas';
import { EPISODES_TABLE } from './register-tables';

/**
 * Pregnancy episodes: registered at a station, closed automatically by a recorded delivery or
 * abortion, or by hand for a pregnancy loss or a move away (rows I.1 and I.2 of the report).
 */
@SignedInRoutes()
@ApiTags('pregnancy-episodes')
@ApiExtraModels(...EPISODE_EXTRA_MODELS)
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED with field, code and message per problem' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission, or a facility outside the write scope (OUT_OF_SCOPE)' })
@Controller('pregnancy-episodes')
export class PregnancyEpisodesController {
  constructor(private readonly records: RegisterRecordsService) {}

  @Get()
  @RequirePermissions('records.read')
  @ApiOperation({ operationId: 'listPregnancyEpisodes', summary: 'Episodes in the caller’s scope, latest registration first' })
  @ApiOkResponse({ schema: EPISODE_PAGE_SCHEMA })
  list(@Query() query: ListEpisodesQueryDto): Promise<RecordPageDto> {
    return this.records.list(EPISODES_TABLE, query);
  }

  @Get(':id')
  @RequirePermissions('records.read')
  @ApiOperation({ operationId: 'getPregnancyEpisode', summary: 'One pregnancy episode' })
  @ApiOkResponse({ schema: EPISODE_SCHEMA })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { id }: EpisodeParamDto): Promise<RecordDto> {
    return this.records.get(EPISODES_TABLE, id);
  }

  @Post()
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'createPregnancyEpisode',
    summary: 'Register a pregnancy (201); sent again by its source id, updates it (200)',
  })
  @ApiBody({ schema: EPISODE_INPUT_SCHEMA })
  @ApiCreatedResponse({ schema: EPISODE_WRITE_SCHEMA })
  @ApiOkResponse({ schema: EPISODE_WRITE_SCHEMA, description: 'Sent again: updated or unchanged' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PERIOD_LOCKED, SOURCE_RECORD_TAKEN' })
  async create(@Body() body: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply): Promise<WriteResultDto> {
    const result = await this.records.create(EPISODES_TABLE, body);
    res.status(result.outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Put(':id')
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'updatePregnancyEpisode',
    summary: 'Replace an episode; close it by hand for a pregnancy loss or a move away (deliveries and abortions close it themselves)',
  })
  @ApiBody({ schema: EPISODE_INPUT_SCHEMA })
  @ApiOkResponse({ schema: EPISODE_WRITE_SCHEMA })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PERIOD_LOCKED' })
  update(@Param() { id }: EpisodeParamDto, @Body() body: Record<string, unknown>): Promise<WriteResultDto> {
    return this.records.update(EPISODES_TABLE, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'deletePregnancyEpisode', summary: 'Delete an episode that no visit, delivery or abortion refers to' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EPISODE_IN_USE, PERIOD_LOCKED' })
  remove(@Param() { id }: EpisodeParamDto): Promise<void> {
    return this.records.remove(EPISODES_TABLE, id);
  }
}
