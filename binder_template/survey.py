"""What an existing project already holds, read once before anything is
written (layout=existing-project): its git branch and GitHub remote, the
Binder setup it may have, and the R packages it declares and loads.

The pre-generation hook makes the survey, refuses what cannot work, and
hands it to the rendering (filters.project) and to the
post-generation report, so all three see the folder as it was.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile

from binder_template import binder_files, description_file, files, rcode, reading
from binder_template.answers import CHECKED_OUT, FROM_ORIGIN, github_repo_error, github_user_error
from binder_template.renv_lock import read_renv_lock
from binder_template.rerun import command_line, invocation, shell_word
from binder_template.versions import nearest_choice

# Where repo2docker looks for configuration before the root; both at once is
# an error there (repo2docker buildpacks/base.py, binder_dir).
BINDER_FOLDERS = ("binder", ".binder")
# The first line of each file this template writes that a user may also have
# written: a file that starts otherwise is the user's own.
OUR_FIRST_LINES = {
    "Dockerfile": "# Binder builds this file into the image behind your badge.",
    "install.R": "# install.R: the R packages this project needs.",
    "keep-binder-warm.yml": "# Keeps the badge launching while nobody commits. Once a week it builds the",
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
_KEYS = {"environment.yml": "conda", "postBuild": "postBuild", "install.R": "install_R"}


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
        return {"repo": False, "commits": False, "branch": None, "origin": None, "top": None, "default": None}
    inside = os.path.realpath(top) != os.path.realpath(folder)
    branch = (git(folder, "symbolic-ref", "--quiet", "--short", "HEAD") or "").strip() or None
    url = git(folder, "remote", "get-url", "origin")
    # A repository with no commits yet (git init, git remote add) gets
    # `git add .` in the next steps, as a folder that is not one does.
    commits = git(folder, "rev-parse", "--verify", "--quiet", "HEAD^{commit}") is not None
    return {"repo": True, "commits": commits, "branch": branch, "origin": github_remote(url) if url else None,
            "top": top if inside else None, "default": default_branch(folder)}


def default_branch(folder: str) -> str | None:
    """The default branch as git clone recorded it (origin/HEAD), if that
    branch is still there: git before 2.48 never moves origin/HEAD, so after
    a rename upstream and a pruning fetch it names a branch that is gone."""
    ref = (git(folder, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD") or "").strip()
    if not ref.startswith("refs/remotes/origin/") or git(folder, "rev-parse", "--verify", "--quiet", ref) is None:
        return None
    return ref.removeprefix("refs/remotes/origin/")


def is_ours(path: str, name: str) -> bool:
    text = reading.read_text(path, 4096)
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
    project's own Binder configuration, and what it must refuse: only a
    Dockerfile of the user's in the Binder folder, which this run's would
    replace. Every other Binder file stays where it is, untouched."""
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
    # reads nothing else, so what those files did is carried over, from the
    # Binder folder first. The root's count too: they were written for
    # Binder (and a second run must carry what the first one did).
    places = [here, ""] if folders else [""]
    carried = {"install_R": None, "apt_txt": None, "runtime": None, "conda": None, "postBuild": None,
               "not_read": []}
    for place in places:
        prefix = f"{place}/" if place else ""
        for name in binder_files.BINDER_FILES:
            path = os.path.join(folder, place, name)
            if not os.path.lexists(path):
                continue
            if os.path.islink(path) or not os.path.isfile(path):
                refusals.append(f"{prefix}{name} is not a regular file (a symbolic link or a special file)")
                continue
            if is_ours(path, name) and name == "Dockerfile" and not place:
                # Binder builds a new repository this template made from its
                # root; a Binder folder would hide those files from it.
                refusals.append(
                    "Dockerfile at the root is the one this template writes for a new repository: this is "
                    "one it made, which Binder builds from its root, so no binder/ folder is added. To change "
                    "an answer there, run cruft update --variables-to-update '{\"zenodo_doi\": \"...\"}' "
                    "(a repository made with cruft create), or edit README.md by hand")
                continue
            if is_ours(path, name):
                continue
            if name == "Dockerfile" and place:
                refusals.append(own_dockerfile_refusal(folder, f"{prefix}{name}", answers))
                continue
            carried["not_read"].append(f"{prefix}{name}")
            if name in ("environment.yml", "postBuild", "install.R") and not carried[_KEYS[name]]:
                carried[_KEYS[name]] = f"{prefix}{name}"
            elif name == "apt.txt" and place:
                carried["apt_txt"] = f"{prefix}apt.txt"
            elif name == "apt.txt" and not carried["apt_txt"]:
                carried["apt_txt"] = "apt.txt"
            elif name == "apt.txt":
                warnings.append(f"warning: apt.txt at the root is not installed: {carried['apt_txt']} is; "
                                "move what you need from one to the other")
            elif name == "runtime.txt" and not carried["runtime"]:
                carried["runtime"] = f"{prefix}runtime.txt"
                warning = runtime_warning(reading.read_text(path, 4096) or "", prefix, answers, choices)
                warnings += [warning] if warning else []
    # The classic setup's binder/install.R stays the user's: this template's
    # script takes another name, and runs it.
    carried["script"] = "packages.R" if carried["install_R"] == f"{here}/install.R" else "install.R"
    apt_answer = bool(str(answers.get("apt_packages", "")).strip(" ,\t"))
    if apt_answer and carried["apt_txt"] and carried["apt_txt"] != f"{here}/apt.txt":
        refusals.append(f"apt_packages would go in {here}/apt.txt, but the project lists its system packages "
                        f"in {carried['apt_txt']}: add them there and leave apt_packages empty")
    if apt_answer and os.path.isfile(os.path.join(folder, here, "apt.txt")):
        apt_txt = reading.read_text(os.path.join(folder, here, "apt.txt"), rcode.MAX_FILE_BYTES)
        listed = set(re.sub(r"#.*", "", apt_txt or "").split())
        missing = [p for p in re.split(r"[,\s]+", str(answers["apt_packages"])) if p and p not in listed]
        if missing:
            refusals.append(f"{here}/apt.txt is already there and is kept: add {', '.join(missing)} to it "
                            "and leave apt_packages empty")
    if apt_answer:
        carried["apt_txt"] = f"{here}/apt.txt"
    return {"here": here, **carried}, refusals, warnings


def own_dockerfile_refusal(folder: str, name: str, answers: dict) -> str:
    """The one refusal left: the user's own Dockerfile in the Binder folder,
    which this run's would replace. What it does, and the one command that
    keeps it beside ours and goes on."""
    text = reading.read_text(os.path.join(folder, name), 1 << 20) or ""
    kept = f"{name}.before-binder-template"
    tracked = git(folder, "ls-files", "--error-unmatch", "--", name) is not None
    move = f"{'git mv' if tracked else 'mv'} {shell_word(name)} {shell_word(kept)}"
    again = command_line(answers, set(), typed=invocation())[0].strip()
    return (f"{name} is your own Binder setup ({rcode.shown(binder_files.dockerfile_summary(text))}), and this "
            f"template writes its Dockerfile there, from rocker/binder with the packages your project needs: to "
            f"keep yours as {kept} and go on, run: {move} && {again}")


def unsafe_paths(folder: str, here: str, script: str = "install.R") -> list[str]:
    """Where this run would write through a symbolic link, or over something
    that is not what it expects (a file where a folder goes, or the reverse):
    a cloned repository can carry either."""
    problems = []
    # CITATION.cff is written only where there is none: nothing to check.
    paths = [path for path in files.existing_project_files(here, script) if path != "CITATION.cff"]
    folders = files.folders_of(paths)
    for name in folders + paths:
        path = os.path.join(folder, name)
        if os.path.islink(path):
            problems.append(f"{name} is a symbolic link: nothing is written through one")
        elif os.path.lexists(path) and os.path.isdir(path) != (name in folders):
            kind = "folder" if name in folders else "file"
            problems.append(f"{name} is in the way: this template writes a {kind} there")
        elif os.path.lexists(path) and not os.path.isdir(path) and not os.path.isfile(path):
            problems.append(f"{name} is not a regular file (a FIFO, a socket or a device): this template "
                            "reads and writes a file there")
    return problems


def renv_lock_packages(folder: str) -> list[str] | None:
    """The packages renv.lock records, None when there is none."""
    return read_renv_lock(folder, renv_lockfile(folder) or "renv.lock")[0]


# renv::load("r") or renv::load(project = "r") in the root .Rprofile: the
# renv project R starts with is in that subfolder.
_RENV_LOAD = re.compile(r"""\brenv::(?:load|activate)\(\s*(?:project\s*=\s*)?(["'])([^"'\n]+)\1""")
# A subfolder name that is the same in R, in a Dockerfile's COPY and in the report.
_PLAIN_FOLDER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")


def renv_lockfile(folder: str) -> str:
    """The renv.lock R starts with, relative to the root: renv.lock, or the
    one in the subfolder that the root .Rprofile loads with renv::load("r")
    (a Python repository with its R project in r/, say); "" when neither.
    A lockfile elsewhere, that nothing at the root loads, is left alone: R
    on Binder starts in the root, and an old lockfile would fail the build."""
    if os.path.lexists(os.path.join(folder, "renv.lock")):
        return "renv.lock"
    rprofile = os.path.join(folder, ".Rprofile")
    if os.path.islink(rprofile) or not os.path.isfile(rprofile):
        return ""
    for line in (reading.read_text(rprofile, rcode.MAX_FILE_BYTES) or "").splitlines():
        for _, path in _RENV_LOAD.findall(line.split("#", 1)[0]):
            sub = path.strip().removeprefix("./").rstrip("/")
            if _PLAIN_FOLDER.fullmatch(sub) and ".." not in sub.split("/") \
                    and os.path.lexists(os.path.join(folder, sub, "renv.lock")):
                return f"{sub}/renv.lock"
    return ""


def survey(folder: str, answers: dict, choices: list[str]) -> dict:
    """Everything the rendering and the report need to know about the project,
    as JSON data, with what must be refused and what must be said."""
    setup, refusals, warnings = binder_setup(folder, answers, choices)
    facts = git_facts(folder)
    wrong = wrong_folder(folder, facts)
    if wrong:  # a home folder, or not an R project: said alone, and nothing else is read
        return {**setup, "git": facts, "wrong_folder": wrong, "refusals": [wrong], "warnings": []}
    nested = sorted(name for name in os.listdir(folder) if not facts["repo"]
                    and os.path.isdir(os.path.join(folder, name, ".git")))
    if nested:
        shown = ", ".join(rcode.shown(name + "/") for name in nested[:3])
        refusals.insert(0, f"this folder holds git repositories of its own ({shown}"
                           f"{', ...' if len(nested) > 3 else ''}): run this inside your project's folder")
    if facts["top"]:
        refusals.insert(0, f"this folder is inside the git repository {facts['top']}, and Binder reads a "
                           "repository from its root: run this there, with repo_name that folder's name")
    refusals += unsafe_paths(folder, setup["here"], setup["script"])
    lockfile = renv_lockfile(folder)
    for name in ("DESCRIPTION", lockfile or "renv.lock", ".Rprofile", "renv/activate.R", "renv/settings.json"):
        path = os.path.join(folder, name)
        if os.path.lexists(path) and (os.path.islink(path) or not os.path.isfile(path)):
            refusals.append(f"{name} is not a regular file (a symbolic link or a special file): "
                            "Binder files are never read through one")
    description = description_file.read_description(folder)
    declared, required, own_name = description["declared"], description["required"], description["name"]
    warnings += [f"warning: {w}" for w in description["warnings"]]
    refusals += description["errors"]
    warnings += rprofile_warnings(folder) if os.path.isfile(os.path.join(folder, ".Rprofile")) else []
    locked, lock_problem = read_renv_lock(folder, lockfile or "renv.lock")
    refusals += [lock_problem] if lock_problem else []
    used = rcode.packages_used(folder)
    # renv projects get their packages from renv.lock alone: renv's library
    # hides the image's, so installing beside it would not help.
    conda = conda_packages(folder, setup["conda"], set(used) | declared | set(locked or []), locked is not None)
    listed = declared | set(conda["conda_cran"]) | set(conda["conda_bioc"])
    unlisted = {} if locked is not None else {name: where for name, where in used.items() if name not in listed}
    return {
        **setup,
        "git": facts,
        "description": os.path.isfile(os.path.join(folder, "DESCRIPTION")),
        "rprofile": os.path.isfile(os.path.join(folder, ".Rprofile")),
        # Its own CITATION.cff (or a link named so), which is never replaced.
        "citation": os.path.lexists(os.path.join(folder, "CITATION.cff")),
        "renv": locked is not None,
        "renv_lock": lockfile,
        # Where R looks for the packages when it starts: renv's project
        # library, when renv/activate.R or the root .Rprofile's renv::load()
        # leads there; else the library R itself uses first.
        "renv_activate": lockfile not in ("", "renv.lock") or os.path.isfile(os.path.join(folder, "renv", "activate.R")),
        # environment.yml's R packages, by their R names where the project
        # spells them; the other CRAN ones are matched at build time.
        **conda,
        # Loaded by the code, not declared: install.R tries them.
        "used": unlisted,
        # In an renv project, renv.lock is what the image gets: name what the
        # code loads and DESCRIPTION declares that it lacks (renv itself
        # is the image's: install.R installs it to restore).
        "not_locked": sorted(n for n in set(used) | required if locked is not None and n not in locked
                             and rcode.STANDS_FOR.get(n) not in locked and n not in (own_name, "renv")),
        # The badge of ui=shiny opens the app at the root when there is one
        # (app.R, or ui.R and server.R), else app/, where the template puts one.
        "shiny_app": "." if os.path.isfile(os.path.join(folder, "app.R")) or all(
            os.path.isfile(os.path.join(folder, n)) for n in ("ui.R", "server.R")) else "app",
        # Not a project's folder at all: the folder above projects, or one
        # inside a repository. Said first and alone, as the real cause.
        "not_a_project": bool(nested or facts["top"]),
        "refusals": refusals,
        "warnings": warnings,
    }


# A file .Rprofile reads when R starts: source("..."), sys.source("...").
_SOURCED = re.compile(r"""\b(?:sys\.)?source\(\s*(?:file\s*=\s*)?(["'])([^"'\n]+)\1""")


def rprofile_warnings(folder: str) -> list[str]:
    """What would stop R's start in the image, read from .Rprofile: on
    Binder the project is the home folder, so ~/.Rprofile is the project's
    own .Rprofile (sourced from itself, R recurses until "C stack usage ...
    too close to the limit", and RStudio's session with it), and a file the
    repository does not hold is not there."""
    text = reading.read_text(os.path.join(folder, ".Rprofile"), rcode.MAX_FILE_BYTES) or ""
    warnings = []
    for line in text.splitlines():
        code = line.split("#", 1)[0]
        for _, path in _SOURCED.findall(code):
            inside = path.removeprefix("~/")
            shown = rcode.shown(path)
            # file.exists() does not help here: on Binder ~/.Rprofile exists, it is this file.
            # The guard this warning gives, on one line or several, ends it.
            if path.startswith("~/") and os.path.normpath(inside) == ".Rprofile" \
                    and "rprofile.once" not in text:
                warnings.append(f"warning: .Rprofile sources {shown}, and on Binder the project is the home "
                                "folder, so it sources itself until R stops (\"C stack usage ... too close to "
                                "the limit\"), RStudio's session too: let it run once, "
                                "if (is.null(getOption(\"rprofile.once\")) && file.exists(\"~/.Rprofile\")) "
                                f"{{ options(rprofile.once = TRUE); source({json.dumps(path)}) }}, or remove the line")
            elif "file.exists" in code:
                continue  # guarded: R skips it when it is missing
            elif os.path.isabs(inside) or inside.startswith("~") or \
                    not os.path.isfile(os.path.join(folder, inside)):
                warnings.append(f"warning: .Rprofile sources {shown}, which the image does not have (the "
                                "repository does not hold it): R stops at start on Binder, RStudio's session "
                                f"too; wrap it in if (file.exists({json.dumps(path)})) or remove the line")
    return list(dict.fromkeys(warnings))


def conda_packages(folder: str, path: str | None, known: set[str], renv: bool) -> dict:
    """What environment.yml's R packages become: CRAN and Bioconductor names,
    and conda names the project never spells (matched to CRAN's names at
    build time; Bioconductor's are named in the report). An renv project
    gets renv.lock's packages alone."""
    text = reading.read_text(os.path.join(folder, path), rcode.MAX_FILE_BYTES) if path else None
    cran, bioc = binder_files.conda_r_packages(text) if text and not renv else ([], [])
    cran_names, cran_lower = binder_files.r_names(cran, known)
    bioc_names, bioc_unknown = binder_files.r_names(bioc, known)
    return {"conda_cran": cran_names, "conda_lower": cran_lower, "conda_bioc": bioc_names,
            "conda_unknown": bioc_unknown}


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


# --- A folder that is not a project (issue 25) --------------------------------
# Outside a git repository the next steps say `git add .`, which commits all
# of the folder: that is said only for a folder that is clearly an R project
# and holds nothing private.

# What a home folder holds and a project does not: shell start-up files and
# history, the ssh and GnuPG key folders, the macOS and Windows profile files.
HOME_MARKERS = (".ssh", ".gnupg", ".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".bash_history",
                ".zshrc", ".zprofile", ".zsh_history", ".profile", ".Xauthority", ".Trash",
                ".CFUserTextEncoding", "NTUSER.DAT")
# Private files by name: ssh private keys, key stores, credential files
# (.netrc, git's credential store, PostgreSQL's), httr's OAuth token cache.
SECRET_NAMES = frozenset(("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk",
                          ".netrc", "_netrc", ".git-credentials", ".pgpass", ".httr-oauth"))
SECRET_SUFFIXES = (".p12", ".pfx", ".ppk", ".jks", ".keystore")
SECRET_FOLDERS = frozenset((".ssh", ".gnupg", ".aws"))
# Files that are private by what they hold: a PEM private key; a Google
# service-account key; an .Renviron or .env that sets a token, password or key.
KEY_SUFFIXES = (".pem", ".key")
ENVIRONMENT_FILES = frozenset((".renviron", ".env"))
_ASSIGNMENT = re.compile(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=(.*)$", re.MULTILINE)
# A variable is taken for a secret when a part of its name (between '_' or
# '.') says so: GITHUB_PAT, CENSUS_API_KEY, DB_PASSWORD, AWS_SECRET_ACCESS_KEY.
SECRET_NAME_PARTS = frozenset(("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASS", "PAT", "KEY", "APIKEY",
                               "CREDENTIAL", "CREDENTIALS", "AUTH"))
SECRET_READ_LIMIT = 65536


def home_folder_reason(folder: str) -> str | None:
    """Why folder is a home folder: the user's own ($HOME), one holding it
    (/home), or one holding what home folders hold (.ssh/, .bashrc, ...)."""
    path, home = os.path.realpath(folder), os.path.realpath(os.path.expanduser("~"))
    if path == home:
        return f"{rcode.shown(folder)} is your home folder"
    try:
        holds_home = os.path.commonpath([path, home]) == path
    except ValueError:  # on another drive
        holds_home = False
    if holds_home:
        return f"{rcode.shown(folder)} holds your home folder"
    found = [name + ("/" if os.path.isdir(os.path.join(folder, name)) else "") for name in HOME_MARKERS
             if os.path.lexists(os.path.join(folder, name))]
    if found:
        return f"{rcode.shown(folder)} looks like a home folder (it holds {', '.join(found[:3])})"
    return None


def is_r_project(folder: str) -> bool:
    """An .Rproj, a DESCRIPTION or an renv.lock at the root, or R code."""
    for name in os.listdir(folder):
        if name.lower().endswith(".rproj") or name in ("DESCRIPTION", "renv.lock"):
            return True
    return next(iter(rcode.code_files(folder)), None) is not None


def private_reason(folder: str, path: str) -> str | None:
    """Why the file at path (relative to folder) is private, or None."""
    parts = path.split("/")
    name = parts[-1].lower()
    if SECRET_FOLDERS & set(parts[:-1]) or name in SECRET_NAMES or name.endswith(SECRET_SUFFIXES):
        return ""
    if not name.endswith(KEY_SUFFIXES + (".json",)) and name not in ENVIRONMENT_FILES:
        return None
    text = reading.read_text(os.path.join(folder, path), SECRET_READ_LIMIT) or ""
    if name.endswith(KEY_SUFFIXES):
        return "" if "PRIVATE KEY-----" in text else None
    if name.endswith(".json"):
        return "" if '"private_key"' in text else None
    names = list(dict.fromkeys(match.group(1) for match in _ASSIGNMENT.finditer(text)
                               if SECRET_NAME_PARTS & set(re.split(r"[_.]", match.group(1).upper()))
                               and match.group(2).strip().strip("'\"").strip()[:1] not in ("", "#")))
    return f" ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})" if names else None


def secrets_reason(folder: str, gitignore: bool = True) -> str | None:
    """The private files `git add .` would commit, said in one phrase; None
    when there are none. The files are listed as git lists them for
    `git init` and `git add .`: with `gitignore`, the project's .gitignore
    files and the user's global excludes keep out what they name."""
    with tempfile.TemporaryDirectory() as scratch:
        listed = None
        if git(scratch, "init", "-q") is not None:
            listed = git(folder, f"--git-dir={scratch}/.git", f"--work-tree={folder}", "ls-files", "--others",
                         "-z", *(["--exclude-standard"] if gitignore else []))
    if listed is None:
        return ("git could not list the files `git add .` would commit (is git installed?): make the folder "
                "a git repository first (git init), so that the next steps name each file, and run again")
    private = []
    for path in filter(None, listed.split("\0")):
        why = private_reason(folder, path)
        if why is not None:
            private.append(rcode.shown(path) + why)
    if not private:
        return None
    more = f", and {len(private) - 3} more" if len(private) > 3 else ""
    fix = "list them in .gitignore, or move them out of the folder," if gitignore else "move them out of the folder"
    return (f"the next steps would commit all of this folder (git add .), and it holds private files: "
            f"{', '.join(private[:3])}{more}: {fix} and run again")


def wrong_folder(folder: str, facts: dict, new_repository: bool = False) -> str | None:
    """Why the next steps must not commit all of folder, or None. Only a
    folder with no commits yet (not a git repository, or one just made)
    gets `git add .`; otherwise the next steps name each file this run wrote. A new repository generated
    into a folder that is there (-f) gets this template's R project, and
    its .gitignore, which replaces the folder's (-f without -s)."""
    if facts["repo"] and facts.get("commits", True):
        return None
    everything = "and the next steps would commit all of it (git add .)"
    where = ("generate the new repository in a folder of its own (a repo_name no folder here has, without -f)"
             if new_repository else "run this inside your project's folder")
    home = home_folder_reason(folder)
    if home:
        return f"{home}, {everything}, private files too: {where}"
    if not new_repository and not is_r_project(folder):
        first = "commit its files first (git add, git commit)" if facts["repo"] else \
            "make it a git repository and commit its files first (git init, git add, git commit)"
        return (f"{rcode.shown(folder)} holds no R code (.R, .Rmd, .qmd or .Rnw files), .Rproj or DESCRIPTION, "
                f"so it is not an R project, {everything}: {where}, or, if this is it, {first} and run again")
    return secrets_reason(folder, gitignore=not new_repository)


def repository_name_refusal(facts: dict, owner: str | None, repo: str) -> str | None:
    """Why the badge cannot launch repo. With layout=existing-project,
    repo_name is the project folder's name, whatever it is ('My Thesis
    Project'): the badge launches the repository 'origin' names, and only
    without it one named after the folder, which must then be a GitHub name."""
    rule = github_repo_error(repo)
    if not rule:
        return None
    origin = facts.get("origin")
    if origin and owner:  # github_user given, another than origin's owner
        return (f"github_user = {owner!r} is not the owner of 'origin' (github.com/{origin[0]}/{origin[1]}), so the "
                f"badge would launch a repository named after this folder, {repo!r}, which is not a GitHub "
                f"repository name ({rule}): leave github_user out to launch {origin[0]}/{origin[1]}, or rename "
                "the folder")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", repo).strip("-.")
    name = name if not github_repo_error(name) else "my-project"
    add = f"git remote add origin https://github.com/{owner or '<your GitHub user>'}/{name}.git"
    if not facts.get("repo"):
        add = f"git init, then {add}"
    return (f"this folder's name, {repo!r}, is not a GitHub repository name ({rule}), and there is "
            f"no GitHub remote 'origin' to name the repository the badge launches: add it ({add}, with your "
            "repository's name) and run again, or rename the folder")


def branch_refusal(folder: str, facts: dict, branch: str) -> str | None:
    """Why the badge cannot launch the branch given (branch=): one that is
    neither checked out, nor a local branch, nor on 'origin' as last fetched
    (no network) is most likely a typo. A new branch is created first."""
    if not facts.get("repo") or branch == facts.get("branch"):
        return None
    for ref in (f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"):
        if git(folder, "show-ref", "--verify", "--quiet", ref) is not None:
            return None
    checked_out = f"the branch checked out is {facts['branch']!r}" if facts.get("branch") else "HEAD is detached"
    create = f"git branch {shell_word(branch)}" if facts.get("commits") else f"git switch -c {shell_word(branch)}"
    return (f"branch = {branch!r} is not a branch here, nor on 'origin' as last fetched ({checked_out}; "
            f"git branch -a lists them all): check its name, or, to launch a new branch, create it first "
            f"({create}) and run again")
