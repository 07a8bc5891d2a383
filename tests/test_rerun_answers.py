"""The command a refusal prints keeps every answer the user gave: each one
that differs from what its default renders to, computed defaults included
(repo_name, github_user, branch), typed at the prompts of a real
cookiecutter under a pseudo-terminal and pasted back into bash."""

from __future__ import annotations

import json
import re
import shlex

import pytest

from binder_template.rerun import changed_answers, command_line
from tests.conftest import TEMPLATE_ROOT, tool
from tests.helpers import default_answers, in_a_terminal
from tests.test_refusals import paste, printed_command

CONFIG = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text("utf-8"))
QUESTIONS = [name for name in CONFIG if not name.startswith("_")]
TITLE = "Intro to Statistics (Stat 101)"


def keys_for(typed: dict[str, str]) -> bytes:
    """What a person types: the answer, or Enter for the default, at each prompt."""
    return "".join(typed.get(name, "") + "\r" for name in QUESTIONS).encode()


def interactive_refusal(out, typed: dict[str, str], *given: str) -> str:
    """An interactive run (answers on the command line too, if given) that
    is refused; the command it prints."""
    out.mkdir(exist_ok=True)
    status, shown = in_a_terminal([tool("cookiecutter"), "-o", "generated", str(TEMPLATE_ROOT), *given],
                                  out, keys_for(typed))
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown).replace("\r\n", "\n")
    assert status == 1, text
    return printed_command(text)


def words_of(command: str) -> list[str]:
    return shlex.split(command.replace("\\\n", " "), comments=True)


def badge_target(readme: str) -> str:
    """owner/repo/branch of the README's launch link."""
    return re.search(r"/v2/gh/([^?)]+)", readme).group(1)


@pytest.mark.parametrize("given", [(), ("online_checks=false",)], ids=["all-at-the-prompts", "some-given"])
def test_typed_repo_name_and_branch_are_kept_when_github_user_is_refused(tmp_path, given):
    """The issue's run: a typo in github_user, another in branch. The branch
    typo is a valid name, so only github_user is refused; the command must
    keep repo_name=stat101 and branch=mian, or the fixed run silently makes
    intro-to-statistics-stat-101 on main."""
    out = tmp_path / "out"
    typed = {"project_name": TITLE, "repo_name": "stat101", "github_user": "ada_lovelace", "branch": "mian",
             "online_checks": "" if given else "no"}
    command = interactive_refusal(out, typed, *given)
    words = words_of(command)
    assert "repo_name=stat101" in words and "branch=mian" in words, command
    assert f"project_name={TITLE}" in words
    assert command.splitlines()[-1] == "    github_user=ada_lovelace   # <- fix this answer"

    second = paste(command.replace("github_user=ada_lovelace", "github_user=ada-lovelace"), out)
    assert second.returncode == 0, second.stderr
    assert [p.name for p in (out / "generated").iterdir()] == ["stat101"]
    readme = (out / "generated" / "stat101" / "README.md").read_text()
    assert badge_target(readme) == "ada-lovelace/stat101/mian"


def test_a_typed_github_user_is_kept_when_other_answers_are_refused(tmp_path):
    """The issue's second run: github_user was fine, another answer was
    not; the fixed run must not fall back to your-github-user."""
    out = tmp_path / "out"
    typed = {"project_name": "Soil course", "github_user": "octo-cat", "apt_packages": "Bad_Pkg",
             "online_checks": "no"}
    command = interactive_refusal(out, typed)
    words = words_of(command)
    assert "github_user=octo-cat" in words, command
    # repo_name was left to follow project_name: it still does.
    assert not [w for w in words if w.startswith("repo_name=")]

    second = paste(command.replace("apt_packages=Bad_Pkg", "apt_packages=libgsl-dev"), out)
    assert second.returncode == 0, second.stderr
    assert "your-github-user" not in second.stdout + second.stderr
    readme = (out / "generated" / "soil-course" / "README.md").read_text()
    assert badge_target(readme) == "octo-cat/soil-course/main"


def test_each_answer_is_compared_with_its_default_as_rendered():
    answers = default_answers(project_name=TITLE, repo_name="intro-to-statistics-stat-101",
                              github_user="your-github-user", branch="main")
    assert changed_answers(CONFIG, answers) == ["project_name"]
    answers.update(repo_name="stat101", branch="mian", github_user="ada-lovelace")
    assert changed_answers(CONFIG, answers) == ["project_name", "repo_name", "github_user", "branch"]
    # An existing project's defaults are read from git: left as they are, not given.
    existing = default_answers(layout="existing-project", repo_name="my-binder-project",
                               github_user="(from the origin remote)", branch="(the checked-out branch)")
    assert changed_answers(CONFIG, existing) == ["layout"]
    # With layout=existing-project given, 'main' is no longer the default branch.
    assert "branch" in changed_answers(CONFIG, {**existing, "branch": "main"})


def test_the_command_keeps_typed_answers_after_those_on_the_command_line():
    answers = default_answers(repo_name="stat101", github_user="bad_user", branch="main", online_checks=False)
    typed = ["cookiecutter", "-o", "generated", "TEMPLATE", "online_checks=false"]
    (line, marked) = command_line(answers, {"github_user"}, str(TEMPLATE_ROOT), typed)
    assert words_of(line + "\n" + marked) == [
        "cookiecutter", "--no-input", "-o", "generated", "TEMPLATE", "online_checks=false",
        "repo_name=stat101", "github_user=bad_user"]


def test_a_yes_no_answer_is_shown_as_the_user_writes_it(tmp_path):
    from tests.helpers import cookiecutter_cli

    result = cookiecutter_cli(tmp_path / "out", "prebuilt_image=true", "github_actions=false",
                              "online_checks=false")
    assert result.returncode == 1
    assert result.stderr.startswith("error: prebuilt_image = true: it needs github_actions=true"), result.stderr
    assert "True" not in result.stderr


def test_a_yes_no_answer_cookiecutter_cannot_read_gets_one_line():
    from binder_template.rerun import yes_no_refusal

    typed = [tool("cookiecutter"), "--no-input", str(TEMPLATE_ROOT), "repo_name=stat101", "prebuilt_image=ture",
             "online_checks=No"]
    text = yes_no_refusal(typed)
    lines = text.splitlines()
    assert lines[0] == ("error: prebuilt_image = 'ture': answer yes or no (true or false) "
                        "(for example: false)")
    assert lines[1] == "Nothing was generated. Fix the answer marked below and run:"
    assert lines[-1] == "    prebuilt_image=ture   # <- fix this answer"
    assert words_of("\n".join(lines[2:]))[:5] == [*typed[:4], "online_checks=No"]
    assert yes_no_refusal([*typed[:4], "prebuilt_image=TRUE", "online_checks=off"]) is None
    assert yes_no_refusal(None) is None
