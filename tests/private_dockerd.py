"""A Docker daemon of the tests' own, that can reach no network.

    python -m tests.private_dockerd start DIR   # prints the DOCKER_HOST to use
    python -m tests.private_dockerd stop DIR

The machine's dockerd (Debian's docker.io here, Docker's docker-ce on a
GitHub runner) is started with its own socket, data root and exec root under
DIR, no bridge, and no iptables or forwarding rules:
containers and builds get only the `none` and `host` networks, and every
build and run in the tests asks for `--network=none`. Nothing it writes
outside DIR survives `stop`, which also removes DIR.

Readiness is the daemon's own word: dockerd sends READY=1 to $NOTIFY_SOCKET
when its API is up (the systemd protocol), so nothing polls or sleeps.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

# Debian installs dockerd in /usr/sbin, docker-ce in /usr/bin.
DOCKERD = shutil.which("dockerd", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
# The engine's own client: Debian's 20.10 builds with BuildKit when
# DOCKER_BUILDKIT=1 with no buildx plugin; docker-ce's comes with buildx. (A
# newer client elsewhere on PATH, without buildx, could not build.)
DOCKER = "/usr/bin/docker"
# A containerd namespace of its own: on a machine whose containerd already
# runs (a GitHub runner), dockerd uses that containerd rather than starting one.
CONTAINERD_NAMESPACE = "rocker-binder-template-tests"
START_TIMEOUT = 60
STOP_TIMEOUT = 60


class DaemonError(RuntimeError):
    pass


def daemon_args(state: Path) -> list[str]:
    return [
        DOCKERD,
        # No network bridge, no NAT, no forwarding: the daemon touches no host
        # network settings, and containers have only loopback.
        "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip-forward=false",
        "--ip-masq=false", "--userland-proxy=false",
        f"--host=unix://{state / 'docker.sock'}",
        f"--data-root={state / 'data'}",
        f"--exec-root={state / 'exec'}",
        f"--pidfile={state / 'dockerd.pid'}",
        f"--containerd-namespace={CONTAINERD_NAMESPACE}",
        f"--containerd-plugins-namespace={CONTAINERD_NAMESPACE}-plugins",
        # A config of our own, so /etc/docker/daemon.json cannot add
        # registries, mirrors or a different network.
        f"--config-file={state / 'daemon.json'}",
    ]


def docker_host(state: Path) -> str:
    return f"unix://{state / 'docker.sock'}"


def start(state: Path) -> tuple[subprocess.Popen, str]:
    """Start dockerd and return once it says it is ready."""
    if DOCKERD is None:
        raise DaemonError("dockerd not found: apt-get install docker.io")
    if os.geteuid() != 0:
        raise DaemonError("a private dockerd needs root")
    state.mkdir(parents=True, exist_ok=True)
    # BuildKit's cache stays for the whole run: the tests check which steps
    # a rebuild takes from it, and a collection in between would remove them.
    # Images stay in the data root, as in Debian's 20.10, also under a Docker
    # that would keep a new data root's images in containerd (29 and later).
    (state / "daemon.json").write_text(json.dumps({
        "builder": {"gc": {"enabled": False}},
        "features": {"containerd-snapshotter": False},
    }))
    notify_path = state / "notify.sock"
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(notify_path))
    log = open(state / "dockerd.log", "ab")  # noqa: SIM115 (dockerd writes to it; closed once started)
    env = {**os.environ, "NOTIFY_SOCKET": str(notify_path)}
    process = subprocess.Popen(daemon_args(state), stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT, env=env, start_new_session=True)
    log.close()
    exited = os.pidfd_open(process.pid)
    try:
        while True:
            ready, _, _ = select.select([notify, exited], [], [], START_TIMEOUT)
            if not ready:
                stop_process(process.pid)
                raise DaemonError(f"dockerd did not get ready in {START_TIMEOUT} s; see {state}/dockerd.log")
            if exited in ready:
                raise DaemonError(f"dockerd exited at start: {tail(state / 'dockerd.log')}")
            if b"READY=1" in notify.recv(4096).split(b"\n"):
                break
    finally:
        os.close(exited)
        notify.close()
        notify_path.unlink()
    return process, docker_host(state)


def stop_process(pid: int) -> None:
    """SIGTERM, then SIGKILL if it has not exited in time; waits either way."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    try:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            if select.select([pidfd], [], [], STOP_TIMEOUT)[0]:
                break
    finally:
        os.close(pidfd)
    try:
        os.waitpid(pid, os.WNOHANG)  # reap it when it is our child
    except ChildProcessError:
        pass


def stop(state: Path) -> None:
    """Stop the daemon started in `state` and remove everything it wrote."""
    pidfile = state / "dockerd.pid"
    if pidfile.exists():
        stop_process(int(pidfile.read_text().strip()))
    # dockerd unmounts its layers on a clean exit; anything still mounted
    # below state (after a SIGKILL) is unmounted before the folder goes.
    mounts = [line.split()[4] for line in Path("/proc/self/mountinfo").read_text().splitlines()]
    for mount in sorted((m for m in mounts if m.startswith(str(state) + "/")), reverse=True):
        subprocess.run(["umount", "--lazy", mount], check=False)
    shutil.rmtree(state, ignore_errors=True)


def tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    state = Path(argv[1]).resolve()
    if argv[0] == "start":
        try:
            _, host = start(state)
        except DaemonError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        print(host)
    else:
        stop(state)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
