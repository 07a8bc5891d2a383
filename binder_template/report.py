"""What the post-generation hook prints: the next steps for a new
repository, and for an existing project the report of what was added and
what was left alone, what the project's code and Binder files brought, the
badge, and the git commands that commit and push all of it."""

from __future__ import annotations

import json
import os
import re

from binder_template import binder_files, files, launch, readme_badge, survey
from binder_template.answers import normalise_zenodo_doi
from binder_template.github import clone_url, new_repository_url
from binder_template.reading import digest, read_text
from binder_template.rerun import shell_word

# The github_user default: online checks of a placeholder say nothing.
PLACEHOLDER_USER = "your-github-user"

# With prebuilt_image, what the user must know before the badge works.
PREBUILT_NOTE = ("  The badge launches the 'binder' branch, which the workflow makes after its first\n"
                 "  successful run on your branch: the image is then on ghcr.io, and must be public\n"
                 "  (the workflow says where to make it so if it is not).")

# Enough for any Binder file or README this report reads again.
SMALL = 1 << 20
KEEP_WARM = ".github/workflows/keep-binder-warm.yml"


def existing_project_report(answers: dict, project_dir, had: dict, environ, facts: dict,
                            differs: list[str] = ()) -> str:
    """The report, section by section. had: the Binder files that were there
    before, with their digests; differs: those -s kept that differ from what
    this run would write."""
    user, repo, branch = survey.launch_target(answers, facts.get("git", {}))
    badge = launch.badge_markdown(answers["binderhub_url"], user, repo, launch.launch_ref(answers, branch),
                                  answers["ui"])
    doi = normalise_zenodo_doi(str(answers.get("zenodo_doi", "")))
    beside = launch.zenodo_badge_markdown(answers["binderhub_url"], doi, answers["ui"]) if doi else None
    outcome = binder_files_written(answers, project_dir, had, facts, differs)
    left = outcome["kept"] + outcome["kept_differing"]
    try:
        readme, edit = readme_badge.add_badge(project_dir, badge, beside)
        not_written = None
    except readme_badge.BadgeNotWritten as err:
        readme, edit, not_written = None, None, str(err)
    badge_changed = bool(edit and edit.text is not None)
    lines = file_lines(outcome) + citation_lines(answers, facts, project_dir) + package_lines(project_dir, facts, left) \
        + binder_files.carried_lines(facts)
    lines += badge_lines(project_dir, badge, readme, edit, not_written, beside)
    lines += kept_file_lines(answers, project_dir, facts.get("here", "binder"), left, (user, repo, branch))
    lines += schedule_lines(project_dir, facts.get("git", {}), (user, repo, branch))
    knit = badge_changed and readme.lower() == "readme.rmd"
    # The README too, when an earlier run's badge is not committed yet.
    to_commit = outcome["now"] + copied_by_dockerfile(answers, facts) + ([readme] if edit else []) \
        + ([edit.source] if edit and edit.source else [])
    plain, forced = survey.files_to_commit(str(project_dir), list(dict.fromkeys(to_commit)))
    # README.md changes once README.Rmd is knitted.
    plain += [n for n in sorted(os.listdir(project_dir)) if knit and n.lower() == "readme.md" and n not in plain]
    git = facts.get("git", {})
    if not git.get("repo") or not git.get("commits", True):
        plain = ["."]  # a new repository, or one with no commits yet: all of the project
    if not outcome["added"] and not outcome["replaced"] and not badge_changed:
        lines += ["Binder is already set up here: nothing changed."]
        if not plain and not forced:
            return "\n".join(lines)
    lines += git_lines(answers, project_dir, environ, git, (user, repo, branch), plain, forced,
                       readme if knit else None)
    return "\n".join(lines)


def binder_files_written(answers: dict, project_dir, had: dict, facts: dict, differs) -> dict[str, list[str]]:
    """The Binder files these answers ask for, and what became of each."""
    wanted = files.written(answers, facts)
    now = readme_badge.present(project_dir, wanted)
    replaced = [name for name in wanted if name in had
                and had[name] != digest(os.path.join(project_dir, name))]
    return {
        "now": now,
        "added": [name for name in wanted if name in now and name not in had],
        "replaced": replaced,
        "kept": [name for name in wanted if name in had and name not in replaced and name not in differs],
        "kept_differing": [name for name in wanted if name in had and name not in replaced and name in differs],
    }


def file_lines(outcome: dict[str, list[str]]) -> list[str]:
    lines = []
    if outcome["added"]:
        lines += ["Added:"] + [f"  {name}" for name in outcome["added"]]
    if outcome["replaced"]:
        lines += ["Replaced with this template's (-f without -s overwrites; git diff shows what changed):"]
        lines += [f"  {name}" for name in outcome["replaced"]]
    if outcome["kept"]:
        lines += ["Left as they were (already there):"] + [f"  {name}" for name in outcome["kept"]]
    if outcome["kept_differing"]:
        lines += ["Kept, but they differ from what this run would write (-s never overwrites; delete one "
                  "and run again to have it rewritten):"] + [f"  {name}" for name in outcome["kept_differing"]]
    return lines


def package_lines(project_dir, facts: dict, left: list[str]) -> list[str]:
    """Packages the code loads that nothing declares, and what renv will do."""
    here, script = facts.get("here", "binder"), facts.get("script", "install.R")
    lines = []
    used = facts.get("used", {})
    if f"{here}/{script}" in left:  # an earlier run's: it names what was found then
        text = read_text(os.path.join(project_dir, here, script), SMALL) or ""
        used = {name: where for name, where in used.items() if f'"{name}"' not in text}
        tries = f"{here}/{script} was kept and does not name them: add them to it"
    else:
        tries = f"{here}/{script} tries each"
    if used:
        undeclared = "DESCRIPTION does not declare" if facts.get("description") else "nothing declares"
        lines += [f"Packages your code loads that {undeclared} ({tries}):"]
        lines += [f"  {name}  ({', '.join(where[:3])}{', ...' if len(where) > 3 else ''})"
                  for name, where in used.items()]
    if facts.get("renv") and facts.get("renv_lock") != "renv.lock":
        folder = facts["renv_lock"].removesuffix("/renv.lock")
        lines += [f"{facts['renv_lock']} is restored into {folder}/'s renv library, which the renv::load() "
                  "in your .Rprofile uses when R starts on Binder."]
    if facts.get("not_locked"):
        lines += [f"Your code loads or DESCRIPTION requires packages that {facts.get('renv_lock') or 'renv.lock'} "
                  "does not record: "
                  f"{', '.join(facts['not_locked'])}",
                  "  (install them and run renv::snapshot(), so that Binder restores them too)"]
    return lines


def citation_lines(answers: dict, facts: dict, project_dir) -> list[str]:
    """How to get a CITATION.cff, where the project has none and no author
    was given; where it has one, whether it cites zenodo_doi."""
    doi = normalise_zenodo_doi(str(answers.get("zenodo_doi", "")))
    if facts.get("citation"):
        cited = cited_doi(os.path.join(project_dir, "CITATION.cff"))
        if not doi or (cited and normalise_zenodo_doi(cited) == doi):
            return []
        if cited is None:
            return [f"CITATION.cff was left as it is: check that its doi is {doi} (zenodo_doi), or the DOI "
                    "of all versions of that record (Zenodo's concept DOI)."]
        if not cited:
            return [f"CITATION.cff was left as it is, and it gives no doi: add doi: {doi} (zenodo_doi), or the "
                    "DOI of all versions of that record, so that a citation names the archive."]
        return [f"CITATION.cff was left as it is, and its doi is {cited}, not {doi} (zenodo_doi): change it, "
                "unless it is the DOI of all versions of that record (Zenodo's concept DOI)."]
    if files.wants_citation(answers, facts):
        return []
    return ['There is no CITATION.cff, which GitHub ("Cite this repository") and Zenodo read: run this again',
            '  with author_name="..." (and project_name="...", the title) to have one written.']


def cited_doi(path: str) -> str | None:
    """The DOI a CITATION.cff gives (its top-level doi, on its line), "" for
    none, None where it is not read: a link, or a value in a YAML form
    (folded, on the next line) this does not parse."""
    text = read_text(path, SMALL)
    if text is None:
        return None
    match = re.search(r"^doi:(.*)$", text.lstrip("\ufeff"), re.MULTILINE)
    if not match:
        return ""
    value = re.sub(r"\s#.*$", "", match.group(1)).strip().strip("\"'").strip()
    if value in ("null", "~", "Null", "NULL"):
        return ""
    return value if re.fullmatch(r"[^\s>|]\S*", value) else None


def badge_lines(project_dir, badge: str, readme: str | None, edit, not_written: str | None,
                beside: str | None = None) -> list[str]:
    """Where the badge went (and the archived release's, `beside`), and the
    other Binder badges the README has."""
    lines = []
    badges = [f"  {badge}"] + ([f"  {beside}"] if beside else [])
    these = "these badges" if beside else "this badge"
    if not_written:
        lines += [f"{not_written}; put {these} in it:", *badges]
    elif edit and edit.replaced:
        lines += [f"Replaced the Binder badge in {readme} that launched", f"  {edit.replaced}"]
    elif edit and edit.badge_added:
        lines += [f"Added the Binder badge to {readme}."]
    elif readme:
        lines += [f"{readme} already has the badge."]
    else:
        lines += [f"There is no README.md or README.Rmd; put {these} in yours:", *badges]
    if edit and beside:
        lines += [{"added": "Added the badge that launches the release archived on Zenodo beside it.",
                   "replaced": "Replaced the archive badge this template wrote before with the one for this DOI.",
                   "present": f"{readme} already has the badge that launches the release archived on Zenodo.",
                   "": f"Put the badge that launches the release archived on Zenodo beside it:\n  {beside}",
                   }[edit.beside]]
    if edit and edit.source:
        lines += [f"{readme} is knitted from {edit.source}: the badge is in both, so the next knit keeps it."]
    others = [(readme, url) for url in (edit.others if edit else [])]
    if readme and readme.lower() == "readme.rmd":  # GitHub shows the knitted README.md
        knitted = next((n for n in sorted(os.listdir(project_dir)) if n.lower() == "readme.md"), None)
        text = (read_text(os.path.join(project_dir, knitted), SMALL) or "") if knitted else ""
        others += [(knitted, url) for url in readme_badge.with_badge(text, badge).others] if text else []
    for name, url in others:
        if readme_badge.for_another_repository(url, badge):
            lines += [f"{name} has a Binder badge for another repository, left as it is: {url}"]
        else:
            lines += [f"{name} has another Binder badge, which launches {url}: remove it if it is out of date."]
    return lines


def kept_file_lines(answers: dict, project_dir, here: str, left: list[str], launched: tuple[str, str, str]
                    ) -> list[str]:
    """A kept Dockerfile or workflow of an earlier run that no longer matches
    the answers, or a workflow of the user's own."""
    user, repo, branch = launched
    tag = kept_dockerfile_tag(os.path.join(project_dir, here, "Dockerfile")) if f"{here}/Dockerfile" in left else None
    lines = []
    if tag and tag != answers["r_version"]:
        lines += [f"{here}/Dockerfile was kept, and it builds rocker/binder:{tag}, not r_version = "
                  f"{answers['r_version']!r}: delete it and .github/dependabot.yml, and run this again, "
                  "to have them rewritten."]
    workflow_branch = kept_workflow_branch(project_dir) if ".github/workflows/binder.yml" in left else None
    if workflow_branch is not None and workflow_branch != branch:
        lines += [f"Your .github/workflows/binder.yml builds branch {workflow_branch!r}, and the badge launches "
                  f"{branch!r}: delete the workflow and run this again to have it rewritten."]
    elif ".github/workflows/binder.yml" in left and workflow_branch is None:
        lines += ["Your .github/workflows/binder.yml was left alone. To add the template's jobs by hand,",
                  "generate into a scratch folder and copy the build and prewarm jobs from there:",
                  f"  cookiecutter --no-input -o /tmp/scratch {shell_word(str(answers.get('_template') or 'TEMPLATE'))}"
                  f" repo_name={shell_word(repo)} github_user={shell_word(user)} online_checks=false",
                  "  (then see /tmp/scratch/" + repo + "/.github/workflows/binder.yml and .github/scripts/)"]
    warm_branch = kept_workflow_branch(project_dir, KEEP_WARM) if KEEP_WARM in left else None
    if warm_branch is not None and warm_branch != branch:
        lines += [f"Your {KEEP_WARM} keeps branch {warm_branch!r} warm, and the badge launches "
                  f"{branch!r}: delete the workflow and run this again to have it rewritten."]
    return lines


def schedule_lines(project_dir, git: dict, launched: tuple[str, str, str]) -> list[str]:
    """GitHub runs a scheduled workflow from the default branch only (its docs
    on the schedule event): this template's keep-binder-warm.yml, committed
    to another branch, never runs until it and its scripts are on the
    default one too."""
    user, repo, branch = launched
    default, origin = git.get("default"), git.get("origin")
    if not default or default == branch or not origin or \
            [part.lower() for part in origin] != [(user or "").lower(), repo.lower()]:
        return []  # no default branch known, or one of another repository
    if not survey.is_ours(os.path.join(project_dir, KEEP_WARM), "keep-binder-warm.yml") or survey.git(
            project_dir, "cat-file", "-e", f"refs/remotes/origin/{default}:{KEEP_WARM}") is not None:
        return []  # not this template's, or on the default branch already
    return [f"GitHub runs {KEEP_WARM} on its schedule only from your default branch, {default!r}, not "
            f"from {branch!r}: merge the .github folder into {default!r} too, or Binder may forget the "
            "image between visits."]


def git_lines(answers: dict, project_dir, environ, git: dict, launched: tuple[str, str, str],
              plain: list[str], forced: list[str], knit_readme: str | None) -> list[str]:
    """The commands that commit and push Binder, and the launch link."""
    user, repo, branch = launched
    folder = where_from(project_dir, environ)
    lines = []
    if not git.get("origin"):
        lines += ["", "Create the repository on GitHub first, if it is not there yet (public):",
                  f"  {new_repository_url(user, repo)}"]
    lines += ["", "Next steps:"] + ([f"    cd {shell_word(folder)}"] if folder != "." else [])
    if knit_readme:
        lines += [f"    Rscript -e 'devtools::build_readme()'   # knit {knit_readme}, so README.md shows the badge",
                  "    # (if it cannot be knitted here, paste the badge into README.md by hand)"]
    if not git.get("repo"):
        lines += [f"    git init -b {shell_word(branch)}"]
    if plain:
        lines += [f"    git add {' '.join(shell_word(n) for n in plain)}"]
    if forced:
        them = "it" if len(forced) == 1 else "them"
        lines += [f"    git add -f {' '.join(shell_word(n) for n in forced)}   # your .gitignore lists {them}, "
                  f"and the Dockerfile needs {them}"]
    lines += ["    git commit -m 'Add Binder (rocker-binder-template)'"]
    if not git.get("repo"):
        lines += [f"    git remote add origin {clone_url(user, repo)}"]
    elif not git.get("origin"):
        lines += [f"    git remote add origin {clone_url(user, repo)}   # if it has no remote yet"]
    # The commit is made on the branch checked out; the badge may launch another.
    ref = branch if not git.get("branch") or git["branch"] == branch else f"HEAD:{branch}"
    target = {**answers, "github_user": user, "repo_name": repo, "branch": branch}
    lines += [f"    git push origin {shell_word(ref)}", "", f"  Launch it: {launch.from_answers(target)}"]
    if answers.get("prebuilt_image"):
        lines += ["", PREBUILT_NOTE]
    return lines



def copied_by_dockerfile(answers: dict, facts: dict) -> list[str]:
    """The project's files the Binder Dockerfile copies by name: each must be
    committed, or the build fails on Binder."""
    here = facts.get("here", "binder")
    names = [f"{here}/{facts.get('script', 'install.R')}", f"{here}/.Renviron", facts.get("apt_txt"),
             facts.get("install_R"), facts.get("postBuild"),
             "DESCRIPTION" if facts.get("description") else None, (facts.get("renv_lock") or "renv.lock") if facts.get("renv") else None,
             f"{here}/register_shiny_app.py" if answers["ui"] == "shiny" else None]
    return [name for name in names if name]



def kept_dockerfile_tag(path: str) -> str | None:
    """The rocker/binder tag a Dockerfile this template wrote builds on."""
    match = re.search(r"^FROM rocker/binder:([A-Za-z0-9_.-]+)", read_text(path, SMALL) or "", re.MULTILINE)
    return match.group(1) if match else None



def kept_workflow_branch(project_dir, workflow: str = ".github/workflows/binder.yml") -> str | None:
    """The branch a binder.yml (or keep-binder-warm.yml) this template wrote
    before builds, or None for a workflow of the user's own."""
    text = read_text(os.path.join(project_dir, workflow), 65536)
    if workflow == KEEP_WARM and not survey.is_ours(os.path.join(project_dir, workflow), "keep-binder-warm.yml"):
        return None  # a workflow of the user's own, by that name
    line = r"^          ref: " if workflow == KEEP_WARM else r"^on:\n  push:\n    branches:\n      - "
    match = re.search(line + r"\"((?:[^\"\\]|\\.)*)\"$", text or "", re.MULTILINE)
    try:
        return json.loads(f'"{match.group(1)}"').replace("\\", "") if match else None
    except ValueError:  # a workflow of the user's own, in a form this template never writes
        return None



def where_from(project_dir, environ) -> str:
    """The project folder as the user reaches it from where they ran
    cookiecutter ($PWD: the hooks run inside the project folder)."""
    start = environ.get("PWD", "")
    path = os.path.realpath(project_dir)
    if os.path.isabs(start) and os.path.isdir(start):
        relative = os.path.relpath(path, os.path.realpath(start))
        if not relative.startswith(".."):
            path = relative
    # './' keeps a name that starts with '-' from reading as an option.
    return "./" + path if path.startswith("-") else path



def next_steps(answers: dict, project_dir, repo_missing: bool | None, had_git: bool, environ) -> str:
    """repo_missing: whether GitHub said the repository does not exist yet,
    None when it was not asked or did not answer."""
    user, repo, branch = answers["github_user"], answers["repo_name"], answers["branch"]
    hub = answers["binderhub_url"]
    lines = [f"Created {shell_word(repo)}. Next steps:", ""]
    if user == PLACEHOLDER_USER:
        from binder_template.rerun import command_line, invocation

        # The command as typed (or the bare one, off Linux), with -f: the folder is there now.
        typed = invocation() or ["cookiecutter", str(answers.get("_template") or "TEMPLATE")]
        at = 3 if typed[1:3] == ["-m", "cookiecutter"] else 1
        if not any(word == "--overwrite-if-exists" or re.fullmatch(r"-[a-z]*f[a-z]*", word) for word in typed[at:]):
            typed = [*typed[:at], "-f", *typed[at:]]
        lines += [f"  github_user was not given, so the GitHub addresses below name {PLACEHOLDER_USER!r}.",
                  "  Give it by generating again over this folder (-f), with your GitHub user:",
                  *("  " + line for line in command_line(answers, {"github_user"}, typed=typed)), ""]
    if repo_missing:
        lines += [f"  Create the (public) repository: {new_repository_url(user, repo)}", ""]
    elif repo_missing is None:
        lines += ["  Create the repository on GitHub first, if it is not there yet: public, and empty",
                  f"  (no README, license or .gitignore): {new_repository_url(user, repo)}", ""]
    lines += ["  Push it to GitHub:", f"    cd {shell_word(where_from(project_dir, environ))}"]
    if not had_git:
        lines += [f"    git init -b {shell_word(branch)}"]
    lines += [
        "    git add .",
        "    git commit -m 'Start from rocker-binder-template'",
    ]
    if not had_git:
        lines += [f"    git remote add origin {clone_url(user, repo)}"]
    lines += [
        f"    git push -u origin {shell_word(branch)}",
        "",
        f"  Launch it: {launch.from_answers(answers)}",
        "  Badge for other pages:",
        f"    {launch.badge_markdown(hub, user, repo, launch.launch_ref(answers), answers['ui'])}",
    ]
    doi = normalise_zenodo_doi(str(answers.get("zenodo_doi", "")))
    if doi:
        lines += ["  Badge for the release archived on Zenodo (for a paper):",
                  f"    {launch.zenodo_badge_markdown(hub, doi, answers['ui'])}"]
    if answers.get("prebuilt_image"):
        lines += ["", PREBUILT_NOTE]
    return "\n".join(lines)

