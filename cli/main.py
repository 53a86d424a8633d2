"""The `redline` command line: a thin layer over ``redline``'s public functions.

Each command parses options, calls one library function, prints its result.  Errors
caused by input (``RedlineError``) print one line and exit 2; anything else is a bug:
one line asking for a report, exit 70 (``--debug`` shows the traceback).  Every line it
prints comes from the message catalogue, in the language of ``--lang`` (or REDLINE_LANG),
by default the draft's; so does ``--help`` (cli/help.py), by default in English.
"""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

import redline
import redline.options
from redline.errors import EXIT_BUG, EXIT_FINDINGS, EXIT_INCOMPLETE, RedlineError
from redline.messages import environment_language, language, msg, option_style, render
from redline_cli.help import Group, Option, option


def say(message, *, err: bool = False, nl: bool = True) -> None:
    click.echo(render(message), err=err, nl=nl)


def _fallback_language() -> str | None:
    """The language of an error raised before the draft was read: --lang, else the locale."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.params.get("lang") if ctx is not None else None
    try:
        return redline.options.language_option(chosen) or environment_language()
    except RedlineError:
        return environment_language()


def guarded(fn):
    """Turn RedlineError into a one-line message + exit code; hide tracebacks unless --debug."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug", False)
        with option_style("cli"):
            try:
                return fn(*args, **kwargs)
            except RedlineError as exc:
                if debug:
                    raise
                lang = exc.lang or _fallback_language()
                with language(lang):
                    say(msg("redline: error: {message}", message=exc.render(lang)), err=True)
                sys.exit(exc.exit_code)
            except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
                raise
            except BrokenPipeError:  # the reader went away (`redline outline X | head`): not an error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                sys.exit(0)
            except Exception as exc:  # a bug: say so plainly
                if debug:
                    raise
                with language(_fallback_language()):
                    say(msg("redline: internal error ({kind}: {detail}); please report it, with --debug for the "
                            "traceback", kind=type(exc).__name__, detail=exc), err=True)
                sys.exit(EXIT_BUG)

    return wrapper


def _group_language() -> str | None:
    """A command's --lang default: the one given before the command (`redline --lang vi apply`)."""
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().params.get("lang") if ctx is not None else None


LANGS = click.Choice(["vi", "en"], case_sensitive=False)
LANG_OPTION = option(
    "--lang", type=LANGS, default=_group_language,
    help=msg("Language of messages and the summary: vi or en (default: the document's language; env REDLINE_LANG)."))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=msg("Apply amendment instructions to a .docx draft as native Word tracked changes."))
@option("--debug", is_flag=True, help=msg("Show tracebacks."))
@option("--lang", type=LANGS, envvar="REDLINE_LANG",
        help=msg("Language of messages, the summary and this help: vi or en, for every command "
                 "(default: the document's language; env REDLINE_LANG)."))
@click.version_option(redline.__version__, prog_name="redline", cls=Option, help=msg("Show the version and exit."))
def main(debug: bool, lang: str | None) -> None:
    pass


@main.command("outline", help=msg("Print the section tree of DRAFT: title block, sections, tables, attached documents."))
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@option("--json", "as_json", is_flag=True, help=msg("Print the whole structure as JSON (what the text shows)."))
@LANG_OPTION
@guarded
def outline_cmd(draft: Path, as_json: bool, lang: str | None) -> None:
    from redline.sections.listing import outline_dict, outline_lines

    tree = redline.outline(draft)
    with language(redline.options.language_option(lang) or _document_language(tree)):
        data = outline_dict(tree)
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for line in outline_lines(data):
            click.echo(line)
        for w in tree.warnings:
            say(msg("warning: {message}", message=w.render()), err=True)


def _document_language(tree) -> str:
    from redline.messages import detect_language

    return detect_language(" ".join(s.title for s in tree.walk()))


@main.command("resolve", help=msg("Print the address REFERENCE resolves to in DRAFT."))
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("reference")
@LANG_OPTION
@guarded
def resolve_cmd(draft: Path, reference: str, lang: str | None) -> None:
    section = redline.resolve(redline.outline(draft), reference, lang=lang)
    click.echo(f"{section.address}\t{section.title}")


FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html",
           ".htm": "html"}


@main.command("apply", help=msg("Apply EDITS files and/or comment LETTERS (.json, .txt, .docx, .pdf) to DRAFT."))
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Output .docx (default: <draft>.redline.docx beside the draft)."))
@option("--summary", "summary_file", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Write the summary to FILE instead of stdout (its suffix picks the format: .txt .md .json .html)."))
@option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default=None,
        help=msg("Summary format: text (default), markdown, json or html."))
@option("--author", help=msg("Revision author (overrides the edits file and the letter)."))
@option("--date", help=msg("Revision date: 15/7/2022, 2022-07-15 or 2022-07-15T08:00:00Z (overrides the sources)."))
@option("--dry-run", is_flag=True, help=msg("Plan and summarise; write nothing."))
@option("--force", is_flag=True, help=msg("Replace an existing output file."))
@option("--strict", is_flag=True,
        help=msg("Exit {code} when any instruction was not applied (the output is still written).",
                 code=EXIT_INCOMPLETE))
@LANG_OPTION
@guarded
def apply_cmd(draft, sources, output, summary_file, fmt, author, date, dry_run, force, strict, lang) -> None:
    suffix = summary_file.suffix.lower() if summary_file else ""
    if fmt is None:
        fmt = FORMATS.get(suffix, "text")
    if suffix == ".docx" or FORMATS.get(suffix, fmt) != fmt:  # --format json --summary s.html
        redline.options.expect_suffix(summary_file, tuple(k for k, v in FORMATS.items() if v == fmt))
    result = redline.apply(draft, list(sources), output, author=author, date=date, dry_run=dry_run,
                           force=force, progress=sys.stderr.isatty(), lang=lang, summary=summary_file,
                           summary_format=fmt)
    if not summary_file:
        click.echo(result.render(fmt), nl=False)
    with language(result.lang):
        for w in result.warnings:
            say(msg("warning: {message}", message=w.render()), err=True)
        click.echo(result.status_line(), err=True)
    if strict and result.not_applied:
        sys.exit(EXIT_INCOMPLETE)


@main.command("check", help=msg("Lint a redlined .docx; exit 0 when clean, {code} with a list of findings.",
                                 code=EXIT_FINDINGS))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@option("--original", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("The draft PATH was made from: rejecting redline's revisions must give it back."))
@option("--expected", help=msg("Text file with the expected accepted text."))
@LANG_OPTION
@guarded
def check_cmd(path: Path, original: Path | None, expected: str | None, lang: str | None) -> None:
    findings = redline.check(path, original=original, expected_file=expected)
    with language(redline.options.language_option(lang) or _fallback_language()):
        for f in findings:
            click.echo(str(f))
        if findings:
            say(msg("{count} {count:plural:finding:findings}", count=len(findings)), err=True)
            sys.exit(EXIT_FINDINGS)
    click.echo("ok")  # a fixed word for scripts, in every language


def _accept_reject(name: str, fn, summary):
    @main.command(name, help=summary)
    @click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
    @option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
            help=msg("The .docx to write (required)."))
    @option("--author", help=msg("Only this author's revisions (case, accents and Unicode form do not matter)."))
    @option("--force", is_flag=True, help=msg("Replace an existing output file."))
    @LANG_OPTION
    @guarded
    def command(path: Path, output: Path, author: str | None, force: bool, lang: str | None) -> None:
        count = fn(path, output, author=author, force=force, lang=lang)
        with language(redline.options.language_option(lang) or _fallback_language()):
            say(msg("wrote {path}: {count} {count:plural:revision:revisions} settled", path=output, count=count),
                err=True)

    return command


_accept_reject("accept", redline.accept,
               msg("Accept tracked changes: write a copy of PATH with all revisions (or one author's) accepted."))
_accept_reject("reject", redline.reject,
               msg("Reject tracked changes: write a copy of PATH with all revisions (or one author's) rejected."))


@main.command("extract", help=msg("Turn a comment LETTER (.txt, .docx, .pdf) into an edits file."))
@click.argument("letter", type=click.Path(dir_okay=False, path_type=Path))
@option("--draft", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Resolve every target against this draft."))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Write the edits file here (default: stdout)."))
@option("--force", is_flag=True, help=msg("Replace an existing output file."))
@option("--explain", is_flag=True,
        help=msg("Print, for each sentence of the letter, what became of it and which rule decided."))
@LANG_OPTION
@guarded
def extract_cmd(letter: Path, draft: Path | None, output: Path | None, force: bool, explain: bool,
                lang: str | None) -> None:
    if output:
        redline.options.expect_suffix(output, (".json",))
    edits = redline.extract(letter, draft=draft, lang=lang, output=output, force=force)
    if explain:
        from redline.letters.accounting import explain as explain_text

        with language(redline.options.language_option(lang) or _fallback_language()):
            click.echo(explain_text(edits), nl=False)
        if not output:
            return
    if output:
        with language(redline.options.language_option(lang) or _fallback_language()):
            say(msg("wrote {path}", path=output), err=True)
    else:
        click.echo(json.dumps(edits, ensure_ascii=False, indent=2))


@main.command("compare", help=msg("Compare OLD with NEW: OLD with the differences as tracked changes, and a summary "
                                   "by section."))
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Output .docx (default: <OLD>.compare.docx beside OLD)."))
@option("--summary", "summary_file", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Write the summary to FILE instead of stdout."))
@option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default="text",
        help=msg("Summary format: text (default), markdown, json or html."))
@option("--author", help=msg("Revision author (default: 'redline compare')."))
@option("--date", help=msg("Revision date: 15/7/2022, 2022-07-15 or 2022-07-15T08:00:00Z (default: now)."))
@option("--ignore-formatting", is_flag=True, help=msg("Compare text only: no formatting revisions."))
@option("--no-moves", is_flag=True, help=msg("Show moved paragraphs as deleted and inserted."))
@option("--edits", "edits_file", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Also write the differences as an edits file: `redline apply OLD EDITS` gives NEW's text."))
@option("--letter", "letter_file", type=click.Path(dir_okay=False, path_type=Path),
        help=msg("Also write the differences as the body of a comment letter (Vietnamese)."))
@option("--force", is_flag=True, help=msg("Replace existing output files."))
@LANG_OPTION
@guarded
def compare_cmd(old, new, output, summary_file, fmt, author, date, ignore_formatting, no_moves, edits_file,
                letter_file, force, lang) -> None:
    with language(redline.options.language_option(lang) or _fallback_language()):
        if output:
            redline.options.expect_suffix(output, (".docx",))
        result = redline.compare(old, new, output, author=author, date=redline.options.date_option(date),
                                 formatting=not ignore_formatting, moves=not no_moves, edits=edits_file,
                                 letter=letter_file, force=force, summary=summary_file, summary_format=fmt, lang=lang)
    if not summary_file:
        click.echo(result.render(fmt))
    with language(result.lang):
        for w in result.warnings:
            say(msg("warning: {message}", message=w.render()), err=True)
        say(msg("wrote {path}", path=result.output), err=True)


PORT, HOST, MAX_UPLOAD_MB = 8765, "127.0.0.1", 100


@main.command("serve", help=msg("Start the review page: check and correct every instruction before the redline is "
                                 "written."))
@option("--port", type=click.IntRange(0, 65535), default=PORT,
        help=msg("Port to listen on (default: {port}; 0: any free one).", port=PORT))
@option("--host", default=HOST,
        help=msg("Address to listen on (default: {host}, this computer's own); any other lets other computers "
                 "reach it.", host=HOST))
@option("--open", "open_browser", is_flag=True, help=msg("Open the page in the web browser."))
@option("--lang", type=LANGS, default=_group_language,
        help=msg("Language of the page: vi or en (default: env REDLINE_LANG, else the locale's, else vi)."))
@option("--max-upload-mb", type=click.FloatRange(min=1), default=MAX_UPLOAD_MB,
        help=msg("Largest upload (all the files sent at once), in MB (default: {size}).", size=MAX_UPLOAD_MB))
@guarded
def serve_cmd(port: int, host: str, open_browser: bool, lang: str | None, max_upload_mb: float) -> None:
    lang = (lang or environment_language() or "vi").lower()
    with language(lang):
        try:
            from redline.web import serve
        except ImportError as exc:
            say(msg("redline: error: the review page needs its web extra ({module} is missing): "
                    "pip install 'redline[web]'", module=exc.name), err=True)
            sys.exit(redline.EXIT_BAD_INPUT)
        if host not in ("127.0.0.1", "localhost", "::1"):
            say(msg("redline: warning: listening on {host}: other computers that reach this address can open the "
                    "page and the files uploaded to it", host=host), err=True)
        try:
            serve(host=host, port=port, open_browser=open_browser, lang=lang, max_upload_mb=max_upload_mb,
                  echo=lambda line: say(line, err=True))
        except OSError as exc:
            say(msg("redline: error: cannot listen on {host}:{port}: {reason}", host=host, port=port,
                    reason=exc.strerror or exc), err=True)
            sys.exit(redline.EXIT_BAD_INPUT)


if __name__ == "__main__":
    main()
