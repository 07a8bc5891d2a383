"""Which version of the template is rendering, and its own code for it.

One process can render two versions of this template: `cruft update`
renders the project's old commit and then the new one, from the same
checkout, and Python keeps the modules it imported first. So the extension
compares the version it was imported from with the one being rendered (a
digest of cookiecutter.json, the hooks and this package), and where they
differ it imports that version's package anew and lets it render. The
patches to cookiecutter carry a version of their own for the same reason
(undoable_run.GUARD_VERSION): a newer template replaces an older one's.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from pathlib import Path

TEMPLATE_ROOT = str(Path(__file__).resolve().parent.parent)


def template_fingerprint(root: str) -> str:
    """A digest of the code and data this package reads from a template
    folder: the version of the template it renders. (File names are read
    anew by each extension, for its allowlist.)"""
    root_path = Path(root)
    digest = hashlib.sha256()
    files = [root_path / "cookiecutter.json", *sorted((root_path / "hooks").glob("*.py")),
             *sorted((root_path / "binder_template").glob("*.py"))]
    for path in files:
        digest.update(f"{path.relative_to(root_path)}\0".encode() + path.read_bytes() + b"\0")
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
