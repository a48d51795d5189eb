import * as assert from 'node:assert/strict';
import { contextFormat, renderContext } from '../../../../src/core/context/render';
import { selectContext, type SelectContextInput } from '../../../../src/core/context/select';
import type { CandidateSource, SnippetCandidate } from '../../../../src/core/context/snippet';
import { StableOrder } from '../../../../src/core/context/stable-order';
import { candidate, NOW } from './candidates';

function fixed(...candidates: SnippetCandidate[]): CandidateSource {
  return { candidates: () => candidates };
}

function input(overrides: Partial<SelectContextInput>): SelectContextInput {
  return {
    sources: [],
    file: { path: 'src/report.ts', languageId: 'typescript' },
    repoName: 'shop',
    documentKey: 'file:///work/src/report.ts',
    prefix: 'const invoice = new Invoice(customer);\ninvoice.',
    suffix: '\n',
    maxChars: 4000,
    now: NOW,
    order: new StableOrder(),
    ...overrides,
  };
}

const invoice = candidate('export class Invoice {\n  constructor(readonly customer: Customer) {}\n  addLine(item: Item) {}\n}', { path: 'src/invoice.ts', source: 'definition' });
const customer = candidate('export interface Customer {\n  name: string;\n  vatNumber: string;\n}', { path: 'src/customer.ts', source: 'typeDefinition' });
// The definition store ties a type definition to the name it was looked up for.
(customer.identifiers as Set<string>).add('customer');
const unrelated = candidate('export function formatDate(d: Date) {\n  return d.toISOString();\n}', { path: 'src/dates.ts' });

function block(context: ReturnType<typeof selectContext>): string {
  const { head, prefixHead } = renderContext(contextFormat('template', 'qwen'), context!);
  return head + prefixHead;
}

describe('selectContext', () => {
  it('carries the current file and the snippets that share names with the cursor, not the others', () => {
    const context = selectContext(input({ sources: [fixed(unrelated, invoice, customer)] }))!;
    assert.deepEqual(context.file, { path: 'src/report.ts', languageId: 'typescript' });
    assert.equal(context.repoName, 'shop');
    assert.deepEqual(context.snippets.map((s) => s.path).sort(), ['src/customer.ts', 'src/invoice.ts']);
  });

  it('is off at a budget of 0', () => {
    assert.equal(selectContext(input({ sources: [fixed(invoice)], maxChars: 0 })), undefined);
  });

  it('is off when the budget cannot hold even the file\'s name', () => {
    assert.equal(selectContext(input({ sources: [fixed(invoice)], maxChars: 20 })), undefined);
  });

  it('keeps the rendered block within the budget', () => {
    const many = Array.from({ length: 30 }, (_, i) => candidate(`export const invoiceField${i} = new Invoice(customer);\n// note ${i}\n// more ${i}`, { path: `src/f${i}.ts` }));
    for (const maxChars of [80, 200, 500, 1000]) {
      const context = selectContext(input({ sources: [fixed(...many)], maxChars }));
      for (const format of ['comments', 'qwen', 'starcoder'] as const) {
        const { head, prefixHead } = renderContext(format, context!);
        assert.ok(head.length + prefixHead.length <= maxChars, `${format} at ${maxChars}: ${head.length + prefixHead.length}`);
      }
    }
  });

  it('leaves out the current document\'s own chunks (prefix and suffix show it fresher) but keeps definitions in it', () => {
    const own = candidate('const invoiceTotals = Invoice.sum(customer);', { path: 'src/report.ts', documentKey: 'file:///work/src/report.ts' });
    const ownDefinition = candidate('class Invoice {}', { path: 'src/report.ts', documentKey: 'file:///work/src/report.ts', source: 'definition' });
    const context = selectContext(input({ sources: [fixed(own, ownDefinition)] }))!;
    assert.deepEqual(context.snippets.map((s) => s.source), ['definition']);
  });

  it('renders the same block byte for byte on the next keystroke when the chosen snippets stay the same', () => {
    const order = new StableOrder();
    const sources = [fixed(customer, invoice, unrelated)];
    const first = block(selectContext(input({ sources, order, prefix: 'const invoice = new Invoice(customer);\ninvoice.add' })));
    const second = block(selectContext(input({ sources, order, prefix: 'const invoice = new Invoice(customer);\ninvoice.addL' })));
    const third = block(selectContext(input({ sources, order, prefix: 'const invoice = new Invoice(customer);\ninvoice.addLi' })));
    assert.equal(second, first);
    assert.equal(third, first);
  });

  it('adds a snippet that becomes relevant at the block\'s end, keeping its head unchanged', () => {
    const order = new StableOrder();
    const tax = candidate('export const VAT_RATES = { standard: 0.2 };', { path: 'src/tax.ts' });
    const sources = [fixed(invoice, customer, tax)];
    const before = block(selectContext(input({ sources, order })));
    const after = block(selectContext(input({ sources, order, prefix: 'const invoice = new Invoice(customer);\nconst rate = VAT_RATES.' })));
    const fileLine = '<|file_sep|>src/report.ts\n';
    assert.ok(after.startsWith(before.slice(0, -fileLine.length)), 'the old snippets stay at the head');
    assert.match(after, /VAT_RATES[^]*<\|file_sep\|>src\/report\.ts\n$/);
  });
});
