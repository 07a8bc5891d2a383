"""What prebuilt_image saves, on the stand-ins.

    .venv/bin/python benchmarks/bench_prebuilt.py [--tag latest|4.4.0]

One run, in one process:
1. Bakes a repository with prebuilt_image=true (R packages and an apt
   package), publishes it with its own .github/scripts/publish.py to Debian's
   docker-registry on 127.0.0.1 (GHCR's challenge in front), and times that
   first publish.
2. Binder's build of the `binder` branch (the thin Dockerfile, FROM the
   published image, which it pulls from the registry) against Binder's build
   of the full Dockerfile, both with the real repo2docker and Binder's
   arguments, each with no local copy and no build cache: the figure to
   quote is their ratio.
3. Edits only the analysis, forgets every local image and the build cache
   (a new GitHub runner), and publishes again: the second publish against
   the first.

Needs what the real-build tests need (root, Debian's docker.io, docker-registry
and R, and the stand-in root filesystem). The stand-in's packages are tiny,
so the full build here is far faster than a real one: on Binder the ratio is
larger than the one printed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import private_dockerd
from tests.binder_build import repo2docker_build
from tests.helpers import cookiecutter_cli, git
from tests.local_registry import GhcrFront, Registry
from tests.local_repos import APT_PACKAGE, build_apt, build_cran
from tests.real_builds.publishing import forget_local_images, publish
from tests.standin_images import GENERATIONS, build_standins, docker


def bake(out: Path, tag: str) -> Path:
    generated = cookiecutter_cli(out, "--output-dir", str(out), "online_checks=false", f"r_version={tag}",
                                 "r_packages=tinyA, tinyB", f"apt_packages={APT_PACKAGE}", "repo_name=bench",
                                 "github_user=octo-cat", "prebuilt_image=true")
    assert generated.returncode == 0, generated.stderr
    return out / "bench"


def timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag", choices=list(GENERATIONS), default="latest")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-prebuilt-") as work_dir:
        work = Path(work_dir)
        state = Path(tempfile.mkdtemp(prefix="btd-"))
        try:
            _, host = private_dockerd.start(state)
            build_standins(host, build_cran(work / "cran", "Rscript"), build_apt(work), work)
            project = bake(work / "out", args.tag)
            git(work, "init", "-q", "--bare", str(work / "origin.git"))
            for command in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-qm", "first"),
                            ("remote", "add", "origin", str(work / "origin.git")), ("push", "-q", "origin", "main")):
                git(project, *command)
            with Registry(work / "registry") as registry, GhcrFront(registry, {"octo-cat/bench"}) as ghcr:
                first, done = timed(lambda: publish(host, project, registry, ghcr, "octo-cat/bench"))
                if not done.ok:
                    sys.exit(f"publish failed:\n{done.log[-3000:]}")

                subprocess.run(["git", "clone", "-q", "--branch", "binder", str(work / "origin.git"),
                                str(work / "thin")], check=True)
                # As on Binder: the published image is not there yet, it is pulled.
                forget_local_images(host, registry)
                thin, thin_build = timed(lambda: repo2docker_build(host, work / "thin"))
                docker(host, "builder", "prune", "--all", "--force", timeout=300)
                full, full_build = timed(lambda: repo2docker_build(host, project))
                if not (thin_build.ok and full_build.ok):
                    sys.exit("a Binder build failed")

                example = project / "analysis" / "example.R"
                example.write_text("# Edited.\n" + example.read_text())
                git(project, "commit", "-qam", "edit the analysis")
                git(project, "push", "-q", "origin", "main")
                forget_local_images(host, registry)
                second, done = timed(lambda: publish(host, project, registry, ghcr, "octo-cat/bench"))
                if not done.ok:
                    sys.exit(f"the second publish failed:\n{done.log[-3000:]}")
        finally:
            private_dockerd.stop(state)

    print(f"stand-in: rocker/binder:{args.tag}, one run")
    print(f"Binder's build, thin Dockerfile (binder branch): {thin:6.1f} s")
    print(f"Binder's build, full Dockerfile:                 {full:6.1f} s")
    print(f"  thin / full: {thin / full:.2f}")
    print(f"first publish:                                   {first:6.1f} s")
    print(f"second publish, analysis edited, no local cache: {second:6.1f} s")
    print(f"  second / first: {second / first:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
