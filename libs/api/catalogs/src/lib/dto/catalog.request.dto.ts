import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsIsoDay, NormalizeText, PageQueryDto } from '@skss/api/core';
import {
  CATALOG_CODE_MESSAGE,
  CATALOG_CODE_PATTERN,
  ITEM_CODE_MESSAGE,
  ITEM_CODE_PATTERN,
  ITEM_NAME_MAX_LENGTH,
  SORT_ORDER_MAX,
} from '../shared/catalog-formats';

export const MAX_SEARCH_LENGTH = 100;
const DAY_MESSAGE = 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật';

/** Present in the body: validate, and refuse null (the field cannot be cleared). */
const isPresent = (_: object, value: unknown) => value !== undefined;

export class CatalogCodeParamDto {
  @ApiProperty({ example: 'ETHNICITY', pattern: CATALOG_CODE_PATTERN.source })
  @Matches(CATALOG_CODE_PATTERN, { message: CATALOG_CODE_MESSAGE })
  code!: string;
}

export class CatalogItemParamDto extends CatalogCodeParamDto {
  @ApiProperty({ example: '08', pattern: ITEM_CODE_PATTERN.source })
  @Matches(ITEM_CODE_PATTERN, { message: ITEM_CODE_MESSAGE })
  itemCode!: string;
}

export class CatalogsQueryDto {
  @ApiPropertyOptional({ description: 'Day the items are counted for (YYYY-MM-DD); default today in Vietnam' })
  @IsOptional()
  @IsIsoDay({ message: DAY_MESSAGE })
  at?: string;
}

export class ListCatalogItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Day the items are valid on (YYYY-MM-DD); default today in Vietnam', example: '2026-01-01' })
  @IsOptional()
  @IsIsoDay({ message: DAY_MESSAGE })
  at?: string;

  @ApiPropertyOptional({ description: 'Name (diacritics and case ignored) or code prefix', maxLength: MAX_SEARCH_LENGTH, example: 'mong' })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;
}

export class AddCatalogItemDto {
  @ApiProperty({ example: '56', pattern: ITEM_CODE_PATTERN.source, description: 'Cannot be changed later' })
  @NormalizeText()
  @Matches(ITEM_CODE_PATTERN, { message: ITEM_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Tên mục mới', maxLength: ITEM_NAME_MAX_LENGTH })
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ITEM_NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ITEM_NAME_MAX_LENGTH })
  @IsOptional()
  @NormalizeText()
  @IsString()
  @MaxLength(ITEM_NAME_MAX_LENGTH)
  nameEn?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: SORT_ORDER_MAX,
    description: 'Position in pick lists; default after the last',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SORT_ORDER_MAX)
  sortOrder?: number;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day the code is valid' })
  @IsIsoDay({ message: DAY_MESSAGE })
  validFrom!: string;
}

/** A new label from a day: the version in force then ends the day before. */
export class RelabelCatalogItemDto {
  @ApiProperty({ maxLength: ITEM_NAME_MAX_LENGTH })
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ITEM_NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ITEM_NAME_MAX_LENGTH, description: 'Omitted: kept; null: removed' })
  @IsOptional()
  @NormalizeText()
  @IsString()
  @MaxLength(ITEM_NAME_MAX_LENGTH)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: SORT_ORDER_MAX, description: 'Omitted: kept' })
  @ValidateIf(isPresent)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SORT_ORDER_MAX)
  sortOrder?: number;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day the new label applies' })
  @IsIsoDay({ message: DAY_MESSAGE })
  validFrom!: string;
}

export class RetireCatalogItemDto {
  @ApiProperty({
    format: 'date',
    example: '2026-01-01',
    description: 'First day the code is no longer valid: the version in force the day before ends then; later versions are removed',
  })
  @IsIsoDay({ message: DAY_MESSAGE })
  retiredFrom!: string;
}

/** The multipart fields of an import besides the file. */
export class ImportCatalogDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'Day the new codes and changed labels take effect' })
  @IsIsoDay({ message: DAY_MESSAGE })
  validFrom!: string;
}
