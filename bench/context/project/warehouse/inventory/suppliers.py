from inventory.models import Supplier


SUPPLIER_DIRECTORY = {
    "ACME": Supplier(code="ACME", name="Acme Parts", lead_time_days=7, minimum_order_quantity=50, unit_cost_cents=120),
    "NORD": Supplier(code="NORD", name="Nordic Supply", lead_time_days=12, minimum_order_quantity=20, unit_cost_cents=95),
}


class UnknownSupplierError(KeyError):
    pass


def find_supplier(code: str) -> Supplier:
    try:
        return SUPPLIER_DIRECTORY[code]
    except KeyError:
        raise UnknownSupplierError(code)


def order_cost_cents(supplier: Supplier, quantity: int) -> int:
    return supplier.unit_cost_cents * max(quantity, supplier.minimum_order_quantity)
