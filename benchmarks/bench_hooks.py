"""What the hooks cost, printed as a table from one run.

    python benchmarks/bench_hooks.py [--rounds N]

1. Bake wall time with the hooks against the same template with hooks/
   removed (the baseline), interleaved in this run; the ratio is the figure
   to quote (target: at most 1.5x). Measured twice: as a user runs it (the
   cookiecutter command, start to finish) and inside one Python process
   (cookiecutter's own work only, without its start-up).
2. Requests made on each GitHub path, against a local HTTP server.
3. How long the online step takes against a local server that accepts
   connections and never answers (target: the deadline plus at most 0.3 s).

HTTP goes only to 127.0.0.1. The offline case looks up .invalid names, which
never resolve (RFC 2606); on a machine with a resolver that is one DNS query.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cookiecutter.main import cookiecutter
from pytest_httpserver import HTTPServer

from binder_template.online import (
    DEADLINE_VARIABLE,
    DEFAULT_DEADLINE,
    DOCKER_HUB_VARIABLE,
    GITHUB_VARIABLE,
    run_online_checks,
)

ANSWERS = {"github_user": "octo-cat", "repo_name": "demo", "branch": "main", "r_version": "4.4.0"}
DIGEST = "sha256:" + "0" * 64


def refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def bake_seconds(template: Path, extra: dict) -> float:
    out = tempfile.mkdtemp(prefix="bench-")
    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1), os.dup(2)
    try:
        os.dup2(devnull, 1)  # the hooks print next steps; keep the table readable
        os.dup2(devnull, 2)
        start = time.perf_counter()
        cookiecutter(str(template), no_input=True, output_dir=out, extra_context=extra)
        return time.perf_counter() - start
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(devnull)
        shutil.rmtree(out)


def cli_bake_seconds(template: Path, extra: dict) -> float:
    out = tempfile.mkdtemp(prefix="bench-")
    command = [str(Path(sys.executable).with_name("cookiecutter")), "--no-input", str(template),
               "--output-dir", out, *(f"{k}={str(v).lower()}" for k, v in extra.items())]
    try:
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(out)


def bake_table(rounds: int) -> list[tuple[str, str]]:
    hookless = Path(tempfile.mkdtemp(prefix="bench-template-")) / "template"
    shutil.copytree(ROOT, hookless, ignore=shutil.ignore_patterns(".git", ".venv", "hooks", "tests"))
    # .invalid names never resolve (RFC 2606): what a machine without network sees.
    no_dns = {GITHUB_VARIABLE: "https://api.github.invalid", DOCKER_HUB_VARIABLE: "https://hub.docker.invalid"}
    refused = dict.fromkeys((GITHUB_VARIABLE, DOCKER_HUB_VARIABLE), refused_url())
    cases = {
        "online_checks=false": ({"online_checks": False}, no_dns),
        "online_checks=true, offline (no DNS)": ({"online_checks": True}, no_dns),
        "online_checks=true, connection refused": ({"online_checks": True}, refused),
    }
    rows = []
    try:
        for how, bake in (("cookiecutter command", cli_bake_seconds), ("in-process", bake_seconds)):
            for label, (extra, urls) in cases.items():
                os.environ.update(urls)
                bake(ROOT, extra), bake(hookless, extra)  # warm caches
                with_hooks, without = [], []
                for _ in range(rounds):  # interleaved, so drift hits both alike
                    with_hooks.append(bake(ROOT, extra))
                    without.append(bake(hookless, extra))
                a, b = statistics.median(with_hooks), statistics.median(without)
                rows.append((f"{how}, {label}: with hooks / without",
                             f"{a * 1000:.0f} ms / {b * 1000:.0f} ms = {a / b:.2f}x"))
    finally:
        shutil.rmtree(hookless.parent)
    return rows


def request_table() -> list[tuple[str, str]]:
    branches, repos, users = "/repos/octo-cat/demo/branches/main", "/repos/octo-cat/demo", "/users/octo-cat"
    paths = {
        "all exist": {branches: 200},
        "branch missing": {branches: 404, repos: 200},
        "repository missing": {branches: 404, repos: 404, users: 200},
        "user missing": {branches: 404, repos: 404, users: 404},
    }
    rows = []
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log in the table
    server = HTTPServer(host="127.0.0.1")
    server.start()
    try:
        for label, statuses in paths.items():
            server.clear()
            for path, status in statuses.items():
                body = {"name": "main", "default_branch": "main", "login": "octo-cat"}
                server.expect_request(path).respond_with_json(body, status=status)
            server.expect_request("/v2/namespaces/rocker/repositories/binder/tags/4.4.0") \
                .respond_with_json({"digest": DIGEST})
            os.environ[GITHUB_VARIABLE] = os.environ[DOCKER_HUB_VARIABLE] = server.url_for("").rstrip("/")
            report = run_online_checks(ANSWERS, ["4.4.0"])
            rows.append((f"GitHub requests, {label}", str(report.requests["GitHub"])))
    finally:
        server.stop()
    return rows


def silent_table() -> list[tuple[str, str]]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)  # the kernel accepts; nobody ever answers
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    os.environ[GITHUB_VARIABLE] = os.environ[DOCKER_HUB_VARIABLE] = url
    os.environ.pop(DEADLINE_VARIABLE, None)
    try:
        start = time.perf_counter()
        run_online_checks(ANSWERS, ["4.4.0"])
        elapsed = time.perf_counter() - start
    finally:
        sock.close()
    return [(f"online step, server never answers (deadline {DEFAULT_DEADLINE:g} s)",
             f"{elapsed:.2f} s = deadline + {elapsed - DEFAULT_DEADLINE:.2f} s")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = bake_table(args.rounds) + request_table() + silent_table()
    if args.json:
        print(json.dumps(dict(rows), indent=2))
        return
    width = max(len(name) for name, _ in rows)
    print(f"median of {args.rounds} interleaved rounds; Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")
    print(f"{'measure':<{width}}  result")
    print(f"{'-' * width}  {'-' * 30}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
