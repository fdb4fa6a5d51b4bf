import { CORE_LOADERS, SCOPES, TRANSLATION_SCOPES } from './scopes';
import { Dictionary, LANGUAGES } from './translate';

/** Every dictionary of the console, as the console loads it: the console-wide one and each scope's. */
const PARTS = [{ name: 'core', load: CORE_LOADERS }, ...SCOPES.map((scope) => ({ name: scope, load: TRANSLATION_SCOPES[scope] }))];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/**
 * Open syllables oa, oe, uy carry the tone mark on their first vowel, as the Ministry's documents write them (hòa,
 * khỏe, thủy): 'hoà', 'khoẻ', 'thuỷ' would mix two spellings in one screen. After q the u is part of the consonant
 * (quý), and a closed syllable takes the mark on its main vowel anyway (hoàn, khoảng).
 */
const NEW_STYLE_TONE = /(?<!q)(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/iu;

describe.each(PARTS)('the $name dictionaries', ({ load }) => {
  let dictionaries: Record<(typeof LANGUAGES)[number], Dictionary>;

  beforeAll(async () => {
    dictionaries = { vi: await load.vi(), en: await load.en() };
  });

  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.vi).sort());
  });

  it.each(LANGUAGES)('are Unicode NFC in %s, keys and texts (TCVN 6909:2001)', (language) => {
    const notNfc = Object.entries(dictionaries[language]).filter(
      ([key, text]) => key !== key.normalize('NFC') || text !== text.normalize('NFC'),
    );
    expect(notNfc).toEqual([]);
  });

  it.each(LANGUAGES)('have no empty or padded text in %s', (language) => {
    const bad = Object.entries(dictionaries[language]).filter(([, text]) => text.trim() === '' || text !== text.trim());
    expect(bad).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = Object.keys(dictionaries.vi).filter(
      (key) => placeholders(dictionaries.vi[key]).join() !== placeholders(dictionaries.en[key] ?? '').join(),
    );
    expect(differing).toEqual([]);
  });

  it('write Vietnamese tone marks one way (hòa, khỏe, thủy)', () => {
    const mixed = Object.entries(dictionaries.vi).filter(([, text]) => NEW_STYLE_TONE.test(text));
    expect(mixed).toEqual([]);
  });
});

describe('the scopes', () => {
  it('are not shadowed by console-wide keys: a key whose first segment names a scope belongs to that scope', async () => {
    const core = await CORE_LOADERS.vi();
    const shadowing = Object.keys(core).filter((key) => (SCOPES as readonly string[]).includes(key.split('.')[0]));
    expect(shadowing).toEqual([]);
  });

  it('hold their keys without the scope prefix', async () => {
    for (const scope of SCOPES) {
      const dictionary = await TRANSLATION_SCOPES[scope].vi();
      expect(Object.keys(dictionary).filter((key) => key.startsWith(`${scope}.`))).toEqual([]);
    }
  });

  it('has a tone-mark check that flags the other spelling and spares quý, hoàn, khoảng', () => {
    expect(['hoà', 'Khoẻ mạnh', 'thuỷ', 'HOÁ'].map((text) => NEW_STYLE_TONE.test(text))).toEqual([true, true, true, true]);
    expect(['hòa', 'khỏe', 'thủy', 'quý', 'Quý I', 'hoàn thành', 'khoảng', 'xóa'].some((text) => NEW_STYLE_TONE.test(text))).toBe(false);
  });
});
