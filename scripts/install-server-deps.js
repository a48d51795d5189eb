// Installs the local server's own dependencies (node-llama-cpp with the Linux x64 binaries only)
// into server/node_modules, so they stay out of the extension bundle and the .vsix.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const serverDir = path.join(__dirname, '..', 'server');
if (!fs.existsSync(path.join(serverDir, 'package.json'))) process.exit(0);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = ['install', '--omit=optional', '--no-audit', '--no-fund', '--loglevel=error'];
const result = spawnSync(npm, args, { cwd: serverDir, stdio: 'inherit' });
process.exit(result.status ?? 1);
