"""Who did something, in words: the TUI's header, and every place that names who recorded or
decided (history, audit, innsyn, the case document, the caseload). A name the database did
not check (SQLite: the OS user; older rows: a name typed in) always carries the mark."""

from __future__ import annotations

from casestore.models import Identity
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

MESSAGES: dict[str, dict[str, str]] = {  # listed in matrix.messages.CATALOG_MODULES
    "identitet": {"nb": "Innlogget: {bruker} · {rolle}{bydel}", "en": "Logged in: {bruker} · {rolle}{bydel}"},
    "identitet_lokal": {
        "nb": "Lokal bruker: {bruker} (OS-bruker, ikke verifisert)",
        "en": "Local user: {bruker} (OS user, unverified)",
    },
    "hvem_uverifisert": {"nb": "{bruker} (OS-bruker, ikke verifisert)", "en": "{bruker} (OS user, unverified)"},
    "rolle_ingen": {"nb": "eier", "en": "owner"},
}


def identity_line(identity: Identity, lang: Lang = "nb") -> str:
    user = terminal_text(identity.user)
    if not identity.verified:
        return t("identitet_lokal", lang, bruker=user)
    role = identity.role or t("rolle_ingen", lang)
    district = f" · {terminal_text(identity.bydel)}" if identity.bydel else ""
    return t("identitet", lang, bruker=user, rolle=role, bydel=district)


def who_text(name: str, verified: bool, lang: Lang = "nb") -> str:
    """A recorded name as it is shown: a database login as it is, anything else marked
    unverified. Raw text: the caller makes it safe for its medium (terminal, markup, HTML)."""
    return name if verified else t("hvem_uverifisert", lang, bruker=name)


def identity_who(identity: Identity, lang: Lang = "nb") -> str:
    """Who a save will be recorded as, with the mark when unverified (raw text, as who_text)."""
    return who_text(identity.user, identity.verified, lang)
