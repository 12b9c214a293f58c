"""StoreWriter.submit_soon: the newest change of a key, once a run of them has stopped."""

from __future__ import annotations

from pathlib import Path

from session_fixtures import new_app, new_session, saved, screen_of
from textual.app import App

from workshop_tui.core.store import Store
from workshop_tui.ui.writer import store_writer


async def test_a_run_of_changes_of_one_key_saves_only_the_newest_once() -> None:
    ran: list[str] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        writer = store_writer(app)
        for n in range(5):
            writer.submit_soon("position", "Position", lambda n=n: ran.append(f"p{n}"))
        writer.submit_soon("view", "View", lambda: ran.append("v"))
        await pilot.pause()
        assert ran == []  # waiting for a newer one
        await pilot.pause(writer.SOON_S + 0.2)
        await app.workers.wait_for_complete()
        assert sorted(ran) == ["p4", "v"]
        writer.submit_soon("position", "Position", lambda: ran.append("late"))
        writer.cancel_soon("position")  # a newer change is submitted at once instead
        writer.submit_soon("view", "View", lambda: ran.append("flushed"))
        writer.flush()  # the app stops: what waits is saved now
        await app.workers.wait_for_complete()
        assert ran[2:] == ["flushed"]


async def test_switching_topics_saves_the_place_once_it_stops(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        screen = screen_of(app)
        topics = [t.id for t in screen.agenda.topics]
        assert len(topics) >= 2 and screen.topic_id == topics[0]
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        on_disk = Store(tmp_path).open_session(session_id).get_state()
        assert on_disk.get("topic") != topics[1]  # not yet: the run of switches may go on
        await saved(pilot)  # sends what waits, as the timer would
        assert Store(tmp_path).open_session(session_id).get_state()["topic"] == topics[1]
