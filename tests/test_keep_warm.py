"""Issue 24, item 1: the keep-warm workflow. Its shell steps run here as
GitHub runs a `run:` step (bash -eo pipefail, the step's env), with real
curl, jq and git, against a stand-in of GitHub's API
(tests/fake_github_api.py), a stand-in Binder federation
(tests/fake_binder.py) and a bare `origin`."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import urllib.parse
from pathlib import Path

import pytest
import yaml

from tests.fake_binder import Front, Member
from tests.fake_github_api import BOT, FakeGitHubAPI
from tests.helpers import GIT_ENV, add_binder, bake, check_jsonschema, cookiecutter_cli, git

REPOSITORY = "octo-cat/demo"
TOKEN = "ghs_k33pw4rmt0k3n"
TITLE = "The weekly Binder check failed: the badge may not launch"
DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def keep_warm(project: Path) -> dict:
    return yaml.safe_load((project / ".github/workflows/keep-binder-warm.yml").read_text())


def the_step(workflow: dict, job: str, name: str) -> dict:
    [step] = [s for s in workflow["jobs"][job]["steps"] if s.get("name") == name]
    return step


def run_step(step: dict, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The step's script as GitHub runs it, with the step's env (its
    ${{ secrets.GITHUB_TOKEN }} as the runner gives it) and GitHub's defaults."""
    given = {name: (TOKEN if "secrets.GITHUB_TOKEN" in str(value) else str(value))
             for name, value in step.get("env", {}).items()}
    environment = {"PATH": os.environ["PATH"], "HOME": str(cwd), "GITHUB_REPOSITORY": REPOSITORY,
                   "GITHUB_SERVER_URL": "https://github.com", "GITHUB_RUN_ID": "4242",
                   "GITHUB_WORKFLOW_REF": f"{REPOSITORY}/.github/workflows/keep-binder-warm.yml@refs/heads/main",
                   **given, **env}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=cwd, env=environment, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def default(cookies_session) -> Path:
    result = cookies_session.bake(extra_context={"online_checks": False, "github_user": "octo-cat",
                                                 "repo_name": "demo"})
    assert result.exit_code == 0, result.exception
    return result.project_path


@pytest.fixture(scope="module")
def prebuilt(cookies_session) -> Path:
    result = cookies_session.bake(extra_context={"online_checks": False, "github_user": "octo-cat",
                                                 "repo_name": "demo", "prebuilt_image": True})
    assert result.exit_code == 0, result.exception
    return result.project_path


# --- the workflow's shape --------------------------------------------------------

@pytest.mark.parametrize("kind", ["default", "prebuilt"])
def test_each_job_holds_only_the_permission_it_needs_and_a_failure_reports(request, kind):
    project = request.getfixturevalue(kind)
    checked = check_jsonschema("--builtin-schema", "vendor.github-workflows",
                               str(project / ".github/workflows/keep-binder-warm.yml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    workflow = keep_warm(project)
    assert workflow["permissions"] == {"contents": "read"}
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}  # YAML 1.1 reads `on` as true
    jobs = workflow["jobs"]
    expected = {"stay-enabled": {"actions": "write"}, "report": {"issues": "write"}}
    if kind == "prebuilt":
        expected["publish"] = {"contents": "write", "packages": "write"}
        assert jobs["publish"]["concurrency"] == "binder-publish"  # binder.yml's publish's group
    assert {name: job["permissions"] for name, job in jobs.items() if "permissions" in job} == expected
    # The report follows every other job, and only when one of them failed,
    # or was cancelled (GitHub cancels a job that runs past its timeout).
    assert jobs["report"]["if"] == ("${{ always() && (contains(needs.*.result, 'failure') || "
                                    "contains(needs.*.result, 'cancelled')) }}")
    assert set(jobs["report"]["needs"]) == set(jobs) - {"report"}
    # The re-enable does not wait for the build, and the pre-warm runs
    # whatever the build here gave: Binder may still have the image.
    assert "needs" not in jobs["stay-enabled"]
    if kind == "prebuilt":
        assert jobs["prewarm"]["needs"] == ["pull", "publish"] and jobs["prewarm"]["if"] == "${{ !cancelled() }}"
        for job in ("decide", "pull"):  # the binder branch, and the commit its image came from
            assert jobs[job]["steps"][0]["with"]["fetch-depth"] == 0
        assert jobs["pull"]["if"] == "needs.decide.outputs.rebuild == 'false'"
        assert jobs["publish"]["if"] == "needs.decide.outputs.rebuild == 'true'"
    else:
        assert "needs" not in jobs["prewarm"] and "if" not in jobs["prewarm"]
    for job in jobs.values():
        assert job["timeout-minutes"] <= 90


def test_the_schedule_is_weekly_off_the_hour_spread_out_and_said_in_words(cookies):
    times = {}
    for number in range(12):
        project = bake(cookies, github_user="octo-cat", repo_name=f"paper-{number}")
        text = (project / ".github/workflows/keep-binder-warm.yml").read_text()
        [cron] = keep_warm(project)[True]["schedule"]
        minute, hour, day_of_month, month, day = cron["cron"].split()
        assert (day_of_month, month) == ("*", "*")
        assert 1 <= int(minute) <= 59 and 0 <= int(hour) <= 23 and 0 <= int(day) <= 6
        said = f"# {DAY_NAMES[int(day)]}s at {int(hour):02d}:{int(minute):02d} UTC: four tries in each 30 days"
        assert said in text
        times[number] = cron["cron"]
    assert len(set(times.values())) >= 10
    # The same repository gets the same time on a rerun.
    again = bake(cookies, github_user="octo-cat", repo_name="paper-3")
    assert keep_warm(again)[True]["schedule"][0]["cron"] == times[3]


@pytest.mark.parametrize("branch", ["main", "release+1!", "fix/x"])
def test_every_job_checks_out_and_warms_the_launch_branch(cookies, branch):
    project = bake(cookies, github_user="octo-cat", repo_name="demo", branch=branch)
    jobs = keep_warm(project)["jobs"]
    assert jobs["build"]["steps"][0] == {"uses": "actions/checkout@v4", "with": {"ref": branch}}
    step = the_step(keep_warm(project), "prewarm", "Have Binder build or reuse the image")
    assert step["env"]["BRANCH"] == branch
    assert step["run"] == 'bash .github/scripts/prewarm.sh "$BINDERHUB" "$GITHUB_REPOSITORY" "$BRANCH"'


def test_a_branch_that_github_actions_would_read_as_an_expression_is_refused(tmp_path):
    result = cookiecutter_cli(tmp_path, "--output-dir", str(tmp_path / "out"), "online_checks=false",
                              "github_user=octo-cat", "branch=x${{secrets.FOO}}")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "error: branch = 'x${{secrets.FOO}}': with github_actions, it cannot hold '${{'" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_prewarm_step_asks_binder_for_the_branch(cookies, tmp_path):
    project = bake(cookies, github_user="octo-cat", repo_name="demo", branch="fix#12/x")
    step = the_step(keep_warm(project), "prewarm", "Have Binder build or reuse the image")
    member = Member(["built"])
    with member.server as hub, Front({"only": hub.url}, redirect_to=hub.url).server as front:
        result = run_step(step, project, BINDERHUB=front.url)
        assert member.done.wait(5)
    assert result.returncode == 0, result.stdout + result.stderr
    [(_, path, accept)] = hub.requests
    assert accept == "text/event-stream"
    # BinderHub splits the spec on its first two '/' and URL-decodes the ref.
    spec = urllib.parse.unquote(path.removeprefix("/build/gh/"))
    assert spec.split("/", 2) == ["octo-cat", "demo", "fix#12/x"]


# --- staying enabled: the 60-day rule ------------------------------------------

def test_the_schedule_stays_on_through_half_a_year_without_a_commit(default, tmp_path):
    step = the_step(keep_warm(default), "stay-enabled", "Keep this schedule on")
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"actions": "write"}) as github:
        for week in range(26):
            workflow = github.workflows["keep-binder-warm.yml"]
            assert workflow["state"] == "active", f"turned off in week {week}"
            result = run_step(step, tmp_path, GITHUB_API_URL=github.url)
            assert result.returncode == 0, result.stderr
            assert TOKEN not in result.stdout + result.stderr
            github.advance(7)
        assert github.day == 182 and github.workflows["keep-binder-warm.yml"]["state"] == "active"
    enables = [path for method, path, _ in github.requests if method == "PUT"]
    assert enables == [f"/repos/{REPOSITORY}/actions/workflows/keep-binder-warm.yml/enable"] * 26


def test_a_renamed_workflow_file_keeps_itself_on(default, tmp_path):
    step = the_step(keep_warm(default), "stay-enabled", "Keep this schedule on")
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"actions": "write"}) as github:
        github.workflows = {"binder-weekly.yml": {"state": "active", "enabled_day": 0}}
        result = run_step(step, tmp_path, GITHUB_API_URL=github.url,
                          GITHUB_WORKFLOW_REF=f"{REPOSITORY}/.github/workflows/binder-weekly.yml@refs/heads/main")
    assert result.returncode == 0, result.stderr
    assert [path for method, path, _ in github.requests if method == "PUT"] == [
        f"/repos/{REPOSITORY}/actions/workflows/binder-weekly.yml/enable"]


def test_without_the_permission_the_job_fails_and_after_60_days_the_schedule_is_off(default, tmp_path):
    """An organisation may hold GITHUB_TOKEN to read-only: then the job
    fails every week, which opens the issue, rather than lapse unseen."""
    step = the_step(keep_warm(default), "stay-enabled", "Keep this schedule on")
    with FakeGitHubAPI(REPOSITORY, TOKEN, {}) as github:
        for _ in range(9):
            result = run_step(step, tmp_path, GITHUB_API_URL=github.url)
            assert result.returncode != 0
            assert "Resource not accessible by integration" in result.stdout + result.stderr
            assert TOKEN not in result.stdout + result.stderr
            github.advance(7)
        assert github.workflows["keep-binder-warm.yml"]["state"] == "disabled_inactivity"


# --- the issue on failure -------------------------------------------------------

def report(project: Path, github: FakeGitHubAPI, cwd: Path) -> subprocess.CompletedProcess:
    step = the_step(keep_warm(project), "report", "Open an issue, or comment on the one already open")
    result = run_step(step, cwd, GITHUB_API_URL=github.url)
    assert TOKEN not in result.stdout + result.stderr
    return result


def test_a_failure_opens_one_issue_and_the_next_ones_comment_on_it(default, tmp_path):
    run_url = f"https://github.com/{REPOSITORY}/actions/runs/4242"
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"issues": "write"}) as github:
        # Not ours: a pull request and someone's issue with the same title.
        github.add_issue(TITLE, pull_request=True)
        github.add_issue(TITLE, user="a-reader")
        first = report(default, github, tmp_path)
        assert first.returncode == 0, first.stderr
        assert first.stdout == "Opened issue #3.\n"
        issue = github.issues[2]
        assert (issue["title"], issue["user"]["login"]) == (TITLE, BOT)
        assert run_url in issue["body"] and "Actions tab" in issue["body"]
        second = report(default, github, tmp_path)
        assert second.stdout == "Commented on issue #3.\n"
        assert github.issues[2]["comments"] == [f"It failed again: {run_url}"]
        assert len(github.issues) == 3 and github.issues[0]["comments"] == github.issues[1]["comments"] == []
        # Once the owner closes it, the next failure opens a new one.
        github.issues[2]["state"] = "closed"
        third = report(default, github, tmp_path)
        assert third.stdout == "Opened issue #4.\n"


def test_the_open_issue_is_found_however_many_are_open_after_it(default, tmp_path):
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"issues": "write"}) as github:
        github.add_issue(TITLE)
        for number in range(250):
            github.add_issue(f"A reader's question {number}", user="a-reader")
        result = report(default, github, tmp_path)
        assert result.stdout == "Commented on issue #1.\n", result.stderr
        assert len(github.issues) == 251 and len(github.issues[0]["comments"]) == 1
        pages = [path for method, path, _ in github.requests if method == "GET"]
        assert [re.search(r"[?&]page=(\d+)", path).group(1) for path in pages] == ["1", "2", "3"]


def test_an_issue_that_cannot_be_opened_fails_the_job(default, tmp_path):
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"issues": "write"}) as github:
        github.issues_enabled = False
        result = report(default, github, tmp_path)
    assert result.returncode != 0
    assert "Issues are disabled for this repo" in result.stdout + result.stderr


# --- prebuilt: rebuild only when the base has changed ------------------------------

PINNED = "FROM rocker/binder:latest@sha256:" + "a1" * 32 + "\n"
MOVED = "FROM rocker/binder:latest@sha256:" + "b2" * 32 + "\n"


def publish_module(project: Path):
    spec = importlib.util.spec_from_file_location("publish", project / ".github/scripts/publish.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def git_input(folder: Path, text: str, *args: str) -> str:
    """`git -C folder ARGS` reading `text`; its output, stripped."""
    result = subprocess.run(["git", "-C", str(folder), *args], input=text, capture_output=True, text=True,
                            timeout=60, env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout.strip()


class Repository:
    """A bare origin, a working clone that commits and pushes, and the
    binder branch as publish.py's release writes it."""

    def __init__(self, root: Path, dockerfile: str):
        self.origin, self.work, self.dockerfile = root / "origin.git", root / "work", dockerfile
        root.mkdir(parents=True, exist_ok=True)
        git(root, "init", "--bare", "-q", "-b", "main", str(self.origin))
        git(root, "clone", "-q", str(self.origin), str(self.work))
        self.commit({dockerfile: PINNED, "analysis.R": "library(tinyA)\n"})

    def commit(self, files: dict[str, str]) -> str:
        for name, text in files.items():
            (self.work / name).parent.mkdir(parents=True, exist_ok=True)
            (self.work / name).write_text(text)
        git(self.work, "add", "-A")
        git(self.work, "commit", "-q", "-m", "change")
        git(self.work, "push", "-q", "origin", "HEAD:main")
        return self.head()

    def head(self) -> str:
        return git(self.work, "rev-parse", "HEAD").strip()

    def publish(self, thin_dockerfile: str, commit: str) -> None:
        text = thin_dockerfile.format(commit=commit, image="ghcr.io/octo-cat/demo", digest="sha256:" + "c3" * 32)
        blob = git_input(self.work, text, "hash-object", "-w", "--stdin")
        tree = git_input(self.work, f"100644 blob {blob}\tDockerfile\n", "mktree")
        top = git_input(self.work, f"040000 tree {tree}\tbinder\n", "mktree")
        published = git(self.work, "commit-tree", top, "-m", "Binder image").strip()
        git(self.work, "push", "-q", "--force", "origin", f"{published}:refs/heads/binder")

    def checkout(self, root: Path) -> Path:
        """What actions/checkout leaves with fetch-depth 0: every branch of
        origin as a remote-tracking branch, the launch branch checked out."""
        clone = root / "checkout"
        root.mkdir(parents=True, exist_ok=True)
        git(root, "clone", "-q", "--branch", "main", str(self.origin), str(clone))
        return clone


def decide(project: Path, checkout: Path, tmp_path: Path, event: str = "schedule") -> tuple[str, str]:
    step = the_step(keep_warm(project), "decide", "Has the base image changed since the image was published?")
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    output.write_text("")
    summary.write_text("")
    result = run_step(step, checkout, GITHUB_EVENT_NAME=event, GITHUB_OUTPUT=str(output),
                      GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0, result.stderr
    [line] = output.read_text().splitlines()
    assert summary.read_text() == result.stdout
    return line, result.stdout


def test_the_published_image_is_pulled_while_the_base_is_the_one_it_was_built_from(prebuilt, tmp_path):
    repository = Repository(tmp_path, "Dockerfile")
    thin = publish_module(prebuilt).THIN_DOCKERFILE
    first = repository.head()
    repository.publish(thin, first)
    assert decide(prebuilt, repository.checkout(tmp_path / "a"), tmp_path) == (
        "rebuild=false", "The published image is current: pulling it.\n")
    # A change to the analysis alone does not change the base.
    repository.commit({"analysis.R": "library(tinyB)\n"})
    checkout = repository.checkout(tmp_path / "b")
    assert decide(prebuilt, checkout, tmp_path)[0] == "rebuild=false"
    # The pull step pulls the image the binder branch names.
    step = the_step(keep_warm(prebuilt), "pull", "Pull the published image")
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "docker").write_text('#!/bin/sh\nprintf "%s\\n" "$*" >> "$DOCKER_CALLS"\n')
    (shim / "docker").chmod(0o755)
    env_file = tmp_path / "env"
    result = run_step(step, checkout, PATH=f"{shim}:{os.environ['PATH']}", DOCKER_CALLS=str(tmp_path / "calls"),
                      GITHUB_ENV=str(env_file))
    assert result.returncode == 0, result.stderr
    image = "ghcr.io/octo-cat/demo@sha256:" + "c3" * 32
    assert (tmp_path / "calls").read_text() == f"pull {image}\n"
    assert env_file.read_text() == f"IMAGE={image}\n"


def test_a_binder_branch_that_names_no_published_image_fails_the_pull(prebuilt, tmp_path):
    repository = Repository(tmp_path, "Dockerfile")
    marker = tmp_path / "ran"
    repository.publish("# Built by this repository's workflow from commit {commit}.\nFROM $(touch " + str(marker) + ")\n",
                       repository.head())
    step = the_step(keep_warm(prebuilt), "pull", "Pull the published image")
    env_file = tmp_path / "env"
    result = run_step(step, repository.checkout(tmp_path / "a"), GITHUB_ENV=str(env_file))
    assert result.returncode == 1 and not marker.exists()
    assert result.stdout.startswith("::error title=Binder image::the binder branch's Dockerfile names no published")
    assert not env_file.exists()


def test_a_new_base_digest_or_a_run_by_hand_rebuilds(prebuilt, tmp_path):
    repository = Repository(tmp_path, "Dockerfile")
    thin = publish_module(prebuilt).THIN_DOCKERFILE
    first = repository.head()
    repository.publish(thin, first)
    assert decide(prebuilt, repository.checkout(tmp_path / "a"), tmp_path, "workflow_dispatch") == (
        "rebuild=true", "Building and publishing the image again: it was run by hand.\n")
    # Dependabot's digest update, merged, whose own publish did not run.
    repository.commit({"Dockerfile": MOVED})
    line, said = decide(prebuilt, repository.checkout(tmp_path / "b"), tmp_path)
    assert line == "rebuild=true"
    assert said == f"Building and publishing the image again: Dockerfile's FROM line has changed since {first}.\n"


@pytest.mark.parametrize("case", ["nothing published", "unknown commit"])
def test_without_a_published_image_it_builds_one(prebuilt, tmp_path, case):
    repository = Repository(tmp_path, "Dockerfile")
    if case == "unknown commit":
        repository.publish(publish_module(prebuilt).THIN_DOCKERFILE, "f" * 40)
    line, said = decide(prebuilt, repository.checkout(tmp_path / "a"), tmp_path)
    assert line == "rebuild=true"
    assert said.endswith({"nothing published": "nothing is published yet.\n",
                          "unknown commit": "the published image's commit is not in this repository.\n"}[case])


def test_an_existing_projects_dockerfile_is_read_in_its_binder_folder(tmp_path):
    project = tmp_path / "analysis"
    project.mkdir()
    (project / "analysis.R").write_text("library(tinyA)\n")
    result = add_binder(project, "github_user=octo-cat", "prebuilt_image=true")
    assert result.returncode == 0, result.stdout + result.stderr
    step = the_step(keep_warm(project), "decide", "Has the base image changed since the image was published?")
    assert step["env"]["DOCKERFILE"] == "binder/Dockerfile"
    repository = Repository(tmp_path / "repo", "binder/Dockerfile")
    first = repository.head()
    repository.publish(publish_module(project).THIN_DOCKERFILE, first)
    repository.commit({"binder/Dockerfile": MOVED})
    assert decide(project, repository.checkout(tmp_path / "a"), tmp_path)[0] == "rebuild=true"


def test_the_republish_uses_the_launch_branch_not_the_default_branchs_commit(prebuilt):
    """A scheduled run's GITHUB_SHA is the default branch's head; the image
    is published from the launch branch, checked out by name."""
    publish = keep_warm(prebuilt)["jobs"]["publish"]
    assert publish["env"] == {"BRANCH": "main"}
    assert publish["steps"][0]["with"] == {"ref": "main", "persist-credentials": False}
    runs = "\n".join(step.get("run", "") for step in publish["steps"])
    assert "GITHUB_SHA" not in runs
    assert 'publish.py release "$GITHUB_REPOSITORY" "$COMMIT" --source-branch "$BRANCH"' in runs
    assert re.search(r'publish\.py build "\$GITHUB_REPOSITORY" "\$COMMIT"$', runs, re.MULTILINE)
