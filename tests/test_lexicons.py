"""Every language file has every key; the agency list is well formed."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from articlex import lexicon


def _raw(name: str) -> dict:
    return tomllib.loads(resources.files("articlex").joinpath("lexicons", name).read_text("utf-8"))


@pytest.mark.parametrize("language", lexicon.LANGUAGES)
def test_language_file_has_every_key(language: str) -> None:
    data = _raw(f"{language}.toml")
    assert data["language"] == language
    assert data["name"].strip()
    assert set(data) - {"language", "name"} == set(lexicon.KEYS)
    for key in lexicon.KEYS:
        words = data[key]
        assert isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words), key
        if key not in lexicon.MAY_BE_EMPTY:
            assert words, f"{language}: {key} is empty"


def test_at_least_the_thirteen_languages() -> None:
    assert {"fr", "en", "de", "es", "it", "pt", "ro", "pl", "nl", "ru", "uk", "bg", "ca"} <= set(lexicon.LANGUAGES)


def test_agencies_are_well_formed() -> None:
    entries = _raw("agencies.toml")["agency"]
    names = [a["name"] for a in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert entry["aliases"] and all(a.strip() for a in entry["aliases"])


@pytest.mark.parametrize(("text", "name"), [
    ("(FR mit dpa)", "dpa"), ("selon l'AFP", "AFP"), ("berichtet Reuters", "Reuters"),
    ("за даними Укрінформу", "Ukrinform"), ("сообщает ТАСС", "TASS"), ("aja/PAP", "PAP"),
])
def test_agencies_are_found_in_text(text: str, name: str) -> None:
    assert name in [n for _, _, n in lexicon.agencies().find(text)]


def test_short_agency_names_are_case_sensitive() -> None:
    assert lexicon.agencies().find("the map of the area") == []


def test_labels_strip_with_and_without_a_space() -> None:
    cues = lexicon.cues()
    assert cues.strip_label("read_also", "Lire aussi : Un titre") == "Un titre"
    assert cues.strip_label("previous", "Article précédentBitcoin, or") == "Bitcoin, or"
    assert cues.strip_label("next", "Nextcloud gets a new release") is None
    assert cues.strip_trailing_label("next", "Fietsbrug eindelijk openVolgende") == "Fietsbrug eindelijk open"
