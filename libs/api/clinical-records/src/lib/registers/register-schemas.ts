import { Type } from '@nestjs/common';
import { ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CODE_LISTS, CollectionDefinition, inputFields, PERSON_FIELDS, RegisterDefinition } from '@skss/domain';
import { FacilityRefDto, PersonRefDto } from '../persons/dto/person.response.dto';
import { defineModel, inputProperty, outputProperty } from '../shared/openapi-models';
import { WRITE_OUTCOMES } from './register-records.dto';
import { EPISODES_TABLE, RECORD_REGISTERS, REGISTER_TABLES, RegisterTable } from './register-tables';

/**
 * The OpenAPI models of the registers, built from the domain definitions: per register an input
 * model (what a body may carry) and a record model (what the API answers), with their nested
 * lists. The generic controller documents its bodies and answers as oneOf these.
 */

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const uuid = (description: string, required = false): ApiPropertyOptions => ({
  type: 'string',
  format: 'uuid',
  description,
  required,
  nullable: !required,
});

/** The person part a register body may carry instead of personId (new persons, Excel rows). */
export const REGISTER_PERSON_INPUT = defineModel(
  'RegisterPersonInput',
  Object.fromEntries(PERSON_FIELDS.map((field) => [field.key, inputProperty(field)])),
);

function collectionModels(owner: string, collection: CollectionDefinition): { input: Type<unknown>; record: Type<unknown> } {
  const base = `${owner}${pascal(collection.itemLabel.en)}`;
  const input = defineModel(`${base}Input`, Object.fromEntries(inputFields(collection.fields).map((f) => [f.key, inputProperty(f)])));
  const record = defineModel(`${base}Record`, {
    id: { type: 'string', format: 'uuid', required: true },
    ...(collection.key === 'newborns'
      ? { personId: { ...uuid('The child as a person (live births): Person.motherId links her to the mother'), required: true } }
      : {}),
    ...Object.fromEntries(collection.fields.map((f) => [f.key, outputProperty(f)])),
  });
  return { input, record };
}

function registerModels(table: RegisterTable): { input: Type<unknown>; record: Type<unknown>; nested: Type<unknown>[] } {
  const definition: RegisterDefinition = table.definition;
  const name = definition.model;
  const collections = definition.collections.map((c) => ({ collection: c, ...collectionModels(name, c) }));
  const personRequired = definition.person === 'required';
  const input = defineModel(`${name}Input`, {
    facilityCode: {
      type: 'string',
      description: 'The facility that records the row (default: the caller’s own); must be in the caller’s write scope.',
      required: false,
      example: 'TYT.03127.2025',
    },
    personId: uuid(
      personRequired
        ? 'The person the row is about; or give `person` to find her by identifier or create her.'
        : 'The deceased, when a known person.',
    ),
    ...(definition.embedsPerson
      ? {
          person: {
            type: () => REGISTER_PERSON_INPUT,
            required: false,
            description:
              'A person not chosen by id: reused when her citizen ID or insurance card matches a stored person, otherwise created (residence from the event date).',
          },
        }
      : {}),
    ...(table.hasEpisode ? { episodeId: uuid('The pregnancy episode (closed automatically by a delivery or an abortion).') } : {}),
    ...(table.hasMother ? { motherId: uuid('For a child’s death: the mother, when a known person.') } : {}),
    sourceSystem: {
      type: 'string',
      maxLength: 60,
      required: false,
      nullable: true,
      description: 'The sending system (with sourceRecordId): a row sent again with the same pair updates the stored row.',
      example: 'HIS',
    },
    ...Object.fromEntries(inputFields(definition.fields).map((f) => [f.key, inputProperty(f)])),
    ...Object.fromEntries(
      collections.map(({ collection, input: item }) => [
        collection.key,
        {
          type: () => item,
          isArray: true,
          required: collection.minItems > 0,
          description: `${collection.label.vi} (${collection.label.en}), ${collection.minItems}–${collection.maxItems}.`,
        } as ApiPropertyOptions,
      ]),
    ),
  });
  const record = defineModel(`${name}Record`, {
    register: { type: 'string', enum: [table.code], required: true },
    id: { type: 'string', format: 'uuid', required: true },
    facility: { type: () => FacilityRefDto, required: true },
    person: { type: () => PersonRefDto, required: true, nullable: true, description: 'Identifiers masked' },
    ...(table.hasEpisode ? { episodeId: { ...uuid('Pregnancy episode'), required: true } } : {}),
    ...(table.hasMother ? { motherId: { ...uuid('Mother of a deceased child'), required: true } } : {}),
    ...Object.fromEntries(definition.fields.map((f) => [f.key, outputProperty(f)])),
    ...Object.fromEntries(
      collections.map(({ collection, record: item }) => [
        collection.key,
        {
          type: () => item,
          isArray: true,
          required: false,
          description: `${collection.label.vi} (${collection.label.en}); in the answers about one row, not in lists.`,
        } as ApiPropertyOptions,
      ]),
    ),
    source: { type: 'string', enum: CODE_LISTS.RECORD_SOURCE.map((e) => e.code), required: true },
    sourceSystem: { type: 'string', required: true, nullable: true },
    createdAt: { type: 'string', format: 'date-time', required: true },
    updatedAt: { type: 'string', format: 'date-time', required: true },
  });
  return { input, record, nested: [...collections.map((c) => c.input), ...collections.map((c) => c.record)] };
}

const MODELS = Object.fromEntries(RECORD_REGISTERS.map((code) => [code, registerModels(REGISTER_TABLES[code])]));
export const EPISODE_MODELS = registerModels(EPISODES_TABLE);

/** Every model to declare with @ApiExtraModels. */
export const REGISTER_EXTRA_MODELS: Type<unknown>[] = [
  REGISTER_PERSON_INPUT,
  ...Object.values(MODELS).flatMap((m) => [m.input, m.record, ...m.nested]),
];
export const EPISODE_EXTRA_MODELS: Type<unknown>[] = [EPISODE_MODELS.input, EPISODE_MODELS.record, ...EPISODE_MODELS.nested];

const refs = (kind: 'input' | 'record'): ReferenceObject[] => RECORD_REGISTERS.map((code) => ({ $ref: getSchemaPath(MODELS[code][kind]) }));

export const RECORD_INPUT_SCHEMA: SchemaObject = {
  description: 'The row of the register named in the path (see the *Input schemas).',
  oneOf: refs('input'),
};

export const RECORD_SCHEMA: SchemaObject = { oneOf: refs('record'), discriminator: { propertyName: 'register' } };

export const RECORD_PAGE_SCHEMA: SchemaObject = pageSchema(RECORD_SCHEMA);
export const RECORD_WRITE_SCHEMA: SchemaObject = writeSchema(RECORD_SCHEMA);
export const EPISODE_SCHEMA: ReferenceObject = { $ref: getSchemaPath(EPISODE_MODELS.record) };
export const EPISODE_INPUT_SCHEMA: ReferenceObject = { $ref: getSchemaPath(EPISODE_MODELS.input) };
export const EPISODE_PAGE_SCHEMA: SchemaObject = pageSchema(EPISODE_SCHEMA);
export const EPISODE_WRITE_SCHEMA: SchemaObject = writeSchema(EPISODE_SCHEMA);

function pageSchema(item: SchemaObject | ReferenceObject): SchemaObject {
  return {
    type: 'object',
    required: ['items', 'page', 'pageSize', 'total'],
    properties: {
      items: { type: 'array', items: item },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      total: { type: 'integer', description: 'Number of rows matching the filters' },
    },
  };
}

function writeSchema(record: SchemaObject | ReferenceObject): SchemaObject {
  return {
    type: 'object',
    required: ['outcome', 'record'],
    properties: {
      outcome: {
        type: 'string',
        enum: [...WRITE_OUTCOMES],
        description: 'created (201); updated or unchanged (200): a row sent again by its source id, or a PUT',
      },
      record,
    },
  };
}
