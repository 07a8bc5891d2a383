"""Generating into a folder that is there (-f, -f -s): every file this run
did not write is left as it was, a write that fails half-way leaves the
folder as it was found, nothing is written through a link, and the hand-off
between the hooks stays out of the project and out of other users' reach.
Each runs the real cookiecutter command, as a user would."""

from __future__ import annotations

import json
import os
import resource
import signal
import threading
from pathlib import Path

import pytest

from tests.conftest import TEMPLATE_ROOT, run
from tests.helpers import DIGEST, cookiecutter_cli, serve_everything_exists


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


USER_FILES = {
    ".github/workflows/mine.yml": "name: mine\n",
    "LICENSE": "My own licence\n",
    "apt.txt": "libmine-dev\n",
    "Dockerfile": "FROM rocker/binder:4.4.0\nRUN echo mine\n",
    "notes.md": "mine\n",
}


@pytest.mark.parametrize("flags", [["-f", "-s"], ["-f"]], ids=["keep-existing", "overwrite"])
def test_an_existing_folder_keeps_every_file_this_run_did_not_write(tmp_path, httpserver, monkeypatch, flags):
    serve_everything_exists(httpserver, monkeypatch)
    project = tmp_path / "out" / "demo"
    for name, text in USER_FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    assert run(["git", "init", "-q"], cwd=project).returncode == 0
    before = snapshot(project)

    result = cookiecutter_cli(tmp_path / "out", *flags, "repo_name=demo", "github_user=octo-cat",
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


def limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_a_failed_write_leaves_no_folder(tmp_path):
    """A file size limit stands in for a full disk: the GPL text is larger."""
    out = tmp_path / "out"
    result = cookiecutter_cli(out, "online_checks=false", "license=GPL-3.0-or-later", preexec_fn=limit_file_size)
    assert result.returncode == 1
    # One line, as cookiecutter prints a hook's failure: no dump of the answers.
    [line] = result.stdout.splitlines()
    assert line.startswith("error: could not write the project's files (") and "File too large" in line
    assert line.endswith(": nothing was generated.")
    assert "Traceback" not in result.stderr and "Context" not in result.stdout
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("link", [".github", "analysis", "Dockerfile", "README.md"])
def test_an_existing_folder_with_a_link_where_a_file_goes_is_refused(tmp_path, link):
    """-f into a folder that is there (a clone can carry links): nothing is
    written through one, not even into a target that does not exist yet."""
    project = tmp_path / "out" / "my-binder-project"
    project.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    (project / link).symlink_to(elsewhere / "target")
    result = cookiecutter_cli(tmp_path / "out", "-f", "-s", "online_checks=false")
    assert result.returncode == 1
    assert f"error: {link} is a symbolic link: nothing is written through one" in result.stderr
    assert not elsewhere.exists() and [p.name for p in project.iterdir()] == [link]


def test_the_hand_off_is_never_written_through_a_link_or_a_shared_folder(tmp_path, monkeypatch, capsys):
    """Another local user can make /tmp/rocker-binder-template-<uid> first
    (here: a link to their folder): the hand-off goes to this user's
    ~/.cache instead, and only when that is taken too is the run refused,
    with what to do."""
    import tempfile

    from binder_template.handoff import handoff_path, take_handoff
    from binder_template.hook_steps import pre_gen_project

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

    from binder_template.handoff import handoff_path

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

    from binder_template import handoff

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    projects = [tmp_path / f"p{i}" for i in range(40)]
    errors = []

    def generate(project):
        try:
            project.mkdir()
            handoff.write_handoff(project, {"repo_name": project.name}, {"before": {}})
            assert handoff.take_handoff(project, {"repo_name": project.name}) == {"before": {}}
        except Exception as err:  # noqa: BLE001 - collected for the assertion below
            errors.append(err)

    workers = [threading.Thread(target=generate, args=(p,)) for p in projects]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
