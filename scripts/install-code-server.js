// Installs code-server (a real VS Code: workbench plus Node extension host) into the git-ignored
// .tools/ folder, for the extension-host and UI test layers. Later runs find the marker and reuse it.
// Usage: node scripts/install-code-server.js [--force]
// Needs (Debian): build-essential python3 pkg-config libkrb5-dev ripgrep (see .ci/run).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.100.3';
// The @vscode/ripgrep version code-server 4.100.3 depends on, and the rg build its postinstall fetches.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const SYSTEM_RG = '/usr/bin/rg';

const repoRoot = path.join(__dirname, '..');
const installDir = path.join(repoRoot, '.tools', `code-server-${CODE_SERVER_VERSION}`);
const markerFile = path.join(installDir, '.installed');
const entryScript = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Packages in code-server's tree whose install scripts must run (npm 11 may start skipping
// scripts not listed in allowScripts; without them code-server lacks its native modules).
const ALLOWED_INSTALL_SCRIPTS = ['code-server', '@vscode/ripgrep', 'node-pty', 'kerberos', 'argon2',
  '@parcel/watcher', 'native-watchdog', '@vscode/spdlog', '@vscode/sqlite3', '@vscode/windows-registry',
  '@vscode/deviceid', '@vscode/policy-watcher', 'esbuild'];

function main() {
  const force = process.argv.includes('--force');
  if (!force && isInstalled()) {
    console.log(`code-server ${CODE_SERVER_VERSION}: reusing ${path.relative(repoRoot, installDir)}`);
    return;
  }
  const started = Date.now();
  console.log(`code-server ${CODE_SERVER_VERSION}: installing into ${path.relative(repoRoot, installDir)} (about 1-2 minutes)`);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({
    name: 'code-server-for-tests',
    private: true,
    allowScripts: Object.fromEntries(ALLOWED_INSTALL_SCRIPTS.map((name) => [name, true])),
  }, null, 2) + '\n');

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-install-'));
  let version;
  try {
    seedRipgrepCache(tmpDir);
    const env = {
      ...process.env,
      TMPDIR: tmpDir, // where @vscode/ripgrep looks for its cached download
      npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_nodedir: '/usr', // node-gyp uses the system node headers instead of downloading them
    };
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error',
      `code-server@${CODE_SERVER_VERSION}`], { cwd: installDir, env, stdio: 'inherit' });
    if (result.status !== 0) fail(`npm install exited with ${result.status ?? result.signal}`);
    version = readVersion(tmpDir);
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  fs.writeFileSync(markerFile, version + '\n');
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`code-server ${CODE_SERVER_VERSION}: installed in ${seconds} s (${version})`);
}

/** Runs the installed code-server once; its config and data go to tmpDir, not the home folder. */
function readVersion(tmpDir) {
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmpDir, 'config'), XDG_DATA_HOME: path.join(tmpDir, 'data') };
  const result = spawnSync(process.execPath, [entryScript, '--version'], { encoding: 'utf8', env });
  const line = result.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
  if (result.status !== 0 || !line) fail(`code-server --version failed: ${result.stderr}${result.stdout}`);
  return line.trim();
}

function isInstalled() {
  return fs.existsSync(markerFile) && fs.existsSync(entryScript);
}

/** Puts the system rg where @vscode/ripgrep's postinstall looks before downloading from GitHub. */
function seedRipgrepCache(tmpDir) {
  if (!fs.existsSync(SYSTEM_RG)) fail(`${SYSTEM_RG} is missing: apt-get install ripgrep`);
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(cacheDir);
  const tar = spawnSync('tar', ['-czf', path.join(cacheDir, RIPGREP_ASSET), '-C', path.dirname(SYSTEM_RG),
    path.basename(SYSTEM_RG)], { stdio: 'inherit' });
  if (tar.status !== 0) fail('could not pack the system rg');
}

function fail(message) {
  console.error(`code-server ${CODE_SERVER_VERSION}: ${message}`);
  process.exit(1);
}

main();
