"""A package the code loads but that does not install leaves the build green
(install.R tries it and goes on): the workflow's summary names it, so the
owner hears of it before a reader's analysis breaks on Binder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from tests.conftest import run
from tests.helpers import add_binder

STEP = "Optional R packages that did not install"


def existing_project(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    assert run(["git", "init", "-q", "-b", "main"], cwd=folder).returncode == 0
    assert run(["git", "remote", "add", "origin", "https://github.com/marine-lab/coral.git"],
               cwd=folder).returncode == 0
    return folder


def step_script(project: Path) -> str | None:
    workflow = yaml.safe_load((project / ".github" / "workflows" / "binder.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"] if step.get("name") == STEP]
    return steps[0]["run"] if steps else None


def run_step(script: str, tmp_path: Path, not_installed: str | None) -> tuple[str, str]:
    """The step's shell, as GitHub runs it (bash -eo pipefail), with a docker
    that answers as the image would: the file install.R wrote, or none."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    listed = tmp_path / "listed.txt"
    if not_installed is not None:
        listed.write_text(not_installed)
    (bin_dir / "docker").write_text(f'#!/bin/sh\nexec cat "{listed}"\n')
    (bin_dir / "docker").chmod(0o755)
    summary = tmp_path / "summary.md"
    summary.write_text("")
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                            env={"PATH": f"{bin_dir}:/usr/bin:/bin", "GITHUB_STEP_SUMMARY": str(summary)},
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout, summary.read_text()


def test_packages_that_did_not_install_are_named_in_the_summary(tmp_path):
    project = existing_project(tmp_path / "coral", {"analysis.R": "library(sf)\nlibrary(brms)\n"})
    assert add_binder(project).returncode == 0
    script = step_script(project)
    assert script is not None
    log, summary = run_step(script, tmp_path, "brms\nsf\n")
    assert log == "::warning title=Optional R packages did not install::brms sf\n"
    assert summary == "Optional R packages that did not install: brms sf\n"


def test_nothing_is_said_when_every_package_installed(tmp_path):
    project = existing_project(tmp_path / "coral", {"analysis.R": "library(sf)\n"})
    assert add_binder(project).returncode == 0
    assert run_step(step_script(project), tmp_path, "") == ("", "")


def test_a_project_with_no_optional_packages_has_no_such_step(tmp_path):
    project = existing_project(tmp_path / "coral", {"analysis.R": "x <- 1\n"})
    assert add_binder(project).returncode == 0
    assert step_script(project) is None
