"""The body walk: the candidate blocks read in order, each one judged by an ordered list of small
named rules over one walk state.

A rule looks at the block (and its neighbours) and either has no say, skips the block (it is page
furniture, a read-also link, a box of something else) or stops the walk (the article has ended).
A block no rule skips or stops on is text. Which rules run is decided once, by the kind of input:
HTML with the article's container found (``BOXED``), HTML without one (``LOOSE``) or a text dump
(``DUMP``); the same cue rules serve all three, so unknown themes and text dumps work alike.
"""

from __future__ import annotations

import enum
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..deadline import CHECK_EVERY, Deadline, paced
from ..lexicon import Cues, agencies, fold
from ..model import Link
from ..page import Element, Page, TextBlock
from ..selectors import STANDFIRST
from ..text import SENTENCE_WORDS, at_most_words, date_span, has_date_label, is_sentence, looks_like_date, word_count
from .boxes import CONTAINER_TAGS, MIN_OPENING_PARAGRAPHS, BoilerplateCheck, FooterCheck, NavigationCheck
from .lines import MAX_CAPTION_WORDS, MAX_LABEL_WORDS, QUOTES, Line
from .related import card_link, closes_teaser, is_teaser, read_also, take_read_also, teaser_link
from .tail import closes_serial, trim_tail, unique_links, without_signature, without_stamp

__all__ = ["Body", "Input", "RULES", "Rule", "walk", "ends_article", "is_furniture"]


@dataclass
class Body:
    blocks: list[TextBlock] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    container: object = None
    header: list[TextBlock] = field(default_factory=list)
    """Blocks between the title and the first body block (byline, date, counters)."""
    related_blocks: list[TextBlock] = field(default_factory=list)
    """Where the read-also links were found, for their provenance: every block in HTML (their
    elements' common ancestor is the path), the first and the last in a dump (their lines are)."""
    related_indices: array[int] = field(default_factory=lambda: array("q"))
    """The index of every block a read-also link was found at."""
    related_strategy: str = "cue"
    kind: str | None = "article"
    """What the page is (``Article.kind``), set once the text is found."""

    def restart(self) -> None:
        """What was taken for the text so far was the header's (a standfirst, a caption)."""
        self.header.extend(self.blocks)
        self.blocks = []

    def add_related(self, link: Link, block: TextBlock, strategy: str) -> None:
        """A read-also link found at ``block``: by its label (cue) or as a teaser box (markup)."""
        if not self.related:
            self.related_strategy = strategy
        self.related.append(link)
        self.related_indices.append(block.index)
        if block.line is not None and len(self.related_blocks) > 1:
            # A dump's blocks are made when read: 200,000 read-also lines would keep 200,000 of them.
            self.related_blocks[-1] = block
        else:
            self.related_blocks.append(block)

    @property
    def start(self) -> int | None:
        return self.blocks[0].index if self.blocks else None

    @property
    def end(self) -> int | None:
        return self.blocks[-1].index if self.blocks else None


class Input(enum.Enum):
    """What the walk reads, decided once per walk."""

    BOXED = "HTML, inside the article's container"
    LOOSE = "HTML without a container: the blocks after the title"
    DUMP = "a text dump: the lines after the title"


class Act(enum.Enum):
    """A rule's verdict on a block (a rule with no say returns None)."""

    SKIP = "not text: the walk goes on"
    STOP = "the article has ended"


@dataclass
class Walk:
    """The walk's state: what it reads, and what it has found so far."""

    page: Page
    candidates: list[TextBlock]
    container: Element | None
    lexicon: Cues
    kind: Input
    spaced: bool
    """A dump that sets its paragraphs apart with blank lines, where a line packed against its
    neighbours (a caption, a standfirst) cannot open the body."""
    boiler: BoilerplateCheck
    body: Body
    chrome: set[Element] = field(default_factory=set)
    """The page's footer, consent panels and dialogs (HTML)."""
    skip: set[int] = field(default_factory=set)
    """Blocks already taken by an earlier rule (a read-also headline, an embedded post)."""
    gap: int = 0
    """Without a container: blocks since the last prose."""
    loose: int = 0
    """In a dump: loose short lines in a row."""
    listed: int = 0
    """In a dump: lines of a list still expected, after a sentence set apart that leads into it with a colon."""
    prose_seen: int = 0
    """Paragraphs of prose in the body so far (since the last restart)."""
    boxed: bool = False
    """Inside an inline related box: its links and excerpts are not text."""
    after_teaser: int = -1
    """The body's length when a teaser card was last taken out."""
    trace: dict[int, str] | None = None
    """When asked for: the rule that skipped or stopped at each block, by block index."""

    @cached_property
    def prose_after(self) -> _ProseAfter:
        return _ProseAfter(self.candidates)

    @cached_property
    def footer(self) -> FooterCheck:
        return FooterCheck()

    @cached_property
    def navigation(self) -> NavigationCheck:
        return NavigationCheck(self.container)


@dataclass
class Step:
    """One block of the walk, with what the rules ask about it, each worked out once."""

    walk: Walk
    pos: int
    block: TextBlock
    line: Line

    @cached_property
    def cued(self) -> bool:
        """Whether the line holds a cue word: without one, there is no label, heading or ending to look for."""
        return bool(self.line.labels or self.line.phrases)

    @property
    def previous(self) -> TextBlock | None:
        return self.walk.candidates[self.pos - 1] if self.pos else None

    @property
    def following(self) -> TextBlock | None:
        candidates = self.walk.candidates
        return candidates[self.pos + 1] if self.pos + 1 < len(candidates) else None

    @cached_property
    def own_line(self) -> bool:
        """Text written straight into the article's box (lines set apart by <br>) is its own, sentence or not."""
        container = self.walk.container
        return container is not None and self.block.element is container and self.line.words >= MIN_LEAD_IN_WORDS \
            and not _dated_meta(self.line)


@dataclass(frozen=True)
class Rule:
    """A named rule of the walk and the inputs it runs on."""

    name: str
    check: Callable[[Step], Act | None]
    inputs: frozenset[Input]


ANY = frozenset(Input)
BOXED = frozenset({Input.BOXED})
UNBOXED = frozenset({Input.LOOSE, Input.DUMP})


def walk(page: Page, candidates: list[TextBlock], container: Element | None, lexicon: Cues, spaced: bool = False,
         totals: dict[Element, int] | None = None, chrome: set[Element] | None = None,
         trace: dict[int, str] | None = None) -> Body:
    """The text among ``candidates``: each block judged by the rules for this input, in order.
    ``totals``: the page's prose under each element (HTML); ``chrome``: the elements of the page's
    footer, consent panels and dialogs; ``trace``, when given, receives the name of the rule that
    skipped or stopped at each block."""
    kind = Input.DUMP if page.root is None else Input.BOXED if container is not None else Input.LOOSE
    state = Walk(page, candidates, container, lexicon, kind, spaced, BoilerplateCheck(container, totals or {}),
                 Body(container=container), chrome=chrome or set(), trace=trace)
    if kind is Input.DUMP:
        state.skip.update(_embedded_posts(candidates, page.deadline))
    rules = [rule for rule in RULES if kind in rule.inputs]
    body = state.body
    for pos, block in enumerate(candidates):
        if pos and not pos % CHECK_EVERY and page.deadline.expired():
            page.deadline.stop(BODY_STOPPED.format(blocks=pos, total=len(candidates)))
            break
        if block.index in state.skip:
            continue
        step = Step(state, pos, block, Line(block.text, lexicon))
        act = None
        for rule in rules:
            act = rule.check(step)
            if act is not None:
                if trace is not None:
                    trace[block.index] = rule.name
                break
        if act is Act.STOP:
            break
        if act is None:
            body.blocks.append(block)
            state.prose_seen += block.prose
    body.blocks = without_stamp(without_signature(trim_tail(body.blocks, lexicon, container), body.header), lexicon)
    body.related = unique_links(body.related)
    return body


# The rules, in the order the walk asks them.

def _page_chrome(step: Step) -> Act | None:
    """Without a container, a footer after the text ends it; other chrome (a consent panel, a dialog,
    an aside between a thread's posts) is passed over."""
    state = step.walk
    if step.block.element not in state.chrome:
        return None
    return Act.STOP if state.body.blocks and state.footer(step.block) else Act.SKIP


def _teaser_card(step: Step) -> Act | None:
    """A teaser card (kicker, headline, 'read more') closes: taken out; a second one with no
    paragraph since the first is a list of other stories, and the article has ended."""
    state = step.walk
    if not closes_teaser(step.line, state.body, step.previous):
        return None
    if len(state.body.blocks) == state.after_teaser:
        return Act.STOP
    state.after_teaser = len(state.body.blocks)
    return Act.SKIP


def _read_also(step: Step) -> Act | None:
    """A read-also link ('Lire aussi : <headline>') and the headline lines it labels."""
    found = read_also(step.block, step.line, step.following)
    if found is None:
        return None
    state = step.walk
    state.skip.update(take_read_also(state.body, step.block, *found, state.candidates, step.pos + 2, state.lexicon))
    return Act.SKIP


def _box_of_other_kind(step: Step) -> Act | None:
    """A box inside the article that is not text (related links, tags, share bar) is skipped, its
    teasers kept as read-also links; its heading ('Related articles') does not end the text around it."""
    state, block = step.walk, step.block
    if not state.boiler(block):
        return None
    body = state.body
    if not body.blocks or state.navigation(block):
        return Act.SKIP  # a pager's 'Next page' is no other story
    if is_teaser(block, state.page):
        body.add_related(teaser_link(block, state.lexicon), block, "markup")
    elif block.kind == "heading" and not block.links:
        card = card_link(block, state.container, state.page)
        if card is not None:
            body.add_related(card, block, "markup")
    return Act.SKIP


def _inside_inline_box(step: Step) -> Act | None:
    """The links and excerpts under an inline related heading; the box ends at the article's prose,
    or at the subheading right above it."""
    state = step.walk
    if state.boxed and not _article_prose(step.block) \
            and not (step.block.kind == "heading" and step.following is not None and _article_prose(step.following)):
        return Act.SKIP
    state.boxed = False
    return None


def _inline_box_heading(step: Step) -> Act | None:
    """'Related news' or a 'Related topics' heading inside the container with the article going on
    below it: an inline box opens."""
    state = step.walk
    if step.cued and state.body.blocks and (_box_heading(step.line) or _tags_heading(step)) \
            and state.prose_after(step.pos) >= MIN_PROSE_AFTER:
        state.boxed = True
        return Act.SKIP
    return None


def _comment_button(step: Step) -> Act | None:
    """A 'Comment' button under the standfirst, the text still to come: what came before was header."""
    state = step.walk
    body = state.body
    if body.blocks and state.prose_seen <= MAX_DEK_BLOCKS and "comment_section" in step.line.phrases \
            and state.prose_after(step.pos) >= MIN_PROSE_AFTER_BUTTON:
        body.restart()
        body.header.append(step.block)
        state.prose_seen = 0
        return Act.SKIP
    return None


def _ending(step: Step) -> Act | None:
    """Article navigation, the comment section, a related-posts heading, tags or the copyright line
    end the text; a 'Previous: <headline>' line with the text going on below is a read-also link."""
    state, line = step.walk, step.line
    body = state.body
    if not body.blocks or not (ends_article(line) if step.cued else _rights_line(line)):
        return None
    if step.block.kind == "heading" and state.kind is Input.BOXED and _navigation_word(line) \
            and state.prose_after(step.pos) >= MIN_PROSE_AFTER:
        return None  # 'Next steps' over paragraphs of the text: a subheading
    inside = _navigation_inside(line, step.walk.candidates[step.pos + 1: step.pos + 3])
    if inside is None:
        return Act.STOP
    body.add_related(Link(inside, None), step.block, "cue")
    return Act.SKIP


def _staff_credits(step: Step) -> Act | None:
    """'Additional reporting by X; Editing by Y': the desk's credits close a wire story (a name follows
    the label: 'Edited by hand, ...' opens a sentence, 'Édition abonnés' names a product)."""
    state, line = step.walk, step.line
    if not state.body.blocks or line.words > MAX_CAPTION_WORDS:
        return None
    parts = (part.strip() for part in line.text.split(CREDIT_PARTS))
    return Act.STOP if any(_names_after(state.lexicon.strip_label("editor_labels", part)) for part in parts) else None


def _tag_line(step: Step) -> Act | None:
    """A line of short terms between commas after the text, packed or set apart (renderers differ),
    or the tags' label and a colon before the terms ('Tags: Harbour Storms Council', a renderer joining
    the tag links with spaces): the tag list, the text has ended."""
    if step.walk.body.blocks and (_tag_list(step.block.text) or _labelled_tags(step.block.text, step.walk.lexicon)):
        return Act.STOP
    return None


def _labelled_tags(text: str, lexicon: Cues) -> bool:
    """'Tagi: Sandomierz Obrazów ...': the tags' label, a colon, terms, no sentence."""
    rest = lexicon.strip_label("tags_labels", text)
    if not rest:
        return False
    return ":" in text[: len(text) - len(rest)] and not is_sentence(text) and word_count(rest) <= MAX_LABELLED_TAG_WORDS


def _source(step: Step) -> Act | None:
    """'Source: X' on a short line: kept as a source line, not text."""
    source = _source_line(step.line) if step.cued else None
    if not source:
        return None
    step.walk.body.source_lines.append(source)
    return Act.SKIP


def _furniture(step: Step) -> Act | None:
    """Bylines, dates, credits, share bars and counters; a short text above a byline or a date line
    was a standfirst, so the text starts again after it. A caption ending in its credit in brackets
    is skipped without that restart; a row of a data table is never furniture."""
    state, line = step.walk, step.line
    if _bracketed_credit(line.text, state.lexicon) and not _data_row(step.block):
        if not state.body.blocks:
            state.body.header.append(step.block)
        return Act.SKIP
    if not (is_furniture(line, state.lexicon) or _credited_caption(line.text, state.lexicon)) or _data_row(step.block):
        return None
    body = state.body
    if state.prose_seen <= MAX_DEK_BLOCKS and not step.block.in_quote and _closes_header(line, state.lexicon):
        body.restart()
        state.prose_seen = 0
    if not body.blocks:
        body.header.append(step.block)
    return Act.SKIP


def _before_text(step: Step) -> Act | None:
    """Before the first paragraph, what is not prose (a kicker, a caption) is header, and so is a
    line packed above the spaced text or a standfirst by its class; a line introducing
    a list of paragraphs, or text written straight into the box, opens the text."""
    state, block = step.walk, step.block
    if state.body.blocks:
        return None
    packed_lead = state.spaced and not block.standalone and _spaced_text_ahead(state, step.pos)
    lead_in = (state.spaced or state.kind is not Input.DUMP) and _lead_in(block, step.following) \
        or state.spaced and _intertitle(block, step.following, state.body.header, state.lexicon) \
        or state.kind is not Input.DUMP and _made_like_text(block, step.following)
    if (not block.prose or packed_lead) and not lead_in and not step.own_line \
            or _standfirst(block, state.container, state.boiler):
        state.body.header.append(block)
        return Act.SKIP
    return None


def _picture_under_standfirst(step: Step) -> Act | None:
    """In a spaced dump, packed lines (a picture's caption, its credit, a share count) right under
    the first paragraph set apart, with the spaced text starting below them: that paragraph was the
    standfirst above the header's picture, and the text starts again after it."""
    state, block = step.walk, step.block
    body = state.body
    if not state.spaced or len(body.blocks) != 1 or block.standalone or block.prose:
        return None
    first = body.blocks[0]
    if step.previous is not first or not (first.standalone and first.prose) or not _spaced_text_ahead(state, step.pos):
        return None
    body.restart()
    body.header.append(block)
    state.prose_seen = 0
    return Act.SKIP


def _dateline_opening(step: Step) -> Act | None:
    """In a dump, a paragraph opening with a dateline ('CAIRO — ...', 'San José, 21 Abr (Agency).-
    ...', 'Seaport (AP) - ...') is the story's first paragraph: the short paragraphs set apart before it
    were a standfirst or a picture's caption, which a dump prints as paragraphs."""
    body = step.walk.body
    if not 1 <= len(body.blocks) <= MAX_BEFORE_DATELINE:
        return None
    dateline = _DATELINE_OPENING.match(step.block.text)
    if dateline is None or dateline["caps"] and step.walk.lexicon.is_any_word(DATELINE_KICKERS, dateline["caps"]):
        return None
    if any(word_count(b.text) > MAX_DEK_WORDS for b in body.blocks):
        return None
    body.restart()
    step.walk.prose_seen = 0
    return None  # the paragraph itself is read on by the next rules


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĠĢĪĮİĶĹĻĽŁŃŅŇŐŒŔŖŘŚŜŞŠŢŤŪŮŰŲŹŻŽА-ЯЁІЇЄҐ"
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}.'’-]+(?:\s[{_UPPER}][{_UPPER}.'’-]+){{0,2}}"
_NAMED_PLACE = rf"[{_UPPER}][\w'’.-]*(?:\s[{_UPPER}][\w'’.-]*){{0,2}}"
_DATE_PART = r",\s*[^–—()]{1,25}?"
_OUTLET = r"\s*\([^()]{2,40}\)"
_DASH = r"(?:\s+-{1,2}\s+|\s*[–—]\s*)"
_DATELINE_OPENING = re.compile(
    rf"^(?:(?P<caps>{_CAPS_PLACE})(?:{_DATE_PART})?(?:{_OUTLET})?{_DASH}"
    rf"|{_NAMED_PLACE}(?:{_DATE_PART}(?:{_OUTLET})?|{_OUTLET})(?:{_DASH}|\.-\s*))"
    rf"(?=[{_UPPER}\"«“„])")
"""A news story's dateline before its first sentence: a place in capitals ('CAIRO — ', 'SAN JOSÉ - '),
or a place with the date or the outlet after it ('San José, 21 Abr (Elpaís.cr).- ', 'Seaport (AP) - '),
then a dash. A capitalised word and a dash alone is no dateline ('Smith — The mayor', 'Q — Why'), nor
a hyphen in a word ('Montoya-Lewis', 'Dr.-Ing.')."""
DATELINE_KICKERS = ("updated_labels", "byline_genres", "advertising")
"""A word in capitals before a dash that is a label, not a place: 'UPDATE — ...', 'ANALYSIS — ...'."""
MAX_BEFORE_DATELINE = 2
"""Paragraphs before a dateline that are still header: a standfirst and a caption."""
MAX_DEK_WORDS = 60
"""A longer paragraph before the dateline is the text's own (an editor's note, an introduction)."""


def _teaser_in_text(step: Step) -> Act | None:
    """A teaser of another story printed inside the text: a read-also link."""
    state, block = step.walk, step.block
    if state.body.blocks and is_teaser(block, state.page):
        state.body.add_related(teaser_link(block, state.lexicon), block, "markup")
        return Act.SKIP
    return None


def _loose_box_text(step: Step) -> Act | None:
    """Loose text in a box that is no prose: a button, a caption, a credit."""
    block = step.block
    if block.tag in CONTAINER_TAGS and not block.prose and not step.own_line \
            and not closes_serial(block.text, step.walk.lexicon):
        return Act.SKIP
    return None


def _run_of_lines(step: Step) -> Act | None:
    """Without a container, a run of lines with no prose ends the article (a menu, widgets); in a
    dump, so does a run of short lines packed together (a share bar, a tag list), unless a sentence
    set apart above it leads into it with a colon (a list of items)."""
    state, block = step.walk, step.block
    state.gap = 0 if block.prose else state.gap + 1
    state.loose = 0 if block.standalone or block.prose else state.loose + 1
    if block.standalone:
        state.listed = MAX_LIST_LINES if _leads_into_list(block) else 0
    elif state.listed:
        state.listed -= 1
        state.loose = state.gap = 0  # an item of the list the sentence above leads into
    if state.gap >= MAX_GAP or (state.kind is Input.DUMP and state.loose >= MAX_LOOSE_LINES):
        return Act.STOP
    return None


RULES = (
    Rule("page chrome", _page_chrome, frozenset({Input.LOOSE})),
    Rule("teaser card", _teaser_card, UNBOXED),
    Rule("read also", _read_also, ANY),
    Rule("box of another kind", _box_of_other_kind, BOXED),
    Rule("inside an inline box", _inside_inline_box, BOXED),
    Rule("inline box heading", _inline_box_heading, BOXED),
    Rule("comment button", _comment_button, UNBOXED),
    Rule("ending", _ending, ANY),
    Rule("staff credits", _staff_credits, UNBOXED),
    Rule("tag line", _tag_line, UNBOXED),
    Rule("source line", _source, ANY),
    Rule("picture under the standfirst", _picture_under_standfirst, frozenset({Input.DUMP})),
    Rule("dateline opening", _dateline_opening, frozenset({Input.DUMP})),
    Rule("furniture", _furniture, ANY),
    Rule("before the text", _before_text, ANY),
    Rule("teaser in the text", _teaser_in_text, BOXED),
    Rule("loose text in a box", _loose_box_text, BOXED),
    Rule("run of lines", _run_of_lines, UNBOXED),
)
"""The walk's rules, in order: the first with a say decides a block."""


EMBED_SIGNATURE = re.compile(r"^\s*[—–-]\s*\S.*\(@\w+\).*\d{4}\s*$")
"""The last line of an embedded post in a dump: '— Name (@handle) March 16, 2020'."""


META_SEPARATORS = r"\s[|•·\-–—]\s"
"""What sets the parts of a meta line apart: 'Le Monde | 04.05.2015 • Par X', '05/10/2018 - Publicado por: X'."""


MAX_GAP = 6
"""Without a container, this many non-prose lines in a row end the article (menus, widgets)."""


MAX_LOOSE_LINES = 3
"""In a dump, paragraphs stand apart (blank lines); this many loose short lines in a row are a menu,
a share bar or a tag list: the article has ended."""


PACKED_REACH = 20
"""A packed line (caption, standfirst, summary bullets, a newsletter box's consent text) is header when the
spaced text (two paragraphs set apart in a row) starts this close below it; one paragraph set apart
is not enough: a dump of packed paragraphs has teasers set apart after it."""


MAX_LIST_LINES = 30
"""Packed lines read as the items of a list after a sentence leading into it with a colon: a list in
the text is seldom longer, and a footer after a colon ends the text sooner or later."""


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


MIN_INTERTITLE_WORDS = SENTENCE_WORDS + 1
"""A line set apart above the first paragraph this long reads as a clause (an intertitle); a kicker
or a row of buttons is a few words."""


MIN_CONTENT_CHARS = 4
"""Letters of a word that carries meaning when lines are compared (shorter: 'the', 'de', 'und')."""


RESTATED_SHARE = 0.5
"""A line whose words of at least MIN_CONTENT_CHARS letters come again in the paragraph under it,
this share or more, restates it (the headline above the text)."""


MIN_TAGS = 4


MAX_TAG_WORDS = 3
"""A tag list printed as one line in a dump: at least this many terms of at most this many words."""


MAX_EMBED_LINES = 6
"""Lines of an embedded post (a tweet's text) above its signature line."""


CREDIT_PARTS = ";"
"""What sets the desk's credits apart on one line ('Reporting by X; Editing by Y')."""


CREDIT_SEPARATORS = r"\s[/\-–]\s"
"""What sets the names of a picture's credit apart: 'Nathan Alliard / Photononstop / AFP', 'Prétexte - Belga'."""


CREDIT_PART_WORDS = 4
"""A name in a credit line ('Nathan Alliard / Photononstop / AFP') is this short."""


EMBEDS_STOPPED = "embedded posts were looked for in part of the text only"
BODY_STOPPED = "the body was read in {blocks} of its {total} candidate blocks"


def _embedded_posts(blocks: list[TextBlock], deadline: Deadline) -> set[int]:
    """Lines of posts embedded in a dump (a tweet): the signature line and the post's text above it,
    back to the article's paragraph before (set apart and plain prose, without a link)."""
    inside: set[int] = set()
    for pos, block in enumerate(paced(blocks, deadline, EMBEDS_STOPPED)):
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
    introduces the list of paragraphs or the quotation below it (not a sentence, yet no label either)."""
    return block.standalone and block.text.rstrip().endswith(":") and word_count(block.text) >= MIN_LEAD_IN_WORDS \
        and following is not None and following.standalone and (following.prose or following.in_quote)


MIN_DATA_ROWS = 3
"""Rows that make a table of data: a row of one holding a date and a name could be a layout's byline."""


def _data_row(block: TextBlock) -> bool:
    """A row of a data table (its cells joined into one block): a date or a count in it is data."""
    if block.tag != "tr" or block.element is None:
        return False
    rows = block.element.getparent()
    if rows is None:
        return False
    found = 0
    for el in rows.iterchildren("tr"):  # stops at the third: a table of 200,000 rows asks once a row
        found += 1
        if found >= MIN_DATA_ROWS:
            return True
    return False


def _holds_paragraphs(el: Element, count: int) -> bool:
    """Whether ``el`` holds at least ``count`` paragraphs with text (a summary in bullets holds none)."""
    found = 0
    for inner in el.iter("p"):
        if inner is not el and (inner.text_content() or "").strip():
            found += 1
            if found >= count:
                return True
    return False


def _made_like_text(block: TextBlock, following: TextBlock | None) -> bool:
    """A paragraph made like the paragraph of prose right after it (same tag and parent, the same
    class but for a modifier, or the very same class and more words than a label): a short paragraph opening the text (an intertitle set as a paragraph, a one-line
    opening), not a kicker or a caption, which the theme styles apart."""
    if following is None or not following.prose or block.element is None or following.element is None:
        return False
    if not block.tag == following.tag == "p" or block.element.getparent() is not following.element.getparent():
        return False
    own, its = (set((el.get("class") or "").split()) for el in (block.element, following.element))
    if not own or not its or not (own <= its or its <= own):
        return False
    # With one class on every paragraph, only a line longer than a label ('Exclusive') is the text's.
    return own != its or word_count(block.text) > MAX_LABEL_WORDS


def _names_after(rest: str | None) -> bool:
    """Whether what follows a label opens with a name (a capital)."""
    return rest is not None and rest.lstrip(QUOTES)[:1].isupper()


def _leads_into_list(block: TextBlock) -> bool:
    """'You hold any of the following items, please get in touch:': a sentence set apart that leads
    into the list packed below it (a label such as 'Share:' or 'Tags:' is too short)."""
    return block.text.rstrip().endswith((":", "：")) and word_count(block.text) >= MIN_LEAD_IN_WORDS


def _spaced_text_ahead(state: Walk, pos: int) -> bool:
    """Whether the spaced text (two paragraphs set apart in a row) starts within PACKED_REACH blocks after ``pos``."""
    ahead = state.candidates[pos + 1: pos + 1 + PACKED_REACH]
    return any(a.standalone and a.prose and b.standalone and b.prose for a, b in zip(ahead, ahead[1:]))


def _intertitle(block: TextBlock, following: TextBlock | None, header: list[TextBlock], lexicon: Cues) -> bool:
    """A line set apart, too long for a kicker, right above the first paragraph set apart, once the
    header's byline or date line has been read: the text's opening intertitle (a caption has its
    credit under it, a standfirst sits above the byline)."""
    if not (block.standalone and word_count(block.text) >= MIN_INTERTITLE_WORDS and following is not None
            and following.standalone and following.prose):
        return False
    return not _restates(block.text, following.text) and any(_is_header_meta(Line(b.text, lexicon)) for b in header)


def _restates(line: str, paragraph: str) -> bool:
    """Whether most of a line's words come again in the paragraph under it: the headline said again
    above its text, not an intertitle."""
    words = {w for w in fold(line).split() if len(w) >= MIN_CONTENT_CHARS}
    seen = set(fold(paragraph).split())
    return bool(words) and len(words & seen) >= len(words) * RESTATED_SHARE


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


def _tags_heading(step: Step) -> bool:
    """A heading that is a tag label alone ('Topics', 'Related topics')."""
    return step.block.kind == "heading" and step.line.short and step.line.rest("tags_labels") == ""


def ends_article(line: Line) -> bool:
    """Article navigation or pagination, the comment section, a related-posts heading or the tag list."""
    if _navigation_word(line):
        return True
    if line.short and any(_label_line(line.rest(key)) for key in ("page_next", "tags_labels")):
        return True
    return bool(line.phrases & _ENDING_PHRASES) or _rights_line(line)


def _navigation_word(line: Line) -> bool:
    """A line opening with a previous / next label ('Next Steps', 'Article suivant')."""
    return any(_is_navigation(line.text, line.rest(key)) for key in ("previous", "next"))


def _label_line(rest: str | None) -> bool:
    """A label and what it labels ('Tags: a, b', 'Topics'), not a sentence leading into a list
    ('Topics include:')."""
    return rest is not None and not (rest and rest.rstrip().endswith((":", "：")))


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


MAX_LABELLED_TAG_WORDS = 40
"""Words of the terms after a tags' label: a longer line is a paragraph opening with the word."""


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


def is_furniture(line: Line, lexicon: Cues) -> bool:
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
    if _date_with_update(line):
        return True
    return bool(line.phrases & _FURNITURE_PHRASES or line.labels & _FURNITURE_LABELS) or _agency_credit(text)


def _date_with_update(line: Line) -> bool:
    """A short line opening with a date that also holds an update label: '27 octobre 2012 à 18:27
    (Mis à jour: 19:56)'. (A dated line of a timeline in the text has no such label.)"""
    span = date_span(line.text)
    return span is not None and line.text.startswith(span) \
        and any(line.lexicon.contains(key, line.text) for key in ("updated_labels", "published_labels"))


def _agency_credit(text: str) -> bool:
    """A picture's credit: names set apart by slashes, one of them an agency ('Nathan Alliard /
    Photononstop / AFP'). Running text does not list names this way."""
    parts = [part.strip() for part in re.split(CREDIT_SEPARATORS, text)]
    if len(parts) < 2:
        return False
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


CREDIT_MARKS = (":", "：")
"""What follows a photo-credit label before the name ('Foto: X'); in brackets also a slash ('AP Photo/X')."""


def _bracketed_credit(text: str, lexicon: Cues) -> bool:
    """A caption that ends in its credit in brackets ('... in Olympia. (AP Photo/Ted S. Warren)'): a
    picture's, wherever it stands (above the text, or between two of its paragraphs). A paragraph
    longer than a caption that ends so is the text's, crediting a picture in passing."""
    text = text.rstrip()
    head, bracket, tail = text[:-1].rpartition("(") if text.endswith(")") else ("", "", "")
    return bool(bracket) and bool(head.strip()) and at_most_words(head, MAX_CAPTION_WORDS) \
        and at_most_words(tail, MAX_LABEL_WORDS) and _credit_label(tail, lexicon, CREDIT_MARKS + ("/",))


def _credit_label(text: str, lexicon: Cues, marks: tuple[str, ...] = CREDIT_MARKS) -> bool:
    """A photo-credit label followed by one of ``marks`` (a colon by default) anywhere in the line
    ("... (Symbolfoto) Bildrechte: X")."""
    if not any(mark in text for mark in marks):
        return False
    return any(text[m.end():].lstrip().startswith(marks) for m in lexicon.any_pattern("photo_credits").finditer(text))


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


def _standfirst(block: TextBlock, container: Element | None, boiler: BoilerplateCheck) -> bool:
    """A standfirst opening the container: a block in a box whose class names a standfirst
    ('id-Article-content-item-summary', 'lead'). (Not 'excerpt' nor 'intro': themes print the first
    paragraph of the text in one; nor a long heading: page builders set paragraphs in <h2>; nor a box
    holding most of the text: 'field--type-text-with-summary' wraps a whole article; nor a box of
    several paragraphs: an abstract, a summary section, the text's opening.)"""
    el = block.element
    if el is None:
        return False
    above = set(container.iterancestors()) | {container} if container is not None else set()
    while el is not None and el not in above:
        if STANDFIRST.search(el.get("class") or "") and not boiler.holds_most(el):
            # not ids: 'speakable-summary' marks a paragraph for speech
            return not _holds_paragraphs(el, MIN_OPENING_PARAGRAPHS)
        if container is None:
            break
        el = el.getparent()
    return False

