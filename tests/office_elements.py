"""The repeated elements of an Office file's parts (a sheet's rows, a document's paragraphs, a
letter's styles) found clean by openxml-audit's schema and semantic checks, remembered by what
those checks read of them (see tests/office_validity.py), so that a part met for the first time
is checked only where it differs from those met before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from office_parts import SHEET_ML, WORD_ML, within

SHEET_REPEATED = ("row", "xf", "font")
WORD_REPEATED = ("p", "tr", "style", "lsdException", "abstractNum", "num", "font")
REPEATED = frozenset(
    {f"{SHEET_ML}{tag}" for tag in SHEET_REPEATED} | {f"{WORD_ML}{tag}" for tag in WORD_REPEATED}
)
"""The elements a part repeats: a sheet's rows, a workbook's cell formats and fonts, a
document's paragraphs and table rows, a letter's styles, latent-style exceptions, numbering
definitions and fonts (most of them the same in the styles of every template)."""
MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _subtree(node: Any) -> tuple[Any, ...] | None:
    """What the schema rules read of an element and all below it: tags and attributes, nested
    (openxml-audit's schema rules never read a text). None where a markup-compatibility
    construct resolves prefixes through the namespaces in scope, which this does not hold."""
    tag = node.tag
    if not isinstance(tag, str):
        return ("#",)  # a comment or processing instruction: the rules skip it
    if tag.startswith(MARKUP_COMPATIBILITY) or f"{MARKUP_COMPATIBILITY}Ignorable" in node.attrib:
        return None
    below = []
    for child in node:
        shape = _subtree(child)
        if shape is None:
            return None
        below.append(shape)
    return (tag, tuple(node.attrib.items()), *below)


def clean_remembered(validate_element: Callable[..., None]) -> Callable[..., None]:
    """The schema validator's check of an element, remembering each repeated element (a row,
    a paragraph, a style) found clean: one of the same tags and attributes below it, under
    parents of the same tags, is clean again. That is all the check of an element and all below
    it reads: openxml-audit picks an element's type by its tag, child tags and attribute names,
    its parent's and grandparent's tags (the children's, by tags within the subtree and the
    element's and its parent's), checks its attributes' values and its children's order, and
    drops nothing but markup-compatibility constructs (not remembered). An element with any
    error is checked every time, so each error is reported where it is."""
    clean: set[tuple[Any, ...]] = set()

    def validate(element: Any, context: Any, ignorable: frozenset[str] = frozenset()) -> None:
        if element.tag not in REPEATED:
            return validate_element(element, context, ignorable)
        shape = _subtree(element)
        parent = element.getparent()
        grandparent = None if parent is None else parent.getparent()
        key = (
            shape,
            None if parent is None else parent.tag,
            None if grandparent is None else grandparent.tag,
            ignorable,
            context.file_format,
        )
        if shape is not None and key in clean:
            return None
        before = len(context.errors)
        validate_element(element, context, ignorable)
        if shape is not None and len(context.errors) == before and not context.should_stop:
            clean.add(key)
        return None

    return validate


ALONE = frozenset(
    {
        "AttributeMinMaxConstraint",
        "AttributeValuePatternConstraint",
        "AttributeValueLengthConstraint",
        "AttributeValueInSetConstraint",
        "AttributeEqualsConstraint",
        "AttributeNotEqualConstraint",
        "AttributesPresentConstraint",
        "AttributeComparisonConstraint",
        "OrConstraint",
        "AndConstraint",
        "ConditionalConstraint",
    }
)
"""The semantic rules that read nothing but their element's attributes (an either/both/if
rule, nothing but the rules within it)."""
GATED = frozenset(
    {
        "UniqueAttributeValueConstraint",
        "RelationshipExistConstraint",
        "RelationshipTypeConstraint",
        "CrossPartCountConstraint",
        "CrossPartReferenceConstraint",
    }
)
"""The semantic rules that read beyond their element (the other elements of its part or its
parent, the part's relationships, other parts), each only where its element holds its
attribute."""
BEYOND: dict[str, set[str]] = {}
"""Each tag with a rule that reads beyond its element → the attributes that make it read so."""
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def watch_beyond(*validators: Any) -> None:
    """Note the rules of the semantic `validators` that read beyond their element. A rule of a
    kind not known here (a later openxml-audit's) stops the session: what it reads is not known,
    so neither this memo nor a part's semantic key (tests/office_parts.py) could cover it."""
    for semantic in validators:
        for tag, rules in semantic._constraints.items():
            for rule in (inner for outer in rules for inner in within(outer)):
                kind = type(rule).__name__
                if kind in ALONE:
                    continue
                assert kind in GATED, f"{kind}: say what it reads in tests/office_elements.py"
                names = BEYOND.setdefault(tag, set())
                name = getattr(rule, "attribute", None) or rule.relationship_id_attribute
                space = getattr(rule, "attribute_namespace", getattr(rule, "namespace", None))
                names.add(f"{{{space}}}{name}" if space else name)


def _reads_alone(element: Any) -> bool:
    """Whether the semantic rules of an element and all below it read nothing but their own
    tags and attributes: no attribute a rule reads beyond its element for, and no relationship
    id (checked against the part's relationships)."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        beyond = BEYOND.get(node.tag, ())
        for name in node.attrib:
            if name in beyond or name.startswith(RELATIONSHIP):
                return False
    return True


def clean_read_alone(validate_element: Callable[..., None]) -> Callable[..., None]:
    """The semantic validator's check of an element, remembering each repeated element (a row,
    a paragraph) found clean whose rules read nothing but its tags and attributes and those
    below it: one of the same tags and attributes is clean again (the rules are picked by tag
    alone). One whose rules read beyond it (an id unique in its part, a relationship, another
    part), or holding a markup-compatibility construct, or with any error is checked every
    time, so each error is reported where it is."""
    clean: set[tuple[Any, ...]] = set()

    def validate(element: Any, context: Any) -> None:
        if element.tag not in REPEATED:
            return validate_element(element, context)
        shape = _subtree(element)
        key = (shape, context.file_format)
        if shape is not None and key in clean:
            return None
        before = len(context.errors)
        validate_element(element, context)
        found = len(context.errors) > before or context.should_stop
        if shape is not None and not found and _reads_alone(element):
            clean.add(key)
        return None

    return validate
