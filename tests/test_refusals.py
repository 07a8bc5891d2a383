"""What a refused answer gets: one line per problem, every problem at once,
and a printed command that runs again with one edit, from the command line,
an existing project or an interactive run."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TEMPLATE_ROOT, tool
from tests.helpers import cookiecutter_cli, in_a_terminal


def test_text_that_cannot_be_written_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run([tool("cookiecutter"), "--no-input", str(TEMPLATE_ROOT), b"project_name=Caf\xe9",
                             "online_checks=false"], cwd=out, capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0
    assert stderr.splitlines()[0].startswith("error: project_name = 'Caf\\udce9': it holds bytes that are not valid UTF-8")
    assert list(out.iterdir()) == []


def test_every_bad_answer_is_reported_at_once_even_with_a_bad_repo_name(tmp_path):
    result = cookiecutter_cli(tmp_path / "out", "repo_name=a/b", "github_user=bad--user", "online_checks=false")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert [e.split(" = ")[0] for e in errors] == ["error: repo_name", "error: github_user"]
    # Ours come first, before anything cookiecutter prints.
    assert result.stderr.startswith("error: repo_name = 'a/b'")
    assert list((tmp_path / "out").iterdir()) == []


def test_an_empty_project_name_is_reported_as_project_name(tmp_path):
    result = cookiecutter_cli(tmp_path / "out", "project_name=", "online_checks=false")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == ["error: project_name = '': it cannot be empty (for example: Soil moisture course)"]


def printed_command(stderr: str) -> str:
    """The command a refusal prints, as the lines a user copies."""
    lines = stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Nothing was generated. Fix the answer"))
    command = []
    for line in lines[at + 1:]:
        if not line.startswith("  "):
            break
        command.append(line)
    return "\n".join(command)


def paste(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command pasted into bash, as a user does."""
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PWD": str(cwd)})


def test_the_printed_command_runs_again_with_one_edit(tmp_path):
    answers = ["project_name=Soil & water 'course'", "github_user=bad--user", "r_packages=dplyr, janitor",
               "online_checks=false", "ui=lab"]
    out = tmp_path / "out"
    out.mkdir()
    first = subprocess.run([tool("cookiecutter"), "--no-input", "-o", "generated", str(TEMPLATE_ROOT), *answers],
                           cwd=out, capture_output=True, text=True, timeout=120)
    assert first.returncode == 1
    command = printed_command(first.stderr)
    # The answer to fix stands alone on the last line, named by a comment that
    # a terminal's wrapping cannot move away from it.
    assert command.splitlines()[-1] == "    github_user=bad--user   # <- fix this answer"
    words = shlex.split(command.replace("\\\n", " "), comments=True)
    assert words[:5] == [tool("cookiecutter"), "--no-input", "-o", "generated", str(TEMPLATE_ROOT)]
    assert set(answers) - {"github_user=bad--user"} <= set(words[5:])
    second = paste(command.replace("github_user=bad--user", "github_user=octo-cat"), out)
    assert second.returncode == 0, second.stderr
    readme = (out / "generated" / "soil-water-course" / "README.md").read_text()
    assert readme.startswith("# Soil \\& water 'course'\n")


def test_the_printed_command_runs_again_for_an_existing_project(tmp_path):
    from tests.corpus_projects import GIT_ENV, git

    project = tmp_path / "soil"
    project.mkdir()
    (project / "a.R").write_text("x <- 1\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "remote", "add", "origin", "https://github.com/someone/soil.git")
    first = subprocess.run(
        [tool("cookiecutter"), "--no-input", "-f", "-s", "--output-dir", "..", str(TEMPLATE_ROOT),
         "layout=existing-project", "repo_name=soil", "online_checks=false", "branch=-main"],
        cwd=project, capture_output=True, text=True, timeout=120, env={**os.environ, **GIT_ENV, "PWD": str(project)})
    assert first.returncode == 1
    command = printed_command(first.stderr)
    assert "github_user=" not in command  # a default read from git is not an answer to give
    second = paste(command.replace("branch=-main", "branch=main"), project)
    assert second.returncode == 0, second.stderr
    assert (project / "binder" / "Dockerfile").is_file()


def test_the_printed_command_after_an_interactive_run_runs_again(tmp_path):
    """Answers typed at the prompts (under a pseudo-terminal, as a person
    types them) come back as name=value words after --no-input."""
    out = tmp_path / "out"
    out.mkdir()
    typed = {"github_user": "bad--user", "online_checks": "no", "project_name": "Typed title"}
    order = [name for name in json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
             if not name.startswith("_")]
    keys = "".join(typed.get(name, "") + "\r" for name in order).encode()
    status, shown = in_a_terminal([tool("cookiecutter"), "-o", "generated", str(TEMPLATE_ROOT)], out, keys)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).replace("\r\n", "\n")
    assert status == 1, text
    command = printed_command(text)
    assert "--no-input" in command and "project_name='Typed title'" in command
    second = paste(command.replace("github_user=bad--user", "github_user=octo-cat"), out)
    assert second.returncode == 0, second.stderr
    assert (out / "generated" / "typed-title" / "README.md").read_text().startswith("# Typed title\n")


@pytest.mark.parametrize("name,value", [("ui", "Lab"), ("r_version", "4.2.1"), ("layout", "existing"),
                                        ("license", "mit")])
def test_a_choice_cookiecutter_refuses_is_explained_in_the_readme(tmp_path, name, value):
    """Cookiecutter refuses a choice before any code of the template runs;
    the README's troubleshooting shows its last line and every choice."""
    choices = [v for v in json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())[name]]
    result = cookiecutter_cli(tmp_path / "out", f"{name}={value}", "online_checks=false")
    assert result.returncode != 0 and list((tmp_path / "out").iterdir()) == []
    assert result.stderr.strip().splitlines()[-1] == (
        f"ValueError: {value} provided for choice variable {name}, but the choices are {choices}.")
    readme = (TEMPLATE_ROOT / "README.md").read_text()
    assert "provided for choice variable …, but the choices are" in readme
    assert f"  - `{name}`: " + ", ".join(f"`{v}`" for v in choices) + "\n" in readme


def test_existing_project_chosen_at_the_prompt_for_a_folder_that_is_there_says_what_to_run(tmp_path):
    """The folder is there and -f was forgotten: after all the questions,
    not cookiecutter's bare "directory already exists", but the command
    that adds Binder to it, with every answer given at the prompts."""
    out = tmp_path / "out"
    project = out / "coral2"
    project.mkdir(parents=True)
    (project / "analysis.R").write_text("library(ggplot2)\n")
    for command in (["init", "-q", "-b", "main"],
                    ["remote", "add", "origin", "https://github.com/marine-lab/coral2.git"]):
        assert subprocess.run(["git", *command], cwd=project).returncode == 0
    typed = {"project_name": "Coral 2", "repo_name": "coral2", "layout": "2", "online_checks": "no"}
    order = [name for name in json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
             if not name.startswith("_")]
    keys = "".join(typed.get(name, "") + "\r" for name in order).encode()
    status, shown = in_a_terminal([tool("cookiecutter"), str(TEMPLATE_ROOT)], out, keys)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).replace("\r\n", "\n")
    assert status == 1, text
    assert 'error: "coral2" directory already exists\n' in text
    advice = text.split("To add Binder to the project in 'coral2', run this (-f -s writes into it and keeps "
                        "every file it has):\n", 1)[1]
    command = advice.splitlines()[0]
    assert " --no-input -f -s " in command and "layout=existing-project" in command
    assert list(project.iterdir()) != [] and not (project / "binder").exists()
    again = paste(command, out)
    assert again.returncode == 0, again.stderr
    assert (project / "binder" / "Dockerfile").is_file()
    assert "https://mybinder.org/v2/gh/marine-lab/coral2/main?urlpath=rstudio" in again.stdout


def test_the_folder_above_several_projects_is_refused_for_that_reason_alone(tmp_path):
    """Not first "no GitHub remote 'origin'", which is true of that folder
    but is not why: it holds projects, and the command belongs in one."""
    above = tmp_path / "projects"
    for name in ("coral", "soil"):
        (above / name).mkdir(parents=True)
        (above / name / "analysis.R").write_text("library(ggplot2)\n")
        assert subprocess.run(["git", "init", "-q"], cwd=above / name).returncode == 0
    result = cookiecutter_cli(above, "-f", "-s", "--output-dir", "..", "layout=existing-project",
                              "repo_name=projects", "online_checks=false")
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        "error: layout = 'existing-project': this folder holds git repositories of its own (coral/, soil/): "
        "run this inside your project's folder"]
