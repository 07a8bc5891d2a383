"""Binder launch URLs and badges, built from validated answers."""

from __future__ import annotations

from urllib.parse import quote

from binder_template.answers import PREBUILT_BRANCH, normalise_binderhub_url

# What each `ui` answer opens, as BinderHub's `urlpath` (the path Jupyter
# serves it at: jupyter-rsession-proxy's rstudio, JupyterLab's lab, the
# classic notebook's tree, and jupyter-server-proxy's name for the app).
# shiny/ keeps its trailing slash: without it the proxy answers with a
# redirect that BinderHub's launch does not follow.
URLPATHS = {"rstudio": "rstudio", "lab": "lab", "notebook": "tree", "shiny": "shiny/"}
UI_TITLES = {"rstudio": "RStudio", "lab": "JupyterLab", "notebook": "Jupyter Notebook",
             "shiny": "its Shiny app"}


def encode_ref(ref: str) -> str:
    """BinderHub splits the spec on the first two '/' and URL-decodes the rest,
    so '/' may stay as it is while '#', '%', '?', spaces and non-ASCII must be
    percent-encoded."""
    return quote(ref, safe="/")


def launch_url(hub: str, user: str, repo: str, branch: str, ui: str = "rstudio") -> str:
    base = normalise_binderhub_url(hub)
    return f"{base}/v2/gh/{user}/{repo}/{encode_ref(branch)}?urlpath={URLPATHS[ui]}"


def badge_markdown(hub: str, user: str, repo: str, branch: str, ui: str = "rstudio") -> str:
    base = normalise_binderhub_url(hub)
    return f"[![Binder]({base}/badge_logo.svg)]({launch_url(hub, user, repo, branch, ui)})"


def launch_ref(answers: dict, branch: str | None = None) -> str:
    """The branch the badge launches: yours, or with prebuilt_image the
    branch the workflow points at the published image."""
    return PREBUILT_BRANCH if answers.get("prebuilt_image") else (branch or answers["branch"])


def from_answers(answers: dict, ui: str | None = None) -> str:
    return launch_url(
        answers["binderhub_url"],
        answers["github_user"],
        answers["repo_name"],
        launch_ref(answers),
        ui or answers["ui"],
    )


def zenodo_launch_url(hub: str, doi: str, ui: str = "rstudio") -> str:
    """BinderHub's Zenodo provider takes the DOI, as it is, for the spec: the
    raw path after /v2/zenodo/ (base.py, get_spec_from_request)."""
    return f"{normalise_binderhub_url(hub)}/v2/zenodo/{doi}?urlpath={URLPATHS[ui]}"


def zenodo_badge_markdown(hub: str, doi: str, ui: str = "rstudio") -> str:
    base = normalise_binderhub_url(hub)
    return f"[![Binder: archived release]({base}/badge_logo.svg)]({zenodo_launch_url(hub, doi, ui)})"


def doi_badge_markdown(doi: str) -> str:
    """Zenodo's own DOI badge, linking the DOI's resolver."""
    return f"[![DOI](https://zenodo.org/badge/DOI/{doi}.svg)](https://doi.org/{doi})"
