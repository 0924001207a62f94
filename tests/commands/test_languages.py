"""The same broken input in Vietnamese and in English: messages follow the language, while
codes, exit statuses and JSON keys do not."""

from __future__ import annotations

import json
import re

import pytest

BROKEN = """
agency: so-gddt
cycle: "2023"
indicators:
  1.1.1.a: {value: 80%, year: 2022}
  9.9.9.z: {value: 1, year: 2022}
answers:
  slogan: {vi: Học tập suốt đời cho mọi người, colour: blue}
"""

VALIDATE = {
    "vi": [
        "submissions/2023/so-gddt.yaml:4:20: lỗi: chỉ số 1.1.1.a: `80%` không phải là một số [HCMLC-E022]",
        "    gợi ý: ghi số, bỏ dấu % sau con số: 80",
        "submissions/2023/so-gddt.yaml:5:3: lỗi: không có chỉ số `9.9.9.z` [HCMLC-E020]",
        "    gợi ý: xem mã các chỉ số dưới `assign:` trong data/frameworks.yaml",
        "submissions/2023/so-gddt.yaml:7:48: lỗi: khóa `colour` không hợp lệ [HCMLC-E011]",
        "    gợi ý: các khóa hợp lệ: vi, en, note",
        "3 lỗi, 0 cảnh báo trong 6 tệp đã kiểm tra",
    ],
    "en": [
        "submissions/2023/so-gddt.yaml:4:20: error: indicator 1.1.1.a: `80%` is not a number [HCMLC-E022]",
        "    hint: write the number without the % sign: 80",
        "submissions/2023/so-gddt.yaml:5:3: error: unknown indicator `9.9.9.z` [HCMLC-E020]",
        "    hint: see the indicator ids under `assign:` in data/frameworks.yaml",
        "submissions/2023/so-gddt.yaml:7:48: error: unknown key `colour` [HCMLC-E011]",
        "    hint: allowed keys: vi, en, note",
        "3 errors, 0 warnings in 6 files checked",
    ],
}

STATUS = {
    "vi": [
        "Kỳ 2023 — Đăng ký tham gia Mạng lưới Thành phố học tập toàn cầu của UNESCO (2023)",
        "Việc cần làm của so-gddt — Sở Giáo dục và Đào tạo",
        "tính đến ngày 2023-09-05 · hạn nộp chỉ số 2023-08-31 (quá hạn 5 ngày)"
        " · hạn nộp câu trả lời 2023-09-30 (còn 25 ngày)",
        "Tiến độ: đã nộp 0/43 (0%), quá hạn 27",
        "dữ liệu có 3 lỗi: chạy `hcmlc validate`; mục có lỗi được tính là còn thiếu.",
    ],
    "en": [
        "Cycle 2023 — Application to join the UNESCO Global Network of Learning Cities (2023)",
        "To-do list of so-gddt — Department of Education and Training",
        "as of 2023-09-05 · indicators due 2023-08-31 (5 days overdue)"
        " · answers due 2023-09-30 (25 days left)",
        "Progress: 0 of 43 supplied (0%), 27 overdue",
        "3 errors in the data: run `hcmlc validate`; entries with errors count as missing.",
    ],
}
FIRST_ROW = {
    "vi": ["quá hạn", "chỉ số 1.1.1.a", "Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên"],
    "en": ["overdue", "indicator 1.1.1.a", "Literacy rate of the population aged 15 and over"],
}


@pytest.fixture
def broken(repo):
    repo.write("submissions/2023/so-gddt.yaml", BROKEN)
    return repo


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_validate_speaks_the_chosen_language(hcmlc, broken, lang) -> None:
    code, out, err = hcmlc("--lang", lang, "validate", "--root", str(broken.root))
    assert (code, err) == (1, "")
    assert out.splitlines() == VALIDATE[lang]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_speaks_the_chosen_language(hcmlc, broken, lang) -> None:
    args = ("status", "--root", str(broken.root), "--as-of", "2023-09-05", "--agency", "so-gddt")
    code, out, _ = hcmlc("--lang", lang, *args)
    assert code == 1  # errors in the data, in either language
    lines = [line.strip() for line in out.splitlines()]
    for expected in STATUS[lang]:
        assert expected in lines
    # after the cycle, the title, the dates, what was read (not a clone here) and the headings
    assert lines[3].startswith(
        {"vi": "Không đọc được lịch sử", "en": "History cannot be read"}[lang]
    )
    first_row = next(line for line in lines[4:] if line.startswith(FIRST_ROW[lang][0]))
    assert [cell.strip() for cell in re.split(" {2,}", first_row)][:3] == FIRST_ROW[lang]


def test_json_keys_and_codes_do_not_depend_on_the_language(hcmlc, broken) -> None:
    root = ("--root", str(broken.root))
    documents = {
        lang: json.loads(hcmlc("--lang", lang, "validate", *root, "--format", "json")[1])
        for lang in ("vi", "en")
    }
    vi, en = documents["vi"]["problems"], documents["en"]["problems"]
    assert [p.keys() for p in vi] == [p.keys() for p in en]
    stable = ("path", "line", "column", "severity", "code", "rule")
    assert [[p[k] for k in stable] for p in vi] == [[p[k] for k in stable] for p in en]
    assert [p["severity"] for p in vi] == ["error"] * 3  # not "lỗi"
    assert vi[0]["message"] == "chỉ số 1.1.1.a: `80%` không phải là một số"
    assert documents["vi"]["summary"] == documents["en"]["summary"]

    status = {
        lang: json.loads(
            hcmlc("--lang", lang, "status", *root, "--as-of", "2023-09-05", "--format", "json")[1]
        )
        for lang in ("vi", "en")
    }
    assert status["vi"].keys() == status["en"].keys()
    assert status["vi"]["obligations"] == status["en"]["obligations"]  # state codes, not words
    assert status["vi"]["total"] == status["en"]["total"]
    gddt = {
        lang: next(r for r in doc["agencies"] if r["id"] == "so-gddt")
        for lang, doc in status.items()
    }
    assert (gddt["vi"]["name"], gddt["en"]["name"]) == (
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
    )


def test_github_titles_keep_the_code(hcmlc, broken) -> None:
    _, out, _ = hcmlc("--lang", "vi", "validate", "--root", str(broken.root), "--format", "github")
    first = out.splitlines()[0]
    assert first.startswith("::error file=submissions/2023/so-gddt.yaml,line=4,col=20,")
    assert "title=HCMLC-E022 value-unit::chỉ số 1.1.1.a: `80%25` không phải là một số" in first
    assert first.endswith("%0Agợi ý: ghi số, bỏ dấu %25 sau con số: 80")


def test_the_environment_chooses_when_lang_is_not_given(hcmlc, broken, monkeypatch) -> None:
    monkeypatch.setenv("HCMLC_LANG", "vi")
    assert hcmlc("validate", "--root", str(broken.root))[1].endswith(
        "3 lỗi, 0 cảnh báo trong 6 tệp đã kiểm tra\n"
    )
    monkeypatch.delenv("HCMLC_LANG")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert hcmlc("validate", "--root", str(broken.root))[1].endswith(
        "3 errors, 0 warnings in 6 files checked\n"
    )
    monkeypatch.setenv("LANG", "C.UTF-8")  # no language hcmlc speaks: Vietnamese
    assert "lỗi:" in hcmlc("validate", "--root", str(broken.root))[1]


def test_usage_errors_too(hcmlc, repo) -> None:
    code, _, err = hcmlc("--lang", "vi", "status", "--root", str(repo.root), "--agency", "so-gdd")
    assert code == 2
    assert err.splitlines() == [
        "lỗi: không có đơn vị `so-gdd`",
        "gợi ý: có phải ý bạn là `so-gddt`?",
    ]


def test_fill_form_lang_sets_the_messages_unless_chosen_otherwise(
    hcmlc, repo, tmp_path, monkeypatch
) -> None:
    out = str(tmp_path / "form.docx")
    monkeypatch.delenv("HCMLC_LANG")
    _, stdout, _ = hcmlc("fill-form", "--root", str(repo.root), "--lang", "en", "--out", out)
    assert "Wrote " in stdout and "boxes ready." in stdout
    _, stdout, _ = hcmlc(
        "--lang", "vi", "fill-form", "--root", str(repo.root), "--lang", "en", "--out", out
    )
    assert "Đã ghi " in stdout and "(en, kỳ 2023)" in stdout
    monkeypatch.setenv("HCMLC_LANG", "vi")
    assert (
        "Đã ghi " in hcmlc("fill-form", "--root", str(repo.root), "--lang", "en", "--out", out)[1]
    )


HELP = {
    "vi": (
        "Điều hành chương trình Thành phố học tập UNESCO",
        "Tùy chọn",
        "Lệnh",
        "Kiểm tra mọi tệp YAML",
    ),
    "en": ("Run a UNESCO Learning City programme", "Options", "Commands", "Check every YAML file"),
}
VALIDATE_HELP = {
    "vi": (
        "Kiểm tra mọi tệp YAML",
        "Đối số",
        "Báo thất bại cả khi chỉ có cảnh báo.",
        "Hiện hướng dẫn này rồi thoát.",
    ),
    "en": (
        "Check every YAML file",
        "Arguments",
        "Fail on warnings too.",
        "Show this message and exit.",
    ),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_in_both_languages(hcmlc, lang) -> None:
    code, out, _ = hcmlc("--lang", lang, "--help")
    assert code == 0
    assert all(text in out for text in HELP[lang]), out
    code, out, _ = hcmlc("--lang", lang, "validate", "--help")
    assert code == 0
    text = _unboxed(out)
    assert all(words in text for words in VALIDATE_HELP[lang]), text
    other = "en" if lang == "vi" else "vi"
    assert VALIDATE_HELP[other][2] not in text


def _unboxed(help_text: str) -> str:
    """Help text without Rich's panel borders, its wrapped lines joined."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", help_text).split())


def test_typer_words_around_a_usage_error(hcmlc) -> None:
    code, _, err = hcmlc("--lang", "vi", "validate", "--bogus")
    assert code == 2
    assert "Xem hướng dẫn: 'hcmlc validate --help'." in err and "─ Lỗi ─" in err
    code, _, err = hcmlc("--lang", "en", "validate", "--bogus")
    assert "Try 'hcmlc validate --help' for help." in err and "─ Error ─" in err
