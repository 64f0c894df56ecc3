"""`carepress archive`: a dated record of the built site (with its snippets and the posting
ledger) held to a manifest whose hashes are recomputed here independently; every changed,
missing or added file reported; later archives share the bytes of files that did not change;
screenshots by the system's Chromium."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from carepress.archive.screenshots import chromium
from carepress.syndication.ledger import Failure, Ledger, Posted
from conftest import BIN, Hub, make_hub, post_text, unavailable


def _archives(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name[:2] == "20")


def _archive(hub: Hub, out: Path, *extra: str) -> Path:
    before = set(_archives(out)) if out.exists() else set()
    result = hub.carepress("archive", "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    (made,) = set(_archives(out)) - before
    assert f"Archived {len(_manifest(made)['files'])} files in {made}" in result.stdout
    return made


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_an_archive_holds_the_site_as_built_and_its_manifest_is_true(
    sample_hub: Hub, tmp_path: Path
) -> None:
    made = _archive(sample_hub, tmp_path / "archive")
    manifest = _manifest(made)
    site_files = sorted(p.relative_to(sample_hub.site).as_posix()
                        for p in sample_hub.site.rglob("*") if p.is_file())  # fmt: skip
    assert sorted(k.removeprefix("site/") for k in manifest["files"] if k.startswith("site/")) \
        == site_files  # fmt: skip
    assert "snippets.json" in manifest["files"] and manifest["included"] == ["snippets.json"]
    for relative, entry in manifest["files"].items():  # recomputed here, independently
        data = (made / relative).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], relative
        assert len(data) == entry["bytes"], relative
    assert (made / "snippets.json").read_bytes() == (
        sample_hub.site / "social" / "snippets.json").read_bytes()
    assert manifest["carepress"] and manifest["python"]
    from importlib.metadata import version

    assert manifest["engines"]["mkdocs"] == version("mkdocs")
    assert manifest["engines"]["mkdocs-material"] == version("mkdocs-material")
    assert manifest["site_url"] == "https://learn.riverbend-therapy.example.org/"
    assert manifest["built_at"] <= manifest["archived_at"]
    assert manifest["source_commit"] == "unknown"  # the test hub is not a git repository
    verified = sample_hub.carepress("archive", "--verify", str(made))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "every file matches its manifest" in verified.stdout


def test_verify_reports_every_changed_missing_and_added_file(
    sample_hub: Hub, tmp_path: Path
) -> None:
    made = _archive(sample_hub, tmp_path / "archive")
    # Edits as a person would make them: a new file replacing the link (the shared object,
    # read-only, stays as it was).
    changed = made / "site" / "index.html"
    text = changed.read_text(encoding="utf-8")
    changed.unlink()
    changed.write_text(text.replace("</body>", "<p>added later</p></body>"), encoding="utf-8")
    (made / "site" / "crisis" / "index.html").unlink()
    (made / "site" / "extra.html").write_text("<p>not published</p>", encoding="utf-8")
    result = sample_hub.carepress("archive", "--verify", str(made))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{made}: changed: site/index.html",
        f"{made}: missing: site/crisis/index.html",
        f"{made}: added: site/extra.html",
    ]
    # A manifest edited to match is caught by the log written when the archive was made.
    manifest = _manifest(made)
    manifest["files"]["site/index.html"]["sha256"] = hashlib.sha256(
        changed.read_bytes()).hexdigest()
    manifest["files"]["site/index.html"]["bytes"] = changed.stat().st_size
    (made / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    again = sample_hub.carepress("archive", "--verify", str(made))
    assert again.returncode == 1
    assert f"{made}: manifest.json: changed since the archive was made" in again.stdout
    assert f"{made}: changed: site/index.html" not in again.stdout
    # Not an archive at all: a clear message.
    other = sample_hub.carepress("archive", "--verify", str(tmp_path))
    assert other.returncode == 2 and "no manifest.json: not a CarePress archive" in other.stderr


def test_archives_are_added_never_replaced_and_share_unchanged_files(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    hub.write_post("worry.md", post_text(slug="worry"))
    assert hub.build().returncode == 0
    out = tmp_path / "archive"
    first = _archive(hub, out)
    objects_before = sum(1 for p in (out / "objects").rglob("*") if p.is_file())
    # One post changes; everything else is the same bytes.
    hub.write_post("worry.md", post_text(slug="worry", title="Coping with worry, again"))
    assert hub.build().returncode == 0
    second = _archive(hub, out)
    assert first.exists() and second != first  # the first archive is untouched
    assert (out / "archives.jsonl").read_text().count('"archive"') == 2
    same = first / "site" / "assets" / "carepress.css"
    if not same.exists():
        same = next(p for p in (first / "site" / "assets").rglob("*.js"))
    twin = second / same.relative_to(first)
    assert os.stat(same).st_ino == os.stat(twin).st_ino  # one set of bytes, two archives
    post = "site/blog/worry/index.html"
    assert _manifest(first)["files"][post]["sha256"] != _manifest(second)["files"][post]["sha256"]
    objects_after = sum(1 for p in (out / "objects").rglob("*") if p.is_file())
    changed = {k for k, v in _manifest(second)["files"].items()
               if _manifest(first)["files"].get(k) != v}  # fmt: skip
    assert 0 < objects_after - objects_before <= len(changed)
    assert len(changed) < len(_manifest(second)["files"]) / 2
    for folder in (first, second):
        assert hub.carepress("archive", "--verify", str(folder)).returncode == 0


def test_the_posting_ledger_goes_in_and_the_archive_stays_private(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    hub.write_post("worry.md", post_text(slug="worry"))
    assert hub.build().returncode == 0
    posted = Posted("posts/worry.md", "mastodon", "@practice@example.social", "1",
                    "https://example.social/@practice/1", "Coping with worry", "", "abc",
                    "2026-11-02T17:00:00+00:00")  # fmt: skip
    ledger = Ledger(hub.root / "records" / "posted.sqlite3")
    ledger.record(posted)
    ledger.record_failure(Failure("posts/worry.md", "bluesky", "practice.example.org",
                                  "NetworkError: unreachable", "2026-11-02T17:00:05+00:00"))
    ledger.record_failure(Failure("posts/worry.md", "mastodon", "@practice@example.social",
                                  "422: text too long", "2026-11-01T09:00:00+00:00",
                                  refused=True))  # fmt: skip
    assert (ledger.path.stat().st_mode & 0o777) == 0o600  # the ledger: its owner's alone
    result = hub.carepress("archive", "-o", str(hub.root / "records" / "archive"))
    assert result.returncode == 0, result.stderr
    assert ("The posting ledger is in it as ledger.json: 1 sent, 2 failed attempts (1 refused "
            "by the platform)") in result.stdout  # fmt: skip
    (made,) = _archives(hub.root / "records" / "archive")
    record = json.loads((made / "ledger.json").read_text(encoding="utf-8"))
    (entry,) = record["posted"]
    assert entry["text"] == "Coping with worry" and entry["platform"] == "mastodon"
    assert entry["remote_url"] == "https://example.social/@practice/1"
    # Failed and refused attempts are records too, oldest first.
    assert [(f["platform"], f["error"], f["refused"]) for f in record["failed"]] == [
        ("mastodon", "422: text too long", True),
        ("bluesky", "NetworkError: unreachable", False)]
    assert _manifest(made)["included"] == ["ledger.json", "snippets.json"]
    # The incident log only when asked, notes and all.
    added = subprocess.run(
        [str(BIN / "carepress"), "incident", "add", "--when", "2026-11-03 10:00", "--platform",
         "instagram", "--kind", "client-contact", "--what", "A client sent a follow request.",
         "--done", "Left it unanswered; raised it in session.", "--note", "private detail"],
        cwd=hub.root, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert not (made / "incidents.json").exists()
    with_log = _archive(hub, hub.root / "records" / "archive", "--with-incidents")
    (incident,) = json.loads((with_log / "incidents.json").read_text(encoding="utf-8"))
    assert incident["note"] == "private detail" and incident["platform"] == "instagram"
    inside = hub.carepress("archive", "-o", str(hub.root / "site" / "archive"))
    assert inside.returncode == 2 and "the archive may not be in the site" in inside.stderr
    shutil.rmtree(hub.site)
    unbuilt = hub.carepress("archive")
    assert unbuilt.returncode == 2 and "no built site to archive; build it first" in (
        unbuilt.stderr)


def test_screenshots_of_the_pages_by_the_system_chromium(sample_hub: Hub, tmp_path: Path) -> None:
    if chromium() is None:
        unavailable("no Chromium on this machine")
    made = _archive(sample_hub, tmp_path / "archive", "--screenshots")
    shots = sorted((made / "screenshots").glob("*.png"))
    names = {p.stem for p in shots}
    assert {"home", "crisis", "about"} <= names
    views = ("archive", "category", "page")
    posts = [p for p in (sample_hub.site / "blog").iterdir()
             if (p / "index.html").is_file() and p.name not in views]  # fmt: skip
    assert {f"blog_{p.name}" for p in posts} <= names
    for shot in shots:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"screenshots/{shot.name}" in _manifest(made)["files"]
    # The whole page too, as printed: a long post is all there, read by a real PDF reader.
    import pypdf

    printed = pypdf.PdfReader(made / "screenshots" / "blog_how-to-ask-about-suicide.pdf")
    text = " ".join(page.extract_text() for page in printed.pages)
    assert len(printed.pages) > 1
    assert "How to Ask Someone" in text and "There is hope" in text  # first and last parts
    assert {p.stem for p in (made / "screenshots").glob("*.pdf")} == names


def test_an_edited_stored_copy_is_never_passed_on_and_archives_are_private(
    sample_hub: Hub, tmp_path: Path
) -> None:
    out = tmp_path / "archive"
    first = _archive(sample_hub, out)
    assert (out.stat().st_mode & 0o777) == 0o700  # the owner's alone: ledger, incidents
    # Edited in place (as root may, read-only or not): every archive sharing it changes.
    shared = first / "site" / "index.html"
    with shared.open("a", encoding="utf-8") as handle:
        handle.write("<!-- edited later -->")
    result = sample_hub.carepress("archive", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "site/index.html: the stored copy an earlier archive shares had been changed" in (
        result.stderr)
    second = sorted(p for p in out.iterdir() if p.name[:2] == "20")[-1]
    assert sample_hub.carepress("archive", "--verify", str(second)).returncode == 0
    tampered = sample_hub.carepress("archive", "--verify", str(first))
    assert tampered.returncode == 1 and "changed: site/index.html" in tampered.stdout
    # Asked for the incident log where there is none: said, not an empty record.
    none = sample_hub.carepress("archive", "-o", str(out), "--with-incidents",
                                "--incidents-db", str(tmp_path / "nowhere.sqlite3"))  # fmt: skip
    assert none.returncode == 2 and "there is no incident log at" in none.stderr


def test_an_archive_says_what_it_holds_of_the_ledger_and_when_the_site_is_stale(
    tmp_path: Path,
) -> None:
    hub = make_hub(tmp_path / "hub")
    post = hub.write_post("worry.md", post_text(slug="worry"))
    assert hub.build().returncode == 0
    out = hub.root / "records" / "archive"
    result = hub.carepress("archive", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "No posting ledger in it: there is none at records/posted.sqlite3" in result.stdout
    assert "before the last change" not in result.stderr
    # A post edited after the build: archived as built, and said so.
    later = (hub.site / "index.html").stat().st_mtime + 60
    os.utime(post, (later, later))
    stale = hub.carepress("archive", "-o", str(out))
    assert stale.returncode == 0, stale.stderr
    assert "before the last change to content/posts/worry.md: this archive holds the site as " \
        "built then" in stale.stderr  # fmt: skip
    assert "carepress verify" in stale.stderr


def test_an_archive_copied_on_its_own_is_verified_against_its_log(
    sample_hub: Hub, tmp_path: Path
) -> None:
    made = _archive(sample_hub, tmp_path / "archive")
    backup = tmp_path / "backup"
    backup.mkdir()
    copy = backup / made.name
    shutil.copytree(made, copy)
    alone = sample_hub.carepress("archive", "--verify", str(copy))
    assert alone.returncode == 1
    assert "not in archives.jsonl beside the archive" in alone.stdout
    assert "give it with --log FILE" in alone.stdout
    assert "every file matches its manifest, but the manifest itself could not be held" in (
        alone.stdout)
    log = tmp_path / "archive" / "archives.jsonl"
    verified = sample_hub.carepress("archive", "--verify", str(copy), "--log", str(log))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "every file matches its manifest" in verified.stdout
    # A log it is not in, a log that is not there, --log without --verify.
    other = tmp_path / "other.jsonl"
    other.write_text('{"archive": "2020-01-01T000000Z", "manifest_sha256": "0"}\n')
    wrong = sample_hub.carepress("archive", "--verify", str(copy), "--log", str(other))
    assert wrong.returncode == 1 and f"{made.name} is not in {other}" in wrong.stdout
    missing = sample_hub.carepress("archive", "--verify", str(copy), "--log",
                                   str(tmp_path / "nowhere.jsonl"))  # fmt: skip
    assert missing.returncode == 2 and "--log: there is no file" in missing.stderr
    alone_log = sample_hub.carepress("archive", "--log", str(log))
    assert alone_log.returncode == 2 and "--log: give it with --verify" in alone_log.stderr
