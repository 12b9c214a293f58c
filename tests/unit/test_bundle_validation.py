"""The session format's one schema: a strict validator (no coercion), messages that name
the file and the field, docs tables rendered from it, and atomic import (a refused import
leaves the data folder byte-identical)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from export_sample import Sample, build

from workshop_tui.cli import main
from workshop_tui.core.bundle import (
    ACTION_FIELDS_SCHEMA,
    MAX_PROBLEMS,
    BundleError,
    bundle_dict,
    parse_bundle,
)
from workshop_tui.core.merge import MergeError, import_bundles
from workshop_tui.core.schema import BUNDLE_SCHEMA, Validator
from workshop_tui.core.schema.tables import field_tables
from workshop_tui.core.schema.validator import SchemaDefinitionError
from workshop_tui.core.store import CorruptDataError, Store

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "source")


@pytest.fixture
def document(sample: Sample) -> dict[str, Any]:
    return bundle_dict(sample.session)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def problems_of(document: Any) -> list[str]:
    try:
        parse_bundle(document, "scribe-b.json")
    except BundleError as err:
        assert all("\n" not in line for line in err.problems)
        return err.problems
    return []


def action_index(document: dict[str, Any]) -> int:
    return next(i for i, e in enumerate(document["entries"]) if e["kind"] == "action")


# -- one description ------------------------------------------------------------------------
def test_the_docs_field_tables_are_rendered_from_the_schema() -> None:
    text = (DOCS / "session-format.md").read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- fields: rendered")) + 1
    end = text.index("<!-- fields: end -->")
    assert text[start:end] == field_tables()


def test_every_field_of_the_schema_has_a_description_and_every_object_a_table() -> None:
    tables = field_tables()
    for name, node in BUNDLE_SCHEMA["$defs"].items():
        if node.get("type") == "object" and "properties" in node:  # not a map like dots
            assert f"#/$defs/{name}" in json.dumps([p for _, p in _doc_tables()]), name
            for field, sub in node.get("properties", {}).items():
                assert sub.get("description"), f"{name}.{field}"
                assert f"| `{field}` |" in tables


def _doc_tables() -> tuple[tuple[str, str], ...]:
    from workshop_tui.core.schema.session_format import DOC_TABLES

    return DOC_TABLES


def test_a_keyword_the_validator_does_not_check_is_refused() -> None:
    with pytest.raises(SchemaDefinitionError, match="uniqueItems"):
        Validator({"type": "array", "uniqueItems": True})
    with pytest.raises(SchemaDefinitionError, match="beside \\$ref"):
        Validator({"$defs": {"a": {"type": "string"}}, "$ref": "#/$defs/a", "maxLength": 3})
    with pytest.raises(SchemaDefinitionError, match="needs a title"):
        Validator({"type": "string", "pattern": "^a$"})


def test_the_action_export_schema_has_the_bundle_action_fields() -> None:
    ours = BUNDLE_SCHEMA["$defs"]["action"]["properties"]
    theirs = ACTION_FIELDS_SCHEMA["properties"]
    assert set(theirs) <= set(ours)
    for name, node in theirs.items():
        if "enum" in node:
            assert node["enum"] == ours[name]["enum"], name


def test_jsonschema_accepts_what_the_validator_accepts(document: dict[str, Any]) -> None:
    checker = jsonschema.FormatChecker()
    jsonschema.Draft202012Validator(BUNDLE_SCHEMA, format_checker=checker).validate(document)
    assert problems_of(document) == []


# -- no coercion, one line per problem --------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            lambda d, a: d["entries"][3].update(links="c1"),
            "entries[3].links: expected a list of entry ids, got a string",
        ),
        (
            lambda d, a: d["entries"][0].update(deleted="false"),
            'entries[0].deleted: expected true or false, got a string ("false")',
        ),
        (
            lambda d, a: d["entries"][a]["action"].update(partners="Police"),
            "entries[{a}].action.partners: expected a list of partners, got a string",
        ),
        (
            lambda d, a: d["session"]["agenda"]["groups"][0].update(members="Ana"),
            "session.agenda.groups[0].members: expected a list of names, got a string",
        ),
        (
            lambda d, a: d["session"]["agenda"]["topics"][0].update(questions="Why?"),
            "session.agenda.topics[0].questions: expected a list of questions, got a string",
        ),
        (
            lambda d, a: d["session"]["agenda"]["topics"][0].update(timebox="90"),
            'session.agenda.topics[0].timebox: expected a number of minutes, got a string ("90")',
        ),
        (
            lambda d, a: d["session"]["agenda"]["topics"][0].update(timebox=90.0),
            "session.agenda.topics[0].timebox: expected a number of minutes, got a number (90.0)",
        ),
        (
            lambda d, a: d["session"]["agenda"]["topics"][1].update(id=7),
            "session.agenda.topics[1].id: expected an id (1 to 64 letters, digits, - or _), "
            "got a number (7)",
        ),
        (
            lambda d, a: d["session"].update(title=2026),
            "session.title: expected text (valid Unicode), got a number (2026)",
        ),
        (
            lambda d, a: d["entries"][a]["action"].update(owner=None),
            "entries[{a}].action.owner: expected text (valid Unicode), got null",
        ),
        (
            lambda d, a: d["entries"][a]["action"].update(due=20261231),
            'entries[{a}].action.due: expected a date (2026-12-31) or "", got a number (20261231)',
        ),
        (
            lambda d, a: d["entries"][a]["action"].update(start="31/12/2026"),
            'entries[{a}].action.start: expected a date (2026-12-31) or "", '
            'got a string ("31/12/2026")',
        ),
        (
            lambda d, a: d["entries"][a]["action"].update(status="finished"),
            'entries[{a}].action.status: expected one of "open", "in_progress", "done", '
            '"dropped", "carried_over", got a string ("finished")',
        ),
        (
            lambda d, a: d["entries"][0].update(votes={"Group A": -1}),
            'entries[0].votes["Group A"]: expected a number of dots from 0 to 1000, got -1',
        ),
        (
            lambda d, a: d["entries"][0].update(position=float("inf")),
            "entries[0].position: expected a position, got a number that is not finite (inf)",
        ),
        (
            lambda d, a: d["entries"][0].update(text="lone \ud800 surrogate"),
            'entries[0].text: expected text (valid Unicode), got "lone \\ud800 surrogate"',
        ),
        (
            lambda d, a: d["entries"][0].update(id="a\x00b"),
            'entries[0].id: expected an id (1 to 64 letters, digits, - or _), got "a\\u0000b"',
        ),
        (
            lambda d, a: d["entries"][0].update(id="x" * 400),
            "entries[0].id: expected an id (1 to 64 letters, digits, - or _), "
            'got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…',
        ),
        (
            lambda d, a: d["session"].update(id="../../outside"),
            'session.id: expected an id (1 to 64 letters, digits, - or _), got "../../outside"',
        ),
        (
            lambda d, a: d["entries"][0].update(created="0001-01-01T00:00:00+05:00"),
            "entries[0].created: expected a time with a zone, years 1000 to 9998 "
            '(2026-11-27T09:30:00+00:00), got "0001-01-01T00:00:00+05:00"',
        ),
        (
            lambda d, a: d["entries"][0].update(updated="9999-12-31T23:00:00-05:00"),
            "entries[0].updated: expected a time with a zone",
        ),
        (
            lambda d, a: d["entries"][0].update(updated="2026-02-30T10:00:00+00:00"),
            "entries[0].updated: expected a time with a zone, years 1000 to 9998 "
            '(2026-11-27T09:30:00+00:00), got "2026-02-30T10:00:00+00:00"',
        ),
        (
            lambda d, a: d["session"].update(votes_per_group=True),
            "session.votes_per_group: expected a number of dot votes, got true",
        ),
        (
            lambda d, a: d["session"]["agenda"].update(topics=[]),
            "session.agenda.topics: expected at least 1 items, got 0",
        ),
        (
            lambda d, a: d["entries"][0].update(kind=["challenge"]),
            'entries[0].kind: expected one of "challenge", "solution", "action", "parking", '
            '"note", got a list',
        ),
        (
            lambda d, a: d["entries"][a].update(action="none"),
            "entries[{a}].action: expected null or an object of action-plan fields, "
            'got a string ("none")',
        ),
        (
            lambda d, a: d["entries"][a]["action"].update(carried_from={"session": "s"}),
            'entries[{a}].action.carried_from: missing field "entry"',
        ),
        (
            lambda d, a: d["entries"][0].update(link_stamps={"../x": "2026-11-27T09:00:00Z"}),
            'entries[0].link_stamps["../x"]: expected an id (1 to 64 letters, digits, - or _), '
            'got "../x"',
        ),
    ],
)
def test_a_wrong_field_is_one_line_naming_the_file_and_the_field(
    document: dict[str, Any], change: Any, line: str
) -> None:
    a = action_index(document)
    change(document, a)
    problems = problems_of(document)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"scribe-b.json: {line.format(a=a)}"), problems[0]


def test_at_most_twenty_problems_per_file_then_how_many_more(document: dict[str, Any]) -> None:
    for entry in document["entries"]:
        entry["deleted"] = "no"
        entry["links"] = "none"
    problems = problems_of(document)
    total = 2 * len(document["entries"])
    assert len(problems) == min(total, MAX_PROBLEMS) + (total > MAX_PROBLEMS)
    if total > MAX_PROBLEMS:
        assert problems[-1] == f"scribe-b.json: … and {total - MAX_PROBLEMS} more"


def test_the_command_line_prints_one_line_per_problem_and_exits_1(
    tmp_path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    document["entries"][2]["links"] = "c1"
    document["entries"][4]["deleted"] = "false"
    bundle = tmp_path / "scribe-b.json"
    bundle.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(bundle)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"workshop-tui: {bundle}: entries[2].links: expected a list of entry ids, got a string",
        f'workshop-tui: {bundle}: entries[4].deleted: expected true or false, got a string ("false")',
    ]


def test_unknown_fields_are_ignored_for_later_additions(document: dict[str, Any]) -> None:
    document["entries"][0]["theme"] = "border control"
    document["session"]["themes"] = [{"id": "t1"}]
    assert problems_of(document) == []


# -- atomic import -----------------------------------------------------------------------------
def test_a_bad_entry_after_a_newer_session_record_changes_nothing(
    tmp_path: Path, sample: Sample, document: dict[str, Any]
) -> None:
    """The issue's case: the record is newer (it would be saved first), a later entry is bad."""
    target = Store(tmp_path / "facilitator")
    first = tmp_path / "first.json"
    first.write_text(json.dumps(document), encoding="utf-8")
    import_bundles(target, [first])
    newer = copy.deepcopy(document)
    newer["session"].update(title="Renamed later", updated="2030-01-01T00:00:00+00:00")
    newer["entries"][0].update(text="edited later", updated="2030-01-01T00:00:00+00:00")
    newer["entries"][-1]["votes"] = {"Group A": "3"}
    bad = tmp_path / "newer.json"
    bad.write_text(json.dumps(newer), encoding="utf-8")
    before = tree(target.data_dir)
    with pytest.raises(MergeError) as caught:
        import_bundles(target, [bad])
    assert caught.value.problems[0].startswith(f"{bad}: entries[{len(newer['entries']) - 1}]")
    assert tree(target.data_dir) == before


@pytest.mark.parametrize("bad_first", [True, False])
def test_good_and_bad_bundles_in_any_order_write_nothing(
    tmp_path: Path, document: dict[str, Any], bad_first: bool
) -> None:
    target = Store(tmp_path / "data")
    other = Store(tmp_path / "other").create_session(build(tmp_path / "x").session.session.agenda)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(bundle_dict(other)), encoding="utf-8")
    broken = copy.deepcopy(document)
    broken["entries"][1]["position"] = "2"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    before = tree(target.data_dir)
    with pytest.raises(MergeError):
        import_bundles(target, [bad, good] if bad_first else [good, bad])
    assert tree(target.data_dir) == before


def test_bundles_of_one_session_are_written_once(
    tmp_path: Path, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.core.store import storage

    target = Store(tmp_path / "data")
    base = tmp_path / "base.json"
    base.write_text(json.dumps(bundle_dict(sample.session)), encoding="utf-8")
    import_bundles(target, [base])
    bundles = []
    for n, text in enumerate(("from A", "from B")):
        changed = bundle_dict(sample.session)
        changed["entries"][0].update(text=text, updated=f"2030-01-0{n + 1}T00:00:00+00:00")
        changed["session"].update(title=text, updated=f"2030-01-0{n + 1}T00:00:00+00:00")
        path = tmp_path / f"{n}.json"
        path.write_text(json.dumps(changed), encoding="utf-8")
        bundles.append(path)
    writes: list[Path] = []
    real = storage.atomic_write_bytes

    def counting(path: Path, payload: bytes) -> None:
        writes.append(path)
        real(path, payload)

    monkeypatch.setattr(storage, "atomic_write_bytes", counting)
    ra, rb = import_bundles(target, bundles)
    assert writes == [target.session_path(sample.session.id)]
    assert (ra.updated, ra.session_updated, rb.updated, rb.session_updated) == (1, True, 1, True)
    stored = target.open_session(sample.session.id)
    assert stored.session.title == "from B" and stored.get(sample.ids["c1"]).text == "from B"


# -- session files read from disk -------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("deleted", "false", 'deleted: expected true or false, got a string ("false")'),
        ("links", "abc", "links: expected a list of entry ids, got a string"),
        ("updated", "yesterday", "updated: expected a time with a zone"),
    ],
)
def test_a_hand_edited_session_file_is_reported_by_file_and_field_and_never_half_loaded(
    sample: Sample, field: str, value: Any, message: str
) -> None:
    path = sample.session.path
    data = json.loads(path.read_bytes())
    key = next(iter(data["entries"]))
    data["entries"][key][field] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    fresh = Store(sample.store.data_dir)
    with pytest.raises(CorruptDataError) as caught:
        fresh.open_session(sample.session.id)
    text = str(caught.value)
    assert text.startswith(f'{path}: has an invalid record (entries["{key}"].{message}')
    assert "\n" not in text
    listing = fresh.list_sessions()
    assert listing.sessions == [] and str(path) in listing.problems[0]
    for write in (  # nothing is written over it
        lambda: sample.session.update_entry(sample.ids["c2"], text="changed"),
        lambda: sample.session.set_state(topic="ops"),
        lambda: sample.session.update_session(title="renamed"),
        lambda: sample.session.save_table_docs("themes", {"1": {"id": "t"}}),
    ):
        with pytest.raises(CorruptDataError):
            write()
    assert path.read_bytes() == before


def test_a_session_file_renamed_by_hand_is_reported(sample: Sample) -> None:
    path = sample.session.path
    copy_path = path.with_name("copy-of-session.json")
    copy_path.write_bytes(path.read_bytes())
    with pytest.raises(CorruptDataError, match="but the file is named for session"):
        Store(sample.store.data_dir).open_session("copy-of-session")
