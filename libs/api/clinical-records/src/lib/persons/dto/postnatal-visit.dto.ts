import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoDay, NormalizeText } from '@skss/api/core';

export class PostnatalVisitParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  visitId!: string;
}

export class CreatePostnatalVisitDto {
  @ApiProperty({ format: 'date', example: '2025-03-12', description: 'Day of the home visit (Vietnam)' })
  @IsIsoDay()
  visitDate!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The delivery visited after; by default her latest delivery on or before the visit day, at any facility',
  })
  @IsOptional()
  @IsUUID()
  deliveryId?: string;

  @ApiPropertyOptional({ example: 'TYT.03160.2025', description: "Visiting facility; by default the caller's own" })
  @IsOptional()
  @Matches(/^[A-Z0-9.]{2,40}$/)
  facilityCode?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(500)
  notes?: string;
}

export class VisitedDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  deliveryDate!: string;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Local day she left the facility (null: birth outside a facility)',
  })
  dischargeDate!: string | null;

  @ApiProperty({ description: 'Facility that recorded the delivery' })
  facilityName!: string;
}

export class PostnatalVisitDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  visitDate!: string;

  @ApiProperty({ example: 'TYT.03160.2025' })
  facilityCode!: string;

  @ApiProperty()
  facilityName!: string;

  @ApiProperty({ type: VisitedDeliveryDto })
  delivery!: VisitedDeliveryDto;

  @ApiProperty({
    description: 'Days from leaving the facility (or from the birth, outside facilities) to the visit: 0–6 first week, 7–41 weeks 2 to 6',
  })
  daysAfter!: number;

  @ApiProperty({ nullable: true, type: String })
  notes!: string | null;
}
