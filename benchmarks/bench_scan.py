"""How long the package scan of an existing project takes, printed from one
run (layout=existing-project reads every R file before writing anything).

    python benchmarks/bench_scan.py [--rounds N] [--large-mb M]

1. Time per MB of code on a large synthetic project against a small one:
   equal figures mean the scan is linear in the size of the code. The
   projects mix scripts and R Markdown the way real ones do: library() and
   pkg:: calls, comments, strings, chunks, inline `r` code.
2. The issue's reproduction, a file of `ab::c` lines, against the scan this
   template had before (a copy of it is kept below as the baseline), which
   counted lines from the start of the file for every match: time per MB at
   20,000 and 80,000 lines, in the same process.
3. Hostile files, made to defeat the scan (unclosed quotes, calls and
   \\Sexpr{, runs of spaces, a 1 MB line): time per MB at 256 KB and at 1 MB,
   and, where the old scan was slow, its time per MB on a smaller pair of
   sizes where it finishes in seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from binder_template import description_file, rcode

MB = 1 << 20


# --- the scan before this change (the baseline), copied as it was ----------

def old_strip_comments(code: str, blank_strings: bool = False) -> str:
    out, quote, i = [], None, 0

    def inside(text: str) -> str:
        return "".join(c if c == "\n" or not blank_strings else " " for c in text)

    while i < len(code):
        char = code[i]
        if quote:
            if char == "\\" and i + 1 < len(code):
                out.append(inside(code[i:i + 2]))
                i += 2
                continue
            if char == quote:
                quote = None
                out.append(char)
            else:
                out.append(inside(char))
        elif char in "\"'`":
            quote = char
            out.append(char)
        elif char == "#":
            end = code.find("\n", i)
            end = len(code) if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        else:
            out.append(char)
        i += 1
    return "".join(out)


_OLD_NAME = r"[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]"
_OLD_LOAD_CALL = re.compile(
    r"(?<![\w.$@])(?:base::)?(library|require|requireNamespace|loadNamespace)\s*\(\s*"
    r"(?:package\s*=\s*)?(?P<quote>[\"']?)(?P<name>" + _OLD_NAME + r")(?P=quote)\s*(?P<rest>[,)])")
_OLD_NAMESPACE_USE = re.compile(r"(?<![\w.$@:])(" + _OLD_NAME + r"):::?(?=[A-Za-z._`])")
_OLD_P_LOAD = re.compile(r"(?<![\w.$@])(?:pacman::)?p_load\s*\(((?:[^()]|\([^()]*\))*)\)")
_OLD_INLINE_R = re.compile(r"`r\s+([^`]+)`")


def old_call_rest(code: str, start: int) -> str:
    depth = 0
    for end in range(start, min(len(code), start + 2000)):
        if code[end] == "(":
            depth += 1
        elif code[end] == ")":
            if depth == 0:
                return code[start:end + 1]
            depth -= 1
    return code[start:start + 2000]


def old_packages_in_code(code: str) -> list[tuple[str, int]]:
    code = old_strip_comments(code)
    found = []

    def line_of(position: int) -> int:
        return code.count("\n", 0, position) + 1

    for match in _OLD_LOAD_CALL.finditer(code):
        call_tail = old_call_rest(code, match.end("rest") - 1)
        if not match.group("quote") and (match.group(1) in ("requireNamespace", "loadNamespace")
                                         or rcode._CHARACTER_ONLY.search(call_tail)):
            continue
        found.append((match.group("name"), line_of(match.start())))
    for match in _OLD_NAMESPACE_USE.finditer(old_strip_comments(code, blank_strings=True)):
        found.append((match.group(1), line_of(match.start())))
    for match in _OLD_P_LOAD.finditer(code):
        for item in match.group(1).split(","):
            item = item.strip().strip("\"'")
            if description_file.PACKAGE_NAME.fullmatch(item):
                found.append((item, line_of(match.start())))
    return found


def old_r_parts(text: str, suffix: str) -> str:
    """The old r_parts for the two hostile documents below: its \\Sexpr and
    inline `r` patterns; the chunk handling is unchanged."""
    if suffix == ".r":
        return text
    pattern = r"\\Sexpr\{([^}]*)\}" if suffix == ".rnw" else _OLD_INLINE_R
    return "\n".join("; ".join(re.findall(pattern, line)) for line in text.split("\n"))


def old_dependency_parens(text: str) -> str:
    return re.sub(r"\(.*?\)", " ", text)


# --- synthetic projects -------------------------------------------------------

PACKAGES = ["dplyr", "ggplot2", "tidyr", "readr", "purrr", "stringr", "data.table", "sf", "lme4",
            "knitr", "rmarkdown", "broom", "here", "janitor", "lubridate", "patchwork", "scales"]


def r_script(rng: random.Random, size: int) -> str:
    lines, total = [], 0
    while total < size:
        pkg, other = rng.choice(PACKAGES), rng.choice(PACKAGES)
        line = rng.choice((
            f"library({pkg})",
            f"suppressPackageStartupMessages(require(\"{pkg}\"))",
            f"result <- {pkg}::summarise(data, mean = mean(x, na.rm = TRUE))  # see {other}::help",
            f"message(\"{other}::not_a_call, # not a comment\")",
            "# A comment: don't read library(fake) here",
            f"model_{total} <- lm(y ~ x + z, data = subset(df, group == 'a'))",
            "for (i in seq_len(n)) {\n  total <- total + i\n}",
            f"plot <- {pkg}::ggplot(df, aes(x, y)) + {other}::theme_minimal()",
            "",
        ))
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines) + "\n"


def r_markdown(rng: random.Random, size: int) -> str:
    parts, total = ["---\ntitle: Report\noutput: bookdown::html_document2\n---\n"], 0
    while total < size:
        chunk = r_script(rng, 600)
        text = (f"\nSome prose with `r nrow({rng.choice(PACKAGES)}::tbl)` rows.\n\n"
                f"```{{r analysis-{total}}}\n{chunk}```\n")
        parts.append(text)
        total += len(text)
    return "".join(parts)


def make_project(folder: Path, files: int, file_size: int, seed: int) -> int:
    """A project of `files` files of about `file_size` bytes each, one in
    four R Markdown; its size in bytes."""
    rng = random.Random(seed)
    total = 0
    for number in range(files):
        document = number % 4 == 3
        path = folder / ("analysis" if document else "R") / f"part{number}.{'Rmd' if document else 'R'}"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (r_markdown if document else r_script)(rng, file_size)
        path.write_text(text)
        total += len(text.encode())
    return total


def seconds(function, *args, rounds: int = 1) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def project_table(rounds: int, large_mb: int) -> list[tuple[str, str]]:
    scratch = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    try:
        small_size = make_project(scratch / "small", 20, 5 * 1024, seed=1)
        large_files = max(4, large_mb)
        large_size = make_project(scratch / "large", large_files, MB, seed=2)
        rcode.packages_used(str(scratch / "small"))  # warm caches
        small = seconds(rcode.packages_used, str(scratch / "small"), rounds=rounds)
        large = seconds(rcode.packages_used, str(scratch / "large"), rounds=max(1, rounds // 5))
    finally:
        shutil.rmtree(scratch)
    small_per_mb, large_per_mb = small / (small_size / MB), large / (large_size / MB)
    caps = large_per_mb * rcode.MAX_FILES * rcode.MAX_FILE_BYTES / MB
    return [
        (f"small project ({small_size / 1024:.0f} KB, 20 files)",
         f"{small * 1000:.0f} ms = {small_per_mb:.3f} s per MB"),
        (f"large project ({large_size / MB:.0f} MB, {large_files} files of 1 MB)",
         f"{large:.2f} s = {large_per_mb:.3f} s per MB"),
        ("time per MB, large / small (1.0x = linear)", f"{large_per_mb / small_per_mb:.2f}x"),
        (f"at the caps ({rcode.MAX_FILES} files of {rcode.MAX_FILE_BYTES // MB} MB), from the large figure",
         f"about {caps / 60:.0f} min"),
    ]


def line_number_table() -> list[tuple[str, str]]:
    rows = []
    per_mb = {}
    for lines in (20_000, 80_000):
        text = "ab::c\n" * lines
        size = len(text) / MB
        new = seconds(scan, text, ".r", rounds=3)
        old = seconds(scan, text, ".r", True)
        assert rcode.packages_in_code(text) == old_packages_in_code(text)
        per_mb[lines] = (new / size, old / size)
        rows.append((f"`ab::c` x {lines:,} lines ({len(text) / 1024:.0f} KB): new / old scan",
                     f"{new:.3f} s / {old:.2f} s = {old / new:.0f}x faster"))
    (new_small, old_small), (new_large, old_large) = per_mb[20_000], per_mb[80_000]
    rows.append(("time per MB, 80,000 lines / 20,000 lines: new, old (1.0x = linear)",
                 f"{new_large / new_small:.2f}x, {old_large / old_small:.2f}x"))
    return rows


def hostile(kind: str, size: int) -> tuple[str, str]:
    """A file of about `size` bytes made to defeat one pattern."""
    def fill(unit: str, prefix: str = "") -> str:
        return prefix + unit * max(1, (size - len(prefix)) // len(unit))
    return {
        "unclosed quotes": (fill("'\"`x\\"), ".r"),
        "one 1-line file of `ab::c; `": (fill("ab::c; "), ".r"),
        "unclosed library(ab, ( calls": (fill("library(ab, ("), ".r"),
        "the same, the file saying character.only": (fill("library(ab, (", "character.only = TRUE\n"), ".r"),
        "unclosed p_load( with (x) groups": (fill("(x)", "p_load("), ".r"),
        "one long name, no ::": (fill("a"), ".r"),
        "library( then spaces": (fill(" ", "library("), ".r"),
        "unclosed \\Sexpr{ in an .Rnw line": (fill("\\Sexpr{"), ".rnw"),
        "`r then spaces in an .Rmd line": (fill(" ", "`r"), ".rmd"),
        "DESCRIPTION Imports: ((((": (fill("("), "DESCRIPTION"),
    }[kind]


def scan(text: str, suffix: str, old: bool = False):
    if suffix == "DESCRIPTION":
        return old_dependency_parens(text) if old else description_file.without_parentheses(text)
    if old:
        return old_packages_in_code(old_r_parts(text, suffix))
    return rcode.packages_in_code(rcode.r_parts(text, suffix))


# The old scan on a pair of sizes where it finishes in seconds: the cases
# with a quadratic pattern, and the call tails it read again for each call.
OLD_SIZES = {
    "one 1-line file of `ab::c; `": (64 * 1024, 256 * 1024),
    "unclosed library(ab, ( calls": (16 * 1024, 64 * 1024),
    "unclosed \\Sexpr{ in an .Rnw line": (8 * 1024, 32 * 1024),
    "`r then spaces in an .Rmd line": (4 * 1024, 16 * 1024),
    "DESCRIPTION Imports: ((((": (8 * 1024, 32 * 1024),
}


def hostile_table() -> list[tuple[str, str]]:
    rows = []
    kinds = ["unclosed quotes", "one 1-line file of `ab::c; `", "unclosed library(ab, ( calls",
             "the same, the file saying character.only", "unclosed p_load( with (x) groups", "one long name, no ::",
             "library( then spaces", "unclosed \\Sexpr{ in an .Rnw line", "`r then spaces in an .Rmd line",
             "DESCRIPTION Imports: (((("]
    for kind in kinds:
        figures = []
        for size in (MB // 4, MB):
            text, suffix = hostile(kind, size)
            figures.append(seconds(scan, text, suffix) / (len(text) / MB))
        value = f"{figures[1]:.3f} s per MB at 1 MB; per MB, 1 MB / 256 KB: {figures[1] / figures[0]:.2f}x"
        if kind in OLD_SIZES:
            old = []
            for size in OLD_SIZES[kind]:
                text, suffix = hostile(kind, size)
                old.append(seconds(scan, text, suffix, True) / (len(text) / MB))
            small, large = (f"{s // 1024} KB" for s in OLD_SIZES[kind])
            value += f"; old: {old[1]:.1f} s per MB at {large}, per MB {large} / {small}: {old[1] / old[0]:.1f}x"
        rows.append((f"hostile: {kind}", value))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--large-mb", type=int, default=32, help="size of the large project (files of 1 MB)")
    args = parser.parse_args()
    rows = project_table(args.rounds, args.large_mb) + line_number_table() + hostile_table()
    width = max(len(name) for name, _ in rows)
    print(f"median of {args.rounds} rounds (small project); Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")
    print(f"{'measure':<{width}}  result")
    print(f"{'-' * width}  {'-' * 30}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
