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
import { ListRecordsQueryDto, RecordDto, RecordPageDto, RecordParamDto, RegisterParamDto, WriteResultDto } from './register-records.dto';
import { RegisterRecordsService } from './register-records.service';
import { RECORD_INPUT_SCHEMA, RECORD_PAGE_SCHEMA, RECORD_SCHEMA, RECORD_WRITE_SCHEMA, REGISTER_EXTRA_MODELS } from './register-schemas';
import { REGISTER_TABLES } from './register-tables';

const CONFLICTS =
  'PERIOD_LOCKED (the month’s report is approved), SOURCE_RECORD_TAKEN (another facility holds that source id), EPISODE_CLOSED_BY_OTHER_EVENT';

/**
 * The seven registers (sổ khám thai, sổ đẻ, sổ phá thai, sổ kế hoạch hóa gia đình, sổ khám phụ
 * khoa with HPV doses, sổ khám trẻ em, sổ tử vong), one generic controller over their table specs.
 * Reads see every facility that reported through the caller's at any time; writes the caller's own.
 */
@SignedInRoutes()
@ApiTags('clinical-records')
@ApiExtraModels(...REGISTER_EXTRA_MODELS)
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED with field, code and message per problem' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission, or a facility outside the write scope (OUT_OF_SCOPE)' })
@Controller('clinical-records')
export class RegisterRecordsController {
  constructor(private readonly records: RegisterRecordsService) {}

  @Get(':register')
  @RequirePermissions('records.read')
  @ApiOperation({
    operationId: 'listClinicalRecords',
    summary: 'Rows of a register in the caller’s scope, latest first, filtered and paginated',
  })
  @ApiOkResponse({ schema: RECORD_PAGE_SCHEMA })
  list(@Param() { register }: RegisterParamDto, @Query() query: ListRecordsQueryDto): Promise<RecordPageDto> {
    return this.records.list(REGISTER_TABLES[register], query);
  }

  @Get(':register/:id')
  @RequirePermissions('records.read')
  @ApiOperation({ operationId: 'getClinicalRecord', summary: 'One row with its nested lists (newborns, postnatal visits, complications)' })
  @ApiOkResponse({ schema: RECORD_SCHEMA })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { register, id }: RecordParamDto): Promise<RecordDto> {
    return this.records.get(REGISTER_TABLES[register], id);
  }

  @Post(':register')
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'createClinicalRecord',
    summary: 'Record a row (201); a row sent again with the same sourceSystem + sourceRecordId updates the stored one (200)',
  })
  @ApiBody({ schema: RECORD_INPUT_SCHEMA })
  @ApiCreatedResponse({ schema: RECORD_WRITE_SCHEMA, description: 'Recorded' })
  @ApiOkResponse({ schema: RECORD_WRITE_SCHEMA, description: 'Sent again: the stored row was updated, or was already the same' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: CONFLICTS })
  async create(
    @Param() { register }: RegisterParamDto,
    @Body() body: Record<string, unknown>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<WriteResultDto> {
    const result = await this.records.create(REGISTER_TABLES[register], body);
    res.status(result.outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Put(':register/:id')
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'updateClinicalRecord',
    summary: 'Replace a row (fields left out are cleared; the person stays unless named)',
  })
  @ApiBody({ schema: RECORD_INPUT_SCHEMA })
  @ApiOkResponse({ schema: RECORD_WRITE_SCHEMA })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: CONFLICTS })
  update(@Param() { register, id }: RecordParamDto, @Body() body: Record<string, unknown>): Promise<WriteResultDto> {
    return this.records.update(REGISTER_TABLES[register], id, body);
  }

  @Delete(':register/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'deleteClinicalRecord', summary: 'Delete a row with its nested lists (reopens the episode it closed)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PERIOD_LOCKED' })
  remove(@Param() { register, id }: RecordParamDto): Promise<void> {
    return this.records.remove(REGISTER_TABLES[register], id);
  }
}
