"""One post to Bluesky with the atproto SDK: the text with the facets Bluesky's composer
would find in it, a link card (app.bsky.embed.external) with the social card as its
thumbnail, the post's language, and self-labels where the practice maps a warning to one."""

from __future__ import annotations

from typing import Any

from ..publish.cards import card_png
from .clients import bluesky_client, look_up
from .outbox import Outgoing
from .sending import SendFailed, Sent, failed_with


def send_to_bluesky(item: Outgoing, secret: str, timeout: float) -> Sent:
    import httpx
    from atproto import models
    from atproto_client.exceptions import AtProtocolError, RequestErrorBase

    client = bluesky_client(item.account, timeout)
    # No answer: the SDK's errors, httpx's it lets through (a connection closed before an
    # answer), or the lookup of the server's name (OSError).
    unanswered = (RequestErrorBase, httpx.HTTPError, OSError)
    try:
        look_up(item.account.server, timeout)
        client.login(item.account.name, secret)
    except unanswered as exc:
        failure = _failure(exc, item, timeout)
        if failure.refused:  # at login, the account's problem: not a reason to hold the post
            failure = SendFailed(f"Bluesky refused the login of {item.account.name}",
                                 retry=False, cause=exc, status=failure.status)  # fmt: skip
        raise failure from exc
    try:
        # The thumbnail is a blob: it exists only once uploaded to the poster's PDS. Its type
        # is said (the SDK would send */* and leave the PDS to guess it).
        thumb = client.com.atproto.repo.upload_blob(
            card_png(item.card), headers={"Content-Type": "image/png"}
        ).blob
        snippet = item.snippet
        labels = None
        if item.self_labels:
            labels = models.ComAtprotoLabelDefs.SelfLabels(
                values=[models.ComAtprotoLabelDefs.SelfLabel(val=v) for v in item.self_labels]
            )
        record = models.AppBskyFeedPost.Record(
            created_at=client.get_current_time_iso(),
            text=snippet.text,
            facets=[_facet(models, f) for f in snippet.facets] or None,
            embed=models.AppBskyEmbedExternal.Main(
                external=models.AppBskyEmbedExternal.External(
                    uri=snippet.link or item.url,
                    title=item.title,
                    description=item.description,
                    thumb=thumb,
                )
            ),
            langs=[item.language],
            labels=labels,
        )
        assert client.me is not None
        created = client.app.bsky.feed.post.create(client.me.did, record)
    except unanswered as exc:
        raise _failure(exc, item, timeout) from exc
    except AtProtocolError as exc:
        raise SendFailed("the post was refused", retry=False, cause=exc) from exc
    rkey = created.uri.rsplit("/", 1)[-1]
    return Sent(created.uri, f"https://bsky.app/profile/{item.account.name}/post/{rkey}")


def _failure(exc: Any, item: Outgoing, timeout: float) -> SendFailed:
    # The SDK raises its NetworkError for a timeout, and also for an answer of 409, 413 or
    # 502: the status, not the class, says whether trying again can help.
    answer = getattr(exc, "response", None)
    if not hasattr(answer, "status_code"):  # (httpx's errors: the request, not an answer)
        answer = None
    status, headers = (answer.status_code, answer.headers) if answer is not None else (0, None)
    refused = (f"Bluesky refused {item.account.name} with the app password in "
               f"{item.account.secret_variable}")  # fmt: skip
    return failed_with(status, exc, refused_secret=refused, headers=headers, timeout=timeout,
                       server=item.account.server)  # fmt: skip


def _facet(models: Any, facet: dict[str, Any]) -> Any:
    index = facet["index"]
    features = []
    for feature in facet["features"]:
        if feature["$type"].endswith("#link"):
            features.append(models.AppBskyRichtextFacet.Link(uri=feature["uri"]))
        elif feature["$type"].endswith("#tag"):
            features.append(models.AppBskyRichtextFacet.Tag(tag=feature["tag"]))
    return models.AppBskyRichtextFacet.Main(
        index=models.AppBskyRichtextFacet.ByteSlice(
            byte_start=index["byteStart"], byte_end=index["byteEnd"]
        ),
        features=features,
    )
