"""A tiny command-line todo list stored in a JSON file."""

import argparse
import json
import os
import sys
from datetime import date, datetime

DEFAULT_PATH = os.path.expanduser("~/.todo.json")


class TodoList:
    def __init__(self, path=DEFAULT_PATH):
        self.path = path
        self.items = []
        self.load()

    def load(self):
        if not os.path.exists(self.path):
            self.items = []
            return
        with open(self.path, encoding="utf-8") as handle:
            self.items = json.load(handle)

    def save(self):
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(self.items, handle, indent=2)
        os.replace(temporary, self.path)

    def add(self, title, due=None):
        item = {
            "id": max((item["id"] for item in self.items), default=0) + 1,
            "title": title,
            "done": False,
            "created": datetime.now().isoformat(timespec="seconds"),
            "due": due,
        }
        self.items.append(item)
        self.save()
        return item

    def find(self, item_id):
        for item in self.items:
            if item["id"] == item_id:
                return item
        raise KeyError(f"no todo with id {item_id}")

    def complete(self, item_id):
        item = self.find(item_id)
        item["done"] = True
        self.save()
        return item

    def remove(self, item_id):
        item = self.find(item_id)
        self.items.remove(item)
        self.save()
        return item

    def pending(self):
        return [item for item in self.items if not item["done"]]

    def overdue(self, today=None):
        today = today or date.today()
        result = []
        for item in self.pending():
            if item["due"] and date.fromisoformat(item["due"]) < today:
                result.append(item)
        return result


def print_items(items):
    if not items:
        print("nothing to do")
        return
    for item in items:
        mark = "x" if item["done"] else " "
        due = f" (due {item['due']})" if item["due"] else ""
        print(f"[{mark}] {item['id']:3d}  {item['title']}{due}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", default=DEFAULT_PATH)
    commands = parser.add_subparsers(dest="command", required=True)

    add = commands.add_parser("add", help="add a todo")
    add.add_argument("title")
    add.add_argument("--due", help="due date as YYYY-MM-DD")

    done = commands.add_parser("done", help="mark a todo as done")
    done.add_argument("id", type=int)

    remove = commands.add_parser("rm", help="remove a todo")
    remove.add_argument("id", type=int)

    commands.add_parser("list", help="list pending todos")
    commands.add_parser("all", help="list every todo")
    commands.add_parser("overdue", help="list overdue todos")

    args = parser.parse_args(argv)
    todos = TodoList(args.file)
    try:
        if args.command == "add":
            item = todos.add(args.title, args.due)
            print(f"added {item['id']}: {item['title']}")
        elif args.command == "done":
            item = todos.complete(args.id)
            print(f"done: {item['title']}")
        elif args.command == "rm":
            item = todos.remove(args.id)
            print(f"removed: {item['title']}")
        elif args.command == "list":
            print_items(todos.pending())
        elif args.command == "all":
            print_items(todos.items)
        elif args.command == "overdue":
            print_items(todos.overdue())
    except KeyError as error:
        print(f"error: {error.args[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
