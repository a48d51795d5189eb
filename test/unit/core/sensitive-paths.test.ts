import * as assert from 'node:assert/strict';
import { globToRegExp } from '../../../src/core/glob';
import { DEFAULT_EXCLUDES, SensitivePaths } from '../../../src/core/sensitive-paths';

describe('globs', () => {
  const table: [glob: string, path: string, matches: boolean][] = [
    ['**/.env', '/home/me/project/.env', true],
    ['**/.env', '.env', true],
    ['**/.env', '/home/me/project/.env.example', false],
    ['**/.env', '/home/me/project/my.env', false],
    ['**/.env.*', 'config/.env.production', true],
    ['*.pem', 'deep/down/server.pem', true],
    ['*.pem', 'server.pem.txt', false],
    ['**/*.PEM', 'certs/server.pem', true],
    ['**/.ssh/**', '/home/me/.ssh/id_rsa', true],
    ['**/.ssh/**', '/home/me/.ssh/keys/work', true],
    ['**/.ssh/**', '/home/me/.sshrc', false],
    ['secrets/**', 'secrets/db.yaml', true],
    ['secrets/**', 'src/secrets/db.yaml', false],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/lib/a.ts', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/lib/deep/a.ts', true],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file10.txt', false],
    ['**/*.{key,p12}', 'a/b.p12', true],
    ['**/*.{key,p12}', 'a/b.crt', false],
    ['**/id_[rd]sa', 'x/id_dsa', true],
    ['**/id_[!r]sa', 'x/id_rsa', false],
    ['**/a+b(c).txt', 'dir/a+b(c).txt', true],
    ['**', 'anything/at/all', true],
    ['**/secrets.*', '/srv/app/config/secrets.yml', true],
    ['**/secrets.*', '/srv/app/config/secretsmanager.ts', false],
  ];
  for (const [glob, path, matches] of table) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(globToRegExp(glob).test(path), matches);
    });
  }
});

describe('sensitive paths', () => {
  const defaults = new SensitivePaths(DEFAULT_EXCLUDES);
  const secrets = [
    '/home/me/app/.env', '/home/me/app/.env.local', '/home/me/app/deploy/production.env',
    '/home/me/.ssh/id_ed25519', '/home/me/.ssh/config', '/home/me/keys/id_rsa.old', '/etc/ssl/private/server.key', '/home/me/certs/client.p12',
    '/home/me/.aws/credentials', '/home/me/.config/gcloud/application_default_credentials.json', '/home/me/.kube/config',
    '/home/me/.docker/config.json', '/home/me/.npmrc', '/home/me/project/.npmrc', '/home/me/.netrc', '/home/me/.pypirc', '/home/me/.git-credentials',
    'C:\\Users\\me\\project\\.env', '/home/me/app/config/secrets.json',
  ];
  for (const path of secrets) {
    it(`keeps ${path} out by default`, () => {
      assert.ok(defaults.match({ absolute: path }), path);
    });
  }

  const ordinary = ['/home/me/app/src/index.ts', '/home/me/app/README.md', '/home/me/app/environment.ts', '/home/me/app/src/keys.ts', '/home/me/app/package.json', '/home/me/app/.envrc.md'];
  for (const path of ordinary) {
    it(`lets ${path} through by default`, () => {
      assert.equal(defaults.match({ absolute: path }), undefined);
    });
  }

  it('names the glob that matched', () => {
    assert.equal(defaults.match({ absolute: '/p/.env' }), '**/.env');
  });

  it('matches a workspace-relative glob against the relative path', () => {
    const paths = new SensitivePaths(['fixtures/private/**']);
    assert.equal(paths.match({ absolute: '/home/me/app/fixtures/private/a.txt', relative: 'fixtures/private/a.txt' }), 'fixtures/private/**');
    assert.equal(paths.match({ absolute: '/home/me/app/fixtures/public/a.txt', relative: 'fixtures/public/a.txt' }), undefined);
  });

  it('matches nothing for a document with no path (an untitled one)', () => {
    assert.equal(defaults.match({}), undefined);
  });

  it('matches nothing when the list is cleared', () => {
    assert.equal(new SensitivePaths([]).match({ absolute: '/p/.env' }), undefined);
  });
});
