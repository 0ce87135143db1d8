"""Shared fixtures for the command-line tests.

Every test runs ``python -m negtui`` in a child process with a scrubbed environment:
HOME and XDG_DATA_HOME point into the test's temporary folder and NEGTUI_DATA is
removed, so nothing can reach the real user data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# Seconds any single command may take before the test fails instead of hanging.
RUN_TIMEOUT = 30

DEMO_NAMES = frozenset({
    "Northwind data platform",
    "Harbor retainer renewal",
    "Atlas pricing study",
    "Meridian analytics extension",
    "Quill content partnership",
    "Lumen onboarding audit",
    "Orchard loyalty pilot",
    "Tidewater platform bid",
})


def clean_env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("NEGTUI_DATA", "NEGTUI_CONFIG", "XDG_DATA_DIRS", "PYTHONSTARTUP"):
        env.pop(name, None)
    home = base / "home"
    data_home = base / "xdg-data"
    home.mkdir(parents=True, exist_ok=True)
    env.update({
        "HOME": str(home),
        "XDG_DATA_HOME": str(data_home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "COLUMNS": "100",
        "PYTHONIOENCODING": "utf-8",
    })
    return env


def run_negtui(args: list[str], env: dict[str, str], cwd: Path,
               timeout: float = RUN_TIMEOUT) -> Result:
    completed = subprocess.run(
        [sys.executable, "-m", "negtui", *args], env=env, cwd=cwd, capture_output=True,
        text=True, encoding="utf-8", timeout=timeout, stdin=subprocess.DEVNULL, check=False,
    )
    return Result(args, completed.returncode, completed.stdout, completed.stderr)


@dataclass
class Result:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def __str__(self) -> str:
        return (f"negtui {' '.join(self.args)} -> exit {self.returncode}\n"
                f"--- stdout ---\n{self.stdout}--- stderr ---\n{self.stderr}")


@dataclass
class Cli:
    """Runs negtui in a sandbox and offers a few ways to look at a data folder."""

    base: Path
    env: dict[str, str] = field(init=False)
    timeout: float = RUN_TIMEOUT

    def __post_init__(self) -> None:
        self.env = clean_env(self.base)

    @property
    def home(self) -> Path:
        return Path(self.env["HOME"])

    @property
    def user_data(self) -> Path:
        """What platformdirs answers for negtui under the sandboxed XDG_DATA_HOME."""
        return Path(self.env["XDG_DATA_HOME"]) / "negtui"

    def run(self, *args: str, env: dict[str, str] | None = None,
            timeout: float = RUN_TIMEOUT) -> Result:
        return run_negtui(list(args), env or self.env, self.base, timeout)

    def ok(self, *args: str, env: dict[str, str] | None = None) -> Result:
        result = self.run(*args, env=env)
        assert result.returncode == 0, str(result)
        return result

    def export(self, folder: Path) -> dict[str, Any]:
        result = self.ok("export", "json", "--data", str(folder))
        document = json.loads(result.stdout)
        assert isinstance(document, dict)
        return document

    @staticmethod
    def deal_files(folder: Path) -> list[Path]:
        return sorted((folder / "deals").glob("*.json"))

    @staticmethod
    def deal_ids(folder: Path) -> dict[str, str]:
        """Deal name -> id, read straight from the deal files."""
        found = {}
        for path in Cli.deal_files(folder):
            tables = json.loads(path.read_text(encoding="utf-8"))
            (deal,) = tables["deal"].values()
            found[deal["name"]] = deal["id"]
        return found

    @staticmethod
    def snapshot(folder: Path) -> dict[str, bytes | None] | None:
        """Every folder (None) and file (its bytes) below ``folder``, lock files aside.

        None when the folder does not exist at all.
        """
        if not folder.exists():
            return None
        seen: dict[str, bytes | None] = {}
        for here, dirs, files in os.walk(folder):
            root = Path(here)
            for name in dirs:
                seen[str((root / name).relative_to(folder)) + "/"] = None
            for name in files:
                if name.endswith(".lock"):
                    continue
                path = root / name
                seen[str(path.relative_to(folder))] = path.read_bytes()
        return seen


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo portfolio written by the real command, copied by ``demo_folder``."""
    base = tmp_path_factory.mktemp("demo-template")
    folder = base / "portfolio"
    result = run_negtui(["demo", "--no-open", "--data", str(folder)], clean_env(base), base)
    assert result.returncode == 0, str(result)
    assert len(Cli.deal_files(folder)) == 8, str(result)
    return folder


@pytest.fixture
def demo_folder(cli: Cli, demo_template: Path) -> Path:
    folder = cli.base / "portfolio"
    shutil.copytree(demo_template, folder, ignore=shutil.ignore_patterns("*.lock"))
    return folder


@pytest.fixture
def demo_ids(demo_folder: Path) -> dict[str, str]:
    ids = Cli.deal_ids(demo_folder)
    assert set(ids) == DEMO_NAMES
    return ids


def deal_document(deals: list[dict[str, Any]]) -> dict[str, Any]:
    """A minimal import document holding ``deals`` (each a DealBook as a dict)."""
    return {"format": "negtui-portfolio", "schema_version": 1, "deals": deals}


@pytest.fixture
def write_json(cli: Cli):
    """Write a JSON value to a file under the sandbox; returns its path."""

    def write(name: str, value: Any) -> Path:
        path = cli.base / name
        path.write_text(json.dumps(value, indent=2), encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_document():
    return deal_document
