"""A package's DESCRIPTION, read the way R's `read.dcf()` reads it, without
running R: the packages it declares (Depends, Imports, LinkingTo, Suggests),
its Remotes, and a warning where a field would not mean what its author
meant."""

from __future__ import annotations

import os
import re

from binder_template import reading

# R's base packages (priority "base"): always there, never installed.
BASE_PACKAGES = frozenset((
    "R", "base", "compiler", "datasets", "grDevices", "graphics", "grid", "methods", "parallel",
    "splines", "stats", "stats4", "tcltk", "tools", "utils",
))
# A package name, as R allows it.
NAME_PATTERN = r"[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]"
PACKAGE_NAME = re.compile(NAME_PATTERN)

DEPENDENCY_FIELDS = ("Depends", "Imports", "LinkingTo", "Suggests")
_FIELD = re.compile(r"^([^\s:][^:]*):[ \t]*(.*)$")


def read_dcf(text: str) -> tuple[dict[str, str], list[str], list[str]]:
    """DESCRIPTION's fields as read.dcf() reads them: a repeated field keeps
    its last value; a blank line starts another record, whose fields are
    joined to the first record's (install.R reads them the same way). Then
    warnings, for what R would read otherwise than its author meant, and
    errors, for lines read.dcf() refuses."""
    records: list[dict[str, str]] = [{}]
    warnings: list[str] = []
    errors: list[str] = []
    current = None
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            if records[-1]:
                warnings.append(f"DESCRIPTION line {number} is blank: R reads the fields after it as a "
                                "second record, and R CMD check refuses the file; install.R reads both")
                records.append({})
            current = None
            continue
        if line[0] in " \t":
            if current is None:
                errors.append(f"DESCRIPTION line {number} continues no field, and R's read.dcf() cannot read "
                              "the file: indent only the lines that continue a field")
                continue
            records[-1][current] += "\n" + line.strip()
            continue
        match = _FIELD.match(line)
        if not match:
            errors.append(f"DESCRIPTION line {number} is not 'Field: value', and R's read.dcf() cannot read "
                          "the file: indent it if it continues the field above")
            current = None
            continue
        current = match.group(1)
        records[-1][current] = match.group(2).strip()
    fields: dict[str, str] = {}
    for record in records:
        for name, value in record.items():
            fields[name] = f"{fields[name]},{value}" if name in fields and name != "Package" else \
                fields.get(name, value)
    return fields, warnings, errors


def without_parentheses(text: str) -> str:
    """text with each '(...)' replaced by a space, within a line: what
    re.sub(r"\\(.*?\\)", " ", text) gives, without reading the rest of the
    line again for each '(' that is never closed."""
    lines = []
    for line in text.split("\n"):
        pieces = line.split(")")
        kept = []
        for piece in pieces[:-1]:  # each ends where a ')' was
            opening = piece.find("(")
            kept.append(piece[:opening] + " " if opening >= 0 else piece + ")")
        lines.append("".join(kept) + pieces[-1])
    return "\n".join(lines)


def dependency_names(field: str, value: str) -> tuple[list[str], list[str]]:
    """Package names in a Depends/Imports/LinkingTo/Suggests value, and
    warnings for items that hold several names without commas."""
    names, warnings = [], []
    for item in value.split(","):
        item = without_parentheses(item).strip()
        if not item:
            continue
        words = item.split()
        if len(words) > 1 and all(PACKAGE_NAME.fullmatch(w) for w in words):
            warnings.append(f"DESCRIPTION {field}: {' '.join(words)!r} has no commas between the names: "
                            f"R reads it as one name; install.R reads {', '.join(words)}")
        names += [w for w in words if PACKAGE_NAME.fullmatch(w)]
    return names, warnings


def remote_package(spec: str) -> tuple[str, str | None]:
    """(type, package name or None) for one Remotes entry, in remotes'
    syntax: [pkg=][type::]spec, type github (the default), gitlab,
    bitbucket, git, bioc, url, local, svn or cran."""
    spec = spec.strip()
    name = None
    named = re.match(r"^(" + NAME_PATTERN + r")=(.*)$", spec)
    if named:
        name, spec = named.group(1), named.group(2)
    typed = re.match(r"^([a-z]+)(?:@[^:]*)?::(.*)$", spec)
    kind, spec = (typed.group(1), typed.group(2)) if typed else ("github", spec)
    named = re.match(r"^(" + NAME_PATTERN + r")=(.*)$", spec)
    if named:
        name, spec = named.group(1), named.group(2)
    if name:
        return kind, name
    if kind == "bioc":
        return kind, spec.rsplit("@", 1)[-1].rsplit("/", 1)[-1] or None
    if kind in ("url", "local"):
        base = re.sub(r"(_[^_]*)?\.(tar\.gz|tgz|zip)$", "", spec.rstrip("/").rsplit("/", 1)[-1])
        return kind, base or None
    if kind == "cran":
        return kind, spec
    if kind in ("git", "svn"):  # a URL, which may hold a user@ of its own
        return kind, re.sub(r"\.git$", "", re.split(r"[/:]", spec.rstrip("/"))[-1]) or None
    # owner/repo[/subdir][@ref|#pr]: the package is named after the repository
    # far more often than after a subfolder such as r/ or pkg/.
    parts = re.split(r"[@#]", spec, maxsplit=1)[0].strip("/").split("/")
    return kind, parts[1] if len(parts) > 1 else None


def read_description(folder: str) -> dict:
    """What DESCRIPTION says, read once: its own package name, the packages
    it requires (Depends, Imports, LinkingTo), every package it names (the
    four fields, its own name: its code uses itself), warnings (blank lines,
    missing commas, remotes Binder cannot use) and errors (lines R cannot
    read)."""
    found = {"name": None, "required": set(), "declared": set(), "warnings": [], "errors": []}
    text = reading.read_text(os.path.join(folder, "DESCRIPTION"), 256 * 1024)
    if text is None:
        return found
    fields, warnings, errors = read_dcf(text)
    declared = {fields.get("Package", "")}
    for field in DEPENDENCY_FIELDS:
        names, problems = dependency_names(field, fields.get(field, ""))
        declared |= set(names)
        warnings += problems
        if field != "Suggests":
            found["required"] |= set(names) - BASE_PACKAGES
    for spec in filter(None, (s.strip() for s in fields.get("Remotes", "").split(","))):
        kind, package = remote_package(spec)
        if kind == "local":
            warnings.append(f"DESCRIPTION Remotes: {spec!r} is a local path, which is not in the image "
                            "when install.R runs: install.R skips it")
        elif package and package not in declared:
            warnings.append(f"DESCRIPTION Remotes: {spec!r} is for {package}, which no dependency field "
                            "names: install.R installs it only if the code loads it")
    found.update(name=fields.get("Package"), declared=declared, warnings=warnings, errors=errors)
    return found
