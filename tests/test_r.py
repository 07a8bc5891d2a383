"""The generated R files, run by real R against a local CRAN-like repository.

The repository (tests/local_repos.py) is built once per session: tiny
packages, built as the images' package manager serves them. R finds it the way the rocker images configure theirs:
`options(repos = ...)` in a profile, never in install.R. Stand-in `remotes`
and `BiocManager` packages, served from the same repository, record the calls
install.R makes, because the real ones need the internet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run
from tests.helpers import bake
from tests.r_session import RSession

pytestmark = pytest.mark.xdist_group("real-R")  # one worker builds the repository once


@pytest.fixture
def r_session(rscript, local_cran, tmp_path) -> RSession:
    home = tmp_path / "home"
    home.mkdir()
    return RSession(rscript, local_cran, home)


def test_cran_packages_are_installed(cookies, r_session):
    project = bake(cookies, r_packages="tinyA, tinyB")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert r_session.installed() == {"tinyA", "tinyB"}


def test_a_package_that_cannot_be_installed_fails_the_build(cookies, r_session):
    project = bake(cookies, r_packages="tinyA notOnCran")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode != 0
    assert "These R packages did not install: notOnCran" in result.stderr
    assert r_session.installed() == {"tinyA"}


def test_installed_packages_are_not_reinstalled(cookies, r_session):
    project = bake(cookies, r_packages="tinyA")
    assert r_session.run("install.R", cwd=project).returncode == 0
    stamp = r_session.install_stamp("tinyA")
    second = r_session.run("install.R", cwd=project)
    assert second.returncode == 0, second.stderr
    assert r_session.install_stamp("tinyA") == stamp  # installed once, not twice


def test_no_packages_runs_cleanly_and_installs_nothing(cookies, r_session):
    project = bake(cookies, r_packages="")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert r_session.installed() == set()
    assert r_session.calls() == []


def test_github_and_bioconductor_items_reach_their_installers(cookies, r_session):
    project = bake(cookies, r_packages="someone/ghpkg@v1.0, other/ghpkg2 bioc::biocpkg bioc::biocpkg2")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert r_session.calls() == [
        'install_github|repo="someone/ghpkg@v1.0"|upgrade="never"',
        'install_github|repo="other/ghpkg2"|upgrade="never"',
        'install|pkgs=c("biocpkg", "biocpkg2")|update=FALSE|ask=FALSE',
    ]
    # remotes and BiocManager were missing, so install.R installed them first.
    assert {"remotes", "BiocManager", "ghpkg", "ghpkg2", "biocpkg", "biocpkg2"} <= r_session.installed()


def test_installers_already_present_are_used_as_they_are(cookies, r_session):
    project = bake(cookies, r_packages="someone/ghpkg bioc::biocpkg")
    setup = r_session.run("-e", 'install.packages(c("remotes", "BiocManager"))', cwd=project)
    assert setup.returncode == 0, setup.stderr
    stamp = r_session.install_stamp("remotes")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert r_session.install_stamp("remotes") == stamp
    assert len(r_session.calls()) == 2


def test_bioconductor_package_already_installed_is_skipped(cookies, r_session):
    project = bake(cookies, r_packages="bioc::biocpkg")
    assert r_session.run("-e", 'install.packages("biocpkg")', cwd=project).returncode == 0
    stamp = r_session.install_stamp("biocpkg")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert r_session.calls() == []  # BiocManager::install was not called
    assert r_session.install_stamp("biocpkg") == stamp  # nor install.packages


def test_a_github_install_error_is_reported_and_fails_the_build(cookies, r_session):
    project = bake(cookies, r_packages="someone/notThere@main tinyA")
    result = r_session.run("install.R", cwd=project)
    assert result.returncode != 0
    assert "These R packages did not install: notThere" in result.stderr


def test_renviron_is_read_by_r(cookies, r_session):
    project = bake(cookies)
    renviron = project / ".Renviron"
    probe = 'cat(Sys.getenv("MY_DATA_DIR", "unset"))'
    as_generated = r_session.run("-e", probe, cwd=project, env={"R_ENVIRON_USER": str(renviron)})
    assert as_generated.returncode == 0 and as_generated.stdout == "unset"
    assert "Warning" not in as_generated.stderr
    renviron.write_text(renviron.read_text().replace("# MY_DATA_DIR=data", "MY_DATA_DIR=data"))
    uncommented = r_session.run("-e", probe, cwd=project, env={"R_ENVIRON_USER": str(renviron)})
    assert uncommented.returncode == 0 and uncommented.stdout == "data"


def test_example_analysis_runs_with_base_r(cookies, r_session):
    project = bake(cookies)
    result = r_session.run("analysis/example.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Mean fuel economy: 20.1 miles per gallon" in result.stdout


def test_install_r_parses_with_every_kind_of_item(cookies, r_session):
    project = bake(cookies, r_packages="data.table, r-lib/cli@feature/x$y'z bioc::DESeq2")
    result = r_session.run("-e", "invisible(parse('install.R')); cat('ok')", cwd=project)
    assert result.stdout == "ok", result.stderr
    evaluated = r_session.run("-e", "exprs <- parse('install.R'); for (e in exprs[1:3]) eval(e); "
                              "cat(cran, github, bioc, sep = '\\n')", cwd=project)
    assert evaluated.stdout.splitlines() == ["data.table", "r-lib/cli@feature/x$y'z", "DESeq2"]


def test_no_generated_file_overrides_the_image_repositories(cookies):
    result = cookies.bake(extra_context={"online_checks": False, "r_packages": "dplyr r-lib/cli bioc::limma",
                                         "apt_packages": "libgsl-dev"})
    project = result.project_path
    for path in project.rglob("*"):
        if not path.is_file():
            continue
        # Code only: drop comments (no generated string holds a '#').
        code = [l.split("#")[0] for l in path.read_text().splitlines()]
        if path.suffix in (".md", ".cff") or ".github" in path.parts:
            continue  # the README explains why not to set repos; CI scripts and the citation are not R
        assert not any("repos" in l or "cloud.r-project.org" in l or "CRAN" in l for l in code), path
    run_lines = [l for l in (project / "Dockerfile").read_text().splitlines() if l.startswith("RUN ")]
    assert "RUN Rscript install.R" in run_lines


def test_the_example_notebook_runs_with_r(cookies, r_session):
    """For the lab and notebook interfaces: an R notebook (IRkernel's kernel
    'ir', in both image generations) whose cells run in order."""
    import json

    result = cookies.bake(extra_context={"online_checks": False, "ui": "lab"})
    project = result.project_path
    notebook = json.loads((project / "analysis" / "example.ipynb").read_text())
    assert notebook["nbformat"] == 4 and notebook["metadata"]["kernelspec"]["name"] == "ir"
    code = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    (project / "cells.R").write_text(code + "\n")
    ran = r_session.run("cells.R", cwd=project)
    assert ran.returncode == 0, ran.stderr
    assert "Mean fuel economy: 20.1 miles per gallon" in ran.stdout


def bake_existing(tmp_path, files: dict[str, str], r_packages: str = "") -> Path:
    """Binder added to an existing project (layout=existing-project)."""
    from tests.conftest import TEMPLATE_ROOT, tool

    project = tmp_path / "compendium"
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    result = run([tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", str(tmp_path),
                  str(TEMPLATE_ROOT), "layout=existing-project", "repo_name=compendium",
                  "github_user=octo-cat", "online_checks=false", f"r_packages={r_packages}"])
    assert result.returncode == 0, result.stderr
    return project


DESCRIPTION = """Package: compendium
Title: A Compendium
Version: 0.1.0
Depends: R (>= 4.0), stats
Imports:
    tinyA (>= 0.0.1),
    utils
Suggests: tinyB, notOnCranEither
Remotes: github::someone/ghpkg
"""


def test_description_dependencies_install_from_the_images_repository(tmp_path, r_session):
    project = bake_existing(tmp_path, {"DESCRIPTION": DESCRIPTION.replace("Imports:", "Imports:\n    ghpkg,")},
                            r_packages="biocpkg")
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    # Imports and the r_packages answer are installed; the Remote came from
    # GitHub; a Suggests that does not exist is reported, not fatal.
    assert {"tinyA", "tinyB", "ghpkg", "biocpkg"} <= r_session.installed()
    assert 'install_github|repo="someone/ghpkg"|upgrade="never"' in r_session.calls()
    assert "These optional R packages did not install: notOnCranEither" in result.stderr


def test_a_description_written_with_a_unicode_version_sign_still_installs(tmp_path, r_session):
    """"tinyA (\u2265 0.0.1)", as a word processor writes >=: R CMD check
    would reject it, but the analysis needs tinyA all the same."""
    project = bake_existing(tmp_path, {"DESCRIPTION": DESCRIPTION.replace(">=", "\u2265")})
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "tinyA" in r_session.installed()


def test_a_missing_description_dependency_fails_and_is_named(tmp_path, r_session):
    project = bake_existing(tmp_path, {"DESCRIPTION": DESCRIPTION.replace("tinyA (>= 0.0.1)", "notOnCran")})
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode != 0
    assert "These R packages did not install: notOnCran" in result.stderr


LOCK = '{"R": {"Version": "4.2.2"}, "Packages": {"tinyA": {"Package": "tinyA", "Version": "0.0.1"}}}\n'
# What renv::init() writes; only its presence matters to where install.R restores.
ACTIVATE_R = 'local({\n  version <- "1.0.7"\n  # ...\n})\n'


def test_an_renv_lock_without_activate_r_is_restored_into_the_library_r_uses_first(tmp_path, r_session):
    """No renv/activate.R means nothing would look in renv's project library
    when R starts, so the packages go where R itself looks first."""
    project = bake_existing(tmp_path, {"renv.lock": LOCK})
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "tinyA" in r_session.installed()
    # An R Markdown file in a subfolder that runs renv::load("..") switches
    # to renv's project library, which leads to the same packages.
    analysis = project / "analysis"
    analysis.mkdir()
    knitted = r_session.run("-e", 'renv::load(".."); library(tinyA); cat("attached\\n")', cwd=analysis)
    assert knitted.returncode == 0 and knitted.stdout == "attached\n", knitted.stderr


def test_an_renv_project_in_a_subfolder_that_the_root_rprofile_loads_starts_with_its_packages(
        tmp_path, r_session):
    """Issue 22: a Python repository with its R project in r/, and a root
    .Rprofile that runs renv::load("r"), then library(). R on Binder starts
    in the root, so that .Rprofile runs at every start: r/renv.lock goes into
    r/'s project library, and R started there (Rscript, as RStudio's session
    does) loads it without failing."""
    rprofile = 'renv::load("r")\nlibrary(tinyA)\n'
    project = bake_existing(tmp_path, {"pyproject.toml": "[project]\nname = 'pipeline'\n",
                                       "r/renv.lock": LOCK.replace('}}}', '}, "tinyB": '
                                                                   '{"Package": "tinyB", "Version": "0.0.1"}}}'),
                                       "r/analysis.R": "library(tinyB)\n", ".Rprofile": rprofile})
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    [library] = (project / "r" / "renv" / "library").glob("R-*/*")
    assert {p.name for p in library.iterdir()} == {"renv", "tinyA", "tinyB"}
    assert {"tinyA", "tinyB"}.isdisjoint(r_session.installed())
    # R started in the root reads .Rprofile (not the test's own profile).
    started = r_session.run("-e", 'library(tinyB); cat("attached\\n")', cwd=project,
                            env={"R_PROFILE_USER": str(project / ".Rprofile")})
    assert started.returncode == 0 and started.stdout == "attached\n", started.stderr


def test_renv_lock_is_restored_and_checked(tmp_path, r_session):
    """renv is not packaged in Debian bookworm: a stand-in renv from the
    local repository records the restore() call and installs what the
    lockfile names (tests/local_repos.py)."""
    project = bake_existing(tmp_path, {"renv.lock": LOCK, "renv/activate.R": ACTIVATE_R})
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    # The image's renv restores into the project library, where renv's
    # activate.R looks at start, and is copied there too.
    assert "renv" in r_session.installed()
    [library] = (project / "renv" / "library").glob("R-*/*")
    assert {p.name for p in library.iterdir()} == {"renv", "tinyA"}
    [call] = [c for c in r_session.calls() if c.startswith("restore|")]
    assert call.startswith('restore|lockfile="renv.lock"|prompt=FALSE|exclude="renv"|repos="file://')
    # The repository in force, and the one renv is pointed at, is the image's.
    repos = call.split('|repos="', 1)[1].split('"', 1)[0]
    assert f'|repos_override="{repos}"' in call and repos.startswith("file://")

    missing = '{"Packages": {"notOnCran": {"Package": "notOnCran", "Version": "1.0"}}}\n'
    (project / "renv.lock").write_text(missing)
    failed = r_session.run("binder/install.R", cwd=project)
    assert failed.returncode != 0
    assert "These R packages from renv.lock did not restore: notOnCran" in failed.stderr


def test_renv_restores_where_old_and_new_activate_r_look(tmp_path, r_session):
    """renv 1.x on R >= 4.4 puts the project library under an OS folder;
    the activate.R of older lockfiles looks in renv/library/R-x.y/<platform>:
    both lead to the restored packages."""
    project = bake_existing(tmp_path, {"renv.lock": LOCK, "renv/activate.R": ACTIVATE_R})
    result = r_session.run("binder/install.R", cwd=project, env={"STANDIN_RENV_OS": "linux-ubuntu-noble"})
    assert result.returncode == 0, result.stderr
    [newer] = (project / "renv" / "library" / "linux-ubuntu-noble").glob("R-*/*")
    [older] = [p for p in (project / "renv" / "library").glob("R-*/*")]
    assert older.is_symlink() and older.resolve() == newer.resolve()
    assert {p.name for p in older.iterdir()} == {"renv", "tinyA"}


def test_description_is_read_the_way_r_and_remotes_read_it(tmp_path, r_session):
    """A blank line, names without commas, remotes in remotes' syntax: only
    remotes for packages declared are installed, and one for a Suggests
    package stays optional."""
    description = ("Package: compendium\nVersion: 0.1.0\nImports: tinyA, biocpkg\n"
                   "Remotes: bioc::release/biocpkg, someone/ghpkg2, someone/missingone, someone/unused,\n"
                   "    local::../nearby\n\nSuggests: tinyB ghpkg2, missingone, nearby\n")
    project = bake_existing(tmp_path, {"DESCRIPTION": description})
    (tmp_path / "tmp").mkdir()
    result = r_session.run("binder/install.R", cwd=project, env={"TMPDIR": str(tmp_path / "tmp")})
    assert result.returncode == 0, result.stderr
    # What the workflow's summary names: the build stayed green without it.
    assert (tmp_path / "tmp" / "r-packages-not-installed.txt").read_text() == "missingone\n"
    assert {"tinyA", "tinyB", "biocpkg", "ghpkg2"} <= r_session.installed()
    calls = r_session.calls()
    assert 'install|pkgs="biocpkg"|update=FALSE|ask=FALSE' in calls
    assert 'install_github|repo="someone/ghpkg2"|upgrade="never"' in calls
    assert not any("unused" in call for call in calls)
    assert "These optional R packages did not install: missingone" in result.stderr
    assert "Remotes: local::../nearby is a local path, which is not in the image: skipped" in result.stderr


def test_a_bioconductor_package_gets_its_imports_through_biocmanager(tmp_path, r_session):
    description = "Package: biocthing\nVersion: 0.1.0\nbiocViews: Software\nImports: tinyA, biocpkg2\n"
    project = bake_existing(tmp_path, {"DESCRIPTION": description})
    result = r_session.run("binder/install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert 'install|pkgs=c("tinyA", "biocpkg2")|update=FALSE|ask=FALSE' in r_session.calls()
