"""Issue 24, item 2: the template-update workflow, end to end. Its update
step runs as GitHub runs it (bash -eo pipefail), with real cruft and git, in
a checkout of a bare `origin`, for a repository made with `cruft create` from
a local copy of this template that then moves on; its pull request and the
Binder workflow's dispatch go to a stand-in of GitHub's API
(tests/fake_github_api.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from binder_template.sandbox import PROJECT_FOLDER
from tests.conftest import run, tool
from tests.fake_github_api import FakeGitHubAPI
from tests.helpers import GIT_ENV, bake, copy_template, git

REPOSITORY = "octo-cat/demo"
TOKEN = "ghs_upd4t3t0k3n"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
README_TEMPLATE = f"{PROJECT_FOLDER}/{{{{ cookiecutter | output_name('README.md') }}}}"
OLD_HEADING, NEW_HEADING = "## Add R packages\n", "## Add R packages to the image\n"


def move_template(template: Path, old: str, new: str) -> str:
    """One more commit on the template: a line of the generated README."""
    readme = template / README_TEMPLATE
    text = readme.read_text()
    assert old in text
    readme.write_text(text.replace(old, new, 1))
    git(template, "commit", "-qam", f"README: {new.strip()}")
    return git(template, "rev-parse", "HEAD").strip()


class Made:
    """A repository made with `cruft create`, pushed to a bare origin."""

    def __init__(self, root: Path):
        self.template, self.origin = root / "template", root / "origin.git"
        self.template.mkdir()
        copy_template(self.template)
        context = json.dumps({"online_checks": False, "github_user": "octo-cat", "repo_name": "demo"})
        (root / "made").mkdir()
        created = run([tool("cruft"), "create", "--no-input", str(self.template), "--extra-context", context],
                      cwd=root / "made")
        assert created.returncode == 0, created.stdout + created.stderr
        self.work = root / "made" / "demo"
        git(root, "init", "--bare", "-q", "-b", "main", str(self.origin))
        git(self.work, "init", "-q", "-b", "main")
        git(self.work, "add", "-A")
        git(self.work, "commit", "-qm", "start")
        git(self.work, "remote", "add", "origin", str(self.origin))
        git(self.work, "push", "-q", "origin", "main")
        self.runs = 0

    def workflow(self) -> dict:
        return yaml.safe_load((self.work / ".github/workflows/template-update.yml").read_text())

    def update(self, github: FakeGitHubAPI, root: Path) -> subprocess.CompletedProcess:
        """The update step, in a fresh checkout of the launch branch with
        every branch fetched (actions/checkout, fetch-depth 0)."""
        self.runs += 1
        checkout = root / f"checkout-{self.runs}"
        git(root, "clone", "-q", "--branch", "main", str(self.origin), str(checkout))
        [step] = [s for s in self.workflow()["jobs"]["update"]["steps"] if s.get("name") == "Update from the template"]
        summary = root / f"summary-{self.runs}.md"
        summary.write_text("")
        # The runner's git has no identity of its own: the step gives its commit one.
        env = {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "HOME": str(root),
               "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
               "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_STEP_SUMMARY": str(summary),
               "BRANCH": "main", "GITHUB_TOKEN": TOKEN}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                cwd=checkout, env=env, capture_output=True, text=True, timeout=300)
        assert TOKEN not in result.stdout + result.stderr
        result.summary = summary.read_text()
        return result

    def branch(self, name: str = "template-update") -> str | None:
        found = git(self.origin, "branch", "--list", name).strip()
        return git(self.origin, "rev-parse", name).strip() if found else None

    def show(self, path: str, ref: str = "template-update") -> str:
        return git(self.origin, "show", f"{ref}:{path}")


@pytest.fixture
def github():
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"contents": "write", "pull-requests": "write",
                                          "actions": "write"}) as api:
        yield api


def test_a_template_that_moved_on_becomes_one_pull_request_that_the_binder_workflow_checks(tmp_path, github):
    made = Made(tmp_path)
    up_to_date = made.update(github, tmp_path)
    assert up_to_date.returncode == 0, up_to_date.stderr
    assert up_to_date.summary == "Up to date with the template.\n"
    assert made.branch() is None and github.pulls == [] and github.dispatches == []

    first = move_template(made.template, OLD_HEADING, NEW_HEADING)
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.summary == "Opened pull request #1.\n"
    assert NEW_HEADING in made.show("README.md") and OLD_HEADING in made.show("README.md", "main")
    assert json.loads(made.show(".cruft.json"))["commit"] == first
    assert made.branch("main") == git(made.work, "rev-parse", "HEAD").strip()  # the user's branch untouched
    [pull] = github.pulls
    assert (pull["head"], pull["base"], pull["title"]) == ({"ref": "template-update"}, {"ref": "main"},
                                                           "Update from the template")
    assert f"at commit {first}" in pull["body"] and "did not apply" not in pull["body"]
    # GitHub starts no workflow for a push or pull request made with
    # GITHUB_TOKEN: the step starts the Binder workflow on the branch.
    assert github.dispatches == [("binder.yml", "template-update")]
    author = git(made.origin, "log", "-1", "--format=%an <%ae>", "template-update").strip()
    assert author == f"github-actions[bot] <{BOT_EMAIL}>"

    # Nothing new: the branch is not pushed again, nothing is dispatched.
    again = made.update(github, tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.summary == "The template-update branch already holds this update.\n"
    assert len(github.dispatches) == 1 and len(github.pulls) == 1

    # The template moves again: the same pull request, updated.
    second = move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    later = made.update(github, tmp_path)
    assert later.returncode == 0, later.stderr
    assert later.summary == "Updated pull request #1.\n"
    assert "## Run it on your computer\n" in made.show("README.md")
    assert len(github.pulls) == 1 and f"at commit {second}" in github.pulls[0]["body"]
    assert github.dispatches == [("binder.yml", "template-update")] * 2


def test_a_change_that_conflicts_with_the_users_own_is_committed_as_it_is_and_listed(tmp_path, github):
    made = Made(tmp_path)
    readme = made.work / "README.md"
    readme.write_text(readme.read_text().replace(OLD_HEADING, "## Add R packages (our lab's way)\n"))
    git(made.work, "commit", "-qam", "our heading")
    git(made.work, "push", "-q", "origin", "main")
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    [pull] = github.pulls
    assert "These did not apply cleanly." in pull["body"]
    listed = [line for line in pull["body"].splitlines() if line.startswith("- `")]
    assert listed and all(line.endswith("`") for line in listed)
    for line in listed:
        path = line[3:-1]
        text = made.show(path)
        # Either cruft's .rej file, or git's conflict markers, is on the branch.
        assert path.endswith(".rej") or "<<<<<<<" in text, (path, text)
        if path.endswith(".rej"):
            assert "## Add R packages to the image" in text
    # The user's own line is still theirs on their branch.
    assert "## Add R packages (our lab's way)\n" in made.show("README.md", "main")


def test_a_template_update_branch_with_the_owners_commit_is_left_alone(tmp_path, github):
    made = Made(tmp_path)
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    assert made.update(github, tmp_path).returncode == 0
    # The owner resolves something on the branch, by hand.
    mine = tmp_path / "mine"
    git(tmp_path, "clone", "-q", "--branch", "template-update", str(made.origin), str(mine))
    (mine / "NOTES.md").write_text("resolved\n")
    git(mine, "add", "-A")
    git(mine, "commit", "-qm", "my fix")
    git(mine, "push", "-q", "origin", "template-update")
    theirs = made.branch()
    move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "::warning title=Template update::the template-update branch has commits of yours" in result.stdout
    assert made.branch() == theirs and len(github.dispatches) == 1


def test_a_repository_made_without_cruft_is_left_alone(cookies, tmp_path, github):
    project = bake(cookies, repo_name="demo")
    step = next(s for s in yaml.safe_load((project / ".github/workflows/template-update.yml").read_text())
                ["jobs"]["update"]["steps"] if s.get("name") == "Update from the template")
    summary = tmp_path / "summary.md"
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=project,
                            env={"PATH": os.environ["PATH"], "GITHUB_STEP_SUMMARY": str(summary), **GIT_ENV},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert summary.read_text().startswith("No .cruft.json: this repository was not made with cruft create")
    assert github.requests == []


def test_the_job_alone_may_write_and_binder_yml_runs_on_its_dispatch(cookies):
    project = bake(cookies, repo_name="demo", prebuilt_image=True)
    workflows = project / ".github/workflows"
    update = yaml.safe_load((workflows / "template-update.yml").read_text())
    assert update["permissions"] == {"contents": "read"}
    assert update["jobs"]["update"]["permissions"] == {"contents": "write", "pull-requests": "write",
                                                       "actions": "write"}
    assert update["jobs"]["update"]["steps"][0]["with"] == {"ref": "main", "fetch-depth": 0}
    binder = yaml.safe_load((workflows / "binder.yml").read_text())
    assert "workflow_dispatch" in binder[True]  # YAML 1.1 reads `on` as true
    # The build and the RStudio check run on the dispatch; publishing does not.
    assert binder["jobs"]["build"]["if"] == "github.event_name != 'push'"
    assert binder["jobs"]["publish"]["if"] == "github.event_name == 'push'"
    checked = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                              str(workflows / "template-update.yml"), str(workflows / "binder.yml")],
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
