import * as assert from 'node:assert/strict';
import { isWritingSpot } from '../../../src/engine/cursor-stop';

describe('isWritingSpot: where a stopped cursor may be offered a suggestion', () => {
  for (const [name, before, after] of [
    ['the end of a line', 'let a = ', ''],
    ['an empty line or trailing spaces', '', '   '],
    ['before what an editor auto-closed', 'call(', ')'],
    ['before closers and a semicolon', 'f(["a', '"]);'],
    ['a line end with a carriage return', 'x', '\r'],
    ['inside empty brackets with code after them', 'let i = (', ') % n;'],
    ['inside an empty block on one line', 'xs.sort_by {', '}.first(3)'],
    ['inside empty quotes', 'name = "', '" + suffix'],
  ] as const) {
    it(`takes ${name}`, () => assert.equal(isWritingSpot(before, after), true));
  }

  for (const [name, before, after] of [
    ['the middle of a word', 'return wi', 'dth * height'],
    ['the start of a line of code', '', 'return x;'],
    ['before a closer and more code, brackets not empty', 'f(a', ') + 1'],
    ['before a closer that is not the opener\'s', 'f(', '] + 1'],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(isWritingSpot(before, after), false));
  }
});
