"""Whatever import accepts, every export works; whatever it refuses, it refuses in one line
per problem and writes nothing.

* property test: valid bundles over the whole range of the schema (odd Unicode, empty
  strings, times at the ends of the range in any time zone) import, and every exporter and
  the report render them; the bundle export of the result imports again;
* mutation fuzzer: a valid bundle with one field broken (another type, out of range, a lone
  surrogate, a path, a missing field, ...) is either refused — one line per problem, naming
  the file, and the data folder byte-identical — or accepted, and then every export works;
  and the validator's fast yes/no check agrees with its full walk on every mutation.
"""

from __future__ import annotations

import copy
import math
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bundle_strategies import bundles, every_export_works, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_tui.core.bundle import BUNDLE_VALIDATOR, BundleError, bundle_bytes, parse_bundle
from workshop_tui.core.merge import MergeError, import_bundles
from workshop_tui.core.store import Store, StoreError

FUZZ = settings(
    max_examples=60,
    deadline=None,  # a store and thirteen exports per example, on a shared machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TRIED = {"valid": 0, "refused": 0, "accepted": 0}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@given(document=bundles())
@FUZZ
def test_valid_bundles_import_and_every_export_works(document: dict[str, Any]) -> None:
    assert BUNDLE_VALIDATOR.explain(document) == []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        store = Store(folder / "data")
        [report] = import_bundles(store, [write(folder / "b.json", document)])
        every_export_works(store, report.session_id)
        again = folder / "again.json"
        again.write_bytes(bundle_bytes(store.open_session(report.session_id)))
        other = Store(folder / "other")
        import_bundles(other, [again])
        assert (
            other.open_session(report.session_id).session
            == store.open_session(report.session_id).session
        )
    TRIED["valid"] += 1


# -- mutations ----------------------------------------------------------------------------------
def paths(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document (the document itself excluded)."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield (*at, key)
            yield from paths(sub, (*at, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield (*at, index)
            yield from paths(sub, (*at, index))


#: what a field may be broken into: every JSON type, the ends of ranges, hostile text
REPLACEMENTS: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    90,
    10**20,
    -(10**20),
    0.5,
    -0.0,
    1e308,
    math.inf,
    -math.inf,
    math.nan,
    "",
    "false",
    "90",
    "x" * 400,
    "../../outside",
    "/etc/passwd",
    "a/b",
    "..",
    "a\x00b",
    "lone \ud800",
    "\udfff",
    "\ufeff\u202e",
    "2026-11-27T09:00:00",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:00:00-05:00",
    "2026-02-30T10:00:00+00:00",
    "0001-01-01",
    "9999-12-31",
    "2026-11-27T09:00:00Z",
    [],
    ["x"],
    [1, 2],
    {},
    {"a": 1},
    {"..": "x"},
]


def mutated(document: dict[str, Any], where: tuple[Any, ...], how: int) -> dict[str, Any]:
    """A copy with the value at ``where`` replaced (``how`` < len(REPLACEMENTS)), deleted
    (``how`` == len) or with an unknown field added next to it."""
    doc = copy.deepcopy(document)
    parent: Any = doc
    for key in where[:-1]:
        parent = parent[key]
    last = where[-1]
    if how < len(REPLACEMENTS):
        parent[last] = copy.deepcopy(REPLACEMENTS[how])
    elif how == len(REPLACEMENTS):
        del parent[last]
    elif isinstance(parent, dict):
        parent["unknown_field_" + str(how)] = REPLACEMENTS[how % len(REPLACEMENTS)]
    return doc


@st.composite
def mutations(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    document = draw(bundles())
    where = draw(st.sampled_from(list(paths(document))))
    how = draw(st.integers(0, len(REPLACEMENTS) + 1))
    return document, mutated(document, where, how)


@given(case=mutations())
@FUZZ
def test_one_broken_field_is_refused_in_one_line_or_every_export_works(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, broken = case
    # the fast check and the full walk read the same schema the same way
    assert BUNDLE_VALIDATOR.is_valid(broken) == (BUNDLE_VALIDATOR.explain(broken) == [])
    try:
        parse_bundle(broken, "mem.json")
        parsed_ok = True
    except BundleError as err:
        parsed_ok = False
        assert err.problems and all(
            line.startswith("mem.json: ") and "\n" not in line for line in err.problems
        )
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        store = Store(folder / "data")
        existing = Store(folder / "data").create_session(
            parse_bundle(case[0], "good.json").session.agenda
        )
        before = tree(store.data_dir)
        path = write(folder / "broken.json", broken)
        try:
            [report] = import_bundles(store, [path])
        except MergeError as err:
            assert err.problems and all(
                line.startswith(f"{path}: ") and "\n" not in line for line in err.problems
            ), err.problems
            assert tree(store.data_dir) == before
            TRIED["refused"] += 1
            return
        assert parsed_ok, "the file was accepted, the same document in memory was not"
        every_export_works(store, report.session_id)
        every_export_works(store, existing.id)
        TRIED["accepted"] += 1


@given(case=mutations())
@FUZZ
def test_one_broken_field_in_a_session_file_is_refused_or_every_export_works(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """The same for a session file edited by hand: the session record and entries of a
    mutated bundle written as a session file are either refused when read (one line naming
    the file, nothing loaded, the file untouched) or every export works."""
    good, broken = case
    session = broken.get("session")
    entries = broken.get("entries")
    if not isinstance(session, dict) or not isinstance(entries, list):
        return  # not a session file's shape: the storage layer refuses it (tested elsewhere)
    if not isinstance(session.get("id"), str) or not all(isinstance(e, dict) for e in entries):
        return
    with tempfile.TemporaryDirectory() as work:
        store = Store(Path(work) / "data")
        sid = good["session"]["id"]
        data = {
            "session": {"1": session},
            "entries": {str(n): entry for n, entry in enumerate(entries, 1)},
        }
        path = store.sessions_dir / f"{sid}.json"
        write(path, data)
        before = path.read_bytes()
        try:
            opened = store.open_session(sid)
        except StoreError as err:
            line = str(err)
            assert line.startswith(f"{path}: ") and "\n" not in line, line
            assert path.read_bytes() == before
            return
        opened.entries(include_deleted=True)
        every_export_works(store, sid)


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    print(
        f"\nbundle fuzz: {TRIED['valid']} valid bundles exported, mutations "
        f"{TRIED['refused']} refused, {TRIED['accepted']} accepted and exported"
    )
