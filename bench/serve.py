"""A static file server that gzips text responses, as a real host does.

Keep-alive HTTP/1.1, ``Content-Encoding: gzip`` for text types when the
client accepts it, and a short ``Cache-Control`` like GitHub Pages sends.
Compressed bodies are cached in memory, so compression time is not measured.
"""

from __future__ import annotations

import gzip
import http.server
import os
import threading
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {  # noqa: RUF012 - the base class declares it an instance attribute; its value is never changed
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }
    _cache: ClassVar[dict[tuple[str, float], bytes]] = {}
    _lock = threading.Lock()
    _sent = 0  # response bodies sent by every server of this process (bench/repeat.py reads it)

    @classmethod
    def bytes_sent(cls) -> int:
        with cls._lock:
            return cls._sent

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib's redirect to the trailing slash
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404, "File not found")
            return None
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = wants_gzip and ctype.startswith(TEXT_TYPES)
        if compress:
            key = (str(path), path.stat().st_mtime)
            with self._lock:
                if key not in self._cache:
                    self._cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
                body = self._cache[key]
        with self._lock:
            GzipHandler._sent += len(body)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if ctype.startswith(TEXT_TYPES):
            self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return _Bytes(body)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        outputfile.write(source.read())


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self) -> bytes:
        return self.data

    def close(self) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that navigates away drops the requests it no longer needs; that is no error of the server's.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class Server:
    """``with Server(directory, port) as url:`` serves ``directory`` in a background thread."""

    def __init__(self, directory: Path, port: int = 0) -> None:
        handler = partial(GzipHandler, directory=os.fspath(directory))
        self.httpd = _QuietServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
