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

The file's shape is :class:`WalkthroughData` (a pydantic model, no other keys allowed);
what needs other files or arithmetic (the guide's id, the formulas, the diagram's layout) is
checked after it. Errors are :class:`macros.errors.DataError` naming file, entry and field.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictInt, StrictStr

from .data import SiteData
from .diagram import Diagram, DiagramError, Node, Step, Tier, layout
from .errors import AuthorError, DataError
from .schema import (
    Flag,
    Ident,
    Model,
    Text,
    glob_files,
    id_is_file_name,
    kind,
    named_by,
    read_yaml,
    rel,
    validate_named,
)

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


def _snake_name(value: str) -> str:
    if not NAME_RE.match(value):
        raise ValueError(f"'{value}' must be a snake_case name (a-z, 0-9, _), so formulas can use it")
    return value


def _a_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a number, got {kind(value)}")
    return value


# A figure's id: formulas name figures, so it is a Python-style name rather than a kebab-case id.
FigureName = Annotated[StrictStr, AfterValidator(_snake_name), Field(json_schema_extra={"pattern": NAME_RE.pattern})]
# A figure's value as written (an int stays an int, so the page shows it as written).
Amount = Annotated[int | float, BeforeValidator(_a_number)]


class AssumptionData(Model):
    """An input of the estimate, and why it was chosen."""

    id: FigureName
    label: Text
    value: Amount
    unit: Text
    basis: Text


class DerivedData(Model):
    """A figure computed from the assumptions and earlier derived figures; ``value`` is what the page states."""

    id: FigureName
    label: Text
    formula: Text
    value: Amount
    unit: Text


class NodeData(Model):
    id: Ident
    label: Text


class TierData(Model):
    label: Text
    nodes: Annotated[tuple[NodeData, ...], Field(min_length=1)]


class StepData(Model):
    source: Ident = Field(alias="from")
    target: Ident = Field(alias="to")
    text: Text


class DiagramData(Model):
    title: Text
    summary: Text
    tiers: Annotated[tuple[TierData, ...], Field(min_length=1)]
    flow: Annotated[tuple[StepData, ...], Field(min_length=1)]


class WalkthroughData(Model):
    """One file of ``data/design/``."""

    id: Ident  # the file's name without .yml
    guide: Ident  # an id of data/guides.yml
    question: Text
    from_source: Flag
    order: StrictInt  # position among the walkthroughs (any whole number); no two share one
    assumptions: Annotated[tuple[AssumptionData, ...], Field(min_length=1)]
    derived: Annotated[tuple[DerivedData, ...], Field(min_length=1)]
    diagram: DiagramData


SCHEMAS: dict[str, Any] = {"design/*.yml": WalkthroughData}


def _figures(file: str, data: WalkthroughData) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    """The figures, each id once, each derived value within TOLERANCE of its formula over the figures before it."""
    values: dict[str, float] = {}

    def place(field: str, i: int, fid: str) -> str:
        where = f"{field} #{i} (id '{fid}')"
        if fid in values:
            raise DataError(file, where, "id", f"duplicate id '{fid}'")
        return where

    assumptions = []
    for i, a in enumerate(data.assumptions, 1):
        place("assumptions", i, a.id)
        assumptions.append(Figure(a.id, a.label, a.value, a.unit, basis=a.basis))
        values[a.id] = a.value
    derived = []
    for i, d in enumerate(data.derived, 1):
        where = place("derived", i, d.id)
        try:
            computed = evaluate(d.formula, values)
        except ValueError as exc:
            raise DataError(file, where, "formula", str(exc)) from None
        if abs(d.value - computed) > TOLERANCE * abs(computed):
            raise DataError(file, where, "value", f"states {format_number(d.value)} but {d.formula} = {computed:,.4g}")
        derived.append(Figure(d.id, d.label, d.value, d.unit, formula=d.formula))
        values[d.id] = d.value
    return tuple(assumptions), tuple(derived)


def _diagram(file: str, wid: str, data: DiagramData) -> Diagram:
    tiers = tuple(Tier(t.label, tuple(Node(n.id, n.label) for n in t.nodes)) for t in data.tiers)
    flow = tuple(Step(s.source, s.target, s.text) for s in data.flow)
    diagram = Diagram(f"diagram-{wid}", data.title, data.summary, tiers, flow)
    try:
        layout(diagram)
    except DiagramError as exc:
        raise DataError(file, "diagram", None, str(exc)) from None
    return diagram


def load_walkthrough(path: Path, root: Path, site: SiteData) -> Walkthrough:
    file = rel(path, root)
    data = validate_named(
        WalkthroughData,
        read_yaml(path, root),
        file,
        path.stem,
        {
            "assumptions": (AssumptionData, named_by("id", "assumptions ")),
            "derived": (DerivedData, named_by("id", "derived ")),
        },
    )
    id_is_file_name(data.id, path, root)
    try:
        site.guide(data.guide)
    except AuthorError:
        raise DataError(file, path.stem, "guide", f"unknown guide '{data.guide}' (add it to data/guides.yml)") from None
    assumptions, derived = _figures(file, data)
    return Walkthrough(
        id=data.id,
        guide=data.guide,
        question=data.question,
        from_source=data.from_source,
        order=data.order,
        assumptions=assumptions,
        derived=derived,
        diagram=_diagram(file, data.id, data.diagram),
    )


def load_walkthroughs(root: Path, site: SiteData) -> dict[str, Walkthrough]:
    """Every ``data/design/*.yml``, by id, in their ``order``."""
    root = Path(root)
    walks = [load_walkthrough(p, root, site) for p in glob_files(root, "design")]
    orders = [w.order for w in walks]
    if len(set(orders)) != len(orders):
        raise DataError(rel(root / "design", root), None, "order", "two walkthroughs share an order number")
    return {w.id: w for w in sorted(walks, key=lambda w: w.order)}
