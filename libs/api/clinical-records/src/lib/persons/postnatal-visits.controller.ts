import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { PersonIdParamDto } from './dto/person.request.dto';
import { CreatePostnatalVisitDto, PostnatalVisitDto, PostnatalVisitParamDto } from './dto/postnatal-visit.dto';
import { PostnatalVisitsService } from './postnatal-visits.service';

/** A station's postnatal home visits to a mother, whichever facility recorded her delivery (report row I.7). */
@SignedInRoutes()
@ApiTags('persons')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission, or outside the write scope (OUT_OF_SCOPE)' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'PERSON_NOT_FOUND, POSTNATAL_VISIT_NOT_FOUND' })
@Controller('persons/:id/postnatal-visits')
export class PostnatalVisitsController {
  constructor(private readonly visits: PostnatalVisitsService) {}

  @Get()
  @RequirePermissions('records.read')
  @ApiOperation({ operationId: 'listPostnatalVisits', summary: 'Her postnatal home visits recorded by facilities the caller may see' })
  @ApiOkResponse({ type: [PostnatalVisitDto] })
  list(@Param() { id }: PersonIdParamDto): Promise<PostnatalVisitDto[]> {
    return this.visits.list(id);
  }

  @Post()
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'createPostnatalVisit',
    summary: 'Record a postnatal home visit; attached to her latest delivery on or before the visit day, at any facility',
  })
  @ApiCreatedResponse({ type: PostnatalVisitDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'DELIVERY_NOT_FOUND, POSTNATAL_BEFORE_DISCHARGE, DATE_IN_FUTURE' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PERIOD_LOCKED (the month is approved), PERSON_MERGED' })
  create(@Param() { id }: PersonIdParamDto, @Body() dto: CreatePostnatalVisitDto): Promise<PostnatalVisitDto> {
    return this.visits.create(id, dto);
  }

  @Delete(':visitId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'deletePostnatalVisit', summary: 'Delete a postnatal home visit recorded by the caller’s facility' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PERIOD_LOCKED' })
  async remove(@Param() { id, visitId }: PostnatalVisitParamDto): Promise<void> {
    await this.visits.remove(id, visitId);
  }
}
