"""The planner's texts (supply, need against supply, indicators, report), bokmål and English."""

from __future__ import annotations

from matrix.messages import register

MESSAGES: dict[str, dict[str, str]] = {
    "behov_tittel_samlokalisert": {"nb": "Samlokaliserte boliger: behov mot tilbud per {dato}",
                                   "en": "Co-located homes: need against supply as of {dato}"},
    "behov_tittel_vel": {"nb": "Velferdsetatens plasser: behov mot tilbud per {dato}",
                         "en": "Velferdsetaten's places: need against supply as of {dato}"},
    "ark_samlokalisert": {"nb": "Behov samlokalisert", "en": "Need co-located"},
    "ark_vel": {"nb": "Behov VEL", "en": "Need VEL"},
    "behov_kategori": {"nb": "kategori", "en": "category"},
    "behov_grupper": {"nb": "grupper", "en": "groups"},
    "behov_personer": {"nb": "behov (personer)", "en": "need (persons)"},
    "behov_udekket": {"nb": "av dem udekket", "en": "of them uncovered"},
    "behov_tilbud": {"nb": "tilbud", "en": "supply"},
    "behov_mangel": {"nb": "mangel", "en": "shortfall"},
    "behov_overskudd": {"nb": "overskudd", "en": "surplus"},
    "behov_hele_byen": {"nb": "hele byen", "en": "whole city"},
    "behov_ukjent_tilbud": {"nb": "–", "en": "–"},
    "behov_forklaring": {
        "nb": "Mangel = behov − tilbud der behovet er størst, ellers 0; overskudd = tilbud − behov, ellers 0. "
              "Totalens mangel er summen av bydelenes mangel: et overskudd i én bydel trekkes aldri fra mangelen i en annen. "
              "Tilbud per {dato}. * = hvilke grupper tilbudet sammenlignes med er antatt (se matrisefilen).",
        "en": "Shortfall = need − supply where need is larger, else 0; surplus = supply − need, else 0. "
              "The total shortfall is the sum of the districts' shortfalls: a surplus in one district is never subtracted "
              "from a shortfall in another. Supply as of {dato}. * = which groups the supply is compared with is assumed "
              "(see the matrix file).",
    },
    "behov_ingen_tall": {"nb": "Matrisefilen har ikke tilbudstall for {dato}; mangel kan ikke beregnes.",
                         "en": "The matrix file has no supply figures for {dato}; the shortfall cannot be worked out."},
    "tilbud_tittel": {"nb": "Tilbud per {dato}", "en": "Supply as of {dato}"},
    "tilbud_vel": {"nb": "Velferdsetatens kommunale plasser", "en": "Velferdsetaten's municipal places"},
    "tilbud_samlokaliserte": {"nb": "Samlokaliserte boliger med personalbase, per bydel",
                              "en": "Co-located homes with a staff base, per district"},
    "tilbud_plasser": {"nb": "plasser", "en": "places"},
    "tilbud_boliger": {"nb": "boliger", "en": "homes"},
    "tilbud_kilde": {"nb": "kilde", "en": "source"},
    "tilbud_totalt": {"nb": "Totalt", "en": "Total"},
    "tilbud_flagget": {"nb": "! = flagget i kilden: {merknad}", "en": "! = flagged in the source: {merknad}"},
    "tilbud_behov": {"nb": "Kartlagt behov for samlokaliserte boliger (hele byen): {antall}{omtrent} fra {fra} ({kilde})",
                     "en": "Surveyed need for co-located homes (whole city): {antall}{omtrent} from {fra} ({kilde})"},
    "tilbud_maal": {"nb": "Mål: {kategori} fra {fra_plasser} til {plasser} plasser innen {innen}; status per {per}: {status} ({merknad})",
                    "en": "Goal: {kategori} from {fra_plasser} to {plasser} places by {innen}; status as of {per}: {status} ({merknad})"},
    "tilbud_grupper": {"nb": "sammenlignes med gruppe {grupper}", "en": "compared with groups {grupper}"},
    "tilbud_ingen_grupper": {"nb": "sammenlignes ikke med noen gruppe", "en": "compared with no group"},
    "tilbud_dato_feil": {"nb": "«{verdi}» er ikke en dato (ÅÅÅÅ-MM-DD)", "en": "'{verdi}' is not a date (YYYY-MM-DD)"},
}

register(MESSAGES)
