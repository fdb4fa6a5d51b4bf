import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { AdminUnitCodeParamDto, LineageQueryDto, ListAdminUnitsQueryDto } from '../dto/org-query.dto';
import { AdminUnitLineageDto, AdminUnitPageDto } from '../dto/org-response.dto';
import { AdminUnitsService } from './admin-units.service';

@RequirePermissions('org.read')
@SignedInRoutes()
@ApiTags('admin-units')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly adminUnits: AdminUnitsService) {}

  @Get()
  @ApiOperation({ operationId: 'listAdminUnits', summary: 'Administrative units in force on a day, filtered and paginated' })
  @ApiOkResponse({ type: AdminUnitPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'The parent code is not in force on that day' })
  list(@Query() query: ListAdminUnitsQueryDto): Promise<AdminUnitPageDto> {
    return this.adminUnits.list(query);
  }

  @Get(':code/lineage')
  @ApiOperation({ operationId: 'getAdminUnitLineage', summary: 'Which units a unit was formed from and went into' })
  @ApiOkResponse({ type: AdminUnitLineageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  lineage(@Param() { code }: AdminUnitCodeParamDto, @Query() query: LineageQueryDto): Promise<AdminUnitLineageDto> {
    return this.adminUnits.lineage(code, query);
  }
}
