"""Sign-offs: who signed which exact content, when, with what verdict (issue 28).

A sign-off is bound to a SHA-256 digest of the content it signs, so it goes stale by itself
when that content changes. The records live in signoffs/, written only by commands."""
