// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * ESLint with type information (typescript-eslint), as discord.js and Sapphire use. Formatting is Prettier's job
 * (`prettier --check .` in `npm test`); these rules are about correctness and keeping files and functions small.
 */
export default defineConfig(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Files small (~200 lines), functions short (~60 lines): the developers' guide.
      'max-lines': ['error', { max: 200, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The in-memory store implements the async store interface with synchronous code: `async` keeps its contract
    // (a throw becomes a rejection, as with SQLite and Redis) without anything to await.
    files: ['src/store/memory.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The start-up index's inner loops run ~300,000 times in a fresh process, mostly before the JIT optimises them;
    // until then `for…of` over an array makes an iterator result per element. Indexed loops there measured ~30 ms
    // faster per cold start (docs/startup-history.md).
    files: [
      'src/answer/analyzer.ts',
      'src/answer/synonyms.ts',
      'src/answer/bank-build.ts',
      'src/answer/grams.ts',
      'src/answer/text.ts',
      'src/answer/vectors.ts',
    ],
    rules: { '@typescript-eslint/prefer-for-of': 'off' },
  },
  {
    // A test file is a list of cases; its describe blocks are not functions to keep short.
    files: ['tests/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': ['warn', { max: 250, skipBlankLines: true, skipComments: true }] },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);
