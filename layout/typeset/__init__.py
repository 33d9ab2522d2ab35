"""Typeset: spans in, measured lines out — items, breaking, lines, stories (占行 headline rows); knows no page."""
