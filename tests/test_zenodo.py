"""Issue 24, item 4: a badge that launches the release archived on Zenodo.

The DOI is checked offline (the rule in binder_template/answers.py), online
against a stand-in of Zenodo's API on 127.0.0.1, and its launch link is read
the way BinderHub reads it (jupyterhub/binderhub, base.py and
repoproviders.py, quoted below)."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
import yaml
from werkzeug import Response

from binder_template.answers import normalise_zenodo_doi, validate_answers, zenodo_doi_error
from binder_template.online import run_online_checks
from tests.conftest import TEMPLATE_ROOT, closed_port
from tests.helpers import add_binder, bake, check_jsonschema, cookiecutter_cli, leftovers

DOI = "10.5281/zenodo.3242074"
ANSWERS = {"github_user": "octo-cat", "repo_name": "demo", "branch": "main", "r_version": "4.4.0",
           "zenodo_doi": DOI}
CHOICES = ["latest", "4.4.0"]
# binderhub/repoproviders.py, ZenodoProvider.display_config["spec"]["validateRegex"]
BINDERHUB_ZENODO_SPEC = re.compile(r"10\.\d+\/(.)+")


def binderhub_spec(url: str) -> str:
    """The spec BinderHub's handlers give the Zenodo provider: the raw path
    after the provider's prefix, not URL-decoded (base.py,
    get_spec_from_request: `request.path[idx + len(prefix) + 1:]`); the
    query is not part of request.path."""
    path = urllib.parse.urlsplit(url).path
    prefix = "/v2/zenodo"
    return path[path.index(prefix) + len(prefix) + 1:]


def zenodo_resolved_spec(spec: str, landing_url: str) -> str:
    """ZenodoProvider.get_resolved_ref and get_resolved_spec: the record is
    the last segment of the address https://doi.org/<spec> lands on."""
    record_id = landing_url.rsplit("/", maxsplit=1)[1]
    return spec.split("zenodo")[0] + "zenodo." + record_id


# --- offline: the rule ----------------------------------------------------------

@pytest.mark.parametrize("given", [DOI, f"https://doi.org/{DOI}", f"doi:{DOI}", "10.5281/Zenodo.3242074",
                                   f"  {DOI} ", f"http://dx.doi.org/{DOI}"])
def test_a_zenodo_doi_in_any_usual_form_is_taken_as_the_doi(given):
    assert zenodo_doi_error(given) is None
    assert normalise_zenodo_doi(given) == DOI


@pytest.mark.parametrize("given", ["10.1000/xyz123", "zenodo.3242074", "10.5281/zenodo.", "10.5281/zenodo.0",
                                   "10.5281/zenodo.12a", "https://zenodo.org/records/3242074",
                                   f"{DOI}?x=1", f"{DOI}/", f"{DOI}\n", "10.5281/zenodo.3242074 10.5281/zenodo.1"])
def test_anything_else_is_refused_by_the_rule(given):
    problems = validate_answers({**ANSWERS, "project_name": "P", "description": "", "author_name": "A",
                                 "ui": "rstudio", "license": "MIT", "binderhub_url": "https://mybinder.org",
                                 "zenodo_doi": given})
    assert [problem.question for problem in problems] == ["zenodo_doi"]


def test_an_empty_answer_means_no_archive_badge(cookies):
    project = bake(cookies)
    readme = (project / "README.md").read_text()
    assert "/v2/zenodo/" not in readme and "badge/DOI" not in readme
    assert "doi:" not in (project / "CITATION.cff").read_text()


def test_a_refused_doi_is_one_line_naming_the_answer_value_and_rule_and_writes_nothing(tmp_path):
    result = cookiecutter_cli(tmp_path, "--output-dir", str(tmp_path / "out"), "online_checks=false",
                              "github_user=octo-cat", "zenodo_doi=10.1000/xyz123")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    [line] = [line for line in (result.stderr + result.stdout).splitlines() if "zenodo_doi" in line
              and "10.1000/xyz123" in line and "not a Zenodo DOI" in line]
    assert "10.5281/zenodo." in line
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- the launch link, as BinderHub reads it ----------------------------------------------

@pytest.mark.parametrize("ui,urlpath", [("rstudio", "rstudio"), ("lab", "lab"), ("shiny", "shiny/")])
def test_the_archive_badge_launches_the_doi_as_binderhubs_zenodo_provider_reads_it(cookies, ui, urlpath):
    project = bake(cookies, zenodo_doi=f"https://doi.org/{DOI}", ui=ui,
                   binderhub_url="https://hub.example.org/binder/")
    readme = (project / "README.md").read_text()
    [url] = re.findall(r"\[!\[Binder: archived release\]\(https://hub\.example\.org/binder/badge_logo\.svg\)\]"
                       r"\(([^()\s]+)\)", readme)
    assert url.startswith("https://hub.example.org/binder/v2/zenodo/")
    spec = binderhub_spec(url)
    assert spec == DOI and BINDERHUB_ZENODO_SPEC.fullmatch(spec)
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query) == {"urlpath": [urlpath]}
    # doi.org sends a version DOI to its record; the provider builds that record.
    assert zenodo_resolved_spec(spec, "https://zenodo.org/records/3242074") == DOI
    # And Zenodo's DOI badge beside the branch's, in the badges block.
    block = readme.split("<!-- badges: start -->\n", 1)[1].split("<!-- badges: end -->", 1)[0]
    assert block.splitlines()[1] == (f"[![DOI](https://zenodo.org/badge/DOI/{DOI}.svg)]"
                                     f"(https://doi.org/{DOI})")
    assert leftovers(project) == []


def test_the_citation_file_carries_the_doi_and_stays_valid(cookies):
    project = bake(cookies, zenodo_doi=f"doi:{DOI}")
    citation = yaml.safe_load((project / "CITATION.cff").read_text())
    assert citation["doi"] == DOI
    schema = TEMPLATE_ROOT / "tests/schemas/citation-file-format-1.2.0.json"
    checked = check_jsonschema("--default-filetype", "yaml", "--schemafile", str(schema), str(project / "CITATION.cff"))
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- online: a stand-in of Zenodo's API ----------------------------------------------------

def json_response(data, status=200, headers=None):
    return Response(json.dumps(data), status=status, headers=headers, content_type="application/json")


@pytest.fixture
def services(httpserver, monkeypatch):
    """GitHub and Docker Hub answering that all is well; Zenodo, as each test says."""
    httpserver.expect_request("/repos/octo-cat/demo/branches/main").respond_with_response(
        json_response({"name": "main"}))
    httpserver.expect_request("/v2/namespaces/rocker/repositories/binder/tags/4.4.0").respond_with_response(
        json_response({"name": "4.4.0", "digest": "sha256:" + "5e" * 32}))
    base = httpserver.url_for("").rstrip("/")
    environ = {"GITHUB_API_URL": base, "DOCKER_HUB_API_URL": base, "ZENODO_API_URL": base,
               "BINDER_TEMPLATE_ONLINE_DEADLINE": "2"}
    return httpserver, environ


RECORD = {"id": 3242074, "doi": DOI, "conceptdoi": "10.5281/zenodo.3242073", "metadata": {"title": "x"}}


@pytest.mark.parametrize("case,answer,words", [
    ("found", json_response(RECORD), []),
    ("not found", json_response({"status": 404, "message": "The persistent identifier does not exist."}, 404),
     ["zenodo_doi = '10.5281/zenodo.3242074'", "no published record 3242074", "reserved before publishing",
      "the DOI of all versions"]),
    ("gone", json_response({"status": 410, "message": "deleted"}, 410), ["Zenodo answered HTTP 410",
                                                                         "skipped the Zenodo check"]),
    ("not json", Response("<html>maintenance</html>", 200), ["not the JSON expected", "skipped the Zenodo check"]),
    ("server error", Response("", 503), ["Zenodo answered HTTP 503", "skipped the Zenodo check"]),
])
def test_zenodo_is_asked_for_the_record_and_only_warns(services, case, answer, words):
    httpserver, environ = services
    httpserver.expect_request("/api/records/3242074").respond_with_response(answer)
    report = run_online_checks(ANSWERS, CHOICES, environ)
    assert not report.failed
    zenodo = [str(finding) for finding in report.findings if "Zenodo" in str(finding) or "zenodo" in str(finding)]
    if words:
        [message] = zenodo
        assert message.startswith("warning: ")
        for word in words:
            assert word in message
    else:
        assert zenodo == []
    assert report.requests == {"GitHub": 1, "Docker Hub": 1, "Zenodo": 1}


def test_no_network_to_zenodo_is_a_warning_and_generation_goes_on(services):
    _, environ = services
    report = run_online_checks(ANSWERS, CHOICES, {**environ, "ZENODO_API_URL": f"http://127.0.0.1:{closed_port()}"})
    assert not report.failed
    assert [str(f) for f in report.findings if "Zenodo" in str(f)] == [
        "warning: could not reach Zenodo (ConnectionError); skipped the Zenodo check"]
    assert report.digest  # the other checks still gave their answers


def test_zenodo_is_not_asked_without_a_doi(services):
    _, environ = services
    report = run_online_checks({**ANSWERS, "zenodo_doi": ""}, CHOICES, environ)
    assert report.requests == {"GitHub": 1, "Docker Hub": 1}


# --- an existing project: the archive badge beside the branch's ---------------------------

def test_one_command_puts_the_archive_badge_beside_the_branch_badge_once(tmp_path):
    project = tmp_path / "paper"
    project.mkdir()
    (project / "analysis.R").write_text("x <- 1\n")
    (project / "README.md").write_text("# Paper\r\n\r\n<!-- badges: start -->\r\n[![CRAN](https://x.example/b.svg)]"
                                       "(https://x.example)\r\n<!-- badges: end -->\r\n\r\nText.\r\n")
    first = add_binder(project, "github_user=octo-cat")
    assert first.returncode == 0, first.stderr
    second = add_binder(project, "github_user=octo-cat", f"zenodo_doi=https://doi.org/{DOI}")
    assert second.returncode == 0, second.stderr
    assert "README.md already has the badge.\n" in second.stdout
    assert "Added the badge that launches the release archived on Zenodo beside it.\n" in second.stdout
    assert "another Binder badge" not in second.stdout
    text = (project / "README.md").read_bytes().decode()
    assert text == ("# Paper\r\n\r\n<!-- badges: start -->\r\n[![CRAN](https://x.example/b.svg)](https://x.example)\r\n"
                    "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/octo-cat/paper/main"
                    "?urlpath=rstudio)\r\n"
                    "[![Binder: archived release](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/"
                    f"zenodo/{DOI}?urlpath=rstudio)\r\n<!-- badges: end -->\r\n\r\nText.\r\n")
    third = add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}")
    assert third.returncode == 0, third.stderr
    assert "README.md already has the badge that launches the release archived on Zenodo.\n" in third.stdout
    assert (project / "README.md").read_bytes().decode() == text


def test_without_a_readme_both_badges_are_printed(tmp_path):
    project = tmp_path / "paper"
    project.mkdir()
    (project / "analysis.R").write_text("x <- 1\n")
    result = add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}")
    assert result.returncode == 0, result.stderr
    assert ("There is no README.md or README.Rmd; put these badges in yours:\n"
            "  [![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/octo-cat/paper/main"
            "?urlpath=rstudio)\n"
            "  [![Binder: archived release](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/zenodo/"
            f"{DOI}?urlpath=rstudio)\n") in result.stdout


def archive_badge(doi: str = DOI, urlpath: str = "rstudio") -> str:
    return (f"[![Binder: archived release](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/zenodo/"
            f"{doi}?urlpath={urlpath})")


BRANCH_BADGE = ("[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/octo-cat/paper/main"
                "?urlpath={urlpath})")


@pytest.mark.parametrize("second,expected_line,said", [
    (("ui=lab",), archive_badge(urlpath="lab"), "Replaced the archive badge this template wrote before"),
    (("zenodo_doi=10.5281/zenodo.3242075",), archive_badge("10.5281/zenodo.3242075"),
     "Replaced the archive badge this template wrote before"),
], ids=["another ui", "a newer DOI"])
def test_a_second_run_replaces_its_archive_badge_and_never_adds_a_second(tmp_path, second, expected_line, said):
    project = tmp_path / "paper"
    project.mkdir()
    (project / "analysis.R").write_text("x <- 1\n")
    (project / "README.md").write_text("# Paper\n\nText.\n")
    assert add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}").returncode == 0
    result = add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}", *second)
    assert result.returncode == 0, result.stderr
    assert said in result.stdout
    text = (project / "README.md").read_text()
    assert text.count("/v2/zenodo/") == 1 and expected_line + "\n" in text


@pytest.mark.parametrize("theirs", [
    f"[![Launch](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/zenodo/{DOI.upper()}/)",
    f"Try the [archived version](https://gesis.mybinder.org/v2/zenodo/{DOI}?labpath=paper.ipynb).",
], ids=["no urlpath, upper case", "another hub, in a sentence"])
def test_a_readme_that_launches_the_doi_already_is_left_as_it_is(tmp_path, theirs):
    project = tmp_path / "paper"
    project.mkdir()
    (project / "analysis.R").write_text("x <- 1\n")
    (project / "README.md").write_text(f"# Paper\n\n{theirs}\n")
    result = add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}")
    assert result.returncode == 0, result.stderr
    assert "README.md already has the badge that launches the release archived on Zenodo.\n" in result.stdout
    assert "/v2/zenodo/" not in "".join(line for line in result.stdout.splitlines() if "another Binder badge" in line)
    assert (project / "README.md").read_text().count("/v2/zenodo/") == 1


def test_a_branch_badge_inside_a_sentence_gets_no_badge_after_it_and_the_report_gives_it(tmp_path):
    project = tmp_path / "paper"
    project.mkdir()
    (project / "analysis.R").write_text("x <- 1\n")
    sentence = f"Open it {BRANCH_BADGE.format(urlpath='rstudio')} in your browser.\n"
    (project / "README.md").write_text(f"# Paper\n\n{sentence}")
    result = add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}")
    assert result.returncode == 0, result.stderr
    assert (project / "README.md").read_text() == f"# Paper\n\n{sentence}"
    assert ("Put the badge that launches the release archived on Zenodo beside it:\n  "
            f"{archive_badge()}\n") in result.stdout


def test_a_repository_this_template_made_is_refused_with_the_command_that_adds_the_doi(cookies, tmp_path):
    project = bake(cookies, repo_name="paper")
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    result = add_binder(project, "github_user=octo-cat", f"zenodo_doi={DOI}")
    assert result.returncode == 1
    assert ("Dockerfile at the root is the one this template writes for a new repository" in result.stderr
            and "cruft update --variables-to-update" in result.stderr)
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize("before,doi,after", [
    # Both there already: nothing lost, nothing doubled.
    (["b42", "b44"], "10.5281/zenodo.44", ["b42", "b44"]),
    # zenodo.4 is not zenodo.42: this template's one archive badge, for
    # another DOI, gives way to the new one.
    (["b42"], "10.5281/zenodo.4", ["b4"]),
], ids=["both there", "a prefix of another DOI"])
def test_an_archive_badge_is_matched_by_its_whole_doi(before, doi, after):
    from binder_template import launch, readme_badge

    badges = {f"b{n}": launch.zenodo_badge_markdown("https://mybinder.org", f"10.5281/zenodo.{n}") for n in (4, 42, 44)}
    branch = launch.badge_markdown("https://mybinder.org", "octo-cat", "paper", "main")

    def readme(names):
        return "# Paper\n\n<!-- badges: start -->\n" + "".join(f"{line}\n" for line in [branch] + [
            badges[name] for name in names]) + "<!-- badges: end -->\n"

    edit = readme_badge.with_badges(readme(before), branch, launch.zenodo_badge_markdown("https://mybinder.org", doi))
    assert (edit.text or readme(before)) == readme(after)
