import { multiplyMoney, type Money } from './money';

export type TaxCategory = 'standard' | 'reduced' | 'exempt';

export const VAT_RATES: Record<TaxCategory, number> = {
  standard: 0.2,
  reduced: 0.055,
  exempt: 0,
};

export function vatFor(price: Money, category: TaxCategory): Money {
  return multiplyMoney(price, VAT_RATES[category]);
}
