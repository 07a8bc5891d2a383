"""The build tier's fixtures: a dockerd with no network, and the two
rocker/binder stand-ins built in it. Every test here carries the `docker`
marker: plain `pytest` leaves them out, `pytest -m docker` runs them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests import private_dockerd
from tests.local_repos import build_apt
from tests.standin_images import build_standins

# A dockerd of the developer's own, with no network: used as it is. Unset (as
# in .ci/run), the tests start a private one and stop it when they end.
DOCKER_HOST_VARIABLE = "BINDER_TEMPLATE_DOCKER_HOST"


def fail_in_ci_else_skip(message: str):
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def docker_host():
    """The daemon is started here, when the first build test needs it, not
    before the fast tier: one that sat idle through it was once gone when the
    build tier began (CI, cause unknown). Where none can be had, the tests
    skip, except in CI ($CI set), where they fail."""
    given = os.environ.get(DOCKER_HOST_VARIABLE)
    if given:
        yield given
        return
    # A short path: dockerd's sockets live below it, and socket paths are
    # limited to 107 bytes.
    state = Path(tempfile.mkdtemp(prefix="btd-"))
    try:
        process, host = private_dockerd.start(state)
    except private_dockerd.DaemonError as err:
        private_dockerd.stop(state)
        fail_in_ci_else_skip(f"no private dockerd for the real-build tests: {err}")
    yield host
    # A daemon that died under the tests made them fail with "Cannot connect";
    # its own last words say why.
    died = process.poll() is not None
    log = private_dockerd.tail(state / "dockerd.log", 40)
    private_dockerd.stop(state)
    if died:
        pytest.fail(f"the private dockerd exited during the tests (status {process.returncode}):\n{log}")


@pytest.fixture(scope="session")
def standins(docker_host, local_cran, tmp_path_factory) -> dict[str, str]:
    """Both stand-in images, under the real rocker/binder names."""
    work = tmp_path_factory.mktemp("standins")
    try:
        return build_standins(docker_host, local_cran, build_apt(work), work)
    except FileNotFoundError as err:
        fail_in_ci_else_skip(str(err))
