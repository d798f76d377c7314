"""The JSON Schemas editors validate data/ with are the ones the models export, and every file names its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter

from tests.support.data import read_yaml
from tools import schemas

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def test_the_committed_schemas_and_references_are_up_to_date():
    assert schemas.problems(DATA) == []


def test_every_data_file_matches_exactly_one_model():
    types = schemas.file_types()
    for name in schemas.data_files(DATA):
        assert schemas.pattern_for(name, types) is not None, name


def test_a_schema_that_differs_from_its_model_is_reported(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "schemas").mkdir()
    schemas.write(data)  # no data files: only the schemas
    path = data / "schemas" / "questions.json"
    text = json.loads(path.read_text(encoding="utf-8"))
    text["$defs"]["Question"]["additionalProperties"] = True
    path.write_text(json.dumps(text), encoding="utf-8")
    assert schemas.problems(data) == [
        "data/schemas/questions.json differs from the models: run python -m tools.schemas"
    ]


def test_a_file_without_its_reference_or_without_a_model_is_reported(tmp_path: Path):
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    schemas.write(data)
    (data / "sources" / "acme.yml").write_text("- id: acme\n", encoding="utf-8")
    (data / "notes.yml").write_text("a: b\n", encoding="utf-8")
    assert schemas.problems(data) == [
        "data/notes.yml: no model describes this file (add it to a module's SCHEMAS)",
        "data/sources/acme.yml: the first line must be '# yaml-language-server: $schema=../schemas/sources.json'",
    ]
    schemas.write(data)
    assert schemas.problems(data) == ["data/notes.yml: no model describes this file (add it to a module's SCHEMAS)"]
    assert (data / "sources" / "acme.yml").read_text(encoding="utf-8").splitlines()[1] == "- id: acme"


@pytest.mark.parametrize("pattern", list(schemas.file_types()))
def test_each_schema_forbids_keys_its_model_does_not_define(pattern: str):
    """The editor marks a misspelled key, as the build refuses it: every object in the schema is closed."""
    schema = TypeAdapter(schemas.file_types()[pattern]).json_schema()
    objects = [schema, *schema.get("$defs", {}).values()]
    for node in objects:
        if node.get("type") == "object" and "properties" in node:
            assert node.get("additionalProperties") is False, (pattern, node.get("title"))


def _as_json(path: Path) -> object:
    """A data file as an editor's YAML language server hands it to JSON Schema (dates as text)."""
    return json.loads(json.dumps(read_yaml(path), default=str))


def _validator(name: str) -> Draft202012Validator:
    pattern = schemas.pattern_for(name, schemas.file_types())
    assert pattern is not None, name
    schema = json.loads((DATA / schemas.SCHEMA_DIR / schemas.schema_name(pattern)).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("name", list(schemas.data_files(DATA)))
def test_an_editor_finds_nothing_wrong_in_the_committed_data(name: str):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(name).iter_errors(_as_json(DATA / name))]
    assert errors == [], name


def test_an_editor_marks_a_misspelled_key_as_the_build_refuses_it():
    doc = _as_json(DATA / "questions.yml")
    assert isinstance(doc, list)
    doc[0]["folow_ups"] = doc[0].pop("follow_ups")
    messages = [e.message for e in _validator("questions.yml").iter_errors(doc)]
    assert any("'folow_ups' was unexpected" in m for m in messages), messages
    assert any("'follow_ups' is a required property" in m for m in messages), messages
