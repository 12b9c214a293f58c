"""Session bundle: complete (tombstones too), schema-valid, read back by read_bundle, and
clear errors for files that are not bundles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from export_sample import DELETED, NOTE, NOW, Sample, build
from test_export_json import doc_schema

from workshop_tui.core.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_SCHEMA,
    BundleError,
    bundle_dict,
    read_bundle,
)
from workshop_tui.core.export import ExportOptions, export
from workshop_tui.core.store import StoreError


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def validate(document: Any) -> None:
    checker = jsonschema.FormatChecker()
    jsonschema.Draft202012Validator(BUNDLE_SCHEMA, format_checker=checker).validate(document)


def test_schema_matches_the_docs() -> None:
    jsonschema.Draft202012Validator.check_schema(BUNDLE_SCHEMA)
    assert doc_schema("session-format.md", "### JSON schema") == BUNDLE_SCHEMA


def test_bundle_holds_the_whole_session_including_tombstones(sample: Sample) -> None:
    sample.session.set_state(topic="ops", group="Group A")
    document = json.loads(export(sample.session, "bundle", "json", ExportOptions(now=NOW)))
    validate(document)
    assert document["format"] == BUNDLE_FORMAT and document["version"] == 1
    assert document["exported"] == NOW
    assert document["session"] == sample.session.session.to_dict()
    stored = {e.id: e.to_dict() for e in sample.session.entries(include_deleted=True)}
    assert {e["id"]: e for e in document["entries"]} == stored
    texts = {e["text"]: e for e in document["entries"]}
    assert texts[DELETED]["deleted"] is True  # the tombstone travels
    assert NOTE in texts
    assert document["state"] == {"topic": "ops", "group": "Group A"}


def test_read_bundle_round_trips(sample: Sample, tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(export(sample.session, "bundle", "json", ExportOptions(now=NOW)))
    bundle = read_bundle(path)
    assert bundle.session == sample.session.session
    assert {e.id: e for e in bundle.entries} == {
        e.id: e for e in sample.session.entries(include_deleted=True)
    }
    assert bundle.exported == NOW and bundle.source == str(path)
    assert bundle.to_dict() == json.loads(path.read_bytes())
    assert set(bundle.entries_by_id) == set(sample.ids.values())


def test_repeated_entry_id_keeps_the_newest_version(sample: Sample) -> None:
    document = bundle_dict(sample.session, exported=NOW)
    older = dict(document["entries"][0], text="older", updated="2000-01-01T00:00:00+00:00")
    document["entries"].append(older)
    from workshop_tui.core.bundle import parse_bundle

    bundle = parse_bundle(document, "x.json")
    assert bundle.entries_by_id[older["id"]].text != "older"
    assert len(bundle.entries) == len(document["entries"])


def _bad(document: dict[str, Any], change: str) -> dict[str, Any]:
    doc = json.loads(json.dumps(document))
    if change == "format":
        doc["format"] = "something-else"
    elif change == "newer":
        doc["version"] = 2
    elif change == "version":
        doc["version"] = "1"
    elif change == "no-session":
        del doc["session"]
    elif change == "session-field":
        del doc["session"]["agenda"]
    elif change == "entries":
        doc["entries"] = {}
    elif change == "kind":
        doc["entries"][1]["kind"] = "idea"
    elif change == "entry-field":
        del doc["entries"][2]["created"]
    elif change == "naive-time":
        doc["entries"][0]["updated"] = "2026-11-27T10:00:00"
    elif change == "entry-type":
        doc["entries"][0] = ["not", "an", "object"]
    elif change == "state":
        doc["state"] = [1]
    return doc


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("format", 'is not a workshop-tui session bundle (format is "something-else"'),
        ("newer", "is bundle version 2, written by a newer workshop-tui"),
        ("version", 'version: expected 1, got a string ("1")'),
        ("no-session", 'missing field "session"'),
        ("session-field", 'session: missing field "agenda"'),
        ("entries", "entries: expected a list, got an object"),
        ("kind", "entries[1].kind: expected one of "),
        ("kind", '"note", got a string ("idea")'),
        ("entry-field", 'entries[2]: missing field "created"'),
        ("naive-time", "entries[0].updated: expected a time with a zone"),
        ("naive-time", 'got "2026-11-27T10:00:00"'),
        ("entry-type", "entries[0]: expected an object, got a list"),
        ("state", "state: expected an object, got a list"),
    ],
)
def test_bad_bundles_name_the_file_and_the_reason(
    sample: Sample, tmp_path: Path, change: str, reason: str
) -> None:
    path = tmp_path / "bad.json"
    document = _bad(bundle_dict(sample.session, exported=NOW), change)
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "is not valid JSON (line 1, column 2"),
        (b"\xff\xfe\x00", "is not UTF-8 text"),
        (b"[1, 2]", "expected a JSON object"),
        (b"", "is not valid JSON"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(BundleError, match="^" + str(path)) as caught:
        read_bundle(path)
    assert reason in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="no such file"):
        read_bundle(tmp_path / "missing.json")
    with pytest.raises(BundleError, match="is a folder"):
        read_bundle(tmp_path)
    assert issubclass(BundleError, StoreError)  # the CLI reports it as one line
