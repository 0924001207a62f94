"""Reporters: turn core results into terminal text, plain text or JSON."""
