"""The R packages an existing project uses, read from its files.

Two sources, read without running R:

- the code: `library()`, `require()`, `requireNamespace()`,
  `loadNamespace()`, `pkg::`, `pacman::p_load()`,
  `tar_option_set(packages =)`, a target's `format =`, foreach's
  `.packages =` and `lapply(pkgs, library, ...)` in `.R`,
  `.Rmd`, `.qmd` and `.Rnw` files,
  with only the R chunks of the documents, as `renv::dependencies()` reads
  them;
- DESCRIPTION, the way R's `read.dcf()` reads it, with a warning where a
  field would not mean what its author meant.

The walk is bounded (files, bytes, depth) and never follows a symlink or
reads a special file: a cloned repository can carry either. The scan takes
time linear in the size of the code, whatever the code holds: no line number
is counted from the start, no pattern reads the rest of a line again for
each place it may start (benchmarks/bench_scan.py, tests/test_scan_limits.py).
"""

from __future__ import annotations

import bisect
import os
import re

from binder_template import reading
from binder_template.description_file import BASE_PACKAGES, NAME_PATTERN, PACKAGE_NAME, read_dcf
from binder_template.rerun import shell_word

CODE_SUFFIXES = (".r", ".rmd", ".qmd", ".rnw")
# Folders that hold installed packages, caches or rendered output, not code.
SKIPPED_FOLDERS = frozenset((
    ".git", "renv", "packrat", "node_modules", ".Rproj.user", "_site", "_book", "_freeze",
    ".quarto", "docs", "binder", ".binder", ".github",
))
MAX_FILES = 2000
MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 12

_LOAD_CALL = re.compile(
    r"(?<![\w.$@])(?:base::)?(library|require|requireNamespace|loadNamespace)\s*(?P<open>\()\s*"
    r"(?:package\s*=\s*)?(?P<quote>[\"']?)(?P<name>" + NAME_PATTERN + r")(?P=quote)\s*(?P<rest>[,)])")
_NAMESPACE_USE = re.compile(r"(?<![\w.$@:])(" + NAME_PATTERN + r"):::?(?=[A-Za-z._`])")
_P_LOAD = re.compile(r"(?<![\w.$@])(?:pacman::)?p_load\s*\(((?:[^()]|\([^()]*\))*)\)")
# targets::tar_option_set(packages = c("a", "b")): the packages each target
# loads. renv reads it (renv_dependencies_discover_r_targets) when the value
# is literal strings, and counts targets itself; so do we.
_TAR_OPTION_SET = re.compile(r"(?<![\w.$@])(?:targets::)?tar_option_set\s*(?P<open>\()")
_TAR_PACKAGES = re.compile(
    r"(?<![\w.])packages\s*=\s*(?:c\s*\(([^()]*)\)|([\"'][^\"'\n]*[\"'])|(?P<variable>[A-Za-z.][\w.]*))")
# foreach(..., .packages = c("a", "b")): what each worker loads.
_FOREACH_PACKAGES = re.compile(r"(?<![\w.])\.packages\s*=\s*(c\s*\([^()]*\)|[\"'][^\"'\n]*[\"'])")
# A target's storage format needs a package that nothing names: targets'
# store_get_packages() methods (R/class_<format>.R). Since targets 1.10.0
# "qs" is written with qs2; older targets used qs.
TARGETS_FORMATS = {"qs": ("qs2",), "feather": ("arrow",), "parquet": ("arrow",), "fst": ("fst",),
                   "fst_dt": ("data.table", "fst"), "fst_tbl": ("tibble", "fst"), "keras": ("keras",),
                   "torch": ("torch",), "url": ("curl",)}
# A lockfile from before targets 1.10.0 records qs, which its targets uses
# for "qs": that stands for qs2.
STANDS_FOR = {"qs2": "qs"}
_TARGETS_CALL = re.compile(r"(?<![\w.$@])(?:targets::|tarchetypes::)?tar_(?:target|option_set|map|plan)\w*\s*\(")
_TARGETS_FORMAT = re.compile(r"(?<![\w.])format\s*=\s*[\"'](" + "|".join(TARGETS_FORMATS) + r")[\"']")
# lapply(pkgs, library, character.only = TRUE): library passed to an apply,
# over c("a", "b") or a name assigned c("a", "b") in the same file. renv
# does not read these; projects that load their packages so are common.
# Also through function(x) library(x, character.only = TRUE), or \(x).
_APPLY_LOAD = re.compile(
    r"(?<![\w.$@])(?:base::|purrr::)?(?:lapply|sapply|walk|map)\s*\(\s*(?:X\s*=\s*)?"
    r"(?:(?P<vector>c\s*\([^()]*\))|(?P<variable>[A-Za-z.][\w.]*))\s*,\s*(?:FUN\s*=\s*)?"
    r"(?:(?:base::)?(?:library|require|requireNamespace)\s*[,)]"
    r"|(?:function|\\)\s*+\(\s*+(?P<arg>[A-Za-z.][\w.]*+)\s*+\)\s*+\{?+\s*+"
    r"(?:base::)?(?:library|require|requireNamespace)\s*+\(\s*+(?P=arg)\s*+[,)])")
_CHARACTER_ONLY = re.compile(r"character\.only\s*=\s*(?:TRUE|T)\b")
_CHUNK_START = re.compile(r"^\s*(`{3,})\s*\{\s*[rR](?:[\s,}])")
_RNW_START = re.compile(r"^\s*<<.*>>=\s*$")
# `r code`: the same matches as `r\s+([^`]+)`, which retried every split of
# a long run of spaces between \s+ and [^`]+.
_INLINE_R = re.compile(r"`r\s([^`]++)`")
_CHUNK_END = re.compile(r"^[\t >]*`{3,}\s*$")
_EVAL_FALSE = re.compile(r"\beval\s*=\s*(?:FALSE|F)\b")
_QUARTO_EVAL_FALSE = re.compile(r"^\s*#\|\s*eval\s*:\s*false\b")


# A comment, or a string (or `name`) to its closing quote, an unclosed one to
# the end of the code; a backslash escapes the character after it. Possessive:
# once started, a token never fails, so no text is read twice.
_COMMENT_OR_STRING = re.compile(
    r"(?P<comment>#[^\n]*+)"
    r"|\"(?P<double>(?:[^\"\\]++|\\[\s\S]?+)*+)\"?+"
    r"|'(?P<single>(?:[^'\\]++|\\[\s\S]?+)*+)'?+"
    r"|`(?P<backtick>(?:[^`\\]++|\\[\s\S]?+)*+)`?+")


def _blank(text: str) -> str:
    """Spaces for text, its line breaks kept."""
    return "\n".join(" " * len(part) for part in text.split("\n"))


# R 4.0's raw strings, r"(...)" and their kin (r'[...]', R"--{...}--"):
# quotes inside them end nothing, so their insides are blanked first.
_RAW_STRING_START = re.compile(r"(?<![\w.])[rR]([\"'])(-*)([(\[{])")
_RAW_CLOSE = {"(": ")", "[": "]", "{": "}"}


def blank_raw_strings(code: str) -> str:
    """code with the insides of its raw strings blanked. One that never
    closes is not one (R would not parse it; '[r"(]' in a regular
    expression starts none), and a closing sequence not found once is not
    looked for again: the scan stays linear."""
    parts, done, missing = [], 0, set()
    for match in _RAW_STRING_START.finditer(code):
        quote, dashes, opening = match.groups()
        closing = _RAW_CLOSE[opening] + dashes + quote
        if match.start() < done or closing in missing:
            continue  # inside a raw string already blanked, or cannot close
        end = code.find(closing, match.end())
        if end < 0:
            missing.add(closing)
            continue
        parts += [code[done:match.end()], _blank(code[match.end():end])]
        done = end
    return "".join(parts) + code[done:]


def strip_comments(code: str, blank_strings: bool = False) -> str:
    """R code with its comments blanked out, so that a '#' inside a string
    does not hide the rest of its line; with blank_strings, the insides of
    strings too, so that "pkg::fun" in a message is not a use of pkg.
    Line breaks stay where they were."""

    def blanked(match: re.Match) -> str:
        if match.group("comment") is not None:
            return " " * len(match.group())
        if not blank_strings:
            return match.group()
        name = match.lastgroup
        start, end = match.span(name)
        text, offset = match.group(), match.start()
        return text[:start - offset] + _blank(match.group(name)) + text[end - offset:]

    return _COMMENT_OR_STRING.sub(blanked, blank_raw_strings(code) if "r" in code.lower() else code)


def sexpr_parts(line: str) -> list[str]:
    """The code of each \\Sexpr{...} in a line of an .Rnw file, up to the
    first '}' after it, as a regular expression finds it, without reading the
    rest of the line again for each \\Sexpr{ that is never closed."""
    parts, at = [], 0
    while (start := line.find("\\Sexpr{", at)) >= 0:
        end = line.find("}", start + 7)
        if end < 0:
            break  # no later \Sexpr{ is closed either
        parts.append(line[start + 7:end])
        at = end + 1
    return parts


def r_parts(text: str, suffix: str) -> str:
    """The R code in a file: all of an .R file; the R chunks, inline `r `
    code and front matter (for `pkg::format` outputs) of a document, less
    the chunks marked eval=FALSE (as renv::dependencies() reads them). Lines
    keep their numbers, so locations can be reported."""
    if suffix == ".r":
        return text
    lines = text.split("\n")
    keep = [""] * len(lines)
    chunk: list[int] | None = None  # line numbers of the open R chunk
    skip = False
    in_front = bool(lines) and lines[0].strip() == "---" and suffix in (".rmd", ".qmd")
    for number, line in enumerate(lines):
        if in_front:
            if number > 0 and line.strip() in ("---", "..."):
                in_front = False
            else:
                # Only `pkg::format` outputs: YAML is not R.
                keep[number] = "; ".join(m.group(0) + "x" for m in _NAMESPACE_USE.finditer(line))
            continue
        if chunk is not None:
            # knitr ends a chunk at any line of three or more backticks.
            if (suffix == ".rnw" and line.strip() == "@") or (suffix != ".rnw" and _CHUNK_END.match(line)):
                for kept in ([] if skip else chunk):
                    keep[kept] = lines[kept]
                chunk = None
            else:
                chunk.append(number)
                skip = skip or bool(_QUARTO_EVAL_FALSE.match(line))
            continue
        start = _CHUNK_START.match(line) if suffix != ".rnw" else _RNW_START.match(line)
        if start:
            chunk, skip = [], bool(_EVAL_FALSE.search(line))
        elif suffix == ".rnw":
            keep[number] = "; ".join(sexpr_parts(line))
        else:
            keep[number] = "; ".join(_INLINE_R.findall(line))
    return "\n".join(keep)


def closing_parens(code: str) -> dict[int, int]:
    """Where each closed '(' in code is closed: the first ')' after it at its
    depth. One pass over the parentheses, strings and all, as call_rest reads
    them."""
    closes, opened = {}, []
    for match in _PARENTHESIS.finditer(code):
        if match.group() == "(":
            opened.append(match.start())
        elif opened:
            closes[opened.pop()] = match.start()
    return closes


_PARENTHESIS = re.compile(r"[()]")
CALL_REST_LIMIT = 2000


def call_end(code: str, start: int, closes: dict[int, int], opening: int) -> int:
    """Where call_rest ends, from closing_parens(code) and where the call's
    '(' is."""
    end = closes.get(opening)
    if end is not None and end < start + CALL_REST_LIMIT:
        return end + 1
    return min(len(code), start + CALL_REST_LIMIT)


def call_rest(code: str, start: int) -> str:
    """A call from start, the ',' or ')' after its first argument, to its
    closing parenthesis, at most CALL_REST_LIMIT characters."""
    # Between the call's '(' and start, there is only its first argument.
    return code[start:call_end(code, start, closing_parens(code), code.rfind("(", 0, start))]


class LineNumbers:
    """The line number of a position in a text, by bisection over where its
    lines start: counting from the start of the text for every match made the
    scan quadratic."""

    def __init__(self, text: str):
        self.breaks = [match.start() for match in re.finditer("\n", text)]

    def __call__(self, position: int) -> int:
        return bisect.bisect_left(self.breaks, position) + 1


def packages_in_code(code: str) -> list[tuple[str, int]]:
    """(package, line number) for each package the code loads."""
    scan = _CodeScan(strip_comments(code))
    return [*scan.load_calls(), *scan.namespace_uses(), *scan.p_load_calls(), *scan.apply_loads(),
            *scan.targets_options(), *scan.foreach_packages(), *scan.targets_formats()]


class _CodeScan:
    """One R file's code (comments stripped), read for each form of load.
    What more than one form needs is worked out once, when first needed:
    reading the code again for each call or name made the scan slow."""

    def __init__(self, code: str):
        self.code = code
        self.line_of = LineNumbers(code)
        # The same code with the insides of strings blanked, position for
        # position: a call that starts inside a string (cat("library(DBI)"),
        # a chunk's text written out) is not one.
        self.blanked = strip_comments(code, blank_strings=True)
        self.may_say_character_only = bool(_CHARACTER_ONLY.search(code))
        self._closes = None
        self._assignments: dict[str, list[tuple[int, str]]] | None = None
        self.tar_option_calls = 0

    def closes(self):
        """Where each call ends, found in one pass over the parentheses."""
        if self._closes is None:
            self._closes = closing_parens(self.code)
        return self._closes

    def in_a_string(self, match: re.Match) -> bool:
        return self.blanked[match.start()] != self.code[match.start()]

    def at(self, match: re.Match, names) -> list[tuple[str, int]]:
        return [(name, self.line_of(match.start())) for name in names]

    def name_in_a_variable(self, match: re.Match) -> bool:
        """library(x, character.only = TRUE), requireNamespace(x): x holds the
        name, as renv::dependencies() reads it."""
        if match.group("quote"):
            return False
        if match.group(1) in ("requireNamespace", "loadNamespace"):
            return True
        if not self.may_say_character_only:
            return False
        start = match.end("rest") - 1
        end = call_end(self.code, start, self.closes(), match.start("open"))
        return bool(_CHARACTER_ONLY.search(self.code, start, end))

    def vector_before(self, name: str, position: int) -> str:
        """The c(...) last assigned to name before position, or ""."""
        if self._assignments is None:
            self._assignments = assigned_vectors(self.code)  # every name's, in one pass
        places = self._assignments.get(name, [])
        before = bisect.bisect_left(places, (position,)) - 1
        return places[before][1] if before >= 0 else ""

    def load_calls(self) -> list[tuple[str, int]]:
        """library(x), require(x), requireNamespace("x"), ..."""
        return [(match.group("name"), self.line_of(match.start())) for match in _LOAD_CALL.finditer(self.code)
                if not self.in_a_string(match) and not self.name_in_a_variable(match)]

    def namespace_uses(self) -> list[tuple[str, int]]:
        """`pkg::` counts in code, not inside a string ("see pkg::fun()")."""
        return [(match.group(1), self.line_of(match.start())) for match in _NAMESPACE_USE.finditer(self.blanked)]

    def p_load_calls(self) -> list[tuple[str, int]]:
        found = []
        for match in _P_LOAD.finditer(self.code):
            if self.in_a_string(match):
                continue
            # p_load(pkgs, character.only = TRUE): pkgs holds the names.
            variables = bool(_CHARACTER_ONLY.search(match.group(1)))
            for item in match.group(1).split(","):
                item = item.strip()
                if variables and PACKAGE_NAME.fullmatch(item):
                    found += self.at(match, string_literals(self.vector_before(item, match.start())))
                elif PACKAGE_NAME.fullmatch(item.strip("\"'")):  # named arguments (install = FALSE) hold '='
                    found += self.at(match, [item.strip("\"'")])
        return found

    def apply_loads(self) -> list[tuple[str, int]]:
        """lapply(c("a", "b"), library, character.only = TRUE), or over a vector."""
        found = []
        for match in _APPLY_LOAD.finditer(self.code):
            if not self.in_a_string(match):
                vector = match.group("vector") or self.vector_before(match.group("variable"), match.start())
                found += self.at(match, string_literals(vector))
        return found

    def targets_options(self) -> list[tuple[str, int]]:
        """tar_option_set(packages = ...): targets, and the packages named."""
        found = []
        for match in _TAR_OPTION_SET.finditer(self.code):
            if self.in_a_string(match):
                continue
            self.tar_option_calls += 1
            found += self.at(match, ["targets"])
            # Bounded, from the one pass over the parentheses: a file of
            # unclosed calls stays linear.
            end = call_end(self.code, match.end(), self.closes(), match.start("open"))
            packages = _TAR_PACKAGES.search(self.code, match.end(), end)
            vector = ""
            if packages and packages.group("variable"):  # packages = pkgs, pkgs <- c("a", "b") above it
                vector = self.vector_before(packages.group("variable"), match.start())
            elif packages:
                vector = f"c({packages.group(1) or packages.group(2)})"
            found += self.at(match, string_literals(vector))  # literals only, as renv
        return found

    def foreach_packages(self) -> list[tuple[str, int]]:
        found = []
        for match in _FOREACH_PACKAGES.finditer(self.code):
            if not self.in_a_string(match):
                vector = match.group(1) if match.group(1).startswith("c") else f"c({match.group(1)})"
                found += self.at(match, string_literals(vector))
        return found

    def targets_formats(self) -> list[tuple[str, int]]:
        """A targets storage format brings its package (after targets_options)."""
        if not self.tar_option_calls and not _TARGETS_CALL.search(self.code):
            return []
        return [(name, self.line_of(match.start())) for match in _TARGETS_FORMAT.finditer(self.code)
                for name in TARGETS_FORMATS[match.group(1)]]


_ASSIGNED_VECTOR = re.compile(r"(?<![\w.$@])([A-Za-z.][\w.]*+)\s*+(?:<-|=)\s*+(c\s*+\([^()]*+\))")


def assigned_vectors(code: str) -> dict[str, list[tuple[int, str]]]:
    """For each name, where `name <- c(...)` (or `=`) is in the code, in
    order, and the c(...) as written: one pass over the code for all names."""
    found: dict[str, list[tuple[int, str]]] = {}
    for match in _ASSIGNED_VECTOR.finditer(code):
        found.setdefault(match.group(1), []).append((match.start(), match.group(2)))
    return found


def string_literals(vector: str) -> list[str]:
    """The package names in c("a", 'b'), when every item is a literal."""
    items = [item.strip() for item in vector[vector.find("(") + 1:-1].split(",") if item.strip()]
    if not all(len(q) >= 2 and q[0] == q[-1] and q[0] in "\"'" for q in items):
        return []
    return [q[1:-1] for q in items if PACKAGE_NAME.fullmatch(q[1:-1])]


def code_files(folder: str, skipped_at_root: frozenset[str] = frozenset()):
    """Relative paths of the R code files under folder, bounded, no symlinks;
    skipped_at_root names folders at the top that are not read."""
    count = 0
    stack = [("", 0)]
    while stack:
        relative, depth = stack.pop()
        try:
            entries = sorted(os.scandir(os.path.join(folder, relative)), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            path = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIPPED_FOLDERS and depth < MAX_DEPTH \
                        and not (depth == 0 and entry.name in skipped_at_root):
                    stack.append((path, depth + 1))
            elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(CODE_SUFFIXES):
                count += 1
                if count > MAX_FILES:
                    return
                yield path


def shown(path: str) -> str:
    """A file name from the project as the report shows names: as it is, or,
    when it holds a character a terminal could act on (an escape sequence, a
    bidi override, a line break), as the shell word the report's git commands
    give it ($'...\\u001b...'), so that it is seen and never acted on."""
    return path if path.isprintable() else shell_word(path)


def packages_used(folder: str) -> dict[str, list[str]]:
    """Each package the code loads, with where ('analysis/paper.Rmd:12'),
    each place once, base packages left out. A package's (or compendium's)
    tests/ is not read: what its tests need, DESCRIPTION's Suggests declares
    (R CMD check requires it), and its fixtures name packages that exist
    only there."""
    used: dict[str, dict[str, None]] = {}
    description = reading.read_text(os.path.join(folder, "DESCRIPTION"), MAX_FILE_BYTES)
    is_package = bool(description and read_dcf(description)[0].get("Package"))
    for path in code_files(folder, frozenset({"tests"}) if is_package else frozenset()):
        text = reading.read_text(os.path.join(folder, path), MAX_FILE_BYTES)
        if text is None:
            continue
        suffix = os.path.splitext(path)[1].lower()
        for name, line in packages_in_code(r_parts(text, suffix)):
            if name not in BASE_PACKAGES:
                # A dict keeps the order in which places were found, once each.
                used.setdefault(name, {})[f"{shown(path)}:{line}"] = None
    return {name: list(where) for name, where in sorted(used.items(), key=lambda item: item[0].lower())}
