"""The UI section of the benchmark: how long a key takes to be answered, in the real app.

The app runs headless (Textual's ``run_test``) at 120×40 on a session of 2,000 entries (and,
for comparison, 200). Each figure is the median time from a key press until the app has
handled every message it caused (``Pilot.press`` waits for that), in ms. ``ui_ms_floor`` is a
key bound to nothing: the harness's own cost, which the targets are measured above.

- ``ui_ms_topic_switch`` / ``ui_ms_group_switch``: ``}`` / ``]`` on the session screen.
- ``ui_ms_capture``: Enter in a pane's input until the saved entry is drawn in the pane.
- ``ui_ms_plenary_open`` / ``ui_ms_actions_open``: f2 / f3 until the screen has settled.
- ``ui_ms_actions_filter``: closing a filter's tick list (the first chip ``f`` reaches: the
  group filter) with a value ticked or unticked.
- ``ui_ms_search_keystroke``: one character typed in the search box (f5).
- ``ui_ms_open_session``: the session screen opened from the start screen until settled.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import make_entries, sample_agenda  # noqa: E402

from workshop_tui.core.store import Store  # noqa: E402

SIZE = (120, 40)
#: the UI figures, in the order of the table; targets are "figure − floor ≤ N ms"
ABOVE_FLOOR_TARGETS = {
    "ui_ms_topic_switch": 30,
    "ui_ms_group_switch": 30,
    "ui_ms_capture": 30,
    "ui_ms_plenary_open": 150,
    "ui_ms_actions_open": 150,
    "ui_ms_actions_filter": 30,
    "ui_ms_search_keystroke": 30,
    "ui_ms_open_session": 500,
}
#: each figure at 2,000 entries within this factor of the same figure at 200 entries
FLAT_RATIO = 1.5


def make_session(data_dir: Path, entries: int) -> str:
    import datetime as dt

    store = Store(data_dir)
    session = store.create_session(sample_agenda(), title=f"Live workshop ({entries} entries)")
    start = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    session.save_entries(make_entries(random.Random(7), entries, start))
    return session.id


#: CPU time of the same samples (this process, every thread): steadier than wall time on a
#: loaded machine, where waiting for a core counts in the wall figure
CPU: dict[int, list[float]] = {}


async def _timed(samples: list[float], action: Awaitable[Any]) -> None:
    """Time ``action`` (a coroutine: it starts running when awaited here)."""
    start, cpu = time.perf_counter(), time.process_time()
    await action
    samples.append((time.perf_counter() - start) * 1000)
    CPU.setdefault(id(samples), []).append((time.process_time() - cpu) * 1000)


async def _settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def measure_app(data_dir: Path, session_id: str, repeats: int) -> dict[str, list[float]]:
    """Drive the app once; every figure's samples (ms)."""
    from textual.widgets import Input

    from workshop_tui.core.model import EntryKind
    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.screens.session import SessionScreen

    samples: dict[str, list[float]] = {name: [] for name in ["ui_ms_floor", *ABOVE_FLOOR_TARGETS]}
    app = WorkshopApp(store=Store(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)

        async def open_session() -> None:
            app.open_session(session_id)
            while not isinstance(app.screen, SessionScreen):
                await pilot.pause()
            await pilot.pause()

        for _ in range(max(3, repeats // 3)):
            await _timed(samples["ui_ms_open_session"], open_session())
            await _settle(pilot)
            app.pop_screen()
            await _settle(pilot)
        await open_session()
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)

        for index in range(repeats):
            await _timed(samples["ui_ms_floor"], pilot.press("f12"))
            key = "right_curly_bracket" if index % 2 == 0 else "left_curly_bracket"
            await _timed(samples["ui_ms_topic_switch"], pilot.press(key))
            key = "right_square_bracket" if index % 2 == 0 else "left_square_bracket"
            await _timed(samples["ui_ms_group_switch"], pilot.press(key))
        await _settle(pilot)

        await pilot.press("1", "i")
        pane = screen.pane(EntryKind.CHALLENGE)
        for index in range(repeats):
            text = f"Benchmark challenge {index}"
            pane.capture_input.insert_text_at_cursor(text)
            before = len(pane.entries)

            async def capture(before: int) -> None:
                await pilot.press("enter")
                while len(pane.entries) == before:
                    await pilot.pause()

            await _timed(samples["ui_ms_capture"], capture(before))
        await _settle(pilot)
        await pilot.press("escape")

        for _ in range(repeats):
            await _timed(samples["ui_ms_plenary_open"], pilot.press("f2"))
            await _settle(pilot)
            await pilot.press("escape")
            await _settle(pilot)
            await _timed(samples["ui_ms_actions_open"], pilot.press("f3"))
            await _settle(pilot)
            await pilot.press("escape")
            await _settle(pilot)

        await pilot.press("f3")
        await _settle(pilot)
        for _ in range(repeats):
            await pilot.press("f", "enter", "space")  # the first chip (group): tick or untick
            await _settle(pilot)
            await _timed(samples["ui_ms_actions_filter"], pilot.press("enter"))
            await _settle(pilot)
            await pilot.press("escape")  # back to the table
            await _settle(pilot)
        await pilot.press("escape")
        await _settle(pilot)

        await pilot.press("f5")
        await _settle(pilot)
        search_box = app.screen.query(Input).first()
        search_box.focus()
        await pilot.pause()
        for index in range(repeats):
            letter = "recordation"[index % 11]
            await _timed(samples["ui_ms_search_keystroke"], pilot.press(letter))
        await _settle(pilot)
    cpu = {f"{name}_cpu": CPU.get(id(values), []) for name, values in samples.items()}
    return {**samples, **cpu}


def run_ui(
    work: Path, repeats: int
) -> tuple[dict[str, float], dict[str, float], dict[str, list[float]]]:
    """Medians at 2,000 and 200 entries, and the 2,000-entry samples."""
    big_dir, small_dir = work / "ui-2000", work / "ui-200"
    big = make_session(big_dir, 2000)
    small = make_session(small_dir, 200)
    big_samples = asyncio.run(measure_app(big_dir, big, repeats))
    small_samples = asyncio.run(measure_app(small_dir, small, repeats))
    big_median = {k: statistics.median(v) for k, v in big_samples.items() if v}
    small_median = {k: statistics.median(v) for k, v in small_samples.items() if v}
    return big_median, small_median, big_samples


def ui_figures(work: Path, repeats: int, figure: Callable[..., Any]) -> list[Any]:
    """The UI figures as bench.py's ``Figure`` (passed in: one table, one --json), measured
    in a child process (Textual and two apps must not count in bench.py's own peak RSS)."""
    out = subprocess.run(
        [sys.executable, str(Path(__file__)), str(work), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    big, small, samples = result["big"], result["small"], result["samples"]
    cpu = {
        name: big.get(f"{name}_cpu", float("nan")) for name in ["ui_ms_floor", *ABOVE_FLOOR_TARGETS]
    }
    floor = big["ui_ms_floor"]
    figures = [
        figure(
            "ui_ms_floor",
            floor,
            "ms",
            "",
            f"a key bound to nothing (the harness); 200 entries: {small['ui_ms_floor']:.1f}; "
            f"CPU {cpu['ui_ms_floor']:.1f}",
            samples["ui_ms_floor"],
        )
    ]
    ratios = []
    for name, above in ABOVE_FLOOR_TARGETS.items():
        value = big.get(name)
        if value is None:
            figures.append(figure(name, None, "ms", "", "not measured"))
            continue
        ratio = value / small[name] if small.get(name) else float("nan")
        ratios.append(ratio)
        figures.append(
            figure(
                name,
                value,
                "ms",
                f"<= {floor + above:.0f}",
                f"{value - floor:.1f} above the floor (target {above}); "
                f"200 entries: {small[name]:.1f} (×{ratio:.2f}); CPU {cpu[name]:.1f}",
                samples[name],
            )
        )
    worst = max(ratios) if ratios else None
    figures.append(
        figure(
            "ui_max_ratio_2000_vs_200",
            worst,
            "×",
            f"<= {FLAT_RATIO}",
            "the largest figure at 2,000 entries ÷ the same at 200 (flat in session size)",
        )
    )
    return figures


if __name__ == "__main__":
    big_median, small_median, big_samples = run_ui(Path(sys.argv[1]), int(sys.argv[2]))
    print(json.dumps({"big": big_median, "small": small_median, "samples": big_samples}))
