"""A fake Mastodon server on 127.0.0.1 for the real client libraries (Mastodon.py, and
feed2toot and feediverse through it): the few endpoints posting needs, answering as
Mastodon 4 does, keeping every status it was sent. It can be told to fail the next
requests (`fail_next`: a status, or a status and the headers to answer with), to leave every
POST unanswered (`hang`: it accepts the connection and never answers, until the test ends)
and checks the access token as a server would.

For the impact figures it also answers GET /api/v1/statuses/:id (a status's counts and
poll; 404 once removed from `statuses`) and GET /api/v1/accounts/verify_credentials
(`followers_count`). A test sets the counts on a status dict (`favourites_count`,
`reblogs_count`, `replies_count`, `quotes_count`, `poll`), or adds one with `add_status`."""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from local_server import serving_fake

TOKEN = "fake-mastodon-token-5f2c9e0a71"


@dataclass
class FakeMastodon:
    base: str = ""
    token: str = TOKEN
    statuses: list[dict[str, Any]] = field(default_factory=list)
    media: dict[str, dict[str, Any]] = field(default_factory=dict)
    images: dict[str, bytes] = field(default_factory=dict)  # each media's file, as uploaded
    # How to answer the next POSTs: an HTTP status to fail with (and, as a pair, the headers
    # to send with it), or 0 to answer as usual.
    fail_next: list[int | tuple[int, dict[str, str]]] = field(default_factory=list)
    hang: bool = False
    released: threading.Event = field(default_factory=threading.Event)
    requests: list[str] = field(default_factory=list)  # "METHOD /path", in order
    followers_count: int = 0  # the practice's account, for verify_credentials
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1001))
    _by_key: dict[str, dict[str, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def instance(self, version: int) -> dict[str, Any]:
        info: dict[str, Any] = {"title": "Fake", "version": "4.3.0", "description": "",
                                "languages": ["en"], "rules": []}  # fmt: skip
        if version == 2:
            return info | {"domain": "127.0.0.1", "api_versions": {"mastodon": 2},
                           "configuration": {"statuses": {"max_characters": 500}}}  # fmt: skip
        return info | {"uri": "127.0.0.1", "urls": {}, "stats": {}}

    def status(self, form: dict[str, Any], key: str | None) -> dict[str, Any]:
        with self._lock:
            if key and key in self._by_key:  # Mastodon's Idempotency-Key: the same status
                return self._by_key[key]
            number = str(next(self._ids))
            media = [self.media[m] for m in form.get("media_ids", [])]
            status = {
                "id": number,
                "uri": f"{self.base}/users/practice/statuses/{number}",
                "url": f"{self.base}/@practice/{number}",
                "created_at": "2026-12-05T09:00:00.000Z",
                "content": form.get("status", ""),  # (as sent: the test reads the text)
                "text": form.get("status", ""),
                "spoiler_text": form.get("spoiler_text", ""),
                "sensitive": str(form.get("sensitive", "")).lower() in ("true", "1"),
                "language": form.get("language"),
                "visibility": form.get("visibility", "public"),
                "media_attachments": media,
                "poll": form.get("poll"),
                "in_reply_to_id": form.get("in_reply_to_id"),
                "account": {"id": "1", "username": "practice", "acct": "practice"},
                "mentions": [], "tags": [], "emojis": [],
            }  # fmt: skip
            self.statuses.append(status)
            if key:
                self._by_key[key] = status
            return status

    def add_status(self, text: str, **fields: Any) -> dict[str, Any]:
        """A status as if posted earlier, with the fields given (counts, `poll`, `content`)."""
        status = self.status({"status": text}, None)
        status.update(fields)
        return status

    def find(self, number: str) -> dict[str, Any] | None:
        return next((s for s in self.statuses if s["id"] == number), None)

    def shown(self, status: dict[str, Any]) -> dict[str, Any]:
        """A status as GET /api/v1/statuses/:id shows it: its counts (0 unless set) and its
        poll, if it has options, as Mastodon's Poll entity."""
        counts = {"favourites_count": 0, "reblogs_count": 0, "replies_count": 0}
        poll = status.get("poll")
        if isinstance(poll, dict) and isinstance(poll.get("options"), list):
            options = [{"title": o["title"], "votes_count": o.get("votes_count")}
                       for o in poll["options"]]  # fmt: skip
            poll = {
                "id": f"p{status['id']}", "expires_at": None, "expired": True,
                "multiple": bool(poll.get("multiple")), "voted": False, "own_votes": [],
                "votes_count": sum(o["votes_count"] or 0 for o in options),
                "voters_count": None, "options": options, "emojis": [],
            }  # fmt: skip
        else:
            poll = None
        return counts | status | {"poll": poll}

    def me(self) -> dict[str, Any]:
        return {"id": "1", "username": "practice", "acct": "practice",
                "display_name": "Practice", "url": f"{self.base}/@practice",
                "created_at": "2025-01-01T00:00:00.000Z", "note": "", "locked": False,
                "bot": False, "followers_count": self.followers_count, "following_count": 0,
                "statuses_count": len(self.statuses), "emojis": [], "fields": []}  # fmt: skip


def _form(handler: BaseHTTPRequestHandler, body: bytes) -> dict[str, Any]:
    """The request's fields: JSON, a URL-encoded form (`x[]` as lists) or multipart."""
    kind = handler.headers.get("Content-Type", "")
    if kind.startswith("application/json"):
        return json.loads(body or b"{}")
    if kind.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + kind.encode() + b"\r\n\r\n" + body
        )
        fields: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            fields[name] = part.get_payload(decode=True)
        return fields
    fields = {}
    for name, values in parse_qs(body.decode(), keep_blank_values=True).items():
        if name.endswith("[]"):
            fields[name[:-2]] = values
        else:
            fields[name] = values[-1]
    return fields


def _handler(fake: FakeMastodon) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def _send(self, code: int, data: Any, headers: dict[str, str] | None = None) -> None:
            payload = json.dumps(data).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            path = urlsplit(self.path).path.rstrip("/")
            fake.requests.append(f"GET {path}")
            if path == "/api/v1/instance":
                return self._send(200, fake.instance(1))
            if path == "/api/v2/instance":
                return self._send(200, fake.instance(2))
            if path.startswith("/api/v1/media/") and path.rsplit("/", 1)[1] in fake.media:
                return self._send(200, fake.media[path.rsplit("/", 1)[1]])
            if path == "/api/v1/accounts/verify_credentials" or path.startswith(
                "/api/v1/statuses/"
            ):
                # Mastodon refuses a wrong token even where a public status needs none.
                if self.headers.get("Authorization") != f"Bearer {fake.token}":
                    return self._send(401, {"error": "The access token is invalid"})
                if path == "/api/v1/accounts/verify_credentials":
                    return self._send(200, fake.me())
                status = fake.find(path.rsplit("/", 1)[1])
                if status is not None:
                    return self._send(200, fake.shown(status))
            return self._send(404, {"error": "Record not found"})

        def do_POST(self) -> None:
            path = urlsplit(self.path).path.rstrip("/")
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            fake.requests.append(f"POST {path}")
            if fake.hang:  # accepted, never answered: the client's timeout must end it
                fake.released.wait(120)
                self.close_connection = True
                return None
            if self.headers.get("Authorization") != f"Bearer {fake.token}":
                return self._send(401, {"error": "The access token is invalid"})
            failure = fake.fail_next.pop(0) if fake.fail_next else 0
            code, headers = failure if isinstance(failure, tuple) else (failure, None)
            if code:
                if headers is None:
                    headers = {"Retry-After": "120"} if code == 429 else {}
                error = ("Validation failed: Text character limit of 500 exceeded"
                         if code == 422 else f"fake failure {code}")  # fmt: skip
                return self._send(code, {"error": error}, headers)
            form = _form(self, body)
            if path in ("/api/v1/media", "/api/v2/media"):
                number = f"m{next(fake._ids)}"
                image = form.get("file") or b""
                fake.images[number] = image
                fake.media[number] = {
                    "id": number, "type": "image", "url": f"{fake.base}/media/{number}.png",
                    "preview_url": f"{fake.base}/media/{number}.png",
                    "description": (form.get("description") or b"").decode(),
                    "meta": {}, "blurhash": None, "size": len(image),
                    "png": image[:8] == b"\x89PNG\r\n\x1a\n",
                }  # fmt: skip
                return self._send(200, fake.media[number])
            if path == "/api/v1/statuses":
                return self._send(200, fake.status(form, self.headers.get("Idempotency-Key")))
            return self._send(404, {"error": "Record not found"})

    return Handler


def fake_mastodon() -> AbstractContextManager[FakeMastodon]:
    return serving_fake(FakeMastodon(), _handler)
