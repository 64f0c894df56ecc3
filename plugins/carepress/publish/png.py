"""PNG encoding of the cards and slides: lossless, deterministic, with text chunks.

Pillow's encoder tries five row filters on every row and deflates with zlib, which made
encoding four fifths of a card's cost. Every card is a vertical gradient with text on it,
so one filter, "Up" (each byte minus the byte above it), leaves runs of zeros that deflate
as small as Pillow's choice, and zlib-ng deflates the same stream about three times faster
than zlib. The pixels are exactly the image's; equal images give equal bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from zlib_ng import zlib_ng

if TYPE_CHECKING:
    from PIL import Image

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOUR_TYPES = {"L": 0, "RGB": 2, "RGBA": 6}  # PNG's colour type for each Pillow mode
_UP = 2  # PNG's filter type "Up"
_LEVEL = 6


def encode_png(image: Image.Image, text: Mapping[str, str] | None = None) -> bytes:
    """`image` (mode L, RGB or RGBA) as PNG bytes, with `text` as Latin-1 tEXt chunks."""
    colour_type = _COLOUR_TYPES.get(image.mode)
    if colour_type is None:
        raise ValueError(f"cannot encode a {image.mode} image as PNG here")
    width, height = image.size
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    chunks = [_chunk(b"IHDR", header)]
    for key, value in (text or {}).items():
        chunks.append(_chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1")))
    chunks.append(_chunk(b"IDAT", zlib_ng.compress(_up_filtered_rows(image), _LEVEL)))
    chunks.append(_chunk(b"IEND", b""))
    return SIGNATURE + b"".join(chunks)


def _up_filtered_rows(image: Image.Image) -> bytes:
    from PIL import Image, ImageChops

    width, height = image.size
    # The row above each row (zeros above the first), subtracted modulo 256 in C.
    above = Image.new(image.mode, image.size)
    above.paste(image.crop((0, 0, width, height - 1)), (0, 1))
    filtered = ImageChops.subtract_modulo(image, above).tobytes()
    stride = len(filtered) // height
    tag = bytes((_UP,))
    return b"".join(tag + filtered[i : i + stride] for i in range(0, len(filtered), stride))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
