"""Every file a generation can write, and when: the one statement of it.

Each template file's name is `{{ cookiecutter | output_name('KEY') }}`, which
renders as the file's name when the rule below holds, and as nothing (so
cookiecutter writes no file) when it does not. What the hooks check before
writing, which folders they may leave empty, and what the report lists as
added or kept, are all read from this table. (Writing everything and
deleting afterwards would delete a user's own LICENSE under -f -s.)

An existing project's Binder files go into its Binder folder, `{here}`
(binder/ or the .binder/ it has), and its install script is `{script}`
(install.R, or packages.R beside the user's own install.R).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from binder_template.answers import load_config, split_items

NEW, EXISTING = "new-repository", "existing-project"
BOTH = (NEW, EXISTING)
# The Binder folders an existing project may have, which the run may make.
BINDER_FOLDERS = ("binder", ".binder")


def always(answers: dict, project: dict) -> bool:
    return True


def has_apt_packages(answers: dict, project: dict) -> bool:
    return bool(split_items(str(answers.get("apt_packages", ""))))


def is_shiny(answers: dict, project: dict) -> bool:
    return answers.get("ui") == "shiny"


def has_actions(answers: dict, project: dict) -> bool:
    return bool(answers.get("github_actions"))


def has_prebuilt_image(answers: dict, project: dict) -> bool:
    return bool(answers.get("prebuilt_image"))


def wants_citation(answers: dict, project: dict) -> bool:
    """A new repository always gets CITATION.cff. An existing project gets
    one only where it has none (GitHub and Zenodo read the one it has), and
    only when author_name was given: a citation of "Your Name" helps nobody."""
    if layout_of(answers) == NEW:
        return True
    return not project.get("citation") and answers.get("author_name") not in ("", load_config()["author_name"])


@dataclass(frozen=True)
class Output:
    key: str  # the name the template file gives: output_name('KEY'), with no '/'
    path: str  # where it goes in the project
    layouts: tuple[str, ...]
    when: Callable[[dict, dict], bool] = always


OUTPUTS = (
    # A new repository: everything at the root.
    Output("Dockerfile", "Dockerfile", (NEW,)),
    Output("install.R", "install.R", (NEW,)),
    Output(".Renviron", ".Renviron", (NEW,)),
    Output(".dockerignore", ".dockerignore", (NEW,)),
    Output(".gitignore", ".gitignore", (NEW,)),
    Output("README.md", "README.md", (NEW,)),
    Output("LICENSE", "LICENSE", (NEW,), lambda answers, project: answers.get("license") != "none"),
    Output("CITATION.cff", "CITATION.cff", BOTH, wants_citation),
    Output("Rproj", "{repo_name}.Rproj", (NEW,)),
    Output("apt.txt", "apt.txt", (NEW,), has_apt_packages),
    Output("register_shiny_app.py", "register_shiny_app.py", (NEW,), is_shiny),
    Output("example.R", "analysis/example.R", (NEW,)),
    Output("example.ipynb", "analysis/example.ipynb", (NEW,),
           lambda answers, project: answers.get("ui") in ("lab", "notebook")),
    # An existing project: its Binder folder, in the order the report lists them.
    Output("binder-Dockerfile", "{here}/Dockerfile", (EXISTING,)),
    Output("binder-Dockerfile.dockerignore", "{here}/Dockerfile.dockerignore", (EXISTING,)),
    Output("binder-install.R", "{here}/{script}", (EXISTING,)),
    Output("binder-.Renviron", "{here}/.Renviron", (EXISTING,)),
    Output("binder-apt.txt", "{here}/apt.txt", (EXISTING,), has_apt_packages),
    Output("binder-register_shiny_app.py", "{here}/register_shiny_app.py", (EXISTING,), is_shiny),
    # Either: a Shiny app where the project has none, and the workflow.
    Output("app.R", "app/app.R", BOTH,
           lambda answers, project: is_shiny(answers, project) and project.get("shiny_app", "app") == "app"),
    Output("binder.yml", ".github/workflows/binder.yml", BOTH, has_actions),
    Output("keep-binder-warm.yml", ".github/workflows/keep-binder-warm.yml", BOTH, has_actions),
    # Only a new repository can be made with `cruft create` (which gives
    # the template's commit as _commit), and only such a one can update.
    Output("template-update.yml", ".github/workflows/template-update.yml", (NEW,),
           lambda answers, project: has_actions(answers, project) and bool(answers.get("_commit"))),
    Output("dependabot.yml", ".github/dependabot.yml", BOTH, has_actions),
    Output("prewarm.sh", ".github/scripts/prewarm.sh", BOTH, has_actions),
    Output("smoke_test.sh", ".github/scripts/smoke_test.sh", BOTH, has_actions),
    Output("publish.py", ".github/scripts/publish.py", BOTH, has_prebuilt_image),
    Output("requirements-repo2docker.txt", ".github/requirements-repo2docker.txt", BOTH,
           has_prebuilt_image),
)
BY_KEY = {output.key: output for output in OUTPUTS}


def layout_of(answers: dict) -> str:
    return EXISTING if answers.get("layout") == EXISTING else NEW


def path_of(output: Output, answers: dict, project: dict) -> str:
    return output.path.format(repo_name=answers.get("repo_name", ""), here=project.get("here", "binder"),
                              script=project.get("script", "install.R"))


def output_name(answers: dict, project: dict, key: str) -> str:
    """The template file's name: the last part of where it goes, or "" when
    these answers do not write it."""
    output = BY_KEY[key]
    if layout_of(answers) not in output.layouts or not output.when(answers, project):
        return ""
    return posixpath.basename(path_of(output, answers, project))


def written(answers: dict, project: dict) -> list[str]:
    """Where these answers write, in the table's order."""
    layout = layout_of(answers)
    return [path_of(output, answers, project) for output in OUTPUTS
            if layout in output.layouts and output.when(answers, project)]


def possible(layout: str, answers: dict, project: dict) -> list[str]:
    """Every path a layout can write, whatever the other answers."""
    return [path_of(output, answers, project) for output in OUTPUTS if layout in output.layouts]


def existing_project_files(here: str, script: str = "install.R") -> list[str]:
    """Every file Binder can add to an existing project, whatever the answers."""
    return possible(EXISTING, {}, {"here": here, "script": script})


def folders_of(paths) -> list[str]:
    """The folders above the paths, deepest first (so that emptied ones can
    be removed in this order)."""
    found = {parent for path in paths for parent in parents(path)}
    return sorted(found, key=lambda folder: (-folder.count("/"), folder))


def parents(path: str) -> list[str]:
    folder, found = posixpath.dirname(path), []
    while folder:
        found.append(folder)
        folder = posixpath.dirname(folder)
    return found


def maybe_empty() -> list[str]:
    """Folders a run may make and leave empty (github_actions=false, or the
    other layout's): removed after generation when the run made them and
    nothing went into them. An empty binder/ would matter: repo2docker would
    read it instead of the files at the root."""
    paths = [path for here in BINDER_FOLDERS for layout in BOTH for path in possible(layout, {}, {"here": here})]
    return folders_of(paths)
