"""The app draws on standard error: with standard output sent to a file it still opens
in the terminal, and quits cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.ptyapp import PtyApp

pytestmark = pytest.mark.slow


def test_the_app_opens_with_its_output_sent_to_a_file(demo_folder: Path,
                                                      tmp_path: Path) -> None:
    with open(tmp_path / "out.txt", "wb") as out:
        app = PtyApp(demo_folder, tmp_path, stdout=out.fileno())
        try:
            assert app.wait_for_text(b"Northwind"), app.seen[-2000:]
            app.type(b"\x11")  # ctrl+q
            assert app.ended_within(10.0) == 0
        finally:
            app.close()
