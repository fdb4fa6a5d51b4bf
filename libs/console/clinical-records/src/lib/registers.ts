import { formatDateTime, formatDay, Language } from '@skss/console/i18n';
import { FieldDefinition, fieldOptions, formatNumberVi, RegisterCode, RegisterDefinition, registerDefinition } from '@skss/domain';

/** The registers served under /clinical-records/{register} (the client's `RecordRegister`): pregnancy episodes have their own path. */
export type RecordRegister = Exclude<RegisterCode, 'episodes'>;

/** What a list asks for (the shape of `ListQuery` of `@skss/console/ui`). */
export interface ListFilters {
  readonly page: number;
  readonly pageSize: number;
  readonly search: string;
  readonly month: string | null;
  readonly facility: { readonly code: string } | null;
}

/**
 * The registers the console lists and enters, in the order of the regulation's register forms, with the columns each
 * list shows after the person (field keys of the register's definition: the date that decides the month first).
 */
export const CONSOLE_REGISTERS: readonly { readonly code: RecordRegister; readonly columns: readonly string[] }[] = [
  { code: 'anc-visits', columns: ['visitDate', 'gaWeeks', 'place', 'tetanusDoseGiven'] },
  { code: 'deliveries', columns: ['deliveredAt', 'place', 'mode', 'babies'] },
  { code: 'abortions', columns: ['performedOn', 'gaWeeks', 'method', 'place'] },
  { code: 'contraception', columns: ['servedOn', 'method', 'acceptorStatus', 'place'] },
  { code: 'gynaecology', columns: ['visitDate', 'purpose', 'viaViliResult', 'place'] },
  { code: 'hpv-vaccinations', columns: ['givenOn', 'doseNumber', 'place'] },
  { code: 'child-exams', columns: ['examDate', 'weightKg', 'heightCm', 'nutritionalStatus'] },
  { code: 'deaths', columns: ['diedOn', 'mainCause', 'recordedOn'] },
];

export function isConsoleRegister(value: unknown): value is RecordRegister {
  return CONSOLE_REGISTERS.some((register) => register.code === value);
}

export function consoleRegister(code: RecordRegister): RegisterDefinition {
  return registerDefinition(code);
}

/** The fields shown as a register's list columns. */
export function listFields(code: RecordRegister): FieldDefinition[] {
  const definition = registerDefinition(code);
  const keys = CONSOLE_REGISTERS.find((register) => register.code === code)?.columns ?? [];
  return keys.map((key) => definition.fields.find((field) => field.key === key)).filter((field): field is FieldDefinition => !!field);
}

/** A stored value as a list cell shows it: days dd/MM/yyyy, instants in Vietnam time, codes by their label, units. */
export function cellText(field: FieldDefinition, value: unknown, language: Language, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field.type) {
    case 'date':
      return formatDay(String(value).slice(0, 10));
    case 'datetime':
      return formatDateTime(String(value));
    case 'boolean':
      return value === true ? yesNo.yes : yesNo.no;
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? `${formatNumberVi(value)}${field.unit ? ` ${field.unit}` : ''}` : String(value);
    case 'code':
    case 'codes': {
      const entries = fieldOptions(field);
      const codes = Array.isArray(value) ? value : [value];
      return codes
        .map((code) => {
          const entry = entries.find((e) => e.code === code);
          return entry ? entry[language] : String(code);
        })
        .join(', ');
    }
    case 'text':
      return String(value);
  }
}

/** A list's query as the API takes it: 1-based page, the month, the facility's code, the search (left out when empty). */
export function rowListParams(query: ListFilters): {
  page: number;
  pageSize: number;
  month?: string;
  facilityCode?: string;
  q?: string;
} {
  return {
    page: query.page + 1,
    pageSize: query.pageSize,
    month: query.month ?? undefined,
    facilityCode: query.facility?.code,
    q: query.search || undefined,
  };
}
