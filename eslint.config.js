// Lint: the rules a reviewer would otherwise repeat, and the process boundaries the architecture
// depends on (which code may run where). Formatting is Prettier's, not ESLint's.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_MODULES = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports with each forbidden import explained. */
const forbid = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-sequences': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'import-x/order': [
        'error',
        { groups: ['builtin', 'external', ['internal', 'parent', 'sibling', 'index']], 'newlines-between': 'never' },
      ],
      'import-x/no-duplicates': 'error',
    },
  },
  // The page: React's rules of hooks; never main/, Node or Electron (everything goes through the bridge).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The rules of hooks; the React Compiler's stricter checks are not used (the app is not compiled by it).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': forbid(
        [['**/main/**', '../main/*'], 'The renderer reaches main only through the bridge (renderer/api).'],
        [NODE_MODULES, 'The renderer runs in the page: no Node modules.'],
        [['electron'], 'The renderer never imports Electron: the preload script exposes the bridge.'],
      ),
    },
  },
  // Domain code is plain Node: only main/shell may import Electron.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': forbid(
        [
          ['electron'],
          'Only main/shell imports Electron; domain code must run under plain Node (CLI, tests, the bridge server).',
        ],
        [['**/renderer/**'], 'Main never imports the renderer.'],
      ),
    },
  },
  // The contract is shared by all three: it imports nothing from main or the renderer, and only the
  // preload script itself imports Electron.
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        ['**/main/**', '**/renderer/**'],
        'preload/ is the shared contract: it imports nothing from main/ or renderer/.',
      ]),
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/preload.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          ['**/main/**', '**/renderer/**'],
          'preload/ is the shared contract: it imports nothing from main/ or renderer/.',
        ],
        [['electron'], 'Only preload/preload.ts (the preload script itself) imports Electron.'],
      ),
    },
  },
);
