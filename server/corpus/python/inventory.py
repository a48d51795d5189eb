"""An inventory of products with stock levels, orders and a simple report."""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Dict, List, Optional


class OrderStatus(Enum):
    PENDING = "pending"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


@dataclass
class Product:
    sku: str
    name: str
    price: Decimal
    stock: int = 0
    reorder_level: int = 5

    def needs_reorder(self) -> bool:
        return self.stock <= self.reorder_level


@dataclass
class OrderLine:
    sku: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass
class Order:
    number: int
    customer: str
    lines: List[OrderLine] = field(default_factory=list)
    status: OrderStatus = OrderStatus.PENDING

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0"))


class OutOfStock(Exception):
    def __init__(self, sku: str, wanted: int, available: int):
        super().__init__(f"{sku}: wanted {wanted}, only {available} in stock")
        self.sku = sku
        self.wanted = wanted
        self.available = available


class Inventory:
    def __init__(self):
        self.products: Dict[str, Product] = {}
        self.orders: Dict[int, Order] = {}
        self._next_order = 1

    def add_product(self, product: Product) -> None:
        if product.sku in self.products:
            raise ValueError(f"duplicate sku {product.sku}")
        self.products[product.sku] = product

    def restock(self, sku: str, quantity: int) -> Product:
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        product = self.products[sku]
        product.stock += quantity
        return product

    def place_order(self, customer: str, items: Dict[str, int]) -> Order:
        for sku, quantity in items.items():
            product = self.products.get(sku)
            if product is None:
                raise KeyError(f"unknown sku {sku}")
            if product.stock < quantity:
                raise OutOfStock(sku, quantity, product.stock)
        order = Order(self._next_order, customer)
        self._next_order += 1
        for sku, quantity in items.items():
            product = self.products[sku]
            product.stock -= quantity
            order.lines.append(OrderLine(sku, quantity, product.price))
        self.orders[order.number] = order
        return order

    def cancel_order(self, number: int) -> Order:
        order = self.orders[number]
        if order.status is not OrderStatus.PENDING:
            raise ValueError(f"order {number} is already {order.status.value}")
        for line in order.lines:
            self.products[line.sku].stock += line.quantity
        order.status = OrderStatus.CANCELLED
        return order

    def ship_order(self, number: int) -> Order:
        order = self.orders[number]
        if order.status is not OrderStatus.PENDING:
            raise ValueError(f"order {number} is already {order.status.value}")
        order.status = OrderStatus.SHIPPED
        return order

    def low_stock(self) -> List[Product]:
        return sorted(
            (product for product in self.products.values() if product.needs_reorder()),
            key=lambda product: product.stock,
        )

    def revenue(self, status: Optional[OrderStatus] = OrderStatus.SHIPPED) -> Decimal:
        orders = self.orders.values()
        if status is not None:
            orders = [order for order in orders if order.status is status]
        return sum((order.total for order in orders), Decimal("0"))

    def report(self) -> str:
        lines = ["sku        name                 stock     price"]
        for product in sorted(self.products.values(), key=lambda p: p.sku):
            flag = " !" if product.needs_reorder() else ""
            lines.append(f"{product.sku:<10} {product.name:<20} {product.stock:>5} {product.price:>9}{flag}")
        lines.append(f"revenue: {self.revenue()}")
        return "\n".join(lines)


if __name__ == "__main__":
    inventory = Inventory()
    inventory.add_product(Product("A-100", "Notebook", Decimal("3.50"), stock=40))
    inventory.add_product(Product("B-200", "Pencil", Decimal("0.80"), stock=6))
    order = inventory.place_order("alice", {"A-100": 2, "B-200": 3})
    inventory.ship_order(order.number)
    print(inventory.report())
