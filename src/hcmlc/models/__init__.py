"""Pydantic models of the repository's files: framework, registry and form, submissions."""
