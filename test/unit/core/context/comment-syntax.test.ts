import * as assert from 'node:assert/strict';
import { commentLine, commentLines, nameWithLanguage } from '../../../../src/core/context/comment-syntax';

describe('context comment syntax', () => {
  const comments: [languageId: string, text: string, expected: string][] = [
    ['typescript', 'src/report.ts', '// src/report.ts'],
    ['python', 'app/models.py', '# app/models.py'],
    ['sql', 'db/schema.sql', '-- db/schema.sql'],
    ['lua', 'init.lua', '-- init.lua'],
    ['clojure', 'core.clj', '; core.clj'],
    ['erlang', 'server.erl', '% server.erl'],
    ['html', 'index.html', '<!-- index.html -->'],
    ['css', 'site.css', '/* site.css */'],
    ['ocaml', 'main.ml', '(* main.ml *)'],
    ['a-language-nobody-knows', 'x.zz', '// x.zz'],
    ['python', 'two\nlines', '# two lines'],
    ['html', 'a --> b', '<!-- a  b -->'],
  ];
  for (const [languageId, text, expected] of comments) {
    it(`writes "${text.replace(/\n/g, '\\n')}" as a ${languageId} comment: ${expected}`, () => {
      assert.equal(commentLine(languageId, text), expected);
    });
  }

  it('comments every line of a markdown text and leaves blank lines blank', () => {
    assert.deepEqual(commentLines('python', '# Title\n\nSome prose.'), ['# # Title', '', '# Some prose.']);
  });

  const names: [name: string, languageId: string, expected: string][] = [
    ['Untitled-1', 'python', 'Untitled-1.py'],
    ['Untitled-2', 'typescriptreact', 'Untitled-2.tsx'],
    ['Untitled-3', 'makefile', 'Untitled-3'],
    ['Untitled-4', 'unknown-language', 'Untitled-4'],
    ['src/report.ts', 'typescript', 'src/report.ts'],
    ['notes.txt', 'python', 'notes.txt'],
    ['my.dir/Untitled-5', 'rust', 'my.dir/Untitled-5.rs'],
  ];
  for (const [name, languageId, expected] of names) {
    it(`names ${name} in ${languageId} as ${expected}`, () => {
      assert.equal(nameWithLanguage(name, languageId), expected);
    });
  }
});
