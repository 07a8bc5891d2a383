"""A container registry of the tests' own, and GHCR's way of asking for a
token in front of it, both on 127.0.0.1.

- Debian's docker-registry (the distribution registry 2.8) with its own
  storage folder.
- GhcrFront stands in for ghcr.io's anonymous access: a request without a
  token gets 401 and `WWW-Authenticate: Bearer realm=...,service=...,scope=...`
  (distribution's docs/spec/auth/token.md, which GHCR follows even for a
  public image); /token hands out an anonymous token for a public image and
  refuses one (401) for any other, or, with tokens_for_all, hands one out
  that the manifest then refuses: 403 DENIED, or with denied_status=404,
  404 MANIFEST_UNKNOWN, as ghcr.io may answer an anonymous client for a
  private package (it does not say that a private package exists); a
  request with a good token is passed to the registry.
"""

from __future__ import annotations

import json
import os
import secrets
import select
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

from tests.conftest import closed_port

REGISTRY = "/usr/bin/docker-registry"
START_SECONDS = 30


class Registry:
    def __init__(self, state: Path):
        self.state = state
        self.port = closed_port()
        self.host = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.host}"

    def __enter__(self) -> Self:
        self.state.mkdir(parents=True, exist_ok=True)
        (self.state / "config.yml").write_text(
            "version: 0.1\nlog:\n  level: info\n"
            f"storage:\n  filesystem:\n    rootdirectory: {self.state / 'data'}\n"
            f"http:\n  addr: 127.0.0.1:{self.port}\n")
        self.process = subprocess.Popen([REGISTRY, "serve", str(self.state / "config.yml")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Ready when it says it listens (its own log line), not after a guess.
        log = b""
        while b"listening on" not in log:
            ready, _, _ = select.select([self.process.stderr], [], [], START_SECONDS)
            chunk = os.read(self.process.stderr.fileno(), 65536) if ready else b""
            if not chunk:
                self.process.kill()
                raise RuntimeError("docker-registry did not start:\n" + log.decode(errors="replace")[-2000:])
            log += chunk
        # Keep reading its log, so that it never blocks on a full pipe.
        threading.Thread(target=self.process.stderr.read, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class GhcrFront:
    """GHCR's anonymous access in front of `registry`: `public` names the
    images anyone may pull."""

    def __init__(self, registry: Registry, public: set[str], tokens_for_all: bool = False,
                 denied_status: int = 403):
        self.registry, self.public, self.tokens_for_all = registry, public, tokens_for_all
        self.denied_status = denied_status
        self.tokens: dict[str, bool] = {}  # token: whether it may pull
        self.requests: list[tuple[str, str]] = []  # (path, Authorization)
        front = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                front.requests.append((self.path, self.headers.get("Authorization", "")))
                front.answer(self)

            def do_HEAD(self):  # docker may ask for a manifest's digest first
                front.requests.append((self.path, self.headers.get("Authorization", "")))
                front.answer(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.host}"

    def __enter__(self) -> Self:
        # Polled every 0.02 s, not 0.5: shutdown() waits for the next poll.
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, handler) -> None:
        path = urllib.parse.urlsplit(handler.path)
        if path.path == "/token":
            scope = urllib.parse.parse_qs(path.query).get("scope", [""])[0]
            name = scope.removeprefix("repository:").removesuffix(":pull")
            if name in self.public or self.tokens_for_all:
                token = secrets.token_hex(16)
                self.tokens[token] = name in self.public
                return self.send(handler, 200, json.dumps({"token": token}).encode())
            return self.send(handler, 401, b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication '
                                           b'required"}]}')
        if path.path.startswith("/v2/"):
            given = handler.headers.get("Authorization", "").removeprefix("Bearer ")
            if given in self.tokens and not self.tokens[given]:  # a token, but not for this image
                code = b"MANIFEST_UNKNOWN" if self.denied_status == 404 else b"DENIED"
                return self.send(handler, self.denied_status, b'{"errors":[{"code":"' + code + b'"}]}')
            if given not in self.tokens:
                name = path.path[len("/v2/"):].split("/manifests/")[0].split("/blobs/")[0]
                challenge = (f'Bearer realm="{self.url}/token",service="ghcr.io",'
                             f'scope="repository:{name}:pull"')
                return self.send(handler, 401, b'{"errors":[{"code":"UNAUTHORIZED"}]}',
                                 {"WWW-Authenticate": challenge})
            request = urllib.request.Request(self.registry.url + handler.path, method=handler.command,
                                             headers={"Accept": handler.headers.get("Accept", "")})
            try:
                with urllib.request.urlopen(request, timeout=30) as answer:
                    kept = ("Docker-Content-Digest", "Content-Type")
                    return self.send(handler, answer.status, answer.read(),
                                     {name: answer.headers[name] for name in kept if answer.headers[name]})
            except urllib.error.HTTPError as err:
                return self.send(handler, err.code, err.read())
        return self.send(handler, 404, b"")

    @staticmethod
    def send(handler, status: int, body: bytes, headers: dict | None = None) -> None:
        handler.send_response(status)
        headers = {"Content-Type": "application/json", **(headers or {})}
        if handler.command != "HEAD" or body:
            headers["Content-Length"] = str(len(body))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(body)
