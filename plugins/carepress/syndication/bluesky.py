"""One post to Bluesky with the atproto SDK: the text with the facets Bluesky's composer
would find in it, a link card (app.bsky.embed.external) with the social card as its
thumbnail, the post's language, and self-labels where the practice maps a warning to one."""

from __future__ import annotations

from typing import Any

from ..publish.cards import card_png
from .clients import bluesky_client
from .outbox import Outgoing
from .sending import SendFailed, Sent


def send_to_bluesky(item: Outgoing, secret: str, timeout: float) -> Sent:
    from atproto import models
    from atproto_client.exceptions import (
        AtProtocolError,
        NetworkError,
        RequestErrorBase,
        UnauthorizedError,
    )

    client = bluesky_client(item.account, timeout)
    try:
        client.login(item.account.name, secret)
        # The thumbnail is a blob: it exists only once uploaded to the poster's PDS.
        thumb = client.upload_blob(card_png(item.card)).blob
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
    except UnauthorizedError as exc:
        refused = (f"Bluesky refused {item.account.name} with the app password in "
                   f"{item.account.secret_variable}")  # fmt: skip
        raise SendFailed(refused, retry=False, cause=exc) from exc
    except NetworkError as exc:
        raise SendFailed("the server did not answer", retry=True, cause=exc) from exc
    except RequestErrorBase as exc:
        status = exc.response.status_code if exc.response is not None else 0
        retry = status == 429 or status >= 500
        raise SendFailed(f"the server answered {status}", retry=retry, cause=exc) from exc
    except AtProtocolError as exc:
        raise SendFailed("the post was refused", retry=False, cause=exc) from exc
    rkey = created.uri.rsplit("/", 1)[-1]
    return Sent(created.uri, f"https://bsky.app/profile/{item.account.name}/post/{rkey}")


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
