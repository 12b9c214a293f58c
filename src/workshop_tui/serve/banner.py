"""What ``workshop-tui serve`` prints at start: the join code, one link per role and each
link as a QR code (segno) for tablets and phones, two QR codes side by side."""

from __future__ import annotations

import io
from itertools import zip_longest

from workshop_tui.core.i18n import _
from workshop_tui.serve.plan import Role, ServePlan

QR_BORDER = 2
GAP = "  "


def qr_lines(link: str) -> list[str]:
    """``link`` as a QR code in half-block characters (two modules per line)."""
    import segno

    out = io.StringIO()
    segno.make(link, error="m", micro=False).terminal(out=out, compact=True, border=QR_BORDER)
    return out.getvalue().rstrip("\n").split("\n")


def _side_by_side(blocks: list[tuple[str, list[str]]]) -> list[str]:
    lines: list[str] = []
    for pair in (blocks[i : i + 2] for i in range(0, len(blocks), 2)):
        width = max(len(block[0]) for block in pair)
        width = max(width, *(len(row) for block in pair for row in block[1]))
        lines.append(GAP.join(block[0].ljust(width) for block in pair).rstrip())
        for rows in zip_longest(*(block[1] for block in pair), fillvalue=""):
            lines.append(GAP.join(row.ljust(width) for row in rows).rstrip())
        lines.append("")
    return lines


def shown_roles(serve_plan: ServePlan) -> list[Role]:
    """The roles with a link of their own (the root page's copy is not repeated)."""
    return [role for role in serve_plan.roles if role.path != "/"]


def banner(serve_plan: ServePlan, *, qr: bool = True) -> str:
    """The text printed before serving (links, code, QR codes)."""
    lines: list[str] = []
    roles = shown_roles(serve_plan)
    if serve_plan.code:
        lines.append(_("Join code: {code}").format(code=serve_plan.spoken_code))
        lines.append(_("Everyone in the room needs it: it is in every link below (then a cookie)."))
        lines.append("")
    root = serve_plan.roles[0] if serve_plan.roles[0].path == "/" else None
    if serve_plan.index:
        lines.append(
            _("Open {link} for the list of group and projector links").format(
                link=serve_plan.link()
            )
        )
    elif root is not None:
        lines.append(
            _("Open {link} in a browser ({role})").format(link=serve_plan.link(), role=root.label)
        )
    if roles:
        width = max(len(role.label) for role in roles)
        for role in roles:
            lines.append(f"  {role.label:<{width}}  {serve_plan.link(role)}")
    lines.append(_("Ctrl+C stops the server."))
    if qr:
        lines.append("")
        blocks = [(role.label, qr_lines(serve_plan.link(role))) for role in roles]
        if not blocks:
            blocks = [(root.label if root else "", qr_lines(serve_plan.link()))]
        lines.extend(_side_by_side(blocks))
    return "\n".join(lines).rstrip("\n") + "\n"
