import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { EXTERNAL_SYSTEMS, ExternalSystem, INTEGRATION_OPERATIONS, IntegrationOperation } from '@skss/domain';
import { NormalizeText, PageQueryDto } from '@skss/api/core';

/** More facility codes than any province has; larger scopes are given by province. */
export const MAX_FACILITY_CODES = 2000;
const FACILITY_CODE = /^[A-Z0-9.]{2,40}$/;
const PROVINCE_CODE = /^\d{2}$/;
export const CLIENT_ID_PATTERN = /^[a-z0-9-]{3,60}$/;

/**
 * The facilities an account may send data for: listed, or every facility of a province, or both.
 * Validators run bottom-up and stop at the first failure: type checks sit closest to the property.
 */
class ClientFacilitiesDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_FACILITY_CODES,
    example: ['TYT.03127.2025'],
    description: 'Codes of facilities in force today that the account may send data for',
  })
  @Matches(FACILITY_CODE, { each: true })
  @ArrayUnique({ message: 'Danh sách có mã trùng nhau' })
  @ArrayMaxSize(MAX_FACILITY_CODES, { message: `Tối đa ${MAX_FACILITY_CODES} cơ sở` })
  @IsArray({ message: 'Phải là danh sách' })
  @IsOptional()
  facilityCodes?: string[];

  @ApiPropertyOptional({
    example: '11',
    description: 'Province code (2 digits): adds every facility located in that province, in force today',
  })
  @IsOptional()
  @Matches(PROVINCE_CODE)
  provinceCode?: string;
}

export class CreateIntegrationClientDto extends ClientFacilitiesDto {
  @ApiProperty({ example: 'HIS Bệnh viện đa khoa tỉnh Điện Biên', maxLength: 200 })
  @MaxLength(200)
  @MinLength(1)
  @NormalizeText()
  @IsString()
  name!: string;

  @ApiProperty({ enum: EXTERNAL_SYSTEMS, enumName: 'ExternalSystem' })
  @IsEnum(EXTERNAL_SYSTEMS)
  system!: ExternalSystem;

  @ApiProperty({ enum: INTEGRATION_OPERATIONS, enumName: 'IntegrationOperation', isArray: true, example: ['records.push'] })
  @IsEnum(INTEGRATION_OPERATIONS, { each: true })
  @ArrayUnique({ message: 'Danh sách có thao tác trùng nhau' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một thao tác' })
  @IsArray({ message: 'Phải là danh sách' })
  operations!: IntegrationOperation[];
}

/** Changes to an account; facilities given here replace the current ones. */
export class UpdateIntegrationClientDto extends ClientFacilitiesDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @MaxLength(200)
  @MinLength(1)
  @NormalizeText()
  @IsString()
  @IsOptional()
  name?: string;

  @ApiPropertyOptional({ enum: INTEGRATION_OPERATIONS, enumName: 'IntegrationOperation', isArray: true })
  @IsEnum(INTEGRATION_OPERATIONS, { each: true })
  @ArrayUnique({ message: 'Danh sách có thao tác trùng nhau' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một thao tác' })
  @IsArray({ message: 'Phải là danh sách' })
  @IsOptional()
  operations?: IntegrationOperation[];
}

export class ListIntegrationClientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EXTERNAL_SYSTEMS, enumName: 'ExternalSystem' })
  @IsOptional()
  @IsEnum(EXTERNAL_SYSTEMS)
  system?: ExternalSystem;

  @ApiPropertyOptional({ enum: ['active', 'disabled'], enumName: 'AccountStatus' })
  @IsOptional()
  @IsEnum(['active', 'disabled'])
  status?: 'active' | 'disabled';
}

export class ClientIdParamDto {
  @ApiProperty({ example: 'his-3f9a0c5d7e21b4a6' })
  @Matches(CLIENT_ID_PATTERN)
  clientId!: string;
}
