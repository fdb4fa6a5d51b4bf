import { TestScheduler } from 'rxjs/testing';
import { sameSearch, SearchInput, settledQuery, settleSearch } from './search-box';

describe('settledQuery', () => {
  it('sends NFC, trimmed, single-spaced text', () => {
    const decomposed = '  Mường   Nhé '.normalize('NFD');
    expect(settledQuery(decomposed)).toBe('Mường Nhé');
    expect(settledQuery(decomposed)).toBe('Mường Nhé'.normalize('NFC'));
  });

  it('searches for everything while the text is shorter than the minimum, counting letters without diacritics', () => {
    expect(settledQuery('M', 2)).toBe('');
    expect(settledQuery('Mư', 2)).toBe('Mư');
  });

  it('treats texts that differ only by diacritics, case or spacing as the same search', () => {
    expect(sameSearch('Mường Nhé', 'muong  nhe')).toBe(true);
    expect(sameSearch('Điện Biên', 'DIEN BIEN')).toBe(true);
    expect(sameSearch('Mường Nhé', 'Mường Tè')).toBe(false);
  });
});

describe('settleSearch', () => {
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('waits for a pause in typing, and asks again only when the folded query changed', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const typed = cold<SearchInput>('a 99ms b 399ms c 399ms d 399ms e', {
        a: { text: 'm' },
        b: { text: 'muong' },
        c: { text: 'Mường' },
        d: { text: 'Mường Nhé' },
        e: { text: '', immediate: true },
      });
      // 'muong' settles at 400 ms; 'Mường' (800 ms) searches the same; 'Mường Nhé' at 1200 ms; clearing is immediate.
      expectObservable(typed.pipe(settleSearch(300))).toBe('400ms b 799ms d 99ms e', {
        b: 'muong',
        d: 'Mường Nhé',
        e: '',
      });
    });
  });

  it('searches at once on Enter', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const typed = cold<SearchInput>('a', { a: { text: 'tyt', immediate: true } });
      expectObservable(typed.pipe(settleSearch(300))).toBe('a', { a: 'tyt' });
    });
  });
});
