"""What openxml-audit's checks of one part of an Office file read, and their findings kept by
it (see tests/office_validity.py): a part's facts from one parse of its bytes (its shape: its
XML without texts; the counts the spreadsheet check across parts reads), the findings of the
schema and semantic checks of each part, and the parsed XML of identical parts shared by all
the packages that hold them. The repeated elements found clean are in tests/office_elements.py."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

SHEET_ML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
WORD_ML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class PartFindings:
    """The findings of one check (schema or semantic) of each part, by what the check reads."""

    def __init__(self, check: Callable[[Any, Any], Any], key: Callable[[Any], tuple[Any, ...]]):
        self.check = check
        self.key = key
        self.found: dict[tuple[Any, ...], list[Any]] = {}

    def __call__(self, part: Any, context: Any) -> Any:
        key = self.key(part)
        if key in self.found:
            context.set_part(part)
            context.errors.extend(self.found[key])
            return context.errors
        before = len(context.errors)
        self.check(part, context)
        self.found[key] = context.errors[before:]
        return context.errors


def _digest(data: bytes | None) -> str:
    return hashlib.sha256(data or b"").hexdigest()


class Facts(NamedTuple):
    """What the checks read of a part's bytes, from one parse: its shape (below), and for the
    spreadsheet's check across parts the number of shared strings it holds (`si` elements
    below its root) and its cells' shared-string indexes (how many, the least, the greatest).
    A part that is not well-formed XML has its bytes' digest for a shape and no counts."""

    shape: str
    strings: int | None = None
    refs: tuple[int, int, int] | None = None
    crossing: frozenset[tuple[str, str]] = frozenset()
    """The tags and attributes held of those a semantic rule reads other parts for."""
    populated: bool = False
    """Whether an `si` is a child of its root: a shared-strings table holding a string, as the
    spreadsheet's canonical-form check reads it."""


FACTS: dict[str, Facts] = {}
"""The digest of each part's bytes → its facts."""


RECENT: OrderedDict[int, tuple[bytes, Facts]] = OrderedDict()
"""The facts of the parts last asked about, by the identity of their bytes (each entry holds
its bytes, so that no other object takes their id): the schema, semantic and canonical-form keys
of a part ask for the shape of the same bytes object, which is then hashed once."""
KEPT_RECENT = 64


def shape(data: bytes | None) -> str:
    """What the rules read of a part: its XML as openxml-audit parses it, every text and tail
    emptied (elements, attributes, namespaces and their order kept)."""
    return facts(data).shape


def facts(data: bytes | None) -> Facts:
    """A part's facts, from one parse of its bytes met for the first time."""
    if data is not None and (recent := RECENT.get(id(data))) and recent[0] is data:
        RECENT.move_to_end(id(data))
        return recent[1]
    found = _facts_of(data)
    if data is not None:
        RECENT[id(data)] = data, found
        if len(RECENT) > KEPT_RECENT:
            RECENT.popitem(last=False)
    return found


def _facts_of(data: bytes | None) -> Facts:
    raw = _digest(data)
    if raw not in FACTS:
        from lxml import etree
        from openxml_audit import OpenXmlValidator

        try:
            root = etree.fromstring(data)  # as openxml-audit's package reads a part
        except (etree.XMLSyntaxError, ValueError):
            FACTS[raw] = Facts(raw)
        else:
            strings = len(root.findall(f".//{SHEET_ML}si"))  # as the check across parts counts
            populated = bool(root.findall(f"{SHEET_ML}si"))  # as the canonical-form check reads
            # the check's own reading of a worksheet's shared-string cells (it uses no state)
            found = OpenXmlValidator._iter_shared_string_refs(None, root)  # type: ignore[arg-type]
            refs = (len(found), min(found, default=0), max(found, default=0))
            assert CROSSING, "the validator is made first"
            crossing = frozenset(
                (node.tag, name)
                for node in root.iter(*{tag for tag, _ in CROSSING})
                for name in node.attrib
                if (node.tag, name) in CROSSING
            )
            for node in root.iter():
                node.text = None
                node.tail = None
            made = Facts(
                "shape:" + _digest(etree.tostring(root)), strings, refs, crossing, populated
            )
            FACTS[raw] = made
    return FACTS[raw]


def schema_key(part: Any) -> tuple[Any, ...]:
    """The schema rules read the part's own XML and nothing else."""
    return part.uri, part.content_type, shape(part.raw_content)


CROSSING: dict[tuple[str, str], list[Any]] = {}
"""Each element tag and attribute for which a semantic rule reads other parts → those rules:
openxml-audit's cross-part count and reference rules (a count of elements, or the values of an
attribute, in the parts a name resolves to, or in every part where it resolves to none), also
where they sit inside an either/both/if rule. Each rule reads nothing where its element lacks
the attribute."""


KEPT_BY_PACKAGE: list[dict[Any, Any]] = []
"""What each of those rules keeps by the id of a package."""


def within(rule: Any) -> Iterator[Any]:
    """A semantic rule and those within it (an either/both/if rule's)."""
    yield rule
    for inner in getattr(rule, "constraints", ()):
        yield from within(inner)
    if (inner := getattr(rule, "constraint", None)) is not None:
        yield from within(inner)


def watch_crossings(*validators: Any) -> None:
    """Note the rules of the semantic `validators` that read other parts."""
    from openxml_audit.semantic.constraints.cross_part import (
        CrossPartCountConstraint,
        CrossPartReferenceConstraint,
    )

    for semantic in validators:
        for tag, rules in semantic._constraints.items():
            for rule in (inner for outer in rules for inner in within(outer)):
                if isinstance(rule, CrossPartCountConstraint | CrossPartReferenceConstraint):
                    space = rule.attribute_namespace
                    name = f"{{{space}}}{rule.attribute}" if space else rule.attribute
                    CROSSING.setdefault((tag, name), []).append(rule)
                    counts = isinstance(rule, CrossPartCountConstraint)
                    KEPT_BY_PACKAGE.append(rule._count_cache if counts else rule._value_cache)


def forget_crossings() -> None:
    """Empty the counts and values the cross-part rules keep by the id of a package, which a
    later package may take once the first is gone: each file's are its own."""
    for kept in KEPT_BY_PACKAGE:
        if kept:
            kept.clear()


class _Checking:
    """A validation context as the cross-part rules' resolution of a part's name reads it."""

    def __init__(self, part: Any) -> None:
        self.part = part


def semantic_key(part: Any) -> tuple[Any, ...]:
    """The semantic rules of a part read its XML without texts (an attribute's value, a count of
    elements, the ids below its root), its relationships (their ids and types), and, where an
    element holds an attribute a cross-part rule reads, the parts that rule's name resolves to
    (openxml-audit's own resolution, from the part's name and the package's parts), each by its
    shape, or every part where it resolves to none. Nothing else: no other part, no part names
    (the kinds of rule that read so are all known: tests/office_elements.py stops on another)."""
    from openxml_audit.relationships import get_rels_path
    from openxml_audit.semantic.constraints.cross_part import _resolve_part_uris

    package = part._package
    rels = package.get_part_content(get_rels_path(part.uri).lstrip("/"))
    found = facts(part.raw_content)
    reads: dict[str, tuple[tuple[str, str], ...]] = {}
    for crossing in sorted(found.crossing):
        for rule in CROSSING[crossing]:
            if rule.part_path not in reads:
                named = _resolve_part_uris(rule.part_path, _Checking(part), package)  # type: ignore[arg-type]
                uris = named or list(package.list_parts())
                shapes = tuple((uri, shape(package.get_part_content(uri))) for uri in uris)
                reads[rule.part_path] = shapes
    return part.uri, found.shape, _digest(rels), tuple(sorted(reads.items()))


def remember_paths() -> None:
    """openxml-audit's two path sums, asked for thousands of times a file through pathlib, each
    worked once per input: the relationships part of a part (a function of the part's name
    alone), and a relationship's target (of its target, its mode and the source part's name)."""
    from functools import lru_cache

    from openxml_audit import package, relationships, validator

    rels_path = lru_cache(maxsize=4096)(relationships.get_rels_path)
    for module in (relationships, package, validator):
        module.get_rels_path = rels_path  # type: ignore[attr-defined]
    target = lru_cache(maxsize=4096)(_target_of)
    resolve = relationships.Relationship.resolve_target

    def resolve_target(rel: Any, source_uri: str) -> str:
        return target(rel.target, rel.target_mode, source_uri, resolve)  # type: ignore[no-any-return]

    relationships.Relationship.resolve_target = resolve_target  # type: ignore[method-assign]


def _target_of(target: str, mode: str, source_uri: str, resolve: Callable[..., str]) -> str:
    from openxml_audit.relationships import Relationship

    return resolve(Relationship(id="", type="", target=target, target_mode=mode), source_uri)


TREES: OrderedDict[str, Any] = OrderedDict()
"""The parsed XML of the parts last read, by the digest of their bytes: the checks across the
parts of a letter read its styles and numbering, the same in every letter."""
KEPT_TREES = 64


def shared_part_xml(read: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    """A package's `get_part_xml` that parses a part's bytes once for all the packages that
    hold them (openxml-audit's checks only read the tree); one that does not parse is left to
    `read`, which reports it."""
    from lxml import etree

    def get_part_xml(package: Any, part_path: str) -> Any:
        if part_path in package._xml_cache:
            return package._xml_cache[part_path]
        content = package.get_part_content(part_path)
        if content is None:
            return None
        digest = _digest(content)
        root = TREES.get(digest)
        if root is None:
            try:
                root = etree.fromstring(content)  # as openxml-audit's package parses it
            except etree.XMLSyntaxError:
                return read(package, part_path)
            TREES[digest] = root
            if len(TREES) > KEPT_TREES:
                TREES.popitem(last=False)
        else:
            TREES.move_to_end(digest)
        package._xml_cache[part_path] = root
        return root

    return get_part_xml
