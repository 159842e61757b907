"""The risk matcher: every group in force for a project, indexed once, scanning a message
in a few passes over it whatever the number of entries.

- Keywords are folded (see tgdesk.risk.normalize) and indexed by their first characters;
  a scan intersects the index with the set of the text's substrings of that length (both
  sides in C) and checks entries only where such a prefix occurs.
- Address-like keywords (letters and digits only, at least ADDRESS_LIKE_MIN long, and a
  digit or a capital after the first character, as address fragments have) are looked
  for in the folded text with its separators removed: `T9yD` matches `t 9-y.D`. A plain
  word is not address-like: across word gaps `scam` would match `is cam`.
- Detectors find valid addresses by checksum (tgdesk.risk.detectors).
- A group's allowed addresses never trigger it: a hit inside one of them is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from tgdesk.risk import detectors, normalize

KEYWORD = "keyword"
KINDS = (KEYWORD, *detectors.KINDS)
ACTIONS = ("confirm", "block")
ADDRESS_LIKE_MIN = 4

Action = Literal["confirm", "block"]
_GAP = normalize.SEPARATOR + "*"
_ADDRESS_LIKE = re.compile(r"[0-9A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Entry:
    value: str
    kind: str = KEYWORD

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown entry kind {self.kind!r}; one of {', '.join(KINDS)}")
        if self.kind == KEYWORD and not normalize.fold(self.value)[0].strip():
            raise ValueError("a keyword entry cannot be empty or invisible")


@dataclass(frozen=True, slots=True)
class Group:
    group_id: str
    name: str
    action: Action
    entries: Sequence[Entry]
    allowed: Sequence[str] = field(default_factory=list)
    project_ids: Sequence[str] | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}; one of {', '.join(ACTIONS)}")

    def applies_to(self, project_id: str) -> bool:
        return self.project_ids is None or project_id in self.project_ids


@dataclass(frozen=True, slots=True)
class Match:
    """One entry of one group found in a text; [start, end) index the original text."""

    group_id: str
    group_name: str
    action: Action
    entry: str
    kind: str
    start: int
    end: int
    matched: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "group_id": self.group_id,
            "group_name": self.group_name,
            "action": self.action,
            "entry": self.entry,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "matched": self.matched,
        }


def is_address_like(value: str) -> bool:
    """Whether a keyword also matches with separators inserted between its characters."""
    text = value.strip()
    return (
        len(text) >= ADDRESS_LIKE_MIN
        and _ADDRESS_LIKE.fullmatch(text) is not None
        and (any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:]))
    )


# (group index, entry value) for every entry behind one folded key or detector
_Owners = list[tuple[int, str]]
# (group index, entry value, kind, start, end): one entry found at one span
_Hit = tuple[int, str, str, int, int]


def _trie_regex(keys: Iterable[str], gap: str) -> re.Pattern[str] | None:
    """A regex matching, at any position, the longest of `keys` that starts there, with
    `gap` allowed between consecutive characters (for the few allowed addresses)."""
    root: dict[str, dict] = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}  # an entry ends here

    def continuation(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + continuation(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = gap + (branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})")
        return f"(?:{body})?" if "" in node else body

    top = [re.escape(c) + continuation(child) for c, child in sorted(root.items())]
    return re.compile("|".join(top)) if top else None


class _Grams:
    """The set of a text's substrings of each length, built in C and once per scan."""

    __slots__ = ("_text", "_sets")

    def __init__(self, text: str) -> None:
        self._text = text
        self._sets: dict[int, set[str]] = {}

    def __call__(self, size: int) -> set[str]:
        found = self._sets.get(size)
        if found is None:
            shifted = [self._text[i:] for i in range(size)]  # zip stops at the shortest
            found = self._sets[size] = set(map("".join, zip(*shifted, strict=False)))
        return found


def _occurrences(text: str, key: str) -> Iterator[int]:
    at = text.find(key)
    while at >= 0:
        yield at
        at = text.find(key, at + 1)


class _Keywords:
    """Keys indexed by their first PREFIX characters. A scan intersects the index with the
    set of the text's substrings of that length and looks only where such a prefix occurs,
    so its cost hardly depends on the number of keys."""

    PREFIX = 4

    __slots__ = ("_owners", "_by_prefix", "_short")

    def __init__(self, owners: dict[str, _Owners]) -> None:
        self._owners = owners
        self._by_prefix: dict[str, list[str]] = {}
        self._short: dict[int, set[str]] = {}  # keys shorter than PREFIX, by length
        for key in owners:
            if len(key) < self.PREFIX:
                self._short.setdefault(len(key), set()).add(key)
            else:
                self._by_prefix.setdefault(key[: self.PREFIX], []).append(key)

    def find(self, text: str, grams: _Grams) -> Iterator[tuple[int, int, _Owners]]:
        """(start, end, owners) for every key at every position of `text`. `grams` may come
        from a text with more substrings than `text` has (its separators removed)."""
        for size, keys in self._short.items():
            for key in grams(size) & keys:
                for at in _occurrences(text, key):
                    yield at, at + size, self._owners[key]
        for prefix in grams(self.PREFIX) & self._by_prefix.keys():
            for at in _occurrences(text, prefix):
                for key in self._by_prefix[prefix]:
                    if text.startswith(key, at):
                        yield at, at + len(key), self._owners[key]


class Matcher:
    """Every group in force, compiled for scanning. Immutable once built."""

    __slots__ = (
        "_groups",
        "_joined",
        "_spaced",
        "_tolerant",
        "_scanner",
        "_detector_owners",
        "_allowed",
    )
    _groups: tuple[Group, ...]
    _joined: _Keywords | None
    _spaced: _Keywords | None
    _tolerant: _Keywords | None
    _scanner: detectors.Scanner | None
    _detector_owners: dict[str, _Owners]
    _allowed: dict[int, re.Pattern[str]]

    def __init__(self) -> None:
        raise TypeError("use Matcher.build(groups)")

    @classmethod
    def build(cls, groups: Sequence[Group]) -> Matcher:
        joined: dict[str, _Owners] = {}  # plain keywords starting without a separator
        spaced: dict[str, _Owners] = {}
        tolerant: dict[str, _Owners] = {}
        detector_owners: dict[str, _Owners] = {}
        for index, group in enumerate(groups):
            for entry in group.entries:
                owner = (index, entry.value)
                if entry.kind != KEYWORD:
                    detector_owners.setdefault(entry.kind, []).append(owner)
                elif is_address_like(entry.value):
                    tolerant.setdefault(normalize.fold(entry.value)[0].strip(), []).append(owner)
                else:
                    key = normalize.fold(entry.value)[0].strip()
                    start = key[: _Keywords.PREFIX]
                    plain = joined if normalize.strip_separators(start) == start else spaced
                    plain.setdefault(key, []).append(owner)
        self = object.__new__(cls)
        self._groups = tuple(groups)
        self._joined = _Keywords(joined) if joined else None
        self._spaced = _Keywords(spaced) if spaced else None
        self._tolerant = _Keywords(tolerant) if tolerant else None
        self._scanner = detectors.Scanner(detector_owners) if detector_owners else None
        self._detector_owners = detector_owners
        allowed = {
            index: _trie_regex({_allowed_key(a) for a in group.allowed} - {""}, _GAP)
            for index, group in enumerate(groups)
        }
        self._allowed = {index: regex for index, regex in allowed.items() if regex}
        return self

    def scan(self, text: str) -> list[Match]:
        """Every entry of every group found in `text`, in order of position."""
        hits: dict[_Hit, None] = {}
        (cased, cased_positions), (folded, positions) = normalize.fold_both(text)
        if self._joined or self._spaced or self._tolerant:
            compact = normalize.Compact(folded, positions)
            # A keyword without separators is in the folded text only where it is in the
            # compact one: the compact text's substrings serve both.
            compact_grams = _Grams(compact.text)
            keywords: list[tuple[_Keywords | None, str, _Grams, Callable[[int], int]]] = [
                (self._joined, folded, compact_grams, positions.__getitem__),
                (self._spaced, folded, _Grams(folded), positions.__getitem__),
                (self._tolerant, compact.text, compact_grams, compact.origin),
            ]
            for keyword_index, source, grams, origin in keywords:
                if keyword_index is None:
                    continue
                for start, end, owners in keyword_index.find(source, grams):
                    span = origin(start), normalize.span_end(text, origin(end - 1))
                    hits.update(((i, value, KEYWORD, *span), None) for i, value in owners)
        if self._scanner:
            for found in self._scanner.find(cased):
                last = cased_positions[found.end - 1]
                span = cased_positions[found.start], normalize.span_end(text, last)
                owners = self._detector_owners[found.kind]
                hits.update(((index, value, found.kind, *span), None) for index, value in owners)
        if hits and self._allowed:
            hits = self._without_allowed(text, folded, positions, hits)
        matches = [
            Match(
                group_id=self._groups[index].group_id,
                group_name=self._groups[index].name,
                action=self._groups[index].action,
                entry=value,
                kind=kind,
                start=start,
                end=end,
                matched=text[start:end],
            )
            for index, value, kind, start, end in hits
        ]
        matches.sort(key=lambda m: (m.start, m.end, m.group_id, m.entry))
        return matches

    def _without_allowed(
        self, text: str, folded: str, positions: list[int], hits: dict[_Hit, None]
    ) -> dict[_Hit, None]:
        spans: dict[int, list[tuple[int, int]]] = {}
        for index in {hit[0] for hit in hits} & self._allowed.keys():
            regex, found, pos = self._allowed[index], [], 0
            while (hit := regex.search(folded, pos)) is not None:
                end = normalize.span_end(text, positions[hit.end() - 1])
                found.append((positions[hit.start()], end))
                pos = hit.start() + 1
            spans[index] = found
        return {
            hit: None
            for hit in hits
            if not any(s <= hit[3] and hit[4] <= e for s, e in spans.get(hit[0], ()))
        }


def _allowed_key(address: str) -> str:
    return normalize.strip_separators(normalize.fold(address)[0])


_CACHE: dict[str, tuple[str, Matcher]] = {}


def cached(project_id: str, version: str, load: Callable[[], list[Group]]) -> Matcher:
    """The project's matcher, rebuilt (from the groups `load` returns that apply to the
    project) only when `version`, the groups' last change, differs from the cached one."""
    hit = _CACHE.get(project_id)
    if hit is not None and hit[0] == version:
        return hit[1]
    matcher = Matcher.build([g for g in load() if g.applies_to(project_id)])
    _CACHE[project_id] = (version, matcher)
    return matcher


def clear_cache() -> None:
    _CACHE.clear()
