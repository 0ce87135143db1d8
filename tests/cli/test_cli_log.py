"""negtui log: what a logged concession looks like in the export."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta

import pytest

ID_PATTERN = re.compile(r"c-[a-z0-9]{8}")


def _logged_id(result) -> str:
    lines = result.stdout.splitlines()
    assert len(lines) == 1, str(result)
    assert ID_PATTERN.fullmatch(lines[0]), str(result)
    return lines[0]


def _find(document, concession_id):
    """The deal and the concession with this id; fails unless there is exactly one."""
    hits = [(book, c) for book in document["deals"] for c in book["concessions"]
            if c["id"] == concession_id]
    assert len(hits) == 1, f"{concession_id} found {len(hits)} times"
    return hits[0]


def _term_id(book, name):
    (term,) = [t for t in book["terms"] if t["name"] == name]
    return term["id"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_log_given_shows_up_in_export(cli, demo_folder, demo_ids, where):
    data = ["--data", str(demo_folder)]
    log = ["log", "northwind", "--given", "net 45 days"]
    started = datetime.now(UTC)
    result = cli.ok(*(data + log if where == "before" else log + data))
    concession_id = _logged_id(result)

    book, concession = _find(cli.export(demo_folder), concession_id)
    assert book["deal"]["id"] == demo_ids["Northwind data platform"]
    assert concession["what"] == "net 45 days"
    assert concession["direction"] == "given"
    assert concession["term_id"] is None
    assert concession["value_us"] is None
    assert concession["value_them"] is None
    assert concession["note"] == ""
    assert concession["deleted"] is False
    moment = datetime.fromisoformat(concession["at"])
    assert moment.tzinfo is not None and moment.utcoffset() is not None, concession["at"]
    assert started - timedelta(seconds=5) <= moment <= datetime.now(UTC) + timedelta(seconds=5)


def test_log_received(cli, demo_folder, demo_ids):
    result = cli.ok("log", "Harbor", "--received", "Uplift of 5% agreed",
                    "--data", str(demo_folder))
    book, concession = _find(cli.export(demo_folder), _logged_id(result))
    assert book["deal"]["id"] == demo_ids["Harbor retainer renewal"]
    assert concession["direction"] == "received"
    assert concession["what"] == "Uplift of 5% agreed"


def test_log_by_deal_id(cli, demo_folder, demo_ids):
    deal_id = demo_ids["Tidewater platform bid"]
    result = cli.ok("log", deal_id, "--given", "Shorter bid validity", "--data", str(demo_folder))
    book, _ = _find(cli.export(demo_folder), _logged_id(result))
    assert book["deal"]["id"] == deal_id


def test_log_term_by_prefix_and_ratings_and_note(cli, demo_folder):
    result = cli.ok("log", "NORTHWIND DATA", "--given", "net 45 instead of net 30",
                    "--term", "payment", "--us", "7", "--them", "3",
                    "--note", "procurement insisted", "--data", str(demo_folder))
    book, concession = _find(cli.export(demo_folder), _logged_id(result))
    assert concession["term_id"] == _term_id(book, "Payment terms")
    assert concession["value_us"] == 7
    assert concession["value_them"] == 3
    assert concession["note"] == "procurement insisted"


def test_log_term_by_exact_id(cli, demo_folder):
    northwind = next(b for b in cli.export(demo_folder)["deals"]
                     if b["deal"]["name"] == "Northwind data platform")
    term_id = _term_id(northwind, "Tooling IP")
    result = cli.ok("log", "north", "--received", "Licence-only IP", "--term", term_id,
                    "--us", "10", "--them", "1", "--data", str(demo_folder))
    _, concession = _find(cli.export(demo_folder), _logged_id(result))
    assert concession["term_id"] == term_id
    assert (concession["value_us"], concession["value_them"]) == (10, 1)


def test_log_leaves_the_other_deals_alone(cli, demo_folder, demo_ids):
    others = [p for p in cli.deal_files(demo_folder)
              if p.stem != demo_ids["Atlas pricing study"]]
    before = {p: p.read_bytes() for p in others}
    cli.ok("log", "atlas", "--given", "Two extra workshops", "--data", str(demo_folder))
    assert {p: p.read_bytes() for p in others} == before


def test_log_twice_keeps_both(cli, demo_folder):
    first = _logged_id(cli.ok("log", "quill", "--given", "one", "--data", str(demo_folder)))
    second = _logged_id(cli.ok("log", "quill", "--given", "two", "--data", str(demo_folder)))
    assert first != second
    document = cli.export(demo_folder)
    assert _find(document, first)[1]["what"] == "one"
    assert _find(document, second)[1]["what"] == "two"


def test_log_uses_negtui_data_when_no_data_option(cli, demo_folder):
    env = {**cli.env, "NEGTUI_DATA": str(demo_folder)}
    result = cli.ok("log", "lumen", "--given", "Fixed fee for phase one", env=env)
    book, _ = _find(cli.export(demo_folder), _logged_id(result))
    assert book["deal"]["name"] == "Lumen onboarding audit"
    assert not (cli.user_data / "portfolio").exists()


def test_data_option_wins_over_negtui_data(cli, demo_folder):
    decoy = cli.base / "decoy"
    env = {**cli.env, "NEGTUI_DATA": str(decoy)}
    result = cli.ok("log", "orchard", "--given", "Pilot extended", "--data", str(demo_folder),
                    env=env)
    _find(cli.export(demo_folder), _logged_id(result))
    assert not decoy.exists()


def test_log_without_data_or_env_uses_user_portfolio(cli, demo_template):
    target = cli.user_data / "portfolio"
    shutil.copytree(demo_template, target, ignore=shutil.ignore_patterns("*.lock"))
    result = cli.ok("log", "meridian", "--given", "Processor-only data clause")
    _find(cli.export(target), _logged_id(result))
