"""`redline outline` and `redline outline --json`: the whole structure (title block parts,
sections with their tables, attached documents with theirs, signature blocks), the same in
both, and every address they print resolves to what they print it for."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import redline
from conftest import FIXTURES
from redline.sections.listing import outline_dict, outline_lines
from redline_cli.main import main

DRAFTS = sorted((FIXTURES / "drafts").glob("*.docx"))


def walk(sections):
    for s in sections:
        yield s
        yield from walk(s["children"])


def tables_of(doc):
    yield from doc["tables"]
    for s in walk(doc["sections"]):
        yield from s["tables"]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_json_and_text_say_the_same(path):
    res_json = CliRunner().invoke(main, ["outline", str(path), "--json", "--lang", "en"])
    res_text = CliRunner().invoke(main, ["outline", str(path), "--lang", "en"])
    assert res_json.exit_code == 0 and res_text.exit_code == 0, res_json.output + res_text.output
    data = json.loads(res_json.stdout)
    lines = res_text.stdout.splitlines()
    assert lines == outline_lines(data)
    text = "\n".join(lines)
    stripped = [line.strip() for line in lines]
    docs = [data] + data["documents"]
    for doc in docs:
        for s in walk(doc["sections"]):
            assert f"{s['address']}  {s['title']}" in stripped
        for t in tables_of(doc):
            assert f"[{t['address']}]" in text
            for r in t["rows"]:
                assert f"row {r['row']}: " in text
    for d in data["documents"]:
        assert any(line.startswith(f"== {d['name']}:") for line in lines)
    for name, part in data["parts"].items():
        assert f"[{name}] {part['text']}" in lines


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_every_listed_address_resolves_to_what_is_listed(path):
    o = redline.outline(path)
    data = outline_dict(o)
    for doc in [data] + data["documents"]:
        for s in walk(doc["sections"]):
            got = redline.resolve(o, s["address"])
            assert (got.address, got.heading) == (s["address"], s["heading"])
        for t in tables_of(doc):
            got = redline.resolve(o, t["address"])
            assert got.table is not None and got.table.info.block == t["block"]
            keys = [r["key"] for r in t["rows"] if r["key"]]
            for r in t["rows"]:
                if r["key"] and keys.count(r["key"]) == 1:
                    row = redline.resolve(o, f"{t['address']}, dòng {r['key']}")
                    assert row.table.row_label() == r["row"]
    for name, part in data["parts"].items():
        assert redline.resolve(o, name).title == part["text"]


def test_a_decision_lists_both_documents_with_their_parts():
    data = outline_dict(redline.outline(FIXTURES / "drafts" / "quyetdinh-typed.docx"))
    assert data["name"] == "Quyết định"
    assert set(data["parts"]) == {"authority", "number", "date", "doc_type"}
    assert data["parts"]["doc_type"]["text"] == "QUYẾT ĐỊNH"
    assert data["signature"]["text"].startswith("Nơi nhận")
    reg, = data["documents"]
    assert reg["name"] == "Quy chế" and reg["title"]["text"].startswith("Phối hợp quản lý")
    assert [s["address"] for s in reg["sections"]] == ["Quy chế:I", "Quy chế:II", "Quy chế:III"]
    table, = list(tables_of(reg))
    assert table["address"] == "Quy chế:bảng 1" and table["header"][:2] == ["STT", "Nội dung báo cáo"]
    assert [r["row"] for r in table["rows"]] == [1, 2, 3]
    clauses = [s for s in walk(reg["sections"]) if s["kind"] == "khoan"]
    assert clauses and all(s["inline"] for s in clauses)


def test_a_report_lists_its_appendix_tables():
    data = outline_dict(redline.outline(FIXTURES / "drafts" / "baocao-typed.docx"))
    app, = data["documents"]
    assert app["name"] == "Phụ lục 01"
    captions = [t["caption"] for t in tables_of(app)]
    assert captions == ["Biểu số 01: Hồ sơ tiếp nhận theo lĩnh vực", "Biểu số 02: Kết quả giải quyết theo đơn vị"]
    b2 = list(tables_of(app))[1]
    assert b2["address"] == "Phụ lục 01:Biểu số 02"
    assert b2["rows"][0] == {"row": 1, "key": "Huyện Tân Lập", "cells": ["1", "Huyện Tân Lập", "1.204", "1.174", "97,5%"]}


def test_the_text_speaks_vietnamese_when_asked():
    res = CliRunner().invoke(main, ["outline", str(FIXTURES / "drafts" / "baocao-typed.docx"), "--lang", "vi"])
    assert "dòng 1: 1 | Huyện Tân Lập" in res.stdout and "[chữ ký] Nơi nhận:" in res.stdout
