"""Hostile documents, generated (never stored): the battery shared by the tests and the benchmark.

Each :class:`Case` builds its input on demand and says how ``articlex.extract`` must end:
with an Article (whose body or blocks hold the given markers: nothing silently lost), or
with a given :class:`~articlex.ArticlexError`. ``tests/test_hostile.py`` asserts the ends;
``benchmarks/hostile.py`` times the same cases and measures their peak memory.

Inputs are deterministic: the same bytes on every run.
"""

from __future__ import annotations

import codecs
import io
import json
import random
from dataclasses import dataclass
from typing import Callable

from articlex import EmptyInputError, UnsupportedContentError

__all__ = ["Case", "CASES", "DENSE", "HEAVY", "by_name", "prose", "page", "article", "news_page", "SEED"]

SEED = 20240611
"""Any fixed value: random inputs must be the same from one run to the next."""
MB = 1_000_000

# Text of the generated pages. Test data, not code: the words only need to read as prose.
_WORDS = ("council harbour residents budget minister report district officers court ruling "
          "election voters statement analysts market company workers agreement hospital schools "
          "weather storm roads bridge contract officials government policy prices energy river "
          "village farmers season festival museum players record investigation evidence committee").split()


def prose(marker: str, words: int = 40) -> str:
    """A sentence long enough to read as article text, carrying ``marker`` as one of its words."""
    rng = random.Random(marker)
    body = [rng.choice(_WORDS) for _ in range(words)]
    body[len(body) // 2] = marker
    return "The " + " ".join(body) + " said on Monday."


def page(body: str, *, title: str = "A plain headline for the hostile page", head: str = "") -> str:
    """A small but complete article page around ``body``."""
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>{head}"
            f"</head><body><article><h1>{title}</h1><div class=\"entry-content\">{body}</div>"
            "</article></body></html>")


def article(*markers: str) -> str:
    """Paragraphs of prose, one a marker."""
    return "".join(f"<p>{prose(m)}</p>" for m in markers)


@dataclass(frozen=True)
class Case:
    """One hostile input and the end it must come to."""

    name: str
    build: Callable[[], str | bytes]
    raises: type[Exception] | None = None
    """The error extract() must raise; None when it must return an Article."""
    body_has: tuple[str, ...] = ()
    """Markers that must come out in ``article.body`` (or its blocks): nothing silently lost."""
    page_has: tuple[str, ...] = ()
    """Markers that must survive loading (the page's block stream), article or not."""
    body_lacks: tuple[str, ...] = ()
    """Text that must not come out (expanded entities, a file's content, script code)."""
    warns: str | None = None
    """A fragment of a warning loading must leave (what was altered is never silent)."""
    is_article: bool | None = None
    heavy: bool = False
    """Megabytes of input: built once per test session, checked once."""
    note: str = ""


# --- Builders ------------------------------------------------------------------------------


def _random_bytes(size: int) -> bytes:
    return random.Random(SEED).randbytes(size)


def _deep(depth: int) -> str:
    return page("<div>" * depth + article("deepmarker", "deepsecond") + "</div>" * depth
                + article("aftermarker"))


def _unclosed(count: int) -> str:
    tags = ("div", "span", "b", "i", "font", "section", "em", "a")
    soup = "".join(f"<{tags[i % len(tags)]}>w{i} " for i in range(count))
    return page(article("beforemarker") + soup + article("unclosedmarker", "unclosedlast"))


def news_page(size: int) -> str:
    """A realistic long article page of about ``size`` characters: a menu, a sidebar and
    thousands of paragraphs with links and subheadings. Joined once, so that building it
    never holds more than twice its size (the benchmark's peak memory includes it)."""
    rng = random.Random(SEED)
    menu = "".join(f"<li><a href=\"/section/{i}\">Section {i}</a></li>" for i in range(60))
    side = "".join(f"<li><a href=\"/story/{i}\">{prose(f'side{i}', 12)}</a></li>" for i in range(40))
    head, tail = page("@@BODY@@").split("@@BODY@@")
    tail = tail.replace("</article>", f"</article><aside class=\"sidebar\"><ul>{side}</ul></aside>")
    parts = [head, f"<nav class=\"menu\"><ul>{menu}</ul></nav><p>{prose('firstmarker')}</p>"]
    total, i = 0, 0
    while total < size:
        i += 1
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(40, 90)))
        chunk = f"<p>The {text} <a href=\"/story/p{i}\">the {rng.choice(_WORDS)} report</a> said.</p>\n"
        if i % 9 == 0:
            chunk += f"<h2>The {rng.choice(_WORDS)} {rng.choice(_WORDS)} question</h2>\n"
        parts.append(chunk)
        total += len(chunk)
    parts += [f"<p>{prose('lastmarker')}</p>", tail]
    return "".join(parts)


def _huge_text_node(size: int) -> str:
    words = " ".join(_WORDS)
    fill = (words + " ") * (size // (len(words) + 1))
    return page(f"<p>The {fill} endmarker said.</p>" + article("othermarker"))


def _long_line(size: int, unit: str) -> str:
    return page(article("linemarker") + f"<p>{unit * (size // len(unit))}</p>" + article("linelast"))


def _long_line_text(size: int) -> str:
    lines = ["A plain headline for the hostile text page", "", prose("textmarker"), "",
             "ab1.cd2,ef3;" * (size // 12), "", prose("textlast")]
    return "\n".join(lines)


def _cue_flood(cue: str, count: int) -> str:
    return page(article("cuemarker") + f"<p>{(cue + ' ') * count}</p>" + article("cuelast"))


def _cue_lines(cue: str, count: int) -> str:
    lines = ["A plain headline for the hostile text page", prose("cuemarker")]
    lines += [cue] * count + [prose("cuelast")]
    return "\n".join(lines)


def _number_line_text(digits: int) -> str:
    return "\n".join(["A plain headline for the hostile text page", "1" * digits, "2" * digits,
                      prose("numbermarker"), prose("numberlast")])


def _number_flood() -> str:
    counters = "".join(f"<span class=\"views\">{i} 234 567</span><span class=\"comments\">9{'9' * 50}</span>"
                       for i in range(5000))
    return page(article("numbermarker") + f"<p>{'1 234 567,89 ' * 50_000}</p>" + counters + article("numberlast"))


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [' + "".join(entities) + "]>\n"
            + page(article("bombmarker") + "<p>&lol9; &lol9;</p>")[len("<!DOCTYPE html>"):])


def _external_entity() -> str:
    return ('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [\n'
            '<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">\n'
            '<!ENTITY % param SYSTEM "file:///etc/hostname"> %param;]>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>A plain headline for the page</h1>'
            f'<p>&xxe;&net;</p>{article("xxemarker", "xxelast")}</body></html>')


def _xhtml_declared() -> bytes:
    return ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Caf\xe9 headline here</title></head>'
            f'<body><h1>Caf\xe9 headline here</h1>{article("xhtmlmarker", "xhtmllast")}'
            '<p><![CDATA[ hidden ]]></p></body></html>').encode("latin-1")


def _cp1252_as_utf8() -> bytes:
    text = page("<p>Le caf\u00e9 de la gare a ferm\u00e9 apr\u00e8s trente ann\u00e9es, disent les habitu\u00e9s "
                "qui regrettent d\u00e9j\u00e0 l'ambiance et le th\u00e9 du matin, \u00e7a co\u00fbte tr\u00e8s cher "
                "\u2014 \u00ab oui \u00bb, conclut la propri\u00e9taire d\u00e9\u00e7ue.</p>"
                + article("cp1252marker"))
    return text.encode("cp1252")


def _mixed_encodings() -> bytes:
    utf8 = page("<p>Die Stra\u00dfe in M\u00fcnchen wird gr\u00f6\u00dfer, sagen die B\u00fcrger, "
                "und der B\u00fcrgermeister stimmt zu, w\u00e4hrend die Gegner \u00fcber die Kosten "
                "streiten und die Zeitung dar\u00fcber berichtet.</p>"
                + article("mixedmarker") + "@@PASTED@@").encode("utf-8")
    pasted = "<p>Un caf\u00e9 coll\u00e9 depuis Word avec des \u201cguillemets\u201d et un \u2026 final, "
    pasted += "\u00e9crit par un r\u00e9dacteur press\u00e9 qui n'a pas v\u00e9rifi\u00e9 l'encodage du tout.</p>"
    return utf8.replace(b"@@PASTED@@", pasted.encode("cp1252"))


def _latin1_label() -> bytes:
    return page("<p>He said \u201cnothing\u201d and left \u2014 the council\u2019s plan is dead, say "
                "the residents of the harbour district who campaigned for a decade.</p>" + article("labelmarker"),
                head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                ).replace('<meta charset="utf-8">', "").encode("cp1252")


def _undeclared(encoding: str, sentence: str) -> bytes:
    return page(f"<p>{sentence}</p>" * 3 + article(f"{encoding.replace('_', '')}marker")
                ).replace('<meta charset="utf-8">', "").encode(encoding)


def _bad_label(label: str) -> bytes:
    return page(article("labelmarker")).replace('charset="utf-8"', f'charset="{label}"').encode("utf-8")


def _utf16(encoding: str, bom: bool) -> bytes:
    text = page("<p>\u041f\u0440\u0438\u0432\u0435\u0442 \u00e9t\u00e9 \u65e5\u672c</p>" + article("widemarker"))
    prefix = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
              "utf-32-le": codecs.BOM_UTF32_LE}[encoding] if bom else b""
    return prefix + text.encode(encoding)


def _rss() -> str:
    items = "".join(f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
                    f"<description>{prose(f'rss{i}')}</description></item>" for i in range(50))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>\n'
            f'<!-- generated --><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>')


def _atom() -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>Feed</title><entry><title>One</title><content>{prose("atom")}</content></entry></feed>'
            ).encode("utf-8")


def _sitemap() -> str:
    urls = "".join(f"<url><loc>https://x.example/{i}</loc></url>" for i in range(100))
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def _json_object() -> str:
    return json.dumps({"title": "A headline", "body": [prose(f"json{i}") for i in range(20)]}, indent=2)


def _script_only() -> str:
    code = "var s = '<p>' + 'x'.repeat(40) + '</p>'; document.write(s);\n" * 200
    return (f"<!DOCTYPE html><html><head><script>{code}</script><style>p {{ color: red }}</style></head>"
            f"<body><script>{code}</script><noscript></noscript></body></html>")


def _table_soup() -> str:
    cells = "".join(f"<table><tr><td>cell{i} <td>more {i}<tr><th>h{i}" for i in range(3000))
    stray = "".join(f"<td>stray{i}</td></tr></table>" for i in range(3000))
    return page(article("tablemarker") + cells + stray + "<caption>late</caption>" + article("tablelast"))


def _links_list(count: int) -> str:
    links = "".join(f'<li><a href="/story/{i}">Story number {i} of the day</a></li>' for i in range(count))
    return page(article("linksmarker") + f"<ul>{links}</ul>" + article("linkslast"))


def _cards_in_one_box(count: int) -> str:
    cards = "".join(f'<h3>Other story number {i} of the day</h3><a href="/story/{i}"></a>' for i in range(count))
    return page(article("cardsmarker") + f'<aside class="related">{cards}</aside>' + article("cardslast"))


def _links_inline(count: int) -> str:
    links = " ".join(f'<a href="/story/{i}">story {i}</a>' for i in range(count))
    return page(article("inlinemarker") + f"<div>{links}</div>" + article("inlinelast"))


def _jsonld(payload: str) -> str:
    return page(article("jsonldmarker", "jsonldlast"),
                head=f'<script type="application/ld+json">{payload}</script>')


_HOSTILE_JSONLD = json.dumps([
    {"@type": {"nested": "dict"}, "headline": ["a", "list"]},
    {"@type": [{"x": 1}, None, 3], "author": {"name": {"deep": True}}},
    {"@type": "NewsArticle", "author": {"@id": ["a", "list"]}, "publisher": {"@id": {"a": 1}}},
    {"@type": "NewsArticle", "headline": 42, "datePublished": 12345, "dateModified": ["2024"],
     "author": [None, 7, {"name": None}, {"name": "Jane Smith"}], "image": [[], {"url": 3}],
     "publisher": {"name": ["x"]}, "keywords": {"a": 1}},
    {"@type": "BreadcrumbList", "itemListElement": [
        {"position": float("inf"), "name": "Home", "item": "/"},
        {"position": float("nan"), "item": {"@id": 5, "name": ["x"]}},
        {"position": "1e999", "name": "News"}, "junk", None]},
    {"@graph": [{"@graph": [{"@graph": [{"@type": "WebPage"}]}]}]},
])


def _jsonld_objects(count: int) -> str:
    """``json.dumps({"@graph": [...]})`` of ``count`` small objects, written as text: building the
    objects first held 8 times the text (the benchmark's peak memory includes the input's building)."""
    objects = _joined(f'{{"@type": "NewsArticle", "headline": "h{i}"}}, ' for i in range(count))
    return '{"@graph": [' + objects[:-2] + "]}"


def _crowded_attributes(count: int) -> str:
    attrs = " ".join(f"data-a{i}" for i in range(count))
    return page(f'<p {attrs} class="lead">{prose("crowdmarker")}</p>' + article("crowdlast"))


def _attribute_flood(size: int, count: int) -> str:
    element = "<i " + " ".join(f"a{i}" for i in range(count)) + ">x</i>"
    return page(article("floodmarker") + element * (size // len(element)) + article("floodlast"))


def _class_flood(count: int) -> str:
    marks = "author views comments breadcrumb next prev tags byline entry-content post-navigation"
    boxes = "".join(f'<div class="{marks}"><a href="/a/{i}">Jane Smith {i}</a> {i} views</div>' for i in range(count))
    return page(article("classmarker") + boxes + article("classlast"))


def _name_run(count: int) -> str:
    names = ", ".join(f"Jane Smith{i} and John Doe{i}" for i in range(count))
    return page(f'<p class="byline">By {names}</p>' + article("namesmarker", "nameslast"))


def _wide_row(count: int) -> str:
    """One table row of many short cells closed by a prose cell: a layout row, cells kept one by one."""
    cells = "".join(f"<td>cell{i}</td>" for i in range(count))
    return page(article("rowmarker") + f"<table><tr>{cells}<td>{prose('rowcell')}</td></tr></table>"
                + article("rowlast"))


def _dated_lines_text(count: int) -> str:
    """A text dump of dated lines and no paragraph: every line stays in the header."""
    return "\n\n".join(f"Item dated{i} 12.03.{1990 + i % 30} note" for i in range(count))


def _controls_str() -> str:
    junk = "".join(chr(c) for c in [*range(1, 9), 11, *range(14, 32), 127, *range(0x80, 0xA0)])
    return page(f"<p>Con{junk}trol{junk} \ud800 chars \udfff {prose('controlmarker')}</p>"
                f"<p>Emoji \ud83d\ude00 joined {prose('surrogatelast')}</p>")


def _nul_bytes() -> bytes:
    return page(article("nulmarker", "nullast")).replace("<p>The ", "<p>The\x00 ").encode("utf-8")


def _nul_inside_words() -> str:
    return page(article("nulmarker")).replace("nulmarker", "nul\x00mar\x00ker")


def _joined(pieces, chunk: int = 10_000) -> str:
    """The pieces joined, a chunk at a time: a million small strings never live at once (the
    benchmark's peak memory includes the input's building)."""
    out = io.StringIO()
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= chunk:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))
    return out.getvalue()


def _short_lines(count: int) -> str:
    """A text dump of a title, two paragraphs and ``count`` short lines of a few characters."""
    head = f"A plain headline for the hostile text page\n{prose('linesmarker')}\n{prose('linessecond')}\n"
    return head + _joined(f"w{i % 100}\n" for i in range(count))


def _table_rows(count: int) -> str:
    rows = _joined(f"<tr><td>{i}</td><td>x</td></tr>" for i in range(count))
    return page(article("rowsmarker") + f"<table>{rows}</table>" + article("rowslast"))


def _many_links(count: int) -> str:
    links = _joined(f'<a href="/s/{i}">s {i}</a> ' for i in range(count))
    return page(article("manymarker") + f"<div>{links}</div>" + article("manylast"))


def _cue_html(count: int) -> str:
    """Read-also paragraphs, bylines, counters and dates, one after another."""
    cues = _joined(f'<p>Lire aussi : <a href="/story-{i}-of-the-day">Une autre histoire {i} du jour</a></p>'
                   f'<span class="author">Jean Dupont{i}</span><span class="views">{i} vues</span>'
                   f'<time datetime="2024-03-{1 + i % 28:02d}">{1 + i % 28} mars</time>' for i in range(count))
    return page(article("cuehtmlmarker") + cues + article("cuehtmllast"))


def _read_also_and_navigation(read_also: int, navigation: int) -> str:
    """The text dump that ran 39-54 s against max_seconds=10: read-also lines, then navigation lines."""
    head = f"A plain headline for the hostile text page\n\n{prose('ranavmarker')}\n\n{prose('ranavsecond')}\n\n"
    return head + _joined(f"Lire aussi : Une autre histoire numéro {i} du jour\n" for i in range(read_also)) \
        + "Article précédent\n" * navigation


def _alternating_text(size: int) -> str:
    """A dump of headings and short lines, one after the other."""
    unit = "Un intertitre assez court\nab\n"
    head = f"A plain headline for the hostile text page\n\n{prose('altmarker')}\n\n{prose('altsecond')}\n\n"
    return head + unit * (size // len(unit))


def _left_open(tag: str) -> str:
    return page(article("openmarker") + tag + article("afteropenmarker", "afteropenlast"))


def _unsafe_links() -> str:
    href = "JaVa&#x09;ScRiPt:alert(1)"
    return page(article("linkmarker") + f'<p>Lire aussi : <a href="{href}">Une autre histoire très longue ici</a></p>'
                + article("linklast"),
                head=f'<link rel="canonical" href="&#106;avascript:x"><meta property="og:image" content="data:x">'
                     f'<link rel="next" href="{href}">')


# --- The battery ---------------------------------------------------------------------------

CASES: tuple[Case, ...] = (
    Case("empty str", lambda: "", raises=EmptyInputError),
    Case("empty bytes", lambda: b"", raises=EmptyInputError),
    Case("whitespace", lambda: " \n\t\r\u00a0\u3000" * 1000, raises=EmptyInputError),
    Case("NUL only", lambda: b"\x00" * 10_000, raises=EmptyInputError),
    Case("binary random", lambda: _random_bytes(MB), raises=UnsupportedContentError),
    Case("binary PNG", lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(100_000), raises=UnsupportedContentError),
    Case("binary gzip", lambda: b"\x1f\x8b\x08\x00" + _random_bytes(100_000), raises=UnsupportedContentError),
    Case("binary as str", lambda: _random_bytes(100_000).decode("latin-1"), raises=UnsupportedContentError),
    Case("NUL in text", _nul_bytes, body_has=("nulmarker", "nullast")),
    Case("NUL inside words", _nul_inside_words, body_has=("nulmarker",)),
    Case("controls and surrogates", _controls_str, body_has=("Control", "controlmarker", "\U0001F600")),
    Case("100k-deep nesting", lambda: _deep(100_000), body_has=("deepmarker",),
         page_has=("deepmarker", "aftermarker"), warns="max_depth"),
    Case("3000-deep nesting", lambda: _deep(3000), body_has=("deepmarker",),
         page_has=("deepmarker", "aftermarker"), warns="max_depth"),
    Case("20k unclosed tags", lambda: _unclosed(20_000), page_has=("beforemarker", "w0", "w19999", "unclosedlast"),
         warns="max_depth"),
    Case("30 MB page", lambda: news_page(30 * MB), body_has=("firstmarker", "lastmarker"), heavy=True),
    Case("12 MB text node", lambda: _huge_text_node(12 * MB), body_has=("endmarker",), heavy=True),
    Case("5 MB line", lambda: _long_line(5 * MB, "x"), body_has=("linemarker",), page_has=("xxxxxxxx",),
         heavy=True),
    Case("5 MB line of tokens", lambda: _long_line(5 * MB, "ab1.cd2,ef3;(AFP)"), body_has=("linemarker",),
         heavy=True),
    Case("5 MB line, text dump", lambda: _long_line_text(5 * MB), body_has=("textmarker",), heavy=True),
    Case("cue flood: read also", lambda: _cue_flood("Lire aussi :", 20_000), body_has=("cuemarker",)),
    Case("cue flood: agencies", lambda: _cue_flood("(AFP) Reuters dpa", 30_000), body_has=("cuemarker",)),
    Case("cue flood: navigation", lambda: _cue_flood("Article suivant Next article", 20_000),
         body_has=("cuemarker",)),
    Case("cue flood: counters", lambda: _cue_flood("41 vues 5 commentaires", 20_000), body_has=("cuemarker",)),
    Case("cue lines, text dump", lambda: _cue_lines("Lire aussi : Par Jean Dupont (AFP)", 20_000),
         body_has=("cuemarker",)),
    Case("runs of names", lambda: _name_run(5000), body_has=("namesmarker",)),
    Case("number flood", _number_flood, body_has=("numbermarker",)),
    Case("5000-digit counters, text dump", lambda: _number_line_text(5000), body_has=("numbermarker",)),
    Case("entity bomb", _billion_laughs, body_has=("bombmarker",), body_lacks=("lollol",)),
    Case("external entities", _external_entity, body_has=("xxemarker",), body_lacks=("root:", "]>")),
    Case("XHTML declared latin-1", _xhtml_declared, body_has=("xhtmlmarker",), page_has=("Caf\u00e9",)),
    Case("cp1252 declared UTF-8", _cp1252_as_utf8, body_has=("caf\u00e9", "d\u00e9\u00e7ue", "\u00ab oui \u00bb")),
    Case("UTF-8 with pasted cp1252", _mixed_encodings,
         body_has=("Stra\u00dfe", "\u201cguillemets\u201d", "v\u00e9rifi\u00e9"), warns="windows-1252"),
    Case("latin-1 label, cp1252 bytes", _latin1_label, body_has=("\u201cnothing\u201d", "council\u2019s")),
    Case("undeclared cp1251", lambda: _undeclared("cp1251", "\u041f\u0440\u0438\u0432\u0435\u0442, \u044d\u0442\u043e "
                                                 "\u0442\u0435\u0441\u0442\u043e\u0432\u0430\u044f "
                                                 "\u0441\u0442\u0440\u0430\u043d\u0438\u0446\u0430."),
         page_has=("\u041f\u0440\u0438\u0432\u0435\u0442",)),
    Case("undeclared Shift_JIS", lambda: _undeclared("shift_jis", "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9"
                                                     "\u30c8\u3067\u3059\u3002"),
         page_has=("\u65e5\u672c\u8a9e",)),
    Case("charset label utf-16 in ASCII", lambda: _bad_label("utf-16"), body_has=("labelmarker",)),
    Case("charset label zlib", lambda: _bad_label("zlib"), body_has=("labelmarker",)),
    Case("charset label undefined", lambda: _bad_label("undefined"), body_has=("labelmarker",)),
    Case("charset label utf-7", lambda: _bad_label("utf-7"), body_has=("labelmarker",)),
    Case("UTF-16 LE with BOM", lambda: _utf16("utf-16-le", True), body_has=("widemarker",),
         page_has=("\u041f\u0440\u0438\u0432\u0435\u0442 \u00e9t\u00e9 \u65e5\u672c",)),
    Case("UTF-16 BE with BOM", lambda: _utf16("utf-16-be", True), body_has=("widemarker",)),
    Case("UTF-16 LE without BOM", lambda: _utf16("utf-16-le", False), body_has=("widemarker",)),
    Case("UTF-32 LE with BOM", lambda: _utf16("utf-32-le", True), body_has=("widemarker",)),
    Case("RSS", _rss, raises=UnsupportedContentError),
    Case("Atom", _atom, raises=UnsupportedContentError),
    Case("sitemap", _sitemap, raises=UnsupportedContentError),
    Case("JSON object", _json_object, raises=UnsupportedContentError),
    Case("JSON array, 100k deep", lambda: "[" * 100_000 + "]" * 100_000, raises=UnsupportedContentError),
    Case("script-only page", _script_only, is_article=False, body_lacks=("document.write",)),
    Case("markup without text", lambda: "<div></div>" * 10_000, is_article=False),
    Case("unclosed comment", lambda: page(article("commentmarker") + "<!-- never closed" + article("hidden"))
         , body_has=("commentmarker",), body_lacks=("hidden",)),
    Case("content after </html>", lambda: page(article("pagemarker")) + article("aftermarker", "afterlast")
         + "</body></html>" + article("lastmarker"), page_has=("pagemarker", "aftermarker", "lastmarker")),
    Case("table soup", _table_soup, page_has=("tablemarker", "cell0", "stray2999", "tablelast")),
    Case("100k links in a list", lambda: _links_list(100_000), body_has=("linksmarker",)),
    Case("20k card headings in one box", lambda: _cards_in_one_box(20_000), body_has=("cardsmarker",)),
    Case("20k links in one block", lambda: _links_inline(20_000), body_has=("inlinemarker",),
         note="quadratic in page.py: _collapsed_offset rescans the block for every link"),
    Case("JSON-LD broken", lambda: _jsonld('{"@type": "NewsArticle", "headline": "x",'), body_has=("jsonldmarker",)),
    Case("JSON-LD 100k deep", lambda: _jsonld("[" * 100_000 + "]" * 100_000), body_has=("jsonldmarker",)),
    Case("JSON-LD hostile types", lambda: _jsonld(_HOSTILE_JSONLD), body_has=("jsonldmarker",),
         note="page.py jsonld_of and resolve hash @type and @id values; breadcrumb.py int(Infinity)"),
    Case("JSON-LD 100k objects", lambda: _jsonld(_jsonld_objects(100_000)),
         body_has=("jsonldmarker",)),
    Case("100k attributes on one element", lambda: _crowded_attributes(100_000), body_has=("crowdmarker",),
         warns="attributes"),
    Case("5 MB of elements with 200 attributes", lambda: _attribute_flood(5 * MB, 200), body_has=("floodmarker",),
         warns="attributes", heavy=True),
    Case("class-name flood", lambda: _class_flood(5000), page_has=("classmarker", "classlast")),
    Case("20k cells in one table row", lambda: _wide_row(20_000), body_has=("rowmarker", "rowcell", "rowlast")),
    Case("20k dated lines, text dump", lambda: _dated_lines_text(20_000), page_has=("dated0", "dated19999"),
         is_article=False),
    Case("unclosed <embed>", lambda: _left_open("<embed src=/clip.swf>"),
         body_has=("openmarker", "afteropenmarker", "afteropenlast"), warns="unclosed <embed>"),
    Case("unclosed <svg>", lambda: _left_open("<svg><circle r=1>"),
         body_has=("openmarker", "afteropenmarker", "afteropenlast"), warns="unclosed <svg>"),
    Case("unclosed <math>", lambda: _left_open("<math><mi>x</mi>"),
         body_has=("openmarker", "afteropenmarker", "afteropenlast"), warns="unclosed <math>"),
    Case("unsafe links", _unsafe_links, body_has=("linkmarker", "linklast"), body_lacks=("ScRiPt",)),
)

DENSE: tuple[Case, ...] = (
    Case("1.28M short lines, text dump", lambda: _short_lines(1_280_000), body_has=("linesmarker",), heavy=True),
    Case("200k table rows", lambda: _table_rows(200_000), body_has=("rowsmarker",), heavy=True),
    Case("300k links in one block", lambda: _many_links(300_000), body_has=("manymarker",), heavy=True),
    Case("cue-heavy HTML", lambda: _cue_html(30_000), body_has=("cuehtmlmarker",), heavy=True),
    Case("200k read-also and 50k navigation lines, text dump", lambda: _read_also_and_navigation(200_000, 50_000),
         body_has=("ranavmarker",), heavy=True),
    Case("headings and short lines, 21 MB dump", lambda: _alternating_text(21 * MB), body_has=("altmarker",),
         heavy=True),
)
"""Dense inputs of megabytes that reach the default ``max_seconds``: the benchmark's alone (in the
test suite they would cost a minute; tests/test_reliability.py checks the deadline on smaller ones)."""

HEAVY = tuple(c for c in CASES if c.heavy)


def by_name(name: str) -> Case:
    return next(c for c in CASES + DENSE if c.name == name)

