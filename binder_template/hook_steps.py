"""What the pre- and post-generation hooks do, as functions tests can call.

The hook scripts in hooks/ only load the answers and call these; the
hand-off between them is in handoff.py, and what the second prints in
report.py.

Generating into a folder that already exists (`-f`, `-f -s`) must leave every
file this run did not write as it was. Files an answer leaves out (LICENSE,
apt.txt, .github/...) have names that render empty then (files.py), so
cookiecutter never writes them and nothing has to be deleted; the
pre-generation hook notes what was there before, so that the
post-generation hook removes only folders it made.
"""

from __future__ import annotations

import io
import os
import sys

from binder_template import files, readme_badge, renv_lock, survey
from binder_template.answers import load_choices, validate_answers
from binder_template.handoff import take_handoff, write_handoff
from binder_template.reading import digest
from binder_template.report import PLACEHOLDER_USER, existing_project_report, next_steps
from binder_template.rerun import command_of, refusal

MAYBE_EMPTY = files.maybe_empty()


def what_is_there(answers: dict, project_dir, here: str = "binder", script: str = "install.R") -> dict:
    """What the folder held before cookiecutter writes into it."""
    return {
        "folders": [f for f in MAYBE_EMPTY if os.path.isdir(os.path.join(project_dir, f))],
        "git": os.path.isdir(os.path.join(project_dir, ".git")),
        # Each with its digest: without -s, cookiecutter's -f replaces them.
        "binder_files": {name: digest(os.path.join(project_dir, name))
                         for name in readme_badge.present(project_dir, files.existing_project_files(here, script))},
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
        problems = [p for p in survey.unsafe_paths(str(project_dir), "binder")
                    if "symbolic link" in p or "regular file" in p]
        # The rest of what a new repository can write, and its folders.
        checked = set(files.existing_project_files("binder", "install.R"))
        checked |= set(files.folders_of(checked))
        root_files = files.possible(files.NEW, answers, {})
        names = [name for name in root_files + files.folders_of(root_files) if name not in checked]
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
    renv = renv_lock.renv_version_warning(project_dir, answers["r_version"], choices,
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


