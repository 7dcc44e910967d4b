"""The crumb trail, root first, without the article's own title."""

from __future__ import annotations

import itertools
import re
import unicodedata
from urllib.parse import urlsplit
from collections.abc import Sequence

from ..lexicon import Cues, cues, fold
from ..model import Link
from ..page import Element, JsonObject, LinkRef, Page, TextBlock
from ..selectors import BREADCRUMB, SCREEN_READER_ONLY
from ..text import date_span, word_count
from .metadata import site_name
from .title import Title, page_host

__all__ = ["find_breadcrumb"]

_SEPARATOR = re.compile(r"^[\s>»›/|\\→•·:-]*$")
_SPLIT = re.compile(r"\s+[>»›/|→•·]\s+|\s*[»›→|]\s*|\s+[>/](?=\w)|(?<=\w)>(?=\w)")
"""Separators between crumbs on one line; '>' also glued to the crumb after it or to both ('Home
>Blog >Title', 'Home>Blog'), '/' to the crumb after it ('Articles /Trends')."""
_TIGHT_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")
_TRAIL_EDGES = " >»›/|→•·:-"
MAX_STACKED = 4
"""Crumbs stacked one a line above the title; a longer run of short lines is the site menu."""
_SEPARATED = re.compile(r"\s+[>»›→]\s+|\s*[»›→]\s*")
_CAMEL = re.compile(r"(?<=[a-zß-öø-ÿа-яёїієґ])(?=[A-ZÀ-ÖØ-ÞА-ЯЁЇІЄҐ][^\W\d_])")
"""Where two crumbs are glued: a capital right after a small letter ('InicioNacionales'), never
inside a word in capitals ('VENEZUELA')."""
MAX_CRUMBS = 8
SEPARATED_LINKS = 0.7
"""A trail recognised by its separators and home link, without a breadcrumb class."""
TRAIL_REACH = 15
"""How many blocks above the title a trail without a known class may sit."""
MAX_CRUMB_WORDS = 12
JSONLD_REACH = 400
"""Blocks from the top where the names of a JSON-LD trail must be shown."""
MIN_TRUNCATED_TITLE = 20
"""A last crumb this long that starts the title is the title cut short; a shorter one is a section."""
"""A crumb longer than this is a truncated title or a headline, not a section name."""


def find_breadcrumb(page: Page, title: Title) -> list[Link]:
    if page.is_html:
        crumbs = _from_markup(page) or _from_separated_links(page, title) or _from_jsonld(page, title.text)
    else:
        crumbs = _tidied(_from_line(page, title))
    return _without_title(_once(_up_to_title(crumbs, title.text)), title.text)


def _up_to_title(crumbs: list[Link], title: str | None) -> list[Link]:
    """The trail up to the headline (kept as its last crumb): what a trail's box prints after the
    headline is no crumb of it (the trail again for another screen, a language link: 'Español')."""
    key = fold(title) if title else None
    for i, crumb in enumerate(crumbs[1:-1], start=1):  # a trail opening with it is printed backwards
        if key and fold(crumb.text) == key:
            return crumbs[:i + 1]
    return crumbs


def _once(crumbs: list[Link]) -> list[Link]:
    """A trail printed once: it stops where its first crumb comes again (a box holding the trail
    twice, for two screens), and a crumb printed twice in a row counts once."""
    first = fold(crumbs[0].text) if crumbs else ""
    out: list[Link] = []
    for crumb in crumbs:
        key = fold(crumb.text)
        if out and key == first:
            break
        if not out or key != fold(out[-1].text):
            out.append(crumb)
    return out


def _from_markup(page: Page) -> list[Link]:
    """The first trail a breadcrumb rule marks, rule by rule (a rule whose boxes hold no trail, such
    as an empty or hidden one, gives way to the next)."""
    for rule in BREADCRUMB:
        for container in _outermost(page.index.find(rule)):
            crumbs = _markup_crumbs(page, container)
            if 0 < len(crumbs) <= MAX_CRUMBS + 1:
                page.note("breadcrumb", "microdata" if "itemtype" in container.attrib else "markup", container)
                return crumbs
    return []


def _outermost(elements: list[Element]) -> list[Element]:
    """The boxes a rule marks, without those inside another one it marks and without links (a
    'crumb-home' link is one crumb of the trail around it, not the trail)."""
    chosen = set(elements)
    return [el for el in elements if el.tag not in ("body", "html", "a")
            and not any(anc in chosen for anc in el.iterancestors())]


def _markup_crumbs(page: Page, container: Element) -> list[Link]:
    lexicon = cues()
    unread = _screen_reader_texts(container)
    crumbs = [c for block in page.blocks_in(container) for c in _crumbs_of_block(block, unread)]
    return [c for c in crumbs if not lexicon.is_word("breadcrumb_labels", c.text) and _crumb_text(c.text)
            and fold(c.text) not in unread]


def _screen_reader_texts(container: Element) -> frozenset[str]:
    """The texts inside the trail's box kept for screen readers only ('Navigationspfad', ': ')."""
    return frozenset(fold(" ".join(el.text_content().split())) for el in container.iter()
                     if isinstance(el.tag, str) and SCREEN_READER_ONLY.search(el.get("class") or ""))


MIN_CRUMB_LETTERS = 2
_LIGATURE = re.compile(r"[a-z]+(?:_[a-z]+)+")
"""An icon font's ligature, printed as text where the font draws an arrow ('navigate_next',
'chevron_right'): lower-case words joined by underscores, which no section's name is."""


def _crumb_text(text: str) -> bool:
    """Whether a piece of a trail's box reads as a crumb: not a date ('05.05.2021', 'Actualizado
    al 03/05/2022 22:46'), not a bare count or an icon's letter ('27', 'i')."""
    if date_span(text) is not None or text.strip().isdigit() or _LIGATURE.fullmatch(text.strip()):
        return False
    return sum(ch.isalpha() for ch in text) >= MIN_CRUMB_LETTERS or any(ch.isdigit() for ch in text)


def _crumbs_of_block(block: TextBlock, unread: frozenset[str] = frozenset()) -> list[Link]:
    """Links as crumbs, and the unlinked text between them (the last crumb often has no link);
    a leading text kept for screen readers only is left out."""
    lexicon = cues()
    text = block.text
    label = lexicon.strip_label("breadcrumb_labels", text)
    offset = len(text) - len(label) if label is not None else _unread_prefix(text, unread)
    crumbs, at = [], offset
    for link in block.links:
        if link.start < at:
            continue
        crumbs.extend(_plain_crumbs(text[at:link.start]))
        if not _SEPARATOR.match(link.text):
            crumbs.append(Link(_undecorated(link.text.strip(_TRAIL_EDGES)), link.url))
        at = link.end
    crumbs.extend(_plain_crumbs(text[at:]))
    return crumbs


def _unread_prefix(text: str, unread: frozenset[str]) -> int:
    """How many characters a screen-reader-only label takes at the start of a block's text."""
    for label in unread:
        size = len(label)
        if label and size < len(text) and fold(text[:size]) == label:
            return len(text) - len(text[size:].lstrip(" :"))
    return 0


def _undecorated(text: str) -> str:
    """A crumb without the brackets some themes print around it ('[Politique]')."""
    return text[1:-1].strip() if len(text) > 2 and text[0] + text[-1] in ("[]", "()") else text


def _plain_crumbs(text: str) -> list[Link]:
    parts = [_unquoted(p).strip(" >»›/|→•·:-") for p in _SPLIT.split(_quoted(text))]
    return [Link(p) for p in parts if p and not _SEPARATOR.match(p)]


_HELD = "\ue000"
"""Stands in for a '»' that closes a '«' while a trail is split: there it quotes, it does not separate."""


def _quoted(text: str) -> str:
    """The text with each '»' closing a '«' held out of the separators ('« vol aggravé » : ...')."""
    if "«" not in text:
        return text  # nothing to hold out: no list of every character (a line of megabytes made one)
    out, open_quote = [], False
    for ch in text:
        if ch == "«":
            open_quote = True
        elif ch == "»" and open_quote:
            open_quote = False
            ch = _HELD
        out.append(ch)
    return "".join(out)


def _unquoted(text: str) -> str:
    return text.replace(_HELD, "»")


def _from_separated_links(page: Page, title: Title) -> list[Link]:
    """A trail without a known class: a short line of links joined by separators, starting at home
    or going down the site's tree link by link."""
    if title.index is None:
        return []
    lexicon = cues()
    for block in page.blocks[max(0, title.index - TRAIL_REACH): title.index]:
        if not 2 <= len(block.links) <= MAX_CRUMBS:
            continue
        # The separator sits between two links or opens the second one ('<a><span> / </span>judicial</a>').
        gaps = [block.text[a.end:b.start] + _leading_separator(b.text) for a, b in zip(block.links, block.links[1:])]
        first = block.links[0]
        home = lexicon.is_word("home", first.text) or _path(first.url) in ("", "/")
        if (home or _nested(block.links)) and all(_SEPARATOR.match(gap) and gap.strip() for gap in gaps):
            page.note("breadcrumb", "markup", block, SEPARATED_LINKS)
            return _crumbs_of_block(block)
    return []


def _leading_separator(text: str) -> str:
    return text[:len(text) - len(text.lstrip(_TRAIL_EDGES))]


def _nested(links: Sequence[LinkRef]) -> bool:
    """Whether each link's address extends the one before it ('/section/', '/section/topic/'): a
    trail down the site's tree, whatever its first crumb is called."""
    paths = [(_path(link.url) or "").rstrip("/") for link in links]
    return all(a and b.startswith(a + "/") for a, b in zip(paths, paths[1:]))


def _path(url: str | None) -> str | None:
    try:
        return urlsplit(url or "").path
    except ValueError:  # a malformed address ('http://[::1/x') has no path to read
        return None


def _from_jsonld(page: Page, title: str | None) -> list[Link]:
    """A BreadcrumbList, kept only when its names are shown together on the page, as a trail on one
    line or stacked on a few (many lists are metadata only: 'Home > 2022 > April')."""
    lists = list(page.jsonld_of("BreadcrumbList"))
    if not lists:
        return []
    lines = [fold(b.text) for b in page.blocks[:JSONLD_REACH]]
    for obj in lists:
        items = obj.get("itemListElement")
        if not isinstance(items, list):
            continue
        crumbs = []
        for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i)):
            name, url = _item_name_url(item)
            if name:
                crumbs.append(Link(name, page.absolute(url)))
        names = [fold(c.text) for c in _without_title(crumbs, title)]
        if 2 <= len(names) <= MAX_CRUMBS and _shown_together(names, lines):
            page.note("breadcrumb", "jsonld")
            return crumbs
    return []


def _shown_together(names: list[str], lines: list[str]) -> bool:
    """Whether every name is printed within one run of as many lines as there are names."""
    return any(all(name in " ".join(lines[i:i + len(names)]) for name in names) for i in range(len(lines)))


def _position(item: JsonObject) -> int:
    try:
        return int(item.get("position") or 0)
    except (TypeError, ValueError, OverflowError):  # "position": Infinity, a list, a word
        return 0


def _item_name_url(item: JsonObject) -> tuple[str | None, str | None]:
    inner = item.get("item")
    name = item.get("name")
    url = None
    if isinstance(inner, dict):
        name = name or inner.get("name")
        url = inner.get("@id") or inner.get("url")
    elif isinstance(inner, str):
        url = inner
    return (" ".join(name.split()) if isinstance(name, str) else None), (url if isinstance(url, str) else None)


Where = TextBlock | list[TextBlock] | None
"""The block or blocks a text trail was read from (for provenance)."""


def _at(title: Title) -> int:
    """The title's block (a text trail is looked for only when the title has one)."""
    return title.index if title.index is not None else 0


def _from_line(page: Page, title: Title) -> list[Link]:
    """A text dump's crumb trail: before the title on its line, a separated line near the title,
    crumbs in brackets, one crumb a line above it, or a labelled line anywhere."""
    blocks = page.blocks
    if title.text is None or title.index is None:
        return []
    sites = _site_keys(page)
    crumbs, where = _bracketed(blocks, title, sites)
    if crumbs:
        page.note("breadcrumb", "cue", where)
        return crumbs
    if title.crumb_line is not None:
        crumbs = _split_trail(_before_title(blocks[title.crumb_line].text, title.text), blocks)
        if crumbs:  # else the line is the title cut short, the trail's last crumb: read above it
            page.note("breadcrumb", "cue", blocks[title.crumb_line])
            return crumbs
    for finder in (_separated, _interleaved, _chained, _stacked, _joined, _labelled_line, _home_arrows, _grouped, _over_later_copy):
        crumbs, where = finder(blocks, title, sites)
        if crumbs:
            page.note("breadcrumb", "cue", where)
            return crumbs
    return []


def _tidied(crumbs: list[Link]) -> list[Link]:
    """A dump's crumbs without the separators printed at their edges ('> Laptops') or on lines of
    their own, and without a last crumb that is the date line's ('Updated', 'Aug 13, 2023')."""
    lexicon = cues()
    out = [Link(c.text.strip(_TRAIL_EDGES), c.url) for c in crumbs if c.text.strip(_TRAIL_EDGES)]
    if out and (lexicon.is_any_word(("published_labels", "updated_labels"), out[-1].text)
                or (date_span(out[-1].text) is not None and any(ch.isalpha() for ch in out[-1].text))):
        out = out[:-1]
    return out


MIN_SITE_KEY = 3
"""A host label shorter than this ('tv', 'ap') is too short to find a site's name by."""
_HOST_FILLER = frozenset({"www", "m", "amp", "mobile", "com", "org", "net", "co", "news", "blog", "blogs"})


def _site_keys(page: Page) -> frozenset[str]:
    """Letters the site's name is written with: the labels of the page's host ('heise' from
    www.heise.de, 'gazetadopovo') and the name the page declares, folded without accents."""
    keys = set()
    host = page_host(page)
    labels = host.split(".")[:-1]  # the top-level domain names no site
    names = [label for label in labels if len(label) >= MIN_SITE_KEY and label not in _HOST_FILLER]
    keys.update(names)
    keys.update(name + host.rsplit(".", 1)[-1] for name in names)  # 'ANSA.it', 'MDR.DE', 'Clarín.com'
    if page.is_html:
        name = site_name(page)
        if name:
            keys.add(_letters(name))
    return frozenset(k for k in keys if len(k) >= MIN_SITE_KEY)


def _letters(text: str) -> str:
    """Lower-case letters and digits only, accents dropped: 'Clarín.com' -> 'clarincom'."""
    plain = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in plain if ch.isalnum())


def _is_site(text: str, sites: frozenset[str]) -> bool:
    """Whether a short line is the site's name: its letters are the host's name ('Gazeta do Povo',
    'ANSA.it'), or it is that name and one short word ('heise online', 'DER SPIEGEL'; not
    'ZEIT Reiseauktion', a product of the site)."""
    if not sites or word_count(text) > MAX_SITE_WORDS:
        return False
    if _letters(text) in sites:
        return True
    words = [_letters(w) for w in text.split()]
    return len(words) == 2 and any(w in sites and len(other) <= SITE_AFFIX_LETTERS
                                   for w, other in (words, words[::-1]))


MAX_SITE_WORDS = 4
SITE_AFFIX_LETTERS = 6
"""A word printed with the site's name ('online', 'der', 'news') is short; a longer one names a
section or a product of the site."""
MAX_GAP = 4
"""Lines a trail may stand above the title's copy: a kicker, a credit or a printed address between
the trail's cut-short last crumb and the headline."""


def _trail_end(blocks: list[TextBlock], title: Title) -> int:
    """Where the stacked trail above the title stops: at a copy of the title a few lines up (the
    trail's last crumb, whole or cut short, sometimes with the kicker), else at the title."""
    for j in range(_at(title) - 1, max(-1, _at(title) - 1 - MAX_GAP), -1):
        if _title_copy(blocks[j].text, title.text or ""):
            return j
    end = _at(title)
    while end > 0 and _at(title) - end < MAX_GAP and (_credit(blocks[end - 1].text) or _button(blocks[end - 1].text)
                                                       or _kicker_below_trail(blocks, end - 1)):
        end -= 1  # a photo credit, a 'follow' button or the kicker printed between the trail and the headline
    return end


def _kicker_below_trail(blocks: list[TextBlock], j: int) -> bool:
    """Whether line ``j`` is the article's kicker set apart under the trail: a short line of its own
    repeating one of the crumbs packed right above it ('Home' / 'Black Country' / 'Crime', then
    'Black Country' over the headline)."""
    line = blocks[j]
    if not line.standalone or word_count(line.text) > MAX_PART_WORDS:
        return False
    above = blocks[max(0, j - MAX_STACKED):j]
    return any(fold(b.text) == fold(line.text) and _crumb_like(b) for b in above)


def _title_copy(line: str, title: str) -> bool:
    cut, key = fold(line).rstrip(" .…"), fold(title)
    if len(cut) < MIN_TRUNCATED_TITLE or len(key) < MIN_TRUNCATED_TITLE:
        return False
    return key.startswith(cut) or cut.startswith(key) or cut.endswith(key)


def _stacked(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs printed one a line above the title, down to the title or its copy: after a label
    line, else from the nearest home crumb or the site's name. A longer run is a menu; a last
    line repeating a crumb is a kicker."""
    lexicon = cues()
    end = _trail_end(blocks, title)
    after_label = _after_label(blocks, end)
    if after_label:
        return [Link(b.text) for b in after_label], after_label
    start = end
    while start > 0 and end - start < MAX_CRUMBS and _crumb_like(blocks[start - 1]):
        start -= 1
    lines = [b.text for b in blocks[start:end]]
    labelled = [i for i, line in enumerate(lines) if lexicon.is_word("breadcrumb_labels", line)]
    if labelled or (start > 0 and lexicon.is_word("breadcrumb_labels", blocks[start - 1].text)):
        first = labelled[-1] + 1 if labelled else 0
        trail = lines[first:]
        return ([Link(t) for t in trail], blocks[start + first:end]) if 0 < len(trail) <= MAX_STACKED else ([], None)
    for i in range(len(lines) - 1, -1, -1):
        home = word_count(lines[i]) <= 4 and _opens_with_home(lines[i], lexicon)
        site = not home and _is_site(lines[i], sites)
        if home or site:
            trail = _without_kicker(lines[i:])
            if len(trail) == 1 and (site or lexicon.is_word("home", trail[0])):
                return [], None  # a stray home line ('home page') or the site's name alone is no trail
            if site and not _sections_elsewhere(trail[1:], blocks, start + i):
                return [], None  # the site's name over account links ('Log out') is the page's header
            if len(trail) == 1:
                links = _named([p for w in _segment(trail[0], blocks) for p in _unglue(w)])
                return (links, blocks[start + i:end]) if 0 < len(links) <= MAX_STACKED else ([], None)
            if len(trail) <= MAX_STACKED:
                return [Link(t) for t in trail], blocks[start + i:end]
            return [], None
    return [], None


MAX_COPIES = 8
"""Copies of the title further down the page tried as the end of a trail (share texts, teasers)."""
MIN_FOOTER_CRUMBS = 2
"""Lines a trail in the footer takes: one line ('Home Safety Devices') over a menu item that happens
to repeat the title is the footer's menu, not a trail."""


def _over_later_copy(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs printed one a line right above a copy of the title further down, from the home crumb
    or the site's name: a trail the page prints in its footer ('Home', 'Coast', '<headline>')."""
    if title.text is None:
        return [], None
    copies = (b.index for b in blocks[_at(title) + 1:] if _title_copy(b.text, title.text))
    for j in itertools.islice(copies, MAX_COPIES):
        crumbs, where = _stacked(blocks, Title(title.text, j), sites)
        if crumbs and isinstance(where, list) and len(where) >= MIN_FOOTER_CRUMBS:
            return crumbs, where
    return [], None


LABEL_REACH = 12
"""Lines above the title (or its copy) where a lone breadcrumb label line ('Standort:') may stand."""


def _after_label(blocks: list[TextBlock], end: int) -> list[TextBlock]:
    """The crumbs under a label line a few lines above the title: the short lines printed together
    right after it (a blank line closes the group), four at most."""
    lexicon = cues()
    for j in range(end - 1, max(-1, end - 1 - LABEL_REACH), -1):
        if not lexicon.is_word("breadcrumb_labels", blocks[j].text):
            continue
        return _group_after(blocks, j, end)
    return []


def _group_after(blocks: list[TextBlock], label: int, end: int) -> list[TextBlock]:
    """The short lines printed together right after a label line, before ``end`` (a blank line
    closes the group; one line set apart alone counts), four at most."""
    trail: list[TextBlock] = []
    for block in blocks[label + 1:end]:
        if word_count(block.text) > 4 or block.text.rstrip().endswith(".") or (trail and block.standalone):
            break
        trail.append(block)
        if block.standalone:
            break  # one crumb set apart on its own
    return trail if len(trail) <= MAX_STACKED else []


def _sections_elsewhere(crumbs: list[str], blocks: list[TextBlock], trail_start: int) -> bool:
    """Whether one of the crumbs is a section: printed on a line of its own elsewhere too (the menu
    lists it), or an archive's month ('06/2019'); account links ('Log out') are neither."""
    if any(any(ch.isdigit() for ch in c) for c in crumbs):
        return True
    keys = {fold(c) for c in crumbs}
    return any(fold(b.text) in keys for b in blocks if not trail_start <= b.index < trail_start + len(crumbs) + 1)


def _opens_with_home(line: str, lexicon: Cues) -> bool:
    """Whether a line is the home crumb, or opens with it before other crumbs ('HomeNews',
    'Inicio VENEZUELA CIUDAD'); 'Home & Garden' is a section named with the word."""
    if any(lexicon.is_word("home", part) for part in _unglue(line)):
        return True
    rest = lexicon.strip_label("home", line)
    return rest is not None and rest[:1].isalpha() and rest[:1].isupper()


def _without_kicker(trail: list[str]) -> list[str]:
    """A trail without a last line repeating one of its crumbs: the section printed again as the
    article's kicker ('Home / Black Country / Crime / Black Country')."""
    if len(trail) > 1 and fold(trail[-1]) in {fold(t) for t in trail[:-1]}:
        return trail[:-1]
    return trail


_TRAILING_SEPARATOR = re.compile(r"\s*[>»›→/|]\s*$")
_LONE_SEPARATOR = re.compile(r"^\s*[>»›→/]\s*$")
"""A trail's separator alone on its line; bars and bullets alone on lines join a menu's items."""


def _interleaved(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs one a line with each separator on a line of its own between them ('Home' / '/' /
    'Blog' / '/' / <headline>), packed together above the title: the dump printed each link and
    each separator of the trail apart."""
    zone = blocks[max(0, _at(title) - TRAIL_REACH): _at(title) + 1]
    for k in range(len(zone) - 2):
        run = [zone[k]]
        j = k + 1
        while j + 1 < len(zone) and _LONE_SEPARATOR.match(zone[j].text) and _crumb_line(zone[j + 1]) \
                and _packed(run[-1], zone[j]) and _packed(zone[j], zone[j + 1]):
            run.append(zone[j + 1])
            j += 2
        crumbs = [b.text.strip() for b in run]
        if len(run) >= 2 and _crumb_line(zone[k]) and len({fold(c) for c in crumbs}) == len(crumbs):
            # a crumb printed twice ('DevLink' / '→' / 'DevLink') is a menu's link and its arrow
            return ([Link(c) for c in crumbs], run) if len(crumbs) <= MAX_CRUMBS + 1 else ([], None)
    return [], None


def _crumb_line(block: TextBlock) -> bool:
    """A line that may be a crumb of a trail printed one a line (the headline ending it included);
    a date or a number is the meta line's ('February 8, 2022' / '•' / '10' / 'mins read')."""
    text = block.text
    return (not _LONE_SEPARATOR.match(text) and word_count(text) <= MAX_CRUMB_WORDS * 2 and not date_span(text)
            and any(ch.isalpha() for ch in text))


def _chained(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs one a line, each ending with its separator ('Home>' / 'Investing>' / 'Cloud Stocks'),
    above the title: the run of such lines and the line closing it."""
    zone = blocks[max(0, _at(title) - TRAIL_REACH): _at(title)]
    for k, block in enumerate(zone):
        run = list(itertools.takewhile(lambda b: _TRAILING_SEPARATOR.search(b.text) and word_count(b.text) <= 4,
                                       zone[k:]))
        if len(run) < 2:
            continue
        closing = zone[k + len(run)] if k + len(run) < len(zone) else None
        if closing is not None and word_count(closing.text) <= MAX_CRUMB_WORDS and not closing.standalone:
            run = run + [closing]
        names = [_TRAILING_SEPARATOR.sub("", b.text).strip(_TRAIL_EDGES) for b in run]
        if all(names) and len(names) <= MAX_CRUMBS:
            return [Link(n) for n in names], run
        return [], None
    return [], None


JOINED_REACH = 3
"""Lines above the title where a trail joined by spaces may stand."""


def _joined(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs joined by spaces on a line over the title, the first being home or the site's name
    ('Sciences et Avenir Santé', 'Inicio VENEZUELA CIUDAD'). After home one of the other crumbs, after
    the site's name each of them, must be printed on a line of its own elsewhere (a section in the
    menu: 'Harvard Health Online Course' is a product), and such names keep their words together."""
    lexicon = cues()
    lines = {fold(b.text) for b in blocks if word_count(b.text) <= MAX_SITE_WORDS}
    for block in reversed(blocks[max(0, _at(title) - JOINED_REACH): _at(title)]):
        words = block.text.split()
        if not 2 <= len(words) <= MAX_JOINED_WORDS or block.text.rstrip().endswith("."):
            continue
        for size in range(min(MAX_SITE_WORDS, len(words) - 1), 0, -1):
            head = " ".join(words[:size])
            if lexicon.is_word("home", block.text):
                break  # 'Home page': one phrase, not two crumbs
            home = lexicon.is_word("home", head)
            if home or _is_site(head, sites):
                rest = [p for w in _segment(" ".join(words[size:]), blocks) for p in _unglue(w)]
                shown = [fold(p) in lines for p in rest]
                if (any(shown) if home else all(shown)) and _named(rest):
                    return [Link(head)] + _named(rest), block
                break
    return [], None


MAX_JOINED_WORDS = 6


def _bracketed(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs printed in brackets, one a line, next to the title ('[Accueil]' / '[Politique]')."""
    near = range(max(0, _at(title) - MAX_GAP - MAX_CRUMBS), min(len(blocks), _at(title) + MAX_GAP + MAX_CRUMBS))
    run: list[TextBlock] = []
    for i in near:
        text = blocks[i].text.strip()
        if len(text) > 2 and text[0] + text[-1] == "[]" and word_count(text) <= 4:
            run.append(blocks[i])
            continue
        if len(run) >= 2:
            break
        run = []
    if len(run) >= 2:
        return [Link(_undecorated(b.text.strip())) for b in run], run
    return [], None


def _labelled_line(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """A line anywhere that starts with a breadcrumb label and holds the trail ('Estás en: España'),
    far above the title, below it or in the footer."""
    lexicon = cues()
    for block in blocks:
        rest = lexicon.strip_label("breadcrumb_labels", block.text)
        if rest and title.text and fold(rest).endswith(fold(title.text)):
            rest = _before_title(rest, title.text).strip(_TRAIL_EDGES)  # the trail's last crumb is the headline
        if rest and word_count(rest) <= MAX_CRUMBS * 2:
            crumbs = [Link(p) for p in _parts(rest)]
            if 0 < len(crumbs) <= MAX_CRUMBS:
                return crumbs, block
        if rest == "" and block.index != _at(title):  # a label alone: its group of crumbs follows
            group = _group_after(blocks, block.index, len(blocks))
            crumbs = [Link(b.text) for b in group if fold(b.text) != fold(title.text or "")]
            if crumbs:
                return crumbs, group
    return [], None


def _home_arrows(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """A line anywhere that opens with the home crumb and goes on past an arrow ('Home > Blog >
    Mobile Marketing', 'Home » San Jose'): a trail whatever its distance to the title (a menu joins
    its items by bars or slashes, never by arrows)."""
    lexicon = cues()
    for block in blocks:
        if len(block.text) > MAX_TRAIL_CHARS or not _ARROW.search(block.text):
            continue
        parts = [p.strip(_TRAIL_EDGES) for p in _ARROW.split(block.text.strip(_TRAIL_EDGES))]
        if title.text and parts and _title_copy(parts[-1], title.text):
            parts = parts[:-1]
        if 2 <= len(parts) <= MAX_CRUMBS and lexicon.is_word("home", parts[0]) \
                and all(p and _words(p) <= MAX_PART_WORDS for p in parts[1:]):
            return [Link(p) for p in parts], block
    return [], None


MAX_TRAIL_CHARS = 400
"""A trail line is short: eight crumbs of four words at most (a longer line is not read at all)."""
_ARROW = re.compile(r"\s*[>»›→]\s*")
"""A trail's separators that no menu or sentence uses between words ('>' with or without spaces)."""


def _grouped(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """Crumbs stacked one a line in a group of their own right above a copy of the title (the trail's
    last crumb is the headline, printed again under it): two to four short lines printed together
    with that copy, a blank line above them setting them apart from the menu, one of them a section
    printed on a line of its own elsewhere. Without the copy, such a group is the menu's end ('Contact
    us' / 'Search'), as often as a trail."""
    end = _trail_end(blocks, title)
    if end == 0 or end >= _at(title) or not _packed(blocks[end - 1], blocks[end]):
        return [], None
    start = end
    while start > 0 and end - start <= MAX_STACKED and _crumb_like(blocks[start - 1]) \
            and (start == end or _packed(blocks[start - 1], blocks[start])):
        start -= 1
    group = blocks[start:end]
    if not MIN_GROUPED <= len(group) <= MAX_STACKED or start == 0 or _packed(blocks[start - 1], blocks[start]):
        return [], None  # one line is a kicker; a run packed with the lines above it (or opening the
        # dump: the site's header) is the menu's end
    crumbs = _without_kicker([b.text for b in group])
    if any(_meta_line(c) for c in crumbs) or not _sections_elsewhere(crumbs, blocks, start):
        return [], None  # 'Back to blog' / 'Published: Jan 23, 2024' is the header's meta lines
    return [Link(c) for c in crumbs], group


def _meta_line(text: str) -> bool:
    """A header's meta line, not a crumb: a date, a reading time ('4 min read'), hashtags."""
    return date_span(text) is not None or text.lstrip().startswith("#") or cues().contains("reading_time", text)


MIN_GROUPED = 2
"""Lines a trail set apart on its own needs: one short line over the title is its kicker."""


def _packed(above: TextBlock, below: TextBlock) -> bool:
    """Whether two lines of a dump are printed one right under the other, no blank line between."""
    return above.line is not None and below.line is not None and below.line - above.line == 1


def _split_trail(head: str, blocks: list[TextBlock]) -> list[Link]:
    label = cues().strip_label("breadcrumb_labels", head)
    head = (label if label is not None else head).strip(_TRAIL_EDGES)
    if _SPLIT.search(head) or _TIGHT_SLASH.search(head):
        parts = [p.strip(_TRAIL_EDGES) for p in _TIGHT_SLASH.split(" / ".join(_SPLIT.split(head)))]
        return [Link(p) for p in _SPLIT.split(" / ".join(parts)) if p.strip(_TRAIL_EDGES)]
    return _named([p for w in _segment(head, blocks) for p in _unglue(w)])


def _named(crumbs: list[str]) -> list[Link]:
    """Crumbs split from words joined by spaces, or none when one is a lone lower-case word: a
    section's name is capitalised or printed elsewhere whole ('à la une'); 'about', 'the', 'in'
    are a sentence's words ('Learn about the latest in ...')."""
    if any(" " not in c and c[:1].islower() for c in crumbs):
        return []
    return [Link(c) for c in crumbs]


def _crumb_like(block: TextBlock) -> bool:
    return (not block.standalone and 1 <= word_count(block.text) <= 4 and not block.text.endswith(".")
            and not _SEPARATED.search(block.text) and not _credit(block.text) and not _button(block.text))


def _unglue(text: str) -> list[str]:
    """'InicioNacionales' -> ['Inicio', 'Nacionales']: crumbs whose separator the dump lost."""
    if " " in text:
        return [text]
    return [p for p in _CAMEL.split(text) if p.strip()]


def _separated(blocks: list[TextBlock], title: Title, sites: frozenset[str]) -> tuple[list[Link], Where]:
    """A short line with crumb separators near the title ('Primo Piano > Sanità', 'El Salvador /
    judicial', 'Futurs,Météo'); a line with two separators or opening with one may stand further up."""
    title_index = _at(title)
    near_blocks = blocks[max(0, title_index - TRAIL_REACH): title_index + 3]
    counts: dict[str, int] = {}
    for block in near_blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    for block in near_blocks:
        if block.index == title_index or word_count(block.text) > MAX_CRUMBS * 3 or _credit(block.text) \
                or counts[block.text] > MAX_TRAIL_COPIES:
            continue  # a line printed again and again is a ticker ('UP TO 60% OFF | 72-HR CLEAROUT')
        near = abs(block.index - title_index) <= 3
        separators = len(_LOOSE_SEPARATED.findall(block.text))
        if not near and separators < 2 and not block.text.lstrip().startswith(tuple(">»›→")):
            continue
        parts = _parts(block.text)
        if len(parts) >= 2 and all(p and _words(p) <= MAX_PART_WORDS and not date_span(p) for p in parts):
            return [Link(p) for p in parts], block
    return [], None


MAX_TRAIL_COPIES = 2
"""A trail is printed once, or twice (desktop and mobile); more copies near the title are a ticker."""
MAX_PART_WORDS = 4
"""Words of a section's name; quotation marks do not count ('Les blogs du « Diplo »')."""


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


_LOOSE_SEPARATED = re.compile(_SEPARATED.pattern + r"|\s+/\s+|(?<=\S)\|(?=\S)|(?<=[^\W\d_]),(?=[^\W\d_])")
"""Separators of a trail line: arrows, and in a dump also ' / ', an unspaced '|' and an unspaced
comma ('Futurs,Météo': a sentence puts a space after its commas; 'Name | Role' is a signature)."""


def _parts(text: str) -> list[str]:
    parts = [p.strip(_TRAIL_EDGES) for p in _LOOSE_SEPARATED.split(_quoted(text).strip(_TRAIL_EDGES))]
    return [_unquoted(p) for p in parts if p]


def _button(text: str) -> bool:
    """A button's text: it ends with a '+' ('Seguir Tema +', a menu's 'Sports+' expander)."""
    return text.rstrip().endswith("+")


def _credit(text: str) -> bool:
    """A photo credit or a printed address ('Londyn / autor: Pixabay', '© AFP / Reuters')."""
    lexicon = cues()
    return "©" in text or "www." in text or "://" in text or lexicon.contains("photo_credits", text)


def _before_title(line: str, title: str) -> str:
    """The crumb trail part of a line that ends with the title, whole or cut short with '...'."""
    if fold(line).endswith(fold(title)):
        return line[: len(line) - len(title)].strip()
    cut = line.rstrip(".… ")
    words = cut.split()
    for n in range(len(words)):
        if fold(title).startswith(fold(" ".join(words[n:]))):
            return " ".join(words[:n])
    return ""


def _segment(head: str, blocks: list[TextBlock]) -> list[str]:
    """Split crumbs joined by spaces, using multi-word names the page prints elsewhere (menus)."""
    words = head.split()
    whole = fold(head)
    known = {fold(b.text) for b in blocks if 2 <= word_count(b.text) <= 4} - {whole}
    out, i = [], 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):
            piece = " ".join(words[i:i + size])
            if size == 1 or fold(piece) in known:
                out.append(piece)
                i += size
                break
    return out


def _without_title(crumbs: list[Link], title: str | None) -> list[Link]:
    if crumbs and title:
        text = fold(crumbs[-1].text)
        last, key = text.rstrip(" .…"), fold(title)
        truncated = last != text or len(last) >= MIN_TRUNCATED_TITLE
        if last and (last == key or (truncated and key.startswith(last)) or key in last
                     or word_count(last) > MAX_CRUMB_WORDS):
            crumbs = crumbs[:-1]
    return [c for c in crumbs if word_count(c.text) <= MAX_CRUMB_WORDS]
