"""Deterministic generator of benchmark drafts and edits files (issue 8).

Drafts have the structure of the fixture reports (typed-label layout, as
``fixtures/drafts/cchc-typed.docx``): an agency/motto header table, a "BÁO CÁO" title
block, a preamble, Roman parts "I." in capitals, then "1." / "1.1." / "a)" headings, all
bold, Times New Roman 14 pt; body paragraphs of one to three sentences, typed bullets
"- ", a table every few sections, runs split at word boundaries and sometimes mid-word;
a closing "Trên đây là ..." and a "Nơi nhận:" signature block.

Edits files mix every operation of issue 3 plus anchors, each edit on its own section
(no two edits overlap, so redline's conflict check passes); they are validated against
``src/redline/schema/edits.schema.json``.  A third kind of file, the *peer* workload,
holds N paragraph-scoped text replacements both as a redline edits file and as plain
(paragraph, find, replace) triples for docx-redline.

Everything is written with plain string building and ``zipfile`` (no python-docx), so
a 200,000-paragraph draft takes seconds.  Same arguments -> byte-identical files.

    python benchmarks/generate.py --sizes 1000,10000 --edits 10,100
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SCHEMA = HERE.parent / "src" / "redline" / "schema" / "edits.schema.json"
SEED = 20220715
ZIP_DATE = (2022, 7, 15, 8, 0, 0)

# --------------------------------------------------------------------------- vocabulary

WORDS = (
    "cải cách hành chính thủ tục hồ sơ giải quyết trực tuyến dịch vụ công mức độ cơ quan đơn vị "
    "địa phương sở ban ngành huyện thị xã thành phố cấp tỉnh tổ chức bộ máy biên chế công chức viên "
    "chức cán bộ đào tạo bồi dưỡng năng lực chuyên môn nghiệp vụ chính quyền điện tử số hóa dữ liệu "
    "hệ thống phần mềm quản lý văn bản điều hành chữ ký số kết nối liên thông chia sẻ thông tin "
    "người dân doanh nghiệp mức hài lòng phục vụ tiếp nhận trả kết quả bộ phận một cửa hiện đại "
    "kiểm tra giám sát đánh giá chỉ số xếp hạng kế hoạch triển khai thực hiện nhiệm vụ giải pháp "
    "trọng tâm tiếp tục đẩy mạnh nâng cao chất lượng hiệu quả hiệu lực minh bạch công khai trách "
    "nhiệm người đứng đầu kỷ luật kỷ cương tài chính công ngân sách cơ chế tự chủ quy trình nội bộ "
    "rà soát đơn giản hóa quy định pháp luật văn bản quy phạm ban hành sửa đổi bổ sung tuyên truyền "
    "phổ biến nhận thức hạ tầng công nghệ an toàn bảo mật thiết bị đầu tư nguồn lực kinh phí phối "
    "hợp chỉ đạo hướng dẫn đôn đốc báo cáo định kỳ tồn tại hạn chế nguyên nhân khách quan chủ quan "
    "bài học kinh nghiệm phương hướng sáu tháng cuối năm đề xuất kiến nghị trung ương"
).split()
CAPS_TITLES = (
    "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH",
    "TỒN TẠI HẠN CHẾ VÀ NGUYÊN NHÂN", "PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI", "ĐỀ XUẤT KIẾN NGHỊ",
    "ĐÁNH GIÁ CHUNG", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "XÂY DỰNG CHÍNH QUYỀN SỐ",
)
PLANTED = ("Kế hoạch số 17/KH-UBND", "Quyết định số 2045/QĐ-UBND", "Chỉ thị số 08/CT-UBND")
PLANTED_NEW = ("Kế hoạch số 25/KH-UBND", "Quyết định số 3120/QĐ-UBND", "Chỉ thị số 11/CT-UBND")
LETTERS = "abcdđeghiklmn"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII",
         "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII",
         "XXXVIII", "XXXIX"]


class Text:
    """Seeded sentence maker; a counter keeps sentences unique across the draft."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.n = 0

    def words(self, k: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(k))

    def sentence(self, lo: int = 8, hi: int = 18) -> str:
        self.n += 1
        w = self.words(self.rng.randint(lo, hi)).split()
        # redline's outline folds diacritics: "Nối/Nội nhận ..." reads as "Nơi nhận" (the signature
        # block) and "Trên đây" as the closing; keep body paragraphs from starting like them
        while w[0] in ("nối", "nội", "nơi", "nói", "trên"):
            w[0] = self.rng.choice(WORDS)
        # a figure as reports write it (comma decimals, so no '.' inside a sentence)
        w.insert(self.rng.randint(1, len(w)), f"{self.n} hồ sơ" if self.n % 3 else f"{self.n % 97},{self.n % 10}%")
        s = " ".join(w)
        return s[0].upper() + s[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))

    def bullet(self) -> str:
        s = self.sentence(5, 12)
        return "- " + s[:-1] + self.rng.choice([";", ";", "."])

    def title(self, lo: int = 4, hi: int = 9) -> str:
        s = self.words(self.rng.randint(lo, hi))
        return s[0].upper() + s[1:]


# --------------------------------------------------------------------------- model

@dataclass
class Sec:
    address: str
    label: str  # as typed, with its trailing "." or ")"
    number: str  # own number as in the next sibling's label logic
    title: str
    level: int
    body: list = field(default_factory=list)  # ("p", text) | ("b", text) | ("t", rows)
    children: list["Sec"] = field(default_factory=list)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    @property
    def paragraphs(self) -> list[tuple[str, str]]:
        return [b for b in self.body if b[0] in ("p", "b")]


@dataclass
class Draft:
    parts: list[Sec]
    preamble: list[str]
    closing: list[str]
    n_paragraphs: int = 0

    def sections(self):
        for p in self.parts:
            yield from p.walk()


def make_draft(target: int, seed: int = SEED) -> Draft:
    """A draft model of about ``target`` body-level paragraphs."""
    rng = random.Random(seed * 1_000_003 + target)
    tx = Text(rng)
    per_l2 = 46  # paragraphs a level-2 section averages with the choices below
    n_l2 = max(4, round(target / per_l2))
    fan3 = (3, 7)  # subsections of a level-2 section
    if n_l2 > len(ROMAN) * 60:  # very big drafts: wider sections, not 100+ "1."-level headings a part
        scale = n_l2 / (len(ROMAN) * 60)
        fan3 = (round(3 * scale), round(7 * scale))
        n_l2 = round(target / (per_l2 * scale))
    n_parts = min(len(ROMAN), max(2, -(-n_l2 // 60)))
    preamble = [f"Thực hiện {PLANTED[0]} của Ủy ban nhân dân tỉnh, {PLANTED[1]} và {PLANTED[2]}; " + tx.paragraph(),
                tx.paragraph()]
    closing = [f"Trên đây là báo cáo kết quả thực hiện {PLANTED[0]} sáu tháng đầu năm 2022. " + tx.sentence()]
    count = 6 + len(preamble) + len(closing) + 4  # title block, closing, signature
    parts = []
    tables = 0
    for pi in range(n_parts):
        roman = ROMAN[pi]
        part = Sec(roman, roman + ".", roman, CAPS_TITLES[pi % len(CAPS_TITLES)] + (f" (PHẦN {pi + 1})" if pi >= len(CAPS_TITLES) else ""), 1)
        part.body = [("p", tx.paragraph())]
        count += 2
        share = n_l2 // n_parts + (1 if pi < n_l2 % n_parts else 0)
        for i2 in range(1, min(share, 99) + 1):
            s2 = Sec(f"{roman}.{i2}", f"{i2}.", str(i2), tx.title(), 2)
            s2.body = [("p", tx.paragraph()) for _ in range(rng.randint(1, 2))]
            count += 1 + len(s2.body)
            for i3 in range(1, rng.randint(*fan3) + 1):
                s3 = Sec(f"{roman}.{i2}.{i3}", f"{i2}.{i3}.", f"{i2}.{i3}", tx.title(), 3)
                k = rng.randint(2, 5)
                for j in range(k):
                    s3.body.append(("b", tx.bullet()) if j and rng.random() < 0.35 else ("p", tx.paragraph()))
                if rng.random() < 0.15:
                    tables += 1
                    rows = [("STT", "Chỉ tiêu", "Kế hoạch", "Kết quả")]
                    rows += [(str(r), tx.title(2, 5), f"{rng.randint(10, 999)}", f"{rng.randint(10, 999)}")
                             for r in range(1, rng.randint(3, 6))]
                    s3.body.insert(rng.randint(1, len(s3.body)), ("t", rows))
                    s3.body.append(("p", tx.paragraph()))  # a table is followed by text
                count += 1 + len(s3.paragraphs)
                if rng.random() < 0.4:
                    for i4 in range(rng.randint(2, 4)):
                        s4 = Sec(f"{s3.address}.{LETTERS[i4]}", f"{LETTERS[i4]})", LETTERS[i4], tx.title(), 4)
                        s4.body = [("b", tx.bullet()) if j and rng.random() < 0.5 else ("p", tx.paragraph())
                                   for j in range(rng.randint(1, 4))]
                        count += 1 + len(s4.body)
                        s3.children.append(s4)
                s2.children.append(s3)
            part.children.append(s2)
        parts.append(part)
    return Draft(parts, preamble, closing, count)


# --------------------------------------------------------------------------- XML

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'


def rpr(bold=False, italic=False, size=28):
    return ("<w:rPr>" + FONT + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
            + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="vi-VN"/></w:rPr>')


def run(text: str, props: str) -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def split_runs(text: str, rng: random.Random) -> list[str]:
    """Word splits runs where the author paused (rsid changes): at word boundaries mostly,
    mid-word in about one paragraph in six."""
    pieces = [text]
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        longest = max(range(len(pieces)), key=lambda i: len(pieces[i]))
        s = pieces[longest]
        if len(s) < 12:
            break
        if rng.random() < 0.17:
            cut = rng.randint(3, len(s) - 3)  # mid-word, mid-anything
        else:
            spaces = [i for i, c in enumerate(s) if c == " " and 2 < i < len(s) - 2]
            if not spaces:
                break
            cut = rng.choice(spaces)
        pieces[longest:longest + 1] = [s[:cut], s[cut:]]
    return pieces


def ppr(jc="both", first_line=567, before=60, after=60, keep=False) -> str:
    return ("<w:pPr>" + ("<w:keepNext/>" if keep else "") + f'<w:spacing w:before="{before}" w:after="{after}" '
            'w:line="288" w:lineRule="auto"/>' + (f'<w:ind w:firstLine="{first_line}"/>' if first_line else "")
            + f'<w:jc w:val="{jc}"/>' + "</w:pPr>")


BODY_RPR = rpr()
BODY_PPR = ppr()


def body_p(text: str, rng: random.Random) -> str:
    runs = []
    for piece in split_runs(text, rng):
        props = BODY_RPR
        if rng.random() < 0.03:
            props = rpr(italic=True)
        runs.append(run(piece, props))
    return "<w:p>" + BODY_PPR + "".join(runs) + "</w:p>"


def heading_p(sec: Sec, rng: random.Random) -> str:
    bold = rpr(bold=True, italic=sec.level == 4)
    title = sec.title.upper() if sec.level == 1 else sec.title
    pieces = split_runs(title, rng) if sec.level > 1 else [title]
    return ("<w:p>" + ppr(keep=True, before=120) + run(sec.label, bold) + run(" " + pieces[0], bold)
            + "".join(run(p, bold) for p in pieces[1:]) + "</w:p>")


def centered(text: str, bold=True, size=28) -> str:
    return "<w:p>" + ppr(jc="center", first_line=0) + run(text, rpr(bold=bold, size=size)) + "</w:p>"


def table(rows, rng: random.Random, borders=True) -> str:
    ncols = len(rows[0])
    grid = "".join(f'<w:gridCol w:w="{9000 // ncols}"/>' for _ in range(ncols))
    b = ('<w:tblBorders>' + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
         + '</w:tblBorders>') if borders else ""
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/>{b}<w:tblLook w:val="04A0"/></w:tblPr>'
           f'<w:tblGrid>{grid}</w:tblGrid>']
    for i, row in enumerate(rows):
        out.append("<w:tr>")
        for cell in row:
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{9000 // ncols}" w:type="dxa"/></w:tcPr><w:p>'
                       + ppr(jc="center" if i == 0 else "left", first_line=0, before=0, after=0)
                       + run(cell, rpr(bold=i == 0 and borders, size=26)) + "</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml(d: Draft, seed: int) -> str:
    rng = random.Random(seed)
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
           f'xmlns:r="{R_NS}"><w:body>']
    out.append(table([("UBND TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                      ("SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"),
                      ("Số:        /BC-SNV", "Hà Tĩnh, ngày      tháng 7 năm 2022")], rng, borders=False))
    out.append("<w:p/>")
    out.append(centered("BÁO CÁO"))
    out.append(centered("Kết quả thực hiện công tác cải cách hành chính sáu tháng đầu năm 2022"))
    out.append(centered("và phương hướng, nhiệm vụ sáu tháng cuối năm 2022"))
    out.append("<w:p/>")
    out.extend(body_p(t, rng) for t in d.preamble)
    for part in d.parts:
        for sec in part.walk():
            out.append(heading_p(sec, rng))
            for kind, value in sec.body:
                out.append(table(value, rng) if kind == "t" else body_p(value, rng))
    out.extend(body_p(t, rng) for t in d.closing)
    out.append(table([("Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.", "GIÁM ĐỐC")], rng, borders=False)
               .replace("\n", "</w:t><w:br/><w:t xml:space=\"preserve\">"))
    out.append('<w:sectPr><w:pgSz w:w="11907" w:h="16840"/><w:pgMar w:top="1134" w:right="1134" '
               'w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    out.append("</w:body></w:document>")
    return "".join(out)


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{FONT}<w:sz w:val="28"/><w:szCs w:val="28"/>\
<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\
<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>\
<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>\
<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>\
<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>\
<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>\
<w:semiHidden/><w:unhideWhenUsed/></w:style></w:styles>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>\
<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" \
w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

PKG_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Báo cáo CCHC (benchmark)</dc:title>\
<dc:creator>Sở Nội vụ</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2022-07-01T00:00:00Z</dcterms:created>\
</cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>Microsoft Office Word</Application></Properties>"""


def write_docx(path: Path, document: str) -> None:
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PKG_RELS),
                           ("word/document.xml", document), ("word/_rels/document.xml.rels", DOC_RELS),
                           ("word/styles.xml", STYLES), ("word/settings.xml", SETTINGS),
                           ("docProps/core.xml", CORE), ("docProps/app.xml", APP)):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    tmp.replace(path)


# --------------------------------------------------------------------------- edits

OPS = [  # (kind, weight) -- every operation of issue 3 and every anchor kind
    ("replace", 8), ("replace_heading", 2), ("replace_lead", 3), ("append_paragraphs", 8), ("append_text", 5),
    ("prepend_paragraphs", 5), ("prepend_text", 3), ("insert_after", 5), ("insert_before", 4), ("delete", 5),
    ("replace_text", 12), ("delete_find", 6), ("comment", 5), ("anchor_paragraph", 6), ("anchor_bullet", 5),
    ("anchor_sentence", 6), ("anchor_sentence_delete", 4), ("anchor_sentence_prefix", 3),
]


def _tweak(text: str, rng: random.Random) -> str:
    """The same paragraph with a word or two changed (a realistic rewording)."""
    w = text.split()
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(1, len(w)) if len(w) > 1 else 0
        if any(ch.isdigit() for ch in w[i]) or w[i].endswith((".", ";", ",")):
            continue
        w[i] = rng.choice(WORDS)
    return " ".join(w)


def _phrase(text: str, rng: random.Random) -> str | None:
    """Two consecutive plain words of ``text`` (no figures, no punctuation): a find string."""
    w = text.split()
    spots = [i for i in range(1, len(w) - 1)
             if all(x.isalpha() for x in (w[i], w[i + 1]))]
    if not spots:
        return None
    i = rng.choice(spots)
    return f"{w[i]} {w[i + 1]}"


def _next_label(sec: Sec) -> str:
    if sec.level == 4:
        return LETTERS[LETTERS.index(sec.number) + 1] + ")" if sec.number != LETTERS[-1] else "x)"
    parts = sec.number.split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts) + "."


def _fits(kind: str, s: Sec) -> bool:
    paras = s.paragraphs if not s.children else [b for b in s.body if b[0] in ("p", "b")]
    plain = [t for k, t in paras if k == "p"]
    if kind == "replace_lead":
        return bool(s.children) and bool(paras) and s.level >= 2
    if s.children or s.level < 2:
        return False  # every other op goes on a leaf section
    if kind == "anchor_bullet":
        return any(k == "b" for k, _ in paras)
    if kind in ("anchor_sentence", "anchor_sentence_delete", "anchor_sentence_prefix"):
        return any(t.count(". ") >= 1 for t in plain)
    if kind == "insert_before":
        return True
    return bool(paras)


def make_edits(d: Draft, n: int, seed: int = SEED) -> dict:
    rng = random.Random(seed * 7 + n)
    leaves = [s for s in d.sections() if not s.children and s.level >= 2]
    parents = [s for s in d.sections() if s.children and s.level >= 2 and any(b[0] != "t" for b in s.body)]
    rng.shuffle(leaves)
    rng.shuffle(parents)
    if n > len(leaves) * 3 // 4:
        raise SystemExit(f"{n} edits need more sections than this draft has ({len(leaves)} leaf sections); "
                         "use a bigger draft")
    blocked: set[str] = set()  # addresses no edit may take any more (overlap with a taken one)

    def take(s: Sec) -> None:
        blocked.update(x.address for x in s.walk())
        parts = s.address.split(".")
        blocked.update(".".join(parts[:i]) for i in range(1, len(parts)))

    kinds = [k for k, w in OPS for _ in range(w)]
    edits = []
    n_star = 0 if n < 10 else (1 if n < 100 else (2 if n < 1000 else 3))
    for j in range(n_star):
        edits.append({"op": "replace_text", "target": "*", "find": PLANTED[j], "replace": PLANTED_NEW[j],
                      "n": j + 1, "note": "rewrites everywhere"})
    n_lead = 0
    while len(edits) < n:
        kind = rng.choice(kinds)
        if kind == "replace_lead" and n_lead > n // 20:
            kind = "replace"
        pool = parents if kind == "replace_lead" else leaves
        s = None
        for i in range(min(len(pool), 200)):
            cand = pool[i]
            if cand.address in blocked:
                continue
            if _fits(kind, cand):
                s = pool.pop(i)
                break
        if s is None:
            if kind == "replace_lead":
                continue
            kind = "insert_before"  # fits every leaf
            while leaves and leaves[0].address in blocked:
                leaves.pop(0)
            if not leaves:
                raise SystemExit("ran out of sections for the edits")
            s = leaves.pop(0)
        n_lead += kind == "replace_lead"
        take(s)
        e = _edit(kind, s, rng, len(edits) + 1)
        if rng.random() < 0.1 and e["op"] != "comment":
            e["comment"] = "Đề nghị cơ quan soạn thảo lưu ý nội dung này."
        edits.append(e)
    doc = {"author": "Sở Thông tin và Truyền thông", "date": "2022-07-15T08:00:00Z",
           "source": "Văn bản số 1187/STTTT-CĐS (benchmark)", "edits": edits}
    return doc


def _target(s: Sec, rng: random.Random) -> str:
    """The section reference, mostly canonical, sometimes as a letter writes it."""
    x = rng.random()
    if x < 0.8 or s.level < 2:
        return s.address
    part, rest = s.address.split(".", 1)
    # "mục 2.3 của Phần II" is ambiguous (II.3 or II.2.3: a leading component equal to the
    # part's number may repeat it), so that form only where the first component differs
    if x < 0.9 or s.level == 4 or int(rest.split(".")[0]) == ROMAN.index(part) + 1:
        return f"Mục {s.address}"
    return f"mục {rest} của Phần {part}"


def _edit(kind: str, s: Sec, rng: random.Random, n: int) -> dict:
    tx = Text(random.Random(rng.random()))
    tx.n = 100_000 + n
    t = _target(s, rng)
    paras = [(k, v) for k, v in s.body if k in ("p", "b")]
    plain = [v for k, v in paras if k == "p"]
    if kind == "replace":
        new = [_tweak(v, rng) for _, v in paras] + [tx.paragraph()]
        return {"op": "replace", "target": t, "paragraphs": new, "n": n}
    if kind == "replace_heading":
        return {"op": "replace", "target": t, "heading": tx.title(), "n": n}
    if kind == "replace_lead":
        new = [_tweak(v, rng) for _, v in paras]
        return {"op": "replace", "target": t, "scope": "lead", "paragraphs": new, "n": n}
    if kind == "append_paragraphs":
        return {"op": "append", "target": t, "paragraphs": [tx.paragraph(), tx.bullet()][:rng.randint(1, 2)], "n": n}
    if kind == "append_text":
        return {"op": "append", "target": t, "text": tx.sentence(), "n": n}
    if kind == "prepend_paragraphs":
        return {"op": "prepend", "target": t, "paragraphs": [tx.paragraph()], "n": n}
    if kind == "prepend_text":
        return {"op": "prepend", "target": t, "text": tx.sentence(), "n": n}
    if kind in ("insert_after", "insert_before"):
        label = _next_label(s) if kind == "insert_after" else s.label
        return {"op": kind, "target": t, "heading": f"{label} {tx.title()}", "paragraphs": [tx.paragraph()], "n": n}
    if kind == "delete":
        return {"op": "delete", "target": t, "n": n}
    if kind in ("replace_text", "delete_find"):
        for v in rng.sample(plain or [v for _, v in paras], k=len(plain or paras)):
            ph = _phrase(v, rng)
            if ph:
                break
        else:
            return {"op": "comment", "target": t, "text": "Đề nghị rà soát lại mục này.", "n": n}
        if kind == "delete_find":
            return {"op": "delete", "target": t, "find": ph, "n": n}
        return {"op": "replace_text", "target": t, "find": ph, "replace": tx.words(2), "n": n}
    if kind == "comment":
        return {"op": "comment", "target": t, "text": "Đề nghị bổ sung số liệu cụ thể.", "n": n}
    if kind == "anchor_paragraph":
        k = rng.randint(1, len(paras))
        return {"op": "replace", "target": t, "anchor": {"paragraph": k}, "paragraphs": [_tweak(paras[k - 1][1], rng)],
                "n": n}
    if kind == "anchor_bullet":
        bullets = [v for kk, v in paras if kk == "b"]
        return {"op": "append", "target": t, "anchor": {"bullet": rng.randint(1, len(bullets))},
                "paragraphs": [tx.bullet()], "n": n}
    # sentence anchors: a sentence of a multi-sentence plain paragraph
    v = rng.choice([v for v in plain if v.count(". ") >= 1])
    sents = [x if x.endswith(".") else x + "." for x in v.split(". ")]
    sent = rng.choice(sents)
    if kind == "anchor_sentence":
        return {"op": "replace", "target": t, "anchor": {"sentence": sent}, "text": _tweak(sent, rng), "n": n}
    if kind == "anchor_sentence_delete":
        return {"op": "delete", "target": t, "anchor": {"sentence": sent}, "n": n}
    prefix = " ".join(sent.split()[:5])
    return {"op": "prepend", "target": t, "anchor": {"sentence_prefix": prefix}, "text": tx.sentence(), "n": n}


def make_peer(d: Draft, n: int, seed: int = SEED) -> tuple[dict, list[dict]]:
    """N paragraph-scoped text replacements: as a redline edits file (replace_text with a
    paragraph anchor) and as triples for docx-redline (a unique sentence of the paragraph
    to find it by, the phrase, its replacement)."""
    rng = random.Random(seed * 11 + n)
    leaves = [s for s in d.sections() if not s.children and s.level >= 2]
    rng.shuffle(leaves)
    edits, tasks = [], []
    for s in leaves:
        if len(edits) == n:
            break
        paras = [(k, v) for k, v in s.body if k in ("p", "b")]
        k = rng.randint(1, len(paras))
        text = paras[k - 1][1]
        ph = _phrase(text, rng)
        if not ph or text.count(ph) != 1 or (" " + ph + " ") not in (" " + text + " "):
            continue
        new = " ".join(rng.choice(WORDS) for _ in range(2))
        edits.append({"op": "replace_text", "target": s.address, "anchor": {"paragraph": k}, "find": ph,
                      "replace": new, "n": len(edits) + 1})
        key = text.split(". ")[0]  # its first sentence: unique in the draft (numbered figure)
        tasks.append({"paragraph_contains": key, "find": ph, "replace": new})
    if len(edits) < n:
        raise SystemExit(f"only {len(edits)} peer edits possible on this draft")
    return ({"author": "Sở Thông tin và Truyền thông", "date": "2022-07-15T08:00:00Z", "edits": edits}, tasks)


# --------------------------------------------------------------------------- files

def draft_path(size: int) -> Path:
    return OUT / f"draft-{size}.docx"


def edits_path(size: int, n: int) -> Path:
    return OUT / f"edits-{size}-{n}.json"


def peer_paths(size: int, n: int) -> tuple[Path, Path]:
    return OUT / f"peer-{size}-{n}.json", OUT / f"peer-{size}-{n}.tasks.json"


def validate(doc: dict) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)


def generate(size: int, edit_counts: list[int], *, peer: bool = True, force: bool = False) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    d = make_draft(size)
    info = {"size": size, "paragraphs": d.n_paragraphs, "sections": sum(1 for _ in d.sections())}
    p = draft_path(size)
    stamp = p.with_suffix(".stamp")
    version = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]  # files follow this code
    if not force and (not stamp.exists() or stamp.read_text() != version):
        force = True
    if force or not p.exists():
        write_docx(p, document_xml(d, SEED + size))
        stamp.write_text(version)
    for n in edit_counts:
        leaves = sum(1 for s in d.sections() if not s.children and s.level >= 2)
        if n > leaves * 3 // 4:
            info.setdefault("skipped", []).append(n)
            continue
        ep = edits_path(size, n)
        if force or not ep.exists():
            doc = make_edits(d, n)
            validate(doc)
            ep.write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")
        if peer:
            pe, pt = peer_paths(size, n)
            if force or not pe.exists() or not pt.exists():
                doc, tasks = make_peer(d, n)
                validate(doc)
                pe.write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")
                pt.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), "utf-8")
    return info


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,50000", help="draft sizes in paragraphs, comma-separated")
    ap.add_argument("--edits", default="10,100,1000", help="edit counts, comma-separated")
    ap.add_argument("--force", action="store_true", help="rewrite files that exist")
    a = ap.parse_args(argv)
    for size in (int(x) for x in a.sizes.split(",")):
        info = generate(size, [int(x) for x in a.edits.split(",")], force=a.force)
        print(json.dumps(info), file=sys.stderr)


if __name__ == "__main__":
    main()
