"""The address detectors: real addresses and test vectors (BIP-173, BIP-350, EIP-55) are
found, near misses (one character changed, wrong encoding, mixed case) are not."""

from __future__ import annotations

import pytest

from tgdesk.risk import detectors
from tgdesk.risk.keccak import keccak256

TRC20 = [
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",  # the USDT contract
    "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb",  # the burn address
]
ERC20 = [  # EIP-55's own examples
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",  # one case: no checksum to check
    "0X52908400098527886E0F7030069857D2E4169EE7",
]
BTC = [
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  # P2PKH, the genesis block
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",  # P2SH
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",  # BIP-173 P2WPKH
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",  # P2WSH
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",  # BIP-350 taproot
    "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",  # BIP-350 witness v2
    "BC1SW50QGDZ25J",  # BIP-350 witness v16
]
NEAR_MISSES = [
    ("trc20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T"),  # last character's case
    ("trc20", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6"),  # one character short
    ("trc20", "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwc"),  # checksum
    ("erc20", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"),  # EIP-55 case
    ("erc20", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"),  # 38 digits
    ("erc20", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedaa"),  # 42 digits
    ("btc", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"),
    ("btc", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz"),
    ("btc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"),
    ("btc", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),  # mixed case
    ("btc", "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj"),  # v2 in bech32, not bech32m (BIP-350)
    ("btc", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"),  # likewise
    ("btc", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"),  # testnet
    ("trc20", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),  # valid, but another detector's
]


def test_keccak256_is_ethereums_not_sha3() -> None:
    assert keccak256(b"").hex() == (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert keccak256(b"a" * 200).hex() != keccak256(b"a" * 199).hex()  # spans two blocks


@pytest.mark.parametrize(
    ("kind", "address"),
    [("trc20", a) for a in TRC20] + [("erc20", a) for a in ERC20] + [("btc", a) for a in BTC],
)
def test_real_addresses_are_valid(kind: str, address: str) -> None:
    assert detectors.is_valid(kind, address)
    found = list(detectors.Scanner([kind]).find(f"pay to {address} today"))
    assert found == [detectors.Found(kind, 7, 7 + len(address), address)]


@pytest.mark.parametrize(("kind", "address"), NEAR_MISSES)
def test_near_misses_are_not(kind: str, address: str) -> None:
    assert not detectors.is_valid(kind, address)
    # (followed by a word, the short address would be completed by its first letter)
    assert list(detectors.Scanner([kind]).find(f"pay to {address}.")) == []


def test_separators_inside_an_address_are_seen_through() -> None:
    spaced = "T R7NH-qjeK.QxGT/Ci8q_8ZY4 pL8o\ntSzg jLj6t"
    [found] = detectors.Scanner(["trc20"]).find(f"send: {spaced}!")
    assert found.address == TRC20[0]
    assert (found.start, found.end) == (6, 6 + len(spaced))


def test_an_evm_address_must_not_run_into_more_hex() -> None:
    tx_hash = "0x" + "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" + "0" * 24
    assert list(detectors.Scanner(["erc20"]).find(tx_hash)) == []
    followed = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed and more"
    assert [f.end for f in detectors.Scanner(["erc20"]).find(followed)] == [42]


def test_bech32_stops_where_the_case_changes() -> None:
    text = "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4then"
    [found] = detectors.Scanner(["btc"]).find(text)
    assert found.address == BTC[4]


def test_only_the_chosen_detectors_run() -> None:
    text = f"{TRC20[0]} {ERC20[0]} {BTC[0]}"
    assert [f.kind for f in detectors.Scanner(["erc20"]).find(text)] == ["erc20"]
    assert [f.kind for f in detectors.Scanner(detectors.KINDS).find(text)] == [
        "trc20",
        "erc20",
        "btc",
    ]
    with pytest.raises(ValueError):
        detectors.Scanner(["iban"])
