"""The hundred mistakes: realistic wrong submissions, each an edit of a good file.

Each case is what a department's staff may write (a separator, an Excel paste, a shifted
indent, an encoding); `expected.py` holds what `validate` must say about each, in both
languages. The good files themselves pass (the first cases).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

GDDT = "submissions/2023/so-gddt.yaml"
CTK = "submissions/2023/cuc-thong-ke.yaml"

SO_GDDT = """\
agency: so-gddt
cycle: "2023"
prepared_by: Phòng Giáo dục thường xuyên
indicators:
  1.1.1.a:
    value: 98.9
    unit: percent
    year: 2022
    source: Báo cáo tổng kết năm học 2022-2023
  2.1.2.a:
    value: 10.9
    unit: years
    year: 2022
  2.2.3.a:
    value: 145
    unit: count
    year: 2022
  2.1.1.a:
    value: có
    year: 2022
answers:
  slogan:
    vi: Học tập suốt đời cho mọi người
    en: Lifelong learning for all
  years-of-schooling:
    value: 10.9
    year: 2022
  language:
    choice: english
"""

CUC_THONG_KE = """\
agency: cuc-thong-ke
cycle: "2023"
indicators:
  1.2.1.a:
    value: 5500
    unit: usd
    year: 2022
answers:
  population:
    value: 9389700
    year: 2022
"""


@dataclass(frozen=True)
class Mistake:
    """One case: the files written into a repository holding the bundled data/."""

    name: str
    files: dict[str, bytes] = field(default_factory=dict)


def _edit(base: str, edits: tuple[tuple[str, str], ...]) -> str:
    text = base
    for old, new in edits:
        assert old in text, (old, text)
        text = text.replace(old, new, 1)
    return text


def gddt(name: str, *edits: tuple[str, str]) -> Mistake:
    """so-gddt's file with each `old` replaced by `new` (the first occurrence)."""
    return Mistake(name, {GDDT: _edit(SO_GDDT, edits).encode("utf-8")})


def ctk(name: str, *edits: tuple[str, str]) -> Mistake:
    return Mistake(name, {CTK: _edit(CUC_THONG_KE, edits).encode("utf-8")})


def count(name: str, value: str) -> Mistake:
    """2.2.3.a, a count (line 15), written as `value`."""
    return gddt(name, ("value: 145", f"value: {value}"))


def percent(name: str, value: str) -> Mistake:
    """1.1.1.a, a percentage (line 6)."""
    return gddt(name, ("value: 98.9", f"value: {value}"))


def years(name: str, value: str) -> Mistake:
    """2.1.2.a, in years from 0 to 30 (line 11)."""
    return gddt(name, ("value: 10.9\n    unit: years", f"value: {value}\n    unit: years"))


def figure(name: str, value: str) -> Mistake:
    """The answer years-of-schooling, a figure in years (line 26)."""
    return gddt(
        name,
        (
            "    value: 10.9\n    year: 2022\n  language",
            f"    value: {value}\n    year: 2022\n  language",
        ),
    )


def year(name: str, value: str) -> Mistake:
    """The year of 1.1.1.a (line 8)."""
    return gddt(name, ("    year: 2022\n    source", f"    year: {value}\n    source"))


def raw(name: str, data: bytes, path: str = GDDT) -> Mistake:
    return Mistake(name, {path: data})


SLOGAN_BLOCK = (
    "  slogan:\n    vi: Học tập suốt đời cho mọi người\n    en: Lifelong learning for all\n"
)
BLOCK_2_1_2 = "  2.1.2.a:\n    value: 10.9\n    unit: years\n    year: 2022\n"

CASES: list[Mistake] = [
    # The good files pass, in every encoding an editor may save them in.
    gddt("good file"),
    ctk("good statistics file"),
    raw("byte-order mark", codecs.BOM_UTF8 + SO_GDDT.encode("utf-8")),
    raw("Windows line ends", SO_GDDT.replace("\n", "\r\n").encode("utf-8")),
    raw("NFD text from a Mac", unicodedata.normalize("NFD", SO_GDDT).encode("utf-8")),
    percent("quoted number", '"98.9"'),
    percent("three decimals only a percentage can mean", "98.500"),
    years("three decimals only years can mean", "10.900"),
    count("Excel scientific notation", "1.45E+02"),
    gddt("unquoted cycle", ('cycle: "2023"', "cycle: 2023")),
    gddt("capital state word", ("value: có", "value: Có")),
    gddt("English state code", ("value: có", "value: yes")),
    gddt("tab after the colon", ("value: 98.9", "value:\t98.9")),
    # Thousands separators and decimal commas, as Vietnamese and English write them.
    count("Vietnamese thousands, ambiguous", "12.000"),
    count("Vietnamese thousands, one reading", "1.500"),
    count("Vietnamese thousands 1.234", "1.234"),
    count("Vietnamese thousands, two groups", "1.234.567"),
    count("English thousands, ambiguous", "12,000"),
    count("English thousands, one reading", "1,500"),
    count("English thousands, two groups", "1,234,567"),
    count("space between thousands", "12 000"),
    count("no-break space between thousands (Excel)", "12\u00a0000"),
    count("underscore between thousands", "12_000"),
    count("decimals in a count", "12.5"),
    count("negative count", "-5"),
    count("negative zero", "-0"),
    count("unit word after the figure", "145 trung tâm"),
    count("approximation", "khoảng 145"),
    count("no figure: N/A", "N/A"),
    count("no figure: dash", "-"),
    count("Excel error pasted (#N/A is a comment)", "#N/A"),
    count("Excel formula pasted", "=SUM(B2:B9)"),
    count("full-width digits", "１４５"),
    count("curly quotes around the figure", "“145”"),
    percent("decimal comma", "98,9"),
    percent("decimal comma and % sign", "98,9%"),
    percent("% sign", "98.9%"),
    percent("% sign after a space", "98.9 %"),
    percent("Excel percentage", "98.90%"),
    percent("decimal comma with three decimals", "98,500"),
    percent("Vietnamese thousands and decimal comma", "1.234,5"),
    percent("over 100 percent", "101"),
    percent("Infinity", "Infinity"),
    percent("YAML infinity", ".inf"),
    percent("too large to be finite", "1e309"),
    percent("not a number", "nan"),
    percent("words before the figure", "tỷ lệ 98.9"),
    percent("empty value", ""),
    years("decimal comma in years", "10,9"),
    years("over 30 years", "31"),
    ctk("ambiguous dollars", ("value: 5500", "value: 5.500")),
    ctk("ambiguous dollars, comma", ("value: 5500", "value: 5,500")),
    ctk("dollar sign", ("value: 5500", "value: $5500")),
    ctk("currency after the figure", ("value: 5500", "value: 5500 USD")),
    ctk("population with dots", ("value: 9389700", "value: 9.389.700")),
    ctk("population with commas", ("value: 9389700", "value: 9,389,700")),
    ctk("population with underscores", ("value: 9389700", "value: 9_389_700")),
    ctk("population with dots and a word", ("value: 9389700", "value: 9.389.700 người")),
    figure("figure answer: decimal comma", "10,9"),
    figure("figure answer: Infinity", "Infinity"),
    figure("figure answer: negative zero", "-0"),
    figure("figure answer: over its unit", "40"),
    gddt(
        "figure answer: year with decimals",
        ("    year: 2022\n  language", "    year: 2022.0\n  language"),
    ),
    # Years.
    year("year with decimals", "2022.0"),
    year("school year", "2021-2022"),
    year("school year, short", "2021/22"),
    year("year with a word", "năm 2022"),
    year("two-digit year", "22"),
    year("year outside the cycle", "2018"),
    year("empty year", ""),
    # Keys and ids.
    gddt(
        "misspelt key, and a separator elsewhere",
        ("    source:", "    sourse:"),
        ("value: 145", "value: 12.000"),
    ),
    gddt("capitalised key", ("    value: 98.9", "    Value: 98.9")),
    gddt("misspelt section", ("indicators:", "indicator:")),
    gddt("agency missing", ("agency: so-gddt\n", "")),
    gddt("misspelt agency", ("agency: so-gddt", "agency: so-gdtd")),
    gddt("curly quotes around the cycle", ('cycle: "2023"', "cycle: “2023”")),
    gddt("unknown indicator", ("  1.1.1.a:", "  1.1.1.x:")),
    gddt(
        "an answer under indicators:",
        (SLOGAN_BLOCK, ""),
        ("  2.1.1.a:", SLOGAN_BLOCK + "  2.1.1.a:"),
    ),
    gddt(
        "an indicator under answers:",
        (BLOCK_2_1_2, ""),
        ("  language:", BLOCK_2_1_2 + "  language:"),
    ),
    gddt("indicator not assigned, with a wrong unit", ("  1.1.1.a:", "  1.2.1.a:")),
    gddt(
        "a figure where a block is due",
        ("  2.1.1.a:\n    value: có\n    year: 2022\n", "  2.1.1.a: có\n"),
    ),
    gddt("unit in words", ("unit: percent", "unit: phần trăm")),
    gddt(
        "unit on a qualitative indicator", ("    value: có\n", "    value: có\n    unit: percent\n")
    ),
    gddt("state without diacritics", ("value: có", "value: co")),
    gddt("choice capitalised", ("choice: english", "choice: English")),
    gddt("text answer empty", ("    vi: Học tập suốt đời cho mọi người", "    vi:")),
    gddt(
        "slogan over its limit",
        ("Học tập suốt đời cho mọi người", "Học tập suốt đời cho mọi người dân thành phố"),
    ),
    Mistake(
        "file in the wrong cycle's folder",
        {
            GDDT: SO_GDDT.replace('cycle: "2023"', 'cycle: "2024"').encode("utf-8"),
            "submissions/2024/so-gddt.yaml": b'agency: so-gddt\ncycle: "2024"\n',
        },
    ),
    Mistake(
        "the same agency twice, .yaml and .yml",
        {
            GDDT: SO_GDDT.encode("utf-8"),
            "submissions/2023/so-gddt.yml": b'agency: so-gddt\ncycle: "2023"\n',
        },
    ),
    # Duplicated blocks.
    gddt(
        "a block pasted twice",
        ("  2.1.1.a:", "  2.1.2.a:\n    value: 11\n    year: 2022\n  2.1.1.a:"),
    ),
    gddt("a key twice in a block", ("    unit: percent\n", "    unit: percent\n    value: 99\n")),
    # YAML syntax.
    gddt("unclosed quote", ("source: Báo cáo", 'source: "Báo cáo')),
    gddt("no space after the colon", ("value: 98.9", "value:98.9")),
    gddt(
        "no space after the last colon of a block",
        (
            "    source: Báo cáo tổng kết năm học 2022-2023",
            "    source:Báo cáo tổng kết năm học 2022-2023",
        ),
    ),
    gddt("no colon", ("    year: 2022\n    source", "    year 2022\n    source")),
    gddt(
        "colon inside a text",
        ("vi: Học tập suốt đời cho mọi người", "vi: Học tập: suốt đời cho mọi người"),
    ),
    gddt(
        "text starting with a quotation",
        ("vi: Học tập suốt đời cho mọi người", 'vi: "Học tập" suốt đời cho mọi người'),
    ),
    gddt(
        "text starting with @", ("vi: Học tập suốt đời cho mọi người", "vi: @HCMC học tập suốt đời")
    ),
    gddt(
        "text starting with %", ("vi: Học tập suốt đời cho mọi người", "vi: %100 người dân học tập")
    ),
    gddt(
        "text starting with a dash",
        ("vi: Học tập suốt đời cho mọi người", "vi: - Học tập suốt đời"),
    ),
    gddt(
        "text starting with an asterisk",
        ("vi: Học tập suốt đời cho mọi người", "vi: *Học tập* suốt đời"),
    ),
    gddt("tab indentation", ("    unit: percent", "\tunit: percent")),
    gddt("a line indented one space too deep", ("    unit: percent", "     unit: percent")),
    gddt("a line indented one space too shallow", ("    unit: percent", "   unit: percent")),
    gddt(
        "an uncommented block shifted by one space",
        (BLOCK_2_1_2, "   2.1.2.a:\n     value: 10.9\n     unit: years\n     year: 2022\n"),
    ),
    gddt(
        "the first block shifted by one space",
        (
            "  1.1.1.a:\n    value: 98.9\n    unit: percent\n    year: 2022\n    source: Báo cáo tổng kết năm học 2022-2023\n",
            "   1.1.1.a:\n     value: 98.9\n     unit: percent\n     year: 2022\n     source: Báo cáo tổng kết năm học 2022-2023\n",
        ),
    ),
    gddt("a no-break space in the indentation", ("    unit: percent", "\u00a0   unit: percent")),
    gddt("a second document", ("answers:", "---\nanswers:")),
    # Slips that the parser misplaces or lets through (issue 24).
    gddt(
        "unclosed quote closed by a later line's quote",
        ("source: Báo cáo", 'source: "Báo cáo'),
        ("vi: Học tập suốt đời cho mọi người", 'vi: "Học tập suốt đời cho mọi người"'),
    ),
    gddt("a # after text in a value", ("source: Báo cáo tổng kết", "source: Báo cáo #12 tổng kết")),
    gddt(
        "a line of a | block indented less than the block",
        (
            "    vi: Học tập suốt đời cho mọi người\n",
            "    vi: |\n      Học tập suốt đời\n    cho mọi người\n",
        ),
    ),
    gddt(
        "Windows path in double quotes",
        (
            "    source: Báo cáo tổng kết năm học 2022-2023\n",
            '    source: Báo cáo tổng kết năm học 2022-2023\n    evidence: "C:\\Users\\Hoa\\bao-cao.pdf"\n',
        ),
    ),
    gddt("straight quote closed by a curly one", ('cycle: "2023"', 'cycle: "2023\u201d')),
    count("zero-width space after the figure", "145\u200b"),
    gddt("zero-width space after the agency", ("agency: so-gddt", "agency: so-gddt\u200b")),
    gddt("zero-width space before a key", ("    unit: percent", "\u200b    unit: percent")),
    Mistake(
        "curly quotes around a cycle of an agency that took over duties",
        {
            "submissions/2025/so-nn-mt.yaml": (
                "agency: so-nn-mt\ncycle: \u201c2025\u201d\nindicators:\n  1.3.1.a:\n"
                "    value: 5\n    unit: tonnes_per_capita\n    year: 2025\n"
            ).encode("utf-8")
        },
    ),
    raw("saved by Notepad as .yaml.txt", SO_GDDT.encode("utf-8"), GDDT + ".txt"),
    raw("extension in capitals", SO_GDDT.encode("utf-8"), GDDT.replace(".yaml", ".YAML")),
    raw("extension capitalised", SO_GDDT.encode("utf-8"), GDDT.replace(".yaml", ".Yaml")),
    # Encodings and empty files.
    raw("Windows-1258", SO_GDDT.encode("cp1258", errors="replace")),
    raw("UTF-16", codecs.BOM_UTF16_LE + SO_GDDT.encode("utf-16-le")),
    raw("empty file", b""),
    raw("comments only", b"# not yet\n"),
    raw(
        "Windows line ends and a separator",
        SO_GDDT.replace("value: 145", "value: 12.000").replace("\n", "\r\n").encode("utf-8"),
    ),
]
