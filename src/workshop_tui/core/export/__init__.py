"""Exports: one module per format behind one small registry.

:data:`EXPORTERS` maps ``(what, format)`` to an :class:`Exporter`, a function
``(SessionStore, ExportOptions) -> bytes`` plus what it needs to be written (suffix, binary,
whether it takes action filters). To add an export (say ``("progress", "md")``), write a
module with an ``Exporter`` and :func:`register` it below; the CLI and the TUI export dialog
list whatever is registered.

:func:`export` renders bytes; :func:`export_to_path` renders and writes files atomically
(all files are rendered before the first is written, so a bad filter or an unknown session
writes nothing).
"""

from __future__ import annotations

import errno
import platform
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from workshop_tui.core.export import (
    actions_csv,
    actions_html,
    actions_ics,
    actions_json,
    actions_md,
    actions_xlsx,
    progress,
    report,
    session_bundle,
)
from workshop_tui.core.export.base import (
    ActionFilter,
    Exporter,
    ExportError,
    ExportOptions,
    Layout,
    _key,
)
from workshop_tui.core.export.docx import actions as docx_actions
from workshop_tui.core.export.docx import progress as docx_progress
from workshop_tui.core.export.docx import report as docx_report
from workshop_tui.core.export.plan import GROUP_BY, PLAN_COLUMNS, check_layout
from workshop_tui.core.export.rows import ActionRow, action_rows
from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import Session, now_iso
from workshop_tui.core.store import SessionStore, Store, StoreWriteError
from workshop_tui.core.store.storage import atomic_write_bytes

__all__ = [
    "EXPORTERS",
    "SPLIT_BY",
    "ActionFilter",
    "ActionRow",
    "ExportError",
    "ExportOptions",
    "Exporter",
    "GROUP_BY",
    "Layout",
    "PLAN_COLUMNS",
    "action_rows",
    "default_filename",
    "export",
    "export_to_path",
    "formats_for",
    "get_exporter",
    "planned_paths",
    "register",
    "safe_filename",
    "short_title",
    "whats",
]

EXPORTERS: dict[tuple[str, str], Exporter] = {}

#: the ways an action list can be split into one file per value
SPLIT_BY = ("owner", "unit")


def register(exporter: Exporter) -> Exporter:
    """Add (or replace) an exporter in the registry."""
    EXPORTERS[(exporter.what, exporter.fmt)] = exporter
    return exporter


for _exporter in (
    actions_csv.EXPORTER,
    actions_xlsx.EXPORTER,
    actions_md.EXPORTER,
    actions_html.EXPORTER,
    actions_json.EXPORTER,
    actions_ics.EXPORTER,
    docx_actions.EXPORTER,
    *report.EXPORTERS,
    docx_report.EXPORTER,
    *progress.EXPORTERS,
    docx_progress.EXPORTER,
    session_bundle.EXPORTER,
):
    register(_exporter)


def whats() -> list[str]:
    """What can be exported ("actions", "report", ...), in registration order."""
    return list(dict.fromkeys(what for what, _fmt in EXPORTERS))


def formats_for(what: str) -> list[str]:
    return [fmt for w, fmt in EXPORTERS if w == what]


def get_exporter(what: str, fmt: str) -> Exporter:
    """The registered exporter; :class:`ExportError` naming the valid choices otherwise."""
    if what not in whats():
        raise ExportError(
            _("unknown export {what!r} (choose one of: {items})").format(
                what=what, items=", ".join(whats())
            )
        )
    exporter = EXPORTERS.get((what, fmt))
    if exporter is None:
        formats = ", ".join(formats_for(what))
        raise ExportError(
            _("format {fmt!r} is not available for {what} (formats: {formats})").format(
                fmt=fmt, what=what, formats=formats
            )
        )
    return exporter


def _check_options(
    exporter: Exporter, filters: ActionFilter, split_by: str | None, layout: Layout | None = None
) -> None:
    if layout is not None:
        if layout.shapes_plan and not (exporter.document and exporter.takes_filters):
            if exporter.takes_filters:
                message = _(
                    "{fmt} keeps every field: --columns and --group-by shape the action plan "
                    "in html, md or docx"
                ).format(fmt=exporter.fmt)
            else:
                message = _(
                    "--columns and --group-by shape the action plan, not the {what}"
                ).format(what=exporter.what)
            raise ExportError(message)
        if layout.landscape and not exporter.paged:
            raise ExportError(
                _("--landscape is for printed formats (html, docx), not {fmt}").format(
                    fmt=exporter.fmt
                )
            )
        check_layout(layout)
    if not exporter.takes_filters and not filters.is_empty:
        raise ExportError(
            _("filters apply to action lists only, not to the {what}").format(what=exporter.what)
        )
    if split_by is not None:
        if split_by not in SPLIT_BY:
            raise ExportError(
                _("cannot split by {split_by!r} (choose one of: {items})").format(
                    split_by=split_by, items=", ".join(SPLIT_BY)
                )
            )
        if not exporter.takes_filters:
            raise ExportError(
                _("only action lists can be split, not the {what}").format(what=exporter.what)
            )


def export(store: SessionStore, what: str, fmt: str, options: ExportOptions | None = None) -> bytes:
    """Render one export of a session to bytes (nothing is written)."""
    options = options or ExportOptions()
    exporter = get_exporter(what, fmt)
    _check_options(exporter, options.filters, None, options.layout)
    return exporter(store, options)


# -- file names ---------------------------------------------------------------------------
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


def safe_filename(name: str, *, max_chars: int = 60) -> str:
    """A file-name part made of letters, digits, ``-``, ``_`` and ``.`` only (any script),
    never empty, hidden or a reserved Windows name."""
    name = unicodedata.normalize("NFC", name)
    kept = "".join(
        ch if ch.isalnum() or ch in "-_." or unicodedata.category(ch).startswith("M") else "_"
        for ch in name
    )
    kept = re.sub(r"_+", "_", kept).strip("._-")[:max_chars].rstrip("._-")
    if not kept:
        return "unnamed"
    if kept.split(".")[0].upper() in _WINDOWS_RESERVED:
        kept = "_" + kept
    return kept


#: the title part of a default file name is cut to this many characters (at a word end), so
#: the date, what and suffix stay visible in a file dialog or an 80-column terminal
TITLE_CHARS = 30


def short_title(title: str, max_chars: int = TITLE_CHARS) -> str:
    """:func:`safe_filename` of ``title``, cut after a whole word to at most ``max_chars``
    (mid-word only when the first word alone is longer)."""
    whole = safe_filename(title, max_chars=4 * len(title) + 1)  # NFC may lengthen a little
    if len(whole) <= max_chars:
        return whole
    head = whole[: max_chars + 1]
    cut = max(head.rfind("_"), head.rfind("-"))
    return safe_filename(head[:cut] if cut > 0 else head[:max_chars], max_chars=max_chars)


#: the group and machine parts of a bundle's default file name are cut to this many characters
BUNDLE_PART_CHARS = 30


def machine_name() -> str:
    """This computer's network name as a file-name part (``unnamed`` when it has none)."""
    return safe_filename(platform.node(), max_chars=BUNDLE_PART_CHARS)


def default_filename(
    session: Session, what: str, fmt: str, *, group: str | None = None, machine: str | None = None
) -> str:
    """``<title>-<date>-<what>.<suffix>`` for a session export, the title cut to
    :data:`TITLE_CHARS` by :func:`short_title`.

    A bundle's name also says whose it is, so ten scribes' bundles copied to one USB stick
    keep ten names: ``<title>-<date>-bundle-<group>-<machine>.json`` with the group the
    laptop is locked to (``all-groups`` when none) and the machine's name
    (:func:`machine_name` unless ``machine`` is given), both sanitised by :func:`safe_filename`.
    """
    suffix = get_exporter(what, fmt).suffix
    name = f"{short_title(session.title)}-{session.started[:10]}-{what}"
    if what == "bundle":
        whose = safe_filename(group, max_chars=BUNDLE_PART_CHARS) if group else "all-groups"
        host = machine_name() if machine is None else safe_filename(machine, max_chars=30)
        name += f"-{whose}-{host}"
    return f"{name}.{suffix}"


# -- writing ------------------------------------------------------------------------------
_HINTS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.EISDIR: N_("it is a folder"),
    errno.EDQUOT: N_("disk quota exceeded"),
}


def _reason(err: BaseException, folder: Path | None = None) -> str:
    """Why a write into ``folder`` failed, in words, from the OSError behind ``err``."""
    cause = err.__cause__ if isinstance(err.__cause__, OSError) else err
    code = getattr(cause, "errno", None)
    strerror = getattr(cause, "strerror", None) or str(err)
    if code == errno.ENOENT and folder is not None and folder.is_dir():
        # the folder is there (checked before writing), yet creating a file in it says "no
        # such file": a virtual file system such as /proc, or the folder vanished meanwhile
        return _("no file can be created in {folder} ({strerror})").format(
            folder=folder, strerror=strerror
        )
    hint = _HINTS.get(code or 0)
    return _(hint) if hint else strerror


def _check_folder(target: Path) -> None:
    parent = target.parent
    if parent.is_dir():
        return
    if parent.exists() or any(p.is_file() for p in parent.parents):
        raise ExportError(
            _("cannot write {target}: {parent} is not a folder").format(
                target=target, parent=parent
            )
        )
    raise ExportError(
        _("cannot write {target}: folder {parent} does not exist").format(
            target=target, parent=parent
        )
    )


def _split_names(
    store: SessionStore, suffix: str, filters: ActionFilter, split_by: str
) -> list[tuple[str, str]]:
    """``(file name, owner or unit as first spelled)`` per owner or unit of the matching
    actions, in file order; the value is ``""`` for the actions without one."""
    buckets: dict[str, str] = {}  # matching key -> the first spelling seen
    for row in action_rows(store, filters):
        value = row.fields.owner if split_by == "owner" else row.fields.unit
        buckets.setdefault(_key(value), " ".join(value.split()))
    ordered = sorted(buckets.items(), key=lambda kv: (kv[0] == "", kv[0]))
    names: list[tuple[str, str]] = []
    used: set[str] = set()
    for key, display in ordered:
        stem = safe_filename(display) if key else f"no-{split_by}"
        name, n = f"actions-{stem}.{suffix}", 1
        while name.casefold() in used:  # two names that differ only in case or symbols
            n += 1
            name = f"actions-{stem}-{n}.{suffix}"
        used.add(name.casefold())
        names.append((name, display))
    return names


def _split(
    store: SessionStore, exporter: Exporter, split_by: str, options: ExportOptions
) -> list[tuple[str, bytes]]:
    """One (file name, payload) per owner or unit of the matching actions; a document is
    addressed to its owner or unit (a digest)."""
    t = options.translator_for(store.session)
    label = t.gettext("Owner") if split_by == "owner" else t.gettext("Responsible unit")
    files: list[tuple[str, bytes]] = []
    for name, display in _split_names(store, exporter.suffix, options.filters, split_by):
        narrowed = (
            replace(options.filters, owners=(display,))
            if split_by == "owner"
            else replace(options.filters, units=(display,))
        )
        shown = display or (
            t.gettext("(no owner)") if split_by == "owner" else t.gettext("(no unit)")
        )
        one = replace(
            options,
            filters=narrowed,
            subtitle=f"{label}: {shown}",
            addressee=(split_by, display),
        )
        files.append((name, exporter(store, one)))
    return files


def planned_paths(
    store: Store,
    session_ref: str,
    what: str,
    fmt: str,
    path: Path | str,
    filters: ActionFilter | None = None,
    split_by: str | None = None,
) -> list[Path]:
    """The files :func:`export_to_path` with the same arguments would write (nothing is
    rendered or written), so a caller can ask before replacing existing ones. Raises
    :class:`ExportError` for the same bad choices."""
    filters = filters or ActionFilter()
    exporter = get_exporter(what, fmt)
    _check_options(exporter, filters, split_by)
    session_store = store.open_session(session_ref)
    target = Path(path).expanduser()
    if split_by is None:
        if target.is_dir():
            target = target / default_filename(session_store.session, what, fmt)
        return [target]
    return [
        target / name
        for name, _value in _split_names(session_store, exporter.suffix, filters, split_by)
    ]


def export_to_path(
    store: Store,
    session_ref: str,
    what: str,
    fmt: str,
    path: Path | str,
    filters: ActionFilter | None = None,
    split_by: str | None = None,
    *,
    now: str = "",
    language: str = "",
    layout: Layout | None = None,
) -> list[Path]:
    """Export a session (id, unique prefix or ``latest``) to files; return the paths written.

    ``path`` is a file, or an existing folder (the default file name is used inside it).
    With ``split_by`` ("owner" or "unit") ``path`` is a folder (created if its parent
    exists) that gets one file per owner/unit, plus one for actions without one. Every file
    is written atomically; on any failure no new file is left behind and
    :class:`ExportError` says why in one line. ``language`` (``--lang``) overrides the
    agenda's language for headings, labels and dates.
    """
    filters = filters or ActionFilter()
    layout = layout or Layout()
    exporter = get_exporter(what, fmt)
    _check_options(exporter, filters, split_by, layout)
    session_store = store.open_session(session_ref)
    options = ExportOptions(filters=filters, now=now or now_iso(), language=language, layout=layout)
    target = Path(path).expanduser()
    if split_by is None:
        if target.is_dir():
            target = target / default_filename(session_store.session, what, fmt)
        payload = exporter(session_store, options)
        _check_folder(target)
        try:
            atomic_write_bytes(target, payload)
        except StoreWriteError as err:
            raise ExportError(
                _("cannot write {target}: {reason}; nothing was written").format(
                    target=target, reason=_reason(err, target.parent)
                )
            ) from None
        return [target]

    files = _split(session_store, exporter, split_by, options)
    if target.exists() and not target.is_dir():
        raise ExportError(
            _("cannot write into {target}: it is a file, not a folder").format(target=target)
        )
    created_dir = False
    if not target.exists():
        if not files:
            return []
        _check_folder(target)
        try:
            target.mkdir()
        except OSError as err:
            raise ExportError(
                _("cannot create folder {target}: {reason}").format(
                    target=target, reason=_reason(err, target.parent)
                )
            ) from None
        created_dir = True
    written: list[Path] = []
    try:
        for name, payload in files:
            file_path = target / name
            existed = file_path.exists()
            atomic_write_bytes(file_path, payload)
            if not existed:
                written.append(file_path)
    except StoreWriteError as err:
        for done in written:  # leave no part of a split behind
            done.unlink(missing_ok=True)
        if created_dir:
            try:
                target.rmdir()
            except OSError:
                pass
        raise ExportError(
            _("cannot write {path}: {reason}; no new files were left behind").format(
                path=err.path, reason=_reason(err, err.path.parent)
            )
        ) from None
    return [target / name for name, _payload in files]
