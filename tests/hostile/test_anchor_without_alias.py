"""An anchor that no alias uses is refused, as the README promises for anchors and aliases."""

from __future__ import annotations

from hostile_cases import GOOD, SUBMISSION, located


def test_an_anchor_alone_is_refused_where_it_stands(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD.replace("value: 99.1", "value: &figure 99.1"))
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 5, 12, "HCMLC-E005")]
    assert problems[0]["message"] == "anchors and aliases (&name, *name) are not supported"


def test_an_anchor_with_its_alias_is_reported_once_where_it_is_used(repo, validate_json) -> None:
    text = GOOD.replace("value: 99.1", "value: &figure 99.1") + "prepared_by: *figure\n"
    repo.write(SUBMISSION, text)
    code, problems = validate_json(repo.root)
    assert code == 1
    assert located(problems) == [(SUBMISSION, 9, 1, "HCMLC-E005")]


def test_an_ampersand_in_text_is_no_anchor(repo, validate_json) -> None:
    repo.write(SUBMISSION, GOOD.replace("Báo cáo", "Sở VH&TT, R&D"))
    assert validate_json(repo.root) == (0, [])


def test_json_style_anchors_right_after_a_colon_are_seen() -> None:
    """`"a":&x` has no space before the anchor: still an anchor, and its aliases refused."""
    from hcmlc.yamlfiles.reader import parse_yaml

    bomb = '{"a":&a ["lol","lol"],"b":&b [*a,*a],"c":[*b,*b]}\n'
    doc = parse_yaml(bomb, SUBMISSION)
    # each alias is refused where it is used (in the list holding it), so nothing expands
    assert [(p.line, p.column, p.code) for p in doc.problems] == [
        (1, 27, "HCMLC-E005"),
        (1, 27, "HCMLC-E005"),
        (1, 42, "HCMLC-E005"),
        (1, 42, "HCMLC-E005"),
    ]
    assert doc.data == {"a": ["lol", "lol"], "b": [None, None], "c": [None, None]}
