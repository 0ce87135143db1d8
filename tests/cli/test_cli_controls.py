"""Escape sequences in the data never reach the terminal or a document raw.

A concession logged from a script, or a deal renamed in the JSON, may carry ESC, BEL or a
bidi override. Every command prints them as visible marks; the JSON export keeps them
exactly, escaped.
"""

from __future__ import annotations

import html
import json
import re

from icalendar import Calendar

ATTACK = "CLR\x1b[2J\x1b]0;pwned\x07END"
SHOWN = "CLR␛[2J␛]0;pwned␇END"
FLIPPED = "invoice\u202egpj.exe"
# Anything a terminal would act on: C0 controls (newline aside), DEL, C1, bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _rename(cli, folder, write_json, deal: str, name: str, term: str | None = None,
            milestone: str | None = None) -> None:
    """Give a deal (and one of its terms or milestones) a new name through import."""
    document = cli.export(folder)
    (book,) = [b for b in document["deals"] if b["deal"]["name"] == deal]
    book["deal"]["name"] = name
    if term is not None:
        book["terms"][0]["name"] = term
    if milestone is not None:
        book["milestones"][0]["title"] = milestone
    cli.ok("import", "json", str(write_json("renamed.json", document)), "--data", str(folder))


def test_dossier_on_stdout_shows_a_logged_escape_sequence_as_marks(cli, demo_folder):
    cli.ok("log", "north", "--given", ATTACK, "--note", f"{FLIPPED}\x9b31m",
           "--data", str(demo_folder))
    markdown = cli.ok("export", "dossier", "north", "--data", str(demo_folder)).stdout
    assert "\x1b" not in markdown and "\x07" not in markdown
    assert RAW.search(markdown) is None
    # Markdown escapes the brackets; the marks stand where the controls were.
    assert "CLR␛\\[2J␛\\]0;pwned␇END" in markdown
    assert "invoice\\<U+202E\\>gpj.exe\\<U+009B\\>31m" in markdown


def test_html_dossier_escapes_markup_and_controls(cli, demo_folder, demo_ids, write_json):
    _rename(cli, demo_folder, write_json, "Northwind data platform",
            f"<script>alert(1)</script> {ATTACK}")
    page = cli.ok("export", "dossier", demo_ids["Northwind data platform"], "--format", "html",
                  "--data", str(demo_folder)).stdout
    assert RAW.search(page) is None
    assert "<script>" not in page
    assert f"<h1>Dossier: {html.escape('<script>alert(1)</script>')} {SHOWN}</h1>" in page


def test_calendar_carries_marks_not_controls(cli, demo_folder, write_json):
    _rename(cli, demo_folder, write_json, "Northwind data platform", ATTACK,
            milestone=f"Call {FLIPPED}")
    text = cli.ok("export", "ics", "--deal", ATTACK[:3], "--data", str(demo_folder)).stdout
    assert RAW.search(text.replace("\r\n", "\n")) is None
    calendar = Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]) == f"negtui: {SHOWN}"
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert f"Call invoice<U+202E>gpj.exe — {SHOWN}" in summaries


def test_json_export_is_exact_and_escapes_every_control(cli, demo_folder, write_json):
    name = f"{ATTACK} {FLIPPED}\x9b\x7f"
    _rename(cli, demo_folder, write_json, "Northwind data platform", name)
    text = cli.ok("export", "json", "--data", str(demo_folder)).stdout
    assert RAW.search(text) is None
    assert "\\u001b" in text and "\\u202e" in text and "\\u009b" in text
    names = {book["deal"]["name"] for book in json.loads(text)["deals"]}
    assert name in names


def test_messages_on_stderr_show_names_as_marks(cli, demo_folder, write_json):
    _rename(cli, demo_folder, write_json, "Northwind data platform", f"Nor {ATTACK}",
            term=f"Rate {ATTACK}")
    _rename(cli, demo_folder, write_json, "Harbor retainer renewal", f"Nor {FLIPPED}")
    ambiguous = cli.run("log", "nor", "--given", "x", "--data", str(demo_folder))
    assert ambiguous.returncode == 2, str(ambiguous)
    assert RAW.search(ambiguous.stderr) is None
    assert SHOWN in ambiguous.stderr and "invoice<U+202E>gpj.exe" in ambiguous.stderr

    warned = cli.ok("log", "nor-clr", "--given", "x", "--term", "rate-clr",
                    "--data", str(demo_folder))
    assert RAW.search(warned.stderr) is None
    assert f"warning: Rate {SHOWN} is a non-negotiable" in warned.stderr

    written = cli.ok("export", "dossier", "nor-clr", "-o", str(cli.base / "d.md"),
                     "--data", str(demo_folder))
    assert RAW.search(written.stderr) is None
    assert f"dossier of Nor {SHOWN} written to" in written.stderr


def test_check_names_a_file_with_controls_in_its_name_as_marks(cli, demo_folder):
    (demo_folder / "deals" / f"{ATTACK}.json").write_text("{ not json", encoding="utf-8")
    result = cli.run("check", "--data", str(demo_folder))
    assert result.returncode == 1, str(result)
    assert RAW.search(result.stdout + result.stderr) is None
    assert f"{SHOWN}.json" in result.stdout
