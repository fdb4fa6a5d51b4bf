import { BilingualLabel, formatDay } from '@skss/console/i18n';
import { EPISODES_REGISTER, isIsoDate, IsoDate, listEntries, registerDefinition } from '@skss/domain';
import { FormShape, FormValues, recordBody, recordInput } from '../form/form-values';
import { Translate } from './merge-texts';

/**
 * A pregnancy episode's forms and texts, shared by the person picker (registering one) and the person page (her
 * episodes: correcting, closing by hand, reopening, deleting). Everything is read from the domain's episode
 * definition (`EPISODES_REGISTER`), so the forms and the API check the same fields. Framework free, unit tested.
 */

const CLOSURE_KEYS: readonly string[] = ['closure', 'closedOn'];

/** Closures recorded with a delivery or an abortion: the API sets and clears them, an officer never does. */
export const EVENT_CLOSURES: readonly string[] = ['DELIVERY', 'ABORTION'];
/** What an officer may close an episode with by hand: a loss recorded nowhere else, or a move away. */
export const HAND_CLOSURES: readonly string[] = ['PREGNANCY_LOSS', 'MOVED_AWAY'];

/** Registering a pregnancy: its opening fields (its closure is recorded by a delivery, an abortion or by hand later). */
export const EPISODE_FORM: FormShape = {
  fields: EPISODES_REGISTER.fields.filter((field) => !CLOSURE_KEYS.includes(field.key) && field.key !== 'sourceRecordId'),
  collections: [],
};

/** Closing by hand: how (a loss or a move away, the only closures the API takes by hand) and when. */
export const EPISODE_CLOSURE_FORM: FormShape = {
  fields: EPISODES_REGISTER.fields
    .filter((field) => CLOSURE_KEYS.includes(field.key))
    .map((field) => (field.key === 'closure' ? { ...field, allowedCodes: HAND_CLOSURES } : field)),
  collections: [],
};

/** Correcting a stored episode that is open or closed by hand: the opening fields, then the closure. */
export const EPISODE_EDIT_FORM: FormShape = {
  fields: [...EPISODE_FORM.fields, ...EPISODE_CLOSURE_FORM.fields],
  collections: [],
};

/** A stored episode as the API answers it (`RegisterRow` of the data service, which pulls in the HTTP client). */
export type StoredEpisode = Readonly<Record<string, unknown>> & { readonly facility: { readonly name: string } };

/** Where an episode stands: followed, or closed (how, when, and whether a delivery or an abortion closed it). */
export type EpisodeState =
  | { readonly kind: 'open' }
  | { readonly kind: 'closed'; readonly closure: string; readonly closedOn: IsoDate | null; readonly byEvent: boolean };

function day(row: Readonly<Record<string, unknown>>, key: string): IsoDate | null {
  const value = row[key];
  const text = typeof value === 'string' ? value.slice(0, 10) : null;
  return isIsoDate(text) ? text : null;
}

export function episodeState(row: Readonly<Record<string, unknown>>): EpisodeState {
  const closure = row['closure'];
  if (typeof closure !== 'string' || closure === '') return { kind: 'open' };
  return { kind: 'closed', closure, closedOn: day(row, 'closedOn'), byEvent: EVENT_CLOSURES.includes(closure) };
}

/** The form a stored episode is corrected with: a closure by a delivery or an abortion is not the officer's to change. */
export function episodeEditForm(row: Readonly<Record<string, unknown>>): FormShape {
  const state = episodeState(row);
  return state.kind === 'closed' && state.byEvent ? EPISODE_FORM : EPISODE_EDIT_FORM;
}

/**
 * The input the validator reads for a correction of a stored episode. A PUT replaces every field, so what the form
 * does not hold is sent as stored: the closure of a delivery or an abortion (the API keeps it in step with that row)
 * and the id of the row in a sending system.
 */
export function episodeInput(row: Readonly<Record<string, unknown>>, values: FormValues): Record<string, unknown> {
  const input = recordInput(episodeEditForm(row), values);
  const state = episodeState(row);
  if (state.kind === 'closed' && state.byEvent) {
    input['closure'] = state.closure;
    input['closedOn'] = state.closedOn;
  }
  input['sourceRecordId'] = typeof row['sourceRecordId'] === 'string' ? row['sourceRecordId'] : null;
  return input;
}

/** The body of the PUT from the validator's normalised episode: its fields, and the system a source id belongs to. */
export function episodeBody(
  row: Readonly<Record<string, unknown>>,
  normalised: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const body = recordBody({ fields: EPISODES_REGISTER.fields, collections: [] }, normalised);
  if (body['sourceRecordId'] && typeof row['sourceSystem'] === 'string') body['sourceSystem'] = row['sourceSystem'];
  return body;
}

/** A closure's name in the code list ("Chuyển đi nơi khác"), or its code when the list does not know it. */
export function closureLabel(closure: string, label: (text: BilingualLabel) => string): string {
  const entry = listEntries('EPISODE_CLOSURE').find((candidate) => candidate.code === closure);
  return entry ? label(entry) : closure;
}

/** "Đang theo dõi", "Đã kết thúc: Chuyển đi nơi khác, ngày 12/03/2026", "Đã kết thúc: Đẻ, ngày 02/05/2026 (theo Sổ đẻ)". */
export function episodeStateText(row: Readonly<Record<string, unknown>>, t: Translate, label: (text: BilingualLabel) => string): string {
  const state = episodeState(row);
  if (state.kind === 'open') return t('records.episodes.open');
  const text = t('records.episodes.closedOn', { closure: closureLabel(state.closure, label), day: formatDay(state.closedOn) });
  if (!state.byEvent) return text;
  const register = registerDefinition(state.closure === 'DELIVERY' ? 'deliveries' : 'abortions');
  return t('records.episodes.closedByEvent', { state: text, register: label(register.title) });
}

/** "2 / 1" (this pregnancy is her second, one birth before), a dash for what is not recorded. */
export function gravidityParity(row: Readonly<Record<string, unknown>>): string {
  const count = (key: string) => (typeof row[key] === 'number' ? String(row[key]) : '—');
  return `${count('gravidity')} / ${count('parity')}`;
}

/** "Thai kỳ đăng ký ngày 12/01/2026 tại Trạm Y tế xã A": how a dialog or a button names one episode. */
export function episodeName(row: StoredEpisode, t: Translate): string {
  return t('records.episodes.name', { day: formatDay(day(row, 'registeredOn')), facility: row.facility.name });
}
