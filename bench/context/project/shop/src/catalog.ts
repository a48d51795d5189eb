import type { Money } from './money';
import type { TaxCategory } from './tax';

export interface Product {
  sku: string;
  title: string;
  unitPrice: Money;
  taxCategory: TaxCategory;
  discontinued: boolean;
}

export class UnknownSkuError extends Error {
  constructor(readonly sku: string) {
    super(`no product with SKU ${sku}`);
  }
}

export class Catalog {
  private readonly productsBySku = new Map<string, Product>();

  register(product: Product): void {
    this.productsBySku.set(product.sku, product);
  }

  lookupSku(sku: string): Product {
    const product = this.productsBySku.get(sku);
    if (!product) throw new UnknownSkuError(sku);
    return product;
  }

  activeProducts(): Product[] {
    return [...this.productsBySku.values()].filter((product) => !product.discontinued);
  }
}
