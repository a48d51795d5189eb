export type Token =
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'operator'; value: string }
  | { kind: 'paren'; value: '(' | ')' }
  | { kind: 'comma' };

export type Expression =
  | { type: 'number'; value: number }
  | { type: 'variable'; name: string }
  | { type: 'unary'; operator: string; operand: Expression }
  | { type: 'binary'; operator: string; left: Expression; right: Expression }
  | { type: 'call'; name: string; args: Expression[] };

export class ParseError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
    this.name = 'ParseError';
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(char)) {
      let end = i;
      while (end < source.length && /[0-9.]/.test(source[end])) {
        end++;
      }
      tokens.push({ kind: 'number', value: Number(source.slice(i, end)) });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      let end = i;
      while (end < source.length && /[A-Za-z0-9_]/.test(source[end])) {
        end++;
      }
      tokens.push({ kind: 'name', value: source.slice(i, end) });
      i = end;
      continue;
    }
    if ('+-*/^%'.includes(char)) {
      tokens.push({ kind: 'operator', value: char });
      i++;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', value: char });
      i++;
      continue;
    }
    if (char === ',') {
      tokens.push({ kind: 'comma' });
      i++;
      continue;
    }
    throw new ParseError(`unexpected character '${char}'`, i);
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '%': 2, '^': 3 };
const RIGHT_ASSOCIATIVE = new Set(['^']);

/** A precedence-climbing parser for arithmetic expressions. */
export class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expression {
    const expression = this.parseExpression(0);
    if (this.position < this.tokens.length) {
      throw new ParseError('unexpected token', this.position);
    }
    return expression;
  }

  private parseExpression(minPrecedence: number): Expression {
    let left = this.parseUnary();
    for (;;) {
      const token = this.tokens[this.position];
      if (!token || token.kind !== 'operator') {
        return left;
      }
      const precedence = PRECEDENCE[token.value];
      if (precedence < minPrecedence) {
        return left;
      }
      this.position++;
      const next = RIGHT_ASSOCIATIVE.has(token.value) ? precedence : precedence + 1;
      const right = this.parseExpression(next);
      left = { type: 'binary', operator: token.value, left, right };
    }
  }

  private parseUnary(): Expression {
    const token = this.tokens[this.position];
    if (token?.kind === 'operator' && token.value === '-') {
      this.position++;
      return { type: 'unary', operator: '-', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expression {
    const token = this.tokens[this.position++];
    if (!token) {
      throw new ParseError('unexpected end of input', this.position);
    }
    switch (token.kind) {
      case 'number':
        return { type: 'number', value: token.value };
      case 'name':
        if (this.tokens[this.position]?.kind === 'paren' && this.tokens[this.position].value === '(') {
          this.position++;
          return { type: 'call', name: token.value, args: this.parseArguments() };
        }
        return { type: 'variable', name: token.value };
      case 'paren':
        if (token.value === '(') {
          const inner = this.parseExpression(0);
          this.expect(')');
          return inner;
        }
        break;
    }
    throw new ParseError('unexpected token', this.position - 1);
  }

  private parseArguments(): Expression[] {
    const args: Expression[] = [];
    if (this.tokens[this.position]?.kind === 'paren' && this.tokens[this.position].value === ')') {
      this.position++;
      return args;
    }
    for (;;) {
      args.push(this.parseExpression(0));
      const token = this.tokens[this.position++];
      if (token?.kind === 'comma') {
        continue;
      }
      if (token?.kind === 'paren' && token.value === ')') {
        return args;
      }
      throw new ParseError("expected ',' or ')'", this.position - 1);
    }
  }

  private expect(value: ')' | '('): void {
    const token = this.tokens[this.position++];
    if (token?.kind !== 'paren' || token.value !== value) {
      throw new ParseError(`expected '${value}'`, this.position - 1);
    }
  }
}

const FUNCTIONS: Record<string, (...args: number[]) => number> = {
  abs: Math.abs,
  max: Math.max,
  min: Math.min,
  sqrt: Math.sqrt,
  round: Math.round,
};

export function evaluate(expression: Expression, variables: Record<string, number> = {}): number {
  switch (expression.type) {
    case 'number':
      return expression.value;
    case 'variable': {
      const value = variables[expression.name];
      if (value === undefined) {
        throw new Error(`unknown variable ${expression.name}`);
      }
      return value;
    }
    case 'unary':
      return -evaluate(expression.operand, variables);
    case 'binary': {
      const left = evaluate(expression.left, variables);
      const right = evaluate(expression.right, variables);
      switch (expression.operator) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return left / right;
        case '%':
          return left % right;
        case '^':
          return left ** right;
      }
      throw new Error(`unknown operator ${expression.operator}`);
    }
    case 'call': {
      const fn = FUNCTIONS[expression.name];
      if (!fn) {
        throw new Error(`unknown function ${expression.name}`);
      }
      return fn(...expression.args.map((arg) => evaluate(arg, variables)));
    }
  }
}

export function calculate(source: string, variables: Record<string, number> = {}): number {
  return evaluate(new Parser(tokenize(source)).parse(), variables);
}
