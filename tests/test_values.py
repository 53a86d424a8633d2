"""Bad values are exit 2 with a message naming the field - never an internal error (exit 70) -
and inputs are read safely: a FIFO, a device or a huge file is refused before it is read.

The property test draws edits values from the schema's edges (integers at and past every
bound, integral and other floats, strings at their length limits, every character class XML
cannot hold, dates at the ends of the calendar) and checks that the Python API either applies
the edits (and the output passes ``redline check``) or raises a ``RedlineError``."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redline
from conftest import FIXTURES
from redline.edits import MAX_EDITS, load_edits, parse_edits
from redline.errors import EditsError, RedlineError
from redline_cli.main import main

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
EDIT = {"op": "replace_text", "target": "I.4", "find": "CCHC", "replace": "cải cách hành chính"}


def doc(edit=None, **top):
    return {"author": "Sở Tư pháp", "date": "2022-07-15T08:00:00Z", **top, "edits": [edit or dict(EDIT)]}


def run(tmp_path, edits, *extra, raw: str | None = None):
    path = tmp_path / "e.json"
    path.write_text(raw if raw is not None else json.dumps(edits), "utf-8")  # \ud800 escaped, as in a file
    out = tmp_path / "out.docx"
    r = CliRunner().invoke(main, ["apply", str(DRAFT), str(path), "-o", str(out), *extra])
    return r, out


BAD = [
    ("integral float occurrence", doc({**EDIT, "occurrence": 1.0}), ["field 'occurrence'", "1.0"]),
    ("integral float anchor", doc({"op": "insert_after", "target": "I.1", "anchor": {"paragraph": 1.0}, "text": "x"}),
     ["field 'anchor.paragraph'", "1.0"]),
    ("integral float n", doc({**EDIT, "n": 2.0}), ["field 'n'"]),
    ("float bullet", doc({"op": "insert_after", "target": "I.1", "anchor": {"bullet": 1.5}, "text": "x"}),
     ["field 'anchor.bullet'"]),
    ("integer past the schema", doc({**EDIT, "occurrence": 2**31}), ["field 'occurrence'"]),
    ("integer of 40 digits", doc({**EDIT, "occurrence": 10**39}), ["field 'occurrence'", "digits"]),
    ("control character in the file's author", doc(author="Sở\x01Tư pháp"), ["field 'author'", "U+0001"]),
    ("lone surrogate in the file's author", doc(author="Sở\ud800"), ["field 'author'", "U+D800"]),
    ("newline in an edit's author", doc({**EDIT, "author": "Sở\nTư pháp"}), ["edit 1", "field 'author'", "U+000A"]),
    ("blank author", doc(author="   "), ["field 'author'", "must not be empty"]),
    ("control character in source", doc(source="Văn bản\x0b số 1"), ["field 'source'", "U+000B"]),
    ("control character in a letter field", doc(letter={"number": "12\x00"}), ["field 'letter.number'"]),
    ("surrogate in an unresolved entry", doc(unresolved=[{"instruction": "x\udfff", "reason": "y"}]),
     ["field 'unresolved.0.instruction'"]),
    ("control character in a paragraph", doc({"op": "append", "target": "I.4", "paragraphs": ["a", "b\x1f"]}),
     ["edit 1", "field 'paragraphs.1'", "U+001F"]),
    ("U+FFFE in a comment", doc({**EDIT, "comment": "x\ufffe"}), ["field 'comment'", "U+FFFE"]),
    ("date before UTC's year 1", doc(date="0001-01-01T00:00:00+00:30"), ["field 'date'", "out of range"]),
    ("date after 9999 in UTC", doc(date="9999-12-31T23:59:59-01:00"), ["field 'date'", "out of range"]),
    ("year before 1000", doc(date="0999-06-01"), ["field 'date'", "1000"]),
    ("year written short", doc(date="1-01-01"), ["field 'date'", "ISO 8601"]),
    ("an edit's date out of range", doc({**EDIT, "date": "0500-01-01T00:00:00Z"}), ["edit 1", "field 'date'"]),
]


@pytest.mark.parametrize("name,edits,expected", BAD, ids=[b[0] for b in BAD])
def test_bad_values_are_exit_2_naming_the_field(tmp_path, name, edits, expected):
    r, out = run(tmp_path, edits)
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.output and "Traceback" not in r.output
    for piece in expected:
        assert piece in r.output, (piece, r.output)
    assert not out.exists()
    with pytest.raises(RedlineError):  # the same through Python, with a dict
        redline.apply(DRAFT, edits, tmp_path / "py.docx")
    assert not (tmp_path / "py.docx").exists()


def test_an_integer_of_thousands_of_digits_in_the_file(tmp_path):
    raw = json.dumps(doc()).replace('"find"', '"occurrence": 1' + "0" * 5000 + ', "find"')
    r, _ = run(tmp_path, None, raw=raw)
    assert r.exit_code == 2 and "field 'occurrence'" in r.output and "5,001 digits" in r.output, r.output


def test_an_integer_of_thousands_of_digits_from_python(tmp_path):
    with pytest.raises(EditsError, match="occurrence"):
        redline.apply(DRAFT, doc({**EDIT, "occurrence": 10**5000}), tmp_path / "o.docx")
    with pytest.raises(EditsError, match="n"):
        redline.apply(DRAFT, doc({**EDIT, "n": -(10**5000)}), tmp_path / "o.docx")


@pytest.mark.parametrize("option,value,field", [
    ("--author", "Sở\x01", "--author"), ("--author", "Sở\ud800", "--author"), ("--author", " ", "--author"),
    ("--author", "x" * 501, "--author"), ("--author", "a\tb", "--author"),
    ("--date", "0001-01-01T00:00:00+00:30", "--date"), ("--date", "999-01-01", "--date"),
    ("--date", "9999-12-31T23:59:59-01:00", "--date"),
])
def test_options_are_held_to_the_edits_file_rules(tmp_path, option, value, field):
    r, out = run(tmp_path, doc(), option, value)
    assert r.exit_code == 2 and field[2:] in r.output, r.output  # --date on the command line, date= from Python
    assert not out.exists()
    with pytest.raises(RedlineError):
        redline.apply(DRAFT, doc(), tmp_path / "py.docx", **{option[2:]: value})


@pytest.mark.parametrize("command", ["accept", "reject"])
def test_accept_reject_author_filter_is_checked(tmp_path, command):
    r = CliRunner().invoke(main, [command, str(DRAFT), "-o", str(tmp_path / "o.docx"), "--author", "a\x07"])
    assert r.exit_code == 2 and "author" in r.output and "U+0007" in r.output, r.output
    assert not (tmp_path / "o.docx").exists()


def test_a_good_author_with_diacritics_and_a_date_in_range_pass(tmp_path):
    r, out = run(tmp_path, doc(author="Ủy ban nhân dân tỉnh Hà Tĩnh", date="1000-01-01T00:00:00Z"))
    assert r.exit_code == 0, r.output
    assert redline.check(out, original=DRAFT) == []


# -- too many edits ---------------------------------------------------------------------------------


def test_too_many_edits_from_python_is_refused_by_count_first():
    data = {"author": "A", "edits": [dict(EDIT)] * (MAX_EDITS + 1)}
    with pytest.raises(EditsError, match="100,001 edits, over the limit of 100,000"):
        parse_edits(data)


def test_a_million_edit_file_is_refused_while_it_is_parsed(tmp_path):
    one = '{"op":"delete","target":"I"},'
    path = tmp_path / "big.json"
    path.write_text('{"author":"A","edits":[' + one * 1_000_000 + one[:-1] + "]}", "utf-8")
    assert path.stat().st_size < 64 * 2**20  # under the byte limit: the count refuses it
    with pytest.raises(EditsError, match="too many edits") as err:
        load_edits(path)
    assert "before reading the rest" in str(err.value)


def test_a_bad_edit_deep_in_a_long_file_is_named_by_its_number(tmp_path):
    edits = [dict(EDIT, n=i) for i in range(1, 5001)]
    edits[4321] = {**EDIT, "n": 4322, "scope": "everywhere"}
    path = tmp_path / "e.json"
    path.write_text(json.dumps({"author": "A", "edits": edits}), "utf-8")
    with pytest.raises(EditsError, match=r"edit 4322 \(n=4322\), field 'scope'"):
        load_edits(path)


# -- inputs read safely -----------------------------------------------------------------------------


def _redline(*args, timeout=60):
    """The real command in a child process: a hang is a failed test, not a stuck suite."""
    return subprocess.run([sys.executable, "-m", "redline_cli.main", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("what", ["edits", "letter", "expected", "draft"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, what):
    fifo = tmp_path / {"edits": "e.json", "letter": "l.txt", "expected": "x.txt", "draft": "d.docx"}[what]
    os.mkfifo(fifo)
    edits = tmp_path / "ok.json"
    edits.write_text(json.dumps(doc()), "utf-8")
    args = {"edits": ["apply", DRAFT, fifo, "-o", tmp_path / "o.docx"],
            "letter": ["apply", DRAFT, fifo, "-o", tmp_path / "o.docx"],
            "expected": ["check", DRAFT, "--expected", fifo],
            "draft": ["apply", fifo, edits, "-o", tmp_path / "o.docx"]}[what]
    r = _redline(*args)
    assert r.returncode == 2, r.stderr
    assert "named pipe" in r.stderr


@pytest.mark.parametrize("what", ["edits", "expected"])
def test_dev_zero_is_refused_not_read(tmp_path, what):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    link = tmp_path / ("zero.json" if what == "edits" else "zero.txt")
    link.symlink_to("/dev/zero")
    args = ["apply", DRAFT, link, "-o", tmp_path / "o.docx"] if what == "edits" else \
        ["check", DRAFT, "--expected", link]
    r = _redline(*args)
    assert r.returncode == 2 and "device" in r.stderr, r.stderr


@pytest.mark.parametrize("content,message", [(None, "not found"), (b"PK\x03\x04\x00\x00", "NUL byte"),
                                             (b"\xff\xfe\xfa", "not UTF-8")])
def test_check_expected_missing_or_binary(tmp_path, content, message):
    path = tmp_path / "expected.txt"
    if content is not None:
        path.write_bytes(content)
    r = CliRunner().invoke(main, ["check", str(DRAFT), "--expected", str(path)])
    assert r.exit_code == 2 and message in r.output, r.output


def test_a_letter_with_stray_control_characters_is_read_without_them(tmp_path):
    text = (FIXTURES / "letters" / "seed-letter.txt").read_text("utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text(text.replace("\n", "\x0c\n", 3).replace("Mục", "Mục\x01", 2), "utf-8")
    edits = redline.extract(letter, draft=FIXTURES / "drafts" / "cchc-typed.docx")
    blob = json.dumps(edits, ensure_ascii=False)
    assert "\\u0001" not in blob and "\\f" not in blob
    assert edits["edits"], "the letter still yields its edits"


# -- property: edits values from the schema's edges ------------------------------------------------

INTS = st.sampled_from([0, 1, -1, 2, 3, 2**31 - 1, 2**31, -(2**31), 10**30, 10**31, 10**200])
FLOATS = st.sampled_from([1.0, 2.0, 0.0, -1.0, 1.5, 1e300, float("inf"), float("nan")])
BAD_CHARS = st.sampled_from(["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe",
                             "\uffff", "\x7f", "\x85", "\u2028"])
STRINGS = st.one_of(
    st.sampled_from(["", " ", "CCHC", "I.4", "last", "x" * 500, "x" * 501, "x" * 2000, "x" * 2001, "đ" * 20000,
                     "\t", "\n", "Sở Tư pháp"]),
    st.builds(lambda a, c, b: a + c + b, st.sampled_from(["", "Sở ", "CCHC"]), BAD_CHARS,
              st.sampled_from(["", " x"])),
)
DATES = st.sampled_from(["2022-07-15T08:00:00Z", "1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z",
                         "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+00:30",
                         "1-01-01", "2022-02-30", "2022-07-15", "2022-07-15T08:00:00", "", "x"])
EDGE = st.one_of(INTS, FLOATS, STRINGS, DATES, st.booleans(), st.none(), st.lists(STRINGS, max_size=2),
                 st.dictionaries(st.sampled_from(["paragraph", "bullet", "sentence"]), st.one_of(INTS, FLOATS,
                                                                                                 STRINGS),
                                 min_size=1, max_size=1))
BASES = [
    dict(EDIT),
    {"op": "insert_after", "target": "I.1", "anchor": {"paragraph": 1}, "text": "Thêm câu."},
    {"op": "append", "target": "I.4", "paragraphs": ["Đoạn mới."], "comment": "lý do"},
    {"op": "comment", "target": "I.4", "text": "Ý kiến."},
]
FIELDS = ["occurrence", "n", "author", "date", "text", "replace", "find", "comment", "paragraphs", "anchor",
          "heading", "target", "exclude"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(base=st.sampled_from(BASES), field=st.sampled_from(FIELDS + ["file author", "file date", "source"]),
       value=EDGE)
def test_edge_values_apply_or_raise_a_redline_error(tmp_path_factory, base, field, value):
    data = doc(dict(base))
    if field == "file author":
        data["author"] = value
    elif field == "file date":
        data["date"] = value
    elif field == "source":
        data["source"] = value
    else:
        data["edits"][0][field] = value
    out = tmp_path_factory.mktemp("edge") / "out.docx"
    try:
        redline.apply(DRAFT, data, out)
    except RedlineError:
        assert not out.exists()
        return
    assert redline.check(out, original=DRAFT) == []
