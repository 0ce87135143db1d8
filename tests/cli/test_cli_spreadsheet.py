"""Terms and deals from a spreadsheet saved as CSV, and the term table back out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.cli.conftest import Cli


def _terms(cli: Cli, folder: Path, deal: str) -> list[dict[str, str]]:
    text = cli.ok("export", "csv", "terms", "--deal", deal, "--data", str(folder)).stdout
    return list(csv.DictReader(io.StringIO(text)))


def test_the_term_table_goes_out_and_comes_back_the_same(cli: Cli, demo_folder: Path) -> None:
    out = cli.base / "northwind.csv"
    cli.ok("export", "csv", "terms", "--deal", "Northwind", "-o", str(out),
           "--data", str(demo_folder))
    before = _terms(cli, demo_folder, "Northwind")
    assert len(before) >= 3 and "Walk-away" in before[0] and "Impact on deal" in before[0]
    harbor = {row["Term"] for row in _terms(cli, demo_folder, "Harbor")}
    result = cli.ok("import", "csv", "terms", str(out), "--deal", "Harbor",
                    "--data", str(demo_folder))
    assert "imported" in result.stderr
    after = {row["Term"]: row for row in _terms(cli, demo_folder, "Harbor")}
    for row in before:
        assert after[row["Term"]] == row
    assert set(after) == harbor | {row["Term"] for row in before}


def test_what_a_spreadsheet_saves_is_read(cli: Cli, demo_folder: Path) -> None:
    source = cli.base / "excel.csv"
    text = ("TERM;impact on DEAL;Impact on portfolio (1-10);Walk-away;Must-have;Options\r\n"
            "Liability cap;9;8;2x fees;yes;\r\n"
            '"Notice; period";3;2;"30 days";no;"60 days | 30 days"\r\n')
    source.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    cli.ok("import", "csv", "terms", str(source), "--deal", "Atlas", "--data", str(demo_folder))
    rows = {row["Term"]: row for row in _terms(cli, demo_folder, "Atlas")}
    assert rows["Liability cap"]["Impact on deal"] == "9"
    assert rows["Liability cap"]["Must-have"] == "yes"
    assert rows["Liability cap"]["Walk-away"] == "2x fees"
    assert rows["Notice; period"]["Options"].splitlines() == ["60 days", "30 days"]


def test_one_bad_cell_refuses_the_file_with_its_row_and_column(cli: Cli,
                                                              demo_folder: Path) -> None:
    source = cli.base / "bad.csv"
    source.write_text("Term,Impact on deal,Status\nLiability cap,9,open\n"
                      "Notice period,eleven,open\nIP,3,haggling\n", encoding="utf-8")
    before = Cli.snapshot(demo_folder)
    result = cli.run("import", "csv", "terms", str(source), "--deal", "Atlas",
                     "--data", str(demo_folder))
    assert result.returncode == 2, str(result)
    assert "row 3, column B (Impact on deal)" in result.stderr
    assert "row 4, column C (Status)" in result.stderr
    assert "nothing written" in result.stderr
    assert Cli.snapshot(demo_folder) == before


def test_an_unknown_header_is_named(cli: Cli, demo_folder: Path) -> None:
    source = cli.base / "bad.csv"
    source.write_text("Term,Colour\nLiability cap,red\n", encoding="utf-8")
    result = cli.run("import", "csv", "terms", str(source), "--deal", "Atlas",
                     "--data", str(demo_folder))
    assert result.returncode == 2
    assert "row 1, column B (Colour)" in result.stderr


def test_a_dry_run_shows_the_terms_and_writes_nothing(cli: Cli, demo_folder: Path) -> None:
    source = cli.base / "terms.csv"
    source.write_text("Term,Impact on deal\nLiability cap,9\nDay rate,4\n", encoding="utf-8")
    before = Cli.snapshot(demo_folder)
    result = cli.ok("import", "csv", "terms", str(source), "--deal", "Northwind",
                    "--dry-run", "--data", str(demo_folder))
    assert "would add: Liability cap (row 2)" in result.stdout
    assert "would update: Day rate (row 3)" in result.stdout
    assert Cli.snapshot(demo_folder) == before


def test_a_term_of_the_same_name_is_updated_in_the_columns_given(cli: Cli,
                                                                 demo_folder: Path) -> None:
    before = {row["Term"]: row for row in _terms(cli, demo_folder, "Northwind")}
    source = cli.base / "terms.csv"
    source.write_text("term,walk-away\nDay rate,650 EUR\n", encoding="utf-8")
    cli.ok("import", "csv", "terms", str(source), "--deal", "Northwind",
           "--data", str(demo_folder))
    after = {row["Term"]: row for row in _terms(cli, demo_folder, "Northwind")}
    assert set(after) == set(before)
    assert after["Day rate"] == {**before["Day rate"], "Walk-away": "650 EUR"}


def test_deals_come_in_from_a_spreadsheet(cli: Cli) -> None:
    folder = cli.base / "fresh"
    source = cli.base / "deals.csv"
    source.write_text("Deal;Counterparty;Status;Value;Starts\r\n"
                      "Orion audit;Orion GmbH;prospect;12000;2027-02-01\r\n"
                      "Vega retainer;Vega Ltd;Negotiating;;\r\n", encoding="utf-8")
    cli.ok("import", "csv", "deals", str(source), "--data", str(folder))
    assert set(Cli.deal_ids(folder)) == {"Orion audit", "Vega retainer"}
    text = cli.ok("export", "csv", "deals", "--data", str(folder)).stdout
    rows = {row["Deal"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["Vega retainer"]["Status"] == "negotiating"
    assert rows["Orion audit"]["Starts"] == "2027-02-01"
    again = cli.run("import", "csv", "deals", str(source), "--data", str(folder))
    assert again.returncode == 2 and "row 2, column A (Deal)" in again.stderr


def test_a_csv_file_starts_with_a_byte_order_mark_a_pipe_does_not(cli: Cli,
                                                                 demo_folder: Path) -> None:
    """Excel reads a CSV file without a byte order mark in the local code page, so an é
    or a € comes out garbled; a file gets one. What is piped to another tool does not,
    unless asked for; ``--no-bom`` leaves it out of a file."""
    folder = str(demo_folder)
    cli.ok("import", "csv", "deals", str(_deals_file(cli)), "--data", folder)
    for kind, deal in (("terms", ["--deal", "Northwind"]), ("deals", [])):
        out = cli.base / f"{kind}.csv"
        cli.ok("export", "csv", kind, *deal, "-o", str(out), "--data", folder)
        data = out.read_bytes()
        assert data.startswith("\ufeff".encode())
        piped = cli.ok("export", "csv", kind, *deal, "--data", folder).stdout
        assert not piped.startswith("\ufeff")
        assert data.decode("utf-8-sig").replace("\r\n", "\n") == piped
        forced = cli.ok("export", "csv", kind, *deal, "--bom", "--data", folder).stdout
        assert forced == "\ufeff" + piped
        cli.ok("export", "csv", kind, *deal, "--no-bom", "-o", str(out), "--data", folder)
        assert out.read_text(encoding="utf-8") == piped
    assert "Señora Álvarez" in piped
    # What was written with the mark reads back unchanged.
    result = cli.ok("import", "csv", "terms", str(cli.base / "terms.csv"), "--deal", "Harbor",
                    "--data", folder, "--dry-run")
    assert "Traceback" not in result.stderr


def _deals_file(cli: Cli) -> Path:
    source = cli.base / "new-deals.csv"
    source.write_text("Deal;Counterparty\nSeñora Álvarez studio;Álvarez & Co\n",
                      encoding="utf-8")
    return source
