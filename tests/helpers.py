"""Helpers for tests that bake the template and inspect the result."""

from __future__ import annotations

import contextlib
import io
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import time
import traceback
from pathlib import Path

from binder_template.answers import load_config
from tests.conftest import TEMPLATE_ROOT, run, tool

LEFTOVERS = ("{{", "{%", "cookiecutter.")
# A tester's git: a fixed name, and neither the machine's nor the user's settings.
GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(folder: Path, *args: str) -> str:
    """`git -C folder ARGS`; its output, or the test fails with git's message."""
    result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60,
                            env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def files_in(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}


def expected_files(answers: dict) -> set[str]:
    """The exact file set for a bake, written out independently of the hooks."""
    repo = answers["repo_name"]
    files = {
        "Dockerfile", "install.R", ".Renviron", "README.md", f"{repo}.Rproj",
        ".gitignore", ".dockerignore", "analysis/example.R", "CITATION.cff",
    }
    if answers.get("ui", "rstudio") in ("lab", "notebook"):
        files.add("analysis/example.ipynb")
    if answers.get("ui") == "shiny":
        files |= {"app/app.R", "register_shiny_app.py"}
    if answers.get("license", "MIT") != "none":
        files.add("LICENSE")
    if answers.get("apt_packages", "").strip(" ,"):
        files.add("apt.txt")
    if answers.get("github_actions", True):
        files |= {".github/workflows/binder.yml", ".github/workflows/keep-binder-warm.yml",
                  ".github/dependabot.yml", ".github/scripts/prewarm.sh", ".github/scripts/smoke_test.sh"}
    if answers.get("prebuilt_image", False):
        files |= {".github/scripts/publish.py", ".github/requirements-repo2docker.txt"}
    return files


def leftovers(project: Path) -> list[str]:
    """Jinja left unrendered in a generated file (a workflow's own GitHub
    expressions, ${{ ... }}, are not Jinja)."""
    found = []
    for path in project.rglob("*"):
        if path.is_file():
            text = re.sub(r"\$\{\{[^{}]*\}\}", "", path.read_text("utf-8"))
            found += [f"{path.name}: {marker}" for marker in LEFTOVERS if marker in text]
    return found


# Rules the generated Dockerfiles break on purpose, each for its reason. They
# are passed here rather than as pragmas in every user's Dockerfile.
HADOLINT_IGNORES = {
    "DL3007": "a bare `latest` only when generation could not ask Docker Hub for a digest; "
              "the Dockerfile says so above the FROM line",
    "DL3066": "USER root and USER ${NB_USER} name users the rocker images define",
    "DL3009": "the apt lists stay: the latest image installs R packages through apt (bspm)",
    "DL3008": "apt versions come from the image's own package sources",
    "DL3013": "jupyter-server-proxy is installed only when the image lacks it",
}


def hadolint(*dockerfiles: Path) -> str:
    """hadolint's findings at every level, '' when clean, but for the rules
    the template breaks on purpose."""
    ignores = [arg for rule in HADOLINT_IGNORES for arg in ("--ignore", rule)]
    result = run([tool("hadolint"), "--no-color", *ignores, *map(str, dockerfiles)])
    return (result.stdout + result.stderr).strip()


def repo2docker_dockerfile(project: Path) -> str:
    """What the real repo2docker --no-build would build, run in this process
    because starting repo2docker costs more than the check itself."""
    from repo2docker.__main__ import make_r2d

    # A path that is not a directory would send repo2docker to look for it online.
    assert project.is_dir(), project
    r2d = make_r2d(["--no-build", str(project)])
    r2d.log.disabled = True
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        r2d.initialize()
        r2d.start()
    return out.getvalue()


DIGEST = "sha256:" + "ab" * 32


def serve_everything_exists(httpserver, monkeypatch) -> None:
    """A stand-in for GitHub and Docker Hub on which every repository,
    branch and rocker/binder tag exists, the tags with DIGEST."""
    httpserver.expect_request(re.compile(r"/repos/.*/branches/.*")).respond_with_json({"name": "x"})
    httpserver.expect_request(re.compile(r"/v2/namespaces/rocker/repositories/binder/tags/.*")) \
        .respond_with_json({"name": "x", "digest": DIGEST})
    monkeypatch.setenv("GITHUB_API_URL", httpserver.url_for(""))
    monkeypatch.setenv("DOCKER_HUB_API_URL", httpserver.url_for(""))


def default_answers(**overrides) -> dict:
    """cookiecutter.json's answers as --no-input gives them (the first of
    each choice; templated defaults as written), with `overrides`."""
    answers = {name: value[0] if isinstance(value, list) else value
               for name, value in load_config().items() if not name.startswith("_")}
    return {**answers, **overrides}


def bake(cookies, **answers) -> Path:
    """A new repository from these answers, offline, for octo-cat unless they
    say otherwise (pytest-cookies); its folder."""
    result = cookies.bake(extra_context={"online_checks": False, "github_user": "octo-cat", **answers})
    assert result.exit_code == 0, result.exception
    return result.project_path


def cookiecutter_cli(cwd: Path, *args: str, env: dict | None = None, template: Path = TEMPLATE_ROOT,
                     **kwargs) -> subprocess.CompletedProcess:
    """The cookiecutter command with --no-input, run from `cwd` as a user's
    shell would (PWD set), on this template."""
    cwd.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PWD": str(cwd), **(env or {})}
    return subprocess.run([tool("cookiecutter"), "--no-input", str(template), *args], cwd=cwd,
                          env=environment, capture_output=True, text=True, timeout=120, **kwargs)


def add_binder(project: Path, *answers: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The README's command for an existing project, run from its folder."""
    return cookiecutter_cli(project, "-f", "-s", "--output-dir", "..", "layout=existing-project",
                            f"repo_name={project.name}", "online_checks=false", *answers, env=env)


def in_a_terminal(command: list[str], cwd: Path, keys: bytes = b"", seconds: float = 120) -> tuple[int, str]:
    """Run a command under a pseudo-terminal, as a person at a shell does,
    typing keys; its exit code and what the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: never back into pytest, whatever happens
        try:
            os.chdir(cwd)
            os.execv(command[0], command)
        finally:
            os._exit(127)
    if keys:
        os.write(fd, keys)
    shown = b""
    # A prompt the keys do not answer would wait forever: at the deadline the
    # command is killed, and the test sees what it showed.
    deadline = time.monotonic() + seconds
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            shown += f"\n[killed: still running after {seconds} s]\n".encode()
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def copy_template(target: Path) -> None:
    """The template as it is in this working tree, as a git repository:
    what rendering reads, without the tests and benchmarks (tests/corpus
    alone is 650 files that cruft would clone again for every update)."""
    files = run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=TEMPLATE_ROOT).stdout
    for name in filter(None, files.split("\0")):
        if name.startswith(("tests/", "benchmarks/")):
            continue
        source = TEMPLATE_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-qm", "A")


def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    """The check-jsonschema command, with these arguments, run in this
    process: its second and a half of imports is paid once per test worker,
    not once per file checked."""
    from check_jsonschema.cli.main_command import main
    from click.testing import CliRunner

    result = CliRunner().invoke(main, list(args))
    crashed = result.exception if not isinstance(result.exception, SystemExit) else None
    trace = "".join(traceback.format_exception(crashed)) if crashed else ""  # as the command would print it
    return subprocess.CompletedProcess(["check-jsonschema", *args], result.exit_code, result.output, trace)
