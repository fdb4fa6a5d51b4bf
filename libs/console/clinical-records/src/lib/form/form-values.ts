import { dayToLocalDate, localDateToDay } from '@skss/console/i18n';
import { CollectionDefinition, FieldDefinition, inputFields, IsoDate, isIsoDate, RegisterDefinition, vietnamLocalDate } from '@skss/domain';

/**
 * The bridge between the register definitions of `@skss/domain` and the entry form, free of Angular so that it is unit
 * tested on its own: which control renders a field, what the control holds, and how a control's value becomes the input
 * the domain validators (and the API) read, and back.
 */

/** What a form is generated from: a register's definition, or the fields of a person or an episode alone. */
export type FormShape = Pick<RegisterDefinition, 'fields' | 'collections'>;

/** How a field is entered. */
export type ControlKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'select' | 'multiselect' | 'checkbox' | 'yesno';

export function controlKind(field: FieldDefinition): ControlKind {
  switch (field.type) {
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'int':
    case 'decimal':
      return 'number';
    // A required yes/no (born alive) has no safe default: the officer answers it. Optional flags are check boxes.
    case 'boolean':
      return field.required ? 'yesno' : 'checkbox';
    case 'code':
      return 'select';
    case 'codes':
      return 'multiselect';
    case 'text':
      return field.multiline ? 'textarea' : 'text';
  }
}

/** A date-and-time field is two controls: the day (date picker) and, under this name, the time 'HH:mm'. */
export function timeKey(key: string): string {
  return `${key}$time`;
}

/** What a control holds: text and numbers as typed, days as the date picker's `Date`, codes, flags. */
export type ControlValue = string | number | boolean | Date | string[] | null;

/** The form's raw value: one entry per control, and per collection a list of items. */
export interface FormValues {
  [key: string]: ControlValue | FormValues[] | undefined;
}

/** The time of day 'HH:mm' typed in a time box, or null. */
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: string): boolean {
  return TIME.test(value.trim());
}

function dayOf(value: unknown): IsoDate | 'invalid' | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : localDateToDay(value);
  if (typeof value === 'string' && isIsoDate(value)) return value;
  return 'invalid';
}

/**
 * The input the domain reads for one field, from its control's value (and the time control of a date-and-time field):
 * days as 'YYYY-MM-DD', instants as ISO 8601 in Vietnam time, numbers as typed (the validator reads "52,5"), empty
 * as null. An unreadable day stays text, so that the validator reports it in its words.
 */
export function fieldInput(field: FieldDefinition, value: unknown, time?: unknown): unknown {
  switch (controlKind(field)) {
    case 'date': {
      const day = dayOf(value);
      return day === 'invalid' ? String(value) : day;
    }
    case 'datetime': {
      const day = dayOf(value);
      if (day === null) return null;
      if (day === 'invalid') return String(value);
      const clock = typeof time === 'string' ? time.trim() : '';
      if (!isTimeOfDay(clock)) return clock === '' ? day : `${day} ${clock}`;
      const [hours, minutes] = clock.split(':');
      return `${day}T${hours.padStart(2, '0')}:${minutes}:00+07:00`;
    }
    case 'number':
    case 'text':
    case 'textarea': {
      if (value === null || value === undefined) return null;
      const text = String(value).trim();
      return text === '' ? null : text;
    }
    case 'select':
      return value === '' || value === undefined ? null : value;
    case 'multiselect':
      return Array.isArray(value) ? value : [];
    case 'checkbox':
      return value === true;
    case 'yesno':
      return typeof value === 'boolean' ? value : null;
  }
}

function fieldsInput(fields: readonly FieldDefinition[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of inputFields(fields)) input[field.key] = fieldInput(field, values[field.key], values[timeKey(field.key)]);
  return input;
}

/** The record as the validator and the API read it (without the person and episode, which the page adds). */
export function recordInput(definition: FormShape, values: FormValues): Record<string, unknown> {
  const input = fieldsInput(definition.fields, values);
  for (const collection of definition.collections) {
    const items = values[collection.key];
    input[collection.key] = Array.isArray(items) ? (items as FormValues[]).map((item) => fieldsInput(collection.fields, item)) : [];
  }
  return input;
}

function pick(fields: readonly FieldDefinition[], source: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of inputFields(fields)) body[field.key] = source[field.key] ?? (field.type === 'codes' ? [] : null);
  return body;
}

/**
 * The body to send from the validator's normalised record: the fields a person enters (computed ones are the server's)
 * and each collection's items, nothing else.
 */
export function recordBody(definition: FormShape, normalised: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body = pick(definition.fields, normalised);
  for (const collection of definition.collections) {
    const items = normalised[collection.key];
    body[collection.key] = Array.isArray(items) ? items.map((item: Record<string, unknown>) => pick(collection.fields, item)) : [];
  }
  return body;
}

/** Vietnam local day and time ('HH:mm') of an instant. */
export function vietnamDayAndTime(instant: string): { day: IsoDate; time: string } | null {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) return null;
  const local = new Date(millis + 7 * 3_600_000).toISOString();
  return { day: vietnamLocalDate(instant), time: local.slice(11, 16) };
}

/** A control's value for a field as the API returns it (for editing a stored record). */
export function controlValue(field: FieldDefinition, value: unknown): ControlValue {
  switch (controlKind(field)) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value.slice(0, 10)) ? dayToLocalDate(value.slice(0, 10)) : null;
    case 'datetime': {
      const local = typeof value === 'string' ? vietnamDayAndTime(value) : null;
      return local ? dayToLocalDate(local.day) : null;
    }
    case 'number':
      return typeof value === 'number' ? String(value).replace('.', ',') : typeof value === 'string' ? value : '';
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? value : '';
    case 'select':
      return typeof value === 'string' ? value : null;
    case 'multiselect':
      return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
    case 'checkbox':
      return value === true;
    case 'yesno':
      return typeof value === 'boolean' ? value : null;
  }
}

/** The value of a field's controls when nothing is entered yet (a flag's default, a count's default stays empty). */
export function emptyValue(field: FieldDefinition): ControlValue {
  switch (controlKind(field)) {
    case 'date':
    case 'datetime':
    case 'select':
    case 'yesno':
      return null;
    case 'multiselect':
      return [];
    case 'checkbox':
      return field.defaultValue === true;
    default:
      return '';
  }
}

/** The time control's value of a stored instant. */
export function timeValue(value: unknown): string {
  return typeof value === 'string' ? (vietnamDayAndTime(value)?.time ?? '') : '';
}

/** The form's values of a stored record (fields and collections), for editing it. */
export function formValuesOf(definition: FormShape, record: Readonly<Record<string, unknown>>): FormValues {
  const values = fieldValues(definition.fields, record);
  for (const collection of definition.collections) {
    const items = record[collection.key];
    values[collection.key] = Array.isArray(items) ? items.map((item: Record<string, unknown>) => fieldValues(collection.fields, item)) : [];
  }
  return values;
}

function fieldValues(fields: readonly FieldDefinition[], record: Readonly<Record<string, unknown>>): FormValues {
  const values: FormValues = {};
  for (const field of inputFields(fields)) {
    values[field.key] = controlValue(field, record[field.key]);
    if (field.type === 'datetime') values[timeKey(field.key)] = timeValue(record[field.key]);
  }
  return values;
}

/** How many items a collection starts with on a new record: its minimum (one newborn), none for optional lists. */
export function initialItems(collection: CollectionDefinition): number {
  return collection.minItems;
}
