"""Pin the generated Dockerfile's base image to the digest Docker Hub gave.

The template renders `FROM rocker/binder:<tag>` before the online check can
tell it a digest, so the post-generation hook rewrites that one line. With
the digest, a launch next year builds the same image, and mybinder.org's rule
against a bare `latest` holds.
"""

from __future__ import annotations

import re

_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
# The note and hadolint pragma that only an unpinned `latest` needs.
UNPINNED_NOTE = re.compile(r"^# Not pinned to a digest:.*\n(?:#.*\n)*?# hadolint ignore=DL3007\n", re.MULTILINE)


def pin_base_image(dockerfile: str, tag: str, digest: str) -> str:
    """Pin the one `FROM rocker/binder:<tag>` line to `digest`, which Docker
    Hub gave for that tag: a FROM line naming another tag is not touched."""
    if not _DIGEST.fullmatch(digest):
        raise ValueError(f"not a sha256 digest: {digest!r}")
    line = re.compile(rf"^FROM rocker/binder:{re.escape(tag)}$", re.MULTILINE)
    pinned, count = line.subn(lambda m: f"{m.group(0)}@{digest}", dockerfile)
    if count != 1:
        raise ValueError(f"expected exactly one FROM rocker/binder:{tag} line")
    return UNPINNED_NOTE.sub("", pinned)
