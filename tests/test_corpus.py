"""Binder added to real public R projects (tests/corpus, with their sources
in MANIFEST.json), the way a new user does it: a git repository on the
project's real default branch with an 'origin' on GitHub, the README's
command as written, the printed git commands run, then a clone of the
result. A refusal must say what to do; the test does it and runs again."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from binder_template import rcode
from tests.conftest import TEMPLATE_ROOT, tool
from tests.helpers import repo2docker_dockerfile

CORPUS = Path(__file__).parent / "corpus"
PROJECTS = json.loads((CORPUS / "MANIFEST.json").read_text())
OUR_BADGE = re.compile(r"^\[!\[Binder\]\(https://mybinder\.org/badge_logo\.svg\)\]\((\S+)\)$")


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "T",
                                 "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
                                 "GIT_COMMITTER_EMAIL": "t@example.org"})
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def add_binder(project: Path) -> subprocess.CompletedProcess:
    """The README's command, run from the project folder."""
    return subprocess.run(
        [tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", "..", str(TEMPLATE_ROOT),
         "layout=existing-project", f"repo_name={project.name}", "online_checks=false"],
        cwd=project, env={**os.environ, "PWD": str(project), "GIT_CONFIG_GLOBAL": os.devnull},
        capture_output=True, text=True, timeout=120)


def run_next_steps(project: Path, stdout: str) -> None:
    steps = stdout.split("Next steps:\n", 1)[1].split("\n\n", 1)[0]
    for line in steps.splitlines():
        words = shlex.split(line, comments=True)
        if words[:2] in (["git", "add"], ["git", "commit"], ["git", "init"]):
            git(project, *words[1:])
        else:
            assert words[:2] in (["git", "push"], ["git", "remote"]) or words[:1] == ["Rscript"], line


@pytest.mark.parametrize("entry", PROJECTS, ids=[p["slug"] for p in PROJECTS])
def test_binder_is_added_to_a_real_project(tmp_path, entry):
    owner, name = entry["repo"].split("/")
    project = tmp_path / name
    shutil.copytree(CORPUS / entry["slug"], project, symlinks=True)
    git(project, "init", "-q", "-b", entry["default_branch"])
    git(project, "remote", "add", "origin", f"https://github.com/{entry['repo']}.git")
    git(project, "add", "-A", "-f")  # what the real repository tracks, ignored or not
    git(project, "commit", "-qm", "as published")
    used = rcode.packages_used(str(project))

    result = add_binder(project)
    if result.returncode != 0:
        # One line per problem, naming what to do; nothing written.
        assert result.stderr.startswith("error: layout = 'existing-project': "), result.stderr
        assert git(project, "status", "--porcelain") == ""
        moves = re.findall(r"\(git mv (\S+) (\S+)\)", result.stderr)
        assert moves, result.stderr
        for source, target in moves:
            git(project, "mv", source, target)
        git(project, "commit", "-qm", "moved away as asked")
        result = add_binder(project)
    assert result.returncode == 0, result.stderr
    run_next_steps(project, result.stdout)
    assert git(project, "status", "--porcelain", "--untracked-files=no") == ""

    clone = tmp_path / "clone" / name
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True, timeout=60)
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
    launch = f"https://mybinder.org/v2/gh/{owner}/{name}/{entry['default_branch']}?urlpath=rstudio"
    readmes = [p for p in clone.iterdir() if p.name.lower() in ("readme.md", "readme.rmd")]
    edited = [p for p in readmes if launch in p.read_text(errors="replace")]
    if readmes:
        assert edited, result.stdout
        for readme in edited:
            ours = [OUR_BADGE.match(line.strip()) for line in readme.read_text().splitlines()]
            assert [m.group(1) for m in ours if m] == [launch]
    else:
        assert f"put this badge in yours:\n  [![Binder]" in result.stdout
    for other in re.findall(r"https?://[^\s()\[\]]+/v2/gh/[^\s()\[\]]+",
                            "".join(p.read_text(errors="replace") for p in readmes)):
        assert other == launch or other in result.stdout

    # Every package the code loads is named in what the image installs, or,
    # for an renv project, said to be missing from renv.lock.
    install_r = (clone / here / "install.R").read_text()
    description = (clone / "DESCRIPTION").read_text() if (clone / "DESCRIPTION").is_file() else ""
    lock = (clone / "renv.lock").read_text() if (clone / "renv.lock").is_file() else None
    for package in used:
        if lock is not None:
            assert f'"{package}"' in lock or package in result.stdout.split("renv.lock does not record:")[1], package
        else:
            assert f'"{package}"' in install_r or re.search(rf"\b{re.escape(package)}\b", description), package
