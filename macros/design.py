"""Load and check the system design walkthroughs' data: ``data/design/*.yml``.

Each file holds one walkthrough's numbers and diagram (its prose lives in
``docs/amazon/design/``):

* ``assumptions``: the inputs of the back-of-the-envelope estimate, each with the
  reason it was chosen (``basis``);
* ``derived``: figures computed from them, each with its ``formula`` over
  assumption and earlier derived ids and the ``value`` the page states. The
  loader recomputes every formula and refuses a stated value that is off by more
  than :data:`TOLERANCE`, so a page can never show a figure that does not add up;
* ``diagram``: tiers of nodes and the numbered data flow, drawn by
  :mod:`macros.diagram`.

Errors are :class:`macros.errors.DataError` naming file, entry and field.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .data import SiteData, _Entry, _kind, read_yaml
from .diagram import Diagram, DiagramError, Node, Step, Tier, layout
from .errors import AuthorError, DataError

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
TOLERANCE = 0.02  # a stated figure may be rounded by up to 2% of the computed one
_OPS: Mapping[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_FUNCS: Mapping[str, Callable[..., float]] = {"ceil": lambda x: float(math.ceil(x)), "max": max, "min": min}
_SYMBOL = {ast.Add: "+", ast.Sub: "\u2212", ast.Mult: "\u00d7", ast.Div: "\u00f7"}
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    value: float
    unit: str
    basis: str | None = None  # assumptions: why this number
    formula: str | None = None  # derived figures: how it is computed

    @property
    def shown(self) -> str:
        return format_number(self.value)


@dataclass(frozen=True)
class Walkthrough:
    id: str
    guide: str
    question: str
    from_source: bool
    order: int
    assumptions: tuple[Figure, ...]
    derived: tuple[Figure, ...]
    diagram: Diagram

    def figure(self, fid: str) -> Figure:
        for f in self.assumptions + self.derived:
            if f.id == fid:
                return f
        raise AuthorError(f"unknown estimate '{fid}' in walkthrough '{self.id}'")

    def working(self, fid: str) -> str:
        """The formula of a derived figure with each name replaced by its stated value."""
        fig = self.figure(fid)
        if fig.formula is None:
            raise KeyError(f"'{fid}' is an assumption, not a derived figure")
        values = {f.id: f.value for f in self.assumptions + self.derived}
        return spell(ast.parse(fig.formula, mode="eval").body, values)


def format_number(value: float) -> str:
    """12,345 for whole numbers; decimals as written (0.25, 1,234.5)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return format(value, ",")


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Evaluate ``formula`` (numbers, names, + - * /, parentheses, ceil, max, min) over ``values``."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError:
        raise ValueError(f"'{formula}' is not an arithmetic expression") from None
    return _eval(tree.body, values)


def _eval(node: ast.AST, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.Name):
        if node.id not in values:
            raise ValueError(f"unknown name '{node.id}' (only assumptions and earlier derived figures)")
        return float(values[node.id])
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        right = _eval(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            raise ValueError("divides by zero")
        return _OPS[type(node.op)](_eval(node.left, values), right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, values)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _FUNCS
        and node.args
        and not node.keywords
        and (node.func.id != "ceil" or len(node.args) == 1)
    ):
        return float(_FUNCS[node.func.id](*(_eval(a, values) for a in node.args)))
    raise ValueError("only numbers, names, + - * /, parentheses, ceil(x), max(...) and min(...) are allowed")


def spell(node: ast.AST, values: Mapping[str, float], parent: int = 0, right: bool = False) -> str:
    """Write an expression with values in place of names, × and ÷, and only the parentheses it needs."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return format_number(node.value)
    if isinstance(node, ast.Name):
        return format_number(values[node.id])
    if isinstance(node, ast.UnaryOp):
        return "\u2212" + spell(node.operand, values, 3)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        inner = [spell(a, values) for a in node.args]
        name = node.func.id
        return (
            f"round up ({inner[0]})"
            if name == "ceil"
            else f"{'larger' if name == 'max' else 'smaller'} of ({', '.join(inner)})"
        )
    assert isinstance(node, ast.BinOp)
    prec = _PRECEDENCE[type(node.op)]
    text = f"{spell(node.left, values, prec)} {_SYMBOL[type(node.op)]} {spell(node.right, values, prec, right=True)}"
    if prec < parent or (right and prec == parent):
        return f"({text})"
    return text


def _number(e: _Entry, field: str) -> float:
    value = e.raw.get(field)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise e.fail(field, f"must be a number, got {_kind(value)}")
    return value


def _name(e: _Entry) -> str:
    value = e.text("id")
    if not NAME_RE.match(value):
        raise e.fail("id", f"'{value}' must be a snake_case name (a-z, 0-9, _), so formulas can use it")
    return value


def _figures(file: str, raw: object, field: str, values: dict[str, float]) -> tuple[Figure, ...]:
    if not isinstance(raw, list) or not raw:
        raise DataError(file, None, field, f"must be a non-empty list, got {_kind(raw)}")
    out = []
    for i, item in enumerate(raw, 1):
        label = f"{field} #{i}" + (
            f" (id '{item['id']}')" if isinstance(item, dict) and isinstance(item.get("id"), str) else ""
        )
        e = _Entry(file, label, item)
        fid = _name(e)
        if fid in values:
            raise e.fail("id", f"duplicate id '{fid}'")
        value = _number(e, "value")
        if field == "assumptions":
            fig = Figure(fid, e.text("label"), value, e.text("unit"), basis=e.text("basis"))
        else:
            formula = e.text("formula")
            try:
                computed = evaluate(formula, values)
            except ValueError as exc:
                raise e.fail("formula", str(exc)) from None
            if abs(value - computed) > TOLERANCE * abs(computed):
                raise e.fail("value", f"states {format_number(value)} but {formula} = {computed:,.4g}")
            fig = Figure(fid, e.text("label"), value, e.text("unit"), formula=formula)
        values[fid] = value
        out.append(fig)
    return tuple(out)


def _diagram(file: str, wid: str, raw: object) -> Diagram:
    e = _Entry(file, "diagram", raw)
    tiers = []
    for i, t_raw in enumerate(e.items("tiers"), 1):
        t = _Entry(file, f"diagram tiers #{i}", t_raw)
        nodes = []
        for j, n_raw in enumerate(t.items("nodes"), 1):
            n = _Entry(file, f"diagram tiers #{i} nodes #{j}", n_raw)
            nodes.append(Node(n.ident(), n.text("label")))
        tiers.append(Tier(t.text("label"), tuple(nodes)))
    flow = []
    for i, s_raw in enumerate(e.items("flow"), 1):
        s = _Entry(file, f"diagram flow #{i}", s_raw)
        flow.append(Step(s.ident("from"), s.ident("to"), s.text("text")))
    diagram = Diagram(f"diagram-{wid}", e.text("title"), e.text("summary"), tuple(tiers), tuple(flow))
    try:
        layout(diagram)
    except DiagramError as exc:
        raise DataError(file, "diagram", None, str(exc)) from None
    return diagram


def load_walkthrough(path: Path, root: Path, site: SiteData) -> Walkthrough:
    file = f"{root.name}/design/{path.name}"
    e = _Entry(file, path.stem, read_yaml(path, root))
    wid = e.ident()
    if wid != path.stem:
        raise e.fail("id", f"'{wid}' must match the file name '{path.stem}'")
    guide = e.ident("guide")
    try:
        site.guide(guide)
    except AuthorError:
        raise e.fail("guide", f"unknown guide '{guide}' (add it to data/guides.yml)") from None
    order = e.raw.get("order")
    if isinstance(order, bool) or not isinstance(order, int):
        raise e.fail("order", f"must be a whole number, got {_kind(order)}")
    values: dict[str, float] = {}
    assumptions = _figures(file, e.raw.get("assumptions"), "assumptions", values)
    derived = _figures(file, e.raw.get("derived"), "derived", values)
    return Walkthrough(
        id=wid,
        guide=guide,
        question=e.text("question"),
        from_source=e.flag("from_source"),
        order=order,
        assumptions=assumptions,
        derived=derived,
        diagram=_diagram(file, wid, e.raw.get("diagram")),
    )


def load_walkthroughs(root: Path, site: SiteData) -> dict[str, Walkthrough]:
    """Every ``data/design/*.yml``, by id, in their ``order``."""
    folder = Path(root) / "design"
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise DataError(f"{Path(root).name}/design", None, None, "folder is missing or has no .yml files")
    walks = [load_walkthrough(p, Path(root), site) for p in files]
    orders = [w.order for w in walks]
    if len(set(orders)) != len(orders):
        raise DataError(f"{Path(root).name}/design", None, "order", "two walkthroughs share an order number")
    return {w.id: w for w in sorted(walks, key=lambda w: w.order)}
