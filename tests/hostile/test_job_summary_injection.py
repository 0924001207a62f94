"""File names and keys holding Markdown and HTML in the job summary: rendered as GitHub
renders Markdown (markdown-it, GFM tables), every problem is a row, and nothing becomes a
comment, link, image, code block or HTML element."""

from __future__ import annotations

import re

from hostile_cases import GOOD

HOSTILE_NAME = "submissions/2023/x\n<!--.yaml"
HOSTILE_KEYS = [
    "`](https://evil.example)![x](https://evil.example/p.png)`",
    "<img src=https://evil.example/p.png onerror=alert(1)>",
    "[click](https://evil.example) **bold** _it_ ~~gone~~ | cell",
    "`` ` `` <!-- hide",
    "www.evil.example $x^2$ :warning: @coordinator #1",
]


def rendered(hcmlc, repo, monkeypatch) -> tuple[str, str]:
    summary = repo.root.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _, err = hcmlc("validate", "--root", str(repo.root), "--format", "github")
    assert (code, err) == (1, "")
    text = summary.read_text(encoding="utf-8")
    from markdown_it import MarkdownIt  # here, not when every worker collects the module

    html = MarkdownIt("gfm-like", {"linkify": False}).enable("table").render(text)
    return text, html


def test_hostile_names_and_keys_stay_text(hcmlc, repo, monkeypatch) -> None:
    repo.write(HOSTILE_NAME, GOOD)
    keys = "".join("? |-\n  " + key + "\n: 1\n" for key in HOSTILE_KEYS)  # keys as written
    repo.write("submissions/2023/so-gddt.yaml", GOOD + keys)
    text, html = rendered(hcmlc, repo, monkeypatch)
    rows = re.findall(r"<tr>", html)
    assert len(rows) == 1 + 1 + len(HOSTILE_KEYS)  # heading, the name's problem, each key
    for tag in ("<a ", "<img", "<strong", "<em", "<del", "<!--", "<pre", "<b>"):
        assert tag not in html, tag
    assert "\n<!--" not in text  # the name's line break is shown, not written
    shown = re.sub(r"<[^>]+>", "", html)  # the text a reader sees
    assert "submissions/2023/x\\x0a&lt;!--.yaml" in shown
    assert "unknown key &lt;img src=https://evil.example/p.png onerror=alert(1)&gt;" in shown
    assert "[click](https://evil.example) **bold** _it_ ~~gone~~ | cell" in shown
    assert "www.evil.example $x^2$ :warning: @coordinator #1" in shown
