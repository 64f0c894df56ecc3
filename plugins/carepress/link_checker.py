"""`carepress check --links`: are the sources' web addresses still there?

Off by default and never part of a build (a build must not need the network). Requests run
in a small thread pool with a timeout; results are cached in a JSON file so that repeated
runs only ask again for links not checked recently.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

USER_AGENT = "CarePress link check (+https://github.com/)"
DEFAULT_CACHE_TTL = 7 * 24 * 3600


@dataclass(frozen=True)
class LinkResult:
    status: int | None  # HTTP status of the first response; None if unreachable
    location: str | None = None  # where a redirect points
    error: str | None = None
    checked_at: float = 0.0

    @property
    def cacheable(self) -> bool:
        # A timeout or a server error may be passing: ask again next time.
        return self.status is not None and self.status < 500


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # report the redirect instead of following it


_OPENER = urllib.request.build_opener(_NoRedirect)


def _request(url: str, method: str, timeout: float) -> LinkResult:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return LinkResult(response.status, checked_at=time.time())
    except urllib.error.HTTPError as exc:
        location = exc.headers.get("Location") if exc.headers else None
        if location:
            location = urllib.parse.urljoin(url, location)
        return LinkResult(exc.code, location, checked_at=time.time())
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return LinkResult(None, error=str(reason) or type(exc).__name__, checked_at=time.time())


def check_link(url: str, timeout: float) -> LinkResult:
    result = _request(url, "HEAD", timeout)
    if result.status in (403, 405, 501):  # servers that refuse HEAD
        result = _request(url, "GET", timeout)
    return result


class LinkCache:
    def __init__(self, path: Path | None, ttl: float = DEFAULT_CACHE_TTL) -> None:
        self.path = path
        self.ttl = ttl
        self.entries: dict[str, LinkResult] = {}
        if path and path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {url: LinkResult(**entry) for url, entry in raw.items()}
            except (ValueError, TypeError):
                self.entries = {}  # a damaged cache is just a cold cache

    def fresh(self, url: str, now: float) -> LinkResult | None:
        entry = self.entries.get(url)
        return entry if entry and now - entry.checked_at < self.ttl else None

    def save(self) -> None:
        if not self.path:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {url: asdict(r) for url, r in sorted(self.entries.items()) if r.cacheable}
        self.path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def check_links(
    urls: Iterable[str], cache: LinkCache, timeout: float = 10.0, workers: int = 8
) -> dict[str, LinkResult]:
    now = time.time()
    unique = sorted(set(urls))
    results = {url: cached for url in unique if (cached := cache.fresh(url, now))}
    todo = [url for url in unique if url not in results]
    if todo:
        with ThreadPoolExecutor(max_workers=min(workers, len(todo))) as pool:
            checked = pool.map(lambda u: check_link(u, timeout), todo)
            for url, result in zip(todo, checked, strict=True):
                results[url] = result
                cache.entries[url] = result
        cache.save()
    return results
