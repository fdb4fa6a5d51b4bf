import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { FormLevel, REPORT_FORM_CODES, ReportFormCode } from '@skss/domain';
import { ReportKeyParamDto } from '../dto/report.request.dto';

export class ReportCellParamDto extends ReportKeyParamDto {
  @ApiProperty({ description: 'Row key as report-rules.md numbers it', example: 'I.5.1a' })
  @Matches(/^(I|II|III)(\.\d+[a-z]?)*$|^F\.[A-Za-z0-9]+$/)
  @MaxLength(20)
  row!: string;

  @ApiProperty({ description: 'Column key: total, station, outside, other; cases.station, deaths.total, male.total …', example: 'total' })
  @Matches(/^[a-z]+(\.[a-z]+)?$/)
  @MaxLength(20)
  column!: string;
}

export class AggregateParamDto {
  @ApiProperty({ enum: REPORT_FORM_CODES, enumName: 'ReportFormCode' })
  @IsIn(REPORT_FORM_CODES)
  form!: ReportFormCode;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Id of the aggregating facility (district health centre, SYT, CDC, ministry)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  facilityId!: number;
}

/** Biểu 4–8: the forms compiled as one line per reporting unit. */
export const UNIT_FORM_CODES = REPORT_FORM_CODES.filter((code) => code !== 'commune');
export type UnitFormCode = Exclude<ReportFormCode, 'commune'>;

export class UnitFormParamDto {
  @ApiProperty({
    enum: UNIT_FORM_CODES,
    enumName: 'UnitReportFormCode',
    description: 'Biểu 4–8 (the commune form is exported per station)',
  })
  @IsIn(UNIT_FORM_CODES)
  form!: UnitFormCode;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Id of the aggregating facility (district health centre, SYT, CDC, ministry)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  facilityId!: number;
}

const FORM_LEVELS: readonly FormLevel[] = ['commune', 'district', 'province', 'national'];

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-9M)?$/;

export class AggregateQueryDto {
  @ApiProperty({
    description: 'A month (2025-07), quarter (2025-Q3), half year (2025-H2), nine months (2025-9M) or year (2025)',
    example: '2025-07',
  })
  @Matches(PERIOD, { message: 'Kỳ báo cáo phải là tháng (2025-07), quý (2025-Q3), 6 tháng (2025-H2), 9 tháng (2025-9M) hoặc năm (2025)' })
  period!: string;

  @ApiPropertyOptional({ enum: FORM_LEVELS, description: 'Default: the facility’s own level' })
  @IsOptional()
  @IsIn(FORM_LEVELS)
  level?: FormLevel;
}

export class CellRowFacilityDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ReportCellRowDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Register of the row (its console and API path); null for rows listed inside another (complications, postnatal visits)',
    example: 'deliveries',
  })
  register!: string | null;

  @ApiProperty({ description: 'Table of the row', example: 'delivery' })
  table!: string;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date', description: 'The date that put the row in the month' })
  day!: string;

  @ApiProperty({ description: 'Column it counts in: station, outside, other or total', example: 'station' })
  column!: string;

  @ApiProperty({ description: 'What it adds to the cell: 1, or the number of newborns of a delivery on newborn rows' })
  count!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Full name as the register lists show it (identifiers are not shown)' })
  personName!: string | null;

  @ApiProperty({ type: CellRowFacilityDto })
  facility!: CellRowFacilityDto;
}

export class ReportCellRowsDto {
  @ApiProperty({ example: 'I.5:other' }) cell!: string;
  @ApiProperty({ description: 'The cell computed from the registers now' }) value!: number;
  @ApiProperty({ description: 'Rows listed (the caller may see them)' }) total!: number;
  @ApiProperty({ type: [ReportCellRowDto] }) items!: ReportCellRowDto[];
  @ApiProperty({ description: 'Rows behind the cell the caller may not see (other facilities’ rows in CSYT khác): counted, not listed' })
  notVisibleRows!: number;
  @ApiProperty() notVisibleCount!: number;
}

export class AggregateColumnDto {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'Column number as printed (3a, 18b …)' }) number!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [String] }) groups!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The rule: a commune cell (I.5:total) or a facility indicator (F.caesarean); null when not collected',
  })
  rule!: string | null;
}

export class PeriodLabelDto {
  @ApiProperty({ example: 'Quý III/2025' }) vi!: string;
  @ApiProperty({ example: 'Q3 2025' }) en!: string;
}

export class AggregateLineFacilityDto {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'FacilityKind' }) kind!: string;
}

/** One line of Biểu 4–8: the total, a group's subtotal, a reporting unit, or a district (TT 37 province view). */
export class AggregateLineDto {
  @ApiProperty({
    description: 'group:<key>, group:<key>@<province code>, unit:<facility code>, district:<facility code>',
    example: 'group:total',
  })
  key!: string;
  @ApiProperty({ enum: ['group', 'unit', 'district'] }) kind!: 'group' | 'unit' | 'district';
  @ApiProperty({ description: 'The row group it is (group lines) or is listed under', example: 'commune' }) group!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Group number as printed (A, I, II …)' }) number!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty({ type: AggregateLineFacilityDto, nullable: true }) facility!: AggregateLineFacilityDto | null;
  @ApiProperty({ enum: ['facility', 'commune'], nullable: true, description: 'Unit lines: whose row it is (decides its grey cells)' })
  rowKind!: 'facility' | 'commune' | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description: 'Column key → value; null in grey and not collected cells and for a missing unit',
  })
  values!: Record<string, number | null>;
  @ApiProperty({ type: [String], description: 'Unit lines: months without an approved report' }) missingMonths!: string[];
  @ApiProperty({ description: 'Group and district lines: units under it with a missing month' }) unitsWithMissingMonths!: number;
}

export class AggregateReportDto {
  @ApiProperty({ enum: REPORT_FORM_CODES, enumName: 'ReportFormCode' }) form!: ReportFormCode;
  @ApiProperty({ description: 'Form version: key, regime, official code, title', type: 'object', additionalProperties: true })
  version!: Record<string, unknown>;
  @ApiProperty({ enum: FORM_LEVELS }) level!: FormLevel;
  @ApiProperty({ type: AggregateLineFacilityDto, description: 'The aggregating unit' }) facility!: AggregateLineFacilityDto;
  @ApiProperty({ type: PeriodLabelDto, description: 'The period as the screen names it' }) periodLabel!: PeriodLabelDto;
  @ApiProperty({ description: 'Period key and its months', type: 'object', additionalProperties: true }) period!: Record<string, unknown>;
  @ApiProperty({ type: [AggregateColumnDto] }) columns!: AggregateColumnDto[];
  @ApiProperty({ type: [AggregateLineDto], description: 'Total, group subtotals and unit lines, in print order' })
  lines!: AggregateLineDto[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Communes whose commune report of some months is not approved (shown as missing, not zero)',
  })
  missing!: Record<string, unknown>[];
}
