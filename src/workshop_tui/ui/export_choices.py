"""Where an export goes by default, and the last export's choices (what, format, folder)
that the export dialog proposes again, also in later runs (preferences key
:data:`PREF_KEY`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_dir

from workshop_tui.core.export import EXPORTERS

__all__ = ["PREF_KEY", "LastExport", "default_export_folder"]


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
