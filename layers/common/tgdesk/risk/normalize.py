"""Text folding for risk matching, with a map from every folded character back to the
original text so a match can be highlighted where the user sees it.

Folding undoes the tricks used to slip past a filter: Unicode compatibility forms
(full-width letters and digits, ligatures, circled digits) through NFKC, case through
case-folding, and invisible characters (zero-width spaces and joiners, soft hyphens,
variation selectors) by removing them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

# Default-ignorable code points outside category Cf (which is removed whole): the combining
# grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and generic variation
# selectors.
_IGNORABLE = frozenset(
    [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0]
    + list(range(0x180B, 0x1810))
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0100, 0xE01F0))
)

# What may be inserted inside an address: anything but a letter or a digit.
SEPARATOR = r"[\W_]"
_SEPARATORS = re.compile(SEPARATOR + "+")
_NOT_ONE = re.compile("[^\x01]")


def _visible(chars: str) -> str:
    return "".join(c for c in chars if ord(c) not in _IGNORABLE and unicodedata.category(c) != "Cf")


def _fold_chars(chars: str, casefold: bool) -> str:
    out = unicodedata.normalize("NFKC", chars)
    if casefold:
        out = unicodedata.normalize("NFKC", out.casefold())
    return _visible(out)


class _Table(dict[int, str]):
    """code point -> its folded form, for str.translate; filled on first sight of a character."""

    def __init__(self, casefold: bool) -> None:
        super().__init__()
        self.casefold = casefold

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_chars(chr(code), self.casefold)
        return value


class _Lengths(dict[int, str]):
    """code point -> chr(length of its folded form): one translate yields every length."""

    def __init__(self, table: _Table) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, code: int) -> str:
        value = self[code] = chr(len(self.table[code]))
        return value


_FOLDED = _Table(casefold=True)
_CASED = _Table(casefold=False)
_LENGTHS = {True: _Lengths(_FOLDED), False: _Lengths(_CASED)}


def _fold(text: str, casefold: bool) -> tuple[str, list[int]]:
    if text.isascii():  # NFKC leaves ASCII alone and it has no invisible characters
        return (text.lower() if casefold else text), list(range(len(text)))
    table = _FOLDED if casefold else _CASED
    folded = text.translate(table)
    # Character by character is exact unless a combining mark composes with its base
    # (e + U+0301 -> é): then the clusters are folded whole.
    if not unicodedata.is_normalized("NFKC", folded):
        return _fold_clusters(text, casefold)
    lengths = text.translate(_LENGTHS[casefold])
    positions: list[int] = []
    done = 0
    for odd in _NOT_ONE.finditer(lengths):  # the few characters not folded one to one
        at = odd.start()
        positions.extend(range(done, at))
        positions.extend([at] * ord(odd.group()))
        done = at + 1
    positions.extend(range(done, len(text)))
    return folded, positions


def _fold_clusters(text: str, casefold: bool) -> tuple[str, list[int]]:
    pieces: list[str] = []
    positions: list[int] = []
    start, size = 0, len(text)
    while start < size:
        end = start + 1
        while end < size and unicodedata.combining(text[end]):
            end += 1
        piece = _fold_chars(text[start:end], casefold)
        pieces.append(piece)
        positions.extend([start] * len(piece))
        start = end
    return "".join(pieces), positions


def fold(text: str) -> tuple[str, list[int]]:
    """`text` folded for matching (NFKC, case-folded, invisible characters removed) and, for
    each folded character, the index in `text` of the character it comes from."""
    return _fold(text, casefold=True)


def fold_cased(text: str) -> tuple[str, list[int]]:
    """Like `fold` but keeping case, which base58 addresses and EIP-55 checksums carry."""
    return _fold(text, casefold=False)


def fold_both(text: str) -> tuple[tuple[str, list[int]], tuple[str, list[int]]]:
    """(`fold_cased(text)`, `fold(text)`), folding once when the result is ASCII."""
    cased = fold_cased(text)
    if cased[0].isascii():  # case-folding ASCII is lowering it, one to one
        return cased, (cased[0].lower(), cased[1])
    return cased, fold(text)


def strip_separators(text: str) -> str:
    """`text` without anything that may be inserted inside an address (see SEPARATOR)."""
    return _SEPARATORS.sub("", text)


class _Kept(dict[int, str]):
    """code point -> "\x01" when it is a letter or digit (kept in a Compact), else "\x00"."""

    def __missing__(self, code: int) -> str:
        value = self[code] = "\x01" if chr(code).isalnum() else "\x00"
        return value


_KEPT = _Kept()


class Compact:
    """A folded text without separators, for address-like keywords: `text`, and `origin(i)`,
    the index in the original text of `text[i]` (the map is built on first use only)."""

    __slots__ = ("text", "_folded", "_positions", "_origins")

    def __init__(self, folded: str, positions: list[int]) -> None:
        self.text = strip_separators(folded)
        self._folded = folded
        self._positions = positions
        self._origins: list[int] | None = None

    def origin(self, index: int) -> int:
        if self._origins is None:
            kept = self._folded.translate(_KEPT).encode("ascii")
            self._origins = list(itertools.compress(self._positions, kept))
        return self._origins[index]


def span_end(text: str, origin: int) -> int:
    """The end (exclusive) in `text` of a match whose last folded character comes from
    `text[origin]`: past that character and the combining marks that belong to it."""
    end = origin + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end
