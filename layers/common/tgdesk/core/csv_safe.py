"""CSV that a spreadsheet opens as text: every export of tgdesk writes its cells with `cell`.

A cell starting with `=`, `+`, `-` or `@` (or a tab or a carriage return before one) is
run as a formula by Excel, LibreOffice and Google Sheets: text from a Telegram user or an
agent could then call out or run commands on the reader's machine (OWASP, "CSV
Injection"). Such a cell goes out with a leading single quote, which spreadsheets show as
text. A text that already starts with quotes before one of those characters gets one more,
so that `uncell` (used when a CSV of ours is imported back) restores exactly what was
exported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")
LINE_END = "\r\n"
# Spreadsheet programs read a CSV file as UTF-8 (Chinese and Cyrillic names intact) only
# when it starts with a byte order mark.
BOM = "\ufeff"


def cell(value: Any) -> str:
    """The value as a CSV cell that no spreadsheet runs (None: an empty cell)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) or _ESCAPED.match(text):
        return "'" + text
    return text


def uncell(text: str) -> str:
    """The text `cell` was given, from a cell it wrote (other text is returned as it is)."""
    return text[1:] if _ESCAPED.match(text) else text


def document(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A whole CSV document, header first, every cell through `cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(cell(v) for v in header)
    writer.writerows((cell(v) for v in row) for row in rows)
    return out.getvalue()


def spreadsheet(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A CSV document for a file download: `document`, after a BOM."""
    return BOM + document(header, rows)
