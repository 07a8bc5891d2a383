"""Generated repositories built for real, the way mybinder.org builds them.

The real repo2docker builds each repository with the arguments BinderHub
gives it (`--user-name jovyan --user-id 1000`), and with those a local
`repo2docker .` gives (`alice`, 1234). It drives Debian's docker.io through
tests/standins/docker, which turns `docker buildx build` into the same
BuildKit build, with no network. The base images are stand-ins for both
rocker/binder generations (tests/standins/), tagged with the real names in a
private dockerd (tests/private_dockerd.py), and packages come from local
repositories (tests/local_repos.py).

They carry the `docker` marker: plain `pytest` leaves them out, `pytest -m docker` runs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from tests.binder_build import BINDER, Build, inside, repo2docker_build
from tests.conftest import run
from tests.corpus_projects import CORPUS
from tests.helpers import add_binder
from tests.local_repos import APT_PACKAGE
from tests.private_dockerd import DOCKER
from tests.real_builds.generated import APT_TXT, PROBE, bake
from tests.standin_images import GENERATIONS, IMAGE_USERS, docker

pytestmark = [pytest.mark.docker, pytest.mark.xdist_group("docker")]

TAGS = list(GENERATIONS)
LOCAL_USER = ("alice", "1234")  # what `repo2docker .` passes for a user alice


@pytest.fixture(scope="module", params=TAGS)
def binder_build(request, cookies_session, docker_host, standins) -> Build:
    """A repository with R and apt packages, built with Binder's arguments."""
    tag = request.param
    project = bake(cookies_session, tag, repo_name=f"binder-{tag.replace('.', '-')}")
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    build.tag = tag
    return build


def test_the_build_is_binders_buildkit_build(binder_build):
    project = binder_build.project
    builds = [call for call in binder_build.docker_calls if call[:2] == ["buildx", "build"]]
    assert len(builds) == 1
    args = builds[0]
    assert ["--build-arg", "NB_USER=jovyan"] == args[args.index("NB_USER=jovyan") - 1:][:2]
    assert ["--build-arg", "NB_UID=1000"] == args[args.index("NB_UID=1000") - 1:][:2]
    # repo2docker works from the repository root: the context, with the
    # Dockerfile's path relative to it.
    assert args[args.index("--file") + 1] == "Dockerfile"
    assert args[-1] == str(project)
    # BuildKit's plain progress, not the classic builder's "Step 1/8 :" lines.
    assert "#1 [internal] load build definition from Dockerfile" in binder_build.log
    assert not re.search(r"^Step \d+/\d+ :", binder_build.log, re.MULTILINE)


def test_the_image_runs_as_its_own_user_with_everything_installed(binder_build, docker_host):
    found = inside(docker_host, binder_build.image, PROBE)
    user = IMAGE_USERS[binder_build.tag]
    assert found == {
        "user": user,
        "uid": "1000",
        "nb_user": user,
        "pwd": f"/home/{user}",
        "renviron_owner": user,
        "renviron_var": "data",
        "packages": "hello",
        "apt_tool": "binder-standin-tool works",
        "example": "1",
    }


def test_a_local_users_arguments_build_too(binder_build, docker_host):
    """`repo2docker .` passes the local login and uid; the image keeps its own user."""
    build = repo2docker_build(docker_host, binder_build.project, LOCAL_USER)
    assert build.ok, build.log[-4000:]
    assert "NB_USER=alice" in build.docker_calls[-1] and "NB_UID=1234" in build.docker_calls[-1]
    found = inside(docker_host, build.image, 'echo "user=$(id -un)"; echo "uid=$(id -u)"')
    assert found == {"user": IMAGE_USERS[binder_build.tag], "uid": "1000"}


def test_editing_content_keeps_the_package_install_cached(binder_build, docker_host, tmp_path):
    project = tmp_path / binder_build.project.name
    shutil.copytree(binder_build.project, project)
    with open(project / "analysis" / "example.R", "a") as analysis:
        analysis.write("cat('one more line\\n')\n")
    with open(project / "README.md", "a") as readme:
        readme.write("\nMore notes.\n")
    edited = repo2docker_build(docker_host, project, BINDER)
    assert edited.ok, edited.log[-4000:]
    assert edited.step("RUN Rscript install.R") == "CACHED"
    user = IMAGE_USERS[binder_build.tag]  # BuildKit shows ${NB_USER} expanded
    assert edited.step(f"COPY --chown={user} . /home/{user}") == "ran"

    # The control: an edit to install.R itself does rerun the install.
    with open(project / "install.R", "a") as install:
        install.write("# a comment\n")
    changed = repo2docker_build(docker_host, project, BINDER)
    assert changed.ok, changed.log[-4000:]
    assert changed.step("RUN Rscript install.R") == "ran"


@pytest.mark.parametrize("tag", TAGS)
def test_a_package_that_does_not_exist_fails_the_build_and_is_named(
        cookies, docker_host, standins, tag):
    project = bake(cookies, tag, r_packages="tinyA notOnCran")
    build = repo2docker_build(docker_host, project, BINDER)
    assert not build.ok
    assert "These R packages did not install: notOnCran" in build.log


@pytest.mark.parametrize("tag", TAGS)
def test_the_readme_docker_build_works(cookies, docker_host, standins, tag):
    project = bake(cookies, tag, r_packages="")
    readme = (project / "README.md").read_text()
    command = next(line for line in readme.splitlines() if line.startswith("docker build "))
    args = command.split()
    assert args[:3] == ["docker", "build", "-t"] and args[-1] == "."
    # The README's command, with one image name per generation: once (ci run
    # of a6df96f) the latest build's check found the rstudio user under the
    # shared name; the cause is not found.
    name = f"{args[3]}-{tag.replace('.', '-')}"
    built = docker(docker_host, "build", "--network=none", "-t", name, *args[4:], cwd=project, timeout=600)
    assert built.returncode == 0, built.stderr[-4000:]
    found = inside(docker_host, name, 'echo "user=$(id -un)"')
    assert found == {"user": IMAGE_USERS[tag]}


def test_a_declared_nb_user_arg_breaks_a_versioned_image_under_buildkit(docker_host, standins, tmp_path):
    """Why the generated Dockerfile declares no ARG NB_USER: BuildKit lets the
    build argument replace the image's ENV NB_USER (rstudio) with Binder's
    jovyan, a user the image lacks. The classic builder hid this."""
    (tmp_path / "Dockerfile").write_text(
        "FROM rocker/binder:4.4.0\nARG NB_USER\nUSER ${NB_USER}\nRUN id -un\n")
    args = ["build", "--network=none", "--build-arg", "NB_USER=jovyan", "--build-arg", "NB_UID=1000",
            str(tmp_path)]
    buildkit = docker(docker_host, *args, timeout=300)
    assert buildkit.returncode != 0
    assert "unable to find user jovyan" in buildkit.stderr
    classic = run(["/usr/bin/docker", *args], env={**os.environ, "DOCKER_HOST": docker_host,
                                                     "DOCKER_BUILDKIT": "0"}, timeout=300)
    assert classic.returncode == 0, classic.stderr


@pytest.mark.parametrize("tag", TAGS)
def test_the_readmes_apt_lines_work_when_added_by_hand(cookies, docker_host, standins, tag):
    """A repository generated without system packages: its README says which
    lines to add to the Dockerfile, and where. Following it must build."""
    project = bake(cookies, tag, r_packages="", apt_packages="")
    readme = (project / "README.md").read_text()
    snippet = readme.split("```dockerfile\n", 1)[1].split("```", 1)[0]
    dockerfile = project / "Dockerfile"
    text = dockerfile.read_text()
    assert "\nUSER ${NB_USER}\n" in text and "apt.txt" not in text
    dockerfile.write_text(text.replace("\nUSER ${NB_USER}\n", "\n" + snippet + "USER ${NB_USER}\n", 1))
    (project / "apt.txt").write_text(APT_TXT)
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    assert inside(docker_host, build.image, 'echo "tool=$(binder-standin-tool)"') == {
        "tool": "binder-standin-tool works"}


@pytest.mark.parametrize("tag", TAGS)
def test_binder_added_to_an_existing_project_builds(docker_host, standins, tmp_path, tag):
    """layout=existing-project: binder/Dockerfile built from the repository
    root, DESCRIPTION's packages installed, ~/.Renviron from binder/.Renviron,
    and the root .Renviron (it may hold secrets) kept out of the image."""
    from tests.conftest import TEMPLATE_ROOT, tool

    project = tmp_path / "compendium"
    (project / "R").mkdir(parents=True)
    (project / "DESCRIPTION").write_text("Package: compendium\nVersion: 0.1\nImports: tinyA\n")
    # A package the code loads that DESCRIPTION does not declare.
    (project / "R" / "fun.R").write_text("f <- function() tinyB::hello()\n")
    (project / ".Renviron").write_text("SECRET_TOKEN=do-not-ship\n")
    # As a project with a secret has it (the template refuses to print
    # `git add .` over one that would commit it).
    (project / ".gitignore").write_text(".Renviron\n")
    result = run([tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", str(tmp_path),
                  str(TEMPLATE_ROOT), "layout=existing-project", "repo_name=compendium", "github_user=octo-cat",
                  "online_checks=false", f"r_version={tag}", f"apt_packages={APT_PACKAGE}"])
    assert result.returncode == 0, result.stderr
    renviron = project / "binder" / ".Renviron"
    renviron.write_text(renviron.read_text().replace("# MY_DATA_DIR=data", "MY_DATA_DIR=data"))
    (project / "binder" / "apt.txt").write_text(APT_TXT)
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    found = inside(docker_host, build.image, """
        echo "user=$(id -un)"
        Rscript -e 'library(tinyA); library(tinyB); cat("renviron_var=", Sys.getenv("MY_DATA_DIR"), "\\n", sep = "")'
        Rscript -e 'cat("secret=", Sys.getenv("SECRET_TOKEN"), "\\n", sep = "")'
        echo "secret_files=$(grep -rl SECRET_TOKEN "$HOME" | wc -l)"
        echo "apt_tool=$(binder-standin-tool)"
        echo "description=$(test -f "$HOME/DESCRIPTION" && echo yes)"
    """)
    assert found == {"user": IMAGE_USERS[tag], "renviron_var": "data", "secret": "", "secret_files": "0",
                     "apt_tool": "binder-standin-tool works", "description": "yes"}
    # Not in any layer either: a later COPY would hide a file, not remove it.
    saved = subprocess.run([DOCKER, "save", build.image], capture_output=True, timeout=300,
                           env={**os.environ, "DOCKER_HOST": docker_host})
    assert saved.returncode == 0 and len(saved.stdout) > 1_000_000
    assert b"do-not-ship" not in saved.stdout


@pytest.mark.parametrize("tag", TAGS)
def test_the_classic_binder_setup_and_a_conda_file_are_carried_into_the_build(docker_host, standins, tmp_path, tag):
    """Issue 22: binder/install.R + runtime.txt + postBuild, a conda
    environment.yml at the root that lists r-tinya (conda's lower case for
    tinyA, which no code names), and a root Dockerfile for the project's own
    use that cannot build here: the one command, no renaming, then a real
    build. The user's install.R runs, environment.yml's package installs by
    its real name, postBuild runs last as the user from the repository's
    root, and the root Dockerfile is not built."""

    project = tmp_path / "reefs"
    (project / "binder").mkdir(parents=True)
    (project / "binder" / "install.R").write_text('install.packages("tinyB")\n')
    (project / "binder" / "runtime.txt").write_text("r-4.1-2022-01-01\n")
    (project / "binder" / "postBuild").write_text(
        "#!/bin/bash\nset -e\npwd > postbuild-ran-in\nid -un > postbuild-user\n"
        "Rscript -e 'library(tinyA); library(tinyB)' && echo yes > postbuild-saw-packages\n")
    (project / "environment.yml").write_text("name: reefs\ndependencies:\n  - r-base=4.1\n  - r-tinya\n")
    (project / "Dockerfile").write_text("FROM registry.invalid/not-here:1\nRUN exit 1\n")
    (project / "analysis.R").write_text("x <- 1\n")
    result = add_binder(project, "github_user=octo-cat", f"r_version={tag}")
    assert result.returncode == 0, result.stderr
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    found = inside(docker_host, build.image, """
        cd "$HOME"
        Rscript -e 'library(tinyA); library(tinyB); cat("packages=yes\\n")'
        echo "ran_in=$(cat postbuild-ran-in)"
        echo "ran_as=$(cat postbuild-user)"
        echo "saw=$(cat postbuild-saw-packages)"
        echo "home=$HOME"
    """)
    assert found == {"packages": "yes", "ran_in": found["home"], "ran_as": IMAGE_USERS[tag], "saw": "yes",
                     "home": f"/home/{IMAGE_USERS[tag]}"}


RENV_LOCK = """{
  "R": {"Version": "4.4.1", "Repositories": [{"Name": "CRAN", "URL": "https://cloud.r-project.org"}]},
  "Packages": {
    "tinyA": {"Package": "tinyA", "Version": "0.1", "Source": "Repository", "Repository": "CRAN"},
    "tinyB": {"Package": "tinyB", "Version": "0.1", "Source": "Repository", "Repository": "CRAN"}
  }
}
"""


@pytest.mark.parametrize("tag", TAGS)
def test_an_renv_lock_without_activate_r_is_restored_where_r_looks_at_launch(docker_host, standins, tmp_path, tag):
    """Issue 22: a Shiny app with renv.lock and no renv/activate.R or
    .Rprofile. Restored into renv's project library, nothing found the
    packages when R started, so the badge opened an app that could not
    start. From the home folder, as the user: R finds every locked one, and
    so does an R Markdown file in a subfolder that runs renv::load("..").
    Beside them, as in the app that showed it, a conda environment.yml and
    a root Dockerfile of the project's own: both stay as they are."""
    project = tmp_path / "bikes"
    project.mkdir()
    (project / "renv.lock").write_text(RENV_LOCK)
    (project / "app.R").write_text("library(tinyA)\nlibrary(tinyB)\nlibrary(shiny)\n")
    (project / "analysis").mkdir()
    (project / "analysis" / "report.Rmd").write_text('```{r}\nrenv::load("..")\nlibrary(tinyB)\n```\n')
    own = {"environment.yml": "name: bikes\ndependencies:\n  - r-base=4.3\n  - r-shiny\n  - r-tinya\n",
           "Dockerfile": 'FROM rocker/shiny:4.3.1\nCOPY . /srv/shiny-server/\nCMD ["/usr/bin/shiny-server"]\n'}
    for name, text in own.items():
        (project / name).write_text(text)
    result = add_binder(project, "github_user=octo-cat", f"r_version={tag}", "ui=shiny")
    assert result.returncode == 0, result.stderr
    assert {name: (project / name).read_text() for name in own} == own
    # renv itself (renv::load in the report) comes with install.R: not named.
    assert "renv.lock does not record: shiny\n" in result.stdout
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    found = inside(docker_host, build.image, """
        cd "$HOME"
        Rscript -e 'library(tinyA); library(tinyB); cat("attached=yes\\n")'
        Rscript -e 'cat("first=", normalizePath(find.package("tinyA")) == normalizePath(file.path(.libPaths()[1], "tinyA")), "\\n", sep = "")'
        cd analysis && Rscript -e 'renv::load(".."); library(tinyB); cat("knitted=yes\\n")'
    """)
    assert found == {"attached": "yes", "first": "TRUE", "knitted": "yes"}


@pytest.mark.parametrize("tag", TAGS)
def test_an_renv_project_in_a_subfolder_loaded_by_the_root_rprofile_starts_on_binder(
        docker_host, standins, tmp_path, tag):
    """Issue 22: a Python repository with its R project in r/ (r/renv.lock)
    and a root .Rprofile running renv::load("r"), then library(). On Binder
    that .Rprofile runs whenever R starts in the home folder: built as
    Binder builds it, R started there as the user (Rscript, as RStudio's
    session) gets through it and attaches every locked package."""
    project = tmp_path / "pipeline"
    (project / "r").mkdir(parents=True)
    (project / "r" / "renv.lock").write_text(RENV_LOCK)
    (project / "r" / "fit.R").write_text("library(tinyB)\n")
    (project / "pipeline.py").write_text("print('python half')\n")
    (project / ".Rprofile").write_text('renv::load("r")\nlibrary(tinyA)\n')
    result = add_binder(project, "github_user=octo-cat", f"r_version={tag}")
    assert result.returncode == 0, result.stderr
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    found = inside(docker_host, build.image, """
        cd "$HOME"
        Rscript -e 'library(tinyB); cat("attached=yes\\n")'
        Rscript -e 'cat("from=", normalizePath(dirname(find.package("tinyB"))) == normalizePath(renv::paths$library(project = "r")), "\\n", sep = "")'
    """)
    assert found == {"attached": "yes", "from": "TRUE"}


# Real activate.R files from the corpus: renv 0.12.3's and 0.14.0's look for
# renv in <project>/renv/library/R-x.y/<platform>; renv 1.0.3's, since renv 0.15.0,
# in the user's cache folder for a project whose DESCRIPTION makes it a package.
ACTIVATE_R_OF = {"renv-0.12.3": "compendium-kwlburials", "renv-0.14.0": "renv014-ssfacomparison",
                 "renv-1.0.3": "compendium-binder-dscompendium"}
COMPENDIUM_BUILDS = [("renv-0.12.3", tag) for tag in TAGS] + [("renv-0.14.0", "latest"), ("renv-1.0.3", "latest")]


@pytest.mark.parametrize("activate,tag", COMPENDIUM_BUILDS, ids=[f"{a}-{t}" for a, t in COMPENDIUM_BUILDS])
def test_an_renv_compendium_finds_its_packages_when_r_starts_at_home(docker_host, standins, tmp_path, activate, tag):
    """Issue 22: a compendium (a DESCRIPTION with a Package field) with
    renv. renv since 0.15 keeps such a project's library in the user's cache
    folder, and decides so from DESCRIPTION; DESCRIPTION was copied after
    the restore, so the restore went into renv/library and R, started at
    home with the project's .Rprofile, found none of the packages."""
    project = tmp_path / "burials"
    (project / "renv").mkdir(parents=True)
    (project / "renv.lock").write_text(RENV_LOCK)
    corpus = CORPUS / ACTIVATE_R_OF[activate]
    shutil.copy(corpus / "renv" / "activate.R", project / "renv" / "activate.R")
    (project / ".Rprofile").write_text('source("renv/activate.R")\n')
    (project / "DESCRIPTION").write_text("Package: burials\nTitle: Burials\nVersion: 0.1\nImports: tinyA, tinyB\n")
    (project / "analysis").mkdir()
    (project / "analysis" / "paper.R").write_text("library(tinyA)\nlibrary(tinyB)\n")
    result = add_binder(project, "github_user=octo-cat", f"r_version={tag}")
    assert result.returncode == 0, result.stderr
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    # R reads ~/.Rprofile as RStudio's session does: the project is the home folder.
    found = inside(docker_host, build.image, """
        cd "$HOME"
        Rscript -e 'library(tinyA); library(tinyB); cat("attached=yes\\n")'
        Rscript -e 'cat("first=", normalizePath(.libPaths()[1]) == normalizePath(dirname(find.package("tinyA"))), "\\n", sep = "")'
    """)
    # (renv 1.x's activate.R prints its version warning to standard output.)
    assert (found["attached"], found["first"]) == ("yes", "TRUE")


@pytest.mark.parametrize("tag", TAGS)
def test_a_shiny_repository_registers_its_app_where_the_images_jupyter_reads(cookies, docker_host, standins, tag):
    """ui=shiny: the configuration lands in the Jupyter environment's own
    folder (/opt/venv/etc/jupyter), not /etc/jupyter, which mybinder.org
    covers; jupyter-server-proxy and shiny are the image's own (nothing is
    installed: the build has no network), and the app loads with them."""
    project = bake(cookies, tag, r_packages="", ui="shiny")
    build = repo2docker_build(docker_host, project, BINDER)
    assert build.ok, build.log[-4000:]
    user = IMAGE_USERS[tag]
    found = inside(docker_host, build.image, """
        echo "config=$(cat /opt/venv/etc/jupyter/jupyter_server_config.json | tr -d '\\n ')"
        echo "etc_jupyter=$(ls /etc/jupyter 2>/dev/null | wc -l)"
        Rscript -e 'app <- shiny::shinyAppDir(file.path(Sys.getenv("HOME"), "app")); cat("app=", class(app), "\\n", sep = "")'
    """)
    config = json.loads(found["config"])
    shiny = config["ServerProxy"]["servers"]["shiny"]
    assert shiny["command"][-1] == (f'shiny::runApp("/home/{user}/app",port={{port}},launch.browser=FALSE)')
    assert shiny["launcher_entry"] == {"title": "Shiny", "enabled": True}
    assert found["etc_jupyter"] == "0" and found["app"] == "shiny.appobj"
