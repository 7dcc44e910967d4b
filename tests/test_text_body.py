"""Body boundaries in text dumps: small hand-written dumps, one per pattern (issue #3)."""

from __future__ import annotations

import articlex
from support import P1, P2, P3, P4, dump


def body_of(text: str) -> list[str]:
    return articlex.extract(text).body.split("\n\n")


TITLE = "Harbour wall to be rebuilt"


def test_embedded_post_and_its_signature_are_left_out() -> None:
    text = dump(TITLE, P1, ("Wow! Look at this storm damage in the harbour today.", "It is worse than last year."),
                "— Jane Doe (@janedoe) March 16, 2020", P2, P3)
    assert body_of(text) == [P1, P2, P3]


def test_read_also_label_heads_a_list_of_headlines() -> None:
    text = dump(TITLE, P1, P2, ("Lesen Sie auch", "Tausende Pakete gehortet: Bewährungsstrafe für Postboten",
                                "Polizei stoppt illegalen Waffentransport", "Feldhamster ist das Tier des Jahres"),
                P3, P4)
    article = articlex.extract(text)
    assert article.body.split("\n\n") == [P1, P2, P3, P4]
    assert [r.text for r in article.related] == ["Tausende Pakete gehortet: Bewährungsstrafe für Postboten",
                                                 "Polizei stoppt illegalen Waffentransport",
                                                 "Feldhamster ist das Tier des Jahres"]


def test_read_also_label_with_an_ellipsis() -> None:
    text = dump(TITLE, P1, P2, "Lee también...", "Camionero herido en la ruta sigue en riesgo vital", P3, P4)
    article = articlex.extract(text)
    assert "Camionero herido" not in article.body
    assert [r.text for r in article.related] == ["Camionero herido en la ruta sigue en riesgo vital"]


def test_teaser_card_closed_by_read_more_is_taken_out() -> None:
    text = dump(TITLE, P1, P2, "Third of university staff have experienced bullying", "Read more", P3, P4)
    article = articlex.extract(text)
    assert article.body.split("\n\n") == [P1, P2, P3, P4]
    assert [r.text for r in article.related] == ["Third of university staff have experienced bullying"]


def test_teaser_excerpt_ending_in_read_more() -> None:
    text = dump(TITLE, P1, P2, "Waffenexporte", "Exporte dank Lücken im Gesetz",
                "Der Konzern exportiert trotz des Stopps Waffen. | mehr", P3, P4)
    assert body_of(text) == [P1, P2, P3, P4]


def test_a_paragraph_before_read_more_stays_without_a_headline() -> None:
    text = dump(TITLE, P1, P2, P3, "Read more", P4)
    assert P3 in body_of(text)


def test_two_teaser_cards_in_a_row_end_the_article() -> None:
    text = dump(TITLE, P1, P2, P3, "Hintergrund", "Das Coronavirus in Thüringen: Nummern und Infos",
                P4, "mehr", "Neues Freibad in Gotha wieder offen", P2, "mehr")
    assert body_of(text) == [P1, P2, P3]


def test_copyright_line_ends_the_article() -> None:
    text = dump(TITLE, P1, P2, P3, "©RIPRODUZIONE RISERVATA", "Qui andrà inserito il messaggio del Direttore:", P4)
    assert body_of(text) == [P1, P2, P3]


def test_tag_line_of_short_terms_ends_the_article() -> None:
    text = dump(TITLE, P1, P2, P3, ("Drohne, Drohnenaufnahmen, Flugzeugträger, Iran, USA",
                                    "Was ist Ihnen unsere Arbeit wert?"), P4)
    assert body_of(text) == [P1, P2, P3]


def test_previous_label_between_paragraphs_is_a_read_also() -> None:
    text = dump(TITLE, P1, P2, "PREVIOUS Cost of living adjustment for retired teachers passes", P3, P4)
    article = articlex.extract(text)
    assert article.body.split("\n\n") == [P1, P2, P3, P4]
    assert article.previous is None or article.previous.text != "Cost of living adjustment for retired teachers passes"


def test_dated_label_line_after_a_standfirst_makes_it_header() -> None:
    standfirst = "Piogge, temporali e nevicate previste per oggi nelle regioni centrali e meridionali del paese."
    text = dump("Perturbazione polare al Centro e al Sud", standfirst,
                "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02", P1, P2, P3)
    assert body_of(text) == [P1, P2, P3]


def test_meta_line_in_parts_makes_the_line_above_header_and_signature_is_dropped() -> None:
    meta = "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup)"
    text = dump(TITLE, meta, P1, P2, P3, "Martin Untersinger (avec Damien Leloup)")
    assert body_of(text) == [P1, P2, P3]


def test_caption_with_a_date_after_a_standfirst() -> None:
    standfirst = "Ветеран сборной Германии Лукаш Подольски принял решение прекратить выступления за сборную страны."
    text = dump("Подольски завершил карьеру в сборной", standfirst,
                "Фото из Инстаграма Лукаша Подольски 15 августа 2016, 13:43", P1, P2, P3)
    assert body_of(text) == [P1, P2, P3]


def test_a_long_line_ending_in_a_colon_opens_the_text_it_introduces() -> None:
    intro = "TAYLORVILLE — The following are arrest and accident reports as recorded by the police department:"
    text = dump(TITLE, "by Staff Report", "October 27, 2023", intro, P1, P2, P3)
    assert body_of(text) == [intro, P1, P2, P3]


def test_a_comment_button_under_the_standfirst_does_not_end_the_text() -> None:
    standfirst = "The town will rebuild its harbour wall, and here is what the works will change for the port."
    text = dump(TITLE, standfirst, "Comments", P1, P2, P3, P4)
    article = articlex.extract(text)
    assert body_of(text) == [P1, P2, P3, P4]
    assert article.title == TITLE


def test_a_caption_and_its_agency_credit_are_not_the_text() -> None:
    caption = "The harbour wall after the storm of January 12, seen from the lighthouse at low tide today."
    text = dump(TITLE, caption, ("Jane Doe / Photononstop / AFP",), P1, P2, P3)
    assert body_of(text) == [P1, P2, P3]


def test_a_reader_funding_appeal_closes_a_spanish_text() -> None:
    appeal = "El periodismo independiente necesita del apoyo de sus lectores. ¡Hoy, con tu apoyo, seguiremos trabajando!"
    text = dump(TITLE, P1, P2, P3, appeal)
    assert body_of(text) == [P1, P2, P3]


def test_a_caption_ending_in_its_photo_credit_is_not_the_text() -> None:
    caption = ("The mayor, seen here at the harbour with the two engineers of the region on Tuesday morning, presents "
               "the plan to rebuild the long wall that the winter storms broke in two places| Photo: Jane Doe/City Hall")
    text = dump(TITLE, caption, P1, P2, P3)
    assert body_of(text) == [P1, P2, P3]


def test_a_share_bar_under_a_caption_marks_it_as_header() -> None:
    caption = "Arrested. An ambulance leaves the prison where the detainees were moved during the emergency."
    text = dump("El muro del puerto será reconstruido", caption, "Enlace copiado", P1, P2, P3)
    assert body_of(text) == [P1, P2, P3]


LONG_PARAGRAPH = ("The council voted on the new budget after a long debate that lasted well into the night, and the "
                  "mayor thanked the members for their patience before she closed the session shortly after midnight.")


def test_a_sign_off_after_the_text_ends_it_in_a_dump() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, LONG_PARAGRAPH, "JD",
                        "The Town Gazette is not responsible for the opinions or statements presented by "
                        "contributors in this section.",
                        'Mayor on the new library: "It will open in the spring"'])
    article = articlex.extract(dump + "\n")
    assert article.body.split("\n\n") == [LONG_PARAGRAPH, LONG_PARAGRAPH]


def test_a_subheading_leading_into_a_paragraph_is_no_sign_off() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "What comes next", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert article.body.split("\n\n") == [LONG_PARAGRAPH, "What comes next", LONG_PARAGRAPH]


def test_a_read_also_label_in_brackets_gives_its_headline() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH,
                        "(Read also: Mayor opens the new library in the old town)", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["Mayor opens the new library in the old town"]
    assert article.body.split("\n\n") == [LONG_PARAGRAPH, LONG_PARAGRAPH]


def test_a_repeated_label_starts_its_own_list_and_is_no_headline() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "À lire aussi", "Mayor opens the new library today",
                        "À lire aussi", "Bus lines change on Monday morning", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["Mayor opens the new library today", "Bus lines change on Monday morning"]


def test_an_interview_question_under_a_label_list_is_no_headline() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "Read also", "Mayor opens the new library today",
                        "— And the bread prices?", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["Mayor opens the new library today"]
    assert "— And the bread prices?" in article.body


def test_a_teaser_cut_short_after_the_text_is_not_its_end() -> None:
    from support import P1, P2, P3, dump
    article = articlex.extract(dump("Harbour wall to be rebuilt", P1, P2, P3,
                                    'Ferry strike: "The problem is not the wages, but the hours...'))
    assert article.body.endswith(P3)


def test_a_newsletter_consent_line_after_the_text_is_trimmed() -> None:
    from support import P1, P2, P3, dump
    consent = ("Thank you for signing up. You can unsubscribe at any time and we will never share your details "
               "without your permission.")
    article = articlex.extract(dump("Harbour wall to be rebuilt", P1, P2, P3, consent))
    assert article.body.endswith(P3)


def test_a_label_list_runs_past_an_advertisement_and_a_question_headline() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "READ ALSO", "Mayor opens the new library today",
                        "Will the old harbour wall hold through another winter of storms?", "ADVERTISEMENT",
                        "Bus lines change on Monday morning", "MOST READ ON OUR SITE", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == [
        "Mayor opens the new library today", "Will the old harbour wall hold through another winter of storms?",
        "Bus lines change on Monday morning"]


def test_a_read_also_label_with_a_leading_word() -> None:
    dump = "\n\n".join(["Aprueban el presupuesto municipal", LONG_PARAGRAPH, "Esto te puede interesar",
                        "El alcalde inaugura la nueva biblioteca", "21/04/2022", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["El alcalde inaugura la nueva biblioteca"]


def test_a_subheading_under_a_label_list_stays_in_the_text() -> None:
    subheading = "Mayor backs the harbour plan"
    paragraph = ("The mayor said on Friday that the harbour plan was the best the town could hope for, and that "
                 "the works would start as soon as the region had signed the contract.")
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "Read also", "Storm damage closes the coast road",
                        "Bus lines change on Monday morning", subheading, paragraph, LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["Storm damage closes the coast road", "Bus lines change on Monday morning"]
    assert article.body.split("\n\n") == [LONG_PARAGRAPH, subheading, paragraph, LONG_PARAGRAPH]


def test_a_bracketed_label_with_a_linking_word_before_its_colon() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, LONG_PARAGRAPH,
                        "(Read also on: Mayor opens the new library in the old town)"])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["Mayor opens the new library in the old town"]
    assert article.body.split("\n\n") == [LONG_PARAGRAPH, LONG_PARAGRAPH]


def test_read_more_about_heads_topics_not_a_headline() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, LONG_PARAGRAPH, "Read more about:",
                        "Harbour Town Council", "Comments"])
    assert articlex.extract(dump + "\n").related == []


def test_a_label_under_a_bare_label_is_no_headline() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, LONG_PARAGRAPH, "Read also",
                        "You may also like", "Harbour", "Budget", "Comments"])
    assert articlex.extract(dump + "\n").related == []


def test_a_headline_opening_with_a_label_word_under_a_bare_label() -> None:
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "Read also",
                        "More than 300 people attend the library opening", LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert [r.text for r in article.related] == ["More than 300 people attend the library opening"]


def test_a_sentence_under_a_bare_label_is_no_headline() -> None:
    sentence = "The visit was briefly marred when a stone was thrown at the mayor as he greeted the crowd."
    dump = "\n\n".join(["Council passes budget", LONG_PARAGRAPH, "Mayor opens the new library in the old town",
                        "Read also", sentence, LONG_PARAGRAPH])
    article = articlex.extract(dump + "\n")
    assert sentence not in [r.text for r in article.related]
    assert sentence in article.body


CONSENT = "We use your sign-up to provide content in ways you have consented to and to improve our understanding of you."


def test_a_newsletter_box_far_above_the_spaced_text_is_not_its_start() -> None:
    box = ("Sign up", CONSENT, "Invalid email", "Something went wrong, please try again later.",
           "Thank you for subscribing!", "We have more newsletters", "Show me", "See our Privacy Notice")
    assert body_of(dump(TITLE, "By Jane Doe", "Stay in the know", box, P1, P2, P3)) == [P1, P2, P3]


def test_packed_paragraphs_open_the_text_when_no_spaced_text_follows() -> None:
    teasers = ["The new ferry line opens in June and the first crossings are already sold out, the company said.",
               "Local schools will close early on Friday because of the storm warning issued by the weather office.",
               "A rare bird was seen on the cliffs last week, and birdwatchers have come from far away to see it."]
    text = dump(TITLE, "By Jane Doe", (P1, P2, P3), "MOST READ", teasers[0], "Comments", teasers[1], "Video",
                teasers[2])
    assert articlex.extract(text).body.startswith(P1)


def test_a_list_packed_under_a_sentence_leading_into_it_stays_in_the_text() -> None:
    lead = "If you run a business or a household and you hold any of the following items, please get in touch:"
    items = ("sand bags", "wooden planks", "rope and chains", "pumps", "warm blankets", "torches and batteries", "etc.")
    assert body_of(dump(TITLE, P1, P2, lead, items, P3, P4)) == [P1, P2, lead, *items, P3, P4]


def test_a_short_label_over_packed_lines_does_not_hold_the_text_open() -> None:
    text = dump(TITLE, P1, P2, P3, "Share this:", ("Facebook", "Twitter", "Email", "Print"),
                "Some other story about the harbour that is long enough to read like a paragraph of prose.")
    assert articlex.extract(text).body.endswith(P3)


def test_a_closing_line_pointing_to_the_full_report_stays() -> None:
    pointer = "The full report of the harbour office can be downloaded here: harbour-report.pdf"
    assert body_of(dump(TITLE, P1, P2, P3, pointer, ("Most read", "Contact", "Imprint", "Jobs"))) \
        == [P1, P2, P3, pointer]


def test_a_short_label_with_a_colon_after_the_text_is_trimmed() -> None:
    assert body_of(dump(TITLE, P1, P2, P3, "Photos: Jane Doe", ("Most read", "Contact", "Imprint", "Jobs"))) \
        == [P1, P2, P3]


STANDFIRST = "The town's harbour wall will be rebuilt after the storms, and the work starts in spring."


def test_a_picture_right_under_the_first_paragraph_makes_it_the_standfirst() -> None:
    picture = ("Shares", "The harbour wall after the storm broke it in two places.", "(Image: © Jane Doe)")
    assert body_of(dump(TITLE, "By Jane Doe", STANDFIRST, picture, P1, P2, P3)) == [P1, P2, P3]


def test_a_picture_further_down_leaves_the_first_paragraph_in_the_text() -> None:
    picture = ("Gallery", "The harbour wall after the storm broke it in two places.", "(Image: © Jane Doe)")
    text = dump(TITLE, "By Jane Doe", P1, "Advertisement", picture, P2, P3, P4)
    assert body_of(text)[0] == P1


def test_a_subheading_under_the_first_paragraph_leaves_it_in_the_text() -> None:
    assert body_of(dump(TITLE, "By Jane Doe", P1, "Work starts in May", P2, P3)) == [P1, "Work starts in May", P2, P3]


def test_a_date_line_with_its_update_stamp_is_header() -> None:
    text = dump(TITLE, "27 octobre 2012 à 18:27 (Mis à jour: 19:56)", P1, P2, P3)
    article = articlex.extract(text)
    assert body_of(text) == [P1, P2, P3]
    assert article.published is not None and article.published.date().isoformat() == "2012-10-27"


def test_a_dated_line_of_a_timeline_stays_in_the_text() -> None:
    entry = "12 May 2020: the council first discussed the wall."
    assert entry in body_of(dump(TITLE, P1, P2, entry, P3))


def test_the_desk_credits_close_a_wire_story() -> None:
    text = dump(TITLE, P1, P2, P3, "Additional reporting by Jane Doe; Editing by John Smith",
                "Our Standards: the principles every reporter of the agency signs when they join it.")
    assert body_of(text) == [P1, P2, P3]


def test_edited_by_opening_a_sentence_does_not_end_the_text() -> None:
    line = "Edited by hand over three nights, the film was ready for the festival."
    assert body_of(dump(TITLE, P1, P2, line, P3)) == [P1, P2, line, P3]


INTERTITLE = "A long winter for the fishing fleet of the port"


def test_an_intertitle_under_the_byline_opens_the_text() -> None:
    assert body_of(dump(TITLE, "By Jane Doe", "12 May 2020", INTERTITLE, P1, P2, P3)) == [INTERTITLE, P1, P2, P3]


def test_a_line_above_the_text_without_a_byline_above_it_is_header() -> None:
    assert body_of(dump(TITLE, INTERTITLE, P1, P2, P3)) == [P1, P2, P3]


def test_the_headline_said_again_above_the_text_is_not_an_intertitle() -> None:
    again = "Council votes to rebuild harbour wall broken by winter storms"
    assert body_of(dump(TITLE, "By Jane Doe", "12 May 2020", again, P1, P2, P3)) == [P1, P2, P3]


def test_a_credit_with_a_dash_under_the_first_paragraph_makes_it_the_standfirst() -> None:
    assert body_of(dump(TITLE, "12 May 2020", STANDFIRST, "Jane Doe - Belga", P1, P2, P3)) == [P1, P2, P3]


def test_a_subheading_with_a_dash_is_no_credit() -> None:
    assert body_of(dump(TITLE, "12 May 2020", P1, "Storm season - a look back", P2, P3)) \
        == [P1, "Storm season - a look back", P2, P3]


def test_a_tag_list_set_apart_after_the_text_ends_it() -> None:
    text = dump(TITLE, P1, P2, P3, "Harbour, Storms, Town council, Fishing",
                "Support our work: donate today via our page.",
                "If you want our independent reporting to go on, every contribution helps us more than you think.")
    assert body_of(text) == [P1, P2, P3]


def test_an_editor_word_without_a_name_after_it_does_not_end_the_text() -> None:
    assert P3 in body_of(dump(TITLE, P1, P2, "Édition abonnés du journal", P3, P4))


def test_a_caption_set_apart_before_the_dateline_paragraph_is_not_the_text() -> None:
    first = "SEAPORT, 21 Apr (Coast News).- " + P1
    text = dump(("Home", "News"), TITLE, ("By Coast News", "21 April 2022"), "Ann Lee, the harbour master, inspects the broken wall with two engineers on Monday morning.",
                first, P2, P3)
    assert body_of(text) == [first, P2, P3]


def test_a_hyphenated_name_opening_a_paragraph_is_no_dateline() -> None:
    second = "Montoya-Lewis was born in Spain, where her father was stationed with the navy for years."
    text = dump(("Home", "News"), TITLE, ("By Coast News", "21 April 2022"), P1, second, P2, P3)
    assert body_of(text) == [P1, second, P2, P3]


def test_the_tags_label_and_its_terms_joined_by_spaces_end_the_text() -> None:
    text = dump(("Home", "News"), TITLE, "12 May 2020", P1, P2, P3,
                "Tags: Harbour Works Storm Season Town Council Coast Guard Fishing Port Budget Committee Ferry Service",
                "Newsroom",
                "We are a town newspaper informing readers on every day of the year about the coast and its people.")
    assert body_of(text) == [P1, P2, P3]


def test_a_paragraph_opening_with_a_tags_word_is_text() -> None:
    topics = "Topics: the wall, the storms and the budget were all raised by residents during the meeting."
    text = dump(("Home", "News"), TITLE, "12 May 2020", P1, topics, P2, P3)
    assert body_of(text) == [P1, topics, P2, P3]


LEDE = "The harbour wall will be rebuilt, the council decided on Tuesday."


def test_a_capitalised_word_and_a_dash_is_no_dateline() -> None:
    head = (("Home", "News"), TITLE, ("By Jane Doe", "21 April 2022"))
    question = "Q — Why did the wall break this winter when it held for fifty years before?"
    answer = "Storms were stronger, the engineer said, and the stone had never been repaired since it was built."
    speaker = "Smith — The mayor, who has led the town since 2010, said the port would stay open."
    update = "UPDATE — The council has since confirmed that work will start in May, a month earlier."
    title_de = "Die Hafenmauer wird nach den Stürmen neu gebaut, hat der Rat am Dienstag beschlossen."
    doctor = "Dr.-Ing. Hans Müller leitet das Projekt seit 2019 und erklärt, warum die Mauer brach."
    assert body_of(dump(*head, LEDE, question, answer, P2, P3))[0] == LEDE
    assert body_of(dump(*head, LEDE, P1, speaker, P2, P3))[0] == LEDE
    assert body_of(dump(*head, LEDE, update, P2, P3))[0] == LEDE
    assert body_of(dump(*head, title_de, doctor, P2, P3))[0] == title_de
