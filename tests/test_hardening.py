"""What a hostile review and a new user's first run found: existing folders,
failures half-way, hostile answers and endpoints, planted modules, skipped
hooks, and the messages a refused answer gets. Each runs the real
cookiecutter command, as a user would."""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shlex
import signal
import socket
import subprocess
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from werkzeug import Response

from binder_template.answers import binderhub_url_error, github_repo_error
from binder_template.online import run_online_checks
from tests.conftest import TEMPLATE_ROOT, run, tool

DIGEST = "sha256:" + "cd" * 32
CHOICES = ["latest", "4.4.0"]


def cookiecutter(out: Path, *args, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The cookiecutter command, run from `out` as a user's shell would."""
    out.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PWD": str(out), **(env or {})}
    return subprocess.run([tool("cookiecutter"), "--no-input", str(TEMPLATE_ROOT), *args], cwd=out,
                          env=environment, capture_output=True, text=True, timeout=120, **kwargs)


def serve_everything(httpserver, monkeypatch) -> None:
    httpserver.expect_request("/repos/octo-cat/demo/branches/main").respond_with_json({"name": "main"})
    httpserver.expect_request("/v2/namespaces/rocker/repositories/binder/tags/latest") \
        .respond_with_json({"name": "latest", "digest": DIGEST})
    monkeypatch.setenv("GITHUB_API_URL", httpserver.url_for(""))
    monkeypatch.setenv("DOCKER_HUB_API_URL", httpserver.url_for(""))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


# --- an existing folder --------------------------------------------------------

USER_FILES = {
    ".github/workflows/mine.yml": "name: mine\n",
    "LICENSE": "My own licence\n",
    "apt.txt": "libmine-dev\n",
    "Dockerfile": "FROM rocker/binder:4.4.0\nRUN echo mine\n",
    "notes.md": "mine\n",
}


@pytest.mark.parametrize("flags", [["-f", "-s"], ["-f"]], ids=["keep-existing", "overwrite"])
def test_an_existing_folder_keeps_every_file_this_run_did_not_write(tmp_path, httpserver, monkeypatch, flags):
    serve_everything(httpserver, monkeypatch)
    project = tmp_path / "out" / "demo"
    for name, text in USER_FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    assert run(["git", "init", "-q"], cwd=project).returncode == 0
    before = snapshot(project)

    result = cookiecutter(tmp_path / "out", *flags, "repo_name=demo", "github_user=octo-cat",
                          "github_actions=false", "license=none", "apt_packages=")
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(project)
    for name, content in before.items():
        if name == "Dockerfile" and flags == ["-f"]:
            # Overwritten, as -f asks, and so this run's own: pinned to the
            # digest of the tag it names.
            assert after[name].decode().splitlines()[2] == f"FROM rocker/binder:latest@{DIGEST}"
        else:
            assert after[name] == content, name
    # Nothing the answers leave out was written; no hand-off is left.
    assert not {"LICENSE", "apt.txt"} & (set(after) - set(before))
    assert not [n for n in after if n.startswith(".github/") and n not in before]
    assert not [n for n in after if "handoff" in n]
    # It is already a git repository: no `git init`, no second remote.
    assert "git init" not in result.stdout and "git remote add" not in result.stdout
    assert "    cd demo\n" in result.stdout


# --- failures half-way ---------------------------------------------------------

def test_text_that_cannot_be_written_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([tool("cookiecutter"), "--no-input", str(TEMPLATE_ROOT), b"project_name=Caf\xe9",
                             "online_checks=false"], cwd=out, capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0
    assert stderr.splitlines()[0].startswith("error: project_name = 'Caf\\udce9': it holds bytes that are not valid UTF-8")
    assert list(out.iterdir()) == []


def limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_a_failed_write_leaves_no_folder(tmp_path):
    """A file size limit stands in for a full disk: the GPL text is larger."""
    out = tmp_path / "out"
    result = cookiecutter(out, "online_checks=false", "license=GPL-3.0-or-later", preexec_fn=limit_file_size)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith("error: could not write the project's files (")
    assert "File too large" in result.stderr and "Traceback" not in result.stderr
    assert list(out.iterdir()) == []


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


# --- control characters and names ---------------------------------------------

def test_control_characters_in_the_binderhub_url_are_refused(tmp_path):
    assert binderhub_url_error("https://mybinder.org/x\n~~~") is not None
    assert binderhub_url_error("https://mybinder.org/\tx") is not None
    result = cookiecutter(tmp_path / "out", "online_checks=false", "binderhub_url=https://mybinder.org/x\n~~~")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("error: binderhub_url = 'https://mybinder.org/x\\n~~~': ")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_branch_git_allows_is_printed_terminal_safe(tmp_path):
    branch = "fix\u009b2J\u202eevil"
    assert run(["git", "check-ref-format", "--branch", branch]).returncode == 0  # git allows it
    result = cookiecutter(tmp_path / "out", "online_checks=false", f"branch={branch}")
    assert result.returncode == 0, result.stderr
    assert "\u009b" not in result.stdout and "\u202e" not in result.stdout
    assert "    git init -b $'fix\\u009b2J\\u202eevil'\n" in result.stdout
    # bash reads the printed word back as the very branch name.
    echoed = run(["bash", "-c", "printf %s $'fix\\u009b2J\\u202eevil'"])
    assert echoed.stdout == branch


def test_a_repository_name_starting_with_a_dash_is_reached_safely(tmp_path):
    out = tmp_path / "out"
    result = cookiecutter(out, "online_checks=false", "repo_name=-P")
    assert result.returncode == 0, result.stderr
    cd = next(line.strip() for line in result.stdout.splitlines() if line.strip().startswith("cd "))
    assert cd == "cd ./-P"
    landed = run(["bash", "-c", f"{cd} && pwd -P"], cwd=out)
    assert landed.stdout.strip() == str((out / "-P").resolve())


def test_what_github_refuses_is_refused():
    assert github_repo_error("docs.wiki") and github_repo_error("Docs.WIKI")
    assert github_repo_error("docs.git")
    assert github_repo_error("wiki-notes") is None


# --- hostile endpoints -----------------------------------------------------------

ANSWERS = {"github_user": "octo-cat", "repo_name": "demo", "branch": "main", "r_version": "latest"}


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
    report = run_online_checks(ANSWERS, CHOICES, environ)
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
    report = run_online_checks(ANSWERS, CHOICES, environ)
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
    report = run_online_checks(ANSWERS, CHOICES, environ, warn=lambda finding: None)
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
    run_online_checks(ANSWERS, CHOICES, environ, warn=lambda finding: said.append(str(finding)))
    assert said[0].startswith("warning: GITHUB_API_URL is http://") and "unencrypted" in said[0]
    assert said[1] == "request"
    assert "ghp_" not in said[0]


# --- planted modules and leftovers --------------------------------------------

def test_a_module_planted_in_the_temporary_folder_is_not_imported(tmp_path):
    shared_tmp = tmp_path / "shared-tmp"
    shared_tmp.mkdir()
    marker = tmp_path / "planted-code-ran"
    for name in ("json.py", "shlex.py", "hashlib.py"):
        (shared_tmp / name).write_text(f"open({str(marker)!r}, 'a').write({name!r})\n")
    result = cookiecutter(tmp_path / "out", "online_checks=false", env={"TMPDIR": str(shared_tmp)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    # The copies of the hooks, which hold the answers, are gone too.
    left = sorted(p.name for p in shared_tmp.rglob("*") if p.is_file())
    assert left == ["hashlib.py", "json.py", "shlex.py"]


# --- skipped hooks and hand-written replay files --------------------------------

def replay_file(tmp_path: Path, **changes) -> Path:
    config = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
    answers = {k: (v[0] if isinstance(v, list) and not k.startswith("_") else v)
               for k, v in config.items() if not k.startswith("__")}
    answers.update({"repo_name": "demo", "github_user": "your-github-user", "branch": "main",
                    "online_checks": False, "_template": str(TEMPLATE_ROOT), **changes})
    path = tmp_path / "replay.json"
    path.write_text(json.dumps({"cookiecutter": answers, "_cookiecutter": config}))
    return path


@pytest.mark.parametrize("name,value", [
    ("r_version", "latest\nRUN touch /tmp/binder-template-pwned"),
    ("apt_packages", "-oDPkg::Pre-Invoke::=touch${IFS}/tmp/binder-template-pwned"),
    ("r_packages", 'x"); system("touch /tmp/binder-template-pwned"); ("'),
    ("branch", "main\n  workflow_dispatch:"),
    ("binderhub_url", "https://mybinder.org\n    - run: id"),
])
def test_values_pasted_into_code_are_checked_even_without_hooks(tmp_path, name, value):
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run(
        [tool("cookiecutter"), "--replay-file", str(replay_file(tmp_path, **{name: value})),
         "--accept-hooks", "no", str(TEMPLATE_ROOT)],
        cwd=out, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"error: {name} = ")
    assert list(out.iterdir()) == []


def test_extensions_switched_off_by_a_config_file_is_the_documented_limit(tmp_path):
    """Cookiecutter lets a config file replace `_extensions`; the sandbox goes
    with it and an answer runs as code. The payload here only makes a folder
    inside this test's temporary folder."""
    made = tmp_path / "payload-ran"
    config = tmp_path / "config.yaml"
    config.write_text(json.dumps({"default_context": {"_extensions": []}}))
    payload = "{{ cycler.__init__.__globals__.os.mkdir(%s) }}" % json.dumps(str(made))
    result = cookiecutter(tmp_path / "out", "--config-file", str(config), f"description={payload}",
                          "online_checks=false")
    assert made.is_dir()  # the limit README.md's security section states
    assert result.returncode != 0  # and the template cannot render without its extension
    assert "Security: what the template cannot protect against" in (TEMPLATE_ROOT / "README.md").read_text()


# --- messages -----------------------------------------------------------------

def test_every_bad_answer_is_reported_at_once_even_with_a_bad_repo_name(tmp_path):
    result = cookiecutter(tmp_path / "out", "repo_name=a/b", "github_user=bad--user", "online_checks=false")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert [e.split(" = ")[0] for e in errors] == ["error: repo_name", "error: github_user"]
    # Ours come first, before anything cookiecutter prints.
    assert result.stderr.startswith("error: repo_name = 'a/b'")
    assert list((tmp_path / "out").iterdir()) == []


def test_an_empty_project_name_is_reported_as_project_name(tmp_path):
    result = cookiecutter(tmp_path / "out", "project_name=", "online_checks=false")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == ["error: project_name = '': it cannot be empty (for example: Soil moisture course)"]


def printed_command(stderr: str) -> str:
    """The command a refusal prints, as the lines a user copies."""
    lines = stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Nothing was generated. Fix the answer"))
    command = []
    for line in lines[at + 1:]:
        if not line.startswith("  "):
            break
        command.append(line)
    return "\n".join(command)


def paste(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command pasted into bash, as a user does."""
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PWD": str(cwd)})


def test_the_printed_command_runs_again_with_one_edit(tmp_path):
    answers = ["project_name=Soil & water 'course'", "github_user=bad--user", "r_packages=dplyr, janitor",
               "online_checks=false", "ui=lab"]
    out = tmp_path / "out"
    out.mkdir()
    first = subprocess.run([tool("cookiecutter"), "--no-input", "-o", "generated", str(TEMPLATE_ROOT), *answers],
                           cwd=out, capture_output=True, text=True, timeout=120)
    assert first.returncode == 1
    command = printed_command(first.stderr)
    # The answer to fix stands alone on the last line, named by a comment that
    # a terminal's wrapping cannot move away from it.
    assert command.splitlines()[-1] == "    github_user=bad--user   # <- fix this answer"
    words = shlex.split(command.replace("\\\n", " "), comments=True)
    assert words[:5] == [tool("cookiecutter"), "--no-input", "-o", "generated", str(TEMPLATE_ROOT)]
    assert set(answers) - {"github_user=bad--user"} <= set(words[5:])
    second = paste(command.replace("github_user=bad--user", "github_user=octo-cat"), out)
    assert second.returncode == 0, second.stderr
    readme = (out / "generated" / "soil-water-course" / "README.md").read_text()
    assert readme.startswith("# Soil \\& water 'course'\n")


def test_the_printed_command_runs_again_for_an_existing_project(tmp_path):
    from tests.corpus_projects import GIT_ENV, git

    project = tmp_path / "soil"
    project.mkdir()
    (project / "a.R").write_text("x <- 1\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "remote", "add", "origin", "https://github.com/someone/soil.git")
    first = subprocess.run(
        [tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", "..", str(TEMPLATE_ROOT),
         "layout=existing-project", "repo_name=soil", "online_checks=false", "branch=-main"],
        cwd=project, capture_output=True, text=True, timeout=120, env={**os.environ, **GIT_ENV, "PWD": str(project)})
    assert first.returncode == 1
    command = printed_command(first.stderr)
    assert "github_user=" not in command  # a default read from git is not an answer to give
    second = paste(command.replace("branch=-main", "branch=main"), project)
    assert second.returncode == 0, second.stderr
    assert (project / "binder" / "Dockerfile").is_file()


def test_the_printed_command_after_an_interactive_run_runs_again(tmp_path):
    """Answers typed at the prompts (under a pseudo-terminal, as a person
    types them) come back as name=value words after --no-input."""
    import pty

    out = tmp_path / "out"
    out.mkdir()
    typed = {"github_user": "bad--user", "online_checks": "no", "project_name": "Typed title"}
    order = [name for name in json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
             if not name.startswith("_")]
    keys = "".join(typed.get(name, "") + "\r" for name in order).encode()
    pid, fd = pty.fork()
    if pid == 0:  # the child: cookiecutter, reading the terminal; never back into pytest
        try:
            os.chdir(out)
            os.execv(tool("cookiecutter"), [tool("cookiecutter"), "-o", "generated", str(TEMPLATE_ROOT)])
        finally:
            os._exit(127)
    os.write(fd, keys)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output.decode(errors="replace")).replace("\r\n", "\n")
    assert os.waitstatus_to_exitcode(status) == 1, text
    command = printed_command(text)
    assert "--no-input" in command and "project_name='Typed title'" in command
    second = paste(command.replace("github_user=bad--user", "github_user=octo-cat"), out)
    assert second.returncode == 0, second.stderr
    assert (out / "generated" / "typed-title" / "README.md").read_text().startswith("# Typed title\n")


def test_the_hand_off_is_never_written_through_a_link_or_a_shared_folder(tmp_path, monkeypatch, capsys):
    """Another local user can make /tmp/rocker-binder-template-<uid> first
    (here: a link to their folder): the hand-off goes to this user's
    ~/.cache instead, and only when that is taken too is the run refused,
    with what to do."""
    import tempfile

    from binder_template.hook_steps import handoff_path, pre_gen_project, take_handoff

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    private = tmp_path / f"rocker-binder-template-{os.getuid()}"
    private.symlink_to(elsewhere)  # planted where the private folder goes
    config = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
    answers = {k: (v[0] if isinstance(v, list) else v) for k, v in config.items() if not k.startswith("_")}
    answers.update(repo_name="demo", github_user="your-github-user", branch="main", online_checks=False)
    project = tmp_path / "demo"
    project.mkdir()
    assert pre_gen_project(answers, project, out=None) == 0
    assert os.path.dirname(handoff_path(project, answers)) == str(home / ".cache" / "rocker-binder-template")
    assert take_handoff(project, answers) and list(elsewhere.iterdir()) == [] and list(project.iterdir()) == []

    (home / ".cache" / "rocker-binder-template").rmdir()
    (home / ".cache" / "rocker-binder-template").symlink_to(elsewhere)
    assert pre_gen_project(answers, project, out=None) == 1
    err = capsys.readouterr().err
    assert "error: could not prepare generation:" in err and "set TMPDIR to a folder of your own" in err
    assert list(elsewhere.iterdir()) == [] and list(project.iterdir()) == []


def test_a_relative_tmpdir_never_puts_the_hand_off_in_the_project(tmp_path, monkeypatch):
    """The hooks run inside the project, where a relative TMPDIR points."""
    import tempfile

    from binder_template.hook_steps import handoff_path

    project = tmp_path / "demo"
    project.mkdir()
    monkeypatch.chdir(project)
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("TMPDIR", "tmp")
    (project / "tmp").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = handoff_path(project, {"repo_name": "demo"})
    assert not path.startswith(str(project)) and path.startswith(str(tmp_path / "home"))
    assert list((project / "tmp").iterdir()) == []


def test_hand_offs_of_concurrent_generations_do_not_collide(tmp_path, monkeypatch):
    """Each generation lists the shared hand-off folder while others add and
    take their own files there (two test workers did this and collided)."""
    import tempfile

    from binder_template import hook_steps

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    projects = [tmp_path / f"p{i}" for i in range(40)]
    errors = []

    def generate(project):
        try:
            project.mkdir()
            hook_steps.write_handoff(project, {"repo_name": project.name}, {"before": {}})
            assert hook_steps.take_handoff(project, {"repo_name": project.name}) == {"before": {}}
        except Exception as err:  # noqa: BLE001 - collected for the assertion below
            errors.append(err)

    workers = [threading.Thread(target=generate, args=(p,)) for p in projects]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []


@pytest.mark.parametrize("name,value", [("ui", "Lab"), ("r_version", "4.2.1"), ("layout", "existing"),
                                        ("license", "mit")])
def test_a_choice_cookiecutter_refuses_is_explained_in_the_readme(tmp_path, name, value):
    """Cookiecutter refuses a choice before any code of the template runs;
    the README's troubleshooting shows its last line and every choice."""
    choices = [v for v in json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())[name]]
    result = cookiecutter(tmp_path / "out", f"{name}={value}", "online_checks=false")
    assert result.returncode != 0 and list((tmp_path / "out").iterdir()) == []
    assert result.stderr.strip().splitlines()[-1] == (
        f"ValueError: {value} provided for choice variable {name}, but the choices are {choices}.")
    readme = (TEMPLATE_ROOT / "README.md").read_text()
    assert "provided for choice variable …, but the choices are" in readme
    assert f"  - `{name}`: " + ", ".join(f"`{v}`" for v in choices) + "\n" in readme


@pytest.mark.parametrize("link", [".github", "analysis", "Dockerfile", "README.md"])
def test_an_existing_folder_with_a_link_where_a_file_goes_is_refused(tmp_path, link):
    """-f into a folder that is there (a clone can carry links): nothing is
    written through one, not even into a target that does not exist yet."""
    project = tmp_path / "out" / "my-binder-project"
    project.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    (project / link).symlink_to(elsewhere / "target")
    result = cookiecutter(tmp_path / "out", "-f", "-s", "online_checks=false")
    assert result.returncode == 1
    assert f"error: {link} is a symbolic link: nothing is written through one" in result.stderr
    assert not elsewhere.exists() and [p.name for p in project.iterdir()] == [link]
