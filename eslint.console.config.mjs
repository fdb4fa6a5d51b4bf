import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** The lint rules of every console project (apps/console and libs/console/*), in one place. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'skss',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'skss',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // The console talks to the API only through the generated client (@skss/contract), never with HttpClient directly.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@angular/common/http',
              importNames: ['HttpClient'],
              message: 'Call the API through the generated client of @skss/contract.',
            },
          ],
          patterns: [{ group: ['@skss/api/*'], message: 'The console must not import API code; use @skss/contract.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
