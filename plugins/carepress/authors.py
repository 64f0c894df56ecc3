"""The authors file (`.authors.yml`), read and checked before any page shows an author.

Material prints each author's name, description, avatar and link into every post, index,
archive and category page as they are written. So the file is held to what a byline
needs: plain text, a picture saved with the site (a picture from another site would be
requested by every reader's browser on every page), and a web or mail link. A problem is
a configuration error naming the file, the line and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .content import KeyPath, line_of, parse_yaml
from .model import Slug, Text
from .sanitise import Sanitiser

# The characters that would let a value out of the theme's href="..." or src="...".
_UNSAFE_IN_URL = frozenset(" \t\n\r\f\"'<>`\\{}|^")


def _plain(value: str) -> str:
    if "<" in value or ">" in value:
        raise ValueError("must be plain text, without < or >")
    return value


def _address(value: str) -> str:
    value = value.strip()
    if any(c in _UNSAFE_IN_URL for c in value) or not value:
        raise ValueError(f"{value!r} is not an address (spaces, quotes or brackets)")
    scheme = urlsplit(value).scheme.lower()
    if value.replace("\\", "/").startswith("//"):
        raise ValueError(f"{value!r}: write the address in full, with https://")
    if scheme not in ("", "http", "https", "mailto"):
        raise ValueError(f"{value!r}: an author's link may be https://, http:// or mailto: only")
    return value


PlainText = Annotated[Text, AfterValidator(_plain)]
Address = Annotated[str, AfterValidator(_address)]


class Author(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)
    name: PlainText = Field(max_length=100)
    description: PlainText = Field(max_length=300)
    avatar: Address
    slug: Slug | None = None
    url: Address | None = None


class AuthorsError(Exception):
    """The authors file has a problem (its message names the file, line and field)."""


def load_authors(path: Path, docs_dir: Path, site_url: str) -> dict[str, dict[str, Any]]:
    """Each author id and its validated entry; {} when the hub has no authors file."""
    if not path.is_file():
        return {}
    shown = _shown(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuthorsError(f"{shown}: cannot read the authors file ({exc})") from exc
    parsed = parse_yaml(text, text, shown, offset=1)
    if not isinstance(parsed, tuple):
        raise AuthorsError(f"{parsed.path}:{parsed.line}: {parsed.message} ({parsed.hint})")
    data, lines, _ = parsed
    authors = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(authors, dict):
        raise AuthorsError(f"{shown}:1: expected 'authors:' and, under it, each author's id")
    own = Sanitiser(site_url)
    problems: list[str] = []
    checked: dict[str, dict[str, Any]] = {}
    for author_id, entry in authors.items():
        where: KeyPath = ("authors", author_id)
        try:
            author = Author.model_validate(entry)
        except ValidationError as exc:
            for error in exc.errors():
                key = (*where, *error["loc"])
                name = " > ".join(str(part) for part in key)
                message = error["msg"].removeprefix("Value error, ")
                problems.append(f"{shown}:{line_of(lines, key)}: {name}: {message}")
            continue
        if not own.is_own(author.avatar):
            problems.append(
                f"{shown}:{line_of(lines, (*where, 'avatar'))}: authors > {author_id} > avatar: "
                f"{author.avatar!r} is on another site; every reader's browser would load it "
                "from there on every page. Save the picture under content/assets/authors/ "
                "and give its path, e.g. assets/authors/your-name.svg"
            )
        elif not urlsplit(author.avatar).scheme and not author.avatar.startswith("/"):
            picture = docs_dir / urlsplit(author.avatar).path
            if not picture.is_file():
                problems.append(
                    f"{shown}:{line_of(lines, (*where, 'avatar'))}: authors > {author_id} > "
                    f"avatar: {author.avatar!r} is not a file in {docs_dir.name}/"
                )
        checked[str(author_id)] = author.model_dump(exclude_none=True)
    if problems:
        raise AuthorsError("; ".join(problems))
    return checked


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
