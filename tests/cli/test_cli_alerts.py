"""negtui alerts: the Portfolio's alerts for a morning digest, as lines or JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from negtui.domain.clock import system_clock
from negtui.domain.models import Deal, Milestone
from negtui.store import Store


def book_named(folder: Path, start: str):
    return next(b for b in Store(folder).load().books.values() if b.deal.name.startswith(start))


def alerts_json(cli, folder: Path, *extra: str) -> list[dict]:
    result = cli.ok("alerts", "--json", "--data", str(folder), *extra)
    document = json.loads(result.stdout)
    assert isinstance(document, list)
    return document


def test_json_lists_the_overdue_checkpoint_the_term_deadlines_and_weekly_capacity(
        cli, demo_folder):
    found = alerts_json(cli, demo_folder)
    for alert in found:
        assert {"kind", "deal_id", "deal", "message", "when", "deals"} <= set(alert)
    now = datetime.now().astimezone()
    harbor = book_named(demo_folder, "Harbor")
    late = next(m for m in harbor.milestones if not m.done and m.due < now)
    overdue = [a for a in found if a["kind"] == "overdue"]
    assert [(a["deal_id"], a["deal"], datetime.fromisoformat(a["when"])) for a in overdue] == [
        (harbor.id, harbor.deal.name, late.due)]
    assert late.title in overdue[0]["message"]

    northwind = book_named(demo_folder, "Northwind")
    terms = {t.name: t for t in northwind.terms}
    deadlines = {terms["Day rate"].offer_expires, terms["Day rate"].fallback.decide_by,
                 terms["Payment terms"].fallback.decide_by}
    decisions = {datetime.fromisoformat(a["when"]): a for a in found
                 if a["kind"] == "decision due"}
    assert deadlines <= set(decisions)
    assert all(decisions[d]["deal_id"] == northwind.id for d in deadlines)

    capacity = [a for a in found if a["kind"] == "capacity"]
    assert capacity
    for alert in capacity:
        monday = datetime.fromisoformat(alert["when"]).date()
        assert monday.weekday() == 0
        assert alert["message"].startswith(f"wk {monday.isocalendar().week} ")
        assert alert["deal_id"] is None and alert["deals"]


def test_lines_are_the_same_alerts_as_the_json(cli, demo_folder):
    found = alerts_json(cli, demo_folder)
    lines = cli.ok("alerts", "--data", str(demo_folder)).stdout.splitlines()
    assert lines == [f"{a['kind']}: {a['message']}" for a in found]


def test_one_deal_shows_every_alert_naming_it(cli, demo_folder, demo_ids):
    everything = alerts_json(cli, demo_folder)
    harbor = demo_ids["Harbor retainer renewal"]
    only = alerts_json(cli, demo_folder, "--deal", "harbor ret")
    assert only == [a for a in everything if harbor in {d["id"] for d in a["deals"]}]
    assert {a["kind"] for a in only} >= {"overdue", "capacity", "clash"}


def test_no_alerts_is_no_output_and_success(cli):
    folder = cli.base / "calm"
    store = Store(folder, system_clock).open()
    store.create_deal(Deal(id="d-calm", name="Calm deal", status="active", hours_per_week=5))
    result = cli.ok("alerts", "--data", str(folder))
    assert result.stdout == "" and result.stderr == ""
    assert alerts_json(cli, folder) == []


def test_a_closed_deal_s_leftover_milestones_are_not_overdue(cli):
    folder = cli.base / "finished"
    store = Store(folder, system_clock).open()
    late = datetime.now().astimezone() - timedelta(days=2)
    for deal_id, name, status in (("d-done", "Done deal", "closed"),
                                  ("d-gone", "Gone deal", "walked away"),
                                  ("d-live", "Live deal", "negotiating")):
        store.create_deal(Deal(id=deal_id, name=name, status=status))
        store.put(deal_id, Milestone(id=f"m-{deal_id}", kind="checkpoint", title="Late",
                                     due=late))
    lines = cli.ok("alerts", "--data", str(folder)).stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("overdue: ") and "Live deal" in lines[0]
    assert alerts_json(cli, folder, "--deal", "done deal") == []


def test_a_name_with_control_characters_stays_on_one_line(cli):
    folder = cli.base / "odd"
    store = Store(folder, system_clock).open()
    store.create_deal(Deal(id="d-odd", name="Odd\nname\x1b[2J"))
    store.put("d-odd", Milestone(id="m-late", kind="checkpoint", title="Late",
                                 due=datetime.now().astimezone() - timedelta(days=2)))
    (line,) = cli.ok("alerts", "--data", str(folder)).stdout.splitlines()
    assert "Odd\\nname\\x1b[2J" in line and "\x1b" not in line
    (alert,) = alerts_json(cli, folder)
    assert alert["deal"] == "Odd\nname\x1b[2J"


def test_an_unknown_deal_is_refused(cli, demo_folder):
    result = cli.run("alerts", "--deal", "nobody", "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert result.stdout == ""
    assert "no deal matches “nobody”" in result.stderr and "Traceback" not in result.stderr


def test_a_blank_deal_is_refused(cli, demo_folder):
    result = cli.run("alerts", "--deal", " ", "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "no deal given" in result.stderr


def test_a_missing_folder_is_refused(cli):
    result = cli.run("alerts", "--data", str(cli.base / "nothing-here"))
    assert result.returncode == 2, str(result)
    assert "holds no portfolio yet" in result.stderr
