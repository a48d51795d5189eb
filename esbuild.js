// Builds the project. With no flag: the extension bundle (dist/extension.js).
//   --production  minified extension bundle, no source maps (used by `vsce package`)
//   --tests       every TypeScript file of src/, test/, bench/, scripts/ and server/src/ transpiled to out/
//                 (CommonJS, same tree), so mocha and the test launchers run plain JavaScript
//   --server      the local server (server/src/main.ts -> server/dist/main.mjs, ESM)
//   --all         all of the above except --production
// Type checking is separate: `npm run typecheck`.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const flags = new Set(process.argv.slice(2));
const production = flags.has('--production');
const all = flags.has('--all');

async function buildExtension() {
  await esbuild.build({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  });
}

async function buildTests() {
  fs.rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ['src', 'test', 'bench', 'scripts', path.join('server', 'src')]
      .filter((dir) => fs.existsSync(dir) && fs.readdirSync(dir, { recursive: true }).some((f) => f.endsWith('.ts')))
      .map((dir) => `${dir}/**/*.ts`),
    outbase: '.',
    outdir: 'out',
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function buildServer() {
  const entry = path.join('server', 'src', 'main.ts');
  if (!fs.existsSync(entry)) return;
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: path.join('server', 'dist', 'main.mjs'),
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function main() {
  const tasks = [];
  if (all || !flags.has('--tests') && !flags.has('--server')) tasks.push(buildExtension());
  if (all || flags.has('--tests')) tasks.push(buildTests());
  if (all || flags.has('--server')) tasks.push(buildServer());
  await Promise.all(tasks);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
