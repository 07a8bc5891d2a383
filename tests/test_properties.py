"""Any answers that pass validation give sound files: a hadolint-clean
Dockerfile, a README badge that decodes back to the answers, apt.txt and
install.R holding exactly the packages asked for, and a workflow that
triggers on exactly the branch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from cookiecutter.main import cookiecutter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from binder_template.answers import (
    load_choices,
    normalise_binderhub_url,
    parse_r_packages,
    split_items,
    validate_answers,
)
from tests.conftest import REQUIRE_R_VARIABLE, TEMPLATE_ROOT
from tests.helpers import hadolint

CHOICES = load_choices()

github_names = st.from_regex(r"\A[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}\Z")
repo_names = st.from_regex(r"\A[A-Za-z0-9._-]{1,30}\Z").filter(
    lambda r: r not in (".", "..") and not r.lower().endswith(".git"))
branches = st.text(st.sampled_from(list("ab/.-_@#%+!$'`()é中😀")), min_size=1, max_size=15)
r_names = st.from_regex(r"\A[A-Za-z][A-Za-z0-9.]{0,8}[A-Za-z0-9]\Z")
r_items = st.one_of(
    r_names,
    r_names.map(lambda n: f"bioc::{n}"),
    st.tuples(github_names, repo_names, st.none() | branches).map(
        lambda t: f"{t[0]}/{t[1]}" + (f"@{t[2]}" if t[2] else "")),
)
apt_names = st.from_regex(r"\A[a-z0-9][a-z0-9+.-]{1,15}\Z")
separators = st.sampled_from([", ", " ", ",", " , ", "\t"])
free_text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=60)
hubs = st.sampled_from(["https://mybinder.org", "https://mybinder.org/",
                        "https://hub.example.org/binder/", "https://b.example.ac.uk:8443/x/y"])


@st.composite
def valid_answers(draw):
    answers = {
        "project_name": draw(free_text.filter(str.strip)),
        "description": draw(free_text),
        "author_name": draw(free_text),
        "repo_name": draw(repo_names),
        "github_user": draw(github_names),
        "branch": draw(branches),
        "r_version": draw(st.sampled_from(CHOICES["r_version"])),
        "ui": draw(st.sampled_from(CHOICES["ui"])),
        "license": draw(st.sampled_from(CHOICES["license"])),
        "r_packages": draw(separators).join(draw(st.lists(r_items, max_size=4))),
        "apt_packages": draw(separators).join(draw(st.lists(apt_names, max_size=3))),
        "binderhub_url": draw(hubs),
        "github_actions": draw(st.booleans()),
        "online_checks": False,
    }
    # Keep only what the rules accept: the property is about valid answers.
    return answers if not validate_answers(answers) else draw(st.nothing())


@settings(max_examples=30, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(answers=valid_answers())
def test_valid_answers_give_sound_files(answers):
    out = Path(tempfile.mkdtemp(prefix="property-bake-"))
    try:
        project = Path(cookiecutter(str(TEMPLATE_ROOT), no_input=True, output_dir=str(out),
                                    extra_context=answers))
        check_files(project, answers)
    finally:
        shutil.rmtree(out)


def check_files(project: Path, answers: dict) -> None:
    assert hadolint(project / "Dockerfile") == ""

    readme = (project / "README.md").read_text("utf-8")
    badge = re.search(r"<!-- badges: start -->\n\[!\[Binder\]\((.*?)/badge_logo\.svg\)\]\((.*?)\)\n", readme)
    hub = normalise_binderhub_url(answers["binderhub_url"])
    assert badge.group(1) == hub
    path, _, query = badge.group(2).partition("?")
    assert path.startswith(f"{hub}/v2/gh/")
    user, repo, ref = path[len(f"{hub}/v2/gh/"):].split("/", 2)
    assert (user, repo, unquote(ref)) == (answers["github_user"], answers["repo_name"], answers["branch"])
    assert query == "urlpath=" + {"rstudio": "rstudio", "lab": "lab", "notebook": "tree",
                                  "shiny": "shiny/"}[answers["ui"]]
    assert re.fullmatch(r"[A-Za-z0-9_.~/%:-]+", badge.group(2).replace("?urlpath=", ""))

    apt = split_items(answers["apt_packages"])
    if apt:
        assert (project / "apt.txt").read_text().splitlines() == apt
    else:
        assert not (project / "apt.txt").exists()

    if answers["github_actions"]:
        workflow = yaml.safe_load((project / ".github/workflows/binder.yml").read_text())
        pattern = workflow[True]["push"]["branches"][0]
        assert re.sub(r"\\(.)", r"\1", pattern) == answers["branch"]

    rscript = shutil.which("Rscript")
    if not rscript and os.environ.get(REQUIRE_R_VARIABLE):
        pytest.fail("Rscript not found: install.R's vectors cannot be read in R")
    if rscript:
        expected = parse_r_packages(answers["r_packages"])
        result = subprocess.run(
            [rscript, "-e", "e <- parse('install.R'); for (x in e[1:3]) eval(x); "
             "for (v in list(cran, github, bioc)) writeLines(c(length(v), v))"],
            cwd=project, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        assert result.returncode == 0, result.stderr
        values = result.stdout.splitlines()
        got = []
        for _ in range(3):
            count = int(values.pop(0))
            got.append(tuple(values[:count]))
            values = values[count:]
        assert got == [expected.cran, expected.github, expected.bioc]


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_yaml_string_round_trips(text):
    from binder_template.escape import yaml_string

    assert yaml.safe_load(f"key: {yaml_string(text)}\n") == {"key": text}


def read_r_literal(literal: str) -> str:
    """Read a double-quoted R literal the way R's parser does, for the
    escapes r_string writes."""
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        if body[i] != "\\":
            out.append(body[i])
            i += 1
        elif body[i + 1] in "\"\\":
            out.append(body[i + 1])
            i += 2
        else:
            escape = re.match(r"[uU]\{([0-9a-f]+)\}", body[i + 1:])
            out.append(chr(int(escape.group(1), 16)))
            i += 1 + escape.end()
    return "".join(out)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_r_string_round_trips(text):
    """Plain printable ASCII or an escape, so the literal reads the same in
    any locale; real R reads these in test_r.py and the property above."""
    from binder_template.escape import r_string

    literal = r_string(text)
    assert literal.isascii() and literal.isprintable()
    assert read_r_literal(literal) == text
