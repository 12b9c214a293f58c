"""The session format as one JSON Schema, and the strict validator that reads it.

:mod:`.session_format` describes the format (:data:`BUNDLE_SCHEMA`); :mod:`.validator`
checks documents against it; :mod:`.tables` renders the docs' field tables from it.
"""

from workshop_tui.core.schema.session_format import BUNDLE_FORMAT, BUNDLE_SCHEMA, BUNDLE_VERSION
from workshop_tui.core.schema.validator import Problem, Validator, summarised

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_SCHEMA",
    "BUNDLE_VERSION",
    "Problem",
    "Validator",
    "summarised",
]
