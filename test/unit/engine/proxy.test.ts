import * as assert from 'node:assert/strict';
import { chooseProxy } from '../../../src/engine/proxy';

describe('proxy choice', () => {
  const none = { httpProxy: '', noProxy: [], env: {} };

  it('connects directly when no proxy is configured', () => {
    assert.equal(chooseProxy('https://api.example.com/v1', none), undefined);
  });

  it('uses VS Code\'s http.proxy before the environment', () => {
    const sources = { httpProxy: 'http://vscode-proxy:3128', noProxy: [], env: { HTTPS_PROXY: 'http://env-proxy:8080' } };
    assert.equal(chooseProxy('https://api.example.com/v1', sources), 'http://vscode-proxy:3128');
  });

  it('uses HTTPS_PROXY for https servers and HTTP_PROXY for http ones', () => {
    const env = { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' };
    assert.equal(chooseProxy('https://api.example.com/v1', { ...none, env }), 'http://secure:1');
    assert.equal(chooseProxy('http://api.example.com/v1', { ...none, env }), 'http://plain:2');
  });

  it('never proxies loopback, even with a proxy set', () => {
    const sources = { httpProxy: 'http://proxy:3128', noProxy: [], env: {} };
    assert.equal(chooseProxy('http://127.0.0.1:8012/v1', sources), undefined);
    assert.equal(chooseProxy('http://localhost:11434/v1', sources), undefined);
  });

  it('skips hosts listed in http.noProxy or NO_PROXY, including subdomains', () => {
    const sources = { httpProxy: 'http://proxy:3128', noProxy: ['internal.example'], env: { NO_PROXY: '.corp.lan,gpu:8443' } };
    assert.equal(chooseProxy('https://llm.internal.example/v1', sources), undefined);
    assert.equal(chooseProxy('https://box.corp.lan/v1', sources), undefined);
    assert.equal(chooseProxy('https://gpu:8443/v1', sources), undefined);
    assert.equal(chooseProxy('https://gpu:9443/v1', sources), 'http://proxy:3128');
    assert.equal(chooseProxy('https://api.example.com/v1', sources), 'http://proxy:3128');
  });
});
