import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldErrorDto } from '@skss/api/core';
import { INBOUND_REGISTERS, MAX_BATCH_RECORDS, MAX_SOURCE_ID_LENGTH } from '../inbound-envelope';

/*
 * Shapes of POST /api/v1/integration/records for the OpenAPI document. The body is read by the
 * ingestion service itself, record by record (a bad record must not refuse the batch), so these
 * classes describe it and carry no validation decorators.
 */

export class InboundResidenceDto {
  @ApiProperty({ example: '03127', description: 'Five-digit code of the commune (xã, phường) of residence' })
  communeCode!: string;

  @ApiPropertyOptional({ example: 'Bản Him Lam 2', maxLength: 300 })
  address?: string;
}

export class InboundPersonDto {
  @ApiPropertyOptional({ example: '011198123456', description: 'Citizen ID (CCCD, 12 digits): an exact match reuses the stored person' })
  citizenId?: string;

  @ApiPropertyOptional({
    example: 'DN4111234567890',
    description: 'Health-insurance card (15 characters) or 10-digit social-insurance number',
  })
  insuranceCard?: string;

  @ApiPropertyOptional({
    example: 'BN-2026-000815',
    maxLength: MAX_SOURCE_ID_LENGTH,
    description: "The sending system's own patient id: the same id finds the same person again (after CCCD and insurance card)",
  })
  sourcePatientId?: string;

  @ApiProperty({ example: 'Lò Thị Hoa', minLength: 2, maxLength: 200 })
  fullName!: string;

  @ApiProperty({ example: '1998-04-12', format: 'date' })
  dateOfBirth!: string;

  @ApiProperty({ enum: ['FEMALE', 'MALE'], example: 'FEMALE' })
  sex!: string;

  @ApiPropertyOptional({ example: '03', description: 'Ethnicity code (01–55, the official list)' })
  ethnicityCode?: string;

  @ApiPropertyOptional({ example: '05' })
  occupationCode?: string;

  @ApiPropertyOptional({ example: 'VN' })
  nationalityCode?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  phone?: string;

  @ApiPropertyOptional({
    type: InboundResidenceDto,
    description:
      'Where the person lives: a new person lives there from the event day; a known one whose commune differs moves there from the event day',
  })
  residence?: InboundResidenceDto;
}

export class InboundRecordDto {
  @ApiProperty({ enum: INBOUND_REGISTERS, enumName: 'InboundRegister', example: 'anc-visits' })
  register!: string;

  @ApiProperty({
    example: 'HIS-ANC-2026-000123',
    maxLength: MAX_SOURCE_ID_LENGTH,
    description: "The record's id in the sending system: a record sent again with the same id updates (or is unchanged), never duplicates",
  })
  sourceRecordId!: string;

  @ApiProperty({
    example: 'TYT.03127.2025',
    description:
      "The recording facility, one of the integration account's facilities: its code in this system or, failing that, its KCB code (11001)",
  })
  facilityCode!: string;

  @ApiPropertyOptional({
    type: InboundPersonDto,
    description: 'Who the record is about: required for every register but deaths (whose deceased need not be a known person)',
  })
  person?: InboundPersonDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { visitDate: '2026-03-10', place: 'FACILITY', gaWeeks: 20, weightKg: 52.5, systolic: 110, diastolic: 70 },
    description:
      "The register's fields, named and typed as in the register definitions of the domain library (the names the register API and the Excel templates use; " +
      'dates YYYY-MM-DD, instants ISO 8601 with offset, codes from the code lists); lists (newborns, postnatalVisits, complications) as arrays',
  })
  data!: Record<string, unknown>;
}

export class InboundBatchDto {
  @ApiProperty({ type: [InboundRecordDto], minItems: 1, maxItems: MAX_BATCH_RECORDS })
  records!: InboundRecordDto[];
}

export const INBOUND_OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

export class InboundRecordResultDto {
  @ApiProperty({ type: 'integer', example: 0, description: 'Position of the record in the batch (0-based)' })
  index!: number;

  @ApiProperty({ type: String, nullable: true, example: 'anc-visits' })
  register!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'HIS-ANC-2026-000123' })
  sourceRecordId!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'TYT.03127.2025',
    description: 'The facility the record was sent for, as sent (monitoring counts rejections per facility with it)',
  })
  facilityCode?: string | null;

  @ApiProperty({ enum: INBOUND_OUTCOMES, enumName: 'InboundOutcome', example: 'created' })
  outcome!: InboundOutcome;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Id of the stored record (created, updated)' })
  id?: string | null;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Why the record was rejected: field path in the record, code, message' })
  problems?: FieldErrorDto[];

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description:
      'What the record says differently from the stored person it was matched with, kept as stored (PERSON_DIFFERS: name, date of birth, sex, ' +
      'an identifier or ethnicity already on file); the record is written all the same',
  })
  warnings?: FieldErrorDto[];
}

export class InboundCountsDto {
  @ApiProperty({ type: 'integer', example: 3 })
  received!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  created!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  updated!: number;

  @ApiProperty({ type: 'integer', example: 0 })
  unchanged!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  rejected!: number;
}

export class InboundBatchAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'The batch as recorded (integration_batch)' })
  batchId!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: InboundCountsDto })
  counts!: InboundCountsDto;

  @ApiProperty({ type: [InboundRecordResultDto], description: 'One entry per record sent, in order' })
  records!: InboundRecordResultDto[];
}
