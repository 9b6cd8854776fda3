"""Who is logged in, in words, for the TUI's header (and any other face of the store)."""

from __future__ import annotations

from casestore.models import Identity
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text

MESSAGES: dict[str, dict[str, str]] = {  # listed in matrix.messages.CATALOG_MODULES
    "identitet": {"nb": "Innlogget: {bruker} · {rolle}{bydel}", "en": "Logged in: {bruker} · {rolle}{bydel}"},
    "identitet_lokal": {
        "nb": "Lokal bruker: {bruker} (OS-bruker, ikke verifisert)",
        "en": "Local user: {bruker} (OS user, not verified)",
    },
    "rolle_ingen": {"nb": "eier", "en": "owner"},
}


def identity_line(identity: Identity, lang: Lang = "nb") -> str:
    user = terminal_text(identity.user)
    if not identity.verified:
        return t("identitet_lokal", lang, bruker=user)
    role = identity.role or t("rolle_ingen", lang)
    district = f" · {terminal_text(identity.bydel)}" if identity.bydel else ""
    return t("identitet", lang, bruker=user, rolle=role, bydel=district)
