import { ApiProperty } from '@nestjs/swagger';
import { EXTERNAL_SYSTEMS, ExternalSystem, INTEGRATION_OPERATIONS, IntegrationOperation } from '@skss/domain';
import { PageMetaDto } from '@skss/api/core';

export class IntegrationClientSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'Record id, as used by the audit trail (entityType IntegrationClient)' })
  id!: string;

  @ApiProperty({ example: 'his-3f9a0c5d7e21b4a6', description: 'The user name of HTTP Basic authentication' })
  clientId!: string;

  @ApiProperty({ example: 'HIS Bệnh viện đa khoa tỉnh Điện Biên' })
  name!: string;

  @ApiProperty({ enum: EXTERNAL_SYSTEMS, enumName: 'ExternalSystem' })
  system!: ExternalSystem;

  @ApiProperty({ enum: INTEGRATION_OPERATIONS, enumName: 'IntegrationOperation', isArray: true })
  operations!: IntegrationOperation[];

  @ApiProperty({ enum: ['active', 'disabled'], enumName: 'AccountStatus' })
  status!: 'active' | 'disabled';

  @ApiProperty({ type: 'integer', description: 'Facilities the account may send data for' })
  facilityCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last successful authentication (updated at most once a minute)',
  })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last secret rotation' })
  rotatedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class IntegrationClientFacilityDto {
  @ApiProperty({ example: 'TYT.03127.2025' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế Phường Điện Biên Phủ' })
  name!: string;
}

export class IntegrationClientDto extends IntegrationClientSummaryDto {
  @ApiProperty({ type: [IntegrationClientFacilityDto], description: 'Sorted by code' })
  facilities!: IntegrationClientFacilityDto[];
}

export class IntegrationClientPageDto extends PageMetaDto {
  @ApiProperty({ type: [IntegrationClientSummaryDto] })
  items!: IntegrationClientSummaryDto[];
}

/** Answer of creation and rotation: the only time the secret is ever shown. */
export class IntegrationClientSecretDto {
  @ApiProperty({ type: IntegrationClientDto })
  client!: IntegrationClientDto;

  @ApiProperty({
    example: 'q3J0x7m2V9c1bT4fN8kR5wL0pZ6yH2sD3gA1eU7iO9c',
    description: 'Shown once: only its hash is kept. Send it as the password of HTTP Basic authentication',
  })
  clientSecret!: string;
}

export class IntegrationWhoamiDto {
  @ApiProperty({ example: 'his-3f9a0c5d7e21b4a6' })
  clientId!: string;

  @ApiProperty({ enum: EXTERNAL_SYSTEMS, enumName: 'ExternalSystem' })
  system!: ExternalSystem;

  @ApiProperty({ enum: INTEGRATION_OPERATIONS, enumName: 'IntegrationOperation', isArray: true })
  operations!: IntegrationOperation[];

  @ApiProperty({ type: [String], description: 'Facilities the account may send data for, sorted' })
  facilityCodes!: string[];
}
