"""Benchmark: durable capture, start-up, listing, search and export against a large history.

    python benchmarks/bench.py [--json PATH] [--quick] [--keep DIR] [--only ui]

Builds a synthetic history in a temp dir (1,000 past sessions × 200 entries; ``--quick``:
100 × 200) and measures every figure side by side in one run: capture, stock TinyDB,
listing, search, exports, start-up, peak RSS. Prints a table (figure, value, target,
pass/fail) and, with ``--json``, writes the same figures with their samples. Each figure is
a median of several repeats. Exit status 0 even when a target is missed: the table is the
result. What each figure measures: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ui import ui_figures  # noqa: E402
from synthetic import build_history, make_entries, sample_agenda  # noqa: E402

from workshop_tui.core.model import EntryKind  # noqa: E402
from workshop_tui.core.store import SessionStore, Store  # noqa: E402


@dataclass
class Figure:
    name: str
    value: float | None  # None: not measured (feature not built)
    unit: str
    target: str = ""  # e.g. "<= 10", ">= 20"; empty: reported for context only
    note: str = ""
    samples: list[float] = field(default_factory=list)

    @property
    def passed(self) -> bool | None:
        if self.value is None or not self.target:
            return None
        op, bound = self.target.split()
        return self.value <= float(bound) if op == "<=" else self.value >= float(bound)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": None if self.value is None else round(self.value, 3),
            "unit": self.unit,
            "target": self.target or None,
            "pass": self.passed,
            "note": self.note,
            "samples": [round(s, 3) for s in self.samples],
        }


def own_rss() -> float:
    """Peak RSS of this process so far, in MB (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples)


@contextlib.contextmanager
def timer(into: list[float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    into.append((time.perf_counter() - start) * 1000)


def machine() -> dict[str, Any]:
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "textual": version("textual"),
        "tinydb": version("tinydb"),
        "orjson": version("orjson"),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# -- capture ----------------------------------------------------------------------------
def big_session(store: Store, entries: int, rng: random.Random) -> SessionStore:
    """The session being captured into: ``entries`` entries already there."""
    session_store = store.create_session(sample_agenda(), title="Live workshop")
    start = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    session_store.save_entries(make_entries(rng, entries, start))
    return session_store


def measure_capture(empty: SessionStore, history: SessionStore, repeats: int) -> list[Figure]:
    """Interleave captures into the two sessions so disk noise hits both alike."""
    empty_ms: list[float] = []
    history_ms: list[float] = []
    entries = len(empty.entries())
    for i in range(repeats):
        for target, into in ((empty, empty_ms), (history, history_ms)):
            with timer(into):
                target.add_entry(
                    EntryKind.CHALLENGE,
                    "recordation",
                    "Group A",
                    f"Challenge {i}: no recordation form",
                )
    e, h = median_ms(empty_ms), median_ms(history_ms)
    return [
        Figure(
            "capture_ms_empty",
            e,
            "ms",
            "<= 10",
            f"add_entry into a {entries}-entry session, no other sessions",
            empty_ms,
        ),
        Figure(
            "capture_ms_history", h, "ms", "<= 10", "same, next to the full history", history_ms
        ),
        Figure("capture_ratio", h / e, "x", "<= 1.3", "capture_ms_history / capture_ms_empty"),
    ]


def measure_stock(history_dir: Path, work: Path, inserts: int, capture_ms: float) -> list[Figure]:
    out = subprocess.run(
        [sys.executable, str(HERE / "stock_tinydb.py"), str(history_dir), str(work), str(inserts)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    stock = median_ms(result["insert_ms"])
    note = f"insert into one stock TinyDB JSONStorage file of {result['entries']} entries ({result['file_mb']:.0f} MB)"
    return [
        Figure("stock_tinydb_ms", stock, "ms", "", note, result["insert_ms"]),
        Figure(
            "speedup_vs_stock",
            stock / capture_ms,
            "x",
            ">= 20",
            "stock_tinydb_ms / capture_ms_history",
        ),
    ]


# -- start-up ---------------------------------------------------------------------------
def startup_once(*args: str) -> tuple[float, float]:
    cmd = [sys.executable, str(HERE / "startup_probe.py"), *args]
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(
            f"{' '.join(args[:1])} app did not start (exit {out.returncode}): {last}"
        )
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    result = json.loads(line)
    return (result["t_ready"] - t0) * 1000, result["rss_mb"]


def measure_startup(empty_dir: Path, history_dir: Path, repeats: int) -> tuple[list[Figure], float]:
    try:
        importlib.import_module("workshop_tui.ui.app")
        startup_once("bare")  # warm the OS file cache for the imports; not counted
        startup_once("workshop", str(empty_dir))
    except (ImportError, RuntimeError) as err:
        note = f"n/a (WorkshopApp not usable yet: {err})"
        names = ("startup_ratio", "startup_ratio_history")
        return [Figure(n, None, "x", "<= 1.5", note) for n in names], 0.0
    bare: list[float] = []
    app_empty: list[float] = []
    app_history: list[float] = []
    rss = 0.0
    for _ in range(repeats):  # interleaved, so load on the shared machine hits all three alike
        for into, args in (
            (bare, ("bare",)),
            (app_empty, ("workshop", str(empty_dir))),
            (app_history, ("workshop", str(history_dir))),
        ):
            ms, child_rss = startup_once(*args)
            into.append(ms)
            if args[0] == "workshop":
                rss = max(rss, child_rss)
    b, a, h = median_ms(bare), median_ms(app_empty), median_ms(app_history)
    try:  # not timed: the memory of an app process that has searched the whole history
        rss = max(rss, startup_once("workshop", str(history_dir), "--then-search")[1])
    except RuntimeError as err:
        print(f"app + search RSS not measured: {err}", file=sys.stderr)
    return [
        Figure(
            "startup_ms_bare",
            b,
            "ms",
            "",
            "bare Textual app: process start → first screen mounted",
            bare,
        ),
        Figure("startup_ms_app", a, "ms", "", "WorkshopApp, empty data dir", app_empty),
        Figure("startup_ms_app_history", h, "ms", "", "WorkshopApp, full history", app_history),
        Figure("startup_ratio", a / b, "x", "<= 1.5", "startup_ms_app / startup_ms_bare"),
        Figure(
            "startup_ratio_history",
            h / b,
            "x",
            "<= 1.5",
            "startup_ms_app_history / startup_ms_bare",
        ),
    ], rss


# -- listing, search, export ------------------------------------------------------------
def measure_listing(history_dir: Path, repeats: int) -> list[Figure]:
    """Warm: the same Store lists again. Cold: a new Store (a new process) reads catalog.json.
    Rebuild: catalog.json was deleted, every session file is read again."""
    sessions = len(Store(history_dir).session_ids())
    warm: list[float] = []
    cold: list[float] = []
    rebuild: list[float] = []
    Store(history_dir).list_sessions()  # make sure the catalog on disk is up to date
    for _ in range(repeats):
        store = Store(history_dir)
        with timer(cold):
            listing = store.list_sessions()
        with timer(warm):
            store.list_sessions()
        assert len(listing.sessions) == sessions, (len(listing.sessions), listing.problems)
    for _ in range(max(1, repeats // 2)):
        (history_dir / "catalog.json").unlink()
        store = Store(history_dir)
        with timer(rebuild):
            listing = store.list_sessions()
        assert len(listing.sessions) == sessions
    return [
        Figure(
            "sessions_list_ms_warm",
            median_ms(warm),
            "ms",
            "<= 200",
            f"Store.list_sessions() again in the same Store, {sessions} sessions",
            warm,
        ),
        Figure(
            "sessions_list_ms_cold",
            median_ms(cold),
            "ms",
            "<= 200",
            "first list_sessions() of a new Store (catalog.json read from disk)",
            cold,
        ),
        Figure(
            "sessions_list_ms_rebuild",
            median_ms(rebuild),
            "ms",
            "<= 200",
            "first list_sessions() after deleting catalog.json (every session file re-read)",
            rebuild,
        ),
    ]


#: a word planted in the oldest session only: its search has to look at every file
RARE_WORD = "hovercraft"


def plant_rare_entry(store: Store) -> None:
    """Put RARE_WORD into the oldest session (searched last: sessions go newest first)."""
    oldest = store.list_sessions().sessions[-1].id
    session = store.open_session(oldest)
    session.add_entry(EntryKind.NOTE, "risk", "Plenary", f"A {RARE_WORD} patrol on the river")


def _search_once(history_dir: Path, query: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(HERE / "search_probe.py"), str(history_dir), query],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure_search(
    history_dir: Path, repeats: int, total_entries: int
) -> tuple[list[Figure], float]:
    """Cold = the first search of a new process. A common query (words in every session:
    the search can stop at its 200-hit limit) and a rare one (one hit, in the oldest
    session: every file is looked at)."""
    try:
        importlib.import_module("workshop_tui.core.search")
    except ImportError:
        return [Figure("search_ms", None, "ms", "<= 1000", "n/a (core/search.py not built)")], 0.0
    figures: list[Figure] = []
    rss = 0.0
    for name, query in (("search_ms", "recordation form"), ("search_ms_rare", RARE_WORD)):
        cold: list[float] = []
        warm: list[float] = []
        hits = 0
        for _ in range(repeats):
            result = _search_once(history_dir, query)
            cold.append(result["cold_ms"])
            warm.append(result["warm_ms"])
            rss = max(rss, result["rss_mb"])
            hits = result["hits"]
        figures += [
            Figure(
                name,
                median_ms(cold),
                "ms",
                "<= 1000",
                f"{query!r}: first search of a new process, {total_entries} entries, {hits} hits",
                cold,
            ),
            Figure(f"{name}_warm", median_ms(warm), "ms", "", "the same search again", warm),
        ]
    figures.append(Figure("search_rss_mb", rss, "MB", "", "peak RSS of those processes"))
    return figures, rss


#: export targets that differ from 500 ms: a Word document is a zipped package of XML parts
EXPORT_TARGETS = {"docx": "<= 1000"}


def measure_export(work: Path, repeats: int) -> list[Figure]:
    try:
        export_module = importlib.import_module("workshop_tui.core.export")
    except ImportError:
        return [Figure("export_ms", None, "ms", "<= 500", "n/a (core/export not built)")]
    from workshop_tui.core.store.storage import atomic_write_bytes

    store = Store(work / "export-data")
    rng = random.Random(3)
    session = big_session(store, 0, rng)
    # Keep only the actions of a larger generated batch: 2,000 realistic action rows.
    start = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    generated = make_entries(rng, 10000, start)
    actions = [e for e in generated if e.kind == EntryKind.ACTION][:2000]
    assert len(actions) == 2000
    session.save_entries(actions)
    # Progress reports need a follow-up session: one that reviews those 2,000 actions.
    follow_up = store.create_session(sample_agenda(), title="Follow-up", follow_up_of=session.id)
    figures = []
    for what, fmt in sorted(export_module.EXPORTERS):
        samples: list[float] = []
        size = 0
        source, label = session, f"session with {len(actions)} actions"
        try:
            export_module.export(source, what, fmt)
        except export_module.ExportError:
            source, label = follow_up, f"follow-up of a session with {len(actions)} actions"
        for i in range(repeats):
            out = work / f"export-{i}-{what}.{fmt}"
            with timer(samples):  # render + durable write, as `workshop-tui export` does
                payload = export_module.export(source, what, fmt)
                atomic_write_bytes(out, payload)
            size = len(payload)
        figures.append(
            Figure(
                f"export_ms_{what}_{fmt}",
                median_ms(samples),
                "ms",
                EXPORT_TARGETS.get(fmt, "<= 500"),
                f"{label} → {size / 1e3:,.0f} kB",
                samples,
            )
        )
    return figures


def measure_themes(repeats: int) -> list[Figure]:
    """Theme suggestions over 500 entries (issue 14): the first call loads numpy and the
    stemmers (context); the target is a later call, as the plenary's worker makes them."""
    from themes_quality import bench_entries

    from workshop_tui.core.themes.suggest import suggest_themes

    entries = bench_entries(500)
    first: list[float] = []
    with timer(first):
        suggest_themes(entries)
    samples: list[float] = []
    cpu: list[float] = []
    for _ in range(repeats):
        started = time.process_time()
        with timer(samples):
            found = suggest_themes(entries)
        cpu.append((time.process_time() - started) * 1000)
    note = (
        f"500 entries (challenges + solutions, EN + ID) → {len(found)} suggestions; "
        f"CPU {median_ms(cpu):.0f} ms (wall time waits for the other processes)"
    )
    return [
        Figure("themes_ms_500", median_ms(samples), "ms", "<= 300", note, samples),
        Figure("themes_first_ms_500", first[0], "ms", "", "first call: imports numpy, stemmers"),
    ]


def measure_import(work: Path, repeats: int) -> list[Figure]:
    """Bundle import of a 2,000-entry session (issue 10: every bundle and every session file
    is checked against the schema): see import_probe.py."""
    from import_probe import ENTRIES, measure

    samples = measure(work / "import", repeats)
    notes = {
        "read": f"read_bundle: read, check nesting, parse, validate {ENTRIES} entries",
        "new": "import_bundles into an empty data folder (creates the session)",
        "again": "the same import again (nothing changes: stored file read, joined, compared)",
        "open": "open the imported session in a new Store (session file read and checked)",
    }
    figures = []
    for name, note in notes.items():
        figures.append(
            Figure(f"import_ms_{name}", median_ms(samples[name]), "ms", "", note, samples[name])
        )
        cpu = samples[f"{name}_cpu"]
        figures.append(Figure(f"import_cpu_ms_{name}", median_ms(cpu), "ms", "", "CPU time", cpu))
    return figures


# -- room mode (issue 16) ------------------------------------------------------------------
def measure_serve(quick: bool) -> list[Figure]:
    """A real ``serve`` with its join code and 10 tabs (5 with --quick), each its own app
    process: memory per tab, and a scribe's capture → drawn in the facilitator's tab."""
    clients, captures = (5, 5) if quick else (10, 9)
    # a child process (serve_room.py): its tab readers keep every frame they receive
    out = subprocess.run(
        [sys.executable, str(HERE / "serve_room.py"), str(clients), str(captures)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    visible = result["visible_ms"]
    return [
        Figure(
            "serve_rss_mb_per_client",
            result["rss_mb"],
            "MB",
            "",
            f"mean VmRSS of {result['processes']} tab app processes "
            f"(PSS {result['pss_mb']:.0f} MB); all drawn in {result['start_s']:.1f} s",
        ),
        Figure(
            "serve_capture_visible_ms",
            median_ms(visible),
            "ms",
            "<= 2000",
            f"median of {len(visible)}, max {max(visible):.0f} ms; the apps poll every 1.5 s",
            visible,
        ),
    ]


# -- history: sessions browser, register, filtered search, memory (issue 17) -------------
def _history_probe(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(HERE / "history_probe.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"history_probe {args[0]} failed: {last}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure_history(history_dir: Path, repeats: int) -> list[Figure]:
    """F4 keystrokes above the floor, the register cold (new process), a filtered search
    cold, and memory over 25 open/close cycles of old sessions; each in its own process."""
    figures: list[Figure] = []
    try:
        keys: list[float] = []
        floor: list[float] = []
        shown = total = 0
        for _ in range(max(1, repeats // 2)):
            result = _history_probe("filter", str(history_dir))
            keys += result["keys_ms"]
            floor += result["floor_ms"]
            shown, total = result["shown"], result["total"]
        above = median_ms(keys) - median_ms(floor)
        figures += [
            Figure(
                "history_filter_ms",
                above,
                "ms",
                "<= 30",
                f"F4: one filter keystroke until the table shows the rows ({total} sessions, "
                f"'workshop 2021-0' typed → {shown} rows), minus the floor",
                keys,
            ),
            Figure(
                "history_filter_floor_ms",
                median_ms(floor),
                "ms",
                "",
                "the same key presses into an Input nothing listens to (Pilot press + settle)",
                floor,
            ),
        ]
        _history_probe("register", str(history_dir))  # writes register-cache.json once
        cold: list[float] = []
        rows = 0
        for _ in range(repeats):
            result = _history_probe("register", str(history_dir))
            cold.append(result["ms"])
            rows = result["rows"]
        figures.append(
            Figure(
                "register_ms",
                median_ms(cold),
                "ms",
                "<= 1000",
                f"core.register.build_register, new process, {rows} action rows "
                "(register-cache.json present)",
                cold,
            )
        )
        query = "seizure airport kind:action date:2021"
        searched: list[float] = []
        counted: list[float] = []
        hits = matches = 0
        for _ in range(repeats):
            result = _history_probe("search", str(history_dir), query)
            searched.append(result["ms"])
            counted.append(result["count_ms"])
            hits, matches = result["hits"], result["total"]
        figures += [
            Figure(
                "search_ms_filtered",
                median_ms(searched),
                "ms",
                "<= 500",
                f"{query!r}: first page of a new process ({hits} hits of {matches})",
                searched,
            ),
            Figure(
                "search_count_ms_filtered",
                median_ms(counted),
                "ms",
                "",
                "then counting every match (what F5 shows after the first page)",
                counted,
            ),
        ]
        result = _history_probe("cycles", str(history_dir), "25")
        first, last = result["rss_mb"][0], result["rss_mb"][-1]
        figures.append(
            Figure(
                "history_rss_ratio",
                last / first,
                "x",
                "<= 1.2",
                f"RSS after 25 open/close cycles of old sessions / after the first "
                f"({first:.0f} → {last:.0f} MB; session stores still open: "
                f"{result['open_stores']})",
                result["rss_mb"],
            )
        )
    except (RuntimeError, subprocess.TimeoutExpired, KeyError, ValueError) as err:
        figures.append(Figure("history_filter_ms", None, "ms", "<= 30", f"n/a ({err})"))
    return figures


# -- report -----------------------------------------------------------------------------
def print_table(figures: list[Figure], info: dict[str, Any]) -> None:
    print()
    print("machine: " + ", ".join(f"{k}={v}" for k, v in info["machine"].items()))
    print("history: " + ", ".join(f"{k}={v}" for k, v in info["params"].items()))
    print()
    print(f"{'figure':<28} {'value':>12}  {'target':<9} {'result':<6}  note")
    for fig in figures:
        value = "n/a" if fig.value is None else f"{fig.value:,.2f} {fig.unit}"
        result = {True: "pass", False: "FAIL", None: "-"}[fig.passed]
        print(f"{fig.name:<28} {value:>12}  {fig.target:<9} {result:<6}  {fig.note}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument(
        "--quick", action="store_true", help="100-session history, fewer repeats (smoke test)"
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="build the data in DIR and keep it (default: a temp dir)"
    )
    parser.add_argument(
        "--only", choices=["all", "ui"], default="all", help="ui: the UI section alone"
    )
    args = parser.parse_args(argv)

    sessions = 100 if args.quick else 1000
    per_session = 200
    repeats = {
        "capture": 15 if args.quick else 41,
        "stock": 3,
        "startup": 3 if args.quick else 5,
        "list": 5,
        "search": 3,
        "export": 3,
        "themes": 5,
        "import": 7,
        "ui": 9 if args.quick else 21,
    }
    work = Path(args.keep or tempfile.mkdtemp(prefix="workshop-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    info: dict[str, Any] = {
        "machine": machine(),
        "params": {
            "sessions": sessions,
            "entries_per_session": per_session,
            "live_session_entries": 2000,
            "quick": args.quick,
        },
    }
    figures: list[Figure] = []
    rss: dict[str, float] = {}
    try:
        figures += ui_figures(work, repeats["ui"], Figure)
        print("UI done", file=sys.stderr)
        if args.only == "ui":
            return finish(figures, info, args.json)
        t = time.perf_counter()
        history_dir, empty_dir = work / "history", work / "empty"
        history_store = build_history(history_dir, sessions, per_session)
        info["params"]["generate_s"] = round(time.perf_counter() - t, 1)
        print(
            f"generated {sessions} × {per_session} entries in {info['params']['generate_s']} s",
            file=sys.stderr,
        )

        plant_rare_entry(history_store)
        rng = random.Random(11)
        live_empty = big_session(Store(empty_dir), 2000, rng)
        live_history = big_session(history_store, 2000, rng)
        figures += measure_capture(live_empty, live_history, repeats["capture"])
        rss["after capture"] = own_rss()
        capture_history = figures[1].value or 1.0
        print("capture done", file=sys.stderr)
        figures += measure_stock(history_dir, work, repeats["stock"], capture_history)
        print("stock TinyDB done", file=sys.stderr)
        figures += measure_listing(history_dir, repeats["list"])
        rss["after listing"] = own_rss()
        search_figures, search_rss = measure_search(
            history_dir, repeats["search"], sessions * per_session + 2001
        )
        figures += search_figures
        figures += measure_export(work, repeats["export"])
        figures += measure_import(work, repeats["import"])
        figures += measure_history(history_dir, repeats["search"])
        print("history done", file=sys.stderr)
        figures += measure_themes(repeats["themes"])
        figures += measure_serve(args.quick)
        print("room mode done", file=sys.stderr)
        rss["after export"] = own_rss()
        print("listing/search/export done", file=sys.stderr)
        startup, app_rss = measure_startup(empty_dir, history_dir, repeats["startup"])
        figures += startup
        info["peak_rss_mb_by_phase"] = dict(
            rss, search_child=round(search_rss, 1), app_child=round(app_rss, 1)
        )
        peak = max(own_rss(), search_rss, app_rss)
        figures.append(
            Figure(
                "peak_rss_mb",
                peak,
                "MB",
                "<= 250",
                f"max of this process ({own_rss():.0f}), the search process ({search_rss:.0f}) "
                f"and the app after start-up + a whole-history search ({app_rss:.0f}); "
                "the stock TinyDB process is excluded",
            )
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return finish(figures, info, args.json)


def finish(figures: list[Figure], info: dict[str, Any], json_path: str | None) -> int:
    info["machine"]["load_avg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print_table(figures, info)
    if json_path:
        payload = dict(info, figures={f.name: f.to_dict() for f in figures})
        Path(json_path).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
