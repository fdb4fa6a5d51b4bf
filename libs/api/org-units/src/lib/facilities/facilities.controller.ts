import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { AtQueryDto, FacilityCodeParamDto, ListFacilitiesQueryDto } from '../dto/org-query.dto';
import { FacilityDto, FacilityPageDto, ReportingChainDto } from '../dto/org-response.dto';
import { FacilitiesService } from './facilities.service';

@RequirePermissions('org.read')
@SignedInRoutes()
@ApiTags('facilities')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Get()
  @ApiOperation({ operationId: 'listFacilities', summary: 'Health facilities in force on a day, filtered and paginated' })
  @ApiOkResponse({ type: FacilityPageDto })
  list(@Query() query: ListFacilitiesQueryDto): Promise<FacilityPageDto> {
    return this.facilities.list(query);
  }

  @Get(':code')
  @ApiOperation({ operationId: 'getFacility', summary: 'One facility as it was on a day' })
  @ApiOkResponse({ type: FacilityDto })
  get(@Param() { code }: FacilityCodeParamDto, @Query() { at }: AtQueryDto): Promise<FacilityDto> {
    return this.facilities.get(code, at);
  }

  @Get(':code/reporting-chain')
  @ApiOperation({ operationId: 'getFacilityReportingChain', summary: 'Who checks and approves its reports, level by level, on a day' })
  @ApiOkResponse({ type: ReportingChainDto })
  reportingChain(@Param() { code }: FacilityCodeParamDto, @Query() { at }: AtQueryDto): Promise<ReportingChainDto> {
    return this.facilities.reportingChain(code, at);
  }
}
