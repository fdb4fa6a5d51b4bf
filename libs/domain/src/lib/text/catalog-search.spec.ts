import { CATALOG_SEARCH_TEXT_LENGTH, catalogSearchText, otherNamesOf } from './catalog-search';

describe('catalogSearchText', () => {
  it('folds the name and the other names a code is known by', () => {
    expect(catalogSearchText('HMông', ['Mông', 'Mèo'])).toBe('hmong | mong | meo');
    expect(catalogSearchText('Kinh')).toBe('kinh');
  });

  it('keeps the other names when a label changes', () => {
    const before = catalogSearchText('HMông', ['Mông', 'Mèo']);
    expect(catalogSearchText('Mông', otherNamesOf(before))).toBe('mong | meo');
  });

  it('never exceeds the column', () => {
    const text = catalogSearchText('a'.repeat(290), ['b'.repeat(20)]);
    expect(text).toBe('a'.repeat(290));
    expect(catalogSearchText('x'.repeat(400)).length).toBe(CATALOG_SEARCH_TEXT_LENGTH);
  });
});
