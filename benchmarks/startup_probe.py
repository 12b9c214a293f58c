"""Child process for the start-up figure: start an app headless, report when it is interactive.

    python benchmarks/startup_probe.py bare
    python benchmarks/startup_probe.py workshop DATA_DIR [--then-search]

Prints one JSON line: ``{"t_ready": <time.time() when the first screen was mounted>,
"rss_mb": <peak RSS>}`` and exits (``--then-search``: searches the whole history first, for
the RSS figure). The parent records ``time.time()`` just before spawning,
so the difference is process start → first screen mounted, imports included.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

from probe_memory import peak_rss_mb

REPORTED: list[bool] = []


async def _report_and_exit(pilot: Any) -> None:
    # Interactive = the first screen (and any screen pushed from on_mount) is mounted and the
    # data it loads in workers (e.g. the sessions list) is on screen.
    await pilot.pause()
    try:
        await asyncio.wait_for(pilot.app.workers.wait_for_complete(), timeout=30)
    except TimeoutError:
        print(json.dumps({"warning": "workers still running after 30 s"}), file=sys.stderr)
    await pilot.pause()
    t_ready = time.time()
    report: dict[str, float] = {"t_ready": t_ready}
    if "--then-search" in sys.argv:
        # The memory a facilitator's app process reaches: start-up plus a search of the
        # whole history (the search index lives in the app's process).
        from workshop_tui.core.search import search

        search(pilot.app.store, "recordation form")  # stops at the hit limit
        search(pilot.app.store, "hovercraft")  # looks at every session
    report["rss_mb"] = peak_rss_mb()
    print(json.dumps(report), flush=True)
    REPORTED.append(True)
    pilot.app.exit()


def main() -> int:
    mode = sys.argv[1]
    app: Any
    if mode == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Static

        class BareApp(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("hello")
                yield Footer()

        app = BareApp()
    else:
        from workshop_tui.core.store import Store
        from workshop_tui.ui.app import WorkshopApp

        app = WorkshopApp(store=Store(sys.argv[2]))
    app.run(headless=True, size=(120, 40), auto_pilot=_report_and_exit)
    return 0 if REPORTED else 2  # the app exited (or crashed) before its first screen


if __name__ == "__main__":
    sys.exit(main())
