"""Settings shared by every test: stable snapshots, no user config, a fixed clock."""

from __future__ import annotations

import os
from pathlib import Path

from pytest_textual_snapshot import SVGImageExtension

# Animations and the blinking cursor make screenshots differ from run to run.
os.environ["TEXTUAL_ANIMATIONS"] = "none"
# The system time zone a portfolio without one follows, the same on every machine.
os.environ["TZ"] = "UTC"
os.environ.pop("NEGTUI_DATA", None)
os.environ.pop("NEGTUI_CONFIG", None)

SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "snapshots"


def _snapshot_dirname(cls: type, *, test_location: object) -> str:
    # Accepted SVGs live in the top-level snapshots/ folder, one folder per test module.
    return str(SNAPSHOT_DIR / test_location.basename)  # type: ignore[attr-defined]


SVGImageExtension.dirname = classmethod(_snapshot_dirname)  # type: ignore[method-assign,assignment]
