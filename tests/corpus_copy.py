"""Copies one public project into tests/corpus by the rules in
tests/corpus/README.md, from a git mirror of it, and prints its
MANIFEST.json entry (to be completed by hand: license, notes, loads).

    python -m tests.corpus_copy MIRROR_GIT_DIR COMMIT SLUG OWNER/NAME SHAPE [--into DIR]

Run by hand when the corpus grows; no test runs it."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path, PurePosixPath

MAX_FILE = 64 * 1024
MAX_PROJECT = 300 * 1024
LEFT_OUT_DIRS = {".git", "node_modules", "_site", "docs", "_book", "_freeze"}


def left_out(path: PurePosixPath) -> bool:
    parts = path.parts
    joined = str(path)
    return (any(p in LEFT_OUT_DIRS or p.endswith("_files") for p in parts[:-1])
            or "renv/library/" in joined or "renv/staging/" in joined
            or any(p.startswith("lib") and parts[i - 1] == "packrat" for i, p in enumerate(parts) if i)
            or path.name == ".gitattributes" or joined.startswith(".github/workflows/"))


SETUP_NAMES = {"DESCRIPTION", "renv.lock", "postBuild", "Dockerfile", "runtime.txt", "apt.txt", ".Rprofile"}


def first_code(record: bytes) -> tuple[int, bytes]:
    name = record.split(b"\t", 1)[1].decode(errors="replace")
    base = name.rsplit("/", 1)[-1]
    setup = (name.lower().endswith((".r", ".rmd", ".qmd", ".rnw", ".yml", ".yaml")) or base in SETUP_NAMES
             or base.lower().startswith("readme") or name.startswith((".binder/", "binder/", "renv/")))
    return (0 if setup else 1, record)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    for name in ("mirror", "commit", "slug", "repo", "shape"):
        parser.add_argument(name)
    parser.add_argument("--into", default=str(Path(__file__).parent / "corpus"))
    args = parser.parse_args(argv)
    git = ["git", "--git-dir", args.mirror]
    listing = subprocess.run([*git, "ls-tree", "-r", "-z", "--long", args.commit],
                             capture_output=True, check=True).stdout.split(b"\0")
    target = Path(args.into) / args.slug
    kept, skipped, total = 0, [], 0
    # Code and setup files first, data after, so that the size cap drops data.
    for record in sorted(filter(None, listing), key=first_code):
        meta, name = record.split(b"\t", 1)
        mode, kind, blob, size = meta.split()
        path = PurePosixPath(name.decode())
        if kind != b"blob" or mode == b"120000" or mode == b"160000":
            skipped.append(str(path))
            continue
        # A mirror may list its largest files without holding them (size "BAD").
        # A lockfile is what its project is about: kept at any size under the cap.
        if left_out(path) or not size.isdigit() or (int(size) > MAX_FILE and path.name != "renv.lock"):
            skipped.append(str(path))
            continue
        data = subprocess.run([*git, "cat-file", "blob", blob.decode()], capture_output=True, check=True).stdout
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            skipped.append(str(path))
            continue
        if b"\0" in data or total + len(data) > MAX_PROJECT:
            skipped.append(str(path))
            continue
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        total += len(data)
        kept += 1
    entry = {"slug": args.slug, "repo": args.repo, "url": f"https://github.com/{args.repo}",
             "commit": subprocess.run([*git, "rev-parse", args.commit], capture_output=True, text=True,
                                      check=True).stdout.strip(),
             "default_branch": "", "shape": args.shape, "license": "", "files_kept": kept,
             "skipped": skipped[:50], "skipped_count": len(skipped), "notes": "", "loads": []}
    print(json.dumps(entry, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
