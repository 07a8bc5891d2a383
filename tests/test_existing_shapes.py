"""layout=existing-project on the shapes real projects have: their git
branch and remote, Binder setups of their own, ignored files, READMEs of
every kind, symbolic links, and DESCRIPTION files R reads its own way. Each
runs the README's command in a real git repository, as a user does."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from binder_template import description_file, rcode, readme_badge, survey
from tests.conftest import run
from tests.corpus_projects import add_binder, run_next_steps
from tests.helpers import GIT_ENV, cookiecutter_cli, git

BADGE = "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/{}?urlpath=rstudio)"


def project(tmp_path: Path, files: dict[str, str], branch: str = "main", origin: str | None = None,
            name: str = "analysis") -> Path:
    folder = tmp_path / name
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(textwrap.dedent(text))
    folder.mkdir(exist_ok=True)
    git(folder, "init", "-q", "-b", branch)
    if origin:
        git(folder, "remote", "add", "origin", origin)
    git(folder, "add", "-A", "-f")
    git(folder, "commit", "-qm", "start", "--allow-empty")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


def refused(folder: Path, *answers: str) -> str:
    before = snapshot(folder)
    result = add_binder(folder, *answers)
    assert result.returncode == 1, result.stdout
    assert snapshot(folder) == before
    assert git(folder, "status", "--porcelain") == ""
    return result.stderr


# --- the badge's owner, repository and branch ---------------------------------

def test_the_badge_and_workflow_follow_origin_and_the_checked_out_branch(tmp_path):
    folder = project(tmp_path, {"README.md": "# Soil\n", "a.R": "library(tinyA)\n"}, branch="master",
                     origin="git@github.com:Octo-Cat/Soil-Analysis.git", name="soil-analysis")
    # The default branch, as git clone records it.
    git(folder, "update-ref", "refs/remotes/origin/master", "HEAD")
    git(folder, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/master")
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    assert "on schedule" not in result.stdout
    launch = "Octo-Cat/Soil-Analysis/master"
    assert BADGE.format(launch) in (folder / "README.md").read_text()
    assert '      - "master"' in (folder / ".github/workflows/binder.yml").read_text()
    assert "    git push origin master" in result.stdout

    # Run again for another branch: the badge is replaced, never doubled,
    # and the workflow written for master is reported.
    run_next_steps(folder, result.stdout)
    git(folder, "branch", "gh-pages")  # a new branch is created first (tests/test_wrong_folder.py)
    again = add_binder(folder, "branch=gh-pages")
    assert again.returncode == 0, again.stderr
    readme = (folder / "README.md").read_text()
    assert readme.count("badge_logo.svg") == 1 and BADGE.format("Octo-Cat/Soil-Analysis/gh-pages") in readme
    assert ("Replaced the Binder badge in README.md that launched\n"
            f"  https://mybinder.org/v2/gh/{launch}?urlpath=rstudio") in again.stdout
    assert "builds branch 'master', and the badge launches 'gh-pages'" in again.stdout
    assert "keep-binder-warm.yml keeps branch 'master' warm, and the badge launches 'gh-pages'" in again.stdout
    # GitHub starts a scheduled workflow from the default branch's copy only:
    # origin's master, as last fetched, has none.
    schedule = ("GitHub runs .github/workflows/keep-binder-warm.yml on its schedule only from your default "
                "branch, 'master', not from 'gh-pages': merge the .github folder into 'master' too")
    assert schedule in again.stdout
    # Once master on origin has it, or when origin/HEAD names a branch that is
    # gone (renamed upstream, then pruned), it is not said.
    for default in ("master", "renamed-upstream"):
        git(folder, "update-ref", "refs/remotes/origin/master", "HEAD")
        git(folder, "symbolic-ref", "refs/remotes/origin/HEAD", f"refs/remotes/origin/{default}")
        assert schedule not in add_binder(folder, "branch=gh-pages").stdout
    assert "    git push origin HEAD:gh-pages" in again.stdout


def test_a_keep_warm_workflow_of_the_users_own_is_neither_reported_nor_read_for_its_branch(tmp_path):
    """A keep-binder-warm.yml this template did not write, with a ref: line
    of the same indentation and a schedule, on a branch that is not the
    default one: it is kept, and nothing is said of its branch."""
    own = ('name: My keep-warm\non:\n  schedule:\n    - cron: "0 3 * * 1"\njobs:\n  warm:\n'
           '    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n'
           '          ref: "other"\n')
    folder = project(tmp_path, {"README.md": "# Soil\n", "a.R": "library(tinyA)\n",
                                ".github/workflows/keep-binder-warm.yml": own}, branch="dev",
                     origin="https://github.com/octo-cat/analysis.git")
    # origin's default branch, main, as last fetched: one commit, of nothing.
    empty = git(folder, "commit-tree", "-m", "empty", git(folder, "hash-object", "-t", "tree", os.devnull).strip())
    git(folder, "update-ref", "refs/remotes/origin/main", empty.strip())
    git(folder, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    assert (folder / ".github/workflows/keep-binder-warm.yml").read_text() == own
    assert "keeps branch" not in result.stdout and "on its schedule" not in result.stdout


def test_an_answer_given_wins_over_origin_and_is_said(tmp_path):
    folder = project(tmp_path, {"README.md": "# Soil\n"}, origin="https://github.com/someone/soil.git")
    result = add_binder(folder, "github_user=octo-cat")
    assert result.returncode == 0
    assert BADGE.format("octo-cat/analysis/main") in (folder / "README.md").read_text()
    assert "warning: github_user = 'octo-cat', and 'origin' is github.com/someone/soil" in result.stderr


def test_without_a_github_origin_github_user_is_asked_for(tmp_path):
    folder = project(tmp_path, {"a.R": "x <- 1\n"}, origin="https://gitlab.com/someone/soil.git")
    assert "there is no GitHub remote 'origin' to read github_user from" in refused(folder)


def test_a_detached_head_is_refused_unless_branch_is_given(tmp_path):
    folder = project(tmp_path, {"a.R": "x <- 1\n"}, origin="https://github.com/someone/soil.git")
    git(folder, "checkout", "-q", "--detach")
    assert "HEAD is detached" in refused(folder)
    assert add_binder(folder, "branch=main").returncode == 0


def test_a_folder_inside_another_repository_is_refused(tmp_path):
    outer = project(tmp_path, {"sub/a.R": "x <- 1\n"}, origin="https://github.com/someone/mono.git")
    assert "is inside the git repository" in refused(outer / "sub")


def test_a_folder_without_git_gets_git_init_and_all_of_its_files(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.R").write_text("library(tinyA)\n")
    (folder / ".gitignore").write_text(".Renviron\n")
    result = add_binder(folder, "github_user=octo-cat")
    assert result.returncode == 0, result.stderr
    steps = result.stdout.split("Next steps:\n", 1)[1]
    assert steps.startswith("    git init -b main\n    git add .\n    git add -f binder/.Renviron")
    assert "    cd " not in steps
    run_next_steps(folder, result.stdout)
    assert {"a.R", "binder/.Renviron", "binder/Dockerfile"} <= set(git(folder, "ls-files").split())


# --- files git would leave out ----------------------------------------------------

def test_every_file_the_dockerfile_copies_is_committed_ignored_or_not(tmp_path):
    excludes = tmp_path / "global-excludes"
    excludes.write_text("DESCRIPTION\n")
    config = tmp_path / "gitconfig"
    config.write_text(f"[core]\n\texcludesFile = {excludes}\n")
    folder = project(tmp_path, {".gitignore": ".Renviron\nrenv.lock\n", "README.md": "# T\n"})
    (folder / "DESCRIPTION").write_text("Package: analysis\nImports: tinyA\n")
    (folder / "renv.lock").write_text('{"R": {"Version": "4.4.0"}, "Packages": {}}\n')
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": str(config), "PWD": str(folder)}
    result = cookiecutter_cli(folder, "-f", "-s", "--output-dir", "..", "layout=existing-project",
                              "repo_name=analysis", "github_user=octo-cat", "online_checks=false", env=env)
    assert result.returncode == 0, result.stderr
    forced = [line for line in result.stdout.splitlines() if line.startswith("    git add -f ")]
    assert forced and set(forced[0].split("#")[0].split()[3:]) == {"binder/.Renviron", "DESCRIPTION", "renv.lock"}
    # The same commands, with the user's global excludes in force, commit them.
    for line in result.stdout.split("Next steps:\n", 1)[1].split("\n\n")[0].splitlines():
        if line.strip().startswith(("git add", "git commit")):
            subprocess.run(line.split("#")[0], shell=True, cwd=folder, env=env, check=True, capture_output=True)
    tracked = set(git(folder, "ls-files").split())
    dockerfile = (folder / "binder" / "Dockerfile").read_text()
    for line in dockerfile.splitlines():
        if line.startswith("COPY --chown"):
            assert all(src in tracked for src in line.split()[2:-1] if src != "."), line


def test_a_second_run_before_committing_still_lists_every_file(tmp_path):
    folder = project(tmp_path, {"README.md": "# T\n", "a.R": "library(tinyA)\n"},
                     origin="https://github.com/someone/soil.git")
    first = add_binder(folder)
    second = add_binder(folder)
    assert "Binder is already set up here: nothing changed." in second.stdout
    run_next_steps(folder, second.stdout)
    assert git(folder, "status", "--porcelain") == "", first.stdout


def test_a_knitted_readme_is_added_too(tmp_path):
    folder = project(tmp_path, {"README.Rmd": "---\noutput: github_document\n---\n\n# T\n", "README.md": "# T\n"},
                     origin="https://github.com/someone/soil.git")
    result = add_binder(folder)
    steps = result.stdout.split("Next steps:\n", 1)[1]
    assert "devtools::build_readme()" in steps
    add_line = next(line for line in steps.splitlines() if line.startswith("    git add "))
    assert "README.Rmd" in add_line.split() and "README.md" in add_line.split()


# --- Binder setups of the project's own ----------------------------------------------

def test_an_existing_dot_binder_folder_is_used_and_its_files_carried_over(tmp_path):
    folder = project(tmp_path, {".binder/runtime.txt": "r-4.1.2\n", ".binder/apt.txt": "libgsl-dev\n",
                                "install.R": 'install.packages("tinyB")\n', "README.md": "# T\n"},
                     origin="https://github.com/someone/soil.git")
    result = add_binder(folder, "r_version=4.4.0")
    assert result.returncode == 0, result.stderr
    assert not (folder / "binder").exists()
    dockerfile = (folder / ".binder" / "Dockerfile").read_text()
    assert "COPY .binder/apt.txt /tmp/apt.txt" in dockerfile
    assert "COPY --chown=${NB_USER} install.R /home/${NB_USER}/" in dockerfile
    assert "RUN Rscript .binder/install.R" in dockerfile
    assert 'source("install.R")' in (folder / ".binder" / "install.R").read_text()
    assert ("warning: .binder/runtime.txt asks for R 4.1.2, and the image has R 4.4.0; the nearest choice "
            "is r_version=4.1.2") in result.stderr


@pytest.mark.parametrize("files,expected", [
    ({"binder/a.txt": "x\n", ".binder/b.txt": "y\n"}, "both binder/ and .binder/"),
    ({".binder/Dockerfile": "FROM rocker/binder:4.0.0\n"}, ".binder/Dockerfile is your own Binder setup "
                                                            "(FROM rocker/binder:4.0.0, no RUN step)"),
    ({"apt.txt": "libgsl-dev\n"}, "add them there and leave apt_packages empty"),
    ({"DESCRIPTION": "Package: x\nDescription: one\nsecond line\n"}, "DESCRIPTION line 3 is not 'Field: value'"),
], ids=["both-folders", "own-dockerfile", "apt-twice", "dcf"])
def test_what_cannot_be_carried_over_is_refused_with_what_to_do(tmp_path, files, expected):
    folder = project(tmp_path, files, origin="https://github.com/someone/soil.git")
    answers = ["apt_packages=ffmpeg"] if "apt.txt" in files else []
    error = refused(folder, *answers)
    assert error.startswith("error: layout = 'existing-project': ") and expected in error, error


CLASSIC = {"binder/install.R": 'install.packages(c("tinyA", "here"))\n', "binder/runtime.txt": "r-4.1-2022-01-01\n",
           "binder/postBuild": "#!/bin/bash\nset -e\nR -e 'tinyA::hello()'\n", "analysis.R": "library(tinyA)\n",
           "README.md": "# Reefs\n"}


def test_the_classic_binder_setup_is_adopted_in_one_command(tmp_path):
    """binder/install.R + runtime.txt + postBuild, the most common R setup on
    Binder: nothing is renamed. Its install.R stays the user's and this
    template's packages.R runs it; postBuild runs last; each file is said."""
    folder = project(tmp_path, CLASSIC, origin="https://github.com/someone/reefs.git")
    before = snapshot(folder)
    result = add_binder(folder, "r_version=4.1.2")
    assert result.returncode == 0, result.stderr
    after = snapshot(folder)
    assert {name: after[name] for name in before if name != "README.md"} == \
        {name: data for name, data in before.items() if name != "README.md"}  # every file as it was
    dockerfile = (folder / "binder" / "Dockerfile").read_text()
    assert ("COPY --chown=${NB_USER} binder/install.R binder/packages.R /home/${NB_USER}/binder/\n"
            "RUN Rscript binder/packages.R\n") in dockerfile
    assert dockerfile.rstrip().endswith("RUN chmod +x binder/postBuild && ./binder/postBuild")
    packages_r = (folder / "binder" / "packages.R").read_text()
    assert packages_r.startswith("# packages.R: the R packages this project needs.")
    assert 'source("binder/install.R")' in packages_r
    report = result.stdout.split("Binder builds binder/Dockerfile now, and no longer reads these files "
                                 "(they stay as they are):\n", 1)[1].split("\nAdded the Binder badge", 1)[0]
    assert report.splitlines() == [
        "  binder/postBuild: the Dockerfile runs it last, as the user, from the repository's root (rocker/binder "
        "has no conda: a conda or mamba step in it fails the build)",
        "  binder/runtime.txt: the R version is r_version's, the rocker/binder tag",
        "  binder/install.R: binder/packages.R runs it"]
    run_next_steps(folder, result.stdout)
    assert "binder/packages.R" in git(folder, "ls-files").split()
    # A second run knows packages.R for its own: nothing changes.
    again = add_binder(folder, "r_version=4.1.2")
    assert again.returncode == 0, again.stderr
    assert "Binder is already set up here: nothing changed." in again.stdout
    assert git(folder, "status", "--porcelain") == ""


def test_root_files_binder_ignores_stay_and_what_they_held_is_carried(tmp_path):
    """A root Dockerfile for the project's own pipeline, a conda
    environment.yml, requirements.txt and start: none is refused or changed.
    environment.yml's R packages take the names the code spells."""
    files = {"Dockerfile": "FROM rocker/shiny:4.3.1\nRUN R -e 'install.packages(\"bslib\")'\nCMD [\"R\"]\n",
             "environment.yml": textwrap.dedent("""\
                 name: reefs
                 channels: [conda-forge, bioconda]
                 dependencies:
                   - r-base=4.2
                   - conda-forge::r-data.table>=1.14
                   - r-rcolorbrewer
                   - r-ggplot2=3.4.0=r42hc72bb7e_0
                   - bioconductor-deseq2
                   - bioconductor-limma
                   - python=3.10
                   - pip:
                     - r-not-conda
                 """),
             "requirements.txt": "pandas\n", "start": "#!/bin/bash\nexec \"$@\"\n",
             "analysis.R": "library(data.table)\nlibrary(DESeq2)\n", "README.md": "# Reefs\n"}
    folder = project(tmp_path, files, origin="https://github.com/someone/reefs.git")
    before = snapshot(folder)
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    assert {name: snapshot(folder)[name] for name in before if name != "README.md"} == \
        {name: data for name, data in before.items() if name != "README.md"}
    lines = result.stdout.split("no longer reads these files (they stay as they are):\n", 1)[1].splitlines()
    assert lines[:4] == [
        "  Dockerfile: it stays for your own docker build",
        "  environment.yml: binder/install.R installs its R packages, data.table, DESeq2, rcolorbrewer (by "
        "conda's lower-case name), ggplot2 (by conda's lower-case name); add limma to the bioc list in "
        "binder/install.R, spelled as Bioconductor does (conda writes names in lower case)",
        "  requirements.txt: its Python packages are not installed (add a RUN /opt/venv/bin/pip install line to "
        "the Dockerfile if the project needs them)",
        "  start: rocker/binder starts Jupyter and RStudio itself, so it no longer runs"]
    install_r = (folder / "binder" / "install.R").read_text()
    assert 'cran <- union(cran, c("data.table"))\nbioc <- union(bioc, c("DESeq2"))\n' in install_r
    assert 'conda <- c("rcolorbrewer", "ggplot2")' in install_r
    # Loaded by the code and listed by conda: required, not optional.
    assert "optional <-" not in install_r


@pytest.mark.parametrize("files", [{"binder/Dockerfile": "FROM python:3.11\nRUN pip install x\nRUN echo y\n"},
                                   {"binder/Dockerfile": "FROM python:3.11\n", "binder/install.R": "x <- 1\n"}],
                         ids=["committed", "not-committed"])
def test_the_one_refusal_left_keeps_the_users_dockerfile_in_one_command(tmp_path, files):
    folder = project(tmp_path, {"a.R": "library(tinyA)\n", "README.md": "# T\n"},
                     origin="https://github.com/someone/soil.git")
    for name, text in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text)
    committed = "install.R" not in str(files)
    if committed:
        git(folder, "add", ".")
        git(folder, "commit", "-qm", "own Dockerfile")
    result = add_binder(folder)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    runs = "2 RUN steps" if committed else "no RUN step"
    move = "git mv" if committed else "mv"
    assert lines[0].startswith(
        f"error: layout = 'existing-project': binder/Dockerfile is your own Binder setup (FROM python:3.11, {runs}), "
        "and this template writes its Dockerfile there, from rocker/binder with the packages your project needs: "
        f"to keep yours as binder/Dockerfile.before-binder-template and go on, run: {move} binder/Dockerfile "
        "binder/Dockerfile.before-binder-template && ")
    command = lines[0].split("and go on, run: ", 1)[1]
    pasted = subprocess.run(["bash", "-c", command], cwd=folder, capture_output=True, text=True, timeout=120,
                            env={**os.environ, **GIT_ENV, "PWD": str(folder)})
    assert pasted.returncode == 0, pasted.stderr
    assert (folder / "binder/Dockerfile.before-binder-template").read_text() == files["binder/Dockerfile"]
    assert (folder / "binder/Dockerfile").read_text().startswith("# Binder builds this file")


def test_symbolic_links_and_special_files_are_neither_read_nor_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for link, target in (("binder", elsewhere), (".github", elsewhere), ("renv.lock", Path("/dev/zero"))):
        folder = project(tmp_path / link.strip("."), {"a.R": "x <- 1\n"},
                         origin="https://github.com/someone/soil.git")
        (folder / link).symlink_to(target)
        git(folder, "add", link)
        git(folder, "commit", "-qm", "link")
        error = refused(folder)
        assert f"{link}" in error and "symbolic link" in error, error
        assert list(elsewhere.iterdir()) == []


# --- READMEs -----------------------------------------------------------------------

B = BADGE.format("o/r/main")
BLOCK = f"<!-- badges: start -->\n{B}\n<!-- badges: end -->\n"


@pytest.mark.parametrize("readme,expected", [
    ("```\n<!-- badges: start -->\n<!-- badges: end -->\n```\n# T\n",
     "```\n<!-- badges: start -->\n<!-- badges: end -->\n```\n# T\n\n" + BLOCK),
    ("\ufeff# T\n\nText\n", "\ufeff# T\n\n" + BLOCK + "\nText\n"),
    ("---\ntitle: Soil\noutput: github_document\n---\n\nText\n",
     "---\ntitle: Soil\noutput: github_document\n---\n\n" + BLOCK + "\nText\n"),
    ("<!--\n# Not a heading\n-->\nTitle\n=====\n\nText\n",
     "<!--\n# Not a heading\n-->\nTitle\n=====\n\n" + BLOCK + "\nText\n"),
    ("Text first.\n\nTitle\n-----\nMore\n", "Text first.\n\nTitle\n-----\n\n" + BLOCK + "\nMore\n"),
], ids=["block-in-a-fence", "bom", "front-matter-no-heading", "heading-in-a-comment", "setext"])
def test_the_badge_goes_where_a_reader_looks(readme, expected):
    assert readme_badge.with_badge(readme, B).text == expected


def test_other_binder_badges_are_reported_and_left_alone():
    theirs = ("[![Binder](https://mybinder.org/badge_logo.svg)]"
              "(https://mybinder.org/v2/gh/rstudio/tutorial/HEAD?labpath=index.ipynb)")
    edit = readme_badge.with_badge(f"# T\n{theirs}\n", B)
    assert theirs in edit.text and B in edit.text and edit.replaced is None
    assert edit.others == ["https://mybinder.org/v2/gh/rstudio/tutorial/HEAD?labpath=index.ipynb"]


def test_a_readme_is_found_in_any_case(tmp_path):
    folder = project(tmp_path, {"readme.md": "# T\n"}, origin="https://github.com/someone/soil.git")
    result = add_binder(folder)
    assert "Added the Binder badge to readme.md." in result.stdout
    assert BADGE.format("someone/soil/main") in (folder / "readme.md").read_text()


# --- what R code loads, and DESCRIPTION as R reads it --------------------------------

def test_packages_are_found_the_way_renv_dependencies_finds_them():
    code = textwrap.dedent("""\
        library(dplyr)  # library(notme)
        suppressMessages(require("ggplot2"))
        x <- "library(alsonot) and pkg::fun in a string"; y <- '#'; library(tidyr)
        requireNamespace('jsonlite', quietly = TRUE); requireNamespace(pkg)
        for (p in pkgs) library(p, lib.loc = file.path(a, b), character.only = TRUE)
        pacman::p_load(readr, "stringr", install = FALSE)
        purrr::map(1, identity); obj$stats::z
        """)
    # renv parses the code: a call written inside a string is not one.
    assert sorted({name for name, _ in rcode.packages_in_code(code)}) == [
        "dplyr", "ggplot2", "jsonlite", "pacman", "purrr", "readr", "stringr", "tidyr"]
    rmd = "---\noutput: bookdown::html_document2\n---\n`r knitr::kable(1)`\n```{r, eval=FALSE}\nlibrary(no)\n```\n" \
          "```{r}\n#| eval: false\nlibrary(no2)\n```\n```{python}\nimport pandas\n```\n````{r}\nlibrary(here)\n```\n"
    assert sorted(name for name, _ in rcode.packages_in_code(rcode.r_parts(rmd, ".rmd"))) == [
        "bookdown", "here", "knitr"]
    rnw = "\\Sexpr{xtable::xtable(1)}\n<<setup>>=\nlibrary(lattice)\n@\nlibrary(not_code)\n"
    assert sorted(name for name, _ in rcode.packages_in_code(rcode.r_parts(rnw, ".rnw"))) == ["lattice", "xtable"]


def test_windows_line_endings_change_nothing_that_is_found():
    """Files saved on Windows end lines with \\r\\n: the same packages, on the
    same lines, in code and in each kind of document."""
    code = 'library(dplyr) # library(no)\nx <- "a\nb"; require(tidyr)\npacman::p_load(sf,\n  here)\n'
    rmd = "---\noutput: bookdown::html_document2\n---\n```{r setup}\nlibrary(readr)\n```\n" \
          "```{r, eval=FALSE}\nlibrary(no)\n```\n`r knitr::kable(1)`\n"
    rnw = "<<setup>>=\nlibrary(lattice)\n@\nlibrary(not_code)\n"
    for text, suffix in ((code, ".r"), (rmd, ".rmd"), (rnw, ".rnw")):
        crlf = text.replace("\n", "\r\n")
        assert rcode.packages_in_code(rcode.r_parts(crlf, suffix)) == \
            rcode.packages_in_code(rcode.r_parts(text, suffix)) != []


def test_packages_loaded_through_an_apply_are_found():
    """lapply(pkgs, library, character.only = TRUE) over a vector of names:
    the vector as last assigned before the call, or written in it. A vector
    that is not all literal names is not guessed at."""
    code = textwrap.dedent("""\
        lapply(pkgs, library, character.only = TRUE)
        pkgs <- c("dplyr", 'ggplot2')
        invisible(lapply(pkgs, library, character.only = TRUE))
        pkgs = c("sf")
        sapply(X = pkgs, FUN = require, character.only = TRUE)
        purrr::walk(c("readr", "tidyr"), library, character.only = TRUE)
        more <- c("lubridate", extra)
        lapply(more, library, character.only = TRUE)
        lapply(files, source)
        package_list <- c("Rlab", "yaml")
        lapply(package_list, function(x) library(x, character.only = T))
        sapply(c("digest"), \\(p) { require(p, character.only = TRUE) })
        lapply(package_list, function(x) print(x))
        """)
    assert sorted(rcode.packages_in_code(code)) == [
        ("Rlab", 11), ("digest", 12), ("dplyr", 3), ("ggplot2", 3), ("purrr", 6), ("readr", 6), ("sf", 5),
        ("tidyr", 6), ("yaml", 11)]


def test_a_targets_pipeline_names_its_packages_as_renv_reads_them():
    """_targets.R: tar_option_set(packages = ...) is what each target loads.
    renv counts the literal names, and targets itself
    (renv_dependencies_discover_r_targets); a variable is read when it was
    assigned literal names above (renv does not), otherwise not guessed at."""
    pipeline = textwrap.dedent("""\
        library(targets)
        tar_option_set(
          packages = c("tibble", 'readr',
                       "ggplot2"),  # tar_option_set(packages = "commented")
          format = "rds"
        )
        targets::tar_option_set(packages = "sf", memory = c("transient"))
        tar_option_set(packages = unknown)
        pcks <- c("dplyr", "tidyr")
        tar_option_set(packages = pcks)
        """)
    assert sorted({name for name, _ in rcode.packages_in_code(pipeline)}) == [
        "dplyr", "ggplot2", "readr", "sf", "targets", "tibble", "tidyr"]


def test_a_targets_storage_format_brings_the_package_that_stores_it():
    """format = "qs" needs qs2 (targets >= 1.10.0, R/class_qs.R), "parquet"
    needs arrow: nothing in the pipeline names them. Outside a targets
    pipeline, format = "..." is another function's argument."""
    pipeline = textwrap.dedent("""\
        library(targets)
        tar_option_set(format = "qs")
        list(tar_target(data, read(), format = 'parquet'),
             tar_target(tbl, f(), format = "fst_tbl"), tar_target(plot, g(), format = "rds"))
        """)
    assert sorted(rcode.packages_in_code(pipeline)) == [
        ("arrow", 3), ("fst", 4), ("qs2", 2), ("targets", 1), ("targets", 2), ("tibble", 4)]
    assert rcode.packages_in_code('knitr::kable(x, format = "url")\nformat(x, format = "qs")\n') == [("knitr", 1)]


def test_description_is_read_as_r_reads_it():
    fields, warnings, errors = description_file.read_dcf(
        "Package: x\nImports: tinyA,\n    tinyB (>= 1.0)\nImports: tinyC\n\nSuggests: aa bb cc\n")
    assert fields["Imports"] == "tinyC" and fields["Suggests"] == "aa bb cc" and not errors
    assert warnings and "line 5 is blank" in warnings[0]
    names, problems = description_file.dependency_names("Suggests", "aa bb cc, dd (>= 1)")
    assert names == ["aa", "bb", "cc", "dd"] and "has no commas" in problems[0]


@pytest.mark.parametrize("spec,expected", [
    ("owner/repo", ("github", "repo")), ("owner/repo@v1.0", ("github", "repo")),
    ("apache/arrow/r", ("github", "arrow")), ("github::o/r#12", ("github", "r")),
    ("bioc::release/limma", ("bioc", "limma")), ("bioc::3.17/DESeq2", ("bioc", "DESeq2")),
    ("bioc::user:pass@devel/Pkg", ("bioc", "Pkg")), ("pkg=github::o/repo", ("github", "pkg")),
    ("github::pkg=o/repo", ("github", "pkg")), ("url::https://x.org/foo_1.0.tar.gz", ("url", "foo")),
    ("local::../bar", ("local", "bar")), ("git::git@github.com:o/r.git", ("git", "r")),
    ("gitlab::a/b", ("gitlab", "b")),
])
def test_remotes_are_read_in_the_remotes_packages_syntax(spec, expected):
    assert description_file.remote_package(spec) == expected


@pytest.mark.parametrize("text,version", [
    ("r-4.1.2\n", "4.1.2"), ("r-4.1\n", "4.1.3"), ("r-4.1-2022-01-01\n", "4.1.3"),
    ("r-2021-06-01\n", "4.1.0"), ("r-2019-02-15\n", "4.0.0"), ("python-3.8\n", None),
])
def test_runtime_txt_is_read_as_repo2docker_reads_it(text, version):
    assert survey.runtime_r_version(text) == version


def test_a_branch_other_than_the_one_checked_out_is_warned_about(tmp_path):
    folder = project(tmp_path, {"README.md": "# T\n"}, origin="https://github.com/someone/soil.git")
    git(folder, "branch", "mian")  # a branch that is nowhere is refused (tests/test_wrong_folder.py)
    result = add_binder(folder, "branch=mian")
    assert "warning: branch = 'mian', and the branch checked out is 'main'" in result.stderr


def test_the_folder_above_the_projects_is_refused(tmp_path):
    parent = tmp_path / "projects"
    project(parent, {"a.R": "x <- 1\n"}, name="one")
    project(parent, {"b.R": "x <- 1\n"}, name="two")
    before = snapshot(parent)
    result = add_binder(parent, "github_user=octo-cat")
    assert result.returncode == 1 and snapshot(parent) == before
    assert "this folder holds git repositories of its own (one/, two/)" in result.stderr


def test_a_kept_dockerfile_for_another_r_is_said(tmp_path):
    folder = project(tmp_path, {"README.md": "# T\n"}, origin="https://github.com/someone/soil.git")
    add_binder(folder)
    again = add_binder(folder, "r_version=4.4.0")
    assert ("binder/Dockerfile was kept, and it builds rocker/binder:latest, not r_version = '4.4.0': "
            "delete it and .github/dependabot.yml, and run this again") in again.stdout


def test_a_stale_badge_in_the_knitted_readme_is_reported(tmp_path):
    old = "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/someone/soil/HEAD)"
    folder = project(tmp_path, {"README.Rmd": f"# T\n{old}\n", "README.md": f"# T\n{old}\n"},
                     origin="https://github.com/someone/soil.git")
    result = add_binder(folder)
    assert "README.md has another Binder badge, which launches https://mybinder.org/v2/gh/someone/soil/HEAD" \
        in result.stdout


def test_a_badge_for_another_repository_is_kept_on_an_only_gh_pages_branch(tmp_path):
    """Issue 22: slides published from gh-pages, the repository's only
    branch, whose README launches the course's own repository with a badge
    written like ours. That badge is the user's: it stays, and ours, for
    gh-pages, is added beside it."""
    course = "https://mybinder.org/v2/gh/rstudio-education/intro-r/master?urlpath=rstudio"
    theirs = f"[![Binder](https://mybinder.org/badge_logo.svg)]({course})"
    folder = project(tmp_path, {"README.md": f"# Slides\n\n{theirs}\n", "make.R": "library(tinyA)\n"},
                     branch="gh-pages", origin="https://github.com/octo-cat/slides.git", name="slides")
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    readme = (folder / "README.md").read_text()
    assert theirs in readme.splitlines() and BADGE.format("octo-cat/slides/gh-pages") in readme
    assert f"README.md has a Binder badge for another repository, left as it is: {course}" in result.stdout
    assert "    git push origin gh-pages" in result.stdout


# --- what the user reads -----------------------------------------------------------

@pytest.mark.parametrize("files,answers", [
    ({"a.R": "library(tinyA)\n", "install.R": "install.packages('tinyB')\n", "apt.txt": "libgsl-dev\n"}, []),
    ({"app.R": "library(shiny)\nlibrary(tinyA)\n", "DESCRIPTION": "Package: x\nImports: tinyB\n"},
     ["ui=shiny", "apt_packages=libgsl-dev", "r_version=4.4.0"]),
    ({".binder/runtime.txt": "r-4.1.2\n", "renv.lock": '{"R": {"Version": "4.1.2"}, "Packages": {}}\n',
      ".Rprofile": 'source("renv/activate.R")\n'}, ["r_version=4.1.2"]),
    ({"pipeline.py": "print(1)\n", "r/renv.lock": '{"R": {"Version": "4.4.0"}, "Packages": {}}\n',
      "r/fit.R": "library(tinyA)\n", ".Rprofile": 'renv::load("r")\n'}, ["r_version=4.4.0"]),
], ids=["carried", "shiny-compendium", "renv-dot-binder", "renv-in-r-subfolder"])
def test_the_generated_files_read_as_written_for_this_project(tmp_path, files, answers):
    from tests.helpers import hadolint, leftovers

    folder = project(tmp_path, files, origin="https://github.com/someone/soil.git")
    result = add_binder(folder, *answers)
    assert result.returncode == 0, result.stderr
    here = folder / (".binder" if (folder / ".binder").is_dir() else "binder")
    assert hadolint(here / "Dockerfile") == ""
    assert leftovers(here) == []
    for name in ("Dockerfile", "install.R"):
        text = (here / name).read_text()
        assert "\n\n\n" not in text and not text.startswith("\n") and text.endswith("\n") and "\n\n" != text[-2:]
        assert max(len(line) for line in text.splitlines()) <= 100, name
        assert "}#" not in text
    dockerfile = (here / "Dockerfile").read_text()
    if "ui=shiny" not in answers:
        assert "shiny" not in dockerfile.lower()
    if not (folder / ".Rprofile").exists():
        assert "renv" not in (here / "install.R").read_text() and ".Rprofile" not in dockerfile


@pytest.mark.parametrize("rprofile,expected", [
    ('renv::load("r")\nlibrary(here)\n', "r/renv.lock"),
    ("renv::load(project = './r/')\n", "r/renv.lock"),
    ('  renv::activate("r")  # for Binder\n', "r/renv.lock"),
    ('# renv::load("r")\n', ""),             # commented out
    ('renv::load("../r")\n', ""),            # outside the repository
    ('renv::load("elsewhere")\n', ""),       # no lockfile there
    ('renv::load(here::here("r"))\n', ""),   # not a plain path: not guessed
], ids=["load", "project-argument", "activate", "comment", "outside", "no-lockfile", "expression"])
def test_an_renv_project_in_a_subfolder_is_found_through_the_root_rprofile(tmp_path, rprofile, expected):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "renv.lock").write_text('{"Packages": {}}\n')
    (tmp_path / ".Rprofile").write_text(rprofile)
    assert survey.renv_lockfile(str(tmp_path)) == expected
    # A lockfile at the root is the one R starts with, whatever .Rprofile says.
    (tmp_path / "renv.lock").write_text('{"Packages": {}}\n')
    assert survey.renv_lockfile(str(tmp_path)) == "renv.lock"


def test_a_new_repository_install_r_keeps_its_line_breaks(cookies):
    result = cookies.bake(extra_context={"online_checks": False})
    text = (result.project_path / "install.R").read_text()
    assert "}\n\n# install.packages() only warns" in text and "}#" not in text


def test_a_readme_that_cannot_be_changed_gets_one_line_and_the_badge(tmp_path, monkeypatch):
    from binder_template.report import existing_project_report

    folder = project(tmp_path, {"README.md": "# T\n", "NOTES.md": "x\n"},
                     origin="https://github.com/someone/soil.git")
    facts = survey.survey(str(folder), {"layout": "existing-project", "r_version": "latest",
                                        "apt_packages": ""}, ["latest"])
    answers = {"github_user": "someone", "repo_name": "analysis", "branch": "main", "ui": "rstudio",
               "binderhub_url": "https://mybinder.org", "apt_packages": "", "github_actions": False,
               "r_version": "latest"}
    badge = BADGE.format("someone/soil/main")

    def failing_replace(*args):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", failing_replace)
    report = existing_project_report(answers, folder, [], {}, facts)
    assert f"README.md could not be written (Read-only file system), so it was not changed; put this badge " \
           f"in it:\n  {badge}" in report
    assert (folder / "README.md").read_text() == "# T\n"
    assert sorted(p.name for p in folder.iterdir()) == [".git", "NOTES.md", "README.md"]
    monkeypatch.undo()

    (folder / "README.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    report = existing_project_report(answers, folder, [], {}, facts)
    assert f"README.md is not UTF-8 text, so it was not changed; put this badge in it:\n  {badge}" in report

    (folder / "README.md").unlink()
    (folder / "README.md").symlink_to(folder / "NOTES.md")
    report = existing_project_report(answers, folder, [], {}, facts)
    assert "README.md is a symbolic link, so it was not changed; put this badge in it:" in report
    assert (folder / "NOTES.md").read_text() == "x\n"


def test_without_s_what_was_replaced_is_said(tmp_path):

    folder = project(tmp_path, {".github/workflows/binder.yml": "name: mine\n", "binder/.Renviron": "A=1\n"},
                     origin="https://github.com/someone/soil.git")
    result = cookiecutter_cli(folder, "-f", "--output-dir", "..", "layout=existing-project",
                              f"repo_name={folder.name}", "online_checks=false", env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    assert ("Replaced with this template's (-f without -s overwrites; git diff shows what changed):\n"
            "  binder/.Renviron\n  .github/workflows/binder.yml\n") in result.stdout
    assert "Left as they were" not in result.stdout
    assert (folder / ".github/workflows/binder.yml").read_text() != "name: mine\n"


def test_a_full_disk_leaves_the_project_as_it_was_and_a_second_run_finishes(tmp_path):
    """A file size limit stands in for a full disk: prewarm.sh and
    keep-binder-warm.yml are larger than it. Everything the failed run wrote is gone; the next run adds all
    of it, none of it 'left as it was'."""
    import resource
    import signal

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


    folder = project(tmp_path, {"README.md": "# T\n", "a.R": "library(tinyA)\n"},
                     origin="https://github.com/someone/soil.git")
    before = snapshot(folder)
    failed = cookiecutter_cli(folder, "-f", "-s", "--output-dir", "..", "layout=existing-project",
                              f"repo_name={folder.name}", "online_checks=false", env=GIT_ENV,
                              preexec_fn=limit_file_size)
    assert failed.returncode == 1 and "File too large" in failed.stdout, failed.stdout + failed.stderr
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == [".git", "README.md", "a.R"]
    assert git(folder, "status", "--porcelain") == ""

    again = add_binder(folder)
    assert again.returncode == 0, again.stderr
    assert "Left as they were" not in again.stdout and "  .github/scripts/prewarm.sh" in again.stdout


def test_a_full_disk_without_s_puts_back_every_file_it_had_replaced(tmp_path):
    """-f without -s replaces files; a write cut short (prewarm.sh is larger
    than the limit) leaves each file whole, and the ones replaced before it
    get their content back."""
    import resource
    import signal

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


    mine = {".github/workflows/binder.yml": "name: mine\n", "binder/.Renviron": "A=1\n",
            ".github/scripts/prewarm.sh": "echo mine\n", ".github/dependabot.yml": "version: 2\n"}
    folder = project(tmp_path, {"README.md": "# T\n", **mine}, origin="https://github.com/someone/soil.git")
    before = snapshot(folder)
    failed = cookiecutter_cli(folder, "-f", "--output-dir", "..", "layout=existing-project",
                              f"repo_name={folder.name}", "online_checks=false", env=GIT_ENV,
                              preexec_fn=limit_file_size)
    assert failed.returncode == 1 and "File too large" in failed.stdout, failed.stdout + failed.stderr
    assert snapshot(folder) == before
    assert git(folder, "status", "--porcelain") == ""


def test_a_kept_file_that_differs_is_said_to_differ(tmp_path):
    folder = project(tmp_path, {"README.md": "# T\n"}, origin="https://github.com/someone/soil.git")
    assert add_binder(folder).returncode == 0
    same = add_binder(folder)
    assert "Kept, but they differ" not in same.stdout and "  binder/install.R" in same.stdout
    install = folder / "binder" / "install.R"
    install.write_text(install.read_text()[:200])  # cut short by a full disk, once
    differs = add_binder(folder)
    assert ("Kept, but they differ from what this run would write (-s never overwrites; delete one and run "
            "again to have it rewritten):\n  binder/install.R\n") in differs.stdout


# --- what stops R's start on Binder (issue 22) -------------------------------------

def r_starts_in(home: Path, rscript: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """R started as Binder starts it: the project is the home folder and the
    working folder, so its .Rprofile is read, as RStudio's session reads it."""
    return subprocess.run([rscript, "-e", 'cat("started\\n")'], cwd=cwd or home, capture_output=True, text=True,
                          timeout=120, env={**{k: v for k, v in os.environ.items() if k != "R_PROFILE_USER"},
                                                        "HOME": str(home)})


def test_an_rprofile_that_would_stop_r_on_binder_is_said_with_a_fix_that_works(tmp_path, rscript):
    rprofile = 'source("~/.Rprofile")\nsource("renv/activate.R")\nif (file.exists("x.R")) source("x.R")\n' \
               'source("R/setup.R")\n' \
               "if (file.exists('~/.Rprofile')) sys.source('~/.Rprofile', envir = environment())\n"
    folder = project(tmp_path, {".Rprofile": rprofile, "R/setup.R": "x <- 1\n", "a.R": "library(tinyA)\n"},
                     origin="https://github.com/someone/soil.git")
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ".Rprofile sources" in line]
    assert warnings == [
        "warning: .Rprofile sources ~/.Rprofile, and on Binder the project is the home folder, so it sources "
        "itself until R stops (\"C stack usage ... too close to the limit\"), RStudio's session too: let it run "
        "once, if (is.null(getOption(\"rprofile.once\")) && file.exists(\"~/.Rprofile\")) "
        "{ options(rprofile.once = TRUE); source(\"~/.Rprofile\") }, or remove the line",
        "warning: .Rprofile sources renv/activate.R, which the image does not have (the repository does not "
        "hold it): R stops at start on Binder, RStudio's session too; wrap it in "
        "if (file.exists(\"renv/activate.R\")) or remove the line"]
    # Both are true of real R started in the project as its home folder,
    # the guarded sys.source of XiangyunHuang/RGraphics (tests/corpus) too...
    home = tmp_path / "home"
    (home / "analysis").mkdir(parents=True)
    for line in ('source("~/.Rprofile")\n',
                 "if (file.exists('~/.Rprofile')) sys.source('~/.Rprofile', envir = environment())\n"):
        (home / ".Rprofile").write_text(line)
        stopped = r_starts_in(home, rscript)
        assert stopped.returncode != 0 and "C stack usage" in stopped.stderr
    (home / ".Rprofile").write_text('source("renv/activate.R")\n')
    assert r_starts_in(home, rscript).returncode != 0
    # ...and the fixes the warnings give let it start, at home and in a
    # subfolder without an .Rprofile (R reads ~/.Rprofile there too).
    fix = warnings[0].split("let it run once, ", 1)[1].split(", or remove the line")[0]
    (home / ".Rprofile").write_text(f'{fix}\nif (file.exists("renv/activate.R")) source("renv/activate.R")\n')
    for where in (home, home / "analysis"):
        started = r_starts_in(home, rscript, cwd=where)
        assert started.returncode == 0 and started.stdout == "started\n", started.stderr
    # The fix, written over several lines, is not warned about again.
    (folder / ".Rprofile").write_text('if (is.null(getOption("rprofile.once"))) {\n  options(rprofile.once = TRUE)\n'
                                      '  source("~/.Rprofile")\n}\n')
    assert not any("sources itself" in w for w in survey.rprofile_warnings(str(folder)))


@pytest.mark.parametrize("readme_md", [
    "<!-- README.md is generated from rmd/readme.Rmd. Please edit that file -->\n\n# survey\n\nOld text.\n",
    "# survey\n\nOld text.\n",
], ids=["says-so", "found-by-its-output"])
def test_a_readme_knitted_from_a_subfolder_gets_the_badge_in_its_source(tmp_path, readme_md):
    """Issue 22: rmd/readme.Rmd writes README.md (output_file = "../README.md").
    A badge put only into README.md is gone at the next knit: it goes into
    both, outside the front matter and the R chunks, and both are committed."""
    source = textwrap.dedent("""\
        ---
        output: github_document
        knit: (function(input, ...) rmarkdown::render(input, output_file = "../README.md"))
        ---
        ```{r, include = FALSE}
        repo <- "survey"
        ```
        # `r repo`

        Old text.
        """)
    folder = project(tmp_path, {"README.md": readme_md, "rmd/readme.Rmd": source, "rmd/other.Rmd": "# x\n",
                                "a.R": "library(tinyA)\n"}, origin="https://github.com/octo-cat/survey.git")
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    badge = BADGE.format("octo-cat/survey/main")
    lines = (folder / "rmd" / "readme.Rmd").read_text().splitlines()
    assert lines[:8] == source.splitlines()[:8]
    assert lines[8:12] == ["", "<!-- badges: start -->", badge, "<!-- badges: end -->"]
    assert badge in (folder / "README.md").read_text().splitlines()
    assert "README.md is knitted from rmd/readme.Rmd: the badge is in both, so the next knit keeps it." \
        in result.stdout
    add = next(line for line in result.stdout.splitlines() if line.strip().startswith("git add "))
    assert " README.md" in add and " rmd/readme.Rmd" in add


def test_jags_models_saved_as_r_files_do_not_stop_the_scan(tmp_path, rscript):
    """Issue 22: JAGS models kept in .R files, which R's parser rejects (the
    test checks with real R). The scan reads on: the packages of the R files
    around them are found, and nothing from the models."""
    model = textwrap.dedent("""\
        model {
          for (i in 1:N) {
            y[i] ~ dbern(psi * p)
          }
          psi ~ dunif(0, 1)
          p ~ dbeta(1, 1) T(0.01, )
        }
        """)
    folder = tmp_path / "owls"
    (folder / "models").mkdir(parents=True)
    (folder / "models" / "occupancy.R").write_text(model)
    (folder / "fit.R").write_text('library(rjags)\nm <- jags.model("models/occupancy.R")\ncoda::gelman.diag(m)\n')
    (folder / "zplot.R").write_text("library(ggplot2)\n")
    parsed = run([rscript, "-e", 'parse("models/occupancy.R")'], cwd=folder)
    assert parsed.returncode != 0 and "unexpected" in parsed.stderr
    assert sorted(rcode.packages_used(str(folder))) == ["coda", "ggplot2", "rjags"]


def test_a_packages_tests_folder_is_not_read_for_the_image(tmp_path):
    """Issue 22: a package's tests need what DESCRIPTION's Suggests declares,
    and their fixtures name packages that exist only there (genthat's
    samplepkg, its pkg:: placeholders). A folder that is not a package keeps
    its tests/ read: there it may be the analysis's own checks."""
    for name, description in (("pkg", "Package: tracer\nVersion: 0.1\n"), ("plain", None)):
        folder = tmp_path / name
        (folder / "tests" / "testthat").mkdir(parents=True)
        (folder / "tests" / "testthat" / "test-a.R").write_text("library(samplepkg)\nx <- pkg::f\n")
        (folder / "R").mkdir()
        (folder / "R" / "a.R").write_text("digest::digest(1)\n")
        if description:
            (folder / "DESCRIPTION").write_text(description)
    assert sorted(rcode.packages_used(str(tmp_path / "pkg"))) == ["digest"]
    assert sorted(rcode.packages_used(str(tmp_path / "plain"))) == ["digest", "pkg", "samplepkg"]


def test_a_call_written_inside_a_string_is_not_a_load():
    """Issue 22: XiangyunHuang/RGraphics (tests/corpus) shows a chunk's text
    with cat("```{r setup}\\nlibrary(DBI) ...```"): code in a string, never
    run. A quoted name in a real call is still read."""
    code = textwrap.dedent("""\
        cat("```{r setup}
        library(DBI)
        db <- dbConnect(RMySQL::MySQL())
        ```")
        message('run pacman::p_load(sf) and lapply(c("x"), library, character.only = TRUE) first')
        library("dplyr"); require('tidyr')
        """)
    assert sorted(rcode.packages_in_code(code)) == [("dplyr", 6), ("tidyr", 6)]


def test_what_foreach_loads_on_its_workers_is_found():
    """foreach(..., .packages = "iterators"): each worker loads it
    (quarto-assignment2 in tests/corpus; an independent reading found it)."""
    code = ('x <- foreach(i = 1:3, .combine = c, .packages = "iterators") %dopar% nextElem(it)\n'
            "y <- foreach(i = 1:2, .packages = c('sf', \"dplyr\")) %do% i\n")
    assert sorted(rcode.packages_in_code(code)) == [("dplyr", 2), ("iterators", 1), ("sf", 2)]


def test_the_users_own_binder_badges_stay_and_one_already_there_is_not_doubled():
    """Issue 22, nih-cfde/training-rstudio-binder (tests/corpus): a README
    that launches each of its branches with a badge written like ours, some
    on another BinderHub, and this branch in a sentence. None is replaced,
    and no second badge is added."""
    ours = "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/o/r/main?urlpath=rstudio)"
    theirs = ["[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/o/r/a?urlpath=rstudio)",
              "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/o/r/b?urlpath=rstudio)"]
    text = "# R\n\n" + "\n\n".join(theirs) + "\n"
    edit = readme_badge.with_badge(text, ours)
    assert edit.replaced is None and all(t in edit.text.splitlines() for t in theirs) and ours in edit.text
    pangeo = "[![Binder](https://binder.pangeo.io/badge_logo.svg)](https://binder.pangeo.io/v2/gh/o/r/a?urlpath=rstudio)"
    edit = readme_badge.with_badge(f"# R\n\n{pangeo}\n", ours)
    assert edit.replaced is None and pangeo in edit.text.splitlines()
    sentence = "# R\n\nClick [![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/o/r/main" \
               "?urlpath=rstudio) to start.\n"
    assert readme_badge.with_badge(sentence, ours).text is None
    # One badge of ours for this repository, from a run for another branch, is ours to replace.
    assert readme_badge.with_badge(f"# R\n\n{theirs[0]}\n", ours).replaced == theirs[0].split("](")[-1][:-1]


def test_a_non_ascii_default_branch_is_launched_as_binderhub_decodes_it(tmp_path):
    """Issue 22: a repository whose only branch is 世博量化研究院. The badge
    percent-encodes it (UTF-8), and decoding gives the branch back: BinderHub
    receives the spec from its URL route decoded, and splits owner/repo/ref
    from it (binderhub/repoproviders.py, tokenize_spec)."""
    from urllib.parse import unquote

    branch = "世博量化研究院"
    folder = project(tmp_path, {"README.md": "# 量化\n", "a.R": "library(tinyA)\n"}, branch=branch,
                     origin="https://github.com/octo-cat/quant.git", name="quant")
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    encoded = "%E4%B8%96%E5%8D%9A%E9%87%8F%E5%8C%96%E7%A0%94%E7%A9%B6%E9%99%A2"
    assert BADGE.format(f"octo-cat/quant/{encoded}") in (folder / "README.md").read_text()
    assert unquote(encoded) == branch
    assert f"    git push origin '{branch}'" in result.stdout  # quoted: the shell word is safe to paste


def test_p_load_with_character_only_reads_the_names_from_its_vector():
    """pacman::p_load(packages, character.only = TRUE) after
    packages <- c(...), as in fgerraty's projects: the vector's names are
    loaded, and "packages" is no package."""
    code = ('packages <- c("tidyverse", "janitor", "vegan")\n'
            "pacman::p_load(packages, character.only = TRUE)\n"
            "p_load(readr, sf)\n")
    assert sorted(rcode.packages_in_code(code)) == [
        ("janitor", 2), ("pacman", 2), ("readr", 3), ("sf", 3), ("tidyverse", 2), ("vegan", 2)]


def test_a_raw_string_ends_nothing_that_follows_it():
    """R 4.0's r"(...)": a quote inside one does not start a string, so the
    loads after it are read (a review found them dropped)."""
    code = 'pat <- r"(["])"\nlibrary(dplyr)\nx <- R"--{library(no)}--"\ngsub(\'[r"(]\', "", x)\nlibrary(sf)\n'
    assert rcode.packages_in_code(code) == [("dplyr", 2), ("sf", 5)]


def test_only_the_document_that_writes_the_root_readme_gets_the_badge(tmp_path):
    """A review's cases: a report README.md mentions, a subfolder's own
    README.Rmd, a vignette naming README.md, a path outside the project or
    through a symbolic link: none is README.md's source."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "readme.Rmd").write_text("---\noutput: github_document\n---\n# X\n")
    cases = {
        "report": ({"README.md": "# P\nFigure 1 was generated from analysis/report.Rmd.\n",
                    "analysis/report.Rmd": "---\noutput: html_document\n---\n# R\n"}, None),
        "own-readme": ({"README.md": "# P\n", "data/README.Rmd": "---\noutput: github_document\n---\n# D\n"}, None),
        "vignette": ({"README.md": "# P\n", "vignettes/intro.Rmd":
                      "---\noutput: rmarkdown::md_document\n---\nSee README.md.\n"}, None),
        "absolute": ({"README.md": f"# P\ngenerated from {outside}/readme.Rmd\n"}, None),
        "writes-root": ({"README.md": "# P\n", "rmd/readme.Rmd":
                         "---\noutput: github_document\nknit: (function(i, ...) rmarkdown::render(i, "
                         "output_dir = here::here()))\n---\n# P\n"}, "rmd/readme.Rmd"),
    }
    for name, (files, expected) in cases.items():
        folder = tmp_path / name
        for path, text in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text)
        assert readme_badge.knitted_from(folder, "README.md") == expected, name
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "README.md").write_text("# P\n<!-- README.md is generated from rmd/readme.Rmd -->\n")
    (linked / "rmd").symlink_to(outside)
    assert readme_badge.knitted_from(linked, "README.md") is None


def test_a_readme_that_already_launches_this_branch_in_html_gets_no_second_badge():
    badge = "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/o/r/main?urlpath=rstudio)"
    for text in ('# R\n<a href="https://mybinder.org/v2/gh/o/r/main?urlpath=rstudio">launch</a>\n',
                 "# R\n[l]: https://mybinder.org/v2/gh/o/r/main?urlpath=rstudio\n",
                 '# R\nTry [it](https://mybinder.org/v2/gh/o/r/main?urlpath=rstudio "Binder").\n'):
        assert readme_badge.with_badge(text, badge).text is None, text
