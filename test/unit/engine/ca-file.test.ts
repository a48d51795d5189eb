import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CaCertificates, readCaFile } from '../../../src/engine/ca-file';
import { english } from '../../../src/core/translate';
import { withinDeadline } from '../../support/http-server';
import { testCertificate } from '../client/tls-certificate';

/** Awaits `promise` expecting a rejection within `ms`; returns its message. */
async function refusal(promise: Promise<unknown>, ms = 2000): Promise<string> {
  const outcome = await withinDeadline(promise.then(() => undefined, (error: Error) => error), ms, 'the refusal');
  assert.ok(outcome instanceof Error, 'the file was accepted');
  return outcome.message;
}

describe('reading the CA certificates file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-ca-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer): string => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };

  it('reads a PEM file', async () => {
    assert.equal(await readCaFile(file('ca.pem', testCertificate)), testCertificate);
  });

  it('refuses /dev/zero at once instead of reading forever', async () => {
    assert.match(await refusal(readCaFile('/dev/zero')), /not a regular file/);
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'ca.pem');
    execFileSync('mkfifo', [fifo]);
    assert.match(await refusal(readCaFile(fifo)), /not a regular file/);
  });

  it('refuses a folder', async () => {
    assert.match(await refusal(readCaFile(dir)), /folder/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    assert.match(await refusal(readCaFile(file('big.pem', Buffer.alloc(2 * 1024 * 1024, 0x41)))), /bytes; the largest accepted is 1048576/);
  });

  it('names a missing file', async () => {
    assert.match(await refusal(readCaFile(path.join(dir, 'missing.pem'))), /does not exist/);
  });

  it('refuses a file with no certificate in it', async () => {
    assert.match(await refusal(readCaFile(file('notes.txt', 'hello'))), /no PEM certificate/);
  });
});

describe('the CA certificates of the current settings', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-complete-ca-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the file once per path, however often it is asked', async () => {
    let reads = 0;
    const certificates = new CaCertificates(() => {}, async () => {
      reads++;
      return testCertificate;
    });
    assert.equal(certificates.current('/etc/company-ca.pem'), undefined, 'not read yet');
    await certificates.loading;
    for (let i = 0; i < 100; i++) assert.equal(certificates.current('/etc/company-ca.pem'), testCertificate);
    assert.equal(reads, 1);
  });

  it('reads again when the path changes, and has none for an empty path', async () => {
    const read: string[] = [];
    const certificates = new CaCertificates(() => {}, async (file) => {
      read.push(file);
      return `${testCertificate}# ${file}`;
    });
    certificates.current('/a.pem');
    await certificates.loading;
    certificates.current('/b.pem');
    await certificates.loading;
    assert.match(certificates.current('/b.pem') ?? '', /# \/b\.pem$/);
    assert.equal(certificates.current(''), undefined);
    assert.deepEqual(read, ['/a.pem', '/b.pem']);
  });

  it('reports an unusable file once and goes on without it', async () => {
    const warnings: string[] = [];
    const certificates = new CaCertificates((warning) => warnings.push(warning(english)));
    certificates.current('/dev/zero');
    await withinDeadline(certificates.loading, 2000, 'the read to finish');
    for (let i = 0; i < 10; i++) assert.equal(certificates.current('/dev/zero'), undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /caCertificatesFile \(\/dev\/zero\): it is not a regular file/);
  });

  it('keeps a read that finishes after the path changed away from applying', async () => {
    let finishSlow: (pem: string) => void = () => {};
    const certificates = new CaCertificates(() => {}, (file) => (file === '/slow.pem' ? new Promise((resolve) => { finishSlow = resolve; }) : Promise.resolve(testCertificate)));
    certificates.current('/slow.pem');
    certificates.current('/fast.pem');
    await certificates.loading;
    finishSlow('stale');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(certificates.current('/fast.pem'), testCertificate);
  });
});
