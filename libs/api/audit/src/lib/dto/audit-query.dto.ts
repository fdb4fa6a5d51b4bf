import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction, IsIsoDay, PageQueryDto } from '@skss/api/core';

const ENTITY_TYPE = /^[A-Za-z]{1,60}$/;

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Filters shared by the list and the export; every one narrows the result. */
export class AuditEventFilterDto {
  @ApiPropertyOptional({ example: 'UserAccount', description: 'Kind of record (model name)' })
  @IsOptional()
  @Matches(ENTITY_TYPE)
  entityType?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Id of the record' })
  @IsOptional()
  @IsString()
  @trimmed()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ example: 'nchi.admin', maxLength: 60, description: 'User name of who acted (or who tried to sign in)' })
  @IsOptional()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @MaxLength(60)
  actor?: string;

  @ApiPropertyOptional({ example: 'BYT.TTTTYTQG', description: 'Code of the facility of who acted' })
  @IsOptional()
  @Matches(/^[A-Z0-9.]{2,40}$/)
  facility?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsEnum(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date', description: 'First day (YYYY-MM-DD, Vietnam time), inclusive' })
  @IsOptional()
  @IsIsoDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (YYYY-MM-DD, Vietnam time), inclusive' })
  @IsOptional()
  @IsIsoDay()
  to?: string;
}

export class ListAuditEventsQueryDto extends IntersectionType(AuditEventFilterDto, PageQueryDto) {}

export class AuditHistoryQueryDto {
  @ApiProperty({ example: 'UserAccount' })
  @Matches(ENTITY_TYPE)
  entityType!: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @trimmed()
  @MinLength(1)
  @MaxLength(100)
  entityId!: string;
}
