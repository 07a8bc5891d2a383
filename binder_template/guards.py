"""What the template changes in the cookiecutter process that runs it.

Loaded with the template's Jinja extension, so it applies to the cookiecutter
command, cruft and the Python API alike.

1. Leave no half-written project behind. cookiecutter removes the folder it
   created when a hook fails or a template cannot render (it catches
   FailedHookException and UndefinedError), but not when writing a file
   fails (a full disk, a file size limit) or when Ctrl-C stops it during a
   hook. The two cookiecutter functions where that happens are wrapped so
   that those failures reach cookiecutter as the kinds it already cleans up
   after. Nothing else about them changes.
2. Keep a refusal one clear block. When a hook refuses the answers, it has
   already printed every problem and the command to run again; cookiecutter
   then logs its own traceback of the hook's exit status, which says nothing
   more. That record keeps its message and loses the traceback.
"""

from __future__ import annotations

import functools
import logging
import sys

from cookiecutter import generate, hooks
from cookiecutter.exceptions import FailedHookException
from jinja2.exceptions import UndefinedError


class WriteFailed(UndefinedError):
    """A generated file could not be written; cookiecutter removes the
    folder it made and reports the message without a traceback."""


def guard_writes(generate_file):
    @functools.wraps(generate_file)
    def guarded(project_dir, infile, *args, **kwargs):
        try:
            return generate_file(project_dir, infile, *args, **kwargs)
        except (OSError, UnicodeError) as err:
            message = f"error: could not write the project's files ({err})"
        except KeyboardInterrupt:
            message = "Interrupted: nothing was generated."
        # First, before cookiecutter's own report of the failure.
        print(message, file=sys.stderr)
        raise WriteFailed(message)

    guarded.binder_template_guard = True
    return guarded


def guard_interrupts(run_hook):
    @functools.wraps(run_hook)
    def guarded(*args, **kwargs):
        try:
            return run_hook(*args, **kwargs)
        except KeyboardInterrupt:
            raise FailedHookException("Interrupted: nothing was generated.") from None

    guarded.binder_template_guard = True
    return guarded


class NoHookTraceback(logging.Filter):
    binder_template_guard = True

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Stopping generation because"):
            record.exc_info = None
            record.exc_text = None
        return True


def install() -> None:
    """Wrap once per process, whichever version of the template asks."""
    if not getattr(generate.generate_file, "binder_template_guard", False):
        generate.generate_file = guard_writes(generate.generate_file)
    if not getattr(hooks.run_hook, "binder_template_guard", False):
        hooks.run_hook = guard_interrupts(hooks.run_hook)
    logger = logging.getLogger(hooks.__name__)
    if not any(getattr(f, "binder_template_guard", False) for f in logger.filters):
        logger.addFilter(NoHookTraceback())
