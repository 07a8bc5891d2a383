"""What generation checks for prebuilt_image in the user's repository.

The workflow's publish.py owns the branch `binder`: it stops rather than
overwrite one it did not make, and git can have no `binder` beside a branch
under `binder/`. A branch of either kind, local or on origin, is better
renamed before the first push than found by a failed publish.
"""

from __future__ import annotations

import os
import subprocess

from binder_template.answers import PREBUILT_BRANCH

GIT_SECONDS = 10


def binder_branch_warning(project_dir: str) -> str | None:
    """One line starting "warning: " when the git repository at
    `project_dir` has a branch `binder`, or one under `binder/`, locally
    (refs/heads) or on origin (refs/remotes/origin); None otherwise, and
    when there is no repository there or git cannot tell.

    Only a repository whose top level is `project_dir` counts: a new
    project's folder inside some other repository is not that repository."""
    top = os.path.abspath(project_dir)
    # Nothing from the caller's environment points git elsewhere (GIT_DIR
    # and the like), and it does not look above project_dir.
    env = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")}
    env.update(GIT_CEILING_DIRECTORIES=os.path.dirname(top), GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    patterns = [f"refs/heads/{PREBUILT_BRANCH}", f"refs/remotes/origin/{PREBUILT_BRANCH}"]
    try:
        listed = subprocess.run(["git", "-C", top, "for-each-ref", "--format=%(refname)", *patterns],
                                capture_output=True, text=True, errors="replace", env=env,
                                timeout=GIT_SECONDS, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if listed.returncode != 0:
        return None
    # for-each-ref matches a pattern whole or up to a slash: binder and binder/*.
    found = []
    for ref in listed.stdout.splitlines():
        if ref.startswith("refs/heads/"):
            found.append(f"'{ref.removeprefix('refs/heads/')}'")
        elif ref.startswith("refs/remotes/origin/"):
            found.append(f"'{ref.removeprefix('refs/remotes/')}'")
    if not found:
        return None
    return (f"warning: this repository has the branch {', '.join(found)}, and with prebuilt_image the "
            f"workflow makes its own branch '{PREBUILT_BRANCH}': rename yours (git branch -m, and on GitHub "
            "the Branches page) before you push, or the first publish stops rather than overwrite it")
