import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const DHIS2_ID = /^[A-Za-z0-9_.-]{1,60}$/;

export class Dhis2CellTargetDto {
  @ApiProperty({ example: 'ANC_LAN1', description: 'Data element (uid or code, per DHIS2_ID_SCHEME)' })
  @Matches(DHIS2_ID)
  @IsString()
  dataElement!: string;

  @ApiPropertyOptional({ example: 'IEweiFaTu3a', nullable: true, description: 'Category option combo; absent: the default one' })
  @Matches(DHIS2_ID)
  @IsString()
  @IsOptional()
  categoryOptionCombo?: string | null;
}

export class FormParamDto {
  @ApiProperty({ example: 'commune' })
  @Matches(/^[a-z0-9-]{1,40}$/)
  form!: string;
}

export class PutDhis2FormMappingDto {
  @ApiProperty({ example: 'H4WdjchZhmF', description: 'The DHIS2 data set of the form' })
  @Matches(DHIS2_ID)
  @IsString()
  dataSet!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/Dhis2CellTargetDto' },
    example: { 'I.1/total': { dataElement: 'ANC_LAN1' }, 'I.1/station': { dataElement: 'ANC_LAN1', categoryOptionCombo: 'IEweiFaTu3a' } },
    description: 'Per cell "<row key>/<column key>" of the form: where its value goes',
  })
  @IsObject()
  cells!: Record<string, Dhis2CellTargetDto>;
}

export class Dhis2FormMappingDto extends PutDhis2FormMappingDto {
  @ApiProperty({ example: 'commune' })
  form!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class Dhis2OrgUnitDto {
  @ApiProperty({ example: 'TYT.03127.2025' })
  @Matches(/^[A-Z0-9.]{2,40}$/)
  @IsString()
  facilityCode!: string;

  @ApiProperty({ example: 'XA_27181', description: 'Org unit (uid or code, per DHIS2_ID_SCHEME)' })
  @Matches(DHIS2_ID)
  @MaxLength(60)
  @IsString()
  orgUnit!: string;
}

export class PutDhis2OrgUnitsDto {
  @ApiProperty({ type: [Dhis2OrgUnitDto], maxItems: 5000, description: 'Facilities and their org units (added or replaced)' })
  @ValidateNested({ each: true })
  @Type(() => Dhis2OrgUnitDto)
  @ArrayMaxSize(5000)
  @IsArray()
  orgUnits!: Dhis2OrgUnitDto[];
}

export class Dhis2MappingDto {
  @ApiProperty({ type: [Dhis2FormMappingDto] })
  forms!: Dhis2FormMappingDto[];

  @ApiProperty({ type: [Dhis2OrgUnitDto] })
  orgUnits!: Dhis2OrgUnitDto[];
}
