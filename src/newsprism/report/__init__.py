"""Outputs: the JSON contract (with its JSON Schema) and the one-file HTML report."""
