"""A minimal Chrome DevTools Protocol client for headless Debian Chromium (no browser download).

Starts ``/usr/bin/chromium`` with a throw-away profile and ``--remote-debugging-port=0``, reads the
port from ``DevToolsActivePort``, attaches to the page over a websocket and offers ``open``,
``evaluate`` and ``screenshot``. Network requests the page makes are recorded (``requests``).
"""

from __future__ import annotations

import base64
import json
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]


class Browser:
    def __init__(self, profile: Path, *, width: int = 1400, height: int = 1000):
        profile.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._id = 0
        self.requests: list[str] = []
        try:
            port = self._port(profile / "DevToolsActivePort")
            self.ws = connect(self._page_ws(port), max_size=None, open_timeout=30)
            self.call("Page.enable")
            self.call("Network.enable")
            self.call("Runtime.enable")
        except BaseException:
            self.close()
            raise

    def _port(self, file: Path) -> int:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.proc.returncode}")
            if file.exists() and file.read_text().strip():
                return int(file.read_text().splitlines()[0])
            time.sleep(0.05)
        raise RuntimeError("chromium did not open its debugging port")

    @staticmethod
    def _page_ws(port: int) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=5).json()
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.05)
        raise RuntimeError("no page target")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=60))
            if msg.get("method") == "Network.requestWillBeSent":
                self.requests.append(msg["params"]["request"]["url"])
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return dict(msg.get("result", {}))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, ready: str = "document.documentElement.dataset.ready === '1'") -> None:
        self.requests.clear()
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while not self.evaluate(f"document.readyState === 'complete' && ({ready})"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"page not ready: {url}")
            time.sleep(0.05)

    def screenshot(self, path: Path) -> None:
        size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        shot = self.call(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1},
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


__all__ = ["CHROMIUM", "Browser", "ClientConnection"]
