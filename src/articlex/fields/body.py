"""The article text, and what sits inside it but is not it: read-also links (``related.py``) and source lines.

HTML: the container is the first body rule with enough prose, else the element holding the
most prose. Text dumps (and HTML without any container) read the lines after the title. Both
then go through the same walk of named rules (``walk.py``); when that reading keeps little of the
page's prose, a second, recall-first reading starts from the broadest element holding it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import islice

from ..deadline import CHECK_EVERY, NO_DEADLINE, Deadline, paced
from ..lexicon import Cues, cues
from ..page import SKIP_TAGS, Element, LinkRef, Page, TextBlock, common_ancestor
from ..selectors import BODY, CHROME, CHROME_TAGS, DISCUSSION, SIDEBARS
from ..text import PROSE_WORDS, at_most_words, is_sentence, word_count
from .boxes import CONTAINER_TAGS, INLINE_OWNERS, MIN_OPENING_PARAGRAPHS, MOST_PROSE, TABLE_CELLS, BoilerplateCheck, Discussion
from .lines import MAX_CAPTION_WORDS, MAX_LABEL_WORDS, Line
from .metadata import declared_kind, description
from .related import READ_ALSO_MIN_WORDS
from .tail import closes_serial, trim_tail
from .title import Title, first_prose
from .walk import BODY_STOPPED, Body, ends_article, is_furniture, walk

__all__ = ["Body", "find_body", "shell_text"]


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
REGION_GAIN = 2.0
"""The region reading replaces the first reading when it holds this many times its text: a
product's price and buttons beside its description are not worth taking, a service page's twelve
sections beside its introduction are."""
CARD_LINK_DEPTH = 4
"""Elements looked up from a line for the link around its card."""
MIN_CARD_LINES = 3
"""Elements with text of their own under one link that make it a card (title, place, price...)."""
MAX_CARD_ELEMENTS = 40
"""Elements a card's link holds at most (a link left open around the rest of the page is no card)."""
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
CHUNKS_SHARE = 0.8
"""An article's chunks hold at least this share of their common box's prose."""
LIST_ITEM_SHARE = 0.5
"""A list item's prose counts this much toward the densest element: an article runs in paragraphs,
while a list of headlines with excerpts (a news ticker, a related box) runs in items."""
MAX_HEADER = 20
"""Blocks between the title and the body read as the header (byline, date, counters)."""
MIN_HEADER_BLOCKS = 2
"""Blocks under the headline that are its header whatever they say (a standfirst, a byline)."""
MAX_TWIN_ROUNDS = 3
"""Twin boxes are joined level by level (paragraph wrappers into a section, sections into the text)."""
MAX_LEAD_GAP = 2
"""Boxes without prose (a picture, an ad slot) that may stand between a lead paragraph and the text."""
MIN_SPACED = 3
"""Paragraphs set apart by blank lines: this many make a dump 'spaced' (the corpus dumps and the seed are)."""
MIN_SHELL_WORDS = 35
"""Words of a description that copies the text's opening: one written for search results fits in
about 160 characters (25 words or so), a sales line or a page's purpose; the opening of a post or
an article copied by the site runs past that."""

CODE_TAGS = frozenset({"pre"})
"""Blocks of code or program output: text of the page, but no running prose to find its box by
(one long listing would outweigh the paragraphs around it)."""
CELL_SEPARATOR = " | "
"""Between the cells of a data-table row joined into one ``table_row`` block."""

def find_body(page: Page, title: Title, trace: dict[int, str] | None = None) -> Body:
    """The article's text after ``title``. ``trace``, when given, receives for each block the first
    reading skipped or stopped at the name of the walk's rule that did it (see ``walk.RULES``)."""
    declared = declared_kind(page) if page.is_html else None
    prose = _Prose.of(page, title, declared) if page.is_html else None
    container, by_rule = _container(page, prose) if prose is not None else (None, False)
    if container is not None:
        candidates = page.blocks_in(container)
        if not by_rule and prose is not None:
            candidates = _lead_paragraphs(prose, container) + candidates
    else:
        start = title.index + 1 if title.index is not None else (first_prose(page.blocks) or 0)
        candidates = page.blocks[start:]
    if container is not None:
        if title.index is not None:
            candidates = [b for b in candidates if b.index > title.index]
        candidates = _rows_joined(candidates, page.deadline)
    spaced = page.root is None and sum(1 for b in paced(page.blocks, page.deadline, PROSE_STOPPED)
                                       if b.standalone and b.prose) >= MIN_SPACED
    body = walk(page, candidates, container, cues(), spaced, prose.totals if prose is not None else None,
                prose.chrome if prose is not None else None, trace)
    if title.index is not None and body.start is not None and body.start > title.index:
        body.header = _until_widget(page.blocks[title.index + 1: body.start][:MAX_HEADER], cues(), page.root is None)
    recalled = None
    if prose is None:
        body.blocks = _before_sign_off(body.blocks)
    elif not page.deadline.expired():
        recalled = _recall_pass(page, title, body, prose)
    if recalled is not None:
        body, by_rule = recalled, False  # the recall reading's box holds the page's prose
    region = _region_pass(page, title, body, prose, declared) \
        if prose is not None and not page.deadline.expired() else None
    if region is not None:
        body, by_rule = region, False
    elif prose is not None:
        body = _with_opening(body, prose)
    body.kind = _page_kind(body, prose, region is not None, declared)
    if body.blocks:
        where = body.container if body.container is not None else body.blocks
        page.note("body", "markup" if by_rule else "cue", where,
                  None if by_rule or body.container is None else DENSEST)
    if body.related:
        page.note("related", body.related_strategy, body.related_blocks)
    return body


def shell_text(page: Page) -> str | None:
    """The text of a page whose script writes its text (an application's shell: the HTML prints a
    menu, a splash, nothing else): the page's own description, when it prints less than that
    description holds and the description copies the text's opening rather than selling the page.
    None for any other page."""
    if not page.is_html:
        return None
    text = (description(page) or "").strip()
    if word_count(text) < MIN_SHELL_WORDS:
        return None
    printed = 0
    for block in page.blocks:
        printed += len(block.text)
        if printed >= len(text):
            return None
    return text


def _with_opening(body: Body, found: _Prose) -> Body:
    """The text started above its box when the header under the headline holds paragraphs of prose of
    one parent, a story paragraph among them (a question above its answers, an opening section the
    theme boxes apart): that run of blocks opens the text. (A summary in bullets is no opening, nor
    a byline or a date line above the paragraphs.)"""
    header = body.header
    story = next((b for i, b in enumerate(header) if i >= MIN_HEADER_BLOCKS and b.tag == "p"
                  and _story_paragraph(b) and b.element in found.by_element), None)
    if story is None or not body.blocks:
        return body
    parent = story.element.getparent()
    lexicon = cues()
    # The blocks of its box (past boxes set in it, such as a call to action), but a byline, a date or
    # a credit printed in the same box: those stay the header's.
    run = [b for b in header[MIN_HEADER_BLOCKS:] if _child_of(b, parent)
           and not is_furniture(Line(b.text, lexicon), lexicon)]
    if sum(1 for b in run if b.prose and b.element in found.by_element) < MIN_OPENING_PARAGRAPHS:
        return body
    taken = {b.index for b in run}
    body.blocks = run + body.blocks
    body.header = [b for b in header if b.index not in taken]
    return body


def _child_of(block: TextBlock, parent: Element | None) -> bool:
    return block.element is not None and block.element.getparent() is parent


def _page_kind(body: Body, prose: _Prose | None, region: bool, declared: str | None) -> str | None:
    """What the page is: what it declares, else a forum when readers' talk is its text, a listing
    when its text is a region of cards and short lines, an article otherwise; None without text."""
    if not body.blocks:
        return None
    if declared is not None:
        return declared
    if prose is not None and prose.thread:
        return "forum"
    return "listing" if region else "article"


def _before_sign_off(blocks: list[TextBlock]) -> list[TextBlock]:
    """A dump's text up to its sign-off: a line of a few words that is no sentence ('DS', 'aja/PAP',
    'Staff Report') after a paragraph, with no paragraph of the story in the lines after it (a
    subheading leads into one; a signature is followed by boxes, appeals and other stories)."""
    lexicon = cues()
    for pos in range(1, len(blocks)):
        line, before = blocks[pos], blocks[pos - 1]
        if before.prose and word_count(line.text) <= SIGN_OFF_WORDS and not is_sentence(line.text) \
                and not any(_story_paragraph(b) for b in blocks[pos + 1: pos + 1 + SIGN_OFF_REACH]):
            # 'To be continued' closes the text itself: the sign-off, if any, comes after it.
            return blocks[:pos + 1] if closes_serial(line.text, lexicon) else blocks[:pos]
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
    blocks = trim_tail(_until_ending(_recall_blocks(page, title, first, found, box), first.end, lexicon),
                        lexicon, box)
    blocks = _with_first(blocks, first)
    taken = {b.index for b in blocks}
    if sum(len(b.text) for b in blocks if b.prose) < RECALL_GAIN * kept \
            or sum(len(b.text) for b in first.blocks if b.prose and b.index in taken) < KEEP_SHARE * kept:
        return None  # the recall reading must find more, and keep most of what the first one found
    return _second_reading(first, blocks, box)


def _with_first(blocks: list[TextBlock], first: Body) -> list[TextBlock]:
    """A second reading's blocks, and the first reading's when it lies outside them all (an
    introduction above a list or the cards): both are the text."""
    taken = {b.index for b in blocks}
    if any(b.index in taken for b in first.blocks):
        return blocks
    return sorted(first.blocks + blocks, key=lambda b: b.index)


def _second_reading(first: Body, blocks: list[TextBlock], box: Element) -> Body:
    """A body of ``blocks`` read from ``box``, keeping what the first reading found inside the text
    (read-also links, source lines) and its header above the new start."""
    body = Body(blocks=blocks, related=first.related, source_lines=first.source_lines, container=box,
                related_blocks=first.related_blocks, related_indices=first.related_indices,
                related_strategy=first.related_strategy)
    body.header = [b for b in first.header if b.index < blocks[0].index] if blocks else first.header
    return body


def _region_pass(page: Page, title: Title, first: Body, found: _Prose, declared: str | None) -> Body | None:
    """A page that is no article (a listing, a product, a shop's collection, a service page) carries
    its text in short lines, cards and sections rather than in one run of prose: every block of the
    page's main region is read, less its chrome, sidebars, link lists and boxes of other kinds. None
    when the page says it is an article and the first reading found an article's prose, or when the
    region adds too little."""
    kept = sum(len(b.text) for b in first.blocks)
    article = sum(len(b.text) for b in first.blocks if b.prose) >= MIN_ARTICLE_PROSE
    if article and declared == "article":
        return None  # an article, as the page says and its prose shows: teasers and comments around it stay out
    outside = found.chrome | found.sidebars
    content = [b for b in paced(page.blocks, page.deadline, PROSE_STOPPED)
               if b.element is not None and b.element not in outside
               and _region_line(b)]
    total = sum(len(b.text) for b in content)
    if total + kept < REGION_GAIN * kept:
        return None  # the whole page holds too little besides the first reading for the region to add
    box = _broadest(content, total) if total else None
    if box is None:
        return None
    blocks = _with_first(_region_blocks(page, title, first, found, box, article), first)
    if sum(len(b.text) for b in blocks) < REGION_GAIN * kept:
        return None
    taken = {b.index for b in blocks}
    if sum(len(b.text) for b in first.blocks if b.index in taken) < KEEP_SHARE * kept:
        return None
    return _second_reading(first, blocks, box)


def _region_blocks(page: Page, title: Title, first: Body, found: _Prose, box: Element,
                   article: bool) -> list[TextBlock]:
    """The region's blocks less link lists, boxes headed by a section word, other stories, chrome,
    sidebars and boxes of other kinds (unless those hold most of it), up to a line ending an article."""
    lexicon = cues()
    inside = _after_headline(_rows_joined(page.blocks_in(box), page.deadline), title.index)
    widgets = _widget_boxes(inside, lexicon, box)
    outside = found.chrome | found.sidebars
    # Cards printed as <article>s in the headline's own are the listing; other stories beside it are not,
    # nor, after a text with an article's prose, readers' talk.
    talk = found.talk
    stories = Discussion(talk.around, stories=talk.stories, talk=talk.talk and article, cards=False) \
        if talk is not None else None
    blocks = [b for b in inside if _region_line(b) and b.index not in widgets and b.element not in outside
              and not _led_by_link(b) and not (stories is not None and stories(b))]
    boiler = BoilerplateCheck(box, found.totals)
    pruned = [b for b in blocks if not boiler(b)]
    if sum(len(b.text) for b in pruned) >= (1 - MOST_PROSE) * sum(len(b.text) for b in blocks):
        blocks = pruned
    return _until_ending(blocks, first.end, lexicon)


def _region_line(block: TextBlock) -> bool:
    """A line the region reading may take: more text than links, or a line of a card."""
    return block.link_density <= RECALL_LINK_SHARE or _in_card_link(block)


def _in_card_link(block: TextBlock) -> bool:
    """A line of a card that is one link around several lines (a job, a product, a listing's entry):
    a menu's links hold one line each."""
    el = block.element
    for _ in range(CARD_LINK_DEPTH):
        if el is None:
            return False
        if el.tag == "a":
            inside = list(islice(el.iter(), MAX_CARD_ELEMENTS + 1))  # a link around a whole page is no card
            return len(inside) <= MAX_CARD_ELEMENTS and sum(
                1 for child in inside if isinstance(child.tag, str) and (child.text or "").strip()) >= MIN_CARD_LINES
        el = el.getparent()
    return False


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
    opening = next((pos for pos, b in enumerate(header) if pos >= MIN_HEADER_BLOCKS and _story_paragraph(b)), None)
    if sum(len(b.text) for b in header if b.prose) > sum(len(b.text) for b in first.blocks if b.prose):
        start, header = 0, []  # a 'header' holding more prose than the text was the text (before a bio)
    elif opening is not None:
        # A story paragraph below the byline and the date: the text started there, in a box the
        # first reading did not take.
        start, header = header[opening].index, header[:opening]
    known = {b.index for b in header} | set(first.related_indices)
    blocks = [b for b in inside if b.link_density <= RECALL_LINK_SHARE and b.index not in widgets
              and b.index not in known and (b.index >= start or b.tag == "p")
              and not _led_by_link(b) and not (found.talk is not None and found.talk(b))]
    boiler = BoilerplateCheck(box, found.totals)
    kept = [b for b in blocks if not boiler(b)]
    if sum(len(b.text) for b in kept if b.prose) < (1 - MOST_PROSE) * sum(len(b.text) for b in blocks if b.prose):
        return blocks  # removing the boxes would take away most of the text: they are the text
    return kept


def _until_ending(blocks: list[TextBlock], end: int | None, lexicon: Cues) -> list[TextBlock]:
    """The blocks up to the first line after ``end`` (the first reading's last block) that ends an
    article: navigation, the comment section, a related-posts heading, the copyright line."""
    for pos, block in enumerate(blocks):
        if end is not None and block.index > end and at_most_words(block.text, MAX_CAPTION_WORDS) \
                and ends_article(Line(block.text, lexicon)):
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


def _until_widget(blocks: list[TextBlock], lexicon: Cues, dump: bool = False) -> list[TextBlock]:
    """The header stops at a related-posts or comment heading: what follows is other stories' bylines.
    In a dump, 'Comments' packed among the share buttons is a button, and the byline may follow it."""
    for i, block in enumerate(blocks):
        if lexicon.is_any_word(("related_section", "comment_section"), block.text) \
                and not (dump and not block.standalone and _among_share_buttons(blocks, i, lexicon)):
            return blocks[:i]
    return blocks


SHARE_BAR_REACH = 3
"""Lines above a packed 'Comments' where a share button makes it one of the bar's buttons."""


def _among_share_buttons(blocks: list[TextBlock], i: int, lexicon: Cues) -> bool:
    return any(lexicon.strip_label("share", b.text) is not None for b in blocks[max(0, i - SHARE_BAR_REACH):i])


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
    talk: Discussion | None
    """What was left out as readers' talk or other stories (None: nothing was)."""
    chrome: set[Element]
    """The elements of the page's chrome (footer, consent panel, dialog) left out of the prose."""
    sidebars: set[Element]
    """The elements of sidebars and of comment threads after an article, left out of the prose."""
    thread: bool = False
    """Whether the page is a thread: readers' talk is its text (too little prose outside it)."""

    @classmethod
    def of(cls, page: Page, title: Title, declared: str | None = None) -> _Prose:
        heading = page.blocks[title.index].element if title.index is not None and page.is_html else None
        outside = _elements_in(page.index.all_matches(SIDEBARS))
        blocks = [b for b in paced(page.blocks, page.deadline, PROSE_STOPPED)
                  if b.element is not None and b.element not in outside and b.link_density <= 0.5 and b.prose
                  and b.tag not in CODE_TAGS]
        blocks, threads, thread = _without_threads(page, blocks, heading, declared == "forum")
        blocks, chrome = _without_chrome(page, blocks, heading)
        blocks, talk, talked = _without_talk(blocks, heading) if declared != "forum" else (blocks, None, False)
        totals: dict[Element, int] = {}
        owned: dict[Element, list[TextBlock]] = {}
        for block in blocks:
            owned.setdefault(block.element, []).append(block)
            el = block.element
            while el is not None:
                totals[el] = totals.get(el, 0) + len(block.text)
                el = el.getparent()
        return cls(blocks, totals, owned, talk, chrome, outside | threads, thread or talked)


def _without_threads(page: Page, blocks: list[TextBlock], heading: Element | None,
                     forum: bool = False) -> tuple[list[TextBlock], set[Element], bool]:
    """Prose blocks outside comment threads when the threads follow an article (800 characters of
    prose outside them, or a short post in an element marked as the text), with the threads left
    out; else the blocks as they are, and whether a thread is the page (a forum). On a page that
    declares itself a forum posting, the replies are the page's text whatever the opening's length."""
    threads = _elements_in(page.index.all_matches(DISCUSSION))
    if not threads:
        return blocks, threads, False
    kept = [b for b in blocks if b.element not in threads]
    if forum:
        return blocks, set(), len(kept) < len(blocks)
    if heading is None or sum(len(b.text) for b in kept) >= MIN_ARTICLE_PROSE or _marked_text(page, kept):
        return kept, threads, False  # an article, and readers' comments after it
    return blocks, set(), len(kept) < len(blocks)


def _without_chrome(page: Page, blocks: list[TextBlock],
                    heading: Element | None) -> tuple[list[TextBlock], set[Element]]:
    """Prose blocks outside the page's chrome, and the chrome's elements (none when there is no
    headline and the chrome holds all the prose: then it is the page)."""
    around = {heading, *heading.iterancestors()} if heading is not None else set()
    chrome = _elements_in(_chrome_roots(page), around)
    if not chrome:
        return blocks, chrome
    kept = [b for b in blocks if b.element not in chrome]
    if kept or heading is not None:
        return kept, chrome  # a page with a headline outside its footer has no text in it
    return blocks, set()


def _without_talk(blocks: list[TextBlock], heading: Element | None) -> tuple[list[TextBlock], Discussion | None, bool]:
    """Blocks outside readers' talk (comments, a forum box) and other stories' ``<article>`` elements,
    when the page's headline is outside them: the talk and the other stories then follow an article.
    Around the headline (a forum thread, a story's own ``<article>``) they are the page itself; and
    with too little prose left besides the talk, the page is a forum thread (the third value)."""
    if heading is None:
        return blocks, None, False
    around = {heading, *heading.iterancestors()}
    stories = any(el.tag == "article" for el in around)
    thread = False  # readers' talk found, and too little prose besides it: the page is the thread
    for talk, least in ((True, MIN_ARTICLE_PROSE), (False, MIN_CONTAINER_PROSE)):
        if not (talk or stories):
            continue
        check = Discussion(around, stories=stories, talk=talk)
        kept = [b for b in blocks if not check(b)]
        if sum(len(b.text) for b in kept) >= least:
            return kept, check, thread
        thread = thread or talk and len(kept) < len(blocks)
    return blocks, None, thread


def _marked_text(page: Page, blocks: list[TextBlock]) -> bool:
    """Whether an element the page marks as its article's text (a body rule's class) holds a
    teaser's worth of ``blocks``' prose: a short post above its comments, not a forum thread."""
    boxes = {el for rule in BODY for el in page.index.find(rule) if el.tag not in INLINE_OWNERS}
    held: dict[Element, int] = {}
    for block in blocks:
        for el in (block.element, *block.element.iterancestors()):
            if el in boxes:
                held[el] = held.get(el, 0) + len(block.text)
    return any(chars >= MIN_CONTAINER_PROSE for chars in held.values())


def _elements_in(roots: list[Element], around: set[Element] | frozenset[Element] = frozenset()) -> set[Element]:
    """Every element inside one of ``roots`` (comment threads, sidebars, the page's chrome), but for
    roots among ``around`` (the headline and its ancestors: a page set inside such a box is that page)."""
    inside: set[Element] = set()
    for el in roots:
        if el not in inside and el not in around and el.tag not in ("body", "html"):
            inside.update(el.iter())
    return inside


def _chrome_roots(page: Page) -> list[Element]:
    """The page's chrome: its footer, legal notices, consent panels, dialogs, asides, customers' reviews."""
    return page.index.all_matches(CHROME) + page.tagged(*CHROME_TAGS)


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
    for _ in range(MAX_TWIN_ROUNDS):
        joined = _with_twins(best, scores)
        if joined is best:
            break
        best = joined
    return best


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
    """A live blog or a builder splits the text into boxes of one class, a document into ``<section>``s
    (class or none): take their common ancestor."""
    signature = (best.tag, best.get("class"))
    if not signature[1] and best.tag != "section":
        return best
    inside = set(best.iterdescendants(best.tag))  # its own subsections are no twins
    twins = [el for el in scores if el is not best and el not in inside and (el.tag, el.get("class")) == signature]
    if not twins:
        return best
    ancestor = best
    twin_set = set(twins)
    while ancestor is not None and not any(t in twin_set for t in ancestor.iterdescendants()):
        ancestor = ancestor.getparent()
    if ancestor is None or ancestor.tag in ("body", "html"):
        return best
    return ancestor


PROSE_STOPPED = "the article's container was looked for in part of the page only"


