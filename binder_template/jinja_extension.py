"""The template's Jinja extension, listed in cookiecutter.json's `_extensions`:
wiring only. It sandboxes every environment cookiecutter builds
(binder_template/sandbox.py), patches cookiecutter's file writing
(binder_template/undoable_run.py), gives the templates their filters and
the answers check (binder_template/filters.py), and defers to another
version of the template's own code when that version is rendering
(binder_template/template_version.py).
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.ext import Extension

from binder_template import undoable_run
from binder_template.filters import FILTERS, check_answers
from binder_template.sandbox import sandbox, template_sources
from binder_template.template_version import (
    LOADED_VERSION,
    TEMPLATE_ROOT,
    fresh_extension_class,
    rendering_root,
    template_fingerprint,
)
from binder_template.versions import REPO2DOCKER_REQUIREMENT


class BinderTemplateExtension(Extension):
    def __new__(cls, environment: Environment):
        root = rendering_root()
        if (root, template_fingerprint(root)) != LOADED_VERSION:
            # Another version of the template is rendering: its own code must render it.
            return fresh_extension_class(root)(environment)
        return super().__new__(cls)

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        undoable_run.install()
        sandbox(environment, template_sources(TEMPLATE_ROOT))
        environment.binder_template_check = check_answers
        environment.globals["binder_template_root"] = TEMPLATE_ROOT
        environment.globals["repo2docker_requirement"] = REPO2DOCKER_REQUIREMENT
        environment.filters.update(FILTERS)
