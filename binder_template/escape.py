"""Filters that write an answer into a generated file: each escapes for the
language it writes into, so an answer is never pasted into source as-is.
They check nothing; the answers are checked once, before the first file is
written (binder_template/undoable_run.py)."""

from __future__ import annotations

_MARKDOWN_SPECIAL = set("\\`*_[]<>|~&$")
_MARKDOWN_LINE_START = set("#-+=>")
# Line breaks and non-characters that YAML would not keep as they are.
_YAML_NOT_PLAIN = {0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF}
# Characters with a meaning in GitHub Actions branch filters.
_ACTIONS_PATTERN_SPECIAL = set("*?+[]!\\")


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


def r_vector(values) -> str:
    if not values:
        return "character()"
    return "c(" + ", ".join(r_string(v) for v in values) + ")"


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
