"""One module per command: plain functions taking explicit arguments, returning an exit code."""
