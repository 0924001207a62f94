"""The command reference is generated from the Typer app: it lists every command and
subcommand, and every option and argument of each, with the help in Vietnamese and English."""

from __future__ import annotations

import re
from pathlib import Path

from command_reference import commands, options, reference, row

from hcmlc.i18n import _, use_language


def sections(markdown: str) -> dict[str, str]:
    """Each `## \\`hcmlc …\\`` section's text, by command path."""
    parts = re.split(r"^## `([^`]+)`$", markdown, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_command_and_option_of_the_app_is_listed() -> None:
    for lang in ("vi", "en"):
        listed = sections(reference(lang))
        paths = [path for path, _command, _ctx in commands()]
        assert list(listed) == paths
        for path, command, ctx in commands():
            for param in options(command, ctx):
                names, _text = row(param, ctx)
                assert f"| `{names}` |" in listed[path], (lang, path, names)
                if param.param_type_name == "option":
                    assert all(opt in listed[path] for opt in param.opts), (path, param.opts)
    assert {"hcmlc validate", "hcmlc status", "hcmlc import", "hcmlc workbook"} <= set(paths)


def test_the_help_is_in_each_language() -> None:
    vi = sections(reference("vi"))["hcmlc validate"]
    en = sections(reference("en"))["hcmlc validate"]
    assert "| `--strict` | Báo thất bại cả khi chỉ có cảnh báo. |" in vi
    assert "| `--strict` | Fail on warnings too. |" in en
    assert "Check every YAML file" in en and "Kiểm tra mọi tệp YAML" in vi
    use_language("en")
    try:
        assert _("Fail on warnings too.") == "Fail on warnings too."  # the language is given back
    finally:
        use_language(None)


def test_the_site_has_the_reference_in_both_languages(site: Path) -> None:
    vi = (site / "reference/commands/index.html").read_text(encoding="utf-8")
    en = (site / "en/reference/commands/index.html").read_text(encoding="utf-8")
    assert "<h1" in vi and "Các lệnh" in vi and "<code>--changed-since REF</code>" in vi
    assert "Commands" in en and "Fail on warnings too." in en
