"""`workshop-tui export`: output, exit codes, one-line errors, split files, nothing
half-written when the target cannot be written."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path

import pytest
from export_sample import CJK, GROUP_A, ORDER, Sample, build
from openpyxl import load_workbook

from workshop_tui.cli import main
from workshop_tui.core.export import (
    ActionFilter,
    ExportError,
    export_to_path,
    machine_name,
    planned_paths,
)


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def run(sample: Sample, *args: str) -> int:
    return main(["--data-dir", str(sample.store.data_dir), "export", *args])


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_csv_to_stdout_by_default(
    sample: Sample, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert run(sample, "latest") == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(out.decode("utf-8"))
    assert [r["Id"] for r in rows] == [sample.ids[n] for n in ORDER]


def test_prefix_and_filters(sample: Sample, capsys: pytest.CaptureFixture[str]) -> None:
    prefix = sample.session.id[:6]
    code = run(sample, prefix, "--format", "json", "-o", "-", "--topic", "ops", "--status", "open")
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    assert [a["text"] for a in document["actions"]] == [CJK]


def test_write_a_file(sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "actions.xlsx"
    target.parent.mkdir()
    assert run(sample, "latest", "--format", "xlsx", "-o", str(target), "--group", GROUP_A) == 0
    assert capsys.readouterr().out.strip() == f"wrote {target}"
    sheet = load_workbook(target)["Actions"]
    assert sheet.max_row == 1 + 3  # a4, a1, a3 are Group A's
    assert listing(target.parent) == ["actions.xlsx"]  # no temp file left


def test_report_and_bundle(sample: Sample, tmp_path: Path) -> None:
    assert (
        run(
            sample, "latest", "--what", "report", "--format", "html", "-o", str(tmp_path / "r.html")
        )
        == 0
    )
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (
        run(sample, "latest", "--what", "bundle", "-o", str(tmp_path)) == 0
    )  # a folder: default name
    # the default name says it holds every group and which machine wrote it
    [bundle] = list(tmp_path.glob(f"*-bundle-all-groups-{machine_name()}.json"))
    assert json.loads(bundle.read_bytes())["format"] == "workshop-tui-session"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "no session matches 'nope'"),
        (
            ["latest", "--format", "pdf"],
            "format 'pdf' is not available for actions (formats: csv, xlsx, md, html, json, ics, docx)",
        ),
        (
            ["latest", "--what", "report", "--format", "csv"],
            "format 'csv' is not available for report (formats: md, html, docx)",
        ),
        (
            ["latest", "--what", "minutes"],
            "unknown export 'minutes' (choose one of: actions, report, ",
        ),
        (["latest", "--format", "xlsx"], "xlsx is a binary format: give a file name with -o FILE"),
        (["latest", "--topic", "trade"], "unknown topic 'trade' (topics: legal, ops, risk)"),
        (["latest", "--group", "Z"], "unknown group 'Z' (groups: Group A, مجموعة ب)"),
        (
            ["latest", "--status", "finished"],
            "unknown status 'finished' (choose one of: open, in progress, done, dropped, carried over)",
        ),
        (["latest", "--level", "national"], "unknown level 'national'"),
        (["latest", "--what", "report", "--owner", "Ana"], "filters apply to action lists only"),
        (
            ["latest", "--split-by", "owner"],
            "--split-by writes one file per owner or unit: give a folder with -o DIR",
        ),
        (
            ["latest", "--split-by", "colour", "-o", "x"],
            "cannot split by 'colour' (choose one of: owner, unit)",
        ),
        (
            ["latest", "--what", "bundle", "--split-by", "owner", "-o", "x"],
            "only action lists can be split",
        ),
    ],
)
def test_errors_are_one_line_exit_1(
    sample: Sample, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(sample, *args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    line = one_error_line(captured.err)
    assert line.startswith("workshop-tui: ")
    assert message in line


def test_no_sessions_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "export", "latest"]) == 1
    assert "there are no sessions yet" in one_error_line(capsys.readouterr().err)


def test_split_by_owner_writes_one_file_per_owner(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "digests"
    assert run(sample, "latest", "--format", "csv", "--split-by", "owner", "-o", str(folder)) == 0
    names = listing(folder)
    assert names == sorted(
        [
            "actions-Ana.csv",
            "actions-SUM_A1_A2.csv",
            f"actions-{'李雷'}.csv",
            "actions-no-owner.csv",
        ]
    )
    owners = {
        name: [r["Owner"] for r in csv_rows((folder / name).read_text(encoding="utf-8"))]
        for name in names
    }
    assert owners["actions-Ana.csv"] == ["Ana"]
    assert owners["actions-SUM_A1_A2.csv"] == ["'@SUM(A1:A2)"]
    assert owners["actions-no-owner.csv"] == [""]
    assert len(capsys.readouterr().out.strip().splitlines()) == 4


def test_split_by_unit_with_a_filter_and_html(sample: Sample, tmp_path: Path) -> None:
    folder = tmp_path / "units"
    assert (
        run(
            sample,
            "latest",
            "--format",
            "html",
            "--split-by",
            "unit",
            "--group",
            GROUP_A,
            "-o",
            str(folder),
        )
        == 0
    )
    assert listing(folder) == ["actions-Legal_unit.html", "actions-no-unit.html"]
    page = (folder / "actions-Legal_unit.html").read_text(encoding="utf-8")
    assert "Actions for Legal unit, agreed at IPR border enforcement" in page


def test_split_with_nothing_to_write(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "none"
    assert run(sample, "latest", "--topic", "risk", "--split-by", "owner", "-o", str(folder)) == 0
    assert not folder.exists()
    assert "no actions match" in capsys.readouterr().out


def test_path_under_a_regular_file(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert run(sample, "latest", "-o", str(blocker / "actions.csv")) == 1
    assert f"{blocker} is not a folder" in one_error_line(capsys.readouterr().err)
    assert run(sample, "latest", "-o", str(tmp_path / "missing" / "a.csv")) == 1
    assert "does not exist" in one_error_line(capsys.readouterr().err)
    assert run(sample, "latest", "--split-by", "owner", "-o", str(blocker)) == 1
    assert "it is a file, not a folder" in one_error_line(capsys.readouterr().err)
    assert listing(tmp_path) == ["data", "file.txt"]
    assert blocker.read_text() == "x"


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_leaves_nothing_and_keeps_the_old_file(
    sample: Sample,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.csv").write_text("previous export")
    monkeypatch.setattr(os, "replace", _disk_full)
    assert run(sample, "latest", "-o", str(out / "new.csv")) == 1
    assert "the disk is full" in one_error_line(capsys.readouterr().err)
    assert run(sample, "latest", "-o", str(out / "old.csv")) == 1
    capsys.readouterr()
    assert listing(out) == ["old.csv"]  # no new file, no temp file
    assert (out / "old.csv").read_text() == "previous export"


def test_split_failing_midway_removes_what_it_wrote(
    sample: Sample,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_replace = os.replace
    calls = {"n": 0}

    def fail_third(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_third)
    folder = tmp_path / "split"
    assert run(sample, "latest", "--split-by", "owner", "-o", str(folder)) == 1
    assert "the disk is full" in one_error_line(capsys.readouterr().err)
    assert not folder.exists()  # created by this export, so removed again

    existing = tmp_path / "kept"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine")
    calls["n"] = 0
    assert run(sample, "latest", "--split-by", "owner", "-o", str(existing)) == 1
    capsys.readouterr()
    assert listing(existing) == ["notes.txt"]


def test_export_to_path_api(sample: Sample, tmp_path: Path) -> None:
    written = export_to_path(
        sample.store, "latest", "actions", "md", tmp_path / "a.md", ActionFilter(owners=("ana",))
    )
    assert written == [tmp_path / "a.md"]
    assert "Train officers" in written[0].read_text(encoding="utf-8")
    with pytest.raises(ExportError, match="unknown topic"):
        export_to_path(
            sample.store, "latest", "actions", "md", tmp_path / "b.md", ActionFilter(topics=("x",))
        )
    assert not (tmp_path / "b.md").exists()


def test_the_cli_replaces_an_existing_file_and_same_named_split_files(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o names the file explicitly, so the CLI replaces it without asking (the export
    dialog asks first); a split replaces only its own file names in the folder."""
    target = tmp_path / "actions.csv"
    target.write_text("old", encoding="utf-8")
    assert run(sample, "latest", "-o", str(target)) == 0
    assert capsys.readouterr().out.strip() == f"wrote {target}"
    assert target.read_text(encoding="utf-8-sig").startswith("Action,")

    folder = tmp_path / "digests"
    folder.mkdir()
    (folder / "actions-Ana.csv").write_text("old", encoding="utf-8")
    (folder / "actions-Someone_else.csv").write_text("kept", encoding="utf-8")
    assert run(sample, "latest", "--split-by", "owner", "-o", str(folder)) == 0
    assert "Ana" in (folder / "actions-Ana.csv").read_text(encoding="utf-8-sig")
    assert (folder / "actions-Someone_else.csv").read_text(encoding="utf-8") == "kept"


def test_planned_paths_names_what_export_to_path_writes(sample: Sample, tmp_path: Path) -> None:
    folder = tmp_path / "split"
    planned = planned_paths(sample.store, "latest", "actions", "csv", folder, split_by="owner")
    assert not folder.exists()  # nothing written
    assert export_to_path(sample.store, "latest", "actions", "csv", folder, split_by="owner") == (
        planned
    )
    [into_folder] = planned_paths(sample.store, "latest", "actions", "md", tmp_path)
    assert into_folder.parent == tmp_path and into_folder.name.endswith("-actions.md")
    assert planned_paths(sample.store, "latest", "report", "md", tmp_path / "r.md") == [
        tmp_path / "r.md"
    ]
    with pytest.raises(ExportError, match="only action lists can be split"):
        planned_paths(sample.store, "latest", "report", "md", folder, split_by="owner")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_folder_that_takes_no_files_is_not_called_missing(
    sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA: `export latest -o /proc/x.csv` said 'the folder does not exist', but /proc exists."""
    assert run(sample, "latest", "-o", "/proc/x.csv") == 1
    line = one_error_line(capsys.readouterr().err)
    assert "does not exist" not in line
    assert line == (
        "workshop-tui: cannot write /proc/x.csv: no file can be created in /proc "
        "(No such file or directory); nothing was written"
    )


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the file system is read-only"),
        (errno.ENOENT, "no file can be created in {folder} (No such file or directory)"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_the_reason_comes_from_the_os_error(
    sample: Sample,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    reason: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    real_open = os.open

    def refuse(path: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
        if Path(path).parent != folder:  # the store reads the session through os.open too
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "open", refuse)
    assert run(sample, "latest", "-o", str(folder / "a.csv")) == 1
    line = one_error_line(capsys.readouterr().err)
    assert line == (
        f"workshop-tui: cannot write {folder / 'a.csv'}: {reason.format(folder=folder)}; "
        "nothing was written"
    )
    assert listing(folder) == []
