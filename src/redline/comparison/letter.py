"""The way back, for people: the edits of a comparison as the body of a comment letter.

Each edit becomes one numbered instruction in the plainest form offices write and
``redline extract`` reads (docs of the letter grammar: src/redline/letters/), e.g.

    1. Tại Mục III.1 (Ưu điểm), đề nghị thay cụm từ “sát thực tiễn” bằng cụm từ “sát thực tế”.
    2. Tại Mục III.2 (Tồn tại, hạn chế), đoạn thứ 2 đề nghị sửa đổi như sau: “- Một số cơ quan,
       đơn vị chưa hoàn thành nhiệm vụ đúng hạn.”
    3. Đề nghị bỏ Mục II.3 (Cải cách tổ chức bộ máy hành chính nhà nước).

A phrase replacement anchored on a paragraph is written without the anchor (letters name
sections, not paragraphs), with "lần xuất hiện thứ n" where the phrase recurs in the
section.  What the letter grammar cannot say is listed at the end for the reader and
returned beside the text: an edit anchored on the whole document (a paragraph outside
every section, such as a chapter's title line), a heading whose label changed or that
was deleted while its text stayed (a letter renames a section, keeping its label), and a
typed Điều / khoản / điểm deleted while the ones after it keep their numbers (a letter's
deletion renumbers them).
"""
from __future__ import annotations

import re

from ..match import Finder

# Words of an instruction: a section title holding one is not quoted beside the reference, so a
# reader (or extract) does not take the title for what is asked.
_OP_WORDS = re.compile(r"\b(?:sửa đổi|sửa|bổ sung|thay thế|thay|bãi bỏ|bỏ|xóa|xoá|thêm)\b", re.I)
SPECIAL = {"title": "tiêu đề của dự thảo", "preamble": "phần mở đầu của dự thảo", "closing": "đoạn kết"}


def make_letter(result) -> tuple[str, list[dict]]:
    """The letter's text, and the edits it could not say (listed at its end)."""
    from ..plan import Planner

    tree = result.old_outline
    planner = Planner(tree)
    by_address = tree.by_address()
    lines = ["Kính gửi: Cơ quan chủ trì soạn thảo", "",
             f"Sau khi so sánh dự thảo {result.old.name} với bản {result.new.name}, có ý kiến như sau:", ""]
    left_out = []
    n = 0
    for e in result.edits["edits"]:
        # a letter's "bỏ khoản 2" renumbers the khoản after it; one that keeps their numbers cannot be said
        text = None if e.get("renumber") is False else _instruction(e, by_address, planner, result.old_texts)
        if text is None:
            left_out.append(e)
            continue
        n += 1
        lines.append(f"{n}. {text}")
        lines.append("")
    lines.append("Đề nghị cơ quan chủ trì tổng hợp, hoàn thiện./.")
    for e in left_out:
        lines.append(f"(Không diễn đạt được trong văn bản: {e['op']} {e['target']})")
    for u in result.edits.get("unresolved", []):
        lines.append(f"(Chưa thể hiện: {u['instruction']} — {u['reason']})")
    return "\n".join(lines).rstrip() + "\n", left_out


def _where(address: str, by_address: dict, tree=None) -> str | None:
    """How a letter names a section: "Mục II.6.2 (title)", "điểm b Mục II.2.3 (title)",
    "khoản 2 Điều 5 (title)", "Chương II (title)"."""
    if address == "*":
        return None
    if address in SPECIAL:
        return SPECIAL[address]
    s = by_address.get(address)
    name = _name(s) if s is not None else f"Mục {address}"
    if s is not None and getattr(s, "space", ""):
        name += f" của {s.space}"  # a section of an attached document ("Điều 7 của Quy chế")
    elif s is not None and getattr(tree, "documents", None) and getattr(tree, "name", None):
        name += f" của {tree.name}"  # the main document, beside attached ones
    if s is None or not s.title or _OP_WORDS.search(s.title) or getattr(s, "kind", "") in ("khoan", "diem") \
            or re.search(r"[:;]|[.]$", s.title):
        # a title that reads like an instruction ("Sửa đổi, bổ sung") is left out, and so is a
        # khoản's or điểm's own text or any sentence ("... thực hiện các việc sau:"): a colon or
        # a full stop in the brackets would end the letter's sentence before its request
        return name
    return f"{name} ({s.title})"


def _name(s) -> str:
    """A section's name the way legal texts cite it (Điều, khoản, điểm, Chương), else by
    its address ("Mục II.6.2"; a lettered point as "điểm b Mục II.2.3")."""
    kind, parent = s.kind, s.parent
    if kind == "dieu":
        return f"Điều {s.number}"
    if kind == "chuong":
        return f"Chương {s.number}"
    if kind in ("khoan", "diem") and parent is not None and parent.kind in ("dieu", "khoan"):
        return f"{'khoản' if kind == 'khoan' else 'điểm'} {s.number} {_name(parent)}"
    head, _, last = s.address.rpartition(".")
    if head and last.isalpha() and last.islower():
        return f"điểm {last} Mục {head}"
    return f"Mục {s.address}"


# New text that would read as the letter's own structure: a numbered item ("5. ...", "IV. ...",
# "a) ..."), or its closing ("Trên đây là ...", "Nơi nhận:").
_OWN_STRUCTURE = re.compile(r"^\s*(?:(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]\s|[a-zđ]\)\s|(?:Trên đây|Nơi nhận|Trân trọng)\b)", re.I)


def _content(lead: str, paragraphs: list[str]) -> str:
    """New text after ``lead`` ("... nội dung"): one paragraph in quotes ("nội dung: “...”");
    several (or one holding quotation marks itself) on their own lines after "như sau:", the
    block itself in quotes when one of its paragraphs would read as the letter's own numbered
    item or closing, so extract reads it as text, never as an instruction or the end."""
    if len(paragraphs) == 1 and not any(q in paragraphs[0] for q in "“”\""):
        return f"{lead}: “{paragraphs[0]}”."
    head = lead if lead.endswith("như sau") else lead + " như sau"
    if any(_OWN_STRUCTURE.match(p) for p in paragraphs):
        paragraphs = ["“" + paragraphs[0]] + paragraphs[1:-1] + [paragraphs[-1] + "”."] if len(paragraphs) > 1 \
            else ["“" + paragraphs[0] + "”."]
    return f"{head}:\n" + "\n".join(paragraphs)


def _instruction(e: dict, by_address: dict, planner, texts: dict) -> str | None:
    where = _where(e["target"], by_address, planner.outline)
    if where is None:
        return None
    op = e["op"]
    anchor = e.get("anchor") or {}
    k = anchor.get("paragraph")
    if op == "replace_text" and e.get("scope") == "heading":
        if e["target"] != "title":
            return None  # letters change a heading by renaming it, which keeps its label
        return f"Tại tiêu đề, đề nghị thay cụm từ “{e['find']}” bằng cụm từ “{e['replace']}”."
    if op == "replace_text":
        occ = _section_occurrence(e, by_address, planner, texts)
        if occ is None:
            return None
        tail = f" (lần xuất hiện thứ {occ[0]})" if occ[1] > 1 else ""
        return f"Tại {where}, đề nghị thay cụm từ “{e['find']}”{tail} bằng cụm từ “{e['replace']}”."
    if op == "replace" and "heading" in e:
        return f"Đề nghị sửa tên {where.split(' (')[0]} thành “{e['heading']}”."
    if op == "replace" and k is not None:
        return _content(f"Tại {where}, đoạn thứ {k} đề nghị sửa đổi như sau", [e["text"]])
    if op == "delete" and k is not None:
        return f"Tại {where}, đề nghị bỏ đoạn thứ {k}."
    if op == "delete" and not anchor and "find" not in e:
        return f"Đề nghị bỏ {where}."
    if op in ("insert_after", "insert_before") and k is not None:
        pos = "sau" if op == "insert_after" else "trước"
        return _content(f"Tại {where}, đề nghị bổ sung {pos} đoạn thứ {k} nội dung", e["paragraphs"])
    if op == "prepend":
        return _content(f"Tại {where}, đề nghị bổ sung vào đầu nội dung", e["paragraphs"])
    if op == "append":
        return _content(f"Tại {where}, đề nghị bổ sung nội dung", e["paragraphs"])
    return None


def _section_occurrence(e: dict, by_address: dict, planner, texts: dict) -> tuple[int, int] | None:
    """(which occurrence, how many) of the anchored phrase in the whole section, read in
    OLD's texts as they were before the comparison wrote anything (the outline's); None
    when it cannot be told."""
    s = by_address.get(e["target"])
    k = (e.get("anchor") or {}).get("paragraph")
    if s is None:
        return None
    finder = Finder(e["find"])
    hits = []
    for block in range(s.start, s.end):
        if block == s.heading:
            continue
        for span in finder.find(texts[block])[0]:
            hits.append((block, span))
    if not hits:
        return None
    if k is None:
        return (1, 1) if len(hits) == 1 else None
    body = planner.body_paragraphs(s, direct=True)
    if k > len(body):
        return None
    mine = [i for i, (b, _) in enumerate(hits) if b == body[k - 1]]
    nth = (e.get("occurrence") or 1) - 1
    if nth >= len(mine):
        return None
    return mine[nth] + 1, len(hits)
