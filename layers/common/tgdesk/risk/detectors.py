"""Wallet-address detectors: one regex finds candidates (separators allowed between the
characters of an address), and a checksum confirms each one.

- trc20: base58check, 25 bytes, version 0x41 (always 34 characters starting with `T`).
- erc20: `0x` and 40 hex digits; mixed case must carry a valid EIP-55 checksum, and the
  digits must not run on into more hex (a transaction hash is not an address).
- btc: legacy P2PKH (version 0x00, `1...`) and P2SH (0x05, `3...`) base58check, and
  segwit `bc1...` in bech32 (witness v0, BIP-173) or bech32m (v1 and later, BIP-350).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterator
from typing import NamedTuple

from tgdesk.risk.keccak import keccak256
from tgdesk.risk.normalize import SEPARATOR

TRC20, ERC20, BTC = "trc20", "erc20", "btc"
KINDS = (TRC20, ERC20, BTC)

BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BASE58_VALUE = {c: i for i, c in enumerate(BASE58)}
_BECH32_VALUE = {c: i for i, c in enumerate(BECH32)}
_BECH32_CONST = {1: "bech32", 0x2BC830A3: "bech32m"}
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_HEX = "0-9a-fA-F"

_GAP = SEPARATOR + "*"


def _spread(first: str, chars: str, count: str) -> str:
    """`first`, then `count` characters from class `chars`, separators allowed before each."""
    return f"{first}(?:{_GAP}[{chars}]){{{count}}}"


_BECH32_CHARS = BECH32 + BECH32.upper()
# Every alternative starts with a literal, so the regex engine skips ahead on its first
# characters instead of trying each position.
_CANDIDATES = {
    TRC20: [_spread("T", BASE58, "33")],
    BTC: [
        _spread("1", BASE58, "24,34"),
        _spread("3", BASE58, "24,34"),
        *(_spread(f"{b}{_GAP}{c}{_GAP}1", _BECH32_CHARS, "11,71") for b, c in ("bc", "BC")),
    ],
    ERC20: [_spread(f"0{_GAP}[xX]", _HEX, "40") + f"(?![{_HEX}])"],
}


class Found(NamedTuple):
    """A valid address in the scanned text: [start, end) and the address itself."""

    kind: str
    start: int
    end: int
    address: str


# -- base58check ----------------------------------------------------------------------------
def _sha256d(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def _base58check_prefixes(chars: str, lengths: Collection[int]) -> Iterator[tuple[int, bytes]]:
    """(length, 21-byte payload) for each prefix of `chars` whose length is in `lengths` and
    that decodes to 25 bytes with a valid checksum. One pass: the value grows a digit at a
    time and only a prefix of the right magnitude gets hashed."""
    zeros = len(chars) - len(chars.lstrip("1"))  # each leading "1" is a zero byte
    if zeros > 24:
        return
    low, high = 1 << 8 * (24 - zeros), 1 << 8 * (25 - zeros)
    value = 0
    for length, char in enumerate(chars, 1):
        value = value * 58 + _BASE58_VALUE[char]
        if length in lengths and low <= value < high:
            data = bytes(zeros) + value.to_bytes(25 - zeros, "big")
            if _sha256d(data[:21])[:4] == data[21:]:
                yield length, data[:21]


def _base58_version(chars: str, lengths: Collection[int], versions: bytes) -> int | None:
    """The length of the longest valid base58check prefix with one of `versions`."""
    best = None
    for length, payload in _base58check_prefixes(chars, lengths):
        if payload[0] in versions:
            best = length
    return best


_TRC20_LENGTHS = frozenset([34])
_LEGACY_LENGTHS = frozenset(range(25, 36))


# -- bech32 / bech32m ----------------------------------------------------------------------
def _polymod_step(checksum: int, value: int) -> int:
    top = checksum >> 25
    checksum = (checksum & 0x1FFFFFF) << 5 ^ value
    for i, generator in enumerate(_BECH32_GENERATOR):
        if top >> i & 1:
            checksum ^= generator
    return checksum


def _hrp_state(hrp: str) -> int:
    state = 1
    for value in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]:
        state = _polymod_step(state, value)
    return state


_BC_STATE = _hrp_state("bc")


def _witness_program(data: list[int]) -> bytes | None:
    """5-bit groups -> bytes, refusing the padding BIP-173 forbids."""
    acc = bits = 0
    out = bytearray()
    for value in data:
        acc = acc << 5 | value
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append(acc >> bits & 0xFF)
    if bits >= 5 or acc & ((1 << bits) - 1):
        return None
    return bytes(out)


def _segwit_valid(data: list[int], encoding: str) -> bool:
    version = data[0]
    program = _witness_program(data[1:])
    if version > 16 or program is None or not 2 <= len(program) <= 40:
        return False
    if version == 0:
        return encoding == "bech32" and len(program) in (20, 32)
    return encoding == "bech32m"


def _bech32_length(chars: str) -> int | None:
    """The length of the longest valid segwit address (hrp `bc`) that `chars` starts with."""
    tail = chars[3:]
    lower = tail.lower()
    # one case throughout: the part in the other case cannot belong to the address
    same_case = len(tail) if tail.islower() or tail.isupper() else _case_run(chars[:3], tail)
    state, data, best = _BC_STATE, [], None
    for i in range(same_case):
        value = _BECH32_VALUE[lower[i]]
        state = _polymod_step(state, value)
        data.append(value)
        encoding = _BECH32_CONST.get(state)
        if encoding and len(data) > 6 and _segwit_valid(data[:-6], encoding):
            best = 3 + len(data)
    return best


def _case_run(prefix: str, tail: str) -> int:
    upper = prefix.isupper()
    for i, c in enumerate(tail):
        if c.isalpha() and c.isupper() != upper:
            return i
    return len(tail)


# -- EVM (EIP-55) ---------------------------------------------------------------------------
def _eip55_valid(digits: str) -> bool:
    if digits == digits.lower() or digits == digits.upper():
        return True  # no checksum to verify
    hashed = keccak256(digits.lower().encode("ascii")).hex()
    return all(
        not c.isalpha() or c.isupper() == (int(h, 16) >= 8)
        for c, h in zip(digits, hashed[:40], strict=True)
    )


# -- the public checks ----------------------------------------------------------------------
def _address_length(chars: str) -> tuple[str, int] | None:
    """(kind, length) of the valid address `chars` starts with (separators already out)."""
    first = chars[:1]
    if first == "T":
        length = _base58_version(chars, _TRC20_LENGTHS, b"\x41")
        return (TRC20, length) if length else None
    if first in ("1", "3"):
        length = _base58_version(chars, _LEGACY_LENGTHS, b"\x00\x05")
        return (BTC, length) if length else None
    if first == "0":
        return (ERC20, 42) if _eip55_valid(chars[2:42]) else None
    length = _bech32_length(chars)
    return (BTC, length) if length else None


def is_valid(kind: str, address: str) -> bool:
    """Whether `address` (exactly, no separators) is a valid address of detector `kind`."""
    if kind not in KINDS:
        raise ValueError(f"unknown detector {kind!r}")
    if not re.fullmatch("|".join(_CANDIDATES[kind]), address):
        return False
    found = _address_length(address)
    return found is not None and found == (kind, len(address))


class Scanner:
    """Finds the valid addresses of the chosen detectors in a case-preserving folded text."""

    __slots__ = ("_search",)

    def __init__(self, kinds: Collection[str]) -> None:
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown detector(s) {sorted(unknown)}")
        alternatives = [p for kind in KINDS if kind in kinds for p in _CANDIDATES[kind]]
        self._search: Callable[[str, int], re.Match[str] | None] | None = (
            re.compile("|".join(alternatives)).search if alternatives else None
        )

    def find(self, text: str) -> Iterator[Found]:
        if self._search is None:
            return
        pos = 0
        while (candidate := self._search(text, pos)) is not None:
            raw = candidate.group()
            offsets = [i for i, c in enumerate(raw) if c.isalnum()]
            chars = "".join(raw[i] for i in offsets)
            found = _address_length(chars)
            if found is None:
                pos = candidate.start() + 1
                continue
            kind, length = found
            start = candidate.start()
            end = start + offsets[length - 1] + 1
            yield Found(kind, start, end, chars[:length])
            pos = end
