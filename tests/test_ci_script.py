"""The template's own CI script: .ci/missing-packages decides what .ci/run
installs, by the tools a machine has. Run here with a PATH of stand-in
commands, so each machine's shape is tried on this one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEMPLATE_ROOT

SCRIPT = TEMPLATE_ROOT / ".ci" / "missing-packages"
EVERY_TOOL = ("git", "curl", "jq", "Rscript", "dockerd", "debootstrap", "docker-registry")


def missing(tmp_path: Path, tools: tuple[str, ...], shiny: bool = True) -> list[str]:
    """What the script prints on a machine with only `tools` (and bash and
    Python) on its PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in tools:
        stub = bin_dir / tool
        # The stand-in Rscript answers the shiny check as told.
        stub.write_text(f"#!/bin/sh\nexit {0 if tool != 'Rscript' or shiny else 1}\n")
        stub.chmod(0o755)
    (bin_dir / "python3").symlink_to(sys.executable)
    result = subprocess.run(["/bin/bash", str(SCRIPT)], capture_output=True, text=True, timeout=60,
                            env={"PATH": str(bin_dir), "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_machine_with_every_tool_installs_nothing(tmp_path):
    assert missing(tmp_path, EVERY_TOOL) == []


@pytest.mark.parametrize("tools,shiny,expected", [
    # A GitHub runner: docker-ce's dockerd is there, so Debian's docker.io,
    # whose containerd conflicts with docker-ce's, is not installed.
    (("git", "curl", "jq", "dockerd", "docker-registry"), True,
     ["r-base-core", "r-cran-shiny", "debootstrap"]),
    (EVERY_TOOL, False, ["r-cran-shiny"]),
    (("git", "curl", "jq", "Rscript", "debootstrap", "docker-registry"), True, ["docker.io"]),
    (("git", "curl", "jq", "Rscript", "dockerd", "debootstrap"), True, ["docker-registry"]),
    # A slim Debian image: no curl, no jq.
    (("git", "Rscript", "dockerd", "debootstrap", "docker-registry"), True, ["curl", "jq"]),
])
def test_only_what_is_missing_is_installed(tmp_path, tools, shiny, expected):
    assert missing(tmp_path, tools, shiny) == expected
