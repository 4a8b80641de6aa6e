"""A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`, standard library
only: no selenium, no chromedriver, no websocket package. Chromium reads commands from fd 3
and writes replies and events to fd 4, one JSON message per NUL-terminated record.

Used by tests/test_html_browser.py to open the HTML report in Debian's headless Chromium,
run script in the page, click with real mouse events and take screenshots.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import time

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--no-default-browser-check", "--remote-debugging-pipe")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def require_chromium() -> str:
    """Chromium's path; without it the calling test is skipped, or failed when
    RELEASE_QA_REQUIRE_BROWSER=1 (CI)."""
    import pytest
    binary = find_chromium()
    if binary is None:
        why = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("RELEASE_QA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"RELEASE_QA_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    return binary


class CDPError(RuntimeError):
    pass


# Puts the two pipe ends on fds 3 and 4 and becomes Chromium (a shell cannot: dash only
# redirects fds 0-9, and the pipe ends may sit anywhere).
_TRAMPOLINE = ("import os, sys; a, b = int(sys.argv[1]), int(sys.argv[2]); "
               "os.dup2(a, 3); os.dup2(b, 4); os.execv(sys.argv[3], sys.argv[3:])")


def _high(*fds: int) -> tuple[int, ...]:
    """The fds moved to numbers of 10 and up, so that putting them on 3 and 4 in the child
    cannot clobber one of them."""
    out = []
    for fd in fds:
        out.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return tuple(out)


class Chromium:
    """One headless browser with one page (tab) attached in flat session mode."""

    def __init__(self, binary: str, profile: str, width: int = 1366, height: int = 900,
                 timeout: float = 30.0) -> None:
        to_r, to_w = _high(*os.pipe())
        from_r, from_w = _high(*os.pipe())
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _TRAMPOLINE, str(to_r), str(from_w), binary, *FLAGS,
             f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
            pass_fds=(to_r, from_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.out, self.inp = to_w, from_r
        self.timeout = timeout
        self.buffer = b""
        self.last_id = 0
        self.events: list[dict] = []
        self.session = None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    # -- protocol ---------------------------------------------------------------------------
    def _read(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.inp], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.inp, 1 << 16)
            if not chunk:
                raise CDPError("Chromium closed the pipe")
            self.buffer += chunk
        record, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(record)

    def call(self, method: str, **params) -> dict:
        self.last_id += 1
        msg = {"id": self.last_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            msg["sessionId"] = self.session
        os.write(self.out, json.dumps(msg).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    # -- what a test needs --------------------------------------------------------------------
    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str):
        """The value of a script expression in the page (exceptions raise CDPError)."""
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                        awaitPromise=True)
        if "exceptionDetails" in res:
            raise CDPError(res["exceptionDetails"].get("exception", {}).get("description", "script error"))
        return res["result"].get("value")

    def click(self, selector: str) -> None:
        """Scroll the element to the middle of the window and click it with the mouse."""
        box = self.js(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            if (!el) return null;
            el.scrollIntoView({{block: 'center', inline: 'nearest'}});
            const r = el.getClientRects()[0] || el.getBoundingClientRect();
            return [r.left + Math.min(r.width / 2, 4), r.top + r.height / 2];
        }})()""")
        if box is None:
            raise CDPError(f"no element {selector}")
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def key(self, key: str) -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                      windowsVirtualKeyCode={"Escape": 27, "Enter": 13}.get(key, 0))

    def screenshot(self, path: str, full_page: bool = False) -> None:
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as fh:
            fh.write(base64.b64decode(data))

    def errors(self) -> list[str]:
        """Script exceptions and console errors seen so far."""
        out = []
        for ev in self.events:
            m, p = ev.get("method"), ev.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("text", "exception"))
            elif m == "Runtime.consoleAPICalled" and p.get("type") == "error":
                out.append(" ".join(str(a.get("value", "")) for a in p.get("args", [])))
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", ""))
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (CDPError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.out, self.inp):
            try:
                os.close(fd)
            except OSError:
                pass
