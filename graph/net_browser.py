"""Drive network pages in headless Chromium (selenium): used by the browser tests and bench_viz.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``,
``/usr/bin/chromedriver``) and ``selenium`` (the ``test`` extra). Nothing here reaches
the network: pages are opened from ``file://`` or a loopback server, and Chromium is
started with its background networking off.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

CHROMIUM = os.environ.get("MEDKG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("MEDKG_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-default-apps", "--disable-extensions",
         "--disable-features=Translate,MediaRouter,OptimizationHints"]
#: resolve every host name to nothing (loopback excepted): no request can leave the machine
BLOCK_NETWORK = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                 "--proxy-server=http://127.0.0.1:9"]  # loopback bypasses the proxy by default


def missing() -> str | None:
    """Why the browser cannot run here (None when it can)."""
    for p in (CHROMIUM, CHROMEDRIVER):
        if not (Path(p).exists() or shutil.which(p)):
            return f"{p} not found (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install medkg[test])"
    return None


def driver(width: int = 1400, height: int = 900, block_network: bool = True):
    """A headless Chromium webdriver with console and network logging on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS + (BLOCK_NETWORK if block_network else []) + [f"--window-size={width},{height}"]:
        opts.add_argument(f)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def open_page(drv, url: str, timeout: float = 60.0) -> dict:
    """Load ``url`` and wait until the page says its layout is stable.

    Returns ``{"stable": bool, "wall_s": seconds from get() to stable, "stable_ms":
    ms since navigation start, "layout_ms": ms of the layout alone, "errors": [...]}``.
    """
    t0 = time.perf_counter()
    drv.get(url)
    state = None
    while time.perf_counter() - t0 < timeout:
        state = drv.execute_script(
            "return window.medkg ? {stable: window.medkg.stable, stable_ms: window.medkg.stableMs,"
            " layout_ms: window.medkg.layoutMs, errors: window.medkg.errors} : null")
        if state and state["stable"]:
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    state = state or {"stable": False, "stable_ms": None, "layout_ms": None, "errors": ["no window.medkg"]}
    state["wall_s"] = wall
    return state


def browser_cpu_seconds(drv) -> float | None:
    """CPU seconds used so far by the Chromium process tree of ``drv`` (needs psutil)."""
    try:
        import psutil
    except ImportError:
        return None
    try:
        root = psutil.Process(drv.service.process.pid)
        total = 0.0
        for p in [root] + root.children(recursive=True):
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total
    except psutil.Error:
        return None


def requests_made(drv) -> list[str]:
    """URLs the page requested since the last call (from Chromium's performance log)."""
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def console_errors(drv) -> list[str]:
    """SEVERE console messages since the last call (JS errors, CSP violations, failed loads)."""
    return [e["message"] for e in drv.get_log("browser") if e.get("level") == "SEVERE"]


_COUNT_PIXELS = """
        var c = document.querySelector('#network canvas');
        if (!c) return -1;
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
        return n;"""


def painted_pixels(drv) -> int:
    """How many pixels of the network canvas are not blank."""
    return drv.execute_script(_COUNT_PIXELS)


def watch_paint_at_stable(drv) -> None:
    """From the next page on, count the painted pixels at the instant the page says it is stable.

    The count lands in ``window.medkgPaintAtStable`` (read it with :func:`paint_at_stable`).
    Injected through the DevTools protocol before any page script runs, so a page that
    declares itself stable before its network is on the canvas is caught every time, not
    only when the test happens to look in between.
    """
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
      (function () {
        function count() {%s}
        var box;
        Object.defineProperty(window, "medkg", {configurable: true,
          get: function () { return box; },
          set: function (obj) {
            box = obj;
            var stable = obj.stable;
            Object.defineProperty(obj, "stable", {enumerable: true,
              get: function () { return stable; },
              set: function (v) { if (v && !stable) window.medkgPaintAtStable = count(); stable = v; }});
          }});
      })();""" % _COUNT_PIXELS})


def paint_at_stable(drv) -> int | None:
    """Pixels painted when the current page became stable (after :func:`watch_paint_at_stable`)."""
    return drv.execute_script("return window.medkgPaintAtStable === undefined ? null : window.medkgPaintAtStable")
