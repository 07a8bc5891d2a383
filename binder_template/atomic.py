"""A file written whole or not at all: into a temporary file beside it, then
renamed over it, so that a full disk or a crash mid-write leaves the old file
as it was."""

from __future__ import annotations

import os
import tempfile


def replace_file(path: str, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` atomically, with `mode` (default: the mode the
    file has, or a new file's under the umask)."""
    if mode is None:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
    descriptor, temporary = tempfile.mkstemp(dir=os.path.dirname(path) or ".",
                                             prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def is_read_only(path: str) -> bool:
    """A file its owner marked read-only (no write bit at all) or this user
    cannot write. Renaming over it would succeed where writing to it is
    refused, so it is never replaced (root too is kept from it)."""
    try:
        return not os.stat(path).st_mode & 0o222 or not os.access(path, os.W_OK)
    except OSError:
        return False
