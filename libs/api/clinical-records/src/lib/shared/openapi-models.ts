import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { FieldDefinition, fieldOptions } from '@skss/domain';

/**
 * OpenAPI models built from the domain's register definitions, so that the document describes
 * exactly the fields the validators read. Each model is a class named after the schema, carrying
 * the @ApiProperty metadata Nest's document builder reads.
 */
export function defineModel(name: string, properties: Record<string, ApiPropertyOptions | object>): Type<unknown> {
  const model = { [name]: class {} }[name];
  for (const [key, options] of Object.entries(properties)) ApiProperty(options as ApiPropertyOptions)(model.prototype, key);
  return model;
}

const describe = (field: FieldDefinition) =>
  [`${field.label.vi} (${field.label.en}).`, field.help ? `${field.help.vi}` : '', field.unit ? `Đơn vị: ${field.unit}.` : '']
    .filter(Boolean)
    .join(' ');

function typeOf(field: FieldDefinition): ApiPropertyOptions {
  switch (field.type) {
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'int':
      return { type: 'integer', minimum: field.min, maximum: field.max };
    case 'decimal':
      return { type: 'number', minimum: field.min, maximum: field.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'code': {
      const codes = fieldOptions(field).map((entry) => entry.code);
      return codes.length > 0 ? { type: 'string', enum: codes } : { type: 'string', maxLength: field.maxLength };
    }
    case 'codes': {
      const codes = fieldOptions(field).map((entry) => entry.code);
      return codes.length > 0 ? { type: 'string', isArray: true, enum: codes } : { type: 'string', isArray: true };
    }
    case 'text':
      return { type: 'string', minLength: field.minLength, maxLength: field.maxLength };
  }
}

/** A field as a request sends it: required when the register requires it, null or absent otherwise. */
export function inputProperty(field: FieldDefinition, optional = false): ApiPropertyOptions {
  const fallback = field.defaultValue !== undefined ? ` Để trống: ${String(field.defaultValue)}.` : '';
  const nullable = !field.required || optional;
  return {
    ...typeOf(field),
    description: describe(field) + fallback,
    required: field.required && !optional,
    ...(nullable ? { nullable } : {}),
  } as ApiPropertyOptions;
}

/** A field as an answer carries it: always present, null when not recorded (or not computable). */
export function outputProperty(field: FieldDefinition): ApiPropertyOptions {
  const nullable = field.type !== 'codes' && ((!field.required && field.defaultValue === undefined) || field.computed === true);
  return {
    ...typeOf(field),
    description: describe(field) + (field.computed ? ' Tính bởi hệ thống.' : ''),
    required: true,
    ...(nullable ? { nullable } : {}),
  } as ApiPropertyOptions;
}
