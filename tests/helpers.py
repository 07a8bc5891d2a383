"""Helpers for tests that bake the template and inspect the result."""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path

from tests.conftest import run, tool

LEFTOVERS = ("{{", "{%", "cookiecutter.")


def files_in(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}


def expected_files(answers: dict) -> set[str]:
    """The exact file set for a bake, written out independently of the hooks."""
    repo = answers["repo_name"]
    files = {
        "Dockerfile", "install.R", ".Renviron", "README.md", f"{repo}.Rproj",
        ".gitignore", ".dockerignore", "analysis/example.R",
    }
    if answers.get("ui", "rstudio") in ("lab", "notebook"):
        files.add("analysis/example.ipynb")
    if answers.get("ui") == "shiny":
        files |= {"app/app.R", "register_shiny_app.py"}
    if answers.get("license", "MIT") != "none":
        files.add("LICENSE")
    if answers.get("apt_packages", "").strip(" ,"):
        files.add("apt.txt")
    if answers.get("github_actions", True):
        files |= {".github/workflows/binder.yml", ".github/dependabot.yml",
                  ".github/scripts/prewarm.py", ".github/scripts/smoke_test.py"}
    return files


def leftovers(project: Path) -> list[str]:
    found = []
    for path in project.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8")
            found += [f"{path.name}: {marker}" for marker in LEFTOVERS if marker in text]
    return found


# Rules the generated Dockerfiles break on purpose, each for its reason. They
# are passed here rather than as pragmas in every user's Dockerfile.
HADOLINT_IGNORES = {
    "DL3007": "a bare `latest` only when generation could not ask Docker Hub for a digest; "
              "the Dockerfile says so above the FROM line",
    "DL3066": "USER root and USER ${NB_USER} name users the rocker images define",
    "DL3009": "the apt lists stay: the latest image installs R packages through apt (bspm)",
    "DL3008": "apt versions come from the image's own package sources",
    "DL3013": "jupyter-server-proxy is installed only when the image lacks it",
}


def hadolint(*dockerfiles: Path) -> str:
    """hadolint's findings at every level, '' when clean, but for the rules
    the template breaks on purpose."""
    ignores = [arg for rule in HADOLINT_IGNORES for arg in ("--ignore", rule)]
    result = run([tool("hadolint"), "--no-color", *ignores, *map(str, dockerfiles)])
    return (result.stdout + result.stderr).strip()


def repo2docker_dockerfile(project: Path) -> str:
    """What the real repo2docker --no-build would build, run in this process
    because starting repo2docker costs more than the check itself."""
    from repo2docker.__main__ import make_r2d

    # A path that is not a directory would send repo2docker to look for it online.
    assert project.is_dir(), project
    r2d = make_r2d(["--no-build", str(project)])
    r2d.log.disabled = True
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        r2d.initialize()
        r2d.start()
    return out.getvalue()


def pairwise(parameters: dict[str, list]) -> list[dict]:
    """Rows covering every pair of values of every two parameters, greedily
    (each new row takes, one parameter at a time, the value that covers most
    uncovered pairs)."""
    names = list(parameters)
    uncovered = {
        ((a, va), (b, vb))
        for a, b in itertools.combinations(names, 2)
        for va in parameters[a] for vb in parameters[b]
    }
    rows = []
    while uncovered:
        # Seed with an uncovered pair so that every row makes progress.
        (a, va), (b, vb) = min(uncovered, key=lambda p: (names.index(p[0][0]), str(p)))
        row = {a: va, b: vb}
        for name in names:
            if name in row:
                continue
            row[name] = max(parameters[name], key=lambda v: sum(
                (((n, row[n]), (name, v)) if names.index(n) < names.index(name)
                 else ((name, v), (n, row[n]))) in uncovered for n in row))
        rows.append(row)
        uncovered -= {((x, row[x]), (y, row[y])) for x, y in itertools.combinations(names, 2)}
    return rows


def covered_pairs(rows: list[dict], parameters: dict[str, list]) -> bool:
    return all(
        any(r[a] == va and r[b] == vb for r in rows)
        for a, b in itertools.combinations(parameters, 2)
        for va in parameters[a] for vb in parameters[b]
    )
