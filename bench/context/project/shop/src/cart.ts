import { Catalog, type Product } from './catalog';
import { addMoney, formatMoney, multiplyMoney, zeroMoney, type CurrencyCode, type Money } from './money';
import { vatFor, VAT_RATES } from './tax';

export interface CartLine {
  product: Product;
  quantity: number;
}

export class ShoppingCart {
  private readonly lines: CartLine[] = [];

  constructor(private readonly catalog: Catalog, private readonly currency: CurrencyCode) {}

  addItem(sku: string, quantity: number): void {
    const product = this.catalog.lookupSku(sku);
    if (product.discontinued) throw new Error(`${product.title} is discontinued`);
    const existing = this.lines.find((line) => line.product.sku === sku);
    if (existing) existing.quantity += quantity;
    else this.lines.push({ product, quantity });
  }

  subtotal(): Money {
    return this.lines.reduce((total, line) => addMoney(total, multiplyMoney(line.product.unitPrice, line.quantity)), zeroMoney(this.currency));
  }

  vatTotal(): Money {
    return this.lines.reduce((total, line) => addMoney(total, vatFor(multiplyMoney(line.product.unitPrice, line.quantity), line.product.taxCategory)), zeroMoney(this.currency));
  }

  grandTotal(): Money {
    return addMoney(this.subtotal(), this.vatTotal());
  }

  receiptLines(): string[] {
    return this.lines.map((line) => `${line.quantity} x ${line.product.title} @ ${formatMoney(line.product.unitPrice)} (VAT ${VAT_RATES[line.product.taxCategory] * 100}%)`);
  }
}
