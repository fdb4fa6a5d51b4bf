import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoDay, NormalizeText, PageQueryDto } from '@skss/api/core';
import {
  FACILITY_KINDS,
  FACILITY_OWNERSHIPS,
  FacilityKind,
  FacilityOwnership,
  KCB_CODE_PATTERN,
  REPORTING_GROUPS,
  ReportingGroup,
  SEEDED_ONLY_KINDS,
} from '@skss/domain';

/** Facility codes as seeded (TYT.03127.2025, CDC.11, BYT.TTTTYTQG): upper-case letters, digits and dots. */
export const FACILITY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.]{1,39}$/;
const FACILITY_CODE_MESSAGE = 'Mã cơ sở gồm 2–40 ký tự: chữ in hoa không dấu, chữ số hoặc dấu chấm (ví dụ BV.SANNHI.11)';
/** Official code of an administrative unit: province 2 digits, district 3, commune 5. */
const UNIT_CODE_PATTERN = /^\d{2,5}$/;
const UNIT_CODE_MESSAGE = 'Mã đơn vị hành chính gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số';
const KCB_CODE_MESSAGE = 'Mã cơ sở KCB BHYT gồm đúng 5 chữ số (ví dụ 11001)';
const KCB_CODE_DESCRIPTION =
  'Mã cơ sở KCB BHYT, the code HIS packages carry in MA_CSKCB/MACSKCB: the national endpoint finds the facility by it. ' +
  'Unique among facilities';
const DAY_MESSAGE = 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật';
const BOOLEAN_MESSAGE = 'Phải là true hoặc false';
export const FACILITY_NAME_MAX_LENGTH = 250;
export const ADDRESS_MAX_LENGTH = 300;
const MAX_SEARCH_LENGTH = 100;

/** Kinds an administrator may create or give: all but the seeded central agencies. */
export const ADMINISTERED_KINDS: readonly FacilityKind[] = FACILITY_KINDS.filter((kind) => !SEEDED_ONLY_KINDS.includes(kind));

/** Present in the body: validate, and refuse null (the field cannot be cleared). */
const isPresent = (_: object, value: unknown) => value !== undefined;

export class FacilityCodeParamDto {
  @ApiProperty({ example: 'BV.SANNHI.11', pattern: FACILITY_CODE_PATTERN.source })
  @Matches(FACILITY_CODE_PATTERN, { message: FACILITY_CODE_MESSAGE })
  code!: string;
}

export class FacilityAtQueryDto {
  @ApiPropertyOptional({ description: 'Day the reporting line is read for (YYYY-MM-DD); default today in Vietnam' })
  @IsOptional()
  @IsIsoDay({ message: DAY_MESSAGE })
  at?: string;
}

export class ListFacilityRecordsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Day the facilities are in force on (YYYY-MM-DD); default today in Vietnam' })
  @IsOptional()
  @IsIsoDay({ message: DAY_MESSAGE })
  at?: string;

  @ApiPropertyOptional({ description: 'Name, code or KCB code; diacritics and case are ignored', maxLength: MAX_SEARCH_LENGTH })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  @IsOptional()
  @IsEnum(FACILITY_KINDS)
  kind?: FacilityKind;

  @ApiPropertyOptional({ enum: FACILITY_OWNERSHIPS, enumName: 'FacilityOwnership' })
  @IsOptional()
  @IsEnum(FACILITY_OWNERSHIPS)
  ownership?: FacilityOwnership;

  @ApiPropertyOptional({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup', description: 'Row group of the provincial forms' })
  @IsOptional()
  @IsEnum(REPORTING_GROUPS)
  reportingGroup?: ReportingGroup;

  @ApiPropertyOptional({ description: 'Only facilities located in this administrative unit or below it', example: '11' })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: UNIT_CODE_MESSAGE })
  parent?: string;
}

export class CreateFacilityDto {
  @ApiProperty({ example: 'BV.SANNHI.11', pattern: FACILITY_CODE_PATTERN.source, description: 'Unique; cannot be changed later' })
  @Matches(FACILITY_CODE_PATTERN, { message: FACILITY_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Bệnh viện Sản Nhi tỉnh Điện Biên', maxLength: FACILITY_NAME_MAX_LENGTH })
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FACILITY_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: ADMINISTERED_KINDS, enumName: 'AdministeredFacilityKind' })
  @IsEnum(ADMINISTERED_KINDS)
  kind!: FacilityKind;

  @ApiPropertyOptional({
    enum: FACILITY_OWNERSHIPS,
    enumName: 'FacilityOwnership',
    description: 'Default: PRIVATE for a private clinic, else PUBLIC',
  })
  @IsOptional()
  @IsEnum(FACILITY_OWNERSHIPS)
  ownership?: FacilityOwnership;

  @ApiPropertyOptional({ default: true, description: 'Provides maternal care (maternal forms)' })
  @IsOptional()
  @IsBoolean({ message: BOOLEAN_MESSAGE })
  maternalServices?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Provides child care (child-health form)' })
  @IsOptional()
  @IsBoolean({ message: BOOLEAN_MESSAGE })
  childServices?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ADDRESS_MAX_LENGTH })
  @IsOptional()
  @NormalizeText()
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '11001',
    pattern: KCB_CODE_PATTERN.source,
    description: KCB_CODE_DESCRIPTION,
  })
  @IsOptional()
  @NormalizeText()
  @Matches(KCB_CODE_PATTERN, { message: KCB_CODE_MESSAGE })
  kcbCode?: string | null;

  @ApiProperty({ example: '11', description: 'Code of the province (or commune) it is located in, in force on validFrom' })
  @Matches(UNIT_CODE_PATTERN, { message: UNIT_CODE_MESSAGE })
  adminUnitCode!: string;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day in force' })
  @IsIsoDay({ message: DAY_MESSAGE })
  validFrom!: string;

  @ApiPropertyOptional({ example: 'SYT.11', description: 'Who checks its reports from validFrom (in force that day)' })
  @IsOptional()
  @Matches(FACILITY_CODE_PATTERN, { message: FACILITY_CODE_MESSAGE })
  reportsToCode?: string;
}

/** Only the fields sent are changed; the code and the validity period are changed by their own operations. */
export class UpdateFacilityDto {
  @ApiPropertyOptional({ maxLength: FACILITY_NAME_MAX_LENGTH })
  @ValidateIf(isPresent)
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FACILITY_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ enum: ADMINISTERED_KINDS, enumName: 'AdministeredFacilityKind' })
  @ValidateIf(isPresent)
  @IsEnum(ADMINISTERED_KINDS)
  kind?: FacilityKind;

  @ApiPropertyOptional({ enum: FACILITY_OWNERSHIPS, enumName: 'FacilityOwnership' })
  @ValidateIf(isPresent)
  @IsEnum(FACILITY_OWNERSHIPS)
  ownership?: FacilityOwnership;

  @ApiPropertyOptional()
  @ValidateIf(isPresent)
  @IsBoolean({ message: BOOLEAN_MESSAGE })
  maternalServices?: boolean;

  @ApiPropertyOptional()
  @ValidateIf(isPresent)
  @IsBoolean({ message: BOOLEAN_MESSAGE })
  childServices?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ADDRESS_MAX_LENGTH, description: 'null removes it' })
  @IsOptional()
  @NormalizeText()
  @IsString()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '11001',
    pattern: KCB_CODE_PATTERN.source,
    description: `${KCB_CODE_DESCRIPTION}; null removes it`,
  })
  @IsOptional()
  @NormalizeText()
  @Matches(KCB_CODE_PATTERN, { message: KCB_CODE_MESSAGE })
  kcbCode?: string | null;

  @ApiPropertyOptional({
    example: '11',
    description: 'In force on the facility’s first day (or today for a facility in force since records began)',
  })
  @ValidateIf(isPresent)
  @Matches(UNIT_CODE_PATTERN, { message: UNIT_CODE_MESSAGE })
  adminUnitCode?: string;
}

export class CloseFacilityDto {
  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day in force; its reporting lines end then too' })
  @IsIsoDay({ message: DAY_MESSAGE })
  validTo!: string;
}

export class SetReportsToDto {
  @ApiProperty({ example: 'SYT.11', description: 'The facility that checks its reports from validFrom (in force that day)' })
  @Matches(FACILITY_CODE_PATTERN, { message: FACILITY_CODE_MESSAGE })
  reportsToCode!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description: 'First day of the new line: the line in force then ends the day before; a line planned later still takes effect',
  })
  @IsIsoDay({ message: DAY_MESSAGE })
  validFrom!: string;
}
