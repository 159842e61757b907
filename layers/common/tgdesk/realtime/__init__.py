"""Real time in the console.

- `fanout`: the table's stream turned into frames for the consoles that may see them
- `connections`: the console's WebSocket: tickets, a connection's life, pushing frames
"""
