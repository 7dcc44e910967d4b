"""The crumb trail: small pages and dumps written for each rule."""

from __future__ import annotations

import articlex

P1 = "The council voted on Tuesday to rebuild the harbour wall after the winter storms broke it in two places."
P2 = "Work will start in May and should last eight months, the mayor said, adding that the port stays open."
P3 = "Fishermen welcomed the decision but asked for a clear schedule so that boats can plan their trips."
TITLE = "Harbour wall to be rebuilt after the storms"
MENU = ("Weather", "Culture", "Podcasts", "Contact", "Jobs", "Shop")


def crumbs(source: str, url: str | None = None) -> list[str]:
    return [c.text for c in articlex.extract(source, url=url).breadcrumb]


def dump(*groups: str | tuple[str, ...], after: tuple[str, ...] = ()) -> str:
    """Blocks set apart by blank lines; a tuple is a group of lines packed together."""
    parts = [*groups, TITLE, "12 May 2020 - By Jane Doe", P1, P2, P3, *after]
    return "\n\n".join("\n".join(x) if isinstance(x, tuple) else x for x in parts) + "\n"


def page(body: str) -> str:
    return f"<!doctype html><html><head></head><body>{body}<h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></body></html>"


# -- HTML -------------------------------------------------------------------------------------------

def test_dates_in_the_trail_box_are_not_crumbs() -> None:
    html = page("<div class='breadcrumb'><span>05.05.2021</span><a href='/'>Home</a> › <a href='/coast'>Coast</a>"
                "<span>Updated on 05/05/2021 22:46</span></div>")
    assert crumbs(html) == ["Home", "Coast"]


def test_a_rule_whose_box_holds_no_trail_gives_way_to_the_next() -> None:
    html = page("<div class='breadcrumb'></div><div id='nav-breadcrumb'><a class='nav-breadcrumb-item' "
                "href='/coast'>Coast</a></div>")
    assert crumbs(html) == ["Coast"]


def test_a_crumb_container_class_and_its_home_link() -> None:
    html = page("<div class='theme-crumb-container'><a class='crumbs-home' href='/news/'>News</a> <span>»</span> "
                f"<a href='/coast/'>Coast</a> <span>»</span> <span class='current'>{TITLE}</span></div>")
    assert crumbs(html) == ["News", "Coast"]


def test_separators_printed_inside_links_and_icon_counts_are_dropped() -> None:
    html = page("<div class='ariane'><a href='/blogs'>> Our blogs</a> <a href='/blogs/coast'>> Coast notes</a>"
                "<a href='#info'>i</a><a href='#comments'>27</a></div>")
    assert crumbs(html) == ["Our blogs", "Coast notes"]


def test_guillemets_inside_a_crumb_are_quotes_not_separators() -> None:
    html = page("<div class='breadcrumb'><a href='/'>Accueil</a> » <a href='/j'>Justice</a> » "
                "<span>Colonel accusé pour « vol aggravé » : vers la projection de la...</span></div>")
    assert crumbs(html) == ["Accueil", "Justice"]


def test_what_the_trails_box_prints_after_the_headline_is_no_crumb() -> None:
    html = page("<nav class='breadcrumb'><a href='/'>Home</a> / <a href='/coast'>Coast</a> / "
                f"<span>{TITLE}</span> <a href='/es/'>Español</a></nav>")
    assert crumbs(html) == ["Home", "Coast"]
    backwards = page(f"<nav class='breadcrumb'><span>{TITLE}</span> <a href='/coast'>Coast</a> <a href='/'>Home</a></nav>")
    assert crumbs(backwards) == [TITLE, "Coast", "Home"]  # printed backwards: not cut at its first crumb


def test_a_trail_printed_twice_in_its_box_counts_once() -> None:
    html = page("<div class='breadcrumbs'><span class='desktop'><a href='/'>Home</a> › <a href='/coast'>Coast</a> › "
                "<a href='/coast/harbours'>Harbours</a></span><span class='mobile'><a href='/'>Home</a> › "
                "<a href='/coast'>Coast</a> › <a href='/coast/harbours'>Harbours</a></span></div>")
    assert crumbs(html) == ["Home", "Coast", "Harbours"]


def test_an_icon_fonts_ligature_is_not_a_crumb() -> None:
    html = page("<div class='breadcrumb'><a href='/paths'>Paths</a><i class='material-icons'>navigate_next</i>"
                "<a href='/paths/coast'>Coast walks</a><i class='material-icons'>navigate_next</i></div>")
    assert crumbs(html) == ["Paths", "Coast walks"]


# -- text dumps -------------------------------------------------------------------------------------

def test_a_cut_title_and_a_kicker_between_the_trail_and_the_title() -> None:
    text = dump((*MENU, "Home", "Coast", "Harbour wall to be rebuilt after...", "Interview"))
    assert crumbs(text) == ["Home", "Coast"]


def test_a_label_line_in_the_run_opens_the_trail() -> None:
    assert crumbs(dump((*MENU, "You are here:", "Coast Times", "Coast"))) == ["Coast Times", "Coast"]


def test_a_trail_whose_first_crumb_is_the_sites_name() -> None:
    text = dump(("News", "Sport"), (*MENU, "Coast Times", "News", "05/2020"))
    assert crumbs(text, url="https://www.coasttimes.example/news/harbour") == ["Coast Times", "News", "05/2020"]
    assert crumbs(text) == []  # without the address nothing tells the site's name from a menu item


def test_the_sites_name_with_a_long_word_is_a_product_not_the_site() -> None:
    text = dump((*MENU, "Coast Auctions", "More"))
    assert crumbs(text, url="https://www.coast.example/a") == []


def test_a_kicker_repeating_a_crumb_is_left_out() -> None:
    assert crumbs(dump((*MENU, "Home", "Coast", "Crime", "Coast"))) == ["Home", "Coast", "Crime"]


def test_a_photo_credit_between_trail_and_title() -> None:
    assert crumbs(dump((*MENU, "Home", "Coast", "© Jane Doe"))) == ["Home", "Coast"]


def test_crumbs_joined_by_spaces_after_home_or_the_sites_name() -> None:
    assert crumbs(dump(("Home", "COAST", "HARBOUR"), ("Home COAST HARBOUR",))) == ["Home", "COAST", "HARBOUR"]
    text = dump(("Coast", "Sport"), "Coast Times Sport", "Sport")
    assert crumbs(text, url="https://coasttimes.example/x") == ["Coast Times", "Sport"]


def test_home_page_is_one_phrase_not_two_crumbs() -> None:
    assert crumbs(dump((*MENU, "Sign in", "home page"))) == []


def test_unspaced_bar_spaced_slash_and_unspaced_comma() -> None:
    assert crumbs(dump((*MENU,), "Coast  / harbour")) == ["Coast", "harbour"]
    assert crumbs(dump((*MENU, "Coast,Weather"))) == ["Coast", "Weather"]
    assert crumbs(dump((*MENU,), f"Home|Coast|{TITLE}")) == ["Home", "Coast"]


def test_a_credit_with_a_slash_is_not_a_trail() -> None:
    assert crumbs(dump((*MENU,), "Harbour / Photo: Jane Doe, Coast Times")) == []


def test_a_trail_opening_with_a_separator_further_up() -> None:
    text = dump((*MENU, "> Our blogs > Coast notes", "i", "27"), "A subtitle of the story")
    assert crumbs(text) == ["Our blogs", "Coast notes"]


def test_crumbs_in_brackets_below_the_title() -> None:
    text = "\n\n".join(("Coast Times", TITLE, "[Home]\n[Coast]\n[Harbour]", P1, P2, P3)) + "\n"
    assert crumbs(text) == ["Home", "Coast", "Harbour"]


def test_a_labelled_trail_line_far_from_the_title() -> None:
    text = dump(("You are in: Coast", *MENU, "Elections", "More", "Video", "Radio", "Weather", "Maps", "COAST"))
    assert crumbs(text) == ["Coast"]


def test_a_screen_reader_label_is_not_a_crumb() -> None:
    html = page("<nav class='breadcrumbs'><span class='u-visuallyhidden'>Pfad der Seite</span>"
                "<a href='/'>Start</a><span class='a11y-text'>: </span><a href='/coast'>Küste</a></nav>")
    assert crumbs(html) == ["Start", "Küste"]


def test_links_going_down_the_sites_tree_joined_by_slashes() -> None:
    html = page("<div class='news-line'><a href='/section/coast/'>Coast</a> <a href='/section/coast/harbour/'>"
                "<span>&nbsp;/&nbsp;</span>harbour</a></div>")
    assert crumbs(html, url="https://c.example/a") == ["Coast", "harbour"]


def test_links_joined_by_slashes_that_do_not_nest_are_a_menu() -> None:
    html = page("<div class='top'><a href='/coast/'>Coast</a> / <a href='/sport/'>Sport</a></div>")
    assert crumbs(html, url="https://c.example/a") == []


def test_the_sites_name_alone_is_no_trail() -> None:
    assert crumbs(dump((*MENU, "Coast TIMES")), url="https://coasttimes.example/a") == []


def test_the_sites_name_over_account_links_is_the_pages_header() -> None:
    text = dump((*MENU, "Coast Times", "Log out of account"))
    assert crumbs(text, url="https://coasttimes.example/a") == []


def test_a_label_set_apart_over_a_group_of_crumbs() -> None:
    text = dump(*MENU, "You are here:", ("Coast Times", "Harbour"), "New section")
    assert crumbs(text) == ["Coast Times", "Harbour"]


def test_a_label_alone_in_the_footer_over_its_crumbs() -> None:
    text = dump((*MENU,), after=("About us", "Breadcrumb", ("Home", "Coast"), "© Coast Times"))
    assert crumbs(text) == ["Home", "Coast"]


def test_a_follow_button_between_the_trail_and_the_title() -> None:
    assert crumbs(dump((*MENU, "Home", "Coast", "Harbour", "Follow topic +"))) == ["Home", "Coast", "Harbour"]


def test_a_signature_with_a_spaced_bar_is_not_a_trail() -> None:
    assert crumbs(dump((*MENU,), "Jane Doe | Harbour Master")) == []


def test_a_ticker_printed_again_and_again_is_not_a_trail() -> None:
    ticker = "\n".join(["UP TO 60% OFF|SUMMER SALE"] * 4)
    assert crumbs(dump((*MENU,), ticker)) == []


def test_a_section_named_with_the_home_word_is_not_the_home_crumb() -> None:
    assert crumbs(dump((*MENU, "Home & Garden", "Kitchen", "Pets"))) == []


def test_a_sentence_ending_with_the_title_is_not_a_crumb_line() -> None:
    text = dump((*MENU,), f"Learn about the latest in {TITLE}")
    assert crumbs(text) == []


def test_the_sites_name_joined_to_a_product_is_not_a_trail() -> None:
    text = dump(("Online", "Courses"), "Coast Times Online Course", "Register now")
    assert crumbs(text, url="https://coasttimes.example/a") == []


def test_crumbs_one_a_line_each_ending_with_its_separator() -> None:
    text = dump((*MENU, "Home>", "Coast>", "Harbour"), "A kicker for the story")
    assert crumbs(text) == ["Home", "Coast", "Harbour"]


def test_a_trail_printed_in_the_footer_over_a_copy_of_the_title() -> None:
    text = dump(MENU, after=("Comments are closed.", ("Home", "Coast", TITLE, "Follow us", "Imprint")))
    assert crumbs(text) == ["Home", "Coast"]


def test_a_footer_menu_over_no_copy_of_the_title_is_no_trail() -> None:
    assert crumbs(dump(MENU, after=(("Home", "Coast", "Follow us", "Imprint"),))) == []


def test_a_footer_menu_line_over_a_menu_item_repeating_the_title_is_no_trail() -> None:
    text = dump(MENU, after=(("Home Safety Devices", TITLE, "Seasonal Safety"),))
    assert crumbs(text) == []


def test_a_kicker_set_apart_between_the_trail_and_the_title() -> None:
    """html-text sets the kicker apart from the crumbs packed above it: it is stepped over."""
    assert crumbs(dump((*MENU, "Home", "Coast", "Harbours"), "Coast")) == ["Home", "Coast", "Harbours"]


def test_a_short_line_over_the_title_repeating_no_crumb_ends_the_trail() -> None:
    assert crumbs(dump((*MENU, "Home", "Coast", "Harbours"), "Live")) == []


def test_a_group_set_apart_over_a_copy_of_the_title() -> None:
    # The trail's last crumb is the headline, printed again over it; a blank line sets the group
    # apart from the menu, and 'Coast' is a section the menu lists.
    text = dump((*MENU, "Coast"), ("Coast", "Harbours", TITLE))
    assert crumbs(text) == ["Coast", "Harbours"]


def test_a_group_packed_with_the_menu_or_without_the_titles_copy_is_no_trail() -> None:
    assert crumbs(dump((*MENU, "Coast", "Harbours", TITLE))) == []  # where the menu ends is unknown
    assert crumbs(dump((*MENU, "Coast"), ("Coast", "Harbours"))) == []  # the menu's last items
    assert crumbs(dump((*MENU, "Coast"), ("Coast", "Published: 12 May 2020", TITLE))) == []
    assert crumbs(dump((*MENU, "Coast"), ("#coast #harbours", "4 min read", TITLE))) == []  # meta lines
    text = "\n\n".join(("\n".join(("Log in", "Coast", "Posts", TITLE)), TITLE, "12 May 2020", "Coast")) + "\n\n"
    assert crumbs(text + dump()) == []  # the lines opening the dump are the site's header


def test_a_home_line_with_arrows_far_from_the_title() -> None:
    text = dump((*MENU,), after=("Home > Coast > Harbours",))
    assert crumbs(text) == ["Home", "Coast", "Harbours"]
    assert crumbs(dump((*MENU,), after=("Home | Coast | Harbours",))) == []  # bars join a menu's items


def test_a_labelled_line_ending_with_the_headline() -> None:
    # The headline's words do not count against the trail's length.
    text = dump((*MENU,), after=(f"You are here: Home / Coast / Harbour and port news / Port authority notices / {TITLE}",))
    assert crumbs(text) == ["Home", "Coast", "Harbour and port news", "Port authority notices"]


def test_crumbs_and_separators_each_on_a_line_of_their_own() -> None:
    text = dump((*MENU, "Sign in ›", "Forum ›", "Home", "/", "Coast", "/", "Harbours", "/", TITLE))
    assert crumbs(text) == ["Home", "Coast", "Harbours"]
    assert crumbs(dump((*MENU, "Jane Doe", "May 8, 2022", "•", "10", "mins read"))) == []  # a meta line
    assert crumbs(dump(("Tides", "→", "Tides", "Maps", "→", "Maps"))) == []  # a menu's links and their arrows
    assert crumbs(dump((*MENU, "Tides", "|", "Maps", "|", "Theme Auto Light Dark"))) == []  # bars join a menu


def test_a_separator_glued_to_the_crumb_after_it() -> None:
    assert crumbs(dump((*MENU,), f"Home >Coast >{TITLE}")) == ["Home", "Coast"]


def test_a_two_word_breadcrumb_label_over_its_group() -> None:
    text = dump(MENU, "Breadcrumb navigation", ("Home", TITLE, "Español", "Harbours and ports", "Tides"))
    assert crumbs(text) == ["Home"]


def test_separators_at_a_crumbs_edges_and_glued_between_crumbs() -> None:
    assert crumbs(dump((*MENU,), f"Home>Coast>{TITLE}")) == ["Home", "Coast"]
    assert crumbs(dump((*MENU,), f"Coast /Harbours / {TITLE}")) == ["Coast", "Harbours"]


def test_the_date_lines_words_are_not_the_trails_last_crumb() -> None:
    assert crumbs(dump((*MENU,), ("Home", "Coast", "Harbours", "Updated"), TITLE)) == ["Home", "Coast", "Harbours"]
