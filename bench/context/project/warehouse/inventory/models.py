from dataclasses import dataclass, field


@dataclass
class Supplier:
    code: str
    name: str
    lead_time_days: int
    minimum_order_quantity: int
    unit_cost_cents: int


@dataclass
class StockItem:
    sku: str
    description: str
    quantity_on_hand: int
    reorder_threshold: int
    supplier_code: str
    reserved_quantity: int = 0
    tags: list[str] = field(default_factory=list)

    def available_quantity(self) -> int:
        return self.quantity_on_hand - self.reserved_quantity


@dataclass
class PurchaseOrder:
    supplier: Supplier
    sku: str
    quantity: int
    expected_in_days: int
