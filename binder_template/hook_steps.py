"""What the pre- and post-generation hooks do, as functions tests can call.

The hook scripts in hooks/ only load the answers and call these.

Generating into a folder that already exists (`-f`, `-f -s`) must leave every
file this run did not write as it was. Files an answer leaves out (LICENSE,
apt.txt, .github/...) have names that render empty then, so cookiecutter
never writes them and nothing has to be deleted; the pre-generation hook
notes what was there before, so that the post-generation hook removes only
folders it made.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import sys
import tempfile
import time

from binder_template import binder_files, existing, launch, survey
from binder_template.answers import load_choices, split_items, validate_answers
from binder_template.github import clone_url, new_repository_url
from binder_template.reading import NotRead, read_bytes, read_text
from binder_template.rerun import command_of, refusal, shell_word

# Folders the template may leave empty (github_actions=false, or the other
# layout's): removed after generation when this run made them and nothing
# went into them. An empty binder/ would matter: repo2docker would read it
# instead of the files at the root.
MAYBE_EMPTY = (".github/workflows", ".github/scripts", ".github", "binder", ".binder", "analysis", "app")
# The github_user default: online checks of a placeholder say nothing.
PLACEHOLDER_USER = "your-github-user"
# With prebuilt_image, what the user must know before the badge works.
PREBUILT_NOTE = ("  The badge launches the 'binder' branch, which the workflow makes after its first\n"
                 "  successful run on your branch: the image is then on ghcr.io, and must be public\n"
                 "  (the workflow says where to make it so if it is not).")
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


def project_survey(project_dir, answers: dict) -> dict:
    """The existing project as the pre-generation hook surveyed it, before
    anything was written; surveyed now if the hooks did not run."""
    found = read_handoff(project_dir, answers).get("survey")
    if found is None:
        found = survey.survey(str(project_dir), answers, load_choices()["r_version"])
    return found


def take_handoff(project_dir, answers: dict) -> dict:
    handoff = read_handoff(project_dir, answers)
    if handoff:
        os.unlink(handoff_path(project_dir, answers))
    return handoff


def file_digest(path: str) -> str | None:
    """To tell whether -f replaced a file; None for one that is not read (a
    link, a FIFO, a device, a huge file), which this run never replaces."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except NotRead:
        return None


def what_is_there(answers: dict, project_dir, here: str = "binder", script: str = "install.R") -> dict:
    """What the folder held before cookiecutter writes into it."""
    return {
        "folders": [f for f in MAYBE_EMPTY if os.path.isdir(os.path.join(project_dir, f))],
        "git": os.path.isdir(os.path.join(project_dir, ".git")),
        # Each with its digest: without -s, cookiecutter's -f replaces them.
        "binder_files": {name: file_digest(os.path.join(project_dir, name))
                         for name in existing.present(project_dir, existing.candidates(here, script))},
    }


def pre_gen_project(answers: dict, project_dir, environ=None, out=None) -> int:
    out = out or sys.stderr
    problems = validate_answers(answers)
    if problems:
        print(refusal(problems, answers), file=out)
        return 1

    facts = None
    if answers.get("layout") != "existing-project" and os.listdir(project_dir):
        # -f into a folder that is there: nothing may be written through a link.
        names = ("Dockerfile", "install.R", "apt.txt", ".Renviron", "README.md", "LICENSE", ".gitignore",
                 ".dockerignore", f"{answers['repo_name']}.Rproj", "register_shiny_app.py",
                 "analysis", "analysis/example.R", "analysis/example.ipynb")
        problems = [p for p in survey.unsafe_paths(str(project_dir), "binder")
                    if "symbolic link" in p or "regular file" in p]
        problems += [f"{name} is a symbolic link: nothing is written through one" for name in names
                     if os.path.islink(os.path.join(project_dir, name))]
        problems += [f"{name} is not a regular file (a FIFO, a socket or a device): this template writes a "
                     "file there" for name in names if os.path.lexists(os.path.join(project_dir, name))
                     and not os.path.isdir(os.path.join(project_dir, name))
                     and not os.path.isfile(os.path.join(project_dir, name))]
        if problems:
            for problem in problems:
                print(f"error: {problem}", file=out)
            print("Nothing was written: remove or replace the paths above and run cookiecutter again.", file=out)
            return 1
        # Outside a repository the next steps commit all of the folder.
        wrong = survey.wrong_folder(str(project_dir), {"repo": os.path.isdir(os.path.join(project_dir, ".git"))},
                                    new_repository=True)
        if wrong:
            print(f"error: {wrong}", file=out)
            print("Nothing was written.", file=out)
            return 1
    if answers.get("layout") == "existing-project":
        facts = check_existing_project(answers, project_dir, out)
        if facts is None:
            return 1
        # Online checks use the repository the badge launches.
        owner, repo, branch = survey.launch_target(answers, facts["git"])
        target = {**answers, "github_user": owner, "repo_name": repo, "branch": branch}
    else:
        target = answers
    here = facts["here"] if facts else "binder"
    if answers.get("prebuilt_image"):
        from binder_template.prebuilt import binder_branch_warning

        warning = binder_branch_warning(str(project_dir))
        if warning:
            print(warning, file=out)
    # repo_missing: None until GitHub says whether the repository exists.
    script = facts["script"] if facts else "install.R"
    handoff = {"digest": None, "repo_missing": None, "before": what_is_there(target, project_dir, here, script)}
    if facts:
        handoff["survey"] = facts
    bare_tag = f"the Dockerfile keeps the bare tag rocker/binder:{target['r_version']}, not pinned to a digest"
    # `cruft update` renders the template twice, into temporary folders the
    # user never sees: warnings about those would be said twice, for nothing.
    notes = io.StringIO() if rendering_for_cruft() else out
    if not target["online_checks"]:
        print(f"warning: online checks are off; {bare_tag}", file=notes)
    elif target["github_user"] == PLACEHOLDER_USER:
        print(f"warning: github_user is the placeholder {PLACEHOLDER_USER!r}, so nothing was "
              f"checked online; {bare_tag}", file=notes)
    else:
        # Imported only when asked for: generation with online_checks=false
        # should not pay for loading the HTTP code.
        from binder_template.online import run_online_checks

        try:
            report = run_online_checks(target, load_choices()["r_version"], environ,
                                       warn=lambda finding: print(finding, file=notes))
        except KeyboardInterrupt:
            return 130  # cookiecutter's process undoes the run and says so
        for finding in report.findings:
            print(finding, file=out if finding.level == "error" else notes)
        if report.failed:
            print("Nothing was generated: fix the answer above and run cookiecutter again.", file=out)
            return 1
        handoff.update(digest=report.digest, repo_missing=report.repo_missing if report.repo_checked else None)
    try:
        write_handoff(project_dir, answers, handoff)
    except OSError as err:
        print(f"error: could not prepare generation: {err}", file=out)
        return 1
    return 0


def rendering_for_cruft() -> bool:
    """Whether the hook's parent is `cruft update`, `diff` or `check`: those
    render the template into temporary folders to compare them."""
    words = command_of(os.getppid())
    for i, word in enumerate(words):
        if os.path.basename(word) == "cruft" or (word == "cruft" and i and words[i - 1] == "-m"):
            return any(w in ("update", "diff", "check") for w in words[i + 1:])
    return False


def check_existing_project(answers: dict, project_dir, out) -> dict | None:
    """The project's survey, its warnings printed; None, with every reason
    printed, when Binder cannot be added to it as it is."""
    if not os.listdir(project_dir):
        print(f"error: layout = 'existing-project': there is no project folder named "
              f"repo_name = {answers['repo_name']!r} in {os.path.dirname(os.path.abspath(project_dir))}: "
              "run the command from inside your project's folder, with --output-dir .. and "
              "repo_name=\"$(basename \"$PWD\")\" (see 'Adding Binder to an existing project' in the "
              "template's README). Nothing was written.", file=out)
        return None
    choices = load_choices()["r_version"]
    facts = survey.survey(str(project_dir), answers, choices)
    owner, repo, branch = survey.launch_target(answers, facts["git"])
    git_facts = facts["git"]
    # A home folder, the folder above projects, or no R project is said alone.
    if not facts.get("wrong_folder") and not facts.get("not_a_project"):
        # The folder's name need not be a GitHub name ('My Thesis Project'):
        # the badge launches origin's repository.
        unnamed = survey.repository_name_refusal(git_facts, owner, repo)
        if unnamed or owner is None:
            facts["refusals"].insert(0, unnamed or "there is no GitHub remote 'origin' to read github_user "
                                                   "from: give it (github_user=<your GitHub user>)")
        if answers["branch"] != survey.CHECKED_OUT:
            # A branch that is nowhere is most likely a typo (branch=mastr).
            unknown = survey.branch_refusal(str(project_dir), git_facts, branch)
            facts["refusals"] += [unknown] if unknown else []
    if answers["branch"] == survey.CHECKED_OUT and git_facts["repo"] and not git_facts["branch"]:
        facts["refusals"].insert(0, "no branch is checked out (HEAD is detached), so there is none for "
                                    "the badge to launch: check one out (git switch main), or give branch=")
    if facts["refusals"]:
        for refusal_line in facts["refusals"]:
            print(f"error: layout = 'existing-project': {refusal_line}", file=out)
        print("Nothing was written: fix the above and run cookiecutter again.", file=out)
        return None
    if answers["branch"] != survey.CHECKED_OUT and git_facts["branch"] and branch != git_facts["branch"]:
        facts["warnings"].append(f"warning: branch = {branch!r}, and the branch checked out is "
                                 f"{git_facts['branch']!r}: the badge launches {branch!r}, which must be on GitHub")
    origin = git_facts["origin"]
    if origin and owner.lower() != origin[0].lower():
        facts["warnings"].append(f"warning: github_user = {owner!r}, and 'origin' is github.com/{origin[0]}/"
                                 f"{origin[1]}: the badge launches {owner}/{repo}, as you asked")
    renv = existing.renv_version_warning(project_dir, answers["r_version"], choices,
                                         facts.get("renv_lock") or "renv.lock")
    for line in facts["warnings"] + ([renv] if renv else []):
        print(line, file=out)
    return facts


def post_gen_project(answers: dict, project_dir, out=None, environ=None) -> int:
    out = out or sys.stdout
    handoff = take_handoff(project_dir, answers)
    before = handoff.get("before", {"folders": [], "git": False})

    for folder in MAYBE_EMPTY:
        if folder not in before["folders"]:
            try:
                os.rmdir(os.path.join(project_dir, folder))  # only when empty
            except OSError:
                pass
    facts = handoff.get("survey") or {}

    environ = os.environ if environ is None else environ
    if rendering_for_cruft():
        return 0  # a temporary copy cruft compares: no next steps to take there
    if answers.get("layout") == "existing-project":
        print(existing_project_report(answers, project_dir, before.get("binder_files", {}), environ, facts,
                                      handoff.get("differs", [])), file=out)
        return 0
    print(next_steps(answers, project_dir, handoff.get("repo_missing"), before["git"], environ), file=out)
    return 0


def existing_project_report(answers: dict, project_dir, had: dict, environ, facts: dict,
                            differs: list[str] = ()) -> str:
    """What was added and what was left alone, what the project's code and
    Binder files brought, the badge, and how to commit and push all of it."""
    here, script = facts.get("here", "binder"), facts.get("script", "install.R")
    user, repo, branch = survey.launch_target(answers, facts.get("git", {}))
    target = {**answers, "github_user": user, "repo_name": repo, "branch": branch}
    badge = launch.badge_markdown(answers["binderhub_url"], user, repo, launch.launch_ref(answers, branch),
                                  answers["ui"])
    wanted = [name for name in existing.candidates(here, script)
              if (name != f"{here}/apt.txt" or split_items(answers["apt_packages"]))
              and (name not in (f"{here}/register_shiny_app.py", "app/app.R") or answers["ui"] == "shiny")
              and (name != "app/app.R" or facts.get("shiny_app", "app") == "app")
              and (not name.startswith(".github/") or answers["github_actions"])
              and (name != ".github/scripts/publish.py" or answers.get("prebuilt_image"))]
    now = existing.present(project_dir, wanted)
    added = [name for name in wanted if name in now and name not in had]
    replaced = [name for name in wanted if name in had
                and had[name] != file_digest(os.path.join(project_dir, name))]
    kept = [name for name in wanted if name in had and name not in replaced and name not in differs]
    kept_differing = [name for name in wanted if name in had and name not in replaced and name in differs]
    try:
        readme, edit = existing.add_badge(project_dir, badge)
        not_written = None
    except existing.BadgeNotWritten as err:
        readme, edit, not_written = None, None, str(err)
    lines = []
    if added:
        lines += ["Added:"] + [f"  {name}" for name in added]
    if replaced:
        lines += ["Replaced with this template's (-f without -s overwrites; git diff shows what changed):"]
        lines += [f"  {name}" for name in replaced]
    if kept:
        lines += ["Left as they were (already there):"] + [f"  {name}" for name in kept]
    if kept_differing:
        lines += ["Kept, but they differ from what this run would write (-s never overwrites; delete one "
                  "and run again to have it rewritten):"] + [f"  {name}" for name in kept_differing]
    used = facts.get("used", {})
    left = kept + kept_differing
    if f"{here}/{script}" in left:  # an earlier run's: it names what was found then
        text = read_small(os.path.join(project_dir, here, script))
        used = {name: where for name, where in used.items() if f'"{name}"' not in text}
        tries = f"{here}/{script} was kept and does not name them: add them to it"
    else:
        tries = f"{here}/{script} tries each"
    if used:
        undeclared = "DESCRIPTION does not declare" if facts.get("description") else "nothing declares"
        lines += [f"Packages your code loads that {undeclared} ({tries}):"]
        lines += [f"  {name}  ({', '.join(where[:3])}{', ...' if len(where) > 3 else ''})"
                  for name, where in used.items()]
    if facts.get("renv") and facts.get("renv_lock") != "renv.lock":
        folder = facts["renv_lock"].removesuffix("/renv.lock")
        lines += [f"{facts['renv_lock']} is restored into {folder}/'s renv library, which the renv::load() "
                  "in your .Rprofile uses when R starts on Binder."]
    if facts.get("not_locked"):
        lines += [f"Your code loads or DESCRIPTION requires packages that {facts.get('renv_lock') or 'renv.lock'} "
                  "does not record: "
                  f"{', '.join(facts['not_locked'])}",
                  "  (install them and run renv::snapshot(), so that Binder restores them too)"]
    lines += binder_files.carried_lines(facts)
    badge_changed = bool(edit and edit.text is not None)
    if not_written:
        lines += [f"{not_written}; put this badge in it:", f"  {badge}"]
    elif edit and edit.replaced:
        lines += [f"Replaced the Binder badge in {readme} that launched", f"  {edit.replaced}"]
    elif badge_changed:
        lines += [f"Added the Binder badge to {readme}."]
    elif readme:
        lines += [f"{readme} already has the badge."]
    else:
        lines += ["There is no README.md or README.Rmd; put this badge in yours:", f"  {badge}"]
    if edit and edit.source:
        lines += [f"{readme} is knitted from {edit.source}: the badge is in both, so the next knit keeps it."]
    others = [(readme, url) for url in (edit.others if edit else [])]
    if readme and readme.lower() == "readme.rmd":  # GitHub shows the knitted README.md
        knitted = next((n for n in sorted(os.listdir(project_dir)) if n.lower() == "readme.md"), None)
        text = read_small(os.path.join(project_dir, knitted)) if knitted else ""
        others += [(knitted, url) for url in existing.with_badge(text, badge).others] if text else []
    for name, url in others:
        if existing.for_another_repository(url, badge):
            lines += [f"{name} has a Binder badge for another repository, left as it is: {url}"]
        else:
            lines += [f"{name} has another Binder badge, which launches {url}: remove it if it is out of date."]
    tag = kept_dockerfile_tag(os.path.join(project_dir, here, "Dockerfile")) \
        if f"{here}/Dockerfile" in left else None
    if tag and tag != answers["r_version"]:
        lines += [f"{here}/Dockerfile was kept, and it builds rocker/binder:{tag}, not r_version = "
                  f"{answers['r_version']!r}: delete it and .github/dependabot.yml, and run this again, "
                  "to have them rewritten."]
    workflow_branch = kept_workflow_branch(project_dir) if ".github/workflows/binder.yml" in left else None
    if workflow_branch is not None and workflow_branch != branch:
        lines += [f"Your .github/workflows/binder.yml builds branch {workflow_branch!r}, and the badge launches "
                  f"{branch!r}: delete the workflow and run this again to have it rewritten."]
    elif ".github/workflows/binder.yml" in left and workflow_branch is None:
        lines += ["Your .github/workflows/binder.yml was left alone. To add the template's jobs by hand,",
                  "generate into a scratch folder and copy the build and prewarm jobs from there:",
                  f"  cookiecutter --no-input -o /tmp/scratch {shell_word(str(answers.get('_template') or 'TEMPLATE'))}"
                  f" repo_name={shell_word(repo)} github_user={shell_word(user)} online_checks=false",
                  "  (then see /tmp/scratch/" + repo + "/.github/workflows/binder.yml and .github/scripts/)"]
    knit = badge_changed and readme.lower() == "readme.rmd"
    # The README too, when an earlier run's badge is not committed yet.
    to_commit = now + copied_by_dockerfile(answers, facts) + ([readme] if edit else []) \
        + ([edit.source] if edit and edit.source else [])
    plain, forced = survey.files_to_commit(str(project_dir), list(dict.fromkeys(to_commit)))
    # README.md changes once README.Rmd is knitted.
    plain += [n for n in sorted(os.listdir(project_dir)) if knit and n.lower() == "readme.md" and n not in plain]
    git = facts.get("git", {})
    if not git.get("repo") or not git.get("commits", True):
        plain = ["."]  # a new repository, or one with no commits yet: all of the project
    if not added and not replaced and not badge_changed:
        lines += ["Binder is already set up here: nothing changed."]
        if not plain and not forced:
            return "\n".join(lines)
    folder = where_from(project_dir, environ)
    if not git.get("origin"):
        lines += ["", "Create the repository on GitHub first, if it is not there yet (public):",
                  f"  {new_repository_url(user, repo)}"]
    lines += ["", "Next steps:"] + ([f"    cd {shell_word(folder)}"] if folder != "." else [])
    if knit:
        lines += [f"    Rscript -e 'devtools::build_readme()'   # knit {readme}, so README.md shows the badge",
                  "    # (if it cannot be knitted here, paste the badge into README.md by hand)"]
    if not git.get("repo"):
        lines += [f"    git init -b {shell_word(branch)}"]
    if plain:
        lines += [f"    git add {' '.join(shell_word(n) for n in plain)}"]
    if forced:
        them = "it" if len(forced) == 1 else "them"
        lines += [f"    git add -f {' '.join(shell_word(n) for n in forced)}   # your .gitignore lists {them}, "
                  f"and the Dockerfile needs {them}"]
    lines += ["    git commit -m 'Add Binder (rocker-binder-template)'"]
    if not git.get("repo"):
        lines += [f"    git remote add origin {clone_url(user, repo)}"]
    elif not git.get("origin"):
        lines += [f"    git remote add origin {clone_url(user, repo)}   # if it has no remote yet"]
    # The commit is made on the branch checked out; the badge may launch another.
    ref = branch if not git.get("branch") or git["branch"] == branch else f"HEAD:{branch}"
    lines += [f"    git push origin {shell_word(ref)}", "", f"  Launch it: {launch.from_answers(target)}"]
    if answers.get("prebuilt_image"):
        lines += ["", PREBUILT_NOTE]
    return "\n".join(lines)


def read_small(path: str) -> str:
    return read_text(path, 1 << 20) or ""


def copied_by_dockerfile(answers: dict, facts: dict) -> list[str]:
    """The project's files the Binder Dockerfile copies by name: each must be
    committed, or the build fails on Binder."""
    here = facts.get("here", "binder")
    names = [f"{here}/{facts.get('script', 'install.R')}", f"{here}/.Renviron", facts.get("apt_txt"),
             facts.get("install_R"), facts.get("postBuild"),
             "DESCRIPTION" if facts.get("description") else None, (facts.get("renv_lock") or "renv.lock") if facts.get("renv") else None,
             f"{here}/register_shiny_app.py" if answers["ui"] == "shiny" else None]
    return [name for name in names if name]


def kept_dockerfile_tag(path: str) -> str | None:
    """The rocker/binder tag a Dockerfile this template wrote builds on."""
    match = re.search(r"^FROM rocker/binder:([A-Za-z0-9_.-]+)", read_small(path), re.MULTILINE)
    return match.group(1) if match else None


def kept_workflow_branch(project_dir) -> str | None:
    """The branch a binder.yml this template wrote before builds, or None for
    a workflow of the user's own."""
    text = read_text(os.path.join(project_dir, ".github", "workflows", "binder.yml"), 65536)
    match = re.search(r"^on:\n  push:\n    branches:\n      - \"((?:[^\"\\]|\\.)*)\"$", text or "", re.MULTILINE)
    try:
        return json.loads(f'"{match.group(1)}"').replace("\\", "") if match else None
    except ValueError:  # a workflow of the user's own, in a form this template never writes
        return None


def where_from(project_dir, environ) -> str:
    """The project folder as the user reaches it from where they ran
    cookiecutter ($PWD: the hooks run inside the project folder)."""
    start = environ.get("PWD", "")
    path = os.path.realpath(project_dir)
    if os.path.isabs(start) and os.path.isdir(start):
        relative = os.path.relpath(path, os.path.realpath(start))
        if not relative.startswith(".."):
            path = relative
    # './' keeps a name that starts with '-' from reading as an option.
    return "./" + path if path.startswith("-") else path


def next_steps(answers: dict, project_dir, repo_missing: bool | None, had_git: bool, environ) -> str:
    """repo_missing: whether GitHub said the repository does not exist yet,
    None when it was not asked or did not answer."""
    user, repo, branch = answers["github_user"], answers["repo_name"], answers["branch"]
    hub = answers["binderhub_url"]
    lines = [f"Created {shell_word(repo)}. Next steps:", ""]
    if user == PLACEHOLDER_USER:
        from binder_template.rerun import command_line, invocation

        # The command as typed (or the bare one, off Linux), with -f: the folder is there now.
        typed = invocation() or ["cookiecutter", str(answers.get("_template") or "TEMPLATE")]
        at = 3 if typed[1:3] == ["-m", "cookiecutter"] else 1
        if not any(word == "--overwrite-if-exists" or re.fullmatch(r"-[a-z]*f[a-z]*", word) for word in typed[at:]):
            typed = [*typed[:at], "-f", *typed[at:]]
        lines += [f"  github_user was not given, so the GitHub addresses below name {PLACEHOLDER_USER!r}.",
                  "  Give it by generating again over this folder (-f), with your GitHub user:",
                  *("  " + line for line in command_line(answers, {"github_user"}, typed=typed)), ""]
    if repo_missing:
        lines += [f"  Create the (public) repository: {new_repository_url(user, repo)}", ""]
    elif repo_missing is None:
        lines += ["  Create the repository on GitHub first, if it is not there yet: public, and empty",
                  f"  (no README, license or .gitignore): {new_repository_url(user, repo)}", ""]
    lines += ["  Push it to GitHub:", f"    cd {shell_word(where_from(project_dir, environ))}"]
    if not had_git:
        lines += [f"    git init -b {shell_word(branch)}"]
    lines += [
        "    git add .",
        "    git commit -m 'Start from rocker-binder-template'",
    ]
    if not had_git:
        lines += [f"    git remote add origin {clone_url(user, repo)}"]
    lines += [
        f"    git push -u origin {shell_word(branch)}",
        "",
        f"  Launch it: {launch.from_answers(answers)}",
        "  Badge for other pages:",
        f"    {launch.badge_markdown(hub, user, repo, launch.launch_ref(answers), answers['ui'])}",
    ]
    if answers.get("prebuilt_image"):
        lines += ["", PREBUILT_NOTE]
    return "\n".join(lines)
