"""Unit tests of every rule in binder_template/answers.py, and the branch
rule proved against the real git binary."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from binder_template import answers as rules
from binder_template.answers import Problem, parse_r_packages, split_items, validate_answers
from tests.helpers import default_answers


def good_answers(**changes) -> dict:
    # Defaults that are Jinja, as cookiecutter renders them for a new repository.
    return default_answers(**{"repo_name": "my-binder-project", "github_user": "your-github-user",
                              "branch": "main", **changes})


@pytest.mark.parametrize("value,ok", [
    ("a", True), ("octo-cat", True), ("A1-b2-C3", True),
    ("a" * 39, True), ("a" * 40, False),
    ("", False), ("-octo", False), ("octo-", False), ("octo--cat", False),
    ("octo_cat", False), ("octo.cat", False), ("ocTo cat", False), ("ünï", False),
    ("octo\n", False),
])
def test_github_user(value, ok):
    assert (rules.github_user_error(value) is None) is ok


@pytest.mark.parametrize("value,ok", [
    ("my-repo", True), ("My_Repo.v2", True), ("a" * 100, True), ("a" * 101, False),
    (".", False), ("..", False), ("...", True), (".github", True),
    ("repo.git", False), ("repo.GIT", False), ("repo.Git", False), ("repo.gitx", True),
    ("", False), ("my repo", False), ("my/repo", False), ("répo", False), ("repo\n", False),
])
def test_github_repo(value, ok):
    assert (rules.github_repo_error(value) is None) is ok


@pytest.mark.parametrize("value,ok", [
    ("main", True), ("feature/x", True), ("v1.0", True), ("dé-jà", True), ("a@b", True),
    ("@", True), ("fix#12", True),
    ("", False), ("-x", False), ("HEAD", False), ("a..b", False), ("a@{1}", False),
    ("x.lock", False), ("a/b.lock/c", False), ("a/", False), ("/a", False), ("a//b", False),
    ("a.", False), (".a", False), ("a/.b", False), ("a b", False), ("a~b", False),
    ("a^b", False), ("a:b", False), ("a?b", False), ("a*b", False), ("a[b", False),
    ("a\\b", False), ("a\x7fb", False), ("a\tb", False),
])
def test_branch_examples(value, ok):
    assert (rules.branch_error(value) is None) is ok


# Every character that matters to git's rules, plus ordinary and non-ASCII
# ones; NUL is left out because no command line can carry it.
BRANCH_ALPHABET = st.sampled_from(list("ab/.-@{}~^:?*[\\ \t\x7f\x01lockHEAD#é中😀_"))
BRANCH_NAMES = st.one_of(
    st.text(BRANCH_ALPHABET, max_size=12),
    st.text(st.characters(blacklist_characters="\x00", codec="utf-8"), max_size=8),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(BRANCH_NAMES, min_size=50, max_size=50))
def test_branch_rule_agrees_with_git(tmp_path, names):
    """60 x 50 = 3000 names per run, each judged by `git check-ref-format --branch`."""
    for name in names:
        git = subprocess.run(["git", "check-ref-format", "--branch", name],
                             cwd=tmp_path, capture_output=True).returncode == 0
        assert (rules.branch_error(name) is None) is git, name


@pytest.mark.parametrize("value,ok", [
    ("dplyr", True), ("data.table", True), ("R6", True), ("A3", True),
    ("a", False), ("1pkg", False), ("pkg.", False), ("my_pkg", False), ("my-pkg", False),
    ('x"); system("id', False),
])
def test_r_package(value, ok):
    assert (rules.r_package_error(value) is None) is ok


@pytest.mark.parametrize("item,ok", [
    ("r-lib/cli", True), ("r-lib/cli@v3.6.3", True), ("r-lib/cli@feature/x", True),
    ("rstudio/gt@0123abc", True), ("bioc::DESeq2", True),
    ("bioc::", False), ("bioc::my_pkg", False), ("r-lib/cli/sub", False), ("-x/cli", False),
    ("r-lib/cli.git", False), ("r-lib/cli@", False), ("r-lib/cli@a..b", False),
    ("r-lib/cli@x.lock", False), ("owner/repo@a@{b", False),
])
def test_r_items(item, ok):
    assert (rules.r_item_error(item) is None) is ok


def test_r_packages_split_dedupe_and_sort():
    parsed = parse_r_packages(" dplyr,,dplyr  r-lib/cli@v1 bioc::DESeq2, data.table ,bioc::DESeq2 ")
    assert parsed.cran == ("dplyr", "data.table")
    assert parsed.github == ("r-lib/cli@v1",)
    assert parsed.bioc == ("DESeq2",)
    assert not parse_r_packages(" , ,")
    assert split_items("a,b c\td\n,") == ["a", "b", "c", "d"]


@pytest.mark.parametrize("value,ok", [
    ("libgsl-dev", True), ("g++", True), ("libc6.1", True), ("r-cran-dplyr", True),
    ("a", False), ("Lib", False), ("-lib", False), ("lib_x", False), ("lib;rm", False),
])
def test_debian_package(value, ok):
    assert (rules.debian_package_error(value) is None) is ok


@pytest.mark.parametrize("value,ok", [
    ("https://mybinder.org", True), ("https://mybinder.org/", True),
    ("https://hub.example.org/binder/", True), ("https://hub.example.org:8443/a/b", True),
    ("http://mybinder.org", False), ("mybinder.org", False), ("https://", False),
    ("https://mybinder.org?x=1", False), ("https://mybinder.org/#top", False),
    ("https://user:pw@mybinder.org", False), ("https://my binder.org", False),
    ("https://mybinder.org/a b", False), ("https://mybinder.org/a)b", False),
    ("https://mybinder.org:99999", False), ("https://-bad.org", False),
    ("javascript:alert(1)", False),
])
def test_binderhub_url(value, ok):
    assert (rules.binderhub_url_error(value) is None) is ok


def test_binderhub_url_trailing_slash_is_normalised():
    assert rules.normalise_binderhub_url("https://hub.example.org/binder/") == "https://hub.example.org/binder"


@pytest.mark.parametrize("typed", ["HTTPS://MyBinder.org", "https://mybinder.org:/", "Https://MYBINDER.ORG/"])
def test_binderhub_url_is_written_as_a_browser_writes_it(typed):
    """Accepted as typed, and written in the one form the workflows'
    scripts take (prewarm.sh refuses an upper-case scheme or an empty port)."""
    assert rules.binderhub_url_error(typed) is None
    assert rules.normalise_binderhub_url(typed) == "https://mybinder.org"


@pytest.mark.parametrize("value,ok", [
    ("My Project", True), ("Ünïcødé & <b>bold</b> $x$", True), ("x" * 100, True),
    ("x" * 101, False), ("two\nlines", False), ("tab\there", False), ("nul\x00", False),
    ("line\u2028sep", False), ("esc\x1b[31m", False),
])
def test_free_text(value, ok):
    assert (rules.text_error(value, 100) is None) is ok


def test_project_name_cannot_be_empty():
    assert rules.text_error("  ", 100, required=True)


def test_default_answers_are_valid():
    assert validate_answers(good_answers()) == []


def test_every_bad_answer_is_reported_once_in_question_order():
    problems = validate_answers(good_answers(
        project_name="a\nb", github_user="bad--user", repo_name="x.git", branch="a..b",
        r_version="4.2.1", ui="vscode", license="WTFPL", r_packages="dplyr, bad_pkg",
        apt_packages="Bad", binderhub_url="http://x", github_actions="yes",
    ))
    assert [p.question for p in problems] == [
        "project_name", "repo_name", "github_user", "branch", "r_version", "ui", "license",
        "r_packages", "apt_packages", "binderhub_url", "github_actions",
    ]
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and line.startswith(f"error: {problem.question} = ")
        assert "for example" in line


def test_problem_line_shows_a_shortened_repr():
    line = str(Problem("description", "x" * 500, "too long", "'short'"))
    assert "'xxx" in line and "..." in line and len(line) < 160
