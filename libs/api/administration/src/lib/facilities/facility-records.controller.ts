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
import { CurrentUser, ErrorResponseDto, RequirePermissions, SignedInRoutes, UserPrincipal } from '@skss/api/core';
import {
  CloseFacilityDto,
  CreateFacilityDto,
  FacilityAtQueryDto,
  FacilityCodeParamDto,
  ListFacilityRecordsQueryDto,
  SetReportsToDto,
  UpdateFacilityDto,
} from '../dto/facility.request.dto';
import { FacilityRecordDetailDto, FacilityRecordPageDto } from '../dto/facility.response.dto';
import { FacilityRecordsService } from './facility-records.service';

/**
 * Facility administration: every attribute of a facility (ownership, services, address, reporting
 * group) and its reporting lines over time. Reading needs org.read, like the org hierarchy;
 * changes need facilities.manage at a central unit (write scope 'all').
 */
@SignedInRoutes()
@ApiTags('facility-administration')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission; OUT_OF_SCOPE: not a central unit' })
@Controller('administration/facilities')
export class FacilityRecordsController {
  constructor(private readonly facilities: FacilityRecordsService) {}

  @Get()
  @RequirePermissions('org.read')
  @ApiOperation({
    operationId: 'listFacilityRecords',
    summary: 'Facilities in force on a day with ownership, services and reporting group, filtered and paginated',
  })
  @ApiOkResponse({ type: FacilityRecordPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ADMIN_UNIT_NOT_IN_FORCE (parent)' })
  listFacilityRecords(@Query() query: ListFacilityRecordsQueryDto): Promise<FacilityRecordPageDto> {
    return this.facilities.list(query);
  }

  @Get(':code')
  @RequirePermissions('org.read')
  @ApiOperation({ operationId: 'getFacilityRecord', summary: 'One facility with every reporting line it has had' })
  @ApiOkResponse({ type: FacilityRecordDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FACILITY_NOT_FOUND' })
  getFacilityRecord(@Param() { code }: FacilityCodeParamDto, @Query() { at }: FacilityAtQueryDto): Promise<FacilityRecordDetailDto> {
    return this.facilities.get(code, at);
  }

  @Post()
  @RequirePermissions('facilities.manage')
  @ApiOperation({
    operationId: 'createFacility',
    summary: 'Create a facility (hospital, clinic, ...), optionally with its first reporting line',
  })
  @ApiCreatedResponse({ type: FacilityRecordDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'REPORTS_TO_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'FACILITY_CODE_TAKEN, ADMIN_UNIT_NOT_IN_FORCE, REPORTS_TO_NOT_IN_FORCE' })
  createFacility(@Body() dto: CreateFacilityDto, @CurrentUser() actor: UserPrincipal): Promise<FacilityRecordDetailDto> {
    return this.facilities.create(actor, dto);
  }

  @Patch(':code')
  @RequirePermissions('facilities.manage')
  @ApiOperation({ operationId: 'updateFacility', summary: 'Change a facility’s name, kind, ownership, services, address or location' })
  @ApiOkResponse({ type: FacilityRecordDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FACILITY_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CENTRAL_AGENCY_FIXED, ADMIN_UNIT_NOT_IN_FORCE' })
  updateFacility(
    @Param() { code }: FacilityCodeParamDto,
    @Body() dto: UpdateFacilityDto,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<FacilityRecordDetailDto> {
    return this.facilities.update(actor, code, dto);
  }

  @Post(':code/close')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('facilities.manage')
  @ApiOperation({ operationId: 'closeFacility', summary: 'End a facility on a day (its reporting lines end with it)' })
  @ApiOkResponse({ type: FacilityRecordDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FACILITY_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'FACILITY_ALREADY_CLOSED, FACILITY_HAS_REPORTERS, CENTRAL_AGENCY_FIXED' })
  closeFacility(
    @Param() { code }: FacilityCodeParamDto,
    @Body() dto: CloseFacilityDto,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<FacilityRecordDetailDto> {
    return this.facilities.close(actor, code, dto);
  }

  @Post(':code/reports-to')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('facilities.manage')
  @ApiOperation({
    operationId: 'setFacilityReportsTo',
    summary: 'Who checks a facility’s reports from a day: the line in force ends the day before',
  })
  @ApiOkResponse({ type: FacilityRecordDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FACILITY_NOT_FOUND, REPORTS_TO_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'FACILITY_NOT_IN_FORCE, REPORTS_TO_NOT_IN_FORCE, REPORTING_CYCLE, CENTRAL_AGENCY_FIXED',
  })
  setFacilityReportsTo(
    @Param() { code }: FacilityCodeParamDto,
    @Body() dto: SetReportsToDto,
    @CurrentUser() actor: UserPrincipal,
  ): Promise<FacilityRecordDetailDto> {
    return this.facilities.setReportsTo(actor, code, dto);
  }
}
