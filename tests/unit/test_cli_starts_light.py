"""Asking the command line for its help or version answers at once: it loads neither the
models' validator library nor the screen toolkit, which cost most of a start."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pydantic", "textual", "tinydb")
# Run as ``python -m negtui ARGS`` is, then list what the process had loaded.
PROBE = """
import json, runpy, sys
sys.argv = ["negtui", *json.loads(sys.argv[1])]
try:
    runpy.run_module("negtui", run_name="__main__", alter_sys=True)
except SystemExit as stop:
    code = stop.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(argv: list[str]) -> tuple[str, int, set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv)],
                          capture_output=True, text=True, timeout=60, check=False)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, report["code"], {name.split(".")[0] for name in report["modules"]}


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["log", "--help"],
                                  ["export", "--help"], ["demo", "--help"]], ids=" ".join)
def test_help_and_version_load_no_heavy_library(argv: list[str]) -> None:
    out, code, loaded = _run(argv)
    assert code == 0
    assert "negtui" in out
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_help_still_lists_every_command() -> None:
    out, code, _ = _run(["--help"])
    assert code == 0
    for command in ("demo", "log", "export", "import", "check", "alerts", "serve", "keys",
                    "config", "sync"):
        assert command in out
