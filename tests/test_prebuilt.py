"""prebuilt_image: GitHub Actions builds the image, a registry holds it, and
Binder only pulls it. The answer's rule and the generated files here, and
the branch the publishing script pushes, into a bare repository standing in
for origin. Its public check, a real docker pull through GHCR's token
challenge in front of Debian's docker-registry, is in the build tier:
tests/real_builds/test_prebuilt_build.py."""

from __future__ import annotations

import importlib.util
import re

import pytest
import yaml

from tests.helpers import (
    add_binder,
    check_jsonschema,
    cookiecutter_cli,
    expected_files,
    files_in,
    git,
)

NAME = "octo-cat/demo"


@pytest.fixture(scope="module")
def prebuilt(cookies_session):
    result = cookies_session.bake(extra_context={"online_checks": False, "github_user": "Octo-Cat",
                                                 "repo_name": "Demo", "prebuilt_image": True})
    assert result.exit_code == 0, result.exception
    return result.project_path


@pytest.fixture(scope="module")
def publish(prebuilt):
    """The shipped publish.py, imported."""
    spec = importlib.util.spec_from_file_location("publish", prebuilt / ".github" / "scripts" / "publish.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_prebuilt_image_needs_the_workflow(tmp_path):
    result = cookiecutter_cli(tmp_path, "prebuilt_image=true", "github_actions=false", "online_checks=false")
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert line == ("error: prebuilt_image = true: it needs github_actions=true: GitHub Actions builds and "
                    "publishes the image (for example: false, or github_actions=true)")
    assert list(tmp_path.iterdir()) == []


def test_the_files_a_prebuilt_repository_gets(prebuilt):
    answers = {"repo_name": "Demo", "prebuilt_image": True}
    assert files_in(prebuilt) == expected_files(answers)
    assert ".github/scripts/publish.py" in files_in(prebuilt)


def test_the_badge_and_the_readme_launch_the_binder_branch(prebuilt):
    readme = (prebuilt / "README.md").read_text()
    assert "(https://mybinder.org/v2/gh/Octo-Cat/Demo/binder?urlpath=rstudio)" in readme
    assert "/v2/gh/Octo-Cat/Demo/main" not in readme
    assert "publishes it as\n`ghcr.io/octo-cat/demo`" in readme


def test_the_workflow_publishes_with_least_privilege(prebuilt):
    text = (prebuilt / ".github" / "workflows" / "binder.yml").read_text()
    workflow = yaml.safe_load(text)
    checked = check_jsonschema("--builtin-schema", "vendor.github-workflows",
                               str(prebuilt / ".github" / "workflows" / "binder.yml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {"contents": "read"}
    assert {name: job.get("permissions") for name, job in jobs.items()} == {
        "build": None, "publish": {"contents": "write", "packages": "write"}, "prewarm": None}
    # Pull requests are built and checked, never published; a push is built,
    # checked and published once, one publish at a time.
    assert jobs["build"]["if"] == "github.event_name != 'push'"
    assert jobs["publish"]["if"] == "github.event_name == 'push'" and "needs" not in jobs["publish"]
    assert jobs["publish"]["concurrency"] == "binder-publish"
    steps = [step.get("name") or step["uses"] for step in jobs["publish"]["steps"]]
    assert steps.index("Build the image as Binder does") < steps.index("Check that RStudio opens") \
        < steps.index("Publish the image and update the binder branch")
    assert jobs["publish"]["steps"][0] == {"uses": "actions/checkout@v4", "with": {"persist-credentials": False}}
    assert jobs["prewarm"]["needs"] == "publish"
    assert jobs["prewarm"]["steps"][-1]["run"].endswith('prewarm.sh "$BINDERHUB" "$GITHUB_REPOSITORY" binder')
    runs = [step.get("run", "") for job in jobs.values() for step in job["steps"]]
    assert not any("${{" in command for command in runs)  # no expression pasted into a shell
    # The token is given to one step, the last: not to the build (repo2docker
    # and what it imports), nor to the RStudio check.
    given = [step["name"] for job in jobs.values() for step in job["steps"] if "GITHUB_TOKEN" in step.get("env", {})]
    assert given == ["Publish the image and update the binder branch"]
    release = jobs["publish"]["steps"][-1]
    assert release["env"] == {"GITHUB_TOKEN": "${{ secrets.GITHUB_TOKEN }}"}
    assert not any("docker login" in step.get("run", "") for step in jobs["publish"]["steps"][:-1])
    # docker's credential is written to a folder of that step's own, removed when it ends.
    assert release["run"].splitlines() == [
        "DOCKER_CONFIG=$(mktemp -d)", "export DOCKER_CONFIG", "trap 'rm -rf \"$DOCKER_CONFIG\"' EXIT",
        'echo "$GITHUB_TOKEN" | docker login ghcr.io --username "$GITHUB_ACTOR" --password-stdin',
        'python3 .github/scripts/publish.py release "$GITHUB_REPOSITORY" "$GITHUB_SHA"']
    # Pushes to your branch, not to the binder branch, run the workflow.
    assert workflow[True]["push"]["branches"] == ["main"]


@pytest.mark.parametrize("answers,line", [
    (["branch=binder"], "error: branch = 'binder': with prebuilt_image, the workflow rewrites the branch "
                        "'binder' on every publish"),
    (["branch=binder/dev"], "error: branch = 'binder/dev': with prebuilt_image, the workflow rewrites the "
                            "branch 'binder' on every publish, and git allows no branch under 'binder/' beside it"),
    (["repo_name=a..b"], "error: repo_name = 'a..b': with prebuilt_image it is also the image's name on "
                         "ghcr.io"),
])
def test_what_a_prebuilt_image_cannot_have_is_refused(tmp_path, answers, line):
    result = cookiecutter_cli(tmp_path, "prebuilt_image=true", "online_checks=false", *answers)
    assert result.returncode == 1
    assert next(e for e in result.stderr.splitlines() if e.startswith("error: ")).startswith(line)


# --- the public check ------------------------------------------------------------
# A real docker pull through GHCR's challenge is in the build tier
# (tests/real_builds/test_prebuilt_build.py); what publish.py makes of it is in
# tests/test_publish_refs.py.

def test_the_private_message_names_the_setting_that_makes_it_public(publish, tmp_path, monkeypatch):
    event = tmp_path / "event.json"
    event.write_text('{"repository": {"owner": {"type": "Organization"}}}')
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    assert publish.settings_url("Octo-Org", "demo") == \
        "https://github.com/orgs/Octo-Org/packages/container/demo/settings"
    monkeypatch.delenv("GITHUB_EVENT_PATH")
    assert publish.settings_url("octo-cat", "demo") == \
        "https://github.com/users/octo-cat/packages/container/demo/settings"


# --- the binder branch ----------------------------------------------------------

def test_the_binder_branch_holds_only_the_thin_dockerfile_and_yours_is_untouched(publish, tmp_path, monkeypatch):
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / "install.R").write_text("cran <- character()\n")
    git(work, "add", "-A")
    git(work, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qm", "mine")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    monkeypatch.chdir(work)
    for n in (1, 2):  # the second run replaces the branch
        previous, _ = publish.previous_release("origin", "binder")
        dockerfile = publish.THIN_DOCKERFILE.format(commit=str(n) * 40, image=f"127.0.0.1:5000/{NAME}",
                                                    digest=f"sha256:{str(n) * 64}")
        commit = publish.update_branch("origin", "binder", dockerfile, f"Binder image of {n}", previous)
        assert git(origin, "rev-parse", "binder").strip() == commit
        assert git(origin, "ls-tree", "-r", "--name-only", "binder").split() == ["binder/Dockerfile"]
        assert git(origin, "show", "binder:binder/Dockerfile") == dockerfile
        assert git(origin, "log", "--format=%s %an", "binder") == f"Binder image of {n} github-actions[bot]\n"
        assert publish.previous_release("origin", "binder") == (commit, f"sha256:{str(n) * 64}")
    # A run that read the branch before another run changed it does not push over it.
    with pytest.raises(publish.PublishError, match="another run changed it meanwhile"):
        publish.update_branch("origin", "binder", "FROM x\n", "stale", previous)
    assert publish.still_the_head("origin", "main", git(work, "rev-parse", "HEAD").strip())
    assert not publish.still_the_head("origin", "main", "0" * 40)
    assert git(origin, "ls-tree", "-r", "--name-only", "main").split() == ["install.R"]
    assert git(work, "status", "--porcelain") == "" and git(work, "branch", "--show-current").strip() == "main"


def test_repo2docker_and_all_it_imports_are_pinned_with_hashes(prebuilt):
    """The publish job installs a hashed lock, which Dependabot updates; the
    versions are those the tests build with (requirements-dev.txt)."""
    from binder_template.versions import REPO2DOCKER_REQUIREMENT
    from tests.conftest import TEMPLATE_ROOT

    lock = (prebuilt / ".github" / "requirements-repo2docker.txt").read_text()
    hashed = r"^([A-Za-z0-9._-]+)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)"
    pins = re.findall(hashed, lock, re.MULTILINE)
    # Every requirement is pinned and hashed.
    assert len(pins) == len(re.findall(r"^[^#\s]", lock, re.MULTILINE)) > 10

    def normal(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    dev = dict(line.split("#")[0].strip().split("==") for line in
               (TEMPLATE_ROOT / "requirements-dev.txt").read_text().splitlines() if "==" in line)
    dev = {normal(name): version for name, version in dev.items()}
    locked = {normal(name): version for name, version, _ in pins}
    assert locked.items() <= dev.items()
    name, version = REPO2DOCKER_REQUIREMENT.split("==")
    assert locked[normal(name)] == version
    workflow = yaml.safe_load((prebuilt / ".github" / "workflows" / "binder.yml").read_text())
    for job in ("build", "publish"):
        [install] = [step["run"] for step in workflow["jobs"][job]["steps"] if step.get("name") == "Install repo2docker"]
        assert install == "pip install --require-hashes -r .github/requirements-repo2docker.txt"
    dependabot = yaml.safe_load((prebuilt / ".github" / "dependabot.yml").read_text())
    [pip] = [update for update in dependabot["updates"] if update["package-ecosystem"] == "pip"]
    assert pip["directory"] == "/.github"
    checked = check_jsonschema("--builtin-schema", "vendor.dependabot", str(prebuilt / ".github" / "dependabot.yml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_existing_project_can_have_a_prebuilt_image(tmp_path):
    project = tmp_path / "soil"
    project.mkdir()
    (project / "analysis.R").write_text("library(tinyA)\n")
    (project / "README.md").write_text("# Soil\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "remote", "add", "origin", "https://github.com/octo-cat/soil.git")
    git(project, "add", "-A")
    git(project, "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qm", "mine")
    result = add_binder(project, "prebuilt_image=true")
    assert result.returncode == 0, result.stderr
    assert (project / ".github" / "scripts" / "publish.py").is_file()
    assert (project / "binder" / "Dockerfile").is_file()
    badge = "(https://mybinder.org/v2/gh/octo-cat/soil/binder?urlpath=rstudio)"
    assert badge in (project / "README.md").read_text()
    assert "  .github/scripts/publish.py\n" in result.stdout
    assert "The badge launches the 'binder' branch, which the workflow makes" in result.stdout
    workflow = yaml.safe_load((project / ".github" / "workflows" / "binder.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"] and "publish" in workflow["jobs"]
