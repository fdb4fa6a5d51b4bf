import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { NormalizeText } from '@skss/api/core';
import { REPORT_FORM_CODES, ReportFormCode } from '../forms/form-catalogue';
import { MONTH_PATTERN } from '../reports/report-month';

const MONTH_MESSAGE = 'Tháng phải có dạng YYYY-MM';
export const REASON_MAX_LENGTH = 1000;
export const MAX_BULK_APPROVALS = 200;

export class MonthQueryDto {
  @ApiProperty({ description: 'Report month, YYYY-MM', example: '2026-01', pattern: MONTH_PATTERN.source })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month!: string;
}

export class OptionalMonthQueryDto {
  @ApiPropertyOptional({
    description: 'Report month, YYYY-MM; default the current month in Vietnam',
    example: '2026-01',
    pattern: MONTH_PATTERN.source,
  })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;
}

export class ReportKeyParamDto {
  @ApiProperty({ enum: REPORT_FORM_CODES, enumName: 'ReportFormCode' })
  @IsIn(REPORT_FORM_CODES)
  form!: ReportFormCode;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Id of the reporting facility', example: 1201 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  facilityId!: number;

  @ApiProperty({ description: 'Report month, YYYY-MM', example: '2026-01', pattern: MONTH_PATTERN.source })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month!: string;
}

/** A reason the other side reads: mandatory for a return and for asking un-approval. */
export class ReasonDto {
  @ApiProperty({ maxLength: REASON_MAX_LENGTH, example: 'Số phụ nữ đẻ tại trạm chưa khớp sổ đẻ, đề nghị kiểm tra lại' })
  @IsString()
  @NormalizeText()
  @IsNotEmpty()
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;
}

export class BulkApproveDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_APPROVALS, description: 'Ids of the reports to approve' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_APPROVALS)
  @IsUUID('all', { each: true })
  reportIds!: string[];
}

export class NotificationParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ description: 'true: only the notifications not read yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
