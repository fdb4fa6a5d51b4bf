import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, PageMetaDto } from '@skss/api/core';

const JSON_VALUE = { type: 'object', additionalProperties: true, nullable: true } as const;

export class AuditActorDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a sign-in attempt of an unknown or not yet signed-in user',
  })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'nchi.admin' })
  username!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'BYT.TTTTYTQG' })
  facilityCode!: string | null;
}

export class AuditEventDto {
  @ApiProperty({ example: '1042', description: 'Sequence number (a 64-bit integer, as a string)' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action!: AuditAction;

  @ApiProperty({ type: String, nullable: true, example: 'UserAccount' })
  entityType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  entityId!: string | null;

  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'The person who acted; null for system work and external systems' })
  actor!: AuditActorDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'The integration account that acted, if an external system did' })
  clientId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ ...JSON_VALUE, description: 'The record before the change (secrets redacted)' })
  before!: unknown;

  @ApiProperty({ ...JSON_VALUE, description: 'The record after the change (secrets redacted)' })
  after!: unknown;

  @ApiProperty({ ...JSON_VALUE })
  details!: unknown;
}

export class AuditEventPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEventDto], description: 'Newest first' })
  items!: AuditEventDto[];
}

export class AuditHistoryDto {
  @ApiProperty({ example: 'UserAccount' })
  entityType!: string;

  @ApiProperty()
  entityId!: string;

  @ApiProperty({ type: [AuditEventDto], description: 'Oldest first' })
  events!: AuditEventDto[];

  @ApiProperty({ description: 'True when the history is longer than the answer can hold (the oldest events are given)' })
  truncated!: boolean;
}
