"""What to print when answers are refused: the problems, then the command
that asks again with every other answer kept, so fixing one is one edit.

The answers are pasted into a command line, so each is shell-quoted, and
text a terminal could act on (escape sequences, bidi overrides) is written
as `$'\\u....'` escapes, which bash and zsh read back as the same text.
"""

from __future__ import annotations

import json
import os
import shlex

from binder_template.answers import TEMPLATE_ROOT, Problem


def shell_word(text: str) -> str:
    """`text` as one shell word that shows nothing a terminal acts on."""
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


def command_line(answers: dict, marked: set[str], template_root: str = TEMPLATE_ROOT) -> list[str]:
    """The cookiecutter command with each answer that is not the default,
    and a line of '^' under the answers to fix."""
    with open(os.path.join(template_root, "cookiecutter.json"), encoding="utf-8") as config_file:
        config = json.load(config_file)
    words = ["cookiecutter", "--no-input", shell_word(str(answers.get("_template") or "TEMPLATE"))]
    under = [" " * len(word) for word in words]
    for name, default in config.items():
        if name.startswith("_") or name not in answers:
            continue
        value = answers[name]
        default = default[0] if isinstance(default, list) else default
        if value == default and name not in marked:
            continue
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        word = f"{name}={shell_word(text)}"
        words.append(word)
        under.append(("^" if name in marked else " ") * len(word))
    return ["  " + " ".join(words), ("  " + " ".join(under)).rstrip()]


def refusal(problems: list[Problem], answers: dict) -> str:
    """Every problem, then how to run again with the other answers kept."""
    plural = "s" if len(problems) > 1 else ""
    lines = [str(problem) for problem in problems]
    lines.append(f"Nothing was generated. Fix the answer{plural} marked below and run:")
    lines += command_line(answers, {problem.answer for problem in problems})
    return "\n".join(lines)
