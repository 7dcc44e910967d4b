"""The fast paths of loading and of the block walk give what the slow ones they stand for give."""

from __future__ import annotations

import pytest
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


compiled = pytest.mark.skipif(page._walk is None, reason=f"the compiled walk is not in use ({page.WALK})")

ATTRIBUTE_BITS = ["<", ">", "/", "=", '"', "'", " ", "\t", "\n", "\xa0", "\u2028", "\u3000", "a", "B", "\u017f",
                  "\u212a", "<p", "<div", "<!--", "-->", "<script>", "</script>", "<style ", "</STYLE>", "<plaintext",
                  "x=1", "y='2'", 'z="3"', "é", "\U0001f600"]
"""Pieces of markup where the attribute grammar turns: separators (Unicode white space among
them), quotes, equals signs, letters that case-fold to ASCII, comments and raw-text elements."""
SMALL_LIMIT = 2
"""A limit of two attributes makes crowded tags frequent in short generated texts."""


@compiled
@settings(max_examples=1500)
@given(st.lists(st.sampled_from(ATTRIBUTE_BITS), max_size=30))
def test_the_compiled_crowded_tag_check_never_clears_a_page_the_scan_would_trim(bits) -> None:
    text = "".join(bits)
    scan = loading._up_to_crowded(SMALL_LIMIT)
    crowded = scan.match(text).end() < len(text)
    if crowded:
        assert page._walk.may_hold_crowded_tag(text, SMALL_LIMIT)


FRAME_BITS = ["</", "<", "/", ">", "html", "HTML", "Html", "body", "BODY", "bOdY", "bod", "htm", "x", " ", "\t",
              "\u2028", "\xa0", "\u0130", "\u212a", "é", "<p>", "</body>", "</html >", "</body/"]
"""Pieces of end tags: the frame's names in any case, cut short or run on, with what may follow them."""


@compiled
@settings(max_examples=1500)
@given(st.lists(st.sampled_from(FRAME_BITS + ATTRIBUTE_BITS), max_size=30))
def test_the_compiled_markup_facts_agree_with_the_python_forms(bits) -> None:
    text = "".join(bits)
    frame = loading._FRAME_END.search(text)
    opening, may_crowd, frame_end = page._walk.markup_facts(text, SMALL_LIMIT)
    assert opening == text.count("<")
    assert may_crowd == page._walk.may_hold_crowded_tag(text, SMALL_LIMIT)
    assert frame_end == (frame.start() if frame is not None else -1)


@compiled
def test_the_compiled_crowded_tag_check_clears_plain_pages_and_flags_crowded_tags() -> None:
    crowded = "<div " + " ".join(f"a{i}" for i in range(loading.MAX_ATTRIBUTES + 1)) + ">"
    assert page._walk.may_hold_crowded_tag("<p>a " + crowded, loading.MAX_ATTRIBUTES)
    assert page._walk.may_hold_crowded_tag(crowded.replace(" ", "\u2028"), loading.MAX_ATTRIBUTES)
    assert not page._walk.may_hold_crowded_tag(crowded.replace(" a64", ""), loading.MAX_ATTRIBUTES)
    assert not page._walk.may_hold_crowded_tag('<p class="a b c" id=x>Text</p>' * 50, loading.MAX_ATTRIBUTES)


@compiled
@settings(max_examples=200)
@given(st.recursive(st.just("<b>x</b>"), lambda inner: st.lists(inner, max_size=4).map(
    lambda parts: "<div>" + "".join(parts) + "</div>"), max_leaves=30), st.integers(min_value=1, max_value=12))
def test_the_compiled_tree_shape_agrees_with_xpath(markup, depth) -> None:
    root = html.document_fromstring("<html><body>" + markup + "<!-- c --></body></html>")
    assert page._walk.tree_shape(root, depth) == (int(root.xpath("count(//*)")), loading._deeper_than(root, depth))


def test_utf8_bytes_are_parsed_as_utf8_whatever_the_page_declares() -> None:
    for declared in ('<meta charset="iso-8859-1">', '<meta http-equiv="Content-Type" content="text/html; '
                     'charset=windows-1251">', '<meta charset="utf-16">'):
        text = f"<html><head>{declared}</head><body><p>café — 日本 \U0001f600</p></body></html>"
        root, _ = loading.parse_html(text)
        assert root.findtext(".//p") == "café — 日本 \U0001f600"


def every_place(agencies, text: str, skip_to_end: bool) -> list[tuple[int, int, str]]:
    """What ``Agencies.matches`` stands for: the patterns tried at every position of the text in
    turn, case-sensitive aliases first (``skip_to_end``: going on after each name, as callers that
    ``send`` its end do)."""
    found, cursor = [], 0
    for at in range(len(text)):
        if at < cursor:
            continue
        for pattern, strict in ((agencies._strict, True), (agencies._loose, False)):
            m = pattern.match(text, at) if pattern is not None else None
            if m:
                named = agencies._named(m, strict)
                found += named
                if named and skip_to_end:
                    cursor = max(cursor, named[-1][1])
                break
    return found


def all_sent(agencies, text: str, skip_to_end: bool) -> list[tuple[int, int, str]]:
    found, scan = [], agencies.matches(text)
    try:
        mention = next(scan)
        while True:
            found.append(mention)
            mention = scan.send(mention[1] if skip_to_end else None)
    except StopIteration:
        return found


AGENCY_BITS = ["AFP", "afp", "AP", "Ap", "Reuters", "REUTERS", "dpa", "dpa-AFX", "Agence France-Presse", "France-Presse",
               "Associated Press", "Associated  Press", "The Associated Press", "PAP-u", "Укрінформу", "ANSA",
               "Keystone-ATS", "@AFP", "x.AFP", "AFP.com", "and", " ", ", ", "(", ")", "-", ".", "\n", "Paris",
               "the", "press", "é", "ß"]
"""Names, their neighbours that the patterns' look-around reads, and letters (a text whose lower
case changes length, with 'İ', is scanned the slow way, by pattern: not this test's concern)."""


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(AGENCY_BITS), max_size=14), st.booleans())
def test_the_agency_scan_finds_what_trying_every_position_finds(bits, skip_to_end) -> None:
    from articlex.lexicon import agencies

    text = "".join(bits)
    assert all_sent(agencies(), text, skip_to_end) == every_place(agencies(), text, skip_to_end)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(TRICKY + ["a", "<", "p", ">", " "]), max_size=40))
def test_the_binary_check_counts_controls_only_where_there_are_some(text) -> None:
    sample = text[:loading.SNIFF_BYTES]
    share = len(loading._CONTROL_CHARS.findall(sample)) / len(sample) if sample else 0.0
    expected = bool(sample) and (sample[:16].encode("latin-1", "ignore").startswith(loading._MAGIC)
                                 or share > loading.BINARY_STR_SHARE)
    assert loading._str_looks_binary(text) == expected


def test_an_extension_built_from_older_sources_leaves_loading_to_python(monkeypatch) -> None:
    class OlderBuild:  # the walk only: no tree_shape, no may_hold_crowded_tag
        walk = None

    crowded = "<div " + " ".join(f"a{i}" for i in range(loading.MAX_ATTRIBUTES + 1)) + ">x</div>"
    monkeypatch.setattr(page, "_walk", OlderBuild())
    root, warnings = loading.parse_html(f"<html><body><p>Text</p>{crowded}</body></html>")
    assert root.findtext(".//p") == "Text" and len(warnings) == 1


TOKEN_BITS = ["footer", "foot", "er", "cookie", "cookies", "s", "customer", "review", "reviews", "ot", "-", "_", "x",
              "é", "seo"]
SEGMENT_VALUES = ["footer", "cookie", "cookies", "customer-review", "ot", "review"]


@settings(max_examples=300)
@given(st.lists(st.lists(st.sampled_from(TOKEN_BITS), min_size=1, max_size=5).map("".join), min_size=1, max_size=12),
       st.sets(st.sampled_from(SEGMENT_VALUES), min_size=1))
def test_segment_and_substring_rules_find_what_they_find_in_each_token(tokens, values) -> None:
    from articlex.selectors import Index, Rule, _segment_pattern

    root = html.fromstring("<div>" + "".join(f'<p class="{t}" id="{t}">x</p>' for t in tokens) + "</div>")
    index = Index(root)
    pattern = _segment_pattern(frozenset(values))
    for attr in ("class", "id"):
        # The pattern tried on each token, the tokens in the index's order, each element once.
        expected = list(dict.fromkeys(el for word, els in index._words(attr) if pattern.search(word) for el in els))
        rules = tuple(Rule(attr, value, segment=True) for value in sorted(values))
        assert index.all_matches(rules) == expected
        for rule in rules:
            single = _segment_pattern(frozenset({rule.value}))
            assert index.find(rule) == [el for el in root.iter("p") if single.search(el.get(attr).lower())]
            part = Rule(attr, rule.value, part=True)
            assert index.find(part) == [el for el in root.iter("p") if rule.value in el.get(attr).lower()]


def test_a_header_line_the_pages_language_cannot_read_is_not_tried_in_every_language(monkeypatch) -> None:
    """Reading the page's time zone from a header line: one try in the page's language only."""
    import articlex
    from articlex.fields import dates

    languages: list[str | None] = []
    parsed = dates._parsed

    def spy(text, language, now):
        languages.append(language)
        return parsed(text, language, now)

    monkeypatch.setattr(dates, "_parsed", spy)
    prose = "<p>" + "The council voted on the new budget after a long debate that lasted into the night. " * 3 + "</p>"
    head = "<meta property='article:published_time' content='2019-11-19T00:26:00+00:00'>"
    line = "By Jane Roe | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM"
    markup = (f"<html lang='en'><head>{head}</head><body><h1>Council adopts the budget after a long night</h1>"
              f"<p>{line}</p><article>{prose * 3}</article></body></html>")
    article = articlex.extract(markup, fields=("published",))
    assert article.published is not None and article.published.utcoffset().total_seconds() == 0
    assert languages and None not in languages


def _phrase_ends() -> list[str]:
    from articlex.lexicon import cues

    return sorted({w for key in ("next", "previous", "read_more") for w in cues().words[key]})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_phrase_ends()), st.sampled_from(TRICKY + ["ı", "ſ", "İ", "K", " ", "\u00a0", "’", "→"]),
                          st.text(max_size=4)), max_size=5),
       st.sampled_from(("next", "previous", "read_more")), st.booleans())
def test_the_end_check_of_trailing_labels_finds_what_the_phrases_find(parts, key, upper) -> None:
    """Skipping the phrases when no phrase's last letters end the text changes no answer."""
    from articlex import lexicon

    text = "".join(parts)
    text = text.upper() if upper else text
    cues = lexicon.cues()
    cues.strip_trailing_label(key, text)  # builds the key's patterns
    ends, pattern = cues._end[key]
    found = cues.strip_trailing_label(key, text)
    cues._end[key] = (None, pattern)
    try:
        assert found == cues.strip_trailing_label(key, text)
    finally:
        cues._end[key] = (ends, pattern)


def test_the_end_check_passes_every_phrase_at_the_end_of_a_line() -> None:
    from articlex import lexicon

    cues = lexicon.cues()
    for key in ("next", "previous", "read_more"):
        for phrase in cues.words[key]:
            for text in (f"Fietsbrug open {phrase}", f"Fietsbrug open {phrase.upper()}  \n", f"Title{phrase.title()}"):
                cues.strip_trailing_label(key, text)
                ends, pattern = cues._end[key]
                assert ends is None or ends.search(text, max(0, len(text.rstrip()) - lexicon.END_CHARS)), (key, text)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("Mar 2024年月日 -./:,hdeabril") + ["\u0663", "\uff11", "\u00a0"]), max_size=30))
def test_the_digit_check_of_date_spans_finds_what_the_shapes_find(text) -> None:
    """A line without a digit holds no date shape: the shapes are not tried on it."""
    from articlex import text as text_rules

    expected = [m for pattern in text_rules._DATE_SPANS for m in [pattern.search(text)] if m]
    assert (text_rules.date_span(text) is None) == (not expected)
    if not text_rules._DIGITS.search(text):
        assert not expected


WORDS_AROUND_DATES = ["By", "Jane", "Roe", "Staff", "Updated", "Min", "Read", "ago", "hours", "vor", "Stunden", "le",
                      "novembre", "November", "Nov.", "Tue,", "at", "PM", "EST", "GMT+0000", "(UTC)", "|", "-", "de",
                      "outubro", "às", "Reuters", "backstroke", "yesterday", "heute", "ayer", "Admin", "Science", "th"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS_AROUND_DATES), st.integers(0, 2030).map(str),
                          st.sampled_from(["10:45", "2019", "18", "18th", "11.14.2019", "2019-11-18T20:51:19Z"])),
                min_size=1, max_size=7),
       st.sampled_from([None, "en", "de", "fr", "pt", "es"]))
def test_a_date_with_a_word_dateparser_does_not_know_is_not_read(words, language) -> None:
    """What the word check turns away, dateparser does not read either."""
    from articlex.fields import dates

    text = " ".join(words)
    if dates._holds_unknown_word(text, language):
        assert dates._parser(language).get_date_data(text).date_obj is None, text


def test_a_line_holding_a_name_is_not_given_to_dateparser(monkeypatch) -> None:
    from articlex.fields import dates

    def no_parser(language):
        raise AssertionError("dateparser was asked")

    monkeypatch.setattr(dates, "_parser", no_parser)
    line = "By Jane Roe | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM"
    assert dates.parse_date(line, written=True, language="en") is None
    assert dates.parse_date("5 Min Read", written=True) is None
