"""Local stand-ins for a BinderHub federation and for a Jupyter server, on
127.0.0.1, for the generated repository's pre-warm and smoke-test scripts.

They answer as the real code does:
- BinderHub (binderhub/builder.py): `/build/gh/...` refuses a request without
  `Accept: text/event-stream` with 400, then streams `data: {"phase": ...}`
  events with `:keepalive` comments between them; after `built` it launches
  a server and holds the stream; a full hub sends `failed` with "Too many
  users..." (binderhub/quota.py).
- The mybinder.org front (mybinder.org-deploy's federation-redirect):
  `/active_hosts` lists the members, `/build/...` answers 307 to one of them
  (`host_url + uri`).
- A Jupyter server: `/api/status` with a token, and `/rstudio/` through
  jupyter-rsession-proxy to RStudio's page, which loads
  `rstudio/rstudio.nocache.js` (rstudio/rstudio src/gwt/www/index.htm).
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# How long a member that has sent `built` waits for the client to leave
# before it sends the launch's phases: BinderHub first asks Kubernetes for
# the quota and JupyterHub for a server.
LAUNCH_SECONDS = 2
RSTUDIO_PAGE = (b'<!DOCTYPE html><html><head><title>RStudio</title>'
                b'<script src="rstudio/rstudio.nocache.js"></script></head><body></body></html>')


class FakeServer:
    """A threaded HTTP server on 127.0.0.1 whose handler calls `self.answer`,
    for any method."""

    def __init__(self, answer):
        self.answer = answer
        self.requests: list[tuple[str, str, str]] = []  # (method, path, Accept)
        self.release = threading.Event()  # ends handlers that hold a request
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                server.requests.append((self.command, self.path, self.headers.get("Accept", "")))
                server.answer(self)

            do_POST = do_PUT = do_PATCH = do_GET

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # shutdown() waits for the serving loop to look at its flag, which it
        # does every poll_interval: 0.5 s by default, on every test's way out.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def respond(handler, status: int, body: bytes = b"", content_type: str = "text/plain",
            headers: dict | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


class Member:
    """One BinderHub. `script` is what it streams for a build: phases, with
    ':keepalive' for a comment, and then, as BinderHub does after `built`, a
    launch (`launching`, `ready`) and the stream held open. A script may end
    instead with what a hub should not do forever:
    '...keepalives' (a build that goes on: a keep-alive every 0.2 s),
    '...trickle' (a byte every 0.2 s, no newline), '...flood' (bytes as fast
    as the client reads them, no newline) or '...end' (the stream closes).
    Ends when the client leaves, recorded in `left_after`."""

    def __init__(self, script: list[str], message: str = "", turn_away: int | None = None):
        self.script, self.message, self.turn_away = script, message, turn_away
        self.sent: list[str] = []
        self.bytes_sent = 0
        self.left_after: str | None = None  # the last thing sent before the client left
        self.done = threading.Event()  # set when a build request has been answered
        self.server = FakeServer(self.answer)

    def answer(self, handler) -> None:
        try:
            self.stream(handler)
        except OSError:  # the client left mid-write
            self.left_after = self.sent[-1] if self.sent else None
        finally:
            self.done.set()

    def stream(self, handler) -> None:
        if "/build/gh/" not in handler.path:  # under the hub's path prefix, if any
            return respond(handler, 404, b"Not Found")
        accept = {part.strip().lower() for part in handler.headers.get("Accept", "").split(";")}
        # An HTTP error becomes a `failed` event with its status_code, in a
        # 200 answer (builder.py's send_error): a missing Accept header (400),
        # the rate limit (429, base.py's check_rate_limit).
        refusal = (400, "Missing Accept header: text/event-stream") if "text/event-stream" not in accept \
            else (self.turn_away, "Rate limit exceeded. Try again in 3600 seconds.") if self.turn_away else None
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Transfer-Encoding", "chunked")  # as tornado streams it
        handler.end_headers()
        handler.close_connection = True

        def send(data: bytes) -> None:
            handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            handler.wfile.flush()
            self.bytes_sent += len(data)

        def emit(phase: str) -> None:
            if phase == ":keepalive":
                send(b":keepalive\n\n")
            else:
                event = {"phase": phase, "message": (self.message if phase == "failed" else phase) + "\n"}
                send(f"data: {json.dumps(event)}\n\n".encode())
            self.sent.append(phase)

        def until_the_client_leaves(seconds: float, step) -> None:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not self.server.release.is_set():
                if client_leaves(handler.connection, 0.2):
                    self.left_after = self.sent[-1] if self.sent else None
                    return
                step()

        if refusal:
            event = {"phase": "failed", "status_code": refusal[0], "message": refusal[1] + "\n"}
            send(f"data: {json.dumps(event)}\n\n".encode())
            self.sent.append("failed")
            handler.wfile.write(b"0\r\n\r\n")
            return
        for phase in self.script:
            if phase == "...keepalives":
                return until_the_client_leaves(60, lambda: emit(":keepalive"))
            if phase == "...trickle":
                return until_the_client_leaves(60, lambda: send(b"x"))
            if phase == "...flood":
                while not self.server.release.is_set():
                    send(b"x" * 65536)
                return
            if phase == "...end":
                handler.wfile.write(b"0\r\n\r\n")
                return
            emit(phase)
            if phase == "built":
                # BinderHub launches a server, then holds the stream 60 s.
                until_the_client_leaves(LAUNCH_SECONDS, lambda: None)
                if self.left_after:
                    return
                emit("launching")
                emit("ready")
                return until_the_client_leaves(60, lambda: None)
            if phase == "failed" and self.message.startswith("Too many users"):
                break  # the quota check's failure ends the request (builder.py)
            if phase == "failed":
                # A failed build: BinderHub holds the stream 60 s more.
                return until_the_client_leaves(60, lambda: None)
        handler.wfile.write(b"0\r\n\r\n")


class SlowHeaders:
    """A member that sends its status line, then a header a byte every 0.2 s."""

    def __init__(self):
        def answer(handler):
            handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            while not self.server.release.wait(0.2):
                handler.wfile.write(b"x")
                handler.wfile.flush()
        self.server = FakeServer(answer)


class Raw:
    """A member that answers a build with these bytes, as they are: a bad
    status line, too many headers, a cut chunk."""

    def __init__(self, data: bytes):
        def answer(handler):
            handler.wfile.write(data)
            handler.wfile.flush()
            handler.close_connection = True
        self.server = FakeServer(answer)


def client_leaves(connection: socket.socket, seconds: float) -> bool:
    """True when the client closes the connection within `seconds`."""
    readable, _, _ = select.select([connection], [], [], seconds)
    if not readable:
        return False
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


class Silent:
    """A member that accepts a request and never answers it."""

    def __init__(self):
        self.server = FakeServer(lambda handler: self.server.release.wait(60))


class Busy:
    """A member that is up but refuses work."""

    def __init__(self, status: int = 503):
        self.server = FakeServer(lambda handler: respond(handler, status, b"busy"))


class Front:
    """mybinder.org's front (federation-redirect's app.py): /active_hosts
    lists the members as JSON (`members`, or `body` as given, or a byte every
    0.2 s when `body` is 'trickle'), and /build/... answers 307 to
    `redirect_to`, or to a member when that is None. `members=None` is a
    hub without /active_hosts."""

    def __init__(self, members: dict[str, str] | None, redirect_to: str | None = None,
                 body: bytes | str | None = None):
        self.members, self.redirect_to, self.body = members, redirect_to, body
        self.server = FakeServer(self.answer)

    def answer(self, handler) -> None:
        if handler.path.endswith("/active_hosts") and self.body == "trickle":
            handler.send_response(200)
            handler.send_header("Content-Length", "1000000")
            handler.end_headers()
            while not self.server.release.wait(0.2):
                handler.wfile.write(b" ")
                handler.wfile.flush()
            return
        if handler.path.endswith("/active_hosts") and self.body is not None:
            return respond(handler, 200, self.body, "application/json")
        if handler.path.endswith("/active_hosts") and self.members is not None:
            hosts = {name: {"url": url, "weight": 1} for name, url in self.members.items()}
            return respond(handler, 200, json.dumps({"active_hosts": hosts}).encode(), "application/json")
        target = self.redirect_to or next(iter((self.members or {}).values()), None)
        if "/build/" in handler.path and target:
            return respond(handler, 307, headers={"Location": target + handler.path})
        return respond(handler, 404, b"Not Found")


class Jupyter:
    """A Jupyter server with a token. `rstudio` says what /rstudio/ does:
    'up', 'loop', '500', 'hang', 'not-rstudio', 'trickle' (a byte every 0.2 s),
    'elsewhere' (a redirect to another server). `starting` is how many /api/status
    requests answer 503 before the server is up."""

    def __init__(self, token: str, rstudio: str = "up", starting: int = 0):
        self.token, self.rstudio, self.starting = token, rstudio, starting
        self.server = FakeServer(self.answer)

    def answer(self, handler) -> None:
        if handler.headers.get("Authorization") != f"token {self.token}":
            return respond(handler, 403, b"Forbidden")
        path = handler.path
        if path == "/api/status":
            if self.starting > 0:
                self.starting -= 1
                return respond(handler, 503, b"starting")
            return respond(handler, 200, b'{"started": "now"}', "application/json")
        if path == "/rstudio":  # jupyter-server-proxy adds the slash
            return respond(handler, 302, headers={"Location": "/rstudio/"})
        if path == "/rstudio/":
            if self.rstudio == "loop":
                return respond(handler, 302, headers={"Location": "/rstudio/auth-sign-in"})
            if self.rstudio == "500":
                return respond(handler, 500, b"Internal Server Error: could not start rserver")
            if self.rstudio == "hang":  # rserver never answers the proxy
                self.server.release.wait(60)
                return
            if self.rstudio == "trickle":  # a byte at a time, never done
                handler.send_response(200)
                handler.send_header("Content-Length", "1000000")
                handler.end_headers()
                while not self.server.release.wait(0.2):
                    handler.wfile.write(b"x")
                    handler.wfile.flush()
                return
            if self.rstudio == "elsewhere":
                # with an escape that GitHub would read as a line end
                return respond(handler, 302, headers={"Location": "http://binder.invalid/rstudio/%0A::error::x"})
            if self.rstudio == "not-rstudio":
                return respond(handler, 200, b"<html><title>Jupyter Server</title></html>", "text/html")
            return respond(handler, 200, RSTUDIO_PAGE, "text/html")
        if path == "/rstudio/auth-sign-in":
            return respond(handler, 302, headers={"Location": "/rstudio/"})
        if path == "/shiny":  # jupyter-server-proxy adds the slash
            return respond(handler, 302, headers={"Location": "/shiny/"})
        if path in ("/lab", "/tree", "/shiny/"):
            return respond(handler, 200, b"<html>Jupyter</html>", "text/html")
        return respond(handler, 404, b"Not Found")
