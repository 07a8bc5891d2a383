"""Generated repositories ready for a real build, and what is looked for in
the image: shared by the build tier's modules."""

from __future__ import annotations

from pathlib import Path

from tests import helpers
from tests.local_repos import APT_PACKAGE

PACKAGES = "tinyA, tinyB"
# repo2docker allows comments and blank lines in apt.txt; so must we.
APT_TXT = f"# Tools the analysis calls\n\n{APT_PACKAGE}  # the stand-in package\n"

# Run inside a built image: one `name=value` line for each thing a user relies on.
PROBE = """
echo "user=$(id -un)"
echo "uid=$(id -u)"
echo "nb_user=$NB_USER"
echo "pwd=$(pwd)"
echo "renviron_owner=$(stat -c %U "$HOME/.Renviron")"
Rscript -e 'cat("renviron_var=", Sys.getenv("MY_DATA_DIR"), "\\n", sep = "")'
Rscript -e 'library(tinyA); library(tinyB); cat("packages=", tinyA::hello(), "\\n", sep = "")'
echo "apt_tool=$(binder-standin-tool)"
echo "example=$(Rscript analysis/example.R | grep -c 'Mean fuel economy: 20.1')"
"""


def bake(cookies, tag: str, r_packages: str = PACKAGES, **answers) -> Path:
    """A new repository for rocker/binder:`tag` with the stand-in R and apt
    packages, and its .Renviron line switched on."""
    project = helpers.bake(cookies, **{"r_version": tag, "r_packages": r_packages, "apt_packages": APT_PACKAGE,
                                       **answers})
    if (project / "apt.txt").exists():
        (project / "apt.txt").write_text(APT_TXT)
    renviron = project / ".Renviron"
    renviron.write_text(renviron.read_text().replace("# MY_DATA_DIR=data", "MY_DATA_DIR=data"))
    return project
