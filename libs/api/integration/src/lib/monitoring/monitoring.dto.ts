import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '@skss/api/core';

const DESTINATIONS = ['DHIS2', 'FHIR', 'EHANDBOOK'] as const;
const STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;

export class InboundMonitoringQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 90, default: 14, description: 'Days of per-day counts' })
  @Max(90)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  days = 14;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'Silent after this many days (default MONITORING_SILENT_DAYS)',
  })
  @Max(365)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  silentDays?: number;
}

export class DayCountDto {
  @ApiProperty({ example: '2026-12-01' })
  day!: string;

  @ApiProperty({ type: 'integer' })
  accepted!: number;

  @ApiProperty({ type: 'integer' })
  rejected!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { REQUIRED: 2 },
    description: 'Rejections by problem code',
  })
  reasons!: Record<string, number>;
}

export class InboundSourceDto {
  @ApiProperty({ example: 'HIS', description: 'External system (or DHIS2 for the death pull)' })
  system!: string;

  @ApiProperty({ example: 'his-dienbien', description: 'Integration account, or dhis2-death-pull' })
  source!: string;

  @ApiProperty({ example: 'HIS Bệnh viện tỉnh Điện Biên' })
  name!: string;

  @ApiProperty({ enum: ['api', 'national', 'pull'], description: 'JSON API batches, national XML packages, or the DHIS2 pull' })
  channel!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastReceivedAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Last error of a pull' })
  lastError?: string | null;

  @ApiProperty({ type: [DayCountDto] })
  days!: DayCountDto[];
}

export class InboundFacilityDto {
  @ApiProperty({ example: 'TYT.03127.2025' })
  facilityCode!: string;

  @ApiProperty()
  facilityName!: string;

  @ApiProperty({ example: 'his-dienbien', description: 'Integration account (source system of the records)' })
  source!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Newest record received from the source for the facility',
  })
  lastReceivedAt!: string | null;

  @ApiProperty({ type: 'integer', description: 'Records received in the period' })
  records!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Records of the facility accepted in the last `days` days (JSON batches and national packages)',
  })
  accepted!: number;

  @ApiProperty({ type: 'integer', description: 'Records of the facility rejected in the last `days` days' })
  rejected!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { DATE_IN_FUTURE: 1 },
    description: 'Rejections by problem code',
  })
  reasons!: Record<string, number>;

  @ApiProperty({ description: 'Nothing received for more than the silent-days threshold' })
  silent!: boolean;
}

export class InboundMonitoringDto {
  @ApiProperty({ type: 'integer' })
  silentDays!: number;

  @ApiProperty({ type: [InboundSourceDto] })
  sources!: InboundSourceDto[];

  @ApiProperty({ type: [InboundFacilityDto], description: 'Per facility an account may send for: last record received' })
  facilities!: InboundFacilityDto[];
}

export class OutboxItemDto {
  @ApiProperty({ example: '1542' })
  id!: string;

  @ApiProperty({ enum: DESTINATIONS, enumName: 'OutboxDestination' })
  destination!: string;

  @ApiProperty({ example: 'dhis2.dataValueSet' })
  kind!: string;

  @ApiProperty({ example: 'report:commune:42:2026-11' })
  subject!: string;

  @ApiProperty({ nullable: true, type: String })
  facilityCode!: string | null;

  @ApiProperty({ enum: STATUSES, enumName: 'OutboxStatus' })
  status!: string;

  @ApiProperty({ type: 'integer' })
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  nextAttemptAt!: string;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the destination answered (import summary, ...)',
  })
  response!: unknown;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt!: string | null;
}

export class OutboxItemPageDto extends PageMetaDto {
  @ApiProperty({ type: [OutboxItemDto] })
  items!: OutboxItemDto[];
}

export class ListOutboxItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DESTINATIONS, enumName: 'OutboxDestination' })
  @IsIn(DESTINATIONS)
  @IsOptional()
  destination?: (typeof DESTINATIONS)[number];

  @ApiPropertyOptional({ enum: STATUSES, enumName: 'OutboxStatus' })
  @IsIn(STATUSES)
  @IsOptional()
  status?: (typeof STATUSES)[number];
}

export class DestinationStatusDto {
  @ApiProperty({ enum: DESTINATIONS, enumName: 'OutboxDestination' })
  destination!: string;

  @ApiProperty({ description: 'Configured in this deployment (otherwise its items wait)' })
  configured!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastSuccessAt!: string | null;

  @ApiProperty({ type: 'integer', description: 'Waiting to be sent (first attempt or retry)' })
  pending!: number;

  @ApiProperty({ type: 'integer', description: 'Pending after at least one failed attempt' })
  failing!: number;

  @ApiProperty({ type: 'integer', description: 'Dead letters: failed the allowed number of times, waiting for a re-send' })
  dead!: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  oldestPendingAt!: string | null;

  @ApiProperty({ type: [OutboxItemDto], description: 'The latest failing and dead items, with their reasons' })
  recentFailures!: OutboxItemDto[];
}

export class OutboundMonitoringDto {
  @ApiProperty({ type: [DestinationStatusDto] })
  destinations!: DestinationStatusDto[];
}

export class OutboxItemIdParamDto {
  @ApiProperty({ example: '1542' })
  @Matches(/^\d{1,18}$/, { message: 'Mã không hợp lệ' })
  id!: string;
}

export class ResendDeadDto {
  @ApiProperty({ enum: DESTINATIONS, enumName: 'OutboxDestination' })
  @IsIn(DESTINATIONS)
  destination!: (typeof DESTINATIONS)[number];
}

export class ResendResultDto {
  @ApiProperty({ type: 'integer', description: 'Items put back to be sent' })
  resent!: number;
}
