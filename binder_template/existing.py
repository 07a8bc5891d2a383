"""Adding Binder to a project that already exists (layout=existing-project).

The files go into binder/ and .github/, and cookiecutter's -f -s never
overwrites one that is there. The one change made to a file of the user's is
the badge, in the README, the way usethis places it: inside the
`<!-- badges: start -->` ... `<!-- badges: end -->` block when there is one,
otherwise in a new block right after the first heading. README.Rmd is the
source usethis edits when it exists (README.md is knitted from it).
"""

from __future__ import annotations

import json
import os
import re

from binder_template.answers import version_distance, version_key

# What this layout can add, for the list of what was added and left alone.
CANDIDATES = (
    "binder/Dockerfile", "binder/Dockerfile.dockerignore", "binder/install.R", "binder/.Renviron",
    "binder/apt.txt", "binder/register_shiny_app.py", "app/app.R", ".github/workflows/binder.yml", ".github/dependabot.yml",
    ".github/scripts/prewarm.py", ".github/scripts/smoke_test.py",
)
START, END = "<!-- badges: start -->", "<!-- badges: end -->"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")


def present(project_dir) -> list[str]:
    return [name for name in CANDIDATES if os.path.lexists(os.path.join(project_dir, name))]


def readme_to_edit(project_dir) -> str | None:
    for name in ("README.Rmd", "README.md"):
        path = os.path.join(project_dir, name)
        if os.path.isfile(path) and not os.path.islink(path):
            return name
    return None


def with_badge(text: str, badge: str) -> str | None:
    """The README with the badge added, or None when it already has it."""
    if badge in text:
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == START), None)
    end = next((i for i, line in enumerate(lines) if line.strip() == END and start is not None and i > start),
               None)
    if start is not None and end is not None:
        return "".join(lines[:end] + [badge + newline] + lines[end:])
    heading = first_heading(lines)
    block = [START + newline, badge + newline, END + newline]
    if heading is None:
        return "".join(block + [newline] + lines)
    before = lines[: heading + 1]
    if not before[-1].endswith(("\n", "\r")):
        before[-1] += newline
    return "".join(before + [newline] + block + lines[heading + 1:])


def first_heading(lines: list[str]) -> int | None:
    """The first ATX heading outside YAML front matter and code fences (an
    R Markdown README starts with front matter and a setup chunk)."""
    index, fence = 0, None
    if lines and lines[0].strip() == "---":
        index = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    for i in range(index, len(lines)):
        marker = _FENCE.match(lines[i])
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
        elif _ATX_HEADING.match(lines[i]):
            return i
    return None


def add_badge(project_dir, badge: str) -> tuple[str | None, bool]:
    """(README edited or None, whether it changed)."""
    name = readme_to_edit(project_dir)
    if name is None:
        return None, False
    path = os.path.join(project_dir, name)
    with open(path, "rb") as file:
        raw = file.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return name, False
    edited = with_badge(text, badge)
    if edited is None:
        return name, False
    with open(path, "wb") as file:
        file.write(edited.encode("utf-8"))
    return name, True


def renv_r_version(project_dir) -> str | None:
    try:
        with open(os.path.join(project_dir, "renv.lock"), encoding="utf-8") as file:
            version = json.load(file)["R"]["Version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return version if isinstance(version, str) and re.fullmatch(r"\d+\.\d+\.\d+", version) else None


def renv_version_warning(project_dir, r_version: str, choices: list[str]) -> str | None:
    """A warning when renv.lock was made with another R than the chosen tag."""
    locked = renv_r_version(project_dir)
    if locked is None or locked == r_version:
        return None

    nearest = min((c for c in choices if c != "latest"), key=lambda c: version_distance(c, locked))
    advice = "" if nearest == r_version else f"; the nearest choice is r_version={nearest}"
    if r_version == "latest" or version_key(r_version) > version_key(locked):
        image = "the newest R" if r_version == "latest" else f"R {r_version}"
        risk = "packages locked for an older R often fail to install on a newer one"
    else:
        image, risk = f"R {r_version}", "packages locked for a newer R may not install on an older one"
    return f"warning: renv.lock was made with R {locked}, and the image has {image}: {risk}{advice}"
