"""Stock levels for a small warehouse, read from a CSV export."""
import csv
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Item:
    sku: str
    name: str
    quantity: int
    reorder_level: int
    tags: list[str] = field(default_factory=list)

    def needs_reorder(self) -> bool:
        return self.quantity <= self.reorder_level


class Inventory:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            raise ValueError(f"duplicate sku: {item.sku}")
        self.items[item.sku] = item

    def remove(self, sku: str, count: int) -> int:
        item = self.items[sku]
        taken = min(count, item.quantity)
        item.quantity -= taken
        return taken

    def to_reorder(self) -> list[Item]:
        return [item for item in self.items.values() if item.needs_reorder()]

    def total_units(self) -> int:
        return sum(item.quantity for item in self.items.values())


def load_inventory(path: Path) -> Inventory:
    inventory = Inventory()
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            tags = [tag.strip() for tag in row["tags"].split(";") if tag.strip()]
            inventory.add(Item(row["sku"], row["name"], int(row["quantity"]), int(row["reorder_level"]), tags))
    return inventory


if __name__ == "__main__":
    stock = load_inventory(Path("stock.csv"))
    for item in stock.to_reorder():
        print(f"{item.sku}: {item.name} ({item.quantity} left)")
    print(f"total units: {stock.total_units()}")
