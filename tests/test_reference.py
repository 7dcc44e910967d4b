"""The page the project started from: ../shared/seed/reference-page-fr.{txt,html} (skipped when absent)."""

from __future__ import annotations

from datetime import date

import pytest

import articlex
from support import shared

TITLE = "L’OTAN s’implique de plus en plus dans la situation en Ukraine"
RELATED = "Crise des migrants. La Pologne demande l'aide des pays baltes voisins : \"Bientôt la crise vous atteindra\""
PREVIOUS = "Bitcoin, or ou DeFi : comment les investisseurs peuvent-ils se protéger de l’inflation ?"
NEXT = ("Où sont les portes de l’enfer ? Brûlant depuis 1971. L’endroit que la plupart des gens ne "
        "connaissent pas. Vidéo")
SUBHEADING = "Discussions entre l’OTAN et la CE"
NOT_IN_BODY = ("Lire aussi", "Crise des migrants", "Article précédent", "Article suivant", "Bitcoin", "Accueil",
               "41", "Où sont les portes")


@pytest.fixture(scope="module", params=["txt", "html"])
def article(request) -> articlex.Article:
    path = shared("seed", f"reference-page-fr.{request.param}")
    return articlex.extract(path.read_bytes() if request.param == "html" else path.read_text(encoding="utf-8"))


def test_title_breadcrumb_counters(article: articlex.Article) -> None:
    assert article.title == TITLE
    assert [c.text for c in article.breadcrumb] == ["Accueil", "Internationales"]
    assert (article.counters.views, article.counters.comments) == (41, 0)


def test_attribution(article: articlex.Article) -> None:
    assert article.attribution.sources == ["Agerpres"]
    assert article.attribution.authors == []  # "Rédaction" in the HTML is a newsroom


def test_related_and_navigation(article: articlex.Article) -> None:
    assert [r.text for r in article.related] == [RELATED]
    assert article.previous is not None and article.previous.text == PREVIOUS
    assert article.next is not None and article.next.text == NEXT


def test_body(article: articlex.Article) -> None:
    body = article.body
    assert body.startswith("Le secrétaire général de l’OTAN, Jens Stoltenberg")
    assert body.endswith("a ajouté M. Stoltenberg.")
    assert SUBHEADING in [b.text for b in article.blocks]
    paragraphs = body.split("\n\n")
    for intruder in NOT_IN_BODY:
        assert not any(p.startswith(intruder) or p == intruder for p in paragraphs), intruder
    assert RELATED not in body and PREVIOUS not in body
    assert article.language == "fr"


def test_html_extras() -> None:
    page = shared("seed", "reference-page-fr.html")
    article = articlex.extract(page.read_bytes())
    base = "https://www.exemple-actu.fr/"
    assert [c.url for c in article.breadcrumb] == [base, base + "internationales/"]
    assert article.related[0].url == base + "internationales/crise-des-migrants-la-pologne-demande-laide-des-pays-baltes/"
    assert article.previous.url.startswith(base + "economie/bitcoin-or-ou-defi")
    assert article.next.url.startswith(base + "insolite/ou-sont-les-portes-de-lenfer")
    assert article.published is not None and article.published.date() == date(2022, 1, 9)
    assert article.published.utcoffset() is not None
    assert article.canonical_url == base + "internationales/lotan-simplique-de-plus-en-plus-dans-la-situation-en-ukraine/"
    assert article.site_name == "Exemple Actu"
    assert article.tags == ["OTAN", "Ukraine", "Russie"]
