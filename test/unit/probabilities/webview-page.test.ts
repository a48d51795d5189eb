import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, renderPage } from '../../../src/vscode/token-probabilities/html';
import { parseWebviewMessage } from '../../../src/vscode/token-probabilities/messages';

const resources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/token-probabilities.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/token-probabilities.css',
  nonce: 'abc123',
};

describe('Token Probabilities page', () => {
  it('allows nothing by default and scripts only with the nonce', () => {
    const policy = contentSecurityPolicy(resources);
    assert.match(policy, /^default-src 'none';/);
    assert.match(policy, /script-src 'nonce-abc123'(;|$)/);
    assert.match(policy, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net 'nonce-abc123'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:\/\/\*|\*/);
  });

  it('loads its one script and one stylesheet with the nonce, and nothing else', () => {
    const page = renderPage(resources);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.deepEqual([...page.matchAll(/<script[^>]*>/g)].map((m) => m[0]), [`<script nonce="abc123" src="${resources.scriptUri}">`]);
    assert.deepEqual([...page.matchAll(/<link[^>]*>/g)].map((m) => m[0]), [`<link rel="stylesheet" nonce="abc123" href="${resources.styleUri}">`]);
    assert.doesNotMatch(page, /\son[a-z]+=/i);
  });

  it('writes its title and loading text as text, never markup', () => {
    const page = renderPage({ ...resources, title: 'Probabilités <b>', loading: 'Chargement & <script>…' });
    assert.match(page, /<title>Probabilités &lt;b&gt;<\/title>/);
    assert.match(page, /Chargement &amp; &lt;script&gt;…/);
    assert.equal([...page.matchAll(/<script/g)].length, 1);
  });

  it('draws a fresh unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 20 }, newNonce));
    assert.equal(nonces.size, 20);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
  });
});

describe('messages from the webview', () => {
  it('accepts a choice of an alternative at a token', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'choose', tokenIndex: 2, alternative: ' cat' }), { type: 'choose', tokenIndex: 2, alternative: ' cat' });
  });

  it('drops messages outside the protocol', () => {
    for (const raw of [null, 'choose', { type: 'choose', tokenIndex: '2', alternative: 'x' }, { type: 'choose', tokenIndex: 1.5, alternative: 'x' }, { type: 'eval', code: '1' }]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});
