"""The lexicon as a clerk's IT person extends it: braced alternatives, and a site file named by
REDLINE_LEXICON whose phrases are added to the packaged ones (docs/letters/grammar.md)."""
from __future__ import annotations

from redline.letters.extract import extract_text
from redline.letters.lexicon import expand, lexicon
from test_letter_draft_rules import LUAT


def test_a_braced_phrase_stands_for_every_choice_and_an_empty_choice_drops_the_slot():
    assert expand("{không|chưa} đồng ý {với |}ý kiến {này|trên}") == [
        "không đồng ý với ý kiến này", "không đồng ý với ý kiến trên", "không đồng ý ý kiến này",
        "không đồng ý ý kiến trên", "chưa đồng ý với ý kiến này", "chưa đồng ý với ý kiến trên",
        "chưa đồng ý ý kiến này", "chưa đồng ý ý kiến trên"]
    assert expand("giữ  nguyên") == ["giữ nguyên"]
    declines = lexicon().phrases("agreement.declines")
    assert "chưa đồng tình với đề xuất nêu trên" in declines and "không ủng hộ phương án này" in declines


def test_a_site_file_adds_a_declining_phrase_the_package_lacks(tmp_path, monkeypatch):
    # a digest of views (no voice of its own) conveys each view as a comment; the sender's answer
    # in words the package does not list leaves the view standing until a site file adds them
    letter = ("BÁO CÁO\nTổng hợp ý kiến góp ý dự thảo Luật\n"
              "1. Có ý kiến đề nghị bỏ khoản 4 Điều 4. Đoàn xin bảo lưu quan điểm giữ khoản này.")
    before = extract_text(letter, draft=LUAT)
    assert [e["op"] for e in before["edits"]] == ["comment"]  # the reported view, left for the drafter
    site = tmp_path / "site.toml"
    site.write_text('[agreement]\ndeclines = ["xin bảo lưu {quan điểm|ý kiến} giữ khoản này"]\n', "utf-8")
    monkeypatch.setenv("REDLINE_LEXICON", str(site))
    after = extract_text(letter, draft=LUAT)
    assert after["edits"] == [] and "Có ý kiến đề nghị bỏ khoản 4 Điều 4." in after["ignored"]
