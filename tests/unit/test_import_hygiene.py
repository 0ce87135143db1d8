"""The domain, the store, the use cases and the non-UI commands never load Textual: the
command line stays quick, and the rules stay usable without a screen."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

LAYERS = ["negtui.domain", "negtui.store", "negtui.actions", "negtui.export"]
COMMANDS = [["log", "--help"], ["check"], ["export", "json"], ["export", "ics"], ["alerts"],
            ["alerts", "--json"], ["config", "path"]]


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return set(json.loads(out.splitlines()[-1]))


def _package_modules(package: str) -> list[str]:
    import pkgutil
    from importlib import import_module

    module = import_module(package)
    return [f"{package}.{info.name}" for info in pkgutil.iter_modules(module.__path__)]


@pytest.mark.parametrize("package", LAYERS)
def test_a_layer_below_the_screens_does_not_import_textual(package: str) -> None:
    imports = "\n".join(f"import {name}" for name in [package, *_package_modules(package)])
    loaded = _loaded_after(imports)
    assert not {name for name in loaded if name.split(".")[0] == "textual"}
    assert not {name for name in loaded if name.startswith("negtui.ui")}


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_command_that_draws_nothing_does_not_import_textual(argv: list[str],
                                                             tmp_path: object) -> None:
    code = ("import sys, contextlib, io\nfrom negtui.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), "
            "contextlib.redirect_stderr(io.StringIO()):\n"
            f"    try:\n        main({[*argv, '--data', str(tmp_path)]!r})\n"
            "    except SystemExit:\n        pass")
    loaded = _loaded_after(code)
    assert not {name for name in loaded if name.split(".")[0] == "textual"}
