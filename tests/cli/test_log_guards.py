"""negtui log and the guards: warnings on stderr, still logged; --strict refuses."""

from __future__ import annotations

from negtui.cli.common import EXIT_REFUSED


def _northwind(cli, folder):
    (book,) = [b for b in cli.export(folder)["deals"]
               if b["deal"]["name"] == "Northwind data platform"]
    return book


def _warnings(result) -> list[str]:
    return [line for line in result.stderr_lines if line.startswith("negtui log: warning:")]


def test_give_on_non_negotiable_warns_with_rationale_and_still_logs(cli, demo_folder):
    # Harbor's last entry was a give, so the guard on giving twice in a row speaks too.
    result = cli.ok("log", "harbor", "--given", "Fee back to 3,000", "--term", "Monthly fee",
                    "--data", str(demo_folder))
    warnings = _warnings(result)
    assert any("Monthly fee is a non-negotiable" in line
               and "Retainers anchor my minimum monthly income" in line for line in warnings)
    assert any("2 concessions given in a row" in line for line in warnings), result.stderr
    concession_id = result.stdout.strip()
    logged = [c for b in cli.export(demo_folder)["deals"] for c in b["concessions"]
              if c["id"] == concession_id]
    assert len(logged) == 1 and logged[0]["what"] == "Fee back to 3,000"


def test_past_walk_away_warns_and_moves_the_offer_on_the_table(cli, demo_folder):
    result = cli.ok("log", "northwind", "--given", "Accepted net 60", "--term", "Payment",
                    "--position", "60 days", "--data", str(demo_folder))
    assert any("past the walk-away point of Payment terms (45 days)" in line
               for line in _warnings(result)), result.stderr
    book = _northwind(cli, demo_folder)
    (term,) = [t for t in book["terms"] if t["name"] == "Payment terms"]
    assert term["on_table"] == "60 days"
    (logged,) = [c for c in book["concessions"] if c["id"] == result.stdout.strip()]
    assert logged["position"] == "60 days"


def test_received_raises_no_warning(cli, demo_folder):
    result = cli.ok("log", "northwind", "--received", "They accept 760", "--term", "Day rate",
                    "--data", str(demo_folder))
    assert _warnings(result) == []
    assert result.stderr == ""


def test_strict_refuses_with_exit_3_and_writes_nothing(cli, demo_folder):
    before = cli.snapshot(demo_folder)
    result = cli.run("log", "northwind", "--given", "Rate to 690", "--term", "Day rate",
                     "--position", "690", "--strict", "--data", str(demo_folder))
    assert result.returncode == EXIT_REFUSED, str(result)
    assert result.stdout == ""
    warnings = _warnings(result)
    assert any("non-negotiable" in line for line in warnings)
    assert any("690 EUR/day is past the walk-away point of Day rate (700 EUR/day)" in line
               for line in warnings)
    assert "not logged" in result.stderr_lines[-1]
    assert cli.snapshot(demo_folder) == before


def test_strict_logs_when_no_guard_speaks(cli, demo_folder):
    result = cli.ok("log", "northwind", "--received", "Weekly email is enough", "--strict",
                    "--data", str(demo_folder))
    assert result.stderr == ""
    assert any(c["id"] == result.stdout.strip()
               for c in _northwind(cli, demo_folder)["concessions"])


def test_link_to_another_deal(cli, demo_folder, demo_ids):
    result = cli.ok("log", "northwind", "--received", "Rate held for a Harbor extension",
                    "--link", "harbor", "--data", str(demo_folder))
    (logged,) = [c for c in _northwind(cli, demo_folder)["concessions"]
                 if c["id"] == result.stdout.strip()]
    assert logged["linked_deal_id"] == demo_ids["Harbor retainer renewal"]


def test_bad_guard_options_are_usage_errors(cli, demo_folder):
    before = cli.snapshot(demo_folder)
    for extra in (["--position", "690"], ["--link", "northwind"], ["--link", "nothing-like"]):
        result = cli.run("log", "northwind", "--given", "x", *extra, "--data", str(demo_folder))
        assert result.returncode == 2, str(result)
        assert len(result.stderr_lines) == 1, str(result)
    assert cli.snapshot(demo_folder) == before
