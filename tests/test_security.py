"""Answers are data: hostile text in an answer, a module planted beside a
hook, a skipped hook or a hand-written replay file never make an answer
into code, and the one limit cookiecutter leaves open is documented.
Each runs the real cookiecutter command, as a user would."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from binder_template.answers import binderhub_url_error, github_repo_error
from tests.conftest import TEMPLATE_ROOT, run, tool
from tests.helpers import cookiecutter_cli, default_answers


def test_control_characters_in_the_binderhub_url_are_refused(tmp_path):
    assert binderhub_url_error("https://mybinder.org/x\n~~~") is not None
    assert binderhub_url_error("https://mybinder.org/\tx") is not None
    result = cookiecutter_cli(tmp_path / "out", "online_checks=false", "binderhub_url=https://mybinder.org/x\n~~~")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("error: binderhub_url = 'https://mybinder.org/x\\n~~~': ")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_branch_git_allows_is_printed_terminal_safe(tmp_path):
    branch = "fix\u009b2J\u202eevil"
    assert run(["git", "check-ref-format", "--branch", branch]).returncode == 0  # git allows it
    result = cookiecutter_cli(tmp_path / "out", "online_checks=false", f"branch={branch}")
    assert result.returncode == 0, result.stderr
    assert "\u009b" not in result.stdout and "\u202e" not in result.stdout
    assert "    git init -b $'fix\\u009b2J\\u202eevil'\n" in result.stdout
    # bash reads the printed word back as the very branch name.
    echoed = run(["bash", "-c", "printf %s $'fix\\u009b2J\\u202eevil'"])
    assert echoed.stdout == branch


def test_a_repository_name_starting_with_a_dash_is_reached_safely(tmp_path):
    out = tmp_path / "out"
    result = cookiecutter_cli(out, "online_checks=false", "repo_name=-P")
    assert result.returncode == 0, result.stderr
    cd = next(line.strip() for line in result.stdout.splitlines() if line.strip().startswith("cd "))
    assert cd == "cd ./-P"
    landed = run(["bash", "-c", f"{cd} && pwd -P"], cwd=out)
    assert landed.stdout.strip() == str((out / "-P").resolve())


def test_what_github_refuses_is_refused():
    assert github_repo_error("docs.wiki") and github_repo_error("Docs.WIKI")
    assert github_repo_error("docs.git")
    assert github_repo_error("wiki-notes") is None


def test_a_module_planted_in_the_temporary_folder_is_not_imported(tmp_path):
    shared_tmp = tmp_path / "shared-tmp"
    shared_tmp.mkdir()
    marker = tmp_path / "planted-code-ran"
    for name in ("json.py", "shlex.py", "hashlib.py"):
        (shared_tmp / name).write_text(f"open({str(marker)!r}, 'a').write({name!r})\n")
    result = cookiecutter_cli(tmp_path / "out", "online_checks=false", env={"TMPDIR": str(shared_tmp)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    # The copies of the hooks, which hold the answers, are gone too.
    left = sorted(p.name for p in shared_tmp.rglob("*") if p.is_file())
    assert left == ["hashlib.py", "json.py", "shlex.py"]


def replay_file(tmp_path: Path, **changes) -> Path:
    config = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text())
    answers = default_answers(**{"repo_name": "demo", "github_user": "your-github-user", "branch": "main",
                                 "online_checks": False, "_template": str(TEMPLATE_ROOT),
                                 "_extensions": config["_extensions"], **changes})
    path = tmp_path / "replay.json"
    path.write_text(json.dumps({"cookiecutter": answers, "_cookiecutter": config}))
    return path


@pytest.mark.parametrize("name,value", [
    ("r_version", "latest\nRUN touch /tmp/binder-template-pwned"),
    ("apt_packages", "-oDPkg::Pre-Invoke::=touch${IFS}/tmp/binder-template-pwned"),
    ("r_packages", 'x"); system("touch /tmp/binder-template-pwned"); ("'),
    ("branch", "main\n  workflow_dispatch:"),
    ("binderhub_url", "https://mybinder.org\n    - run: id"),
])
def test_values_pasted_into_code_are_checked_even_without_hooks(tmp_path, name, value):
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run(
        [tool("cookiecutter"), "--replay-file", str(replay_file(tmp_path, **{name: value})),
         "--accept-hooks", "no", str(TEMPLATE_ROOT)],
        cwd=out, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"error: {name} = ")
    assert list(out.iterdir()) == []


def test_extensions_switched_off_by_a_config_file_is_the_documented_limit(tmp_path):
    """Cookiecutter lets a config file replace `_extensions`; the sandbox goes
    with it and an answer runs as code. The payload here only makes a folder
    inside this test's temporary folder."""
    made = tmp_path / "payload-ran"
    config = tmp_path / "config.yaml"
    config.write_text(json.dumps({"default_context": {"_extensions": []}}))
    payload = "{{ cycler.__init__.__globals__.os.mkdir(" + json.dumps(str(made)) + ") }}"
    result = cookiecutter_cli(tmp_path / "out", "--config-file", str(config), f"description={payload}",
                          "online_checks=false")
    assert made.is_dir()  # the limit README.md's security section states
    assert result.returncode != 0  # and the template cannot render without its extension
    assert "Security: what the template cannot protect against" in (TEMPLATE_ROOT / "README.md").read_text()


def test_answers_are_checked_in_every_generation_of_a_long_running_process(tmp_path):
    """The Python API, twice in one process with the hooks off: the second
    generation's bad answers are refused as the first's would be."""
    from cookiecutter.exceptions import UndefinedVariableInTemplate
    from cookiecutter.main import cookiecutter

    good = {"online_checks": False, "repo_name": "one"}
    for _ in range(2):  # the same folder again, as a notebook or a service would
        cookiecutter(str(TEMPLATE_ROOT), no_input=True, output_dir=str(tmp_path), extra_context=good,
                     accept_hooks=False, overwrite_if_exists=True)
    with pytest.raises(UndefinedVariableInTemplate) as refused:
        cookiecutter(str(TEMPLATE_ROOT), no_input=True, output_dir=str(tmp_path), accept_hooks=False,
                     overwrite_if_exists=True, extra_context={**good, "apt_packages": "a;b", "branch": "x y"})
    assert str(refused.value.error).startswith("error: branch = 'x y'")
    assert not (tmp_path / "one" / "apt.txt").exists()


def test_a_refusal_without_hooks_leaves_a_folder_that_was_there_as_it_was(tmp_path):
    project = tmp_path / "out" / "proj"
    project.mkdir(parents=True)
    (project / "notes.txt").write_text("keep\n")
    result = cookiecutter_cli(tmp_path / "out", "-f", "--accept-hooks", "no", "repo_name=proj",
                              "online_checks=false", "branch=a b")
    assert result.returncode != 0
    assert "error: branch = 'a b'" in result.stderr
    assert sorted(p.name for p in project.rglob("*")) == ["notes.txt"]


def test_a_newer_template_patches_over_an_older_ones_patch():
    """`cruft update` renders the old release, then the new one, in one
    process: the new release's checks must be the ones in place."""
    from cookiecutter import generate

    from binder_template import undoable_run

    original = generate.generate_file
    while getattr(original, "binder_template_guard", 0):
        original = original.__wrapped__

    def older(*args, **kwargs):  # what an older release installed
        return original(*args, **kwargs)
    older.binder_template_guard = True
    older.__wrapped__ = original
    try:
        generate.generate_file = older
        undoable_run.install()
        assert generate.generate_file.binder_template_guard == undoable_run.GUARD_VERSION
        assert generate.generate_file.__wrapped__ is original
    finally:
        generate.generate_file = original
        undoable_run.install()
