import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '@skss/api/core';
import { CODE_LISTS } from '@skss/domain';

const SEXES = CODE_LISTS.SEX.map((entry) => entry.code);

export class FacilityRefDto {
  @ApiProperty({ example: 'TYT.03127.2025' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế Phường Điện Biên Phủ' })
  name!: string;
}

export class CommuneRefDto {
  @ApiProperty({ example: '03127' })
  code!: string;

  @ApiProperty({ example: 'Phường Điện Biên Phủ' })
  name!: string;
}

/** A person as lists and register rows show her: identifiers masked. */
export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Lò Thị Mai' })
  fullName!: string;

  @ApiProperty({ format: 'date', example: '1998-04-12' })
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES, enumName: 'Sex' })
  sex!: string;

  @ApiProperty({ type: String, nullable: true, example: '0113******45', description: 'Citizen ID, masked' })
  maskedCitizenId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'GD411********49', description: 'Health-insurance card, masked' })
  maskedInsuranceCard!: string | null;
}

export class PersonSummaryDto extends PersonRefDto {
  @ApiProperty({ type: String, nullable: true, example: '02' })
  ethnicityCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0912****78', description: 'Phone, masked' })
  maskedPhone!: string | null;

  @ApiProperty({ type: CommuneRefDto, nullable: true, description: 'Commune of the current residence' })
  commune!: CommuneRefDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'Bản Him Lam 2' })
  address!: string | null;
}

export class PersonPageDto extends PageMetaDto {
  @ApiProperty({ type: [PersonSummaryDto] })
  items!: PersonSummaryDto[];
}

export class ResidenceDto {
  @ApiProperty({ type: CommuneRefDto })
  commune!: CommuneRefDto;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day lived there; null: current' })
  validTo!: string | null;
}

export class SourceIdDto {
  @ApiProperty({ example: 'HIS' })
  sourceSystem!: string;

  @ApiProperty({ example: 'BN-2025-000123' })
  sourceRecordId!: string;
}

export class PersonLinkDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ format: 'date' })
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES, enumName: 'Sex' })
  sex!: string;
}

/** One person's full record (opening it is audited as a VIEW event). */
export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ format: 'date' })
  dateOfBirth!: string;

  @ApiProperty({ enum: SEXES, enumName: 'Sex' })
  sex!: string;

  @ApiProperty({ type: String, nullable: true })
  citizenId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  insuranceCard!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ethnicityCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  nationalityCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  occupationCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: PersonLinkDto, nullable: true, description: 'The mother, when linked and visible' })
  mother!: PersonLinkDto | null;

  @ApiProperty({ type: [PersonLinkDto], description: 'Children linked to her (those visible to the caller)' })
  children!: PersonLinkDto[];

  @ApiProperty({ type: [ResidenceDto], description: 'Residence history, latest first' })
  residences!: ResidenceDto[];

  @ApiProperty({ type: [SourceIdDto] })
  sourceIds!: SourceIdDto[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set when merged into another person (then hidden from lists)',
  })
  mergedIntoId!: string | null;

  @ApiProperty({ type: FacilityRefDto, description: 'The facility that first recorded her' })
  facility!: FacilityRefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PersonWriteResultDto {
  @ApiProperty({ description: 'true: an existing person with the same citizen ID, insurance card or source id was reused' })
  reused!: boolean;

  @ApiProperty({ type: PersonDto })
  person!: PersonDto;
}

export class PersonRecordItemDto {
  @ApiProperty({ example: 'anc-visits', description: 'Register (pregnancy episodes: "episodes")' })
  register!: string;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date', description: 'The date that decides the report month' })
  date!: string;

  @ApiProperty({ type: FacilityRefDto })
  facility!: FacilityRefDto;
}

export class PersonRecordsDto {
  @ApiProperty({ type: [PersonRecordItemDto], description: 'Rows of every register about her, in the caller’s scope, latest first' })
  items!: PersonRecordItemDto[];
}

export class MergeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  survivorId!: string;

  @ApiProperty({ format: 'uuid' })
  mergedId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Rows repointed, per kind',
    example: { ancVisits: 2 },
  })
  moved!: Record<string, number>;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  undoneAt!: string | null;
}

/** A merge into this person as her page lists it: with whom, so that the officer knows which one an undo brings back. */
export class PersonMergeDto extends MergeDto {
  @ApiProperty({ type: PersonLinkDto, nullable: true, description: 'The person merged into this one, when visible to the caller' })
  merged!: PersonLinkDto | null;
}

export class MergeResultDto {
  @ApiProperty({ type: MergeDto })
  merge!: MergeDto;

  @ApiProperty({ type: PersonDto, description: 'The surviving person' })
  person!: PersonDto;
}
