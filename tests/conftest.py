"""Shared fixtures. No test reaches the internet: the GitHub and Docker Hub
base URLs point at a closed local port unless a test points them at its own
local server."""

from __future__ import annotations

import compileall
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from binder_template.online import DEADLINE_VARIABLE, DOCKER_HUB_VARIABLE, GITHUB_VARIABLE
from tests import jinja_compile_cache

jinja_compile_cache.install()

TEMPLATE_ROOT = Path(__file__).resolve().parent.parent
# Set by .ci/run: there, a missing Rscript is a failure, not a skip.
REQUIRE_R_VARIABLE = "BINDER_TEMPLATE_REQUIRE_R"


def pytest_configure(config):
    """Compile the template's package once, before any test: every hook and
    cookiecutter run imports it in a new process, and where
    PYTHONDONTWRITEBYTECODE is set (as on this machine and its CI) Python
    would compile it from source in each of them, half a hook's start. It
    still reads the bytecode it did not write."""
    if not hasattr(config, "workerinput"):  # once, in the process that starts the workers
        compileall.compile_dir(TEMPLATE_ROOT / "binder_template", quiet=1)


def closed_port() -> int:
    """A local port nothing listens on: connections to it are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    closed = f"http://127.0.0.1:{closed_port()}"
    monkeypatch.setenv(GITHUB_VARIABLE, closed)
    monkeypatch.setenv(DOCKER_HUB_VARIABLE, closed)
    monkeypatch.setenv(DEADLINE_VARIABLE, "2")
    for name in ("GH_TOKEN", "GITHUB_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    # Generated files must not depend on the tester's git identity.
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)


@pytest.fixture
def offline_answers():
    """Answers for bakes that need no online check."""
    return {"online_checks": False, "github_user": "octo-cat"}


def tool(name: str) -> str:
    """A command installed beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: pip install -r requirements-dev.txt")
    return found


@pytest.fixture(scope="session")
def rscript() -> str:
    found = shutil.which("Rscript")
    if found:
        return found
    message = ("Rscript not found: install R (Debian: apt-get install r-base-core) "
               "to run the real-R tests")
    if os.environ.get(REQUIRE_R_VARIABLE):
        pytest.fail(message)
    pytest.skip(message)


def run(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def local_cran(tmp_path_factory, rscript) -> Path:
    """A CRAN-like repository of tiny packages (tests/local_repos.py)."""
    from tests.corpus_projects import PROJECTS, conda_r_packages, packages_needed
    from tests.local_repos import build_cran

    # A tiny package for every name the real projects of tests/corpus need,
    # their conda files' R packages too (CRAN spells these in lower case as well).
    needed = {name for entry in PROJECTS for name in packages_needed(entry["slug"]) | conda_r_packages(entry["slug"])}
    return build_cran(tmp_path_factory.mktemp("local-cran"), rscript, tuple(needed))
