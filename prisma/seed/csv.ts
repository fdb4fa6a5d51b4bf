/** Reads the seed CSVs: a header row, comma-separated, no quoted fields (checked on load). */
export function parseSimpleCsv<T>(text: string): T[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const header = lines[0].split(',');
  return lines.slice(1).map((line, index) => {
    if (line.includes('"')) throw new Error(`Quoted CSV fields are not supported (line ${index + 2})`);
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`Line ${index + 2} has ${cells.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]])) as T;
  });
}
