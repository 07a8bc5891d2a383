"""What an existing project already holds, read once before anything is
written (layout=existing-project): its git branch and GitHub remote, the
Binder setup it may have, and the R packages it declares and loads.

The pre-generation hook makes the survey, refuses what cannot work, and
hands it to the rendering (jinja_extension.project) and to the
post-generation report, so all three see the folder as it was.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile

from binder_template import existing, rcode
from binder_template.answers import CHECKED_OUT, FROM_ORIGIN, github_repo_error, github_user_error
from binder_template.versions import nearest_choice

# Where repo2docker looks for configuration before the root; both at once is
# an error there (repo2docker buildpacks/base.py, binder_dir).
BINDER_FOLDERS = ("binder", ".binder")
# The first line of each file this template writes that a user may also have
# written: a file that starts otherwise is the user's own.
OUR_FIRST_LINES = {
    "Dockerfile": "# Binder builds this file into the image behind your badge.",
    "install.R": "# install.R: the R packages this project needs.",
}
_GITHUB_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com(?::\d+)?/)"
    r"([^/]+)/([^/]+?)(?:\.git)?/?$")
# R releases (CRAN's release dates), for runtime.txt's r-YYYY-MM-DD form: the
# R that was current on that day.
R_RELEASES = (
    ("4.0.0", "2020-04-24"), ("4.0.1", "2020-06-06"), ("4.0.2", "2020-06-22"), ("4.0.3", "2020-10-10"),
    ("4.0.4", "2021-02-15"), ("4.0.5", "2021-03-31"), ("4.1.0", "2021-05-18"), ("4.1.1", "2021-08-10"),
    ("4.1.2", "2021-11-01"), ("4.1.3", "2022-03-10"), ("4.2.0", "2022-04-22"), ("4.2.1", "2022-06-23"),
    ("4.2.2", "2022-10-31"), ("4.2.3", "2023-03-15"), ("4.3.0", "2023-04-21"), ("4.3.1", "2023-06-16"),
    ("4.3.2", "2023-10-31"), ("4.3.3", "2024-02-29"), ("4.4.0", "2024-04-24"), ("4.4.1", "2024-06-14"),
    ("4.4.2", "2024-10-31"), ("4.4.3", "2025-02-28"), ("4.5.0", "2025-04-11"),
)
GIT_TIMEOUT = 10


def git(folder: str, *args: str, stdin: str | None = None) -> str | None:
    """git's output in folder, or None when git fails or is missing."""
    try:
        result = subprocess.run(["git", "-C", folder, *args], input=stdin, capture_output=True, text=True,
                                timeout=GIT_TIMEOUT, env={**os.environ, "GIT_TERMINAL_PROMPT": "0"})
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def github_remote(url: str) -> tuple[str, str] | None:
    match = _GITHUB_REMOTE.match(url.strip())
    if not match or github_user_error(match.group(1)) or github_repo_error(match.group(2)):
        return None
    return match.group(1), match.group(2)


def git_facts(folder: str) -> dict:
    """The checked-out branch and the GitHub repository 'origin' names, and
    the top of the repository the folder is in, when that is another folder."""
    top = (git(folder, "rev-parse", "--show-toplevel") or "").strip()
    if not top:
        return {"repo": False, "branch": None, "origin": None, "top": None}
    inside = os.path.realpath(top) != os.path.realpath(folder)
    branch = (git(folder, "symbolic-ref", "--quiet", "--short", "HEAD") or "").strip() or None
    url = git(folder, "remote", "get-url", "origin")
    return {"repo": True, "branch": branch, "origin": github_remote(url) if url else None,
            "top": top if inside else None}


def is_ours(path: str, name: str) -> bool:
    text = rcode.read_text(path, 4096)
    return text is not None and text.split("\n", 1)[0].rstrip("\r") == OUR_FIRST_LINES.get(name)


def runtime_r_version(text: str) -> str | None:
    """The R version runtime.txt asks for: r-4.1, r-4.1.2, r-4.1-2022-01-01,
    or r-2021-06-01 (the R that was current then)."""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    match = re.fullmatch(r"r-(\d+\.\d+(?:\.\d+)?)(?:-\d{4}-\d{2}-\d{2})?", line)
    if match:
        version = match.group(1)
        if version.count(".") == 2:
            return version
        # r-4.1: repo2docker takes the newest 4.1.x it knows.
        patches = [v for v, _ in R_RELEASES if v.startswith(version + ".")]
        return patches[-1] if patches else version + ".0"
    match = re.fullmatch(r"r-(\d{4}-\d{2}-\d{2})", line)
    if match:
        current = [v for v, day in R_RELEASES if day <= match.group(1)]
        return current[-1] if current else R_RELEASES[0][0]
    return None


def runtime_warning(text: str, prefix: str, answers: dict, choices: list[str]) -> str | None:
    asked, chosen = runtime_r_version(text), str(answers.get("r_version"))
    if not asked or asked == chosen:
        return None
    nearest = nearest_choice(asked, choices)
    if nearest == chosen:
        return None  # as near as the images come
    image = "the newest R" if chosen == "latest" else f"R {chosen}"
    return f"warning: {prefix}runtime.txt asks for R {asked}, and the image has {image}; the nearest " \
           f"choice is r_version={nearest}"


def binder_setup(folder: str, answers: dict, choices: list[str]) -> tuple[dict, list[str], list[str]]:
    """Where this run writes its Binder files, what it carries over from the
    project's own Binder configuration, and what it must refuse."""
    refusals, warnings = [], []
    folders = [name for name in BINDER_FOLDERS if os.path.isdir(os.path.join(folder, name))
               and not os.path.islink(os.path.join(folder, name))]
    for name in BINDER_FOLDERS:
        if os.path.islink(os.path.join(folder, name)):
            refusals.append(f"{name}/ is a symbolic link: Binder files are never written through one")
    if len(folders) == 2:
        refusals.append("the project has both binder/ and .binder/, which Binder refuses: keep one "
                        "(git rm -r one of them) and run again")
    here = folders[0] if len(folders) == 1 else "binder"
    # Where Binder reads configuration today: the Binder folder if there is
    # one, the root otherwise. Once this run's Dockerfile is there, Binder
    # reads nothing else, so whatever it would have read is carried over.
    places = [here] if folders else [""]
    if folders:
        # Binder ignores the root while a Binder folder is there, but these
        # files were written for it (and a second run must carry what the
        # first one did).
        places.append("")
    carried = {"install_R": None, "apt_txt": None, "runtime": None}
    for place in places:
        prefix = f"{place}/" if place else ""
        for name in ("Dockerfile", "environment.yml", "postBuild", "install.R", "apt.txt", "runtime.txt"):
            path = os.path.join(folder, place, name)
            if not os.path.lexists(path):
                continue
            if os.path.islink(path) or not os.path.isfile(path):
                refusals.append(f"{prefix}{name} is not a regular file (a symbolic link or a special file)")
                continue
            if is_ours(path, name):
                continue
            if name == "Dockerfile" and (place or not folders):
                refusals.append(f"{prefix}Dockerfile is your own Binder setup, which Binder builds as it "
                                f"is: rename it (git mv {prefix}Dockerfile {prefix}Dockerfile.old) to let this "
                                f"template write {here}/Dockerfile, or keep your setup and do not run this")
            elif name in ("environment.yml", "postBuild") and (place or not folders):
                refusals.append(f"{prefix}{name} is a Binder file that rocker/binder images do not run: "
                                f"move its steps into {here}/install.R or {here}/apt.txt after this run, or "
                                f"rename it (git mv {prefix}{name} {prefix}{name}.old) and run again")
            elif name == "install.R" and place:
                refusals.append(f"{prefix}install.R is your own, and this template writes {here}/install.R: "
                                f"move yours to the project's root (git mv {prefix}install.R install.R), "
                                "where this template's install.R runs it, and run again")
            elif name == "install.R":
                carried["install_R"] = "install.R"
            elif name == "apt.txt" and place:
                carried["apt_txt"] = f"{prefix}apt.txt"
            elif name == "apt.txt" and not carried["apt_txt"]:
                carried["apt_txt"] = "apt.txt"
            elif name == "apt.txt":
                warnings.append(f"warning: apt.txt at the root is not installed: {carried['apt_txt']} is; "
                                "move what you need from one to the other")
            elif name == "runtime.txt" and not carried["runtime"]:
                carried["runtime"] = f"{prefix}runtime.txt"
                warning = runtime_warning(rcode.read_text(path, 4096) or "", prefix, answers, choices)
                warnings += [warning] if warning else []
    apt_answer = bool(str(answers.get("apt_packages", "")).strip(" ,\t"))
    if apt_answer and carried["apt_txt"] and carried["apt_txt"] != f"{here}/apt.txt":
        refusals.append(f"apt_packages would go in {here}/apt.txt, but the project lists its system packages "
                        f"in {carried['apt_txt']}: add them there and leave apt_packages empty")
    if apt_answer and os.path.isfile(os.path.join(folder, here, "apt.txt")):
        listed = set(re.sub(r"#.*", "", rcode.read_text(os.path.join(folder, here, "apt.txt")) or "").split())
        missing = [p for p in re.split(r"[,\s]+", str(answers["apt_packages"])) if p and p not in listed]
        if missing:
            refusals.append(f"{here}/apt.txt is already there and is kept: add {', '.join(missing)} to it "
                            "and leave apt_packages empty")
    if apt_answer:
        carried["apt_txt"] = f"{here}/apt.txt"
    return {"here": here, **carried}, refusals, warnings


def unsafe_paths(folder: str, here: str) -> list[str]:
    """Where this run would write through a symbolic link, or over something
    that is not what it expects (a file where a folder goes, or the reverse):
    a cloned repository can carry either."""
    problems = []
    folders = (here, ".github", ".github/workflows", ".github/scripts", "app")
    for name in folders + existing.candidates(here):
        path = os.path.join(folder, name)
        if os.path.islink(path):
            problems.append(f"{name} is a symbolic link: nothing is written through one")
        elif os.path.lexists(path) and os.path.isdir(path) != (name in folders):
            kind = "folder" if name in folders else "file"
            problems.append(f"{name} is in the way: this template writes a {kind} there")
    return problems


def renv_lock_packages(folder: str) -> list[str] | None:
    text = rcode.read_text(os.path.join(folder, "renv.lock"), 16 << 20)
    if text is None:
        return None
    try:
        packages = json.loads(text).get("Packages", {})
    except (ValueError, AttributeError):
        return []
    return sorted(packages) if isinstance(packages, dict) else []


def survey(folder: str, answers: dict, choices: list[str]) -> dict:
    """Everything the rendering and the report need to know about the project,
    as JSON data, with what must be refused and what must be said."""
    setup, refusals, warnings = binder_setup(folder, answers, choices)
    facts = git_facts(folder)
    nested = sorted(name for name in os.listdir(folder) if not facts["repo"]
                    and os.path.isdir(os.path.join(folder, name, ".git")))
    if nested:
        refusals.insert(0, f"this folder holds git repositories of its own ({', '.join(n + '/' for n in nested[:3])}"
                           f"{', ...' if len(nested) > 3 else ''}): run this inside your project's folder")
    if facts["top"]:
        refusals.insert(0, f"this folder is inside the git repository {facts['top']}, and Binder reads a "
                           "repository from its root: run this there, with repo_name that folder's name")
    refusals += unsafe_paths(folder, setup["here"])
    for name in ("DESCRIPTION", "renv.lock", ".Rprofile", "renv/activate.R", "renv/settings.json"):
        path = os.path.join(folder, name)
        if os.path.lexists(path) and (os.path.islink(path) or not os.path.isfile(path)):
            refusals.append(f"{name} is not a regular file (a symbolic link or a special file): "
                            "Binder files are never read through one")
    description = rcode.read_description(folder)
    declared, required, own_name = description["declared"], description["required"], description["name"]
    warnings += [f"warning: {w}" for w in description["warnings"]]
    refusals += description["errors"]
    locked = renv_lock_packages(folder)
    used = rcode.packages_used(folder)
    # renv projects get their packages from renv.lock alone: renv's library
    # hides the image's, so installing beside it would not help.
    unlisted = {} if locked is not None else {name: where for name, where in used.items() if name not in declared}
    return {
        **setup,
        "git": facts,
        "description": os.path.isfile(os.path.join(folder, "DESCRIPTION")),
        "rprofile": os.path.isfile(os.path.join(folder, ".Rprofile")),
        "renv": locked is not None,
        # Loaded by the code, not declared: install.R tries them.
        "used": unlisted,
        # In an renv project, renv.lock is what the image gets: name what the
        # code loads and DESCRIPTION declares that it lacks.
        "not_locked": sorted(n for n in set(used) | required if locked is not None and n not in locked
                             and n != own_name),
        # The badge of ui=shiny opens the app at the root when there is one
        # (app.R, or ui.R and server.R), else app/, where the template puts one.
        "shiny_app": "." if os.path.isfile(os.path.join(folder, "app.R")) or all(
            os.path.isfile(os.path.join(folder, n)) for n in ("ui.R", "server.R")) else "app",
        "refusals": refusals,
        "warnings": warnings,
    }


def launch_target(answers: dict, facts: dict) -> tuple[str, str, str]:
    """(owner, repository, branch) the badge launches: the answers, where they
    were given; otherwise what git says ('origin' on GitHub, the checked-out
    branch); the folder's name and 'main' last."""
    origin = facts.get("origin")
    owner = answers["github_user"]
    if owner == FROM_ORIGIN:
        owner = origin[0] if origin else None
    # GitHub user names ignore case: Octo-Cat owns octo-cat's repositories.
    repo = origin[1] if origin and owner and owner.lower() == origin[0].lower() else answers["repo_name"]
    branch = answers["branch"]
    if branch == CHECKED_OUT:
        branch = facts.get("branch") or "main"
    return owner, repo, branch


def files_to_commit(folder: str, paths: list[str]) -> tuple[list[str], list[str]]:
    """(paths `git add` takes, paths that need `git add -f`) among those not
    yet committed: git check-ignore reads the project's .gitignore files,
    .git/info/exclude and the user's global excludes. Outside a repository a
    scratch one stands in, so the rules are read as `git init` will."""
    paths = [p for p in paths if os.path.isfile(os.path.join(folder, p))]
    if os.path.lexists(os.path.join(folder, ".git")):
        tracked = set((git(folder, "ls-files", "-z", "--", *paths) or "").split("\0")) if paths else set()
        changed = set((git(folder, "diff", "--name-only", "-z", "--", *paths) or "").split("\0")) if paths else set()
        todo = [p for p in paths if p not in tracked or p in changed]
        ignored = set((git(folder, "check-ignore", "-z", "--stdin", stdin="\0".join(todo)) or "")
                      .split("\0")) if todo else set()
    else:
        todo = paths
        with tempfile.TemporaryDirectory() as scratch:
            ignored = set()
            if git(scratch, "init", "-q") is not None and todo:
                ignored = set((git(folder, f"--git-dir={scratch}/.git", f"--work-tree={folder}",
                                   "check-ignore", "--no-index", "-z", "--stdin", stdin="\0".join(todo))
                               or "").split("\0"))
    return [p for p in todo if p not in ignored], [p for p in todo if p in ignored]
