"""Headless Chromium for the view: a screenshot of it (extra ``articlex[browser]``: Playwright,
driving the system's Chromium; Playwright's own browser downloads are never used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Callable

from ..errors import ArticlexError

__all__ = ["CHROMIUM_ARGS", "chromium_path", "screenshot", "BrowserError"]

CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")
"""Run as root in a container, no GPU, and nothing of the browser's own talking to the network."""
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
SCREEN = (1600, 1500)
"""The screenshot's size in CSS pixels: the panel's 380 leave a desktop layout to the page, and the
height shows a news page from its breadcrumb to the end of a short article."""
FOCUS_MARGIN = 140
"""CSS pixels left above the focused outline: room for a crumb trail and the labels over it."""
SETTLE_MS = 150
"""Time for the overlay's first frames after it reports ready (a scroll is placed at the next frame)."""


class BrowserError(ArticlexError):
    """No Chromium or no Playwright to take the screenshot with."""


def chromium_path() -> str:
    """The browser to drive: ``$ARTICLEX_CHROMIUM``, else the first Chromium on the PATH."""
    found = os.environ.get("ARTICLEX_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if not found:
        raise BrowserError("no Chromium found: install it (Debian: apt-get install chromium) "
                           "or set ARTICLEX_CHROMIUM to its path")
    return found


def screenshot(view: Path, png: Path, *, focus: str = "title", size: tuple[int, int] = SCREEN) -> None:
    """Open the view file in headless Chromium and save a PNG of the window, scrolled so that
    the first outline of kind ``focus`` sits near the top."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BrowserError("screenshots need Playwright: pip install 'articlex[browser]'") from None
    try:
        _shoot(sync_playwright, Path(view), Path(png), focus, size)
    except Error as exc:
        raise BrowserError(f"Chromium could not take the screenshot: {exc.message.splitlines()[0]}") from None


def _shoot(sync_playwright: Callable[[], Any], view: Path, png: Path, focus: str, size: tuple[int, int]) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            page.goto(view.resolve().as_uri())
            page.wait_for_selector("articlex-view[data-ready]", state="attached")
            page.evaluate("""([kind, margin]) => {
                const el = document.querySelector(`[data-articlex-kind~="${kind}"]`);
                if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - margin);
            }""", [focus, FOCUS_MARGIN])
            page.wait_for_timeout(SETTLE_MS)
            page.screenshot(path=str(png))
        finally:
            browser.close()
