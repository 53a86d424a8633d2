"""The fast schema check (fastjsonschema) never accepts what the reference validator
(jsonschema, which phrases every error) refuses: ``edits.validate`` trusts its "valid"."""
from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from redline.edits import _fast_validator, schema

REFERENCE = jsonschema.Draft202012Validator(schema())
FIELDS = list(schema()["$defs"]["edit"]["properties"])
OPS = schema()["$defs"]["edit"]["properties"]["op"]["enum"]

# values of every JSON type, with the edge cases the schema's keywords look at
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-3, max_value=10**6), st.floats(allow_nan=False),
    st.sampled_from(["", " ", "I.4", "II.6.2", "*", "heading", "lead", "x" * 2001, "2022-07-15T08:00:00Z",
                     "not a date", "replace", "paragraph"]),
    st.text(max_size=8),
    st.lists(st.sampled_from(["", "a", "b"]), max_size=3),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["paragraph", "bullet", "sentence", "sentence_prefix", "x"]),
                    st.one_of(st.integers(min_value=-1, max_value=3), st.text(max_size=4)), max_size=2),
)


def fast_accepts(data) -> bool:
    try:
        _fast_validator()(data)
        return True
    except Exception:
        return False


@st.composite
def edits_documents(draw):
    edit = {"op": draw(st.sampled_from(OPS + ["nope"])), "target": draw(st.sampled_from(["I.4", "", "*", 5]))}
    for name in draw(st.lists(st.sampled_from(FIELDS + ["unknown"]), max_size=5, unique=True)):
        edit[name] = draw(VALUES)
    doc = {"edits": draw(st.lists(st.just(edit), min_size=0, max_size=2))}
    for name in draw(st.lists(st.sampled_from(["author", "date", "source", "letter", "extra"]), max_size=3,
                              unique=True)):
        doc[name] = draw(VALUES)
    return doc


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits_documents())
def test_the_fast_check_is_never_laxer_than_the_reference(doc):
    if fast_accepts(doc):
        assert REFERENCE.is_valid(doc), json.dumps(doc, ensure_ascii=False)[:500]


@pytest.mark.parametrize("path", sorted((FIXTURES / "edits").glob("*.json")), ids=lambda p: p.name)
def test_both_accept_the_fixture_edits(path):
    data = json.loads(path.read_text("utf-8"))
    assert REFERENCE.is_valid(data)
    assert fast_accepts(data)


def test_both_refuse_a_wrong_field():
    doc = {"author": "A", "edits": [{"op": "replace", "target": "I.4", "text": "x", "occurence": 1}]}
    assert not fast_accepts(doc) and not REFERENCE.is_valid(doc)
