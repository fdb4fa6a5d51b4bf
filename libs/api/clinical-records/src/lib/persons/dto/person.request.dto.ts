import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIsoDay, NormalizeText, PageQueryDto } from '@skss/api/core';
import { CODE_LISTS } from '@skss/domain';

export const MAX_SEARCH_LENGTH = 100;

export class ListPersonsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Name (diacritics and case ignored), or a citizen ID / insurance card number (exact)',
    maxLength: MAX_SEARCH_LENGTH,
    example: 'lo thi mai',
  })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;

  @ApiPropertyOptional({ format: 'date', example: '1998-04-12' })
  @IsOptional()
  @IsIsoDay()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: CODE_LISTS.SEX.map((e) => e.code), enumName: 'Sex' })
  @IsOptional()
  @IsIn(CODE_LISTS.SEX.map((e) => e.code))
  sex?: string;
}

export class PersonIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class MergeParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mergeId!: string;
}

export class MergePersonsDto {
  @ApiProperty({ format: 'uuid', description: 'The probable duplicate to merge into this person (it is hidden afterwards)' })
  @IsUUID()
  duplicateId!: string;
}
