"""Binder added to real public R projects (tests/corpus, with their sources
in MANIFEST.json), the way a new user does it: a git repository on the
project's real default branch with an 'origin' on GitHub, the README's
command as written, the printed git commands run, then a clone of the
result. A refusal must say what to do; the test does it and runs again."""

from __future__ import annotations

import re

import pytest

from binder_template import rcode
from tests import corpus_projects as corpus
from tests.helpers import repo2docker_dockerfile

PROJECTS = corpus.PROJECTS
OUR_BADGE = re.compile(r"^\[!\[Binder\]\(https://mybinder\.org/badge_logo\.svg\)\]\((\S+)\)$")


@pytest.mark.parametrize("entry", PROJECTS, ids=[p["slug"] for p in PROJECTS])
def test_binder_is_added_to_a_real_project(tmp_path, entry):
    owner, name = entry["repo"].split("/")
    project = corpus.checkout(entry, tmp_path)
    used = set(entry["loads"])  # as a reader of the code found them
    result, clone = corpus.add_binder_as_a_user_would(project, tmp_path / "clone", tuple(entry.get("answers", ())))
    here = ".binder" if (clone / ".binder").is_dir() else "binder"
    assert not ((clone / "binder").is_dir() and (clone / ".binder").is_dir())
    dockerfile = (clone / here / "Dockerfile").read_text()
    # repo2docker picks this Dockerfile, and every file it copies is there.
    assert repo2docker_dockerfile(clone) == dockerfile + "\n"
    for line in dockerfile.splitlines():
        if line.startswith("COPY "):
            sources = [w for w in line.split()[1:-1] if not w.startswith("--")]
            for source in sources:
                assert source == "." or (clone / source).is_file(), (source, line)

    # The README launches this repository at its branch, with one badge of ours.
    ui = dict(answer.split("=", 1) for answer in entry.get("answers", [])).get("ui", "rstudio")
    urlpath = {"rstudio": "rstudio", "shiny": "shiny/", "lab": "lab", "notebook": "tree"}[ui]
    launch = f"https://mybinder.org/v2/gh/{owner}/{name}/{entry['default_branch']}?urlpath={urlpath}"
    readmes = [p for p in clone.iterdir() if p.name.lower() in ("readme.md", "readme.rmd")]
    edited = [p for p in readmes if launch in p.read_text(errors="replace")]
    if readmes:
        assert edited, result.stdout
        assert "There is no README" not in result.stdout
        for readme in edited:
            ours = [OUR_BADGE.match(line.strip()) for line in readme.read_text().splitlines()]
            # A badge launches it, once on a line of its own at most: one of
            # theirs that launches the same already is not doubled.
            assert f"]({launch})" in readme.read_text()
            assert [m.group(1) for m in ours if m].count(launch) <= 1
    else:
        assert "put this badge in yours:\n  [![Binder]" in result.stdout
    for other in re.findall(r"https?://[^\s()\[\]]+/v2/gh/[^\s()\[\]]+",
                            "".join(p.read_text(errors="replace") for p in readmes)):
        assert other == launch or other in result.stdout

    # What reading the project showed the report must say, or never say.
    for text in entry.get("report_says", []):
        assert text in result.stdout + result.stderr, text
    for text in entry.get("report_never", []):
        assert text not in result.stdout + result.stderr, text

    # Every package the code loads is named in what the image installs, or,
    # for an renv project, said to be missing from renv.lock.
    script = "packages.R" if (clone / here / "packages.R").is_file() else "install.R"
    install_r = (clone / here / script).read_text()
    description = (clone / "DESCRIPTION").read_text() if (clone / "DESCRIPTION").is_file() else ""
    # The lockfile the Dockerfile copies: renv.lock, or r/renv.lock for a subfolder project.
    locks = [source for line in dockerfile.splitlines() if line.startswith("COPY ")
             for source in line.split()[1:-1] if source.endswith("renv.lock")]
    lock = (clone / locks[0]).read_text() if locks else None
    for package in used:
        if lock is not None:
            assert f'"{package}"' in lock or package in result.stdout.split("renv.lock does not record:")[1], package
        else:
            assert f'"{package}"' in install_r or re.search(rf"\b{re.escape(package)}\b", description), package


@pytest.mark.parametrize("entry", PROJECTS, ids=[p["slug"] for p in PROJECTS])
def test_the_scanner_finds_what_a_reader_of_the_code_found(entry):
    """MANIFEST.json's "loads" was made by reading each project's code, not
    by running the scanner. Both directions count: a name the scanner misses
    is a package the image lacks, one it adds is an install that fails or
    wastes the build. Where they differ on purpose, "loads_differ" says why."""
    folder = corpus.CORPUS / entry["slug"]
    found = set(rcode.packages_used(str(folder))) - {corpus.description_fields(folder).get("Package")}
    read = set(entry["loads"])
    assert found ^ read == set(entry.get("loads_differ", {})), \
        {"scanner only": sorted(found - read), "reader only": sorted(read - found)}


# --- install.R in real R ------------------------------------------------------

SLOW_INSTALLS = ("compendium-kwlburials", "book-rprofile-home-rgraphics")


@pytest.mark.xdist_group("real-R")
@pytest.mark.parametrize("entry", [p for p in PROJECTS if not corpus.renv_lockfiles(p["slug"])
                                   and p["slug"] not in SLOW_INSTALLS], ids=lambda p: p["slug"])
def test_install_r_installs_what_the_project_uses_and_nothing_else(tmp_path, entry, rscript, local_cran):
    """The generated install.R, run in real R against a local repository with
    a tiny package for every name the project needs: it installs each one R
    does not already have, and asks for nothing else. (kwl-burials and the
    RGraphics book, with 232 and 90 packages, are left out for the fast
    tier's sake; the book's real build, in the build tier, installs its
    packages.)"""
    from tests.r_session import RSession

    project = corpus.checkout(entry, tmp_path)
    _, clone = corpus.add_binder_as_a_user_would(project, tmp_path / "clone", tuple(entry.get("answers", ())))
    home = tmp_path / "home"
    home.mkdir()
    session = RSession(rscript, local_cran, home)
    # The script the Dockerfile runs (packages.R beside a project's own install.R).
    [dockerfile] = clone.glob("*binder/Dockerfile")
    [script] = re.findall(r"^RUN Rscript (\S+)$", dockerfile.read_text(), re.MULTILINE)
    result = session.run(script, cwd=clone)
    assert result.returncode == 0, result.stderr[-3000:]
    needed = corpus.packages_needed(entry["slug"])
    suggested = corpus.packages_needed(entry["slug"], fields=("Suggests",))
    preinstalled = set(session.run("-e", "cat(rownames(installed.packages()), sep = '\\n')",
                                   cwd=home).stdout.split()) - session.installed()
    installers = {"remotes", "BiocManager"}
    conda = corpus.conda_r_packages(entry["slug"])
    assert {n for n in session.installed() if n.lower() not in conda} <= needed | suggested | installers
    assert needed - preinstalled <= session.installed()
