import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const frameworks = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'];
const uiLibs = ['@xyflow/*', 'framer-motion', 'framer-motion/*', 'motion', 'motion/*'];

export default tseslint.config(
  {
    ignores: ['dist', 'dist-*', 'node_modules', 'coverage', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // The engine is pure: no framework, nothing above it, no clocks or randomness of the host.
  {
    files: ['src/engine/**/*.ts', 'src/scenarios/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...frameworks, ...uiLibs], message: 'The engine is framework-free.' },
            {
              group: ['**/views/**', '**/store/**', '**/worker/**', '**/i18n/**', '**/embed/**'],
              message: 'The engine imports nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'navigator',
        'localStorage',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'setImmediate',
        'queueMicrotask',
        'requestAnimationFrame',
        'performance',
        'postMessage',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (engine/sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'Use simulated time.' },
        { object: 'performance', property: 'now', message: 'Use simulated time.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the host clock; use simulated time.',
        },
      ],
    },
  },
  {
    files: ['src/scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...frameworks, ...uiLibs], message: 'Scenarios are data.' },
            {
              group: ['**/views/**', '**/store/**', '**/worker/**', '**/embed/**'],
              message: 'Scenarios import only the engine and i18n keys.',
            },
            {
              group: ['**/engine/*/**'],
              message: 'Import the engine through engine/index.ts.',
            },
          ],
        },
      ],
    },
  },
  // The worker knows the engine only through its public surface.
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...frameworks, ...uiLibs], message: 'The worker layer is framework-free.' },
            {
              group: ['**/views/**', '**/store/**', '**/embed/**', '**/i18n/**'],
              message: 'The worker imports nothing above it.',
            },
            { group: ['**/engine/*/**'], message: 'Import the engine through engine/index.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/store/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@xyflow/*', 'framer-motion', 'framer-motion/*'],
              message: 'The store holds no view code.',
            },
            {
              group: ['**/views/**', '**/embed/**'],
              message: 'The store imports nothing above it.',
            },
            { group: ['**/engine/*/**'], message: 'Import engine types through engine/index.ts.' },
          ],
        },
      ],
    },
  },
  // Views read the store; they never talk to the worker or reach into engine internals.
  {
    files: ['src/views/**/*.ts', 'src/views/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/worker/**'],
              message: 'Views read the store; only the store talks to the worker.',
            },
            {
              group: ['**/engine/*/**'],
              message: 'Views import engine types from engine/index.ts only.',
            },
            { group: ['**/embed/**'], message: 'Views do not import the embed layer.' },
          ],
        },
      ],
    },
  },
);
