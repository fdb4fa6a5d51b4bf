import { ApiPropertyOptions } from '@nestjs/swagger';
import { PERSON_FIELDS } from '@skss/domain';
import { defineModel, inputProperty } from '../shared/openapi-models';

const residenceFrom: ApiPropertyOptions = {
  type: 'string',
  format: 'date',
  required: false,
  nullable: true,
  description:
    'First day of the residence given by communeCode/address (the commune code must be in force that day). ' +
    'Create: default her date of birth, or the day the commune code came into force if later. Update: default today; ' +
    'the current residence then ends the day before.',
};

const motherId: ApiPropertyOptions = {
  type: 'string',
  format: 'uuid',
  required: false,
  nullable: true,
  description: 'Her mother (a person)',
};

/** Body of POST /persons, from the domain's person fields. */
export const CREATE_PERSON_INPUT = defineModel('CreatePersonInput', {
  facilityCode: { type: 'string', required: false, description: 'The recording facility (default: the caller’s own)' },
  ...Object.fromEntries(PERSON_FIELDS.map((field) => [field.key, inputProperty(field)])),
  residenceFrom,
  motherId,
  sourceSystem: { type: 'string', maxLength: 60, required: false, nullable: true, example: 'HIS' },
  sourceRecordId: {
    type: 'string',
    maxLength: 100,
    required: false,
    nullable: true,
    description: 'Her patient id in sourceSystem: sent again, the same person is reused',
  },
});

/** Body of PATCH /persons/{id}: only what changes. */
export const UPDATE_PERSON_INPUT = defineModel('UpdatePersonInput', {
  ...Object.fromEntries(PERSON_FIELDS.map((field) => [field.key, inputProperty(field, true)])),
  residenceFrom,
  motherId,
});
