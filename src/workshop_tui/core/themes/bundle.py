"""Themes in session bundles: the optional ``themes`` list (docs/session-format.md).

A bundle written by a workshop-tui without themes has no ``themes`` key and reads as "no
themes"; a bundle with themes carries every theme of the session, dissolved ones included
(tombstones, so a merge never brings one back). Importing joins them with the stored themes
by the laws of :mod:`.merge`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workshop_tui.core.i18n import _
from workshop_tui.core.store import SessionStore
from workshop_tui.core.themes.book import load_themes, save_themes
from workshop_tui.core.themes.merge import merge_themes
from workshop_tui.core.themes.model import Theme

#: the bundle key
THEMES_KEY = "themes"
#: a bundle may carry at most this many themes (outside input is bounded)
MAX_THEMES = 10_000


def themes_document(store: SessionStore) -> list[dict[str, Any]]:
    """Every theme of a stored session (dissolved ones too), oldest first, as bundle data."""
    return [t.to_dict() for t in load_themes(store, include_deleted=True)]


def parse_themes(value: Any) -> list[Theme]:
    """The themes of a bundle's ``themes`` value (None: none). ValueError names the theme."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(_('"themes" must be a list'))
    if len(value) > MAX_THEMES:
        raise ValueError(_("a bundle may carry at most {n} themes").format(n=MAX_THEMES))
    themes = []
    for number, raw in enumerate(value, 1):
        try:
            themes.append(Theme.from_dict(raw))
        except ValueError as err:
            raise ValueError(
                _("theme {number} is invalid: {reason}").format(number=number, reason=err)
            ) from None
    return themes


def unknown_topics(themes: Iterable[Theme], topic_ids: set[str]) -> list[str]:
    """Topic ids the themes name that are not in ``topic_ids`` (for ``import --into``)."""
    return sorted({t.topic_id for t in themes if t.topic_id and t.topic_id not in topic_ids})


def theme_docs(
    themes: Iterable[Theme], raw: dict[str, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """Documents of the session file's ``themes`` table (doc id → document) for ``themes``,
    keyed as :func:`~workshop_tui.core.themes.book.save_themes` keys them (``raw``: the
    table as stored, so a theme keeps its document)."""
    from workshop_tui.core.store.session_store import doc_id_for

    taken = dict(raw or {})
    docs: dict[str, dict[str, Any]] = {}
    for theme in themes:
        doc_id = doc_id_for(theme.id)
        while (doc := taken.get(str(doc_id))) is not None and doc.get("id") != theme.id:
            doc_id += 1
        docs[str(doc_id)] = taken[str(doc_id)] = theme.to_dict()
    return docs


def join_all(*theme_lists: Iterable[Theme]) -> dict[str, Theme]:
    """The themes of several bundles joined by id (the merge laws: any order, any repeats)."""
    joined: dict[str, Theme] = {}
    for themes in theme_lists:
        joined = merge_themes(joined, {t.id: t for t in _joined_by_id(themes).values()})
    return joined


def _joined_by_id(themes: Iterable[Theme]) -> dict[str, Theme]:
    by_id: dict[str, Theme] = {}
    for theme in themes:
        by_id = merge_themes(by_id, {theme.id: theme})
    return by_id


def merge_bundle_themes(store: SessionStore, incoming: Iterable[Theme]) -> int:
    """Join ``incoming`` themes into the stored ones (one write); how many changed."""
    by_id: dict[str, Theme] = {}
    for theme in incoming:
        known = by_id.get(theme.id)
        by_id[theme.id] = (
            theme if known is None else merge_themes({theme.id: known}, {theme.id: theme})[theme.id]
        )
    if not by_id:
        return 0
    with store.locked():
        current = {t.id: t for t in load_themes(store, include_deleted=True)}
        merged = merge_themes(current, by_id)
        changed = [t for tid, t in merged.items() if current.get(tid) != t]
        save_themes(store, changed)
    return len(changed)
