"""Files a user edits, saved with Windows line endings (CRLF), as the image
reads them: apt.txt through the Dockerfile's sed and xargs (the \\r must not
reach apt-get), install.R and .Renviron through R itself, which drops the
\\r of a CRLF (R_fgetc for a script, text-mode connections for source(),
Renviron.c's trimming for .Renviron), so the Dockerfile copies them as they
are."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import bake
from tests.r_session import RSession

APT_TXT = "# Tools the analysis calls\n\nlibgsl-dev\nffmpeg  # for the videos\n   \n"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode()


def apt_shell(dockerfile_text: str) -> str:
    """The shell command of the RUN line that installs apt.txt, as Docker
    hands it to /bin/sh -c (continuation lines joined)."""
    lines = dockerfile_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("RUN ") and "/tmp/apt.txt" in line)
    command = []
    for line in lines[start:]:
        command.append(line.removesuffix("\\"))
        if not line.endswith("\\"):
            break
    return "".join(command).removeprefix("RUN ")


def run_apt_recipe(shell: str, apt_txt: bytes, tmp_path: Path) -> list[str]:
    """The recipe run on `apt_txt` (COPYed to /tmp/apt.txt), with a stand-in
    apt-get that records its arguments; the arguments of its install call."""
    copied = tmp_path / "apt.txt"
    copied.write_bytes(apt_txt)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt-get.log"
    stub = bin_dir / "apt-get"
    stub.write_text('#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$APT_LOG"\n')
    stub.chmod(0o755)
    result = subprocess.run(["/bin/sh", "-c", shell.replace("/tmp/apt.txt", str(copied))],
                            env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "APT_LOG": str(log)},
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    calls = log.read_bytes().decode().splitlines()
    assert b"\r" not in log.read_bytes(), calls
    assert calls[0] == "update"
    return calls[1:]


INSTALL = ["install --yes --no-install-recommends libgsl-dev ffmpeg"]


@pytest.mark.parametrize("layout", ["new-repository", "existing-project"])
def test_the_dockerfiles_apt_step_reads_a_crlf_apt_txt(cookies, tmp_path, layout):
    if layout == "existing-project":
        from tests.helpers import add_binder

        project = tmp_path / "soil"
        project.mkdir()
        (project / "a.R").write_text("x <- 1\n")
        result = add_binder(project, "github_user=octo-cat", "apt_packages=libgsl-dev")
        assert result.returncode == 0, result.stderr
        dockerfile = project / "binder" / "Dockerfile"
    else:
        dockerfile = bake(cookies, apt_packages="libgsl-dev") / "Dockerfile"
    shell = apt_shell(dockerfile.read_text())
    assert run_apt_recipe(shell, crlf(APT_TXT), tmp_path) == INSTALL
    # The same file saved with Unix line endings gives the same call.
    other = tmp_path / "lf"
    other.mkdir()
    assert run_apt_recipe(shell, APT_TXT.encode(), other) == INSTALL


def test_the_readmes_apt_lines_read_a_crlf_apt_txt(cookies, tmp_path):
    """The lines the README says to add by hand are the same recipe."""
    readme = (bake(cookies) / "README.md").read_text()
    snippet = readme.split("```dockerfile\n", 1)[1].split("```", 1)[0]
    assert run_apt_recipe(apt_shell(snippet), crlf(APT_TXT), tmp_path) == INSTALL


def test_the_dockerfile_says_what_its_apt_step_does(cookies):
    text = (bake(cookies, apt_packages="libgsl-dev") / "Dockerfile").read_text()
    assert "the \\r that Windows editors end lines with" in text
    assert "\n\n\n" not in text
    # Only apt.txt goes through sed: R reads install.R and .Renviron as they are.
    assert len(re.findall(r"sed -i", text)) == 2


@pytest.fixture
def r_session(rscript, local_cran, tmp_path) -> RSession:
    home = tmp_path / "home"
    home.mkdir()
    return RSession(rscript, local_cran, home)


@pytest.mark.xdist_group("real-R")
def test_r_runs_a_crlf_install_r(cookies, r_session):
    """`RUN Rscript install.R` on the file as a Windows editor saves it."""
    project = bake(cookies, r_packages="tinyA, tinyB")
    install = project / "install.R"
    install.write_bytes(crlf(install.read_text()))
    result = r_session.run("install.R", cwd=project)
    assert result.returncode == 0, result.stderr
    assert r_session.installed() == {"tinyA", "tinyB"}


@pytest.mark.xdist_group("real-R")
def test_r_reads_a_crlf_renviron_copied_as_it_is(cookies, r_session):
    """The Dockerfile copies .Renviron to ~/.Renviron unchanged; R reads the
    values without the \\r, quoted or not."""
    project = bake(cookies)
    text = (project / ".Renviron").read_text().replace("# MY_DATA_DIR=data", "MY_DATA_DIR=data")
    home_file = r_session.lib.parent / ".Renviron"
    home_file.write_bytes(crlf(text + 'QUOTED="two words"\nNESTED=${MY_DATA_DIR}/raw\n'))
    probe = 'cat(sprintf("[%s]", Sys.getenv(c("MY_DATA_DIR", "QUOTED", "NESTED"))), sep = "\\n")'
    result = r_session.run("-e", probe, cwd=project, env={"R_ENVIRON_USER": str(home_file)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[data]", "[two words]", "[data/raw]"]
    assert "Warning" not in result.stderr
