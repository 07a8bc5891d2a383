"""Facts about versions: of R, of the rocker/binder images, and of the
tools the generated repository pins.

The generated workflow builds with this repo2docker, the one the template's
own tests build with (requirements-dev.txt); a test keeps the two equal.
"""

REPO2DOCKER_REQUIREMENT = "jupyter-repo2docker==2026.4.0"


def image_user(r_version: str) -> str:
    """The user each rocker/binder generation runs as: jovyan in `latest`
    (rocker-org/ml's NB_USER), rstudio in the versioned tags
    (rocker-versioned2's install_rstudio.sh)."""
    return "jovyan" if r_version == "latest" else "rstudio"


def version_key(version: str) -> tuple[int, ...]:
    """'4.3.1' as (4, 3, 1), to compare R versions."""
    return tuple(int(x) for x in version.split("."))


def version_distance(a: str, b: str) -> float:
    def number(v: str) -> float:
        if v == "latest":
            return float("inf")
        major, minor, patch = version_key(v)
        return major * 10000 + minor * 100 + patch

    try:
        return abs(number(a) - number(b))
    except ValueError:
        return float("inf")


def nearest_choice(version: str, choices: list[str]) -> str:
    """The rocker/binder tag closest to an R version a project asks for."""
    return min((c for c in choices if c != "latest"), key=lambda c: version_distance(c, version))
