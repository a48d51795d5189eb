import * as assert from 'node:assert/strict';
import { describeSentRequest, type SentRequest } from '../../../src/engine/sent-request';

const sent: SentRequest = {
  sentAt: '2026-11-30T10:00:00.000Z',
  purpose: 'inline',
  url: 'http://127.0.0.1:8012/v1/completions',
  headerNames: ['x-gateway-token'],
  body: { model: 'm', prompt: '# src/tax.py\nVAT_RATE = 0.2\n\n# src/report.py\ntotal = ', suffix: '\n', max_tokens: 64, stream: true },
  fim: 'suffix',
  context: {
    file: { path: 'src/report.py', languageId: 'python' },
    repoName: 'shop',
    snippets: [{ path: 'src/tax.py', languageId: 'python', text: 'VAT_RATE = 0.2', source: 'definition', startLine: 11 }],
  },
};

describe('Show Last Request document', () => {
  const text = describeSentRequest(sent);

  it('names where and when the request went, and what for', () => {
    assert.match(text, /Sent: +2026-11-30T10:00:00.000Z \(inline\)/);
    assert.match(text, /To: +POST http:\/\/127\.0\.0\.1:8012\/v1\/completions/);
  });

  it('lists each context snippet with its file, lines and source', () => {
    assert.match(text, /Current file: src\/report\.py \(python\) in shop/);
    assert.match(text, /1\. src\/tax\.py, lines 12-12: definition of a name near the cursor \(14 chars\)/);
  });

  it('shows the prompt and suffix verbatim and the other fields as JSON', () => {
    assert.ok(text.includes(`── prompt (${(sent.body.prompt as string).length} chars, verbatim) ──\n${sent.body.prompt as string}\n`));
    assert.ok(text.includes('── suffix (1 chars, verbatim) ──\n\n'));
    assert.match(text, /"max_tokens": 64/);
    assert.match(text, /"stream": true/);
  });

  it('names custom headers without their values', () => {
    assert.match(text, /x-gateway-token \(value not shown\)/);
  });

  it('says when context is off', () => {
    assert.match(describeSentRequest({ ...sent, context: undefined }), /Context from other files: off/);
  });
});
