"""Issue 25, as a new user meets it, with real folders, real git and the
README's command: a run in the wrong folder (a home folder, a folder that is
not an R project, one holding private files) never gets `git add .`; a
project folder whose name has spaces gets Binder; a placeholder github_user
is said, with the command that gives it; and a branch typo is refused."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TEMPLATE_ROOT, tool
from tests.corpus_projects import GIT_ENV, git, run_next_steps
from tests.helpers import add_binder, cookiecutter_cli, in_a_terminal

PREFIX = "error: layout = 'existing-project': "
NOTHING = "Nothing was written: fix the above and run cookiecutter again."
GITHUB_RULE = "a GitHub repository name is 1 to 100 ASCII letters, digits, '.', '-' or '_'"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def snapshot(parent: Path) -> dict[str, bytes | None]:
    """Every file and folder under parent (the project's and its siblings)."""
    return {p.relative_to(parent).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(parent.rglob("*"))}


def errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def run(project: Path, *answers: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The README's command, run from the project folder."""
    return add_binder(project, *answers, env={**GIT_ENV, **(env or {})})


def a_home_folder(parent: Path) -> Path:
    """What the issue's user had: a home folder with an ssh key, a shell
    start-up file, and some R code in it (so it is not refused for that)."""
    return write(parent / "ada", {".ssh/id_ed25519": "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n",
                                  ".bashrc": "export PATH=$HOME/bin:$PATH\n",
                                  "scratch.R": "x <- 1\n"})


def private_config(tmp_path: Path) -> dict:
    """cookiecutter's own replay and cache folders out of the project: with
    HOME set to a project folder, cookiecutter writes its replay file there
    before any code of the template runs."""
    config = tmp_path / "cookiecutterrc.yaml"
    config.write_text(f"cookiecutters_dir: {tmp_path / 'cc'}\nreplay_dir: {tmp_path / 'replay'}\n")
    return {"COOKIECUTTER_CONFIG": str(config)}


# --- Item 2: no `git add .` for a home folder or a folder that is not an R project


def test_a_home_folder_is_refused_with_one_line_and_nothing_written(tmp_path):
    home = a_home_folder(tmp_path)
    before = snapshot(tmp_path)
    result = run(home, "github_user=ada")
    assert result.returncode == 1
    assert errors(result) == [
        f"{PREFIX}{home} looks like a home folder (it holds .ssh/, .bashrc), and the next steps would commit "
        "all of it (git add .), private files too: run this inside your project's folder"]
    assert NOTHING in result.stderr and "git add" not in result.stdout
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("layout", ["existing-project", "new-repository"])
def test_the_users_own_home_folder_is_refused_in_either_layout(tmp_path, layout):
    """$HOME itself, even with nothing in it that looks like a home."""
    home = write(tmp_path / "home" / "ada", {"analysis.R": "x <- 1\n"})
    before = snapshot(tmp_path / "home")
    env = {**GIT_ENV, **private_config(tmp_path), "HOME": str(home)}
    if layout == "existing-project":
        result = add_binder(home, "github_user=ada", env=env)
        expected = (f"{PREFIX}{home} is your home folder, and the next steps would commit all of it "
                    "(git add .), private files too: run this inside your project's folder")
    else:
        result = cookiecutter_cli(home, "-f", "--output-dir", "..", "repo_name=ada", "github_user=ada",
                                  "online_checks=false", env=env)
        expected = (f"error: {home} is your home folder, and the next steps would commit all of it (git add .), "
                    "private files too: generate the new repository in a folder of its own (a repo_name no "
                    "folder here has, without -f)")
    assert result.returncode == 1
    assert errors(result) == [expected]
    assert snapshot(tmp_path / "home") == before


def test_a_new_repository_generated_over_a_home_folder_is_refused(tmp_path):
    """The issue's run: -f into a home folder wrote binder/ and .github/ there,
    and printed git init and git add ."""
    home = a_home_folder(tmp_path)
    before = snapshot(tmp_path)
    result = cookiecutter_cli(home, "-f", "--output-dir", "..", "repo_name=ada", "github_user=ada",
                              "online_checks=false", env=GIT_ENV)
    assert result.returncode == 1
    assert errors(result) == [
        f"error: {home} looks like a home folder (it holds .ssh/, .bashrc), and the next steps would commit all "
        "of it (git add .), private files too: generate the new repository in a folder of its own (a repo_name "
        "no folder here has, without -f)"]
    assert "git add" not in result.stdout
    assert snapshot(tmp_path) == before


def test_a_folder_with_no_r_code_is_refused_until_it_is_a_repository(tmp_path):
    notes = write(tmp_path / "notes", {"todo.txt": "buy milk\n", "data/a.csv": "x\n1\n"})
    before = snapshot(tmp_path)
    result = run(notes, "github_user=ada")
    assert result.returncode == 1
    assert errors(result) == [
        f"{PREFIX}{notes} holds no R code (.R, .Rmd, .qmd or .Rnw files), .Rproj or DESCRIPTION, so it is not "
        "an R project, and the next steps would commit all of it (git add .): run this inside your project's "
        "folder, or, if this is it, make it a git repository and commit its files first (git init, git add, "
        "git commit) and run again"]
    assert snapshot(tmp_path) == before
    # git init alone is not the way out: `git add .` would still commit all of it.
    git(notes, "init", "-q", "-b", "main")
    again = run(notes, "github_user=ada")
    assert again.returncode == 1
    assert errors(again)[0].endswith("or, if this is it, commit its files first (git add, git commit) and run again")
    # The way out the line gives: with its files committed, only the files this run writes are added.
    git(notes, "add", ".")
    git(notes, "commit", "-q", "-m", "notes")
    second = run(notes, "github_user=ada")
    assert second.returncode == 0, second.stderr
    assert "    git add .\n" not in second.stdout and "    git add binder/Dockerfile " in second.stdout


def test_a_repository_with_no_commits_gets_git_add_dot(tmp_path):
    """The new user's trap: a thesis folder made a repository as the refusal
    for a folder name with spaces advises (git init, git remote add), with
    no commit yet. The next steps named only the Binder files, so the
    thesis's own R code was never committed and Binder found no analysis."""
    thesis = write(tmp_path / "thesis", {"analysis/model.R": "library(stats)\nfit <- lm(y ~ x)\n",
                                         "data/reefs.csv": "x,y\n1,2\n"})
    git(thesis, "init", "-q", "-b", "main")
    git(thesis, "remote", "add", "origin", "https://github.com/marine-lab/coral-reef-analysis.git")
    result = run(thesis)
    assert result.returncode == 0, result.stderr
    assert "    git add .\n" in result.stdout
    assert "git init" not in result.stdout and "git remote add" not in result.stdout
    # The steps as printed, run for real: the analysis and the data are committed with Binder.
    run_next_steps(thesis, result.stdout)
    committed = set(git(thesis, "ls-files").split())
    assert {"analysis/model.R", "data/reefs.csv", "binder/Dockerfile", "binder/install.R"} <= committed
    assert git(thesis, "status", "--porcelain") == ""


def test_a_home_folder_made_a_repository_with_no_commits_is_refused(tmp_path):
    home = a_home_folder(tmp_path)
    git(home, "init", "-q", "-b", "main")
    before = snapshot(tmp_path)
    result = run(home, "github_user=ada")
    assert result.returncode == 1
    assert errors(result) == [
        f"{PREFIX}{home} looks like a home folder (it holds .ssh/, .bashrc), and the next steps would commit all "
        "of it (git add .), private files too: run this inside your project's folder"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("marker", ["notes.Rproj", "DESCRIPTION", "analysis/report.qmd"])
def test_an_r_project_that_is_not_a_repository_gets_git_add_dot(tmp_path, marker):
    project = write(tmp_path / "study", {marker: "Package: study\n" if marker == "DESCRIPTION" else "x\n",
                                         ".Renviron": "R_LIBS_USER=~/R/library\nGITHUB_PAT=\n"})
    result = run(project, "github_user=ada")
    assert result.returncode == 0, result.stderr
    assert "    git init -b main\n    git add .\n" in result.stdout


def test_private_files_are_refused_until_gitignore_keeps_them_out(tmp_path):
    """What 'private' means: a token, password or key set in .Renviron or
    .env; a private key (by name, or a PEM that holds one); a
    service-account key; a credential store. A file .gitignore lists is not
    committed by `git add .`, so it does not count."""
    project = write(tmp_path / "survey-analysis", {
        "analysis.R": "library(stats)\n",
        ".Renviron": "R_LIBS_USER=~/R\nGITHUB_PAT=ghp_0123456789\n",
        "keys/deploy.pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n",
        "keys/server.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        "sheets-service-account.json": '{"type": "service_account", "private_key": "-----BEGIN"}\n',
        ".netrc": "machine github.com login ada password x\n",
    })
    before = snapshot(tmp_path)
    result = run(project, "github_user=ada")
    assert result.returncode == 1
    assert errors(result) == [
        f"{PREFIX}the next steps would commit all of this folder (git add .), and it holds private files: "
        ".Renviron (GITHUB_PAT), .netrc, keys/deploy.pem, and 1 more: list them in .gitignore, or move them "
        "out of the folder, and run again"]
    assert snapshot(tmp_path) == before

    (project / ".gitignore").write_text(".Renviron\n.netrc\nkeys/deploy.pem\n*service-account*.json\n")
    second = run(project, "github_user=ada")
    assert second.returncode == 0, second.stderr
    assert "    git add .\n" in second.stdout
    run_next_steps(project, second.stdout)
    committed = git(project, "ls-files").split()
    assert "analysis.R" in committed and "keys/server.pem" in committed
    assert not {".Renviron", ".netrc", "keys/deploy.pem", "sheets-service-account.json"} & set(committed)


def test_a_new_repository_generated_over_a_folder_with_a_private_key_is_refused(tmp_path):
    """-f without -s replaces the folder's .gitignore with the template's, so
    there a private file counts even when the folder's .gitignore lists it."""
    folder = write(tmp_path / "course", {"id_rsa": "x\n", ".gitignore": "id_rsa\n", "notes.md": "# Notes\n"})
    before = snapshot(tmp_path)
    result = cookiecutter_cli(folder, "-f", "--output-dir", "..", "repo_name=course", "github_user=ada",
                              "online_checks=false", env=GIT_ENV)
    assert result.returncode == 1
    assert errors(result) == [
        "error: the next steps would commit all of this folder (git add .), and it holds private files: id_rsa: "
        "move them out of the folder and run again"]
    assert snapshot(tmp_path) == before


# --- Item 3: a project folder whose name has spaces


def coral_project(parent: Path, origin: bool) -> Path:
    project = write(parent / "My Thesis Project", {
        "analysis/reef.R": "library(stats)\n",
        "README.md": "# Coral reef analysis\n\nMy thesis.\n"})
    git(project, "init", "-q", "-b", "main")
    if origin:
        git(project, "remote", "add", "origin", "https://github.com/marine-lab/coral-reef-analysis.git")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "thesis")
    return project


def test_a_folder_whose_name_has_spaces_gets_the_badge_of_its_origin(tmp_path):
    project = coral_project(tmp_path, origin=True)
    result = run(project)  # repo_name=My Thesis Project, as "$(basename "$PWD")" gives it
    assert result.returncode == 0, result.stderr
    badge = ("[![Binder](https://mybinder.org/badge_logo.svg)]"
             "(https://mybinder.org/v2/gh/marine-lab/coral-reef-analysis/main?urlpath=rstudio)")
    assert badge in (project / "README.md").read_text()
    assert (project / "binder" / "Dockerfile").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["My Thesis Project"]
    run_next_steps(project, result.stdout)
    assert git(project, "status", "--porcelain") == ""


def test_the_readmes_command_works_in_a_folder_whose_name_has_spaces(tmp_path):
    """As typed in a shell, quoting and all."""
    project = coral_project(tmp_path, origin=True)
    command = (f"{shlex.quote(tool('cookiecutter'))} --no-input -f -s --output-dir .. "
               f"{shlex.quote(str(TEMPLATE_ROOT))} online_checks=false "
               'layout=existing-project repo_name="$(basename "$PWD")"')
    result = subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True, timeout=120,
                            env={**os.environ, **GIT_ENV, "PWD": str(project)})
    assert result.returncode == 0, result.stderr
    assert "Launch it: https://mybinder.org/v2/gh/marine-lab/coral-reef-analysis/main?urlpath=rstudio" \
        in result.stdout


def test_without_origin_a_folder_name_with_spaces_says_how_to_name_the_repository(tmp_path):
    project = coral_project(tmp_path, origin=False)
    before = snapshot(tmp_path)
    result = run(project, "github_user=marine-lab")
    assert result.returncode == 1
    assert errors(result) == [
        f"{PREFIX}this folder's name, 'My Thesis Project', is not a GitHub repository name ({GITHUB_RULE}), and "
        "there is no GitHub remote 'origin' to name the repository the badge launches: add it (git remote add "
        "origin https://github.com/marine-lab/My-Thesis-Project.git, with your repository's name) and run "
        "again, or rename the folder"]
    assert snapshot(tmp_path) == before
    # Following it, with the repository's real name:
    git(project, "remote", "add", "origin", "https://github.com/marine-lab/coral-reef-analysis.git")
    second = run(project)
    assert second.returncode == 0, second.stderr
    assert "v2/gh/marine-lab/coral-reef-analysis/main" in (project / "README.md").read_text()


def test_another_owner_than_origins_with_a_folder_name_with_spaces_is_refused(tmp_path):
    project = coral_project(tmp_path, origin=True)
    before = snapshot(tmp_path)
    result = run(project, "github_user=ada")
    assert result.returncode == 1
    assert errors(result) == [
        f"{PREFIX}github_user = 'ada' is not the owner of 'origin' (github.com/marine-lab/coral-reef-analysis), "
        "so the badge would launch a repository named after this folder, 'My Thesis Project', which is not a "
        f"GitHub repository name ({GITHUB_RULE}): leave github_user out to launch "
        "marine-lab/coral-reef-analysis, or rename the folder"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("name", ["a/b", ".."])
def test_a_path_is_still_refused_as_repo_name(tmp_path, name):
    project = write(tmp_path / "proj", {"a.R": "x\n"})
    result = cookiecutter_cli(project, "-f", "-s", "--output-dir", "..", "layout=existing-project",
                              f"repo_name={name}", "online_checks=false", env=GIT_ENV)
    assert result.returncode == 1
    assert errors(result)[0] == (f"error: repo_name = {name!r}: it is your project folder's name, not a path "
                                 "(for example: repo_name=\"$(basename \"$PWD\")\", run inside your project's "
                                 "folder)")


# --- Item 5: the placeholder github_user


def test_a_placeholder_github_user_is_said_with_the_command_that_gives_it(tmp_path):
    out = tmp_path / "out"
    result = cookiecutter_cli(out, "online_checks=false", env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = lines.index("  github_user was not given, so the GitHub addresses below name 'your-github-user'.")
    assert lines[at + 1] == "  Give it by generating again over this folder (-f), with your GitHub user:"
    assert lines[at + 3] == "      github_user=your-github-user   # <- fix this answer"
    command = "\n".join(lines[at + 2:at + 4])
    words = shlex.split(command.replace("\\\n", " "), comments=True)
    assert words[:4] == [tool("cookiecutter"), "-f", "--no-input", str(TEMPLATE_ROOT)]
    # Pasted with the answer fixed, it gives the folder the real addresses.
    second = subprocess.run(["bash", "-c", command.replace("your-github-user", "octo-cat")], cwd=out,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "PWD": str(out)})
    assert second.returncode == 0, second.stderr
    readme = (out / "my-binder-project" / "README.md").read_text()
    assert "v2/gh/octo-cat/my-binder-project/main" in readme and "your-github-user" not in readme
    assert "github_user was not given" not in second.stdout
    assert "git remote add origin https://github.com/octo-cat/my-binder-project.git" in second.stdout


# --- Item 8: a branch typo in an existing project


def published_project(parent: Path) -> Path:
    """A project on 'master', with the badge of an earlier run."""
    project = write(parent / "proj", {"analysis.R": "library(stats)\n", "README.md": "# Proj\n"})
    git(project, "init", "-q", "-b", "master")
    git(project, "remote", "add", "origin", "https://github.com/octo-cat/proj.git")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "start")
    first = run(project)
    assert first.returncode == 0, first.stderr
    run_next_steps(project, first.stdout)
    return project


def branch_refusal(branch: str, create: str) -> str:
    return (f"{PREFIX}branch = {branch!r} is not a branch here, nor on 'origin' as last fetched (the branch "
            "checked out is 'master'; git branch -a lists them all): check its name, or, to launch a new "
            f"branch, create it first ({create}) and run again")


def test_a_branch_typo_is_refused_and_the_working_badge_kept(tmp_path):
    project = published_project(tmp_path)
    before = snapshot(tmp_path)
    result = run(project, "branch=mastr")
    assert result.returncode == 1
    assert errors(result) == [branch_refusal("mastr", "git branch mastr")]
    assert snapshot(tmp_path) == before
    assert "v2/gh/octo-cat/proj/master?" in (project / "README.md").read_text()


def test_a_branch_on_origin_or_created_first_is_accepted(tmp_path):
    project = published_project(tmp_path)
    # Known from the last fetch: refs/remotes/origin/gh-pages.
    git(project, "update-ref", "refs/remotes/origin/gh-pages", "HEAD")
    on_origin = run(project, "branch=gh-pages")
    assert on_origin.returncode == 0, on_origin.stderr
    # A new branch, said so as the refusal says: created first.
    git(project, "branch", "binder-demo")
    created = run(project, "branch=binder-demo")
    assert created.returncode == 0, created.stderr
    assert "v2/gh/octo-cat/proj/binder-demo?" in (project / "README.md").read_text()
    assert "    git push origin HEAD:binder-demo" in created.stdout


def test_in_a_repository_with_no_commits_a_new_branch_is_switched_to(tmp_path):
    project = write(tmp_path / "proj", {"analysis.R": "x <- 1\n"})
    git(project, "init", "-q", "-b", "master")
    git(project, "remote", "add", "origin", "https://github.com/octo-cat/proj.git")
    result = run(project, "branch=mian")
    assert errors(result) == [branch_refusal("mian", "git switch -c mian")]
    git(project, "switch", "-q", "-c", "mian")
    assert run(project, "branch=mian").returncode == 0


def test_a_branch_typo_typed_at_the_prompt_is_refused(tmp_path):
    """The issue's run, at the prompts under a pseudo-terminal."""
    project = published_project(tmp_path)
    before = snapshot(tmp_path)
    order = [name for name in json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
             if not name.startswith("_")]
    keys = "".join(("mastr" if name == "branch" else "") + "\r" for name in order).encode()
    command = [tool("cookiecutter"), "-f", "-s", "--output-dir", "..", str(TEMPLATE_ROOT),
               "layout=existing-project", "repo_name=proj", "online_checks=false"]
    status, shown = in_a_terminal(command, project, keys)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).replace("\r\n", "\n")
    assert status == 1, text
    # The first error follows the last prompt on its line.
    assert re.findall(r"error: .*", text) == [branch_refusal("mastr", "git branch mastr")]
    assert snapshot(tmp_path) == before
