"""The one way this template reads a file of the user's project.

A project folder can hold anything: a FIFO where a Binder file goes (opening
it blocks until someone writes), a device, a symbolic link out of the
project, a file of several gigabytes. Every read goes through here, so each
of those is refused the same way, and no read blocks or fills the memory.
"""

from __future__ import annotations

import hashlib
import os
import stat

# Enough for any README, DESCRIPTION, lockfile or Binder file people write;
# a larger one is not one of those.
DEFAULT_LIMIT = 16 << 20


class NotRead(Exception):
    """Why a file was not read, as the end of a sentence that starts with
    its name: 'is a symbolic link'."""


def megabytes(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB" if size >= 1 << 20 else f"{size // 1024} KB"


def read_bytes(path: str, limit: int = DEFAULT_LIMIT, whole: bool = True) -> bytes:
    """The bytes of the regular file at `path`. A link, a FIFO, a device or
    a folder is never opened for reading (O_NONBLOCK: a FIFO does not block
    the open, and the type is checked before the first read). With `whole`,
    a file over `limit` bytes is refused; without it, its first `limit`
    bytes are returned."""
    if os.path.islink(path):
        raise NotRead("is a symbolic link")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise NotRead(f"could not be read ({err.strerror})") from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise NotRead("is not a regular file (a FIFO, a device or a folder)")
        try:
            data = file.read(limit + 1)
        except OSError as err:
            raise NotRead(f"could not be read ({err.strerror})") from None
    if len(data) > limit:
        if whole:
            raise NotRead(f"is larger than {megabytes(limit)}")
        data = data[:limit]
    return data


def read_text(path: str, limit: int = DEFAULT_LIMIT, whole: bool = False) -> str | None:
    """A regular file's text, undecodable bytes replaced (its first `limit`
    bytes unless `whole`), or None when it is not read."""
    try:
        return read_bytes(path, limit, whole).decode("utf-8", errors="replace")
    except NotRead:
        return None


def digest(path: str) -> str | None:
    """The file's SHA-256, to tell whether -f replaced it; None for one that
    is not read (a link, a FIFO, a device, a huge file), which a run never
    replaces."""
    try:
        return hashlib.sha256(read_bytes(path)).hexdigest()
    except NotRead:
        return None
