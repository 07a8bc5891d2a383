"""Real R with a fresh library, a home of its own, and the local repository
(tests/local_repos.py) set in a profile, the way the rocker images point R
at theirs: for the tests that run the generated R files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import run


class RSession:
    """Runs R with a fresh library and the local repository set in a profile."""

    def __init__(self, rscript: str, repo: Path, home: Path):
        self.rscript = rscript
        self.lib = home / "library"
        self.lib.mkdir()
        self.standin_log = home / "stand-ins.log"
        profile = home / "Rprofile"
        profile.write_text(f'options(repos = c(CRAN = "file://{repo}"))\n')
        self.env = {
            "PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8",
            "R_PROFILE_USER": str(profile), "R_LIBS": str(self.lib), "R_LIBS_USER": str(self.lib),
            "R_ENVIRON_USER": os.devnull, "STANDIN_LOG": str(self.standin_log),
        }

    def run(self, *args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
        return run([self.rscript, *args], cwd=cwd, env={**self.env, **(env or {})}, timeout=120)

    def install_stamp(self, package: str) -> tuple[int, int]:
        """Changes when the package is installed again: R unpacks a new copy
        (a new inode, and a change time tar cannot set back, unlike the
        modification time it restores from the archive)."""
        status = (self.lib / package / "DESCRIPTION").stat()
        return status.st_ino, status.st_ctime_ns

    def installed(self) -> set[str]:
        return {p.name for p in self.lib.iterdir() if not p.name.startswith("00")}

    def calls(self) -> list[str]:
        return self.standin_log.read_text().splitlines() if self.standin_log.exists() else []
