"""The generated repository's CI: the workflow, Dependabot, and the RStudio
check it calls, run as shipped against a local fake of a Jupyter server
(tests/fake_binder.py). The pre-warm is in tests/test_prewarm.py."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.parse
from pathlib import Path

import pytest
import yaml

from binder_template.versions import REPO2DOCKER_REQUIREMENT
from tests.conftest import TEMPLATE_ROOT, closed_port, tool
from tests.fake_binder import Jupyter

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def scripts(cookies_session) -> Path:
    result = cookies_session.bake(extra_context={"online_checks": False, "repo_name": "ci-scripts"})
    assert result.exit_code == 0, result.exception
    return result.project_path / ".github" / "scripts"


# --- smoke test ---------------------------------------------------------------

def smoke(scripts: Path, url: str, ui: str = "rstudio", seconds: str = "5") -> subprocess.CompletedProcess:
    """The RStudio check, as the workflow runs it, with SMOKE_SECONDS=seconds."""
    return subprocess.run(["bash", str(scripts / "smoke_test.sh"), url, TOKEN, ui], capture_output=True,
                          text=True, env={**os.environ, "SMOKE_SECONDS": seconds}, timeout=60)


@pytest.mark.parametrize("ui,expected,asked", [
    ("rstudio", ["/rstudio/"], ["/rstudio/"]),
    ("lab", ["/rstudio/", "/lab"], ["/rstudio/", "/lab"]),
    ("tree", ["/rstudio/", "/tree"], ["/rstudio/", "/tree"]),
    ("shiny/", ["/rstudio/", "/shiny"], ["/rstudio/", "/shiny", "/shiny/"]),
])
def test_smoke_test_passes_when_rstudio_and_the_ui_open(scripts, ui, expected, asked):
    with Jupyter(TOKEN).server as server:
        result = smoke(scripts, server.url, ui)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split()[1] for line in result.stdout.splitlines()] == expected
    assert [path for _, path, _ in server.requests] == ["/api/status", *asked]


def test_a_shiny_repository_smoke_tests_its_app(cookies):
    workflow, _ = bake_workflow(cookies, ui="shiny")
    assert '.github/scripts/smoke_test.sh http://127.0.0.1:8888 "$token" shiny/' in \
        steps_run(workflow["jobs"]["build"])


def test_smoke_test_waits_for_a_server_that_is_starting(scripts):
    with Jupyter(TOKEN, starting=1).server as server:
        result = smoke(scripts, server.url, seconds="10")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [path for _, path, _ in server.requests] == ["/api/status", "/api/status", "/rstudio/"]


@pytest.mark.parametrize("mode,line", [
    ("loop", "/rstudio/: redirect loop: /rstudio/ -> /rstudio/auth-sign-in -> /rstudio/"),
    ("500", "/rstudio/: HTTP 500 (ended at /rstudio/)"),
    ("not-rstudio", "/rstudio/: HTTP 200 at /rstudio/, but not RStudio's page"),
    ("hang", "/rstudio/: no whole answer within 2 s (curl: (28) Operation timed out after "),
    ("trickle", "/rstudio/: no whole answer within 2 s (curl: (28) Operation timed out after "),
    # The server's %0A stays text: GitHub would read it as a line end.
    ("elsewhere", "/rstudio/: redirected to another server, http://binder.invalid/rstudio/%250A::error::x"),
])
def test_smoke_test_fails_with_one_line_saying_what_failed(scripts, mode, line):
    with Jupyter(TOKEN, rstudio=mode).server as server:
        result = smoke(scripts, server.url, seconds="2")
    assert result.returncode == 1
    [shown] = result.stdout.splitlines()
    assert shown.startswith(f"::error title=Binder smoke test::{line}"), shown
    # The other server was not asked, so the token never left this one.
    assert [path for _, path, _ in server.requests] == ["/api/status", "/rstudio/"] + (
        ["/rstudio/auth-sign-in"] if mode == "loop" else [])


def test_smoke_test_refuses_an_https_url_and_sends_nothing(scripts):
    with Jupyter(TOKEN).server as server:
        result = smoke(scripts, server.url.replace("http://", "https://"), seconds="1")
    assert result.returncode == 1 and server.requests == []
    assert result.stdout.splitlines() == [
        "::error title=Binder smoke test::the URL must start with http:// (the image's server on this machine), "
        "not https://"]


def test_smoke_test_gives_up_on_a_server_that_never_starts(scripts):
    result = smoke(scripts, f"http://127.0.0.1:{closed_port()}", seconds="1")
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error title=Binder smoke test::the Jupyter server did not start within 1 s (curl: (7) ")


def test_smoke_test_sends_the_token_in_a_header_not_on_the_command_line(scripts):
    with Jupyter("another-token").server as server:
        result = smoke(scripts, server.url, seconds="1")
    assert result.returncode == 1
    assert "did not start within 1 s (curl: (22) The requested URL returned error: 403)" in result.stdout
    text = (scripts / "smoke_test.sh").read_text()
    assert "--header \"@$work/auth\"" in text and "$token" not in text.split("> \"$work/auth\"", 1)[1]


# --- the workflow and Dependabot ---------------------------------------------

def bake_workflow(cookies, **answers) -> tuple[dict, dict]:
    result = cookies.bake(extra_context={"online_checks": False, **answers})
    assert result.exit_code == 0, result.exception
    github = result.project_path / ".github"
    return (yaml.safe_load((github / "workflows" / "binder.yml").read_text()),
            yaml.safe_load((github / "dependabot.yml").read_text()))


def steps_run(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


@pytest.mark.parametrize("tag", ["latest", "4.1.0"])
def test_the_workflow_builds_with_repo2docker_smoke_tests_and_prewarms(cookies, tag):
    workflow, _ = bake_workflow(cookies, r_version=tag, ui="notebook",
                                binderhub_url="https://hub.example.org/binder/")
    build = steps_run(workflow["jobs"]["build"])
    assert f"pip install {REPO2DOCKER_REQUIREMENT}\n" in build
    assert "repo2docker --no-run --user-name jovyan --user-id 1000 --image-name binder-image .\n" in build
    assert "docker build" not in build
    assert '.github/scripts/smoke_test.sh http://127.0.0.1:8888 "$token" tree' in build
    assert "GITHUB_STEP_SUMMARY" in build
    log_step = workflow["jobs"]["build"]["steps"][-1]
    assert log_step["if"] == "failure()" and "docker logs binder" in log_step["run"]
    prewarm_job = workflow["jobs"]["prewarm"]
    assert prewarm_job["needs"] == "build" and prewarm_job["if"] == "github.event_name == 'push'"
    step = prewarm_job["steps"][-1]
    assert step["env"] == {"BINDERHUB": "https://hub.example.org/binder"}
    assert step["run"] == 'bash .github/scripts/prewarm.sh "$BINDERHUB" "$GITHUB_REPOSITORY" "$GITHUB_SHA"'
    assert workflow["permissions"] == {"contents": "read"}
    assert "|| true" not in steps_run(prewarm_job)
    # No job can hold a runner for GitHub's default six hours; the pre-warm's
    # covers the script's default hour.
    assert {name: job["timeout-minutes"] for name, job in workflow["jobs"].items()} == {"build": 90, "prewarm": 75}
    # Every action is pinned to a version.
    for job in workflow["jobs"].values():
        for uses in (s["uses"] for s in job["steps"] if "uses" in s):
            assert "@v" in uses, uses


@pytest.mark.parametrize("answers,names", [
    ({}, ["prewarm.sh", "smoke_test.sh"]),
    ({"ui": "shiny"}, ["register_shiny_app.py", "prewarm.sh", "smoke_test.sh"]),
    ({"prebuilt_image": True, "github_user": "octo-cat"}, ["publish.py", "prewarm.sh", "smoke_test.sh"]),
], ids=["default", "shiny", "prebuilt"])
def test_the_scripts_that_ship_pass_ruff_and_shellcheck(cookies, answers, names):
    """The generated repository's scripts are product code, linted with the
    template's own rules."""
    result = cookies.bake(extra_context={"online_checks": False, **answers})
    python, shell = sorted(result.project_path.rglob("*.py")), sorted(result.project_path.rglob("*.sh"))
    assert [path.name for path in python + shell] == names
    for command in ([tool("ruff"), "check", "--no-cache", "--config", str(TEMPLATE_ROOT / "pyproject.toml")],
                    [tool("shellcheck"), "--severity=style"]):
        files = python if "ruff" in command[0] else shell
        if not files:
            continue  # given no file, ruff would lint the folder it runs in: this repository
        linted = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=60)
        assert linted.returncode == 0, linted.stdout + linted.stderr


def test_repo2docker_pin_matches_the_one_the_tests_build_with():
    pins = (TEMPLATE_ROOT / "requirements-dev.txt").read_text().splitlines()
    assert REPO2DOCKER_REQUIREMENT in pins


@pytest.mark.parametrize("tag,ignored", [("4.4.0", True), ("latest", False)])
def test_dependabot_keeps_a_frozen_r_version(cookies, tag, ignored):
    _, dependabot = bake_workflow(cookies, r_version=tag)
    docker = next(u for u in dependabot["updates"] if u["package-ecosystem"] == "docker")
    actions = next(u for u in dependabot["updates"] if u["package-ecosystem"] == "github-actions")
    assert actions["directory"] == docker["directory"] == "/"
    if ignored:
        # dependabot-core 6628: with all three version updates ignored,
        # digest updates still come.
        assert docker["ignore"] == [{"dependency-name": "rocker/binder", "update-types": [
            "version-update:semver-major", "version-update:semver-minor", "version-update:semver-patch"]}]
    else:
        assert "ignore" not in docker


def pull_request_link(step: dict, tmp_path, head_repository: str, head_branch: str) -> str:
    """The step's script run by bash as GitHub runs a `run:` step, with the
    pull request's head as GitHub's event gives it; what it adds to the summary."""
    summary = tmp_path / "summary.md"
    summary.write_text("")
    env = {"PATH": os.environ["PATH"], "GITHUB_STEP_SUMMARY": str(summary), **step["env"],
           "HEAD_REPOSITORY": head_repository, "HEAD_BRANCH": head_branch}
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                            env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return summary.read_text()


@pytest.mark.parametrize("branch", ["main", "fix#12/x", "dé/jà", "release+1!", "x)](https://evil.example/)"])
@pytest.mark.parametrize("head", ["octo-cat/my-repo", "a-fork-owner/my-repo"], ids=["same", "fork"])
def test_a_pull_request_gets_a_binder_link_to_its_own_branch(cookies, tmp_path, head, branch):
    """Issue 24: the build job's summary launches the pull request's head, in
    the fork for a pull request from one. BinderHub splits the spec after
    /v2/gh/ on its first two '/' and URL-decodes the ref (repoproviders.py,
    tokenize_spec); the branch, whatever it holds, stays inside the link."""
    workflow, _ = bake_workflow(cookies, github_user="octo-cat", repo_name="my-repo", ui="lab",
                                binderhub_url="https://hub.example.org/binder/")
    [step] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == "Binder link for this pull request"]
    assert step["if"] == "github.event_name == 'pull_request'"
    summary = pull_request_link(step, tmp_path, head, branch)
    [url] = re.findall(r"^Try this pull request on Binder: \[!\[Binder\]\(https://hub\.example\.org/binder/"
                       r"badge_logo\.svg\)\]\(([^()\s]+)\)$", summary, re.MULTILINE)
    parts = urllib.parse.urlsplit(url)
    spec = urllib.parse.unquote(parts.path.split("/v2/gh/", 1)[1])
    assert spec.split("/", 2) == [*head.split("/"), branch]
    assert urllib.parse.parse_qs(parts.query) == {"urlpath": ["lab"]}


def test_a_pull_request_from_a_deleted_fork_says_so_instead_of_a_link(cookies, tmp_path):
    workflow, _ = bake_workflow(cookies, github_user="octo-cat")
    [step] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == "Binder link for this pull request"]
    assert pull_request_link(step, tmp_path, "", "main") == "No Binder link: the pull request's repository is gone.\n"


@pytest.mark.parametrize("answers", [{}, {"prebuilt_image": True, "github_user": "octo-cat"},
                                     {"layout": "existing-project"}], ids=["default", "prebuilt", "existing"])
def test_every_workflow_shell_step_passes_bash_and_shellcheck(cookies, tmp_path, answers):
    """Each `run:` of the generated workflows, as the bash GitHub runs it
    reads it (bash -n), and by shellcheck; no ${{ }} expression is pasted into
    a script (they reach it through env:)."""
    from tests.helpers import add_binder, bake

    if answers.get("layout"):
        project = tmp_path / "analysis"
        project.mkdir()
        (project / "analysis.R").write_text("library(tinyA)\n")
        assert add_binder(project, "github_user=octo-cat").returncode == 0
    else:
        project = bake(cookies, **answers)
    folder = project / ".github/workflows"
    names = {"binder.yml", "keep-binder-warm.yml"}
    assert {path.name for path in folder.iterdir()} == names
    workflows = [yaml.safe_load((folder / name).read_text()) for name in sorted(names)]
    scripts = [step["run"] for workflow in workflows for job in workflow["jobs"].values()
               for step in job["steps"] if "run" in step]
    for number, script in enumerate(scripts):
        assert "${{" not in script
        path = tmp_path / f"step-{number}.sh"
        path.write_text("#!/bin/bash\n" + script)
        assert subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode == 0, script
        checked = subprocess.run([tool("shellcheck"), "--shell=bash", str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout
