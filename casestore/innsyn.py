"""A person's right of access (innsyn): their whole record from the store, as JSON and as a
readable document.

Everything the store holds about the person and that the user may see (the database's access
rules apply: a caseworker exports only persons of their own district): every assessment with
its answers, the group suggested and why, every decision with who made it, when and the reason,
the placements and moves between districts, and every draft (an unfinished assessment). Nothing is ever overwritten: a correction is a
new assessment or decision, so the record shows each version in order.
"""

from __future__ import annotations

from typing import Any

from casestore.identity_text import who_text
from casestore.store import Store, StoreError
from matrix.messages import Lang, t

MESSAGES: dict[str, dict[str, str]] = {  # listed in matrix.messages.CATALOG_MODULES
    "innsyn_ingen": {
        "nb": "Fant ingen opplysninger om {person} som din bruker har tilgang til",
        "en": "Found nothing about {person} that your user has access to",
    },
    "innsyn_tittel": {
        "nb": "Innsyn: alt saksregisteret har om {person}",
        "en": "Access request: everything the case store holds about {person}",
    },
    "innsyn_bydel": {"nb": "Bydel nå: {bydel}", "en": "District now: {bydel}"},
    "innsyn_flytting": {
        "nb": "{tid}: {fra} → {til} ({grunn}; av {hvem})",
        "en": "{tid}: {fra} → {til} ({grunn}; by {hvem})",
    },
    "innsyn_kartlegging": {
        "nb": "Kartlegging {nr} av {antall}, vurdert {dato}, registrert {tid} av {hvem}: foreslått gruppe {gruppe} ({regel})",
        "en": "Assessment {nr} of {antall}, assessed {dato}, recorded {tid} by {hvem}: suggested group {gruppe} ({regel})",
    },
    "innsyn_beslutning": {
        "nb": "Beslutning {tid} av {hvem}: gruppe {gruppe}{grunn}",
        "en": "Decision {tid} by {hvem}: group {gruppe}{grunn}",
    },
    "innsyn_utkast": {
        "nb": "Utkast lagret {tid} av {hvem} (ufullstendig kartlegging, ikke besluttet)",
        "en": "Draft saved {tid} by {hvem} (an incomplete assessment, not decided)",
    },
    "innsyn_utkast_fullfort": {
        "nb": "Utkastet ble fullført som kartlegging {tid} av {hvem}",
        "en": "The draft was completed as an assessment {tid} by {hvem}",
    },
    "innsyn_versjoner": {
        "nb": "Ingenting er overskrevet: en rettelse er en ny kartlegging eller beslutning, og alle versjoner står her.",
        "en": "Nothing is overwritten: a correction is a new assessment or decision, and every version is listed here.",
    },
}


def person_record(store: Store, person_id: str) -> dict[str, Any]:
    """The person's whole record as JSON-ready data; StoreError when there is nothing to show."""
    history = store.history(person_id)
    drafts = store.drafts(person_id)
    if not history and not drafts:
        raise StoreError("innsyn_ingen", person=person_id)
    return {
        "person_id": person_id,
        "bydel": store.person_district(person_id),
        "flyttinger": store.moves(person_id),
        "kartlegginger": [
            {
                "id": a.id,
                "vurdert_dato": a.vurdert_dato.isoformat(),
                "registrert": a.recorded_at,
                "registrert_av": a.recorded_by,
                "registrert_av_verifisert": a.verified,  # a database login; False: an OS user nothing checked
                "innlest_fra_fil": a.imported,
                "opplysninger": a.data,
                "foreslatt_gruppe": a.gruppe,
                "regel": a.regel,
                "dekning": a.dekning,
                "matrise_versjon": a.matrise_versjon,
                "begrunnelse": a.classification.get("begrunnelse"),
                "beslutninger": [
                    {
                        "id": d.id,
                        "tid": d.decided_at,
                        "saksbehandler": d.caseworker,
                        "saksbehandler_verifisert": d.verified,
                        "foreslatt_gruppe": d.suggested_gruppe,
                        "endelig_gruppe": d.final_gruppe,
                        "begrunnelse_for_avvik": d.reason,
                    }
                    for d in a.decisions
                ],
            }
            for a in history
        ],
        "utkast": [
            {"id": d.id, "lagret": d.saved_at, "lagret_av": d.saved_by, "opplysninger": d.data, "fullfort_som_kartlegging": d.completed_by}
            for d in drafts
        ],
    }


def readable(record: dict[str, Any], lang: Lang = "nb") -> str:
    """The record as a plain-text document a person can read (values as recorded)."""
    lines = [t("innsyn_tittel", lang, person=record["person_id"]), ""]
    if record["bydel"]:
        lines.append(t("innsyn_bydel", lang, bydel=record["bydel"]))
    for move in record["flyttinger"]:
        lines.append(
            "  "
            + t("innsyn_flytting", lang, tid=move["moved_at"][:16], fra=move["from_bydel"] or "–", til=move["to_bydel"],
                grunn=move["reason"], hvem=who_text(move["moved_by"], move["moved_by_verified"], lang))
        )  # fmt: skip
    assessments = record["kartlegginger"]
    for number, a in enumerate(assessments, start=1):
        recorder = who_text(a["registrert_av"], a["registrert_av_verifisert"], lang)
        lines += ["", t("innsyn_kartlegging", lang, nr=number, antall=len(assessments), dato=a["vurdert_dato"], tid=a["registrert"][:16],
                        hvem=recorder, gruppe=a["foreslatt_gruppe"], regel=a["regel"])]  # fmt: skip
        if a["begrunnelse"]:
            lines.append(f"  {a['begrunnelse']}")
        for name, value in a["opplysninger"].items():
            if value not in (None, "", {}):
                lines.append(f"  {name}: {value}")
        for d in a["beslutninger"]:
            why = f" ({d['begrunnelse_for_avvik']})" if d["begrunnelse_for_avvik"] else ""
            decider = who_text(d["saksbehandler"], d["saksbehandler_verifisert"], lang)
            lines.append("  " + t("innsyn_beslutning", lang, tid=d["tid"][:16], hvem=decider, gruppe=d["endelig_gruppe"], grunn=why))
    if record.get("utkast"):
        lines.append("")
    for d in record.get("utkast", []):
        key = "innsyn_utkast_fullfort" if d["fullfort_som_kartlegging"] is not None else "innsyn_utkast"
        lines.append(t(key, lang, tid=d["lagret"][:16], hvem=d["lagret_av"]))
        for name, value in d["opplysninger"].items():
            lines.append(f"  {name}: {value}")
    lines += ["", t("innsyn_versjoner", lang)]
    return "\n".join(lines) + "\n"
