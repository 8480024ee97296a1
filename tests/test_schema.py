"""Real output validates against schemas/event.schema.json."""

from __future__ import annotations

import json
import pathlib

import jsonschema
import pytest

import eventcode

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """The event schema, checked itself first."""
    schema = json.loads((ROOT / "schemas" / "event.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_example_article_output_validates(validator: jsonschema.Draft202012Validator) -> None:
    """Every event coded from the bundled example article is valid against the schema."""
    text = (ROOT / "examples" / "articles" / "kabul_talks.txt").read_text()
    events = eventcode.code(text, date="2021-03-03", doc_id="kabul_talks")
    assert len(events) >= 3
    for e in events:
        validator.validate(json.loads(json.dumps(e.to_dict())))


def test_edge_output_validates(validator: jsonschema.Draft202012Validator) -> None:
    """Uncoded actors, no date, locations and evidence notes all fit the schema."""
    for text in ["Officials said the army shelled the town.", "Six police officers were killed by militants in Logar.",
                 "Russia and China signed an agreement on Monday."]:
        for e in eventcode.Coder(require="none").code(text):
            validator.validate(e.to_dict())


def test_schema_rejects_bad_records(validator: jsonschema.Draft202012Validator) -> None:
    """The schema is not vacuous: a wrong QuadClass or a missing field fails."""
    (e,) = eventcode.code("Germany invaded France.")
    bad = e.to_dict()
    bad["action"]["quad_class"] = 9
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)
    bad = e.to_dict()
    del bad["sentence"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)
