"""The RStudio check every generated repository ships, against a hostile
server (issue 21, item 13): its deadline holds however slowly a server
sends, a redirect to a non-ASCII path is followed as a browser follows it,
and a server's text it cannot encode is escaped. (The pre-warm's bounds are
in tests/test_prewarm.py.)

The script runs as shipped, in a subprocess, against stand-ins on
127.0.0.1 (tests/fake_binder.py)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.fake_binder import RSTUDIO_PAGE, FakeServer, respond

TOKEN = "s3cret-token"
# How long a script may run before the test gives up on it: well past the
# deadlines below, which are all of a second or two.
GIVE_UP = 10


@pytest.fixture(scope="module")
def scripts(cookies_session) -> Path:
    result = cookies_session.bake(extra_context={"online_checks": False, "repo_name": "bounds"})
    assert result.exit_code == 0, result.exception
    return result.project_path / ".github" / "scripts"


def smoke(scripts: Path, url: str, seconds: str):
    """The RStudio check's result (bytes) and how long it ran."""
    started = time.monotonic()
    try:
        result = subprocess.run(["bash", str(scripts / "smoke_test.sh"), url, TOKEN], capture_output=True,
                                env={**os.environ, "SMOKE_SECONDS": seconds}, timeout=GIVE_UP)
    except subprocess.TimeoutExpired:
        pytest.fail(f"smoke_test.sh was still running after {GIVE_UP} s")
    return result, time.monotonic() - started


# --- one deadline for the whole answer, and 2 MB of a page ----------------------------

def test_a_page_larger_than_2_mb_is_cut_off_and_said(scripts):
    """Sent with no Content-Length, so curl before 8.4 (--max-filesize)
    would take it all: the shell's file size limit cuts it."""
    def answer(handler):
        if handler.path == "/api/status":
            return respond(handler, 200, b'{"started": "now"}', "application/json")
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        for _ in range(50):  # 3.2 MB
            handler.wfile.write(b"x" * 65536)
        handler.close_connection = True

    with FakeServer(answer) as server:
        result, _ = smoke(scripts, server.url, "10")
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        "::error title=Binder smoke test::/rstudio/: the page at /rstudio/ is larger than 2 MB"]


class Trickle:
    """A Jupyter server whose `path` answers with `start`, then a byte of
    `then` every 0.1 s, never done; every other path answers at once."""

    def __init__(self, path: str, start: bytes, then: bytes):
        self.path, self.start, self.then = path, start, then
        self.server = FakeServer(self.answer)

    def answer(self, handler) -> None:
        if handler.path != self.path and handler.path == "/api/status":
            return respond(handler, 200, b'{"started": "now"}', "application/json")
        try:
            handler.wfile.write(self.start)
            handler.wfile.flush()
            while not self.server.release.wait(0.1):
                handler.wfile.write(self.then)
                handler.wfile.flush()
        except OSError:  # the script left, as it should
            pass


@pytest.mark.parametrize("path,start,then", [
    ("/api/status", b"HTTP/1.1 200 OK\r\nX-Slow: ", b"x"),
    ("/rstudio/", b"HTTP/1.1 200 OK", b" "),
    ("/rstudio/", b"HTTP/1.1 200 OK\r\nX-Slow: ", b"x"),
    # The body's chunk size is read as a line too: a byte at a time, it
    # held the old check inside one read.
    ("/rstudio/", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"f"),
], ids=["status-headers", "rstudio-status-line", "rstudio-headers", "rstudio-chunk-size"])
def test_the_smoke_test_gives_up_at_its_deadline_on_an_answer_sent_a_byte_at_a_time(
        scripts, path, start, then):
    trickle = Trickle(path, start, then)
    with trickle.server as server:
        result, elapsed = smoke(scripts, server.url, "1")
    assert elapsed < 3, elapsed  # its second, and bash's start
    assert result.returncode == 1
    [line] = result.stdout.decode().splitlines()
    where = "the Jupyter server did not start within 1 s" if path == "/api/status" else \
        f"{path}: no whole answer within 1 s"
    assert line.startswith(f"::error title=Binder smoke test::{where} (curl: (28) Operation timed out"), line


class Redirect:
    """A Jupyter server whose /rstudio/ redirects to `location`, sent as
    these bytes, and which has RStudio at `target`."""

    def __init__(self, location: bytes, target: str):
        self.location, self.target = location, target
        self.server = FakeServer(self.answer)

    def answer(self, handler) -> None:
        if handler.path == "/api/status":
            return respond(handler, 200, b'{"started": "now"}', "application/json")
        if handler.path == "/rstudio/":
            # http.server writes a header as Latin-1: these bytes, as they are.
            return respond(handler, 302, headers={"Location": self.location.decode("latin-1")})
        if handler.path == self.target:
            return respond(handler, 200, RSTUDIO_PAGE, "text/html")
        return respond(handler, 404, b"Not Found")


@pytest.mark.parametrize("location,target", [
    ("/café/".encode(), "/caf%c3%a9/"),  # UTF-8, as tornado (Jupyter's server) sends it
    ("/café/".encode("latin-1"), "/caf%e9/"),  # a byte that is not UTF-8: sent on as it came
    (b"/rstudio/a b?x=\xc3\xa9", "/rstudio/a%20b?x=%c3%a9"),
    (b"/rstudio/%C3%A9/", "/rstudio/%C3%A9/"),  # already encoded: left as it is
])
def test_a_redirect_to_a_non_ascii_path_is_followed_percent_encoded_as_a_browser_does(
        scripts, location, target):
    redirect = Redirect(location, target)
    with redirect.server as server:
        result, _ = smoke(scripts, server.url, "5")
    assert result.returncode == 0, result.stdout.decode()
    assert result.stdout.decode().splitlines() == [f"ok: /rstudio/ -> {target}"]
    assert [path for _, path, _ in server.requests] == ["/api/status", "/rstudio/", target]


def test_a_redirect_to_a_non_ascii_host_is_refused_in_one_ascii_line(scripts):
    redirect = Redirect("http://café.invalid/rstudio/".encode(), "/nowhere")
    with redirect.server as server:
        result, _ = smoke(scripts, server.url, "5")
    assert result.returncode == 1
    assert result.stdout.decode("ascii").splitlines() == [
        "::error title=Binder smoke test::/rstudio/: redirected to another server, "
        "http://caf\\u00e9.invalid/rstudio/"]
    assert [path for _, path, _ in server.requests] == ["/api/status", "/rstudio/"]


# --- a server's text, in ASCII --------------------------------------------------

def test_a_status_line_that_is_not_ascii_is_one_line_of_ascii(scripts):
    odd = FakeServer(lambda handler: (handler.wfile.write(b"HTTP/1.1 \xc3\x9f\r\n\r\n"), handler.wfile.flush()))
    with odd as server:
        result, _ = smoke(scripts, server.url, "1")
    assert result.returncode == 1
    [line] = result.stdout.decode("ascii").splitlines()
    assert line.startswith("::error title=Binder smoke test::the Jupyter server did not start within 1 s (curl: ")
