"""The generated repository's CI: the workflow, Dependabot, and the two
scripts it calls, run as shipped against local fakes (tests/fake_binder.py)
of a BinderHub federation and of a Jupyter server."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
import yaml

from binder_template.versions import REPO2DOCKER_REQUIREMENT
from tests.conftest import TEMPLATE_ROOT, closed_port, tool
from tests.fake_binder import Busy, Front, Jupyter, Member, Raw, Silent, SlowHeaders

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


def prewarm(scripts: Path, hub: str, tmp_path: Path, *options: str, seconds: str = "5"):
    summary = tmp_path / "summary.md"
    summary.unlink(missing_ok=True)
    result = run_script(scripts / "prewarm.py", hub, "octo-cat/demo", SHA, "--seconds", seconds, *options,
                        summary=summary)
    assert "Traceback" not in result.stderr, result.stderr
    return result, summary.read_text() if summary.exists() else ""


def annotations(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


def warning(where: str, message: str) -> str:
    """The annotation for a warning; its text is cut at 300 characters."""
    return "::warning title=Binder pre-warm::" + f"{where}: {message}"[:300]


def rows(summary: str) -> list[list[str]]:
    """The job summary's table: member, result, last phase (seconds left out)."""
    lines = [line for line in summary.splitlines() if line.startswith("| ") and "---" not in line]
    assert lines[0] == "| member | result | last phase | seconds |"
    return [line.strip("| ").split(" | ")[:3] for line in lines[1:]]


@pytest.fixture(scope="module")
def prewarm_module(scripts):
    """The shipped script, imported, for its URL rule."""
    spec = importlib.util.spec_from_file_location("prewarm", scripts / "prewarm.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- pre-warm: one member, followed to the end ---------------------------------

def test_the_fronts_choice_builds_alone_and_is_left_once_built(scripts, tmp_path):
    chosen = Member(["waiting", ":keepalive", "fetching", "building", ":keepalive", "pushing", "built"])
    other = Member(["built"])
    with chosen.server as one, other.server as two, \
            Front({"gesis": two.url, "2i2c": one.url}, redirect_to=one.url).server as front:
        result, summary = prewarm(scripts, front.url + "/", tmp_path)
        assert chosen.done.wait(5)
    assert result.returncode == 0, result.stdout + result.stderr
    assert annotations(result.stdout, "warning") == annotations(result.stdout, "error") == []
    # Asked through the front, which was not asked for its members.
    assert [path for _, path, _ in front.requests] == [BUILD_PATH]
    assert one.requests == [("GET", BUILD_PATH, "text/event-stream")] and two.requests == []
    # Followed through the whole build, and left at `built`, before the launch.
    assert chosen.sent == ["waiting", ":keepalive", "fetching", "building", ":keepalive", "pushing", "built"]
    assert chosen.left_after == "built"
    assert result.stdout.startswith(f"{one.url}: built after ")
    assert rows(summary) == [[one.url, "built", "built"]]


def test_a_hub_without_active_hosts_is_followed_through_its_redirect(scripts, tmp_path):
    member = Member(["fetching", "building", "built"])
    with member.server as target, Front(None, redirect_to=target.url).server as hub:
        result, summary = prewarm(scripts, hub.url + "/prefix", tmp_path)
        assert member.done.wait(5)
    assert result.returncode == 0, result.stdout + result.stderr
    # The 307 was followed with the Accept header kept.
    assert [r[1] for r in hub.requests] == [f"/prefix{BUILD_PATH}"]
    assert target.requests == [("GET", f"/prefix{BUILD_PATH}", "text/event-stream")]
    assert member.left_after == "built"
    assert rows(summary) == [[f"{target.url}/prefix", "built", "built"]]


def test_a_down_full_or_rate_limited_member_falls_back_to_the_next_listed_one(scripts, tmp_path):
    busy = Busy(503)
    full = Member(["failed"], message="Too many users on this BinderHub! Try again soon.")
    limited = Member(["built"], turn_away=429)
    fine, spare = Member(["waiting", "building", "built"]), Member(["built"])
    down = f"http://127.0.0.1:{closed_port()}"
    with busy.server as b, full.server as f, limited.server as lim, fine.server as ok, spare.server as sp:
        listed = {"busy": b.url, "down": down, "full": f.url, "limited": lim.url, "ok": ok.url, "spare": sp.url}
        with Front(listed, redirect_to=b.url).server as front:
            result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = annotations(result.stdout, "warning")
    assert warnings[0] == warning(b.url, "HTTP 503 Service Unavailable")
    assert warnings[1].startswith(warning(down, "ConnectionRefusedError"))
    assert warnings[2] == warning(f.url, "Too many users on this BinderHub! Try again soon.")
    assert warnings[3] == warning(lim.url, "Rate limit exceeded. Try again in 3600 seconds.")
    assert len(warnings) == 4
    # The front's choice once, then each listed member in turn until one built.
    assert [path for _, path, _ in front.requests] == [BUILD_PATH, "/active_hosts"]
    assert [len(m.requests) for m in (b, f, lim, ok, sp)] == [1, 1, 1, 1, 0]
    assert fine.left_after == "built"
    assert rows(summary) == [[b.url, "down or full", "none"], [down, "down or full", "none"],
                             [f.url, "down or full", "none"], [lim.url, "down or full", "none"],
                             [ok.url, "built", "built"]]


def test_a_failed_build_fails_the_job_with_its_message_and_is_not_retried(scripts, tmp_path):
    failing = Member(["waiting", "fetching", "building", "failed"],
                     message="Error: install.R: package 'nope' is not available\n%0A::error::forged")
    other = Member(["built"])
    with failing.server as one, other.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        started = time.monotonic()
        result, summary = prewarm(scripts, front.url, tmp_path)
        elapsed = time.monotonic() - started
    assert result.returncode == 1
    # Left at `failed`, not at the end of the stream BinderHub holds 60 s more.
    assert elapsed < 4 and failing.left_after == "failed"
    # The server's text cannot end the line or forge another command.
    assert result.stdout.splitlines() == [
        f"::error title=Binder pre-warm::{one.url}: the build failed: "
        "Error: install.R: package 'nope' is not available%0A%250A::error::forged"]
    assert two.requests == [] and [path for _, path, _ in front.requests] == [BUILD_PATH]
    assert rows(summary) == [[one.url, "failed", "failed"]]


def test_a_long_build_is_followed_until_the_deadline_that_keepalives_do_not_extend(scripts, tmp_path):
    slow = Member(["waiting", "building", "...keepalives"])
    with slow.server as one, Front({"a": one.url}).server as front:
        started = time.monotonic()
        result, summary = prewarm(scripts, front.url, tmp_path, seconds="2")
        elapsed = time.monotonic() - started
        assert slow.done.wait(5)
    assert result.returncode == 0
    assert annotations(result.stdout, "warning") == [warning(one.url, "still building after 2 s; left it to go on")]
    assert slow.sent.count(":keepalive") >= 5 and slow.left_after == ":keepalive"
    assert elapsed < 4, elapsed
    assert rows(summary) == [[one.url, "still running", "building"]]


@pytest.mark.parametrize("where", ["build", "active_hosts"])
def test_a_byte_a_second_cannot_hold_the_job_past_its_deadline(scripts, tmp_path, where):
    trickle = Member(["waiting", "...trickle"] if where == "build" else ["built"])
    with trickle.server as one:
        front = Front({"a": one.url}, redirect_to=one.url if where == "build" else closed_url(),
                      body="trickle" if where == "active_hosts" else None)
        with front.server as hub:
            started = time.monotonic()
            result, _ = prewarm(scripts, hub.url, tmp_path, seconds="2")
            elapsed = time.monotonic() - started
    assert result.returncode == 0 and elapsed < 4, elapsed
    if where == "build":
        assert annotations(result.stdout, "warning") == [warning(one.url, "still waiting after 2 s; left it to go on")]
    else:
        assert annotations(result.stdout, "warning")[-1] == warning(hub.url, "could not list its members (no answer in time)")
        assert one.requests == []


def test_a_stream_without_newlines_is_cut_off(scripts, tmp_path):
    flood, fine = Member(["waiting", "...flood"]), Member(["built"])
    with flood.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        result, _ = prewarm(scripts, front.url, tmp_path, seconds="20")
        flood.server.release.set()
        assert flood.done.wait(5)
    assert annotations(result.stdout, "warning") == [
        warning(one.url, "sent a line longer than 1 MB while waiting; the build may go on there")]
    assert flood.bytes_sent < 20_000_000, flood.bytes_sent
    assert two.requests == []  # the build had started there: not asked again elsewhere


def test_a_hubs_phase_text_stays_in_its_cell_of_the_summary(scripts, tmp_path):
    odd = Member(["waiting", "odd|phase\n| forged | row |", "...end"])
    with odd.server as one, Front({"a": one.url}, redirect_to=one.url).server as front:
        result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 0
    assert rows(summary) == [[one.url, "still running", "odd\\|phase \\| forged \\| row \\|"]]


CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.mark.parametrize("answer,message", [
    (b"HTTP/1.1 OK\r\n\r\n", "BadStatusLine"),
    (b"HTTP/1.1 200 OK\r\n" + b"X-Header: 1\r\n" * 150 + b"\r\n", "HTTPException: got more than 100 headers"),
    (CHUNKED + b"ff\r\ndata: {\"phase\"", "IncompleteRead"),
    (CHUNKED + b"9\r\ndata: 1\n\n\r\n0\r\n\r\n", "the stream ended before the build did"),
])
def test_a_broken_answer_is_a_warning_and_the_next_member_is_asked(scripts, tmp_path, answer, message):
    broken, fine = Raw(answer), Member(["built"])
    with broken.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = annotations(result.stdout, "warning")
    assert line.startswith(warning(one.url, "")) and message in line, line
    assert len(two.requests) == 1 and rows(summary)[-1] == [two.url, "built", "built"]


def test_headers_a_byte_at_a_time_cannot_hold_the_job_past_its_deadline(scripts, tmp_path):
    slow, fine = SlowHeaders(), Member(["built"])
    with slow.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        started = time.monotonic()
        result, summary = prewarm(scripts, front.url, tmp_path, seconds="2")
        elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed  # 2 s for the slow member, then the next one
    assert annotations(result.stdout, "warning") == [warning(one.url, "no answer within 2 s")]
    assert rows(summary)[-1] == [two.url, "built", "built"]


def test_an_event_nested_too_deep_to_read_is_skipped(scripts, tmp_path):
    deep = b"data: " + b"[" * 200_000 + b"\n\n"
    answer = CHUNKED + f"{len(deep):x}\r\n".encode() + deep + b"\r\n0\r\n\r\n"
    broken, fine = Raw(answer), Member(["built"])
    with broken.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 0, result.stderr
    assert annotations(result.stdout, "warning") == [warning(one.url, "the stream ended before the build did")]
    assert rows(summary)[-1] == [two.url, "built", "built"]


def test_a_long_list_of_bad_members_gives_a_few_warnings(scripts, tmp_path):
    listed = {f"m{i}": f"ftp://127.0.0.1/{i}" for i in range(500)}
    with Front(listed, redirect_to=closed_url()).server as front:
        result, _ = prewarm(scripts, front.url, tmp_path)
    warnings = annotations(result.stdout, "warning")
    assert len(warnings) == 1 + 10 + 1  # the front's choice, ten named, the rest counted
    assert warnings[-1] == warning(front.url, "left out 490 more members")
    assert [path for _, path, _ in front.requests] == [BUILD_PATH, "/active_hosts"]  # not asked again


def closed_url() -> str:
    return f"http://127.0.0.1:{closed_port()}"


def test_active_hosts_is_checked_before_a_member_is_asked(scripts, tmp_path):
    fine = Member(["built"])
    with fine.server as ok:
        listed = {"newline": "http://127.0.0.1:1/\n::error::forged", "file": "file:///etc/passwd",
                  "ftp": "ftp://127.0.0.1/", "user": "http://me:pw@127.0.0.1:1", "not-a-string": 7,
                  "ok": ok.url, "again": ok.url + "/"}
        with Front(listed, redirect_to=closed_url()).server as front:
            result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any(line.startswith("::error") for line in result.stdout.splitlines())
    left_out = [line.split("left out the member ", 1)[1] for line in annotations(result.stdout, "warning")
                if "left out the member" in line]
    assert left_out == [
        "'http://127.0.0.1:1/\\n::error::forged': it has spaces or control characters",
        "'file:///etc/passwd': only http or https URLs are followed",
        "'ftp://127.0.0.1/': only http or https URLs are followed",
        "'http://me:pw@127.0.0.1:1': it needs a host name and no user name",
        "'7': not a string"]
    assert ok.requests == [("GET", BUILD_PATH, "text/event-stream")]  # once, though listed twice
    assert rows(summary)[-1] == [ok.url, "built", "built"]


def test_an_https_hub_reaches_only_https_members_and_redirects(prewarm_module):
    assert prewarm_module.url_problem("http://2i2c.mybinder.org", {"https"}) == "only https URLs are followed"
    assert prewarm_module.url_problem("https://2i2c.mybinder.org", {"https"}) is None
    assert prewarm_module.url_problem("https://a.org:x", {"https"}) == "its port is not a number"
    assert prewarm_module.url_problem("https://a.org/\x85", {"https"}) == "it has spaces or control characters"


@pytest.mark.parametrize("location,problem", [
    ("file:///etc/passwd", "only http or https URLs are followed"),
    ("ftp://127.0.0.1/x", "only http or https URLs are followed"),
    ("http://127.0.0.1:1/\x7f::error::x", "it has spaces or control characters"),
])
def test_a_redirect_is_followed_only_to_a_web_address(scripts, tmp_path, location, problem):
    with Front(None, redirect_to=location).server as front:
        result, summary = prewarm(scripts, front.url, tmp_path)
    assert result.returncode == 0
    [line] = annotations(result.stdout, "warning")
    assert line == warning(front.url, f"redirected to {location + BUILD_PATH!r}, which this script "
                                      f"does not follow: {problem}")
    assert rows(summary) == [[front.url, "down or full", "none"]]


def test_a_silent_member_is_given_up_on_and_the_next_one_asked(scripts, tmp_path):
    silent, fine = Silent(), Member(["built"])
    with silent.server as quiet, fine.server as ok, \
            Front({"quiet": quiet.url, "ok": ok.url}, redirect_to=quiet.url).server as front:
        started = time.monotonic()
        result, summary = prewarm(scripts, front.url, tmp_path, seconds="2")
        elapsed = time.monotonic() - started
    assert result.returncode == 0 and elapsed < 5, elapsed
    assert annotations(result.stdout, "warning") == [warning(quiet.url, "no answer within 2 s")]
    assert rows(summary) == [[quiet.url, "down or full", "none"], [ok.url, "built", "built"]]


def test_every_member_is_asked_with_all_members_each_once_and_at_most_ten(scripts, tmp_path):
    members = [Member(["building", "built"]) for _ in range(12)]
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(m.server).url for m in members]
        listed = {f"m{i}": url for i, url in enumerate(urls)} | {"dup": urls[0] + "/"}
        with Front(listed).server as front:
            result, summary = prewarm(scripts, front.url, tmp_path, "--all-members")
    assert result.returncode == 0, result.stdout + result.stderr
    assert annotations(result.stdout, "warning") == [warning(front.url, "asked only the first 10 of 12 members")]
    assert [len(m.server.requests) for m in members] == [1] * 10 + [0, 0]
    assert all(m.left_after == "built" for m in members[:10])
    assert rows(summary) == [[url, "built", "built"] for url in urls[:10]]
    assert [path for _, path, _ in front.requests] == ["/active_hosts"]


def test_a_hub_that_cannot_be_reached_is_a_warning(scripts, tmp_path):
    down = closed_url()
    result, summary = prewarm(scripts, down, tmp_path, seconds="1")
    assert result.returncode == 0
    first, second = annotations(result.stdout, "warning")
    assert first.startswith(warning(down, "ConnectionRefusedError"))
    assert second.startswith(warning(down, "could not list its members (ConnectionRefusedError"))
    assert rows(summary) == [[down, "down or full", "none"]]


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
    # No job can hold a runner for GitHub's default six hours; the pre-warm's
    # covers the script's default hour.
    assert {name: job["timeout-minutes"] for name, job in workflow["jobs"].items()} == {"build": 90, "prewarm": 75}
    # Every action is pinned to a version.
    for job in workflow["jobs"].values():
        for uses in (s["uses"] for s in job["steps"] if "uses" in s):
            assert "@v" in uses, uses


@pytest.mark.parametrize("hub,comment", [
    ("https://mybinder.org/", "# One member builds it: mybinder.org's members share built images.\n"),
    ("https://hub.example.org", "# One member builds it. For a federation whose members do not share\n"
                                "      # built images, add --all-members.\n"),
])
def test_the_prewarm_step_says_why_one_member_builds(cookies, hub, comment):
    result = cookies.bake(extra_context={"online_checks": False, "binderhub_url": hub})
    text = (result.project_path / ".github" / "workflows" / "binder.yml").read_text()
    assert f"      - uses: actions/checkout@v4\n      {comment}      - name: Have Binder build this commit\n" in text


@pytest.mark.parametrize("ui", ["rstudio", "shiny"])
def test_the_python_that_ships_passes_ruff(cookies, ui):
    """The generated repository's scripts are product code, linted with the
    template's own rules."""
    from tests.conftest import tool

    result = cookies.bake(extra_context={"online_checks": False, "ui": ui})
    scripts = sorted(result.project_path.rglob("*.py"))
    assert len(scripts) == (3 if ui == "shiny" else 2)
    linted = subprocess.run([tool("ruff"), "check", "--no-cache", "--config", str(TEMPLATE_ROOT / "pyproject.toml"),
                             *map(str, scripts)], capture_output=True, text=True, timeout=60)
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
