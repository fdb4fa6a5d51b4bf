import { BilingualLabel, formatDay, TranslationKey, TranslationParams } from '@skss/console/i18n';
import { isRegisterCode, RegisterCode, registerDefinition } from '@skss/domain';

export type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** What a merge moves, by the API's keys (`MergeDto.moved`), in the order they are named. */
const MOVED_KINDS = [
  'episodes',
  'ancVisits',
  'deliveries',
  'newborns',
  'abortions',
  'contraceptions',
  'gynVisits',
  'hpvVaccinations',
  'childExams',
  'deaths',
  'deathsAsMother',
  'children',
  'sourceIds',
  'facilities',
] as const;

/** A person as the merge texts name her: identifiers masked, as lists show them. */
export interface NamedPerson {
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly maskedCitizenId?: string | null;
  readonly maskedInsuranceCard?: string | null;
}

/** "Sinh ngày 12/04/1998 · CCCD 0111******45 · BHYT GD411********49". */
export function personDetails(person: NamedPerson, t: Translate): string {
  const parts = [t('records.person.born', { day: formatDay(person.dateOfBirth) })];
  if (person.maskedCitizenId) parts.push(t('records.person.citizenId', { value: person.maskedCitizenId }));
  if (person.maskedInsuranceCard) parts.push(t('records.person.insuranceCard', { value: person.maskedInsuranceCard }));
  return parts.join(' · ');
}

/** "1 lượt khám thai, 1 thai kỳ" from a merge's counts per kind; a kind the console does not know yet is left out. */
export function movedText(moved: Readonly<Record<string, number>>, t: Translate): string {
  const parts = MOVED_KINDS.filter((kind) => (moved[kind] ?? 0) > 0).map((kind) =>
    t('records.merge.count', { count: moved[kind], kind: t(`records.merge.kind.${kind}`) }),
  );
  return parts.length ? t('records.merge.moved', { moved: parts.join(', ') }) : t('records.merge.movedNothing');
}

/** "Sổ khám thai: 2; Sổ đẻ: 1": the rows of a person the caller sees, by register. */
export function rowsByRegister(registers: readonly string[], label: (title: BilingualLabel) => string, t: Translate): string {
  const counts = new Map<RegisterCode, number>();
  for (const register of registers) {
    if (isRegisterCode(register)) counts.set(register, (counts.get(register) ?? 0) + 1);
  }
  return [...counts]
    .map(([register, count]) => t('records.merge.registerCount', { register: label(registerDefinition(register).title), count }))
    .join('; ');
}

/**
 * The confirmation of a merge: who is kept, who is merged and hidden, what moves (every row of the merged person,
 * including other facilities' ones, which the caller may not see), and that it can be undone.
 */
export function mergeConfirmText(survivor: NamedPerson, duplicate: NamedPerson, visibleRows: string, t: Translate): string {
  return [
    t('records.merge.survivor', { name: survivor.fullName, details: personDetails(survivor, t) }),
    t('records.merge.duplicate', { name: duplicate.fullName, details: personDetails(duplicate, t) }),
    visibleRows ? t('records.merge.movesRecords', { records: visibleRows }) : t('records.merge.movesNothing'),
    t('records.merge.identifiers'),
    t('records.merge.undoable'),
  ].join(' ');
}
