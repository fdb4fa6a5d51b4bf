import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '@skss/api/core';

export class CatalogDto {
  @ApiProperty({ example: 'ETHNICITY' })
  code!: string;

  @ApiProperty({ example: 'Danh mục dân tộc' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ethnicities' })
  nameEn!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Source of the list, or how to fill it' })
  description!: string | null;

  @ApiProperty({ description: 'A code list the registers’ rules depend on: items can be relabelled, not added or retired' })
  fixed!: boolean;

  @ApiProperty({ type: 'integer', description: 'Items valid on the requested day' })
  itemCount!: number;
}

export class CatalogListDto {
  @ApiProperty({ format: 'date' })
  at!: string;

  @ApiProperty({ type: [CatalogDto] })
  catalogs!: CatalogDto[];
}

export class CatalogItemDto {
  @ApiProperty({ example: '08' })
  code!: string;

  @ApiProperty({ example: 'HMông' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  nameEn!: string | null;

  @ApiProperty({ type: 'integer' })
  sortOrder!: number;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'First day of this version; null = since records began' })
  validFrom!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Last day of this version; null = still valid' })
  validTo!: string | null;
}

export class CatalogItemPageDto extends PageMetaDto {
  @ApiProperty({ format: 'date' })
  at!: string;

  @ApiProperty({ type: [CatalogItemDto] })
  items!: CatalogItemDto[];
}

export class CatalogItemHistoryDto {
  @ApiProperty({ example: 'ETHNICITY' })
  catalogCode!: string;

  @ApiProperty({ example: '08' })
  code!: string;

  @ApiProperty({ type: [CatalogItemDto], description: 'Every version, oldest first' })
  versions!: CatalogItemDto[];
}

export class CatalogImportResultDto {
  @ApiProperty({ example: 'ICD10' })
  catalogCode!: string;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ example: 'icd10.xlsx' })
  fileName!: string;

  @ApiProperty({ type: 'integer', description: 'Data rows read' })
  rows!: number;

  @ApiProperty({ type: 'integer', description: 'New codes' })
  created!: number;

  @ApiProperty({ type: 'integer', description: 'Codes whose label changed from validFrom' })
  relabelled!: number;

  @ApiProperty({ type: 'integer', description: 'Codes already valid with the same label' })
  unchanged!: number;
}

/** The schema of the multipart body of an import, for the OpenAPI document. */
export const IMPORT_BODY_SCHEMA = {
  type: 'object',
  required: ['file', 'validFrom'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'An .xlsx (first sheet) or a UTF-8 .csv: header row with “Mã”, “Tên”, optional “Tên tiếng Anh” and “Thứ tự”',
    },
    validFrom: { type: 'string', format: 'date', description: 'Day the new codes and changed labels take effect' },
  },
};
