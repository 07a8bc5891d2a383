"""What the pre- and post-generation hooks do, as functions tests can call.

The hook scripts in hooks/ only load the answers and call these.
"""

from __future__ import annotations

import json
import os
import shlex
import sys

from binder_template import launch
from binder_template.answers import load_choices, split_items, validate_answers
from binder_template.launch import create_link
from binder_template.pinning import pin_base_image

# Written by the pre-generation hook into the new directory, read and removed
# by the post-generation hook: hooks run as separate processes and cannot
# change the answers, so this is how the online result reaches the Dockerfile.
HANDOFF = ".binder-template-handoff.json"


def pre_gen_project(answers: dict, project_dir, environ=None, out=None) -> int:
    out = out or sys.stderr
    problems = validate_answers(answers)
    for problem in problems:
        print(problem, file=out)
    if problems:
        print(f"Nothing was generated: fix the answer{'s' if len(problems) > 1 else ''} "
              "above and run cookiecutter again.", file=out)
        return 1

    handoff = {"digest": None, "repo_missing": False}
    if answers["online_checks"]:
        # Imported only when asked for: generation with online_checks=false
        # should not pay for loading the HTTP code.
        from binder_template.online import run_online_checks

        report = run_online_checks(answers, load_choices()["r_version"], environ)
        for finding in report.findings:
            print(finding, file=out)
        if report.failed:
            print("Nothing was generated: fix the answer above and run cookiecutter again.", file=out)
            return 1
        handoff = {"digest": report.digest, "repo_missing": report.repo_missing}
    else:
        print(f"warning: online checks are off; the Dockerfile keeps the bare tag "
              f"rocker/binder:{answers['r_version']}, not pinned to a digest", file=out)
    with open(os.path.join(project_dir, HANDOFF), "w", encoding="utf-8") as handoff_file:
        json.dump(handoff, handoff_file)
    return 0


def post_gen_project(answers: dict, project_dir, out=None) -> int:
    out = out or sys.stdout

    def path(name: str) -> str:
        return os.path.join(project_dir, name)

    handoff = {}
    if os.path.exists(path(HANDOFF)):
        with open(path(HANDOFF), encoding="utf-8") as handoff_file:
            handoff = json.load(handoff_file)
        os.remove(path(HANDOFF))

    if not answers["github_actions"]:
        import shutil  # only here: it is slow to import, and most bakes keep .github

        shutil.rmtree(path(".github"), ignore_errors=True)
    if answers["license"] == "none" and os.path.exists(path("LICENSE")):
        os.remove(path("LICENSE"))
    if not split_items(answers["apt_packages"]) and os.path.exists(path("apt.txt")):
        os.remove(path("apt.txt"))
    if handoff.get("digest"):
        with open(path("Dockerfile"), encoding="utf-8") as dockerfile:
            pinned = pin_base_image(dockerfile.read(), handoff["digest"])
        with open(path("Dockerfile"), "w", encoding="utf-8") as dockerfile:
            dockerfile.write(pinned)

    print(next_steps(answers, bool(handoff.get("repo_missing"))), file=out)
    return 0


def next_steps(answers: dict, repo_missing: bool) -> str:
    user, repo, branch = answers["github_user"], answers["repo_name"], answers["branch"]
    hub = answers["binderhub_url"]
    lines = [
        f"Created {repo}/. Next steps:",
        "",
    ]
    if repo_missing:
        lines += [f"  Create the (public) repository: {create_link(user, repo)}", ""]
    lines += [
        "  Push it to GitHub:",
        f"    cd {shlex.quote(repo)}",
        f"    git init -b {shlex.quote(branch)}",
        "    git add .",
        "    git commit -m 'Start from rocker-binder-template'",
        f"    git remote add origin https://github.com/{user}/{repo}.git",
        f"    git push -u origin {shlex.quote(branch)}",
        "",
        f"  Launch it: {launch.from_answers(answers)}",
        "  Badge for other pages:",
        f"    {launch.badge_markdown(hub, user, repo, branch, answers['ui'])}",
    ]
    return "\n".join(lines)

