"""Adding Binder to a project that already exists (layout=existing-project).

The files go into binder/ and .github/, and cookiecutter's -f -s never
overwrites one that is there. The one change made to a file of the user's is
the badge, in the README (and in the R Markdown file in a subfolder that
README.md is knitted from), the way usethis places it: inside the
`<!-- badges: start -->` ... `<!-- badges: end -->` block when there is one,
otherwise in a new block right after the first heading. README.Rmd is the
source usethis edits when it exists (README.md is knitted from it).
"""

from __future__ import annotations

import os
import re

from binder_template import rcode, reading
from binder_template.atomic import is_read_only, replace_file
from binder_template.reading import NotRead, read_bytes

# A README larger than this is not one a person wrote: it is left alone.
README_LIMIT = 8 << 20
START, END = "<!-- badges: start -->", "<!-- badges: end -->"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
# The badge this template writes (launch.badge_markdown), for any target: a
# hand-made badge usually opens a file (labpath=...) or no urlpath at all.
_OUR_BADGE = re.compile(r"^\[!\[Binder\]\((https://[^()\s]+)/badge_logo\.svg\)\]"
                        r"\((\1/v2/gh/[^()\s?]+\?urlpath=(?:rstudio|lab|tree|shiny/))\)$")
# A launch link of any Binder badge (mybinder.org or another BinderHub).
_LAUNCH_URL = re.compile(r"https?://[^\s()<>\"'\]]+/v2/(?:gh|gl|git|zenodo|figshare|hydroshare|dataverse|ckan)/"
                         r"[^\s()<>\"'\]]+")


def present(project_dir, names) -> list[str]:
    return [name for name in names if os.path.lexists(os.path.join(project_dir, name))]


def readme_to_edit(project_dir) -> str | None:
    """README.Rmd (the source usethis edits) or README.md, in any case."""
    try:
        names = sorted(os.listdir(project_dir))
    except OSError:
        return None
    for wanted in ("readme.rmd", "readme.md"):
        for name in names:
            path = os.path.join(project_dir, name)
            if name.lower() == wanted and (os.path.isfile(path) or os.path.islink(path)):
                return name
    return None


def markdown_lines(lines: list[str]) -> list[bool]:
    """Which lines are Markdown text, not YAML front matter, code fences or
    HTML comments, where neither a heading nor a badges block can be."""
    text = [True] * len(lines)
    index = 0
    if lines and lines[0].strip() == "---":
        index = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        text[:index] = [False] * index
    fence, comment = None, False
    for i in range(index, len(lines)):
        line = lines[i]
        if comment:
            text[i] = False
            comment = "-->" not in line
            continue
        marker = _FENCE.match(line)
        if fence:
            text[i] = False
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence, text[i] = marker.group(1), False
        elif line.lstrip().startswith("<!--") and line.strip() not in (START, END):
            text[i] = False
            comment = "-->" not in line.split("<!--", 1)[1]
    return text


def front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        return next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    return 0


def first_heading(lines: list[str]) -> int | None:
    """The line that ends the first heading, ATX (# Title) or setext (Title
    over ===), outside front matter, code fences and HTML comments."""
    text = markdown_lines(lines)
    for i, line in enumerate(lines):
        if not text[i]:
            continue
        if _ATX_HEADING.match(line):
            return i
        if (i + 1 < len(lines) and text[i + 1] and line.strip() and _SETEXT_UNDERLINE.match(lines[i + 1])
                and not _FENCE.match(line) and not (i > 0 and text[i - 1] and lines[i - 1].strip())):
            return i + 1
    return None


def hub_and_repository(link: str) -> tuple[str, list[str]]:
    """A /v2/gh/ launch link's BinderHub and owner/name (GitHub's names are
    case-insensitive)."""
    hub, _, path = link.partition("/v2/gh/")
    return hub.lower(), path.lower().split("/")[:2]


def same_repository(url: str, launch: str) -> bool:
    """Whether two launch links open the same repository on the same
    BinderHub, at any branch."""
    return hub_and_repository(url) == hub_and_repository(launch)


def for_another_repository(url: str, badge: str) -> bool:
    """Whether a launch link opens another GitHub repository than our badge,
    on any BinderHub."""
    ours = _OUR_BADGE.match(badge)
    return "/v2/gh/" in url and bool(ours) and hub_and_repository(url)[1] != hub_and_repository(ours.group(2))[1]


class BadgeEdit:
    """What adding the badge to a README does: the new text (None when it
    already has the badge), the badge of ours it replaced, other Binder
    badges it found; and the R Markdown file README.md is knitted from,
    when that is not README.Rmd, given the badge too (source)."""

    def __init__(self, text: str | None, replaced: str | None, others: list[str]):
        self.text, self.replaced, self.others = text, replaced, others
        self.source: str | None = None
        self.badge_added = text is not None
        # The archive badge: "added", "replaced", "present" (there already) or "" (not placed).
        self.beside = ""


# usethis's README.Rmd template says so in README.md; so do many others.
_GENERATED_FROM = re.compile(r"generated from\s+([\w./-]+\.[RrQq]md)\b")
_MARKDOWN_OUTPUT = re.compile(r"\b(?:github_document|md_document|gfm|commonmark|markdown_github)\b")
# Where the knit writes: ../README.md, or the output folder is the root
# (output_dir = here::here(), or "..").
_WRITES_ROOT_README = re.compile(r"\.\./README\.md|output_dir\s*[=:]\s*(?:here::)?here\s*\(\s*\)|output_dir\s*[=:]\s*[\"']\.\./?[\"']",
                                 re.IGNORECASE)


def writes_markdown(project_dir, path: str) -> str:
    """The text of an R Markdown file whose front matter writes markdown, or ""."""
    text = reading.read_text(os.path.join(project_dir, path), 65536) or ""
    lines = text.splitlines()
    return text if _MARKDOWN_OUTPUT.search("\n".join(lines[:front_matter_end(lines)])) else ""


def knitted_from(project_dir, readme: str) -> str | None:
    """The R Markdown file in a subfolder that README.md is knitted from:
    the one README.md names ("generated from rmd/readme.Rmd"), when it is a
    file inside the project that writes markdown; else the one document
    whose front matter writes markdown and whose text writes the root's
    README.md (output_file = "../README.md", output_dir = here::here()).
    Symbolic links are not followed. The next knit would drop a badge put
    only into README.md."""
    if readme.lower() != "readme.md":
        return None
    said = _GENERATED_FROM.search(reading.read_text(os.path.join(project_dir, readme), 4096) or "")
    path = said.group(1).removeprefix("./") if said else ""
    root = os.path.realpath(project_dir)
    if "/" in path and not os.path.isabs(path) and ".." not in path.split("/") \
            and os.path.realpath(os.path.join(root, path)) == os.path.join(root, path) \
            and os.path.isfile(os.path.join(root, path)) and writes_markdown(root, path):
        return path
    found = [path for path in rcode.code_files(str(project_dir))
             if "/" in path and path.lower().endswith((".rmd", ".qmd"))
             and _WRITES_ROOT_README.search(writes_markdown(project_dir, path))]
    return found[0] if len(found) == 1 else None


def with_badge(text: str, badge: str) -> BadgeEdit:
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom):]
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    markdown = markdown_lines(lines)
    ours = _OUR_BADGE.match(badge)
    launch = ours.group(2) if ours else badge
    others = [url for i, line in enumerate(lines) if markdown[i]
              for url in _LAUNCH_URL.findall(line) if url != launch]
    # A badge like ours for another repository (a course's, say), or on
    # another BinderHub, is the user's own: only one that launches this
    # repository on this hub is replaced.
    ours_before = [i for i, line in enumerate(lines) if markdown[i] and _OUR_BADGE.match(line.strip())
                   and same_repository(_OUR_BADGE.match(line.strip()).group(2), launch)]
    # A badge or link already there: on a line of its own, in a sentence, in HTML.
    if any(markdown[i] and (line.strip() == badge or launch in line) for i, line in enumerate(lines)):
        return BadgeEdit(None, None, others)
    # One is this template's, from a run for another branch; several are a
    # README that launches each of its branches on purpose: all stay.
    if len(ours_before) == 1:
        i = ours_before[0]
        replaced = _OUR_BADGE.match(lines[i].strip()).group(2)
        ending = lines[i][len(lines[i].rstrip("\r\n")):]
        lines[i] = lines[i][: len(lines[i]) - len(lines[i].lstrip())] + badge + ending
        return BadgeEdit(bom + "".join(lines), replaced, [u for u in others if u != replaced])
    start = next((i for i, line in enumerate(lines) if markdown[i] and line.strip() == START), None)
    end = next((i for i, line in enumerate(lines) if markdown[i] and line.strip() == END
                and start is not None and i > start), None)
    if start is not None and end is not None:
        return BadgeEdit(bom + "".join(lines[:end] + [badge + newline] + lines[end:]), None, others)
    block = [START + newline, badge + newline, END + newline]
    heading = first_heading(lines)
    after = heading + 1 if heading is not None else front_matter_end(lines)
    if after == 0:
        return BadgeEdit(bom + "".join(block + [newline] + lines), None, others)
    before = lines[:after]
    if not before[-1].endswith(("\n", "\r")):
        before[-1] += newline
    rest = lines[after:]
    gap = [newline] if rest and rest[0].strip() else []
    return BadgeEdit(bom + "".join(before + [newline] + block + gap + rest), None, others)


# The archive badge this template writes (launch.zenodo_badge_markdown).
_OUR_ARCHIVE_BADGE = re.compile(r"^\[!\[Binder: archived release\]\((https://[^()\s]+)/badge_logo\.svg\)\]"
                                r"\(\1/v2/zenodo/10\.5281/zenodo\.\d+\?urlpath=(?:rstudio|lab|tree|shiny/)\)$")


def with_badges(text: str, badge: str, beside: str | None = None) -> BadgeEdit:
    """with_badge, then `beside`, the badge that launches the archived
    release: nothing when the README launches that DOI already (on any hub,
    any page), unless it is this template's badge for another page; in place
    of this template's one archive badge for an earlier DOI; else on the
    line after ours, when ours is a line of its own."""
    edit = with_badge(text, badge)
    if beside is None:
        return edit
    launch = _LAUNCH_URL.search(beside).group(0)
    doi = launch.split("/v2/zenodo/", 1)[1].split("?", 1)[0].lower()
    edit.others = [url for url in edit.others if "/v2/zenodo/" not in url]
    current = text if edit.text is None else edit.text
    lines = current.splitlines(keepends=True)
    markdown = markdown_lines(lines)
    this_doi = re.compile(rf"/v2/zenodo/{re.escape(doi)}(?![0-9])", re.IGNORECASE)
    launching = [i for i, line in enumerate(lines) if markdown[i] and this_doi.search(line)]
    ours = [i for i, line in enumerate(lines) if markdown[i] and _OUR_ARCHIVE_BADGE.match(line.strip())]
    if launching:
        # This DOI is there: only this template's own badge for it, for
        # another page, is changed.
        other_page = [i for i in launching if i in ours and lines[i].strip() != beside]
        if any(lines[i].strip() == beside for i in launching) or not other_page:
            edit.beside = "present"
            return edit
        at, edit.beside = other_page[0], "replaced"
    elif len(ours) == 1:
        at, edit.beside = ours[0], "replaced"  # this template's badge for an earlier DOI
    else:
        at = None
    newline = "\r\n" if "\r\n" in current else "\n"
    if at is None:
        ours_branch = next((i for i, line in enumerate(lines) if markdown[i] and line.strip() == badge), None)
        if ours_branch is None:
            return edit
        if not lines[ours_branch].endswith(("\n", "\r")):
            lines[ours_branch] += newline
        lines.insert(ours_branch + 1, beside + newline)
        edit.beside = "added"
    else:
        ending = lines[at][len(lines[at].rstrip("\r\n")):]
        lines[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + beside + ending
    edit.text = "".join(lines)
    return edit


class BadgeNotWritten(Exception):
    """The README could not be read as UTF-8 text, or not written back."""


def add_badge(project_dir, badge: str, beside: str | None = None) -> tuple[str | None, BadgeEdit | None]:
    """(README found or None, the edit made), `beside` as with_badges puts
    it. The README is written to a temporary file beside it and renamed into
    place, so a failed write leaves it as it was; BadgeNotWritten says why
    there was no edit."""
    name = readme_to_edit(project_dir)
    if name is None:
        return None, None
    path = os.path.join(project_dir, name)
    # Only a README read whole is written back, and only one its owner can write.
    try:
        raw = read_bytes(path, README_LIMIT)
    except NotRead as err:
        raise BadgeNotWritten(f"{name} {err}, so it was not changed") from None
    if is_read_only(path):
        raise BadgeNotWritten(f"{name} is read-only, so it was not changed")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadgeNotWritten(f"{name} is not UTF-8 text, so it was not changed") from None
    edit = with_badges(text, badge, beside)
    if edit.text is not None:
        try:
            replace_file(path, edit.text.encode("utf-8"))
        except OSError as err:
            raise BadgeNotWritten(f"{name} could not be written ({err.strerror}), so it was not "
                                  "changed") from None
    edit.source = badge_into_source(project_dir, knitted_from(project_dir, name), badge, beside)
    return name, edit


def badge_into_source(project_dir, source: str | None, badge: str, beside: str | None = None) -> str | None:
    """The badge into the document README.md is knitted from; that
    document's path, or None when there is none or it could not be edited
    (README.md has the badge either way)."""
    if source is None:
        return None
    path = os.path.join(project_dir, source)
    try:
        text = read_bytes(path, README_LIMIT).decode("utf-8")
    except (NotRead, UnicodeDecodeError):
        return None
    edit = with_badges(text, badge, beside)
    if edit.text is not None:
        if is_read_only(path):
            return None
        try:
            replace_file(path, edit.text.encode("utf-8"))
        except OSError:
            return None
    return source
