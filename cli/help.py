"""``--help`` in the reader's language: click classes whose help texts are catalogue messages.

Every help text (a command's description, an option's help, the headings) is a ``msg()``
from ``redline.messages``, so it has its Vietnamese text beside the English one and
``tests/test_messages.py`` keeps the two in step.  Click shows the help from an eager
``--help`` callback, before ``--lang`` is parsed and with no draft read, so the language is
taken from the raw arguments: ``--lang`` anywhere before ``--`` (``redline --lang vi apply
--help``, ``redline apply --help --lang vi``), else REDLINE_LANG, else the locale, else
English.  Click's own parse errors ("No such option", "Missing argument") stay English.
"""
from __future__ import annotations

import os

import click

from redline.messages import environment_language, language, msg, normalize_language, render

_ASKED = "redline.help_lang"  # ctx.meta key (meta is shared by a context and its children)


def _short(text: str, limit: int) -> str:
    """The command list's one line: the first sentence, cut at a word with "..." when longer than
    ``limit`` (as click's make_default_short_help does; that one is deprecated since click 8.2)."""
    words = []
    for w in text.split():
        words.append(w)
        if w.endswith("."):
            break
    line = " ".join(words)
    if len(line) <= limit:
        return line
    cut: list[str] = []
    for w in words:
        if len(" ".join(cut + [w])) + 3 > limit:
            break
        cut.append(w)
    return " ".join(cut) + "..."


def _asked_language(args: list[str]) -> str | None:
    """The last valid ``--lang X`` / ``--lang=X`` among the raw arguments, or None."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        try:
            found = normalize_language(value) or found
        except ValueError:
            pass  # click reports the bad value when it parses the option
    return found


def help_language(ctx: click.Context) -> str:
    """--lang (raw, or as parsed by the group), else REDLINE_LANG, else the locale, else en."""
    for candidate in (ctx.meta.get(_ASKED), ctx.find_root().params.get("lang"), os.environ.get("REDLINE_LANG")):
        try:
            code = normalize_language(candidate or None)
        except ValueError:
            continue
        if code:
            return code
    return environment_language() or "en"


class _CatalogueHelp:
    """Renders ``help`` (a message) and click's headings in the language the user asked for."""

    help: object

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        asked = _asked_language(args)
        if asked:
            ctx.meta[_ASKED] = asked
        return super().parse_args(ctx, args)

    def get_help(self, ctx: click.Context) -> str:
        with language(help_language(ctx)):
            return super().get_help(ctx)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = msg("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short(render(self.help), limit)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix=render(msg("Usage:")) + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = render(self.help)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(record[0], render(record[1])) for param in self.get_params(ctx)
                if (record := param.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section(render(msg("Options"))):
                formatter.write_dl(rows)


class Command(_CatalogueHelp, click.Command):
    """A command whose ``help`` is a catalogue message."""


class Group(_CatalogueHelp, click.Group):
    """The ``redline`` group: its commands are ``Command``s, its help is a catalogue message."""

    command_class = Command

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, cmd) for name in self.list_commands(ctx)
                    if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section(render(msg("Commands"))):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in commands])


class Option(click.Option):
    """An option whose ``help`` is a catalogue message, worded when the help is shown.

    Defaults and "required" belong in the message itself (click would add them in English)."""

    def __init__(self, *param_decls, help=None, **attrs):
        super().__init__(*param_decls, **attrs)
        self.help = help  # click would cleandoc() a str at once; a message is rendered later

    def get_help_extra(self, ctx: click.Context):
        extra = super().get_help_extra(ctx)
        extra.pop("required", None)
        extra.pop("default", None)
        return extra


def option(*param_decls, **attrs):
    """``click.option`` with a catalogue message as help."""
    return click.option(*param_decls, cls=Option, **attrs)
