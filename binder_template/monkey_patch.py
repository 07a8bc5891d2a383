"""What the template patches in the cookiecutter process that runs it.

Installed by the template's Jinja extension, so it applies to the cookiecutter
command, cruft and the Python API alike. A cookiecutter without the functions
patched here is left as it is.

0. Check the answers once, with every rule, before the first file is
   written: the extension gives the check (`binder_template_check` on the
   environment), and a refusal stops cookiecutter as a template error does.

1. Leave no half-written project behind. cookiecutter removes the folder it
   created when a hook fails or a template cannot render (it catches
   FailedHookException and UndefinedError), but not when writing a file
   fails (a full disk, a file size limit) or when Ctrl-C stops it during a
   hook. The cookiecutter functions where that happens are wrapped so
   that those failures reach cookiecutter as the kinds it already cleans up
   after, and the one that makes the project folder starts each generation's
   record. In a folder that was there before (-f, -s), which cookiecutter
   never removes, the files and folders this run made are removed instead,
   and the files it replaced are put back, so the folder is left as it was
   found. Each file is written whole or not at all: cookiecutter writes it
   in a scratch folder, and it is renamed into place.
2. With -s, say which kept files differ from what this run would write:
   the post-generation report lists them as differing, not as kept.
3. Keep a refusal one clear block. When a hook refuses the answers, it has
   already printed every problem and the command to run again; cookiecutter
   then logs its own traceback of the hook's exit status, which says nothing
   more. That record keeps its message and loses the traceback.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import sys
import tempfile

from cookiecutter import generate, hooks
from cookiecutter.exceptions import FailedHookException
from jinja2.exceptions import TemplateError, UndefinedError

from binder_template.atomic import replace_file


class WriteFailed(UndefinedError):
    """A generated file could not be written; cookiecutter removes the
    folder it made and reports the message without a traceback."""


class Run:
    """One generation, recorded when cookiecutter has made (or found) its
    project folder and before anything is written into it: the files and
    folders the folder held, whether the answers were checked, and what each
    file the run has replaced held, to put back if the run fails."""

    def __init__(self, project_dir: str, answers: dict):
        self.project_dir, self.answers = project_dir, answers
        self.found, self.folders = contents(project_dir)
        self.checked = False
        self.replaced: dict[str, tuple[bytes, int]] = {}


# The generation under way: cookiecutter makes one at a time.
_RUN: Run | None = None
# Bumped when the patches change: a newer template re-patches over an older
# one's in the same process (`cruft update` renders two versions).
GUARD_VERSION = 2


def current_run(answers) -> Run | None:
    return _RUN if _RUN is not None and _RUN.answers is answers else None


def contents(folder: str) -> tuple[set[str], set[str]]:
    """The files and the folders below `folder`, .git left out."""
    files, folders = set(), set()
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git"]
        folders.update(os.path.join(root, name) for name in dirs)
        files.update(os.path.join(root, name) for name in names)
    return files, folders


def write_whole(generate_file, run: Run, project_dir: str, infile: str, context: dict, env) -> None:
    """Have cookiecutter write the file in a scratch folder inside the
    project, then rename it over the file it replaces: a write cut short
    leaves the old file whole, and the old content is kept in `run`."""
    outfile = os.path.join(project_dir, env.from_string(infile).render(**context))
    scratch = tempfile.mkdtemp(dir=project_dir, prefix=".rocker-binder-template-")
    try:
        written = os.path.join(scratch, os.path.relpath(outfile, project_dir))
        os.makedirs(os.path.dirname(written), exist_ok=True)
        generate_file(scratch, infile, context, env)
        if os.path.isfile(outfile) and outfile not in run.replaced:
            with open(outfile, "rb") as file:
                run.replaced[outfile] = (file.read(), os.stat(outfile).st_mode)
        os.replace(written, outfile)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def undo(run: Run) -> None:
    """Put back the files this run replaced, remove those it added, and the
    folders it made that are empty then. Paths are compared as the record
    wrote them: the folder is walked from the same path it was recorded at."""
    from binder_template import hook_steps

    project_dir = run.project_dir
    for path, (data, mode) in run.replaced.items():
        replace_file(path, data, mode)
    for path in contents(project_dir)[0] - run.found:
        os.unlink(path)
    for root, dirs, _ in os.walk(project_dir, topdown=False):
        for name in dirs:
            path = os.path.join(root, name)
            if path not in run.folders and name != ".git":
                try:
                    os.rmdir(path)  # only when empty
                except OSError:
                    pass
    try:
        os.unlink(hook_steps.handoff_path(project_dir, run.answers))
    except OSError:
        pass


def note_if_different(project_dir: str, infile: str, context: dict, env) -> None:
    """With -s, a file that is there is kept: note it in the hand-off when it
    differs from what this run would write."""
    from binder_template import hook_steps

    outfile = os.path.join(project_dir, env.from_string(infile).render(**context))
    if os.path.isdir(outfile) or not os.path.isfile(outfile) or os.path.islink(outfile):
        return
    rendered = env.get_template(infile.replace(os.path.sep, "/")).render(**context)
    with open(outfile, encoding="utf-8", errors="replace", newline="") as file:
        there = file.read(len(rendered) + 4096).replace("\r\n", "\n")
    if there == rendered.replace("\r\n", "\n"):
        return
    answers = context["cookiecutter"]
    path = hook_steps.handoff_path(project_dir, answers)
    handoff = hook_steps.read_handoff(project_dir, answers)
    if handoff:
        relative = os.path.relpath(outfile, project_dir).replace(os.path.sep, "/")
        handoff["differs"] = sorted(set(handoff.get("differs", [])) | {relative})
        with open(path, "w", encoding="utf-8") as file:
            json.dump(handoff, file)


def guard_writes(generate_file):
    @functools.wraps(generate_file)
    def guarded(project_dir, infile, context, env, skip_if_file_exists=False, *args, **kwargs):
        global _RUN
        project_dir = os.path.abspath(project_dir)
        run = current_run(context.get("cookiecutter"))
        if run is None or run.project_dir != project_dir:  # a caller that made the folder some other way
            run = _RUN = Run(project_dir, context.get("cookiecutter"))
        if not run.checked:
            check = getattr(env, "binder_template_check", None)
            try:
                if check:
                    check(context.get("cookiecutter"))
            except UndefinedError:
                try:
                    undo(run)  # the folders cookiecutter has made for files
                except OSError:
                    pass
                raise
            run.checked = True
        outfile = os.path.join(project_dir, env.from_string(infile).render(**context))
        try:
            if os.path.isdir(outfile) or args or kwargs:
                return generate_file(project_dir, infile, context, env, skip_if_file_exists, *args, **kwargs)
            if skip_if_file_exists and os.path.lexists(outfile):
                try:
                    note_if_different(project_dir, infile, context, env)
                except (OSError, ValueError, UnicodeError, TemplateError):
                    pass  # only a note: the report then calls the file kept
                return None
            return write_whole(generate_file, run, project_dir, infile, context, env)
        except (OSError, UnicodeError) as err:
            message = f"error: could not write the project's files ({err})"
        except KeyboardInterrupt:
            message = "Interrupted: nothing was generated."
        # First, before cookiecutter's own report of the failure.
        print(message, file=sys.stderr)
        try:
            undo(run)
        except OSError:
            pass
        raise WriteFailed(message)

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


def guard_folders(render_and_create_dir):
    """cookiecutter renders and makes the project's own folder first, then
    each folder in it: the first call starts a new generation's record."""
    @functools.wraps(render_and_create_dir)
    def guarded(dirname, context, output_dir, *args, **kwargs):
        global _RUN
        made = render_and_create_dir(dirname, context, output_dir, *args, **kwargs)
        if os.path.basename(str(dirname)) == str(dirname):
            # As generate_files hands it to generate_file: absolute, links kept.
            _RUN = Run(os.path.abspath(made[0]), context.get("cookiecutter"))
        return made

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


def guard_interrupts(run_hook):
    @functools.wraps(run_hook)
    def guarded(*args, **kwargs):
        try:
            return run_hook(*args, **kwargs)
        except KeyboardInterrupt:
            raise FailedHookException("Interrupted: nothing was generated.") from None

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


class NoHookTraceback(logging.Filter):
    binder_template_guard = True

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Stopping generation because"):
            record.exc_info = None
            record.exc_text = None
        return True


def patch(module, name: str, guard) -> None:
    """module.name = guard(module.name), unless this or a newer version of
    the guard is there already; an older one is replaced, not wrapped."""
    current = getattr(module, name, None)
    if not callable(current):
        return  # a cookiecutter without it: left as it is
    installed = getattr(current, "binder_template_guard", 0)
    if installed < GUARD_VERSION:
        setattr(module, name, guard(current.__wrapped__ if installed else current))


def install() -> None:
    """Patch once per process, whichever version of the template asks."""
    patch(generate, "generate_file", guard_writes)
    patch(generate, "render_and_create_dir", guard_folders)
    patch(hooks, "run_hook", guard_interrupts)
    logger = logging.getLogger(hooks.__name__)
    if not any(getattr(f, "binder_template_guard", False) for f in logger.filters):
        logger.addFilter(NoHookTraceback())
