"""negtui export ics: the whole portfolio or one deal, to a file or stdout, and refusals."""

from __future__ import annotations

from icalendar import Calendar


def _uids(text: str) -> set[str]:
    return {str(event["UID"]) for event in Calendar.from_ical(text).walk("VEVENT")}


def test_export_of_one_deal_to_a_file(cli, demo_folder, demo_ids):
    target = cli.base / "northwind.ics"
    result = cli.ok("--data", str(demo_folder), "export", "ics", "--deal", "northwind",
                    "-o", str(target))
    assert result.stdout == ""
    calendar = Calendar.from_ical(target.read_text(encoding="utf-8"))
    assert str(calendar["X-WR-CALNAME"]) == "negtui: Northwind data platform"
    events = calendar.walk("VEVENT")
    northwind = demo_ids["Northwind data platform"]
    assert events and all(northwind in str(e["UID"]) for e in events)
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Third call with procurement — Northwind data platform" in summaries
    # Dates read from the terms and the deal come along.
    assert "Decide on fallback: Day rate — Northwind data platform" in summaries
    assert "Deal starts — Northwind data platform" in summaries
    call = next(e for e in events if str(e["SUMMARY"]).startswith("Third call"))
    assert call.decoded("DURATION").total_seconds() == 45 * 60
    assert call.walk("VALARM")[0].decoded("TRIGGER").total_seconds() == -30 * 60


def test_export_of_everything_to_stdout_keeps_its_uids(cli, demo_folder, demo_ids):
    first = cli.ok("export", "ics", "--data", str(demo_folder)).stdout
    second = cli.ok("export", "ics", "-o", "-", "--data", str(demo_folder)).stdout
    assert first.startswith("BEGIN:VCALENDAR")
    assert _uids(first) == _uids(second)
    deals_seen = {uid.split("-d-")[1].split("-")[0] for uid in _uids(first)}
    assert len(deals_seen) >= 6


def test_unknown_deal_is_refused_and_nothing_written(cli, demo_folder):
    target = cli.base / "never.ics"
    result = cli.run("export", "ics", "--deal", "nobody", "-o", str(target),
                     "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "no deal matches 'nobody'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_missing_folder_is_refused(cli):
    result = cli.run("export", "ics", "--data", str(cli.base / "nothing-here"))
    assert result.returncode == 2, str(result)
    assert "holds no portfolio yet" in result.stderr
