"""Read-also links in text dumps: small hand-written dumps, one per rule."""

from __future__ import annotations

import articlex
from support import P1, P2, P3, P4, dump

MENU = ("Home", "News", "Sport", "Weather", "Culture")
TITLE = "Harbour wall to be rebuilt after the storms"
TEASER = "Storm damage at the port to cost millions"


def test_a_share_button_under_a_more_label_is_no_read_also_item() -> None:
    """A share menu ('More' over 'Share this item') printed in the header is no headline."""
    text = dump(MENU, TITLE, "12 May 2020", ("Leave a comment", "More", "Share this item"), P1, P2,
                f"Read more: {TEASER}", P3, P4)
    assert [link.text for link in articlex.extract(text).related] == [TEASER]


def test_a_two_word_label_is_not_cut_after_its_first_word() -> None:
    text = dump(MENU, TITLE, "12 May 2020", P1, P2, f"Related Reading: {TEASER}", P3, P4)
    assert [link.text for link in articlex.extract(text).related] == [TEASER]
