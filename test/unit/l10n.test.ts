import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SDKError } from '../../src/client';
import { english, type Translate } from '../../src/core/translate';
import { usageSummary } from '../../src/core/usage';
import { describeError } from '../../src/engine/describe-error';
import { readSettings } from '../../src/engine/settings';
import { repoRoot } from '../support/paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collectMessages, bundleFile } = require(path.join(repoRoot, 'scripts', 'l10n-bundle.js')) as {
  collectMessages(): Record<string, string>;
  bundleFile: string;
};

/** A `t` that reads a translation bundle as VS Code does: the English message is the key. */
function translator(bundle: Record<string, string>): Translate {
  return (message, ...args) => english(bundle[message] ?? message, ...args);
}

describe('localization', () => {
  it('keeps l10n/bundle.l10n.json, the file a translation copies, in step with the messages in the code', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(bundleFile, 'utf8')), collectMessages(), 'run node scripts/l10n-bundle.js');
  });

  it('fills numbered placeholders in English', () => {
    assert.equal(english('{0} of {1}, {0} again, {2} missing', 'one', 2), 'one of 2, one again, {2} missing');
  });

  it('shows the token counts, a failure and a setting problem in the language of a bundle', () => {
    const t = translator({
      'Tokens today: {0}; this session: {1}.': 'Jetons aujourd’hui : {0} ; cette session : {1}.',
      '{0} ({1} prompt, {2} completion)': '{0} ({1} invite, {2} réponse)',
      'rate limited by the server (429){0}': 'limité par le serveur (429){0}',
      'must be true or false': 'doit être true ou false',
      '{0}; using {1}': '{0} ; {1} est utilisé',
    });
    const count = { promptTokens: 10, completionTokens: 2, estimated: false };
    assert.equal(usageSummary(count, count, 0, t), 'Jetons aujourd’hui : 12 (10 invite, 2 réponse) ; cette session : 12 (10 invite, 2 réponse).');
    const rateLimited = new SDKError({ message: 'API error 429', statusCode: 429, contentType: 'application/json', body: '', headers: {}, details: undefined });
    const failure = describeError(rateLimited, 'http://h/v1', t);
    assert.match(failure.reason, /^limité par le serveur \(429\)/);
    const { problems } = readSettings((key) => (key === 'inline.enabled' ? 'yes' : undefined), t);
    assert.equal(problems[0]?.message, 'doit être true ou false ; true est utilisé');
  });
});
