"""Risk control: configured keywords and wallet addresses found in message text, robust to the
tricks used to slip past filters.

Pure (no I/O): `normalize` (text folding with a map back to the original), `detectors`
(wallet addresses, checksums via `keccak`), `matcher` (every group of a project, scanning a
message), `report` (what is kept of a scan's matches).
Against the table: `groups` (what an administrator configures), `checks` (a reply before it
is stored or sent, an inbound message before an agent sees it), `log` (the trigger log).
"""
