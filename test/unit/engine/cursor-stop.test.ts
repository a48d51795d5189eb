import * as assert from 'node:assert/strict';
import { isWritingSpot } from '../../../src/engine/cursor-stop';

describe('isWritingSpot: where a stopped cursor may be offered a suggestion', () => {
  for (const [name, after] of [
    ['the end of a line', ''],
    ['an empty line or trailing spaces', '   '],
    ['before what an editor auto-closed', ')'],
    ['before closers and a semicolon', '"]);'],
    ['a line end with a carriage return', '\r'],
  ] as const) {
    it(`takes ${name}`, () => assert.equal(isWritingSpot(after), true));
  }

  for (const [name, after] of [
    ['the middle of a word', 'dth * height'],
    ['the start of a line of code', 'return x;'],
    ['before a closer and more code', ') + 1'],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(isWritingSpot(after), false));
  }
});
