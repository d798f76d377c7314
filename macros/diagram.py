"""A small, deterministic box-and-arrow renderer: a diagram spec in, inline SVG out.

The walkthroughs' diagrams are text in ``data/design/*.yml`` (tiers of nodes and a
numbered data flow); this module lays them out in rows, one row per tier, and
draws each flow step as an arrow carrying its step number. Readers get plain
inline SVG: no diagram library, no request off the site's origin.

Colors come from the page (``currentColor`` and classes that guide.css maps to
Material's palette variables), so a diagram follows the light and dark schemes.
The viewBox is narrow (360 units) so a phone shows it at full size; wider screens
scale it up to the width guide.css allows.

No MkDocs, no Jinja: :func:`render_svg` is a pure function of its input, and it
raises :class:`DiagramError` when a label would not fit its box or an arrow
would cross a box it does not connect, rather than drawing something unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 360
MARGIN = 6
GAP = 8  # between boxes in a row
LINKED_GAP = 30  # between boxes in a row that an arrow joins: room for the arrow and its badge
MAX_BOX = 150  # widest box, so a one-box row does not span the whole diagram
FONT = 12  # label size in viewBox units
LINE = 15  # label line height
CHAR = 0.6 * FONT  # a generous average glyph width for sans-serif text: wrapping errs on the safe side
PAD_X = 4
PAD_Y = 7
TIER_LABEL = 14  # room above a row for its tier label
ROW_GAP = 40  # between one row's boxes and the next row's label: room for arrows and badges
BADGE_R = 9
MAX_PER_TIER = 3


class DiagramError(ValueError):
    """A diagram spec that cannot be drawn legibly; the message says which node or step."""


@dataclass(frozen=True)
class Node:
    id: str
    label: str


@dataclass(frozen=True)
class Tier:
    label: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    text: str


@dataclass(frozen=True)
class Diagram:
    id: str  # kebab-case; prefixes the SVG's element ids, so two diagrams can share a page
    title: str
    summary: str
    tiers: tuple[Tier, ...]
    flow: tuple[Step, ...]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True)
class Layout:
    height: float
    tier_labels: tuple[tuple[str, float], ...]  # label and its baseline y
    boxes: dict[str, Box]
    edges: tuple[tuple[int, tuple[float, float], tuple[float, float]], ...]  # step number, start, end


def wrap(label: str, width: float) -> tuple[str, ...]:
    """Greedy word wrap to the characters that fit ``width``; a word that cannot fit is an error."""
    per_line = int((width - 2 * PAD_X) // CHAR)
    lines: list[str] = []
    for word in label.split():
        if len(word) > per_line:
            raise DiagramError(f"the word '{word}' is longer than a box holds ({per_line} characters)")
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines)


def check(d: Diagram) -> None:
    """Structural checks: known, unique node ids; rows that fit; steps between two different nodes."""
    seen: set[str] = set()
    tier_of: dict[str, int] = {}
    pos: dict[str, int] = {}
    for r, tier in enumerate(d.tiers):
        if not tier.nodes:
            raise DiagramError(f"tier '{tier.label}' has no nodes")
        if len(tier.nodes) > MAX_PER_TIER:
            raise DiagramError(f"tier '{tier.label}' has {len(tier.nodes)} nodes; at most {MAX_PER_TIER} fit 360 px")
        for j, n in enumerate(tier.nodes):
            if n.id in seen:
                raise DiagramError(f"node '{n.id}' appears twice")
            seen.add(n.id)
            tier_of[n.id] = r
            pos[n.id] = j
    if not d.flow:
        raise DiagramError("the flow has no steps")
    for i, s in enumerate(d.flow, 1):
        for end in (s.source, s.target):
            if end not in seen:
                raise DiagramError(f"step {i} names unknown node '{end}'")
        if tier_of[s.source] == tier_of[s.target] and abs(pos[s.source] - pos[s.target]) != 1:
            raise DiagramError(
                f"step {i} joins '{s.source}' and '{s.target}', which are in one tier but not side by side"
            )


def layout(d: Diagram) -> Layout:
    check(d)
    boxes: dict[str, Box] = {}
    row_of: dict[str, int] = {}
    tier_labels = []
    linked = {r for r, tier in enumerate(d.tiers) for s in d.flow if {s.source, s.target} <= {n.id for n in tier.nodes}}
    y = float(MARGIN)
    for r, tier in enumerate(d.tiers):
        n = len(tier.nodes)
        gap = LINKED_GAP if r in linked else GAP
        w = min(MAX_BOX, (WIDTH - 2 * MARGIN - gap * (n - 1)) / n)
        try:
            wrapped = [wrap(node.label, w) for node in tier.nodes]
        except DiagramError as exc:
            raise DiagramError(f"tier '{tier.label}': {exc}") from None
        h = max(len(lines) for lines in wrapped) * LINE + 2 * PAD_Y
        tier_labels.append((tier.label, y + FONT - 2))
        y += TIER_LABEL
        total = n * w + gap * (n - 1)
        x = (WIDTH - total) / 2
        for node, lines in zip(tier.nodes, wrapped, strict=True):
            boxes[node.id] = Box(round(x, 2), y, round(w, 2), h, lines)
            row_of[node.id] = r
            x += w + gap
        y += h + ROW_GAP
    height = y - ROW_GAP + MARGIN

    # Two steps between the same pair of nodes (a request and its reply) are drawn side by side.
    pair_count: dict[frozenset[str], int] = {}
    for s in d.flow:
        key = frozenset((s.source, s.target))
        pair_count[key] = pair_count.get(key, 0) + 1
    pair_seen: dict[frozenset[str], int] = {}
    edges = []
    for i, s in enumerate(d.flow, 1):
        a, b = boxes[s.source], boxes[s.target]
        key = frozenset((s.source, s.target))
        k = pair_seen.get(key, 0)
        pair_seen[key] = k + 1
        shift = (k - (pair_count[key] - 1) / 2) * 2.5 * BADGE_R
        start, end = _ends(a, b, row_of[s.source], row_of[s.target], shift)
        for nid, box in boxes.items():
            if nid not in (s.source, s.target) and _crosses(start, end, box):
                raise DiagramError(
                    f"step {i} ({s.source} to {s.target}) crosses node '{nid}'; move one of them to another tier"
                )
        edges.append((i, start, end))
    return Layout(round(height, 2), tuple(tier_labels), boxes, tuple(edges))


def _ends(a: Box, b: Box, ra: int, rb: int, shift: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where an arrow from box ``a`` to box ``b`` leaves and arrives, offset sideways by ``shift``."""
    if ra == rb:  # side by side in one row: from the facing sides, at mid-height
        dy = max(-a.h / 2 + 4, min(a.h / 2 - 4, shift))
        if a.x < b.x:
            return (a.x + a.w, round(a.cy + dy, 2)), (b.x, round(b.cy + dy, 2))
        return (a.x, round(a.cy + dy, 2)), (b.x + b.w, round(b.cy + dy, 2))
    # Leave from the facing edge, aim at the other box's center line.
    x1 = _clamp(a.cx + shift + (b.cx - a.cx) * 0.25, a)
    x2 = _clamp(b.cx + shift + (a.cx - b.cx) * 0.25, b)
    if ra < rb:
        return (x1, a.y + a.h), (x2, b.y)
    return (x1, a.y), (x2, b.y + b.h)


def _clamp(x: float, box: Box) -> float:
    return round(max(box.x + 8, min(box.x + box.w - 8, x)), 2)


def _crosses(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment p-q passes through ``box`` (shrunk by a pixel, so touching an edge is fine)."""
    x0, y0, x1, y1 = box.x + 1, box.y + 1, box.x + box.w - 1, box.y + box.h - 1
    steps = 64
    for t in range(steps + 1):
        x = p[0] + (q[0] - p[0]) * t / steps
        y = p[1] + (q[1] - p[1]) * t / steps
        if x0 < x < x1 and y0 < y < y1:
            return True
    return False


def _n(value: float) -> str:
    """A coordinate as short, stable text: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def render_svg(d: Diagram) -> str:
    """The diagram as one line-free SVG element (safe to embed in a Markdown HTML block)."""
    lay = layout(d)
    tid, did, mid = f"{d.id}-title", f"{d.id}-desc", f"{d.id}-arrow"
    out = [
        f'<svg class="guide-diagram__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(lay.height)}"'
        f' width="100%" role="img" aria-labelledby="{tid} {did}" font-size="{FONT}">',
        f'<title id="{tid}">{escape(d.title)}</title>',
        f'<desc id="{did}">{escape(d.summary)}</desc>',
        f'<defs><marker id="{mid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>',
    ]
    for label, baseline in lay.tier_labels:
        out.append(
            f'<text class="guide-diagram__tier" x="{MARGIN}" y="{_n(baseline)}" font-size="{FONT - 2}" fill="currentColor">{escape(label)}</text>'
        )
    for nid, box in lay.boxes.items():
        out.append(
            f'<g class="guide-diagram__node" data-node="{escape(nid)}">'
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" rx="4" fill="none" stroke="currentColor"/>'
        )
        top = box.cy - (len(box.lines) - 1) * LINE / 2 + FONT * 0.35
        for j, line in enumerate(box.lines):
            out.append(
                f'<text x="{_n(box.cx)}" y="{_n(top + j * LINE)}" text-anchor="middle" fill="currentColor">{escape(line)}</text>'
            )
        out.append("</g>")
    for number, (x1, y1), (x2, y2) in lay.edges:
        out.append(
            f'<g class="guide-diagram__edge" data-step="{number}">'
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="currentColor" marker-end="url(#{mid})"/>'
        )
        bx, by = x1 + (x2 - x1) * 0.45, y1 + (y2 - y1) * 0.45
        out.append(
            f'<circle cx="{_n(bx)}" cy="{_n(by)}" r="{BADGE_R}" class="guide-diagram__badge" fill="currentColor"/>'
            f'<text x="{_n(bx)}" y="{_n(by + FONT * 0.35)}" text-anchor="middle" font-size="{FONT - 1}"'
            f' fill="#fff" class="guide-diagram__badge-text">{number}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
