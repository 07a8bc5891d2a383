"""What a content-only edit costs on Binder, against a first build.

    .venv/bin/python benchmarks/bench_build.py [--rounds N] [--tag latest|4.4.0]

Each round bakes one repository (R packages and an apt package), gives its
install.R and apt.txt a comment of their own so that nothing is cached, and
builds it with the real repo2docker and Binder's arguments (the first build).
It then edits only the analysis and the README, and builds again (the
rebuild). Both run in the same process, interleaved, against the same
stand-in image; the figure to quote is the ratio of the medians.

Needs what the real-build tests need: root, Debian's docker.io and R, and
the stand-in root filesystem (`python -m tests.standin_images rootfs`). A
private dockerd is started for the run and removed after it; nothing leaves
the machine (every build uses --network=none).

The stand-in's R packages are tiny, so the first build here is far faster
than a real one, where install.R fetches and installs real packages: the
ratio on Binder is larger than the one printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import private_dockerd
from tests.binder_build import repo2docker_build
from tests.helpers import cookiecutter_cli
from tests.local_repos import APT_PACKAGE, build_apt, build_cran
from tests.standin_images import GENERATIONS, build_standins


def bake(out: Path, tag: str, round_number: int) -> Path:
    repo = f"bench-{round_number}"
    # The cookiecutter command, so that the hooks' messages can be kept out
    # of the table.
    generated = cookiecutter_cli(out, "--output-dir", str(out), "online_checks=false", f"r_version={tag}",
                                 "r_packages=tinyA, tinyB", f"apt_packages={APT_PACKAGE}", f"repo_name={repo}")
    assert generated.returncode == 0, generated.stderr
    project = out / repo
    for name in ("install.R", "apt.txt"):
        with open(project / name, "a") as file:
            file.write(f"# benchmark round {round_number}\n")
    return project


def timed_build(host: str, project: Path) -> float:
    start = time.perf_counter()
    build = repo2docker_build(host, project)
    elapsed = time.perf_counter() - start
    if not build.ok:
        sys.exit(f"build failed:\n{build.log[-3000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tag", choices=list(GENERATIONS), default="latest")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-build-") as work_dir:
        work = Path(work_dir)
        state = Path(tempfile.mkdtemp(prefix="btd-"))
        try:
            _, host = private_dockerd.start(state)
            build_standins(host, build_cran(work / "cran", "Rscript"), build_apt(work), work)
            first, rebuild = [], []
            for round_number in range(args.rounds):
                project = bake(work / "out", args.tag, round_number)
                first.append(timed_build(host, project))
                with open(project / "analysis" / "example.R", "a") as analysis:
                    analysis.write("cat('edited\\n')\n")
                with open(project / "README.md", "a") as readme:
                    readme.write("\nEdited.\n")
                rebuild.append(timed_build(host, project))
        finally:
            private_dockerd.stop(state)

    first_median, rebuild_median = statistics.median(first), statistics.median(rebuild)
    print(f"rocker/binder:{args.tag} stand-in, {args.rounds} rounds, repo2docker with Binder's arguments")
    print(f"{'build':<36}{'median':>10}{'min':>10}{'max':>10}")
    for label, times in (("first build (nothing cached)", first),
                         ("rebuild after a content-only edit", rebuild)):
        print(f"{label:<36}{statistics.median(times):>9.2f}s{min(times):>9.2f}s{max(times):>9.2f}s")
    print(f"ratio first / rebuild: {first_median / rebuild_median:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
