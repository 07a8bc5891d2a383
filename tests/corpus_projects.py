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

from tests import helpers
from tests.helpers import GIT_ENV, git

CORPUS = Path(__file__).parent / "corpus"
# R's base packages (priority "base"), never installed: R's own list.
BASE_PACKAGES = {"R", "base", "compiler", "datasets", "grDevices", "graphics", "grid", "methods", "parallel",
                 "splines", "stats", "stats4", "tcltk", "tools", "utils"}
PROJECTS = json.loads((CORPUS / "MANIFEST.json").read_text())
BY_SLUG = {entry["slug"]: entry for entry in PROJECTS}
# No user configuration of this machine's leaks in; the identity is a test's.


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
        if not words:
            continue  # a comment line, for the reader
        if words[:2] in (["git", "add"], ["git", "commit"], ["git", "init"]):
            git(project, *words[1:])
        else:  # pushing, and knitting a README.Rmd, need what a test has not
            assert words[:2] in (["git", "push"], ["git", "remote"]) or words[:1] == ["Rscript"], line


def add_binder_as_a_user_would(project: Path, clones: Path, answers: tuple[str, ...] = ()
                               ) -> tuple[subprocess.CompletedProcess, Path]:
    """(the run that added Binder, a clone of what it committed). The
    README's command runs once; the one refusal left, for a Dockerfile of the
    project's own in its Binder folder, gives one command that keeps it and
    goes on: a user pastes that, and so does this."""
    result = add_binder(project, *answers)
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


def description_fields(folder: Path) -> dict[str, str]:
    """A DESCRIPTION's fields, read here as R's read.dcf() reads the first
    record (continuation lines start with white space), independently of
    binder_template.rcode, which is under test."""
    path = folder / "DESCRIPTION"
    fields: dict[str, str] = {}
    name = None
    for line in (path.read_text(errors="replace").split("\n\n")[0].splitlines() if path.is_file() else []):
        if line[:1].isspace() and name:
            fields[name] += " " + line.strip()
        elif ":" in line:
            name, value = line.split(":", 1)
            fields[name] = value.strip()
    return fields


def declared(value: str) -> set[str]:
    """The package names in a Depends/Imports field: commas between them,
    versions in parentheses, written as they were."""
    names = set()
    for item in value.split(","):
        item = item.split("(")[0].strip()
        names |= set(item.split())
    return names


def packages_needed(slug: str, fields=("Depends", "Imports", "LinkingTo")) -> set[str]:
    """What the image must have for this project: what its code loads, as a
    reader of the code listed it in MANIFEST.json ("loads"), what
    DESCRIPTION requires, and what renv.lock records (renv aside); with
    fields=("Suggests",), what DESCRIPTION suggests. Nothing here comes from
    the code under test."""
    folder = CORPUS / slug
    names = set(BY_SLUG[slug]["loads"]) if "Imports" in fields else set()
    description = description_fields(folder)
    for field in fields:
        names |= declared(description.get(field, ""))
    names.discard(description.get("Package"))  # a package's code uses itself
    if "Imports" in fields:
        for lock in renv_lockfiles(slug):
            names |= set(json.loads(lock.read_text())["Packages"])
    return names - BASE_PACKAGES - {"renv"}


def renv_lockfiles(slug: str) -> list[Path]:
    """renv.lock at the root, and r/renv.lock of an R project in a subfolder
    (what the manifest's notes say each project has)."""
    return [path for path in (CORPUS / slug / "renv.lock", CORPUS / slug / "r" / "renv.lock") if path.is_file()]


def conda_r_packages(slug: str) -> set[str]:
    """The R packages a project's conda environment.yml lists (r-<name>,
    lower case as conda spells them), r-base and the Jupyter kernel aside:
    read here as a person reads the file."""
    names = set()
    for where in ("environment.yml", "binder/environment.yml", ".binder/environment.yml"):
        path = CORPUS / slug / where
        for line in path.read_text().splitlines() if path.is_file() else []:
            item = line.strip()
            if item.startswith("- r-"):
                name = item[2:].split("=")[0].split()[0]
                if name not in ("r-base", "r-irkernel"):
                    names.add(name[2:])
    return names
