"""The planner's texts (supply, need against supply, indicators, report), bokmål and English."""

from __future__ import annotations

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
    # The report
    "rap_tittel": {"nb": "Boligbehov i rusfeltet — {omrade}", "en": "Housing need in the substance-use field — {omrade}"},
    "rap_omrade": {"nb": "Område", "en": "Area"},
    "rap_mangel": {"nb": "Mangel på samlokaliserte boliger (summen av bydelenes mangel)",
                   "en": "Shortfall of co-located homes (the sum of the districts' shortfalls)"},
    "rap_overskudd": {"nb": "Overskudd i bydeler med flere boliger enn behov (trekkes ikke fra)",
                      "en": "Surplus in districts with more homes than need (not subtracted)"},
    "rap_tilbudsdato": {"nb": "Tilbud per", "en": "Supply as of"},
    "rap_personer": {"nb": "Personer (siste kartlegging)", "en": "Persons (latest assessment)"},
    "rap_matrise": {"nb": "Matrise", "en": "Matrix"},
    "rap_gyldig_fra": {"nb": "gyldig fra", "en": "valid from"},
    "rap_laget": {"nb": "Laget", "en": "Made"},
    "rap_innhold": {"nb": "Innhold", "en": "Contents"},
    "rap_kilder": {"nb": "Kilder og antakelser", "en": "Sources and assumptions"},
    "rap_gruppe_n": {"nb": "Gruppe {n}", "en": "Group {n}"},
    "rap_maal": {"nb": "mål", "en": "target"},
    "rap_behov": {"nb": "Behov og tilbud", "en": "Need and supply"},
    "rap_behov_diagram": {"nb": "Personer per gruppe", "en": "Persons per group"},
    "rap_samlokalisert_diagram": {"nb": "Samlokaliserte boliger: behov og tilbud per {dato}",
                                  "en": "Co-located homes: need and supply as of {dato}"},
    "rap_vel_diagram": {"nb": "Velferdsetatens plasser: behov og tilbud per {dato}",
                        "en": "Velferdsetaten's places: need and supply as of {dato}"},
    "rap_vel_hele_byen": {"nb": "Velferdsetatens plasser gjelder hele byen og sammenlignes med behovet i hele byen.",
                          "en": "Velferdsetaten's places serve the whole city and are compared with the whole city's need."},
    "rap_indikatorer": {"nb": "Indikatorer", "en": "Indicators"},
    "rap_snitt_diagram": {"nb": "Livskvalitet: snitt per bydel (mål over 4,5)",
                          "en": "Quality of life: mean per district (target over 4.5)"},
    "rap_andel_diagram": {"nb": "Livskvalitet: andel som svarer 1 (mål under 10 %)",
                          "en": "Quality of life: share answering 1 (target under 10 %)"},
    "rap_trender": {"nb": "Utvikling over tid", "en": "Trends"},
    "rap_trender_tekst": {
        "nb": "Personer per gruppe blant dem som ble kartlagt i hvert kvartal (hver persons siste kartlegging i kvartalet), "
              "og per år og bydel.",
        "en": "Persons per group among those assessed in each quarter (each person's latest assessment in the quarter), "
              "and per year and district.",
    },
    "rap_ingen_datoer": {"nb": "Ingen kartlegginger med dato.", "en": "No dated assessments."},
    "rap_trend_kvartal": {"nb": "Kartlagte personer per gruppe og kvartal", "en": "Assessed persons per group and quarter"},
    "rap_trend_ark": {"nb": "Trend kvartal", "en": "Trend quarter"},
    "rap_trend_aar": {"nb": "Kartlagte personer per gruppe, år og bydel", "en": "Assessed persons per group, year and district"},
    "rap_trend_aar_ark": {"nb": "Trend år", "en": "Trend year"},
    "rap_trend_diagram": {"nb": "Kartlagte personer per gruppe og kvartal", "en": "Assessed persons per group and quarter"},
    "rap_likeverd": {"nb": "Likeverd: gruppe etter kjønn og alder", "en": "Equity: group by sex and age"},
    "rap_likeverd_tekst": {
        "nb": "Fordelingen på gruppene etter kjønn og aldersgruppe i hver bydel (hver persons siste kartlegging). "
              "Store forskjeller mellom bydeler kan vise ulik praksis.",
        "en": "The distribution over the groups by sex and age band in each district (each person's latest assessment). "
              "Large differences between districts may show differing practice.",
    },
    "rap_kjonn": {"nb": "Gruppe etter bydel og kjønn", "en": "Group by district and sex"},
    "rap_kjonn_ark": {"nb": "Kjønn", "en": "Sex"},
    "rap_kjonn_diagram": {"nb": "Personer per gruppe etter kjønn", "en": "Persons per group by sex"},
    "rap_alder": {"nb": "Gruppe etter bydel og aldersgruppe", "en": "Group by district and age band"},
    "rap_alder_ark": {"nb": "Alder", "en": "Age"},
    "rap_overstyring": {"nb": "Overstyringer av matrisen", "en": "Overrides of the matrix"},
    "rap_overstyring_tekst": {
        "nb": "Hvor ofte saksbehandlerne velger en annen gruppe enn tabellen foreslår, per regel som avgjorde forslaget og "
              "per bydel, med de vanligste begrunnelsene. Dette er grunnlaget for å revidere matrisen. En begrunnelse vises "
              "bare når minst {minst} beslutninger har den ordrett.",
        "en": "How often caseworkers choose another group than the table suggests, per rule that decided the suggestion and "
              "per district, with the most common reasons: the basis for revising the matrix. A reason is shown only when "
              "at least {minst} decisions give it word for word.",
    },
    "rap_ingen_beslutninger": {"nb": "Ingen registrerte beslutninger (bare saksregisteret har dem).",
                               "en": "No recorded decisions (only the case store has them)."},
    "rap_per_regel": {"nb": "Overstyringer per regel", "en": "Overrides per rule"},
    "rap_per_bydel": {"nb": "Overstyringer per bydel", "en": "Overrides per district"},
    "rap_regel_ark": {"nb": "Overstyring regel", "en": "Overrides rule"},
    "rap_overstyring_ark": {"nb": "Overstyring bydel", "en": "Overrides district"},
    "rap_overstyring_diagram": {"nb": "Andel overstyrt per regel", "en": "Share overridden per rule"},
    "rap_regel": {"nb": "regel", "en": "rule"},
    "rap_besluttet": {"nb": "beslutninger", "en": "decisions"},
    "rap_overstyrt": {"nb": "overstyrt", "en": "overridden"},
    "rap_andel_overstyrt": {"nb": "andel overstyrt (%)", "en": "share overridden (%)"},
    "rap_grunner": {"nb": "vanligste begrunnelser", "en": "most common reasons"},
    "rap_andre_grunner": {"nb": "{antall} andre begrunnelser", "en": "{antall} other reasons"},
    "rap_prikket": {
        "nb": "<5 = 1–4. x = skjult for at et tall under 5 ikke skal kunne regnes ut fra andre tall i rapporten. Alle tallene "
              "i rapporten er prikket sammen: de samme summene (per bydel, per gruppe) er skjult eller vist likt i alle tabeller.",
        "en": "<5 = 1–4. x = hidden so that a count under 5 cannot be worked out from other figures in the report. All the "
              "report's figures are suppressed together: the same totals (per district, per group) are hidden or shown alike "
              "in every table.",
    },
    "rap_publisering": {"nb": "Publisering", "en": "Publication"},
    "rap_indikatorer_publisert": {
        "nb": "Andeler og snitt regnes bare ut av publiserte tall: en andel vises når telleren og nevneren begge vises, snittet "
              "når alle sju svartallene vises (ellers x). Aldersgruppe er alderen i tilbudsdatoens år i alle tabeller.",
        "en": "Shares and means are worked out from published counts only: a share is shown when its numerator and denominator "
              "both are, the mean when all seven answer counts are (else x). Age band is the age in the supply date's year in "
              "every table.",
    },
    "rap_overstyring_publisert": {
        "nb": "Hvor ofte saksbehandlerne velger en annen gruppe enn tabellen foreslår, per regel og per bydel. Begrunnelsene er "
              "fritekst og kan beskrive en person: en publisert rapport viser dem ikke (se den interne rapporten).",
        "en": "How often caseworkers choose another group than the table suggests, per rule and per district. The reasons are "
              "free text and may describe a person: a published report does not show them (see the internal report).",
    },
    "rap_livskvalitet": {"nb": "Svar på livskvalitet (1–7) per bydel", "en": "Quality-of-life answers (1–7) per district"},
    "rap_livskvalitet_ark": {"nb": "Livskvalitet svar", "en": "Quality of life answers"},
    "rap_filtype": {"nb": "{fil}: rapporten skrives som .html eller .xlsx", "en": "{fil}: the report is written as .html or .xlsx"},
    "rap_ukjent_bydel": {"nb": "«{verdi}» er ikke en kjent bydel", "en": "'{verdi}' is not a known district"},
    "rap_oversikt_ark": {"nb": "Rapport", "en": "Report"},
    "rap_data_ark": {"nb": "Diagramdata", "en": "Chart data"},
    # The explanation sheet of a tally workbook: what each column means
    "forklaring_bydel": {"nb": "Bydelen personen hører til (bydelens fulle navn)", "en": "The person's district (canonical name)"},
    "forklaring_gruppe": {"nb": "Gruppe 1–7 i matrisen (beslutning om den finnes, ellers forslaget)",
        "en": "Group 1–7 of the matrix (the decision if any, else the suggestion)"},
    "forklaring_boligtype": {"nb": "Boligtypen gruppen trenger", "en": "The housing type the group needs"},
    "forklaring_boligstandard": {"nb": "Boligstandarden gruppen trenger", "en": "The housing standard the group needs"},
    "forklaring_ansvar": {"nb": "Hvem som har bosettingsansvaret: bydel eller vel (Velferdsetaten)",
        "en": "Who is responsible for settling: bydel (district) or vel (Velferdsetaten)"},
    "forklaring_dekning": {"nb": "dekket: bor på nivået gruppen trenger; udekket: ingen varig bolig eller lavere nivå; "
        "overdekket: høyere nivå enn nødvendig; ukjent: boligsituasjon ukjent",
        "en": "dekket: housed at the group's level; udekket: no permanent home or a lower level; "
        "overdekket: a higher level than needed; ukjent: housing unknown"},
    "forklaring_kjonn": {"nb": "Kjønn slik det står i kartleggingen", "en": "Sex as recorded in the assessment"},
    "forklaring_aldersgruppe": {"nb": "Alder i telleåret (fra fødselsår)", "en": "Age in the tally's year (from birth year)"},
    "forklaring_antall": {"nb": "Antall personer", "en": "Number of persons"},
    "forklaring_behov_personer": {"nb": "Personer i gruppene tilbudet sammenlignes med",
                                  "en": "Persons in the groups the supply is compared with"},
    "forklaring_behov_udekket": {"nb": "Av dem: uten varig bolig på gruppens nivå (dekning = udekket)",
        "en": "Of them: without a permanent home at their group's level (dekning = udekket)"},
    "forklaring_behov_tilbud": {"nb": "Boliger eller plasser per tilbudsdatoen (matrisefilens daterte tall)",
        "en": "Homes or places as of the supply date (the matrix file's dated figures)"},
    "forklaring_behov_mangel": {"nb": "Behov minus tilbud når behovet er størst, ellers 0; totalen er summen av radenes mangel",
        "en": "Need minus supply when need is larger, else 0; the total is the sum of the rows' shortfalls"},
    "forklaring_behov_overskudd": {"nb": "Tilbud minus behov når tilbudet er størst, ellers 0; trekkes aldri fra mangel",
        "en": "Supply minus need when supply is larger, else 0; never subtracted from a shortfall"},
}
