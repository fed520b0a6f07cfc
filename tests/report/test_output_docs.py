"""docs/output.md documents exactly the JSON Schema: every object the schema defines has a
field table there, and every table lists exactly that object's properties."""

import re

import pytest

from newsprism.report.json_output import schema
from tests.conftest import ROOT

DOC = ROOT / "docs" / "output.md"
# "### Articles (`article`)": the backticked name is the schema object the table below documents.
_HEADING = re.compile(r"^#{2,4} .*\(`(?P<name>\w+)`\)\s*$")
_ROW = re.compile(r"^\|\s*`(?P<field>\w+)`\s*\|(?P<rest>.*)\|\s*$")


def schema_objects() -> dict[str, dict]:
    """Every object schema with properties, named by its $defs key or property name
    (the root is ``analysis``)."""
    found: dict[str, dict] = {}

    def walk(name: str, node: object) -> None:
        if not isinstance(node, dict):
            return
        if "properties" in node:
            assert name not in found, f"two schema objects are both named {name!r}"
            found[name] = node
            for key, child in node["properties"].items():
                walk(key, child)
        for key, child in node.get("$defs", {}).items():
            walk(key, child)

    walk("analysis", schema())
    return found


def documented_tables() -> dict[str, dict[str, str]]:
    """Each field table of docs/output.md: object name -> {field: row text}."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = heading.group("name")
            assert current not in tables, f"docs/output.md documents {current!r} twice"
            tables[current] = {}
        elif line.startswith("#"):
            current = None
        elif current and (row := _ROW.match(line)):
            tables[current][row.group("field")] = row.group("rest")
    return tables


SCHEMA = schema_objects()
TABLES = documented_tables()


def test_every_schema_object_has_a_table_and_every_table_a_schema_object():
    assert sorted(SCHEMA) == sorted(TABLES)


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_each_table_lists_exactly_the_schema_properties(name):
    documented = TABLES.get(name, {})
    properties = SCHEMA[name]["properties"]
    missing = sorted(set(properties) - set(documented))
    extra = sorted(set(documented) - set(properties))
    assert not missing, f"{name}: fields of the schema not documented in docs/output.md: {missing}"
    assert not extra, f"{name}: fields documented in docs/output.md but not in the schema: {extra}"


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_fields_the_schema_does_not_require_say_when_they_are_present(name):
    # The doc says once that every field is always present; the exceptions say so in their row.
    optional = set(SCHEMA[name]["properties"]) - set(SCHEMA[name].get("required", ()))
    for field in optional:
        assert "present only when" in TABLES.get(name, {}).get(field, ""), f"{name}.{field}"
    for field, row in TABLES.get(name, {}).items():
        if "present only when" in row:
            assert field in optional, f"{name}.{field} is documented as optional but the schema requires it"


@pytest.mark.parametrize(("name", "field", "value"), [
    (name, field, value)
    for name, node in SCHEMA.items()
    for field, prop in node["properties"].items()
    for value in prop.get("enum", ())
    if value is not None
])
def test_every_enumerated_value_is_documented(name, field, value):
    assert f"`{value}`" in TABLES[name][field], f"{name}.{field} does not document {value!r}"


def test_the_doc_states_the_evidence_rule_and_the_schema_file():
    text = DOC.read_text(encoding="utf-8")
    assert 'article["text"][span["start"]:span["end"]] == span["text"]' in text
    assert "src/newsprism/report/schema.json" in text
