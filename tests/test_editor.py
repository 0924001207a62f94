"""The editor's view: the real YAML language server (as VS Code's YAML extension runs it) on a
file `new-submission` wrote, with the schema `hcmlc schema` generated.

It needs the server installed by `make node-tools` (build/node); without it the tests skip,
except in CI, where they must run. One server serves the module's tests (each opens its own
files, in a repository of its own): started once and settled once (it has taken its
settings), it validates each file it is given once, 200 ms after it is opened, with the schema
loaded, and publishes the result.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hcmlc.documents.scaffold import owed
from hcmlc.repository.load import load

PROJECT = Path(__file__).resolve().parents[1]
SERVER = PROJECT / "build/node/node_modules/yaml-language-server/bin/yaml-language-server"
FILE = "submissions/2023/so-gddt.yaml"
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "schemaStore": {"enable": False},
        "format": {"enable": False},
    }
}


class LanguageServer:
    """A JSON-RPC client of the language server over its standard input and output."""

    def __init__(self, root: Path) -> None:
        # `--no-opt`: V8 without its optimising compiler (TurboFan), whose work for a server
        # that lives the few seconds of this module never pays (a third of its CPU); the
        # server's answers are the same.
        self.process = subprocess.Popen(
            ["node", "--no-opt", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        self.opened: set[str] = set()
        self.settings_given = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self._receive(timeout)
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def _receive(self, timeout: float) -> dict[str, Any]:
        """The next message, answering the server's own requests on the way."""
        message = self.messages.get(timeout=timeout)
        if message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics[params["uri"]] = params["diagnostics"]
        elif "method" in message and "id" in message:
            result: Any = None
            if message["method"] == "workspace/configuration":
                items = message["params"]["items"]
                result = [SETTINGS.get(i.get("section")) for i in items]
                if not any("scopeUri" in i for i in items):  # the server's settings, not a file's
                    self.settings_given += 1
            self._send({"id": message["id"], "result": result})
        return message

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        self.opened.add(uri)
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        return uri

    def diagnostics_of(self, *uris: str) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for `uris`, once it has published for each."""
        try:
            while any(uri not in self.diagnostics for uri in uris):
                self._receive(30)
        except queue.Empty:
            pass
        return [d for uri in uris for d in self.diagnostics.get(uri, [])]

    def settled(self, folder: Path) -> None:
        """Wait until the server has taken its settings (a server still taking them validates
        the files open again when they arrive). It asks for them (`workspace/configuration`)
        once when `initialized` and once for the `didChangeConfiguration` sent with them, and
        applies each answer at once (no schema store to fetch): once both are answered, a file
        opened is validated once, with them. A file opened then and its diagnostics awaited
        shows the server validating, without waiting for it to fall silent."""
        while self.settings_given < 2:
            self._receive(30)
        uri = self.open(folder / "settle.yaml", "a: 1\n")
        self.diagnostics_of(uri)
        self.close_files()

    def close_files(self) -> None:
        """Close the files opened so far (a test's files, at its end)."""
        for uri in sorted(self.opened):
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.opened.clear()

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.process.wait(timeout=5)
        except (TimeoutError, queue.Empty, subprocess.TimeoutExpired, BrokenPipeError):
            self.process.kill()


@pytest.fixture(scope="module")
def language_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageServer]:
    """The server, started once for the module's tests and settled."""
    if not (SERVER.exists() and shutil.which("node")):
        if os.environ.get("CI"):
            pytest.fail("CI must install the YAML language server: make node-tools")
        pytest.skip("the YAML language server is not installed: run `make node-tools`")
    folder = tmp_path_factory.mktemp("editor")
    client = LanguageServer(folder)
    client.settled(folder)
    yield client
    client.close()


@pytest.fixture
def server(repo, language_server: LanguageServer) -> Iterator[LanguageServer]:
    """The server, with the schema `hcmlc schema` wrote in the test's repository; the test's
    files closed at its end."""
    shutil.copytree(PROJECT / "schema", repo.root / "schema")
    yield language_server
    language_server.close_files()


def scaffolded(hcmlc, repo) -> str:
    assert hcmlc("new-submission", "--root", str(repo.root), "--agency", "so-gddt")[0] == 0
    return (repo.root / FILE).read_text(encoding="utf-8")


def line_of(text: str, pattern: str) -> int:
    """0-based number of the first line matching `pattern`."""
    return next(i for i, line in enumerate(text.splitlines()) if re.fullmatch(pattern, line))


def test_mistakes_are_underlined_as_staff_type(hcmlc, repo, server) -> None:
    text = scaffolded(hcmlc, repo).replace(
        "  # 1.1.1.a:\n  #   value:\n  #   unit: percent\n  #   year:\n  #   source:\n",
        "  1.1.1.a:\n    value: 101\n    unit: percent\n    year: 2022\n    sourse: Báo cáo\n"
        "  1.1.1.x:\n    value: 5\n    year: 2022\n",
    )
    uri = server.open(repo.root / FILE, text)
    found = sorted((d["range"]["start"]["line"], d["message"]) for d in server.diagnostics_of(uri))
    assert [line for line, _ in found] == [
        line_of(text, "    value: 101"),
        line_of(text, "    sourse: Báo cáo"),
        line_of(text, "  1.1.1.x:"),
    ], found
    assert "100" in found[0][1]  # the maximum of `percent`
    assert "sourse" in found[1][1] and "1.1.1.x" in found[2][1]


def test_completion_offers_the_owed_indicators(hcmlc, repo, server) -> None:
    text = scaffolded(hcmlc, repo)
    at = line_of(text, "indicators:") + 1
    lines = text.splitlines()
    lines.insert(at, "  ")
    uri = server.open(repo.root / FILE, "\n".join(lines) + "\n")
    server.diagnostics_of(uri)
    result = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": at, "character": 2}},
    )
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    catalog = load(repo.root).require_catalog()
    expected = owed(catalog, "so-gddt", catalog.cycles["2023"], "indicator")
    assert len(expected) == 27 and set(expected) <= labels
    literacy = next(item for item in items if item["label"] == "1.1.1.a")
    assert "Tỷ lệ phần trăm người biết chữ" in json.dumps(literacy, ensure_ascii=False)


def test_hover_shows_the_indicators_own_text_and_rule(hcmlc, repo, server) -> None:
    text = scaffolded(hcmlc, repo).replace(
        "  # 1.1.1.a:\n  #   value:\n", "  1.1.1.a:\n    value: 98.9\n    year: 2022\n"
    )
    text = text.replace("  #   unit: percent\n  #   year:\n  #   source:\n", "", 1)
    uri = server.open(repo.root / FILE, text)
    server.diagnostics_of(uri)
    at = line_of(text, "  1.1.1.a:")
    hover = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": at, "character": 4}},
    )
    shown = hover["contents"]["value"]
    assert "1.1.1.a — Tỷ lệ phần trăm người biết chữ từ 15 tuổi trở lên" in shown
    assert "from 0 to 100" in shown and "IndicatorValue" not in shown
    value = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": at + 1, "character": 6}},
    )
    assert "a number in percent, from 0 to 100" in value["contents"]["value"]


def test_no_diagnostic_on_any_shipped_submission(repo, server) -> None:
    paths = sorted((PROJECT / "submissions").rglob("*.yaml"))
    assert len(paths) == 42  # 2023–2025, the wards' included
    uris = {}
    for path in paths:
        relative = path.relative_to(PROJECT)
        target = repo.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8")
        if "yaml-language-server" not in text:
            text = "# yaml-language-server: $schema=../../schema/submission.schema.json\n" + text
        uris[server.open(target, text)] = relative
    server.diagnostics_of(*uris)
    assert {uris[uri]: server.diagnostics[uri] for uri in uris if server.diagnostics[uri]} == {}
