"""Child process: ``python -m bench.build FOLDER DEALS`` writes the generated portfolio of
``negtui demo --large`` with DEALS deals instead of 200, through the store."""

from __future__ import annotations

import sys

from negtui.demo import large_portfolio
from negtui.domain.clock import system_clock
from negtui.store import Store


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    store = Store(argv[0], system_clock).open()
    settings, books = large_portfolio(system_clock, int(argv[1]))
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
