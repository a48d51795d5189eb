/** How a language writes a comment, and the extension its files usually carry. */
interface LanguageSyntax {
  /** Starts a comment that runs to the end of the line. */
  line?: string;
  /** Opens and closes a comment, for languages without a line comment. */
  block?: readonly [string, string];
  /** With the dot; for naming an untitled file so the model can tell its language. */
  extension?: string;
}

const SLASHES = '//';
const HASH = '#';
const DASHES = '--';
const SEMICOLON = ';';
const PERCENT = '%';
const XML_BLOCK = ['<!--', '-->'] as const;
const C_BLOCK = ['/*', '*/'] as const;

/** By VS Code language id. Languages not listed get `//`, the most common line comment. */
const SYNTAX: Readonly<Record<string, LanguageSyntax>> = {
  javascript: { line: SLASHES, extension: '.js' },
  javascriptreact: { line: SLASHES, extension: '.jsx' },
  typescript: { line: SLASHES, extension: '.ts' },
  typescriptreact: { line: SLASHES, extension: '.tsx' },
  java: { line: SLASHES, extension: '.java' },
  c: { line: SLASHES, extension: '.c' },
  cpp: { line: SLASHES, extension: '.cpp' },
  'cuda-cpp': { line: SLASHES, extension: '.cu' },
  csharp: { line: SLASHES, extension: '.cs' },
  go: { line: SLASHES, extension: '.go' },
  rust: { line: SLASHES, extension: '.rs' },
  swift: { line: SLASHES, extension: '.swift' },
  kotlin: { line: SLASHES, extension: '.kt' },
  scala: { line: SLASHES, extension: '.scala' },
  dart: { line: SLASHES, extension: '.dart' },
  php: { line: SLASHES, extension: '.php' },
  'objective-c': { line: SLASHES, extension: '.m' },
  'objective-cpp': { line: SLASHES, extension: '.mm' },
  groovy: { line: SLASHES, extension: '.groovy' },
  fsharp: { line: SLASHES, extension: '.fs' },
  zig: { line: SLASHES, extension: '.zig' },
  solidity: { line: SLASHES, extension: '.sol' },
  proto: { line: SLASHES, extension: '.proto' },
  jsonc: { line: SLASHES, extension: '.jsonc' },
  json: { line: SLASHES, extension: '.json' },
  vue: { block: XML_BLOCK, extension: '.vue' },
  svelte: { block: XML_BLOCK, extension: '.svelte' },
  python: { line: HASH, extension: '.py' },
  ruby: { line: HASH, extension: '.rb' },
  perl: { line: HASH, extension: '.pl' },
  r: { line: HASH, extension: '.r' },
  julia: { line: HASH, extension: '.jl' },
  shellscript: { line: HASH, extension: '.sh' },
  powershell: { line: HASH, extension: '.ps1' },
  yaml: { line: HASH, extension: '.yaml' },
  toml: { line: HASH, extension: '.toml' },
  makefile: { line: HASH },
  dockerfile: { line: HASH },
  elixir: { line: HASH, extension: '.ex' },
  nim: { line: HASH, extension: '.nim' },
  terraform: { line: HASH, extension: '.tf' },
  nix: { line: HASH, extension: '.nix' },
  graphql: { line: HASH, extension: '.graphql' },
  coffeescript: { line: HASH, extension: '.coffee' },
  tcl: { line: HASH, extension: '.tcl' },
  properties: { line: HASH, extension: '.properties' },
  ignore: { line: HASH },
  sql: { line: DASHES, extension: '.sql' },
  lua: { line: DASHES, extension: '.lua' },
  haskell: { line: DASHES, extension: '.hs' },
  elm: { line: DASHES, extension: '.elm' },
  ada: { line: DASHES, extension: '.adb' },
  vhdl: { line: DASHES, extension: '.vhd' },
  clojure: { line: SEMICOLON, extension: '.clj' },
  lisp: { line: SEMICOLON, extension: '.lisp' },
  scheme: { line: SEMICOLON, extension: '.scm' },
  racket: { line: SEMICOLON, extension: '.rkt' },
  ini: { line: SEMICOLON, extension: '.ini' },
  erlang: { line: PERCENT, extension: '.erl' },
  latex: { line: PERCENT, extension: '.tex' },
  tex: { line: PERCENT, extension: '.tex' },
  matlab: { line: PERCENT, extension: '.m' },
  bat: { line: 'REM', extension: '.bat' },
  vb: { line: "'", extension: '.vb' },
  fortran: { line: '!', extension: '.f90' },
  verilog: { line: SLASHES, extension: '.v' },
  ocaml: { block: ['(*', '*)'], extension: '.ml' },
  css: { block: C_BLOCK, extension: '.css' },
  scss: { line: SLASHES, extension: '.scss' },
  less: { line: SLASHES, extension: '.less' },
  html: { block: XML_BLOCK, extension: '.html' },
  xml: { block: XML_BLOCK, extension: '.xml' },
  markdown: { block: XML_BLOCK, extension: '.md' },
  plaintext: { line: HASH, extension: '.txt' },
};

/** `text` as a one-line comment in `languageId` (text with line breaks is flattened). */
export function commentLine(languageId: string, text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const syntax = SYNTAX[languageId] ?? { line: SLASHES };
  if (syntax.line) return `${syntax.line} ${flat}`;
  const [open, close] = syntax.block ?? C_BLOCK;
  return `${open} ${flat.split(close).join('')} ${close}`;
}

/** Every line of `text` as a comment in `languageId` (for a notebook's markdown cells); blank lines stay blank. */
export function commentLines(languageId: string, text: string): string[] {
  return text.split(/\r?\n/).map((line) => (line.trim() ? commentLine(languageId, line) : ''));
}

/** The extension files of `languageId` usually carry (with the dot), or undefined when there is none. */
export function extensionFor(languageId: string): string | undefined {
  return SYNTAX[languageId]?.extension;
}

/**
 * The name the prompt gives a file: an untitled file (a name with no extension) gets its language's
 * extension, so `Untitled-1` in Python reads `Untitled-1.py` and the model knows what it is writing.
 */
export function nameWithLanguage(name: string, languageId: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base.includes('.')) return name;
  const extension = extensionFor(languageId);
  return extension ? name + extension : name;
}
