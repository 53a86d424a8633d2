"""What a newcomer and a clerk meet on the command line and in Python: loud counts, --strict,
dates as clerks write them, output names that fit, authors matched as headings are, help."""
from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

import redline
from conftest import FIXTURES
from redline.errors import EXIT_INCOMPLETE, OutputError, ResolveError, UsageError
from redline_cli.main import main

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
EDITS = FIXTURES / "edits" / "seed-letter.json"
LETTERS = [FIXTURES / "letters" / n for n in ("stp.txt", "cat.txt", "stnmt.txt", "syt.txt")]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_one_stderr_line_counts_what_was_not_applied_and_strict_fails(tmp_path):
    result = redline.apply(DRAFT, LETTERS, dry_run=True)
    assert result.not_applied > 0
    r = run("apply", DRAFT, *LETTERS, "-o", tmp_path / "o.docx")
    assert r.exit_code == 0
    line = f"{result.not_applied} of {result.instructions} instructions not applied: see the summary"
    assert r.output.count(line) == 1
    r = run("apply", DRAFT, *LETTERS, "-o", tmp_path / "o2.docx", "--strict")
    assert r.exit_code == EXIT_INCOMPLETE and (tmp_path / "o2.docx").exists()
    assert run("apply", DRAFT, EDITS, "-o", tmp_path / "o3.docx", "--strict").exit_code == 0


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_what_was_not_applied_comes_first_in_every_format(fmt):
    result = redline.apply(DRAFT, LETTERS, dry_run=True)
    text = result.render(fmt)
    first_edit = {"text": "[1] ", "markdown": "### 1\\.", "html": 'id="edit-1"', "json": '"edits"'}[fmt]
    missing = {"text": "NOT APPLIED", "markdown": "## NOT APPLIED", "html": 'class="not-applied"',
               "json": '"not_applied"'}[fmt]
    assert 0 <= text.index(missing) < text.index(first_edit)
    for u in result.unresolved:
        assert u["instruction"][:40].split("“")[0][:20] in text or fmt == "json"


@pytest.mark.parametrize("value", ["15/7/2022", "15-07-2022", "2022-07-15", "2022-07-15T08:00:00Z"])
def test_date_as_a_clerk_writes_it(tmp_path, value):
    out = tmp_path / "o.docx"
    r = run("apply", DRAFT, EDITS, "-o", out, "--date", value)
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(out) as z:
        assert 'w:date="2022-07-15T' in z.read("word/document.xml").decode()


def test_a_bad_date_names_the_option_not_the_letter(tmp_path):
    r = run("apply", DRAFT, EDITS, "-o", tmp_path / "o.docx", "--date", "32/7/2022")
    assert r.exit_code == 2 and "--date: '32/7/2022' is not a date" in r.output and "edits" not in r.output
    with pytest.raises(UsageError, match="date=: '32/7/2022' is not a date"):
        redline.apply(DRAFT, EDITS, tmp_path / "o.docx", date="32/7/2022")


@pytest.mark.parametrize("args", [("apply", DRAFT, EDITS, "-o", "out.txt"),
                                  ("accept", FIXTURES / "drafts" / "cchc-typed.docx", "-o", "clean.pdf")])
def test_an_output_suffix_that_does_not_fit_is_refused(tmp_path, args):
    args = [a if a not in ("out.txt", "clean.pdf") else tmp_path / a for a in args]
    r = run(*args)
    assert r.exit_code == 2 and "would be a .docx file" in r.output and not list(tmp_path.iterdir())


def test_python_says_force_true_not_a_flag(tmp_path):
    out = tmp_path / "o.docx"
    redline.apply(DRAFT, EDITS, out)
    with pytest.raises(OutputError) as err:
        redline.apply(DRAFT, EDITS, out)
    assert "force=True" in str(err.value) and "--force" not in str(err.value)
    r = run("apply", DRAFT, EDITS, "-o", out)
    assert "--force" in r.output and "force=True" not in r.output


@pytest.fixture(scope="module")
def redlined(tmp_path_factory):
    out = tmp_path_factory.mktemp("auth") / "o.docx"
    redline.apply(DRAFT, LETTERS, out)
    return out


@pytest.mark.parametrize("spelling", ["Sở Tư pháp", "sở tư pháp", "SO TU PHAP", "So Tu Phap"])
def test_author_matched_as_headings_are(redlined, tmp_path, spelling):
    import unicodedata

    out = tmp_path / "a.docx"
    assert redline.accept(redlined, out, author=unicodedata.normalize("NFD", spelling)) > 0


def test_an_unknown_author_lists_the_documents_authors(redlined, tmp_path):
    with pytest.raises(ResolveError, match="Sở Không Tồn Tại") as err:
        redline.reject(redlined, tmp_path / "r.docx", author="Sở Không Tồn Tại")
    assert "Sở Tư pháp" in str(err.value) and "Sở Tư pháp" in err.value.candidates
    assert not (tmp_path / "r.docx").exists()


def test_help_describes_every_command_and_option():
    r = run("--help")
    for name in ("accept", "reject"):
        line = next(ln for ln in r.output.splitlines() if ln.strip().startswith(name + " "))
        assert len(line.split(None, 1)[1]) > 20, line
    r = run("apply", "--help")
    assert "--format" in r.output and "Summary format" in r.output and "--strict" in r.output and "--lang" in r.output


def test_public_functions_take_explicit_keywords():
    import inspect

    for fn, names in ((redline.apply, {"force", "dry_run", "author", "date", "progress", "limits", "lang"}),
                      (redline.accept, {"author", "force", "lang"}), (redline.reject, {"author", "force", "lang"}),
                      (redline.extract, {"lang"}),
                      (redline.compare, {"author", "date", "force", "dry_run", "limits", "lang", "edits", "letter"})):
        params = inspect.signature(fn).parameters
        assert names <= set(params), fn.__name__
        assert not any(p.kind is p.VAR_KEYWORD for p in params.values()), fn.__name__
        assert all(n in fn.__doc__ for n in names), fn.__name__
    for name in redline.__all__:  # no public function hides its options behind **kwargs
        fn = getattr(redline, name)
        if inspect.isfunction(fn):
            params = inspect.signature(fn).parameters.values()
            assert not any(p.kind is p.VAR_KEYWORD for p in params), name
