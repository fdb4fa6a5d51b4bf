import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '@skss/api/core';
import {
  ADMIN_LEVELS,
  AdminLevel,
  FACILITY_KINDS,
  FACILITY_LEVELS,
  FACILITY_OWNERSHIPS,
  FacilityKind,
  FacilityLevel,
  FacilityOwnership,
  REPORTING_GROUPS,
  ReportingGroup,
} from '@skss/domain';

export class FacilityUnitDto {
  @ApiProperty({ example: '11' })
  code!: string;

  @ApiProperty({ example: 'Tỉnh Điện Biên' })
  name!: string;

  @ApiProperty({ enum: ADMIN_LEVELS, enumName: 'AdminLevel' })
  level!: AdminLevel;
}

export class FacilitySummaryDto {
  @ApiProperty({ example: 'SYT.11' })
  code!: string;

  @ApiProperty({ example: 'Sở Y tế Tỉnh Điện Biên' })
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  kind!: FacilityKind;

  @ApiProperty({ enum: FACILITY_LEVELS, enumName: 'FacilityLevel' })
  level!: FacilityLevel;
}

/** A facility with every attribute administrators keep and the province forms group by. */
export class FacilityRecordDto extends FacilitySummaryDto {
  @ApiProperty({ enum: FACILITY_OWNERSHIPS, enumName: 'FacilityOwnership' })
  ownership!: FacilityOwnership;

  @ApiProperty({
    enum: REPORTING_GROUPS,
    enumName: 'ReportingGroup',
    description:
      'Row group of the provincial forms: central (Cấp TW, Y tế ngành), provincial (Cấp tỉnh), commune (Cấp xã), private (Y tế tư nhân)',
  })
  reportingGroup!: ReportingGroup;

  @ApiProperty({ description: 'Provides maternal care: appears on the maternal forms' })
  maternalServices!: boolean;

  @ApiProperty({ description: 'Provides child care: appears on the child-health form' })
  childServices!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '11001', description: 'Mã cơ sở KCB BHYT (MA_CSKCB of HIS packages)' })
  kcbCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty({ type: FacilityUnitDto, nullable: true, description: 'Where it is located; null for the central agencies' })
  adminUnit!: FacilityUnitDto | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'First day in force; null = since records began' })
  validFrom!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Last day in force; null = still in force' })
  validTo!: string | null;

  @ApiProperty({ type: FacilitySummaryDto, nullable: true, description: 'Who checks its reports on the requested day' })
  reportsTo!: FacilitySummaryDto | null;
}

export class ReportingLineDto {
  @ApiProperty({ type: FacilitySummaryDto })
  reportsTo!: FacilitySummaryDto;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validFrom!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validTo!: string | null;
}

export class FacilityRecordDetailDto extends FacilityRecordDto {
  @ApiProperty({ format: 'date', description: 'The day reportsTo is read for' })
  at!: string;

  @ApiProperty({ type: [ReportingLineDto], description: 'Every reporting line of the facility, oldest first' })
  reportingLines!: ReportingLineDto[];
}

export class FacilityRecordPageDto extends PageMetaDto {
  @ApiProperty({ format: 'date' })
  at!: string;

  @ApiProperty({ type: [FacilityRecordDto] })
  items!: FacilityRecordDto[];
}
