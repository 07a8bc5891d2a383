"""The hooks end to end: bad answers stop generation cleanly, hostile answers
stay inert, and the post-generation hook leaves a tidy repository."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cookiecutter.exceptions import FailedHookException, UndefinedVariableInTemplate
from cookiecutter.main import cookiecutter

from binder_template.escape import markdown_text
from binder_template.handoff import handoff_path, write_handoff
from binder_template.hook_steps import post_gen_project, pre_gen_project
from tests.conftest import TEMPLATE_ROOT, run, tool
from tests.helpers import cookiecutter_cli, default_answers, hadolint


def generate(tmp_path: Path, **answers):
    """Run cookiecutter as a user would, into an empty folder; returns the
    exception it raised, or None."""
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    try:
        cookiecutter(str(TEMPLATE_ROOT), no_input=True, output_dir=str(out),
                     extra_context={"online_checks": False, **answers})
    except (FailedHookException, UndefinedVariableInTemplate) as err:
        return err
    return None


BAD_ANSWERS = [
    ("github_user", "octo--cat", "single hyphens"),
    ("github_user", "-octo", "not starting or ending with a hyphen"),
    ("branch", "feature/", "empty part between '/'"),
    ("branch", "topic.lock", "ends with '.lock'"),
    ("branch", "a@{b", "contains '@{'"),
    ("r_packages", "not_a_pkg", "R package name"),
    ("r_packages", "r-lib/cli@bad..ref", "the ref is it contains '..'"),
    ("apt_packages", "LibFoo", "Debian package name"),
    ("binderhub_url", "http://mybinder.org", "starts with https://"),
    ("binderhub_url", "https://mybinder.org/?x=1", "no query"),
    ("description", "two\nlines", "one line without control characters"),
    ("author_name", "x" * 101, "100 characters or fewer"),
]


@pytest.mark.parametrize("name,value,rule", BAD_ANSWERS)
def test_bad_answer_stops_generation_with_one_clear_line(tmp_path, capfd, name, value, rule):
    error = generate(tmp_path, **{name: value})
    assert isinstance(error, FailedHookException)
    err = capfd.readouterr().err
    ours = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(ours) == 1
    assert ours[0].startswith(f"error: {name} = {repr(value)[:20]}")
    assert rule in ours[0] and "for example:" in ours[0]
    assert "Traceback" not in err
    assert list((tmp_path / "out").iterdir()) == []  # nothing left behind


def test_item_lists_name_the_offending_item(tmp_path, capfd):
    generate(tmp_path, r_packages="dplyr, not_a_pkg ggplot2")
    assert "error: r_packages = 'not_a_pkg': " in capfd.readouterr().err


@pytest.mark.parametrize("name,rule", [
    ("..", "cannot be named '.' or '..'"),
    ("a/b", "ASCII letters, digits"),
    ("../../escape", "ASCII letters, digits"),
    ("project.GIT", "cannot end in '.git'"),
    ("my repo", "ASCII letters, digits"),
])
def test_bad_repo_name_is_refused_like_any_answer_and_no_folder_is_left(tmp_path, capfd, name, rule):
    """The folder name renders as a placeholder for a bad repo_name ('a/b'
    would make a folder 'a'); the pre-generation hook refuses it, and
    cookiecutter removes the placeholder folder it made."""
    error = generate(tmp_path, repo_name=name)
    assert isinstance(error, FailedHookException)
    [line] = [line for line in capfd.readouterr().err.splitlines() if line.startswith("error: ")]
    assert line.startswith(f"error: repo_name = {name!r}: ") and rule in line
    assert list((tmp_path / "out").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_bad_repo_name_on_the_command_line_gives_the_usual_refusal(tmp_path):
    """Not cookiecutter's "Unable to create project directory" and its dump
    of every answer: the same lines as any refused answer."""
    result = cookiecutter_cli(tmp_path, "repo_name=a/b", "online_checks=false")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "ERROR: Stopping generation because pre_gen_project hook script didn't exit successfully",
        "Hook script failed (exit status: 1)"]
    assert result.stderr.splitlines()[0] == (
        "error: repo_name = 'a/b': a GitHub repository name is 1 to 100 ASCII letters, digits, '.', '-' "
        "or '_' (for example: my-binder-project)")
    assert "Context" not in result.stdout + result.stderr and list(tmp_path.iterdir()) == []


def test_several_bad_answers_are_all_reported(tmp_path, capfd):
    error = generate(tmp_path, github_user="a_b", branch="..", apt_packages="X")
    assert isinstance(error, FailedHookException)
    err = capfd.readouterr().err
    assert [l.split(" = ")[0] for l in err.splitlines() if l.startswith("error: ")] == [
        "error: github_user", "error: branch", "error: apt_packages"]
    assert list((tmp_path / "out").iterdir()) == []


def test_the_cli_shows_our_lines_and_no_traceback_of_ours(tmp_path):
    result = cookiecutter_cli(tmp_path, "github_user=octo--cat", "online_checks=false")
    assert result.returncode != 0
    assert "error: github_user = 'octo--cat'" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


JINJA_ESCAPES = [
    '{{ cycler.__init__.__globals__.os.system("touch pwned") }}',
    '{% set x = cycler.__init__.__globals__.os.system("touch pwned") %}done',
    '{{ joiner.__init__.__globals__["os"].system("touch pwned") }}',
    '{{ lipsum.__globals__["os"].popen("touch pwned").read() }}',
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    '{{ "{0.__class__.__init__.__globals__}".format(cycler) }}',
    "{{ cookiecutter.__class__.__init__.__globals__ }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{% include '/etc/passwd' %}",
    "{{ 7 * 7 }}",
]


@pytest.mark.parametrize("answer", JINJA_ESCAPES[:8])
def test_the_sandbox_refuses_what_gets_past_the_first_layer(tmp_path, answer):
    """Layer 2: even a string rendered as Jinja cannot reach Python's internals."""
    from cookiecutter.utils import create_env_with_context
    from jinja2 import Environment
    from jinja2.exceptions import SecurityError

    env = create_env_with_context({"cookiecutter": json.loads(
        (TEMPLATE_ROOT / "cookiecutter.json").read_text())})
    # Environment.from_string skips layer 1 and compiles in the sandbox.
    template = Environment.from_string(env, answer.replace("touch pwned", f"touch {tmp_path}/pwned"))
    with pytest.raises((SecurityError, OverflowError)):
        template.render(cookiecutter={})
    assert not (tmp_path / "pwned").exists()


def test_the_exploit_from_the_issue_creates_no_file(tmp_path):
    answer = '{{ cycler.__init__.__globals__.os.system("touch pwned") }}'
    result = cookiecutter_cli(tmp_path, f"description={answer}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any(p.name == "pwned" for p in tmp_path.rglob("*"))
    assert markdown_text(answer) in (tmp_path / "my-binder-project/README.md").read_text()


PYTHON_INJECTIONS = [
    '""" + __import__("os").system("touch pwned") + """',
    "''' + __import__('os').system('touch pwned') + '''",
    '\\"; __import__("os").system("touch pwned"); \\"',
    '"}"""; import os; os.system("touch pwned"); x = """{"',
]


@pytest.mark.parametrize("answer", JINJA_ESCAPES + PYTHON_INJECTIONS)
def test_answers_are_inert_text(tmp_path, monkeypatch, answer):
    """Neither Jinja (cookiecutter renders answers) nor Python (the hooks
    receive them) runs an answer: it lands in the README exactly as typed."""
    monkeypatch.chdir(tmp_path)
    assert generate(tmp_path, description=answer, author_name=answer[:100]) is None
    assert not any(p.name == "pwned" for p in tmp_path.rglob("*"))
    readme = (tmp_path / "out/my-binder-project/README.md").read_text()
    assert f"\n{markdown_text(answer)}\n" in readme


HOSTILE_TEXT = [
    "Quotes ' \" and `backticks` and $(touch pwned) and ${HOME}",
    "Back\\slashes \\n \\\\ and \"\"\" and '''",
    "{{ 7 * 7 }} and {% raw %}",
    "<script>alert(1)</script> [link](javascript:alert(1)) ![img](x) *em* _u_ | a | $x^2$ &amp;",
    "# Heading",
    "1. list",
    "Ünïcødé ✓ 中文 😀",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_free_text_is_rendered_inert(cookies, text):
    result = cookies.bake(extra_context={"online_checks": False, "project_name": text,
                                         "description": text, "author_name": text,
                                         "repo_name": "hostile"})
    assert result.exit_code == 0, result.exception
    project = result.project_path
    readme = (project / "README.md").read_text()
    assert f"# {markdown_text(text)}\n" in readme
    assert f"\n{markdown_text(text)}\n" in readme
    assert text in (project / "LICENSE").read_text()
    # Free text never reaches code.
    for name in ("Dockerfile", "install.R", ".github/workflows/binder.yml", "analysis/example.R"):
        assert text not in (project / name).read_text()
    assert hadolint(project / "Dockerfile") == ""
    assert not (project / "pwned").exists()


@pytest.mark.parametrize("text,escaped", [
    ("<b>x</b>", "\\<b\\>x\\</b\\>"),
    ("[a](b)", "\\[a\\](b)"),
    ("# h", "\\# h"),
    ("12. x", "12\\. x"),
    ("a_b*c", "a\\_b\\*c"),
    ("$x$", "\\$x\\$"),
    ("plain text, fine.", "plain text, fine."),
])
def test_markdown_escaping(text, escaped):
    assert markdown_text(text) == escaped


@pytest.mark.parametrize("answer", [
    ("description", "x" * 5000),
    ("project_name", "line\nbreak"),
    ("branch", "$(touch pwned)"),
    ("branch", "a\nb"),
    ("r_packages", 'dplyr"); system("touch pwned'),
    ("r_packages", "dplyr`touch pwned`"),
    ("apt_packages", "curl; touch pwned"),
    ("apt_packages", "$(touch pwned)"),
    ("github_user", "octo\\cat"),
    ("binderhub_url", 'https://x.org/"><script>'),
])
def test_hostile_answers_in_code_positions_are_rejected(tmp_path, monkeypatch, capfd, answer):
    name, value = answer
    monkeypatch.chdir(tmp_path)
    error = generate(tmp_path, **{name: value})
    assert isinstance(error, FailedHookException)
    assert f"error: {name} = " in capfd.readouterr().err
    assert not any(p.name == "pwned" for p in tmp_path.rglob("*"))
    assert list((tmp_path / "out").iterdir()) == []


def test_branch_that_git_allows_but_shells_do_not_like_is_quoted(cookies, capfd):
    branch = "$(id)`id`'x'!"
    result = cookies.bake(extra_context={"online_checks": False, "branch": branch})
    assert result.exit_code == 0, result.exception
    out = capfd.readouterr().out
    assert "git init -b '$(id)`id`'\"'\"'x'\"'\"'!'" in out
    readme = (result.project_path / "README.md").read_text()
    assert "/%24%28id%29%60id%60%27x%27%21?urlpath=rstudio" in readme


def test_post_gen_prints_next_steps_and_leaves_nothing_behind(cookies, capfd, tmp_path, monkeypatch):
    import tempfile

    handoffs = tmp_path / "tmp"
    handoffs.mkdir()
    monkeypatch.setenv("TMPDIR", str(handoffs))  # the hooks'
    monkeypatch.setattr(tempfile, "tempdir", str(handoffs))  # this process's
    result = cookies.bake(extra_context={"online_checks": False, "github_user": "octo-cat",
                                         "branch": "dev", "repo_name": "demo"})
    project = result.project_path
    out = capfd.readouterr().out
    launch = "https://mybinder.org/v2/gh/octo-cat/demo/dev?urlpath=rstudio"
    assert f"Launch it: {launch}" in out
    assert f"[![Binder](https://mybinder.org/badge_logo.svg)]({launch})" in out
    for command in ("git init -b dev", "git remote add origin https://github.com/octo-cat/demo.git",
                    "git push -u origin dev"):
        assert command in out
    # Not checked online: the link that creates it, with what it must be.
    assert ("  Create the repository on GitHub first, if it is not there yet: public, and empty\n"
            "  (no README, license or .gitignore): https://github.com/new?owner=octo-cat&name=demo\n") in out
    # The hand-off the hooks passed is gone.
    assert [p.name for p in handoffs.iterdir()] == [f"rocker-binder-template-{os.getuid()}"]
    assert list(next(handoffs.iterdir()).iterdir()) == []
    assert [p.name for p in project.parent.iterdir()] == ["demo"]


def test_post_gen_function_removes_only_empty_folders_it_made(tmp_path, capsys):
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/scripts").mkdir(parents=True)
    (tmp_path / "Dockerfile").write_text("FROM rocker/binder:latest\nUSER ${NB_USER}\n")
    answers = {"github_actions": False, "license": "none", "apt_packages": " , ", "r_version": "latest",
               "github_user": "octo-cat", "repo_name": "demo", "branch": "main",
               "binderhub_url": "https://mybinder.org", "ui": "rstudio"}
    write_handoff(tmp_path, answers, {"digest": None, "repo_missing": True,
                                      "before": {"folders": [], "git": False}})
    assert post_gen_project(answers, tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dockerfile"]
    # Pinned, if at all, when it was rendered: the hook leaves it as it is.
    assert (tmp_path / "Dockerfile").read_text() == "FROM rocker/binder:latest\nUSER ${NB_USER}\n"
    assert "https://github.com/new?owner=octo-cat&name=demo" in capsys.readouterr().out
    assert not Path(handoff_path(tmp_path, answers)).exists()


def test_pre_gen_function_reports_and_writes_nothing(tmp_path):
    lines = []

    class Out:
        def write(self, text):
            lines.append(text)

    answers = default_answers(repo_name="ok", github_user="bad user", online_checks=False)
    assert pre_gen_project(answers, tmp_path, environ={}, out=Out()) == 1
    assert "error: github_user = 'bad user'" in "".join(lines)
    assert list(tmp_path.iterdir()) == []


def test_offline_generation_makes_no_request(cookies, httpserver, monkeypatch):
    monkeypatch.setenv("GITHUB_API_URL", httpserver.url_for(""))
    monkeypatch.setenv("DOCKER_HUB_API_URL", httpserver.url_for(""))
    result = cookies.bake(extra_context={"online_checks": False})
    assert result.exit_code == 0
    assert httpserver.log == []


def test_hook_scripts_read_the_answers_as_json_data():
    """No answer is pasted into a hook as Python source."""
    for hook in ("pre_gen_project.py", "post_gen_project.py"):
        code = (TEMPLATE_ROOT / "hooks" / hook).read_text()
        assert "json.loads({{ cookiecutter | tojson | tojson }})" in code
        assert code.count("{{") == 2  # that and the template's own path, also as JSON


def test_cruft_create_and_diff_work_offline_and_leave_nothing_behind(tmp_path):
    """cruft re-renders with the stored answers and re-runs the hooks in
    temporary folders; `cruft diff` right after `cruft create` shows nothing."""
    context = json.dumps({"online_checks": False, "github_user": "octo-cat"})
    created = run([tool("cruft"), "create", "--no-input", str(TEMPLATE_ROOT),
                   "--extra-context", context], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    project = tmp_path / "my-binder-project"
    assert [p.name for p in tmp_path.iterdir()] == ["my-binder-project"]
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "start"]):
        assert run(git + command, cwd=project).returncode == 0
    diff = run([tool("cruft"), "diff", "--exit-code"], cwd=project)
    assert diff.returncode == 0, diff.stdout + diff.stderr
    assert run(["git", "status", "--porcelain"], cwd=project).stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["my-binder-project"]
