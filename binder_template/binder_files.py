"""What a project's own Binder files hold, read for carrying them over.

repo2docker reads these files from binder/ (or .binder/) when that folder is
there, and from the root only when it is not (repo2docker's documentation,
"Where to put configuration files"; binder_dir in its buildpacks/base.py).
Once binder/Dockerfile is there, its DockerBuildPack builds it and reads
none of the others: what they did is carried into the Dockerfile this
template writes, or said to be left behind.
"""

from __future__ import annotations

import re

# The files repo2docker's buildpacks read that rocker/binder's Dockerfile
# takes over, in the order the report names them.
BINDER_FILES = ("Dockerfile", "environment.yml", "requirements.txt", "postBuild", "start", "runtime.txt",
                "install.R", "apt.txt")
# What happens to each once Binder builds this template's Dockerfile.
LEFT_BEHIND = {
    "Dockerfile": "it stays for your own docker build",
    "requirements.txt": "its Python packages are not installed (add a RUN /opt/venv/bin/pip install line "
                        "to the Dockerfile if the project needs them)",
    "start": "rocker/binder starts Jupyter and RStudio itself, so it no longer runs",
}
# conda's R itself and its meta-packages, not R packages: the image has R.
CONDA_NOT_PACKAGES = frozenset(("r-base", "r-essentials", "r-recommended", "r-irkernel"))
_CONDA_NAME = re.compile(r"^(?:[\w.-]+::)?(r|bioconductor)-([a-z0-9][a-z0-9.]*)(?:[\s=<>!~].*)?$")
_FROM = re.compile(r"^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(\S+)", re.IGNORECASE | re.MULTILINE)
_RUN = re.compile(r"^[ \t]*RUN[ \t]", re.IGNORECASE | re.MULTILINE)


def conda_r_packages(text: str) -> tuple[list[str], list[str]]:
    """(CRAN names, Bioconductor names) an environment.yml lists, as conda
    spells them: r-<name> and bioconductor-<name>, lower case, with any
    channel (conda-forge::) and version (=1.2, >=1.2) dropped. pip's list and
    conda's own packages (python, r-base) are not R packages."""
    import yaml  # cookiecutter's own dependency

    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return [], []
    items = data.get("dependencies") if isinstance(data, dict) else None
    cran, bioc = [], []
    for item in items if isinstance(items, list) else []:
        match = _CONDA_NAME.match(item.strip().lower()) if isinstance(item, str) else None
        if not match or f"r-{match.group(2)}" in CONDA_NOT_PACKAGES and match.group(1) == "r":
            continue
        (cran if match.group(1) == "r" else bioc).append(match.group(2))
    return list(dict.fromkeys(cran)), list(dict.fromkeys(bioc))


def r_names(conda_names: list[str], known: set[str]) -> tuple[list[str], list[str]]:
    """(R names, conda names with no R name found): conda lower-cases
    package names, so each is matched to a name the project spells out (its
    code, DESCRIPTION, renv.lock), whatever its case."""
    by_lower = {}
    for name in sorted(known):
        by_lower.setdefault(name.lower(), name)
    return ([by_lower[n] for n in conda_names if n in by_lower],
            [n for n in conda_names if n not in by_lower])


def dockerfile_summary(text: str) -> str:
    """What a Dockerfile builds, in a phrase: its base image and whether it
    runs steps of its own."""
    bases = _FROM.findall(text)
    runs = len(_RUN.findall(text))
    base = f"FROM {bases[-1]}" if bases else "no FROM line"
    steps = "no RUN step" if not runs else f"{runs} RUN step{'s' if runs > 1 else ''}"
    return f"{base}, {steps}"


def carried_lines(facts: dict) -> list[str]:
    """The project's Binder files that Binder no longer reads, one line
    each, with what was carried over from each, or what is left behind."""
    here = facts.get("here", "binder")
    script = f"{here}/{facts.get('script', 'install.R')}"
    lines = []
    for path in facts.get("not_read", []):
        name = path.rsplit("/", 1)[-1]
        if name == "environment.yml" and path == facts.get("conda"):
            what = conda_line(facts, script)
        elif name == "postBuild" and path == facts.get("postBuild"):
            what = ("the Dockerfile runs it last, as the user, from the repository's root (rocker/binder has "
                    "no conda: a conda or mamba step in it fails the build)")
        elif name == "install.R" and path == facts.get("install_R"):
            what = f"{script} runs it"
        elif name == "apt.txt" and path == facts.get("apt_txt"):
            what = "the Dockerfile installs the system packages it lists"
        elif name == "runtime.txt" and path == facts.get("runtime"):
            what = "the R version is r_version's, the rocker/binder tag"
        else:
            what = LEFT_BEHIND.get(name, "it is left as it is")
        lines.append(f"  {path}: {what}")
    if not lines:
        return []
    return [f"Binder builds {here}/Dockerfile now, and no longer reads these files (they stay as they are):",
            *lines]


def conda_line(facts: dict, script: str) -> str:
    if facts.get("renv"):
        return "renv.lock is what the image restores, so its R packages are not installed from it"
    names = facts.get("conda_cran", []) + facts.get("conda_bioc", [])
    lower = [f"{name} (by conda's lower-case name)" for name in facts.get("conda_lower", [])]
    parts = [f"{script} installs its R packages, {', '.join(names + lower)}" if names or lower else ""]
    if facts.get("conda_unknown"):
        parts.append(f"add {', '.join(facts['conda_unknown'])} to the bioc list in {script}, spelled as "
                     "Bioconductor does (conda writes names in lower case)")
    said = [part for part in parts if part]
    return "; ".join(said) if said else "it lists no R packages"
