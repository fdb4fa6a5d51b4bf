// Lints source texts as if they were files at the given paths, with the repository's ESLint
// configuration. Reads [{file, source}] as JSON on stdin, writes the boundary-rule messages per probe.
// (A separate process: ESLint loads its flat config with a dynamic import, which Jest's VM refuses.)
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';

const root = resolve(import.meta.dirname, '../..');
const probes = JSON.parse(await text(process.stdin));
const eslint = new ESLint({ cwd: root });
const answers = [];
for (const { file, source } of probes) {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, file) });
  answers.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
}
process.stdout.write(JSON.stringify(answers));
