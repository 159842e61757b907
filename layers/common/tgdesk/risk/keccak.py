"""Keccak-256 as Ethereum uses it (the original padding, not NIST SHA3-256, so hashlib's
sha3_256 gives a different digest). Only EIP-55 checksums need it: 40-byte inputs."""

from __future__ import annotations

_MASK = (1 << 64) - 1
_RATE = 136  # bytes: 1600 - 2 * 256 bits of capacity
_ROUND_CONSTANTS = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)  # fmt: skip


def _rotations() -> list[int]:
    """rho offsets by lane index x + 5y, walked as the Keccak reference defines them."""
    offsets = [0] * 25
    x, y = 1, 0
    for t in range(24):
        offsets[x + 5 * y] = (t + 1) * (t + 2) // 2 % 64
        x, y = y, (2 * x + 3 * y) % 5
    return offsets


_ROTATIONS = _rotations()
# pi moves lane (x, y) to (y, 2x + 3y)
_PI = [y + 5 * ((2 * x + 3 * y) % 5) for y in range(5) for x in range(5)]


# (source lane, destination lane after pi, rho rotation) for the 25 lanes
_RHO_PI = [(i, _PI[i], _ROTATIONS[i]) for i in range(25)]


def _permute(lanes: list[int]) -> None:
    moved = [0] * 25
    for constant in _ROUND_CONSTANTS:
        parity = [
            lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20]
            for x in range(5)
        ]
        theta = [
            parity[x - 1] ^ ((parity[(x + 1) % 5] << 1 | parity[(x + 1) % 5] >> 63) & _MASK)
            for x in range(5)
        ]
        for source, target, shift in _RHO_PI:
            lane = lanes[source] ^ theta[source % 5]
            moved[target] = (lane << shift | lane >> (64 - shift)) & _MASK
        for y in (0, 5, 10, 15, 20):
            b0, b1, b2, b3, b4 = moved[y : y + 5]
            lanes[y] = b0 ^ (~b1 & b2)
            lanes[y + 1] = b1 ^ (~b2 & b3)
            lanes[y + 2] = b2 ^ (~b3 & b4)
            lanes[y + 3] = b3 ^ (~b4 & b0)
            lanes[y + 4] = b4 ^ (~b0 & b1)
        lanes[0] ^= constant


def keccak256(data: bytes) -> bytes:
    padded = bytearray(data)
    padded.append(0x01)
    padded.extend(bytes(-len(padded) % _RATE))
    padded[-1] |= 0x80
    lanes = [0] * 25
    for offset in range(0, len(padded), _RATE):
        for i in range(_RATE // 8):
            start = offset + 8 * i
            lanes[i] ^= int.from_bytes(padded[start : start + 8], "little")
        _permute(lanes)
    return b"".join(lane.to_bytes(8, "little") for lane in lanes[:4])
