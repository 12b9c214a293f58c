"""Fuzz the agenda loader: whatever the input, the result is an Agenda or an AgendaError whose
problems all read ``FILE:LINE:COL: message`` — never another exception, never a hang.

The number of inputs tried is printed at the end of the module (visible without ``-s``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_tui.core.agenda import Agenda, Group, Participant, ScheduleItem, Topic
from workshop_tui.core.agenda_yaml import (
    MAX_FILE_BYTES,
    AgendaError,
    bundled_agenda_path,
    dump_agenda,
    load_agenda,
    parse_agenda_text,
    validate_file,
)

PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")
FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=5),  # generous: the CI machine is shared
    suppress_health_check=[HealthCheck.too_slow],
)
TRIED = [0]

TOKENS = [
    "title: ",
    "topics:",
    "groups:",
    "participants:",
    "schedule:",
    "dates: ",
    "{start: 2026-03-02, end: 2026-03-06}",
    "  - ",
    "- ",
    "id: ",
    "timebox: ",
    "questions: ",
    "group: ",
    "topic: ",
    "start: ",
    "day: ",
    "a",
    "b-c",
    "Group A",
    "10:30",
    '"09:00"',
    "0",
    "-5",
    "480",
    "1e9",
    "yes",
    "~",
    "2026-02-30",
    "&x ",
    "*x",
    "<<: ",
    "!!python/object/apply:os.system ",
    "!tag ",
    "!!binary ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "? ",
    "|",
    ">-",
    "'",
    '"',
    "#",
    "---",
    "...",
    "%YAML 1.1",
    "\t",
    "\n",
    "\n  ",
    "\n    ",
    "\r\n",
    " ",
    "\x00",
    "\x07",
    "\ufeff",
    "é",
    "\u2028",
]

yamlish = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
IPR_TEXT = bundled_agenda_path("ipr-border-enforcement").read_text(encoding="utf-8")


@pytest.fixture(scope="module", autouse=True)
def report_inputs_tried(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_sep("-", f"agenda fuzz: {TRIED[0]} inputs tried")


def check_text(text: str) -> None:
    TRIED[0] += 1
    try:
        agenda = parse_agenda_text(text, "fuzz.yaml")
    except AgendaError as err:
        assert err.problems
        for problem in err.problems:
            assert PROBLEM_LINE.match(str(problem)), str(problem)
            assert problem.line >= 1 and problem.col >= 1
    else:
        assert isinstance(agenda, Agenda)
        assert Agenda.from_dict(agenda.to_dict()) == agenda


def check_file(path: Path) -> None:
    TRIED[0] += 1
    problems = validate_file(path)
    for problem in problems:
        assert PROBLEM_LINE.match(str(problem)), str(problem)
    try:
        agenda = load_agenda(path)
    except AgendaError as err:
        assert err.problems == problems
    else:
        assert problems == []
        assert isinstance(agenda, Agenda)


@FUZZ
@given(yamlish)
def test_yamlish_text(text: str) -> None:
    check_text(text)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    check_text(text)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(IPR_TEXT)),
            st.integers(min_value=0, max_value=8),
            st.sampled_from(TOKENS),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_bundled_agenda(edits: list[tuple[int, int, str]]) -> None:
    """Delete a few characters and insert a token at random places in the IPR agenda."""
    text = IPR_TEXT
    for at, delete, insert in edits:
        text = text[:at] + insert + text[at + delete :]
    check_text(text)


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "agenda.yaml"
    path.write_bytes(data)
    check_file(path)


@FUZZ
@given(yamlish, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252"]))
def test_yamlish_file_in_other_encodings(
    tmp_path_factory: pytest.TempPathFactory, text: str, encoding: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "agenda.yaml"
    path.write_bytes(text.encode(encoding, errors="replace"))
    check_file(path)


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    lines.append(f"title: *lol{levels}")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    TRIED[0] += 1
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    [problem] = validate_file(path)
    assert str(problem) == (
        f"{path}:1:7: anchors (&lol0) are not supported in agenda files; write the value out"
    )


def test_alias_without_anchor_is_refused() -> None:
    TRIED[0] += 1
    with pytest.raises(AgendaError, match=r":2:8: aliases \(\*ref\) are not supported"):
        parse_agenda_text("topics: []\ntitle: *ref\n")


def test_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    TRIED[0] += 1
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"title: x\ntopics: [" + b"a, " * (MAX_FILE_BYTES // 3) + b"]\n")
    assert path.stat().st_size > MAX_FILE_BYTES
    [problem] = validate_file(path)
    assert str(problem).startswith(f"{path}:1:1: the file is too large (")
    with pytest.raises(AgendaError, match="too large"):
        load_agenda(path)


def test_deep_nesting_is_refused() -> None:
    TRIED[0] += 1
    for text in ("[" * 100_000, "a:\n" + "".join(" " * i + "- \n" for i in range(1, 500))):
        with pytest.raises(AgendaError, match="nest"):
            parse_agenda_text(text)


# -- any valid agenda survives dump_agenda -> parse_agenda_text --------------------------------
words = (
    st.text(
        alphabet=st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    topic_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    topics = tuple(
        Topic(
            topic_id,
            draw(words),
            draw(st.lists(words, max_size=3).map("\n".join)),
            tuple(draw(st.lists(words, max_size=3))),
            draw(st.integers(1, 480)),
        )
        for topic_id in topic_ids
    )
    people = draw(st.lists(words, max_size=6, unique=True))
    group_names = draw(st.lists(words, min_size=1, max_size=3, unique=True))
    participants = tuple(
        Participant(
            name, draw(st.one_of(st.just(""), words)), draw(st.sampled_from(["", *group_names]))
        )
        for name in people
    )
    groups = tuple(
        Group(name, tuple(p.name for p in participants if p.group == name)) for name in group_names
    )
    start_date = end_date = ""
    days = 30
    if draw(st.booleans()):
        start = draw(st.dates(date(2000, 1, 1), date(2099, 12, 1)))
        days = draw(st.integers(1, 10))
        start_date, end_date = start.isoformat(), (start + timedelta(days=days - 1)).isoformat()
    schedule = []
    for _ in range(draw(st.integers(0, 5))):
        topic = draw(st.sampled_from(["", *topic_ids]))
        schedule.append(
            ScheduleItem(
                draw(st.integers(1, days)),
                f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}",
                topic,
                draw(words) if not topic else draw(st.one_of(st.just(""), words)),
            )
        )
    return Agenda(
        title=draw(words),
        topics=topics,
        groups=groups,
        organiser=draw(st.one_of(st.just(""), words)),
        venue=draw(st.one_of(st.just(""), words)),
        start_date=start_date,
        end_date=end_date,
        description=draw(st.lists(words, max_size=3).map("\n".join)),
        language=draw(st.sampled_from(["en", "fr", "no", "yes", "on", "1", "null"])),
        participants=participants,
        schedule=tuple(schedule),
        name="generated",
    )


@FUZZ
@given(agendas())
def test_dumped_agenda_reads_back_equal(agenda: Agenda) -> None:
    TRIED[0] += 1
    assert parse_agenda_text(dump_agenda(agenda), name="generated") == agenda
