"""(e) The risk matcher on the send path: 10,000 entries in force (keywords, address
fragments and the three address detectors), a 4,096-character message, against the naive
approach (a substring search or a regex per entry over the folded text) in the same run.

Both find the same matches (checked); the budget is the matcher's time as a share of the
naive one's, a ratio of two timings taken side by side, so a busy machine slows both alike:
at most 5% (a speed-up of at least 20x).
"""

from __future__ import annotations

import random
import re
import string
import time
from collections.abc import Callable

from bench.harness import Budget, heading, median
from tgdesk.risk import detectors, matcher, normalize

ENTRIES = 10_000
MESSAGE_LENGTH = 4_096
MIN_SPEEDUP = 20
SEED = 5

# Real addresses, planted in the message with the evasions the matcher must see through.
TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"

Hit = tuple[str, str, str, int, int]  # group, entry, kind, start, end


def groups(rng: random.Random) -> list[matcher.Group]:
    """Three groups, 10,000 entries between them: address fragments and the detectors,
    competitor links, abusive words."""
    detector_entries = [matcher.Entry(kind, kind) for kind in detectors.KINDS]
    fragments = _unique(rng, 4_000, detectors.BASE58, 6, 12)
    words = _unique(rng, ENTRIES - len(fragments) - len(detector_entries), _LOWER, 5, 10)
    links, abuse = words[:3_000], words[3_000:]
    return [
        matcher.Group(
            "g-wallets",
            "Wallet address monitoring",
            "block",
            [matcher.Entry(f) for f in fragments] + detector_entries,
        ),
        matcher.Group(
            "g-links", "Competitor links", "confirm", [matcher.Entry(f"{w}.example") for w in links]
        ),
        matcher.Group("g-abuse", "Abuse", "confirm", [matcher.Entry(w) for w in abuse]),
    ]


_LOWER = string.ascii_lowercase


def _unique(
    rng: random.Random, count: int, alphabet: str, shortest: int, longest: int
) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(rng.choices(alphabet, k=rng.randint(shortest, longest)))] = None
    return list(found)


def message(rng: random.Random, entry_groups: list[matcher.Group]) -> str:
    """Prose-like filler with planted hits: spread and full-width addresses, a fragment
    with separators, a keyword with a zero-width space."""
    fragment = next(e.value for e in entry_groups[0].entries if e.kind == matcher.KEYWORD)
    keyword = entry_groups[2].entries[0].value
    planted = [
        " ".join(TRC20[i : i + 4] for i in range(0, len(TRC20), 4)),
        EVM.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}),
        BECH32.upper(),
        "-".join(fragment),
        keyword[:2] + "\u200b" + keyword[2:],
    ]
    vocabulary = [
        "hello", "please", "send", "the", "payment", "to", "our", "account", "today",
        "thanks", "order", "number", "invoice", "support", "question", "refund", "wallet",
        "deposit", "confirm", "received", "Tuesday", "1,250", "USDT", "network", "fee",
    ]  # fmt: skip
    words: list[str] = []
    size = 0
    while size < MESSAGE_LENGTH:
        word = planted.pop() if planted and rng.random() < 0.02 else rng.choice(vocabulary)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:MESSAGE_LENGTH]


class Naive:
    """The loop the matcher replaces: a substring search per keyword, a regex per
    address-like keyword, a regex per detector, over the folded text."""

    def __init__(self, entry_groups: list[matcher.Group]) -> None:
        gap = normalize.SEPARATOR + "*"
        self.checks: list[tuple[str, str, Callable[[str, str], list[tuple[int, int]]]]] = []
        for group in entry_groups:
            for entry in group.entries:
                if entry.kind != matcher.KEYWORD:
                    scanner = detectors.Scanner([entry.kind])
                    check = self._detector(scanner, entry.kind)
                elif matcher.is_address_like(entry.value):
                    folded = normalize.fold(entry.value)[0].strip()
                    check = self._regex(re.compile(gap.join(re.escape(c) for c in folded)))
                else:
                    check = self._substring(normalize.fold(entry.value)[0].strip())
                self.checks.append((group.group_id, entry.value, check))

    @staticmethod
    def _substring(key: str) -> Callable[[str, str], list[tuple[int, int]]]:
        def find(folded: str, _cased: str) -> list[tuple[int, int]]:
            spans, at = [], folded.find(key)
            while at >= 0:
                spans.append((at, at + len(key)))
                at = folded.find(key, at + 1)
            return spans

        return find

    @staticmethod
    def _regex(regex: re.Pattern[str]) -> Callable[[str, str], list[tuple[int, int]]]:
        def find(folded: str, _cased: str) -> list[tuple[int, int]]:
            spans, pos = [], 0
            while (hit := regex.search(folded, pos)) is not None:
                spans.append((hit.start(), hit.end()))
                pos = hit.start() + 1
            return spans

        return find

    @staticmethod
    def _detector(
        scanner: detectors.Scanner, kind: str
    ) -> Callable[[str, str], list[tuple[int, int]]]:
        def find(_folded: str, cased: str) -> list[tuple[int, int]]:
            return [(f.start, f.end) for f in scanner.find(cased) if f.kind == kind]

        return find

    def scan(self, text: str) -> set[Hit]:
        folded, positions = normalize.fold(text)
        cased, cased_positions = normalize.fold_cased(text)
        hits: set[Hit] = set()
        for group_id, value, check in self.checks:
            detector = value in detectors.KINDS
            origin = cased_positions if detector else positions
            for start, end in check(folded, cased):
                span_end = normalize.span_end(text, origin[end - 1])
                kind = value if detector else matcher.KEYWORD
                hits.add((group_id, value, kind, origin[start], span_end))
        return hits


def _seconds(call: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return median(samples)


def run() -> list[Budget]:
    heading(f"risk matcher: {ENTRIES:,} entries, a {MESSAGE_LENGTH:,}-character message")
    rng = random.Random(SEED)
    entry_groups = groups(rng)
    text = message(rng, entry_groups)
    start = time.perf_counter()
    built = matcher.Matcher.build(entry_groups)
    build_ms = (time.perf_counter() - start) * 1000
    naive = Naive(entry_groups)

    found = {(m.group_id, m.entry, m.kind, m.start, m.end) for m in built.scan(text)}
    expected = naive.scan(text)
    if found != expected:
        raise AssertionError(f"the matcher and the naive loop disagree: {found ^ expected}")
    kinds = sorted({hit[2] for hit in found})

    fast = _seconds(lambda: built.scan(text), repeat=200)
    slow = _seconds(lambda: naive.scan(text), repeat=15)
    speedup = slow / fast
    print(f"  entries in force        {sum(len(g.entries) for g in entry_groups):,}")
    print(f"  matches (both agree)    {len(found)} ({', '.join(kinds)})")
    print(f"  build (once a version)  {build_ms:.0f} ms")
    print(f"  matcher scan            {fast * 1000:.3f} ms (median)")
    print(f"  naive loop scan         {slow * 1000:.1f} ms (median)")
    print(f"  speed-up                {speedup:.0f}x (target >= {MIN_SPEEDUP}x)")
    return [
        Budget(
            "risk matcher time, % of the naive loop's (>= 20x faster)",
            measured=100 * fast / slow,
            limit=100 / MIN_SPEEDUP,
        )
    ]
