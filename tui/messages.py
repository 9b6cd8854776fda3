"""The terminal UI's texts (Norwegian bokmål and English): the TUI's part of the one catalog.

No Textual here, so that the catalog can be assembled in a headless command too.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Bindings (footer and command palette)
    "b_quit": {"nb": "Avslutt", "en": "Quit"},
    "b_quit_help": {
        "nb": "Avslutt rusmatrise (spør først om noe ikke er lagret)",
        "en": "Quit rusmatrise (asks first if anything is unsaved)",
    },
    "b_theme": {"nb": "Lyst eller mørkt tema", "en": "Light or dark theme"},
    "b_theme_help": {"nb": "Bytt mellom lyse og mørke farger", "en": "Switch between light and dark colours"},
    "b_palette": {"nb": "Kommandoer", "en": "Commands"},
    "b_dismiss_menu": {"nb": "Lukk listen", "en": "Close the list"},
    "b_close_palette": {"nb": "Lukk kommandolisten", "en": "Close the command list"},
    "b_next_command": {"nb": "Neste kommando", "en": "Next command"},
    "b_previous_command": {"nb": "Forrige kommando", "en": "Previous command"},
    "b_next_page": {"nb": "Neste side", "en": "Next page"},
    "b_previous_page": {"nb": "Forrige side", "en": "Previous page"},
    "b_top": {"nb": "Til toppen", "en": "Go to top"},
    "b_bottom": {"nb": "Til bunnen", "en": "Go to bottom"},
    "palette_search": {"nb": "Søk etter kommandoer …", "en": "Search for commands …"},
    "b_help": {"nb": "Hjelp", "en": "Help"},
    "b_new": {"nb": "Ny kartlegging", "en": "New assessment"},
    "b_open": {"nb": "Åpne", "en": "Open"},
    "b_history": {"nb": "Historikk", "en": "History"},
    "b_print": {"nb": "Utskrift", "en": "Print"},
    "u_filnavn": {"nb": "utskrift", "en": "case-document"},
    "b_matrix": {"nb": "Matrisen", "en": "Matrix"},
    "b_chain": {"nb": "Tiltakskjeden", "en": "Service chain"},
    "b_tallies": {"nb": "Opptelling", "en": "Tallies"},
    "b_import": {"nb": "Les inn fil", "en": "Import file"},
    "b_search": {"nb": "Søk", "en": "Search"},
    "b_save": {"nb": "Lagre", "en": "Save"},
    "b_save_draft": {"nb": "Lagre utkast", "en": "Save draft"},
    "b_sort_oldest": {"nb": "Eldste først", "en": "Oldest first"},
    "b_back": {"nb": "Tilbake", "en": "Back"},
    "b_close": {"nb": "Lukk", "en": "Close"},
    "b_export": {"nb": "Eksporter", "en": "Export"},
    "b_cancel": {"nb": "Avbryt", "en": "Cancel"},
    "b_start": {"nb": "Start", "en": "Start"},
    "b_cancel_back": {"nb": "Avbryt / tilbake", "en": "Cancel / back"},
    "b_clear": {"nb": "Nullstill filter", "en": "Clear filters"},
    "b_view": {"nb": "Neste visning", "en": "Next view"},
    "b_reassess": {"nb": "Ny kartlegging for personen", "en": "New assessment for the person"},
    # Screen titles
    "s_caseload": {"nb": "Saksliste", "en": "Caseload"},
    "s_assessment": {"nb": "Kartlegging", "en": "Assessment"},
    "s_history": {"nb": "Historikk for {person}", "en": "History of {person}"},
    "s_matrix": {"nb": "Matrise for rusfeltet", "en": "The matrix (Matrise for rusfeltet)"},
    "s_chain": {"nb": "Helhetlig tiltakskjede", "en": "Service chain (Helhetlig tiltakskjede)"},
    "s_tallies": {"nb": "Opptelling av behov", "en": "Tallies of need"},
    "s_import": {"nb": "Les inn eksportfil", "en": "Import an export file"},
    "s_help": {"nb": "Hjelp", "en": "Help"},
    # Caseload
    "c_person": {"nb": "Person", "en": "Person"},
    "c_bydel": {"nb": "Bydel", "en": "District"},
    "c_gruppe": {"nb": "Gruppe", "en": "Group"},
    "c_dekning": {"nb": "Dekning", "en": "Coverage"},
    "c_dato": {"nb": "Vurdert", "en": "Assessed"},
    "c_status": {"nb": "Merknad", "en": "Flag"},
    "c_decided": {"nb": "besluttet", "en": "decided"},
    "c_suggested": {"nb": "forslag", "en": "suggested"},
    "c_decided_by": {"nb": "Besluttet av", "en": "Decided by"},
    # what the matrix's reassessment notes say (N-gammel: over its `over` days), not a number of its own
    "c_outdated": {"nb": "ny kartlegging", "en": "reassessment due"},
    "c_draft": {"nb": "utkast", "en": "draft"},
    "c_no_group": {"nb": "– (bare utkast)", "en": "– (draft only)"},
    # short: the filter's box is as wide as the others, and a longer label wraps into two lines
    "c_due_only": {"nb": "Til ny kartlegging", "en": "Reassessment due"},
    "c_all_dates": {"nb": "Alle kartlegginger", "en": "All assessments"},
    "c_sorted_oldest": {"nb": "eldste kartlegging først", "en": "oldest assessment first"},
    "c_sorted_person": {"nb": "sortert etter person", "en": "sorted by person"},
    "c_export_stem": {"nb": "saksliste", "en": "caseload"},
    "c_export_to": {
        "nb": "Skriv sakslisten slik den er filtrert nå til (.csv eller .xlsx):",
        "en": "Write the caseload list as filtered now to (.csv or .xlsx):",
    },
    "c_exported": {"nb": "Skrev {antall} personer til {fil}", "en": "Wrote {antall} persons to {fil}"},
    "c_exported_1": {"nb": "Skrev {antall} person til {fil}", "en": "Wrote {antall} person to {fil}"},
    "c_all_districts": {"nb": "Alle bydeler", "en": "All districts"},
    "c_all_groups": {"nb": "Alle grupper", "en": "All groups"},
    "c_all_coverage": {"nb": "Alle dekningsstatuser", "en": "All coverage"},
    "c_group_n": {"nb": "Gruppe {n}", "en": "Group {n}"},
    "c_search": {"nb": "Søk etter person-id …", "en": "Search person id …"},
    "c_showing": {"nb": "Viser {fra}–{til} av {antall} personer", "en": "Showing {fra}–{til} of {antall} persons"},
    "c_showing_1": {"nb": "Viser {fra}–{til} av {antall} person", "en": "Showing {fra}–{til} of {antall} person"},
    "c_none": {"nb": "Ingen personer passer filteret", "en": "No persons match the filter"},
    "c_empty": {
        "nb": "Sakslisten er tom. Trykk n for en ny kartlegging eller i for å lese inn en fil.",
        "en": "The caseload is empty. Press n for a new assessment or i to import a file.",
    },
    "c_store": {"nb": "Saksregister: {sted}", "en": "Case store: {sted}"},
    "c_select_first": {"nb": "Velg en person i listen først", "en": "Select a person in the list first"},
    "dekning_dekket": {"nb": "dekket", "en": "covered"},
    "dekning_udekket": {"nb": "udekket", "en": "not covered"},
    "dekning_overdekket": {"nb": "overdekket", "en": "over-covered"},
    "dekning_ukjent": {"nb": "ukjent", "en": "unknown"},
    # Assessment form
    "f_person_id": {"nb": "Person-id", "en": "Person id"},
    "f_person_id_help": {
        "nb": "Saksnummer eller fødselsnummer (11 siffer, kontrolleres)",
        "en": "Case number or national id (11 digits, checked)",
    },
    "f_bydel": {"nb": "Bydel", "en": "District"},
    "f_vurdert_dato": {"nb": "Vurderingsdato", "en": "Assessment date"},
    "f_vurdert_dato_help": {"nb": "DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD", "en": "DD.MM.YYYY or YYYY-MM-DD"},
    "f_section_person": {"nb": "Person", "en": "Person"},
    "f_section_domains": {"nb": "Funksjon (1 = ingen vansker … 5 = svært store vansker)", "en": "Functioning (1 = none … 5 = very major)"},
    "f_section_needs": {"nb": "Behov og risiko", "en": "Needs and risk"},
    "f_section_housing": {"nb": "Bolig", "en": "Housing"},
    "f_section_optional": {"nb": "Valgfritt", "en": "Optional"},
    "f_tilsynsbehov": {
        "nb": "Tilsynsbehov: oppfølging eller bemanning personen trenger",
        "en": "Supervision: follow-up or staffing needed",
    },
    "tilsyn_ingen": {"nb": "ingen: trenger ikke fast oppfølging", "en": "none: no regular follow-up"},
    "tilsyn_ukentlig": {"nb": "ukentlig: besøk hver uke", "en": "weekly: visits every week"},
    "tilsyn_daglig": {"nb": "daglig: besøk hver dag", "en": "daily: visits every day"},
    "tilsyn_dagtid": {"nb": "dagtid: personale til stede på dagtid", "en": "daytime: staff present in the daytime"},
    "tilsyn_heldogn": {"nb": "heldøgn: personale til stede hele døgnet", "en": "24 h: staff present around the clock"},
    "f_behandlingsbehov": {"nb": "Trenger behandling integrert i boligen", "en": "Needs treatment integrated in the housing"},
    "f_vold_trusler": {"nb": "Vold eller trusler siste 12 måneder", "en": "Violence or threats in the last 12 months"},
    "f_brannrisiko": {"nb": "Brannrisiko", "en": "Fire risk"},
    "f_avlastningsbehov": {"nb": "Trenger avlastningsopphold", "en": "Needs a respite stay"},
    "f_varighet": {"nb": "Varighet av problemene", "en": "Duration of the problems"},
    "varighet_kortvarig": {"nb": "kortvarige", "en": "short-term"},
    "varighet_langvarig": {"nb": "langvarige", "en": "long-term"},
    "f_boligsituasjon": {"nb": "Nåværende boligsituasjon", "en": "Current housing situation"},
    "f_institusjonsinntak_12m": {"nb": "Innleggelser i rusinstitusjon siste 12 mnd", "en": "Admissions to institutions, last 12 months"},
    "f_livskvalitet": {
        "nb": "Hvor fornøyd er du med livet ditt, samlet sett? (1 «Veldig misfornøyd» … 7 «Veldig fornøyd», "
              "eller «Ønsker ikke å svare»; tomt: ikke spurt)",
        "en": "How satisfied are you with your life, all in all? (1 «Veldig misfornøyd», very dissatisfied … 7 «Veldig fornøyd», "
              "very satisfied, or «Ønsker ikke å svare», prefers not to answer; blank: not asked)",
    },
    "f_kjonn": {"nb": "Kjønn", "en": "Sex"},
    "f_fodselsar": {"nb": "Fødselsår", "en": "Birth year"},
    "f_tidligere_gruppe": {"nb": "Tidligere gruppe", "en": "Previous group"},
    "f_brukers_onske": {"nb": "Personens egne ønsker (brukermedvirkning)", "en": "The person's own wishes"},
    "n_tilsynsbehov": {"nb": "Tilsynsbehov", "en": "Supervision"},
    "n_behandlingsbehov": {"nb": "Behandlingsbehov", "en": "Treatment need"},
    "n_vold_trusler": {"nb": "Vold/trusler", "en": "Violence/threats"},
    "n_brannrisiko": {"nb": "Brannrisiko", "en": "Fire risk"},
    "n_varighet": {"nb": "Varighet", "en": "Duration"},
    "n_avlastningsbehov": {"nb": "Avlastningsbehov", "en": "Respite need"},
    "n_boligsituasjon": {"nb": "Boligsituasjon", "en": "Housing situation"},
    "n_institusjonsinntak_12m": {"nb": "Institusjonsinntak", "en": "Admissions"},
    "n_livskvalitet": {"nb": "Livskvalitet", "en": "Quality of life"},
    "livskvalitet_1": {"nb": "1 Veldig misfornøyd", "en": "1 Very dissatisfied"},
    "livskvalitet_7": {"nb": "7 Veldig fornøyd", "en": "7 Very satisfied"},
    "livskvalitet_avslag": {"nb": "Ønsker ikke å svare", "en": "Prefers not to answer"},
    "n_brukers_onske": {"nb": "Egne ønsker", "en": "Own wishes"},
    "f_no_changes": {"nb": "ingen endringer", "en": "no changes"},
    "f_choose": {"nb": "Velg …", "en": "Choose …"},
    "f_none_chosen": {"nb": "ikke valgt", "en": "not chosen"},
    "f_chosen": {"nb": "valgt: {verdi}", "en": "chosen: {verdi}"},
    "f_keys_hint": {
        "nb": "Tab: neste felt · tall/j/n eller piltaster + mellomrom: velg",
        "en": "Tab: next field · digits/y/n or arrows + space: choose",
    },
    "f_existing": {
        "nb": "Siste kartlegging fra {dato}. Endringer lagres som en ny kartlegging; den gamle beholdes.",
        "en": "Latest assessment of {dato}. Changes are saved as a new assessment; the old one is kept.",
    },
    "f_unsaved": {"nb": "ulagrede endringer", "en": "unsaved changes"},
    "f_draft": {
        "nb": "Utkast lagret {tid} av {hvem}: ikke besluttet og ikke talt med før det lagres med Ctrl+S",
        "en": "Draft saved {tid} by {hvem}: not decided and not counted until saved with Ctrl+S",
    },
    "f_saved_state": {"nb": "lagret", "en": "saved"},
    # Live panel
    "p_title": {"nb": "Forslag", "en": "Suggestion"},
    "p_decided_title": {"nb": "Besluttet gruppe", "en": "Decided group"},
    "p_decided_by": {"nb": "Besluttet av {hvem} {dato}", "en": "Decided by {hvem} on {dato}"},
    "p_decided_override": {
        "nb": "Avviker fra forslaget: gruppe {gruppe} ({navn})",
        "en": "Differs from the suggestion: group {gruppe} ({navn})",
    },
    "p_decided_reason": {"nb": "Begrunnelse: {grunn}", "en": "Reason: {grunn}"},
    "p_decided_accepted": {"nb": "Forslaget ble godtatt.", "en": "The suggestion was accepted."},
    "p_group": {"nb": "Gruppe {gruppe}: {navn}", "en": "Group {gruppe}: {navn}"},
    "p_rule": {"nb": "Avgjort av regel {regel}: {tekst}", "en": "Decided by rule {regel}: {tekst}"},
    "p_held": {"nb": "Oppfylt", "en": "Conditions that held"},
    "p_also": {"nb": "Senere regler som også passet: {liste}", "en": "Later rules that also matched: {liste}"},
    "p_warnings": {"nb": "Advarsler", "en": "Warnings"},
    "p_notes": {"nb": "Merknader", "en": "Notes"},
    "p_housing": {"nb": "Bolig og oppfølging", "en": "Housing and follow-up"},
    "p_boligtype": {"nb": "Boligtype", "en": "Housing type"},
    "p_boligstandard": {"nb": "Standard", "en": "Standard"},
    "p_bemanning": {"nb": "Bemanning", "en": "Staffing"},
    "p_beliggenhet": {"nb": "Beliggenhet", "en": "Location"},
    "p_ansvarlig": {"nb": "Bosetter", "en": "Settles"},
    "p_boligtilbyder": {"nb": "Gir boligen", "en": "Provides the home"},
    "p_dekning": {"nb": "Dekning", "en": "Coverage"},
    "p_services": {"nb": "Tjenester i tiltakskjeden ({varighet})", "en": "Services in the chain ({varighet})"},
    "p_missing": {"nb": "Ikke nok informasjon til å foreslå gruppe.", "en": "Not enough information to suggest a group."},
    "p_missing_list": {"nb": "Mangler: {liste}", "en": "Missing: {liste}"},
    "p_invalid": {"nb": "Må rettes", "en": "Needs correcting"},
    "p_no_group": {"nb": "ingen gruppe ennå", "en": "no group yet"},
    "p_gap": {"nb": "Beslutningstabellen har et hull for disse svarene: {tekst}", "en": "The decision table has a gap here: {tekst}"},
    # Save dialog
    "d_save_title": {"nb": "Lagre kartlegging og beslutning", "en": "Save assessment and decision"},
    "d_suggested": {"nb": "Foreslått: gruppe {gruppe} ({navn}), regel {regel}", "en": "Suggested: group {gruppe} ({navn}), rule {regel}"},
    "d_final": {"nb": "Endelig gruppe (tast 1–{max})", "en": "Final group (press 1–{max})"},
    "d_accept": {"nb": "{n}: {navn} — foreslått", "en": "{n}: {navn} — suggested"},
    "d_reason": {"nb": "Begrunnelse (påkrevd når gruppen avviker fra forslaget)", "en": "Reason (required when the group differs)"},
    "d_caseworker": {"nb": "Saksbehandler", "en": "Caseworker"},
    "d_save": {"nb": "Lagre", "en": "Save"},
    "d_cancel": {"nb": "Avbryt", "en": "Cancel"},
    "d_saved": {"nb": "Lagret: {person}, gruppe {gruppe}", "en": "Saved: {person}, group {gruppe}"},
    "d_draft_saved": {
        "nb": "Utkast lagret for {person}; det telles ikke før kartleggingen fullføres",
        "en": "Draft saved for {person}; it is not counted until the assessment is completed",
    },
    "d_draft_needs": {
        "nb": "Et utkast trenger gyldig person-id og bydel",
        "en": "A draft needs a valid person id and district",
    },
    "d_cannot_save": {"nb": "Kan ikke lagre ennå: {grunn}", "en": "Cannot save yet: {grunn}"},
    "d_decision_only": {
        "nb": "Kartleggingen er uendret: bare beslutningen lagres, på kartleggingen fra {dato}.",
        "en": "The assessment is unchanged: only the decision is saved, on the assessment of {dato}.",
    },
    # Confirm dialog
    "q_unsaved": {"nb": "Du har ulagrede endringer i kartleggingen.", "en": "You have unsaved changes in the assessment."},
    "q_leave": {"nb": "Forkast endringene", "en": "Discard the changes"},
    "q_stay": {"nb": "Fortsett å redigere", "en": "Keep editing"},
    "q_quit": {"nb": "Avslutt uten å lagre", "en": "Quit without saving"},
    # History
    "h_assessment": {"nb": "Kartlegging {dato}", "en": "Assessment of {dato}"},
    "h_recorded": {"nb": "registrert {tid} av {hvem}", "en": "recorded {tid} by {hvem}"},
    "h_imported": {"nb": "lest inn fra fil", "en": "imported from a file"},
    "h_suggested": {
        "nb": "Forslag: gruppe {gruppe} (regel {regel}), matrise {versjon}",
        "en": "Suggested: group {gruppe} (rule {regel}), matrix {versjon}",
    },
    "h_decision": {"nb": "Beslutning {tid}: gruppe {gruppe} av {hvem}", "en": "Decision {tid}: group {gruppe} by {hvem}"},
    "h_accepted": {"nb": "forslaget godtatt", "en": "suggestion accepted"},
    "h_override": {"nb": "avvik fra forslag {fra}; begrunnelse: {grunn}", "en": "differs from suggestion {fra}; reason: {grunn}"},
    "h_no_decision": {"nb": "Ingen beslutning registrert", "en": "No decision recorded"},
    "h_drafts": {"nb": "Utkast (telles ikke)", "en": "Drafts (not counted)"},
    "h_draft_open": {
        "nb": "Utkast lagret {tid} av {hvem}: venter på å bli fullført",
        "en": "Draft saved {tid} by {hvem}: waiting to be completed",
    },
    "h_draft_saved": {
        "nb": "Utkast lagret {tid} av {hvem}",
        "en": "Draft saved {tid} by {hvem}",
    },
    "h_draft_completed": {
        "nb": "Utkastet fullført som kartlegging {tid} av {hvem}",
        "en": "Draft completed as an assessment {tid} by {hvem}",
    },
    "h_changes": {"nb": "Endret siden forrige: {liste}", "en": "Changed since the previous one: {liste}"},
    "h_no_changes": {"nb": "Ingen endringer i svarene siden forrige", "en": "No answers changed since the previous one"},
    "h_group_change": {"nb": "gruppe {fra} → {til}", "en": "group {fra} → {til}"},
    "h_wishes": {"nb": "Ønsker: {tekst}", "en": "Wishes: {tekst}"},
    # Matrix and chain
    "m_legend": {"nb": "* = antatt (ikke fra kildedokumentene)", "en": "* = assumed (not from the source documents)"},
    "m_navn": {"nb": "Navn", "en": "Name"},
    "m_rules": {"nb": "Beslutningstabell (første regel som passer, vinner)", "en": "Decision table (the first rule that matches wins)"},
    "m_version": {"nb": "{navn}, versjon {versjon}", "en": "{navn}, version {versjon}"},
    "k_filter": {"nb": "Alle grupper", "en": "All groups"},
    "k_lagt_til": {"nb": "(gruppe {grupper} lagt til *, antatt)", "en": "(group {grupper} added *, assumed)"},
    "k_tier": {
        "nb": "Nivå {id}: {beskrivelse} (grupper {grupper}; {varighet})",
        "en": "Tier {id}: {beskrivelse} (groups {grupper}; {varighet})",
    },
    "k_varighet_alle": {"nb": "alle", "en": "all"},
    "k_respite": {
        "nb": "Avlastning (alle grupper ved behov): {tjeneste} — {tilbyder}",
        "en": "Respite (any group, when needed): {tjeneste} — {tilbyder}",
    },
    # Help
    "help_common": {
        "nb": "Tastene står nederst. Ctrl+P åpner kommandopaletten med alle kommandoer. "
        "Escape lukker dialoger, q avslutter (du blir spurt om ulagrede endringer).",
        "en": "The keys are listed at the bottom. Ctrl+P opens the command palette with every command. "
        "Escape closes dialogs, q quits (you are asked about unsaved changes).",
    },
    "help_matrix": {
        "nb": "Matrisen deler personer med samtidige rus- og psykiske lidelser inn i sju grupper etter funksjonsnivå og "
        "behov for bolig, bemanning og beliggenhet. Gruppe 1–3 bor i ordinær bolig med økende oppfølging, 4–5 i "
        "samlokalisert bolig med personalbase, 6 i ekstra forsterket skjermet bolig og 7 i forsterket bo- og "
        "behandlingstilbud. Bydelen har bosettingsansvar for gruppe 1–5 og Velferdsetaten for gruppe 6–7. Velferdsetaten gir også "
        "avlastningsopphold til alle grupper. "
        "Beslutningstabellen prøves ovenfra: første regel som passer, bestemmer gruppen. Verktøyet foreslår; "
        "saksbehandleren bestemmer, og et avvik krever begrunnelse.",
        "en": "The matrix divides people with co-occurring substance-use and mental-health problems into seven groups by "
        "functioning and need for housing, staffing and location. Groups 1–3 live in ordinary housing with rising "
        "follow-up, 4–5 in co-located housing with a staff base, 6 in extra-reinforced shielded housing and 7 in "
        "reinforced housing with treatment. The district settles groups 1–5 and Velferdsetaten groups 6–7. "
        "Velferdsetaten also offers respite stays to every group. The decision table is read from the top: the first "
        "rule that matches decides the group. The tool suggests; the caseworker decides, and a different group needs "
        "a reason.",
    },
    "help_caseload": {
        "nb": "Sakslisten viser hver person med siste kartlegging: bydel, gruppe (besluttet eller forslag), dekning og "
        "dato. «ny kartlegging» betyr at matrisen ber om ny kartlegging (for eksempel at den siste er "
        "over ett år gammel), «utkast» at en ufullstendig kartlegging "
        "venter. Filtrer med feltene øverst (også bare dem som er forfalt til ny kartlegging), o sorterer eldste "
        "kartlegging først, søk med /, e skriver listen slik den vises til en fil. Enter åpner siste kartlegging "
        "(eller utkastet), h viser historikken, n starter en ny kartlegging. Listen lastes etter hvert som du blar.",
        "en": "The caseload shows each person's latest assessment: district, group (decided or suggested), coverage and "
        "date. 'reassessment due' means the matrix asks for a new assessment (for example, the latest is "
        "over a year old), 'draft' that an incomplete assessment "
        "is waiting. Filter with the fields at the top (also only those due for reassessment), o sorts the oldest "
        "assessment first, search with /, e writes the list as shown to a file. Enter opens the latest assessment "
        "(or the draft), h shows the history, n starts a new assessment. The list loads as you scroll.",
    },
    "help_assessment": {
        "nb": "Fyll ut skjemaet til venstre; panelet til høyre viser forslaget mens du skriver: gruppen, regelen som "
        "avgjorde og betingelsene som holdt, advarsler og merknader, bolig (* = antatt verdi) og tjenestene i "
        "tiltakskjeden. Mangler det svar, står det hvilke. Ctrl+S lagrer: godta forslaget eller velg en annen gruppe "
        "med begrunnelse. En lagret kartlegging endres aldri; nye svar blir en ny kartlegging. Ctrl+L lagrer et utkast "
        "når svarene ikke er komplette (person-id og bydel holder): det telles ikke, og neste gang personen åpnes, "
        "fortsetter du der du slapp.",
        "en": "Fill in the form on the left; the panel on the right shows the suggestion as you type: the group, the "
        "deciding rule and the conditions that held, warnings and notes, housing (* = assumed value) and the services "
        "in the chain. If answers are missing it says which. Ctrl+S saves: accept the suggestion or choose another "
        "group with a reason. A saved assessment never changes; new answers become a new assessment. Ctrl+L saves a draft "
        "when the answers are incomplete (a person id and district are enough): it is not counted, and the next time "
        "the person is opened you continue where you left off.",
    },
    "help_history": {
        "nb": "Alle kartlegginger og beslutninger for personen, eldst først, og hva som endret seg mellom dem.",
        "en": "Every assessment and decision of the person, oldest first, and what changed between them.",
    },
    "help_tallies": {
        "nb": "Antall personer per bydel og gruppe (siste kartlegging; besluttet gruppe der den finnes), dekning, og behov "
        "mot tilbud per tilbudsdatoen: mangel per bydel, summert uten å trekke fra overskudd. v bytter visning, d "
        "velger tilbudsdato, e eksporterer tabellene til CSV eller XLSX, r skriver rapporten (HTML eller XLSX med "
        "diagrammer), p skriver den for publisering: alle tall prikket sammen (<5, x), ingen fritekstbegrunnelser.",
        "en": "Persons per district and group (latest assessment; the decided group where there is one), coverage, and need "
        "against supply as of the supply date: shortfall per district, summed without subtracting surpluses. v switches"
        " view, d picks the supply date, e exports the tables to CSV or XLSX, r writes the report (HTML or XLSX with "
        "charts), p writes it for publication: every count suppressed together (<5, x), no free-text reasons.",
    },
    "help_import": {
        "nb": "Les inn en eksportfil (.csv, .xlsx, .jsonl) fra fagsystemet, klassifisert eller ikke. Hver gyldig rad "
        "lagres som en ny kartlegging; rader som allerede finnes, hoppes over; feil vises med rad, felt og grunn.",
        "en": "Import an export file (.csv, .xlsx, .jsonl) from the case system, classified or not. Each valid row is "
        "saved as a new assessment; rows already present are skipped; errors are listed with row, field and reason.",
    },
    "help_reference": {
        "nb": "Oppslag: matrisens grupper med egenskaper (* = antatt) og tiltakskjedens nivåer og tjenester.",
        "en": "Reference: the matrix groups and their attributes (* = assumed) and the service chain's tiers and services.",
    },
    # Tallies
    "t_running": {"nb": "Teller …", "en": "Counting …"},
    "t_view_table": {"nb": "Bydel × gruppe", "en": "District × group"},
    "t_view_coverage": {"nb": "Dekning", "en": "Coverage"},
    "t_view_unmet": {"nb": "Udekket behov, gruppe 4–7", "en": "Unmet need, groups 4–7"},
    "t_view_chart": {"nb": "Stolpediagram per gruppe", "en": "Bar chart by group"},
    "t_export_to": {"nb": "Eksporter til fil (.csv eller .xlsx)", "en": "Export to file (.csv or .xlsx)"},
    "t_exported": {"nb": "Skrev {fil}", "en": "Wrote {fil}"},
    "t_export_failed": {"nb": "Kunne ikke skrive {fil}: {grunn}", "en": "Could not write {fil}: {grunn}"},
    "t_bad_suffix": {"nb": "Filnavnet må slutte på .csv eller .xlsx", "en": "The file name must end in .csv or .xlsx"},
    "t_total": {"nb": "Sum", "en": "Total"},
    "t_publish": {"nb": "Til publisering?", "en": "For publication?"},
    "t_publish_no": {"nb": "nei: alle tall som de er", "en": "no: every count as it is"},
    "t_publish_yes": {"nb": "ja: tall 1–4 vises som <5 (prikking)", "en": "yes: counts 1–4 shown as <5 (suppressed)"},
    "t_default_stem": {"nb": "opptelling", "en": "tallies"},
    "t_exists": {"nb": "Filen finnes fra før: {fil}. Velg et annet navn.", "en": "The file already exists: {fil}. Choose another name."},
    "t_chart_groups": {"nb": "Personer per gruppe", "en": "Persons per group"},
    "t_chart_vel": {"nb": "Velferdsetatens plasser mot personer", "en": "Velferdsetaten's places against persons"},
    "t_chart_colocated": {
        "nb": "Samlokaliserte boliger med base mot personer, per bydel",
        "en": "Co-located homes with a staff base against persons, per district",
    },
    "t_chart_persons": {"nb": "personer", "en": "persons"},
    "t_chart_places": {"nb": "plasser", "en": "places"},
    "t_chart_homes": {"nb": "boliger", "en": "homes"},
    "t_persons": {"nb": "{antall} personer", "en": "{antall} persons"},
    "t_persons_1": {"nb": "{antall} person", "en": "{antall} person"},
    # Import
    "i_path": {"nb": "Fil som skal leses inn", "en": "File to import"},
    "i_running": {"nb": "Leser inn … (Escape avbryter)", "en": "Importing … (Escape cancels)"},
    "i_rejects": {"nb": "Avviste felt", "en": "Rejected fields"},
    "i_rad": {"nb": "Rad", "en": "Row"},
    "i_rad_fil": {"nb": "Rad i filen", "en": "Row in the file"},
    "i_placeholder": {
        "nb": "Skriv stien, eller velg filen i listen under (.csv, .xlsx, .jsonl)",
        "en": "Type the path, or choose the file in the list below (.csv, .xlsx, .jsonl)",
    },
    "i_felt": {"nb": "Felt", "en": "Field"},
    "i_feil": {"nb": "Feil", "en": "Error"},
    "i_no_file": {"nb": "Filen finnes ikke: {fil}", "en": "The file does not exist: {fil}"},
    "i_cancelling": {"nb": "Avbryter …", "en": "Cancelling …"},
    # Tallies: supply date and report (planner)
    "b_supply_date": {
        "nb": "Tilbudsdato",
        "en": "Supply date",
    },
    "b_report": {
        "nb": "Rapport",
        "en": "Report",
    },
    "t_supply_date_title": {
        "nb": "Tilbud per dato (ÅÅÅÅ-MM-DD; tomt: siste kartlegging eller i dag)",
        "en": "Supply as of date (YYYY-MM-DD; blank: the latest assessment or today)",
    },
    "t_bad_date": {
        "nb": "Skriv datoen som ÅÅÅÅ-MM-DD",
        "en": "Write the date as YYYY-MM-DD",
    },
    "t_report_to": {
        "nb": "Skriv rapporten til fil (.html eller .xlsx)",
        "en": "Write the report to a file (.html or .xlsx)",
    },
    "t_report_stem": {"nb": "rapport", "en": "report"},
    "b_report_publish": {
        "nb": "Rapport for publisering",
        "en": "Report for publication",
    },
    "t_report_publish_to": {
        "nb": "Skriv rapporten for publisering (alle tall prikket, ingen fritekst) til fil (.html eller .xlsx)",
        "en": "Write the report for publication (every count suppressed, no free text) to a file (.html or .xlsx)",
    },
    "t_report_publish_stem": {"nb": "rapport-publisert", "en": "report-published"},
    "t_default_report": {
        "nb": "rapport.html",
        "en": "report.html",
    },
    "t_bad_report_suffix": {
        "nb": "Filnavnet må slutte på .html eller .xlsx",
        "en": "The file name must end in .html or .xlsx",
    },
    "t_writing_report": {
        "nb": "Skriver rapporten …",
        "en": "Writing the report …",
    },
}

