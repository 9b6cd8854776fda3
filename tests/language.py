"""A practical detector for the wrong language: words that belong to one language and not the other.

Not a language model: two lists of common words that the other language does not use (function
words and the product's own UI words). What people read may legitimately hold the other
language's *data* (Norwegian service, district and housing names in the English UI, as the
sources print them; field names and codes such as `tilsynsbehov` or `G5-heldogn`); those are
removed first: every text of the matrix file, anything in «quotes» or `code`, identifiers with
_ or -, and placeholders.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = _words(
    """
    the and of with is are not or from this that these those show error usage options arguments search keys
    theme quit dismiss menu group groups district districts coverage assessment assessments file files save
    cancel help back close export import next previous page command commands rows row yes none missing
    required invalid unknown total wrote cannot which when where each every an by on it its has have was
    were will can must should there their than then into only also any more most other such what who why how
    you your our we they them he she found shown written read loaded counted needs need needed staff staffing
    housing services service provider providers tier tiers decided suggested suggestion decision reason
    caseworker history settles settled responsible number numbers date dates people value values field fields
    """
)
NORWEGIAN = _words(
    """
    og ikke eller som med til på fra av er det den har kan skal må ved etter uten hvis når ingen alle denne
    dette disse gruppe grupper bydel bydeler personer rader rad filen lagre avbryt hjelp søk kartlegging
    kartlegginger udekket overdekket besluttet forslag antall mangler ugyldig ukjent totalt skrev velg tilbake
    lukk neste forrige side kommando kommandoer saksbehandler begrunnelse beslutning tjenester tilbyder nivå
    bemanning beliggenhet boligtype dekning vansker behov også bare hver hvor hvem hvorfor skriv tell vis
    finnes
    """
)

# Codes the product shares between its languages: the database roles of SPEC section 8.
IDENTIFIERS = frozenset({"saksbehandler", "planlegger", "vel", "admin"})

_CODE = re.compile(r"%\(\w+\)\w|«[^»]*»|`[^`]*`|\{[^}]*\}|\[[^\]]*\]|\S*[_/]\S*|\S+-\S+|--\S+|'[^']*'|\"[^\"]*\"")
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]+")


# (Norwegian key, English key) pairs of the matrix file
TRANSLATED = (("verdi", "en"), ("tekst", "tekst_en"), ("hjelp", "hjelp_en"), ("nivaer", "nivaer_en"), ("beskrivelse", "beskrivelse_en"))


def data_phrases(matrix_file: Path) -> list[str]:
    """Every string in the matrix file (names, services, values as the sources print them), longest first."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            if len(node) >= 3:
                found.add(node)
        elif isinstance(node, dict):
            # a text the file also gives in English is not data to the English product: showing
            # its Norwegian side there is a leak (the group attributes, tier descriptions, …)
            translated = {norwegian for norwegian, english in TRANSLATED if english in node}
            for key, value in node.items():
                if key not in ("kilde", "sitat", *(english for _, english in TRANSLATED)) and key not in translated:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    data = tomllib.loads(matrix_file.read_text(encoding="utf-8"))
    walk(data)
    districts = [d["navn"] for d in data.get("bydeler", {}).get("bydel", [])]
    found |= {text.replace("{bydel}", name) for text in found if "{bydel}" in text for name in districts}  # "Bydel Alna"
    return sorted(found, key=len, reverse=True)


def without_data(text: str, phrases: Iterable[str]) -> str:
    for phrase in phrases:
        if phrase in text:
            text = text.replace(phrase, " ")
    return _CODE.sub(" ", text)


def foreign_words(text: str, lang: str, phrases: Iterable[str] = ()) -> list[str]:
    """Words of the *other* language in a text meant to be in `lang` ("nb" or "en")."""
    other = ENGLISH if lang == "nb" else NORWEGIAN
    return [w for w in _WORD.findall(without_data(text, phrases)) if w.lower() in other and w.lower() not in IDENTIFIERS]


def report(texts: Iterable[tuple[str, str]], lang: str, phrases: Iterable[str] = ()) -> Iterator[str]:
    """'where: word, word' for every (where, text) holding the other language."""
    phrases = list(phrases)
    for where, text in texts:
        words = foreign_words(text, lang, phrases)
        if words:
            yield f"{where}: {', '.join(sorted(set(words)))}"
