"""A workbook is bound to whom it was issued: the hidden sheet signed with the coordinator's key.

`hcmlc workbook` records in the hidden sheet an issue id and, last, a `seal` row: an HMAC-SHA256
of every other row of the sheet (the agency, the cycle, the language, the data/ fingerprints,
what each row asked and held), and one of each of the agency, the cycle and the language with
the issue id. The key is a random secret kept outside the repository, in the coordinator's
configuration folder (`$HCMLC_KEY_FILE`, else `$XDG_CONFIG_HOME/hcmlc/workbook.key` or
`~/.config/hcmlc/workbook.key`; `%APPDATA%` on Windows, `~/Library/Application Support` on a
Mac), made on first use, readable by its owner only. Whoever holds only a workbook cannot sign
another agency's name: `import` recomputes the seal and, when it does not hold, names what was
changed; for the agency, cycle and language it finds what they were by trying the known ones.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hcmlc.errors import HcmlcError
from hcmlc.i18n import _

ENV_VAR = "HCMLC_KEY_FILE"
SEAL = "seal"
"""The hidden sheet's last row: `seal`, the whole sheet's HMAC, then each named field's."""
ISSUE = "issue"
FIELDS = ("agency", "cycle", "lang")
"""The rows whose HMAC is also kept on its own, so that `import` can say what they were."""
_KEY_BYTES = 32
_MAX_KEY_FILE = 1_000


@dataclass(frozen=True)
class Key:
    """The coordinator's signing key and where it is kept."""

    secret: bytes
    path: Path
    created: bool = False


def key_path() -> Path:
    """Where the signing key is kept: `$HCMLC_KEY_FILE`, else the user's configuration folder."""
    configured = os.environ.get(ENV_VAR, "")
    if configured:
        return Path(configured).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = str(home / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_CONFIG_HOME", "")
        if not os.path.isabs(base):
            base = str(home / ".config")
    return Path(base) / "hcmlc" / "workbook.key"


def load_key(root: Path, *, create: bool) -> Key | None:
    """The signing key; made (mode 0600) when `create` and there is none, else None when absent.
    A key inside the repository, or a damaged one, is a usage error."""
    path = key_path()
    _outside(path, root)
    try:
        if path.is_file():
            return Key(_read(path), path)
        if path.exists():
            raise _damaged(path, _("it is not a file"))
        if not create:
            return None
        secret = secrets.token_bytes(_KEY_BYTES)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(secret.hex() + "\n")
        return Key(secret, path, created=True)
    except OSError as exc:
        raise _damaged(path, exc.strerror or str(exc)) from None


def _outside(path: Path, root: Path) -> None:
    try:
        within = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        within = True
    if within:
        raise HcmlcError(
            _("the workbook signing key {path} is inside the repository").format(path=path),
            _(
                "keep it out of the repository (anyone who reads the key can sign a workbook): "
                "set {variable} to a file in your own configuration folder"
            ).format(variable=ENV_VAR),
        )


def _read(path: Path) -> bytes:
    with path.open("rb") as stream:
        raw = stream.read(_MAX_KEY_FILE + 1)
    try:
        secret = bytes.fromhex(raw.decode("ascii").strip())
    except ValueError:
        secret = b""
    if len(raw) > _MAX_KEY_FILE or len(secret) < _KEY_BYTES:
        raise _damaged(path, _("it does not hold a key hcmlc made"))
    return secret


def _damaged(path: Path, reason: str) -> HcmlcError:
    return HcmlcError(
        _("cannot use the workbook signing key {path}: {reason}").format(path=path, reason=reason),
        _(
            "restore the key from your backup, or set {variable} to the key file; deleting it "
            "makes a new key, and workbooks issued before cannot then be checked"
        ).format(variable=ENV_VAR),
    )


def new_issue() -> str:
    """An issue id: random, so that two workbooks for one agency are told apart."""
    return secrets.token_hex(8)


def signed_text(rows: Iterable[Sequence[str]]) -> bytes:
    """The bytes the seal signs: the sheet's rows (trailing empty cells left out) as JSON."""
    return json.dumps([list(row) for row in rows], ensure_ascii=False).encode()


def field_mac(secret: bytes, issue: str, name: str, value: str) -> str:
    return _mac(secret, json.dumps([issue, name, value], ensure_ascii=False).encode())


def seal_row(secret: bytes, rows: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The `seal` row that signs `rows` (the hidden sheet's other rows)."""
    values = {row[0]: row[1] for row in rows if len(row) == 2}
    issue = values.get(ISSUE, "")
    fields = (field_mac(secret, issue, name, values.get(name, "")) for name in FIELDS)
    return (SEAL, _mac(secret, signed_text(rows)), *fields)


def _mac(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Sealed:
    """What the hidden sheet says about its signature, for `check`."""

    rows: tuple[tuple[str, ...], ...]
    """The rows signed (every row but the seal), as read."""
    seal: tuple[str, ...] | None
    """The seal row's MACs (whole, agency, cycle, language), or None when unsigned."""
    places: dict[str, int]
    """Row number of each named row (`agency`, `cycle`, `lang`, `seal`)."""


@dataclass(frozen=True)
class Broken:
    """Why a seal does not hold: the message, and the hidden sheet's row and column."""

    message: str
    row: int
    column: int = 1
    hint: str | None = None


def check(
    sealed: Sealed, key: Key | None, known: dict[str, Iterable[str]], sheet: str
) -> Broken | None:
    """None when the workbook is signed by `key`; else what was changed, as far as can be told.
    `known` gives the candidate values of each named field (agency and cycle ids, languages)."""
    if sealed.seal is None:
        return Broken(
            _(
                "the workbook is not signed: it was made before hcmlc signed workbooks, or its "
                "signature in the hidden sheet was deleted"
            ),
            sealed.places.get(SEAL, 1),
        )
    if key is None:
        return Broken(
            _(
                "the workbook's signature cannot be checked: there is no signing key at {path}"
            ).format(path=key_path()),
            sealed.places[SEAL],
            hint=_(
                "import on the computer that made the workbook, or copy its key file to {path} "
                "(or set {variable}); or, having checked who sent it, name the agency with "
                "--agency ID"
            ).format(path=key_path(), variable=ENV_VAR),
        )
    whole, *fields = sealed.seal
    values = {row[0]: row[1] for row in sealed.rows if len(row) == 2}
    issue = values.get(ISSUE, "")
    if _same(_mac(key.secret, signed_text(sealed.rows)), whole):
        # the rows are as signed; the seal's other cells must be too (nothing in it is free)
        for column, (name, mac) in enumerate(zip(FIELDS, fields, strict=True), start=3):
            if not _signs(key, issue, name, values.get(name, ""), mac):
                cell = f"{sheet}!{'ABCDE'[column - 1]}{sealed.places[SEAL]}"
                message = _("the signature in {cell} was changed").format(cell=cell)
                return Broken(message, sealed.places[SEAL], column)
        return None
    changed: list[tuple[str, str, str | None]] = []
    for name, mac in zip(FIELDS, fields, strict=True):
        value = values.get(name, "")
        if _signs(key, issue, name, value, mac):
            continue
        candidates = known.get(name, ())
        was = next((c for c in candidates if _signs(key, issue, name, c, mac)), None)
        changed.append((name, value, was))
    # when no field holds, it is the whole seal (or the key) that is foreign, not a field
    if changed and (len(changed) < len(FIELDS) or any(was for *_, was in changed)):
        name, value, was = next((c for c in changed if c[2] is not None), changed[0])
        row = sealed.places.get(name, 1)
        where, what = f"{sheet}!B{row}", _field_name(name)
        if was is not None:
            message = _("the {field} in {cell} was changed from `{was}` to `{now}`").format(
                field=what, cell=where, was=was, now=value
            )
        else:
            message = _("the {field} in {cell} was changed: `{now}` is not what was signed")
            message = message.format(field=what, cell=where, now=value)
        return Broken(message, row, 2)
    return Broken(
        _(
            "the hidden sheet `{sheet}` was changed, or signed with another key: its signature "
            "does not match the key {path}"
        ).format(sheet=sheet, path=key.path),
        sealed.places[SEAL],
    )


def _signs(key: Key, issue: str, name: str, value: str, mac: str) -> bool:
    return _same(field_mac(key.secret, issue, name, value), mac)


def _same(computed: str, read: str) -> bool:
    """Whether a MAC read from the workbook is the one computed, in constant time (as bytes:
    `compare_digest` refuses a text that is not ASCII, and the workbook's may be anything)."""
    return hmac.compare_digest(computed.encode(), read.encode("utf-8", "surrogatepass"))


def _field_name(name: str) -> str:
    return {"agency": _("agency"), "cycle": _("cycle"), "lang": _("language")}[name]
