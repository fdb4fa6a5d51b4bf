import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@skss/api/core';
import { REGISTER_CODES, RegisterCode } from '@skss/domain';
import { ListRecordsQueryDto } from '../../registers/register-records.dto';
import { OUTCOMES } from '../import-records';

const toBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ExcelRegisterParamDto {
  @ApiProperty({ enum: REGISTER_CODES, enumName: 'RegisterCode', description: 'The register (pregnancy episodes included)' })
  @IsIn(REGISTER_CODES)
  register!: RegisterCode;
}

export class RegisterImportParamDto extends ExcelRegisterParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** The list's filters without its paging: the export holds every row the list would page through. */
export class RegisterExportQueryDto extends OmitType(ListRecordsQueryDto, ['page', 'pageSize'] as const) {}

export class RegisterImportQueryDto {
  @ApiPropertyOptional({
    enum: ['preview', 'commit'],
    default: 'preview',
    description: 'preview: validate and keep the rows for a later commit; commit: validate and commit the valid rows at once',
  })
  @IsOptional()
  @IsIn(['preview', 'commit'])
  mode: 'preview' | 'commit' = 'preview';

  @ApiPropertyOptional({ description: 'With mode=commit: commit nothing if any row has an error', default: false })
  @IsOptional()
  @toBoolean()
  @IsBoolean()
  allOrNothing = false;

  @ApiPropertyOptional({
    description: 'The facility the rows are recorded by (within the caller’s write scope); default the caller’s own',
    example: 'TYT.03127.2025',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9.]{2,40}$/)
  facilityCode?: string;
}

export class CommitRegisterImportDto {
  @ApiPropertyOptional({
    description: 'true: commit nothing when any row of the file has an error (422 IMPORT_HAS_ERRORS)',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  allOrNothing?: boolean;
}

export class ListRegisterImportsQueryDto extends PageQueryDto {}

export class RegisterImportProblemDto {
  @ApiProperty({ type: 'integer', description: 'Row number in the sheet, as Excel shows it' })
  row!: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'Column letter, null for a problem of the whole row', example: 'D' })
  column!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The column’s header', example: 'Ngày khám thai *' })
  header!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The record field, as the validators name it', example: 'person.citizenId' })
  field!: string | null;

  @ApiProperty({ example: 'DATE_IN_FUTURE' })
  code!: string;

  @ApiProperty({ description: 'Vietnamese message' })
  message!: string;

  @ApiPropertyOptional({
    enum: ['warning'],
    description: 'warning: the row is written all the same (e.g. PERSON_DIFFERS: her stored name or date of birth is kept)',
  })
  severity?: 'warning';
}

export class RegisterImportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: REGISTER_CODES, enumName: 'RegisterCode' })
  register!: RegisterCode;

  @ApiProperty({ example: 'TYT.03127.2025' })
  facilityCode!: string;

  @ApiProperty({ enum: ['PREVIEWED', 'COMMITTED', 'DISCARDED', 'REFUSED'] })
  status!: 'PREVIEWED' | 'COMMITTED' | 'DISCARDED' | 'REFUSED';

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ type: 'integer', description: 'Bytes' })
  fileSize!: number;

  @ApiProperty({ description: 'SHA-256 of the file, hexadecimal' })
  fileSha256!: string;

  @ApiProperty({ type: 'integer', description: 'Data rows of the sheet' })
  totalRows!: number;

  @ApiProperty({ type: 'integer' })
  validRows!: number;

  @ApiProperty({ type: 'integer' })
  errorRows!: number;

  @ApiProperty({ type: 'integer', description: 'Rows whose record was created by the commit' })
  created!: number;

  @ApiProperty({ type: 'integer', description: 'Rows whose record (imported before) was updated by the commit' })
  updated!: number;

  @ApiProperty()
  allOrNothing!: boolean;

  @ApiProperty({ type: 'string', nullable: true })
  byUsername!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  committedAt!: string | null;
}

export class RegisterImportDetailDto extends RegisterImportSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `Rows by outcome: ${OUTCOMES.join(', ')}`,
    example: { valid: 970, invalid: 30 },
  })
  outcomes!: Record<string, number>;

  @ApiProperty({
    type: [RegisterImportProblemDto],
    description: 'The problems per row and cell, in row order (at most 1,000; all are in the result file)',
  })
  errors!: RegisterImportProblemDto[];

  @ApiProperty()
  errorsTruncated!: boolean;
}

export class RegisterImportPageDto {
  @ApiProperty({ type: [RegisterImportSummaryDto] })
  items!: RegisterImportSummaryDto[];

  @ApiProperty({ type: 'integer' })
  page!: number;

  @ApiProperty({ type: 'integer' })
  pageSize!: number;

  @ApiProperty({ type: 'integer' })
  total!: number;
}
