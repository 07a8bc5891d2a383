"""Adding Binder to projects that already exist (layout=existing-project),
with the one documented command, into realistic projects: a research
compendium with a usethis README.Rmd, an renv project, and a plain folder of
R scripts. Every file of the user's is compared byte for byte."""

from __future__ import annotations

import difflib
import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests import helpers
from tests.conftest import TEMPLATE_ROOT, tool
from tests.helpers import check_jsonschema, hadolint, repo2docker_dockerfile

BADGE = ("[![Binder](https://mybinder.org/badge_logo.svg)]"
         "(https://mybinder.org/v2/gh/octo-cat/{repo}/main?urlpath=rstudio)")
BINDER_FILES = {"binder/Dockerfile", "binder/Dockerfile.dockerignore", "binder/install.R", "binder/.Renviron"}
GITHUB_FILES = {".github/workflows/binder.yml", ".github/workflows/keep-binder-warm.yml", ".github/dependabot.yml",
                ".github/scripts/prewarm.sh", ".github/scripts/smoke_test.sh"}


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    return root


def compendium(parent: Path) -> Path:
    readme_top = """\
        ---
        output: github_document
        ---

        ```{r, include = FALSE}
        # A comment, not a heading
        knitr::opts_chunk$set(collapse = TRUE)
        ```

        # soilcompendium

        <!-- badges: start -->
        [![R-CMD-check](https://example.org/badge.svg)](https://example.org)
        <!-- badges: end -->

        A research compendium.
        """
    return write(parent / "soilcompendium", {
        "DESCRIPTION": """\
            Package: soilcompendium
            Title: Soil Moisture Analysis
            Version: 0.1.0
            Depends: R (>= 4.1)
            Imports: tinyA (>= 0.0.1), stats
            Suggests: tinyB
            Remotes: someone/ghpkg
            """,
        "R/fun.R": "soil <- function() 1\n",
        "analysis/paper.Rmd": "# Paper\n",
        "README.Rmd": readme_top,
        "README.md": "# soilcompendium\n\n<!-- badges: start -->\n<!-- badges: end -->\n\nA research compendium.\n",
        ".Renviron": "SECRET_TOKEN=do-not-ship\n",
        # As usethis::use_git_ignore() has it: outside a repository the next
        # steps say `git add .`, which is refused while .Renviron would go in.
        ".gitignore": ".Renviron\n",
    })


def renv_project(parent: Path) -> Path:
    lock = {"R": {"Version": "4.1.2", "Repositories": [{"Name": "CRAN", "URL": "https://cloud.r-project.org"}]},
            "Packages": {"tinyA": {"Package": "tinyA", "Version": "0.0.1", "Source": "Repository"}}}
    return write(parent / "renv-analysis", {
        "renv.lock": json.dumps(lock, indent=2) + "\n",
        ".Rprofile": 'source("renv/activate.R")\n',
        "renv/activate.R": "# Stand-in for renv's own activate.R.\n",
        "renv/settings.json": "{}\n",
        "README.md": "# Rainfall analysis\r\n\r\nSome text.\r\n",
        "analysis.R": "library(tinyA)\n",
    })


def plain_folder(parent: Path) -> Path:
    return write(parent / "scripts", {"a.R": "x <- 1\n", "b.R": "y <- 2\n"})


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add_binder(project: Path, *answers: str) -> subprocess.CompletedProcess:
    """The README's command for the current folder."""
    return helpers.add_binder(project, "github_user=octo-cat", *answers)


def added_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.ndiff(before.decode().splitlines(keepends=True), after.decode().splitlines(keepends=True))
    changes = [line for line in diff if line[:2] in ("+ ", "- ")]
    assert all(line.startswith("+ ") for line in changes), changes  # nothing removed or changed
    return [line[2:] for line in changes]


@pytest.mark.parametrize("make,readme,badge_lines", [
    (compendium, "README.Rmd", ["{badge}\n"]),
    (renv_project, "README.md", ["\r\n", "<!-- badges: start -->\r\n", "{badge}\r\n", "<!-- badges: end -->\r\n"]),
    (plain_folder, None, []),
], ids=["compendium", "renv", "plain"])
def test_binder_is_added_and_nothing_else_changes(tmp_path, make, readme, badge_lines):
    project = make(tmp_path)
    before = snapshot(project)
    result = add_binder(project)
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(project)
    badge = BADGE.format(repo=project.name)

    assert set(after) - set(before) == BINDER_FILES | GITHUB_FILES
    for name, content in before.items():
        if name != readme:
            assert after[name] == content, name
    if readme:
        added = added_lines(before[readme], after[readme])
        assert sorted(added) == sorted(line.format(badge=badge) for line in badge_lines)
        assert f"Added the Binder badge to {readme}." in result.stdout
    else:
        assert f"put this badge in yours:\n  {badge}" in result.stdout
    listed = []
    for line in result.stdout.split("Added:\n", 1)[1].splitlines():
        if not line.startswith("  "):
            break
        listed.append(line.strip())
    assert sorted(listed) == sorted(BINDER_FILES | GITHUB_FILES)

    # Binder finds binder/ first, and the Dockerfile is clean.
    dockerfile = (project / "binder" / "Dockerfile").read_text()
    assert repo2docker_dockerfile(project) == dockerfile + "\n"
    assert hadolint(project / "binder" / "Dockerfile") == ""
    dependabot = (project / ".github" / "dependabot.yml").read_text()
    assert 'directory: "/binder"' in dependabot

    # A second run changes nothing, and says so.
    again = add_binder(project)
    assert again.returncode == 0, again.stderr
    assert snapshot(project) == after
    assert "Binder is already set up here: nothing changed." in again.stdout


def test_what_the_project_declares_reaches_the_dockerfile(tmp_path):
    project = compendium(tmp_path)
    assert add_binder(project).returncode == 0
    lines = (project / "binder" / "Dockerfile").read_text().splitlines()
    install = lines.index("COPY --chown=${NB_USER} binder/install.R /home/${NB_USER}/binder/install.R")
    assert lines[install + 1:install + 3] == [
        "COPY --chown=${NB_USER} DESCRIPTION /home/${NB_USER}/", "RUN Rscript binder/install.R"]
    assert lines[-1] == "COPY --chown=${NB_USER} binder/.Renviron /home/${NB_USER}/.Renviron"
    ignored = (project / "binder" / "Dockerfile.dockerignore").read_text().splitlines()
    assert ".Renviron" in ignored  # the root one: it may hold secrets

    renv = renv_project(tmp_path)
    result = add_binder(renv, "r_version=latest")
    assert result.returncode == 0
    lines = (renv / "binder" / "Dockerfile").read_text().splitlines()
    # renv.lock goes in before the install; .Rprofile and renv/activate.R
    # only with the rest, so that the restore uses the image's repository.
    run = lines.index("RUN Rscript binder/install.R")
    assert lines.index("COPY --chown=${NB_USER} renv.lock /home/${NB_USER}/") < run
    assert not any(".Rprofile" in line or "activate.R" in line for line in lines if line.startswith("COPY"))
    assert "do.call(renv::restore, restore)" in (renv / "binder" / "install.R").read_text()
    assert ("warning: renv.lock was made with R 4.1.2, and the image has the newest R: packages locked "
            "for an older R often fail to install on a newer one; the nearest choice is r_version=4.1.2") \
        in result.stderr


def test_an_renv_lock_matching_the_tag_gives_no_warning(tmp_path):
    result = add_binder(renv_project(tmp_path), "r_version=4.1.2")
    assert result.returncode == 0 and "renv.lock was made" not in result.stderr


def test_a_folder_that_does_not_exist_is_refused_with_nothing_written(tmp_path):
    parent = tmp_path / "projects"
    parent.mkdir()
    result = subprocess.run(
        [tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", str(parent), str(TEMPLATE_ROOT),
         "layout=existing-project", "repo_name=not-there", "online_checks=false"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("error: layout = 'existing-project': ")
    assert list(parent.iterdir()) == []


def test_a_workflow_of_the_users_own_is_left_alone_with_instructions(tmp_path):
    project = plain_folder(tmp_path)
    write(project, {".github/workflows/binder.yml": "name: mine\n"})
    result = add_binder(project)
    assert result.returncode == 0
    assert (project / ".github/workflows/binder.yml").read_text() == "name: mine\n"
    assert "Your .github/workflows/binder.yml was left alone." in result.stdout
    assert ("Kept, but they differ from what this run would write (-s never overwrites; delete one and run "
            "again to have it rewritten):\n  .github/workflows/binder.yml") in result.stdout


def test_a_new_repository_is_unchanged_by_the_new_layout(cookies):
    result = cookies.bake(extra_context={"online_checks": False})
    project = result.project_path
    assert not (project / "binder").exists()
    assert (project / "Dockerfile").read_text().splitlines()[-1] == "COPY --chown=${NB_USER} . /home/${NB_USER}"


def test_the_badge_block_goes_right_after_the_first_real_heading():
    from binder_template import readme_badge

    def with_badge(text, badge):
        return readme_badge.with_badge(text, badge).text

    crlf = "# Rainfall analysis\r\n\r\nSome text.\r\n"
    assert with_badge(crlf, "B") == (
        "# Rainfall analysis\r\n\r\n<!-- badges: start -->\r\nB\r\n<!-- badges: end -->\r\n\r\nSome text.\r\n")
    rmd = "---\ntitle: x\n# not: a heading\n---\n\n```{r}\n# a comment\n```\n\n## Soil\nText\n"
    # A blank line after the block: CommonMark ends an HTML block only there.
    assert with_badge(rmd, "B") == rmd.replace("## Soil\n", "## Soil\n\n<!-- badges: start -->\nB\n"
                                               "<!-- badges: end -->\n\n")
    assert with_badge("No heading at all.\n", "B") == (
        "<!-- badges: start -->\nB\n<!-- badges: end -->\n\nNo heading at all.\n")
    assert with_badge("# T\n<!-- badges: start -->\nB\n<!-- badges: end -->\n", "B") is None


# --- CITATION.cff: written only where there is none ---------------------------------

def test_a_project_without_a_citation_file_gets_one_when_an_author_is_given(tmp_path):
    project = plain_folder(tmp_path)
    quiet = add_binder(project)
    assert quiet.returncode == 0, quiet.stderr
    assert not (project / "CITATION.cff").exists()
    assert ('There is no CITATION.cff, which GitHub ("Cite this repository") and Zenodo read: run this again\n'
            '  with author_name="..." (and project_name="...", the title) to have one written.\n') in quiet.stdout
    result = add_binder(project, "author_name=Ada Lovelace", "zenodo_doi=10.5281/zenodo.7")
    assert result.returncode == 0, result.stderr
    assert "Added:\n  CITATION.cff\n" in result.stdout and "There is no CITATION.cff" not in result.stdout
    import yaml

    citation = yaml.safe_load((project / "CITATION.cff").read_text())
    # Its own name for the title (the default one is not its), the
    # repository the badge launches, no license it may not have.
    assert {key: citation.get(key) for key in ("title", "authors", "repository-code", "doi", "license",
                                               "abstract")} == {
        "title": project.name, "authors": [{"name": "Ada Lovelace"}],
        "repository-code": f"https://github.com/octo-cat/{project.name}", "doi": "10.5281/zenodo.7",
        "license": None, "abstract": None}
    schema = TEMPLATE_ROOT / "tests/schemas/citation-file-format-1.2.0.json"
    checked = check_jsonschema("--default-filetype", "yaml", "--schemafile", str(schema), str(project / "CITATION.cff"))
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("skip", [True, False], ids=["-f -s", "-f"])
@pytest.mark.parametrize("kind", ["file", "link"])
def test_a_projects_own_citation_file_is_never_replaced(tmp_path, skip, kind):
    project = plain_folder(tmp_path)
    if kind == "file":
        (project / "CITATION.cff").write_text("cff-version: 1.2.0\ntitle: Mine\n")
    else:
        (project / "CITATION.cff").symlink_to("elsewhere.cff")
    before = snapshot(project)
    options = ["-f", "-s"] if skip else ["-f"]
    result = helpers.cookiecutter_cli(project, *options, "--output-dir", "..", "layout=existing-project",
                                      f"repo_name={project.name}", "online_checks=false", "github_user=octo-cat",
                                      "author_name=Ada Lovelace")
    assert result.returncode == 0, result.stderr
    assert "CITATION.cff" not in result.stdout
    if kind == "file":
        assert (project / "CITATION.cff").read_bytes() == before["CITATION.cff"]
    else:
        assert (project / "CITATION.cff").is_symlink() and str((project / "CITATION.cff").readlink()) == "elsewhere.cff"


@pytest.mark.parametrize("citation,said", [
    ("cff-version: 1.2.0\ntitle: Mine\ndoi: 10.5281/zenodo.1\n",
     ", and its doi is 10.5281/zenodo.1, not 10.5281/zenodo.2 (zenodo_doi): change it, unless it is the DOI of "
     "all versions of that record"),
    ("cff-version: 1.2.0\ntitle: Mine\n", ", and it gives no doi: add doi: 10.5281/zenodo.2 (zenodo_doi)"),
    ("\ufeffcff-version: 1.2.0\r\ndoi: null\r\n", ", and it gives no doi: add doi: 10.5281/zenodo.2"),
    ("cff-version: 1.2.0\ndoi: >-\n  10.5281/zenodo.2\n", ": check that its doi is 10.5281/zenodo.2 (zenodo_doi)"),
    ("cff-version: 1.2.0\ntitle: Mine\ndoi: '10.5281/ZENODO.2'  # this version\r\n", None),
    (None, ": check that its doi is 10.5281/zenodo.2 (zenodo_doi)"),
], ids=["another DOI", "no DOI", "null", "folded", "this DOI", "a link"])
def test_a_kept_citation_file_that_cites_another_doi_is_said(tmp_path, citation, said):
    """A DOI given for a project whose CITATION.cff (its own, or one an
    earlier run wrote) cites another: the file is left as it is, and the
    report says what to check in it."""
    project = plain_folder(tmp_path)
    if citation is None:
        (project / "CITATION.cff").symlink_to("elsewhere.cff")
    else:
        (project / "CITATION.cff").write_bytes(citation.encode())
    result = helpers.cookiecutter_cli(project, "-f", "-s", "--output-dir", "..", "layout=existing-project",
                                      f"repo_name={project.name}", "online_checks=false", "github_user=octo-cat",
                                      "zenodo_doi=https://doi.org/10.5281/zenodo.2")
    assert result.returncode == 0, result.stderr
    if citation is None:
        assert str((project / "CITATION.cff").readlink()) == "elsewhere.cff"
    else:
        assert (project / "CITATION.cff").read_bytes() == citation.encode()
    if said is None:
        assert "CITATION.cff" not in result.stdout
    else:
        assert result.stdout.count("CITATION.cff") == 1 and f"CITATION.cff was left as it is{said}" in result.stdout
