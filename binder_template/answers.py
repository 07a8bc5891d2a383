"""Every rule an answer must pass, as pure functions.

The pre-generation hook, the rendering (once, before the first file is
written: binder_template/filters.py's check_answers) and the tests
all call validate_answers, so a rule is written once. Each ``*_error``
function returns ``None`` for a good value and otherwise a short sentence
naming the rule the value breaks.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

# Plain classes and os.path rather than dataclasses and pathlib: every hook
# run imports this module, and those imports alone would double its cost.
TEMPLATE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Limits for free text: long enough for any real title or sentence, short
# enough that a pasted file is caught.
TEXT_LIMITS = {"project_name": 100, "description": 300, "author_name": 100}
# A valid answer for each question, shown beside every error.
EXAMPLES = {
    "project_name": "Soil moisture course",
    "description": "Exercises for week 3, in R.",
    "author_name": "Ada Lovelace",
    "repo_name": "my-binder-project",
    "github_user": "octo-cat",
    "branch": "main",
    "r_packages": "dplyr, r-lib/cli@v3.6.3, bioc::DESeq2",
    "apt_packages": "libgsl-dev, ffmpeg",
    "binderhub_url": "https://mybinder.org",
    "github_actions": "true",
    "prebuilt_image": "false",
    "online_checks": "true",
    "zenodo_doi": "10.5281/zenodo.3242074",
}

# GitHub sign-up rules: 1 to 39 ASCII letters, digits and single hyphens, no
# hyphen at either end.
_GITHUB_USER = re.compile(r"[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}")
_GITHUB_REPO = re.compile(r"[A-Za-z0-9._-]{1,100}")
# Writing R Extensions 1.1.1.
_R_PACKAGE = re.compile(r"[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]")
# Debian policy 5.6.1.
_DEBIAN_PACKAGE = re.compile(r"[a-z0-9][a-z0-9+.-]+")
_HOSTNAME = re.compile(
    r"(?=.{1,253}\Z)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
)
# Only characters that need no escaping in a URL, Markdown link or YAML.
_URL_PATH = re.compile(r"(?:/[A-Za-z0-9._~-]+)*/?")
# Characters git refuses anywhere in a ref name (git-check-ref-format(1)).
_GIT_FORBIDDEN = set(" ~^:?*[\\\x7f") | {chr(c) for c in range(0x20)}
ITEM_SEPARATOR = re.compile(r"[,\s]+")
# A DOI Zenodo mints: its prefix 10.5281, then zenodo. and the record's
# number. BinderHub's Zenodo provider resolves it at doi.org and builds the
# record whose number ends the address it lands on (repoproviders.py,
# ZenodoProvider). Given bare, as doi:..., or as a doi.org address.
_ZENODO_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.5281/zenodo\.[1-9][0-9]{0,11})", re.IGNORECASE)
# A path component of an image name (distribution's reference grammar).
_IMAGE_NAME_PART = re.compile(r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*")
# With prebuilt_image, the branch the workflow points at the published image.
PREBUILT_BRANCH = "binder"
# Defaults of layout=existing-project, read from the project's git: the
# GitHub owner of its 'origin' remote, and the branch checked out.
FROM_ORIGIN = "(from the origin remote)"
CHECKED_OUT = "(the checked-out branch)"
# Unicode's explicit bidirectional formatting characters (UAX #9).
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Problem:
    """One bad answer, ready to print as one line."""

    __slots__ = ("example", "question", "rule", "value")

    def __init__(self, question: str, value: object, rule: str, example: str):
        self.question, self.value, self.rule, self.example = question, value, rule, example

    def __repr__(self) -> str:
        return f"Problem({self.question!r}, {self.value!r}, {self.rule!r}, {self.example!r})"

    def __str__(self) -> str:
        return (
            f"error: {self.question} = {shorten(answer_text(self.value))}: {self.rule}"
            f" (for example: {self.example})"
        )


def answer_text(value: object) -> str:
    """An answer as the user writes it: a yes/no answer as true or false
    (not Python's True), anything else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def load_config(template_root: str = TEMPLATE_ROOT) -> dict:
    """cookiecutter.json as written: the questions, their defaults and choices."""
    with open(os.path.join(template_root, "cookiecutter.json"), encoding="utf-8") as config_file:
        return json.load(config_file)


def load_choices(template_root: str = TEMPLATE_ROOT) -> dict[str, list[str]]:
    """The choice lists of cookiecutter.json: the one place they are written."""
    return {key: value for key, value in load_config(template_root).items() if isinstance(value, list)}


def github_user_error(value: str) -> str | None:
    if _GITHUB_USER.fullmatch(value):
        return None
    return (
        "a GitHub user or organisation is 1 to 39 letters, digits and single "
        "hyphens, not starting or ending with a hyphen"
    )


def github_repo_error(value: str) -> str | None:
    if not _GITHUB_REPO.fullmatch(value):
        return "a GitHub repository name is 1 to 100 ASCII letters, digits, '.', '-' or '_'"
    if value in (".", ".."):
        return "a GitHub repository cannot be named '.' or '..'"
    for suffix in (".git", ".wiki"):
        if value.lower().endswith(suffix):
            return f"a GitHub repository name cannot end in '{suffix}'"
    return None


# What repo_name is with layout=existing-project: the project folder's name.
FOLDER_EXAMPLE = 'repo_name="$(basename "$PWD")", run inside your project\'s folder'


def folder_name_error(value: str) -> str | None:
    """A folder's name, as `basename "$PWD"` gives it: any name but a path."""
    if not value:
        return "it cannot be empty: it is your project folder's name"
    if value in (".", "..") or "/" in value or "\\" in value or "\0" in value:
        return "it is your project folder's name, not a path"
    return text_error(value, 255)


def branch_error(value: str) -> str | None:
    """Mirror of `git check-ref-format --branch` (git 2.39), outside a repository."""
    rule = branch_rule_broken(value)
    return None if rule is None else f"not a valid git branch name: {rule}"


def workflow_branch_error(branch: str, github_actions: object) -> str | None:
    """The workflows name the branch, and GitHub reads ${{ ... }} in them as
    an expression, whatever the quoting."""
    if "${{" in branch and github_actions is not False:
        return "with github_actions, it cannot hold '${{': GitHub Actions would read what follows as an expression"
    return None


def branch_rule_broken(name: str) -> str | None:
    if not name:
        return "it is empty"
    if name.startswith("-"):
        return "it starts with '-'"
    if name == "HEAD":
        return "'HEAD' is reserved"
    bad = sorted({c for c in name if c in _GIT_FORBIDDEN})
    if bad:
        return f"it contains {', '.join(map(repr, bad))}"
    if ".." in name:
        return "it contains '..'"
    if "@{" in name:
        return "it contains '@{'"
    if name.endswith("/") or name.startswith("/") or "//" in name:
        return "it has an empty part between '/'"
    if name.endswith("."):
        return "it ends with '.'"
    for part in name.split("/"):
        if part.startswith("."):
            return "a part between '/' starts with '.'"
        if part.endswith(".lock"):
            return "a part between '/' ends with '.lock'"
    return None


def r_package_error(value: str) -> str | None:
    if _R_PACKAGE.fullmatch(value):
        return None
    return (
        "an R package name has letters, digits and '.', starts with a letter "
        "and does not end with '.'"
    )


def debian_package_error(value: str) -> str | None:
    if _DEBIAN_PACKAGE.fullmatch(value):
        return None
    return (
        "a Debian package name is at least 2 lowercase letters, digits, '+', "
        "'-' or '.', starting with a letter or digit"
    )


def text_error(value: str, limit: int, required: bool = False) -> str | None:
    if required and not value.strip():
        return "it cannot be empty"
    if len(value) > limit:
        return f"keep it to {limit} characters or fewer (it has {len(value)})"
    for char in value:
        # Cc: controls, newlines, tabs; Zl/Zp: Unicode line and paragraph
        # breaks; and the bidi controls, which make text display in another
        # order than it is written. (Other format characters, such as the
        # zero-width joiners some scripts need, are allowed.)
        if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS:
            return f"it must be one line without control characters (found {char!r})"
    return None


def binderhub_url_error(value: str) -> str | None:
    # Checked on the value as typed: urlsplit drops tabs and line breaks.
    if any(is_control(char) for char in value):
        return "a URL cannot hold spaces, tabs, line breaks or other control characters"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return "it is not a URL"
    if parts.scheme != "https":
        return "a BinderHub URL starts with https://"
    if parts.username is not None or parts.password is not None:
        return "a BinderHub URL cannot carry a user name or password"
    if not parts.hostname or not _HOSTNAME.fullmatch(parts.hostname):
        return "a BinderHub URL needs a host name"
    if port is not None and not 0 < port < 65536:
        return "the port is out of range"
    if "?" in value or "#" in value:
        return "a BinderHub URL has no query (?) or fragment (#)"
    if not _URL_PATH.fullmatch(parts.path):
        return "the path may only hold letters, digits, '.', '_', '~', '-' and '/'"
    return None


def is_control(char: str) -> bool:
    """Controls (C0 and C1), format characters such as bidi overrides, and
    line and paragraph separators: none belongs in a one-line answer."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def unwritable_error(value: str) -> str | None:
    """Text that cannot be written as UTF-8: an invalid byte on the command
    line, or from a terminal that is not UTF-8, arrives as a lone surrogate."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return ("it holds bytes that are not valid UTF-8 (check your terminal's "
                "encoding, or type the answer again)")
    return None


def zenodo_doi_error(value: str) -> str | None:
    # Spaces around a pasted DOI are dropped; a line break is not a DOI's.
    if value.strip(" ") and not _ZENODO_DOI.fullmatch(value.strip(" ")):
        return ("it is not a Zenodo DOI: give the DOI shown on the record's Zenodo page, "
                "10.5281/zenodo. and a number, or leave it empty")
    return None


def normalise_zenodo_doi(value: str) -> str:
    """The DOI alone, as Zenodo writes it ("" for none)."""
    match = _ZENODO_DOI.fullmatch(value.strip(" "))
    return match.group(1).lower() if match else ""


def normalise_binderhub_url(value: str) -> str:
    """The hub's base URL as a browser writes it, without a trailing '/'
    (launch paths are appended): scheme and host in lower case, no empty
    port. The workflows' scripts take only that form."""
    parts = urlsplit(value)  # the host is a DNS name (binderhub_url_error)
    netloc = parts.hostname + (f":{parts.port}" if parts.port is not None else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", "")).rstrip("/")


class RPackages:
    """R packages by where they come from, each a tuple in the order given."""

    __slots__ = ("bioc", "cran", "github")

    def __init__(self, cran: tuple = (), github: tuple = (), bioc: tuple = ()):
        self.cran, self.github, self.bioc = cran, github, bioc

    def __bool__(self) -> bool:
        return bool(self.cran or self.github or self.bioc)


def split_items(text: str) -> list[str]:
    """Comma- or space-separated items, empty ones dropped, duplicates once."""
    return list(dict.fromkeys(item for item in ITEM_SEPARATOR.split(text) if item))


def r_item_error(item: str) -> str | None:
    if item.startswith("bioc::"):
        error = r_package_error(item[len("bioc::") :])
        return None if error is None else f"after 'bioc::', {error}"
    if "/" in item:
        return github_spec_error(item)
    return r_package_error(item)


def github_spec_error(item: str) -> str | None:
    spec, _, ref = item.partition("@")
    owner, _, repo = spec.partition("/")
    if "/" in repo:
        return "a GitHub package is written owner/repo or owner/repo@ref"
    for error in (github_user_error(owner), github_repo_error(repo)):
        if error:
            return f"in a GitHub package owner/repo@ref, {error}"
    if "@" in item:
        rule = branch_rule_broken(ref)
        if rule:
            return f"in a GitHub package owner/repo@ref, the ref is {rule}"
    return None


def parse_r_packages(text: str) -> RPackages:
    """Sort valid items by where they come from. Call after validation."""
    cran, github, bioc = [], [], []
    for item in split_items(text):
        if item.startswith("bioc::"):
            bioc.append(item[len("bioc::") :])
        elif "/" in item:
            github.append(item)
        else:
            cran.append(item)
    return RPackages(tuple(cran), tuple(github), tuple(bioc))


def validate_answers(answers: dict, choices: dict[str, list[str]] | None = None) -> list[Problem]:
    """Every problem in the answers, in the order cookiecutter asks the questions."""
    choices = load_choices() if choices is None else choices
    problems: list[Problem] = []

    # An answer that cannot be written is reported for that alone.
    unwritable = set()
    for name, value in answers.items():
        error = unwritable_error(value) if isinstance(value, str) and not name.startswith("_") else None
        if error:
            unwritable.add(name)
            problems.append(Problem(name, value, error, EXAMPLES.get(name, "plain text")))

    def check(name: str, error: str | None, example: str, value: object = None) -> None:
        if error and name not in unwritable:
            problems.append(Problem(name, answers.get(name) if value is None else value, error, example))

    for name, limit in TEXT_LIMITS.items():
        value = answers.get(name)
        if not isinstance(value, str):
            check(name, "it must be text", EXAMPLES[name])
            continue
        check(name, text_error(value, limit, required=name == "project_name"), EXAMPLES[name])

    repo_name = str(answers.get("repo_name", ""))
    # An empty project_name makes the default repo_name empty too: that is
    # one mistake, reported once, as project_name.
    derived_from_empty_title = repo_name == "" and not str(answers.get("project_name", "")).strip()
    from_git = answers.get("layout") == "existing-project"
    if not derived_from_empty_title:
        # An existing project's repo_name is its folder's name: the badge's
        # repository name comes from 'origin' (hook_steps.check_existing_project).
        check("repo_name", (folder_name_error if from_git else github_repo_error)(repo_name),
              FOLDER_EXAMPLE if from_git else EXAMPLES["repo_name"])
    if not (from_git and answers.get("github_user") == FROM_ORIGIN):
        check("github_user", github_user_error(str(answers.get("github_user", ""))), EXAMPLES["github_user"])
    if not (from_git and answers.get("branch") == CHECKED_OUT):
        branch = str(answers.get("branch", ""))
        check("branch", branch_error(branch) or workflow_branch_error(branch, answers.get("github_actions")),
              EXAMPLES["branch"])

    for name in ("r_version", "ui", "license"):
        value = answers.get(name)
        if value not in choices.get(name, []):
            allowed = ", ".join(choices.get(name, []))
            check(name, f"choose one of: {allowed}", repr(choices[name][0]))

    for item in split_items(str(answers.get("r_packages", ""))):
        check("r_packages", r_item_error(item), EXAMPLES["r_packages"], item)
    for item in split_items(str(answers.get("apt_packages", ""))):
        check("apt_packages", debian_package_error(item), EXAMPLES["apt_packages"], item)

    check("binderhub_url", binderhub_url_error(str(answers.get("binderhub_url", ""))),
          EXAMPLES["binderhub_url"])
    check("zenodo_doi", zenodo_doi_error(str(answers.get("zenodo_doi", ""))), EXAMPLES["zenodo_doi"])

    for name in ("github_actions", "prebuilt_image", "online_checks"):
        if not isinstance(answers.get(name, False), bool):
            check(name, "answer yes or no (true or false)", EXAMPLES[name])
    if answers.get("prebuilt_image") is True:
        if answers.get("github_actions") is False:
            check("prebuilt_image", "it needs github_actions=true: GitHub Actions builds and publishes the image",
                  "false, or github_actions=true")
        branch = str(answers.get("branch", ""))
        if branch == PREBUILT_BRANCH or branch.startswith(PREBUILT_BRANCH + "/"):
            # git can have no branch 'binder' beside one under 'binder/'.
            check("branch", f"with prebuilt_image, the workflow rewrites the branch {PREBUILT_BRANCH!r} on "
                  f"every publish, and git allows no branch under '{PREBUILT_BRANCH}/' beside it: keep your "
                  "work on another", EXAMPLES["branch"])
        # (An existing project's image is named after its GitHub repository,
        # which is checked while rendering, once 'origin' has named it.)
        if "repo_name" not in unwritable and not from_git and not github_repo_error(repo_name) \
                and not _IMAGE_NAME_PART.fullmatch(repo_name.lower()):
            check("repo_name", "with prebuilt_image it is also the image's name on ghcr.io: letters and "
                  "digits, with '.', '_', '__' or dashes only between them", EXAMPLES["repo_name"])
    return problems
