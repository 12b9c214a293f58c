"""A strict, total validator for the JSON Schema subset the session format is written in.

The schema (:mod:`workshop_tui.core.schema.session_format`) is the one description of the
format: this module compiles it into checks once, the docs' field tables are rendered from
it (:mod:`workshop_tui.core.schema.tables`) and ``jsonschema`` reads it in the tests. A
keyword this module does not know is an error when the schema is compiled, so the schema
cannot say more than is checked.

No coercion: ``"false"`` is not a boolean, ``"90"`` is not a number, ``1.0`` is not an
integer, a string is not a list. Numbers must be finite. Every problem is reported with the
JSON path of its value (``entries[12].links``) and one sentence a facilitator can act on:
``expected a list of entry ids, got a string``. Nothing here raises on bad data.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.schema.fastcheck import FORMATS, compile_fast_check, full_pattern

#: the keywords the validator checks
CHECKED = frozenset(
    {
        "$ref",
        "type",
        "const",
        "enum",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "required",
        "properties",
        "additionalProperties",
        "propertyNames",
        "items",
        "minItems",
        "maxItems",
        "anyOf",
    }
)
#: keywords that only describe (titles become the words of messages and of the docs)
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description"})

#: a path into a document, built only when a problem is found: (parent, key) links
PathLink = tuple[Any, str | int] | None
Check = Callable[[Any, PathLink, list["Problem"]], None]


#: the schema uses something the validator does not check: a programming error, raised
#: when the schema is compiled (a TypeError: its message is for developers)
SchemaDefinitionError = TypeError


@dataclass(frozen=True)
class Problem:
    """One problem: where (a JSON path, ``""`` for the whole document) and what."""

    path: str
    message: str

    def line(self, source: str) -> str:
        """``source: path: message`` (one line)."""
        return (
            f"{source}: {self.path}: {self.message}" if self.path else f"{source}: {self.message}"
        )


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def render_path(link: PathLink) -> str:
    """``entries[12].links``, ``entries[0].votes["Group A"]`` from a path link."""
    keys: list[str | int] = []
    while link is not None:
        link, key = link
        keys.append(key)
    out: list[str] = []
    for key in reversed(keys):
        if isinstance(key, int):
            out.append(f"[{key}]")
        elif _IDENTIFIER.fullmatch(key):
            out.append(f".{key}" if out else key)
        else:
            out.append(f"[{shown(key)}]")
    return "".join(out)


def shown(value: Any, limit: int = 40) -> str:
    """A value as it would be written in JSON, ASCII only (a NUL or a lone surrogate shows
    as ``\\u0000``), cut to ``limit`` characters."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def described(value: Any, *, with_value: bool = True) -> str:
    """What a value is, in words: ``a string ("false")``, ``a number (90)``, ``a list``."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return _("a string ({value})").format(value=shown(value)) if with_value else _("a string")
    if isinstance(value, int | float):
        return _("a number ({value})").format(value=shown(value)) if with_value else _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


_TYPE_NOUNS = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("an object"),
    "null": "null",
}
_SCALARS = frozenset({"string", "integer", "number", "boolean", "null"})


def _is_integer(value: Any) -> bool:
    return type(value) is int


def _is_number(value: Any) -> bool:
    kind = type(value)
    return kind is int or (kind is float and math.isfinite(value))


_TYPE_TESTS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: type(v) is str,
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: type(v) is bool,
    "array": lambda v: type(v) is list,
    "object": lambda v: type(v) is dict,
    "null": lambda v: v is None,
}


class Validator:
    """Checks for one schema node (by default the root), compiled once."""

    def __init__(self, schema: dict[str, Any], pointer: str = "#") -> None:
        self.schema = schema
        self._compiled: dict[str, Check] = {}
        node = self.resolve(pointer)
        self._check = self._compile(node)  # also refuses keywords it does not check
        #: the yes/no answer, generated from the same node: what a valid document costs
        self.is_valid = compile_fast_check(schema, node)

    # -- compiling -------------------------------------------------------------------------
    def resolve(self, pointer: str) -> dict[str, Any]:
        """The schema node at a JSON pointer such as ``#/$defs/entry``."""
        node: Any = self.schema
        for part in pointer.removeprefix("#").strip("/").split("/"):
            if part:
                node = node[part]
        if not isinstance(node, dict):
            raise TypeError(f"{pointer} is not a schema")
        return node

    def noun(self, node: dict[str, Any]) -> str:
        """What a node expects, in words (its title, translated, or the words of its type)."""
        if "$ref" in node and "title" not in node:
            return self.noun(self.resolve(node["$ref"]))
        if "title" in node:
            return _(node["title"])
        if "type" in node:
            return _(_TYPE_NOUNS[node["type"]])
        if "const" in node:
            return shown(node["const"])
        if "enum" in node:
            return _("one of {choices}").format(choices=", ".join(shown(v) for v in node["enum"]))
        if "anyOf" in node:
            return _(" or ").join(self.noun(branch) for branch in node["anyOf"])
        return _("a value")

    def _compile(self, node: dict[str, Any]) -> Check:
        unknown = set(node) - CHECKED - ANNOTATIONS
        if unknown:
            raise TypeError(f"keywords not checked: {sorted(unknown)}")
        if "$ref" in node:
            if set(node) & CHECKED != {"$ref"}:
                raise TypeError(f"keywords beside $ref are not checked: {node}")
            ref = node["$ref"]
            if ref not in self._compiled:
                self._compiled[ref] = _pending  # a ref to itself: not used by the format
                self._compiled[ref] = self._compile(self.resolve(ref))
            return self._compiled[ref]
        if "anyOf" in node:
            return self._any_of(node)
        checks: list[Check] = []
        kind = node.get("type")
        noun = self.noun(node)
        if kind is not None:
            checks.append(self._type_check(kind, noun))
        if "const" in node:
            checks.append(self._const_check(node["const"]))
        if "enum" in node:
            checks.append(self._enum_check(node["enum"]))
        if kind == "string":
            checks += self._string_checks(node, noun)
        elif kind in ("integer", "number"):
            checks += self._range_checks(node, noun)
        elif kind == "array":
            checks += self._array_checks(node)
        elif kind == "object":
            checks += self._object_checks(node)
        if len(checks) == 1:
            return checks[0]

        def check_all(value: Any, path: PathLink, out: list[Problem]) -> None:
            before = len(out)
            for check in checks:
                check(value, path, out)
                if len(out) > before:
                    return  # the first thing wrong with a value is what to fix

        return check_all

    def _type_check(self, kind: str, noun: str) -> Check:
        test = _TYPE_TESTS[kind]
        with_value = kind in _SCALARS

        def check_type(value: Any, path: PathLink, out: list[Problem]) -> None:
            if not test(value):
                got = described(value, with_value=with_value)
                if type(value) is float and not math.isfinite(value):
                    got = _("a number that is not finite ({value})").format(value=value)
                out.append(
                    Problem(
                        render_path(path),
                        _("expected {noun}, got {got}").format(noun=noun, got=got),
                    )
                )

        return check_type

    def _const_check(self, expected: Any) -> Check:
        def check_const(value: Any, path: PathLink, out: list[Problem]) -> None:
            if value != expected or type(value) is not type(expected):
                out.append(
                    Problem(
                        render_path(path),
                        _("expected {expected}, got {got}").format(
                            expected=shown(expected), got=described(value)
                        ),
                    )
                )

        return check_const

    def _enum_check(self, choices: list[Any]) -> Check:
        allowed = {(type(c), c) for c in choices}
        listed = ", ".join(shown(c) for c in choices)

        def check_enum(value: Any, path: PathLink, out: list[Problem]) -> None:
            try:
                ok = (type(value), value) in allowed
            except TypeError:  # a list or an object: unhashable
                ok = False
            if not ok:
                out.append(
                    Problem(
                        render_path(path),
                        _("expected one of {choices}, got {got}").format(
                            choices=listed, got=described(value)
                        ),
                    )
                )

        return check_enum

    def _string_checks(self, node: dict[str, Any], noun: str) -> list[Check]:
        checks: list[Check] = []
        low, high = node.get("minLength", 0), node.get("maxLength")
        if low or high is not None:

            def check_length(value: Any, path: PathLink, out: list[Problem]) -> None:
                if len(value) < low or (high is not None and len(value) > high):
                    out.append(
                        Problem(
                            render_path(path),
                            _("expected {noun} of {low} to {high} characters, got {n}").format(
                                noun=noun,
                                low=low,
                                high=high if high is not None else "…",
                                n=len(value),
                            ),
                        )
                    )

            checks.append(check_length)
        matcher = full_pattern(node["pattern"]).match if "pattern" in node else None
        real = FORMATS.get(node.get("format", ""))
        if "format" in node and real is None:
            raise TypeError(f"format not checked: {node['format']}")
        if matcher is not None or real is not None:
            if matcher is not None and "title" not in node:
                raise TypeError(f"a pattern needs a title: {node['pattern']}")

            def check_shape(value: Any, path: PathLink, out: list[Problem]) -> None:
                if (matcher is not None and matcher(value) is None) or (
                    real is not None and not real(value)
                ):
                    out.append(
                        Problem(
                            render_path(path),
                            _("expected {noun}, got {got}").format(noun=noun, got=shown(value)),
                        )
                    )

            checks.append(check_shape)
        return checks

    def _range_checks(self, node: dict[str, Any], noun: str) -> list[Check]:
        low, high = node.get("minimum"), node.get("maximum")
        if low is None and high is None:
            return []
        low_ = -math.inf if low is None else low
        high_ = math.inf if high is None else high

        def check_range(value: Any, path: PathLink, out: list[Problem]) -> None:
            if not low_ <= value <= high_:
                out.append(
                    Problem(
                        render_path(path),
                        _("expected {noun} from {low} to {high}, got {value}").format(
                            noun=noun, low=shown(low), high=shown(high), value=shown(value)
                        ),
                    )
                )

        return [check_range]

    def _array_checks(self, node: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        low, high = node.get("minItems", 0), node.get("maxItems")
        if low or high is not None:

            def check_count(value: Any, path: PathLink, out: list[Problem]) -> None:
                if len(value) < low or (high is not None and len(value) > high):
                    bound = (
                        _("at least {n}").format(n=low)
                        if len(value) < low
                        else (_("at most {n}").format(n=high))
                    )
                    out.append(
                        Problem(
                            render_path(path),
                            _("expected {bound} items, got {n}").format(bound=bound, n=len(value)),
                        )
                    )

            checks.append(check_count)
        if "items" in node:
            item = self._compile(node["items"])

            def check_items(value: Any, path: PathLink, out: list[Problem]) -> None:
                for index, element in enumerate(value):
                    item(element, (path, index), out)

            checks.append(check_items)
        return checks

    def _object_checks(self, node: dict[str, Any]) -> list[Check]:
        required = tuple(node.get("required", ()))
        properties = [(key, self._compile(sub)) for key, sub in node.get("properties", {}).items()]
        extra = node.get("additionalProperties", True)
        extra_check = self._compile(extra) if isinstance(extra, dict) else None
        names_check = self._compile(node["propertyNames"]) if "propertyNames" in node else None
        known = frozenset(node.get("properties", {}))

        def check_object(value: dict[str, Any], path: PathLink, out: list[Problem]) -> None:
            for key in required:
                if key not in value:
                    out.append(
                        Problem(
                            render_path(path), _("missing field {name}").format(name=shown(key))
                        )
                    )
            for key, check in properties:
                if key in value:
                    check(value[key], (path, key), out)
            if extra is True and names_check is None:
                return
            for key, element in value.items():
                if key in known:
                    continue
                if names_check is not None:
                    before = len(out)
                    names_check(key, (path, key), out)
                    if len(out) > before:
                        continue
                if extra is False:
                    out.append(
                        Problem(
                            render_path(path), _("unknown field {name}").format(name=shown(key))
                        )
                    )
                elif extra_check is not None:
                    extra_check(element, (path, key), out)

        return [check_object]

    def _any_of(self, node: dict[str, Any]) -> Check:
        branches = [(branch, self._compile(branch)) for branch in node["anyOf"]]
        noun = self.noun(node)
        kinds = [self._branch_type(branch) for branch, _check in branches]

        def check_any(value: Any, path: PathLink, out: list[Problem]) -> None:
            tried: list[list[Problem]] = []
            for _branch, check in branches:
                found: list[Problem] = []
                check(value, path, found)
                if not found:
                    return
                tried.append(found)
            # the one branch of the value's own type knows best what is wrong with it
            same = [i for i, kind in enumerate(kinds) if kind and _TYPE_TESTS[kind](value)]
            if len(same) == 1 and kinds[same[0]] not in _SCALARS:
                out.extend(tried[same[0]])
                return
            out.append(
                Problem(
                    render_path(path),
                    _("expected {noun}, got {got}").format(noun=noun, got=described(value)),
                )
            )

        return check_any

    def _branch_type(self, branch: dict[str, Any]) -> str:
        if "$ref" in branch:
            return self._branch_type(self.resolve(branch["$ref"]))
        kind = branch.get("type")
        return kind if isinstance(kind, str) else ""

    # -- checking --------------------------------------------------------------------------
    def problems(self, value: Any) -> list[Problem]:
        """Every problem of ``value``, in document order (empty: valid)."""
        out: list[Problem] = []
        if not self.is_valid(value):
            self._check(value, None, out)
        return out

    def explain(self, value: Any) -> list[Problem]:
        """Every problem of ``value``, found without the fast yes/no check (for tests that
        compare the two readings of the schema)."""
        out: list[Problem] = []
        self._check(value, None, out)
        return out

    def check_at(self, value: Any, path: PathLink, out: list[Problem]) -> None:
        """Check ``value`` found at ``path`` of a larger document, adding to ``out``."""
        if not self.is_valid(value):
            self._check(value, path, out)


def _pending(value: Any, path: PathLink, out: list[Problem]) -> None:
    raise TypeError("a schema that refers to itself")


def and_more(count: int) -> str:
    """`` (and 3 more problems)``: what follows the first of several problems ("" for 0)."""
    if count < 1:
        return ""
    return " " + ngettext("(and {n} more problem)", "(and {n} more problems)", count).format(
        n=count
    )


def summarised(problems: list[Problem], source: str, limit: int = 20) -> list[str]:
    """One line per problem, the first ``limit`` of them, then ``… and N more``."""
    lines = [problem.line(source) for problem in problems[:limit]]
    if len(problems) > limit:
        more = len(problems) - limit
        lines.append(_("{source}: … and {n} more").format(source=source, n=more))
    return lines
