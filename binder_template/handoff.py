"""The hand-off between the two hooks and the undo: what the pre-generation
hook learnt (the folder as it was, the survey, what GitHub said), kept in a
private file outside the project, so that nothing but generated files is
ever written into it."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import time

from binder_template import survey
from binder_template.answers import load_choices

# Hand-offs older than this are left over from interrupted runs.
STALE_SECONDS = 24 * 3600



def handoff_folder(project_dir, windows: bool = os.name == "nt") -> str:
    """A private folder of this user's, outside the project: in the
    temporary folder, or, when another user holds that name (anyone can
    create it first) or it would be inside the project (a relative TMPDIR),
    in this user's ~/.cache, which no one else can make. (On Windows the
    temporary folder is the user's own, and mode bits say nothing.)"""
    uid = getattr(os, "getuid", lambda: 0)()
    project = os.path.realpath(project_dir)
    candidates = [os.path.join(tempfile.gettempdir(), f"rocker-binder-template-{uid}"),
                  os.path.join(os.path.expanduser("~"), ".cache", "rocker-binder-template")]
    for folder in candidates:
        if not os.path.isabs(folder) or os.path.commonpath([os.path.realpath(folder), project]) == project:
            continue
        try:
            os.makedirs(os.path.dirname(folder), exist_ok=True)
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            continue
        info = os.lstat(folder)
        if stat.S_ISDIR(info.st_mode) and (windows or not info.st_mode & 0o077 and info.st_uid == os.getuid()):
            return folder
    raise OSError(f"{candidates[0]} is not a private folder of this user's, and neither is "
                  f"{candidates[1]}: remove them if they are yours, or set TMPDIR to a folder of your own")



def handoff_path(project_dir, answers: dict) -> str:
    """Where the pre-generation hook leaves what the rest of the run needs,
    so nothing is ever written into the project but generated files. The
    hooks are separate processes (on Windows, with a shell between them and
    cookiecutter), so the name comes from what every part of one run sees
    alike: the project's path and the answers."""
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False, default=str)
    key = hashlib.sha256(f"{os.path.realpath(project_dir)}\0{canonical}".encode()).hexdigest()[:32]
    return os.path.join(handoff_folder(project_dir), f"{key}.json")



def write_handoff(project_dir, answers: dict, handoff: dict) -> None:
    path = handoff_path(project_dir, answers)
    folder = os.path.dirname(path)
    for name in os.listdir(folder):  # forget interrupted runs
        old = os.path.join(folder, name)
        try:  # another generation may take its own hand-off meanwhile
            if time.time() - os.lstat(old).st_mtime > STALE_SECONDS or old == path:
                os.unlink(old)
        except FileNotFoundError:
            pass
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handoff_file:
        json.dump(handoff, handoff_file)



def read_handoff(project_dir, answers: dict) -> dict:
    try:
        descriptor = os.open(handoff_path(project_dir, answers), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return {}
    with os.fdopen(descriptor, encoding="utf-8") as handoff_file:
        return json.load(handoff_file)



def take_handoff(project_dir, answers: dict) -> dict:
    handoff = read_handoff(project_dir, answers)
    if handoff:
        os.unlink(handoff_path(project_dir, answers))
    return handoff



def project_survey(project_dir, answers: dict) -> dict:
    """The existing project as the pre-generation hook surveyed it, before
    anything was written; surveyed now if the hooks did not run."""
    found = read_handoff(project_dir, answers).get("survey")
    if found is None:
        found = survey.survey(str(project_dir), answers, load_choices()["r_version"])
    return found

