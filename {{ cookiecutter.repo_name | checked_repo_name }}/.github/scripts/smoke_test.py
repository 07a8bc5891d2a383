"""Check that a running Binder image opens RStudio, as a reader's click would.

    python3 .github/scripts/smoke_test.py URL TOKEN [--ui PATH] [--seconds N]

URL is the image's Jupyter server (Binder starts it on port 8888) and TOKEN
its token. The script waits for the server, with a bounded retry, then asks
for /rstudio/ through the server's proxy and requires RStudio's own page,
then asks for the badge's interface (--ui: lab, tree, ...). A 5xx, a
redirect loop or a timeout fails with one line that says what failed.
Python 3 standard library only.
"""

import argparse
import http.client
import sys
import time
import urllib.parse

# RStudio's page loads its GWT bootstrap by this name (rstudio/rstudio's
# src/gwt/www/index.htm); a proxy error or sign-in page does not.
RSTUDIO_MARK = b"rstudio.nocache.js"
MAX_REDIRECTS = 10


class SmokeFailure(Exception):
    pass


def get(base, path, token, seconds):
    """GET base+path with the token, following redirects on the same server.
    Returns (status, final path, body); raises SmokeFailure on a loop."""
    parts = urllib.parse.urlsplit(base)
    prefix = parts.path.rstrip("/")
    seen = []
    for _ in range(MAX_REDIRECTS):
        connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=seconds)
        try:
            connection.request("GET", prefix + path, headers={"Authorization": "token " + token})
            response = connection.getresponse()
            body = response.read(2_000_000)
        finally:
            connection.close()
        if response.status not in (301, 302, 303, 307, 308):
            return response.status, path, body
        seen.append(path)
        location = urllib.parse.urlsplit(urllib.parse.urljoin(prefix + path, response.getheader("Location", "")))
        path = location.path[len(prefix):] + ("?" + location.query if location.query else "")
        if path in seen:
            raise SmokeFailure(f"{seen[0]}: redirect loop: {' -> '.join(seen + [path])}")
    raise SmokeFailure(f"{seen[0]}: more than {MAX_REDIRECTS} redirects")


def wait_for_server(base, token, seconds):
    """Poll /api/status until the Jupyter server answers 200 or time is up."""
    deadline = time.monotonic() + seconds
    last = "no answer"
    while True:
        try:
            status, _, _ = get(base, "/api/status", token, max(1.0, min(10.0, seconds)))
            if status == 200:
                return
            last = f"HTTP {status}"
        except (OSError, http.client.HTTPException) as err:
            last = f"{type(err).__name__}: {err}"
        if time.monotonic() >= deadline:
            raise SmokeFailure(f"the Jupyter server did not start within {seconds:.0f} s ({last})")
        time.sleep(min(2.0, max(0.0, deadline - time.monotonic())))


def check(base, path, token, seconds, mark=None):
    try:
        status, final, body = get(base, path, token, seconds)
    except (OSError, http.client.HTTPException) as err:
        raise SmokeFailure(f"{path}: no answer within {seconds:.0f} s ({type(err).__name__})") from None
    if status != 200:
        raise SmokeFailure(f"{path}: HTTP {status} (ended at {final})")
    if mark and mark not in body:
        raise SmokeFailure(f"{path}: HTTP 200 at {final}, but not RStudio's page")
    print(f"ok: {path} -> {final}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check that a Binder image opens RStudio.")
    parser.add_argument("url", help="the image's Jupyter server, e.g. http://127.0.0.1:8888")
    parser.add_argument("token", help="the server's token")
    parser.add_argument("--ui", default="rstudio", help="the badge's urlpath (rstudio, lab, tree)")
    parser.add_argument("--seconds", type=float, default=120,
                        help="how long to wait for the server, and for each page (default 120)")
    args = parser.parse_args(argv)
    base = args.url.rstrip("/")
    try:
        wait_for_server(base, args.token, args.seconds)
        check(base, "/rstudio/", args.token, args.seconds, RSTUDIO_MARK)
        if args.ui.strip("/") != "rstudio":
            check(base, "/" + args.ui.strip("/"), args.token, args.seconds)
    except SmokeFailure as failure:
        print(f"::error title=Binder smoke test::{failure}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
