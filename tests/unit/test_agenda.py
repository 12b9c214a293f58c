"""Agenda YAML: the good/bad corpus in tests/data/agendas, bundled agendas, CLI validate/agendas.

Each bad file states the problems it must produce, one ``# expect: LINE:COL: substring`` comment
per problem (or, for files that cannot hold a comment, a ``FILE.expect`` sidecar with
``LINE:COL: substring`` lines). The file must produce exactly those problems: every expected
one at that position, and no others.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_tui.cli import main
from workshop_tui.core.agenda import Agenda
from workshop_tui.core.agenda_yaml import (
    DEFAULT_AGENDA,
    MAX_FILE_BYTES,
    AgendaError,
    AgendaNotFoundError,
    AgendaProblem,
    bundled_agenda_path,
    bundled_agendas,
    dump_agenda,
    load_agenda,
    parse_agenda_text,
    validate_file,
    validate_text,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "agendas"
GOOD = sorted((DATA / "good").glob("*.yaml"))
BAD = sorted((DATA / "bad").glob("*.yaml"))
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")
IPR_TOPICS = [
    "legal-framework",
    "operational-procedures",
    "risk-analysis",
    "information-recordation",
    "information-sharing",
    "right-holder-cooperation",
    "ipr-training",
]


def expectations(path: Path) -> list[tuple[int, int, str]]:
    sidecar = path.with_name(path.name + ".expect")
    if sidecar.exists():
        pattern, text = r"^(\d+):(\d+):\s*(.+)$", sidecar.read_text(encoding="utf-8")
    else:
        pattern, text = r"^#\s*expect:\s*(\d+):(\d+):\s*(.+)$", path.read_bytes().decode("latin-1")
    return [(int(a), int(b), c.strip()) for a, b, c in re.findall(pattern, text, re.M)]


def test_corpus_is_not_empty() -> None:
    assert len(GOOD) >= 4
    assert len(BAD) >= 25


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_good_agenda_loads_and_round_trips(path: Path) -> None:
    assert validate_file(path) == []
    agenda = load_agenda(path)
    assert agenda.name == path.stem
    assert agenda.title and agenda.topics
    assert Agenda.from_dict(agenda.to_dict()) == agenda


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_agenda_reports_exactly_the_expected_problems(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' header"
    problems = validate_file(path)
    remaining = list(problems)
    for line, col, text in expected:
        match = next(
            (p for p in remaining if (p.line, p.col) == (line, col) and text in p.message), None
        )
        assert match is not None, (
            f"expected {line}:{col}: {text!r}; got {[str(p) for p in problems]}"
        )
        remaining.remove(match)
    assert remaining == [], f"unexpected problems: {[str(p) for p in remaining]}"
    for problem in problems:
        assert problem.path == str(path)
        assert PROBLEM_LINE.match(str(problem))
    with pytest.raises(AgendaError) as caught:
        load_agenda(path)
    assert caught.value.problems == problems


def test_problem_and_error_format() -> None:
    problem = AgendaProblem("a.yaml", 3, 7, "something is wrong")
    assert str(problem) == "a.yaml:3:7: something is wrong"
    error = AgendaError([problem, AgendaProblem("a.yaml", 9, 1, "and this")])
    assert str(error) == "a.yaml:3:7: something is wrong\na.yaml:9:1: and this"


def test_unquoted_time_message_explains_base_60() -> None:
    text = "title: T\ntopics: [{id: a, title: A}]\nschedule:\n  - {start: 10:30, topic: a}\n"
    [problem] = validate_text(text, "t.yaml")
    assert (problem.line, problem.col) == (4, 13)
    assert "630" in problem.message and 'quotes: "10:30"' in problem.message


def test_times_are_normalised_to_hh_mm() -> None:
    text = 'title: T\ntopics: [{id: a, title: A}]\nschedule: [{start: "9:05", topic: a}]\n'
    agenda = parse_agenda_text(text)
    assert agenda.schedule[0].start == "09:05"
    assert agenda.schedule[0].day == 1


def test_participants_join_their_group_members() -> None:
    text = (
        "title: T\ngroups: [{name: A, members: [Ana]}, B]\n"
        "participants: [{name: Ben, group: A}, {name: Ana, group: A}, {name: Cy, group: B}]\n"
        "topics: [{id: a, title: A}]\n"
    )
    agenda = parse_agenda_text(text)
    assert [(g.name, g.members) for g in agenda.groups] == [("A", ("Ana", "Ben")), ("B", ("Cy",))]


def test_no_groups_means_one_plenary_group() -> None:
    agenda = parse_agenda_text("title: T\ntopics: [{id: a, title: A}]\n", name="x")
    assert agenda.group_names == ["Plenary"]
    assert agenda.name == "x"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"title: big\n" + b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    [problem] = validate_file(big)
    assert (problem.line, problem.col) == (1, 1)
    assert "too large" in problem.message
    with pytest.raises(AgendaError, match="too large"):
        load_agenda(big)


def test_oversized_text_is_refused() -> None:
    with pytest.raises(AgendaError, match="too large"):
        parse_agenda_text("#" * (MAX_FILE_BYTES + 1))


def test_directory_and_missing_file(tmp_path: Path) -> None:
    assert "directory" in validate_file(tmp_path)[0].message
    missing = tmp_path / "missing.yaml"
    assert validate_file(missing)[0].message == "no such file"
    with pytest.raises(AgendaError, match="no such file"):
        load_agenda(missing)


def test_unknown_bundled_name_lists_the_bundled_agendas() -> None:
    with pytest.raises(AgendaError) as caught:
        load_agenda("no-such-agenda")
    message = str(caught.value)
    names = ", ".join(name for name, _title in bundled_agendas())
    assert message == f"no bundled agenda or file named 'no-such-agenda' (bundled: {names})"
    assert isinstance(caught.value, AgendaNotFoundError)
    assert [str(p) for p in caught.value.problems] == [message]  # what the start screen shows


def test_too_many_problems_are_capped() -> None:
    text = "title: T\ntopics: [{id: a, title: A}]\n" + "".join(f"k{i}: v\n" for i in range(300))
    problems = validate_text(text)
    assert len(problems) == 101
    assert problems[-1].message == "... and 200 more problems"


def test_too_many_nodes_are_refused() -> None:
    text = "title: T\ntopics:\n" + "  - {id: a, title: A}\n" * 20_000
    [problem] = validate_text(text)
    assert "too big" in problem.message


# -- bundled agendas ------------------------------------------------------------------------
def test_the_bundled_agendas() -> None:
    rows = bundled_agendas()
    assert [name for name, _ in rows] == [
        "ipr-border-enforcement",
        "ipr-border-enforcement-id",  # the same workshop in Bahasa Indonesia
        "team-retrospective",
        "world-cafe-problem-solving",
    ]
    assert all(title and title != "(invalid agenda file)" for _, title in rows)
    assert DEFAULT_AGENDA in dict(rows)


@pytest.mark.parametrize("name", [name for name, _ in bundled_agendas()])
def test_bundled_agenda_is_valid_and_round_trips(name: str) -> None:
    path = bundled_agenda_path(name)
    assert path.is_file()
    assert validate_file(path) == []
    agenda = load_agenda(name)
    assert agenda.name == name
    assert load_agenda(f"{name}.yaml") == agenda
    assert load_agenda(path) == agenda
    assert Agenda.from_dict(agenda.to_dict()) == agenda
    for topic in agenda.topics:
        assert topic.description and len(topic.questions) >= 2, topic.id
    scheduled = {item.topic for item in agenda.schedule if item.topic}
    assert scheduled == {t.id for t in agenda.topics}, "every topic has a slot in the schedule"


def test_ipr_agenda_content() -> None:
    agenda = load_agenda(DEFAULT_AGENDA)
    assert agenda.title == "National Workshop on Combating Counterfeiting and Piracy"
    assert [t.id for t in agenda.topics] == IPR_TOPICS
    assert all(3 <= len(t.questions) <= 5 for t in agenda.topics)
    officers = [p for p in agenda.participants if p.group]
    assert len(officers) == 21
    assert 3 <= len(agenda.groups) <= 4
    assert sum(len(g.members) for g in agenda.groups) == 21
    assert (agenda.start_date, agenda.end_date) == ("2026-03-02", "2026-03-06")
    assert {item.day for item in agenda.schedule} == {1, 2, 3, 4, 5}
    text = " ".join(t.description + " ".join(t.questions) for t in agenda.topics).lower()
    for term in ("suspension of release", "ex officio", "small consignments", "destruction"):
        assert term in text


# -- CLI ------------------------------------------------------------------------------------
def test_cli_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    good = [str(p) for p in GOOD[:2]]
    assert main(["validate", *good]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{name}: ok" for name in good]


def test_cli_validate_bad_prints_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    bad = DATA / "bad" / "many-problems.yaml"
    assert main(["validate", str(GOOD[0]), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{GOOD[0]}: ok"
    assert len(out) == 1 + len(expectations(bad))
    for line in out[1:]:
        assert line.startswith(f"{bad}:") and PROBLEM_LINE.match(line)
    assert f"{bad}:17:21: start 10:30 is not quoted" in "\n".join(out)


def test_cli_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["validate", str(missing)]) == 1
    assert capsys.readouterr().out == f"{missing}:1:1: no such file\n"


def test_cli_agendas_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agendas"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert lines[0].split()[0] == "ipr-border-enforcement"
    assert "National Workshop on Combating Counterfeiting and Piracy" in lines[0]


def test_cli_run_unknown_agenda_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `run nosuch-agenda` printed 'nosuch-agenda:1:1: …', a position in no file."""
    assert main(["--data-dir", str(tmp_path), "run", "no-such-agenda"]) == 1
    captured = capsys.readouterr()
    names = ", ".join(name for name, _title in bundled_agendas())
    assert captured.err == (
        f"workshop-tui: no bundled agenda or file named 'no-such-agenda' (bundled: {names})\n"
    )


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("{tmp}/missing.yaml", "cannot open the agenda file '{tmp}/missing.yaml': no such file"),
        ("{tmp}", "'{tmp}' is a folder, not an agenda file"),
        ("", "give an agenda file or a bundled agenda (bundled: "),
    ],
)
def test_cli_run_without_an_agenda_file_names_no_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ref: str, message: str
) -> None:
    ref = ref.format(tmp=tmp_path)
    assert main(["--data-dir", str(tmp_path / "data"), "run", ref]) == 1
    err = capsys.readouterr().err
    assert err.startswith("workshop-tui: " + message.format(tmp=tmp_path))
    assert len(err.splitlines()) == 1 and ":1:1:" not in err


def test_cli_run_of_a_broken_file_still_points_at_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: T\ntopics: [\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "run", str(broken)]) == 1
    assert capsys.readouterr().err.startswith(f"{broken}:")


def test_documented_example_is_valid() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "agenda-format.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    example = parse_agenda_text(blocks[0], "docs/agenda-format.md")
    assert [t.id for t in example.topics] == ["legal-framework", "risk-analysis"]
    assert example.group_names == ["Group A", "Group B"]
    assert example.schedule[1].start == "10:30"
    # The second block shows the unquoted-time mistake next to the right form.
    snippet = "title: T\ntopics: [{id: legal-framework, title: L}]\nschedule:\n" + blocks[1]
    [problem] = validate_text(snippet)
    assert "630" in problem.message


@pytest.mark.parametrize("path", GOOD + BAD, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_pure_python_parser_finds_the_same_problems(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libyaml (a PyYAML build without it) the same problems are found at the same
    places; only the wording of YAML syntax errors differs."""
    import workshop_tui.core.agenda_yaml as agenda_yaml

    fast = validate_file(path)
    monkeypatch.setattr(agenda_yaml, "_Loader", agenda_yaml._PureLoader)
    pure = validate_file(path)
    assert [(p.line, p.col) for p in pure] == [(p.line, p.col) for p in fast]
    for a, b in zip(pure, fast, strict=True):
        if not a.message.startswith("YAML syntax error"):
            assert a.message == b.message


@pytest.mark.parametrize("name", [name for name, _ in bundled_agendas()])
def test_dump_agenda_reads_back_equal(name: str) -> None:
    agenda = load_agenda(name)
    text = dump_agenda(agenda)
    assert validate_text(text) == []
    assert parse_agenda_text(text, name=name) == agenda


def test_unusable_paths_are_problems_not_exceptions(tmp_path: Path) -> None:
    for ref in ("x" * 5000, "a\x00b", "/dev/null", str(tmp_path)):
        problems = validate_file(ref)
        assert len(problems) == 1 and PROBLEM_LINE.match(str(problems[0])), ref
        with pytest.raises(AgendaError):
            load_agenda(ref)


def test_control_characters_never_reach_the_terminal() -> None:
    [problem] = validate_file("evil\x1b[2J.yaml")
    assert str(problem) == "evil\\x1b[2J.yaml:1:1: no such file"
    text = 'title: T\ngroups: ["\\e[31mred"]\nparticipants: [{name: a, group: b}]\ntopics: [{id: a, title: A}]\n'
    [problem] = validate_text(text)
    assert "\x1b" not in str(problem) and "\\x1b[31mred" in str(problem)


def test_home_directory_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "mine.yaml").write_text("title: Mine\ntopics: [{id: a, title: A}]\n", "utf-8")
    assert load_agenda("~/mine.yaml").name == "mine"
    assert validate_file("~/mine.yaml") == []


def test_bundled_titles_read_without_yaml_equal_the_loaded_titles() -> None:
    from workshop_tui.core.bundled import bundled_agendas as fast_list
    from workshop_tui.core.bundled import bundled_title

    for name, title in fast_list():
        assert bundled_title(name) == title  # read from the title line, not a fallback
        assert load_agenda(name).title == title


def test_bundled_title_falls_back_on_unusual_lines(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workshop_tui.core import bundled

    (tmp_path / "odd.yaml").write_text("format: 1\ntitle: >\n  Folded\n", encoding="utf-8")
    (tmp_path / "quoted.yaml").write_text('title: "A: quoted"\n', encoding="utf-8")
    monkeypatch.setattr(bundled, "BUNDLED_DIR", tmp_path)
    assert bundled.bundled_title("odd") is None
    assert bundled.bundled_title("quoted") == "A: quoted"
    assert bundled.bundled_names() == ["odd", "quoted"]
