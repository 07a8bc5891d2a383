"""Build a repository the way BinderHub does, in the private dockerd.

The real repo2docker, with BinderHub's arguments (or a local user's), drives
Debian's docker.io through tests/standins/docker, which turns its
`docker buildx build` into the same BuildKit build with no network. Used by
the real-build tests and benchmarks/bench_build.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

from tests.standin_images import STANDINS, docker

BINDER = ("jovyan", "1000")  # BinderHub's --user-name and --user-id


def repo2docker_command() -> str:
    """repo2docker from this Python's environment (the venv)."""
    return str(Path(sys.executable).with_name("repo2docker"))


class Build:
    """One run of the real repo2docker, and what it printed and asked docker."""

    tag: str | None = None  # the base image tag, where a caller records it

    def __init__(self, project: Path, image: str, result, shim_log: Path):
        self.project, self.image = project, image
        self.ok = result.returncode == 0
        self.log = result.stdout + result.stderr
        self.docker_calls = [line.split("\0")[:-1] for line in shim_log.read_text().splitlines()
                             if line] if shim_log.exists() else []

    def step(self, instruction: str) -> str:
        return step(self.log, instruction)


def step(log: str, instruction: str) -> str:
    """'CACHED' or 'ran' for the first BuildKit step whose line ends with
    `instruction` (BuildKit's plain progress: '#8 [4/6] RUN ...', then
    '#8 CACHED' when the cache served it)."""
    match = re.search(r"^#(\d+) \[[^\]]*\] " + re.escape(instruction) + "$", log, re.MULTILINE)
    if not match:
        raise LookupError(f"no step {instruction!r} in the build log:\n{log[-3000:]}")
    return "CACHED" if re.search(rf"^#{match.group(1)} CACHED$", log, re.MULTILINE) else "ran"


def repo2docker_build(docker_host: str, project: Path, user: tuple[str, str] = BINDER) -> Build:
    """`repo2docker --no-run --user-name U --user-id N PATH`, as BinderHub runs it."""
    image = f"r2d-test-{uuid.uuid4().hex[:12]}"
    shim_log = project.parent / f"{image}.docker-calls"
    env = {
        **os.environ,
        "PATH": f"{STANDINS}:{os.environ['PATH']}",
        "DOCKER_HOST": docker_host,
        "DOCKER_SHIM_LOG": str(shim_log),
        "DOCKER_CONFIG": str(project.parent / "docker-config"),
    }
    result = subprocess.run(
        [repo2docker_command(), "--no-run", "--user-name", user[0], "--user-id", user[1],
         "--image-name", image, str(project)],
        capture_output=True, text=True, env=env, timeout=600)
    return Build(project, image, result, shim_log)


def inside(docker_host: str, image: str, script: str) -> dict[str, str]:
    """Run a shell script in the image as its own user; its `key=value` lines."""
    result = docker(docker_host, "run", "--rm", "--network=none", image, "sh", "-c", script,
                    timeout=120)
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)
    return dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
