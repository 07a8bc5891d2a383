"""What a user gets is unchanged by a change that should not change it: each
generated file of the supported combinations (offline), of prebuilt_image,
and of Binder added to three real projects (with the report the run printed),
against the SHA-256 digests in tests/golden/digests.json.

A change meant to alter what users get writes them again, and its commit
says which files changed and why:

    .venv/bin/python -m tests.test_output_unchanged --write

The year in LICENSE is read as YEAR, so that the digests outlive the year.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import pytest

from tests import corpus_projects as corpus
from tests.test_generation import SUPPORTED_COMBINATIONS, combination_answers

DIGESTS = Path(__file__).parent / "golden" / "digests.json"
EXISTING = ("scripts-greeco", "compendium-binder-dscompendium", "shiny-renv-noactivate-demo")


def new_repository_answers() -> dict[str, dict]:
    rows = {f"{i}-{row['r_version']}-{row['ui']}": combination_answers(i, {**row, "online_checks": False})
            for i, row in enumerate(SUPPORTED_COMBINATIONS)}
    rows["prebuilt"] = {**rows["0-latest-rstudio"], "prebuilt_image": True, "repo_name": "prebuilt"}
    return rows


def digests_of(folder: Path) -> dict[str, str]:
    year = str(datetime.date.today().year).encode()
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".git" not in p.relative_to(folder).parts):
        data = path.read_bytes()
        if path.name == "LICENSE":
            data = data.replace(year, b"YEAR")
        found[path.relative_to(folder).as_posix()] = hashlib.sha256(data).hexdigest()
    return found


def generate(name: str, work: Path) -> dict[str, str]:
    """The digests of what one combination, or Binder added to one real
    project, writes."""
    from cookiecutter.main import cookiecutter

    from tests.conftest import TEMPLATE_ROOT

    if name.startswith("existing:"):
        entry = next(p for p in corpus.PROJECTS if p["slug"] == name.removeprefix("existing:"))
        project = corpus.checkout(entry, work)
        result, clone = corpus.add_binder_as_a_user_would(project, work / "clone", tuple(entry.get("answers", ())))
        # What the run printed (the report) is what users get too.
        printed = result.stdout.replace(str(work), "WORK").replace(str(TEMPLATE_ROOT), "TEMPLATE")
        return {**digests_of(clone), "(printed)": hashlib.sha256(printed.encode()).hexdigest()}
    answers = new_repository_answers()[name]
    # A configuration of this run's own: no replay file in the tester's home.
    config = work / "config.yaml"
    config.write_text(f"cookiecutters_dir: {work / 'templates'}\nreplay_dir: {work / 'replay'}\n")
    cookiecutter(str(TEMPLATE_ROOT), no_input=True, extra_context=answers, output_dir=str(work),
                 config_file=str(config))
    return digests_of(work / answers["repo_name"])


NAMES = [*new_repository_answers(), *(f"existing:{slug}" for slug in EXISTING)]


@pytest.mark.parametrize("name", NAMES)
def test_what_users_get_is_unchanged(tmp_path, name):
    expected = json.loads(DIGESTS.read_text())[name]
    found = generate(name, tmp_path)
    changed = sorted(path for path in expected.keys() | found.keys() if expected.get(path) != found.get(path))
    assert changed == [], f"{name}: these files differ from tests/golden/digests.json (see its module's docstring)"


def main(argv: list[str]) -> int:
    if argv != ["--write"]:
        print(__doc__)
        return 2
    import os

    os.environ.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull})
    digests = {}
    for name in NAMES:
        with tempfile.TemporaryDirectory() as work:
            digests[name] = generate(name, Path(work))
    DIGESTS.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    print(f"wrote {DIGESTS} ({len(digests)} outputs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
