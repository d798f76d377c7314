"""Run axe-core in a Playwright page and fail with a readable list of violations.

    from tests.support.axe import assert_no_axe_violations

    def test_my_tool(page, site_url):
        page.goto(f"{site_url}/practice/drill/")
        page.click("text=Start")
        assert_no_axe_violations(page, context="drill, after Start")

axe-core is vendored from ``node_modules/axe-core/axe.min.js`` (installed by
``npm ci`` through ``make test``); it is evaluated from that file, never loaded from a
CDN. The rules are the WCAG 2.0, 2.1 and 2.2 A and AA rules plus axe's
best-practice rules. Fix a violation at its source; do not narrow the rules.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pytest

from tests.support import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice")
MAX_NODES = 8  # nodes listed per violation; the count is always given in full


def _inject(page: Any) -> None:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make test does it) to install axe-core", pytrace=False)
    if not page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        # Evaluated through DevTools, not added as a <script>: the pages' Content-Security-Policy
        # (hooks/csp.py) blocks any inline script the site does not ship, as it should.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;0")


def start_axe(page: Any, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None) -> None:
    """Start axe on the page as it is now and return at once; ``axe_result`` waits for it.

    Starting axe in two pages before collecting either lets Chromium run them
    side by side, one renderer process each.
    """
    _inject(page)
    context: dict[str, Any] | None = None
    if include or exclude:
        context = {}
        if include:
            context["include"] = [[s] for s in include]
        if exclude:
            context["exclude"] = [[s] for s in exclude]
    options = {"runOnly": {"type": "tag", "values": list(TAGS)}, "resultTypes": ["violations"]}
    page.evaluate(
        """([context, options]) => {
            window.__axeResult = window.axe.run(context || document, options).then(results =>
                results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
                })));
        }""",
        [context, options],
    )


def axe_result(page: Any) -> list[dict[str, Any]]:
    """Wait for the run ``start_axe`` began in ``page``; return axe's list of violations."""
    return page.evaluate("() => window.__axeResult")


def run_axe(
    page: Any, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Run axe on the page as it is now; return axe's list of violations.

    ``include`` / ``exclude`` are CSS selectors that scope the run (default:
    the whole document). Only use them to look at one part more closely, never
    to hide a violation.
    """
    start_axe(page, include, exclude)
    return axe_result(page)


def format_violations(violations: Sequence[dict[str, Any]], context: str = "") -> str:
    """A readable report: one block per rule, with the offending elements."""
    total = sum(len(v["nodes"]) for v in violations)
    head = f"{len(violations)} axe violation(s) on {total} element(s)"
    lines = [f"{head} ({context})" if context else head]
    for v in violations:
        lines.append(f"\n[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s))")
        lines.append(f"    {v['helpUrl']}")
        for node in v["nodes"][:MAX_NODES]:
            target = " >> ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            html = " ".join(node["html"].split())
            lines.append(f"  - {target}")
            lines.append(f"      {html[:200]}{'...' if len(html) > 200 else ''}")
            for summary_line in (node.get("summary") or "").splitlines():
                if summary_line.strip():
                    lines.append(f"      {summary_line.strip()}")
        if len(v["nodes"]) > MAX_NODES:
            lines.append(f"  ... and {len(v['nodes']) - MAX_NODES} more")
    return "\n".join(lines)


def assert_no_axe_violations(
    page: Any, context: str = "", *, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
) -> None:
    """Fail the test if axe finds any violation in ``page`` as it is now.

    ``context`` is a label for the failure message (which page, palette or
    state was checked); the page URL is always added.
    """
    violations = run_axe(page, include=include, exclude=exclude)
    if violations:
        label = f"{context} at {page.url}" if context else page.url
        pytest.fail(format_violations(violations, label), pytrace=False)
