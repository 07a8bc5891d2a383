"""Ask Binder to build a commit now, so the first reader who clicks the badge
finds the image ready.

    python3 .github/scripts/prewarm.py HUB OWNER/REPO REF [--seconds N]

mybinder.org is a federation of BinderHubs, each with its own image
registry, and a launch goes to one of them at random: warming one member
warms it alone. So this script asks the hub for its members
(HUB/active_hosts); a hub without that page (404) is its own only member.
Each member is asked in parallel to build MEMBER/build/gh/OWNER/REPO/REF, as
the Binder page does: an event stream (`Accept: text/event-stream`) of phases.
The script disconnects as soon as the build is under way or done: BinderHub
goes on building without a listener, and a client that stays is given a
running server it does not need.

Exit status 1 only when a member reports that the build failed. A member
that cannot be reached, is busy or is slow gets a warning and is left alone:
the reader's click will build there instead. In GitHub Actions, warnings and
errors are annotations, and a table of members goes to the job summary.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# Phases BinderHub sends (binderhub/builder.py). Once one of these arrives,
# the build is under way or done and the script can leave.
UNDER_WAY = {"building", "pushing", "built", "launching", "ready"}
# Longest server text printed in one annotation.
MESSAGE_LIMIT = 300


def fetch_members(hub, seconds):
    """The federation's member URLs, or [hub] for a single BinderHub."""
    try:
        with urllib.request.urlopen(hub + "/active_hosts", timeout=seconds) as response:
            hosts = json.loads(response.read(1_000_000))["active_hosts"]
        members = [host["url"].rstrip("/") for host in hosts.values()]
        return members or [hub]
    except urllib.error.HTTPError as err:
        if err.code == 404:
            return [hub]
        raise


def warm(member, path, seconds):
    """Ask one member to build; returns (outcome, last phase, message), where
    outcome is 'ok', 'failed' or 'warning'."""
    request = urllib.request.Request(member + path, headers={"Accept": "text/event-stream"})
    deadline = time.monotonic() + seconds
    phase = "none"
    try:
        # urllib follows the 307 a federation front sends to one member.
        with urllib.request.urlopen(request, timeout=seconds) as stream:
            for raw in stream:
                line = raw.decode("utf-8", "replace").strip()
                # ':keepalive' comments and blank separators carry no event.
                if line.startswith("data:"):
                    event = json.loads(line[len("data:"):])
                    phase = str(event.get("phase", phase))
                    if phase == "failed":
                        return "failed", phase, str(event.get("message", "")).strip()
                    if phase in UNDER_WAY:
                        return "ok", phase, ""
                if time.monotonic() > deadline:
                    return "warning", phase, f"still {phase} after {seconds} s; left it to go on"
        return "warning", phase, "the stream ended before the build started"
    except urllib.error.HTTPError as err:
        return "warning", phase, f"HTTP {err.code} {err.reason}"
    except (OSError, ValueError) as err:  # refused, timed out, reset, bad JSON
        return "warning", phase, f"{type(err).__name__}: {err}"


def annotate(level, member, message):
    message = " ".join(message.split())[:MESSAGE_LIMIT]
    print(f"::{level} title=Binder pre-warm::{member}: {message}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Ask every Binder member to build a commit.")
    parser.add_argument("hub", help="the BinderHub, e.g. https://mybinder.org")
    parser.add_argument("repository", help="the GitHub repository, OWNER/REPO")
    parser.add_argument("ref", help="a commit SHA, branch or tag")
    parser.add_argument("--seconds", type=float, default=120,
                        help="how long to wait for each member (default 120)")
    args = parser.parse_args(argv)

    hub = args.hub.rstrip("/")
    # BinderHub splits the spec on its first two '/', so a ref may keep its
    # own '/' but other special characters are percent-encoded.
    path = "/build/gh/{}/{}".format(args.repository, urllib.parse.quote(args.ref, safe="/"))
    try:
        members = fetch_members(hub, args.seconds)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        annotate("warning", hub, f"could not list its members ({err}); nothing was warmed")
        return 0

    rows, failed = [], False
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(members)) as pool:
        started = time.monotonic()
        futures = {pool.submit(warm, member, path, args.seconds): member for member in members}
        for future in concurrent.futures.as_completed(futures):
            member = futures[future]
            outcome, phase, message = future.result()
            seconds = time.monotonic() - started
            if outcome == "failed":
                failed = True
                annotate("error", member, f"the build failed: {message}")
            elif outcome == "warning":
                annotate("warning", member, message)
            else:
                print(f"{member}: {phase} after {seconds:.0f} s")
            rows.append((member, phase, seconds))

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("### Binder pre-warm\n\n| member | last phase | seconds |\n|---|---|---|\n")
            for member, phase, seconds in sorted(rows):
                out.write(f"| {member} | {phase} | {seconds:.0f} |\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
