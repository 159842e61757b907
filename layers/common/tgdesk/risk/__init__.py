"""Risk control: finding configured keywords and wallet addresses in message text, robust to
the tricks used to slip past filters. Pure: no I/O; storage and API live elsewhere."""
