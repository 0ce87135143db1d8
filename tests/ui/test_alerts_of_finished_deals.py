"""The Portfolio's alerts leave out what a finished deal left undone: once a deal is closed
or walked away from, its old checkpoints are no longer overdue."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.widgets import OptionList

from negtui.domain.vocab import DealStatus
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def shown_alerts(app: NegtuiApp) -> list[str]:
    """Each alert as one line of text, however its prompt is laid out."""
    box = app.screen.query_one("#alerts", OptionList)
    shown = []
    for index in range(box.option_count):
        console = Console(width=500, file=io.StringIO(), record=True)
        console.print(box.get_option_at_index(index).prompt)
        shown.append(console.export_text().strip())
    return shown


async def test_a_closed_deal_has_no_overdue_alert(demo_folder: Path,
                                                 make_app: AppMaker) -> None:
    store = Store(demo_folder)
    harbor = next(b for b in store.load().books.values() if b.deal.name.startswith("Harbor"))
    name = harbor.deal.name
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, PortfolioScreen)
        await until(pilot, lambda: any(line.startswith("overdue: ") and name in line
                                       for line in shown_alerts(app)))
    store.save_deal(harbor.deal.model_copy(update={"status": DealStatus.CLOSED}), harbor.deal)
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        await until(pilot, lambda: bool(shown_alerts(app)))
        assert not [a for a in screen.alerts if a.kind == "overdue" and a.deal_id == harbor.id]
        assert not any(line.startswith("overdue: ") and name in line
                       for line in shown_alerts(app))
