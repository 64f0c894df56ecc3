"""A fake Bluesky PDS on 127.0.0.1 for the atproto SDK: createSession, getProfile,
uploadBlob and createRecord over XRPC, keeping every record it was sent. It checks the app
password as a PDS would and can be told to fail the next requests (`fail_next`: a status, or
a status and the headers to answer with, such as Retry-After or Bluesky's `ratelimit-reset`)
or to leave every POST unanswered (`hang`: accepted, never answered, until the test ends).

For the impact figures it also answers app.bsky.feed.getPosts (at most 25 URIs, as Bluesky;
a post missing from `posts` is left out of the answer, as a deleted one is) and gives
getProfile the account's `followersCount`. A test sets the counts on `posts[uri]`
(`likeCount`, `repostCount`, `quoteCount`, `replyCount`), or adds a post with `add_post`."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from local_server import serving_fake

HANDLE = "practice.test"
DID = "did:plc:fakepractice0000000000000"
APP_PASSWORD = "fake-app-pass-9d1e-77aa"


def _jwt(kind: str) -> str:
    """A token the SDK can read the expiry of (it refreshes 15 minutes before it)."""
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    now = int(time.time())
    payload = {"scope": kind, "sub": DID, "iat": now, "exp": now + 7200}
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(payload)}.c2lnbmF0dXJl"


@dataclass
class FakeBluesky:
    base: str = ""
    password: str = APP_PASSWORD
    records: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    fail_next: list[int | tuple[int, dict[str, str]]] = field(default_factory=list)
    hang: bool = False
    released: threading.Event = field(default_factory=threading.Event)
    requests: list[str] = field(default_factory=list)
    access: str = field(default_factory=lambda: _jwt("com.atproto.access"))
    followers_count: int = 0
    # Every post by its at:// URI: {"cid", "record", and the counts once a test sets them}.
    posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    _rkeys: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def created(self, collection: str, record: dict[str, Any], cid: str) -> str:
        uri = f"at://{DID}/{collection}/3lfake{next(self._rkeys):07d}"
        if collection == "app.bsky.feed.post":
            self.posts[uri] = {"cid": cid, "record": record}
        return uri

    def add_post(self, text: str, **counts: int) -> str:
        """A post as if made earlier, with the counts given (likeCount=3, ...); its URI."""
        record = {"$type": "app.bsky.feed.post", "text": text,
                  "createdAt": "2026-12-05T09:00:00.000Z"}  # fmt: skip
        uri = self.created("app.bsky.feed.post", record, _cid(text.encode()))
        self.posts[uri].update(counts)
        return uri

    def view(self, uri: str) -> dict[str, Any]:
        """app.bsky.feed.defs#postView, with the fields the SDK's model requires."""
        post = self.posts[uri]
        counts = {"likeCount": 0, "repostCount": 0, "quoteCount": 0, "replyCount": 0}
        return counts | {key: value for key, value in post.items() if key.endswith("Count")} | {
            "uri": uri, "cid": post["cid"], "record": post["record"],
            "author": {"did": DID, "handle": HANDLE},
            "indexedAt": "2026-12-05T09:00:01.000Z",
        }  # fmt: skip


def _cid(data: bytes) -> str:
    # Shaped like a CIDv1 (base32 "b" + sha256); the SDK only reads it back as text.
    digest = base64.b32encode(hashlib.sha256(data).digest()).decode().lower().rstrip("=")
    return f"bafkrei{digest[:52]}"


# The XRPC error names a PDS answers with, by status.
_ERRORS = {400: "InvalidRequest", 409: "InvalidSwap", 413: "PayloadTooLarge",
           429: "RateLimitExceeded"}  # fmt: skip


def _handler(fake: FakeBluesky) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
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

        def _authorised(self) -> bool:
            return self.headers.get("Authorization") == f"Bearer {fake.access}"

        def do_GET(self) -> None:
            address = urlsplit(self.path)
            method = address.path.removeprefix("/xrpc/")
            query = parse_qs(address.query)
            fake.requests.append(f"GET {method}")
            if method == "app.bsky.actor.getProfile" and self._authorised():
                if query.get("actor", [HANDLE])[0] not in (HANDLE, DID):
                    return self._send(400, {"error": "InvalidRequest",
                                            "message": "Profile not found"})  # fmt: skip
                return self._send(200, {"did": DID, "handle": HANDLE,
                                        "followersCount": fake.followers_count})  # fmt: skip
            if method == "app.bsky.feed.getPosts" and self._authorised():
                uris = query.get("uris", [])
                if len(uris) > 25:  # as Bluesky: at most 25 a request
                    too_many = {"error": "InvalidRequest", "message": "more than 25 uris"}
                    return self._send(400, too_many)
                found = [fake.view(uri) for uri in uris if uri in fake.posts]
                return self._send(200, {"posts": found})
            return self._send(401, {"error": "AuthenticationRequired", "message": "no"})

        def do_POST(self) -> None:
            method = urlsplit(self.path).path.removeprefix("/xrpc/")
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            fake.requests.append(f"POST {method}")
            if fake.hang:  # accepted, never answered: the client's timeout must end it
                fake.released.wait(120)
                self.close_connection = True
                return None
            if method == "com.atproto.server.createSession":
                data = json.loads(body)
                if data.get("identifier") != HANDLE or data.get("password") != fake.password:
                    refused = {"error": "AuthenticationRequired", "message": "Invalid password"}
                    return self._send(401, refused)
                return self._send(200, {"did": DID, "handle": HANDLE, "active": True,
                                        "accessJwt": fake.access,
                                        "refreshJwt": _jwt("com.atproto.refresh")})  # fmt: skip
            if not self._authorised():
                return self._send(401, {"error": "AuthenticationRequired", "message": "no"})
            if fake.fail_next:
                failure = fake.fail_next.pop(0)
                code, headers = failure if isinstance(failure, tuple) else (failure, None)
                error = _ERRORS.get(code, "InternalServerError")
                return self._send(code, {"error": error, "message": "fake"}, headers)
            if method == "com.atproto.repo.uploadBlob":
                cid = _cid(body)
                fake.blobs[cid] = body
                kind = self.headers.get("Content-Type", "application/octet-stream")
                return self._send(200, {"blob": {"$type": "blob", "ref": {"$link": cid},
                                                 "mimeType": kind, "size": len(body)}})  # fmt: skip
            if method == "com.atproto.repo.createRecord":
                data = json.loads(body)
                fake.records.append(data)
                cid = _cid(body)
                uri = fake.created(data["collection"], data["record"], cid)
                return self._send(200, {"uri": uri, "cid": cid})
            return self._send(400, {"error": "MethodNotImplemented", "message": method})

    return Handler


def fake_bluesky() -> AbstractContextManager[FakeBluesky]:
    return serving_fake(FakeBluesky(), _handler)
