"""``negtui alerts``: the Portfolio's alerts, one a line or as JSON, for a morning digest."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any

from negtui.cli.common import Commands, Context, Parser, require_portfolio


def register(commands: Commands, common: Parser) -> None:
    alerts = commands.add_parser(
        "alerts", parents=[common], help="print the portfolio's alerts",
        description="The alerts the Portfolio shows, most pressing first, one a line: "
                    "overdue items, decisions due, deadline crunches, weeks over capacity, "
                    "clashes between deals, admin load. Exit 0 whether or not there are "
                    "any.")
    alerts.add_argument("--json", action="store_true",
                        help="a JSON list of objects (kind, deal_id, deal, message, when, "
                             "deals)")
    alerts.add_argument("--deal", metavar="DEAL",
                        help="only alerts naming this deal (id or a unique start of its name)")
    alerts.set_defaults(run=run)


def one_line(text: str) -> str:
    """Control characters written as escapes, so each alert stays on its own line and
    nothing typed into a name can drive the terminal."""
    return "".join(char.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(char) == "Cc" else char for char in text)


def run(ctx: Context) -> int:
    from negtui.actions.lookup import find_deal
    from negtui.domain.audit import audit
    from negtui.domain.calendar import CALENDAR_LISTS, CalendarRefused, zone

    require_portfolio(ctx, "alerts")
    # Alerts need each deal, its terms and milestones (dated alerts are calendar items):
    # what a current summary holds, so files with one are not read, and the others only
    # for those lists (a deal's log can be thousands of entries).
    portfolio = ctx.store.load(glance=True, only=CALENDAR_LISTS)
    settings = portfolio.settings
    books = portfolio.books
    alerts = audit(books.values(), settings, ctx.clock().datetime)
    if ctx.args.deal is not None:
        wanted = find_deal(ctx.store, ctx.args.deal, portfolio).id
        alerts = [alert for alert in alerts if wanted in alert.deal_ids]
    try:
        zone(settings.timezone)
    except CalendarRefused as error:
        print(f"negtui alerts: settings: {error}; dates are read in UTC", file=sys.stderr)
    for problem in portfolio.problems:
        print(f"negtui alerts: left out, cannot be read: {problem}", file=sys.stderr)

    def name(deal_id: str) -> str:
        return books[deal_id].deal.name if deal_id in books else deal_id

    if ctx.args.json:
        document: list[dict[str, Any]] = [{
            "kind": alert.kind.value,
            "deal_id": alert.deal_id,
            "deal": name(alert.deal_id) if alert.deal_id is not None else None,
            "message": alert.message,
            "when": alert.when.isoformat() if alert.when is not None else None,
            "deals": [{"id": deal_id, "name": name(deal_id)} for deal_id in alert.deal_ids],
        } for alert in alerts]
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for alert in alerts:
            print(one_line(f"{alert.kind}: {alert.message}"))
    return 0
