// Lint for the extension, its tests, benchmarks, scripts and the local server (`npm run lint`, part of `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'server/dist/**', 'node_modules/**', 'server/node_modules/**', '.tools/**', 'test-results/**', 'media/**', '**/*.js', '**/*.mjs', 'server/corpus/**', 'samples/**', 'bench/context/project/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/vscode/, src/extension.ts, test/vscode/ and the benchmark scripts that run in VS Code import vscode.' }] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Tests read JSON bodies and server answers of any shape.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The editor layer and what runs inside VS Code may import it; the engine, core and client may not.
    files: ['src/vscode/**', 'src/extension.ts', 'test/vscode/**', 'bench/typing/provider-time.ts', 'test/launchers/electron-suite.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
