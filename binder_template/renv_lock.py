"""renv.lock, read once and the same way for everything that needs it: the
packages it records, the R it was made with, and why it cannot be used."""

from __future__ import annotations

import json
import os
import re
import sys

from binder_template import reading
from binder_template.versions import nearest_choice, version_key

RENV_LOCK_LIMIT = 16 << 20
RENV_LOCK_RULE = ("Binder restores the packages from it, and renv restores only from the JSON "
                  "renv::snapshot() writes; run renv::snapshot() to write it again, or git rm renv.lock "
                  "if the project no longer uses renv")


def load(folder: str, lockfile: str = "renv.lock") -> tuple[dict | None, str | None]:
    """The lockfile's JSON object (None when there is no renv.lock), and why
    it cannot be used, when it cannot: a lockfile cut short or not made by
    renv would otherwise pass, and the report would blame the packages."""
    path = os.path.join(folder, lockfile)
    if not os.path.lexists(path) or os.path.islink(path) or not os.path.isfile(path):
        return None, None  # a link or a special file is refused with the other files
    try:
        data = reading.read_bytes(path, RENV_LOCK_LIMIT)
    except reading.NotRead as err:
        return {}, f"{lockfile} {err}: {RENV_LOCK_RULE}"
    try:
        lock = json.loads(data.decode("utf-8", errors="replace").removeprefix("\ufeff"))
    except RecursionError:
        return {}, (f"{lockfile} is not a lockfile renv writes (its values nest deeper than Python's JSON "
                    f"reader goes, about {sys.getrecursionlimit()} levels): {RENV_LOCK_RULE}")
    except ValueError as err:
        where = f"line {err.lineno}, column {err.colno}: {err.msg}" if isinstance(err, json.JSONDecodeError) \
            else str(err)
        return {}, f"{lockfile} is not valid JSON ({where}): {RENV_LOCK_RULE}"
    if not isinstance(lock, dict) or not isinstance(lock.get("Packages", {}), dict):
        return {}, f"{lockfile} is not a lockfile (a JSON object whose \"Packages\" is an object): {RENV_LOCK_RULE}"
    return lock, None


def read_renv_lock(folder: str, lockfile: str = "renv.lock") -> tuple[list[str] | None, str | None]:
    """The packages renv.lock records (None when there is no renv.lock), and
    why it cannot be used, when it cannot."""
    lock, problem = load(folder, lockfile)
    if lock is None or problem:
        return (None if lock is None else []), problem
    return sorted(lock.get("Packages", {})), None


def locked_r_version(folder: str, lockfile: str = "renv.lock") -> str | None:
    """The R version renv.lock was made with, when it says one plainly."""
    lock, problem = load(folder, lockfile)
    r = lock.get("R") if lock and not problem else None
    version = r.get("Version") if isinstance(r, dict) else None
    return version if isinstance(version, str) and re.fullmatch(r"\d+\.\d+\.\d+", version) else None


def renv_version_warning(project_dir, r_version: str, choices: list[str],
                         lockfile: str = "renv.lock") -> str | None:
    """A warning when renv.lock was made with another R than the chosen tag."""
    locked = locked_r_version(project_dir, lockfile)
    if locked is None or locked == r_version:
        return None

    nearest = nearest_choice(locked, choices)
    if nearest == r_version:
        return None  # as near as the images come
    advice = f"; the nearest choice is r_version={nearest}"
    if r_version == "latest" or version_key(r_version) > version_key(locked):
        image = "the newest R" if r_version == "latest" else f"R {r_version}"
        risk = "packages locked for an older R often fail to install on a newer one"
    else:
        image, risk = f"R {r_version}", "packages locked for a newer R may not install on an older one"
    return f"warning: {lockfile} was made with R {locked}, and the image has {image}: {risk}{advice}"
