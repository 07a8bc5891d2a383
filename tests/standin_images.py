"""Stand-ins for the two generations of rocker/binder, built in the private
dockerd under the real image names, so a generated `FROM rocker/binder:<tag>`
builds with no registry.

    python -m tests.standin_images rootfs   # once, with network: debootstrap

Both start from one Debian bookworm root filesystem with Debian's R
(r-base-core), shiny (r-cran-shiny), Python and sudo, made by debootstrap and kept as a tarball in the
cache folder: making it is the only step that downloads anything, so .ci/run
does it before the tests, and the tests only read it. The facts each
generation adds on top (users, groups, HOME, site-library permissions, sudo,
the R and apt repositories, NB_USER) are in tests/standins/*.Dockerfile,
each beside its source in rocker's own files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.private_dockerd import DOCKER

STANDINS = Path(__file__).resolve().parent / "standins"
BASE_IMAGE = "standin/debian-r:bookworm"
# The tags the stand-ins are given, one per generation: `latest`, and one
# versioned tag standing for all of 4.0.0 ... 4.5.0.
GENERATIONS = {"latest": "latest.Dockerfile", "4.4.0": "versioned.Dockerfile"}
IMAGE_USERS = {"latest": "jovyan", "4.4.0": "rstudio"}

# node-normalize.css provides libjs-normalize.css, which r-cran-shiny
# depends on: debootstrap does not resolve virtual packages itself.
DEBOOTSTRAP = [
    "debootstrap", "--variant=minbase", "--include=r-base-core,sudo,python3,r-cran-shiny,node-normalize.css",
    "bookworm", "{target}", "http://deb.debian.org/debian",
]
# Left out of the tarball: downloaded .debs, apt lists, documentation.
PRUNE = ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man",
         "usr/share/locale")
CACHE_VARIABLE = "BINDER_TEMPLATE_CACHE"


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rocker-binder-template"
    return Path(os.environ.get(CACHE_VARIABLE, default))


def rootfs_tarball() -> Path:
    """Where the root filesystem is kept; its name changes with the recipe."""
    recipe = hashlib.sha256(repr((DEBOOTSTRAP, PRUNE)).encode()).hexdigest()[:12]
    return cache_dir() / f"debian-bookworm-r-{recipe}.tar"


def make_rootfs() -> Path:
    """debootstrap a root filesystem into the cache (needs root and network)."""
    tarball = rootfs_tarball()
    if tarball.exists():
        return tarball
    tarball.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=tarball.parent) as work:
        target = Path(work) / "rootfs"
        subprocess.run([arg.format(target=target) for arg in DEBOOTSTRAP], check=True,
                       stdout=subprocess.DEVNULL)
        for path in PRUNE:
            for child in (target / path).glob("*"):
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        partial = Path(work) / "rootfs.tar"
        subprocess.run(["tar", "-C", str(target), "--numeric-owner", "-cf", str(partial), "."],
                       check=True)
        partial.rename(tarball)  # whole or not at all
    return tarball


def docker(host: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DOCKER_HOST": host, "DOCKER_BUILDKIT": "1"}
    return subprocess.run([DOCKER, *args], capture_output=True, text=True, env=env, **kwargs)


def build_standins(host: str, cran: Path, apt: Path, work: Path) -> dict[str, str]:
    """Import the root filesystem and build both stand-ins; returns image by tag."""
    tarball = rootfs_tarball()
    if not tarball.exists():
        raise FileNotFoundError(f"{tarball} is missing: run `python -m tests.standin_images rootfs`")
    if docker(host, "image", "inspect", BASE_IMAGE).returncode != 0:
        imported = docker(host, "import", str(tarball), BASE_IMAGE)
        if imported.returncode != 0:
            raise RuntimeError(imported.stderr)
    context = work / "standin-context"
    shutil.copytree(cran, context / "cran")
    shutil.copytree(apt, context / "apt")
    images = {}
    for tag, dockerfile in GENERATIONS.items():
        image = f"rocker/binder:{tag}"
        built = docker(host, "build", "--network=none", "--progress=plain",
                       "--file", str(STANDINS / dockerfile), "--tag", image, str(context))
        if built.returncode != 0:
            raise RuntimeError(f"building the {tag} stand-in failed:\n{built.stderr[-3000:]}")
        images[tag] = image
    return images


def main(argv: list[str]) -> int:
    if argv != ["rootfs"]:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    print(make_rootfs())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
