"""Typed item shapes: one module per shape, each with the TypedDict of its item and the functions
that own its key, its index keys, `to_item` and `from_item`.

Items stay plain dicts at runtime; the TypedDicts document and type-check their shape.
"""
