"""publish/png.py: the cards' PNG encoder gives back exactly the pixels it was given, with its
text chunks, readable by Pillow and by a strict PNG reader's checks (chunk CRCs)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from carepress.publish.cards import CARD_KEY_CHUNK, LANDSCAPE, PORTRAIT, CardSpec, render_card
from carepress.publish.png import SIGNATURE, encode_png
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image


def _decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data.startswith(SIGNATURE)
    chunks, at = [], len(SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        at += 12 + length
    return chunks


@pytest.mark.parametrize("shape", [LANDSCAPE, PORTRAIT], ids=lambda s: s.name)
def test_a_card_decodes_to_exactly_its_pixels_with_its_key(shape):
    image = render_card(CardSpec("When grief arrives late", "Riverbend", ("suicide",), shape))
    data = encode_png(image, {CARD_KEY_CHUNK: "abc123"})
    decoded = _decoded(data)
    assert decoded.mode == "RGB" and decoded.size == image.size
    assert decoded.tobytes() == image.tobytes()
    assert decoded.info[CARD_KEY_CHUNK] == "abc123"
    kinds = [kind for kind, _ in _chunks(data)]
    assert kinds == [b"IHDR", b"tEXt", b"IDAT", b"IEND"]


@settings(max_examples=40, deadline=None)
@given(
    mode=st.sampled_from(["L", "RGB", "RGBA"]),
    width=st.integers(1, 40),
    height=st.integers(1, 40),
    data=st.data(),
)
def test_any_image_round_trips(mode, width, height, data):
    bands = len(mode)
    pixels = data.draw(st.binary(min_size=width * height * bands, max_size=width * height * bands))
    image = Image.frombytes(mode, (width, height), pixels)
    decoded = _decoded(encode_png(image))
    assert decoded.mode == mode
    assert decoded.tobytes() == image.tobytes()


def test_equal_images_give_equal_bytes_and_the_result_is_compressed():
    image = render_card(CardSpec("Sleep and anxiety", "Riverbend"))
    first, second = encode_png(image, {"k": "v"}), encode_png(image.copy(), {"k": "v"})
    assert first == second
    assert len(first) < len(image.tobytes()) / 10  # a gradient with text deflates well


def test_a_mode_png_cannot_hold_here_is_refused():
    with pytest.raises(ValueError, match="CMYK"):
        encode_png(Image.new("CMYK", (2, 2)))
