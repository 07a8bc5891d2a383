"""Bake the supported combinations of answers and check what comes out:
the exact file set, no template leftovers, a hadolint-clean Dockerfile that
the real repo2docker picks, and valid workflow files."""

from __future__ import annotations

import json
import os
import posixpath
import re
import time
from urllib.parse import unquote

import pytest
import yaml

from binder_template import files
from binder_template.answers import load_choices
from binder_template.sandbox import PROJECT_FOLDER
from tests.conftest import TEMPLATE_ROOT, run, tool
from tests.helpers import (
    DIGEST,
    bake,
    check_jsonschema,
    expected_files,
    files_in,
    hadolint,
    leftovers,
    repo2docker_dockerfile,
    serve_everything_exists,
)

CHOICES = load_choices()
# The supported combinations, written out (as cookiecutter-django's
# SUPPORTED_COMBINATIONS): every ui on both image generations, every
# license, the workflow on and off, online checks on and off. The numbered
# r_version tags differ only in the tag: each is rendered once below.
SUPPORTED_COMBINATIONS = [
    {"r_version": "latest", "ui": "rstudio", "license": "MIT", "github_actions": True, "online_checks": True},
    {"r_version": "4.4.0", "ui": "rstudio", "license": "none", "github_actions": False, "online_checks": False},
    {"r_version": "latest", "ui": "lab", "license": "BSD-3-Clause", "github_actions": False,
     "online_checks": True},
    {"r_version": "4.0.0", "ui": "lab", "license": "Apache-2.0", "github_actions": True, "online_checks": False},
    {"r_version": "latest", "ui": "notebook", "license": "GPL-3.0-or-later", "github_actions": True,
     "online_checks": False},
    {"r_version": "4.5.0", "ui": "notebook", "license": "CC-BY-4.0", "github_actions": False,
     "online_checks": True},
    {"r_version": "latest", "ui": "shiny", "license": "MIT", "github_actions": True, "online_checks": True},
    {"r_version": "4.4.0", "ui": "shiny", "license": "none", "github_actions": True, "online_checks": False},
]
# Cycled through the rows: the forms users write packages in.
PACKAGE_FORMS = [
    ("", ""),
    ("dplyr", ""),
    ("dplyr, ggplot2 r-lib/cli@v3.6.3", "libgsl-dev"),
    ("bioc::DESeq2 data.table", "libxml2-dev, ffmpeg"),
    (" , janitor,,janitor ", " libgsl-dev libgsl-dev, "),
    ("rstudio/gt@main bioc::limma here", "libgdal-dev libproj-dev"),
]
BRANCH_AND_HUB_FORMS = [
    ("main", "https://mybinder.org"),
    ("feature/new-plot", "https://hub.example.org/binder/"),
    ("gh-pages", "https://binder.example.ac.uk:8443"),
]


def combination_answers(index: int, row: dict) -> dict:
    r_packages, apt_packages = PACKAGE_FORMS[index % len(PACKAGE_FORMS)]
    branch, hub = BRANCH_AND_HUB_FORMS[index % len(BRANCH_AND_HUB_FORMS)]
    return {
        **row,
        "project_name": f"Project {index}",
        "github_user": "octo-cat",
        "branch": branch,
        "binderhub_url": hub,
        "r_packages": r_packages,
        "apt_packages": apt_packages,
        "repo_name": f"project-{index}",
    }


def test_the_combinations_cover_every_choice():
    for name in ("ui", "license"):
        assert {row[name] for row in SUPPORTED_COMBINATIONS} == set(CHOICES[name]), name
    assert {row["ui"] for row in SUPPORTED_COMBINATIONS if row["r_version"] == "latest"} == set(CHOICES["ui"])
    assert {row["ui"] for row in SUPPORTED_COMBINATIONS if row["r_version"] != "latest"} == set(CHOICES["ui"])
    for name in ("github_actions", "online_checks"):
        assert {row[name] for row in SUPPORTED_COMBINATIONS} == {True, False}, name


@pytest.mark.parametrize("index,row", list(enumerate(SUPPORTED_COMBINATIONS)),
                         ids=[f"{r['r_version']}-{r['ui']}-{r['license']}" for r in SUPPORTED_COMBINATIONS])
def test_supported_combination(cookies, httpserver, monkeypatch, index, row):
    answers = combination_answers(index, row)
    if answers["online_checks"]:
        serve_everything_exists(httpserver, monkeypatch)
    result = cookies.bake(extra_context=answers)
    assert result.exit_code == 0, result.exception
    project = result.project_path

    assert files_in(project) == expected_files(answers)
    assert leftovers(project) == []
    dockerfile = (project / "Dockerfile").read_text("utf-8")
    assert hadolint(project / "Dockerfile") == ""
    assert repo2docker_dockerfile(project) == dockerfile + "\n"  # print() adds one
    image = f"rocker/binder:{answers['r_version']}"
    expected_from = f"FROM {image}@{DIGEST}" if answers["online_checks"] else f"FROM {image}"
    assert expected_from + "\n" in dockerfile
    user_lines = [line for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert user_lines[-1] == "USER ${NB_USER}"


@pytest.mark.parametrize("tag", CHOICES["r_version"])
def test_every_r_version_tag_renders_its_from_line_and_user(cookies, tag):
    result = cookies.bake(extra_context={"online_checks": False, "r_version": tag})
    assert result.exit_code == 0, result.exception
    dockerfile = (result.project_path / "Dockerfile").read_text("utf-8")
    assert f"\nFROM rocker/binder:{tag}\n" in dockerfile
    user = "jovyan" if tag == "latest" else "rstudio"
    assert f"# ${{NB_USER}} is the image's own user ({user}); " in dockerfile


README = (TEMPLATE_ROOT / "README.md").read_text()


def test_readme_test_command_is_what_ci_runs_and_runs_both_tiers():
    command = README.split("# 2. Run the whole test suite, both tiers (the test command)\n", 1)[1].split("\n")[0]
    assert command == ".venv/bin/python -m pytest && .venv/bin/python -m pytest -m docker"
    ci = (TEMPLATE_ROOT / ".ci/run").read_text().rstrip().splitlines()
    assert ci[-1] == command


def test_readme_variable_table_names_every_question():
    config = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
    for name in (k for k in config if not k.startswith("_")):
        assert f"| `{name}` |" in README, name


def test_default_bake_offline_with_the_cli(tmp_path, httpserver, monkeypatch):
    """The README's quick start, run twice as written: every default, and
    nothing asked online (the placeholder user is not looked up)."""
    generate = next(l for l in README.splitlines() if l.startswith("python3 -m venv .venv"))
    cookiecutter_args = generate.split(".venv/bin/cookiecutter ")[1].split()
    assert cookiecutter_args == ["--no-input", "--overwrite-if-exists", ".", "--output-dir", "generated"]
    monkeypatch.setenv("GITHUB_API_URL", httpserver.url_for(""))
    monkeypatch.setenv("DOCKER_HUB_API_URL", httpserver.url_for(""))
    command = [tool("cookiecutter"), *cookiecutter_args]
    command[command.index(".")] = str(TEMPLATE_ROOT)
    for attempt in ("first", "second"):
        result = run(command, cwd=tmp_path, env={**os.environ, "PWD": str(tmp_path)})
        assert result.returncode == 0, (attempt, result.stderr)
    assert httpserver.log == []
    project = tmp_path / "generated" / "my-binder-project"
    assert files_in(project) == expected_files({"repo_name": "my-binder-project"})
    assert "FROM rocker/binder:latest\n" in (project / "Dockerfile").read_text()
    # The placeholder user is said once; the bare tag is warned about once.
    assert result.stderr.count("bare tag") == 1
    assert "placeholder" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    # The next steps start from where the command was run.
    assert "    cd generated/my-binder-project\n" in result.stdout


def test_real_repo2docker_cli_picks_the_dockerfile(cookies, offline_answers):
    result = cookies.bake(extra_context={**offline_answers, "apt_packages": "libgsl-dev"})
    proc = run([tool("repo2docker"), "--no-build", "--debug", str(result.project_path)])
    assert proc.returncode == 0, proc.stderr
    assert (result.project_path / "Dockerfile").read_text() in proc.stdout


def test_dockerfile_order_keeps_package_install_cached(cookies, offline_answers):
    """install.R is copied alone and run before the rest of the project, so
    editing an analysis file does not invalidate the package layer (proven
    by a real build in real_builds/test_real_build.py)."""
    result = cookies.bake(extra_context={**offline_answers, "apt_packages": "ffmpeg", "r_version": "4.4.0"})
    lines = [l for l in (result.project_path / "Dockerfile").read_text().splitlines()
             if l and not l.startswith("#")]
    assert lines[0] == "FROM rocker/binder:4.4.0"
    # A declared ARG NB_USER would let Binder's build argument replace the
    # image's own user under BuildKit.
    assert not [l for l in lines if l.startswith("ARG ")]
    apt = lines.index("USER root")
    assert apt == 1
    assert lines[apt + 1] == "COPY apt.txt /tmp/apt.txt"
    assert lines[apt + 2].startswith("RUN sed -i 's/#.*//' /tmp/apt.txt")
    assert "/var/lib/apt/lists" not in "\n".join(lines)
    install = lines.index("COPY --chown=${NB_USER} install.R /home/${NB_USER}/install.R")
    assert lines[install - 2:install] == ["USER ${NB_USER}", "WORKDIR /home/${NB_USER}"]
    assert lines[install + 1] == "RUN Rscript install.R"
    assert lines[install + 2] == "COPY --chown=${NB_USER} . /home/${NB_USER}"
    assert "${HOME}" not in "\n".join(lines)


def test_dockerignore_keeps_what_the_image_needs(cookies, offline_answers):
    import fnmatch

    result = cookies.bake(extra_context={**offline_answers, "apt_packages": "ffmpeg"})
    patterns = [l for l in (result.project_path / ".dockerignore").read_text().splitlines()
                if l and not l.startswith("#")]
    for kept in ("install.R", "apt.txt", ".Renviron", "analysis/example.R", "Dockerfile"):
        assert not any(fnmatch.fnmatch(kept, p) for p in patterns), kept
    assert {".git", ".Rproj.user"} <= set(patterns)


def test_workflow_and_dependabot_match_their_schemas(cookies, offline_answers):
    workflows, dependabots = [], []
    forms = BRANCH_AND_HUB_FORMS + [("release+1!", "https://mybinder.org")]
    for index, ((branch, hub), tag) in enumerate(zip(forms, ["latest", "4.4.0"] * len(forms))):
        result = cookies.bake(extra_context={
            **offline_answers, "branch": branch, "binderhub_url": hub, "r_version": tag,
            "repo_name": f"schema-{index}"})
        workflows += [str(path) for path in sorted((result.project_path / ".github/workflows").iterdir())]
        dependabots.append(str(result.project_path / ".github/dependabot.yml"))
    workflows.append(str(TEMPLATE_ROOT / ".github/workflows/test.yml"))  # the template's own
    for schema, paths in (("vendor.github-workflows", workflows), ("vendor.dependabot", dependabots)):
        proc = check_jsonschema("--builtin-schema", schema, *paths)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_runs_on_pushes_to_the_launch_branch_and_pull_requests(cookies, offline_answers):
    import yaml

    result = cookies.bake(extra_context={**offline_answers, "branch": "release+1!"})
    workflow = yaml.safe_load((result.project_path / ".github/workflows/binder.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    # '+' and '!' mean something in branch filters, so they are escaped.
    assert triggers["push"]["branches"] == ["release\\+1\\!"]
    assert "pull_request" in triggers


@pytest.mark.parametrize("branch,encoded", [
    ("main", "main"),
    ("feature/x", "feature/x"),
    ("fix#12", "fix%2312"),
    ("dé/jà vu".replace(" ", "-"), "d%C3%A9/j%C3%A0-vu"),
    ("50%off", "50%25off"),
])
@pytest.mark.parametrize("ui,urlpath", [("rstudio", "rstudio"), ("lab", "lab"), ("notebook", "tree")])
def test_launch_url_and_badge_are_exact(branch, encoded, ui, urlpath):
    from binder_template import launch

    hub = "https://hub.example.org/prefix/"
    url = launch.launch_url(hub, "octo-cat", "my-repo", branch, ui)
    assert url == f"https://hub.example.org/prefix/v2/gh/octo-cat/my-repo/{encoded}?urlpath={urlpath}"
    assert unquote(url.split("/v2/gh/octo-cat/my-repo/")[1].split("?")[0]) == branch
    assert launch.badge_markdown(hub, "octo-cat", "my-repo", branch, ui) == (
        f"[![Binder](https://hub.example.org/prefix/badge_logo.svg)]({url})")


def test_branch_with_a_space_is_encoded_in_the_url():
    """git refuses spaces in branch names, but refs from elsewhere may have
    them; the encoder must not pass one through."""
    from binder_template import launch

    assert launch.encode_ref("a b#c?d") == "a%20b%23c%3Fd"


def test_readme_badge_and_links(cookies, offline_answers):
    result = cookies.bake(extra_context={**offline_answers, "branch": "fix#12/x", "ui": "lab"})
    readme = (result.project_path / "README.md").read_text()
    base = "https://mybinder.org/v2/gh/octo-cat/my-binder-project/fix%2312/x"
    badge = f"[![Binder](https://mybinder.org/badge_logo.svg)]({base}?urlpath=lab)"
    assert f"<!-- badges: start -->\n{badge}\n<!-- badges: end -->" in readme
    assert f"({base}?urlpath=rstudio)" in readme
    assert f"({base}?urlpath=tree)" in readme
    for section in ("## Run it locally", "repo2docker .", "docker run -p 8888:8888",
                    "## Add R packages", "## Add system packages", ".Renviron", "## Troubleshooting"):
        assert section in readme


def test_install_r_lists_each_kind_of_package(cookies, offline_answers):
    result = cookies.bake(extra_context={
        **offline_answers,
        "r_packages": "dplyr, dplyr  r-lib/cli@v3.6.3 bioc::DESeq2,,data.table"})
    install = (result.project_path / "install.R").read_text()
    assert 'cran <- c("dplyr", "data.table")' in install
    assert 'github <- c("r-lib/cli@v3.6.3")' in install
    assert 'bioc <- c("DESeq2")' in install
    code = [line for line in install.splitlines() if not line.lstrip().startswith("#")]
    assert not any("repos" in line for line in code)


def test_apt_txt_has_one_package_per_line(cookies, offline_answers):
    result = cookies.bake(extra_context={**offline_answers, "apt_packages": "libgsl-dev, ffmpeg libgsl-dev"})
    assert (result.project_path / "apt.txt").read_text() == "libgsl-dev\nffmpeg\n"


def test_license_has_year_and_author(cookies, offline_answers):
    year = time.strftime("%Y", time.gmtime())
    for license_id, first in (("MIT", "MIT License"), ("BSD-3-Clause", "BSD 3-Clause License"),
                              ("Apache-2.0", "Copyright"), ("GPL-3.0-or-later", "Copyright (C)"),
                              ("CC-BY-4.0", "Copyright")):
        result = cookies.bake(extra_context={**offline_answers, "license": license_id,
                                             "author_name": "Ada O'Brien & Co <ada@example.org>"})
        text = (result.project_path / "LICENSE").read_text()
        assert text.startswith(first)
        assert f"{year}" in text and "Ada O'Brien & Co <ada@example.org>" in text


def test_every_template_file_is_named_by_the_file_table():
    """Each file of the template is named output_name('KEY'), in the folder
    the table's path for KEY gives, and each entry of the table has its file:
    which files a layout writes is stated once (binder_template/files.py)."""
    root = TEMPLATE_ROOT / PROJECT_FOLDER
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            key = re.fullmatch(r"\{\{ cookiecutter \| output_name\('([^'/]+)'\) \}\}", path.name)
            assert key, path.relative_to(root)
            folder = path.parent.relative_to(root).as_posix()
            found[key.group(1)] = folder.replace("{{ cookiecutter | binder_folder }}", "{here}")
    assert found == {output.key: posixpath.dirname(output.path) or "." for output in files.OUTPUTS}


def test_cookiecutter_json_choices():
    """--no-input builds on latest; no tag RStudio does not open on is
    offered; every question has its prompt, and every choice its label."""
    config = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
    versions = config["r_version"]
    assert versions[0] == "latest"
    # RStudio does not open on mybinder with these (rocker-versioned2 issue 505).
    assert "4.2.1" not in versions and "4.2.2" not in versions
    prompts = config["__prompts__"]
    public = [k for k in config if not k.startswith("_")]
    assert set(prompts) == set(public)
    for name in ("r_version", "ui", "license"):
        assert set(prompts[name]) - {"__prompt__"} == set(config[name])


@pytest.mark.parametrize("ui", ["rstudio", "lab", "notebook", "shiny"])
def test_the_default_text_is_true_for_every_ui(cookies, ui):
    """The default description names no interface, and "Run it locally"
    gives the path the badge opens."""
    result = cookies.bake(extra_context={"online_checks": False, "ui": ui})
    readme = (result.project_path / "README.md").read_text()
    assert "An R project that opens in the browser, on Binder." in readme
    run_locally = readme.split("## Run it locally", 1)[1].split("## ", 1)[0]
    assert ("`/shiny/` for the app" in run_locally) is (ui == "shiny")
    assert "`/rstudio` for RStudio" in run_locally


CFF_SCHEMA = TEMPLATE_ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json"


@pytest.mark.parametrize("license_id", CHOICES["license"])
def test_citation_cff_is_valid_and_says_what_was_answered(cookies, license_id):
    """Issue 24: a new repository is citable: CITATION.cff passes the Citation
    File Format 1.2.0 schema, whatever the answers hold, and names the title,
    description, author, repository and license given."""
    answers = {"project_name": 'Tom "T" O\'Brien: a # study', "description": "Line: with # and 'quotes'",
               "author_name": "Zoë Ångström-Ng", "github_user": "octo-cat", "repo_name": "study",
               "license": license_id}
    project = bake(cookies, **answers)
    citation = project / "CITATION.cff"
    checked = check_jsonschema("--default-filetype", "yaml", "--schemafile", str(CFF_SCHEMA), str(citation))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    cff = yaml.safe_load(citation.read_text("utf-8"))
    assert cff["title"] == answers["project_name"] and cff["abstract"] == answers["description"]
    assert cff["authors"] == [{"name": answers["author_name"]}]
    assert cff["repository-code"] == "https://github.com/octo-cat/study"
    assert cff.get("license") == (None if license_id == "none" else license_id)
