"""`redline [COMMAND] --help` in Vietnamese or English, from the message catalogue.

Every help text is a catalogue message with its Vietnamese text; asked for Vietnamese (--lang before
or after the command, before or after --help, or REDLINE_LANG), the help shows the Vietnamese text
of every description and option and none of the English; asked for nothing, it is English."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from redline.messages import Message, render, translations
from redline_cli.help import _asked_language
from redline_cli.main import main

COMMANDS = sorted(main.commands)
NO_LANGUAGE = {"REDLINE_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
# a few Vietnamese phrases written out here, so a broken catalogue path cannot pass by comparing itself to itself
SAMPLES = {
    None: ["Cách dùng: redline", "Tùy chọn:", "Lệnh:", "thay đổi được theo dõi", "Hiển thị hướng dẫn này rồi thoát."],
    "apply": ["Định dạng bản tóm tắt: text (mặc định), markdown, json hoặc html.", "vào dự thảo DRAFT",
              "Thoát với mã 3 khi có đề nghị chưa được áp dụng"],
    "accept": ["Chấp nhận thay đổi được theo dõi", "Tệp .docx sẽ ghi ra (bắt buộc)."],
    "reject": ["Từ chối thay đổi được theo dõi"],
    "compare": ["So sánh OLD với NEW", "văn bản góp ý (bằng tiếng Việt)"],
    "extract": ["Chuyển văn bản góp ý LETTER (.txt, .docx, .pdf) thành tệp sửa đổi."],
    "serve": ["(mặc định: 8765; 0: một cổng bất kỳ còn trống)", "Mở trang rà soát"],
    "outline": ["In cây đề mục của dự thảo DRAFT"],
    "resolve": ["tham chiếu REFERENCE"],
    "check": ["thoát với mã 0 khi không có lỗi, mã 1 kèm danh sách lỗi"],
}


def squash(text: str) -> str:
    """Text without whitespace: click wraps lines (and breaks 2022-07-15 at its hyphens)."""
    return "".join(text.split())


def command(name: str | None) -> click.Command:
    return main if name is None else main.commands[name]


def help_messages(name: str | None) -> list:
    """The command's description and every shown option's help (the help and version options too)."""
    cmd = command(name)
    root = click.Context(main, info_name="redline", **main.context_settings)  # -h, as when run
    ctx = root if name is None else click.Context(cmd, info_name=name, parent=root)
    params = [p for p in cmd.get_params(ctx) if isinstance(p, click.Option) and not p.hidden]
    return [cmd.help] + [p.help for p in params]


def run(args, env=None):
    r = CliRunner().invoke(main, args, env=env, prog_name="redline")
    assert r.exit_code == 0, r.output
    return r.output


def test_every_help_text_is_a_catalogue_message_with_its_vietnamese():
    vi = translations()
    plain, missing = [], []
    for name in [None, *COMMANDS]:
        for text in help_messages(name):
            if not isinstance(text, Message):
                plain.append(f"{name or 'redline'}: {text!r}")
            elif text.template not in vi:
                missing.append(f"{name or 'redline'}: {text.template!r}")
    assert not plain, "write these help texts through msg():\n" + "\n".join(plain)
    assert not missing, "add these to src/redline/messages/cli_help.py:\n" + "\n".join(missing)


def _ways(name):
    cmd = [name] if name else []
    return {"--lang before the command": (["--lang", "vi", *cmd, "--help"], None),
            "--lang after the command": ([*cmd, "--lang", "vi", "--help"], None),
            "--lang=vi after --help": ([*cmd, "-h", "--lang=vi"], None),
            "REDLINE_LANG": ([*cmd, "--help"], {**NO_LANGUAGE, "REDLINE_LANG": "vi"}),
            "the locale": ([*cmd, "--help"], {**NO_LANGUAGE, "LANG": "vi_VN.UTF-8"})}


@pytest.mark.parametrize("name", [None, *COMMANDS])
@pytest.mark.parametrize("way", list(_ways("x")))
def test_help_in_vietnamese(name, way):
    args, env = _ways(name)[way]
    out = run(args, env)
    shown = squash(out)
    for text in help_messages(name):
        assert squash(render(text, "vi")) in shown, (render(text, "vi"), out)
        english = render(text, "en")
        if english != render(text, "vi"):
            assert squash(english) not in shown, (english, out)
    for phrase in SAMPLES[name] + ["Cách dùng:", "Tùy chọn:"]:
        assert squash(phrase) in shown, (phrase, out)
    assert "Usage:" not in out and "Options:" not in out


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_help_is_english_when_nothing_asks_otherwise(name):
    out = run([*([name] if name else []), "--help"], NO_LANGUAGE)
    shown = squash(out)
    for text in help_messages(name):
        assert squash(render(text, "en")) in shown, (render(text, "en"), out)
    assert out.startswith("Usage: redline") and "Options:" in out
    assert "Cách dùng" not in out and not any(squash(p) in shown for p in SAMPLES[name])


def test_the_nearest_lang_wins():
    assert "Cách dùng" not in run(["--lang", "vi", "apply", "--lang", "en", "--help"])
    assert "Cách dùng" in run(["--lang", "en", "apply", "--help", "--lang", "vi"])
    assert "Cách dùng" not in run(["apply", "--lang", "en", "--help"], {**NO_LANGUAGE, "REDLINE_LANG": "vi"})


def test_the_group_lists_every_command_with_its_description_in_both_languages():
    for lang in ("vi", "en"):
        out = run(["--lang", lang, "--help"])
        section = out.split("Lệnh:" if lang == "vi" else "Commands:")[1]
        for name in COMMANDS:
            line = next(ln for ln in section.splitlines() if ln.strip().startswith(name + " "))
            description = line.split(None, 1)[1].rstrip(".")
            assert len(description) > 20 and squash(description) in squash(render(main.commands[name].help, lang)), line


def test_raw_language_scan():
    assert _asked_language(["apply", "d.docx", "--lang", "vi", "--help"]) == "vi"
    assert _asked_language(["--lang=VI", "apply", "--lang", "en"]) == "en"  # the last one is the command's
    assert _asked_language(["apply", "--", "--lang", "vi"]) is None  # after --, a file named --lang
    assert _asked_language(["--lang", "fr", "--help"]) is None and _asked_language(["--lang"]) is None


def test_lang_before_the_command_reaches_the_command():
    draft, edits = FIXTURES / "drafts" / "cchc-typed.docx", FIXTURES / "edits" / "seed-letter.json"
    base = ["apply", str(draft), str(edits), "--dry-run"]
    english = {**NO_LANGUAGE, "REDLINE_LANG": "en"}
    assert "chạy thử: không ghi tệp nào" in CliRunner().invoke(main, ["--lang", "vi", *base], env=english).output
    assert "dry run: nothing written" in CliRunner().invoke(main, ["--lang", "vi", *base, "--lang", "en"]).output
    assert "chạy thử" in CliRunner().invoke(main, base, env={**NO_LANGUAGE, "REDLINE_LANG": "vi"}).output
