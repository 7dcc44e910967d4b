"""The end of the text: what trails its last paragraph (labels, signatures, appeals, headings with no
text under them, runs of lines nothing leads into) and stamps glued to its last sentence."""

from __future__ import annotations

from ..lexicon import Cues
from ..model import Link
from ..page import Element, TextBlock
from ..text import SENTENCE_WORDS, at_most_words, is_sentence, word_count
from .boxes import LIST_KINDS, LOOSE_TEXT_TAGS
from .lines import MAX_CAPTION_WORDS, MAX_LABEL_WORDS
from .related import TEASER_LINK_SHARE

MIN_SHORT_SENTENCE = 3
"""Words a closing sentence set apart needs to stay after the text ('Kick-off is at 2 pm.')."""
MIN_LED_LINES = 2
"""Lines a colon must lead into to keep them: one line after 'Formats:' is a widget's ('mp3')."""
MIN_PARAGRAPH_LIST = 5
"""Short paragraphs in a row, after the text and beside it, that read as a list written in lines."""
LIST_LEAD_WORDS = 3
"""A colon after this many words leads into what follows ('Tour dates:' alone is a label)."""
P_SHARE = 0.5
"""The text runs in <p> when more than this share of the body's blocks are paragraphs."""
POINTER_LEAD_WORDS = 5
"""Words of the clause before the colon of a closing pointer line ('The full report can be downloaded
here: link'); a label before a colon ('Share this:', 'Photo:', 'Read more:') is shorter."""
MAX_STAMP_WORDS = 4
"""Words between an update label and the rights stamp after it ('Ultimo aggiornamento: 22:07 ©')."""


def trim_tail(blocks: list[TextBlock], lexicon: Cues, container: Element | None = None) -> list[TextBlock]:
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
        if end > 1 and (last.kind == "heading" or in_p and last.tag in LOOSE_TEXT_TAGS or _cut_teaser(last)):
            end -= 1
            continue
        if last.prose or _short_sentence(last) or end > 1 and _pointer_line(last, blocks[end - 2]) \
                or closes_serial(last.text, lexicon):
            break  # (a 'To be continued' line is the text's own last line)
        start = end - 1
        while start and blocks[start - 1].kind == last.kind and not blocks[start - 1].prose \
                and not _leads_into_lines(blocks[start - 1]) and not _is_appeal(blocks[start - 1].text, lexicon) \
                and not closes_serial(blocks[start - 1].text, lexicon):
            start -= 1
        lead = blocks[start - 1] if start else None
        if lead is not None and not _is_appeal(lead.text, lexicon) and (
                _leads_into_lines(lead) and end - start >= MIN_LED_LINES
                and all(b.link_density < TEASER_LINK_SHARE for b in blocks[start:end])
                or last.kind in LIST_KINDS and lead.prose or _paragraph_list(blocks[start:end], lead)):
            break
        end = start
    return blocks[:end]


def closes_serial(text: str, lexicon: Cues) -> bool:
    """'To be continued', 'À suivre': a serial's closing line, the text's own last one."""
    return lexicon.is_any_word(("continued",), text)


def _cut_teaser(block: TextBlock) -> bool:
    """Another story's headline or excerpt cut short ('... sino la respuesta...'): a line of a few
    words ending in an ellipsis after the text."""
    return block.text.rstrip().endswith(("...", "…")) and at_most_words(block.text, MAX_CAPTION_WORDS)


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


def without_stamp(blocks: list[TextBlock], lexicon: Cues) -> list[TextBlock]:
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


def without_signature(blocks: list[TextBlock], header: list[TextBlock]) -> list[TextBlock]:
    """Drop a closing signature that repeats the byline of the header ('Par X (avec Y)' above, 'X
    (avec Y)' below)."""
    if len(blocks) > 1 and 2 <= word_count(blocks[-1].text) <= MAX_LABEL_WORDS \
            and any(blocks[-1].text in b.text for b in header):
        return blocks[:-1]
    return blocks


def _pointer_line(block: TextBlock, before: TextBlock) -> bool:
    """A line set apart after the last paragraph (a dump's, or a <p>) that points the reader on: a
    clause, a colon, and what it points to, short ('The full report can be downloaded here: ➡️ More
    information')."""
    lead, colon, target = block.text.partition(":")
    return (block.element is None or block.tag == "p") and block.standalone and before.prose and bool(colon) \
        and bool(target.strip()) and word_count(lead) >= POINTER_LEAD_WORDS and at_most_words(target, MAX_LABEL_WORDS)


def _short_sentence(block: TextBlock) -> bool:
    """A closing paragraph of a few words ('Kick-off is at 2 pm.'): a sentence set apart as one."""
    return block.standalone and block.kind == "paragraph" and is_sentence(block.text) \
        and at_most_words(block.text, SENTENCE_WORDS) and word_count(block.text) >= MIN_SHORT_SENTENCE


def _is_appeal(text: str, lexicon: Cues) -> bool:
    """A newsletter, subscription or donation appeal."""
    return lexicon.contains("newsletter", text)


def _leads_into_lines(block: TextBlock) -> bool:
    """A sentence that ends in a colon: what follows it (a list, a table, dates) belongs to it.
    HTML only, where the lines' links tell a list of dates from a share bar ('Share this story:')."""
    return block.element is not None and block.text.rstrip().endswith((":", "：")) \
        and word_count(block.text) >= LIST_LEAD_WORDS


def unique_links(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        if link.text and link.text not in seen:
            seen.add(link.text)
            out.append(link)
    return out

