"""The generated workflow's publish job, run as a GitHub runner runs it:
shared by the prebuilt_image build tests and benchmarks/bench_prebuilt.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.binder_build import step
from tests.helpers import git
from tests.local_registry import GhcrFront, Registry
from tests.standin_images import STANDINS, docker


class Published:
    def __init__(self, project: Path, origin: Path, registry: Registry, ghcr: GhcrFront, result):
        self.project, self.origin, self.registry, self.ghcr = project, origin, registry, ghcr
        self.ok, self.log = result.returncode == 0, result.stdout + result.stderr

    def step(self, instruction: str) -> str:
        """'CACHED' or 'ran', from BuildKit's plain progress in the log."""
        return step(self.log, instruction)


def publish(docker_host: str, project: Path, registry: Registry, ghcr: GhcrFront, repository: str) -> Published:
    """The workflow's publish job: publish.py build, then release (the
    RStudio check between them needs Jupyter, which the stand-ins lack)."""
    commit = git(project, "rev-parse", "HEAD").strip()
    env = {**os.environ,
           # The docker shim first (repo2docker's `docker buildx`), then the venv's repo2docker.
           "PATH": f"{STANDINS}:{Path(sys.executable).parent}:{os.environ['PATH']}",
           "DOCKER_HOST": docker_host, "DOCKER_CONFIG": str(project.parent / "docker-config")}
    options = ["--registry", registry.host, "--pull-registry", ghcr.host, "--source-branch", "main"]
    built = subprocess.run([sys.executable, ".github/scripts/publish.py", "build", repository, commit, *options],
                           cwd=project, env=env, capture_output=True, text=True, timeout=900)
    result = built if built.returncode else subprocess.run(
        [sys.executable, ".github/scripts/publish.py", "release", repository, commit, *options],
        cwd=project, env=env, capture_output=True, text=True, timeout=900)
    if result is not built:
        result.stdout, result.stderr = built.stdout + result.stdout, built.stderr + result.stderr
    return Published(project, Path(git(project, "remote", "get-url", "origin").strip()), registry, ghcr, result)


def forget_local_images(docker_host: str, registry: Registry) -> None:
    """No image this publishing made, and no build cache: what a new GitHub
    runner has. The stand-in base images stay (a runner pulls them)."""
    listed = docker(docker_host, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}", timeout=60)
    names = [n for n in listed.stdout.split() if n.startswith((registry.host + "/", "r2d-test-"))]
    if names:
        docker(docker_host, "image", "rm", "--force", *names, timeout=120)
    pruned = docker(docker_host, "builder", "prune", "--all", "--force", timeout=300)
    assert pruned.returncode == 0, pruned.stderr
