"""Online checks against real local servers standing in for GitHub and
Docker Hub: every answer they might give, and every way they might fail."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import threading
import time
import tracemalloc
import zlib

import pytest
from werkzeug import Response

from binder_template.online import DEADLINE_VARIABLE, run_online_checks
from tests.conftest import TEMPLATE_ROOT, closed_port, tool

USER, REPO, BRANCH, TAG = "octo-cat", "demo", "main", "4.4.0"
DIGEST = "sha256:" + "5e" * 32
BRANCHES = f"/repos/{USER}/{REPO}/branches/{BRANCH}"
REPOS = f"/repos/{USER}/{REPO}"
USERS = f"/users/{USER}"
TAGS = "/v2/namespaces/rocker/repositories/binder/tags"
RESET = 2_000_000_000  # 2033-05-18 03:33 UTC
RATE_LIMITED = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(RESET)}
CHOICES = ["latest", "4.5.0", "4.4.3", "4.4.0", "4.3.3"]
ANSWERS = {"github_user": USER, "repo_name": REPO, "branch": BRANCH, "r_version": TAG}


class SilentServer:
    """Accepts connections and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def release():
    """Set at teardown, so a deliberately slow handler never outlives its test."""
    event = threading.Event()
    yield event
    event.set()


def point_at(monkeypatch, github: str, docker_hub: str, deadline: float = 1.0):
    monkeypatch.setenv("GITHUB_API_URL", github)
    monkeypatch.setenv("DOCKER_HUB_API_URL", docker_hub)
    monkeypatch.setenv(DEADLINE_VARIABLE, str(deadline))


def serve(httpserver, routes: dict):
    for path, response in routes.items():
        if isinstance(response, Response):
            httpserver.expect_request(path).respond_with_response(response)
        else:
            httpserver.expect_request(path).respond_with_handler(response)


def json_response(data, status=200, headers=None):
    return Response(json.dumps(data), status=status, headers=headers, content_type="application/json")


def not_found():
    return json_response({"message": "Not Found"}, 404)


EXISTS = {BRANCHES: json_response({"name": BRANCH})}
TAG_OK = {f"{TAGS}/{TAG}": json_response({"name": TAG, "digest": DIGEST})}

# name: (GitHub routes, expected level, words the message must hold, requests)
GITHUB_CASES = {
    "200 all exist": (EXISTS, None, [], 1),
    "404 branch": ({BRANCHES: not_found(), REPOS: json_response({"default_branch": "trunk", "archived": False})},
                   "warning", ["branch 'main' is not on github.com/octo-cat/demo", "'trunk'"], 2),
    "archived": ({BRANCHES: not_found(), REPOS: json_response({"default_branch": "main", "archived": True})},
                 "warning", ["is archived"], 2),
    "404 repository": ({BRANCHES: not_found(), REPOS: not_found(), USERS: json_response({"login": USER})},
                       "note", ["does not exist yet", "https://github.com/new?owner=octo-cat&name=demo"], 3),
    "404 user": ({BRANCHES: not_found(), REPOS: not_found(), USERS: not_found()},
                 "error", ["github_user = 'octo-cat'", "no user or organisation", "online_checks=false"], 3),
    "301 moved": ({BRANCHES: Response("", 301, headers={"Location": "https://api.github.com/repositories/42/branches/main"})},
                  "warning", ["has moved to https://api.github.com/repositories/42"], 1),
    "403 rate limited": ({BRANCHES: json_response({"message": "API rate limit exceeded"}, 403, RATE_LIMITED)},
                         "warning", ["rate limit", "resets at 03:33 UTC", "GH_TOKEN"], 1),
    "429": ({BRANCHES: json_response({}, 429, {"retry-after": "60"})},
            "warning", ["rate limit", "retry after 60 s"], 1),
    "500": ({BRANCHES: Response("oops", 500)}, "warning", ["GitHub answered HTTP 500"], 1),
    "garbage JSON": ({BRANCHES: Response("{not json", 200, content_type="application/json")},
                     "warning", ["not the JSON expected"], 1),
}

DOCKER_CASES = {
    "200 digest": (TAG_OK, None, [], DIGEST),
    "404 tag": ({f"{TAGS}/{TAG}": not_found(),
                 TAGS: json_response({"results": [{"name": n} for n in ("latest", "4.4.3", "4.3.3")]})},
                "error", ["r_version = '4.4.0'", "not on Docker Hub", "nearest existing choices: 4.4.3, 4.3.3"], None),
    "301": ({f"{TAGS}/{TAG}": Response("", 301, headers={"Location": "/elsewhere"})},
            "warning", ["Docker Hub answered HTTP 301", "bare tag rocker/binder:4.4.0"], None),
    "403 rate limited": ({f"{TAGS}/{TAG}": json_response({}, 403, RATE_LIMITED)},
                         "warning", ["Docker Hub rate limit", "bare tag"], None),
    "429": ({f"{TAGS}/{TAG}": json_response({}, 429)}, "warning", ["Docker Hub rate limit", "bare tag"], None),
    "500": ({f"{TAGS}/{TAG}": Response("", 503)}, "warning", ["HTTP 503", "bare tag"], None),
    "garbage JSON": ({f"{TAGS}/{TAG}": Response("<html>", 200)}, "warning", ["not the JSON expected"], None),
    "bad digest": ({f"{TAGS}/{TAG}": json_response({"digest": "sha256:../../etc"})},
                   "warning", ["no valid digest"], None),
}


def findings_text(report) -> str:
    return "\n".join(map(str, report.findings))


@pytest.mark.parametrize("case", GITHUB_CASES)
def test_github_fault_matrix(httpserver, monkeypatch, case):
    routes, level, words, requests_made = GITHUB_CASES[case]
    serve(httpserver, {**routes, **TAG_OK})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    start = time.perf_counter()
    report = run_online_checks(ANSWERS, CHOICES)
    assert time.perf_counter() - start < 1.0
    github = [f for f in report.findings if "Docker" not in f.message]
    if level is None:
        assert github == []
    else:
        assert next(f.level for f in github) == level
        for word in words:
            assert word in findings_text(report)
    assert report.requests["GitHub"] == requests_made
    assert report.digest == DIGEST
    assert report.repo_missing is (case in ("404 repository", "404 user"))


@pytest.mark.parametrize("case", DOCKER_CASES)
def test_docker_hub_fault_matrix(httpserver, monkeypatch, case):
    routes, level, words, digest = DOCKER_CASES[case]
    serve(httpserver, {**EXISTS, **routes})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    report = run_online_checks(ANSWERS, CHOICES)
    docker = [f for f in report.findings if f.level != "note"]
    if level is None:
        assert docker == []
    else:
        assert len(docker) == 1 and docker[0].level == level  # one line per trouble
        for word in words:
            assert word in docker[0].message
    assert report.digest == digest


def test_slow_answers_within_the_deadline_are_waited_for(httpserver, monkeypatch, release):
    def slow(response):
        def handler(request):
            release.wait(0.3)
            return response
        return handler

    serve(httpserver, {BRANCHES: slow(json_response({"name": BRANCH})),
                       f"{TAGS}/{TAG}": slow(json_response({"digest": DIGEST}))})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""), deadline=2)
    start = time.perf_counter()
    report = run_online_checks(ANSWERS, CHOICES)
    elapsed = time.perf_counter() - start
    assert report.findings == [] and report.digest == DIGEST
    assert 0.3 <= elapsed < 1.0  # both services asked at once


def test_a_server_that_never_answers_costs_the_deadline_and_no_more(silent_server, monkeypatch):
    point_at(monkeypatch, silent_server.url, silent_server.url, deadline=0.5)
    start = time.perf_counter()
    report = run_online_checks(ANSWERS, CHOICES)
    elapsed = time.perf_counter() - start
    assert 0.5 <= elapsed < 0.5 + 0.3
    assert [f.level for f in report.findings] == ["warning", "warning"]
    assert "GitHub did not answer within 0.5 s" in findings_text(report)
    assert "bare tag" in findings_text(report)
    assert not report.failed


def test_connection_refused_is_a_warning(monkeypatch):
    refused = f"http://127.0.0.1:{closed_port()}"
    point_at(monkeypatch, refused, refused)
    start = time.perf_counter()
    report = run_online_checks(ANSWERS, CHOICES)
    assert time.perf_counter() - start < 0.5
    text = findings_text(report)
    assert "could not reach GitHub (ConnectionError)" in text
    assert "could not reach Docker Hub (ConnectionError)" in text
    assert not report.failed


def test_dns_failure_is_a_warning(monkeypatch):
    # A real look-up, even of a .invalid name, may leave the machine for a
    # resolver; the failure it would give is raised here instead.
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    point_at(monkeypatch, "http://api.github.invalid", "http://hub.docker.invalid", deadline=2)
    report = run_online_checks(ANSWERS, CHOICES)
    text = findings_text(report)
    assert "could not reach GitHub (no address for api.github.invalid)" in text
    assert "could not reach Docker Hub (no address for hub.docker.invalid)" in text
    assert report.requests == {"GitHub": 0, "Docker Hub": 0}  # no HTTP attempted
    assert not report.failed


# Through the real hook: exit code, message and elapsed time.
HOOK_CASES = {
    "all exist": ({**EXISTS, **TAG_OK}, 0, []),
    "user missing": ({BRANCHES: not_found(), REPOS: not_found(), USERS: not_found(), **TAG_OK},
                     -1, ["error: github_user = 'octo-cat': GitHub has no user"]),
    "tag missing": ({**EXISTS, f"{TAGS}/{TAG}": not_found(), TAGS: json_response({"results": []})},
                    -1, ["error: r_version = '4.4.0'"]),
    "repository missing": ({BRANCHES: not_found(), REPOS: not_found(), USERS: json_response({}), **TAG_OK},
                           0, ["note: github.com/octo-cat/demo does not exist yet",
                               "Create the (public) repository: https://github.com/new?owner=octo-cat&name=demo"]),
    "GitHub down": ({BRANCHES: Response("", 502), **TAG_OK}, 0, ["warning: GitHub answered HTTP 502"]),
}


@pytest.mark.parametrize("case", HOOK_CASES)
def test_hook_fault_matrix(cookies, httpserver, monkeypatch, capfd, case):
    routes, exit_code, lines = HOOK_CASES[case]
    serve(httpserver, routes)
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    start = time.perf_counter()
    result = cookies.bake(extra_context={**ANSWERS})
    elapsed = time.perf_counter() - start
    captured = capfd.readouterr()
    assert result.exit_code == exit_code, captured.err
    for line in lines:
        assert line in captured.out + captured.err
    assert "Traceback" not in captured.err
    assert elapsed < 1.0 + 1.5  # deadline plus cookiecutter's own work
    if exit_code == 0:
        dockerfile = (result.project_path / "Dockerfile").read_text()
        pinned = f"FROM rocker/binder:{TAG}@{DIGEST}\n"
        assert (pinned in dockerfile) is (case != "tag missing")
        # The link that creates the repository: when GitHub said it is
        # missing, or did not say; never when it is there.
        assert ("github.com/new?" in captured.out) is (case != "all exist")


def test_hook_with_a_silent_server_finishes_by_the_deadline(cookies, silent_server, monkeypatch, capfd):
    point_at(monkeypatch, silent_server.url, silent_server.url, deadline=1)
    start = time.perf_counter()
    result = cookies.bake(extra_context={**ANSWERS, "r_version": "latest"})
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0
    assert elapsed < 1 + 1.5
    err = capfd.readouterr().err
    assert err.count("bare tag") == 1
    # Not pinned, so the note above a bare `latest` says why, and how to pin it.
    assert ("# Pin it (FROM rocker/binder:latest@sha256:...) so every launch builds the same image.\n"
            "FROM rocker/binder:latest\n") in (result.project_path / "Dockerfile").read_text()


def test_pinned_latest_drops_the_unpinned_note(cookies, httpserver, monkeypatch):
    serve(httpserver, {**EXISTS, f"{TAGS}/latest": json_response({"digest": DIGEST})})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    result = cookies.bake(extra_context={**ANSWERS, "r_version": "latest"})
    dockerfile = (result.project_path / "Dockerfile").read_text()
    assert f"\nFROM rocker/binder:latest@{DIGEST}\n" in dockerfile
    assert "DL3007" not in dockerfile and "Not pinned" not in dockerfile


def test_hooks_run_through_a_shell_as_on_windows_still_pass_the_pin_and_the_findings(
        cookies, httpserver, monkeypatch, capfd, tmp_path):
    """On Windows cookiecutter runs each hook through a shell (run_thru_shell
    in cookiecutter/hooks.py), so a hook's parent is that shell, not
    cookiecutter. What the pre-generation hook found still reaches the
    rendering (the pin) and the post-generation hook (GitHub's answer)."""
    import subprocess
    import sys

    from cookiecutter import hooks
    from cookiecutter.exceptions import FailedHookException

    shells = []

    def through_a_shell(script_path, cwd="."):
        # '; exit $?' keeps sh from replacing itself with the hook.
        command = ["sh", "-c", 'echo "$$" >> "$SHELLS"; "$0" "$@"; exit $?', sys.executable, script_path]
        status = subprocess.run(command, cwd=cwd, env={**os.environ, "SHELLS": str(log)}).returncode
        shells.append(status)
        if status:
            raise FailedHookException(f"Hook script failed (exit status: {status})")

    log = tmp_path / "shells.txt"
    monkeypatch.setattr(hooks, "run_script", through_a_shell)
    serve(httpserver, {**EXISTS, **TAG_OK})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    result = cookies.bake(extra_context={**ANSWERS})
    assert result.exit_code == 0, result.exception
    assert shells == [0, 0] and len(set(log.read_text().split())) == 2
    assert f"FROM rocker/binder:{TAG}@{DIGEST}\n" in (result.project_path / "Dockerfile").read_text()
    # GitHub said the repository is there: no link to create it.
    assert "github.com/new?" not in capfd.readouterr().out


@pytest.mark.parametrize("variable", ["GH_TOKEN", "GITHUB_TOKEN"])
def test_token_is_sent_to_github_only_and_never_shown(cookies, httpserver, monkeypatch, capfd, variable):
    token = "ghp_" + "S3cr3tT0k3n" * 3
    monkeypatch.setenv(variable, token)
    serve(httpserver, {BRANCHES: not_found(), REPOS: json_response({"default_branch": "trunk"}), **TAG_OK})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    result = cookies.bake(extra_context={**ANSWERS})
    assert result.exit_code == 0
    for request, _ in httpserver.log:
        sent = request.headers.get("Authorization")
        assert sent == (f"Bearer {token}" if request.path.startswith("/repos") else None)
    captured = capfd.readouterr()
    assert token not in captured.out + captured.err
    output_root = result.project_path.parent.parent
    for path in output_root.rglob("*"):
        if path.is_file():
            assert token not in path.read_text(errors="replace"), path
    assert "warning: branch 'main' is not on" in captured.err


def test_gh_token_wins_over_github_token(httpserver, monkeypatch):
    monkeypatch.setenv("GH_TOKEN", "first")
    monkeypatch.setenv("GITHUB_TOKEN", "second")
    serve(httpserver, {**EXISTS, **TAG_OK})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    run_online_checks(ANSWERS, CHOICES)
    github = [r for r, _ in httpserver.log if r.path.startswith("/repos")]
    assert github[0].headers["Authorization"] == "Bearer first"


def test_branch_with_slash_is_asked_for_as_one_path_segment(httpserver, monkeypatch):
    httpserver.expect_request(f"/repos/{USER}/{REPO}/branches/feature/x").respond_with_json({"name": "x"})
    serve(httpserver, TAG_OK)
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    report = run_online_checks({**ANSWERS, "branch": "feature/x"}, CHOICES)
    assert report.findings == []
    raw = [r.environ.get("RAW_URI") or r.environ.get("REQUEST_URI") or r.full_path for r, _ in httpserver.log]
    assert any("branches/feature%2Fx" in uri for uri in raw), raw


def test_server_text_cannot_drive_the_terminal(httpserver, monkeypatch):
    evil = "main\x1b[2J\x1b]0;pwned\x07"
    serve(httpserver, {BRANCHES: not_found(), REPOS: json_response({"default_branch": evil}), **TAG_OK})
    point_at(monkeypatch, httpserver.url_for(""), httpserver.url_for(""))
    text = findings_text(run_online_checks(ANSWERS, CHOICES))
    assert "\x1b" not in text and "\x07" not in text
    assert "'main?[2J?]0;pwned?'" in text


@pytest.mark.parametrize("value,seconds", [("1.5", 1.5), ("0", 3.0), ("-2", 3.0), ("soon", 3.0),
                                           ("nan", 3.0), ("inf", 3.0), ("", 3.0)])
def test_deadline_setting(value, seconds):
    from binder_template.online import read_deadline

    assert read_deadline({DEADLINE_VARIABLE: value}) == seconds


# --- hostile and broken endpoints, and Ctrl-C ---------------------------------

HOSTILE_CHOICES = ["latest", "4.4.0"]
HOSTILE_ANSWERS = {"github_user": "octo-cat", "repo_name": "demo", "branch": "main", "r_version": "latest"}


def test_ctrl_c_during_the_online_check_leaves_no_folder(tmp_path, monkeypatch):
    """A server that accepts and never answers holds the online check; then
    Ctrl-C (SIGINT to the whole process group, as a terminal sends it)."""
    listener = socket.create_server(("127.0.0.1", 0))
    asked = threading.Event()
    held = []

    def accept():
        connection, _ = listener.accept()
        held.append(connection)
        asked.set()

    threading.Thread(target=accept, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PWD": str(out), "GITHUB_API_URL": url, "DOCKER_HUB_API_URL": url,
           "BINDER_TEMPLATE_ONLINE_DEADLINE": "60"}
    process = subprocess.Popen([tool("cookiecutter"), "--no-input", str(TEMPLATE_ROOT), "github_user=octo-cat"],
                               cwd=out, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        assert asked.wait(60), "the online check never reached the server"
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        listener.close()
        for connection in held:
            connection.close()
    assert process.returncode != 0
    assert "Interrupted: nothing was generated." in stdout + stderr
    assert "Traceback" not in stdout + stderr
    assert list(out.iterdir()) == []


def test_a_decompression_bomb_is_refused_in_bounded_time_and_memory(httpserver, monkeypatch):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip
    bomb = compressor.compress(b'{"digest": "') + b"".join(
        compressor.compress(b"0" * (1 << 20)) for _ in range(200)) + compressor.flush()
    assert len(bomb) < 400_000
    httpserver.expect_request("/repos/octo-cat/demo/branches/main").respond_with_response(
        Response(bomb, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}))
    httpserver.expect_request("/v2/namespaces/rocker/repositories/binder/tags/latest").respond_with_response(
        Response(bomb, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}))
    environ = {"GITHUB_API_URL": httpserver.url_for(""), "DOCKER_HUB_API_URL": httpserver.url_for(""),
               "BINDER_TEMPLATE_ONLINE_DEADLINE": "10"}
    tracemalloc.start()
    start = time.monotonic()
    report = run_online_checks(HOSTILE_ANSWERS, HOSTILE_CHOICES, environ)
    elapsed = time.monotonic() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    messages = [str(f) for f in report.findings]
    assert sum("larger than 512 KB" in m for m in messages) == 2, messages
    assert elapsed < 5 and peak < 20 * 1024 * 1024, (elapsed, peak)
    assert report.digest is None and not report.failed


def test_a_compressed_answer_within_bounds_is_read(httpserver):
    body = gzip.compress(json.dumps({"name": "latest", "digest": DIGEST}).encode())
    httpserver.expect_request("/v2/namespaces/rocker/repositories/binder/tags/latest").respond_with_response(
        Response(body, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}))
    httpserver.expect_request("/repos/octo-cat/demo/branches/main").respond_with_json({"name": "main"})
    environ = {"GITHUB_API_URL": httpserver.url_for(""), "DOCKER_HUB_API_URL": httpserver.url_for("")}
    report = run_online_checks(HOSTILE_ANSWERS, HOSTILE_CHOICES, environ)
    assert report.digest == DIGEST and report.findings == []


@pytest.mark.parametrize("token", [None, "ghp_" + "x" * 36])
def test_rate_limit_text_is_bounded_and_the_token_hint_only_without_one(httpserver, token):
    httpserver.expect_request("/repos/octo-cat/demo/branches/main").respond_with_response(
        Response("slow down", status=429, headers={"Retry-After": "9" * 60000, "x-ratelimit-reset": "1" * 5000}))
    httpserver.expect_request("/v2/namespaces/rocker/repositories/binder/tags/latest") \
        .respond_with_json({"digest": DIGEST})
    environ = {"GITHUB_API_URL": httpserver.url_for(""), "DOCKER_HUB_API_URL": httpserver.url_for("")}
    if token:
        environ["GH_TOKEN"] = token
    report = run_online_checks(HOSTILE_ANSWERS, HOSTILE_CHOICES, environ, warn=lambda finding: None)
    [message] = [str(f) for f in report.findings if "rate limit" in str(f)]
    assert len(message) < 200 and "999999" not in message
    assert ("set GH_TOKEN" in message) is (token is None)


def test_a_token_for_a_plain_http_api_is_warned_about_before_it_is_sent(httpserver):
    said = []
    httpserver.expect_request("/repos/octo-cat/demo/branches/main").respond_with_handler(
        lambda request: (said.append("request"), Response('{"name": "main"}'))[1])
    httpserver.expect_request("/v2/namespaces/rocker/repositories/binder/tags/latest") \
        .respond_with_json({"digest": DIGEST})
    environ = {"GITHUB_API_URL": httpserver.url_for(""), "DOCKER_HUB_API_URL": httpserver.url_for(""),
               "GH_TOKEN": "ghp_" + "y" * 36}
    run_online_checks(HOSTILE_ANSWERS, HOSTILE_CHOICES, environ, warn=lambda finding: said.append(str(finding)))
    assert said[0].startswith("warning: GITHUB_API_URL is http://") and "unencrypted" in said[0]
    assert said[1] == "request"
    assert "ghp_" not in said[0]
