import * as assert from 'node:assert/strict';
import { extractContext } from '../../../../src/core/context';
import { NotebookLines, type NotebookCellLines } from '../../../../src/core/context/notebook';
import { linesOf } from './lines';

const cells: NotebookCellLines[] = [
  { kind: 'markup', languageId: 'markdown', lines: linesOf('# Load the data\nFrom the shop.') },
  { kind: 'code', languageId: 'python', lines: linesOf('import pandas as pd\nsales = pd.read_csv("sales.csv")') },
  { kind: 'code', languageId: 'python', lines: linesOf('sales.') },
  { kind: 'code', languageId: 'sql', lines: linesOf('SELECT 1') },
  { kind: 'code', languageId: 'python', lines: linesOf('print(total)') },
];

describe('notebook context', () => {
  it('gives the cells above as prefix (markdown as comments) and the cells below as suffix', () => {
    const notebook = new NotebookLines(cells, 2);
    const { prefix, suffix } = extractContext(notebook, notebook.positionOf({ line: 0, character: 6 }), { maxPrefixChars: 1000, maxSuffixChars: 1000 });
    assert.equal(prefix, '# # Load the data\n# From the shop.\n\nimport pandas as pd\nsales = pd.read_csv("sales.csv")\n\nsales.');
    assert.equal(suffix, '\n\n# SELECT 1\n\nprint(total)');
  });

  it('keeps to the prefix budget, nearest cells first', () => {
    const notebook = new NotebookLines(cells, 2);
    const { prefix } = extractContext(notebook, notebook.positionOf({ line: 0, character: 6 }), { maxPrefixChars: 45, maxSuffixChars: 0 });
    assert.equal(prefix, 'sales = pd.read_csv("sales.csv")\n\nsales.');
  });

  it('reads the first cell with nothing above it', () => {
    const notebook = new NotebookLines(cells, 0);
    assert.deepEqual(notebook.positionOf({ line: 1, character: 2 }), { line: 1, character: 2 });
    assert.equal(notebook.lineAt(0), '# Load the data', 'the current cell reads as it is, even in markdown');
  });
});
