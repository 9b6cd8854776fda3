"""One person's case document as a self-contained HTML page (A4 print CSS, no network).

Built from the store's history (every assessment and decision) and the matrix: the latest
assessment's answers, the suggestion with its reasons, the decision and its reason, what the
decided group implies (housing, who settles, who provides the home, services by provider),
and the history. Dated, with the decider's name and a line to sign. Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from casestore.identity_text import identity_who, who_text
from casestore.models import Identity, StoredAssessment
from matrix.assessment import parse_assessment
from matrix.fields import CANONICAL_FIELDS
from matrix.messages import Lang, t
from matrix.vocabulary import field_label, value_label
from rules import Classifier

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #111;
       line-height: 1.4; margin: 0; }
main { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm 0; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; border-bottom: 0.4pt solid #555; padding-bottom: 1mm; }
.meta { color: #333; margin: 0 0 4mm 0; }
.group { font-size: 14pt; font-weight: bold; margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border-bottom: 0.3pt solid #bbb; }
th { width: 42%; font-weight: 600; }
section { break-inside: avoid; page-break-inside: avoid; }
ul { margin: 1mm 0 1mm 5mm; padding: 0; }
.assumed { color: #555; font-size: 9pt; }
.signature { margin-top: 12mm; display: flex; gap: 14mm; }
.signature div { flex: 1; border-top: 0.5pt solid #111; padding-top: 1mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #444; }
@media print { main { padding: 0; } a { color: inherit; text-decoration: none; } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _day(stamp: str | date) -> str:
    if isinstance(stamp, date):
        return stamp.strftime("%d.%m.%Y")
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d.%m.%Y")
    except ValueError:
        return stamp


def _rows(pairs: Sequence[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in pairs) + "</table>"


def case_document_html(history: Sequence[StoredAssessment], classifier: Classifier, lang: Lang, today: date, printed_by: Identity) -> str:
    """The case document for the person whose `history` (oldest first, at least one) is given,
    printed by `printed_by`. Every name is as the store recorded it, an unverified one marked so."""
    latest = history[-1]
    matrix = classifier.matrix
    assessment = parse_assessment(latest.data, matrix)
    result = classifier.classify(assessment, lang=lang, today=latest.vurdert_dato)
    decision = latest.decision
    decided = classifier.with_group(result, assessment, decision.final_gruppe, lang) if decision else result
    group = matrix.groups[decided.gruppe]
    parts: list[str] = []
    parts.append(f"<h1>{_e(t('u_tittel', lang))}</h1>")
    parts.append(f"<p class='meta'>{_e(t('u_meta', lang, person=latest.person_id, bydel=assessment.bydel, dato=_day(latest.vurdert_dato)))}"
                 f"<br>{_e(t('u_utskrift', lang, dato=_day(today), hvem=identity_who(printed_by, lang), versjon=matrix.version))}</p>")

    if decision is not None:
        how = (t("u_avvik", lang, gruppe=result.gruppe, navn=result.navn) if decision.overridden else t("u_godtatt", lang))
        reason = f"<p>{_e(t('u_begrunnelse', lang, grunn=decision.reason))}</p>" if decision.overridden and decision.reason else ""
        decider = who_text(decision.caseworker, decision.verified, lang)
        parts.append(f"<section><h2>{_e(t('u_beslutning', lang))}</h2>"
                     f"<p class='group'>{_e(t('p_group', lang, gruppe=decided.gruppe, navn=decided.navn))}</p>"
                     f"<p>{_e(t('u_besluttet_av', lang, hvem=decider, dato=_day(decision.decided_at)))}. {_e(how)}</p>"
                     f"{reason}</section>")
    else:
        parts.append(f"<section><h2>{_e(t('u_beslutning', lang))}</h2><p>{_e(t('u_ingen_beslutning', lang))}</p></section>")

    flags = [f"<li>{_e(flag.tekst)}</li>" for flag in result.advarsler + result.merknader]
    parts.append(f"<section><h2>{_e(t('u_forslag', lang))}</h2>"
                 f"<p class='group'>{_e(t('p_group', lang, gruppe=result.gruppe, navn=result.navn))}</p>"
                 f"<p>{_e(result.begrunnelse)}</p>"
                 + (f"<p><strong>{_e(t('u_advarsler_merknader', lang))}</strong></p><ul>{''.join(flags)}</ul>" if flags else "")
                 + "</section>")

    assumed = " *"
    housing = [
        (t("p_boligtype", lang), group.boligtype.text(lang) + (assumed if group.boligtype.antatt else "")),
        (t("p_boligstandard", lang), group.boligstandard.text(lang) + (assumed if group.boligstandard.antatt else "")),
        (t("p_bemanning", lang), group.bemanning.text(lang) + (assumed if group.bemanning.antatt else "")),
        (t("p_beliggenhet", lang), group.beliggenhet.text(lang) + (assumed if group.beliggenhet.antatt else "")),
        (t("p_ansvarlig", lang), decided.ansvarlig + (assumed if group.ansvar.antatt else "")),
        (t("p_boligtilbyder", lang), decided.boligtilbyder_navn + (assumed if group.boligtilbyder.antatt else "")),
        (t("p_dekning", lang), value_label("dekning", decided.dekning, lang)),
    ]
    parts.append(f"<section><h2>{_e(t('u_bolig', lang))}</h2>{_rows(housing)}"
                 f"<p class='assumed'>{_e(t('m_legend', lang))}</p></section>")

    by_provider: dict[str, list[str]] = {}
    for service in decided.tjenester:
        by_provider.setdefault(service.tilbyder, []).append(service.tjeneste)
    services = "".join(f"<p><strong>{_e(provider)}</strong></p><ul>{''.join(f'<li>{_e(n)}</li>' for n in names)}</ul>"
                       for provider, names in by_provider.items())
    duration = value_label("varighet", assessment.varighet, lang)
    parts.append(f"<section><h2>{_e(t('u_tjenester', lang, varighet=duration))}</h2>{services}</section>")

    answers = [(field_label(name, lang).capitalize(), value_label(name, latest.data.get(name), lang))
               for name in CANONICAL_FIELDS if name != "person_id" and latest.data.get(name) not in (None, "")]
    parts.append(f"<section><h2>{_e(t('u_svar', lang))}</h2>{_rows(answers)}</section>")

    items = []
    for entry in history:
        line = t("u_historikk_linje", lang, dato=_day(entry.vurdert_dato), gruppe=entry.gruppe, regel=entry.regel,
                 hvem=who_text(entry.recorded_by, entry.verified, lang))
        decisions = "".join(
            "<li>" + _e(t("u_historikk_beslutning", lang, dato=_day(d.decided_at), gruppe=d.final_gruppe,
                          hvem=who_text(d.caseworker, d.verified, lang)))
            + (f" — {_e(t('u_begrunnelse', lang, grunn=d.reason))}" if d.overridden and d.reason else "") + "</li>"
            for d in entry.decisions
        )
        items.append(f"<li>{_e(line)}" + (f"<ul>{decisions}</ul>" if decisions else "") + "</li>")
    parts.append(f"<section><h2>{_e(t('u_historikk', lang))}</h2><ul>{''.join(items)}</ul></section>")

    signer = who_text(decision.caseworker, decision.verified, lang) if decision else identity_who(printed_by, lang)
    parts.append(f"<section class='signature'><div>{_e(t('u_signatur', lang, hvem=signer))}</div>"
                 f"<div>{_e(t('u_sted_dato', lang, dato=_day(today)))}</div></section>")
    parts.append(f"<footer>{_e(t('u_bunntekst', lang, versjon=matrix.version))}</footer>")
    title = _e(t("u_tittel", lang) + " — " + latest.person_id)
    return (f"<!DOCTYPE html><html lang='{'en' if lang == 'en' else 'nb'}'><head><meta charset='utf-8'>"
            f"<title>{title}</title><style>{CSS}</style></head><body><main>{''.join(parts)}</main></body></html>\n")
