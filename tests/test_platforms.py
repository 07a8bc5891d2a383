"""What Windows and macOS change for the hooks, tried here on Linux: the
shell between cookiecutter and a hook (tests/test_online.py), PowerShell's
quoting in printed commands, the hand-off folder's privacy check, and a
temporary folder reached through a link (macOS's /var -> /private/var)."""

from __future__ import annotations

import os
import subprocess

import pytest

from binder_template import handoff
from binder_template.rerun import line_continuation, powershell_word, shell_word


@pytest.mark.parametrize("text,word", [
    ("main", "main"),
    ("my-binder-project", "my-binder-project"),
    ("C:/Users/ada/soil", "C:/Users/ada/soil"),
    ("Soil moisture", "'Soil moisture'"),
    ("it's", "'it''s'"),
    ("it\u2019s", "'it\u2019\u2019s'"),  # PowerShell reads the curly quote as a quote too
    ("$HOME", "'$HOME'"),
    ("a\x1b[31mred", '"a`u{1b}[31mred"'),
    ('say "$x"\n', '"say `"`$x`"`u{a}"'),
])
def test_powershell_quoting(text, word):
    assert powershell_word(text) == word
    assert shell_word(text, windows=True) == word


def test_a_command_continues_on_the_next_line_in_each_shell():
    assert line_continuation(windows=True) == " `" and line_continuation(windows=False) == " \\"


@pytest.mark.parametrize("text", ["Soil moisture", "it's", "$HOME", "a\x1b[31mred", "tab\there", "é ü"])
def test_bash_reads_each_word_back_as_the_text(text):
    echoed = subprocess.run(["bash", "-c", f"printf '%s' {shell_word(text, windows=False)}"],
                            capture_output=True, timeout=30)
    assert echoed.stdout.decode() == text


def test_the_hand_off_folder_needs_private_mode_bits_except_on_windows(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    project = tmp_path / "project"
    project.mkdir()
    shared = tmp_path / f"rocker-binder-template-{os.getuid()}"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    # Open to others: on Linux and macOS, ~/.cache is used instead.
    assert handoff.handoff_folder(project, windows=False) == str(tmp_path / "home" / ".cache" /
                                                                     "rocker-binder-template")
    # On Windows the temporary folder is the user's own, whatever its mode bits say.
    assert handoff.handoff_folder(project, windows=True) == str(shared)


def test_a_temporary_folder_inside_the_project_is_seen_through_a_link(tmp_path, monkeypatch):
    """macOS's /var is a link to /private/var: a TMPDIR written through the
    link that lands inside the project is caught by comparing real paths,
    and the hand-off goes to ~/.cache instead."""
    import tempfile

    real = tmp_path / "private" / "var"
    project = real / "project"
    (project / "tmp").mkdir(parents=True)
    (tmp_path / "var").symlink_to(real)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "var" / "project" / "tmp"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert handoff.handoff_folder(project).startswith(str(tmp_path / "home"))
    assert list((project / "tmp").iterdir()) == []


def test_a_failed_write_in_a_folder_reached_through_a_link_keeps_every_file(tmp_path):
    """On macOS the temporary folder is reached through /var -> /private/var.
    A run that fails there removes only what it wrote: it compares paths as
    it recorded them, not through the link."""
    import resource
    import signal

    from tests.helpers import cookiecutter_cli

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    real = tmp_path / "private" / "out"
    (real / "demo").mkdir(parents=True)
    (real / "demo" / "notes.md").write_text("mine\n")
    (real / "demo" / "data.csv").write_text("a,b\n1,2\n")
    (tmp_path / "out").symlink_to(real)
    result = cookiecutter_cli(tmp_path, "-f", "--output-dir", str(tmp_path / "out"), "repo_name=demo",
                              "online_checks=false", "license=GPL-3.0-or-later", preexec_fn=limit_file_size)
    assert result.returncode == 1 and "File too large" in result.stdout, result.stdout + result.stderr
    assert sorted(p.name for p in (real / "demo").iterdir()) == ["data.csv", "notes.md"]
    assert (real / "demo" / "notes.md").read_text() == "mine\n"


def test_off_linux_the_command_to_run_again_keeps_the_options_an_existing_project_needs():
    """macOS and Windows have no /proc to read the typed command from: the
    options come from the answers (cookiecutter records the output folder)."""
    from binder_template.rerun import command_line
    from tests.helpers import default_answers

    answers = default_answers(layout="existing-project", repo_name="coral", _output_dir="/Users/ada/projects",
                              _template="gh:someone/rocker-binder-template", github_user="ada_lovelace")
    [line, marked] = command_line(answers, {"github_user"}, typed=None)
    assert line.startswith("  cookiecutter --no-input -f -s --output-dir /Users/ada/projects "
                           "gh:someone/rocker-binder-template ")
    assert "repo_name=coral" in line and "layout=existing-project" in line
    assert marked.startswith("    github_user=ada_lovelace")


def test_a_command_typed_through_python_m_keeps_its_shape():
    from binder_template.rerun import command_line
    from tests.helpers import default_answers

    typed = ["python3", "-m", "cookiecutter", "-o", "out", "./template", "github_user=bad--user"]
    [line, _] = command_line(default_answers(github_user="bad--user"), {"github_user"}, typed=typed)
    assert line.startswith("  python3 -m cookiecutter --no-input -o out ./template")
