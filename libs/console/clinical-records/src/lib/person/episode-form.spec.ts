import { BilingualLabel, dayToLocalDate, TranslationParams } from '@skss/console/i18n';
import { fieldOptions, todayInVietnam, validateRecord } from '@skss/domain';
import { formValuesOf } from '../form/form-values';
import {
  EPISODE_CLOSURE_FORM,
  EPISODE_EDIT_FORM,
  EPISODE_FORM,
  episodeBody,
  episodeEditForm,
  episodeInput,
  episodeName,
  episodeState,
  episodeStateText,
  gravidityParity,
  StoredEpisode,
} from './episode-form';
import { Translate } from './merge-texts';

/** Echoes the key and its parameters, so that the texts' structure is what is checked. */
const t: Translate = (key, params?: TranslationParams) =>
  params ? `${key.replace('records.', '')}(${Object.values(params).join('|')})` : key.replace('records.', '');
const label = (text: BilingualLabel) => text.vi;
const keys = (shape: { fields: readonly { key: string }[] }) => shape.fields.map((field) => field.key);

function episode(overrides: Record<string, unknown> = {}): StoredEpisode {
  return {
    id: 'e1',
    facility: { name: 'Trạm Y tế xã Mường Phăng' },
    registeredOn: '2026-01-12',
    lmp: '2025-11-20',
    expectedOn: '2026-08-27',
    gravidity: 2,
    parity: 1,
    tetanusDosesBefore: 1,
    closure: null,
    closedOn: null,
    sourceRecordId: null,
    sourceSystem: null,
    ...overrides,
  };
}

const woman = { today: todayInVietnam(), person: { dateOfBirth: '1996-03-04', sex: 'FEMALE' as const } };

describe('episode forms', () => {
  it('registers with the opening fields and corrects with the closure too, from the domain definition', () => {
    expect(keys(EPISODE_FORM)).toEqual(['registeredOn', 'lmp', 'expectedOn', 'gravidity', 'parity', 'tetanusDosesBefore']);
    expect(keys(EPISODE_CLOSURE_FORM)).toEqual(['closure', 'closedOn']);
    expect(keys(EPISODE_EDIT_FORM)).toEqual([...keys(EPISODE_FORM), 'closure', 'closedOn']);
  });

  it('offers by hand only the closures the API takes by hand', () => {
    const closure = EPISODE_CLOSURE_FORM.fields[0];
    expect(fieldOptions(closure).map((entry) => entry.code)).toEqual(['PREGNANCY_LOSS', 'MOVED_AWAY']);
  });

  it('tells an open episode, one closed by hand and one closed by a delivery or an abortion', () => {
    expect(episodeState(episode())).toEqual({ kind: 'open' });
    expect(episodeState(episode({ closure: 'MOVED_AWAY', closedOn: '2026-03-02' }))).toEqual({
      kind: 'closed',
      closure: 'MOVED_AWAY',
      closedOn: '2026-03-02',
      byEvent: false,
    });
    expect(episodeState(episode({ closure: 'DELIVERY', closedOn: '2026-08-20T00:00:00.000Z' }))).toMatchObject({
      closedOn: '2026-08-20',
      byEvent: true,
    });
    expect(episodeEditForm(episode({ closure: 'ABORTION', closedOn: '2026-02-01' }))).toBe(EPISODE_FORM);
    expect(episodeEditForm(episode({ closure: 'PREGNANCY_LOSS', closedOn: '2026-02-01' }))).toBe(EPISODE_EDIT_FORM);
    expect(episodeEditForm(episode())).toBe(EPISODE_EDIT_FORM);
  });

  it('says the state in words: open, closed with how and when, and which register closed it', () => {
    expect(episodeStateText(episode(), t, label)).toBe('episodes.open');
    expect(episodeStateText(episode({ closure: 'MOVED_AWAY', closedOn: '2026-03-02' }), t, label)).toBe(
      'episodes.closedOn(Chuyển đi nơi khác|02/03/2026)',
    );
    expect(episodeStateText(episode({ closure: 'DELIVERY', closedOn: '2026-08-20' }), t, label)).toBe(
      'episodes.closedByEvent(episodes.closedOn(Đẻ|20/08/2026)|Sổ đẻ)',
    );
    expect(gravidityParity(episode())).toBe('2 / 1');
    expect(gravidityParity(episode({ gravidity: null, parity: null }))).toBe('— / —');
    expect(episodeName(episode(), t)).toBe('episodes.name(12/01/2026|Trạm Y tế xã Mường Phăng)');
  });

  it('closes an open episode by hand: the corrected fields and the closure are checked and sent', () => {
    const row = episode({ sourceRecordId: 'HIS-77', sourceSystem: 'his-dienbien' });
    const values = {
      ...formValuesOf(EPISODE_EDIT_FORM, row),
      gravidity: '3',
      closure: 'MOVED_AWAY',
      closedOn: dayToLocalDate('2026-03-02'),
    };
    const result = validateRecord('episodes', episodeInput(row, values), woman);
    expect(result.problems).toEqual([]);
    expect(episodeBody(row, result.value as unknown as Record<string, unknown>)).toEqual({
      registeredOn: '2026-01-12',
      lmp: '2025-11-20',
      expectedOn: '2026-08-27',
      gravidity: 3,
      parity: 1,
      tetanusDosesBefore: 1,
      closure: 'MOVED_AWAY',
      closedOn: '2026-03-02',
      // A PUT replaces every field: the row's id in its sending system stays, with that system.
      sourceRecordId: 'HIS-77',
      sourceSystem: 'his-dienbien',
    });
  });

  it('refuses a move away before the registration, in Vietnamese, on the closing date', () => {
    const row = episode();
    const values = { ...formValuesOf(EPISODE_EDIT_FORM, row), closure: 'MOVED_AWAY', closedOn: dayToLocalDate('2026-01-05') };
    const result = validateRecord('episodes', episodeInput(row, values), woman);
    expect(result.value).toBeNull();
    expect(result.problems).toEqual([
      {
        field: 'closedOn',
        code: 'CLOSED_BEFORE_REGISTRATION',
        message: 'Ngày chuyển đi (05/01/2026) trước ngày đăng ký quản lý thai (12/01/2026)',
      },
    ]);
  });

  it('reopens an episode closed by hand when its closure is cleared', () => {
    const row = episode({ closure: 'PREGNANCY_LOSS', closedOn: '2026-02-10' });
    const values = { ...formValuesOf(EPISODE_EDIT_FORM, row), closure: null, closedOn: null };
    const result = validateRecord('episodes', episodeInput(row, values), woman);
    expect(result.problems).toEqual([]);
    expect(episodeBody(row, result.value as unknown as Record<string, unknown>)).toMatchObject({
      closure: null,
      closedOn: null,
      sourceRecordId: null,
    });
    expect(episodeBody(row, result.value as unknown as Record<string, unknown>)).not.toHaveProperty('sourceSystem');
  });

  it('sends the closure of a delivery as stored: the form does not hold it', () => {
    const row = episode({ closure: 'DELIVERY', closedOn: '2026-08-20' });
    const values = { ...formValuesOf(episodeEditForm(row), row), parity: '0' };
    expect(values).not.toHaveProperty('closure');
    const result = validateRecord('episodes', episodeInput(row, values), woman);
    expect(result.problems).toEqual([]);
    expect(episodeBody(row, result.value as unknown as Record<string, unknown>)).toMatchObject({
      parity: 0,
      closure: 'DELIVERY',
      closedOn: '2026-08-20',
    });
  });
});
