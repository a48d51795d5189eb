// Writes l10n/bundle.l10n.json: every message the extension shows through `vscode.l10n.t` (or a
// `t` it was handed, see src/core/translate.ts), English to English. A translation is a copy of it
// with the values translated, saved as l10n/bundle.l10n.<locale>.json (e.g. bundle.l10n.de.json);
// the texts of package.json are in package.nls.json (translated as package.nls.<locale>.json).
//   node scripts/l10n-bundle.js           writes the file
//   node scripts/l10n-bundle.js --check   exits 1 when the file is not up to date
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.join(__dirname, '..');
const bundleFile = path.join(root, 'l10n', 'bundle.l10n.json');

/** Every `t('…')` and `l10n.t('…')` message under src/, in file order, without repeats. */
function collectMessages() {
  const messages = new Map();
  const files = fs.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).sort();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(root, 'src', file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && isTranslateCall(node.expression)) {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.set(first.text, first.text);
        else throw new Error(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: the message of a translation call must be a plain string`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries(messages);
}

/** `t(…)`, `this.t(…)` and `vscode.l10n.t(…)`. */
function isTranslateCall(callee) {
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't'
    && (callee.expression.kind === ts.SyntaxKind.ThisKeyword || (ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n'));
}

module.exports = { collectMessages, bundleFile };

if (require.main === module) {
  const text = `${JSON.stringify(collectMessages(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(bundleFile) ? fs.readFileSync(bundleFile, 'utf8') : '';
    if (current !== text) {
      console.error('l10n/bundle.l10n.json is not up to date: run node scripts/l10n-bundle.js');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
    fs.writeFileSync(bundleFile, text);
    console.log(`wrote ${path.relative(root, bundleFile)}`);
  }
}
