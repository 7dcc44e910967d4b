"""The article text, and what sits inside it but is not it: read-also links (``related.py``) and source lines.

HTML: the container is the first body rule with enough prose, else the element holding the
most prose. Text dumps (and HTML without any container) read the lines after the title. Both
then walk the same cue rules over the blocks, so unknown themes and text dumps work alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..deadline import CHECK_EVERY, NO_DEADLINE, Deadline, paced
from ..lexicon import Cues, agencies, cues
from ..model import Link
from ..page import SKIP_TAGS, Element, LinkRef, Page, TextBlock, common_ancestor
from ..selectors import BODY, BOILERPLATE, DISCUSSION, DISCUSSION_TOKENS, STANDFIRST
from ..text import (PROSE_WORDS, SENTENCE_WORDS, at_most_words, date_span, has_date_label, is_sentence,
                    looks_like_date, word_count)
from .lines import MAX_CAPTION_WORDS, MAX_LABEL_WORDS, Line
from .related import (READ_ALSO_MIN_WORDS, TEASER_LINK_SHARE, card_link, closes_teaser, is_teaser, read_also,
                      take_read_also, teaser_link)
from .title import Title, first_prose

__all__ = ["Body", "find_body"]

EMBED_SIGNATURE = re.compile(r"^\s*[—–-]\s*\S.*\(@\w+\).*\d{4}\s*$")
"""The last line of an embedded post in a dump: '— Name (@handle) March 16, 2020'."""
META_SEPARATORS = r"\s[|•·\-–—]\s"
"""What sets the parts of a meta line apart: 'Le Monde | 04.05.2015 • Par X', '05/10/2018 - Publicado por: X'."""

DENSEST = 0.6
"""Trust in a container found by its amount of prose rather than by a known class."""
SIGN_OFF_WORDS = 3
"""A sign-off line after the text is this short ('DS', 'aja/PAP', 'HLNF Staff Report')."""
SIGN_OFF_REACH = 4
"""Lines after a short line searched for a paragraph of the story going on (then it was a subheading)."""
RECALL_SHARE = 0.5
"""A body keeping less than this share of the page's prose is read again, recall first."""
RECALL_GAIN = 1.5
"""The recall reading replaces the first only when it finds this many times its prose: a line or
two more is not worth the risk of a footer."""
PAGE_WIDE_SHARE = 0.3
"""Below this share of the page's prose, the recall reading may take the whole page as its box."""
KEEP_SHARE = 0.5
"""The recall reading must keep this share of the first reading's prose (else it read another story)."""
BROAD_SHARE = 0.8
"""The recall reading starts from the deepest element holding this share of the page's prose."""
RECALL_LINK_SHARE = 0.5
"""In the recall reading, a block more link than text is navigation (a menu, a list of links)."""
MIN_ARTICLE_PROSE = 800
"""Characters of prose outside readers' talk that make an article with comments (less: a forum page,
whose opening post stands apart from the replies)."""
MIN_CONTAINER_PROSE = 200
"""Characters of prose a body rule's element needs to count as the article (shorter: a teaser)."""
CONTAINER_SHARE = 0.4
"""A matched container with less than this share of the densest element's prose is a decoy."""
MOST_PROSE = 0.5
"""A box holding more than this share of the container's prose is never pruned as boilerplate."""
CHUNKS_SHARE = 0.8
"""An article's chunks hold at least this share of their common box's prose."""
LIST_ITEM_SHARE = 0.5
"""A list item's prose counts this much toward the densest element: an article runs in paragraphs,
while a list of headlines with excerpts (a news ticker, a related box) runs in items."""
MAX_HEADER = 20
"""Blocks between the title and the body read as the header (byline, date, counters)."""
MAX_GAP = 6
"""Without a container, this many non-prose lines in a row end the article (menus, widgets)."""
MAX_LEAD_GAP = 2
"""Boxes without prose (a picture, an ad slot) that may stand between a lead paragraph and the text."""
MAX_LOOSE_LINES = 3
"""In a dump, paragraphs stand apart (blank lines); this many loose short lines in a row are a menu,
a share bar or a tag list: the article has ended."""
MIN_SPACED = 3
"""Paragraphs set apart by blank lines: this many make a dump 'spaced' (the corpus dumps and the seed are)."""
PACKED_REACH = 6
"""A packed line (caption, standfirst, summary bullets) leads a spaced paragraph this close below it."""
MIN_SHORT_SENTENCE = 3
"""Words a closing sentence set apart needs to stay after the text ('Kick-off is at 2 pm.')."""
MIN_PROSE_AFTER = 2
"""A related-posts heading inside the container with this many paragraphs below it opens an inline
box (skipped) rather than ending the article."""
MIN_PROSE_AFTER_BUTTON = 4
"""A comment-section word right under the standfirst with this many paragraphs below it is a button
in the header ('Réagir'), not the comment section."""
MAX_DEK_BLOCKS = 1
"""Prose before the byline or date line is a standfirst when it is this short (one block)."""
MIN_LEAD_IN_WORDS = 2 * SENTENCE_WORDS
"""A line ending in a colon this long opens the text it introduces (a shorter one is a label)."""
MIN_TAGS = 4
MAX_TAG_WORDS = 3
"""A tag list printed as one line in a dump: at least this many terms of at most this many words."""
MAX_EMBED_LINES = 6
"""Lines of an embedded post (a tweet's text) above its signature line."""
CREDIT_PART_WORDS = 4
"""A name in a credit line ('Nathan Alliard / Photononstop / AFP') is this short."""
MIN_LED_LINES = 2
"""Lines a colon must lead into to keep them: one line after 'Formats:' is a widget's ('mp3')."""
MIN_PARAGRAPH_LIST = 5
"""Short paragraphs in a row, after the text and beside it, that read as a list written in lines."""
LIST_LEAD_WORDS = 3
"""A colon after this many words leads into what follows ('Tour dates:' alone is a label)."""
P_SHARE = 0.5
"""The text runs in <p> when more than this share of the body's blocks are paragraphs."""
MAX_STAMP_WORDS = 4
"""Words between an update label and the rights stamp after it ('Ultimo aggiornamento: 22:07 ©')."""

INLINE_OWNERS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre"})
"""Tags that own a paragraph's text; a body rule matching one of them found a paragraph, not a box."""
CONTAINER_TAGS = frozenset({"div", "td", "section", "article", "main", "body"})
"""Boxes: text of their own (not in a paragraph) is loose text, kept in the container only when prose."""
TABLE_CELLS = frozenset({"td", "th"})
LOOSE_TEXT_TAGS = CONTAINER_TAGS - TABLE_CELLS
"""Boxes whose own text, after a text that runs in <p>, is a disclaimer, an appeal or a bio (the tail trim)."""
NON_TEXT_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "form", "footer", "header", "label"})
"""Elements inside the container whose text is never the article's."""
CELL_SEPARATOR = " | "
"""Between the cells of a data-table row joined into one ``table_row`` block."""
LIST_KINDS = frozenset({"list_item", "table_row"})
LIST_TAGS = frozenset({"ul", "ol"})
MIN_LINK_LIST = 3
"""Items, each one link, that make a list a list of links (two could be a sentence's examples)."""
"""Block kinds a paragraph leads into: a list or a table after the text's last paragraph stays."""

@dataclass
class Body:
    blocks: list[TextBlock] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    container: object = None
    header: list[TextBlock] = field(default_factory=list)
    """Blocks between the title and the first body block (byline, date, counters)."""
    related_blocks: list[TextBlock] = field(default_factory=list)
    related_strategy: str = "cue"

    def restart(self) -> None:
        """What was taken for the text so far was the header's (a standfirst, a caption)."""
        self.header.extend(self.blocks)
        self.blocks = []

    def add_related(self, link: Link, block: TextBlock, strategy: str) -> None:
        """A read-also link found at ``block``: by its label (cue) or as a teaser box (markup)."""
        if not self.related:
            self.related_strategy = strategy
        self.related.append(link)
        self.related_blocks.append(block)

    @property
    def start(self) -> int | None:
        return self.blocks[0].index if self.blocks else None

    @property
    def end(self) -> int | None:
        return self.blocks[-1].index if self.blocks else None


def find_body(page: Page, title: Title) -> Body:
    prose = _Prose.of(page, title) if page.is_html else None
    container, by_rule = _container(page, prose) if prose is not None else (None, False)
    if container is not None:
        candidates = page.blocks_in(container)
        if not by_rule and prose is not None:
            candidates = _lead_paragraphs(prose, container) + candidates
    else:
        start = title.index + 1 if title.index is not None else (first_prose(page.blocks) or 0)
        candidates = page.blocks[start:]
    if title.index is not None:
        candidates = [b for b in candidates if b.index > title.index]
    if container is not None:
        candidates = _rows_joined(candidates, page.deadline)
    spaced = page.root is None and sum(1 for b in paced(page.blocks, page.deadline, PROSE_STOPPED)
                                       if b.standalone and b.prose) >= MIN_SPACED
    body = _walk(page, candidates, container, cues(), spaced, prose)
    if title.index is not None and body.start is not None and body.start > title.index:
        body.header = _until_widget(page.blocks[title.index + 1: body.start][:MAX_HEADER], cues())
    recalled = None
    if prose is None:
        body.blocks = _before_sign_off(body.blocks)
    elif not page.deadline.expired():
        recalled = _recall_pass(page, title, body, prose)
    if recalled is not None:
        body, by_rule = recalled, False  # the recall reading's box holds the page's prose
    if body.blocks:
        where = body.container if body.container is not None else body.blocks
        page.note("body", "markup" if by_rule else "cue", where,
                  None if by_rule or body.container is None else DENSEST)
    if body.related:
        page.note("related", body.related_strategy, body.related_blocks)
    return body


def _before_sign_off(blocks: list[TextBlock]) -> list[TextBlock]:
    """A dump's text up to its sign-off: a line of a few words that is no sentence ('DS', 'aja/PAP',
    'Staff Report') after a paragraph, with no paragraph of the story in the lines after it (a
    subheading leads into one; a signature is followed by boxes, appeals and other stories)."""
    for pos in range(1, len(blocks)):
        line, before = blocks[pos], blocks[pos - 1]
        if before.prose and word_count(line.text) <= SIGN_OFF_WORDS and not is_sentence(line.text) \
                and not any(_story_paragraph(b) for b in blocks[pos + 1: pos + 1 + SIGN_OFF_REACH]):
            return blocks[:pos]
    return blocks


def _story_paragraph(block: TextBlock) -> bool:
    """A long paragraph of running text."""
    return word_count(block.text) >= PROSE_WORDS and is_sentence(block.text)


def _recall_pass(page: Page, title: Title, first: Body, found: _Prose) -> Body | None:
    """A second, recall-oriented reading when the first kept little of the page's prose: every
    block of the broadest element holding the page's prose, less what is clearly not the text
    (boxes of other kinds, lists of links). None when the first reading stands."""
    kept = sum(len(b.text) for b in first.blocks if b.prose)
    box = _recall_box(first, found, kept)
    if box is None:
        return None
    lexicon = cues()
    blocks = _trim_tail(_until_ending(_recall_blocks(page, title, first, found, box), first.end, lexicon),
                        lexicon, box)
    taken = {b.index for b in blocks}
    if not any(b.index in taken for b in first.blocks):
        # The first reading lies outside the box (an introduction above a list): both are the text.
        blocks = sorted(first.blocks + blocks, key=lambda b: b.index)
        taken |= {b.index for b in first.blocks}
    if sum(len(b.text) for b in blocks if b.prose) < RECALL_GAIN * kept \
            or sum(len(b.text) for b in first.blocks if b.prose and b.index in taken) < KEEP_SHARE * kept:
        return None  # the recall reading must find more, and keep most of what the first one found
    body = Body(blocks=blocks, related=first.related, source_lines=first.source_lines, container=box,
                related_blocks=first.related_blocks, related_strategy=first.related_strategy)
    body.header = [b for b in first.header if b.index < blocks[0].index] if blocks else first.header
    return body


def _after_headline(blocks: list[TextBlock], headline: int | None) -> list[TextBlock]:
    """The blocks after the headline, when most of their prose follows it (a headline found below the
    text is no reason to drop the text)."""
    if headline is None:
        return blocks
    after = [b for b in blocks if b.index > headline]
    before = sum(len(b.text) for b in blocks if b.prose and b.index < headline)
    return after if sum(len(b.text) for b in after if b.prose) >= before else blocks


def _recall_box(first: Body, found: _Prose, kept: int) -> Element | None:
    """The recall reading's box when the first reading kept under RECALL_SHARE of the page's prose."""
    prose = [b for b in found.blocks if not _led_by_link(b)]
    total = sum(len(b.text) for b in prose)
    if total < MIN_CONTAINER_PROSE or kept >= RECALL_SHARE * total:
        return None
    box = _broadest(prose, total)
    if box is None or first.blocks and box.tag in ("body", "html") and kept >= PAGE_WIDE_SHARE * total:
        return None  # prose scattered over the whole page: the first reading's box is the better guess
    return box


def _recall_blocks(page: Page, title: Title, first: Body, found: _Prose, box: Element) -> list[TextBlock]:
    """The box's blocks less what is clearly not the text: the headline and what stands above it in
    the box, the first reading's header and read-also links, link lists, boxes headed by a section
    word, readers' talk, and boxes of other kinds — unless those boxes hold most of the prose left
    (a page of testimonials in ``<figure>``s is its testimonials)."""
    inside = _after_headline(_rows_joined(page.blocks_in(box), page.deadline), title.index)
    widgets = _widget_boxes(inside, cues(), box)
    start = first.start if first.start is not None else 0
    header = [b for b in first.header if b.index < start][-MAX_HEADER:]  # a byline, a date, a standfirst
    if sum(len(b.text) for b in header if b.prose) > sum(len(b.text) for b in first.blocks if b.prose):
        start, header = 0, []  # a 'header' holding more prose than the text was the text (before a bio)
    known = {b.index for b in header} | {b.index for b in first.related_blocks}
    blocks = [b for b in inside if b.link_density <= RECALL_LINK_SHARE and b.index not in widgets
              and b.index not in known and (b.index >= start or b.tag == "p")
              and not _led_by_link(b) and not (found.talk is not None and found.talk(b))]
    boiler = _BoilerplateCheck(box, found.totals)
    kept = [b for b in blocks if not boiler(b)]
    if sum(len(b.text) for b in kept if b.prose) < (1 - MOST_PROSE) * sum(len(b.text) for b in blocks if b.prose):
        return blocks  # removing the boxes would take away most of the text: they are the text
    return kept


def _until_ending(blocks: list[TextBlock], end: int | None, lexicon: Cues) -> list[TextBlock]:
    """The blocks up to the first line after ``end`` (the first reading's last block) that ends an
    article: navigation, the comment section, a related-posts heading, the copyright line."""
    for pos, block in enumerate(blocks):
        if end is not None and block.index > end and at_most_words(block.text, MAX_CAPTION_WORDS) \
                and _ends_article(Line(block.text, lexicon)):
            return blocks[:pos]
    return blocks


def _widget_boxes(blocks: list[TextBlock], lexicon: Cues, box: Element) -> set[int]:
    """Blocks of a box headed by a section word ('You may also like', 'Comments'): the heading and
    what follows it in its own box (or, in the reading's box itself, up to the next heading)."""
    inside: set[int] = set()
    for pos, block in enumerate(blocks):
        if block.index in inside or block.kind != "heading" and not at_most_words(block.text, MAX_LABEL_WORDS) \
                or not lexicon.is_any_word(("related_section", "comment_section"), block.text):
            continue
        inside.add(block.index)
        parent = block.element.getparent()
        for later in blocks[pos + 1:]:
            if parent is box or parent is None:
                if later.kind == "heading":
                    break
            elif parent not in later.element.iterancestors():
                break
            inside.add(later.index)
    return inside


def _led_by_link(block: TextBlock) -> bool:
    """A list item opening with a linked headline (a ticker's or a related list's entry)."""
    return block.kind == "list_item" and bool(block.links) and block.links[0].start == 0 \
        and word_count(block.links[0].text) >= READ_ALSO_MIN_WORDS


class _Ancestry:
    """Whether a block sits inside an element that :meth:`marks` picks out, looking up from the
    block's own element to the first one :meth:`stops` at (memoised per element: a page's blocks
    share their ancestors)."""

    def __init__(self) -> None:
        self.memo: dict[Element, bool] = {}

    def stops(self, el: Element) -> bool:
        return False

    def marks(self, el: Element) -> bool:
        raise NotImplementedError

    def __call__(self, block: TextBlock) -> bool:
        el, path, verdict = block.element, [], False
        while el is not None and not self.stops(el):
            if el in self.memo:
                verdict = self.memo[el]
                break
            path.append(el)
            if self.marks(el):
                verdict = True
                break
            el = el.getparent()
        for seen in path:
            self.memo[seen] = verdict
        return verdict


class _Discussion(_Ancestry):
    """Whether a block sits in readers' talk or in another story's ``<article>``; the elements in
    ``around`` (the headline and its ancestors) never count as either."""

    def __init__(self, around: set[Element], stories: bool, talk: bool = True) -> None:
        super().__init__()
        self.around = around
        self.stories = stories
        """Whether other ``<article>`` elements are other stories (the headline sits in one of its own)."""
        self.talk = talk
        """Whether boxes classed as comments, a forum or replies are readers' talk."""

    def stops(self, el: Element) -> bool:
        return el in self.around

    def marks(self, el: Element) -> bool:
        return el.tag == "article" and self.stories and (_headed_story(el) or self._card(el)) \
            or self.talk and DISCUSSION_TOKENS.search(f"{el.get('class') or ''} {el.get('id') or ''}") is not None

    def _card(self, el: Element) -> bool:
        """An ``<article>`` inside the headline's own: a card of another story printed in it."""
        return any(up.tag == "article" and up in self.around for up in el.iterancestors())


def _headed_story(el: Element) -> bool:
    """An ``<article>`` with a headline of its own: an ``<h1>``, or a heading that is a link (a card)."""
    for heading in el.iter("h1", "h2", "h3"):
        if heading.tag == "h1" or heading.find(".//a") is not None or heading.getparent().tag == "a":
            return True
    return False


def _broadest(prose: list[TextBlock], total: int) -> Element | None:
    """The deepest element holding ``BROAD_SHARE`` of the prose (such elements form one chain)."""
    totals: dict[Element, int] = {}
    for block in prose:
        for el in (block.element, *block.element.iterancestors()):
            totals[el] = totals.get(el, 0) + len(block.text)
    need = BROAD_SHARE * total
    best = None
    for el, held in totals.items():
        if held >= need and (best is None or held < totals[best]
                             or held == totals[best] and best in el.iterancestors()):
            best = el
    return best


def _lead_paragraphs(prose: _Prose, container: Element) -> list[TextBlock]:
    """Paragraphs of prose set just before the densest element, beside it in the same parent: a
    theme that wraps all but the first paragraph (the lead) in an inner box. Boxes without prose
    between them (a picture, an ad slot) are passed over."""
    totals = prose.totals
    owned = prose.by_element
    lead: list[TextBlock] = []  # nearest first
    passed = 0
    sibling = container.getprevious()
    while sibling is not None and passed <= MAX_LEAD_GAP:
        if not totals.get(sibling):
            passed += sibling.tag not in SKIP_TAGS  # scripts and styles show nothing
        elif sibling.tag == "p":
            lead.extend(reversed(owned.get(sibling, [])))
        else:
            break
        sibling = sibling.getprevious()
    return lead[::-1]


def _rows_joined(blocks: list[TextBlock], deadline: Deadline = NO_DEADLINE) -> list[TextBlock]:
    """The cells of each row of a data table joined into one block (kind ``table_row``, cells
    separated by ' | '). A row holding prose is a layout table's and stays as it is."""
    out: list[TextBlock] = []
    i = 0
    while i < len(blocks):
        if len(out) % CHECK_EVERY == CHECK_EVERY - 1 and deadline.expired():
            deadline.stop(BODY_STOPPED.format(blocks=i, total=len(blocks)))
            break
        block = blocks[i]
        j = i
        row = block.element.getparent() if block.tag in TABLE_CELLS else None
        while j < len(blocks) and row is not None and blocks[j].tag in TABLE_CELLS \
                and blocks[j].element.getparent() is row and not blocks[j].prose:
            j += 1
        if j - i < 2 or (j < len(blocks) and blocks[j].element is not None and blocks[j].element.getparent() is row):
            # Not a data row: the cells up to ``j`` stay as they are (each would end its scan at ``j``
            # again, so passing them one at a time would read a wide row once a cell).
            j = max(j, i + 1)
            out.extend(blocks[i:j])
            i = j
            continue
        out.append(_row_block(blocks[i:j], row))
        i = j
    return out


def _row_block(cells: list[TextBlock], row: Element) -> TextBlock:
    text, links = "", list[LinkRef]()
    for cell in cells:
        at = len(text) + (len(CELL_SEPARATOR) if text else 0)
        text = f"{text}{CELL_SEPARATOR}{cell.text}" if text else cell.text
        links.extend(replace(link, start=link.start + at, end=link.end + at) for link in cell.links)
    first = cells[0]
    return TextBlock(first.index, text, "tr", row, links, first.in_quote, standalone=True)


def _until_widget(blocks: list[TextBlock], lexicon: Cues) -> list[TextBlock]:
    """The header stops at a related-posts or comment heading: what follows is other stories' bylines."""
    for i, block in enumerate(blocks):
        if lexicon.is_any_word(("related_section", "comment_section"), block.text):
            return blocks[:i]
    return blocks


def _container(page: Page, prose: _Prose) -> tuple[Element | None, bool]:
    """(element, found by a body rule): the first rule's element holding the article's prose, else the
    densest element."""
    totals = prose.totals
    densest = _densest(prose)
    if densest is None:
        return None, False
    floor = max(MIN_CONTAINER_PROSE, CONTAINER_SHARE * totals.get(densest, 0))
    for rule in BODY:
        found = [el for el in page.index.find(rule)
                 if el.tag not in INLINE_OWNERS and totals.get(el, 0) >= floor]
        if found:
            chunked = _chunks(page.index.find(rule), totals)
            return (chunked if chunked is not None else max(found, key=totals.__getitem__)), True
    return densest, False


def _chunks(matched: list[Element], totals: dict[Element, int]) -> Element | None:
    """The common box of an article split into chunks that share one body class (text, then a
    promo, then more text), or None when the rule's prose lies in one element."""
    holding = [el for el in matched if el.tag not in INLINE_OWNERS and totals.get(el, 0) >= MIN_CONTAINER_PROSE]
    outermost = set(holding)
    holding = [el for el in holding if not any(up in outermost for up in el.iterancestors())]
    if len(holding) < 2:
        return None
    ancestor = common_ancestor(holding)
    if ancestor is None or ancestor.tag in ("body", "html"):
        return None
    if sum(totals[el] for el in holding) < CHUNKS_SHARE * totals[ancestor]:
        return None  # the box holds other prose too: a page of teasers, not one article
    return ancestor


@dataclass
class _Prose:
    """The page's running text outside readers' talk and sidebars, worked out once per page: the
    blocks, the characters of them under every element, and the blocks each element owns."""

    blocks: list[TextBlock]
    totals: dict[Element, int]
    by_element: dict[Element, list[TextBlock]]
    talk: _Discussion | None
    """What was left out as readers' talk or other stories (None: nothing was)."""

    @classmethod
    def of(cls, page: Page, title: Title) -> _Prose:
        heading = page.blocks[title.index].element if title.index is not None and page.is_html else None
        outside = _discussion_elements(page)
        blocks = [b for b in paced(page.blocks, page.deadline, PROSE_STOPPED)
                  if b.element is not None and b.element not in outside and b.link_density <= 0.5 and b.prose]
        blocks, talk = _without_talk(blocks, heading)
        totals: dict[Element, int] = {}
        owned: dict[Element, list[TextBlock]] = {}
        for block in blocks:
            owned.setdefault(block.element, []).append(block)
            el = block.element
            while el is not None:
                totals[el] = totals.get(el, 0) + len(block.text)
                el = el.getparent()
        return cls(blocks, totals, owned, talk)


def _without_talk(blocks: list[TextBlock], heading: Element | None) -> tuple[list[TextBlock], _Discussion | None]:
    """Blocks outside readers' talk (comments, a forum box) and other stories' ``<article>`` elements,
    when the page's headline is outside them: the talk and the other stories then follow an article.
    Around the headline (a forum thread, a story's own ``<article>``) they are the page itself; and
    with too little prose left besides the talk, the page is a forum thread."""
    if heading is None:
        return blocks, None
    around = {heading, *heading.iterancestors()}
    stories = any(el.tag == "article" for el in around)
    for talk, least in ((True, MIN_ARTICLE_PROSE), (False, MIN_CONTAINER_PROSE)):
        if not (talk or stories):
            continue
        check = _Discussion(around, stories=stories, talk=talk)
        kept = [b for b in blocks if not check(b)]
        if sum(len(b.text) for b in kept) >= least:
            return kept, check
    return blocks, None


def _discussion_elements(page: Page) -> set[Element]:
    """Every element inside a comment thread or a sidebar."""
    inside: set[Element] = set()
    for el in page.index.all_matches(DISCUSSION):
        if el not in inside and el.tag not in ("body", "html"):
            inside.update(el.iter())
    return inside


def _densest(prose: _Prose) -> Element | None:
    """The element scoring most prose: a paragraph counts fully for its parent, half for the grandparent.

    The half share lets a box of many one-paragraph wrappers (<div><p>..</p></div> x N) win over
    each wrapper alone, while a plain <div><p/><p/></div> keeps its own div.
    """
    scores: dict[Element, float] = {}
    for block in prose.blocks:
        parent = block.element.getparent() if block.tag not in CONTAINER_TAGS else block.element
        weight = LIST_ITEM_SHARE if block.tag == "li" else 1.0
        card = _nested_article(block.element)
        for share in (1.0, 0.5):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0) + weight * share * len(block.text)
            if parent is card:
                break
            parent = parent.getparent()
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    if scores[best] < MIN_CONTAINER_PROSE:
        return None
    return _with_twins(best, scores)


def _nested_article(el: Element) -> Element | None:
    """The ``<article>`` holding ``el`` when it sits inside another ``<article>``: a related-post card
    or a comment printed inside the story, whose prose must not make the outer element the article's."""
    inner = None
    for up in el.iterancestors("article"):
        if inner is not None:
            return inner
        inner = up
    return None


def _with_twins(best: Element, scores: dict[Element, float]) -> Element:
    """A live blog or a builder splits the text into boxes of one class: take their common ancestor."""
    signature = (best.tag, best.get("class"))
    twins = [el for el in scores if el is not best and (el.tag, el.get("class")) == signature and signature[1]]
    if not twins:
        return best
    ancestor = best
    twin_set = set(twins)
    while ancestor is not None and not any(t in twin_set for t in ancestor.iterdescendants()):
        ancestor = ancestor.getparent()
    if ancestor is None or ancestor.tag in ("body", "html"):
        return best
    return ancestor


def _walk(page: Page, candidates: list[TextBlock], container: Element | None, lexicon: Cues, spaced: bool = False,
          prose: _Prose | None = None) -> Body:
    """The cue walk over candidate blocks. ``spaced``: a dump that sets its paragraphs apart with
    blank lines, where a line packed against its neighbours (caption, standfirst) cannot open the body."""
    body = Body(container=container)
    skip: set[int] = set()
    gap = loose = prose_seen = 0
    boxed = False
    after_teaser = -1  # the body's length when a teaser card was last taken out
    boiler = _BoilerplateCheck(container, prose.totals if prose is not None else {})
    prose_after = _ProseAfter(candidates)
    skip.update(_embedded_posts(candidates) if page.root is None else ())
    for pos, block in enumerate(candidates):
        if pos and not pos % CHECK_EVERY and page.deadline.expired():
            page.deadline.stop(BODY_STOPPED.format(blocks=pos, total=len(candidates)))
            break
        if block.index in skip:
            continue
        text = block.text
        line = Line(text, lexicon)
        if container is None and closes_teaser(line, body, candidates[pos - 1] if pos else None):
            if len(body.blocks) == after_teaser:
                break  # a second card with no paragraph since the first: a list of other stories
            after_teaser = len(body.blocks)
            continue
        found = read_also(block, line, candidates[pos + 1] if pos + 1 < len(candidates) else None)
        if found is not None:
            skip.update(take_read_also(body, block, *found, candidates, pos + 2, lexicon))
            continue
        if container is not None and boiler(block):
            # A box inside the article (related links, tags, share bar) is skipped; its heading
            # ("Related articles") does not end the text around it.
            if body.blocks and is_teaser(block, page):
                body.add_related(teaser_link(block, lexicon), block, "markup")
            elif body.blocks and block.kind == "heading" and not block.links:
                card = card_link(block, container, page)
                if card is not None:
                    body.add_related(card, block, "markup")
            continue
        if boxed and not _article_prose(block):
            continue  # the links and excerpts of an inline related box
        boxed = False
        cued = bool(line.labels or line.phrases)  # without a cue word, no label, heading or ending to look for
        if cued and body.blocks and container is not None and _box_heading(line) and prose_after(pos) >= MIN_PROSE_AFTER:
            boxed = True  # "Related news" inside the container with the article going on below it
            continue
        if body.blocks and container is None and prose_seen <= MAX_DEK_BLOCKS and "comment_section" in line.phrases \
                and prose_after(pos) >= MIN_PROSE_AFTER_BUTTON:
            body.restart()  # a 'Comment' button under the standfirst, the text still to come
            body.header.append(block)
            prose_seen = 0
            continue
        if body.blocks and (_ends_article(line) if cued else _rights_line(line)):
            inside = _navigation_inside(line, candidates[pos + 1: pos + 3])
            if inside is None:
                break
            body.add_related(Link(inside, None), block, "cue")
            continue
        if body.blocks and container is None and not block.standalone and _tag_list(text):
            break
        source = _source_line(line) if cued else None
        if source:
            body.source_lines.append(source)
            continue
        if _is_furniture(line, lexicon) or _credited_caption(text, lexicon):
            if prose_seen <= MAX_DEK_BLOCKS and not block.in_quote and _closes_header(line, lexicon):
                body.restart()  # what came before the byline or date was a standfirst
                prose_seen = 0
            (body.header if not body.blocks else []).append(block)
            continue
        packed_lead = spaced and not block.standalone and any(
            b.standalone and b.prose for b in candidates[pos + 1: pos + 1 + PACKED_REACH])
        lead_in = (spaced or page.root is not None) and _lead_in(
            block, candidates[pos + 1] if pos + 1 < len(candidates) else None)
        # Text written straight into the article's box (lines set apart by <br>) is its own, sentence or not.
        own_line = block.element is container and container is not None and line.words >= MIN_LEAD_IN_WORDS \
            and not _dated_meta(line)
        if not body.blocks and ((not block.prose or packed_lead) and not lead_in and not own_line
                                or _standfirst(block, container, boiler)):
            body.header.append(block)
            continue
        if body.blocks and container is not None and is_teaser(block, page):
            body.add_related(teaser_link(block, lexicon), block, "markup")
            continue
        if container is not None and block.tag in CONTAINER_TAGS and not block.prose and not own_line:
            continue  # loose text in a box: a button, a caption, a credit
        if container is None:
            gap = 0 if block.prose else gap + 1
            loose = 0 if block.standalone or block.prose else loose + 1
            if gap >= MAX_GAP or (page.root is None and loose >= MAX_LOOSE_LINES):
                break
        body.blocks.append(block)
        prose_seen += block.prose
    body.blocks = _without_stamp(_without_signature(_trim_tail(body.blocks, lexicon, container), body.header), lexicon)
    body.related = _unique(body.related)
    return body


BODY_STOPPED = "the body was read in {blocks} of its {total} candidate blocks"
PROSE_STOPPED = "the article's container was looked for in part of the page only"


def _embedded_posts(blocks: list[TextBlock]) -> set[int]:
    """Lines of posts embedded in a dump (a tweet): the signature line and the post's text above it,
    back to the article's paragraph before (set apart and plain prose, without a link)."""
    inside: set[int] = set()
    for pos, block in enumerate(blocks):
        if not EMBED_SIGNATURE.match(block.text):
            continue
        inside.add(block.index)
        for above in reversed(blocks[max(0, pos - MAX_EMBED_LINES): pos]):
            if above.standalone and above.prose and "http" not in above.text and "pic.twitter" not in above.text:
                break
            inside.add(above.index)
    return inside


def _lead_in(block: TextBlock, following: TextBlock | None) -> bool:
    """'The following are the reports recorded by the police:': a paragraph set apart that
    introduces the list of paragraphs below it (not a sentence, yet no label either)."""
    return block.standalone and block.text.rstrip().endswith(":") and word_count(block.text) >= MIN_LEAD_IN_WORDS \
        and following is not None and following.standalone and following.prose


class _ProseAfter:
    """For a position, how many paragraphs of the article's own prose follow it: counted for all
    positions the first time a heading asks (most pages never do)."""

    def __init__(self, blocks: list[TextBlock]) -> None:
        self.blocks = blocks
        self.counts: list[int] | None = None

    def __call__(self, pos: int) -> int:
        if self.counts is None:
            self.counts, seen = [0] * len(self.blocks), 0
            for i in range(len(self.blocks) - 1, -1, -1):
                self.counts[i] = seen
                seen += _article_prose(self.blocks[i])
        return self.counts[pos]


def _article_prose(block: TextBlock) -> bool:
    """Prose that is not a linked teaser nor an excerpt cut short ('...')."""
    text = block.text.rstrip()
    return block.prose and block.link_density < 0.5 and not text.endswith(("...", "…"))


_ENDING_PHRASES = frozenset({"comment_section", "related_section", "tags_labels"})
_FURNITURE_PHRASES = frozenset({"share", "newsletter", "tags_labels", "read_also", "advertising"})
_FURNITURE_LABELS = frozenset({"byline_prefixes", "photo_credits", "reading_time", "published_labels",
                               "updated_labels", "share"})
_SHARE_PHRASES = frozenset({"share"})
_HEADER_LABELS = frozenset({"byline_prefixes", "published_labels", "updated_labels"})


def _box_heading(line: Line) -> bool:
    return line.short and "related_section" in line.phrases


def _ends_article(line: Line) -> bool:
    """Article navigation or pagination, the comment section, a related-posts heading or the tag list."""
    if any(_is_navigation(line.text, line.rest(key)) for key in ("previous", "next")):
        return True
    if line.short and any(line.rest(key) is not None for key in ("page_next", "tags_labels")):
        return True
    return bool(line.phrases & _ENDING_PHRASES) or _rights_line(line)


def _rights_line(line: Line) -> bool:
    """'© Reproduction réservée', 'All rights reserved': the copyright line (its words may stand anywhere)."""
    return line.words <= MAX_CAPTION_WORDS and line.lexicon.contains("rights_reserved", line.text)


def _navigation_inside(line: Line, following: list[TextBlock]) -> str | None:
    """The headline of a 'Previous: <headline>' line of a dump with paragraphs set apart going on
    below it: a read-also link inside the text, not the article's navigation."""
    if len(following) < 2 or not all(b.standalone and b.prose and b.element is None for b in following):
        return None
    for key in ("previous", "next"):
        rest = line.rest(key)
        if rest and _is_navigation(line.text, rest):
            return rest
    return None


def _tag_list(text: str) -> bool:
    """'Drohne, Drohnenaufnahmen, Iran, USA': a line of short terms between commas, no sentence."""
    parts = text.split(",")
    if len(parts) < MIN_TAGS or ":" in text or text.rstrip().endswith((".", "!", "?")):
        return False
    return all(1 <= word_count(part) <= MAX_TAG_WORDS for part in parts)


def _is_navigation(text: str, rest: str | None) -> bool:
    """'Article suivant', 'Article suivantOù sont...': a navigation label (``rest`` is the text after
    it, None without one), then nothing or a title opening with a capital or a digit, no comma before it."""
    if rest is None:
        return False
    return not rest or (rest[0].isupper() or rest[0].isdigit()) and text[len(text) - len(rest) - 1:][:1] != ","


def _source_line(line: Line) -> str | None:
    rest = line.rest("source_prefixes") if line.short else None
    return rest.strip(" .") or None if rest is not None else None


def _is_furniture(line: Line, lexicon: Cues) -> bool:
    """Lines of page furniture inside the article area: bylines, dates, credits, share bars, counters."""
    text = line.text
    if line.words <= MAX_CAPTION_WORDS and ("©" in text or _credit_label(text, lexicon) or _dated_meta(line)):
        return True
    if not line.short:
        return False
    if text.replace(".", "").replace(",", "").replace(" ", "").isdigit():
        return True
    if looks_like_date(text) and not text.rstrip().endswith((":", "：")):  # 'Tour 2020 dates:' leads into a list
        return True
    return bool(line.phrases & _FURNITURE_PHRASES or line.labels & _FURNITURE_LABELS) or _agency_credit(text)


def _agency_credit(text: str) -> bool:
    """A picture's credit: names set apart by slashes, one of them an agency ('Nathan Alliard /
    Photononstop / AFP'). Running text does not list names this way."""
    if " / " not in text:
        return False
    parts = [part.strip() for part in text.split(" / ")]
    return all(at_most_words(part, CREDIT_PART_WORDS) for part in parts) \
        and any(agencies().name_of(part) for part in parts)


def _closes_header(line: Line, lexicon: Cues) -> bool:
    """A line of the header under the title (byline, date, credit, share bar): prose above it was a
    standfirst or a caption, not the text."""
    return _is_header_meta(line) or _agency_credit(line.text) or _credited_caption(line.text, lexicon) \
        or bool(line.phrases & _SHARE_PHRASES or line.labels & _SHARE_PHRASES)


def _credited_caption(text: str, lexicon: Cues) -> bool:
    """A caption of any length that ends in its credit after a bar ('... entre os Poderes| Foto: X')."""
    head, bar, tail = text.rpartition("|")
    return bool(bar) and bool(head.strip()) and at_most_words(tail, MAX_LABEL_WORDS) and _credit_label(tail, lexicon)


def _credit_label(text: str, lexicon: Cues) -> bool:
    """A photo-credit label followed by a colon anywhere in the line ("... (Symbolfoto) Bildrechte: X")."""
    if ":" not in text and "：" not in text:
        return False
    return any(text[m.end():].lstrip().startswith((":", "：")) for m in lexicon.any_pattern("photo_credits").finditer(text))


def _is_header_meta(line: Line) -> bool:
    """A byline or a dated line: what separates a standfirst from the article's first paragraph.
    A bare time ('14:35') is not one: live blogs stamp every entry with it; nor is the signature of
    an embedded post ('— Name (@handle) March 16, 2020')."""
    text = line.text
    if "@" in text:
        return False
    if (looks_like_date(text) or line.short) and date_span(text) or _dated_meta(line):
        return True
    return bool(line.labels & _HEADER_LABELS)


def _dated_meta(line: Line) -> bool:
    """A header line too long for a label that holds a date and a publication label or a byline:
    'Publié le 19 mai 2020 Mis à jour le 20 mai 2020 12:02', or parts set apart by bars or bullets
    ('Le Monde | 04.05.2015 à 13h36 • Mis à jour le ... | Par X')."""
    if line.short or line.words > MAX_CAPTION_WORDS or not date_span(line.text):
        return False
    parts = [p.strip() for p in re.split(META_SEPARATORS, line.text)]
    lexicon = line.lexicon
    if len(parts) == 1:
        return has_date_label(line.text, lexicon)
    return any(lexicon.strip_label(key, part) is not None for part in parts for key in _HEADER_LABELS)


class _BoilerplateCheck(_Ancestry):
    """Whether a block sits in a non-article box inside the container."""

    def __init__(self, container: Element | None, totals: dict[Element, int]) -> None:
        super().__init__()
        self.container = container
        self.most = MOST_PROSE * totals.get(container, 0) if container is not None else 0
        self.totals = totals

    def stops(self, el: Element) -> bool:
        return el is self.container

    def marks(self, el: Element) -> bool:
        return (el.tag in NON_TEXT_TAGS or BOILERPLATE.search(f"{el.get('class') or ''} {el.get('id') or ''}")
                or el.tag in LIST_TAGS and _link_list(el)) and not self.holds_most(el)

    def holds_most(self, el: Element) -> bool:
        """A box holding most of the container's prose is the text, whatever its class says."""
        return bool(self.most) and self.totals.get(el, 0) >= self.most


def _link_list(el: Element) -> bool:
    """A list whose every item is one link and nothing more: other stories, sections, sources to
    click; never the article's own sentences."""
    items = 0
    for item in el:
        if not isinstance(item.tag, str):
            continue
        if item.tag != "li" or len(item) != 1 or item[0].tag != "a" or (item.text or "").strip() \
                or (item[0].tail or "").strip():
            return False
        items += 1
    return items >= MIN_LINK_LIST


def _trim_tail(blocks: list[TextBlock], lexicon: Cues, container: Element | None = None) -> list[TextBlock]:
    """Drop what trails the last paragraph: labels, signatures, appeals (with the box they sit in),
    headings with no text under them, and runs of lines (list items, table rows, short paragraphs)
    that nothing leads into. A list or a table leads on from a paragraph; any run leads on from a
    sentence ending in a colon ('Tour dates:'). Where the text runs in ``<p>``, loose text in a box
    after it is a disclaimer, an appeal or a bio."""
    end = len(blocks)
    in_p = sum(b.tag == "p" for b in blocks) > len(blocks) * P_SHARE
    while end:
        last = blocks[end - 1]
        if _is_appeal(last.text, lexicon):
            end = _box_start(blocks, end - 1, container)
            continue
        if end > 1 and (last.kind == "heading" or in_p and last.tag in LOOSE_TEXT_TAGS):
            end -= 1
            continue
        if last.prose or _short_sentence(last):
            break
        start = end - 1
        while start and blocks[start - 1].kind == last.kind and not blocks[start - 1].prose \
                and not _leads_into_lines(blocks[start - 1]) and not _is_appeal(blocks[start - 1].text, lexicon):
            start -= 1
        lead = blocks[start - 1] if start else None
        if lead is not None and not _is_appeal(lead.text, lexicon) and (
                _leads_into_lines(lead) and end - start >= MIN_LED_LINES
                and all(b.link_density < TEASER_LINK_SHARE for b in blocks[start:end])
                or last.kind in LIST_KINDS and lead.prose or _paragraph_list(blocks[start:end], lead)):
            break
        end = start
    return blocks[:end]


def _paragraph_list(run: list[TextBlock], lead: TextBlock) -> bool:
    """Many short paragraphs without links beside the text's own paragraphs: a list written as
    lines (tour dates, results), where a signature, a credit or a share bar is one or two lines."""
    parent = lead.element.getparent() if lead.element is not None else None
    return len(run) >= MIN_PARAGRAPH_LIST and parent is not None and all(
        b.tag == "p" and b.element.getparent() is parent and b.link_density < TEASER_LINK_SHARE
        and at_most_words(b.text, MAX_CAPTION_WORDS) for b in run)


def _box_start(blocks: list[TextBlock], i: int, container: Element | None) -> int:
    """Where the box of ``blocks[i]`` starts among the blocks: the run before it sharing its parent,
    unless that parent is the container or also holds the article's first block."""
    el = blocks[i].element
    box = el.getparent() if el is not None else None
    first = blocks[0].element
    if box is None or box is container or first is None or box in first.iterancestors():
        return i
    while i and blocks[i - 1].element is not None and blocks[i - 1].element.getparent() is box:
        i -= 1
    return i


def _without_stamp(blocks: list[TextBlock], lexicon: Cues) -> list[TextBlock]:
    """'... (prostata e vescica). Ultimo aggiornamento: 22:07 © RIPRODUZIONE RISERVATA': a rights
    stamp glued to the end of the last paragraph, and the update or publication stamp before it,
    is cut off."""
    if not blocks:
        return blocks
    last = blocks[-1]
    text = last.text
    rights = None
    for rights in lexicon.any_pattern("rights_reserved").finditer(text):
        pass
    if rights is None or text[rights.end():].strip(" .") or not text[:rights.start()].strip():
        return blocks
    start = len(text[:rights.start()].rstrip().removesuffix("©"))
    for key in ("updated_labels", "published_labels"):
        for label in lexicon.any_pattern(key).finditer(text, 0, start):
            if at_most_words(text[label.end():start], MAX_STAMP_WORDS):
                start = min(start, label.start())
                break
    kept = text[:start].rstrip()
    if not is_sentence(kept) or not at_most_words(text[start:], MAX_LABEL_WORDS):
        return blocks
    cut = TextBlock(last.index, kept, last.tag, last.element, [lk for lk in last.links if lk.end <= len(kept)],
                    last.in_quote, last.line, last.standalone)
    return blocks[:-1] + [cut]


def _standfirst(block: TextBlock, container: Element | None, boiler: _BoilerplateCheck) -> bool:
    """A standfirst opening the container: a block in a box whose class names a standfirst
    ('id-Article-content-item-summary', 'lead'). (Not 'excerpt' nor 'intro': themes print the first
    paragraph of the text in one; nor a long heading: page builders set paragraphs in <h2>; nor a box
    holding most of the text: 'field--type-text-with-summary' wraps a whole article.)"""
    el = block.element
    if el is None:
        return False
    above = set(container.iterancestors()) | {container} if container is not None else set()
    while el is not None and el not in above:
        if STANDFIRST.search(el.get("class") or "") and not boiler.holds_most(el):
            return True  # not ids: 'speakable-summary' marks a paragraph for speech
        if container is None:
            break
        el = el.getparent()
    return False


def _leads_into_lines(block: TextBlock) -> bool:
    """A sentence that ends in a colon: what follows it (a list, a table, dates) belongs to it.
    HTML only, where the lines' links tell a list of dates from a share bar ('Share this story:')."""
    return block.element is not None and block.text.rstrip().endswith((":", "：")) \
        and word_count(block.text) >= LIST_LEAD_WORDS


def _without_signature(blocks: list[TextBlock], header: list[TextBlock]) -> list[TextBlock]:
    """Drop a closing signature that repeats the byline of the header ('Par X (avec Y)' above, 'X
    (avec Y)' below)."""
    if len(blocks) > 1 and 2 <= word_count(blocks[-1].text) <= MAX_LABEL_WORDS \
            and any(blocks[-1].text in b.text for b in header):
        return blocks[:-1]
    return blocks


def _short_sentence(block: TextBlock) -> bool:
    """A closing paragraph of a few words ('Kick-off is at 2 pm.'): a sentence set apart as one."""
    return block.standalone and block.kind == "paragraph" and is_sentence(block.text) \
        and at_most_words(block.text, SENTENCE_WORDS) and word_count(block.text) >= MIN_SHORT_SENTENCE


def _is_appeal(text: str, lexicon: Cues) -> bool:
    """A newsletter, subscription or donation appeal."""
    return lexicon.contains("newsletter", text)


def _unique(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        if link.text and link.text not in seen:
            seen.add(link.text)
            out.append(link)
    return out
