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
from tests.conftest import TEMPLATE_ROOT, run, tool
from tests.fake_github_api import FakeGitHubAPI
from tests.helpers import bake, check_jsonschema, copy_template, git

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

    def __init__(self, root: Path, checkout: str | None = None):
        self.template, self.origin = root / "template", root / "origin.git"
        self.template.mkdir()
        copy_template(self.template)
        if checkout:
            git(self.template, "branch", checkout)
        context = json.dumps({"online_checks": False, "github_user": "octo-cat", "repo_name": "demo"})
        (root / "made").mkdir()
        created = run([tool("cruft"), "create", "--no-input", str(self.template), "--extra-context", context,
                       *(["--checkout", checkout] if checkout else [])], cwd=root / "made")
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

    def update(self, github: FakeGitHubAPI, root: Path, user_token: str = "",
               git_config: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """The job's two steps, as GitHub runs them, in a fresh checkout of
        the launch branch with every branch fetched (actions/checkout,
        fetch-depth 0): the step that runs cruft, with no token, then, when
        it changed something, the step that pushes and opens the pull request."""
        self.runs += 1
        checkout, temp = root / f"checkout-{self.runs}", root / f"runner-temp-{self.runs}"
        temp.mkdir()
        git(root, "clone", "-q", "--branch", "main", str(self.origin), str(checkout))
        steps = {s.get("name"): s for s in self.workflow()["jobs"]["update"]["steps"]}
        summary, output = root / f"summary-{self.runs}.md", root / f"output-{self.runs}"
        summary.write_text("")
        output.write_text("")
        # The runner's git has no identity of its own: the step gives its commit one.
        env = {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "HOME": str(root),
               "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "RUNNER_TEMP": str(temp),
               "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_STEP_SUMMARY": str(summary),
               "GITHUB_SERVER_URL": "https://github.com", "GITHUB_OUTPUT": str(output), "BRANCH": "main"}
        # git settings for this run alone, as GIT_CONFIG_COUNT passes them.
        for number, (key, value) in enumerate((git_config or {}).items()):
            env |= {f"GIT_CONFIG_KEY_{number}": key, f"GIT_CONFIG_VALUE_{number}": value,
                    "GIT_CONFIG_COUNT": str(number + 1)}

        def step(name: str, **more: str) -> subprocess.CompletedProcess:
            ran = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", steps[name]["run"]],
                                 cwd=checkout, env={**env, **more}, capture_output=True, text=True, timeout=300)
            assert TOKEN not in ran.stdout + ran.stderr and (not user_token or user_token not in ran.stdout + ran.stderr)
            return ran

        applied = step("Apply the template's changes")
        assert "GITHUB_TOKEN" not in steps["Apply the template's changes"].get("env", {})
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
        result = applied
        if applied.returncode == 0 and outputs.get("changed") == "true":
            pushed = step("Push it and open the pull request", GITHUB_TOKEN=TOKEN, UPDATE_TOKEN=user_token)
            result = subprocess.CompletedProcess(pushed.args, pushed.returncode, applied.stdout + pushed.stdout,
                                                 applied.stderr + pushed.stderr)
        result.summary = summary.read_text()
        return result

    def branch(self, name: str = "template-update") -> str | None:
        found = git(self.origin, "branch", "--list", name).strip()
        return git(self.origin, "rev-parse", name).strip() if found else None

    def show(self, path: str, ref: str = "template-update") -> str:
        return git(self.origin, "show", f"{ref}:{path}")


@pytest.fixture
def github():
    with FakeGitHubAPI(REPOSITORY, TOKEN, {"contents": "write", "pull-requests": "write", "issues": "write",
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
    assert again.summary == "Pull request #1 already holds this update.\n"
    assert len(github.dispatches) == 1 and len(github.pulls) == 1

    # The template moves again: the same pull request, updated.
    second = move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    later = made.update(github, tmp_path)
    assert later.returncode == 0, later.stderr
    assert later.summary == "Updated pull request #1.\n"
    assert "## Run it on your computer\n" in made.show("README.md")
    assert len(github.pulls) == 1 and f"at commit {second}" in github.pulls[0]["body"]
    assert github.dispatches == [("binder.yml", "template-update")] * 2


def test_the_pull_request_names_the_template_without_its_user_name_and_password(tmp_path, github):
    """A template address with credentials in .cruft.json (cruft keeps the
    address it was given, git+ prefix and all): the pull request, which
    anyone can read, names it without them. git fetches it from the local
    template, through its insteadOf setting."""
    made = Made(tmp_path)
    address = "git+https://octo-cat:p@ssw0rd@github.com/org/rocker-binder-template.git"
    state = json.loads((made.work / ".cruft.json").read_text())
    (made.work / ".cruft.json").write_text(json.dumps({**state, "template": address}, indent=2) + "\n")
    git(made.work, "commit", "-qam", "The template's address, as it was given")
    git(made.work, "push", "-q", "origin", "main")
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    result = made.update(github, tmp_path, git_config={f"url.{made.template}.insteadOf": address})
    assert result.returncode == 0, result.stdout + result.stderr
    [pull] = github.pulls
    assert "git+https://github.com/org/rocker-binder-template.git at commit" in pull["body"]
    assert "ssw0rd" not in pull["body"] + result.stdout + result.stderr + result.summary


@pytest.mark.parametrize("address,shown", [
    ("https://octo:ghp_s3cr3t@github.com/org/t.git", "https://github.com/org/t.git"),
    ("git+https://octo-cat:p@ssw0rd@github.com/org/t.git", "git+https://github.com/org/t.git"),
    ("HTTPS://ghp_s3cr3t@GitHub.com/org/t", "HTTPS://GitHub.com/org/t"),
    ("https://octo:ghp_s3cr3t@github.com?email=a@b.org", "https://github.com"),
    ("https://github.com/org/t?token=ghp_s3cr3t#ghp_s3cr3t", "https://github.com/org/t"),
    ("gh:org/t", "gh:org/t"),
    ("git@github.com:org/t.git", "git@github.com:org/t.git"),  # ssh's user name, not a secret
    ("/home/me/templates/t", "/home/me/templates/t"),
])
def test_the_template_address_the_workflow_shows_has_no_secret_in_it(tmp_path, address, shown):
    """The line of template-update.yml (it has no Jinja in it) that names the
    template in the pull request and the issue, run by bash on each form of
    address .cruft.json can hold."""
    source = (TEMPLATE_ROOT / PROJECT_FOLDER / ".github" / "workflows"
              / "{{ cookiecutter | output_name('template-update.yml') }}").read_text()
    [line] = [line.strip() for line in source.splitlines() if line.strip().startswith('template="$(jq')]
    (tmp_path / ".cruft.json").write_text(json.dumps({"template": address, "commit": "abc123"}))
    shell = subprocess.run(["bash", "-eo", "pipefail", "-c", line + '\nprintf %s "$template"'], cwd=tmp_path,
                           capture_output=True, text=True, timeout=30)
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout == f"{shown} at commit abc123"


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


@pytest.mark.parametrize("amend", [False, True], ids=["a commit", "an amend (the bot stays the author)"])
def test_the_owners_work_on_the_template_update_branch_is_left_alone(tmp_path, github, amend):
    made = Made(tmp_path)
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    assert made.update(github, tmp_path).returncode == 0
    # The owner resolves something on the branch, by hand.
    mine = tmp_path / "mine"
    git(tmp_path, "clone", "-q", "--branch", "template-update", str(made.origin), str(mine))
    (mine / "NOTES.md").write_text("resolved\n")
    git(mine, "add", "-A")
    git(mine, "commit", "-q", *(["--amend", "--no-edit"] if amend else ["-m", "my fix"]))
    git(mine, "push", "-q", "--force", "origin", "template-update")
    theirs = made.branch()
    move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "::warning title=Template update::the template-update branch has commits of yours" in result.stdout
    assert made.branch() == theirs and len(github.dispatches) == 1


def test_a_repository_made_without_cruft_gets_no_update_workflow(cookies):
    """Plain cookiecutter gives no _commit: there is nothing to update from."""
    project = bake(cookies, repo_name="demo")
    assert not (project / ".github/workflows/template-update.yml").exists()


def test_the_job_alone_may_write_and_binder_yml_runs_on_its_dispatch(tmp_path):
    made = Made(tmp_path)
    workflows = made.work / ".github/workflows"
    update = made.workflow()
    assert update["permissions"] == {"contents": "read"}
    assert update["concurrency"] == "template-update" and update["defaults"] == {"run": {"shell": "bash"}}
    job = update["jobs"]["update"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write",
                                  "actions": "write"}
    assert job["steps"][0]["with"] == {"ref": "main", "fetch-depth": 0, "persist-credentials": False}
    # The template's code (cruft's hooks) runs in a step with no token.
    [applying] = [s for s in job["steps"] if s.get("name") == "Apply the template's changes"]
    assert "env" not in applying
    binder = yaml.safe_load((workflows / "binder.yml").read_text())
    assert "workflow_dispatch" in binder[True]  # YAML 1.1 reads `on` as true
    checked = check_jsonschema("--builtin-schema", "vendor.github-workflows",
                               str(workflows / "template-update.yml"), str(workflows / "binder.yml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for number, step in enumerate(s for s in job["steps"] if "run" in s):
        script = tmp_path / f"step-{number}.sh"
        script.write_text("#!/bin/bash\n" + step["run"])
        assert "${{" not in step["run"]
        linted = subprocess.run([tool("shellcheck"), "--shell=bash", str(script)], capture_output=True, text=True)
        assert linted.returncode == 0, linted.stdout


def test_prebuilt_builds_on_the_dispatch_and_publishes_only_on_a_push(cookies):
    project = bake(cookies, repo_name="demo", prebuilt_image=True)
    binder = yaml.safe_load((project / ".github/workflows/binder.yml").read_text())
    assert binder["jobs"]["build"]["if"] == "github.event_name != 'push'"
    assert binder["jobs"]["publish"]["if"] == "github.event_name == 'push'"


WORKFLOW_TEMPLATE = f"{PROJECT_FOLDER}/.github/workflows/{{{{ cookiecutter | output_name('keep-binder-warm.yml') }}}}"


def test_a_change_to_a_workflow_needs_the_owners_token_and_says_so(tmp_path, github):
    """GitHub refuses a push with GITHUB_TOKEN that changes a workflow file;
    without TEMPLATE_UPDATE_TOKEN the job says so in an issue and pushes
    nothing. With it, the token pushes and opens the pull request, whose
    own events start the workflows: nothing is dispatched."""
    made = Made(tmp_path)
    keep_warm = made.template / WORKFLOW_TEMPLATE
    keep_warm.write_text(keep_warm.read_text().replace("name: Keep Binder warm\n", "name: Keep the Binder image warm\n"))
    git(made.template, "commit", "-qam", "rename the keep-warm workflow")
    refused = made.update(github, tmp_path)
    assert refused.returncode == 0, refused.stderr
    assert "::warning title=Template update::A template update changes your workflows" in refused.stdout
    [issue] = github.issues
    assert issue["title"] == "A template update changes your workflows" and "TEMPLATE_UPDATE_TOKEN" in issue["body"]
    assert made.branch() is None and github.pulls == [] and github.dispatches == []
    # Again, with 150 readers' issues opened since: the same issue, not a second one.
    for number in range(150):
        github.add_issue(f"A reader's question {number}", user="a-reader")
    assert made.update(github, tmp_path).returncode == 0
    assert [issue["number"] for issue in github.issues if issue["user"]["login"] != "a-reader"] == [1]

    github.user_token = "github_pat_0wn3r"
    result = made.update(github, tmp_path, user_token=github.user_token)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "name: Keep the Binder image warm" in made.show(".github/workflows/keep-binder-warm.yml")
    [pull] = github.pulls
    assert pull["user"]["login"] == "octo-cat" and "see its runs on template-update" not in pull["body"]
    assert github.dispatches == []


def test_a_pull_request_github_actions_may_not_open_fails_and_the_next_run_opens_it(tmp_path, github):
    made = Made(tmp_path)
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    github.actions_may_open_pulls = False
    refused = made.update(github, tmp_path)
    assert refused.returncode == 1
    assert "GitHub Actions is not permitted to create or approve pull requests." in refused.stderr
    assert "Allow GitHub Actions to create and approve pull requests" in refused.stdout
    pushed = made.branch()
    assert pushed and github.pulls == [] and github.dispatches == []
    github.actions_may_open_pulls = True
    again = made.update(github, tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.summary == "Opened pull request #1.\n"
    assert made.branch() == pushed  # not pushed again
    # The Binder workflow starts once there is a pull request to show it.
    assert github.dispatches == [("binder.yml", "template-update")]


def test_a_template_commit_that_changes_nothing_here_opens_nothing(tmp_path, github):
    made = Made(tmp_path)
    readme = made.template / "README.md"
    readme.write_text(readme.read_text() + "\nA line in the template's own README.\n")
    git(made.template, "commit", "-qam", "template README")
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.summary == "The template's new commits change nothing here.\n"
    assert made.branch() is None and github.pulls == [] and github.dispatches == []


def test_a_repository_made_from_a_template_branch_follows_that_branch(tmp_path, github):
    """cruft create --checkout stable: the update keeps to stable, where
    plain cruft update would move to the template's default branch."""
    made = Made(tmp_path, checkout="stable")
    move_template(made.template, OLD_HEADING, NEW_HEADING)  # on main only
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.summary == "Up to date with the template.\n"
    git(made.template, "switch", "-q", "stable")
    stable = move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    moved = made.update(github, tmp_path)
    assert moved.returncode == 0, moved.stderr
    state = json.loads(made.show(".cruft.json"))
    assert (state["commit"], state["checkout"]) == (stable, "stable")
    assert "## Run it on your computer\n" in made.show("README.md") and NEW_HEADING not in made.show("README.md")


def test_a_workflow_changed_on_the_branch_since_the_last_push_needs_the_owners_token(tmp_path, github):
    """Dependabot's update of an action, merged into main while the pull
    request is open: pushing the rebuilt branch would change a workflow
    file from what the branch held, which GitHub refuses to GITHUB_TOKEN."""
    made = Made(tmp_path)
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    assert made.update(github, tmp_path).returncode == 0
    pushed = made.branch()
    binder = made.work / ".github/workflows/binder.yml"
    binder.write_text(binder.read_text().replace("actions/checkout@v4", "actions/checkout@v5"))
    git(made.work, "commit", "-qam", "Bump actions/checkout")
    git(made.work, "push", "-q", "origin", "main")
    move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    result = made.update(github, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "A template update changes your workflows" in result.stdout
    assert made.branch() == pushed and len(github.dispatches) == 1


def test_a_pull_request_closed_unmerged_is_not_opened_again_for_the_same_update(tmp_path, github):
    made = Made(tmp_path)
    move_template(made.template, OLD_HEADING, NEW_HEADING)
    assert made.update(github, tmp_path).returncode == 0
    github.pulls[0]["state"] = "closed"  # declined
    again = made.update(github, tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.summary == "Pull request #1, for this same template commit, was closed: not opened again.\n"
    assert len(github.pulls) == 1
    # A new template commit is a new update: proposed again.
    move_template(made.template, "## Run it locally\n", "## Run it on your computer\n")
    later = made.update(github, tmp_path)
    assert later.summary == "Opened pull request #2.\n" and len(github.pulls) == 2
