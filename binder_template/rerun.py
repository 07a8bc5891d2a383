"""What to print when answers are refused: the problems, then the command
that asks again with every other answer kept, so fixing one is one edit.

The answers are pasted into a command line, so each is shell-quoted, and
text a terminal could act on (escape sequences, bidi overrides) is written
as `$'\\u....'` escapes, which bash and zsh read back as the same text (on
Windows, PowerShell's quoting and `u{...} escapes).
"""

from __future__ import annotations

import os
import re
import shlex

from binder_template.answers import TEMPLATE_ROOT, Problem, load_config

WINDOWS = os.name == "nt"
# Words PowerShell and POSIX shells alike read as they are (a comma would
# make a PowerShell array).
_PLAIN_WORD = re.compile(r"[A-Za-z0-9_./:=@%+-]+")
_PS_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
_PS_DOUBLE_QUOTES = '"\u201c\u201d\u201e'


def shell_word(text: str, windows: bool = WINDOWS) -> str:
    """`text` as one shell word that shows nothing a terminal acts on: for
    bash and zsh, or on Windows for PowerShell, its default shell."""
    if windows:
        return powershell_word(text)
    if all(char.isprintable() for char in text):
        return shlex.quote(text)
    escaped = []
    for char in text:
        if char in "\\'":
            escaped.append("\\" + char)
        elif char.isprintable():
            escaped.append(char)
        elif ord(char) <= 0xFFFF:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(f"\\U{ord(char):08x}")
    return "$'" + "".join(escaped) + "'"


def powershell_word(text: str) -> str:
    """PowerShell's quoting: '...' is literal, with each quote mark doubled
    (PowerShell also reads the curly ones as quotes); text with characters a
    terminal acts on goes in "..." with `u{...} escapes."""
    if _PLAIN_WORD.fullmatch(text):
        return text
    if all(char.isprintable() for char in text):
        return "'" + "".join(char * 2 if char in _PS_SINGLE_QUOTES else char for char in text) + "'"
    escaped = []
    for char in text:
        if char in _PS_DOUBLE_QUOTES or char in "`$":
            escaped.append("`" + char)
        elif char.isprintable():
            escaped.append(char)
        else:
            escaped.append(f"`u{{{ord(char):x}}}")
    return '"' + "".join(escaped) + '"'


def line_continuation(windows: bool = WINDOWS) -> str:
    return " `" if windows else " \\"


# An extra-context answer on cookiecutter's command line: name=value.
_ANSWER_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
# Defaults that stand for "read it from git" (layout=existing-project).


def command_of(pid: int) -> list[str]:
    """A process's command line, from Linux's /proc; [] elsewhere."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            return [os.fsdecode(word) for word in file.read(1 << 20).split(b"\0")[:-1]]
    except OSError:
        return []


def invocation(pids=None) -> list[str] | None:
    """The command cookiecutter was started with, as the user typed it: this
    process's, when this is cookiecutter (rendering), or its parent's, when
    this is a hook (cookiecutter runs hooks as children). Linux shows it in
    /proc; None elsewhere, or when cookiecutter was called from Python."""
    for pid in pids or (os.getpid(), os.getppid()):
        words = command_of(pid)
        for i, word in enumerate(words):
            if os.path.basename(word) == "cookiecutter" and (i == 0 or words[i - 1] != "-m"):
                return words[i:]  # a console script: its path as the user typed it
            if word == "cookiecutter" and i > 0 and words[i - 1] == "-m":
                return ["python3", "-m", "cookiecutter", *words[i + 1:]]
    return None


def command_line(answers: dict, marked: set[str], template_root: str = TEMPLATE_ROOT,
                 typed: list[str] | None = None) -> list[str]:
    """The command to run again: the one the user typed, with its options,
    template and answers, and --no-input; then every other answer that is
    not what its default renders to (changed_answers), as after an
    interactive run. The answers to fix come last, on a line
    of their own marked by a comment (a mark under them would move when a
    terminal wraps the line)."""
    config = load_config(template_root)

    def word(name: str) -> str:
        value = answers[name]
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return f"{name}={shell_word(text)}"

    if typed:
        words = [shell_word(w) for w in typed if not _ANSWER_WORD.match(w)]
        if "--no-input" not in typed[1:]:
            words.insert(3 if typed[1:3] == ["-m", "cookiecutter"] else 1, "--no-input")
        given = [w.split("=", 1)[0] for w in typed[1:] if _ANSWER_WORD.match(w)]
    else:
        # Where the command line cannot be read (macOS, Windows), the options
        # a run needs are known from the answers: an existing project is
        # written into (-f -s), in the folder cookiecutter wrote to.
        words = ["cookiecutter", "--no-input"]
        if answers.get("layout") == "existing-project":
            words += ["-f", "-s"]
        if answers.get("_output_dir"):
            words += ["--output-dir", shell_word(str(answers["_output_dir"]))]
        words.append(shell_word(str(answers.get("_template") or "TEMPLATE")))
        given = []
    # Then every other answer that differs from what its default renders to:
    # the ones typed at the prompts, or on the command line of an
    # interactive run, which prompts for the rest.
    given += changed_answers(config, answers)
    words += [word(name) for name in dict.fromkeys(given) if name in answers and name not in marked]
    to_fix = [word(name) for name in config if name in marked and name in answers]
    if not to_fix:
        return ["  " + " ".join(words)]
    return ["  " + " ".join(words) + line_continuation(), "    " + " ".join(to_fix) + "   # <- fix " +
            ("this answer" if len(to_fix) == 1 else "these answers")]


def changed_answers(config: dict, answers: dict) -> list[str]:
    """The questions, in cookiecutter.json's order, whose answer differs from
    the default a run with --no-input would give it. A computed default
    (repo_name from project_name, the branch from the layout) is rendered
    as cookiecutter renders it, from the answers before it: an answer that
    matches it is left out, so it goes on following them; one typed over
    it (repo_name=stat101, branch=mian) is kept."""
    render = default_renderer()
    so_far: dict = {}
    changed = []
    for name, raw in config.items():
        if name.startswith("_"):
            continue
        default = raw[0] if isinstance(raw, list) else raw
        if isinstance(default, str) and "{{" in default:
            default = render(default, so_far)
        if name in answers:
            so_far[name] = answers[name]
            if answers[name] != default:
                changed.append(name)
    return changed


def default_renderer():
    """cookiecutter's own rendering of a default (cookiecutter.prompt's
    render_variable, in a StrictEnvironment with its default extensions,
    which give `slugify`); without cookiecutter, no default is taken as
    matched."""
    try:
        from cookiecutter.environment import StrictEnvironment
        from cookiecutter.prompt import render_variable
        from jinja2.exceptions import TemplateError
    except ImportError:
        return lambda raw, so_far: None
    env = StrictEnvironment(context={}, keep_trailing_newline=True)

    def render(raw: str, so_far: dict):
        try:
            return render_variable(env, raw, dict(so_far))
        except (TemplateError, TypeError, ValueError, UnicodeError):
            return None  # no default to compare with: the answer is kept

    return render


def refusal(problems: list[Problem], answers: dict) -> str:
    """Every problem, then how to run again with the other answers kept."""
    plural = "s" if len(problems) > 1 else ""
    lines = [str(problem) for problem in problems]
    lines.append(f"Nothing was generated. Fix the answer{plural} marked below and run:")
    lines += command_line(answers, {problem.question for problem in problems}, typed=invocation())
    return "\n".join(lines)


# The words cookiecutter reads as yes and no (cookiecutter.prompt.YesNoPrompt).
YES_NO = ("1", "true", "t", "yes", "y", "on", "0", "false", "f", "no", "n", "off")


def yes_no_refusal(words: list[str] | None, template_root: str = TEMPLATE_ROOT) -> str | None:
    """The refusal for a yes/no answer given on the command line as a word
    cookiecutter cannot read (prebuilt_image=ture), or None. cookiecutter
    converts these answers in generate_context, before any code of the
    template runs, and stops with a traceback: only code that runs first (a
    pre_prompt hook) can say it in one line. `words` is the command as the
    user typed it (invocation())."""
    if not words:
        return None
    config = load_config(template_root)
    from binder_template.answers import EXAMPLES

    answers: dict = {}
    for word in words[1:]:
        if _ANSWER_WORD.match(word):
            name, value = word.split("=", 1)
            answers[name] = value
    problems = [Problem(name, value, "answer yes or no (true or false)", EXAMPLES.get(name, "true"))
                for name, value in answers.items()
                if isinstance(config.get(name), bool) and value.strip().lower() not in YES_NO]
    if not problems:
        return None
    plural = "s" if len(problems) > 1 else ""
    lines = [str(problem) for problem in problems]
    lines.append(f"Nothing was generated. Fix the answer{plural} marked below and run:")
    lines += command_line(answers, {problem.question for problem in problems}, template_root, words)
    return "\n".join(lines)
