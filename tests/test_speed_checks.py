"""The fast paths of loading and of the block walk give what the slow ones they stand for give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from articlex import loading, page

TRICKY = [chr(c) for c in (*range(0, 0x30), *range(0x7e, 0xa2), 0xe9, 0xfdcf, 0xfdd0, 0xfdef, 0xfdf0, 0xd7ff, 0xd800,
                           0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0xd55c)]


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=12))
def test_the_byte_check_for_unshown_characters_agrees_with_the_pattern(text) -> None:
    text += "é"  # clean_text asks only about text beyond ASCII
    assert loading._has_unshown(text) == (loading._UNSHOWN.search(text) is not None)


CLASS_WORDS = ["hidden", "is-hidden", "u-hidden", "d-none", "sr-only", "screen-reader-text", "screen-only",
               "visually-hidden", "visual-hidden", "hide", "none", "d", "only", "screen", "x", "-", " ", "\t"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(CLASS_WORDS), max_size=5))
def test_the_substring_check_of_hidden_classes_agrees_with_the_pattern(words) -> None:
    cls = "".join(words)
    assert page._hidden_class(cls) == bool(page._HIDDEN_CLASS.search(cls))


def test_a_crowded_tag_in_a_script_or_comment_is_not_one() -> None:
    crowded = "<div " + " ".join(f"a{i}" for i in range(loading.MAX_ATTRIBUTES + 5)) + ">"
    for wrapper in ("<script>var s = '{}';</script>", "<!-- {} -->", "<style>/* {} */</style>",
                    "<SCRIPT>x('{}')</Script >", "<!-- - -- {} --->"):
        text, count = loading._trim_crowded_tags("<p>a</p>" + wrapper.format(crowded) + "<p>b</p>")
        assert count == 0, wrapper
        text, count = loading._trim_crowded_tags(wrapper.format(crowded) + crowded + "</div>")
        assert count == 1, wrapper
    assert loading._trim_crowded_tags("<script>" + crowded)[1] == 0  # an unclosed script runs to the end


def test_parsed_pages_keep_lxml_html_elements() -> None:
    root, _ = loading.parse_html("<html><body><form><input name=q></form><p>Text</p></body></html>")
    assert all(isinstance(el, html.HtmlElement) for el in root.iter())
    assert root.find(".//p").text_content() == "Text"
