"""One module per field; each reads a Page and returns plain values."""
