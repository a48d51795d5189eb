"""Summary statistics for the numeric columns of a CSV file."""

import argparse
import csv
import math
import sys
from dataclasses import dataclass, field


@dataclass
class ColumnStats:
    name: str
    values: list = field(default_factory=list)
    missing: int = 0

    def add(self, raw):
        raw = raw.strip()
        if raw == "":
            self.missing += 1
            return
        try:
            self.values.append(float(raw))
        except ValueError:
            self.missing += 1

    @property
    def count(self):
        return len(self.values)

    def mean(self):
        if not self.values:
            return math.nan
        return sum(self.values) / len(self.values)

    def stdev(self):
        if len(self.values) < 2:
            return math.nan
        mean = self.mean()
        variance = sum((value - mean) ** 2 for value in self.values) / (len(self.values) - 1)
        return math.sqrt(variance)

    def median(self):
        return self.percentile(50)

    def percentile(self, percent):
        if not self.values:
            return math.nan
        ordered = sorted(self.values)
        position = (len(ordered) - 1) * percent / 100
        lower = math.floor(position)
        upper = math.ceil(position)
        if lower == upper:
            return ordered[int(position)]
        weight = position - lower
        return ordered[lower] * (1 - weight) + ordered[upper] * weight


def read_columns(path, delimiter=","):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        columns = {name: ColumnStats(name) for name in reader.fieldnames or []}
        for row in reader:
            for name, stats in columns.items():
                stats.add(row.get(name) or "")
    return [stats for stats in columns.values() if stats.count > 0]


def format_number(value):
    if math.isnan(value):
        return "-"
    if abs(value) >= 1000 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.3f}"


def print_table(columns, out=sys.stdout):
    headers = ["column", "count", "missing", "mean", "stdev", "min", "median", "max"]
    rows = []
    for stats in columns:
        rows.append([
            stats.name,
            str(stats.count),
            str(stats.missing),
            format_number(stats.mean()),
            format_number(stats.stdev()),
            format_number(min(stats.values)),
            format_number(stats.median()),
            format_number(max(stats.values)),
        ])
    widths = [max(len(row[i]) for row in [headers] + rows) for i in range(len(headers))]
    for row in [headers] + rows:
        cells = [cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))]
        print("  ".join(cells), file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", help="the CSV file to read")
    parser.add_argument("--delimiter", default=",", help="field separator (default: comma)")
    args = parser.parse_args(argv)
    try:
        columns = read_columns(args.path, args.delimiter)
    except FileNotFoundError:
        print(f"error: no such file: {args.path}", file=sys.stderr)
        return 1
    if not columns:
        print("no numeric columns found", file=sys.stderr)
        return 1
    print_table(columns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
