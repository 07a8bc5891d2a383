"""What the template patches in the cookiecutter process that runs it.

Installed by the template's Jinja extension, so it applies to the cookiecutter
command, cruft and the Python API alike. A cookiecutter without the functions
patched here is left as it is.

0. Check the answers once, with every rule, before the first file is
   written: the extension gives the check (`binder_template_check` on the
   environment), and a refusal stops cookiecutter as a template error does.

1. Lose nothing the user had, and leave nothing half-written. Each file is
   written whole or not at all: cookiecutter writes it in a scratch folder,
   and it is renamed into place. The run records exactly what it wrote (the
   files it added, the folders it made) and keeps each file it replaced,
   and the README before the post-generation hook adds the badge, under a
   second name until the whole run has succeeded. A write that fails (a
   full disk, a read-only file), Ctrl-C anywhere, or a failed
   post-generation hook undoes the run with unlinks and renames alone, which
   need no free space, and never touches a file another program made
   meanwhile. The failure is then one line that says what is left, which is
   nothing, not cookiecutter's traceback or its dump of every answer.
   Whatever cookiecutter's "directory already exists" stops, it says what to
   run instead. cookiecutter's replay file is written whole too.
2. With -s, say which kept files differ from what this run would write:
   the post-generation report lists them as differing, not as kept.
3. Keep a refusal one clear block. When a hook refuses the answers, it has
   already printed every problem and the command to run again; cookiecutter
   then logs its own traceback of the hook's exit status, which says nothing
   more. That record keeps its message and loses the traceback.
"""

from __future__ import annotations

import atexit
import functools
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
import threading

from cookiecutter import generate, hooks, main, replay
from cookiecutter.exceptions import FailedHookException, OutputDirExistsException
from jinja2.exceptions import TemplateError, UndefinedError

from binder_template.atomic import is_read_only, replace_file
from binder_template.handoff import handoff_path, read_handoff


class GenerationStopped(FailedHookException):
    """The run stopped (a write failed, Ctrl-C, a hook failed) and what it
    had written was undone. cookiecutter's command prints the message alone,
    as it prints a hook's failure: no traceback, no dump of the answers."""


class HookInterrupted(FailedHookException):
    """Ctrl-C reached the hook (it exits with status 130, as a shell does)."""


# What a kept original is called while the run is under way: beside the file,
# so that keeping it needs no new folder and renaming it back no free space.
KEEP_SUFFIX = ".rocker-binder-template-keep"


class Run:
    """One generation, recorded when cookiecutter makes (or finds) its project
    folder and before anything is written into it: whether the answers were
    checked, and exactly what this run wrote. Until the run has succeeded,
    each file it replaced is kept under a second name (a hard link, or the
    original renamed away where links are not possible), so that undoing
    needs no free space: only unlinks and renames."""

    def __init__(self, project_dir: str, answers: dict, made_project: bool = False):
        self.project_dir, self.answers = project_dir, answers
        self.checked = False
        self.added: list[str] = []  # files this run created
        self.made: list[str] = [project_dir] if made_project else []  # folders it created
        self.kept: dict[str, str] = {}  # a replaced file -> its original's second name
        self.over = False

    def keep(self, path: str, move: bool = False) -> None:
        """Keep what `path` holds now, to put it back if the run fails."""
        if path in self.kept or not os.path.isfile(path) or os.path.islink(path):
            return
        folder, name = os.path.split(path)
        second = os.path.join(folder, f".{name}.{secrets.token_hex(4)}{KEEP_SUFFIX}")
        if move:
            os.rename(path, second)
        else:
            try:
                os.link(path, second)
            except OSError:  # a file system without hard links (FAT, some network drives)
                os.rename(path, second)
        self.kept[path] = second

    def succeeded(self) -> None:
        """Everything is written: the originals kept for an undo go."""
        for second in self.kept.values():
            try:
                os.unlink(second)
            except OSError:
                pass
        self.kept.clear()
        self.over = True

    def undo(self, keep_project_folder: bool = False) -> list[str]:
        """Remove the files this run added, then rename each original back
        over the file that replaced it, then remove the folders this run made
        where they are empty; a file another program made meanwhile is never
        touched. The project folder is left to cookiecutter where it removes
        it itself (a hook's failure). Returns what could not be put back."""
        left = []
        for path in reversed(self.added):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            except OSError:
                left.append(path)
        for path, second in self.kept.items():
            try:
                os.replace(second, path)
            except OSError:
                left.append(path)
        for folder in sorted(self.made, key=len, reverse=True):
            if keep_project_folder and folder == self.project_dir:
                continue
            try:
                os.rmdir(folder)  # only when empty
            except OSError:
                pass
        try:
            os.unlink(handoff_path(self.project_dir, self.answers))
        except OSError:
            pass
        self.added, self.kept, self.over = [], {}, True
        return left

    def stopped(self, why: str, keep_project_folder: bool = False) -> GenerationStopped:
        """Undo the run; the one exception that says why it stopped and,
        truly, what is left."""
        new = self.project_dir in self.made
        left = self.undo(keep_project_folder)
        if not left:
            return GenerationStopped(f"{why}: nothing was generated." if new else
                                     f"{why}: nothing was changed, every file is as it was.")
        names = ", ".join(os.path.relpath(p, self.project_dir) for p in left[:5])
        return GenerationStopped(f"{why}. These could not be put back as they were: {names}"
                                 f"{', ...' if len(left) > 5 else ''}; every other file is as it was.")


# The generation under way: cookiecutter makes one at a time.
_RUN: Run | None = None
# Bumped when the patches change: a newer template re-patches over an older
# one's in the same process (`cruft update` renders two versions). 4: the
# hand-off moved to handoff.py, which the patches import with this module, so
# that a newer version's patches left in place never look for it in an older
# version's package.
GUARD_VERSION = 4


def current_run(answers) -> Run | None:
    return _RUN if _RUN is not None and _RUN.answers is answers else None


def start_run(project_dir: str, answers: dict, made_project: bool) -> Run:
    """A new generation. One that never reached its post-generation hook (run
    with --accept-hooks no) and did not fail has succeeded."""
    global _RUN
    if _RUN is not None and not _RUN.over:
        _RUN.succeeded()
    _RUN = Run(project_dir, answers, made_project)
    return _RUN


@atexit.register
def _finish_last_run() -> None:
    if _RUN is not None and not _RUN.over:
        _RUN.succeeded()


def write_whole(generate_file, run: Run, project_dir: str, infile: str, context: dict, env) -> None:
    """Have cookiecutter write the file in a scratch folder inside the
    project, then rename it over the file it replaces: a write cut short
    leaves the old file whole, and the old file is kept until the run ends."""
    outfile = os.path.join(project_dir, env.from_string(infile).render(**context))
    relative = os.path.relpath(outfile, project_dir)
    if os.path.lexists(outfile) and is_read_only(outfile):
        raise PermissionError(f"{relative} is read-only, so it was not replaced: make it writable, "
                              "or run with -s to keep it")
    scratch = tempfile.mkdtemp(dir=project_dir, prefix=".rocker-binder-template-")
    try:
        written = os.path.join(scratch, relative)
        os.makedirs(os.path.dirname(written), exist_ok=True)
        generate_file(scratch, infile, context, env)
        existed = os.path.lexists(outfile)
        if existed:
            run.keep(outfile)
        os.replace(written, outfile)
        if not existed:
            run.added.append(outfile)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def note_if_different(project_dir: str, infile: str, context: dict, env) -> None:
    """With -s, a file that is there is kept: note it in the hand-off when it
    differs from what this run would write."""
    from binder_template.reading import NotRead, read_bytes

    outfile = os.path.join(project_dir, env.from_string(infile).render(**context))
    rendered = env.get_template(infile.replace(os.path.sep, "/")).render(**context)
    try:
        there = read_bytes(outfile, len(rendered.encode("utf-8")) + 4096, whole=False)
    except NotRead:
        return
    if there.decode("utf-8", errors="replace").replace("\r\n", "\n") == rendered.replace("\r\n", "\n"):
        return
    answers = context["cookiecutter"]
    path = handoff_path(project_dir, answers)
    handoff = read_handoff(project_dir, answers)
    if handoff:
        relative = os.path.relpath(outfile, project_dir).replace(os.path.sep, "/")
        handoff["differs"] = sorted(set(handoff.get("differs", [])) | {relative})
        with open(path, "w", encoding="utf-8") as file:
            json.dump(handoff, file)


def guard_writes(generate_file):
    @functools.wraps(generate_file)
    def guarded(project_dir, infile, context, env, skip_if_file_exists=False, *args, **kwargs):
        project_dir = os.path.abspath(project_dir)
        run = current_run(context.get("cookiecutter"))
        if run is None or run.project_dir != project_dir:  # a caller that made the folder some other way
            run = start_run(project_dir, context.get("cookiecutter"), False)
        if not run.checked:
            check = getattr(env, "binder_template_check", None)
            try:
                if check:
                    check(context.get("cookiecutter"))
            except UndefinedError:
                run.undo()  # the folders cookiecutter has made for files
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
            why = f"error: could not write the project's files ({err})"
        except KeyboardInterrupt:
            why = "Interrupted"
        raise run.stopped(why) from None

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


def guard_folders(render_and_create_dir):
    """cookiecutter renders and makes the project's own folder first, then
    each folder in it: the first call starts a new generation's record, and
    each folder it makes is recorded, to be removed if the run fails."""
    @functools.wraps(render_and_create_dir)
    def guarded(dirname, context, output_dir, *args, **kwargs):
        answers = context.get("cookiecutter")
        top = os.path.basename(str(dirname)) == str(dirname)
        try:
            made = render_and_create_dir(dirname, context, output_dir, *args, **kwargs)
        except OutputDirExistsException as err:
            raise OutputDirExistsException(already_there(str(err), answers)) from None
        # As generate_files hands it to generate_file: absolute, links kept.
        path = os.path.abspath(made[0])
        if top:
            start_run(path, answers, bool(made[1]))
        elif made[1] and current_run(answers) is not None:
            _RUN.made.append(path)
        return made

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


def already_there(message: str, answers) -> str:
    """cookiecutter's 'directory already exists', with what to run instead:
    the answers are kept, so none has to be typed again."""
    from binder_template.rerun import command_line, invocation

    if not isinstance(answers, dict):
        return message
    typed = invocation()
    name = answers.get("repo_name", "")
    if answers.get("layout") == "existing-project":
        advice = (f"To add Binder to the project in {name!r}, run this (-f -s writes into it and keeps "
                  "every file it has):")
    else:
        advice = (f"Choose another repo_name, or to write into {name!r} run this (-f writes into it; -s "
                  "keeps every file it has):")
    command = command_line(answers, set(), typed=typed)
    command = [command[0].replace(" --no-input", " --no-input -f -s", 1)] + command[1:]
    return "\n".join([message.replace("Error: ", "error: ", 1), advice, *command])


def guard_scripts(run_script):
    """cookiecutter's run_script, in a thread of its own: when Ctrl-C stops
    this process, it waits for that thread, so the hook (which Ctrl-C from a
    terminal reaches too) has ended before the run is undone, and nothing is
    writing any more. A hook that ends with the status of an interrupt (130,
    as a shell gives) says so."""
    @functools.wraps(run_script)
    def guarded(script_path, cwd="."):
        failure = []

        def call():
            try:
                run_script(script_path, cwd)
            except BaseException as err:  # noqa: BLE001 (handed to the main thread below)
                failure.append(err)

        worker = threading.Thread(target=call, daemon=True)
        worker.start()
        try:
            worker.join()
        except KeyboardInterrupt:
            worker.join()
            raise
        if failure and re.search(r"exit status: (130|-2)\)", str(failure[0])):
            raise HookInterrupted(str(failure[0]))
        if failure:
            raise failure[0]

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


def guard_hooks(run_hook):
    """Around each hook: before the post-generation hook edits the README,
    keep it, so that a failure or Ctrl-C during that hook undoes the whole
    run, the badge edit included; once that hook has succeeded, so has the
    run."""
    @functools.wraps(run_hook)
    def guarded(hook_name, project_dir, context, *args, **kwargs):
        run = current_run(context.get("cookiecutter"))
        if run is not None and hook_name == "post_gen_project":
            try:
                for name in os.listdir(project_dir):
                    if name.lower() in ("readme.md", "readme.rmd"):
                        run.keep(os.path.join(project_dir, name))
            except OSError as err:
                raise run.stopped(f"error: could not keep a copy of the README before editing it ({err})",
                                  keep_project_folder=True) from None
        try:
            run_hook(hook_name, project_dir, context, *args, **kwargs)
        except (KeyboardInterrupt, HookInterrupted):
            if run is None:
                raise FailedHookException("Interrupted.") from None
            raise run.stopped("Interrupted", keep_project_folder=True) from None
        except (FailedHookException, UndefinedError) as err:
            if run is not None and hook_name == "post_gen_project":
                raise run.stopped(f"error: the post-generation step failed ({err})",
                                  keep_project_folder=True) from None
            raise
        if run is not None and hook_name == "post_gen_project":
            run.succeeded()

    guarded.binder_template_guard = GUARD_VERSION
    return guarded


def guard_replay(dump):
    """cookiecutter saves the answers (its replay file) before writing the
    project. Written whole or not at all, so a full disk leaves the last
    replay file as it was; a failure is one line, not a traceback."""
    @functools.wraps(dump)
    def guarded(replay_dir, template_name, context):
        if "cookiecutter" not in context:
            return dump(replay_dir, template_name, context)
        path = replay.get_file_name(replay_dir, template_name)
        try:
            os.makedirs(replay_dir, exist_ok=True)
            replace_file(path, json.dumps(context, indent=2).encode("utf-8"))
        except OSError as err:
            raise GenerationStopped(f"error: could not save cookiecutter's replay file {path} ({err.strerror}). "
                                    "Nothing was changed.") from None
        return None

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
    patch(hooks, "run_hook", guard_hooks)
    patch(hooks, "run_script", guard_scripts)
    patch(main, "dump", guard_replay)
    logger = logging.getLogger(hooks.__name__)
    if not any(getattr(f, "binder_template_guard", False) for f in logger.filters):
        logger.addFilter(NoHookTraceback())
