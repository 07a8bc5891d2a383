"""GitHub's own addresses for a repository."""

from __future__ import annotations

from urllib.parse import quote


def new_repository_url(user: str, repo: str) -> str:
    """GitHub's form for a new repository, filled in."""
    return f"https://github.com/new?owner={quote(user)}&name={quote(repo)}"


def clone_url(user: str, repo: str) -> str:
    return f"https://github.com/{user}/{repo}.git"
