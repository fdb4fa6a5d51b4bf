import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ADMIN_LEVELS, AdminLevel, FACILITY_KINDS, FACILITY_LEVELS, FacilityKind, FacilityLevel } from '@skss/domain';
import { IsIsoDay, NormalizeText, PageQueryDto } from '@skss/api/core';

export const MAX_SEARCH_LENGTH = 100;

/** Filters shared by the admin-unit and facility lists. */
class OrgQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Day the tree is read for (YYYY-MM-DD); default today in Vietnam', example: '2025-06-30' })
  @IsOptional()
  @IsIsoDay()
  at?: string;

  @ApiPropertyOptional({ description: 'Official code of the administrative unit whose descendants are listed', example: '11' })
  @IsOptional()
  @Matches(/^\d{2,5}$/)
  parent?: string;

  @ApiPropertyOptional({ description: 'Name or code; diacritics and case are ignored', maxLength: MAX_SEARCH_LENGTH, example: 'dien bien' })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;
}

export class ListAdminUnitsQueryDto extends OrgQueryDto {
  @ApiPropertyOptional({ enum: ADMIN_LEVELS, enumName: 'AdminLevel' })
  @IsOptional()
  @IsEnum(ADMIN_LEVELS)
  level?: AdminLevel;
}

export class ListFacilitiesQueryDto extends OrgQueryDto {
  @ApiPropertyOptional({ enum: FACILITY_LEVELS, enumName: 'FacilityLevel' })
  @IsOptional()
  @IsEnum(FACILITY_LEVELS)
  level?: FacilityLevel;

  @ApiPropertyOptional({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  @IsOptional()
  @IsEnum(FACILITY_KINDS)
  kind?: FacilityKind;

  @ApiPropertyOptional({ description: 'Only facilities that report to this facility (code)', example: 'CDC.11' })
  @IsOptional()
  @Matches(/^[A-Z0-9.]{2,40}$/)
  reportsTo?: string;
}

export class AtQueryDto {
  @ApiPropertyOptional({ description: 'Day (YYYY-MM-DD); default today in Vietnam' })
  @IsOptional()
  @IsIsoDay()
  at?: string;
}

export class LineageQueryDto {
  @ApiPropertyOptional({ description: 'Only the version of the unit valid on this day (codes are reused across the reform)' })
  @IsOptional()
  @IsIsoDay()
  at?: string;

  @ApiPropertyOptional({ enum: ADMIN_LEVELS, enumName: 'AdminLevel', description: 'Level, when a code could be read at several' })
  @IsOptional()
  @IsEnum(ADMIN_LEVELS)
  level?: AdminLevel;
}

export class AdminUnitCodeParamDto {
  @ApiProperty({ description: 'Official code (province 2 digits, district 3, commune 5)', example: '62' })
  @Matches(/^\d{2,5}$/)
  code!: string;
}

export class FacilityCodeParamDto {
  @ApiProperty({ example: 'TYT.03127' })
  @Matches(/^[A-Z0-9.]{2,40}$/)
  code!: string;
}
