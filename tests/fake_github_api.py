"""A stand-in, on 127.0.0.1, for the part of GitHub's REST API the generated
keep-warm workflow calls, for one repository, with the rules it relies on:

- `PUT /repos/{owner}/{repo}/actions/workflows/{file}/enable` answers 204
  (GitHub's REST docs, "Enable a workflow"; the workflow may be named by its
  file). With a GITHUB_TOKEN lacking `actions: write` it answers 403
  "Resource not accessible by integration", as GitHub does for a token
  without the permission.
- Scheduled workflows of a public repository are turned off after 60 days
  without activity (GitHub's docs, "Disabling and enabling a workflow").
  Enabling a workflow through the API counts for that workflow alone (what
  keep-alive action users report: gautamkrishnar/keepalive-workflow release
  2.0.1 and its issue 34, conda-forge/docker-images pull request 265).
  `advance(days)` moves the clock and applies the rule.
- `GET /repos/{owner}/{repo}/issues` lists open issues and pull requests,
  newest first, `per_page` (at most 100) a `page` (a pull request carries a
  `pull_request` key); `POST .../issues` and
  `POST .../issues/{n}/comments` need `issues: write` and answer 201. An
  issue made with GITHUB_TOKEN is by `github-actions[bot]`.
- Pull requests: `GET .../pulls?state=open&head=OWNER:BRANCH`, `POST
  .../pulls` (422 when one from that head is open already) and `PATCH
  .../pulls/{n}`, with `pull-requests: write`. GITHUB_TOKEN may open one
  only where the repository allows it (Settings, Actions, "Allow GitHub
  Actions to create and approve pull requests", off by default): else 403
  "GitHub Actions is not permitted to create or approve pull requests."
- `user_token`, when set, is a person's token that may do all of it.
- `POST .../actions/workflows/{file}/dispatches` with `{"ref": ...}`
  answers 204, with `actions: write` ("Create a workflow dispatch event");
  `dispatches` records each.
"""

from __future__ import annotations

import json
import re
import threading

from tests.fake_binder import FakeServer, respond

BOT = "github-actions[bot]"
NO_PERMISSION = {"message": "Resource not accessible by integration",
                 "documentation_url": "https://docs.github.com/rest"}


class FakeGitHubAPI:
    def __init__(self, repository: str, token: str, permissions: dict[str, str]):
        self.repository, self.token, self.permissions = repository, token, permissions
        self.day = 0
        self.last_commit_day = 0
        self.workflows = {"keep-binder-warm.yml": {"state": "active", "enabled_day": 0}}
        self.issues: list[dict] = []
        self.issues_enabled = True
        self.user_token: str | None = None
        self.actions_may_open_pulls = True
        self.pulls: list[dict] = []
        self.dispatches: list[tuple[str, str]] = []  # (workflow file, ref)
        self.requests: list[tuple[str, str, str]] = []  # method, path, body
        self.lock = threading.Lock()
        self.server = FakeServer(self.handle)
        self.url = self.server.url

    def __enter__(self):
        self.server.__enter__()
        return self

    def __exit__(self, *exc):
        self.server.__exit__(*exc)

    def handle(self, handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length).decode() if length else ""
        with self.lock:
            self.requests.append((handler.command, handler.path, body))
            status, answer = self.answer(handler.command, handler.path, handler.headers, body)
        respond(handler, status, b"" if answer is None else json.dumps(answer).encode(),
                "application/json; charset=utf-8")

    # --- the clock and the 60-day rule ---------------------------------------

    def advance(self, days: int) -> None:
        self.day += days
        for workflow in self.workflows.values():
            active_since = max(self.last_commit_day, workflow["enabled_day"])
            if workflow["state"] == "active" and self.day - active_since >= 60:
                workflow["state"] = "disabled_inactivity"

    def add_issue(self, title: str, user: str = BOT, pull_request: bool = False, state: str = "open") -> dict:
        issue = {"number": len(self.issues) + 1, "title": title, "state": state, "user": {"login": user},
                 "body": "", "comments": []}
        if pull_request:
            issue["pull_request"] = {"url": f"{self.url}/repos/{self.repository}/pulls/{issue['number']}"}
        self.issues.append(issue)
        return issue

    # --- the API --------------------------------------------------------------

    def allowed(self, headers, permission: str) -> bool:
        if self.user_token and headers.get("Authorization") == f"Bearer {self.user_token}":
            return True
        return headers.get("Authorization") == f"Bearer {self.token}" and self.permissions.get(permission) == "write"

    def by_actions(self, headers) -> bool:
        return headers.get("Authorization") == f"Bearer {self.token}"

    def answer(self, method: str, path: str, headers, body: str) -> tuple[int, dict | list | None]:
        base = f"/repos/{self.repository}"
        if headers.get("Authorization") not in (None, f"Bearer {self.token}", f"Bearer {self.user_token}"):
            return 401, {"message": "Bad credentials"}
        enable = re.fullmatch(re.escape(base) + r"/actions/workflows/([^/]+)/enable", path)
        if method == "PUT" and enable:
            workflow = self.workflows.get(enable.group(1))
            if workflow is None:
                return 404, {"message": "Not Found"}
            if not self.allowed(headers, "actions"):
                return 403, NO_PERMISSION
            workflow.update(state="active", enabled_day=self.day)
            return 204, None
        answer = self.answer_pulls(method, path, headers, body, base)
        if answer is not None:
            return answer
        if method == "GET" and path.split("?")[0] == f"{base}/issues":
            query = dict(part.split("=", 1) for part in path.partition("?")[2].split("&") if "=" in part)
            state = query.get("state", "open")
            listed = [issue for issue in reversed(self.issues) if state == "all" or issue["state"] == state]
            per_page, page = min(int(query.get("per_page", 30)), 100), int(query.get("page", 1))
            return 200, listed[(page - 1) * per_page: page * per_page]
        if method == "POST" and not self.issues_enabled:
            return 410, {"message": "Issues are disabled for this repo"}
        if method == "POST" and path == f"{base}/issues":
            if not self.allowed(headers, "issues"):
                return 403, NO_PERMISSION
            data = json.loads(body)
            issue = self.add_issue(data["title"])
            issue["body"] = data.get("body", "")
            return 201, issue
        comment = re.fullmatch(re.escape(base) + r"/issues/(\d+)/comments", path)
        if method == "POST" and comment:
            if not self.allowed(headers, "issues"):
                return 403, NO_PERMISSION
            number = int(comment.group(1))
            if not 0 < number <= len(self.issues):
                return 404, {"message": "Not Found"}
            self.issues[number - 1]["comments"].append(json.loads(body)["body"])
            return 201, {"id": number * 1000 + len(self.issues[number - 1]["comments"])}
        return 404, {"message": "Not Found"}

    def answer_pulls(self, method: str, path: str, headers, body: str, base: str):
        dispatch = re.fullmatch(re.escape(base) + r"/actions/workflows/([^/]+)/dispatches", path)
        if method == "POST" and dispatch:
            if not self.allowed(headers, "actions"):
                return 403, NO_PERMISSION
            self.dispatches.append((dispatch.group(1), json.loads(body)["ref"]))
            return 204, None
        if method == "GET" and path.split("?")[0] == f"{base}/pulls":
            query = dict(part.split("=", 1) for part in path.partition("?")[2].split("&") if "=" in part)
            owner = self.repository.split("/")[0]
            return 200, [pull for pull in reversed(self.pulls) if pull["state"] == query.get("state", "open")
                         and ("head" not in query or query["head"] == f"{owner}:{pull['head']['ref']}")]
        if method == "POST" and path == f"{base}/pulls":
            if not self.allowed(headers, "pull-requests"):
                return 403, NO_PERMISSION
            if self.by_actions(headers) and not self.actions_may_open_pulls:
                return 403, {"message": "GitHub Actions is not permitted to create or approve pull requests."}
            data = json.loads(body)
            if any(pull["state"] == "open" and pull["head"]["ref"] == data["head"] for pull in self.pulls):
                return 422, {"message": "Validation Failed",
                             "errors": [{"message": f"A pull request already exists for {data['head']}."}]}
            pull = {"number": len(self.issues) + len(self.pulls) + 1, "state": "open", "title": data["title"],
                    "body": data.get("body", ""), "head": {"ref": data["head"]}, "base": {"ref": data["base"]},
                    "user": {"login": BOT if self.by_actions(headers) else "octo-cat"}}
            self.pulls.append(pull)
            return 201, pull
        edit = re.fullmatch(re.escape(base) + r"/pulls/(\d+)", path)
        if method == "PATCH" and edit:
            if not self.allowed(headers, "pull-requests"):
                return 403, NO_PERMISSION
            pull = next((pull for pull in self.pulls if pull["number"] == int(edit.group(1))), None)
            if pull is None:
                return 404, {"message": "Not Found"}
            pull.update(json.loads(body))
            return 200, pull
        return None
