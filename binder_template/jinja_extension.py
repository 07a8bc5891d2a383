"""The template's Jinja extension: inert answers, and safe filters.

Cookiecutter renders every answer as a Jinja template in an ordinary,
unsandboxed environment, before any hook runs. An answer such as
``{{ cycler.__init__.__globals__.os.system("...") }}`` would run a command on
the machine of whoever generates the project. Listing this extension in
``_extensions`` closes that in two layers:

1. Only text the template itself wrote (cookiecutter.json, file names, hook
   scripts) is rendered as Jinja. Any other string cookiecutter asks to
   render, which is to say an answer, comes out exactly as it went in.
2. Every environment cookiecutter builds becomes a ``SandboxedEnvironment``,
   which refuses private attributes and unsafe calls, in case anything
   reaches Jinja that layer 1 did not foresee.

The filters are how answers reach generated files: each one escapes for the
language it writes into, so an answer is never pasted into source as-is.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import os
import sys
from pathlib import Path

from jinja2 import Environment, pass_context
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.ext import Extension
from jinja2.sandbox import SandboxedEnvironment, safe_range

from binder_template import guards, launch
from binder_template.answers import (
    EXAMPLES,
    Problem,
    binderhub_url_error,
    branch_error,
    debian_package_error,
    github_repo_error,
    github_user_error,
    load_choices,
    normalise_binderhub_url,
    parse_r_packages,
    r_item_error,
    split_items,
    validate_answers,
)
from binder_template.hook_steps import project_survey
from binder_template.rerun import refusal
from binder_template.survey import launch_target
from binder_template.versions import REPO2DOCKER_REQUIREMENT

TEMPLATE_ROOT = str(Path(__file__).resolve().parent.parent)
# The generated repository's folder in the template. Its name checks repo_name
# before cookiecutter creates the folder: a name such as 'a/b' would otherwise
# leave an empty 'a/' behind when the pre-generation hook rejects it.
PROJECT_FOLDER = "{{ cookiecutter.repo_name | checked_repo_name }}"
_MARKDOWN_SPECIAL = set("\\`*_[]<>|~&$")
_MARKDOWN_LINE_START = set("#-+=>")
# Line breaks and non-characters that YAML would not keep as they are.
_YAML_NOT_PLAIN = {0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF}
# Characters with a meaning in GitHub Actions branch filters.
_ACTIONS_PATTERN_SPECIAL = set("*?+[]!\\")


class UnsafeAnswer(SecurityError, UndefinedError):
    """Refused by the sandbox. Also an UndefinedError, so that cookiecutter
    reports it as "Unable to render variable '<name>'" instead of a traceback."""


class InvalidAnswer(UndefinedError):
    """An answer refused while rendering; cookiecutter prints the message
    without a traceback, as it does for UndefinedError."""


def refuse(problems: list[Problem], answers: dict | None) -> None:
    """Print every problem (and the command to run again) before cookiecutter
    prints anything of its own, then stop rendering."""
    if isinstance(answers, dict):
        print(refusal(problems, answers), file=sys.stderr)
    else:
        print("\n".join(map(str, problems)), file=sys.stderr)
    raise InvalidAnswer(str(problems[0]))


@pass_context
def checked_repo_name(context, value: str) -> str:
    """The project folder's name. It is rendered before any hook runs, so a
    bad repo_name is reported here, with every other bad answer."""
    error = github_repo_error(value)
    if error:
        answers = context.get("cookiecutter")
        problems = validate_answers(answers) if isinstance(answers, dict) else []
        refuse(problems or [Problem("repo_name", value, error, EXAMPLES["repo_name"])], answers)
    return value


# Filters that paste an answer into a Dockerfile, install.R, apt.txt or YAML
# check it themselves: the pre-generation hook can be skipped
# (--accept-hooks no) and answers can come from a hand-written replay file.
def checked(name: str, value, error: str | None, example: str | None = None):
    if error:
        refuse([Problem(name, value, error, example or EXAMPLES.get(name, ""))], None)
    return value


def checked_r_version(value: str) -> str:
    choices = load_choices(TEMPLATE_ROOT)["r_version"]
    return checked("r_version", value, None if value in choices else f"choose one of: {', '.join(choices)}",
                   repr(choices[0]))


def checked_branch(value: str) -> str:
    return checked("branch", value, branch_error(str(value)))


def checked_hub(value: str) -> str:
    return normalise_binderhub_url(checked("binderhub_url", value, binderhub_url_error(str(value))))


def apt_packages(text: str) -> list[str]:
    return [checked("apt_packages", item, debian_package_error(item)) for item in split_items(str(text))]


def r_packages(text: str):
    for item in split_items(str(text)):
        checked("r_packages", item, r_item_error(item))
    return parse_r_packages(str(text))


def checked_ui(value: str) -> str:
    return checked("ui", value, None if value in launch.URLPATHS else
                   f"choose one of: {', '.join(launch.URLPATHS)}", "'rstudio'")


def project(answers) -> dict:
    """What the existing project held before this run wrote into it
    (binder_template/survey.py), as the pre-generation hook found it; {} for
    a new repository."""
    if not isinstance(answers, dict) or answers.get("layout") != "existing-project":
        return {}
    folder = os.path.join(str(answers.get("_output_dir") or "."), str(answers.get("repo_name", "")))
    return project_survey(folder, answers)


def binder_folder(answers) -> str:
    """binder/, or the .binder/ the project already has."""
    return project(answers).get("here", "binder")


def launch_branch(answers) -> str:
    """The branch the badge launches, the one the workflow builds."""
    if isinstance(answers, dict) and answers.get("layout") == "existing-project":
        return launch_target(answers, project(answers).get("git", {}))[2]
    return answers["branch"]


def checked_launch(answers: dict) -> dict:
    """The answers a launch URL or badge is built from, each checked."""
    checked("github_user", answers["github_user"], github_user_error(str(answers["github_user"])))
    checked("repo_name", answers["repo_name"], github_repo_error(str(answers["repo_name"])))
    checked_branch(answers["branch"])
    checked_hub(answers["binderhub_url"])
    return answers


_JINJA_MARKERS = ("{{", "{%", "{#")
_LITERAL = "binder_template_literal_text"


def has_jinja(text: str) -> bool:
    return any(marker in text for marker in _JINJA_MARKERS)


@functools.cache
def template_sources(root: str = TEMPLATE_ROOT) -> frozenset[str]:
    """The strings with Jinja in them that this template wrote: the only ones
    cookiecutter hands to `from_string` that should be rendered as templates."""
    root_path = Path(root)

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    found = set(strings(json.loads((root_path / "cookiecutter.json").read_text("utf-8"))))
    found |= {hook.read_text("utf-8") for hook in (root_path / "hooks").glob("*.py")}
    project = root_path / PROJECT_FOLDER
    found.add(project.name)
    for path in project.rglob("*"):
        found |= {path.name, str(path.relative_to(project))}
    return frozenset(text for text in found if has_jinja(text))


def folder_template(source: str) -> tuple[str, str] | None:
    """(output path, template path) for a folder name cookiecutter renders
    with the project's path in front ('/out/project/./{{ ... }}'): the
    path, which holds an answer, stays literal text."""
    for known in template_sources():
        for joiner in ("/./", "/"):
            if source.endswith(joiner + known) and not has_jinja(source[: -len(known)]):
                return source[: -len(known)], known
    return None


class AnswerSandbox(SandboxedEnvironment):
    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's name)
        folder = folder_template(source) if isinstance(source, str) and has_jinja(source) \
            and source not in template_sources() else None
        if folder:
            globals = {**(globals or {}), _LITERAL: folder[0]}
            source = "{{ %s }}%s" % (_LITERAL, folder[1])
        elif isinstance(source, str) and has_jinja(source) and source not in template_sources():
            # An answer: render it as the literal text it is.
            globals = {**(globals or {}), _LITERAL: source}
            source = "{{ %s }}" % _LITERAL
        return super().from_string(source, globals, template_class)

    def unsafe_undefined(self, obj, attribute):
        return self.undefined(
            f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe",
            name=attribute, obj=obj, exc=UnsafeAnswer,
        )

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        try:
            return super().call(__context, __obj, *args, **kwargs)
        except UnsafeAnswer:
            raise
        except SecurityError as err:
            raise UnsafeAnswer(str(err)) from None


def sandbox(environment: Environment) -> None:
    """Make an existing environment behave as a SandboxedEnvironment.

    The class is swapped rather than the environment replaced, because
    cookiecutter keeps and uses the instance it created.
    """
    if isinstance(environment, SandboxedEnvironment):
        return
    environment.__class__ = type(
        "Sandboxed" + type(environment).__name__,
        (AnswerSandbox, type(environment)),
        {},
    )
    # What SandboxedEnvironment.__init__ would have set up.
    environment.globals["range"] = safe_range
    environment.binop_table = SandboxedEnvironment.default_binop_table.copy()
    environment.unop_table = SandboxedEnvironment.default_unop_table.copy()


def r_string(value: str) -> str:
    """An R double-quoted string literal holding exactly ``value``."""
    out = []
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif " " <= char <= "~":
            out.append(char)
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{{{ord(char):x}}}")
        else:
            out.append(f"\\U{{{ord(char):x}}}")
    return '"' + "".join(out) + '"'


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar holding exactly ``value``.

    Not `tojson`: it writes characters beyond U+FFFF as surrogate pairs,
    which YAML reads as two broken characters.
    """
    out = []
    for char in value:
        code = ord(char)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F or (code >= 0xA0 and code not in _YAML_NOT_PLAIN
                                      and not 0xD800 <= code <= 0xDFFF):
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def r_vector(values) -> str:
    if not values:
        return "character()"
    return "c(" + ", ".join(r_string(v) for v in values) + ")"


def markdown_text(value: str) -> str:
    """Plain text that Markdown shows literally: no links, HTML, emphasis or math."""
    out = "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in value)
    stripped = out.lstrip(" ")
    if stripped[:1] in _MARKDOWN_LINE_START:
        indent = len(out) - len(stripped)
        out = out[:indent] + "\\" + stripped
    else:
        # "1." or "1)" at the start of a line opens a numbered list.
        digits = len(stripped) - len(stripped.lstrip("0123456789"))
        if digits and stripped[digits : digits + 1] in (".", ")"):
            cut = len(out) - len(stripped) + digits
            out = out[:cut] + "\\" + out[cut:]
    return out


def actions_branch_pattern(branch: str) -> str:
    """A GitHub Actions branch filter that matches exactly this one branch."""
    return "".join("\\" + c if c in _ACTIONS_PATTERN_SPECIAL else c for c in branch)


def image_user(r_version: str) -> str:
    """The user each image generation runs as (binder-facts.md)."""
    return "jovyan" if r_version == "latest" else "rstudio"


def template_fingerprint(root: str) -> str:
    """A digest of everything this module reads from a template folder, and of
    the package's own code: the version of the template it renders."""
    root_path = Path(root)
    digest = hashlib.sha256()
    files = [root_path / "cookiecutter.json", *sorted((root_path / "hooks").glob("*.py")),
             *sorted((root_path / "binder_template").glob("*.py"))]
    for path in files:
        digest.update(f"{path.relative_to(root_path)}\0".encode() + path.read_bytes() + b"\0")
    names = sorted(str(p.relative_to(root_path)) for p in (root_path / PROJECT_FOLDER).rglob("*"))
    digest.update("\0".join(names).encode())
    return digest.hexdigest()


def rendering_root() -> str:
    """The template folder being rendered: cookiecutter and cruft append it to
    sys.path while they render, so it is the last entry holding this package."""
    for entry in reversed(sys.path):
        if entry and os.path.isfile(os.path.join(entry, "binder_template", "jinja_extension.py")) \
                and os.path.isfile(os.path.join(entry, "cookiecutter.json")):
            return str(Path(entry).resolve())
    return TEMPLATE_ROOT


# The template version this module was imported from. One process can render
# two versions: `cruft update` renders the old commit and then the new one
# from the same checkout, and Python keeps the modules it imported first.
LOADED_VERSION = (TEMPLATE_ROOT, template_fingerprint(TEMPLATE_ROOT))


def fresh_extension_class(root: str) -> type:
    """This extension as the template in `root` defines it, imported anew."""
    for name in [n for n in sys.modules if n == "binder_template" or n.startswith("binder_template.")]:
        del sys.modules[name]
    sys.path.insert(0, root)
    try:
        module = importlib.import_module("binder_template.jinja_extension")
    finally:
        sys.path.remove(root)
    return module.BinderTemplateExtension


class BinderTemplateExtension(Extension):
    def __new__(cls, environment: Environment):
        root = rendering_root()
        if (root, template_fingerprint(root)) != LOADED_VERSION:
            # Another version of the template than the one imported: its own
            # code, sources and filters must render it.
            return fresh_extension_class(root)(environment)
        return super().__new__(cls)

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        guards.install()
        sandbox(environment)
        environment.globals["binder_template_root"] = TEMPLATE_ROOT
        environment.globals["repo2docker_requirement"] = REPO2DOCKER_REQUIREMENT
        environment.filters.update(
            checked_repo_name=checked_repo_name,
            r_string=r_string,
            yaml_string=yaml_string,
            r_vector=r_vector,
            r_packages=r_packages,
            apt_packages=apt_packages,
            project=project,
            binder_folder=binder_folder,
            launch_branch=launch_branch,
            checked_r_version=checked_r_version,
            checked_branch=checked_branch,
            markdown_text=markdown_text,
            actions_branch_pattern=actions_branch_pattern,
            image_user=image_user,
            ui_title=lambda ui: launch.UI_TITLES[checked_ui(ui)],
            urlpath=lambda ui: launch.URLPATHS[checked_ui(ui)],
            hub_base=checked_hub,
            launch_url=lambda answers, ui=None: launch.from_answers(checked_launch(answers), ui),
            badge=lambda answers: launch.badge_markdown(
                checked_launch(answers)["binderhub_url"], answers["github_user"], answers["repo_name"],
                answers["branch"], checked_ui(answers["ui"]),
            ),
        )
