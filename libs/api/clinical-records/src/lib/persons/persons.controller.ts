import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { ListPersonsQueryDto, MergeParamDto, MergePersonsDto, PersonIdParamDto } from './dto/person.request.dto';
import {
  MergeResultDto,
  PersonDto,
  PersonMergeDto,
  PersonPageDto,
  PersonRecordsDto,
  PersonSummaryDto,
  PersonWriteResultDto,
} from './dto/person.response.dto';
import { PersonMergeService } from './person-merge.service';
import { CREATE_PERSON_INPUT, UPDATE_PERSON_INPUT } from './person-schemas';
import { PersonsService } from './persons.service';

/**
 * Women and children the registers are about. A person is visible to the facilities that recorded
 * something for her; lists mask identifiers; opening one person is audited.
 */
@SignedInRoutes()
@ApiTags('persons')
@ApiExtraModels(CREATE_PERSON_INPUT, UPDATE_PERSON_INPUT)
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED with field, code and message per problem' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission, or outside the write scope (OUT_OF_SCOPE)' })
@Controller('persons')
export class PersonsController {
  constructor(
    private readonly persons: PersonsService,
    private readonly merges: PersonMergeService,
  ) {}

  @Get()
  @RequirePermissions('records.read')
  @ApiOperation({
    operationId: 'listPersons',
    summary: 'Find persons by name (without diacritics), date of birth or identifier; identifiers masked',
  })
  @ApiOkResponse({ type: PersonPageDto })
  list(@Query() query: ListPersonsQueryDto): Promise<PersonPageDto> {
    return this.persons.search(query);
  }

  @Post()
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'createPerson',
    summary: 'Create a person (201), or reuse the one with the same citizen ID, insurance card or source id (200, reused: true)',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(CREATE_PERSON_INPUT) } })
  @ApiCreatedResponse({ type: PersonWriteResultDto })
  @ApiOkResponse({ type: PersonWriteResultDto, description: 'An existing person was reused' })
  async create(@Body() body: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply): Promise<PersonWriteResultDto> {
    const result = await this.persons.create(body);
    res.status(result.reused ? HttpStatus.OK : HttpStatus.CREATED);
    return result;
  }

  @Get(':id')
  @RequirePermissions('records.read')
  @ApiOperation({ operationId: 'getPerson', summary: 'One person with full identifiers and residence history (audited as a VIEW)' })
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { id }: PersonIdParamDto): Promise<PersonDto> {
    return this.persons.get(id);
  }

  @Patch(':id')
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'updatePerson',
    summary: 'Change demographics; a new commune or address opens a new residence from residenceFrom',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(UPDATE_PERSON_INPUT) } })
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'IDENTIFIER_TAKEN (probably a duplicate to merge), PERSON_MERGED' })
  update(@Param() { id }: PersonIdParamDto, @Body() body: Record<string, unknown>): Promise<PersonDto> {
    return this.persons.update(id, body);
  }

  @Get(':id/duplicates')
  @RequirePermissions('records.read')
  @ApiOperation({
    operationId: 'listPersonDuplicates',
    summary: 'Probable duplicates: same name (folded), date of birth and commune of residence',
  })
  @ApiOkResponse({ type: [PersonSummaryDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  duplicates(@Param() { id }: PersonIdParamDto): Promise<PersonSummaryDto[]> {
    return this.persons.duplicates(id);
  }

  @Get(':id/records')
  @RequirePermissions('records.read')
  @ApiOperation({
    operationId: 'listPersonRecords',
    summary: 'Her rows in every register and her episodes, as far as the caller may see them',
  })
  @ApiOkResponse({ type: PersonRecordsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  records(@Param() { id }: PersonIdParamDto): Promise<PersonRecordsDto> {
    return this.persons.records(id);
  }

  @Post(':id/merges')
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'mergePersons',
    summary: 'Merge a probable duplicate into this person (moves all its rows; audited; can be undone)',
  })
  @ApiCreatedResponse({ type: MergeResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PERSON_MERGED' })
  merge(@Param() { id }: PersonIdParamDto, @Body() dto: MergePersonsDto): Promise<MergeResultDto> {
    return this.merges.merge(id, dto.duplicateId);
  }

  @Get(':id/merges')
  @RequirePermissions('records.read')
  @ApiOperation({
    operationId: 'listPersonMerges',
    summary: 'The duplicates merged into this person, latest first, undone ones included (the undo needs the merge id)',
  })
  @ApiOkResponse({ type: [PersonMergeDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  mergesOf(@Param() { id }: PersonIdParamDto): Promise<PersonMergeDto[]> {
    return this.merges.list(id);
  }

  @Post(':id/merges/:mergeId/undo')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'undoPersonMerge', summary: 'Undo a merge: moves back exactly what it moved' })
  @ApiOkResponse({ type: MergeResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MERGE_ALREADY_UNDONE, MERGE_UNDO_ORDER' })
  undo(@Param() { id, mergeId }: MergeParamDto): Promise<MergeResultDto> {
    return this.merges.undo(id, mergeId);
  }
}
