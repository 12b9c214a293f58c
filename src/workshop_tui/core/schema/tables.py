"""The field tables of ``docs/session-format.md``, rendered from the schema.

``python -m workshop_tui.core.schema.tables`` prints them; a test checks that the docs hold
exactly this text, so the docs and the validator cannot disagree.
"""

from __future__ import annotations

import json
from typing import Any

from workshop_tui.core.schema.session_format import BUNDLE_SCHEMA, DOC_TABLES

_KIND_WORDS = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "`true` / `false`",
    "array": "list",
    "object": "object",
    "null": "`null`",
}


def _node(pointer: str) -> dict[str, Any]:
    node: Any = BUNDLE_SCHEMA
    for part in pointer.removeprefix("#").strip("/").split("/"):
        if part:
            node = node[part]
    return node


def _headings() -> dict[str, str]:
    return {pointer: heading.split(" (")[0] for heading, pointer in DOC_TABLES}


def _value(value: Any) -> str:
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _bounds(node: dict[str, Any]) -> str:
    low, high = node.get("minimum"), node.get("maximum")
    if low is None and high is None:
        return ""
    return f", {low:g} to {high:g}" if low is not None and high is not None else ""


def describe(node: dict[str, Any]) -> str:
    """The 'value' column: what a field holds, in the words of the schema."""
    if "$ref" in node:
        target = node["$ref"]
        heading = _headings().get(target)
        if heading is not None:
            return f"object: *{heading}*"
        return describe(_node(target))
    if "title" in node and "anyOf" not in node and node.get("type") != "array":
        return str(node["title"]) + _bounds(node)
    if "const" in node:
        return _value(node["const"])
    if "enum" in node:
        return " · ".join(_value(v) for v in node["enum"])
    if "anyOf" in node:
        return " or ".join(describe(branch) for branch in node["anyOf"])
    kind = node.get("type", "")
    if kind == "array":
        items = node.get("items")
        words = f"list of {describe(items)}" if items else "list"
        if node.get("minItems"):
            words += f", at least {node['minItems']}"
        return words
    if kind == "object" and "additionalProperties" in node:
        names = describe(node["propertyNames"]) if "propertyNames" in node else "text"
        return f"object: {names} → {describe(node['additionalProperties'])}"
    return _KIND_WORDS.get(kind, "any") + _bounds(node)


def field_tables() -> str:
    """Every table, Markdown, in :data:`DOC_TABLES` order."""
    out: list[str] = []
    for heading, pointer in DOC_TABLES:
        node = _node(pointer)
        required = set(node.get("required", ()))
        out += [f"#### {heading}", "", str(node.get("description", "")), ""]
        out += ["| field | required | value | meaning |", "| --- | --- | --- | --- |"]
        for name, field in node.get("properties", {}).items():
            cell = describe(field).replace("|", "\\|")
            meaning = str(field.get("description", "")).replace("|", "\\|")
            mark = "yes" if name in required else ""
            out.append(f"| `{name}` | {mark} | {cell} | {meaning} |")
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and node.get("properties"):
            out.append(f"| *other* |  | {describe(extra)} | |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(field_tables(), end="")
