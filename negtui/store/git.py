"""The ``git`` command, run on a data folder that is its own repository.

Every call names the folder's repository outright (``GIT_DIR`` and ``GIT_WORK_TREE``), so
a repository around the data folder is never used by mistake, and git never stops to ask
for a password: a remote that needs one fails with a message instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

BRANCH = "main"
REMOTE = "origin"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

IGNORE_FILE = ".gitignore"
# Only the portfolio's own records are shared: backups, trash, drafts, locks, temp files,
# exports and what this computer remembers of its syncs stay on it.
IGNORED = """\
# negtui shares only the portfolio and its deals through git.
/*
!/.gitignore
!/portfolio.json
!/deals/
/deals/*
!/deals/*.json
"""


class GitFailed(Exception):
    """A git command failed; the message is one line a person can act on."""


@dataclass(frozen=True)
class Git:
    root: Path

    @property
    def git_dir(self) -> Path:
        return self.root / ".git"

    def is_repository(self) -> bool:
        return (self.git_dir / "HEAD").is_file()

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"GIT_DIR": str(self.git_dir), "GIT_WORK_TREE": str(self.root),
                    "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
                    "GIT_SSH_COMMAND": env.get("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")})
        return env

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True
            ) -> subprocess.CompletedProcess[bytes]:
        try:
            done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=self.root,
                                  env=self.env(), input=stdin, capture_output=True,
                                  check=False)
        except OSError as error:
            raise GitFailed(f"git cannot run in {self.root}: {error.strerror}") from None
        if check and done.returncode != 0:
            raise GitFailed(last_line(done.stderr) or f"git {args[0]} failed")
        return done

    def text(self, *args: str) -> str:
        return self.run(*args).stdout.decode("utf-8", "replace").strip()

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    def revision(self, name: str) -> str | None:
        found = self.run("rev-parse", "-q", "--verify", f"{name}^{{commit}}", check=False)
        return found.stdout.decode().strip() or None if found.returncode == 0 else None

    def config(self, key: str) -> str:
        found = self.run("config", "--get", key, check=False)
        return found.stdout.decode("utf-8", "replace").strip()

    def blobs(self, revision: str | None, paths: list[str]) -> dict[str, bytes | None]:
        """The content of each path at ``revision`` (None where it has no such file)."""
        if revision is None or not paths:
            return dict.fromkeys(paths)
        request = "".join(f"{revision}:{path}\n" for path in paths).encode()
        out = self.run("cat-file", "--batch", stdin=request).stdout
        found: dict[str, bytes | None] = {}
        at = 0
        for path in paths:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) < 3 or header[1] != b"blob":
                found[path] = None
                continue
            size = int(header[2])
            found[path] = out[at:at + size]
            at += size + 1
        return found

    def changed(self, old: str | None, new: str) -> set[str]:
        """The files that differ between two commits (``old`` None: every file of ``new``)."""
        listed = self.run("diff", "--name-only", "--no-renames", "-z", old or EMPTY_TREE, new)
        return {name for name in listed.stdout.decode("utf-8").split("\0") if name}

    def last_change(self, since: str | None, until: str, path: str) -> int:
        """When the newest commit after ``since`` up to ``until`` touching ``path`` was
        made (seconds since the epoch, 0 when none)."""
        span = f"{since}..{until}" if since else until
        found = self.text("log", "-1", "--format=%ct", span, "--", path)
        return int(found) if found.isdigit() else 0

    def busy(self) -> str | None:
        """What unfinished git operation the repository is in, None when none."""
        for marker, what in (("MERGE_HEAD", "a merge"), ("rebase-merge", "a rebase"),
                             ("rebase-apply", "a rebase"), ("CHERRY_PICK_HEAD", "a cherry-pick"),
                             ("REVERT_HEAD", "a revert")):
            if (self.git_dir / marker).exists():
                return what
        return None


def last_line(stderr: bytes) -> str:
    """The line of git's complaint worth showing: its last one that says something."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("hint:")]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    chosen = (fatal or lines or [""])[0 if fatal else -1]
    for prefix in ("fatal: ", "error: "):
        chosen = chosen.removeprefix(prefix)
    return chosen


def git_version() -> str | None:
    if shutil.which("git") is None:
        return None
    done = subprocess.run(["git", "--version"], capture_output=True, check=False)
    return done.stdout.decode().strip() if done.returncode == 0 else None
