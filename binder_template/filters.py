"""What the templates call: the filters, and the answers check the rendering
runs once before the first file is written.

The filters are escapers (binder_template/escape.py), the answers as the
templates need them, and lookups into the surveyed project and the hand-off
(binder_template/handoff.py). The answers are checked with every rule of
binder_template/answers.py, so a skipped hook (--accept-hooks no) or a
hand-written replay file is caught too.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys

from jinja2 import pass_context
from jinja2.exceptions import UndefinedError

from binder_template import files, launch, undoable_run
from binder_template.answers import (
    folder_name_error,
    github_repo_error,
    load_config,
    normalise_binderhub_url,
    normalise_zenodo_doi,
    parse_r_packages,
    split_items,
    validate_answers,
)
from binder_template.escape import (
    actions_branch_pattern,
    markdown_text,
    r_string,
    r_vector,
    yaml_string,
)
from binder_template.handoff import project_survey, read_handoff
from binder_template.rerun import refusal
from binder_template.survey import launch_target
from binder_template.versions import image_user

# The folder name a bad repo_name renders as: one no project has, which
# cookiecutter removes when the pre-generation hook refuses the answer.
REFUSED_FOLDER = ".rocker-binder-template-refused-{pid}"
DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


class InvalidAnswer(UndefinedError):
    """Answers refused while rendering; cookiecutter removes what it made and
    prints the message without a traceback, as it does for UndefinedError."""


@pass_context
def checked_repo_name(context, value: str) -> str:
    """The project folder's name, rendered before any hook runs. A name
    that is not a repository name ('a/b' would make a folder 'a') becomes a
    placeholder, and the pre-generation hook refuses it with the rest. With
    layout=existing-project it is the project folder's name, which may be
    any name but a path ('My Thesis Project'): the badge's repository name
    comes from 'origin'."""
    answers = context.get("cookiecutter")
    existing_project = isinstance(answers, dict) and answers.get("layout") == "existing-project"
    if (folder_name_error if existing_project else github_repo_error)(str(value)):
        return REFUSED_FOLDER.format(pid=os.getpid())
    return value


def project(answers) -> dict:
    """What the existing project held before this run wrote into it
    (binder_template/survey.py), as the pre-generation hook found it; {} for
    a new repository."""
    if not isinstance(answers, dict) or answers.get("layout") != "existing-project":
        return {}
    return project_survey(project_dir(answers), answers)


def project_dir(answers: dict) -> str:
    """The folder being generated: as cookiecutter made it, for the
    generation under way (cruft sets no _output_dir); else from the answers."""
    run = undoable_run.current_run(answers)
    if run is not None:
        return run.project_dir
    return os.path.join(str(answers.get("_output_dir") or "."), str(answers.get("repo_name", "")))


def base_image_digest(answers) -> str:
    """The digest Docker Hub gave the pre-generation hook for the chosen
    rocker/binder tag, or '' when it was not asked (online checks off)."""
    digest = read_handoff(project_dir(answers), answers).get("digest") if isinstance(answers, dict) else None
    return digest if isinstance(digest, str) and DIGEST.fullmatch(digest) else ""


def binder_folder(answers) -> str:
    """binder/, or the .binder/ the project already has."""
    return project(answers).get("here", "binder")


def install_script(answers) -> str:
    """install.R, or packages.R beside the project's own binder/install.R."""
    return project(answers).get("script", "install.R")


def launch_answers(answers: dict) -> dict:
    """The answers, with the owner, repository and branch the badge launches:
    for an existing project, those its git gives where the answers say so."""
    if answers.get("layout") != "existing-project":
        return answers
    owner, repo, branch = launch_target(answers, project(answers).get("git", {}))
    given = {"github_user": owner, "repo_name": repo, "branch": branch}
    return {**answers, **{name: value for name, value in given.items() if value}}


DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def keep_warm_time(answers, later: int = 0) -> dict:
    """A scheduled workflow's weekly time, in UTC, `later` hours after the
    keep-warm's: drawn from the repository's name, so that a rerun gives the
    same time and repositories made from this template do not all ask Binder
    at once; never on the hour, when GitHub's scheduler is busiest and may
    drop a run."""
    target = launch_answers(answers)
    name = f"{target['github_user']}/{target['repo_name']}".lower()
    number = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")
    minute, hours = 1 + number % 59, number // 59 % (24 * 7) + later
    hour, day = hours % 24, hours // 24 % 7
    return {"cron": f"{minute} {hour} * * {day}", "text": f"{DAYS[day]}s at {hour:02d}:{minute:02d} UTC"}


def citation(answers) -> dict:
    """What CITATION.cff says: the answers, with the repository the badge
    launches. For an existing project, the default title and description are
    not its own: the repository's name stands for the one, nothing for the
    other, and the license it has is not known here."""
    target, defaults = launch_answers(answers), load_config()
    existing = answers.get("layout") == "existing-project"
    title, abstract = answers["project_name"], answers["description"]
    return {
        "title": target["repo_name"] if existing and title == defaults["project_name"] else title,
        "abstract": "" if existing and abstract == defaults["description"] else abstract,
        "repository": f"https://github.com/{target['github_user']}/{target['repo_name']}",
        "license": "" if existing or answers.get("license") == "none" else answers["license"],
    }


def check_answers(answers) -> None:
    """Every rule, once, before the first file is written; raises
    InvalidAnswer after printing the refusal and the command to run again."""
    if not isinstance(answers, dict):
        raise InvalidAnswer("no answers to render")
    # For an existing project, the owner and branch its git gives are checked
    # as typed answers are, and a placeholder git could not fill is refused.
    problems = validate_answers({**launch_answers(answers), "layout": None})
    if problems:
        print(refusal(problems, answers), file=sys.stderr)
        raise InvalidAnswer(str(problems[0]))


FILTERS = {
    "checked_repo_name": checked_repo_name,
    "output_name": lambda answers, key: files.output_name(answers, project(answers), key),
    "r_string": r_string,
    "yaml_string": yaml_string,
    "r_vector": r_vector,
    "r_packages": lambda text: parse_r_packages(str(text)),
    "apt_packages": lambda text: split_items(str(text)),
    "project": project,
    "binder_folder": binder_folder,
    "install_script": install_script,
    "base_image_digest": base_image_digest,
    "launch_branch": lambda answers: launch_answers(answers)["branch"],
    "keep_warm_time": keep_warm_time,
    "citation": citation,
    "zenodo_doi": lambda answers: normalise_zenodo_doi(str(answers.get("zenodo_doi", ""))),
    "zenodo_badge": lambda answers: launch.zenodo_badge_markdown(
        answers["binderhub_url"], normalise_zenodo_doi(str(answers["zenodo_doi"])), answers["ui"]),
    "doi_badge": lambda answers: launch.doi_badge_markdown(normalise_zenodo_doi(str(answers["zenodo_doi"]))),
    "markdown_text": markdown_text,
    "actions_branch_pattern": actions_branch_pattern,
    "image_user": image_user,
    "ui_title": lambda ui: launch.UI_TITLES[ui],
    "urlpath": lambda ui: launch.URLPATHS[ui],
    "hub_base": normalise_binderhub_url,
    "launch_url": lambda answers, ui=None: launch.from_answers(answers, ui),
    "badge": lambda answers: launch.badge_markdown(
        answers["binderhub_url"], answers["github_user"], answers["repo_name"],
        launch.launch_ref(answers), answers["ui"],
    ),
}
