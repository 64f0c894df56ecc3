"""A handler class served on 127.0.0.1 (a free port) in a thread, for the fake platforms."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

Fake = TypeVar("Fake", bound=Any)


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """The server's base address (http://127.0.0.1:<port>) while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving_fake(
    fake: Fake, handler: Callable[[Fake], type[BaseHTTPRequestHandler]]
) -> Iterator[Fake]:
    """`fake` (whose `base` is set to its address) answering through `handler(fake)`. A
    request the fake holds unanswered waits on its `released` event, set when the block ends."""
    with serving(handler(fake)) as base:
        fake.base = base
        try:
            yield fake
        finally:
            released = getattr(fake, "released", None)
            if isinstance(released, threading.Event):
                released.set()
