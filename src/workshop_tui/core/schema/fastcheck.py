"""The yes/no form of a schema, generated as Python source: the fast path of validation.

Every bundle and every session file opened is checked, so checking a valid document must
cost little next to parsing it. :func:`compile_fast_check` turns the schema into plain
Python functions (type tests, regex matches and set lookups inlined; one function per
object or list) that only answer "valid or not". Only when the answer is "not" does the
validator walk the document again to say where and why — so the two readings of the schema
must agree, which the validator tests check on every mutation they make.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

_MISSING = object()


def _real_time(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


FORMATS: dict[str, Callable[[str], bool]] = {"date-time": _real_time, "date": _real_date}


def full_pattern(pattern: str) -> re.Pattern[str]:
    """An ECMA-262 ``^...$`` pattern as a Python regex matched against the whole string
    (Python's ``$`` would also match before a final newline)."""
    body = pattern.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        body = body[:-1]
    return re.compile(f"(?:{body})\\Z", re.DOTALL)


def _enum_holds(value: Any, allowed: frozenset[tuple[type, Any]]) -> bool:
    try:
        return (type(value), value) in allowed
    except TypeError:  # a list or an object: never an enum value
        return False


_STAR_OF_ONE_CLASS = re.compile(r"\^\[\^[^\]]*\]\*\$")


def _ascii_always_matches(pattern: str) -> bool:
    """Whether every ASCII string matches ``pattern`` (``^[^...]*$`` excluding no ASCII)."""
    if not _STAR_OF_ONE_CLASS.fullmatch(pattern):
        return False
    match = full_pattern(pattern).match
    return all(match(chr(code)) for code in range(128))


#: how many valid spellings of one formatted string (times, dates) are remembered
_SEEN_MAX = 50_000


def _remembered_shape(pattern: str | None, fmt: str, seen: set[str]) -> Callable[[str], bool]:
    """The check of a formatted string that remembers, in ``seen``, what it found valid."""
    match = full_pattern(pattern).match if pattern else None
    real = FORMATS[fmt]

    def shape_ok(text: str) -> bool:
        if (match is not None and match(text) is None) or not real(text):
            return False
        if len(seen) >= _SEEN_MAX:
            seen.clear()
        seen.add(text)
        return True

    return shape_ok


class _Generator:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.names: dict[str, Any] = {
            "_M": _MISSING,
            "_isfinite": math.isfinite,
            "_enum": _enum_holds,
        }
        self.functions: list[str] = []
        self.by_ref: dict[str, str] = {}
        self.counter = 0

    def name(self, prefix: str, value: Any) -> str:
        self.counter += 1
        name = f"_{prefix}{self.counter}"
        self.names[name] = value
        return name

    def resolve(self, ref: str) -> dict[str, Any]:
        node: Any = self.schema
        for part in ref.removeprefix("#").strip("/").split("/"):
            if part:
                node = node[part]
        return node

    # -- expressions: a boolean Python expression about the variable ``x`` ---------------
    def expr(self, node: dict[str, Any], var: str) -> str:
        if "$ref" in node:
            ref = node["$ref"]
            target = self.resolve(ref)
            if target.get("type") in ("object", "array"):
                return f"{self.function_for_ref(ref)}({var})"
            return self.expr(target, var)
        if "anyOf" in node:
            return "(" + " or ".join(self.expr(b, var) for b in node["anyOf"]) + ")"
        kind = node.get("type")
        if kind in ("object", "array"):
            return f"{self.function(node)}({var})"
        parts: list[str] = []
        if kind == "string":
            parts.append(f"type({var}) is str")
            low, high = node.get("minLength", 0), node.get("maxLength")
            if low:
                parts.append(f"len({var}) >= {int(low)}")
            if high is not None:
                parts.append(f"len({var}) <= {int(high)}")
            if "format" in node:
                # times repeat (created, updated and the stamps of one change): each valid
                # spelling is checked once (a bounded set, shared by every check)
                seen: set[str] = set()
                check = _remembered_shape(node.get("pattern"), node["format"], seen)
                parts.append(f"({var} in {self.name('v', seen)} or {self.name('s', check)}({var}))")
            elif "pattern" in node:
                match = self.name("p", full_pattern(node["pattern"]).match)
                if _ascii_always_matches(node["pattern"]):
                    # str.isascii() is O(1): most text is ASCII and needs no regex scan
                    parts.append(f"({var}.isascii() or {match}({var}))")
                else:
                    parts.append(f"{match}({var})")
        elif kind == "integer":
            parts.append(f"type({var}) is int")
        elif kind == "number":
            parts.append(f"(type({var}) is int or (type({var}) is float and _isfinite({var})))")
        elif kind == "boolean":
            parts.append(f"type({var}) is bool")
        elif kind == "null":
            parts.append(f"{var} is None")
        if kind in ("integer", "number"):
            if "minimum" in node:
                parts.append(f"{var} >= {self.name('n', node['minimum'])}")
            if "maximum" in node:
                parts.append(f"{var} <= {self.name('n', node['maximum'])}")
        if "const" in node:
            const = node["const"]
            parts.append(
                f"type({var}) is {self.name('t', type(const))} and {var} == {self.name('c', const)}"
            )
        if "enum" in node:
            choices = node["enum"]
            if all(type(v) is str or v is None for v in choices):
                texts = frozenset(v for v in choices if v is not None)
                test = f"(type({var}) is str and {var} in {self.name('e', texts)})"
                parts.append(f"({var} is None or {test})" if None in choices else test)
            else:
                allowed = frozenset((type(v), v) for v in choices)
                parts.append(f"_enum({var}, {self.name('e', allowed)})")
        return "(" + " and ".join(parts or ["True"]) + ")"

    # -- functions: objects and lists ----------------------------------------------------
    def function_for_ref(self, ref: str) -> str:
        if ref not in self.by_ref:
            self.by_ref[ref] = "pending"
            self.by_ref[ref] = self.function(self.resolve(ref))
        return self.by_ref[ref]

    def function(self, node: dict[str, Any]) -> str:
        self.counter += 1
        name = f"_check{self.counter}"
        body: list[str] = []
        kind = node.get("type")
        if "anyOf" in node or kind not in ("object", "array"):
            body.append(f"    return {self.expr(node, 'v')}")
        elif kind == "array":
            body.append("    if type(v) is not list: return False")
            low, high = node.get("minItems", 0), node.get("maxItems")
            if low:
                body.append(f"    if len(v) < {int(low)}: return False")
            if high is not None:
                body.append(f"    if len(v) > {int(high)}: return False")
            if "items" in node:
                body.append("    for x in v:")
                body.append(f"        if not {self.expr(node['items'], 'x')}: return False")
            body.append("    return True")
        else:
            body += self.object_body(node)
        self.functions.append(f"def {name}(v):\n" + "\n".join(body))
        return name

    def object_body(self, node: dict[str, Any]) -> list[str]:
        body = ["    if type(v) is not dict: return False"]
        required = node.get("required", [])
        properties: dict[str, Any] = node.get("properties", {})
        if required:
            missing = " or ".join(f"{key!r} not in v" for key in required)
            body.append(f"    if {missing}: return False")
        for key, sub in properties.items():
            if key in required:
                body.append(f"    x = v[{key!r}]")
                body.append(f"    if not {self.expr(sub, 'x')}: return False")
            else:
                body.append(f"    x = v.get({key!r}, _M)")
                body.append(f"    if x is not _M and not {self.expr(sub, 'x')}: return False")
        extra = node.get("additionalProperties", True)
        names = node.get("propertyNames")
        if extra is not True or names is not None:
            known = self.name("k", frozenset(properties))
            body.append("    for k, x in v.items():")
            body.append(f"        if k in {known}: continue")
            if names is not None:
                body.append(f"        if not {self.expr(names, 'k')}: return False")
            if extra is False:
                body.append("        return False")
            elif isinstance(extra, dict):
                body.append(f"        if not {self.expr(extra, 'x')}: return False")
        body.append("    return True")
        return body


def compile_fast_check(schema: dict[str, Any], node: dict[str, Any]) -> Callable[[Any], bool]:
    """A function that says whether a value is valid against ``node`` of ``schema``."""
    generator = _Generator(schema)
    entry = generator.function(node)
    source = "\n\n".join(generator.functions)
    namespace = dict(generator.names)
    exec(compile(source, "<schema fast check>", "exec"), namespace)  # noqa: S102 - our own code
    check: Callable[[Any], bool] = namespace[entry]
    return check
