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
    # Indicators (SPEC section 6a)
    "ind_tittel": {"nb": "Livskvalitet og institusjonsinntak per bydel", "en": "Quality of life and institution admissions per district"},
    "ind_ark": {"nb": "Indikatorer", "en": "Indicators"},
    "ind_personer": {"nb": "personer", "en": "persons"},
    "ind_besvart": {"nb": "besvart livskvalitet", "en": "answered quality of life"},
    "ind_avslatt": {"nb": "ønsker ikke å svare", "en": "declined to answer"},
    "ind_andel_1": {"nb": "andel svar 1 (%)", "en": "share answering 1 (%)"},
    "ind_andel_1_maal": {"nb": "under 10 %?", "en": "under 10 %?"},
    "ind_snitt": {"nb": "snitt (1–7)", "en": "mean (1–7)"},
    "ind_snitt_maal": {"nb": "over 4,5?", "en": "over 4.5?"},
    "ind_inntak10": {"nb": "10+ inntak", "en": "10+ admissions"},
    "ind_antall": {"nb": "antall", "en": "count"},
    "ind_ja": {"nb": "ja", "en": "yes"},
    "ind_nei": {"nb": "nei", "en": "no"},
    "ind_hele_byen": {"nb": "Hele byen", "en": "Whole city"},
    "ind_inntak10_tittel": {"nb": "Personer med 10 eller flere inntak siste 12 måneder, etter kjønn og alder",
                            "en": "Persons with 10 or more admissions in the last 12 months, by sex and age"},
    "ind_inntak10_ark": {"nb": "10+ inntak", "en": "10+ admissions"},
    "ind_flytting_tittel": {"nb": "Flyttinger fra institusjon eller midlertidig botilbud til egen bolig, per kvartal",
                            "en": "Moves from an institution or temporary housing to a home of one's own, per quarter"},
    "ind_flytting_ark": {"nb": "Flyttinger", "en": "Moves"},
    "ind_forklaring": {
        "nb": "Livskvalitet og inntak: hver persons siste kartlegging. Andel og snitt regnes over dem som svarte 1–7; "
              "«Ønsker ikke å svare» telles for seg. Flyttinger: i en persons historikk en kartlegging i institusjon eller "
              "midlertidig botilbud fulgt av en i varig bolig, talt i den senere kartleggingens bydel og kvartal.",
        "en": "Quality of life and admissions: each person's latest assessment. Share and mean are over those who answered "
              "1–7; «Ønsker ikke å svare» (declined) is counted apart. Moves: in a person's history, an assessment in an "
              "institution or temporary housing followed by one in a permanent home, counted in the later assessment's "
              "district and quarter.",
    },
    "ind_maal": {"nb": "Mål", "en": "Targets"},
}

register(MESSAGES)
