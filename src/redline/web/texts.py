"""Every text the review page shows, through the project's message catalogue (English here,
Vietnamese in ``redline/messages/web.py``).

``PAGE`` holds the texts the template and the page's script use by name; a text with a
``{placeholder}`` the script fills is given the placeholder itself as its parameter, so both
languages keep it for the script.
"""
from __future__ import annotations

from ..messages import msg

PAGE = {
    "title": msg('redline: review the letters before the redline'),
    "skip_link": msg('Skip to the instructions'),
    "lang_switch": msg('Tiếng Việt'),
    "files": msg('1. Draft and letters'),
    "draft_label": msg('Draft (.docx)'),
    "letters_label": msg('Letters (.docx, .txt, .pdf) or edits files (.json), any number'),
    "open": msg('Open'),
    "letters": msg('2. Letters'),
    "no_letters": msg('No letters yet.'),
    "instructions": msg('3. Instructions'),
    "choose_letter": msg('Choose a letter on the left to check its instructions.'),
    "outline": msg('Outline of the draft'),
    "outline_search": msg('Find a section (number or heading words)'),
    "create": msg('Create redline'),
    "creating": msg('Creating the redline…'),
    "downloads": msg('Downloads'),
    "docx": msg('Redline (.docx, tracked changes)'),
    "summary_html": msg('Summary (HTML)'),
    "summary_text": msg('Summary (text)'),
    "edits_file": msg('Corrected edits file'),
    "command": msg('The same on the command line:'),
    "end": msg('End session'),
    "ended": msg('Session ended: its files are deleted. Reload the page to start again.'),
    "working": msg('Working…'),
    "loading": msg('Reading the files…'),
    "sender": msg('Sender'),
    "number": msg('Number'),
    "date": msg('Date'),
    "set_sender": msg('Save sender'),
    "letter_words": msg("The letter's words"),
    "no_quote": msg('(no words from a letter: an edits file)'),
    "target": msg('Place'),
    "reason": msg('Why'),
    "candidates": msg('Candidate sections'),
    "use": msg('Use {address}', address="{address}"),
    "conflict_with": msg('Conflicts with {other}', other="{other}"),
    "change_target": msg('Change section…'),
    "pick_section": msg('Pick a section'),
    "to_comment": msg('Make it a comment'),
    "to_change": msg('Make it a tracked change'),
    "edit_text": msg('Edit new text'),
    "new_text": msg('New text (one paragraph a line)'),
    "save": msg('Save'),
    "cancel": msg('Cancel'),
    "skip": msg('Skip'),
    "include": msg('Take it back'),
    "reset": msg('Undo corrections'),
    "corrected": msg('corrected'),
    "more": msg('Show more'),
    "more_lines": msg('… and {count} more paragraph(s) changed the same way', count="{count}"),
    "previous": msg('Previous'),
    "next": msg('Next'),
    "page_of": msg('Instructions {first}–{last} of {total}', first="{first}", last="{last}", total="{total}"),
    "close": msg('Close'),
    "search": msg('Search'),
    "no_match": msg('No section matches.'),
    "expand": msg('Show subsections of {address}', address="{address}"),
    "collapse": msg('Hide subsections of {address}', address="{address}"),
    "state_apply": msg('Will apply'),
    "state_comment": msg('Comment'),
    "state_unresolved": msg('Unresolved'),
    "state_ignored": msg('Ignored (no change asked)'),
    "state_conflict": msg('Conflict'),
    "state_skipped": msg('Skipped'),
    "problems": msg('Before the redline can be made:'),
    "ready": msg('Ready: {apply} tracked change(s), {comment} comment(s), {unresolved} unresolved, {conflict} conflict(s).', apply="{apply}", comment="{comment}", unresolved="{unresolved}", conflict="{conflict}"),
    "too_big": msg('{name} is {size} MB, over the upload limit of {limit} MB (redline serve --max-upload-mb).', name="{name}", size="{size}", limit="{limit}"),
    "need_draft": msg('Choose the draft (.docx) first.'),
    "error_prefix": msg('Error'),
    "network": msg('The page could not reach redline (is `redline serve` still running?).'),
    "privacy": msg('Everything stays on this computer; files are deleted when the session ends.'),
}


def page_texts(lang: str) -> dict[str, str]:
    """The page's texts by name, in ``lang``."""
    return {key: message.render(lang) for key, message in PAGE.items()}
