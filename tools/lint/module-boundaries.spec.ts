import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The module boundaries are real: code that crosses them fails lint. Each probe is linted as if
 * it were a file of the named project, with the repository's ESLint configuration.
 */
const ROOT = resolve(__dirname, '../..');

const refused: [string, string, string][] = [
  [
    'the domain library importing Nest',
    'libs/domain/src/lib/probe.ts',
    "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
  ],
  [
    'the domain library importing Angular',
    'libs/domain/src/lib/probe.ts',
    "import { signal } from '@angular/core';\nexport const probe = signal(1);\n",
  ],
  [
    'the domain library importing Prisma code',
    'libs/domain/src/lib/probe.ts',
    "import { PrismaService } from '@skss/api/core';\nexport const probe = PrismaService;\n",
  ],
  [
    'the console importing API code',
    'libs/console/org-units/src/lib/probe.ts',
    "import { PrismaService } from '@skss/api/core';\nexport const probe = PrismaService;\n",
  ],
  [
    'the console importing Prisma',
    'apps/console/src/app/probe.ts',
    "import { PrismaClient } from '@prisma/client';\nexport const probe = PrismaClient;\n",
  ],
  [
    'the console importing Nest',
    'apps/console/src/app/probe.ts',
    "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
  ],
];
const allowed: [string, string, string][] = [
  [
    'the console using the domain library',
    'libs/console/org-units/src/lib/probe.ts',
    "import { foldVietnamese } from '@skss/domain';\nexport const probe = foldVietnamese;\n",
  ],
  [
    'an API feature using the core library',
    'libs/api/org-units/src/lib/probe.ts',
    "import { PrismaService } from '@skss/api/core';\nexport const probe = PrismaService;\n",
  ],
];

/** Boundary-rule messages for each probe, linted in one ESLint process. */
function lintProbes(probes: [string, string, string][]): string[][] {
  const input = JSON.stringify(probes.map(([, file, source]) => ({ file, source })));
  const output = execFileSync(process.execPath, [resolve(__dirname, 'lint-probes.mjs')], {
    cwd: ROOT,
    input,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return JSON.parse(output.toString()) as string[][];
}

const results = lintProbes([...refused, ...allowed]);

describe('module boundaries', () => {
  it.each(refused.map((probe, i) => [probe[0], i] as const))('refuses %s', (_case, i) => {
    expect(results[i]).not.toEqual([]);
  });

  it.each(allowed.map((probe, i) => [probe[0], refused.length + i] as const))('allows %s', (_case, i) => {
    expect(results[i]).toEqual([]);
  });
});
