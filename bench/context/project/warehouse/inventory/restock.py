from inventory.config import DEMAND_WINDOW_DAYS, MAX_ORDER_BATCH, SAFETY_STOCK_DAYS
from inventory.models import PurchaseOrder, StockItem
from inventory.suppliers import find_supplier, order_cost_cents


def average_daily_demand(demand_history: list[int]) -> float:
    recent = demand_history[-DEMAND_WINDOW_DAYS:]
    return sum(recent) / max(len(recent), 1)


def needs_restock(item: StockItem, daily_demand: float) -> bool:
    supplier = find_supplier(item.supplier_code)
    expected_use = daily_demand * (supplier.lead_time_days + SAFETY_STOCK_DAYS)
    return item.available_quantity() - expected_use < item.reorder_threshold


def plan_restock(items: list[StockItem], demand: dict[str, list[int]]) -> list[PurchaseOrder]:
    orders = []
    for item in items:
        daily_demand = average_daily_demand(demand.get(item.sku, []))
        if not needs_restock(item, daily_demand):
            continue
        supplier = find_supplier(item.supplier_code)
        shortfall = item.reorder_threshold + daily_demand * supplier.lead_time_days - item.available_quantity()
        quantity = min(max(int(shortfall), supplier.minimum_order_quantity), MAX_ORDER_BATCH)
        orders.append(PurchaseOrder(supplier=supplier, sku=item.sku, quantity=quantity, expected_in_days=supplier.lead_time_days))
    return orders


def total_order_cost_cents(orders: list[PurchaseOrder]) -> int:
    return sum(order_cost_cents(order.supplier, order.quantity) for order in orders)
