import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROWTH_DATA_DIR, parseTable, renderAll, TABLES } from './convert-who-tables';

function specOf(tsv: string) {
  const spec = TABLES.find((t) => t.tsv === tsv);
  if (!spec) throw new Error(`no table ${tsv}`);
  return spec;
}

describe('WHO growth tables in libs/domain', () => {
  it.each([...renderAll()])('%s is up to date with its TSV (run tools/growth/convert-who-tables.ts)', (file, expected) => {
    expect(readFileSync(join(GROWTH_DATA_DIR, file), 'utf8')).toBe(expected);
  });

  it('reads the WHO table layout, with CRLF line ends', () => {
    const spec = specOf('weianthro.tsv');
    const text =
      'sex\tage\tl\tm\ts\r\n1\t0\t0.3487\t3.3464\t0.14602\r\n1\t1\t0.3127\t3.3174\t0.14693\r\n2\t0\t0.3809\t3.2322\t0.14171\r\n2\t1\t0.3259\t3.1957\t0.14339\r\n';
    expect(parseTable(spec, text)).toEqual({
      first: 0,
      male: [
        [0.3487, 3.3464, 0.14602],
        [0.3127, 3.3174, 0.14693],
      ],
      female: [
        [0.3809, 3.2322, 0.14171],
        [0.3259, 3.1957, 0.14339],
      ],
    });
  });

  it('refuses a gap, a missing sex or a length/height column that does not match', () => {
    const weight = specOf('weianthro.tsv');
    const length = specOf('wflanthro.tsv');
    expect(() => parseTable(weight, 'sex\tage\tl\tm\ts\n1\t0\t1\t3\t0.1\n1\t2\t1\t3\t0.1\n2\t0\t1\t3\t0.1\n2\t2\t1\t3\t0.1\n')).toThrow(
      /gap/,
    );
    expect(() => parseTable(weight, 'sex\tage\tl\tm\ts\n1\t0\t1\t3\t0.1\n')).toThrow(/sexes differ/);
    expect(() => parseTable(length, 'sex\tlength\tl\tm\ts\tlorh\n1\t45\t1\t3\t0.1\tH\n')).toThrow(/lorh/);
  });
});
