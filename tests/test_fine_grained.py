"""Fine-grained amendments (anchors, phrase edits, document-wide substitutions) on the
messy layout (runs split mid-word, NFD paragraphs, NBSP, an earlier reviewer's change),
each proved with pandoc Accept All / Reject All and the schema checks."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import oracles
import redline
from conftest import FIXTURES
from redline_cli.main import main

DRAFTS = FIXTURES / "drafts"
AUTHOR = "Sở Tư pháp"

S_I1_1 = "UBND tỉnh đã tổ chức Hội nghị triển khai nhiệm vụ CCHC năm 2022 vào ngày 18/01/2022"
BULLET_2 = "- Chất lượng giải quyết TTHC được cải thiện rõ nét, tỷ lệ hồ sơ đúng hạn đạt trên 97%;"


def original(layout="messy"):
    return oracles.pandoc_paragraphs(DRAFTS / f"cchc-{layout}.docx", "accept")


def apply_one(tmp_path, edit, layout="messy"):
    out = tmp_path / f"{layout}.docx"
    draft = DRAFTS / f"cchc-{layout}.docx"
    redline.apply(draft, {"author": AUTHOR, "date": "2022-07-20T00:00:00Z", "edits": [edit]}, out)
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    assert oracles.new_audit_errors(out, draft) == []
    assert oracles.xsd_errors(out) == []
    return oracles.pandoc_paragraphs(out, "accept")


def replaced(paragraphs, old, new, count=1):
    """The paragraphs with the first paragraph containing ``old`` rewritten."""
    out, done = [], 0
    for p in paragraphs:
        if done < count and old in p:
            p = p.replace(old, new, 1)
            done += 1
        out.append(p)
    assert done == count, f"{old!r} not in the original"
    return oracles.norm_paragraphs(out)


def inserted_after(paragraphs, anchor, new):
    i = next(i for i, p in enumerate(paragraphs) if p.startswith(anchor))
    return paragraphs[:i + 1] + new + paragraphs[i + 1:]


@pytest.mark.parametrize("layout", ["messy", "typed", "autonum"])
def test_sentence_anchor_inline_insert(tmp_path, layout):
    edit = {"op": "insert_after", "target": "I.1", "anchor": {"sentence_prefix": "UBND tỉnh đã tổ chức Hội nghị …"},
            "text": "Hội nghị được kết nối trực tuyến đến 13 huyện."}
    accepted = apply_one(tmp_path, edit, layout)
    base = original(layout)
    sentence_end = next(p for p in base if p.startswith(S_I1_1)).index(". ") + 1
    para = next(p for p in base if p.startswith(S_I1_1))
    assert accepted == replaced(base, para, para[:sentence_end] + " Hội nghị được kết nối trực tuyến đến 13 huyện."
                                + para[sentence_end:])


def test_full_sentence_anchor_insert_before(tmp_path):
    base = original()
    para = next(p for p in base if p.startswith(S_I1_1))
    first = para[: para.index(". ") + 1]
    edit = {"op": "insert_before", "target": "I.1", "anchor": {"sentence": first}, "text": "Ngay từ đầu năm,"}
    # inline text before a sentence is written as given, followed by a space
    assert apply_one(tmp_path, edit) == replaced(base, para, "Ngay từ đầu năm, " + para)


def test_bullet_anchor_delete(tmp_path):
    edit = {"op": "delete", "target": "III.1", "anchor": {"bullet": 2}}
    assert apply_one(tmp_path, edit) == [p for p in original() if p != oracles.norm(BULLET_2)]


def test_last_bullet_anchor_paragraphs_after(tmp_path):
    edit = {"op": "insert_after", "target": "III.1", "anchor": {"bullet": "last"},
            "paragraphs": ["- Công tác phối hợp giữa các cơ quan ngày càng chặt chẽ."]}
    assert apply_one(tmp_path, edit) == inserted_after(original(), "- Hạ tầng công nghệ thông tin được đầu tư",
                                                       ["- Công tác phối hợp giữa các cơ quan ngày càng chặt chẽ."])


def test_paragraph_anchor_replace_is_word_level(tmp_path):
    edit = {"op": "replace", "target": "III.1", "anchor": {"paragraph": 1},
            "text": "Công tác CCHC 6 tháng đầu năm 2022 được các cấp, các ngành triển khai quyết liệt, đồng bộ, "
                    "toàn diện, đạt nhiều kết quả tích cực:"}
    assert apply_one(tmp_path, edit) == replaced(original(), "đồng bộ, đạt", "đồng bộ, toàn diện, đạt")


def test_paragraph_anchor_insert_paragraphs_before(tmp_path):
    edit = {"op": "insert_before", "target": "III.1", "anchor": {"paragraph": "last"},
            "paragraphs": ["- Bổ sung trước đoạn cuối."]}
    base = original()
    i = base.index(next(p for p in base if p.startswith("- Hạ tầng công nghệ thông tin được đầu tư")))
    assert apply_one(tmp_path, edit) == base[:i] + ["- Bổ sung trước đoạn cuối."] + base[i:]


def test_sentence_delete_takes_its_space(tmp_path):
    base = original()
    para = next(p for p in base if p.startswith(S_I1_1))
    first = para[: para.index(". ") + 1]
    edit = {"op": "delete", "target": "I.1", "anchor": {"sentence": first}}
    assert apply_one(tmp_path, edit) == replaced(base, para, para[len(first) + 1:])


def test_replace_text_in_split_nfd_runs(tmp_path):
    edit = {"op": "replace_text", "target": "I.1", "find": "Chiến lược phát triển Chính phủ điện tử",
            "replace": "Chiến lược phát triển Chính quyền điện tử"}
    assert apply_one(tmp_path, edit) == replaced(original(), "Chiến lược phát triển Chính phủ điện tử",
                                                 "Chiến lược phát triển Chính quyền điện tử")


def test_document_wide_substitution_with_exclude(tmp_path):
    name = "Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số"
    edit = {"op": "replace_text", "target": "*", "find": "Chính phủ điện tử", "replace": "Chính quyền điện tử",
            "exclude": [name]}
    base = original()
    expected = []
    for p in base:
        parts = p.split(name)
        expected.append(name.join(x.replace("Chính phủ điện tử", "Chính quyền điện tử") for x in parts))
    assert expected != base
    assert apply_one(tmp_path, edit) == oracles.norm_paragraphs(expected)


def test_case_sensitive_by_default_and_optional(tmp_path):
    base = original()
    n_upper = sum(p.count("Chính phủ điện tử") for p in base)
    edit = {"op": "replace_text", "target": "*", "find": "chính phủ điện tử", "replace": "x"}
    with pytest.raises(redline.ResolveError, match="case_sensitive"):
        redline.apply(DRAFTS / "cchc-messy.docx", {"author": AUTHOR, "edits": [edit]}, tmp_path / "o.docx")
    edit = {"op": "replace_text", "target": "II.6.1", "find": "chính phủ điện tử", "replace": "Chính quyền điện tử",
            "case_sensitive": False, "occurrence": 1}
    accepted = apply_one(tmp_path, edit)
    assert sum(p.count("Chính phủ điện tử") for p in accepted) == n_upper - 1


def test_number_change_is_one_token(tmp_path):
    base = original()
    p = next(p for p in base if "32,4%" in p)
    edit = {"op": "replace_text", "target": "*", "find": "32,4%", "replace": "35,1%"}
    assert apply_one(tmp_path, edit) == replaced(base, p, p.replace("32,4%", "35,1%"))


@pytest.mark.parametrize("phrase,removed", [
    ("huyện Phước Hưng", "huyện Phước Hưng, "),  # a list member takes its separator with it
    ("huyện Bình Lâm", ", huyện Bình Lâm"),  # the last member takes the separator before it
    ("huyện Phước Hưng,", "huyện Phước Hưng, "),  # quoted with its separator: no second one goes
    (", huyện Phước Hưng", ", huyện Phước Hưng"),
])
def test_delete_list_member_tidies_separators(tmp_path, phrase, removed):
    base = original()
    p = next(p for p in base if "huyện Tân Lập, huyện Phước Hưng, huyện Bình Lâm" in p)
    accepted = apply_one(tmp_path, {"op": "delete", "target": "*", "find": phrase})
    assert accepted == replaced(base, p, p.replace(removed, "", 1))


def test_delete_phrase_leaves_no_double_space(tmp_path):
    base = original()
    p = next(p for p in base if " cơ bản " in p)
    edit = {"op": "delete", "target": "*", "find": "cơ bản", "occurrence": 1}
    accepted = apply_one(tmp_path, edit)
    assert accepted == replaced(base, p, p.replace(" cơ bản ", " ", 1))


@pytest.mark.parametrize("target", ["title", "preamble", "closing"])
def test_special_targets(tmp_path, target):
    tree = redline.outline(DRAFTS / "cchc-messy.docx")
    text = " ".join(tree.text(i) for i in getattr(tree, target).span)
    word = next(w for w in text.split() if len(w) > 4 and w.isalpha() and text.count(w) == 1)
    edit = {"op": "replace_text", "target": target, "find": word, "replace": word.upper()}
    base = original()
    own = {oracles.norm(tree.text(i)) for i in getattr(tree, target).span}
    p = next(p for p in base if word in p and p in own)
    assert apply_one(tmp_path, edit) == replaced(base, p, p.replace(word, word.upper()))


ERRORS = [
    ({"op": "delete", "target": "III.1", "anchor": {"sentence": "Câu không có trong dự thảo."}},
     ["field 'anchor'", "no sentence reading", "III.1"]),
    ({"op": "insert_after", "target": "II.6.1", "anchor": {"sentence_prefix": "Hệ thống…"}, "text": "x"},
     ["field 'anchor'", "2 sentences start with", "Hệ thống quản lý văn bản", "Hệ thống thư điện tử"]),
    ({"op": "delete", "target": "III.1", "anchor": {"bullet": 9}}, ["bullet 9 asked, but III.1", "has 3"]),
    ({"op": "replace_text", "target": "I.4", "find": "Chính quyền số", "replace": "y"}, ["field 'find'", "not found"]),
    ({"op": "replace_text", "target": "I.1", "find": "Chính phủ điện tử", "replace": "y",
      "exclude": ["Chiến lược phát triển Chính phủ điện tử"]}, ["inside an excluded phrase"]),
    ({"op": "replace_text", "target": "I.1", "find": "CCHC", "replace": "y", "occurrence": 40},
     ["field 'occurrence'", "occurrence 40 asked"]),
]


@pytest.mark.parametrize("edit,pieces", ERRORS, ids=lambda v: str(v)[:40])
def test_anchor_and_find_errors(tmp_path, edit, pieces):
    edits = tmp_path / "e.json"
    edits.write_text(json.dumps({"author": AUTHOR, "edits": [{**edit, "n": 5}]}, ensure_ascii=False), "utf-8")
    out = tmp_path / "o.docx"
    result = CliRunner().invoke(main, ["apply", str(DRAFTS / "cchc-messy.docx"), str(edits), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert "edit 1 (n=5)" in result.output and "Traceback" not in result.output
    for piece in pieces:
        assert piece in result.output, result.output


def test_fine_grained_letter_summary_shows_short_inline_redlines(tmp_path):
    result = redline.apply(DRAFTS / "cchc-messy.docx", FIXTURES / "edits" / "fine-grained.json", tmp_path / "o.docx")
    text = result.render("text")
    blocks = [b for b in text.split("\n\n") if b.startswith("[")]
    assert len(blocks) >= 12
    for b in blocks:
        lines = b.splitlines()[1:]
        if " Comment · " in b.splitlines()[0]:
            assert any(line.strip().startswith("comment:") for line in lines), b
            continue
        body = [line for line in lines if not line.strip().startswith(("note:", "comment:"))]
        assert body, b
        for line in body:
            assert ("[-" in line or "{+" in line), line
            assert len(line) < 700, line  # context, not the whole section
