"""The corpus of real R projects (tests/corpus, sources in MANIFEST.json),
and Binder added to one as a new user does it: a git repository on the
project's real default branch with its 'origin' on GitHub, the README's
command as written, a refusal's advice followed, the printed git commands
run, and a clone of the result."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

from binder_template import rcode, survey
from tests import helpers

CORPUS = Path(__file__).parent / "corpus"
PROJECTS = json.loads((CORPUS / "MANIFEST.json").read_text())
BY_SLUG = {entry["slug"]: entry for entry in PROJECTS}
# No user configuration of this machine's leaks in; the identity is a test's.
GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60,
                            env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def checkout(entry: dict, parent: Path) -> Path:
    """The project as its repository has it: every file tracked, ignored or
    not, on its default branch, with 'origin' on GitHub."""
    project = parent / entry["repo"].split("/")[1]
    shutil.copytree(CORPUS / entry["slug"], project, symlinks=True)
    git(project, "init", "-q", "-b", entry["default_branch"])
    git(project, "remote", "add", "origin", f"https://github.com/{entry['repo']}.git")
    git(project, "add", "-A", "-f")
    git(project, "commit", "-qm", "as published")
    return project


def add_binder(project: Path, *answers: str) -> subprocess.CompletedProcess:
    """The README's command, run from the project folder."""
    return helpers.add_binder(project, *answers, env=GIT_ENV)


def run_next_steps(project: Path, stdout: str) -> None:
    steps = stdout.split("Next steps:\n", 1)[1].split("\n\n", 1)[0]
    for line in steps.splitlines():
        words = shlex.split(line, comments=True)
        if words[:2] in (["git", "add"], ["git", "commit"], ["git", "init"]):
            git(project, *words[1:])
        else:  # pushing, and knitting a README.Rmd, need what a test has not
            assert words[:2] in (["git", "push"], ["git", "remote"]) or words[:1] == ["Rscript"], line


def add_binder_as_a_user_would(project: Path, clones: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """(the run that added Binder, a clone of what it committed). The
    README's command runs once; the one refusal left, for a Dockerfile of the
    project's own in its Binder folder, gives one command that keeps it and
    goes on: a user pastes that, and so does this."""
    result = add_binder(project)
    if result.returncode != 0:
        assert git(project, "status", "--porcelain") == ""
        lines = result.stderr.splitlines()
        assert len([line for line in lines if line.startswith("error: ")]) == 1, result.stderr
        assert "Dockerfile is your own Binder setup" in lines[0], result.stderr
        command = lines[0].split("and go on, run: ", 1)[1]
        result = subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True, timeout=120,
                                env={**os.environ, **GIT_ENV, "PWD": str(project)})
    assert result.returncode == 0, result.stderr
    run_next_steps(project, result.stdout)
    assert git(project, "status", "--porcelain", "--untracked-files=no") == ""
    clone = clones / project.name
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True, timeout=60, capture_output=True)
    return result, clone


def packages_needed(slug: str, fields=("Depends", "Imports", "LinkingTo")) -> set[str]:
    """What the image must have for this project: what its code loads, what
    DESCRIPTION requires, and what renv.lock records (renv aside); with
    fields=("Suggests",), what DESCRIPTION suggests."""
    folder = CORPUS / slug
    names = set(rcode.packages_used(str(folder))) if "Imports" in fields else set()
    text = rcode.read_text(str(folder / "DESCRIPTION"))
    if text:
        description, _, _ = rcode.read_dcf(text)
        names.discard(description.get("Package"))  # a package's code uses itself
        for field in fields:
            names |= set(rcode.dependency_names(field, description.get(field, ""))[0])
    locked = survey.renv_lock_packages(str(folder)) if "Imports" in fields else None
    return (names | set(locked or ())) - rcode.BASE_PACKAGES - {"renv"}
