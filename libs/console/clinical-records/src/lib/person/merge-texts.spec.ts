import { BilingualLabel, TranslationParams } from '@skss/console/i18n';
import { mergeConfirmText, movedText, rowsByRegister, Translate } from './merge-texts';

/** Echoes the key and its parameters, so that the texts' structure is what is checked. */
const t: Translate = (key, params?: TranslationParams) =>
  params ? `${key.replace('records.', '')}(${Object.values(params).join('|')})` : key.replace('records.', '');
const label = (title: BilingualLabel) => title.vi;

describe('merge texts', () => {
  it('names what a merge moved, in a fixed order, leaving out empty and unknown kinds', () => {
    expect(movedText({ sourceIds: 1, ancVisits: 2, deliveries: 0, somethingNew: 4, episodes: 1 }, t)).toBe(
      'merge.moved(merge.count(1|merge.kind.episodes), merge.count(2|merge.kind.ancVisits), merge.count(1|merge.kind.sourceIds))',
    );
    expect(movedText({}, t)).toBe('merge.movedNothing');
  });

  it('counts the rows the caller sees by register, in the order they come, ignoring what is not a register', () => {
    expect(rowsByRegister(['anc-visits', 'episodes', 'anc-visits', 'postnatal'], label, t)).toBe(
      'merge.registerCount(Sổ khám thai|2); merge.registerCount(Đăng ký quản lý thai|1)',
    );
    expect(rowsByRegister([], label, t)).toBe('');
  });

  it('says who is kept, who is merged (identifiers masked, days dd/MM/yyyy), what moves, and that it can be undone', () => {
    const survivor = { fullName: 'Lò Thị Mai', dateOfBirth: '1998-04-12', maskedCitizenId: null };
    const duplicate = { fullName: 'LÒ THỊ MAI', dateOfBirth: '1998-04-12', maskedCitizenId: '0111******45' };
    const text = mergeConfirmText(survivor, duplicate, 'Sổ khám thai: 1', t);
    expect(text).toBe(
      [
        'merge.survivor(Lò Thị Mai|person.born(12/04/1998))',
        'merge.duplicate(LÒ THỊ MAI|person.born(12/04/1998) · person.citizenId(0111******45))',
        'merge.movesRecords(Sổ khám thai: 1)',
        'merge.identifiers',
        'merge.undoable',
      ].join(' '),
    );
    expect(mergeConfirmText(survivor, duplicate, '', t)).toContain('merge.movesNothing');
  });
});
