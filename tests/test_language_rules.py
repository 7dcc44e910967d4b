"""Language from the text's own words: shared stop words split their vote (issue 10)."""

from __future__ import annotations

import articlex

SPANISH = ("El gobierno de la ciudad anunció que la obra de la línea comenzará en el mes de mayo, "
           "según informó la secretaría de transporte, que espera terminar la primera etapa en un año. "
           "La inversión será de la ciudad y de la nación, y la obra tendrá una extensión de cinco kilómetros "
           "en el sur de la capital, donde viven más de un millón de personas que hoy viajan en colectivo. ")


def test_spanish_is_not_lost_to_the_words_it_shares_with_catalan() -> None:
    dump = "\n\n".join(["Inicio", "La ciudad licita la nueva línea de subte", SPANISH, SPANISH, SPANISH])
    assert articlex.extract(dump).language == "es"


def test_catalan_keeps_its_own_words() -> None:
    catalan = ("El govern de la ciutat va anunciar que les obres de la línia començaran al maig, segons va "
               "informar la secretaria de transport, que espera acabar la primera fase en un any amb els "
               "treballs dels tècnics. La inversió serà de la ciutat i de l'estat, i l'obra tindrà cinc "
               "quilòmetres al sud de la capital, on viuen més d'un milió de persones. ")
    dump = "\n\n".join(["Inici", "La ciutat licita la nova línia de metro", catalan, catalan, catalan])
    assert articlex.extract(dump).language == "ca"


def test_a_body_too_short_to_tell_is_helped_by_the_page_around_it() -> None:
    from articlex.fields.language import find_language
    from articlex.loading import Limits, load_page

    teaser = ("The mayor said that the work on the new bridge would start in the spring and end before the "
              "winter, and that the road would stay open for most of the time.")
    page = load_page("\n\n".join(["Home", "Budget adopted", teaser, teaser, teaser]), url=None, limits=Limits())
    assert find_language(page, "Budget adopted on Monday.") == "en"
