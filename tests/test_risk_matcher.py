"""The matcher: folding, every evasion trick, spans in the original text, detectors and the
allow-list, the per-project cache, and agreement with the naive loop on random input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.risk import Naive
from tgdesk.risk import matcher, normalize
from tgdesk.risk.matcher import Entry, Group, Matcher

TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
BURN = "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
BTC = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
FULL_WIDTH = {c: c + 0xFEE0 for c in range(ord("0"), ord("z") + 1) if chr(c).isalnum()}


def wallets(*entries: Entry, allowed: list[str] | None = None) -> Matcher:
    return Matcher.build([Group("g1", "Wallets", "block", list(entries), allowed or [])])


def spans(found: list[matcher.Match]) -> list[tuple[str, int, int, str]]:
    return [(m.entry, m.start, m.end, m.matched) for m in found]


# -- folding ---------------------------------------------------------------------------------
def test_fold_maps_each_character_back() -> None:
    text = "Ｔ９\u200bｙＤ ﬁx Straße"
    folded, positions = normalize.fold(text)
    assert folded == "t9yd fix strasse"
    assert len(positions) == len(folded)
    assert [text[p] for p in positions[:4]] == ["Ｔ", "９", "ｙ", "Ｄ"]
    assert positions[5] == positions[6] == text.index("ﬁ")  # a ligature is two letters
    assert positions[-3] == positions[-2] == text.index("ß")


def test_fold_composes_combining_marks() -> None:
    folded, positions = normalize.fold("Cafe\u0301!")
    assert folded == "café!"
    assert positions == [0, 1, 2, 3, 5]
    assert normalize.fold_cased("ÀB")[0] == "ÀB"


def test_fold_of_ascii_is_lowercase() -> None:
    assert normalize.fold("Hello, T9yD") == ("hello, t9yd", list(range(11)))


# -- keywords and evasions -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("send to t9yd now", "t9yd"),  # case
        ("send to T9YD now", "T9YD"),
        ("send to ｔ９ｙｄ now", "ｔ９ｙｄ"),  # full-width letters and digits
        ("send to T\u200b9\u200dy\ufeffD now", "T\u200b9\u200dy\ufeffD"),  # zero-width
        ("send to t 9-y.D now", "t 9-y.D"),  # separators inside
        ("send to T/9_y,\nD now", "T/9_y,\nD"),
        ("send to Ｔ 9\u200b-ｙ.D now", "Ｔ 9\u200b-ｙ.D"),  # all at once
    ],
)
def test_an_address_fragment_survives_every_evasion(text: str, matched: str) -> None:
    [match] = wallets(Entry("T9yD")).scan(text)
    assert (match.entry, match.kind, match.matched) == ("T9yD", "keyword", matched)
    assert text[match.start : match.end] == matched


def test_plain_words_match_folded_but_not_across_gaps() -> None:
    found = Matcher.build([Group("a", "Abuse", "confirm", [Entry("Scam")])]).scan(
        "SCAM, ｓｃａｍ, s\u200bcam, is cam"
    )
    assert [m.matched for m in found] == ["SCAM", "ｓｃａｍ", "s\u200bcam"]
    assert matcher.is_address_like("T9yD") and matcher.is_address_like("88888888")
    assert not matcher.is_address_like("scam") and not matcher.is_address_like("t.me")


def test_keywords_with_punctuation_match_as_written() -> None:
    group = Group("l", "Links", "confirm", [Entry("t.me/"), Entry("rival.example")])
    found = Matcher.build([group]).scan("join T.ME/deals or RIVAL.example, not tme")
    assert [m.matched for m in found] == ["T.ME/", "RIVAL.example"]


def test_every_entry_of_every_group_is_reported() -> None:
    groups = [
        Group("b", "Block", "block", [Entry("wallet"), Entry("wall")]),
        Group("c", "Confirm", "confirm", [Entry("wallet"), Entry("allet"), Entry("et")]),
    ]
    found = Matcher.build(groups).scan("my Wallet")
    assert sorted((m.group_id, m.entry, m.start, m.end) for m in found) == [
        ("b", "wall", 3, 7),
        ("b", "wallet", 3, 9),
        ("c", "allet", 4, 9),
        ("c", "et", 7, 9),
        ("c", "wallet", 3, 9),
    ]
    assert {m.action for m in found if m.group_id == "b"} == {"block"}


def test_overlapping_and_repeated_hits() -> None:
    found = wallets(Entry("ab12"), Entry("12cd"), Entry("noon")).scan("ab12cd ab12 noonoon")
    assert spans(found) == [
        ("ab12", 0, 4, "ab12"),
        ("12cd", 2, 6, "12cd"),
        ("ab12", 7, 11, "ab12"),
        ("noon", 12, 16, "noon"),
        ("noon", 15, 19, "noon"),
    ]


# -- detectors -----------------------------------------------------------------------------
def test_detectors_find_spread_and_full_width_addresses() -> None:
    spread = " ".join(TRC20[i : i + 4] for i in range(0, len(TRC20), 4))
    wide = EVM.translate(FULL_WIDTH)
    text = f"USDT: {spread}\nETH: {wide}\nBTC: {BTC.upper()}"
    found = wallets(Entry("trc20", "trc20"), Entry("erc20", "erc20"), Entry("btc", "btc")).scan(
        text
    )
    assert [(m.kind, m.matched) for m in found] == [
        ("trc20", spread),
        ("erc20", wide),
        ("btc", BTC.upper()),
    ]


def test_a_detector_ignores_invalid_addresses() -> None:
    text = f"{TRC20[:-1]}T and 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"
    assert wallets(Entry("trc20", "trc20"), Entry("erc20", "erc20")).scan(text) == []


# -- the allow-list ----------------------------------------------------------------------------
def test_allowed_addresses_never_trigger() -> None:
    built = wallets(
        Entry("trc20", "trc20"),
        Entry("9yD14"),
        allowed=[BURN, " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed "],
    )
    assert built.scan(f"our address: {BURN}") == []
    assert built.scan(f"our address: {BURN.lower()[:10]} {BURN[10:]}") == []
    [other] = built.scan(f"ours is {BURN}, theirs {TRC20}")
    assert other.matched == TRC20
    [fragment] = built.scan("theirs: T9yD14 xx")
    assert fragment.entry == "9yD14"


def test_the_allow_list_belongs_to_its_group() -> None:
    groups = [
        Group("a", "Allowing", "confirm", [Entry("trc20", "trc20")], [BURN]),
        Group("b", "Strict", "block", [Entry("trc20", "trc20")]),
    ]
    assert [m.group_id for m in Matcher.build(groups).scan(BURN)] == ["b"]


# -- building and caching ----------------------------------------------------------------------
def test_entries_and_groups_are_validated() -> None:
    with pytest.raises(ValueError):
        Entry("x", "iban")
    with pytest.raises(ValueError):
        Entry("\u200b ")
    with pytest.raises(ValueError):
        Group("g", "G", "warn", [])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Matcher()
    assert Matcher.build([]).scan("anything") == []


def test_match_as_dict() -> None:
    [match] = wallets(Entry("T9yD")).scan("x t9yd")
    assert match.as_dict() == {
        "group_id": "g1",
        "group_name": "Wallets",
        "action": "block",
        "entry": "T9yD",
        "kind": "keyword",
        "start": 2,
        "end": 6,
        "matched": "t9yd",
    }


def test_cached_rebuilds_only_when_the_version_changes() -> None:
    matcher.clear_cache()
    loads: list[str] = []
    groups = [
        Group("g1", "Everywhere", "block", [Entry("alpha")]),
        Group("g2", "Elsewhere", "block", [Entry("beta")], project_ids=["p2"]),
    ]

    def load() -> list[Group]:
        loads.append("load")
        return groups

    first = matcher.cached("p1", "v1", load)
    assert matcher.cached("p1", "v1", load) is first
    assert [m.entry for m in first.scan("alpha beta")] == ["alpha"]  # g2 is not p1's
    assert len(loads) == 1
    assert matcher.cached("p1", "v2", load) is not first
    assert [m.entry for m in matcher.cached("p2", "v2", load).scan("alpha beta")] == [
        "alpha",
        "beta",
    ]
    assert len(loads) == 3
    matcher.clear_cache()


# -- agreement with the naive loop ---------------------------------------------------------
_ALPHABET = "aAb19 .-\u200bＴ９"
_words = st.text(alphabet=_ALPHABET, min_size=2, max_size=5).filter(
    lambda v: len(normalize.fold(v)[0].strip()) >= 2
)


@settings(max_examples=300, deadline=None)
@given(entries=st.lists(_words, min_size=1, max_size=8), text=st.text(alphabet=_ALPHABET))
def test_the_matcher_finds_what_the_naive_loop_finds(entries: list[str], text: str) -> None:
    groups = [Group("g", "G", "block", [Entry(v) for v in entries] + [Entry("trc20", "trc20")])]
    found = {
        (m.group_id, m.entry, m.kind, m.start, m.end) for m in Matcher.build(groups).scan(text)
    }
    assert found == Naive(groups).scan(text)
