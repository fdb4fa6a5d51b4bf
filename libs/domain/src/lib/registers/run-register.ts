import { IsoDate } from '../calendar/calendar-date';
import { vietnamLocalDate } from '../calendar/vietnam-time';
import { formatDateVi, RecordProblemCode } from './problems';
import { PersonRecord, readPerson } from './persons';
import { RegisterDefinition } from './register-definition';
import {
  assertContext,
  Draft,
  EpisodeFacts,
  isPlainObject,
  ownValue,
  PersonFacts,
  ProblemSink,
  readCollection,
  readFields,
  ValidationContext,
  ValidationResult,
} from './validate';

/** What a register's own rules see besides the draft. */
export interface RuleScope {
  readonly context: ValidationContext;
  readonly today: IsoDate;
  /** The person part of the input when given, else the context's person. */
  readonly person: PersonFacts | undefined;
  readonly episode: EpisodeFacts | undefined;
  add(field: string, code: RecordProblemCode, message: string): void;
  /** Whether a field already has a problem. */
  has(field: string): boolean;
}

export interface RegisterSpec<T> {
  readonly definition: RegisterDefinition;
  /** The person facts the rules use, when the row itself records them (deaths). */
  personFacts?(draft: Draft<T>, fallback: PersonFacts | undefined): PersonFacts | undefined;
  rules(draft: Draft<T>, scope: RuleScope): void;
}

/** A register record with, when the input carried one, its person part. */
export type WithPerson<T> = T & { person?: PersonRecord };

/**
 * The one validator of a register: type checks of every field by its definition, the person part,
 * the rules every register shares (a maternal register's person is a woman; nothing happens before
 * the person's birth), then the register's own rules. Problems in input order of the checks.
 */
export function runRegister<T>(spec: RegisterSpec<T>, input: unknown, context: ValidationContext): ValidationResult<WithPerson<T>> {
  assertContext(context);
  const definition = spec.definition;
  const sink = new ProblemSink();
  if (!isPlainObject(input)) {
    sink.add('', 'NOT_AN_OBJECT', `${definition.title.vi}: dữ liệu của bản ghi không đúng dạng`);
    return { value: null, problems: sink.problems };
  }
  const scope = { context, sink, path: '', prefix: '' };
  const rawPerson = definition.embedsPerson ? ownValue(input, 'person') : undefined;
  const person = rawPerson === undefined || rawPerson === null ? null : readPerson(rawPerson, { ...scope, path: 'person.' });
  const record = readFields(definition.fields, input, scope);
  for (const collection of definition.collections)
    record[collection.key] = readCollection(collection, ownValue(input, collection.key), scope);
  const draft = record as Draft<T>;

  const fallback: PersonFacts | undefined = person ? { dateOfBirth: person.dateOfBirth, sex: person.sex } : context.person;
  const facts = spec.personFacts ? spec.personFacts(draft, fallback) : fallback;
  const ruleScope: RuleScope = {
    context,
    today: context.today,
    person: facts,
    episode: context.episode,
    add: (field, code, message) => sink.add(field, code, message),
    has: (field) => sink.has(field),
  };

  if (definition.femaleOnly && facts?.sex && facts.sex !== 'FEMALE') {
    sink.add('person.sex', 'PERSON_NOT_FEMALE', `${definition.title.vi} chỉ ghi cho phụ nữ, người này có giới tính Nam`);
  }
  const day = periodDate(definition, record);
  if (day && facts?.dateOfBirth && day < facts.dateOfBirth) {
    const label = definition.fields.find((field) => field.key === definition.periodField)?.label.vi;
    sink.add(
      definition.periodField,
      'BEFORE_DATE_OF_BIRTH',
      `${label} (${formatDateVi(day)}) trước ngày sinh (${formatDateVi(facts.dateOfBirth)})`,
    );
  }
  spec.rules(draft, ruleScope);

  if (sink.problems.length > 0) return { value: null, problems: sink.problems };
  const value = (person ? { ...record, person } : record) as WithPerson<T>;
  return { value, problems: [] };
}

/**
 * The Vietnam local date that decides the report month of a record (report-rules §1): the period
 * field's date, or the local date of its instant (a delivery at 00:10 on 1 February local time is
 * February). Null when the field is empty or invalid.
 */
export function periodDate(definition: RegisterDefinition, record: Readonly<Record<string, unknown>>): IsoDate | null {
  const value = record[definition.periodField];
  if (typeof value !== 'string' || value === '') return null;
  const field = definition.fields.find((f) => f.key === definition.periodField);
  return field?.type === 'datetime' ? vietnamLocalDate(value) : value;
}
