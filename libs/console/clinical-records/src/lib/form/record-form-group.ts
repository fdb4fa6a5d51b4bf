import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  CatalogName,
  checkField,
  CodeEntry,
  CollectionDefinition,
  FieldDefinition,
  inputFields,
  RecordProblem,
  todayInVietnam,
} from '@skss/domain';
import { controlKind, ControlValue, emptyValue, fieldInput, FormShape, FormValues, isTimeOfDay, timeKey } from './form-values';

/** A register's entry form: one control per field (two for a date and time), one array of groups per collection. */
export type RecordFormGroup = FormGroup<Record<string, AbstractControl>>;

/** The texts the validators need besides the domain's own messages. */
export interface FormTexts {
  /** "Giờ không hợp lệ, nhập theo dạng HH:mm". */
  readonly invalidTime: string;
  /** "Nhập cả giờ". */
  readonly timeRequired: string;
}

export interface FormOptions {
  /** Read when a validator runs, so that they follow the language in use. */
  readonly texts: () => FormTexts;
  /** Catalog entries known to the console (ethnicities…): codes outside them are refused inline. */
  readonly catalogs?: () => Partial<Record<CatalogName, readonly CodeEntry[]>>;
}

/**
 * The error a control shows: the domain validator's Vietnamese message for the field alone (type, list, range, format,
 * date not in the future), under the key `domain`. Rules across fields (blood pressure, dates in order, twins' birth
 * order) are checked on the whole record when saving, and placed on the fields they name.
 */
function domainValidator(field: FieldDefinition, options: FormOptions, time?: () => AbstractControl | null): ValidatorFn {
  const asDay: FieldDefinition = field.type === 'datetime' ? { ...field, type: 'date' } : field;
  return (control) => {
    const raw = fieldInput(asDay, control.value, time?.()?.value);
    const problems: RecordProblem[] = checkField(asDay, raw, { today: todayInVietnam(), catalogs: options.catalogs?.() }).problems;
    return problems.length > 0 ? { domain: problems[0].message } : null;
  };
}

/** The time of a date-and-time field: 'HH:mm', and required once the day is given. */
function timeValidator(dayControl: () => AbstractControl | null, texts: () => FormTexts): ValidatorFn {
  return (control): ValidationErrors | null => {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    if (value === '') return dayControl()?.value ? { domain: texts().timeRequired } : null;
    return isTimeOfDay(value) ? null : { domain: texts().invalidTime };
  };
}

function addFieldControls(group: RecordFormGroup, fields: readonly FieldDefinition[], options: FormOptions, values: FormValues = {}): void {
  for (const field of inputFields(fields)) {
    const value = (values[field.key] as ControlValue | undefined) ?? emptyValue(field);
    if (controlKind(field) === 'datetime') {
      const time = new FormControl<string>((values[timeKey(field.key)] as string | undefined) ?? '', { nonNullable: true });
      group.addControl(
        field.key,
        new FormControl<ControlValue>(
          value,
          domainValidator(field, options, () => time),
        ),
      );
      time.addValidators(timeValidator(() => group.get(field.key), options.texts));
      group.addControl(timeKey(field.key), time);
      // A day given or cleared decides whether the time is required.
      group.get(field.key)?.valueChanges.subscribe(() => time.updateValueAndValidity({ emitEvent: false }));
    } else {
      group.addControl(field.key, new FormControl<ControlValue>(value, domainValidator(field, options)));
    }
  }
}

/** One item of a collection (a newborn, a home visit, a complication). */
export function itemGroup(collection: CollectionDefinition, options: FormOptions, values: FormValues = {}): RecordFormGroup {
  const group: RecordFormGroup = new FormGroup({});
  addFieldControls(group, collection.fields, options, values);
  return group;
}

/** The entry form of a register, with a stored record's values when editing. */
export function recordFormGroup(definition: FormShape, options: FormOptions, values?: FormValues): RecordFormGroup {
  const group: RecordFormGroup = new FormGroup({});
  addFieldControls(group, definition.fields, options, values);
  for (const collection of definition.collections) {
    const stored = values?.[collection.key];
    const items = Array.isArray(stored)
      ? (stored as FormValues[]).map((item) => itemGroup(collection, options, item))
      : Array.from({ length: collection.minItems }, () => itemGroup(collection, options));
    group.addControl(collection.key, new FormArray<RecordFormGroup>(items));
  }
  return group;
}

export function collectionArray(form: RecordFormGroup, collection: CollectionDefinition): FormArray<RecordFormGroup> {
  return form.get(collection.key) as FormArray<RecordFormGroup>;
}

/** The message a control shows: the API's (or the whole-record check's) for the field, else the domain validator's. */
export function controlMessage(control: AbstractControl | null): string {
  const errors = control?.errors;
  if (!errors) return '';
  const message: unknown = errors['api'] ?? errors['domain'];
  return typeof message === 'string' ? message : '';
}
