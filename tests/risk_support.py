"""Helpers for the risk-control tests: groups made through the API, the trigger log read
through it, and addresses of each kind the detectors know."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

# Well-known public addresses: the USDT contract on TRON, the WETH contract (EIP-55 checksum),
# the genesis block's coinbase (legacy), a P2SH one and a bech32 one (BIP-173's example).
TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
ERC20 = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"
BTC_LEGACY = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
BTC_P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
BTC_BECH32 = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"


def create_group(
    client: TestClient, headers: dict[str, str], *, name: str = "Wallets", **fields: Any
) -> dict[str, Any]:
    body = {"name": name, "action": "confirm", **fields}
    response = client.post("/api/risk/groups", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def keywords(*values: str) -> list[dict[str, str]]:
    return [{"value": v, "kind": "keyword"} for v in values]


def triggers(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """Every trigger the caller may read with these filters, newest first."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
        response = client.get("/api/risk/triggers", params=query, headers=headers)
        assert response.status_code == 200, response.text
        items.extend(response.json()["items"])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return items
