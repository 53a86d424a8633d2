"""The resolver: every reference form of the issue, and every error."""
from __future__ import annotations

import unicodedata

import docx
import pytest

from redline.errors import ResolveError
from redline.sections.outline import build
from redline.sections.references import Component, Reference, index, parse_reference, resolve

from test_outline import make_doc


@pytest.fixture(scope="module")
def cchc(fixtures_dir):
    return build(docx.Document(str(fixtures_dir / "drafts" / "cchc-typed.docx")))


@pytest.fixture(scope="module")
def legal(fixtures_dir):
    return build(docx.Document(str(fixtures_dir / "drafts" / "legal-vn.docx")))


@pytest.fixture(scope="module")
def english(fixtures_dir):
    return build(docx.Document(str(fixtures_dir / "drafts" / "english-report.docx")))


@pytest.mark.parametrize("reference, address", [
    ("I.4", "I.4"),
    ("II.6.2", "II.6.2"),
    ("II 6.2", "II.6.2"),
    ("II/6.2", "II.6.2"),
    ("Mục I.4", "I.4"),
    ("mục I.4", "I.4"),
    ("Mục 6.2 của Phần II", "II.6.2"),
    ("tại Mục 7 Phần IV", "IV.7"),
    ("Mục 7 của Phần IV", "IV.7"),
    ("khoản 2 Mục III", "III.2"),
    ("tiểu mục 6.4, mục 6, Phần II", "II.6.4"),
    ("điểm b tiểu mục 2.3 Phần II", "II.2.3.b"),
    ("Part II, 6.2", "II.6.2"),
    ("Section IV.7", "IV.7"),
    ("Phần thứ hai", "II"),
    ("Phần II", "II"),
    ("II.2.3.a", "II.2.3.a"),
    ("điểm đ khoản 3 Mục III", "III.3.đ"),
    ("Mục l.2", "I.2"),  # lower-case L for I
    ("Mục ll.1", "II.1"),
    ("6.2", "II.6.2"),  # unique tail
    ("Mục I.4 (Công tác thông tin, tuyên truyền CCHC)", "I.4"),
    ("Mục 6.2 của Phần II (Kết quả xây dựng, phát triển hạ tầng kỹ thuật và các hệ thống nền tảng)", "II.6.2"),
    ("Mục 7 của Phần IV (Xây dựng và phát triển Chính quyền điện tử, Chính quyền số)", "IV.7"),
    ('Mục I.4 "Công tác thông tin, tuyên truyền CCHC"', "I.4"),
    ("Công tác thông tin, tuyên truyền CCHC", "I.4"),
    ("công tác thông tin, tuyên truyền cải cách hành chính", "I.4"),
    ("CONG TAC THONG TIN TUYEN TRUYEN CCHC", "I.4"),
    ("Kết quả xây dựng, phát triển hạ tầng kỹ thuật", "II.6.2"),  # unique start of a heading
    ("“Mục I.4”", "I.4"),
    ("II.6.2.", "II.6.2"),
])
def test_reference_forms(cchc, reference, address):
    assert resolve(cchc, reference).address == address


def test_nfd_reference(cchc):
    ref = unicodedata.normalize("NFD", "Mục 6.2 của Phần II (Kết quả xây dựng, phát triển hạ tầng kỹ thuật và các hệ thống nền tảng)")
    assert resolve(cchc, ref).address == "II.6.2"
    assert resolve(cchc, unicodedata.normalize("NFD", "Công tác thông tin, tuyên truyền CCHC")).address == "I.4"


def test_nbsp_reference(cchc):
    assert resolve(cchc, "Mục\u00a06.2 của\u00a0Phần II").address == "II.6.2"


@pytest.mark.parametrize("reference, address", [
    ("Chương II", "II"),
    ("Điều 5", "II.2.5"),
    ("Điều 5.", "II.2.5"),
    ("khoản 2 Điều 5", "II.2.5.2"),
    ("điểm a khoản 2 Điều 5", "II.2.5.2.a"),
    ("điểm c khoản 2 Điều 5", "II.2.5.2.c"),
    ("Điều 7", "III.7"),
    ("Mục 2 Chương II", "II.2"),
    ("Điều 3 Mục 1 Chương II", "II.1.3"),
    ("khoản 1 Điều 3", "II.1.3.1"),
])
def test_legal_references(legal, reference, address):
    assert resolve(legal, reference).address == address


@pytest.mark.parametrize("reference, address", [
    ("Part II", "II"), ("Part I", "I"), ("Section 2.1", "II.1"), ("Section 1.2", "I.2"),
    ("Part II, Section 2.1", "II.1"), ("Section 2.1 of Part II", "II.1"), ("II.2", "II.2"),
    ("Digital government", "II.2"),
])
def test_english_references(english, reference, address):
    assert resolve(english, reference).address == address


def test_special_targets(cchc):
    assert resolve(cchc, "*").address == "*"
    assert resolve(cchc, "*").span == range(0, len(cchc.blocks))
    assert resolve(cchc, "title") is cchc.title
    assert resolve(cchc, "tiêu đề") is cchc.title
    assert resolve(cchc, "preamble") is cchc.preamble
    assert resolve(cchc, "closing") is cchc.closing
    assert resolve(cchc, "toàn bộ dự thảo").address == "*"


def test_missing_special_part_is_an_error():
    o = build(make_doc([("I. Một", "b"), "x"]))
    with pytest.raises(ResolveError, match="no closing part"):
        resolve(o, "closing")


# --------------------------------------------------------------------------------------------
# errors


def test_not_found_names_nearest_by_address(cchc):
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Mục 9 của Phần II")
    msg = str(e.value)
    assert "Mục 9 của Phần II" in msg and "II.9" in msg
    assert "nearest" in msg
    assert e.value.candidates and all(c.startswith("II.") for c in e.value.candidates)
    assert "II.6" in e.value.candidates  # the closest number


def test_not_found_names_nearest_by_title(cchc):
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Công tác thông tin tuyên truyền về chuyển đổi số")
    assert "I.4" in e.value.candidates
    assert "Công tác thông tin, tuyên truyền CCHC" in str(e.value)


def test_bracketed_title_must_confirm_the_number(cchc):
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Mục I.3 (Công tác thông tin, tuyên truyền CCHC)")
    assert set(e.value.candidates) == {"I.3", "I.4"}
    msg = str(e.value)
    assert "I.3" in msg and "I.4" in msg and "does not match" in msg


def test_bracketed_title_with_unknown_number_is_not_guessed(cchc):
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Mục I.9 (Công tác thông tin, tuyên truyền CCHC)")
    assert e.value.candidates == ["I.4"]
    assert "I.9" in str(e.value)


def test_two_sections_with_one_title_are_ambiguous(cchc):
    # "Cải cách thủ tục hành chính" is II.2 and IV.2
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Cải cách thủ tục hành chính")
    assert set(e.value.candidates) == {"II.2", "IV.2"}
    assert "ambiguous" in str(e.value)
    with pytest.raises(ResolveError):
        resolve(cchc, "Cải cách TTHC")  # abbreviation folds to the same title


def test_tail_that_matches_several_sections_is_ambiguous(cchc):
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Mục 2")
    assert {"I.2", "II.2", "III.2"} <= set(e.value.candidates)


def test_number_for_roman_is_ambiguous_when_a_subsection_has_it():
    o = build(make_doc([("I. Một", "b"), ("1. A", "b"), ("2. B", "b"), ("II. Hai", "b"), ("1. C", "b"),
                        ("1.2. D", "b")]))
    assert resolve(o, "I.2").address == "I.2"
    with pytest.raises(ResolveError) as e:
        resolve(o, "Mục 1.2")  # I.2 (1 for I) or II.1.2?
    assert set(e.value.candidates) == {"I.2", "II.1.2"}


def test_unknown_text_without_anything_close(cchc):
    with pytest.raises(ResolveError) as e:
        resolve(cchc, "Zzz qqq")
    assert "no section matches 'Zzz qqq'" in str(e.value)


def test_empty_outline_says_so():
    o = build(make_doc(["Just a paragraph.", "Another one."]))
    with pytest.raises(ResolveError, match="no numbered sections"):
        resolve(o, "II.1")


# --------------------------------------------------------------------------------------------
# parsing


def test_parse_reference_components():
    r = parse_reference("điểm b tiểu mục 2.3 Phần II")
    assert [c.keyword for c in r.components] == ["phan", "tieu muc", "diem"]
    assert [c.tokens for c in r.components] == [("II",), ("2", "3"), ("b",)]
    assert r.title is None and r.special is None
    r = parse_reference("Mục I.4 (Công tác thông tin, tuyên truyền CCHC)")
    assert r.components == [Component("muc", "I.4", ("I", "4"))]
    assert r.title == "Công tác thông tin, tuyên truyền CCHC"
    assert r.address == "I.4"
    r = parse_reference("Mục 6.2 của Phần II")
    assert [c.number for c in r.components] == ["II", "6.2"]
    r = parse_reference("Part II, 6.2")
    assert [c.keyword for c in r.components] == ["part", None]
    r = parse_reference("PHẦN THỨ HAI")
    assert r.components[0].tokens == ("II",)


def test_parse_reference_text_and_specials():
    r = parse_reference("Công tác thông tin, tuyên truyền CCHC")
    assert r.components == [] and r.title == "Công tác thông tin, tuyên truyền CCHC"
    assert parse_reference("*").special == "*"
    assert parse_reference("Tiêu đề").special == "title"
    assert parse_reference("closing").special == "closing"
    r = parse_reference("6.2. Kết quả xây dựng")
    assert r.components[0].tokens == ("6", "2") and r.title == "Kết quả xây dựng"
    assert isinstance(r, Reference)


def test_index_is_built_once_per_outline(cchc):
    assert index(cchc) is index(cchc)
    idx = index(cchc)
    resolve(cchc, "II.6.2")
    assert index(cchc) is idx


def test_roman_below_a_part_keeps_its_numeral():
    o = build(make_doc([("PHẦN THỨ NHẤT", "b", "c"), ("KẾT QUẢ", "b", "c"), ("I. Chỉ đạo", "b"),
                        ("1. Ban hành kế hoạch", "b"), ("II. Tuyên truyền", "b"), ("PHẦN THỨ HAI", "b", "c"),
                        ("NHIỆM VỤ", "b", "c"), ("I. Thể chế", "b")]))
    assert [s.address for s in o.walk()] == ["I", "I.I", "I.I.1", "I.II", "II", "II.I"]
    assert resolve(o, "I.II").address == "I.II"
    assert resolve(o, "Mục II Phần thứ nhất").address == "I.II"
    assert resolve(o, "khoản 1 Mục I Phần I").address == "I.I.1"
    assert resolve(o, "Mục I của Phần thứ hai").address == "II.I"


def test_cli_resolve_prints_address_or_error(fixtures_dir):
    from click.testing import CliRunner
    from redline_cli.main import main

    draft = str(fixtures_dir / "drafts" / "cchc-autonum.docx")
    res = CliRunner().invoke(main, ["resolve", draft, "Mục 6.2 của Phần II"])
    assert res.exit_code == 0 and res.output.startswith("II.6.2\t")
    res = CliRunner().invoke(main, ["resolve", draft, "Mục 9 của Phần II"])
    assert res.exit_code == 2 and "nearest" in res.output


def test_every_fixture_address_and_title_resolves(fixtures_dir):
    for stem in ("cchc-typed", "cchc-autonum", "cchc-messy", "cchc-phan", "english-report", "legal-vn"):
        o = build(docx.Document(str(fixtures_dir / "drafts" / f"{stem}.docx")))
        titles = {}
        for s in o.walk():
            titles.setdefault(s.title, []).append(s)
        for s in o.walk():
            assert resolve(o, s.address) is s
            if len(titles[s.title]) == 1:
                assert resolve(o, s.title) is s, (stem, s.title)
                assert resolve(o, f"{s.address} ({s.title})") is s


def test_shortened_reading_needs_the_full_number(cchc, english):
    """"tiểu mục 2.3 Phần II" is II.2.3 (item 3 of 2), not II.3 whose own number is "3";
    "Section 2.1 of Part II" is II.1 because that section is numbered 2.1."""
    assert resolve(cchc, "tiểu mục 2.3 Phần II").address == "II.2.3"
    assert resolve(cchc, "mục 2.3 của Phần II").address == "II.2.3"
    assert resolve(english, "Section 2.1 of Part II").address == "II.1"
    assert resolve(english, "Part II, 2.2").address == "II.2"


def test_a_part_the_draft_lacks_offers_its_parent_first():
    # Điều 3 of the Quy chế has three khoản: "khoản 4 Điều 3" is not there, Điều 3 is
    from conftest import FIXTURES
    from redline import outline

    qd = outline(FIXTURES / "drafts" / "quyetdinh-typed.docx")
    with pytest.raises(ResolveError) as e:
        resolve(qd, "Khoản 4 Điều 3 của Quy chế")
    assert e.value.candidates[0] == "Quy chế:I.3"


def test_a_draft_named_by_its_own_type_is_its_own_address_space(legal, fixtures_dir):
    # legal-vn is a Quy chế with nothing attached: "Điều 6 của Quy chế" is its own Điều 6, and
    # "Quy chế" alone the whole draft; another document's type still names nothing here
    assert legal.name == "Quy chế"
    assert resolve(legal, "Điều 6 của Quy chế").address == "II.2.6"
    assert resolve(legal, "điểm b khoản 2 Điều 5 của dự thảo Quy chế").address == "II.2.5.2.b"
    assert resolve(legal, "Quy chế").address == "*"
    with pytest.raises(ResolveError):
        resolve(legal, "Điều 6 của Nghị định")
    plan = build(docx.Document(str(fixtures_dir / "drafts" / "kehoach-typed.docx")))
    assert resolve(plan, "Mục I của Kế hoạch").address == "I"
