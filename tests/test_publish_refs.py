"""prebuilt_image: what publish.py does with branches and registries that
are not as it expects (issue 21, items 8 to 12), and the warning generation
gives for a `binder` branch. Real git repositories (a bare one stands in for
origin), the real registry behind the GHCR stand-in, and small servers on
127.0.0.1 that answer the way a broken or hostile registry would."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from binder_template.prebuilt import binder_branch_warning
from tests.helpers import git
from tests.test_prebuilt import NAME, prebuilt, publish  # noqa: F401 (the shipped publish.py, imported)


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A checkout of `main` whose origin is a bare repository; the current
    folder, as in the workflow."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / "install.R").write_text("cran <- character()\n")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "mine")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    monkeypatch.chdir(work)
    return work


def origin(work: Path) -> Path:
    return work.parent / "origin.git"


def thin(publish, n: int) -> str:  # noqa: F811
    return publish.THIN_DOCKERFILE.format(commit=str(n) * 40, image=f"ghcr.io/{NAME}",
                                          digest=f"sha256:{str(n) * 64}")


def users_branch(work: Path, files: dict[str, str], parent: bool = False) -> str:
    """Push a `binder` branch made by hand, holding `files`, to origin."""
    git(work, "checkout", "-q", "--orphan" if not parent else "-b", "binder")
    git(work, "rm", "-rqf", "--ignore-unmatch", ".")
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    git(work, "add", "-A")
    git(work, "commit", "-qm", "my binder work")
    git(work, "push", "-q", "origin", "binder")
    commit = git(work, "rev-parse", "HEAD").strip()
    git(work, "checkout", "-q", "-f", "main")
    git(work, "branch", "-q", "-D", "binder")
    return commit


def on_path(tmp_path: Path, monkeypatch, name: str) -> Path:
    """A stand-in command `name` first on PATH that records its arguments
    and environment in a file, and succeeds."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    record = tmp_path / f"{name}.called"
    script = folder / name
    script.write_text(f"#!/bin/sh\n{{ echo \"$@\"; env; }} >> '{record}'\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{Path(sys.executable).parent}:/usr/bin:/bin")
    return record


def error_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("::error")]


# --- item 8: a binder branch that is someone's work ---------------------------

@pytest.mark.parametrize("files,parent", [
    ({"notes.md": "mine\n", "binder/environment.yml": "dependencies: []\n"}, False),
    ({"binder/Dockerfile": "FROM ghcr.io/x/y@sha256:" + "1" * 64 + "\nRUN echo mine\n"}, False),
    ({"Dockerfile": "FROM ghcr.io/x/y@sha256:" + "1" * 64 + "\n"}, False),
    ("thin+notes", False),
    ("thin", True),  # the right file, but on top of someone's history
], ids=["other-files", "more-than-from", "not-in-binder", "thin-and-more", "with-history"])
def test_publishing_stops_rather_than_overwrite_a_binder_branch_it_did_not_make(
        publish, work, tmp_path, monkeypatch, capsys, files, parent):  # noqa: F811
    if files == "thin+notes":
        files = {"binder/Dockerfile": thin(publish, 1), "notes.md": "mine\n"}
    elif files == "thin":
        files = {"binder/Dockerfile": thin(publish, 1)}
    before = users_branch(work, files, parent)
    repo2docker, docker = on_path(tmp_path, monkeypatch, "repo2docker"), on_path(tmp_path, monkeypatch, "docker")
    for step in ("build", "release"):
        assert publish.main([step, "Octo-Cat/Demo", "a" * 40, "--source-branch", "main"]) == 1
        out = capsys.readouterr()
        [line] = error_lines(out.out)
        assert line.startswith("::error title=Binder image::the branch 'binder' on origin holds work this "
                               "workflow did not make")
        assert "rename it" in line and "Traceback" not in out.err
    # Nothing was built or pushed, and the branch is as the user left it.
    assert not repo2docker.exists() and not docker.exists()
    assert git(origin(work), "rev-parse", "refs/heads/binder").strip() == before


def test_a_branch_it_made_is_recognised_and_replaced(publish, work):  # noqa: F811
    previous = None
    for n in (1, 2):
        commit = publish.update_branch("origin", "binder", thin(publish, n), f"Binder image of {n}", previous)
        previous, digest = publish.previous_release("origin", "binder")
        assert (previous, digest) == (commit, f"sha256:{str(n) * 64}")
    # What release() writes is what THIN recognises.
    assert publish.THIN.fullmatch(thin(publish, 3))


def test_a_branch_under_binder_is_named(publish, work):  # noqa: F811
    git(work, "push", "-q", "origin", "main:refs/heads/binder/dev")
    with pytest.raises(publish.PublishError) as stopped:
        publish.previous_release("origin", "binder")
    assert str(stopped.value).startswith("the branch 'binder/dev' on origin leaves no room for the branch "
                                         "'binder'")


# --- item 9: a tag named binder, and the real cause of a refused push ---------

@pytest.mark.parametrize("with_branch", [False, True], ids=["first-publish", "later-publish"])
def test_a_tag_named_binder_does_not_stand_for_the_branch(publish, work, with_branch):  # noqa: F811
    git(work, "tag", "binder")
    git(work, "push", "-q", "origin", "refs/tags/binder")
    expected = publish.update_branch("origin", "binder", thin(publish, 1), "first") if with_branch else None
    previous, _ = publish.previous_release("origin", "binder")
    assert previous == expected
    commit = publish.update_branch("origin", "binder", thin(publish, 2), "next", previous)
    assert git(origin(work), "rev-parse", "refs/heads/binder").strip() == commit
    assert git(origin(work), "rev-parse", "refs/tags/binder").strip() == git(work, "rev-parse", "main").strip()


def test_a_push_the_remote_refuses_is_not_blamed_on_another_run(publish, work):  # noqa: F811
    hook = origin(work) / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch: binder' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(publish.PublishError) as refused:
        publish.update_branch("origin", "binder", thin(publish, 1), "first")
    assert str(refused.value).startswith("origin refused the push to the binder branch (git's message is above)")
    hook.unlink()
    # Whereas a branch that moved since this run read it is.
    publish.update_branch("origin", "binder", thin(publish, 1), "first")
    with pytest.raises(publish.PublishError, match="another run changed it meanwhile"):
        publish.update_branch("origin", "binder", thin(publish, 2), "stale", None)


# --- item 10: the token never reaches repo2docker -----------------------------

def test_the_build_runs_without_the_token(publish, work, tmp_path, monkeypatch, capsys):  # noqa: F811
    repo2docker = on_path(tmp_path, monkeypatch, "repo2docker")
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_secret0123456789")
    monkeypatch.setenv("GH_TOKEN", "ghs_other0123456789")
    assert publish.main(["build", "Octo-Cat/Demo", "a" * 40]) == 0, capsys.readouterr().out
    called = repo2docker.read_text()
    assert "--image-name ghcr.io/octo-cat/demo:" + "a" * 40 in called
    assert "ghs_" not in called and "PATH=" in called


# --- items 11 and 12: the anonymous check, as publish.py drives docker ---------
# docker itself pulls through a registry's token challenge in the build tier
# (tests/real_builds/test_prebuilt_build.py); here a stand-in docker shows what
# publish.py asks of it and makes of its answer.

def docker_that(tmp_path: Path, monkeypatch, script: str) -> Path:
    """A stand-in `docker` first on PATH: records its arguments and the
    files in its --config folder, then runs `script` (sh)."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    record = tmp_path / "docker.called"
    (folder / "docker").write_text(f"#!/bin/sh\n{{ echo \"$@\"; ls -A \"$2\"; }} >> '{record}'\n{script}\n")
    (folder / "docker").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{Path(sys.executable).parent}:/usr/bin:/bin")
    return record


def release(publish, monkeypatch, *options):  # noqa: F811
    """publish.py release, as the workflow runs it, after a push that gave DIGEST."""
    monkeypatch.setattr(publish, "push", lambda image, commit: DIGEST)
    monkeypatch.setattr(publish, "previous_release", lambda remote, branch: (None, None))
    return publish.main(["release", "Octo-Cat/Demo", "a" * 40, *options])


DIGEST = "sha256:" + "0" * 64


def test_the_check_is_a_docker_pull_with_no_credentials(publish, tmp_path, monkeypatch, capsys):  # noqa: F811
    record = docker_that(tmp_path, monkeypatch, "exit 0")
    monkeypatch.setattr(publish, "update_branch", lambda *args: "c" * 40)
    monkeypatch.setattr(publish, "still_the_head", lambda *args: True)
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))  # the step's login, which the check must not use
    assert release(publish, monkeypatch) == 0, capsys.readouterr().out
    called = record.read_text().splitlines()
    config = called[0].split()[1]
    assert called[0] == f"--config {config} pull --quiet ghcr.io/octo-cat/demo@{DIGEST}"
    assert len(called) == 1  # and that folder held nothing: no credential
    assert config != str(tmp_path) and not Path(config).exists()  # and is gone


@pytest.mark.parametrize("said", ["Error response from daemon: unauthorized: authentication required",
                                  "Error response from daemon: manifest unknown\r\n::error::forged 100%"])
def test_a_pull_that_fails_is_one_line_naming_the_setting(publish, work, tmp_path, monkeypatch, capsys, said):  # noqa: F811
    """GHCR turns an anonymous client away from a private package with
    either answer: no token, or 'manifest unknown' for the digest just
    pushed (not an outage)."""
    docker_that(tmp_path, monkeypatch, f"printf '%s\\n' '{said}' >&2; exit 1")
    assert release(publish, monkeypatch) == 1
    [line] = error_lines(capsys.readouterr().out)
    assert line.startswith("::error title=Binder image::ghcr.io/octo-cat/demo is private, so Binder cannot "
                           "pull it: make the package public at https://github.com/users/Octo-Cat/packages/"
                           "container/demo/settings")
    shown = said.replace("\r\n", " ").replace("%", "%25")
    assert line.endswith(f"(an anonymous docker pull of the digest just pushed failed: {shown})")
    assert git(origin(work), "for-each-ref", "refs/heads/binder") == ""  # the badge's branch not made


def test_a_pull_that_fails_otherwise_is_an_outage_not_a_private_package(publish, work, tmp_path, monkeypatch,  # noqa: F811
                                                                        capsys):
    said = "Error response from daemon: received unexpected HTTP status: 503 Service Unavailable \x1b[31m"
    docker_that(tmp_path, monkeypatch, f"printf '%s\\n' '{said}' >&2; exit 1")
    assert release(publish, monkeypatch) == 1
    [line] = error_lines(capsys.readouterr().out)
    assert line == ("::error title=Binder image::could not check that anyone can pull ghcr.io/octo-cat/demo (an "
                    "anonymous docker pull of the digest just pushed failed: Error response from daemon: received "
                    "unexpected HTTP status: 503 Service Unavailable \\x1b[31m); run the workflow again")
    assert git(origin(work), "for-each-ref", "refs/heads/binder") == ""


def test_a_docker_daemon_out_of_reach_is_not_a_private_package(publish, tmp_path, monkeypatch, capsys):  # noqa: F811
    said = ("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: "
            "Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/images/create\": dial unix /var/run/docker.sock: connect: "
            "permission denied")
    docker_that(tmp_path, monkeypatch, f"printf '%s\\n' '{said}' >&2; exit 1")
    assert release(publish, monkeypatch) == 1
    [line] = error_lines(capsys.readouterr().out)
    assert line.startswith("::error title=Binder image::could not check that anyone can pull"), line


def test_the_whole_check_has_a_deadline(publish, tmp_path, monkeypatch, capsys):  # noqa: F811
    docker_that(tmp_path, monkeypatch, "exec sleep 60")
    started = time.monotonic()
    with pytest.raises(publish.PublishError) as late:
        publish.pulls_anonymously("ghcr.io/octo-cat/demo", DIGEST, seconds=1)
    assert str(late.value).startswith("the registry did not answer within 1 s")
    assert time.monotonic() - started < 10


# --- generation's warning ------------------------------------------------------

def repository(folder: Path) -> Path:
    folder.mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    (folder / "analysis.R").write_text("1\n")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "mine")
    return folder


def test_no_warning_without_a_binder_branch(tmp_path):
    assert binder_branch_warning(str(tmp_path)) is None  # not a repository
    project = repository(tmp_path / "project")
    git(project, "tag", "binder")  # a tag is not a branch
    git(project, "branch", "binderish")
    assert binder_branch_warning(str(project)) is None
    # A new project's folder inside another repository that has one: not that repository.
    git(project, "branch", "binder")
    inner = project / "new-project"
    inner.mkdir()
    assert binder_branch_warning(str(inner)) is None


@pytest.mark.parametrize("where", ["local", "origin", "under"])
def test_generation_warns_of_a_binder_branch(tmp_path, where):
    project = repository(tmp_path / "project")
    if where == "local":
        git(project, "branch", "binder")
        named = "'binder'"
    elif where == "under":
        git(project, "branch", "binder/dev")
        named = "'binder/dev'"
    else:  # only on origin, as a clone sees it
        git(tmp_path, "clone", "-q", "--bare", str(project), str(tmp_path / "origin.git"))
        git(tmp_path / "origin.git", "branch", "binder", "main")
        git(project, "remote", "add", "origin", str(tmp_path / "origin.git"))
        git(project, "fetch", "-q", "origin")
        named = "'origin/binder'"
    warning = binder_branch_warning(str(project))
    assert warning is not None and "\n" not in warning
    assert warning.startswith(f"warning: this repository has the branch {named}, and with prebuilt_image the "
                              "workflow makes its own branch 'binder': rename yours")
