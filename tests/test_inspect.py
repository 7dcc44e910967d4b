"""``articlex inspect``: the annotated view, opened in a real headless Chromium.

The browser is Debian's ``chromium`` driven by Playwright (``.ci/run`` installs both). Without
them the browser tests skip on a developer's machine and fail in CI (``CI`` set): they must run there.
Every request that leaves the page goes through a route that serves the view itself and counts
(and refuses) anything else, so "nothing was fetched" is a count of zero. Chromium reports the
loads its Content-Security-Policy refuses as requests that failed with ``csp``: those never reach
the route (nor any network), and the attack test checks every other request ended that way.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from support import FIXTURES, SENTENCE, shared, source

from articlex import Article, extract
from articlex.cli import main
from articlex.lexicon import fold
from articlex.view import KINDS, render

VIEW_URL = "http://view.articlex.test/view.html"
"""Where the test serves the view (through the route: no network is involved)."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}
TOLERANCE = 1.5
"""Pixels an outline may differ from its element's box by (its 2 px padding, subpixel rounding)."""
OUTLINE_PAD = 2
ACTION_TIMEOUT_MS = 10_000
"""A click or a wait that takes longer has failed (the default, 30 s, only slows a failing run)."""
VIEWED = [("fr-tagdiv-agency", "html"), ("fr-tagdiv-agency", "text"), ("en-jnews", "html"), ("en-jnews", "text"),
          ("ru-news", "html"), ("es-jannah", "html"), ("pt-soledad", "text"), ("de-tagdiv-dpa", "html"),
          ("uk-news", "html"), ("ro-jsonld-only", "html")]
"""Fixtures whose views are opened: several themes and languages, both input kinds."""


def _unavailable(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, but CI is set: the browser tests must run in CI (.ci/run installs it)")
    pytest.skip(f"{what} is missing (apt-get install chromium; pip install -e '.[test]')")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright")
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _unavailable("Chromium")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A view open in a fresh browser context, with every request it made."""

    def __init__(self, browser, view: str) -> None:
        self.requests: list[str] = []
        self.routed: list[str] = []
        self.refused: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(ACTION_TIMEOUT_MS)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: request.failure == "csp" and self.refused.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.view = view
        self.page.goto(VIEW_URL)
        self.page.wait_for_selector("articlex-view[data-ready]", state="attached")

    def _route(self, route) -> None:
        if route.request.url == VIEW_URL:
            route.fulfill(body=self.view, content_type="text/html; charset=utf-8")
        else:
            self.routed.append(route.request.url)
            route.abort()

    def fetched(self) -> list[str]:
        """Every request that left the page but the view's own."""
        return self.routed

    def attempted(self) -> list[str]:
        """Every load the page tried (refused by the policy or not) but the view's own."""
        return [url for url in self.requests if url != VIEW_URL]

    def next_frames(self) -> None:
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser):
    views: list[Opened] = []

    def open_view(view: str) -> Opened:
        views.append(Opened(browser, view))
        return views[-1]

    yield open_view
    for view in views:
        view.close()


# -- the fixtures' views ------------------------------------------------------------------------

def _expected_kinds(article) -> set[str]:
    """The outline kinds the article's values call for (dates are outlined only where shown)."""
    present = {
        "breadcrumb": article.breadcrumb, "title": article.title, "body": article.blocks,
        "counters": article.counters.views is not None or article.counters.comments is not None,
        "authors": article.attribution.authors, "sources": article.attribution.sources,
        "related": article.related, "previous": article.previous, "next": article.next,
    }
    return {kind for kind, value in present.items() if value}


@pytest.mark.parametrize("name,mode", VIEWED, ids=[f"{n}-{m}" for n, m in VIEWED])
def test_each_field_is_outlined_where_it_sits(opened, name, mode):
    article = extract(source(name, mode))
    view = opened(render(source(name, mode), name=name))
    boxes = view.page.locator("articlex-view .box")
    kinds = {boxes.nth(i).get_attribute("data-kind") for i in range(boxes.count())}
    assert _expected_kinds(article) <= kinds
    for i in range(boxes.count()):
        box = boxes.nth(i)
        element = view.page.locator(f'[data-articlex~="{box.get_attribute("data-mark")}"]')
        assert element.count() == 1
        element.scroll_into_view_if_needed()
        view.next_frames()
        assert box.is_visible()
        outline, target = box.bounding_box(), element.bounding_box()
        assert outline["width"] > 0 and outline["height"] > 0
        for side in ("x", "y"):
            assert abs(outline[side] - (target[side] - OUTLINE_PAD)) <= TOLERANCE
        for side in ("width", "height"):
            assert abs(outline[side] - (target[side] + 2 * OUTLINE_PAD)) <= TOLERANCE
    _check_outlined_text(view, article)
    assert view.fetched() == []


def _outlined_text(view: Opened, kind: str) -> list[str]:
    return [fold(t) for t in view.page.locator(f'[data-articlex-kind~="{kind}"]').all_text_contents()]


def _check_outlined_text(view: Opened, article) -> None:
    """Each outline surrounds its field's own text."""
    expected = {
        "title": [article.title] if article.title else [],
        "breadcrumb": [c.text for c in article.breadcrumb],
        "related": [link.text for link in article.related],
        "previous": [article.previous.text] if article.previous else [],
        "next": [article.next.text] if article.next else [],
        "authors": article.attribution.authors,
        "body": [block.text[:40] for block in article.blocks],
    }
    for kind, texts in expected.items():
        shown = " ".join(_outlined_text(view, kind))
        for text in texts:
            assert fold(text) in shown, (kind, text)


@pytest.mark.parametrize("mode", ["html", "text"])
def test_the_reference_page_is_outlined(opened, mode):
    path = shared("seed", f"reference-page-fr.{'html' if mode == 'html' else 'txt'}")
    data = path.read_bytes() if mode == "html" else path.read_text(encoding="utf-8")
    view = opened(render(data, name=path.name))
    boxes = view.page.locator("articlex-view .box")
    kinds = {boxes.nth(i).get_attribute("data-kind") for i in range(boxes.count())}
    assert _expected_kinds(extract(data)) <= kinds
    assert {"breadcrumb", "title", "counters", "sources", "body", "related", "previous", "next"} <= kinds
    _check_outlined_text(view, extract(data))


@pytest.mark.parametrize("name,mode", VIEWED[:4], ids=[f"{n}-{m}" for n, m in VIEWED[:4]])
def test_the_panel_shows_what_extract_returns(opened, name, mode):
    article = extract(source(name, mode))
    values = article.to_dict()
    view = opened(render(source(name, mode), name=name))
    rows = view.page.locator("articlex-view .row")
    shown = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        field = row.get_attribute("data-field")
        text = row.locator(".value").text_content()
        shown[field] = text if isinstance(values[field], str) else json.loads(text)
        prov = article.provenance[field]
        assert row.locator(".strategy").text_content() == prov.strategy
        assert f"{prov.confidence:.2f}" in row.locator(".conf").text_content()
        assert row.locator(".path").text_content() == (prov.path or "—")
    assert shown == {k: v for k, v in values.items() if k != "provenance"}


def test_a_field_row_scrolls_to_its_outline(opened):
    view = opened(render(source("fr-tagdiv-agency", "html")))
    view.page.locator('articlex-view .row[data-field="next"]').click()
    view.next_frames()
    box = view.page.locator('articlex-view .box[data-kind="next"]')
    top = box.bounding_box()["y"]
    assert 0 <= top <= VIEWPORT["height"]


# -- a page built to attack the view ------------------------------------------------------------

EVIL = "http://evil.articlex.test"
PROSE = " ".join([SENTENCE] * 3)
ATTACK = f"""<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="0; url={EVIL}/refresh">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'">
<base href="{EVIL}/">
<link rel="stylesheet" href="{EVIL}/style.css"><link rel="prefetch" href="{EVIL}/prefetch">
<link rel="dns-prefetch" href="{EVIL}/">
<style>@import url("{EVIL}/import.css"); body {{ background: url("{EVIL}/bg.png"); }}</style>
<script>window.pwned = "head script";</script>
<title>Council votes the budget</title></head>
<body onload="window.pwned = 'body onload'">
<p><a id="js-link" href="javascript:window.pwned='javascript link'">Open the archive</a>
 <a id="js-link-2" href=" JaVa&#x09;Script:window.pwned='hidden scheme'">Older stories</a></p>
<h1>Council votes the budget</h1>
<p>{PROSE}</p>
<img src="missing.png" onerror="window.pwned = 'img onerror'">
<img src="{EVIL}/photo.jpg" srcset="{EVIL}/photo-2x.jpg 2x" width="40" height="30">
<p>{PROSE}</p>
<iframe srcdoc="&lt;script&gt;parent.pwned = 'iframe srcdoc'&lt;/script&gt;"></iframe>
<iframe src="{EVIL}/frame"></iframe>
<svg onload="window.pwned = 'svg onload'"><script>window.pwned = 'svg script'</script>
 <a href="javascript:window.pwned='svg link'"><text y="20">svg link</text></a>
 <animate attributeName="href" to="javascript:window.pwned='animate'"/></svg>
<svg><style><img src="x.png" onerror="window.pwned = 'style in svg'"></style></svg>
<!-- --!><img src="y.png" onerror="window.pwned = 'comment'"> -->
<noscript><img src="{EVIL}/noscript.png"></noscript>
<form action="javascript:window.pwned='form'"><button id="send">Send</button></form>
<form action="{EVIL}/post" method="post"><button id="post">Post</button></form>
<object data="{EVIL}/object"></object><embed src="{EVIL}/embed">
<video poster="{EVIL}/poster.png" src="{EVIL}/clip.mp4"></video>
<div style="background-image: url({EVIL}/inline.png)">styled</div>
<details open ontoggle="window.pwned = 'ontoggle'"><summary>more</summary>x</details>
<input autofocus onfocus="window.pwned = 'onfocus'">
<p><a id="ping-link" href="{EVIL}/page" ping="{EVIL}/ping">A normal link</a></p>
<p>{PROSE}</p>
</body></html>"""


def test_nothing_of_an_attacking_page_runs_or_fetches(opened):
    view = opened(render(ATTACK, name="attack.html"))
    page = view.page
    for target in ("#js-link", "#js-link-2", "#send", "#post", "#ping-link"):
        page.locator(target).click()
    page.wait_for_timeout(1200)  # past the refresh and any queued error event
    assert page.evaluate("window.pwned") is None
    assert view.dialogs == []
    assert view.fetched() == []
    assert sorted(view.attempted()) == sorted(view.refused)  # whatever was tried, the policy refused
    assert page.url == VIEW_URL
    # The view's own script ran (the page's policy was removed, its nonce let it through).
    assert page.locator('articlex-view .box[data-kind="title"]').is_visible()


def test_the_view_holds_nothing_active():
    html = render(ATTACK)
    lowered = html.lower()
    assert lowered.count("<script") == 1 and re.search(r"<script nonce=\"[\w-]{20,}\">", html)
    for needle in ("javascript:", "srcdoc", "<iframe", "<base", "<object", "<embed", "<link", "refresh",
                   "ping=", "--!>", "<!--", EVIL + "/photo", "script-src 'none'"):
        assert needle not in lowered, needle
    assert not re.search(r"<[a-z][^<>]*\son[a-z]+\s*=", lowered)  # no handler on any tag
    assert "\\3c img" in html  # the <img> written inside an SVG <style> stays text: no '<' left in CSS
    head = lowered[lowered.index("<head>"):]
    assert head.index("content-security-policy") < head.index("<style")
    assert "default-src 'none'" in html and "img-src data:" in html


# -- hostile CSS --------------------------------------------------------------------------------

HOSTILE_CSS = f"""<!DOCTYPE html><html><head><title>Harbour reopens</title><style>
html, body {{ overflow: hidden !important; height: 100% !important; }}
.masthead {{ position: fixed; top: 0; left: 0; right: 0; height: 200px; background: #222;
            z-index: 2147483647 !important; }}
div, p, h1, nav {{ position: relative; z-index: 2147483647 !important; }}
* {{ outline: none !important; }}
articlex-view, template, [popover], :popover-open {{ display: none !important; }}
</style></head><body>
<div class="masthead">The Daily Example</div>
<main style="margin-top: 220px">
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/city/">City</a></nav>
<h1>Harbour reopens after the storm</h1>
{"".join(f"<p>{PROSE}</p>" for _ in range(12))}
</main></body></html>"""


def test_the_overlay_survives_hostile_css(opened):
    view = opened(render(HOSTILE_CSS, name="hostile.html"))
    page = view.page
    on_top = page.evaluate("""() => {
        const host = document.querySelector('articlex-view');
        return [getComputedStyle(host).display, host.shadowRoot.querySelector('.top').matches(':popover-open')];
    }""")
    assert on_top == ["block", True]  # in the top layer: no z-index of the page reaches above it
    page.mouse.move(300, 500)
    page.mouse.wheel(0, 1500)  # the page's overflow: hidden no longer locks it
    _until(page, "window.scrollY > 0")
    title = page.locator('[data-articlex-kind~="title"]')
    page.evaluate("window.scrollTo(0, 0)")  # the title sits under the fixed masthead's reach
    view.next_frames()
    box = page.locator('articlex-view .box[data-kind="title"]')
    assert box.is_visible()
    assert abs(box.bounding_box()["y"] - (title.bounding_box()["y"] - OUTLINE_PAD)) <= TOLERANCE
    last = page.locator('[data-articlex-kind~="body"]').last
    last.scroll_into_view_if_needed()
    view.next_frames()
    assert page.locator("articlex-view .box[data-kind='body']").last.is_visible()


def _until(page, condition: str, tries: int = 40) -> None:
    """Poll a condition (wait_for_function would evaluate a string, which the view's policy forbids)."""
    for _ in range(tries):
        if page.evaluate(condition):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"never true: {condition}")


def test_cli_takes_a_screenshot(browser, tmp_path):
    """In a process of its own: this one already drives the browser (Playwright's sync API runs one at a time)."""
    view, png = tmp_path / "view.html", tmp_path / "view.png"
    page = FIXTURES / "fr-tagdiv-agency" / "page.html"
    done = subprocess.run([sys.executable, "-m", "articlex", "inspect", str(page), "-o", str(view),
                           "--screenshot", str(png)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- without a browser --------------------------------------------------------------------------

def test_a_text_dump_gives_its_lines_highlighted():
    html = render(source("fr-tagdiv-agency", "text"))
    article = extract(source("fr-tagdiv-agency", "text"))
    title_line = int(article.provenance["title"].path.split()[-1])
    assert re.search(rf'<li id="L{title_line}" data-articlex="m\d+" data-articlex-kind="title"', html)
    assert all(f'data-kind="{kind.key}"' in html for kind in KINDS)  # the legend


def test_the_caller_tree_is_left_alone():
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring((FIXTURES / "fr-tagdiv-agency" / "page.html").read_bytes())
    before = lxml_html.tostring(root)
    render(root)
    assert lxml_html.tostring(root) == before


def _marks(html: str, article=None) -> dict[str, list]:
    from articlex.loading import load_page
    from articlex.view import locate

    found: dict[str, list] = {}
    for mark in locate(load_page(html), article or extract(html)):
        found.setdefault(mark.kind, []).append(mark)
    return found


def test_counters_are_told_apart_in_one_meta_line():
    page = f"""<html><body><h1>Harbour reopens after the storm</h1>
    <div class="meta"><span class="meta-comment">4</span> <span class="meta-views">1.873</span></div>
    <div class="entry-content"><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"""
    article = Article.from_dict({**extract(page).to_dict(), "counters": {"views": 1873, "comments": 4}})
    marks = _marks(page, article)
    assert [(m.label, m.target.text) for m in marks["counters"]] == [("views", "1.873"), ("comments", "4")]


def test_an_agency_named_in_a_sentence_is_outlined_alone():
    page = f"""<html><body><h1>Harbour reopens after the storm</h1>
    <div class="entry-content"><p>PARIS (AFP) - {PROSE}</p><p>{PROSE}</p></div></body></html>"""
    article = extract(page)
    assert article.attribution.sources == ["AFP"]
    (mark,) = _marks(page, article)["sources"]
    assert (mark.target.tag, mark.target.text) == ("span", "AFP")


def test_a_date_of_another_article_is_not_outlined():
    page = f"""<html><head><meta property="article:published_time" content="2024-03-13T10:12:00+00:00">
    </head><body><h1>Harbour reopens after the storm</h1><div class="entry-content"><p>{PROSE}</p>
    <p>{PROSE}</p></div><aside><h3>Market day moves</h3>
    <time datetime="2024-03-13T09:00:00+00:00">13 March 2024</time></aside></body></html>"""
    assert extract(page).published is not None
    assert "dates" not in _marks(page)


def test_a_paragraph_wrapped_over_lines_of_a_dump_is_outlined_whole():
    dump = "Harbour reopens after the storm\n\n" + SENTENCE + "\nAnd it lasted.\n\n" + PROSE + "\n"
    article = Article.from_dict({**extract(dump).to_dict(), "title": "Harbour reopens after the storm",
                                 "blocks": [{"kind": "paragraph", "text": SENTENCE + " And it lasted."},
                                            {"kind": "paragraph", "text": PROSE}]})
    assert [(m.label, m.target.line) for m in _marks(dump, article)["body"]] == [("body", 3), ("body", 4), ("¶2", 6)]


def test_cli_writes_the_view(tmp_path, capsys):
    out = tmp_path / "view.html"
    assert main(["inspect", str(FIXTURES / "fr-tagdiv-agency" / "page.html"), "-o", str(out)]) == 0
    assert "articlex-view" in out.read_text(encoding="utf-8")
    assert main(["inspect", str(tmp_path / "absent.html"), "-o", str(out)]) == 1
    assert "articlex inspect" in capsys.readouterr().err
