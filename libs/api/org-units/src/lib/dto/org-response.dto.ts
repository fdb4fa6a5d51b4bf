import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADMIN_LEVELS, AdminLevel, FACILITY_KINDS, FACILITY_LEVELS, FacilityKind, FacilityLevel } from '@skss/domain';
import { PageMetaDto } from '@skss/api/core';

export class AdminUnitRefDto {
  @ApiProperty({ example: '11' })
  code!: string;

  @ApiProperty({ example: 'Tỉnh Điện Biên' })
  name!: string;

  @ApiProperty({ enum: ADMIN_LEVELS, enumName: 'AdminLevel' })
  level!: AdminLevel;
}

export class AdminUnitDto extends AdminUnitRefDto {
  @ApiProperty({ example: 'Tỉnh' })
  type!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  parentCode!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'First day in force; null = before records' })
  validFrom!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Last day in force; null = still in force' })
  validTo!: string | null;

  @ApiProperty({ type: 'integer', description: 'Child units in force on the requested day' })
  childCount!: number;
}

export class AdminUnitPageDto extends PageMetaDto {
  @ApiProperty({ type: [AdminUnitDto] })
  items!: AdminUnitDto[];
}

export class LineageLinkDto {
  @ApiProperty({ enum: ['full', 'partial'], enumName: 'LineageKind', description: 'full: the whole unit; partial: part of it' })
  kind!: 'full' | 'partial';

  @ApiProperty({ format: 'date' })
  effectiveOn!: string;

  @ApiProperty({ type: AdminUnitDto })
  unit!: AdminUnitDto;
}

export class AdminUnitVersionLineageDto {
  @ApiProperty({ type: AdminUnitDto })
  unit!: AdminUnitDto;

  @ApiProperty({ type: [LineageLinkDto], description: 'Units this one was formed from' })
  predecessors!: LineageLinkDto[];

  @ApiProperty({ type: [LineageLinkDto], description: 'Units this one went into' })
  successors!: LineageLinkDto[];
}

export class AdminUnitLineageDto {
  @ApiProperty({ example: '62' })
  code!: string;

  @ApiProperty({ type: [AdminUnitVersionLineageDto], description: 'Each version of the unit that bore this code, oldest first' })
  versions!: AdminUnitVersionLineageDto[];
}

export class FacilityRefDto {
  @ApiProperty({ example: 'TYT.03127' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế Xã Mường Nhé' })
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  kind!: FacilityKind;

  @ApiProperty({ enum: FACILITY_LEVELS, enumName: 'FacilityLevel' })
  level!: FacilityLevel;
}

export class FacilityDto extends FacilityRefDto {
  @ApiPropertyOptional({ type: AdminUnitRefDto, nullable: true, description: 'Where it is located; null for central units' })
  adminUnit!: AdminUnitRefDto | null;

  @ApiProperty({ type: FacilityRefDto, nullable: true, description: 'Who checks and approves its reports on the requested day' })
  reportsTo!: FacilityRefDto | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validFrom!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  validTo!: string | null;
}

export class FacilityPageDto extends PageMetaDto {
  @ApiProperty({ type: [FacilityDto] })
  items!: FacilityDto[];
}

export class ReportingChainDto {
  @ApiProperty({ format: 'date' })
  at!: string;

  @ApiProperty({ type: [FacilityRefDto], description: 'The facility first, then each level it reports to, up to the top' })
  chain!: FacilityRefDto[];
}
