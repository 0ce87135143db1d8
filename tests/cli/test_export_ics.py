"""negtui export ics: the whole portfolio or one deal, to a file or stdout, and refusals."""

from __future__ import annotations

import pytest
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
    assert "no deal matches “nobody”" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_missing_folder_is_refused(cli):
    result = cli.run("export", "ics", "--data", str(cli.base / "nothing-here"))
    assert result.returncode == 2, str(result)
    assert "holds no portfolio yet" in result.stderr


DEADLINE_KINDS = {"signing", "offer expiry", "renewal", "decision deadline",
                  "fallback deadline", "checkpoint"}


def _kind(event) -> str:
    return event["CATEGORIES"].to_ical().decode()


def test_the_demo_calendar_reads_the_same_in_two_independent_readers(cli, demo_folder):
    import ics

    target = cli.base / "all.ics"
    cli.ok("--data", str(demo_folder), "export", "ics", "-o", str(target))
    text = target.read_text(encoding="utf-8")

    events = Calendar.from_ical(text).walk("VEVENT")
    assert len(events) > 30
    kinds_seen = {_kind(event) for event in events}
    assert kinds_seen >= DEADLINE_KINDS
    for event in events:
        summary = str(event["SUMMARY"])
        assert "DTEND" in event or "DURATION" in event, summary
        assert {"DTSTAMP", "LAST-MODIFIED", "SEQUENCE"} <= set(event), summary
        if _kind(event) in DEADLINE_KINDS and "Done." not in str(event["DESCRIPTION"]):
            (alarm,) = event.walk("VALARM")
            assert str(alarm["ACTION"]) == "DISPLAY", summary
            assert str(alarm["DESCRIPTION"]).strip(), summary

    # The second reader finds the same events, each with an end, and the same alarms.
    other = ics.Calendar(text)
    assert {e.uid for e in other.events} == {str(e["UID"]) for e in events}
    ringing = {str(e["UID"]) for e in events if e.walk("VALARM")}
    assert {e.uid for e in other.events if e.alarms} == ringing
    for event in other.events:
        assert event.has_end(), event.name
        assert event.end > event.begin or event.all_day, event.name


def _move_milestone(folder, title: str, days: int) -> str:
    """Move a milestone as the app does, through the use case that saves it."""
    from datetime import timedelta

    from negtui.actions.records import save_records
    from negtui.store import Store

    store = Store(folder).open()
    for book in store.load().books.values():
        for milestone in book.milestones:
            if milestone.title == title:
                save_records(store, book.id, milestone.model_copy(
                    update={"due": milestone.due + timedelta(days=days)}))
                return f"milestone-{book.id}-{milestone.id}@negtui"
    raise AssertionError(f"no milestone {title!r} in the demo")


def _sequences(text: str) -> dict[str, int]:
    return {str(e["UID"]): int(e["SEQUENCE"]) for e in Calendar.from_ical(text).walk("VEVENT")}


def test_a_moved_milestone_comes_out_with_a_higher_sequence(cli, demo_folder):
    first = _sequences(cli.ok("--data", str(demo_folder), "export", "ics").stdout)
    moved = _move_milestone(demo_folder, "Signature", 2)
    second = _sequences(cli.ok("--data", str(demo_folder), "export", "ics").stdout)
    assert second[moved] > first[moved]
    assert {u: s for u, s in second.items() if u != moved} == \
        {u: s for u, s in first.items() if u != moved}


def test_a_broken_ledger_is_named_and_left_alone(cli, demo_folder):
    ledger = demo_folder / "calendar-ledger.json"
    ledger.write_text("{broken", encoding="utf-8")
    target = cli.base / "never.ics"
    result = cli.run("--data", str(demo_folder), "export", "ics", "-o", str(target))
    assert result.returncode == 1, str(result)
    assert str(ledger) in result.stderr and "is not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr
    assert ledger.read_text(encoding="utf-8") == "{broken"
    assert not target.exists()


def _khal(cli, khal: str, config, *args: str) -> str:
    import subprocess

    done = subprocess.run([khal, "-c", str(config), *args], capture_output=True, text=True,
                          env=cli.env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_khal_imports_every_event_with_its_end_and_takes_an_update(cli, demo_folder):
    """A real calendar application reads the file; needs khal on the machine."""
    import shutil

    khal = shutil.which("khal")
    if khal is None:
        pytest.skip("khal is not installed")
    calendar = cli.base / "khal-calendar"
    calendar.mkdir()
    config = cli.base / "khal.conf"
    config.write_text(
        f"[calendars]\n[[negtui]]\npath = {calendar}\ntype = calendar\n"
        "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\ntimeformat = %H:%M\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {cli.base / 'khal.db'}\n", encoding="utf-8")
    target = cli.base / "all.ics"

    def export_and_import() -> list[list[str]]:
        cli.ok("--data", str(demo_folder), "export", "ics", "-o", str(target))
        _khal(cli, khal, config, "import", "--batch", "-a", "negtui", str(target))
        shown = _khal(cli, khal, config, "list", "--format", "{start}|{end}|{title}",
                      "--day-format", "", "2000-01-01", "36500d")
        # khal lists an event that crosses midnight under both days: count it once.
        return [line.split("|") for line in dict.fromkeys(shown.splitlines()) if line]

    first = export_and_import()
    assert len(first) == len(_sequences(target.read_text("utf-8")))
    timed = [(start, end, title) for start, end, title in first if " " in start]
    assert timed and all(end > start for start, end, _ in timed), timed

    _move_milestone(demo_folder, "Signature", 2)
    second = export_and_import()
    assert len(second) == len(first)
    (before,) = [start for start, _, title in first if title.startswith("Signature")]
    (after,) = [start for start, _, title in second if title.startswith("Signature")]
    assert after > before
