"""The view itself: one self-contained HTML file showing the page, its fields outlined, and a
side panel with every field's value, provenance and confidence.

For HTML input the page's own tree is shown, made inert (:mod:`.sanitize`); for a text dump, its
lines. Either way the overlay lives in a shadow root that the page's CSS cannot reach, drawn by
the view's only script (allowed by a nonce); the Content-Security-Policy allows nothing else to
run and nothing to be fetched.
"""

from __future__ import annotations

import copy
import html
import json
import secrets
from importlib import resources

from lxml import etree
from lxml import html as lxml_html

from ..api import extract
from ..loading import Source, load_page
from ..model import Article
from ..page import Element, Page
from .locate import KIND_BY_KEY, KINDS, Mark, locate
from .sanitize import sanitize

__all__ = ["render", "csp"]

MARK_ATTRIBUTE = "data-articlex"
"""On each outlined element: the ids of its marks (the overlay finds its elements by them)."""
KIND_ATTRIBUTE = "data-articlex-kind"
"""On each outlined element: its kinds (the fallback outlines, drawn by CSS alone, read them)."""
HOST_TAG = "articlex-view"
FALLBACK_STYLE = "articlex-fallback"
TOP_LAYER_Z = 2147483647
"""The largest z-index: where the browser has no top layer, the overlay still ties the page's
highest, and coming last in the document wins the tie."""
SKIPPED_FIELDS = ("provenance",)


def csp(nonce: str) -> str:
    """The view's policy: its own script (by nonce) and nothing else; no request of any kind."""
    return ("default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


def render(source: Source, *, url: str | None = None, language: str | None = None, name: str | None = None) -> str:
    """The annotated view of a page (HTML or text dump) as one HTML document.

    ``source``, ``url`` and ``language`` are those of :func:`articlex.extract`; ``name`` is what the
    panel calls the page (a file name or URL). Raises what ``extract()`` raises.
    """
    if isinstance(source, etree._Element):
        source = copy.deepcopy(source)  # the view marks and strips the tree: never the caller's
    article = extract(source, url=url, language=language)
    page = load_page(source, url=url)
    marks = [m for m in locate(page, article) if not page.is_html or isinstance(m.target, etree._Element)]
    nonce = secrets.token_urlsafe(18)
    overlay = _overlay(article, marks, name, page.is_html, nonce)
    if page.is_html:
        return _html_view(page, marks, overlay, nonce)
    return _text_view(page, marks, overlay, nonce, article.title or name or "text dump")


# -- HTML input ---------------------------------------------------------------------------------

def _html_view(page: Page, marks: list[Mark], overlay: str, nonce: str) -> str:
    root = _document(page.root)
    _clear_markers(root)
    for mark in marks:
        _add_token(mark.target, MARK_ATTRIBUTE, mark.id)
        _add_token(mark.target, KIND_ATTRIBUTE, mark.kind)
    sanitize(root)
    head, body = _head_and_body(root)
    _make_scrollable(root, body)
    for n, el in enumerate(_head_elements(nonce)):
        head.insert(n, el)
    fallback: Element = etree.SubElement(head, "style", id=FALLBACK_STYLE)
    fallback.text = _fallback_css()
    text = lxml_html.tostring(root, encoding="unicode", method="html", doctype="<!DOCTYPE html>")
    at = text.rfind("</body>")
    return text[:at] + overlay + text[at:] if at >= 0 else text + overlay


def _document(root: Element) -> Element:
    """The page's ``<html>`` element (a fragment is wrapped in one)."""
    root = root.getroottree().getroot()
    if root.tag == "html":
        return root
    wrapper = lxml_html.Element("html")
    body = etree.SubElement(wrapper, "body")
    body.append(root)
    return wrapper


def _head_and_body(root: Element) -> tuple[Element, Element]:
    head = root.find("head")
    if head is None:
        head = lxml_html.Element("head")
        root.insert(0, head)
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    return head, body


def _clear_markers(root: Element) -> None:
    """Markers the page carries already (an attack on the overlay) are not the view's: removed."""
    for el in list(root.iter(HOST_TAG)):
        el.getparent().remove(el)
    for el in root.iter(etree.Element):
        for name in [n for n in el.attrib if n.lower().startswith(MARK_ATTRIBUTE)]:
            del el.attrib[name]
        if (el.get("id") or "") == FALLBACK_STYLE:
            del el.attrib["id"]


def _add_token(el: Element, attribute: str, token: str) -> None:
    tokens = (el.get(attribute) or "").split()
    if token not in tokens:
        el.set(attribute, " ".join(tokens + [token]))


SCROLLABLE = {"html": "overflow: auto !important", "body": "overflow: visible !important"}
"""Inline, important declarations beat any stylesheet: a page that locks its scrolling
(``overflow: hidden`` on body, a modal's scroll lock) scrolls again in the view."""


def _make_scrollable(root: Element, body: Element) -> None:
    for el, rule in ((root, SCROLLABLE["html"]), (body, SCROLLABLE["body"])):
        style = (el.get("style") or "").strip().rstrip(";")
        el.set("style", f"{style}; {rule}" if style else rule)


def _head_elements(nonce: str) -> list[Element]:
    charset = lxml_html.Element("meta", charset="utf-8")
    policy = lxml_html.Element("meta", content=csp(nonce))
    policy.set("http-equiv", "Content-Security-Policy")
    referrer = lxml_html.Element("meta", name="referrer", content="no-referrer")
    return [charset, policy, referrer]


def _fallback_css() -> str:
    """Outlines drawn by CSS alone, for a browser without declarative shadow DOM or scripts;
    the overlay removes them once it is drawn."""
    rules = [f'[{KIND_ATTRIBUTE}~="{kind.key}"] {{ outline: 2px solid {kind.colour} !important; '
             f"outline-offset: 2px !important; }}" for kind in KINDS]
    return "\n".join(rules)


# -- text input ---------------------------------------------------------------------------------

def _text_view(page: Page, marks: list[Mark], overlay: str, nonce: str, title: str) -> str:
    by_line: dict[int, list[Mark]] = {}
    for mark in marks:
        by_line.setdefault(mark.target.line, []).append(mark)
    text_of = {b.line: b.text for b in page.blocks if b.line is not None}
    last = max(text_of, default=0)
    rows = []
    for n in range(1, last + 1):
        here = by_line.get(n, [])
        attrs = ""
        if here:
            kinds = " ".join(dict.fromkeys(m.kind for m in here))
            colour = KIND_BY_KEY[here[0].kind].colour
            attrs = (f' {MARK_ATTRIBUTE}="{" ".join(m.id for m in here)}" {KIND_ATTRIBUTE}="{kinds}"'
                     f' style="--c: {colour}"')
        rows.append(f'<li id="L{n}"{attrs}><span class="n">{n}</span>'
                    f'<span class="t">{html.escape(text_of.get(n, ""))}</span></li>')
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp(nonce))}">'
            f'<meta name="referrer" content="no-referrer"><title>{html.escape(title)}</title>'
            f'<style>{_resource("text.css")}</style></head>'
            f'<body><ol class="dump">{"".join(rows)}</ol>{overlay}</body></html>\n')


# -- the overlay: panel, legend, script ---------------------------------------------------------

def _overlay(article: Article, marks: list[Mark], name: str | None, is_html: bool, nonce: str) -> str:
    """The shadow host with the panel (rendered here, so it reads without scripts) and the script."""
    panel = _panel(article, marks, name, is_html)
    # A dump's lines are wide boxes stacked one on the next: their labels go inside, at the right end.
    data = {"MARKS": [{"id": m.id, "kind": m.kind, "label": m.label} for m in marks],
            "KINDS": [{"key": k.key, "colour": k.colour} for k in KINDS],
            "FALLBACK_STYLE": FALLBACK_STYLE, "LABELS_AT_END": not is_html}
    constants = "".join(f"const {key} = {_js_value(value)};\n" for key, value in data.items())
    host_style = (f"all: initial !important; display: block !important; position: fixed !important; "
                  f"inset: 0 !important; z-index: {TOP_LAYER_Z} !important; pointer-events: none !important; "
                  f"visibility: visible !important; opacity: 1 !important")
    return (f'<{HOST_TAG} style="{host_style}"><template shadowrootmode="open">'
            f'<style>{_resource("view.css")}</style>'
            f'<div class="top"><div class="layer"></div>{panel}</div></template></{HOST_TAG}>'
            f'<script nonce="{nonce}">\n{constants}{_resource("overlay.js")}</script>')


def _js_value(value: object) -> str:
    """JSON that is also safe inside a ``<script>`` element (no '</script>', no '<!--')."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _panel(article: Article, marks: list[Mark], name: str | None, is_html: bool) -> str:
    counts = {kind.key: sum(1 for m in marks if m.kind == kind.key) for kind in KINDS}
    legend = "".join(
        f'<button class="key" data-kind="{k.key}" style="--c: {k.colour}" title="show or hide">'
        f'<span class="swatch"></span>{html.escape(k.label)} <small>{counts[k.key]}</small></button>'
        for k in KINDS)
    kind_of_field: dict[str, list[str]] = {}
    for kind in KINDS:
        for field in kind.fields:
            kind_of_field.setdefault(field, []).append(kind.key)
    values = article.to_dict()
    rows = [_row(field, values[field], article, marks, kind_of_field.get(field, []))
            for field in values if field not in SKIPPED_FIELDS]
    summary = (f'<div class="summary"><b>{html.escape(name or "page")}</b> · '
               f'{"HTML" if is_html else "text dump"} · {len(marks)} outlines'
               f'{"" if article.is_article else " · <b>" + html.escape(article.kind or "no text") + "</b>"}</div>')
    return (f'<aside class="panel"><div class="bar"><h1>articlex inspect</h1>'
            f'<button class="fold" title="fold the panel">⇔</button></div>{summary}'
            f'<div class="legend">{legend}</div>{"".join(rows)}</aside>')


def _row(field: str, value: object, article: Article, marks: list[Mark], kinds: list[str]) -> str:
    prov = article.provenance.get(field)
    strategy = prov.strategy if prov else "none"
    confidence = prov.confidence if prov else 0.0
    own = [m for m in marks if m.kind in kinds and _belongs(field, m)]
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1)
    colour = KIND_BY_KEY[kinds[0]].colour if kinds else ""
    where = ""
    if kinds and not _empty(value):
        where = (f'<div class="where">{len(own)} outline{"s" if len(own) != 1 else ""}</div>' if own
                 else '<div class="where missing">not located on the page</div>')
    marks_attr = f' data-marks="{" ".join(m.id for m in own)}"' if own else ""
    return (f'<section class="row" data-field="{field}"{marks_attr}><header>'
            f'<span class="swatch" style="--c: {colour or "transparent"}"></span>'
            f'<span class="name">{field}</span>'
            f'<span class="strategy {strategy}">{strategy}</span>'
            f'<span class="conf" title="confidence"><i><b style="width: {confidence * 100:.0f}%"></b></i>'
            f'{confidence:.2f}</span></header>'
            f'<div class="path">{html.escape(prov.path) if prov and prov.path else "—"}</div>'
            f'<pre class="value">{html.escape(shown)}</pre>{where}</section>')


def _belongs(field: str, mark: Mark) -> bool:
    """A date mark is labelled with its field (published or modified); other kinds show one field."""
    return mark.kind != "dates" or mark.label == field


def _empty(value: object) -> bool:
    return value in (None, "", [], {}) or value == {"views": None, "comments": None} \
        or value == {"authors": [], "sources": []}


def _resource(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
