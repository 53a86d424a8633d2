"""The message catalogue: every message the code shows has its Vietnamese text, with the
same parameters, and the catalogue keeps nothing the code no longer says."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from redline.errors import EditsError, OutputError, Warning
from redline.messages import (Option, catalogue_files, detect_language, language, msg, normalize_language,
                              option_style, template_fields, translations)

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([*(ROOT / "src" / "redline").rglob("*.py"), *(ROOT / "cli").rglob("*.py")])
CATALOGUE_DIR = ROOT / "src" / "redline" / "messages"


def _msg_calls():
    """(file:line, template or None, keyword names or None when **kwargs) of every msg(...) call."""
    calls = []
    for path in CODE:
        if path.parent == CATALOGUE_DIR and path.name != "__init__.py":
            continue
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name != "msg":
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            first = node.args[0] if node.args else None
            template = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            keys = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
            calls.append((where, template, keys))
    return calls


CALLS = _msg_calls()


def test_the_code_uses_the_catalogue():
    assert len(CALLS) >= 3, "msg() calls not found: has the scan lost the code?"


def test_every_template_is_a_literal():
    dynamic = [where for where, template, _ in CALLS if template is None]
    assert not dynamic, f"msg() needs a literal English template (the catalogue key): {dynamic}"


def test_every_message_has_its_vietnamese_text():
    vi = translations()
    missing = sorted({f"{where}: {template!r}" for where, template, _ in CALLS if template and template not in vi})
    assert not missing, "add these to a VI dict in src/redline/messages/:\n" + "\n".join(missing)


def test_both_languages_take_the_same_parameters():
    vi = translations()
    bad = [f"{template!r}: en {sorted(template_fields(template))} vi {sorted(template_fields(text))}"
           for template, text in vi.items() if template_fields(template) != template_fields(text)]
    assert not bad, "\n".join(bad)


def test_each_call_passes_exactly_the_template_parameters():
    bad = [f"{where}: {template!r} uses {sorted(template_fields(template))}, the call passes {sorted(keys)}"
           for where, template, keys in CALLS if template and keys is not None and keys != template_fields(template)]
    assert not bad, "\n".join(bad)


def test_the_catalogue_keeps_nothing_unused():
    used = {template for _, template, _ in CALLS}
    unused = sorted(set(translations()) - used)
    assert not unused, "no code uses these (changed English?): " + "; ".join(map(repr, unused))


def test_no_template_is_translated_twice():
    seen: dict[str, str] = {}
    twice = []
    for name, table in catalogue_files():
        for key in table:
            if key in seen:
                twice.append(f"{key!r} in {seen[key]} and {name}")
            seen[key] = name
    assert not twice, "\n".join(twice)


def test_every_entry_renders_in_both_languages():
    for template, text in translations().items():
        params = {name: 1 for name in template_fields(template)}
        for lang in ("en", "vi"):
            out = msg(template, **params).render(lang)
            assert out.strip() and "{" not in out.replace("{{", "").replace("}}", "") or "{" in template, (template, lang)
        assert text.strip(), template


def test_rendering_follows_the_language_and_keeps_the_structure():
    err = EditsError(msg("field '{field}'", field="x"), file="a.json", edit=3, n=2, field="op")
    assert str(err) == "a.json: edit 3 (n=2), field 'op': field 'x'"
    assert err.render("vi") == "a.json: sửa đổi 3 (n=2), trường 'op': trường 'x'"
    assert (err.file, err.edit, err.n, err.field) == ("a.json", 3, 2, "op")
    with language("vi"):
        raised_in_vi = EditsError(msg("edit {number}", number=4))
    assert str(raised_in_vi) == "sửa đổi 4"  # it remembers the run's language
    assert Warning(msg("edit {number}", number=1), where="x.docx").render("vi") == "x.docx: sửa đổi 1"


def test_plural_and_digit_groups():
    m = msg("{n} {n:plural:edit:edits}, {size:,} bytes", n=1, size=1234567)
    assert m.render("en") == "1 edit, 1,234,567 bytes"
    assert msg("{n} {n:plural:edit:edits}", n=2).render("en") == "2 edits"


def test_options_speak_to_their_reader():
    err = OutputError(msg("field '{field}'", field="x"), hint=msg("edit {number}", number=Option("force", flag=True)))
    assert "force=True" in str(err)
    with option_style("cli"):
        assert "--force" in str(err) and "force=True" not in str(err)


def test_language_names_and_detection():
    assert normalize_language("vi_VN.UTF-8") == "vi" and normalize_language("EN") == "en"
    with pytest.raises(ValueError, match="expected one of en, vi"):
        normalize_language("fr")
    assert detect_language("Báo cáo sơ kết công tác cải cách hành chính 6 tháng đầu năm") == "vi"
    assert detect_language("Report on the administrative reform in the first half of the year, "
                           "prepared for the Sở Nội vụ of Hà Nội") == "en"
    assert detect_language("") == "en"


ERROR_CLASSES = {"RedlineError", "DocumentError", "LimitError", "EditsError", "ResolveError", "ConflictError",
                 "LetterError", "OutputError", "UsageError", "Warning"}
# Files whose messages are still plain English strings, and why.  Remove a file from here when it is
# converted; a file not listed here must have none.
PENDING: dict[str, str] = {}


def test_errors_and_warnings_take_catalogue_messages():
    raw = []
    for path in CODE:
        rel = str(path.relative_to(ROOT))
        if rel in PENDING:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in ERROR_CLASSES:
                continue
            args = list(node.args) + [k.value for k in node.keywords if k.arg in ("hint", "where")]
            if any(isinstance(a, (ast.JoinedStr, ast.BinOp)) or (isinstance(a, ast.Constant) and isinstance(a.value, str))
                   for a in args):
                raw.append(f"{rel}:{node.lineno}")
    assert not raw, "write these messages through msg() (see src/redline/messages/__init__.py):\n" + "\n".join(raw)
