export type CurrencyCode = 'EUR' | 'USD' | 'GBP';

export interface Money {
  amountCents: number;
  currency: CurrencyCode;
}

export function zeroMoney(currency: CurrencyCode): Money {
  return { amountCents: 0, currency };
}

export function addMoney(left: Money, right: Money): Money {
  if (left.currency !== right.currency) throw new CurrencyMismatchError(left.currency, right.currency);
  return { amountCents: left.amountCents + right.amountCents, currency: left.currency };
}

export function multiplyMoney(value: Money, factor: number): Money {
  return { amountCents: Math.round(value.amountCents * factor), currency: value.currency };
}

export function formatMoney(value: Money): string {
  return `${(value.amountCents / 100).toFixed(2)} ${value.currency}`;
}

export class CurrencyMismatchError extends Error {
  constructor(readonly expected: CurrencyCode, readonly actual: CurrencyCode) {
    super(`expected ${expected}, got ${actual}`);
  }
}
