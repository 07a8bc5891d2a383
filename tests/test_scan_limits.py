"""What an existing project's files cannot do to the survey
(layout=existing-project): make the package scan quadratic or worse, pass
off a broken renv.lock, or put escape codes on the user's terminal through a
file name. Driven through the functions, and for what the user sees,
through the README's command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from binder_template import description_file, rcode, reading, renv_lock, survey
from binder_template.rerun import shell_word
from tests.conftest import TEMPLATE_ROOT
from tests.helpers import add_binder, git

ESCAPES = "\x1b[2J\x1b[1;1H\x1b]0;owned\x07"  # clear the screen, home, set the title, bell


# --- the scan is linear in the size of the code -------------------------------

class Tally:
    """Characters handed to a scanning primitive (a regular expression, a
    str method), each time: what the scan reads, without a clock."""

    def __init__(self) -> None:
        self.chars = 0


class CountedText(str):
    """A str whose scanning methods add what they may read to a tally."""

    tally: Tally

    def _read(self, start=None, end=None) -> None:
        first, last, _ = slice(start, end).indices(len(self))
        self.tally.chars += max(0, last - first)

    def count(self, sub, start=None, end=None):
        self._read(start, end)
        return str.count(self, sub, start, end)

    def find(self, sub, start=None, end=None):
        self._read(start, end)
        return str.find(self, sub, start, end)

    def rfind(self, sub, start=None, end=None):
        self._read(start, end)
        return str.rfind(self, sub, start, end)

    def index(self, sub, start=None, end=None):
        self._read(start, end)
        return str.index(self, sub, start, end)

    def rindex(self, sub, start=None, end=None):
        self._read(start, end)
        return str.rindex(self, sub, start, end)

    def split(self, *args, **kwargs):
        self._read()
        return str.split(self, *args, **kwargs)

    def splitlines(self, *args, **kwargs):
        self._read()
        return str.splitlines(self, *args, **kwargs)

    def __getitem__(self, key):
        part = str.__getitem__(self, key)
        self.tally.chars += len(part)
        return part

    def __iter__(self):
        self._read()
        return str.__iter__(self)


def counted(text: str, tally: Tally) -> CountedText:
    text = CountedText(text)
    text.tally = tally
    return text


class CountedPattern:
    """A compiled pattern that adds the length of what it searches to a tally."""

    def __init__(self, pattern: re.Pattern, tally: Tally):
        self.pattern, self.tally = pattern, tally

    def _scan(self, string, pos=0, endpos=sys.maxsize) -> None:
        self.tally.chars += max(0, min(endpos, len(string)) - pos)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self.pattern.finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self.pattern.findall(string, pos, endpos)

    def search(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self.pattern.search(string, pos, endpos)

    def match(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self.pattern.match(string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        self._scan(string, pos, endpos)
        return self.pattern.fullmatch(string, pos, endpos)

    def sub(self, repl, string, count=0):
        self._scan(string)
        return self.pattern.sub(repl, string, count)

    def split(self, string, maxsplit=0):
        self._scan(string)
        return self.pattern.split(string, maxsplit)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


class CountedRe:
    """The re module, its searches counted."""

    def __init__(self, tally: Tally):
        self.tally = tally

    def __getattr__(self, name):
        return getattr(re, name)

    def compile(self, pattern, flags=0):
        return CountedPattern(re.compile(pattern, flags), self.tally)

    def finditer(self, pattern, string, flags=0):
        return self.compile(pattern, flags).finditer(string)

    def findall(self, pattern, string, flags=0):
        return self.compile(pattern, flags).findall(string)

    def search(self, pattern, string, flags=0):
        return self.compile(pattern, flags).search(string)

    def match(self, pattern, string, flags=0):
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern, string, flags=0):
        return self.compile(pattern, flags).fullmatch(string)

    def sub(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).sub(repl, string, count)

    def split(self, pattern, string, maxsplit=0, flags=0):
        return self.compile(pattern, flags).split(string, maxsplit)


def scan_work(monkeypatch, module, text: str) -> tuple[list, int]:
    """packages_in_code's result, and how many characters it handed to
    regular expressions and str methods: the code it strips of comments is a
    CountedText, and every pattern of the module and its `re` count."""
    tally = Tally()
    with monkeypatch.context() as patch:
        strip = module.strip_comments
        patch.setattr(module, "strip_comments",
                      lambda code, blank_strings=False: counted(strip(code, blank_strings), tally))
        patch.setattr(module, "re", CountedRe(tally))
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                patch.setattr(module, name, CountedPattern(value, tally))
        found = module.packages_in_code(text)
    return found, tally.chars


# Each a unit repeated n times, and what one unit is found to load.
LINEAR_CASES = {
    # The reproduction: each match counted its line from the start.
    "lines of ab::c": ("ab::c\n", [("ab", 1)]),
    "one line of ab::c;": ("ab::c; ", [("ab", 1)]),
    "library() calls in scripts": ("x <- 1\nlibrary(dplyr)\ny <- ggplot2::qplot(x)\n",
                                   [("dplyr", 2), ("ggplot2", 3)]),
    # Each call's rest was read again, up to 2,000 characters, per call.
    "unclosed library(ab, ( calls": ("library(ab, (", [("ab", 1)]),
}


@pytest.mark.parametrize("case", LINEAR_CASES, ids=list(LINEAR_CASES))
def test_the_scan_reads_each_character_a_bounded_number_of_times(monkeypatch, case):
    unit, per_unit = LINEAR_CASES[case]
    lines_per_unit = unit.count("\n")
    work = {}
    for n in (2000, 8000):
        text = unit * n
        found, work[n] = scan_work(monkeypatch, rcode, text)
        # Right, with every line number.
        expected = [(name, line + k * lines_per_unit) for k in range(n) for name, line in per_unit]
        assert sorted(found) == sorted(expected)
        # A few passes over the code, whatever its size.
        assert work[n] <= 16 * len(text), (n, work[n] / len(text))
    # Four times the code, four times the reading.
    assert work[8000] <= 4.4 * work[2000], work[8000] / work[2000]


# The patterns that backtracked (the old forms in comments), each on about
# 1 MB made to defeat it. The old forms need from minutes to hours here; the
# scan needs well under a second. The CPU limit only stops a run that hangs.
HOSTILE = {
    # re.findall(r"\\Sexpr\{([^}]*)\}", line): every \Sexpr{ read the rest of its line.
    "unclosed-sexpr": 'from binder_template import rcode\n'
                      'text = "\\\\Sexpr{" * 150_000\n'
                      'assert rcode.packages_in_code(rcode.r_parts(text, ".rnw")) == []',
    # `r\s+([^`]+)`: every split of the spaces between \s+ and [^`]+ was tried.
    "inline-r-spaces": 'from binder_template import rcode\n'
                       'text = "`r" + " " * 1_000_000 + "x"\n'
                       'assert rcode.packages_in_code(rcode.r_parts(text, ".rmd")) == []',
    # re.sub(r"\(.*?\)", " ", item): every '(' read the rest of its line.
    "description-parentheses": 'import os, sys\n'
                               'from binder_template import description_file\n'
                               'folder = sys.argv[1]\n'
                               'with open(os.path.join(folder, "DESCRIPTION"), "w") as file:\n'
                               '    file.write("Package: p\\nImports: " + "(" * 250_000 + "\\n")\n'
                               'assert description_file.read_description(folder)["declared"] == {"p"}',
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_code_does_not_hang_the_scan(tmp_path, case):
    import resource

    def limit_cpu():
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    result = subprocess.run([sys.executable, "-c", HOSTILE[case], str(tmp_path)], cwd=TEMPLATE_ROOT,
                            capture_output=True, text=True, preexec_fn=limit_cpu, timeout=600)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])


@pytest.mark.parametrize("line", [
    "`r  `r library(ab)`",  # the old pattern's match ended at the second backquote
    "`r nrow(ab::x)` and `r   ` and `r cd::y`",
    "`r\tef::z`",
])
def test_inline_r_code_is_read_as_before(line):
    old = "\n".join("; ".join(re.findall(r"`r\s+([^`]+)`", part)) for part in line.split("\n"))
    assert rcode.packages_in_code(rcode.r_parts(line, ".rmd")) == rcode.packages_in_code(old)


@pytest.mark.parametrize("text", ["a (>= 1.0), b(<2)", "((a)", ")x(", "a (b\nc) d", "(a)(b)(c", ""])
def test_parentheses_are_dropped_as_before(text):
    assert description_file.without_parentheses(text) == re.sub(r"\(.*?\)", " ", text)


# --- where packages are loaded: each place once, and shown safely --------------

def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text))
    return folder


def test_a_package_used_twice_on_a_line_is_listed_at_that_line_once(tmp_path):
    write(tmp_path, {"R/models.R": "\n" * 9 + "library(ggplot2); fit <- ggplot2::ggplot(d) + ggplot2::geom_point()\n"
                                  "ggplot2::theme_bw(); ggplot2::theme_bw()\n"})
    assert rcode.packages_used(str(tmp_path)) == {"ggplot2": ["R/models.R:10", "R/models.R:11"]}


def test_file_names_are_shown_escaped_and_package_names_are_plain(tmp_path):
    name = f"{ESCAPES}clear.R"
    write(tmp_path, {name: "library(ggplot2)\n", "R/\u202etxt.R": "dplyr::filter(x)\n",
                     "plain name.R": "tidyr::gather(x)\n"})
    used = rcode.packages_used(str(tmp_path))
    assert used == {"dplyr": [shell_word("R/\u202etxt.R") + ":1"],
                    "ggplot2": [shell_word(name) + ":1"],
                    "tidyr": ["plain name.R:1"]}
    assert used["ggplot2"] == ["$'\\u001b[2J\\u001b[1;1H\\u001b]0;owned\\u0007clear.R':1"]
    for package, where in used.items():
        assert description_file.PACKAGE_NAME.fullmatch(package) and package.isascii()
        assert all(place.isprintable() for place in where)


# --- every read goes through binder_template/reading.py ----------------------

def test_every_file_the_survey_reads_goes_through_the_one_reader(tmp_path, monkeypatch):
    project = write(tmp_path / "p", {
        "analysis.R": "library(ab)\n", "doc/report.Rmd": "```{r}\nlibrary(cd)\n```\n",
        "DESCRIPTION": "Package: p\nImports: ef\n", "renv.lock": '{"Packages": {"ab": {}}}\n',
        "runtime.txt": "r-4.1.2\n", "apt.txt": "libgsl-dev\n", "install.R": "# mine\n",
    })
    through_reader, opened = [], []
    read_bytes, os_open = reading.read_bytes, os.open

    def recorded_read_bytes(path, *args, **kwargs):
        through_reader.append(os.path.realpath(path))
        return read_bytes(path, *args, **kwargs)

    def recorded_open(path, *args, **kwargs):
        opened.append(os.path.realpath(path))
        return os_open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "read_bytes", recorded_read_bytes)
    monkeypatch.setattr(os, "open", recorded_open)
    found = survey.survey(str(project), {"r_version": "4.1.2", "apt_packages": "ffmpeg"}, ["4.1.2"])
    inside = [path for path in opened if path.startswith(os.path.realpath(project) + os.sep)]
    assert found["renv"] and {"analysis.R", "doc/report.Rmd", "DESCRIPTION", "renv.lock", "runtime.txt",
                              "apt.txt", "install.R"} <= {os.path.relpath(p, project) for p in inside}
    assert set(inside) <= set(through_reader), sorted(set(inside) - set(through_reader))


def test_a_code_file_is_read_up_to_the_limit(tmp_path):
    (tmp_path / "big.R").write_text("x <- 1\n" * (rcode.MAX_FILE_BYTES // 7) + "library(late)\n" * 10)
    (tmp_path / "small.R").write_text("library(early)\n")
    assert rcode.packages_used(str(tmp_path)) == {"early": ["small.R:1"]}


# --- renv.lock: valid, or refused with one line ------------------------------

@pytest.mark.parametrize("text,expected", [
    ('{"Packages": {', "renv.lock is not valid JSON (line 1, column 15: Expecting property name enclosed in "
                      "double quotes): "),
    ('{"Packages": ' + "[" * 100_000 + "]" * 100_000 + "}", "renv.lock is not a lockfile renv writes (its "
                                                           "values nest deeper than Python's JSON reader goes"),
    ('["ab"]', 'renv.lock is not a lockfile (a JSON object whose "Packages" is an object): '),
    ('{"Packages": ["ab"]}', 'renv.lock is not a lockfile (a JSON object whose "Packages" is an object): '),
], ids=["cut-off", "deep", "a-list", "packages-a-list"])
def test_a_broken_renv_lock_is_refused_with_one_line(tmp_path, text, expected):
    (tmp_path / "renv.lock").write_text(text)
    _, problem = renv_lock.read_renv_lock(str(tmp_path))
    assert problem.startswith(expected) and "\n" not in problem, problem
    assert problem.endswith("run renv::snapshot() to write it again, or git rm renv.lock if the project no "
                            "longer uses renv")


@pytest.mark.parametrize("text,expected", [
    ('{"R": {"Version": "4.4.0"}, "Packages": {"ab": {}, "cd": {}}}\n', ["ab", "cd"]),
    ('\ufeff{"Packages": {"ab": {}}}', ["ab"]),  # a byte order mark, as some editors write
    ('{"R": {"Version": "4.4.0"}}', []),
], ids=["lockfile", "byte-order-mark", "no-packages"])
def test_a_valid_renv_lock_is_read(tmp_path, text, expected):
    (tmp_path / "renv.lock").write_text(text, encoding="utf-8")
    assert renv_lock.read_renv_lock(str(tmp_path)) == (expected, None)
    assert survey.renv_lock_packages(str(tmp_path)) == expected


def test_no_renv_lock_is_no_renv(tmp_path):
    assert renv_lock.read_renv_lock(str(tmp_path)) == (None, None)


# --- as the user runs it -------------------------------------------------------

def project(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = write(tmp_path / "analysis", {"README.md": "# Analysis\n", **files})
    git(folder, "init", "-q", "-b", "main")
    git(folder, "remote", "add", "origin", "https://github.com/octo-cat/analysis.git")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "start")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


@pytest.mark.parametrize("lock,expected", [
    ('{"Packages": {', "renv.lock is not valid JSON (line 1, column 15: "),
    ('{"Packages": ' + "[" * 100_000 + "]" * 100_000 + "}", "renv.lock is not a lockfile renv writes ("),
], ids=["cut-off", "deep"])
def test_the_command_refuses_a_broken_renv_lock_in_one_line_and_writes_nothing(tmp_path, lock, expected):
    folder = project(tmp_path, {"analysis.R": "library(tinyA)\n", "renv.lock": lock})
    before = snapshot(folder)
    result = add_binder(folder)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "RecursionError" not in output, output
    lines = [line for line in output.splitlines() if "renv.lock" in line]
    assert len(lines) == 1 and expected in lines[0], output
    assert lines[0].startswith("error: layout = 'existing-project': renv.lock ")
    # Refused, not blamed on the packages.
    assert "does not record" not in output
    assert snapshot(folder) == before


def test_the_report_shows_a_file_name_with_escape_codes_escaped(tmp_path):
    name = f"{ESCAPES}clear.R"
    folder = project(tmp_path, {name: "library(tinyA)\nx <- tinyB::f(1); tinyB::g(2)\n"})
    result = add_binder(folder)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", output), output
    shown = shell_word(name)
    assert f"  tinyA  ({shown}:1)\n" in result.stdout
    assert f"  tinyB  ({shown}:2)\n" in result.stdout  # once, though used twice on the line
    # What is written is the package names alone.
    install_r = (folder / "binder/install.R").read_text()
    assert '"tinyA"' in install_r and "\x1b" not in install_r


def test_a_valid_renv_lock_still_goes_through_the_command(tmp_path):
    lock = {"R": {"Version": "4.4.0"}, "Packages": {"tinyA": {"Package": "tinyA", "Version": "0.0.1"}}}
    folder = project(tmp_path, {"analysis.R": "library(tinyA)\nlibrary(tinyB)\n",
                                "renv.lock": json.dumps(lock, indent=2)})
    result = add_binder(folder, "r_version=4.4.0")
    assert result.returncode == 0, result.stderr
    assert "renv.lock does not record: tinyB" in result.stdout
