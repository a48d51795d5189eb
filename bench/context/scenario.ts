// The developer's session per target file of the benchmark project: what they open and change in
// other files before typing the target. The project's files on disk are the final versions; an
// edit's text is absent from the file until the developer types it in.

/** Code the developer adds to another file before writing the target. */
export interface PriorEdit {
  file: string;
  /** The exact text added (present in the file on disk, absent before the edit). */
  text: string;
}

export interface Scenario {
  name: string;
  languageId: string;
  /** The repository folder, relative to bench/context/project/. */
  root: string;
  /** Files the developer opens first (relative to root), in order. */
  opens: string[];
  edit: PriorEdit;
  /** The file typed from empty. */
  target: string;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'TypeScript shop',
    languageId: 'typescript',
    root: 'shop',
    opens: ['src/money.ts', 'src/tax.ts', 'src/catalog.ts'],
    edit: {
      file: 'src/money.ts',
      text: 'export function multiplyMoney(value: Money, factor: number): Money {\n  return { amountCents: Math.round(value.amountCents * factor), currency: value.currency };\n}\n\n',
    },
    target: 'src/cart.ts',
  },
  {
    name: 'Python warehouse',
    languageId: 'python',
    root: 'warehouse',
    opens: ['inventory/models.py', 'inventory/suppliers.py', 'inventory/config.py'],
    edit: { file: 'inventory/config.py', text: 'MAX_ORDER_BATCH = 500\n' },
    target: 'inventory/restock.py',
  },
  {
    name: 'Go ledger',
    languageId: 'go',
    root: 'ledger',
    opens: ['account.go', 'journal.go', 'errors.go'],
    edit: { file: 'errors.go', text: '\tErrSameAccount        = errors.New("ledger: source and destination are the same account")\n' },
    target: 'transfer.go',
  },
];
