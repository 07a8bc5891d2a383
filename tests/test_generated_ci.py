"""The generated repository's CI: the workflow, Dependabot, and the two
scripts it calls, run as shipped against local fakes (tests/fake_binder.py)
of a BinderHub federation and of a Jupyter server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from binder_template.versions import REPO2DOCKER_REQUIREMENT
from tests.conftest import TEMPLATE_ROOT, closed_port
from tests.fake_binder import Busy, Front, Jupyter, Member, Silent

SHA = "0123456789abcdef0123456789abcdef01234567"
BUILD_PATH = f"/build/gh/octo-cat/demo/{SHA}"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def scripts(cookies_session) -> Path:
    result = cookies_session.bake(extra_context={"online_checks": False, "repo_name": "ci-scripts"})
    assert result.exit_code == 0, result.exception
    return result.project_path / ".github" / "scripts"


def run_script(script: Path, *args: str, summary: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    if summary:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                          env=env, timeout=60)


def prewarm(scripts: Path, hub: str, tmp_path: Path, seconds: str = "5"):
    summary = tmp_path / "summary.md"
    result = run_script(scripts / "prewarm.py", hub, "octo-cat/demo", SHA, "--seconds", seconds,
                        summary=summary)
    return result, summary.read_text() if summary.exists() else ""


def annotations(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


# --- pre-warm ----------------------------------------------------------------

def test_the_fake_member_refuses_a_request_without_the_event_stream_header():
    import urllib.error
    import urllib.request

    with Member(["building"]).server as server:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.url + BUILD_PATH, timeout=5)
    assert refused.value.code == 400


def test_every_member_of_the_federation_is_warmed_and_left_once_building(scripts, tmp_path):
    building = Member(["waiting", ":keepalive", "fetching", ":keepalive", "building"])
    cached = Member(["built"])
    with building.server as one, cached.server as two, \
            Front({"gesis": one.url, "2i2c": two.url}).server as front:
        result, summary = prewarm(scripts, front.url + "/", tmp_path)
        assert building.done.wait(5) and cached.done.wait(5)
    assert result.returncode == 0, result.stdout + result.stderr
    assert annotations(result.stdout, "warning") == annotations(result.stdout, "error") == []
    assert [path for _, path, _ in front.requests] == ["/active_hosts"]
    for member in (one, two):
        assert member.requests == [("GET", BUILD_PATH, "text/event-stream")]
    # Left after the build started, before it finished: no launch was made.
    assert building.client_left_early is True
    assert building.sent == ["waiting", ":keepalive", "fetching", ":keepalive", "building"]
    assert cached.client_left_early is True and cached.sent == ["built"]
    assert "| member | last phase | seconds |" in summary
    assert f"| {one.url} | building |" in summary and f"| {two.url} | built |" in summary


def test_a_hub_without_active_hosts_is_warmed_itself_through_its_redirect(scripts, tmp_path):
    member = Member(["fetching", "building"])
    with member.server as target, Front(None, redirect_to=target.url).server as hub:
        result, summary = prewarm(scripts, hub.url + "/prefix", tmp_path)
        assert member.done.wait(5)
    assert result.returncode == 0, result.stdout + result.stderr
    # The hub answered 404 for /active_hosts, then 307 for the build, which
    # was followed with the Accept header kept.
    assert [r[1] for r in hub.requests] == ["/prefix/active_hosts", f"/prefix{BUILD_PATH}"]
    assert target.requests == [("GET", f"/prefix{BUILD_PATH}", "text/event-stream")]
    assert member.client_left_early is True
    assert f"| {hub.url}/prefix | building |" in summary


def test_a_failed_build_fails_the_job_with_its_message(scripts, tmp_path):
    failing = Member(["waiting", "fetching", "failed"], message="Error resolving ref 0123 for gh:octo-cat/demo")
    fine = Member(["building"])
    with failing.server as one, fine.server as two, Front({"a": one.url, "b": two.url}).server as front:
        result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 1
    errors = annotations(result.stdout, "error")
    assert errors == [f"::error title=Binder pre-warm::{one.url}: the build failed: "
                      "Error resolving ref 0123 for gh:octo-cat/demo"]
    assert f"| {one.url} | failed |" in summary


def test_unreachable_slow_and_busy_members_warn_and_the_job_passes(scripts, tmp_path):
    silent, busy, fine = Silent(), Busy(503), Member(["building"])
    down = f"http://127.0.0.1:{closed_port()}"
    with silent.server as slow, busy.server as full, fine.server as ok:
        members = {"slow": slow.url, "busy": full.url, "down": down, "ok": ok.url}
        with Front(members).server as front:
            result, summary = prewarm(scripts, front.url, tmp_path, seconds="1")
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = annotations(result.stdout, "warning")
    assert len(warnings) == 3
    assert any(w.startswith(f"::warning title=Binder pre-warm::{slow.url}: ") and "timed out" in w
               for w in warnings)
    assert f"::warning title=Binder pre-warm::{full.url}: HTTP 503 Service Unavailable" in warnings
    assert any(w.startswith(f"::warning title=Binder pre-warm::{down}: ") and "refused" in w.lower()
               for w in warnings)
    assert slow.requests == full.requests == [("GET", BUILD_PATH, "text/event-stream")]
    assert summary.count("\n| http://127.0.0.1:") == 4


def test_a_hub_that_cannot_be_reached_is_a_warning(scripts, tmp_path):
    down = f"http://127.0.0.1:{closed_port()}"
    result, _ = prewarm(scripts, down, tmp_path, seconds="1")
    assert result.returncode == 0
    assert annotations(result.stdout, "warning")[0].startswith(
        f"::warning title=Binder pre-warm::{down}: could not list its members")


# --- smoke test ---------------------------------------------------------------

def smoke(scripts: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    return run_script(scripts / "smoke_test.py", url, TOKEN, *args)


@pytest.mark.parametrize("ui,expected,asked", [
    ("rstudio", ["/rstudio/"], ["/rstudio/"]),
    ("lab", ["/rstudio/", "/lab"], ["/rstudio/", "/lab"]),
    ("tree", ["/rstudio/", "/tree"], ["/rstudio/", "/tree"]),
    ("shiny/", ["/rstudio/", "/shiny"], ["/rstudio/", "/shiny", "/shiny/"]),
])
def test_smoke_test_passes_when_rstudio_and_the_ui_open(scripts, ui, expected, asked):
    with Jupyter(TOKEN).server as server:
        result = smoke(scripts, server.url, "--ui", ui, "--seconds", "5")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split()[1] for line in result.stdout.splitlines()] == expected
    assert [path for _, path, _ in server.requests] == ["/api/status", *asked]


def test_a_shiny_repository_smoke_tests_its_app(cookies):
    workflow, _ = bake_workflow(cookies, ui="shiny")
    assert '.github/scripts/smoke_test.py http://127.0.0.1:8888 "$token" --ui shiny/' in \
        steps_run(workflow["jobs"]["build"])


def test_smoke_test_waits_for_a_server_that_is_starting(scripts):
    with Jupyter(TOKEN, starting=1).server as server:
        result = smoke(scripts, server.url, "--seconds", "10")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [path for _, path, _ in server.requests] == ["/api/status", "/api/status", "/rstudio/"]


@pytest.mark.parametrize("mode,line", [
    ("loop", "/rstudio/: redirect loop: /rstudio/ -> /rstudio/auth-sign-in -> /rstudio/"),
    ("500", "/rstudio/: HTTP 500 (ended at /rstudio/)"),
    ("not-rstudio", "/rstudio/: HTTP 200 at /rstudio/, but not RStudio's page"),
    ("hang", "/rstudio/: no answer within 2 s (TimeoutError)"),
    ("trickle", "/rstudio/: the page did not arrive in time (2 s)"),
    ("elsewhere", "/rstudio/: redirected to another server, http://binder.invalid/rstudio/%250A::error::x"),
])
def test_smoke_test_fails_with_one_line_saying_what_failed(scripts, mode, line):
    with Jupyter(TOKEN, rstudio=mode).server as server:
        result = smoke(scripts, server.url, "--seconds", "2")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"::error title=Binder smoke test::{line}"]
    assert "Traceback" not in result.stderr


def test_smoke_test_refuses_an_https_url_and_sends_nothing(scripts):
    with Jupyter(TOKEN).server as server:
        result = smoke(scripts, server.url.replace("http://", "https://"), "--seconds", "1")
    assert result.returncode == 1 and server.requests == []
    assert result.stdout.splitlines() == [
        "::error title=Binder smoke test::the URL must start with http:// (the image's server on this machine), "
        "not https://"]


def test_smoke_test_gives_up_on_a_server_that_never_starts(scripts):
    result = smoke(scripts, f"http://127.0.0.1:{closed_port()}", "--seconds", "1")
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error title=Binder smoke test::the Jupyter server did not start within 1 s (")


def test_smoke_test_sends_the_token(scripts):
    with Jupyter("another-token").server as server:
        result = smoke(scripts, server.url, "--seconds", "1")
    assert result.returncode == 1
    assert "did not start within 1 s (HTTP 403)" in result.stdout


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
    assert '.github/scripts/smoke_test.py http://127.0.0.1:8888 "$token" --ui tree' in build
    assert "GITHUB_STEP_SUMMARY" in build
    log_step = workflow["jobs"]["build"]["steps"][-1]
    assert log_step["if"] == "failure()" and "docker logs binder" in log_step["run"]
    prewarm_job = workflow["jobs"]["prewarm"]
    assert prewarm_job["needs"] == "build" and prewarm_job["if"] == "github.event_name == 'push'"
    step = prewarm_job["steps"][-1]
    assert step["env"] == {"BINDERHUB": "https://hub.example.org/binder"}
    assert step["run"] == 'python3 .github/scripts/prewarm.py "$BINDERHUB" "$GITHUB_REPOSITORY" "$GITHUB_SHA"'
    assert workflow["permissions"] == {"contents": "read"}
    assert "|| true" not in steps_run(prewarm_job)
    # Every action is pinned to a version.
    for job in workflow["jobs"].values():
        for uses in (s["uses"] for s in job["steps"] if "uses" in s):
            assert "@v" in uses, uses


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
