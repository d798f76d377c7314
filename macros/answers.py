"""The annotated answer examples (data/examples/answers.yml): one principle's example, and the list of all."""

from __future__ import annotations

from markupsafe import Markup

from . import worked
from .context import Context, Macro
from .examples import SPINE_LENGTH
from .numbers import number


def answer_example(ctx: Context, pid: str) -> str:
    examples = ctx.answers()
    view = worked.answer_view(examples, examples.for_principle(pid))
    render = ctx.renderer.render
    parts = {
        kind: Markup(
            render(
                "answer-example-parts.html",
                kind=kind,
                parts=view.example.mediocre.parts if kind == "mediocre" else getattr(view.example, kind),
                verdict=worked.note_verdict,
                note_heading=worked.note_heading,
            )
        )
        for kind in ("strong", "weak", "mediocre")
    }
    return render(
        "answer-example.md",
        example=view.example,
        anchor=view.anchor,
        meta=Markup(render("answer-example-meta.html", **view.meta())),
        spine=Markup(render("answer-example-spine.html", view=view)),
        spine_length=Markup(number(ctx, SPINE_LENGTH, source=True)),
        **parts,
    )


def answer_examples(ctx: Context) -> str:
    return ctx.renderer.render("answer-examples.md", rows=worked.answer_rows(ctx.site, ctx.answers(), ctx.here()))


MACROS: dict[str, Macro] = {"answer_example": answer_example, "answer_examples": answer_examples}
