"""ui=shiny end to end, on this machine: a real Jupyter server with
jupyter-server-proxy (from PyPI, pinned in requirements-dev.txt), on
127.0.0.1 with a token, configured by the generated register_shiny_app.py,
starts the generated app with Debian's R and shiny (r-cran-shiny)."""

from __future__ import annotations

import base64
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from binder_template import launch
from tests.conftest import REQUIRE_R_VARIABLE

pytestmark = pytest.mark.xdist_group("shiny")  # one R process tree at a time
TOKEN = "shiny-test-token"


@pytest.fixture(scope="module")
def r_with_shiny():
    found = shutil.which("Rscript") and subprocess.run(
        ["Rscript", "-e", "library(shiny)"], capture_output=True).returncode == 0
    if not found:
        message = "R with shiny not found: apt-get install r-cran-shiny"
        if os.environ.get(REQUIRE_R_VARIABLE):
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class JupyterServer:
    """`jupyter server` with only the configuration folder it is given."""

    def __init__(self, home: Path, config_dir: Path, root: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "HOME": str(home),
            "LANG": "C.UTF-8", "JUPYTER_CONFIG_PATH": str(config_dir),
            "JUPYTER_CONFIG_DIR": str(home / ".jupyter"), "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "JUPYTER_PLATFORM_DIRS": "1",
        }
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("jupyter")), "server", "--no-browser", "--debug",
             f"--IdentityProvider.token={TOKEN}", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
             "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
             *(["--allow-root"] if os.geteuid() == 0 else [])],  # CI runs as root
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=root)
        self.log: list[str] = []
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.log.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def wait_until_serving(self):
        """Until the server's own log says it listens, without polling.

        "is running at" is logged before the socket is bound: jupyter-server
        binds in an io_loop callback (ServerApp.init_httpserver), and starts
        its extensions in the next one (ServerApp.start_ioloop's _post_start),
        which logs at debug level, so that line comes after the bind."""
        while True:
            line = self.lines.get(timeout=60)
            if line is None:
                pytest.fail("jupyter server exited:\n" + "".join(self.log))
            if "jupyter_server_proxy | extension was successfully started" in line:
                return

    def get(self, path: str, timeout: float = 90):
        request = urllib.request.Request(self.url + path, headers={"Authorization": f"token {TOKEN}"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()
        except urllib.error.URLError as err:
            pytest.fail(f"{path}: {err}; the server's log:\n" + "".join(self.log)[-3000:])

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def shiny_project(cookies):
    result = cookies.bake(extra_context={"online_checks": False, "ui": "shiny", "repo_name": "shiny-demo"})
    assert result.exit_code == 0, result.exception
    return result.project_path


def serve(tmp_path: Path, project: Path, app_dir: Path, proxy_timeout: int | None = None) -> JupyterServer:
    config_dir = tmp_path / "venv-etc-jupyter"
    # Something else the image's Jupyter environment may already say: kept.
    config_dir.mkdir()
    (config_dir / "jupyter_server_config.json").write_text(json.dumps({"ServerApp": {"iopub_msg_rate_limit": 5000}}))
    registered = subprocess.run([sys.executable, str(project / "register_shiny_app.py"), str(config_dir),
                                 str(app_dir)], capture_output=True, text=True)
    assert registered.returncode == 0, registered.stderr
    config = json.loads((config_dir / "jupyter_server_config.json").read_text())
    assert config["ServerApp"] == {"iopub_msg_rate_limit": 5000}
    assert config["ServerProxy"]["servers"]["shiny"]["launcher_entry"]["title"] == "Shiny"
    if proxy_timeout:
        config["ServerProxy"]["servers"]["shiny"]["timeout"] = proxy_timeout
        (config_dir / "jupyter_server_config.json").write_text(json.dumps(config))
    home = tmp_path / "home"
    home.mkdir()
    server = JupyterServer(home, config_dir, project)
    server.wait_until_serving()
    return server


def websocket_upgrade(server: JupyterServer, path: str) -> str:
    """The status line of a websocket handshake through the proxy."""
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
        sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Authorization: token {TOKEN}\r\n\r\n").encode())
        return sock.recv(4096).decode("latin-1").split("\r\n", 1)[0]


@pytest.mark.parametrize("folder", ["app", "teaching apps/week {1}"], ids=["app", "nested-with-spaces"])
def test_the_app_opens_through_the_jupyter_proxy(r_with_shiny, shiny_project, tmp_path, folder):
    app_dir = shiny_project / folder
    if folder != "app":
        app_dir.parent.mkdir(parents=True)
        (shiny_project / "app").rename(app_dir)
    server = serve(tmp_path, shiny_project, app_dir)
    try:
        status, _, page = server.get("/shiny/")
        assert status == 200, "".join(server.log)[-3000:]
        assert b"Fuel economy and weight" in page
        # The app's own JavaScript, through the proxy.
        scripts = re.findall(rb'<script[^>]+src="([^"]+shiny[^"]*\.js)"', page)
        assert scripts, page[:2000]
        status, headers, body = server.get("/shiny/" + scripts[0].decode())
        assert status == 200 and "javascript" in headers.get("Content-Type", "") and len(body) > 1000
        # Shiny's websocket endpoint, through the proxy.
        assert websocket_upgrade(server, "/shiny/websocket/") == "HTTP/1.1 101 Switching Protocols"
        # What JupyterLab's launcher reads (jupyter_server_proxy/api.py).
        status, _, body = server.get("/server-proxy/servers-info")
        [entry] = [e for e in json.loads(body)["server_processes"] if e["name"] == "shiny"]
        assert entry["launcher_entry"]["title"] == "Shiny" and entry["launcher_entry"]["enabled"]
    finally:
        server.stop()


def test_an_app_that_fails_gives_the_r_error_in_the_log(r_with_shiny, shiny_project, tmp_path):
    (shiny_project / "app" / "app.R").write_text('stop("this app is broken on purpose")\n')
    # The proxy waits for the app's port until its timeout, 60 s as
    # generated; 5 s here, so that the test does not wait a minute.
    server = serve(tmp_path, shiny_project, shiny_project / "app", proxy_timeout=5)
    try:
        status, _, _ = server.get("/shiny/")
    finally:
        server.stop()
    assert status != 200
    assert "this app is broken on purpose" in "".join(server.log)


@pytest.mark.parametrize("branch", ["main", "feature/new-plot", "gh-pages", "release+1!", "fix#12/x", "dé/jà"])
def test_the_shiny_urlpath_survives_binderhubs_parsing(branch):
    """BinderHub splits the spec on its first two '/' and URL-decodes the
    rest; urlpath is a query argument (binderhub/builder.py)."""
    url = launch.launch_url("https://hub.example.org/prefix/", "octo-cat", "my-repo", branch, "shiny")
    parts = urllib.parse.urlsplit(url)
    spec = urllib.parse.unquote(parts.path.split("/v2/gh/", 1)[1])
    assert spec.split("/", 2) == ["octo-cat", "my-repo", branch]
    assert urllib.parse.parse_qs(parts.query) == {"urlpath": ["shiny/"]}
