import * as assert from 'node:assert/strict';
import { answerFor } from '../../../bench/context/oracle-server';
import { trueContinuation } from '../../../bench/typing/oracle-server';

describe('benchmark oracles', () => {
  describe('typing oracle', () => {
    const file = 'def area(width, height):\n    return width * height\n';

    it('finds the file being typed after a head of context from other files', () => {
      assert.equal(trueContinuation([file], '# other.py\nx = 1\n\n# area.py\ndef area(wid', ''), 'th, height):\n    return width * height\n');
    });

    it('answers nothing for a prompt that is in no file', () => {
      assert.equal(trueContinuation([file], '# other.py\nsomething else entirely', ''), undefined);
    });
  });

  describe('context oracle', () => {
    const targets = new Map([['shop/cart.ts', 'import { Catalog } from "./catalog";\nconst total = addMoney(zeroMoney(currency), price);\n']]);

    it('answers the rest of the line when the request shows every name in it', () => {
      const answer = answerFor(targets, '// money.ts\nfunction addMoney(price, currency) {}\nfunction zeroMoney() {}\n// cart.ts\nimport { Catalog } from "./catalog";\nconst total = add', '', 256);
      assert.equal(answer.answer, 'Money(zeroMoney(currency), price);');
      assert.equal(answer.cutForContext, false);
    });

    it('cuts before the first name the request never showed, even one begun before the cursor', () => {
      const prompt = 'import { Catalog } from "./catalog";\nconst total = add';
      const answer = answerFor(targets, prompt, '', 256);
      assert.equal(answer.answer, '');
      assert.equal(answer.cutWord, 'addMoney');
      assert.equal(answer.cutForContext, true);
    });

    it('knows keywords without being shown them', () => {
      const answer = answerFor(new Map([['a.ts', 'export const x = 1;\n']]), 'exp', '', 256);
      assert.equal(answer.answer, 'ort const ');
      assert.equal(answer.cutWord, 'x');
    });
  });
});
