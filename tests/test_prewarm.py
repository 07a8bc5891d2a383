"""The pre-warm every generated repository with GitHub Actions ships,
`.github/scripts/prewarm.sh`, run as shipped (bash, with the machine's curl
and jq, as a GitHub runner has them) against local stand-ins of a BinderHub
federation on 127.0.0.1 (tests/fake_binder.py): which member builds, when
it hangs up, the bounds on what a hub can make it hold, and that whatever a
hub sends stays plain text in the log and out of the job summary."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import time
from pathlib import Path

import mistune
import pytest
from markdown_it import MarkdownIt

from tests.conftest import closed_port
from tests.fake_binder import Busy, Front, Member, Raw, Silent, SlowHeaders

SHA = "0123456789abcdef0123456789abcdef01234567"
BUILD_PATH = f"/build/gh/octo-cat/demo/{SHA}"
SUMMARY_HEAD = "### Binder pre-warm\n\n| member | result | seconds |\n|---|---|---|\n"


@pytest.fixture(scope="module")
def script(cookies_session) -> Path:
    result = cookies_session.bake(extra_context={"online_checks": False, "repo_name": "prewarm"})
    assert result.exit_code == 0, result.exception
    return result.project_path / ".github" / "scripts" / "prewarm.sh"


def prewarm(script: Path, hub: str, tmp_path: Path, seconds: str = "5", ref: str = SHA):
    """(the finished run, its job summary) with PREWARM_SECONDS=seconds."""
    summary = tmp_path / "summary.md"
    summary.unlink(missing_ok=True)
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "PREWARM_SECONDS": seconds}
    result = subprocess.run(["bash", str(script), hub, "octo-cat/demo", ref], capture_output=True, env=env,
                            timeout=60)
    # Whatever a hub sent, the log is ASCII, and nothing but the script's own lines.
    stdout = result.stdout.decode("ascii")
    assert all(line.startswith(("::warning title=Binder pre-warm::", "::error title=Binder pre-warm::"))
               or line.split(": built after ")[-1].endswith(" s") for line in stdout.splitlines()), stdout
    result.stdout = stdout
    return result, summary.read_text() if summary.exists() else ""


def annotations(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


def warning(where: str, message: str) -> str:
    return f"::warning title=Binder pre-warm::{where}: {message}"


def rows(summary: str) -> list[list[str]]:
    """The job summary's table: member, result (seconds left out)."""
    assert summary.startswith(SUMMARY_HEAD), summary
    lines = summary[len(SUMMARY_HEAD):].splitlines()
    return [[cell.strip("` ") for cell in line.strip("| ").split(" | ")[:2]] for line in lines]


def closed_url() -> str:
    return f"http://127.0.0.1:{closed_port()}"


# --- one member, followed to the end ------------------------------------------

def test_the_fronts_choice_builds_alone_and_is_left_once_built(script, tmp_path):
    chosen = Member(["waiting", ":keepalive", "fetching", "building", ":keepalive", "pushing", "built"])
    other = Member(["built"])
    with chosen.server as one, other.server as two, \
            Front({"gesis": two.url, "2i2c": one.url}, redirect_to=one.url).server as front:
        result, summary = prewarm(script, front.url + "/", tmp_path)
        assert chosen.done.wait(5)
    assert result.returncode == 0, result.stdout + result.stderr.decode()
    assert annotations(result.stdout, "warning") == annotations(result.stdout, "error") == []
    # Asked through the front, which was not asked for its members.
    assert [path for _, path, _ in front.requests] == [BUILD_PATH]
    assert one.requests == [("GET", BUILD_PATH, "text/event-stream")] and two.requests == []
    # Followed through the whole build, and left at `built`, before the launch.
    assert chosen.sent == ["waiting", ":keepalive", "fetching", "building", ":keepalive", "pushing", "built"]
    assert chosen.left_after == "built"
    assert result.stdout.startswith(f"{one.url}: built after ")
    assert rows(summary) == [[one.url, "built"]]


def test_a_hub_without_active_hosts_is_followed_through_its_redirect(script, tmp_path):
    member = Member(["fetching", "building", "built"])
    with member.server as target, Front(None, redirect_to=target.url).server as hub:
        result, summary = prewarm(script, hub.url + "/prefix", tmp_path)
        assert member.done.wait(5)
    assert result.returncode == 0, result.stdout
    # The 307 was followed with the Accept header kept.
    assert [r[1] for r in hub.requests] == [f"/prefix{BUILD_PATH}"]
    assert target.requests == [("GET", f"/prefix{BUILD_PATH}", "text/event-stream")]
    assert member.left_after == "built"
    assert rows(summary) == [[f"{target.url}/prefix", "built"]]


def test_a_ref_is_sent_as_binderhub_splits_it(script, tmp_path):
    member = Member(["built"])
    with member.server as hub:
        result, _ = prewarm(script, hub.url, tmp_path, ref="fix/it 100%#1")
    assert result.returncode == 0, result.stdout
    assert hub.requests == [("GET", "/build/gh/octo-cat/demo/fix/it%20100%25%231", "text/event-stream")]


def test_a_down_full_or_rate_limited_member_falls_back_to_the_next_listed_one(script, tmp_path):
    busy = Busy(503)
    full = Member(["failed"], message="Too many users on this BinderHub! Try again soon.")
    limited = Member(["built"], turn_away=429)
    fine, spare = Member(["waiting", "building", "built"]), Member(["built"])
    down = closed_url()
    with busy.server as b, full.server as f, limited.server as lim, fine.server as ok, spare.server as sp:
        listed = {"busy": b.url, "down": down, "full": f.url, "limited": lim.url, "ok": ok.url, "spare": sp.url}
        with Front(listed, redirect_to=b.url).server as front:
            result, summary = prewarm(script, front.url, tmp_path)
    assert result.returncode == 0, result.stdout
    warnings = annotations(result.stdout, "warning")
    assert warnings[0] == warning(b.url, "curl: (22) The requested URL returned error: 503")
    assert warnings[1].startswith(warning(down, "curl: (7) Failed to connect"))
    assert warnings[2] == warning(f.url, "Too many users on this BinderHub! Try again soon.")
    # An HTTP error as an event with its status_code (builder.py's send_error).
    assert warnings[3] == warning(lim.url, "Rate limit exceeded. Try again in 3600 seconds.")
    assert len(warnings) == 4
    # The front's choice once, then each listed member in turn until one built.
    assert [path for _, path, _ in front.requests] == [BUILD_PATH, "/active_hosts"]
    assert [len(m.requests) for m in (b, f, lim, ok, sp)] == [1, 1, 1, 1, 0]
    assert fine.left_after == "built"
    assert rows(summary) == [[b.url, "down or full"], [down, "down or full"], [f.url, "down or full"],
                             [lim.url, "down or full"], [ok.url, "built"]]


def test_a_failed_build_fails_the_job_with_its_message_and_is_not_retried(script, tmp_path):
    failing = Member(["waiting", "fetching", "building", "failed"],
                     message="Error: install.R: package 'nope' is not available\n%0A::error::forged")
    other = Member(["built"])
    with failing.server as one, other.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        started = time.monotonic()
        result, summary = prewarm(script, front.url, tmp_path)
        elapsed = time.monotonic() - started
    assert result.returncode == 1
    # Left at `failed`, not at the end of the stream BinderHub holds 60 s more.
    assert elapsed < 4 and failing.left_after == "failed"
    # The server's text cannot end the line or forge another command.
    assert result.stdout.splitlines() == [
        f"::error title=Binder pre-warm::{one.url}: the build failed: "
        "Error: install.R: package 'nope' is not available\\n%250A::error::forged"]
    assert two.requests == [] and [path for _, path, _ in front.requests] == [BUILD_PATH]
    assert rows(summary) == [[one.url, "failed"]]


# --- bounds: time, bytes, lines, members --------------------------------------

def test_a_long_build_is_followed_until_the_deadline_that_keepalives_do_not_extend(script, tmp_path):
    slow = Member(["waiting", "building", "...keepalives"])
    with slow.server as one, Front({"a": one.url}).server as front:
        started = time.monotonic()
        result, summary = prewarm(script, front.url, tmp_path, seconds="2")
        elapsed = time.monotonic() - started
        assert slow.done.wait(5)
    assert result.returncode == 0
    assert annotations(result.stdout, "warning") == [warning(one.url, "still building after 2 s; left it to go on")]
    assert slow.sent.count(":keepalive") >= 5 and slow.left_after == ":keepalive"
    assert elapsed < 4, elapsed
    assert rows(summary) == [[one.url, "still running"]]


@pytest.mark.parametrize("where", ["build", "active_hosts"])
def test_a_byte_a_second_cannot_hold_the_job_past_its_deadline(script, tmp_path, where):
    trickle = Member(["waiting", "...trickle"] if where == "build" else ["built"])
    with trickle.server as one:
        front = Front({"a": one.url}, redirect_to=one.url if where == "build" else closed_url(),
                      body="trickle" if where == "active_hosts" else None)
        with front.server as hub:
            started = time.monotonic()
            result, _ = prewarm(script, hub.url, tmp_path, seconds="2")
            elapsed = time.monotonic() - started
    assert result.returncode == 0 and elapsed < 4, elapsed
    if where == "build":
        assert annotations(result.stdout, "warning") == [warning(one.url, "still waiting after 2 s; left it to go on")]
    else:
        assert annotations(result.stdout, "warning")[-1] == warning(
            hub.url, "no other member to ask (none listed at /active_hosts)")
        assert one.requests == []


def test_headers_a_byte_at_a_time_cannot_hold_the_job_past_its_deadline(script, tmp_path):
    slow, fine = SlowHeaders(), Member(["built"])
    with slow.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        started = time.monotonic()
        result, summary = prewarm(script, front.url, tmp_path, seconds="2")
        elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed  # 2 s for the slow member, then the next one
    assert annotations(result.stdout, "warning") == [warning(one.url, "no answer within 2 s")]
    assert rows(summary)[-1] == [two.url, "built"]


def test_a_silent_member_is_given_up_on_and_the_next_one_asked(script, tmp_path):
    silent, fine = Silent(), Member(["built"])
    with silent.server as quiet, fine.server as ok, \
            Front({"quiet": quiet.url, "ok": ok.url}, redirect_to=quiet.url).server as front:
        started = time.monotonic()
        result, summary = prewarm(script, front.url, tmp_path, seconds="2")
        elapsed = time.monotonic() - started
    assert result.returncode == 0 and elapsed < 5, elapsed
    assert annotations(result.stdout, "warning") == [warning(quiet.url, "no answer within 2 s")]
    assert rows(summary) == [[quiet.url, "down or full"], [ok.url, "built"]]


def test_a_message_of_whitespace_costs_no_time(script, tmp_path):
    """jq trims a message only after cutting it to 1,000 characters: its
    regular expressions take time that grows with the square of a run of
    spaces, and a megabyte of them took an hour."""
    member = Member(["building", "failed"], message="x" + " " * 900_000 + "y")
    with member.server as hub:
        started = time.monotonic()
        result, _ = prewarm(script, hub.url, tmp_path, seconds="30")
        elapsed = time.monotonic() - started
    assert result.returncode == 1 and elapsed < 5, elapsed
    assert result.stdout == f"::error title=Binder pre-warm::{hub.url}: the build failed: x\n"


def test_a_stream_without_newlines_is_cut_off_at_200_mb(script, tmp_path):
    flood, fine = Member(["waiting", "...flood"]), Member(["built"])
    with flood.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        result, _ = prewarm(script, front.url, tmp_path, seconds="50")
        flood.server.release.set()
        assert flood.done.wait(5)
    assert annotations(result.stdout, "warning") == [
        warning(one.url, "sent more than 200 MB while waiting; the build may go on there")]
    assert 200_000_000 <= flood.bytes_sent < 210_000_000, flood.bytes_sent
    assert two.requests == []  # the build had started there: not asked again elsewhere


CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
DEEP = b"data: " + b"[" * 200_000 + b"\n\n"


@pytest.mark.parametrize("answer", [
    b"HTTP/1.1 OK\r\n\r\n",
    CHUNKED + b"ff\r\ndata: {\"phase\"",
    CHUNKED + b"9\r\ndata: 1\n\n\r\n0\r\n\r\n",
    # An event nested too deep for jq to read is skipped, not a crash.
    CHUNKED + f"{len(DEEP):x}\r\n".encode() + DEEP + b"\r\n0\r\n\r\n",
], ids=["bad-status-line", "cut-chunk", "no-phase", "nested-too-deep"])
def test_a_broken_answer_is_a_warning_and_the_next_member_is_asked(script, tmp_path, answer):
    broken, fine = Raw(answer), Member(["built"])
    with broken.server as one, fine.server as two, \
            Front({"a": one.url, "b": two.url}, redirect_to=one.url).server as front:
        result, summary = prewarm(script, front.url, tmp_path)
    assert result.returncode == 0, result.stdout
    [line] = annotations(result.stdout, "warning")
    assert line.startswith(warning(one.url, "")), line
    assert len(two.requests) == 1 and rows(summary) == [[one.url, "down or full"], [two.url, "built"]]


def test_only_a_redirect_names_the_member(script, tmp_path):
    """A Location header on an answer that is not a redirect names no one:
    the log shows the address asked."""
    event = b'data: {"phase": "built", "message": "built"}\n\n'
    answer = (b"HTTP/1.1 200 OK\r\nLocation: http://127.0.0.1:1/sign-in\r\nContent-Type: text/event-stream\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(event):x}\r\n".encode() + event + b"\r\n0\r\n\r\n")
    with Raw(answer).server as hub:
        result, summary = prewarm(script, hub.url, tmp_path)
    assert result.returncode == 0 and result.stdout.startswith(f"{hub.url}: built after "), result.stdout
    assert rows(summary) == [[hub.url, "built"]]


def test_members_are_asked_at_most_ten_each_once(script, tmp_path):
    members = [Member(["failed"], message="Too many users") for _ in range(12)]
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(m.server).url for m in members]
        listed = {f"m{i}": url for i, url in enumerate(urls)} | {"dup": urls[0] + "/"}
        with Front(listed, redirect_to=urls[0]).server as front:
            result, summary = prewarm(script, front.url, tmp_path)
    assert result.returncode == 0, result.stdout
    assert [len(m.server.requests) for m in members] == [1] * 10 + [0, 0]
    assert [row[0] for row in rows(summary)] == urls[:10]


def test_active_hosts_is_checked_before_a_member_is_asked(script, tmp_path):
    fine = Member(["built"])
    with fine.server as ok:
        listed = {"newline": "http://127.0.0.1:1/\n::error::forged", "file": "file:///etc/passwd",
                  "ftp": "ftp://127.0.0.1/", "user": "http://me:pw@127.0.0.1:1", "not-a-string": 7,
                  "markup": "http://127.0.0.1:1/[x](y)", "ok": ok.url, "again": ok.url + "/"}
        with Front(listed, redirect_to=closed_url()).server as front:
            result, summary = prewarm(script, front.url, tmp_path)
    assert result.returncode == 0, result.stdout
    # Only the front's choice was down; no listed member but `ok` was asked.
    assert len(annotations(result.stdout, "warning")) == 1 and annotations(result.stdout, "error") == []
    assert ok.requests == [("GET", BUILD_PATH, "text/event-stream")]  # once, though listed twice
    assert rows(summary)[-1] == [ok.url, "built"]


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/x", "http://127.0.0.1:1/\x7f::error::x"])
def test_a_redirect_is_followed_only_to_a_web_address(script, tmp_path, location):
    with Front(None, redirect_to=location).server as front:
        result, summary = prewarm(script, front.url, tmp_path)
    assert result.returncode == 0
    first, last = annotations(result.stdout, "warning")
    assert first.startswith(warning(front.url, "curl: ("))
    assert last == warning(front.url, "no other member to ask (none listed at /active_hosts)")
    assert rows(summary) == [[front.url, "down or full"]]


def test_a_hub_that_cannot_be_reached_is_a_warning(script, tmp_path):
    down = closed_url()
    result, summary = prewarm(script, down, tmp_path, seconds="1")
    assert result.returncode == 0
    first, second = annotations(result.stdout, "warning")
    assert first.startswith(warning(down, "curl: (7) Failed to connect"))
    assert second == warning(down, "no other member to ask (none listed at /active_hosts)")
    assert rows(summary) == [[down, "down or full"]]


def test_a_hub_address_with_markup_is_refused(script, tmp_path):
    result, summary = prewarm(script, "http://127.0.0.1:1/[x](y)", tmp_path)
    assert result.returncode == 1 and summary == ""
    assert result.stdout == "::error title=Binder pre-warm::http://127.0.0.1:1/[x](y): not the address of a BinderHub\n"


# --- a hub's text: plain in the log, absent from the summary --------------------

@pytest.mark.parametrize("message,shown", [
    ("\x1b[2J\x1b]0;owned\x07 cleared\u202egnp.exe\u2028::error::x",
     "\\u001b[2J\\u001b]0;owned\\u0007 cleared\\u202egnp.exe\\u2028::error::x"),
    ("le paquet «nope» n'existe pas 100%", "le paquet \\u00abnope\\u00bb n'existe pas 100%25"),
], ids=["terminal-escapes", "not-ascii"])
def test_a_hubs_message_is_one_line_of_ascii_in_the_log(script, tmp_path, message, shown):
    member = Member(["building", "failed"], message=message)
    with member.server as hub:
        result, _ = prewarm(script, hub.url, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"::error title=Binder pre-warm::{hub.url}: the build failed: {shown}"]


def test_quotes_and_commas_keep_a_phase_and_its_message_apart(script, tmp_path):
    """Each event reaches bash as one line, ["phase","message"]: a phase
    that ends in a quote and a comma, and a message full of them, are still
    told apart."""
    member = Member(['x",', "failed"], message='say "a","b"')
    with member.server as hub:
        result, _ = prewarm(script, hub.url, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f'::error title=Binder pre-warm::{hub.url}: the build failed: say \\"a\\",\\"b\\"']


def test_a_lone_surrogate_in_an_event_cannot_reach_the_log(script, tmp_path):
    """jq skips the event (1.6, and 1.7.1 as a reviewer built it) or reads
    the surrogate as U+FFFD. Either way the log stays ASCII (prewarm()
    checks it)."""
    member = Member(["building", "failed"], message="bad \ud800")
    with member.server as hub:
        result, _ = prewarm(script, hub.url, tmp_path, seconds="2")
    [line] = result.stdout.splitlines()
    assert line in (f"::error title=Binder pre-warm::{hub.url}: the build failed: bad \\ufffd",
                    f"::warning title=Binder pre-warm::{hub.url}: still building after 2 s; left it to go on")


@pytest.mark.parametrize("phase", [
    "[Fix your build here](https://evil.example/login) <img src=x>",
    "sign in at https://evil.example/login | forged | row |",
    "`code` **bold** _it_ ~~gone~~ $x^2$ &amp;",
])
def test_a_hubs_phase_never_reaches_the_job_summary(script, tmp_path, phase):
    member = Member(["waiting", phase, "...end"])
    with member.server as hub:
        result, summary = prewarm(script, hub.url, tmp_path)
    assert result.returncode == 0
    # In the log, it is text: as it came, in one line.
    assert result.stdout.splitlines() == [
        f"::warning title=Binder pre-warm::{hub.url}: the stream ended while {phase}; the build may go on there"]
    # The summary holds only the script's own words and the checked address.
    assert re.fullmatch(re.escape(SUMMARY_HEAD + f"| `{hub.url}` | still running | ") + r"\d+ \|\n", summary)
    for render in (MarkdownIt("commonmark").enable("table").render,
                   mistune.create_markdown(plugins=["table", "url", "strikethrough", "math"])):
        page = render(summary)
        assert "evil" not in page and "<img" not in page and "<strong>" not in page, page
