import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConnectionError, Gpt } from '../../../src/client';
import { quickRetries, rejectionOf, sendJson, wireCompletion } from './fixtures';
import { testCertificate, testPrivateKey } from './tls-certificate';

describe('client: TLS options', () => {
  let server: https.Server;
  let serverURL: string;
  let requests = 0;
  let connections = 0;
  before(async () => {
    server = https.createServer({ cert: testCertificate, key: testPrivateKey }, (_req, res) => {
      requests++;
      sendJson(res, 200, wireCompletion('secure'));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverURL = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('rejects an untrusted certificate with a ConnectionError and does not retry it', async () => {
    const gpt = new Gpt({ serverURL, retryConfig: quickRetries });
    connections = 0;
    const err = await rejectionOf(gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    await gpt.close();
    assert.ok(err instanceof ConnectionError, String(err));
    assert.match(err.message, /self.signed/i);
    assert.equal(requests, 0);
    assert.equal(connections, 1);
  });

  it('trusts a server whose certificate is given in ca', async () => {
    const gpt = new Gpt({ serverURL, ca: testCertificate });
    const { createCompletionResponse } = await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(createCompletionResponse.choices[0].text, 'secure');
  });

  it('accepts any certificate when rejectUnauthorized is false', async () => {
    const gpt = new Gpt({ serverURL, rejectUnauthorized: false });
    const { createCompletionResponse } = await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(createCompletionResponse.choices[0].text, 'secure');
  });
});
