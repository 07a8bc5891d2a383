"""Online checks: do the GitHub user, repository and branch exist, and which
digest does the chosen rocker/binder tag point at?

Only an answer that is certainly wrong stops generation (a GitHub user that
does not exist, an image tag Docker Hub does not have). Every kind of network
trouble becomes one warning line, and the whole step ends by a deadline even
against a server that accepts a connection and never answers.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

from binder_template.answers import normalise_zenodo_doi
from binder_template.github import new_repository_url
from binder_template.versions import version_distance

# requests is imported on first use: on a machine without network the host
# names do not resolve, and importing requests would then cost more than the
# rest of the hook.

DEADLINE_VARIABLE = "BINDER_TEMPLATE_ONLINE_DEADLINE"
DEFAULT_DEADLINE = 3.0
GITHUB_VARIABLE = "GITHUB_API_URL"
DOCKER_HUB_VARIABLE = "DOCKER_HUB_API_URL"
DEFAULT_GITHUB_API = "https://api.github.com"
DEFAULT_DOCKER_HUB_API = "https://hub.docker.com"
ZENODO_VARIABLE = "ZENODO_API_URL"
DEFAULT_ZENODO_API = "https://zenodo.org"
IMAGE = "rocker/binder"
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
# The largest answer read, before and after decompression. GitHub's and
# Docker Hub's answers here are a few KB; Docker Hub's list of 100 tags is
# the largest, at about 200 KB.
MAX_BODY = 512 * 1024
SKIP_HINT = "answer online_checks=false to skip this check"


@dataclass(frozen=True)
class Finding:
    level: str  # "error" stops generation; "warning" and "note" do not.
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.message}"


@dataclass
class OnlineReport:
    findings: list[Finding] = field(default_factory=list)
    digest: str | None = None
    repo_missing: bool = False
    repo_checked: bool = False  # whether GitHub answered about the repository
    requests: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return any(f.level == "error" for f in self.findings)


class Trouble(Exception):
    """The service could not give an answer we can trust; never fatal."""


def github_token(environ) -> str | None:
    return environ.get("GH_TOKEN") or environ.get("GITHUB_TOKEN") or None


def read_deadline(environ) -> float:
    try:
        value = float(environ.get(DEADLINE_VARIABLE, DEFAULT_DEADLINE))
    except ValueError:
        return DEFAULT_DEADLINE
    # Also refuses nan and inf, which a thread join cannot wait for.
    return value if 0 < value <= 600 else DEFAULT_DEADLINE


class HttpReply:
    """An HTTP answer with its body read, bounded and decompressed."""

    __slots__ = ("body", "headers", "status_code")

    def __init__(self, status_code: int, headers, body: bytes):
        self.status_code, self.headers, self.body = status_code, headers, body


def read_body(service: str, response) -> bytes:
    """At most MAX_BODY bytes, compressed or not: a small gzip that inflates
    to gigabytes (a decompression bomb) is refused after MAX_BODY of it."""
    too_large = f"{service} sent an answer larger than {MAX_BODY // 1024} KB"
    raw = response.raw.read(MAX_BODY + 1, decode_content=False)
    if len(raw) > MAX_BODY:
        raise Trouble(too_large)
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise Trouble(f"{service} sent an answer in an encoding not asked for")
    # 47: zlib or gzip, by the header. Raw deflate (no header) is the other
    # form servers send as "deflate".
    for wbits in (47, -zlib.MAX_WBITS):
        inflater = zlib.decompressobj(wbits)
        try:
            body = inflater.decompress(raw, MAX_BODY + 1)
        except zlib.error:
            continue
        if len(body) > MAX_BODY or inflater.unconsumed_tail:
            raise Trouble(too_large)
        return body
    raise Trouble(f"{service} sent an answer that does not decompress")


class Client:
    """GET requests to one service, each bounded by the shared deadline."""

    def __init__(self, service: str, base_url: str, deadline: float, token: str | None = None):
        self.service = service
        self.base_url = base_url.rstrip("/")
        self.deadline = deadline
        self.deadline_at = time.monotonic() + deadline
        self.count = 0
        self.token = token
        self.session = None

    def connect(self) -> None:
        """Resolve the host first: when that fails there is no network to ask."""
        host = urlsplit(self.base_url).hostname or ""
        try:
            socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except OSError:
            raise Trouble(f"could not reach {self.service} (no address for {host})") from None
        import requests

        self.session = requests.Session()
        self.session.headers["User-Agent"] = "rocker-binder-template"
        # Only what read_body can bound as it decompresses.
        self.session.headers["Accept-Encoding"] = "gzip, deflate"
        if self.token:
            self.session.headers["Authorization"] = f"Bearer {self.token}"

    def get(self, path: str) -> HttpReply:
        if self.session is None:
            self.connect()
        import requests

        remaining = self.deadline_at - time.monotonic()
        if remaining <= 0:
            raise Trouble(self.too_slow())
        self.count += 1
        try:
            with self.session.get(self.base_url + path, timeout=(remaining, remaining),
                                  allow_redirects=False, stream=True) as streamed:
                response = HttpReply(streamed.status_code, streamed.headers, read_body(self.service, streamed))
        except requests.Timeout:
            raise Trouble(self.too_slow()) from None
        except (requests.RequestException, OSError) as err:
            raise Trouble(f"could not reach {self.service} ({type(err).__name__})") from None
        if is_rate_limited(response):
            raise Trouble(rate_limit_message(self.service, response, self.token is not None))
        if response.status_code >= 500:
            raise Trouble(f"{self.service} answered HTTP {response.status_code}")
        if response.status_code not in (200, 301, 302, 307, 308, 404):
            raise Trouble(f"{self.service} answered HTTP {response.status_code}")
        return response

    def too_slow(self) -> str:
        return f"{self.service} did not answer within {self.deadline:g} s"

    def json(self, response: HttpReply) -> dict:
        try:
            data = json.loads(response.body)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise Trouble(f"{self.service} sent an answer that is not the JSON expected")
        return data


def is_rate_limited(response: HttpReply) -> bool:
    if response.status_code == 429:
        return True
    return response.status_code == 403 and response.headers.get("x-ratelimit-remaining") == "0"


def rate_limit_message(service: str, response: HttpReply, has_token: bool = False) -> str:
    # Server text: only plausible numbers are used, and only as numbers.
    reset = response.headers.get("x-ratelimit-reset", "")
    retry = response.headers.get("retry-after", "")
    when = ""
    if reset.isdigit() and len(reset) <= 11:
        at = datetime.fromtimestamp(int(reset), tz=UTC)
        minutes = max(0, round((at - datetime.now(tz=UTC)).total_seconds() / 60))
        when = f"; it resets at {at:%H:%M} UTC, in about {minutes} min"
    elif retry.isdigit() and len(retry) <= 6:
        when = f"; retry after {int(retry)} s"
    hint = "; set GH_TOKEN to raise the limit" if service == "GitHub" and not has_token else ""
    return f"{service} rate limit reached{when}{hint}"


def moved_to(response: HttpReply) -> str:
    return printable(response.headers.get("Location", "another location"))


def printable(text: str, limit: int = 200) -> str:
    """Server text made safe for a terminal: no escape sequences, bounded."""
    text = "".join(c if c.isprintable() else "?" for c in str(text))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_github(client: Client, user: str, repo: str, branch: str) -> tuple[list[Finding], bool]:
    """Findings and whether the repository is missing.

    The branch endpoint answers for user, repository and branch at once, so
    the common case, where all exist, costs one request. Only a 404 there
    leads to asking which of the three is missing.
    """
    slug = f"{user}/{repo}"
    response = client.get(f"/repos/{slug}/branches/{quote(branch, safe='')}")
    if response.status_code == 200:
        client.json(response)
        return [], False
    if response.status_code != 404:
        return [Finding("warning", f"github.com/{slug} has moved to {moved_to(response)}; "
                        "update github_user and repo_name to match")], False

    response = client.get(f"/repos/{slug}")
    if response.status_code == 200:
        data = client.json(response)
        findings = [Finding(
            "warning",
            f"branch {branch!r} is not on github.com/{slug} yet (its default branch is "
            f"{printable(data.get('default_branch', '?'))!r}); the badge works once you push {branch!r}",
        )]
        if data.get("archived"):
            findings.append(Finding("warning", f"github.com/{slug} is archived: it is read-only "
                                    "until you unarchive it in its settings"))
        return findings, False
    if response.status_code != 404:
        return [Finding("warning", f"github.com/{slug} has moved to {moved_to(response)}; "
                        "update github_user and repo_name to match")], False

    response = client.get(f"/users/{user}")
    if response.status_code == 200:
        client.json(response)
        return [Finding("note", f"github.com/{slug} does not exist yet; create it (public, "
                        f"for Binder) at {new_repository_url(user, repo)}")], True
    if response.status_code == 404:
        return [Finding("error", f"github_user = {user!r}: GitHub has no user or organisation "
                        "of that name, so the badge could never work; check the spelling, "
                        f"or {SKIP_HINT}")], True
    return [Finding("warning", f"GitHub user {user!r} has moved to {moved_to(response)}")], False


def check_docker_hub(client: Client, tag: str, choices: list[str]) -> tuple[list[Finding], str | None]:
    """Findings and the tag's digest, when Docker Hub gives a valid one."""
    base = f"/v2/namespaces/{IMAGE.replace('/', '/repositories/')}/tags"
    response = client.get(f"{base}/{quote(tag, safe='')}")
    if response.status_code == 200:
        digest = client.json(response).get("digest")
        if isinstance(digest, str) and _DIGEST.fullmatch(digest):
            return [], digest
        raise Trouble("Docker Hub sent no valid digest for the tag")
    if response.status_code != 404:
        raise Trouble(f"Docker Hub answered HTTP {response.status_code}")
    return [Finding("error", f"r_version = {tag!r}: {IMAGE}:{tag} is not on Docker Hub; "
                    f"{nearest_hint(client, base, tag, choices)}, or {SKIP_HINT}")], None


def check_zenodo(client: Client, doi: str) -> list[Finding]:
    """Zenodo's record for the DOI: GET /api/records/NUMBER. A missing one is
    a warning, not a refusal: a DOI reserved on Zenodo's upload form resolves
    only once the record is published, and since Zenodo moved to InvenioRDM
    (October 2023) the number of a DOI "of all versions" answers 404 there
    (zenodo/zenodo issue 2499) while doi.org still resolves it."""
    number = doi.rsplit(".", 1)[1]
    response = client.get(f"/api/records/{number}")
    if response.status_code == 200:
        client.json(response)  # a page that is not Zenodo's JSON is trouble, not a record
    if response.status_code != 404:
        return []
    return [Finding("warning", f"zenodo_doi = {doi!r}: Zenodo has no published record {number}; a DOI "
                    "reserved before publishing, or the DOI of all versions, is not found this way, so "
                    "check the number on the record's page")]


def nearest_hint(client: Client, base: str, tag: str, choices: list[str]) -> str:
    try:
        data = client.json(client.get(f"{base}?page_size=100"))
        listed = {r.get("name") for r in data.get("results", []) if isinstance(r, dict)}
    except Trouble:
        listed = None
    candidates = [c for c in choices if c != tag and (listed is None or c in listed)]
    nearest = sorted(candidates, key=lambda c: version_distance(c, tag))[:3]
    if not nearest:
        return "choose another r_version"
    exist = "nearest choices" if listed is None else "nearest existing choices"
    return f"{exist}: {', '.join(nearest)}"


def run_online_checks(answers: dict, choices: list[str], environ=None, warn=None) -> OnlineReport:
    """Ask GitHub and Docker Hub at once, and give up on both at the deadline.
    `warn` is told at once of what the user should know before anything is sent."""
    environ = os.environ if environ is None else environ
    deadline = read_deadline(environ)
    github = Client("GitHub", environ.get(GITHUB_VARIABLE) or DEFAULT_GITHUB_API,
                    deadline, github_token(environ))
    if github.token and urlsplit(github.base_url).scheme != "https" and warn:
        warn(Finding("warning", f"{GITHUB_VARIABLE} is {printable(github.base_url)}, not https: "
                     "the GitHub token from GH_TOKEN or GITHUB_TOKEN is sent to it unencrypted"))
    docker_hub = Client("Docker Hub", environ.get(DOCKER_HUB_VARIABLE) or DEFAULT_DOCKER_HUB_API,
                        deadline)
    deadline_at = github.deadline_at
    tag = answers["r_version"]
    results: dict[str, tuple] = {}
    lock = threading.Lock()

    def run(name, check, *args):
        try:
            outcome = check(*args)
        except Trouble as trouble:
            outcome = trouble
        except Exception as err:  # noqa: BLE001 (a bug or surprise must not stop generation)
            outcome = Trouble(f"the {name} check failed unexpectedly ({type(err).__name__})")
        with lock:
            results.setdefault(name, outcome)

    threads = [
        threading.Thread(target=run, daemon=True, args=(
            "GitHub", check_github, github, answers["github_user"], answers["repo_name"], answers["branch"])),
        threading.Thread(target=run, daemon=True, args=(
            "Docker Hub", check_docker_hub, docker_hub, tag, choices)),
    ]
    # Zenodo is asked only for a DOI given.
    doi = normalise_zenodo_doi(str(answers.get("zenodo_doi", "")))
    zenodo = Client("Zenodo", environ.get(ZENODO_VARIABLE) or DEFAULT_ZENODO_API, deadline)
    if doi:
        threads.append(threading.Thread(target=run, daemon=True, args=("Zenodo", check_zenodo, zenodo, doi)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline_at - time.monotonic()))
    with lock:
        # A check still running now is abandoned; its late answer is ignored.
        for name in ("GitHub", "Docker Hub", "Zenodo") if doi else ("GitHub", "Docker Hub"):
            results.setdefault(name, Trouble(f"{name} did not answer within {deadline:g} s"))
        snapshot = dict(results)

    report = OnlineReport(requests={"GitHub": github.count, "Docker Hub": docker_hub.count})
    if doi:
        report.requests["Zenodo"] = zenodo.count
    outcome = snapshot["GitHub"]
    if isinstance(outcome, Trouble):
        report.findings.append(Finding("warning", f"{outcome}; skipped the GitHub check"))
    else:
        findings, report.repo_missing = outcome
        report.repo_checked = True
        report.findings.extend(findings)
    outcome = snapshot["Docker Hub"]
    if isinstance(outcome, Trouble):
        report.findings.append(unpinned_warning(tag, str(outcome)))
    else:
        findings, report.digest = outcome
        report.findings.extend(findings)
    outcome = snapshot.get("Zenodo", [])
    if isinstance(outcome, Trouble):
        report.findings.append(Finding("warning", f"{outcome}; skipped the Zenodo check"))
    else:
        report.findings.extend(outcome)
    return report


def unpinned_warning(tag: str, reason: str) -> Finding:
    return Finding("warning", f"{reason}; the Dockerfile keeps the bare tag {IMAGE}:{tag}, "
                   "not pinned to a digest (Dependabot or a later run can pin it)")
