"""A very large, realistic news page, built in memory for the memory test.

The page has what a real one has around its article: a head full of metadata, styles and
scripts; a header with a mega-menu and a breadcrumb; a sidebar; related links, comments and
a fat footer. The article itself is a long live report: thousands of paragraphs with inline
links, subheadings, figures, quotes, "read also" boxes and ad slots between them. The text
is drawn from a fixed pool of sentences with a fixed seed, so every run builds the same page.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass

__all__ = ["GeneratedPage", "news_page"]

WORD = re.compile(r"\w+")
SEED = 30
"""Any fixed value: the page must be the same from one run to the next."""

SENTENCE_POOL_SIZE = 800
"""Distinct sentences to draw from: enough that paragraphs do not repeat verbatim within
a screen, few enough that building 30 MB takes about a second."""

WORDS = """
council mayor budget harbour seawall residents vote plan week minister report city
district police officers court judge ruling election campaign voters party leader
spokesperson statement analysts market shares company workers union strike talks
agreement hospital doctors patients schools teachers students weather storm flooding
roads bridge construction contract million percent year month morning evening officials
government policy tax prices energy climate emissions river coast village farmers
season festival museum theatre players club match coach goal fans stadium record
investigation witnesses evidence documents inquiry committee members proposal debate
""".split()
NAMES = ("Élodie Marchand", "Tomás Ruiz", "Jane Smith", "Kwame Mensah", "Søren Holm", "Li Wei")
CONNECTORS = ("said", "told reporters", "confirmed", "warned", "added", "argued")
SECTIONS = ("News", "Local", "World", "Business", "Politics", "Sport", "Culture", "Science",
            "Opinion", "Weather", "Travel", "Health")

PARAGRAPHS_PER_SUBHEADING = 8
PARAGRAPHS_PER_FIGURE = 15
PARAGRAPHS_PER_QUOTE = 25
PARAGRAPHS_PER_AD = 30
PARAGRAPHS_PER_READ_ALSO = 40
"""Spacing of the things a long article carries between its paragraphs, as seen on live blogs."""


@dataclass(frozen=True)
class GeneratedPage:
    """The page and what its article holds."""

    html: bytes
    """The whole page, UTF-8."""
    paragraphs: int
    """Paragraphs in the article."""
    article_words: int
    """``\\w+`` tokens in the article's paragraphs, subheadings and quotes: what a body
    extractor should return, give or take the figure captions."""


def news_page(target_bytes: int) -> GeneratedPage:
    """A page of at least ``target_bytes`` bytes (it stops at the first paragraph past it)."""
    rng = random.Random(SEED)
    sentences = [_sentence(rng) for _ in range(SENTENCE_POOL_SIZE)]
    head, tail = _page_head(rng).encode(), _page_tail(rng).encode()
    pieces = [head]  # encoded as they come: the build then never holds more than twice the page
    size = len(head) + len(tail)
    paragraphs = words = 0
    while size < target_bytes:
        paragraphs += 1
        piece, piece_words = _article_step(rng, sentences, paragraphs)
        pieces.append(piece.encode())
        size += len(pieces[-1])
        words += piece_words
    pieces.append(tail)
    return GeneratedPage(b"".join(pieces), paragraphs, words)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 24))
    if rng.random() < 0.3:  # a quoted source, with typographic quotes
        return f"“{' '.join(words).capitalize()},” {rng.choice(NAMES)} {rng.choice(CONNECTORS)}."
    return " ".join(words).capitalize() + "."


def _article_step(rng: random.Random, sentences: list[str], number: int) -> tuple[str, int]:
    """The next paragraph, preceded by whatever the spacing constants put before it."""
    text = " ".join(rng.choices(sentences, k=rng.randint(3, 6)))
    parts, words = [], _count_words(text)
    if number % PARAGRAPHS_PER_SUBHEADING == 0:
        heading = rng.choice(sentences)[:60].rstrip(" ,“”.") or "Update"
        parts.append(f'<h2 id="update-{number}">{html.escape(heading)}</h2>')
        words += _count_words(heading)
    if number % PARAGRAPHS_PER_FIGURE == 0:
        parts.append(_figure(rng, number))
    if number % PARAGRAPHS_PER_QUOTE == 0:
        quote = rng.choice(sentences)
        parts.append(f"<blockquote><p>{html.escape(quote)}</p></blockquote>")
        words += _count_words(quote)
    if number % PARAGRAPHS_PER_AD == 0:
        parts.append(_ad_slot(number))
    if number % PARAGRAPHS_PER_READ_ALSO == 0:
        parts.append(_read_also(rng, sentences, number))
    parts.append(f"<p>{_with_inline_markup(rng, text)}</p>\n")
    return "".join(parts), words


def _with_inline_markup(rng: random.Random, text: str) -> str:
    """Escaped text with a link and some emphasis here and there."""
    words = html.escape(text).split(" ")
    if len(words) > 8 and rng.random() < 0.4:
        start = rng.randrange(len(words) - 4)
        words[start] = f'<a href="/{rng.choice(SECTIONS).lower()}/{start}-{rng.randrange(10**6)}">{words[start]}'
        words[start + 2] += "</a>"
    if len(words) > 8 and rng.random() < 0.2:
        words[1] = f"<strong>{words[1]}</strong>"
    return " ".join(words)


def _figure(rng: random.Random, number: int) -> str:
    caption = f"Residents gather near the harbour on day {number}. Photo: {rng.choice(NAMES)}"
    return (f'<figure class="wp-block-image"><img src="/uploads/2024/03/photo-{number}.jpg" '
            f'alt="Harbour scene" width="1200" height="800" loading="lazy" '
            f'srcset="/uploads/2024/03/photo-{number}-300.jpg 300w, /uploads/2024/03/photo-{number}-768.jpg 768w">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _ad_slot(number: int) -> str:
    return (f'<div class="ad ad-inarticle" id="ad-slot-{number}"><span class="ad-label">Advertisement</span>'
            f'<div id="gpt-{number}"></div><script>window.ads=window.ads||[];'
            f'window.ads.push({{slot:"gpt-{number}",sizes:[[300,250],[728,90]]}});</script></div>')


def _read_also(rng: random.Random, sentences: list[str], number: int) -> str:
    links = "".join(f'<li><a href="/news/{number}-{k}">{html.escape(rng.choice(sentences)[:70])}</a></li>'
                    for k in range(3))
    return f'<aside class="read-also"><h4>Read also</h4><ul>{links}</ul></aside>'


def _count_words(text: str) -> int:
    """``\\w+`` tokens, the metric's definition of a word."""
    return len(WORD.findall(text))


def _menu(rng: random.Random, links: int, css: str) -> str:
    items = "".join(f'<li class="menu-item"><a href="/{rng.choice(SECTIONS).lower()}/{k}">'
                    f"{rng.choice(SECTIONS)} {rng.choice(WORDS)}</a></li>" for k in range(links))
    return f'<ul class="{css}">{items}</ul>'


def _page_head(rng: random.Random) -> str:
    """Everything from the doctype down to the article's first paragraph."""
    styles = "".join(f".c{k}{{margin:{k % 9}px;color:#{k * 2654435761 % 0xFFFFFF:06x}}}" for k in range(600))
    scripts = "".join(f'<script async src="https://cdn.example.net/js/module-{k}.js"></script>' for k in range(30))
    mega_menu = "".join(f'<li class="mega"><a href="/{s.lower()}">{s}</a>{_menu(rng, 25, "sub-menu")}</li>'
                        for s in SECTIONS)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Live: harbour storm, day by day – The Harbour Ledger</title>
<meta name="description" content="Every update on the storm and the seawall, as it happened.">
<meta property="og:type" content="article"><meta property="og:site_name" content="The Harbour Ledger">
<meta property="article:published_time" content="2024-03-05T06:00:00+00:00">
<link rel="canonical" href="https://www.harbourledger.example/live/harbour-storm">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"LiveBlogPosting",
"headline":"Live: harbour storm, day by day","author":{{"@type":"Person","name":"Jane Smith"}}}}</script>
<style>{styles}</style>{scripts}
</head><body class="single single-post live-blog">
<div class="top-bar"><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></div>
<header class="site-header"><a class="logo" href="/"><img src="/logo.svg" alt="The Harbour Ledger"></a>
<nav class="main-nav"><ul class="menu">{mega_menu}</ul></nav></header>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/news/local">Local</a></nav>
<div class="layout"><main id="main"><article class="post live">
<header class="entry-header"><h1 class="entry-title">Live: harbour storm, day by day</h1>
<p class="standfirst">Every update on the storm, the flooding and the seawall vote, as it happened.</p>
<div class="byline">By <a href="/author/jane-smith" rel="author">Jane Smith</a> and
<a href="/author/tomas-ruiz" rel="author">Tomás Ruiz</a> · <time datetime="2024-03-05T06:00:00Z">5 March 2024</time></div>
<div class="share"><a href="#">Share on X</a> <a href="#">Facebook</a> <a href="#">Email</a> <span>1,204 comments</span></div>
</header>
<div class="entry-content">
"""


def _page_tail(rng: random.Random) -> str:
    """Everything after the article's last paragraph."""
    tags = "".join(f'<a rel="tag" href="/tag/{w}">{w}</a> ' for w in WORDS[:12])
    related = "".join(f'<div class="card"><a href="/news/related-{k}"><img src="/r{k}.jpg" alt="">'
                      f"<h3>{rng.choice(SECTIONS)}: {' '.join(rng.choices(WORDS, k=8))}</h3></a></div>"
                      for k in range(12))
    comments = "".join(f'<li class="comment"><b>{rng.choice(NAMES)}</b> <time>2 hours ago</time>'
                       f"<p>{' '.join(rng.choices(WORDS, k=30)).capitalize()}.</p><a href='#'>Reply</a></li>"
                       for _ in range(40))
    most_read = "".join(f"<li><a href='/news/popular-{k}'>{' '.join(rng.choices(WORDS, k=9)).capitalize()}</a></li>"
                        for k in range(10))
    footer_columns = "".join(f"<div class='col'><h4>{s}</h4>{_menu(rng, 15, 'footer-menu')}</div>" for s in SECTIONS)
    return f"""</div>
<footer class="entry-footer"><div class="tags">{tags}</div>
<div class="author-bio"><img src="/a.jpg" alt=""><p>Jane Smith covers the city council and the waterfront.</p></div>
</footer></article>
<section class="related"><h2>More on this story</h2>{related}</section>
<section id="comments"><h2>Comments</h2><ol class="comment-list">{comments}</ol>
<form class="comment-form"><textarea name="comment"></textarea><button>Post comment</button></form></section>
</main>
<aside class="sidebar"><section class="widget"><h3>Most read</h3><ol>{most_read}</ol></section>
<section class="widget newsletter"><h3>Newsletter</h3><p>The morning briefing, in your inbox.</p>
<form><input type="email" placeholder="Email"><button>Sign up</button></form></section>
<div class="ad ad-sidebar"><span>Advertisement</span></div></aside></div>
<footer class="site-footer">{footer_columns}<p class="copyright">© 2024 The Harbour Ledger. All rights reserved.</p></footer>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
</body></html>
"""
