import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import {
  Dhis2CellTargetDto,
  Dhis2FormMappingDto,
  Dhis2MappingDto,
  FormParamDto,
  PutDhis2FormMappingDto,
  PutDhis2OrgUnitsDto,
} from './dhis2-mapping.dto';
import { Dhis2MappingService } from './dhis2-mapping.service';

@RequirePermissions('integration.manage')
@SignedInRoutes()
@ApiTags('integration-outbound')
@ApiExtraModels(Dhis2CellTargetDto)
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('integration/dhis2/mapping')
export class Dhis2MappingController {
  constructor(private readonly mapping: Dhis2MappingService) {}

  @Get()
  @ApiOperation({
    operationId: 'getDhis2Mapping',
    summary: 'How report cells and facilities map to DHIS2 data elements, category option combos and org units',
  })
  @ApiOkResponse({ type: Dhis2MappingDto })
  getDhis2Mapping(): Promise<Dhis2MappingDto> {
    return this.mapping.get();
  }

  @Put('forms/:form')
  @ApiOperation({
    operationId: 'putDhis2FormMapping',
    summary: "Set a report form's data set and cell mapping (replaces the form's mapping)",
  })
  @ApiOkResponse({ type: Dhis2FormMappingDto })
  putDhis2FormMapping(@Param() { form }: FormParamDto, @Body() dto: PutDhis2FormMappingDto): Promise<Dhis2FormMappingDto> {
    return this.mapping.putForm(form, dto);
  }

  @Put('org-units')
  @ApiOperation({
    operationId: 'putDhis2OrgUnits',
    summary: 'Set the DHIS2 org unit of facilities (unlisted facilities keep theirs; unmapped ones are sent by code)',
  })
  @ApiOkResponse({ type: Dhis2MappingDto })
  putDhis2OrgUnits(@Body() dto: PutDhis2OrgUnitsDto): Promise<Dhis2MappingDto> {
    return this.mapping.putOrgUnits(dto);
  }
}
