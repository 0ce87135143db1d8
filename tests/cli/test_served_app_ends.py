"""An app that `negtui serve` started for a browser ends when the server goes away (its
input closes), instead of lingering on the machine with nobody to see it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.cli.conftest import clean_env

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def test_the_served_app_ends_when_its_input_closes(tmp_path: Path) -> None:
    env = {**clean_env(tmp_path), "TEXTUAL_DRIVER": WEB_DRIVER}
    child = subprocess.Popen([sys.executable, "-m", "negtui", "--data", str(tmp_path / "d")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
    try:
        assert child.stdout is not None and child.stdin is not None
        # The app speaks first (its first frame) once it runs.
        assert child.stdout.read(1)
        child.stdin.close()  # as when the server's end of the pipe goes
        deadline = time.monotonic() + 20
        while child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.poll() is not None, "the app kept running with its input closed"
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
