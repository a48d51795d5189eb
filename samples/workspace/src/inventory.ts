// A small in-memory inventory: type below the last function and watch the ghost text.

export interface Item {
  name: string;
  quantity: number;
  price: number;
}

export function totalValue(items: Item[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.price, 0);
}

export function findByName(items: Item[], name: string): Item | undefined {
  return items.find((item) => item.name === name);
}

export function 