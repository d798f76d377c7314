"""The JSON Schema of every file under ``data/``, exported from the pydantic models the build uses.

    python -m tools.schemas          # write data/schemas/*.json from the models
    python -m tools.schemas --check  # exit 1 if a committed schema differs or a file lacks its reference

Each data file's first line names its schema for editors that read the YAML language
server's comment (``# yaml-language-server: $schema=../schemas/sources.json``), so a
misspelled key or a missing field is marked as it is typed. The models stay the one
source: ``tests/test_schemas.py`` fails when a committed schema differs from what they
export, when a file under ``data/`` matches no model, or when a file's reference is wrong.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import sys
from collections.abc import Iterator, Mapping
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from hooks import tag_names
from macros import coding, data, design, examples, search_terms

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = "schemas"  # under data/
DRAFT = "https://json-schema.org/draft/2020-12/schema"
MARKER = "# yaml-language-server: $schema="


def file_types() -> dict[str, Any]:
    """Each data file (a glob for a folder's files), relative to data/, and the type of its whole content."""
    out: dict[str, Any] = {}
    for module in (data, coding, design, examples, search_terms, tag_names):
        for pattern, kind in module.SCHEMAS.items():
            if pattern in out:
                raise ValueError(f"{module.__name__}: '{pattern}' already has a schema")
            out[pattern] = kind
    return out


def schema_name(pattern: str) -> str:
    """``sources/*.yml`` -> ``sources.json``, ``coding/problems/*.yml`` -> ``coding-problems.json``."""
    stem = pattern.removesuffix(".yml").removesuffix("/*")
    return stem.replace("/", "-") + ".json"


def schema_text(pattern: str, kind: Any) -> str:
    schema = {"$schema": DRAFT, "title": f"data/{pattern}", **TypeAdapter(kind).json_schema()}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def reference(pattern: str) -> str:
    """What the first line of a file matching ``pattern`` says: the schema's path relative to the file."""
    folder = posixpath.dirname(pattern)
    target = posixpath.join(SCHEMA_DIR, schema_name(pattern))
    return MARKER + posixpath.relpath(target, folder or ".")


def data_files(data_dir: Path) -> Iterator[str]:
    """Every YAML file under data/, relative to it."""
    for path in sorted(data_dir.rglob("*.yml")):
        yield path.relative_to(data_dir).as_posix()


def pattern_for(name: str, types: Mapping[str, Any]) -> str | None:
    matches = [p for p in types if fnmatchcase(name, p) and name.count("/") == p.count("/")]
    return matches[0] if len(matches) == 1 else None


def problems(data_dir: Path) -> list[str]:
    """What is out of date: schemas that differ from the models, files without a model or a reference."""
    types = file_types()
    out = []
    for pattern, kind in types.items():
        path = data_dir / SCHEMA_DIR / schema_name(pattern)
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(pattern, kind):
            out.append(f"data/{SCHEMA_DIR}/{schema_name(pattern)} differs from the models: run python -m tools.schemas")
    for name in data_files(data_dir):
        pattern = pattern_for(name, types)
        if pattern is None:
            out.append(f"data/{name}: no model describes this file (add it to a module's SCHEMAS)")
            continue
        first = (data_dir / name).read_text(encoding="utf-8").split("\n", 1)[0]
        if first != reference(pattern):
            out.append(f"data/{name}: the first line must be '{reference(pattern)}'")
    return out


def write(data_dir: Path) -> None:
    """Write every schema, and put the reference line first in every data file."""
    types = file_types()
    (data_dir / SCHEMA_DIR).mkdir(exist_ok=True)
    for pattern, kind in types.items():
        (data_dir / SCHEMA_DIR / schema_name(pattern)).write_text(schema_text(pattern, kind), encoding="utf-8")
    for name in data_files(data_dir):
        pattern = pattern_for(name, types)
        if pattern is None:
            continue
        path = data_dir / name
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines[0].startswith(MARKER):
            lines = lines[1:]
        path.write_text("\n".join([reference(pattern), *lines]), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report what is out of date; change nothing")
    args = parser.parse_args(argv)
    data_dir = ROOT / "data"
    if not args.check:
        write(data_dir)
    found = problems(data_dir)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
