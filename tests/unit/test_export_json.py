"""JSON action list: validates against the documented JSON Schema, content is complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from export_sample import A1_TEXT, FORMULA, NOW, ORDER, RTL, Sample, build

from workshop_tui.core.export import ActionFilter, ExportOptions, export
from workshop_tui.core.export.actions_json import ACTIONS_SCHEMA
from workshop_tui.core.model import ActionFields

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def validate(document: object, schema: dict) -> None:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(document)


def doc_schema(name: str, heading: str) -> dict:
    """The ```json block under ``heading`` in docs/<name>."""
    text = (DOCS / name).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    block = re.search(r"```json\n(.*?)\n```", section, re.S)
    assert block, f"no JSON schema block under {heading!r} in docs/{name}"
    return json.loads(block.group(1))


def test_schema_is_a_valid_schema_and_matches_the_docs() -> None:
    jsonschema.Draft202012Validator.check_schema(ACTIONS_SCHEMA)
    assert doc_schema("exports.md", "## JSON schema of the action list") == ACTIONS_SCHEMA


def test_json_export_validates_and_is_complete(sample: Sample) -> None:
    document = json.loads(export(sample.session, "actions", "json", ExportOptions(now=NOW)))
    validate(document, ACTIONS_SCHEMA)
    assert document["format"] == "workshop-tui-actions" and document["version"] == 1
    assert document["exported"] == NOW
    assert document["session"]["title"] == "Workshop | day 5"
    assert document["filters"] == {}
    actions = document["actions"]
    assert [a["id"] for a in actions] == [sample.ids[n] for n in ORDER]
    a1 = actions[ORDER.index("a1")]
    assert set(ActionFields().to_dict()) <= set(a1)
    assert a1["text"] == A1_TEXT
    assert a1["topic"] == {"id": "legal", "title": "Legal framework"}
    assert a1["due"] == "2026-12-31" and a1["status"] == "in_progress" and a1["priority"] == "high"
    assert a1["partners"] == ["Right holders", "Police"]
    assert a1["challenges"] == [{"id": sample.ids["c1"], "text": FORMULA}]
    assert a1["solutions"] == [{"id": sample.ids["s1"], "text": "+1 " + RTL}]
    assert actions[ORDER.index("a3")]["timeframe"] == "short"


def test_json_export_records_the_filter(sample: Sample) -> None:
    options = ExportOptions(filters=ActionFilter(statuses=("in progress",)), now=NOW)
    document = json.loads(export(sample.session, "actions", "json", options))
    validate(document, ACTIONS_SCHEMA)
    assert document["filters"] == {"statuses": ["in_progress"]}  # normalised
    assert [a["id"] for a in document["actions"]] == [sample.ids["a1"]]


def test_schema_rejects_a_wrong_document(sample: Sample) -> None:
    document = json.loads(export(sample.session, "actions", "json", ExportOptions(now=NOW)))
    document["actions"][0]["status"] = "finished"
    with pytest.raises(jsonschema.ValidationError):
        validate(document, ACTIONS_SCHEMA)
