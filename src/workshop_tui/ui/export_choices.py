"""The export dialog's choices and words: where an export goes by default, the last export's choices (what, format, folder)
that the export dialog proposes again, also in later runs (preferences key
:data:`PREF_KEY`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_dir

from workshop_tui.core.export import EXPORTERS, formats_for, get_exporter
from workshop_tui.core.i18n import N_, _, ngettext

__all__ = [
    "PREF_KEY",
    "SECTION_LABELS",
    "SPLIT_LABELS",
    "WHAT_LABELS",
    "LastExport",
    "default_export_folder",
    "format_options",
    "replace_message",
    "resolve_typed",
    "saved_message",
    "target_text",
]


def format_options(what: str) -> list[tuple[str, str]]:
    """The format choices for ``what``: ``(label, format)``, the label saying what it is."""
    return [(f"{fmt} — {_(get_exporter(what, fmt).description)}", fmt) for fmt in formats_for(what)]


def resolve_typed(raw: str, folder: Path) -> Path:
    """Where a typed path points: ``~`` expanded, a relative path taken in ``folder`` (the
    dialog's proposed folder, not the one the app was started from)."""
    path = Path(os.path.expanduser(raw.strip()))
    return Path(os.path.abspath(path if path.is_absolute() else folder / path))


def _writable_folder(folder: Path) -> bool:
    """A real working folder (not the root ``/`` a launcher starts in) we may write to."""
    return folder.parent != folder and folder.is_dir() and os.access(folder, os.W_OK)


def default_export_folder(
    cwd: Path | None = None, home: Path | None = None, documents: Path | None = None
) -> Path:
    """Where exports go unless the user types another path: the current folder when it is a
    real, writable working folder; otherwise (started from a desktop launcher, the current
    folder is ``/``; or it was deleted, or is read-only) the user's Documents folder
    (platformdirs; XDG ``user-dirs`` on Linux) when it exists and is writable, else the
    home folder."""
    try:
        here = cwd if cwd is not None else Path.cwd()
    except OSError:  # the current folder was deleted
        here = None
    if here is not None and _writable_folder(here):
        return here
    try:
        docs = documents if documents is not None else Path(user_documents_dir())
    except (OSError, KeyError, RuntimeError):
        docs = None
    if docs is not None and _writable_folder(docs):
        return docs
    try:
        return home if home is not None else Path.home()
    except (KeyError, RuntimeError):  # no home folder known: the current folder after all
        return here or Path(".")


#: the preferences key of the last export's choices: ``{"what", "format", "folder"}``
PREF_KEY = "export.last"


@dataclass(frozen=True)
class LastExport:
    """What, format and folder of the last export, proposed again by the next dialog."""

    what: str
    fmt: str
    folder: Path

    def to_pref(self) -> dict[str, str]:
        return {"what": self.what, "format": self.fmt, "folder": str(self.folder)}

    @classmethod
    def from_pref(cls, value: object) -> LastExport | None:
        """The stored choices when they still make sense: a registered what and format and
        an existing folder (the file may be hand-edited or old)."""
        if not isinstance(value, dict):
            return None
        what, fmt, folder = value.get("what"), value.get("format"), value.get("folder")
        if not (isinstance(what, str) and isinstance(fmt, str) and isinstance(folder, str)):
            return None
        if (what, fmt) not in EXPORTERS or "\x00" in folder:
            return None
        path = Path(folder)
        try:
            if not (path.is_absolute() and path.is_dir()):
                return None
        except (OSError, ValueError):
            return None
        return cls(what, fmt, path)


#: the sections of an action-plan document (core.export.GROUP_BY)
SECTION_LABELS = {
    "topic": N_("a section per topic"),
    "unit": N_("a section per unit"),
    "owner": N_("a section per owner"),
    "level": N_("a section per level"),
    "status": N_("a section per status"),
}
#: the split choices (core.export.SPLIT_BY) and the line under the path for each
SPLIT_LABELS = {"owner": N_("one file per owner"), "unit": N_("one file per unit")}
SPLIT_TARGETS = {
    "owner": N_("→ one file per owner in {folder}"),
    "unit": N_("→ one file per unit in {folder}"),
}

WHAT_LABELS = {
    "actions": N_("Action list"),
    "report": N_("Session report"),
    "bundle": N_("Session bundle (for merging)"),
}


def target_text(raw: str, split_by: str | None) -> str:
    """``→ /full/path`` (or the folder a split writes into), for the line under the path."""
    if not raw.strip():
        return ""
    full = os.path.abspath(os.path.expanduser(raw.strip()))
    if split_by:
        return _(SPLIT_TARGETS[split_by]).format(folder=f"{full}{os.sep}")
    return f"→ {full}"


def replace_message(existing: list[Path], split_by: str | None) -> str:
    """What the dialog says when the file (or files of a split) it would write exist."""
    if split_by is None:
        return _("{name} exists — ctrl+s again to replace it").format(name=existing[0].name)
    names = ", ".join(p.name for p in existing[:3]) + (", …" if len(existing) > 3 else "")
    return ngettext(
        "{count} file exists in {folder}/ ({names}) — ctrl+s again to replace it; "
        "other files there are left alone",
        "{count} files exist in {folder}/ ({names}) — ctrl+s again to replace them; "
        "other files there are left alone",
        len(existing),
    ).format(count=len(existing), folder=existing[0].parent.name, names=names)


def saved_message(written: list[Path]) -> str:
    """The notification after an export."""
    if not written:
        return _("No actions match: nothing was written.")
    if len(written) == 1:
        return _("Saved {path}").format(path=written[0])
    return ngettext(
        "Saved {count} file in {folder}", "Saved {count} files in {folder}", len(written)
    ).format(count=len(written), folder=written[0].parent)
