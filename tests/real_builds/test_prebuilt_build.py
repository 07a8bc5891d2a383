"""prebuilt_image end to end, on both stand-in generations: the shipped
publish.py builds with the real repo2docker and Binder's arguments, pushes
to Debian's docker-registry on 127.0.0.1, passes the anonymous check through
GHCR's Bearer challenge (tests/local_registry.py), and pushes the `binder`
branch to a bare repository standing in for origin. Then the real
repo2docker builds a clone of that branch as Binder does: nothing is
installed, and the image has the user, the files, the packages and
~/.Renviron. A later publish with no local images or build cache takes the
packages' layer from the registry."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.binder_build import BINDER, inside, repo2docker_build
from tests.helpers import git
from tests.local_registry import GhcrFront, Registry
from tests.real_builds.generated import PROBE, bake
from tests.real_builds.publishing import forget_local_images, publish
from tests.standin_images import GENERATIONS, IMAGE_USERS, docker

pytestmark = [pytest.mark.docker, pytest.mark.xdist_group("docker")]

TAGS = list(GENERATIONS)
INSTALL_STEP = "RUN Rscript install.R"


@pytest.fixture(scope="module", params=TAGS)
def published(request, cookies_session, docker_host, standins, tmp_path_factory):
    tag = request.param
    work = tmp_path_factory.mktemp(f"prebuilt-{tag}")
    repo = f"pre-{tag.replace('.', '-')}"
    project = bake(cookies_session, tag, prebuilt_image=True, github_user="Octo-Cat", repo_name=repo)
    origin = work / "origin.git"
    git(work, "init", "-q", "--bare", str(origin))
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first")
    git(project, "remote", "add", "origin", str(origin))
    git(project, "push", "-q", "origin", "main")
    with Registry(work / "registry") as registry, GhcrFront(registry, public={f"octo-cat/{repo}"}) as ghcr:
        first = publish(docker_host, project, registry, ghcr, f"Octo-Cat/{repo}")
        assert first.ok, first.log[-4000:]
        first.tag, first.repo, first.docker_host = tag, repo, docker_host
        yield first


def test_publish_pushes_the_image_and_points_the_binder_branch_at_it(published):
    repo = published.repo
    dockerfile = git(published.origin, "show", "binder:binder/Dockerfile")
    found = re.search(rf"^FROM {re.escape(published.registry.host)}/octo-cat/{repo}@(sha256:[0-9a-f]{{64}})$",
                      dockerfile, re.MULTILINE)
    assert found, dockerfile
    commit = git(published.project, "rev-parse", "HEAD").strip()
    assert f"from commit {commit}" in dockerfile
    assert git(published.origin, "ls-tree", "-r", "--name-only", "binder").split() == ["binder/Dockerfile"]
    # Anyone can pull it: docker's pull met GHCR's challenge with an
    # anonymous token, and no credentials of its own.
    asked = [(path.split("?")[0], auth.split(" ")[0]) for path, auth in published.ghcr.requests]
    assert ("/token", "") in asked and not any(kind == "Basic" for _, kind in asked), asked
    assert (f"/v2/octo-cat/{repo}/manifests/{found.group(1)}", "Bearer") in asked, asked
    # Labelled for GitHub to link the package to the repository.
    image = f"{published.registry.host}/octo-cat/{repo}:{commit}"
    label = docker(published.docker_host, "image", "inspect", "--format",
                   '{{index .Config.Labels "org.opencontainers.image.source"}}', image, timeout=60)
    assert label.stdout.strip() == f"https://github.com/Octo-Cat/{repo}"


def test_binder_builds_the_binder_branch_by_pulling_only(published, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--branch", "binder", str(published.origin), str(clone)], check=True)
    build = repo2docker_build(published.docker_host, clone, BINDER)
    assert build.ok, build.log[-4000:]
    # One step, the FROM: nothing is installed on Binder.
    assert not re.search(r"^#\d+ \[[^\]]*\] (RUN|COPY)", build.log, re.MULTILINE), build.log[-3000:]
    found = inside(published.docker_host, build.image, PROBE)
    user = IMAGE_USERS[published.tag]
    assert found == {"user": user, "uid": "1000", "nb_user": user, "pwd": f"/home/{user}",
                     "renviron_owner": user, "renviron_var": "data", "packages": "hello",
                     "apt_tool": "binder-standin-tool works", "example": "1"}


def test_a_content_only_push_takes_the_packages_from_the_registry(published):
    project, host = published.project, published.docker_host
    (project / "analysis" / "example.R").write_text("# Edited.\n" + (project / "analysis" / "example.R").read_text())
    git(project, "commit", "-qam", "edit the analysis")
    git(project, "push", "-q", "origin", "main")
    forget_local_images(host, published.registry)
    second = publish(host, project, published.registry, published.ghcr, f"Octo-Cat/{published.repo}")
    assert second.ok, second.log[-4000:]
    assert second.step(INSTALL_STEP) == "CACHED"

    install = project / "install.R"
    install.write_text(install.read_text() + "\n# A change to install.R.\n")
    git(project, "commit", "-qam", "change install.R")
    git(project, "push", "-q", "origin", "main")
    forget_local_images(host, published.registry)
    third = publish(host, project, published.registry, published.ghcr, f"Octo-Cat/{published.repo}")
    assert third.ok, third.log[-4000:]
    assert third.step(INSTALL_STEP) == "ran"


@pytest.mark.parametrize("answer", [{}, {"tokens_for_all": True, "denied_status": 404}],
                         ids=["no-anonymous-token", "ghcr-404"])
def test_a_private_package_stops_publishing_with_the_way_to_make_it_public(published, answer):
    """Either way GHCR may turn an anonymous client away: no token, or a
    token and then 404 for the manifest just pushed (not an outage)."""
    project = published.project
    before = git(published.origin, "rev-parse", "binder").strip()
    with GhcrFront(published.registry, public=set(), **answer) as private:
        result = publish(published.docker_host, project, published.registry, private, f"Octo-Cat/{published.repo}")
    assert not result.ok
    assert (f"::error title=Binder image::{published.registry.host}/octo-cat/{published.repo} is private, so "
            "Binder cannot pull it: make the package public at "
            f"https://github.com/users/Octo-Cat/packages/container/{published.repo}/settings") in result.log
    said = "manifest unknown" if answer else "unauthorized"
    assert re.search(r"\(an anonymous docker pull of the digest just pushed failed: .*" + said, result.log), result.log[-3000:]
    assert "Traceback" not in result.log and result.log.count("::error") == 1
    assert git(published.origin, "rev-parse", "binder").strip() == before  # the badge keeps its image


def test_a_registry_that_fails_is_an_outage_not_a_private_package(published):
    from tests.fake_binder import Busy

    before = git(published.origin, "rev-parse", "binder").strip()
    with Busy(503).server as down:
        down.host = down.url.removeprefix("http://")
        result = publish(published.docker_host, published.project, published.registry, down,
                         f"Octo-Cat/{published.repo}")
    assert not result.ok
    [line] = [line for line in result.log.splitlines() if line.startswith("::error")]
    assert line.startswith(f"::error title=Binder image::could not check that anyone can pull "
                           f"{published.registry.host}/octo-cat/{published.repo} (an anonymous docker pull"), line
    assert "503" in line and line.endswith("; run the workflow again"), line
    assert git(published.origin, "rev-parse", "binder").strip() == before
