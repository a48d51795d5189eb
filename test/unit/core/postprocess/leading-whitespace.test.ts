import { normalizeLeadingWhitespace } from '../../../../src/core/postprocess/leading-whitespace';
import { at, runFilterCases, type FilterCase } from './cases';

// A Rust function whose body is indented 8 and 12 spaces, as in the samples.
const RUST = 'impl Board {\n    fn parse(text: &str) -> Board {\n        let width = text.lines().next().map_or(0, str::len);\n'
  + '        for line in text.lines() {\n            let row: Vec<char> = line.chars().collect();\n';

describe('normalizeLeadingWhitespace', () => {
  const cases: FilterCase[] = [
    { name: 'drops indentation the model repeats after the cursor’s own indentation', input: '    return x', ctx: at('def f():\n    '), expected: 'return x' },
    { name: 'drops a space the model repeats after a space', input: ' 42', ctx: at('x = '), expected: '42' },
    { name: 'drops a repeated tab after a tab', input: '\treturn', ctx: at('{\n\t'), expected: 'return' },
    { name: 'completes an indent the user is still typing, and leaves the following lines alone', input: '  if x:\n        y()', ctx: at('    '), expected: '  if x:\n        y()' },
    { name: 'keeps leading whitespace when the cursor is at the start of an empty line', input: '    return x', ctx: at('def f():\n'), expected: '    return x' },
    { name: 'keeps leading whitespace when the cursor follows code', input: ' + 1', ctx: at('x = a'), expected: ' + 1' },
    { name: 'keeps a completion that starts with a newline', input: '\n    y', ctx: at('x = 1 '), expected: '\n    y' },
    // The samples: the model goes on with the indent being typed, and that is what shows.
    { name: 'keeps the six spaces that finish an 8-space indent after two typed', input: '      let mut cells = Vec::new();', ctx: at('impl Board {\n    fn parse(text: &str) -> Board {\n  '), expected: '      let mut cells = Vec::new();' },
    { name: 'keeps the seven spaces that finish a 12-space indent after five typed', input: '       if row.len() != width {', ctx: at(`${RUST}     `), expected: '       if row.len() != width {' },
    { name: 'keeps the six spaces that finish a 12-space indent after six typed', input: '      move = parse_line(line)', ctx: at(`${RUST}      `), expected: '      move = parse_line(line)' },
    { name: 'keeps an indent twice the typed one when it is one step deeper than the line above', input: '    x = 1', ctx: at('def f():\n    if y:\n    '), expected: '    x = 1' },
    { name: 'keeps an indent twice the typed one when the line below has it', input: '  .sort()', ctx: at('const a = list\n  ', '\n    .map(f);'), expected: '  .sort()' },
    { name: 'keeps an indent the model repeats when neither it nor twice it fits the code around', input: '      return y', ctx: at('def f():\n      '), expected: '      return y' },
  ];
  runFilterCases(normalizeLeadingWhitespace, cases);
});
