"""Unit tests of the diagram renderer (macros/diagram.py): no build, no browser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.data import SiteData
from macros.design import load_walkthroughs
from macros.diagram import WIDTH, Diagram, DiagramError, Node, Step, Tier, layout, render_svg

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


def _diagram(
    label: str = "Service", tiers: tuple[Tier, ...] | None = None, flow: tuple[Step, ...] | None = None
) -> Diagram:
    tiers = tiers or (Tier("Top", (Node("a", label),)), Tier("Bottom", (Node("b", "Store"), Node("c", "Queue"))))
    flow = flow or (Step("a", "b", "reads"), Step("a", "c", "writes"))
    return Diagram("diagram-test", "A <test> & title", 'Summary with "quotes"', tiers, flow)


@pytest.fixture(scope="module")
def real_diagrams(site_data: SiteData) -> list[Diagram]:
    return [w.diagram for w in load_walkthroughs(ROOT / "data", site_data).values()]


def test_labels_titles_and_summaries_are_escaped() -> None:
    svg = render_svg(_diagram(label="<script>x() </script> & co"))
    assert "<script>" not in svg
    assert "&lt;script&gt;x()" in svg and "&lt;/script&gt;" in svg
    assert "A &lt;test&gt; &amp; title" in svg
    ET.fromstring(svg)  # well-formed XML, so the escaping left no stray markup


def test_rendering_is_deterministic(real_diagrams: list[Diagram]) -> None:
    for d in real_diagrams:
        assert render_svg(d) == render_svg(d)


def test_every_box_badge_and_arrow_stays_inside_the_view_box(real_diagrams: list[Diagram]) -> None:
    for d in real_diagrams:
        root = ET.fromstring(render_svg(d))
        _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
        assert width == WIDTH
        for rect in root.iter(f"{SVG}rect"):
            x, y, w, h = (float(rect.get(k, "")) for k in ("x", "y", "width", "height"))
            assert x >= 0 and x + w <= width and y >= 0 and y + h <= height, (d.id, rect.attrib)
        for line in root.iter(f"{SVG}line"):
            for k in ("x1", "x2"):
                assert 0 <= float(line.get(k, "")) <= width, (d.id, line.attrib)
            for k in ("y1", "y2"):
                assert 0 <= float(line.get(k, "")) <= height, (d.id, line.attrib)
        for circle in root.iter(f"{SVG}circle"):
            cx, cy, r = (float(circle.get(k, "")) for k in ("cx", "cy", "r"))
            assert r <= cx <= width - r and r <= cy <= height - r, (d.id, circle.attrib)


def test_label_lines_fit_their_boxes(real_diagrams: list[Diagram]) -> None:
    from macros.diagram import CHAR, PAD_X

    for d in real_diagrams:
        for box in layout(d).boxes.values():
            for line in box.lines:
                assert len(line) * CHAR <= box.w - 2 * PAD_X, (d.id, line)


def test_svg_carries_a_text_alternative() -> None:
    root = ET.fromstring(render_svg(_diagram()))
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby", "").split()
    found = {el.get("id"): el.tag for el in root.iter() if el.get("id") in ids}
    assert found == {"diagram-test-title": f"{SVG}title", "diagram-test-desc": f"{SVG}desc"}


def test_each_flow_step_is_one_numbered_arrow() -> None:
    svg = render_svg(_diagram())
    assert re.findall(r'data-step="(\d+)"', svg) == ["1", "2"]


def test_ids_are_prefixed_so_two_diagrams_can_share_a_page(real_diagrams: list[Diagram]) -> None:
    for d in real_diagrams:
        ids = re.findall(r' id="([^"]+)"', render_svg(d))
        assert ids and all(i.startswith(d.id + "-") for i in ids)


@pytest.mark.parametrize(
    "tiers, flow, problem",
    [
        ((Tier("T", (Node("a", "A"),)),), (Step("a", "zz", "x"),), "unknown node 'zz'"),
        (
            (Tier("T", (Node("a", "Supercalifragilistic"),)), Tier("U", (Node("b", "B"),))),
            (Step("a", "b", "x"),),
            "longer than a box holds",
        ),
        ((Tier("T", tuple(Node(f"n{i}", "N") for i in range(4))),), (Step("n0", "n1", "x"),), "at most 3 fit"),
        ((Tier("T", (Node("a", "A"), Node("b", "B"), Node("c", "C"))),), (Step("a", "c", "x"),), "not side by side"),
        (
            (Tier("T", (Node("a", "A"),)), Tier("M", (Node("m", "Middle"),)), Tier("B", (Node("b", "B"),))),
            (Step("a", "b", "skips a tier"),),
            "crosses node 'm'",
        ),
    ],
)
def test_specs_that_cannot_be_drawn_legibly_are_refused(tiers, flow, problem) -> None:
    with pytest.raises(DiagramError, match=problem):
        render_svg(Diagram("diagram-bad", "t", "s", tiers, flow))
