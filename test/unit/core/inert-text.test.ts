import * as assert from 'node:assert/strict';
import { inertText } from '../../../src/core/inert-text';

// The pattern VS Code's notifications turn into links (base/common/linkedText.ts, VS Code 1.100).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

function linksIn(text: string): string[] {
  return [...text.matchAll(NOTIFICATION_LINK)].map((match) => match[2]);
}

describe('inert text for notifications', () => {
  const hostile: [string, string][] = [
    ['a command link', 'quota exceeded [x](command:workbench.action.quit)'],
    ['a command link with arguments and a title', '[Fix it](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D "Fix")'],
    ['an upper-case scheme', '[x](COMMAND:workbench.action.quit)'],
    ['a web link', 'see [the docs](https://evil.example/login)'],
    ['a file link', '[open](file:///etc/passwd)'],
    ['a link split over lines', '[x]\n(command:workbench.action.quit)'],
    ['two links', '[a](command:one) and [b](https://two.example)'],
    ['a link cut at the length limit', `${'y'.repeat(380)}[x](command:workbench.action.quit)`],
  ];
  for (const [what, text] of hostile) {
    it(`leaves no link VS Code would render in ${what}`, () => {
      assert.deepEqual(linksIn(inertText(text)), []);
    });
  }

  it('keeps the words readable', () => {
    assert.equal(inertText('quota exceeded [x](command:workbench.action.quit)'), 'quota exceeded [x] (command:workbench.action.quit)');
  });

  it('leaves ordinary text alone', () => {
    assert.equal(inertText('the server refused the API key (401): Incorrect API key provided'), 'the server refused the API key (401): Incorrect API key provided');
  });

  it('puts everything on one line', () => {
    assert.equal(inertText('first\nsecond\r\n\tthird\u2028fourth'), 'first second third fourth');
  });

  it('cuts long text', () => {
    const shown = inertText('z'.repeat(5000));
    assert.equal(shown.length, 400);
    assert.ok(shown.endsWith('…'));
  });
});
