import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NormalizeText, PageQueryDto } from '@skss/api/core';
import { RECORD_REGISTERS, RecordRegister } from './register-tables';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export class ListRecordsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Month of the register’s date (Vietnam local date), YYYY-MM', example: '2025-03' })
  @IsOptional()
  @Matches(MONTH_PATTERN)
  month?: string;

  @ApiPropertyOptional({ description: 'Only rows recorded by this facility (within the caller’s scope)', example: 'TYT.03127.2025' })
  @IsOptional()
  @Matches(/^[A-Z0-9.]{2,40}$/)
  facilityCode?: string;

  @ApiPropertyOptional({
    description: 'Person’s name (diacritics and case ignored), or a citizen ID / insurance card number (exact)',
    maxLength: 100,
    example: 'lo thi mai',
  })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only rows about this person' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class ListEpisodesQueryDto extends ListRecordsQueryDto {
  @ApiPropertyOptional({ description: 'true: only episodes not closed yet; false: only closed ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class RegisterParamDto {
  @ApiProperty({ enum: RECORD_REGISTERS, enumName: 'RecordRegister' })
  @IsIn(RECORD_REGISTERS)
  register!: RecordRegister;
}

export class RecordParamDto extends RegisterParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class EpisodeParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export const WRITE_OUTCOMES = ['created', 'updated', 'unchanged'] as const;
export type WriteOutcome = (typeof WRITE_OUTCOMES)[number];

/** A stored row in the API's representation (the register's fields, its references and source). */
export type RecordDto = Record<string, unknown> & { id: string; register: string };

export interface RecordPageDto {
  items: RecordDto[];
  page: number;
  pageSize: number;
  total: number;
}

export interface WriteResultDto {
  outcome: WriteOutcome;
  record: RecordDto;
}
