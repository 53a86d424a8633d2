"""The `redline` command line: a thin layer over ``redline``'s public functions.

Each command parses options, calls one library function, prints its result.  Errors
caused by input (``RedlineError``) print one line and exit 2; anything else is a bug:
one line asking for a report, exit 70 (``--debug`` shows the traceback).
"""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

import redline
from redline.errors import EXIT_BUG, EXIT_FINDINGS, RedlineError


def guarded(fn):
    """Turn RedlineError into a one-line message + exit code; hide tracebacks unless --debug."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return fn(*args, **kwargs)
        except RedlineError as exc:
            if debug:
                raise
            click.echo(f"redline: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
            raise
        except BrokenPipeError:  # the reader went away (`redline outline X | head`): not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:  # a bug: say so plainly
            if debug:
                raise
            click.echo(f"redline: internal error ({type(exc).__name__}: {exc}); "
                       "please report it, with --debug for the traceback", err=True)
            sys.exit(EXIT_BUG)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(redline.__version__, prog_name="redline")
def main(debug: bool) -> None:
    """Apply amendment instructions to a .docx draft as native Word tracked changes."""


@main.command("outline")
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the tree as JSON.")
@guarded
def outline_cmd(draft: Path, as_json: bool) -> None:
    """Print the section tree of DRAFT (address, heading)."""
    tree = redline.outline(draft)
    if as_json:
        click.echo(json.dumps(tree.to_list(), ensure_ascii=False, indent=2))
        return
    for special in (tree.title, tree.preamble):
        if special is not None:
            click.echo(f"[{special.address}] {special.title}")
    tables: dict[str, list] = {}
    for t in tree.tables:
        tables.setdefault(t.owner, []).append(t)

    def show(sections):
        for section in sections:
            for s in section.walk():
                click.echo(f"{'  ' * (s.level - 1)}{s.address}  {s.title}")
                for t in tables.get(s.address, []):
                    click.echo(f"{'  ' * s.level}{_table_line(t)}")

    show(tree.sections)
    if tree.closing is not None:
        click.echo(f"[closing] {tree.closing.title}")
    for d in tree.documents:
        title = f" {d.title.title}" if d.title is not None else ""
        click.echo(f"== {d.name}:{title}")
        for t in tables.get(d.name, []):
            click.echo(f"  {_table_line(t)}")
        show(d.sections)
    for w in tree.warnings:
        click.echo(f"warning: {w}", err=True)


def _table_line(t) -> str:
    """'[bảng 2] Biểu số 02: ... | STT | Đơn vị | ...' for ``redline outline``."""
    caption = f" {t.caption}" if t.caption else ""
    return f"[bảng {t.number}]{caption} | " + " | ".join(t.header) + f"  ({t.rows} rows)"


@main.command("resolve")
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("reference")
@guarded
def resolve_cmd(draft: Path, reference: str) -> None:
    """Print the address REFERENCE resolves to in DRAFT."""
    section = redline.resolve(draft, reference)
    click.echo(f"{section.address}\t{section.title}")


@main.command("apply")
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output .docx (default: <draft>.redline.docx beside the draft).")
@click.option("--summary", "summary_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the summary to FILE instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default="text")
@click.option("--author", help="Revision author (overrides the edits file).")
@click.option("--date", help="Revision date, ISO 8601 (overrides the edits file).")
@click.option("--dry-run", is_flag=True, help="Plan and summarise; write nothing.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@guarded
def apply_cmd(draft, sources, output, summary_file, fmt, author, date, dry_run, force) -> None:
    """Apply EDITS files and/or comment LETTERS (.json, .txt, .docx, .pdf) to DRAFT."""
    result = redline.apply(draft, list(sources), output, author=author, date=date, dry_run=dry_run,
                           force=force, progress=sys.stderr.isatty())
    text = result.render(fmt)
    if summary_file:
        from redline.package import write_text_atomic

        write_text_atomic(summary_file, text)
    else:
        click.echo(text)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    if not dry_run:
        click.echo(f"wrote {result.output}", err=True)


@main.command("check")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--original", type=click.Path(dir_okay=False, path_type=Path),
              help="The draft PATH was made from: rejecting redline's revisions must give it back.")
@click.option("--expected", help="Text file with the expected accepted text.")
@guarded
def check_cmd(path: Path, original: Path | None, expected: str | None) -> None:
    """Lint a redlined .docx; exit 0 when clean, 1 with a list of findings."""
    expected_text = Path(expected).read_text("utf-8") if expected else None
    findings = redline.check(path, original=original, expected=expected_text)
    for f in findings:
        click.echo(str(f))
    if findings:
        click.echo(f"{len(findings)} finding(s)", err=True)
        sys.exit(EXIT_FINDINGS)
    click.echo("ok")


def _accept_reject(name: str, fn):
    @main.command(name)
    @click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--author", help="Only revisions by this author.")
    @click.option("--force", is_flag=True, help="Replace an existing output file.")
    @guarded
    def command(path: Path, output: Path, author: str | None, force: bool) -> None:
        fn(path, output, author=author, force=force)
        click.echo(f"wrote {output}", err=True)

    command.__doc__ = f"Write a copy of PATH with all revisions (or one author's) {name}ed."
    return command


_accept_reject("accept", redline.accept)
_accept_reject("reject", redline.reject)


@main.command("extract")
@click.argument("letter", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--draft", type=click.Path(dir_okay=False, path_type=Path),
              help="Resolve every target against this draft.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the edits file here (default: stdout).")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@guarded
def extract_cmd(letter: Path, draft: Path | None, output: Path | None, force: bool) -> None:
    """Turn a comment LETTER (.txt, .docx, .pdf) into an edits file."""
    edits = redline.extract(letter, draft=draft)
    text = json.dumps(edits, ensure_ascii=False, indent=2) + "\n"
    if output:
        from redline.package import write_text_atomic

        write_text_atomic(output, text, force=force)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this computer's own (127.0.0.1) lets others reach it.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="The page's language.")
@click.option("--max-upload-mb", type=click.FloatRange(min=1), default=100, show_default=True,
              help="Largest upload (all the files sent at once), in MB.")
@guarded
def serve_cmd(port: int, host: str, open_browser: bool, lang: str, max_upload_mb: float) -> None:
    """Start the review page: check and correct every instruction before the redline is written."""
    try:
        from redline.web import serve
    except ImportError as exc:
        click.echo(f"redline: error: the review page needs its web extra ({exc.name} is missing): "
                   "pip install 'redline[web]'", err=True)
        sys.exit(redline.EXIT_BAD_INPUT)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"redline: warning: listening on {host}: other computers that reach this address can open "
                   "the page and the files uploaded to it", err=True)
    try:
        serve(host=host, port=port, open_browser=open_browser, lang=lang, max_upload_mb=max_upload_mb,
              echo=lambda line: click.echo(line, err=True))
    except OSError as exc:
        click.echo(f"redline: error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(redline.EXIT_BAD_INPUT)


if __name__ == "__main__":
    main()
