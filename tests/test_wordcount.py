import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcmlc.text.wordcount import _WORD, count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Thành phố Hồ Chí Minh", 5),  # one word per Vietnamese syllable, as Word counts
        ("Học tập suốt đời cho mọi người.", 7),
        ("Learning for all, everywhere!", 4),
        ("e-learning", 1),  # hyphen joins
        ("city's", 1),  # apostrophe joins
        ("và/hoặc and/or", 4),  # slash separates
        ("TP.HCM", 1),  # dot inside a run joins
        ("9.389.720 dân", 2),  # a number with separators is one word
        ("3,5% GDP", 2),
        ("— … ; !", 0),  # punctuation alone is no word
        ("", 0),
        ("Hồ Chí Minh", 3),
        ("kinh tế - xã hội", 4),  # a spaced dash is punctuation
        ("Sở GD&ĐT", 3),  # & separates
        ("về học tập (tối đa 200 từ).", 7),  # numbers count; brackets and dots do not
        ("about 2,000 pixels wide", 4),
        ("well-being, COVID-19 and 10% e.g.", 5),
        ("UNESCO/UIL: peer-learning", 3),
    ],
)
def test_counts_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_nfd_text_counts_like_nfc() -> None:
    import unicodedata

    text = "Thành phố học tập"
    assert count_words(unicodedata.normalize("NFD", text)) == count_words(text) == 4


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aẠ9_ -.,'’‐/\t\n\u00a0\u2028\u0301&x")) | st.text())
def test_counted_token_by_token_as_over_the_whole_text(text: str) -> None:
    """The count token by token is the count of the rule's expression over the whole text."""
    whole = len(_WORD.findall(unicodedata.normalize("NFC", text)))
    assert count_words(text) == whole
