"""Answers rendered as the text they are, in a sandbox.

Cookiecutter renders every answer as a Jinja template in an ordinary,
unsandboxed environment, before any hook runs. An answer such as
``{{ cycler.__init__.__globals__.os.system("...") }}`` would run a command on
the machine of whoever generates the project. The template's extension
closes that in two layers:

1. Only text the template itself wrote (cookiecutter.json, file and folder
   names, hook scripts: the allowlist) is rendered as Jinja. Any other string
   cookiecutter asks to render, which is to say an answer, comes out exactly
   as it went in.
2. Every environment cookiecutter builds becomes a ``SandboxedEnvironment``,
   which refuses private attributes and unsafe calls, in case anything
   reaches Jinja that layer 1 did not foresee.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, safe_range

from binder_template.answers import load_config

# The generated repository's folder in the template.
PROJECT_FOLDER = "{{ cookiecutter.repo_name | checked_repo_name }}"
_JINJA_MARKERS = ("{{", "{%", "{#")
_LITERAL = "binder_template_literal_text"


class UnsafeAnswer(SecurityError, UndefinedError):
    """Refused by the sandbox. Also an UndefinedError, so that cookiecutter
    reports it as "Unable to render variable '<name>'" instead of a traceback."""


def has_jinja(text: str) -> bool:
    return any(marker in text for marker in _JINJA_MARKERS)


def template_sources(root: str) -> frozenset[str]:
    """The allowlist: the strings with Jinja in them that the template in
    `root` wrote, the only ones cookiecutter hands to `from_string` that
    should be rendered as templates."""
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

    found = set(strings(load_config(str(root_path))))
    found |= {hook.read_text("utf-8") for hook in (root_path / "hooks").glob("*.py")}
    project = root_path / PROJECT_FOLDER
    found.add(project.name)
    for path in project.rglob("*"):
        found |= {path.name, str(path.relative_to(project))}
    return frozenset(text for text in found if has_jinja(text))


def folder_template(source: str, sources: frozenset[str]) -> tuple[str, str] | None:
    """(output path, template path) for a folder name cookiecutter renders
    with the project's path in front ('/out/project/./{{ ... }}'): the
    path, which holds an answer, stays literal text."""
    for known in sources:
        for joiner in ("/./", "/"):
            if source.endswith(joiner + known) and not has_jinja(source[: -len(known)]):
                return source[: -len(known)], known
    return None


class AnswerSandbox(SandboxedEnvironment):
    binder_template_sources: frozenset[str] = frozenset()

    def from_string(self, source, globals=None, template_class=None):
        sources = self.binder_template_sources
        if isinstance(source, str) and has_jinja(source) and source not in sources:
            folder = folder_template(source, sources)
            if folder:
                globals = {**(globals or {}), _LITERAL: folder[0]}
                source = "{{ " + _LITERAL + " }}" + folder[1]
            else:
                # An answer: render it as the literal text it is.
                globals = {**(globals or {}), _LITERAL: source}
                source = "{{ " + _LITERAL + " }}"
        return super().from_string(source, globals, template_class)

    def unsafe_undefined(self, obj, attribute):
        return self.undefined(
            f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe",
            name=attribute, obj=obj, exc=UnsafeAnswer,
        )

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: PYI063 (Jinja's signature)
        try:
            return super().call(__context, __obj, *args, **kwargs)
        except UnsafeAnswer:
            raise
        except SecurityError as err:
            raise UnsafeAnswer(str(err)) from None


def sandbox(environment: Environment, sources: frozenset[str]) -> None:
    """Make an existing environment behave as a SandboxedEnvironment that
    renders only `sources` as templates.

    The class is swapped rather than the environment replaced, because
    cookiecutter keeps and uses the instance it created.
    """
    if not isinstance(environment, SandboxedEnvironment):
        environment.__class__ = type(
            "Sandboxed" + type(environment).__name__,
            (AnswerSandbox, type(environment)),
            {},
        )
        # What SandboxedEnvironment.__init__ would have set up.
        environment.globals["range"] = safe_range
        environment.binop_table = SandboxedEnvironment.default_binop_table.copy()
        environment.unop_table = SandboxedEnvironment.default_unop_table.copy()
    if isinstance(environment, AnswerSandbox):
        environment.binder_template_sources = sources
