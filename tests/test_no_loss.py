"""Nothing a user had is lost: not by a full disk, a failed or interrupted
run, a file another program writes meanwhile, a FIFO, a huge or read-only
file. Each runs the real cookiecutter command on a real folder; the full
disk is a real tmpfs of a few hundred KiB (root mounts it: CI runs as root)."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
from pathlib import Path

import pytest
from cookiecutter.exceptions import FailedHookException
from cookiecutter.main import cookiecutter

from tests.conftest import TEMPLATE_ROOT, run, tool
from tests.helpers import add_binder, cookiecutter_cli


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder below `folder`, .git left out: its bytes and mode."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if ".git" in relative.parts:
            continue
        info = path.lstat()
        content = path.read_bytes() if stat.S_ISREG(info.st_mode) and info.st_size < 1 << 20 else info.st_size
        found[relative.as_posix()] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), content)
    return found


def r_project(folder: Path, readme: str = "# Coral reefs\n\nSome text.\n") -> Path:
    folder.mkdir(parents=True)
    (folder / "analysis.R").write_text("library(ggplot2)\n")
    (folder / "README.md").write_text(readme)
    assert run(["git", "init", "-q", "-b", "main"], cwd=folder).returncode == 0
    assert run(["git", "remote", "add", "origin", "https://github.com/marine-lab/coral.git"],
               cwd=folder).returncode == 0
    # Committed: the hooks' git calls are then the ones a project's run makes.
    assert run(["git", "add", "."], cwd=folder).returncode == 0
    assert run(["git", "-c", "user.name=Ada", "-c", "user.email=ada@example.org", "commit", "-q", "-m", "start"],
               cwd=folder).returncode == 0
    return folder


@pytest.fixture
def small_disk(tmp_path):
    """A real tmpfs of 400 KiB, so that a write fails as on a full disk."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = run(["mount", "-t", "tmpfs", "-o", "size=400k,mode=0755", "tmpfs", str(mount)])
    if mounted.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"could not mount a tmpfs (the test needs root): {mounted.stderr.strip()}")
        pytest.skip(f"could not mount a tmpfs (the test needs root): {mounted.stderr.strip()}")
    yield mount
    run(["umount", "-l", str(mount)])


def fill(disk: Path, leave_kib: int) -> None:
    """Fill the disk but for `leave_kib` KiB."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    (disk / "filler").write_bytes(b"\0" * (free - leave_kib * 1024))
    assert os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize == leave_kib * 1024


def test_a_full_disk_during_f_leaves_every_file_as_it_was_and_says_so_in_one_line(small_disk):
    """-f over a project with a 40 KB README.md, 24 KiB free: the writes
    fail; the undo needs no space (the originals were kept by hard link), so
    README.md is the user's, and nothing the run added is left."""
    project = small_disk / "my-binder-project"
    project.mkdir()
    readme = "# My notes\n\n" + "A line the user wrote, one of many.\n" * 1150
    (project / "README.md").write_text(readme)
    (project / "notes.md").write_text("mine\n")
    fill(small_disk, 24)
    before = snapshot(project)

    result = cookiecutter_cli(small_disk, "-f", "online_checks=false")
    assert result.returncode == 1
    assert snapshot(project) == before
    assert (project / "README.md").read_text() == readme
    [line] = result.stdout.splitlines()
    assert line.startswith("error: could not write the project's files (") and "No space left" in line
    assert line.endswith(": nothing was changed, every file is as it was.")
    assert "Traceback" not in result.stderr and "Context" not in result.stdout


def test_a_full_disk_for_the_replay_file_is_one_line_and_keeps_the_last_one(small_disk, tmp_path):
    """cookiecutter saves the answers before the project: that write fails
    alone, in one line, and the replay file of the last run stays whole."""
    replay = small_disk / "replay"
    replay.mkdir()
    last = json.dumps({"cookiecutter": {"repo_name": "last-time"}}, indent=2)
    (replay / f"{TEMPLATE_ROOT.name}.json").write_text(last)
    config = tmp_path / "config.yaml"
    config.write_text(f"replay_dir: {replay}\n")
    fill(small_disk, 0)

    out = tmp_path / "out"
    result = cookiecutter_cli(out, "online_checks=false", env={"COOKIECUTTER_CONFIG": str(config)})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"error: could not save cookiecutter's replay file {replay / TEMPLATE_ROOT.name}.json "
        "(No space left on device). Nothing was changed."]
    assert "Traceback" not in result.stderr
    assert (replay / f"{TEMPLATE_ROOT.name}.json").read_text() == last
    assert list(out.iterdir()) == []


def test_a_failed_run_removes_only_what_it_wrote(tmp_path, monkeypatch):
    """An editor saves draft.md while the run is under way (here: while the
    pre-generation hook runs); the run then fails on a file it may not
    replace. The undo removes what the run wrote and nothing else."""
    from cookiecutter import hooks

    project = tmp_path / "my-binder-project"
    project.mkdir()
    (project / "LICENSE").write_text("My own licence\n")
    (project / "LICENSE").chmod(0o444)
    before = snapshot(project)
    real_run_script = hooks.run_script

    def hook_then_an_editor(script_path, cwd="."):
        real_run_script(script_path, cwd)
        if not (project / "draft.md").exists():
            (project / "draft.md").write_text("saved by an editor during the run\n")

    monkeypatch.setattr(hooks, "run_script", hook_then_an_editor)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FailedHookException) as stopped:
        cookiecutter(str(TEMPLATE_ROOT), no_input=True, overwrite_if_exists=True, output_dir=str(tmp_path),
                     extra_context={"online_checks": False})
    assert "LICENSE is read-only, so it was not replaced" in str(stopped.value)
    assert str(stopped.value).endswith("nothing was changed, every file is as it was.")
    after = snapshot(project)
    assert after.pop("draft.md")[2] == b"saved by an editor during the run\n"
    assert after == before


def test_a_workflow_of_the_users_that_is_not_json_text_is_left_alone(tmp_path):
    """A user's binder.yml holding "rel\\u12" once made the post-generation
    step fail with a JSONDecodeError after the files were written."""
    project = r_project(tmp_path / "coral")
    workflows = project / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "binder.yml").write_text('on:\n  push:\n    branches:\n      - "rel\\u12"\n')
    result = add_binder(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Your .github/workflows/binder.yml was left alone." in result.stdout
    assert "Traceback" not in result.stderr


def test_a_post_generation_step_that_crashes_undoes_the_badge_and_the_files(tmp_path):
    """Whatever stops the post-generation step (here it is killed while it
    runs git, after it has added the badge), the run is undone."""
    project = r_project(tmp_path / "coral")
    before = snapshot(project)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    real_git = run(["sh", "-c", "command -v git"]).stdout.strip()
    # git ls-files runs only in the post-generation step: its caller dies there.
    (fake_bin / "git").write_text(f'#!/bin/sh\ncase "$*" in *ls-files*) kill -KILL $PPID;; esac\n'
                                  f'exec {real_git} "$@"\n')
    (fake_bin / "git").chmod(0o755)
    result = add_binder(project, env={"PATH": f"{fake_bin}:{os.environ['PATH']}"})
    assert result.returncode == 1
    assert snapshot(project) == before
    assert result.stdout.splitlines()[-1] == (
        "error: the post-generation step failed (Hook script failed (exit status: -9)): nothing was "
        "changed, every file is as it was.")


def test_ctrl_c_during_the_post_generation_step_undoes_the_run(tmp_path):
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) while
    the post-generation hook runs git, after it has added the badge: the
    badge and the files are undone, and the message says so, truly."""
    project = r_project(tmp_path / "coral")
    before = snapshot(project)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ready, hold = tmp_path / "ready", tmp_path / "hold"
    os.mkfifo(ready)
    os.mkfifo(hold)
    real_git = run(["sh", "-c", "command -v git"]).stdout.strip()
    # git ls-files runs only in the post-generation step: there it says it
    # is there, then waits on a FIFO nobody writes, until Ctrl-C.
    (fake_bin / "git").write_text(
        f'#!/bin/sh\ncase "$*" in *ls-files*) echo > "{ready}"; cat "{hold}";; esac\nexec {real_git} "$@"\n')
    (fake_bin / "git").chmod(0o755)
    env = {**os.environ, "PWD": str(project), "PATH": f"{fake_bin}:{os.environ['PATH']}"}
    process = subprocess.Popen(
        [tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", "..", str(TEMPLATE_ROOT),
         "layout=existing-project", "repo_name=coral", "online_checks=false"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        with open(ready) as signal_file:  # blocks until the hook reaches git ls-files
            signal_file.read()
        assert "mybinder.org" in (project / "README.md").read_text()  # the badge is in
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode != 0
    assert snapshot(project) == before
    assert "Interrupted: nothing was changed, every file is as it was." in stdout
    assert "nothing was generated" not in stdout + stderr and "Traceback" not in stdout + stderr


def test_a_readme_larger_than_the_limit_is_not_cut_short(tmp_path):
    from binder_template.readme_badge import README_LIMIT

    body = "# Data\n\n" + "x" * 99 + "\n"
    readme = body * (README_LIMIT // len(body) + 10) + "The user's last line.\n"
    project = r_project(tmp_path / "coral", readme)
    result = add_binder(project)
    assert result.returncode == 0, result.stderr
    assert (project / "README.md").read_text() == readme
    lines = result.stdout.splitlines()
    i = lines.index(f"README.md is larger than {README_LIMIT >> 20} MB, so it was not changed; put this "
                    "badge in it:")
    assert lines[i + 1].startswith("  [![Binder](https://mybinder.org/badge_logo.svg)]")


def test_a_read_only_readme_is_not_replaced(tmp_path):
    project = r_project(tmp_path / "coral")
    (project / "README.md").chmod(0o444)
    result = add_binder(project)
    assert result.returncode == 0, result.stderr
    assert (project / "README.md").read_text() == "# Coral reefs\n\nSome text.\n"
    assert stat.S_IMODE((project / "README.md").stat().st_mode) == 0o444
    assert "README.md is read-only, so it was not changed; put this badge in it:" in result.stdout


@pytest.mark.parametrize("layout", ["existing-project", "new-repository"])
def test_a_fifo_where_a_binder_file_goes_is_refused_without_hanging(tmp_path, layout):
    project = r_project(tmp_path / "coral")
    (project / ".github").mkdir()
    os.mkfifo(project / ".github" / "dependabot.yml")
    before = snapshot(project)
    if layout == "existing-project":
        result = add_binder(project)
    else:
        result = cookiecutter_cli(tmp_path, "-f", "repo_name=coral", "online_checks=false")
    assert result.returncode == 1
    assert ".github/dependabot.yml is not a regular file (a FIFO, a socket or a device)" in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("error: ")]) == 1
    assert snapshot(project) == before


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_a_huge_file_where_a_binder_file_goes_is_never_read_whole(tmp_path):
    """A 3 GB .github/dependabot.yml (sparse: it takes no disk) is kept with
    -s; reading it whole would need more memory than the run has."""
    project = r_project(tmp_path / "coral")
    (project / ".github").mkdir()
    with open(project / ".github" / "dependabot.yml", "wb") as huge:
        huge.truncate(3 << 30)
    result = subprocess.run(
        [tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", "..", str(TEMPLATE_ROOT),
         "layout=existing-project", "repo_name=coral", "online_checks=false"],
        cwd=project, env={**os.environ, "PWD": str(project)}, capture_output=True, text=True, timeout=120,
        preexec_fn=limit_memory)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert (project / ".github" / "dependabot.yml").stat().st_size == 3 << 30
    kept = result.stdout.split("Kept, but they differ from what this run would write", 1)[1]
    assert kept.split("\n")[1] == "  .github/dependabot.yml"
