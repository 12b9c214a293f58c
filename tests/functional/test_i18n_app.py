"""The app in Bahasa Indonesia: Footer, help, command palette, and switching at once."""

from __future__ import annotations

from pathlib import Path

from session_fixtures import new_app, new_session, saved, until
from textual.command import CommandPalette

from workshop_tui.core import i18n
from workshop_tui.core.store import Store
from workshop_tui.ui.app import LANGUAGE_PREF
from workshop_tui.ui.translate import TranslatedCommandPalette


def drawn(app: object) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # type: ignore[attr-defined]


async def test_lang_option_and_the_switch_key(tmp_path: Path) -> None:
    new_session(tmp_path)
    app = new_app(tmp_path, language="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        assert i18n.current_language() == "id"
        assert "Bantuan" in drawn(app)
        await pilot.press("f9")
        await saved(pilot)
        assert i18n.current_language() == "en"
        assert "Help" in drawn(app) and "Bantuan" not in drawn(app)
    assert Store(tmp_path).prefs.get(LANGUAGE_PREF, "") == "en"


async def test_the_language_chosen_in_the_app_is_remembered(tmp_path: Path) -> None:
    Store(tmp_path).prefs.set(LANGUAGE_PREF, "id")
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        assert i18n.current_language() == "id"
    app = new_app(tmp_path, language="en")  # --lang beats the remembered choice
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(pilot)
        assert i18n.current_language() == "en"


async def test_palette_and_system_commands_in_indonesian(tmp_path: Path) -> None:
    app = new_app(tmp_path, language="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keluar" in titles and "Tema" in titles and "Quit" not in titles
        assert "Bahasa: English" in titles
        await pilot.press("ctrl+p")
        await saved(pilot)
        assert isinstance(app.screen, TranslatedCommandPalette)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"zzqqxx")
        await pilot.pause(0.8)  # Textual shows "No matches found" after half a second
        assert "Tidak ada yang cocok" in drawn(app)
        assert "No matches found" not in drawn(app)


async def test_help_screen_in_indonesian(tmp_path: Path) -> None:
    new_session(tmp_path)
    app = new_app(tmp_path, language="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        await pilot.press("f1")
        await saved(pilot)
        text = drawn(app)
        assert "Tombol" in text and "Di semua layar" in text and "Keluar" in text
        app.switch_language("en")  # from the palette (f9 is an app key: a modal screen stops it)
        await saved(pilot)
        assert "Everywhere" in drawn(app) and "Di semua layar" not in drawn(app)


async def test_switching_on_the_session_screen_rewords_it_at_once(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id, language="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        text = drawn(app)
        assert "Tantangan" in text and "+ solusi baru" in text and "Challenges" not in text
        await pilot.press("f9")
        await saved(pilot)
        await until(pilot, lambda: "Tantangan" not in drawn(app))
        text = drawn(app)
        assert "Challenges" in text and "+ add solution" in text and "Tantangan" not in text
        assert "Timer" in text and "Topics" in text and "Topik " not in text


async def test_switching_on_a_review_screen_rebuilds_it(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await saved(pilot)
        await pilot.press("f3")
        await saved(pilot)
        assert type(app.screen).__name__ == "ActionsScreen"
        await pilot.press("f9")
        await saved(pilot)
        await until(
            pilot, lambda: type(app.screen).__name__ == "ActionsScreen" and "Aksi" in drawn(app)
        )
        assert type(app.screen).__name__ == "ActionsScreen"
        text = drawn(app)
        assert "Aksi" in text and "sorted by" not in text
        await pilot.press("escape")
        await saved(pilot)
        assert "Tantangan" in drawn(app)
