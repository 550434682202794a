"""Korean news coded in Korean: the native engine on sentences of our own, a Korean and an
English report of one signing fused into one canonical event, and the floor on the Korean
articles of ../shared/eval/multilingual_dev.

The sentences are invented for these tests (no dev article text), in several wordings: other
verbs and endings, other states, negated, planned, agreed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_path

import communique
from communique.coding.dates import DateValue
from communique.coding.native import NativeCoder
from communique.language.native import analyzer_for
from communique.schema import Event

pytest.importorskip("kiwipiepy", reason="the multilingual extra is not installed")

PUBLISHED = DateValue.day(date(2024, 5, 15))


@pytest.fixture(scope="module")
def coder() -> NativeCoder:
    return NativeCoder()


def code(coder: NativeCoder, text: str) -> list[Event]:
    coded = coder.code(text, "ko", PUBLISHED, "a-test", "test.txt")
    assert coded is not None
    return coded.events


def one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.source, e.target, e.rule) for e in events]
    return found[0]


def test_talks_with_a_dated_day(coder: NativeCoder) -> None:
    event = one(code(coder, "한국과 칠레 외교장관은 10일 산티아고에서 회담을 가졌다."), "MEET")
    assert (event.source, event.target, event.status) == ("CHL", "KOR", "occurred")
    assert event.date == "2024-05-10"


def test_a_meeting_in_another_wording(coder: NativeCoder) -> None:
    text = "페루 대통령은 어제 청와대에서 한국 대통령과 정상회담을 열었다."
    event = one(code(coder, text), "MEET")
    assert {event.source, event.target} == {"KOR", "PER"}
    assert event.date == "2024-05-14"


def test_a_planned_visit_to_korea(coder: NativeCoder) -> None:
    event = one(code(coder, "일본 총리가 다음 달 방한할 예정이다."), "VISIT")
    assert (event.source, event.target, event.status) == ("JPN", "KOR", "planned")
    assert event.date == "2024-06"


def test_a_visit_told_as_arrival_of_a_minister(coder: NativeCoder) -> None:
    text = "호주를 공식 방문 중인 인도네시아 국방장관은 13일 캔버라에서 기자회견을 했다."
    event = one(code(coder, text), "VISIT")
    assert (event.source, event.target) == ("IDN", "AUS")


def test_talks_that_did_not_happen(coder: NativeCoder) -> None:
    event = one(code(coder, "베트남은 중국과 국방 회담을 열지 않았다."), "MEET")
    assert event.status == "negated"


def test_a_purchase_makes_the_seller_the_source(coder: NativeCoder) -> None:
    text = "인도네시아는 한국산 전투기를 도입하기로 결정했다."
    event = one(code(coder, text), "ARMS_TRANSFER")
    assert (event.source, event.target, event.status) == ("KOR", "IDN", "agreed")


def test_an_export_delivered(coder: NativeCoder) -> None:
    text = "현대로템은 지난달 노르웨이에 K2 전차를 납품했다."
    event = one(code(coder, text), "ARMS_TRANSFER")
    assert (event.source, event.target, event.status) == ("KOR", "NOR", "occurred")
    assert event.date == "2024-04"
    assert "defense_industry" in event.sectors


def test_sanctions_and_the_criticism_of_them(coder: NativeCoder) -> None:
    events = code(coder, "튀르키예 정부는 미국의 제재를 강하게 비판했다.")
    sanction, accuse = one(events, "SANCTION"), one(events, "ACCUSE")
    assert (sanction.source, sanction.target) == ("USA", "TUR")
    assert (accuse.source, accuse.target) == ("TUR", "USA")


def test_a_joint_exercise_at_a_place_that_is_no_party(coder: NativeCoder) -> None:
    text = "한국 해군과 호주 해군은 지난주 동해에서 연합훈련을 실시했다."
    event = one(code(coder, text), "JOINT_EXERCISE")
    assert {event.source, event.target} == {"AUS", "KOR"}
    assert event.date == "2024-05-06/2024-05-12"


def test_the_two_countries_are_the_articles_pair(coder: NativeCoder) -> None:
    text = (
        "필리핀 대통령이 한국을 국빈 방문했다. 필리핀과 한국은 해양 안보를 논의했다. "
        "양국은 방산 협력을 강화하기로 합의했다."
    )
    event = one(code(coder, text), "PLEDGE_COOPERATION")
    assert {event.source, event.target} == {"KOR", "PHL"}
    assert event.status == "agreed"


def test_people_by_the_office_table_and_before_a_title(coder: NativeCoder) -> None:
    text = "이재명 대통령은 이날 김하늘 외교부 장관과 함께 베트남 총리와 회담했다."
    coded = coder.code(text, "ko", PUBLISHED, "a", "t")
    assert coded is not None
    assert {(p.name, p.country) for p in coded.people} >= {("이재명", "KOR"), ("김하늘", "KOR")}


def test_bought_from_a_state_under_a_contract(coder: NativeCoder) -> None:
    text = "필리핀 국방부는 한국에서 경공격기 12대를 구매하는 계약을 맺었다고 밝혔다."
    events = code(coder, text + " 필리핀은 FA-50 전투기를 도입한다.")
    event = one(events, "ARMS_TRANSFER")
    assert (event.source, event.target, event.status) == ("KOR", "PHL", "agreed")


def test_a_rejection_negates_the_talks_it_refuses(coder: NativeCoder) -> None:
    events = code(coder, "북한은 일본과의 대화를 거절했다.")
    assert one(events, "MEET").status == "negated"
    reject = one(events, "REJECT")
    assert (reject.source, reject.target, reject.status) == ("PRK", "JPN", "occurred")


def test_a_date_after_the_day_of_writing_is_planned(coder: NativeCoder) -> None:
    event = one(code(coder, "한미 양국은 다음 달 연합연습을 실시한다."), "JOINT_EXERCISE")
    assert (event.date, event.status) == ("2024-06", "planned")


def test_humanitarian_aid(coder: NativeCoder) -> None:
    text = "정부는 모로코 지진 피해 복구를 위해 200만 달러의 인도적 지원을 제공했다."
    event = one(code(coder, text), "AID")
    assert (event.source, event.target) == ("KOR", "MAR")


def test_a_call_with_a_minister_named_by_surname_and_a_one_syllable_state(
    coder: NativeCoder,
) -> None:
    text = "조태열 외교부 장관은 루비오 미 국무장관과 전화통화를 했다."
    coded = coder.code(text, "ko", PUBLISHED, "a", "t")
    assert coded is not None
    event = one(coded.events, "MEET")
    assert {event.source, event.target} == {"KOR", "USA"}
    assert ("루비오", "USA") in {(p.name, p.country) for p in coded.people}


def test_a_trilateral_exercise_is_three_pairs(coder: NativeCoder) -> None:
    text = "호주와 일본, 필리핀은 12일 남중국해에서 합동훈련을 벌였다."
    events = [e for e in code(coder, text) if e.kind == "JOINT_EXERCISE"]
    assert {(e.source, e.target) for e in events} == {
        ("AUS", "JPN"),
        ("AUS", "PHL"),
        ("JPN", "PHL"),
    }


def test_lifting_restrictions_is_a_concession(coder: NativeCoder) -> None:
    events = code(coder, "중국 정부는 호주산 와인에 대한 수입 제한을 해제했다.")
    assert [(e.kind, e.source, e.target) for e in events] == [("CONCEDE", "CHN", "AUS")]


def test_our_president_unnamed_and_a_visitor(coder: NativeCoder) -> None:
    text = "칠레 대통령이 14일 방한해 대통령과 정상회담을 했다."
    events = code(coder, text)
    visit, meet = one(events, "VISIT"), one(events, "MEET")
    assert (visit.source, visit.target, visit.date) == ("CHL", "KOR", "2024-05-14")
    assert {meet.source, meet.target} == {"CHL", "KOR"}


def test_discontent_voiced_is_an_accusation(coder: NativeCoder) -> None:
    event = one(code(coder, "일본 외무성은 중국의 조치에 강한 불만을 표명했다."), "ACCUSE")
    assert (event.source, event.target) == ("JPN", "CHN")


def test_a_football_match_is_no_event(coder: NativeCoder) -> None:
    text = "한국 대표팀은 친선경기에서 베트남을 3-0으로 이겼다. 베트남 대표팀은 내일 귀국한다."
    assert code(coder, text) == []


def test_evidence_is_the_original_sentence_with_exact_offsets(coder: NativeCoder) -> None:
    text = "머리말.\n몽골과 일본은 12일 울란바토르에서 공동성명을 발표했다."
    event = one(code(coder, text), "JOINT_STATEMENT")
    start, end = event.evidence.start, event.evidence.end
    assert text[start:end] == event.evidence.text
    assert "공동성명" in event.evidence.text


def test_korean_is_told_from_other_languages() -> None:
    analyzer = analyzer_for("ko")
    assert analyzer is not None and analyzer.language == "ko"
    assert analyzer_for("de") is None


def test_without_the_extra_korean_is_stored_and_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "communique.language.native.ko", raising=False)
    assert analyzer_for("ko") is None
    (tmp_path / "ko.txt").write_text(KOREAN_REPORT, encoding="utf-8")
    db = tmp_path / "plain.duckdb"
    communique.ingest([str(tmp_path / "ko.txt")], db=db)
    with communique.open_db(db) as handle:
        (article,) = communique.articles(handle)
        assert communique.events(handle) == []
    assert article.language == "ko"
    assert "not_english" in article.quality.flags


ENGLISH_REPORT = """ date 2024-05-15
Chile and Korea sign defence pact

SEOUL, May 15 - South Korea and Chile signed a memorandum of understanding on defence
industry cooperation in Seoul on Wednesday, the defence ministry said.
"""

KOREAN_REPORT = """ date 2024-05-15
한-칠레 방산협력 양해각서 서명

한국과 칠레는 15일 서울에서 방산협력 양해각서에 서명했다고 국방부가 밝혔다.
양국은 앞으로 방산 분야 교류를 확대할 계획이다.
"""


def test_a_korean_and_an_english_report_fuse(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH_REPORT, encoding="utf-8")
    (tmp_path / "ko.txt").write_text(KOREAN_REPORT, encoding="utf-8")
    db = tmp_path / "fused.duckdb"
    communique.ingest([str(tmp_path / "en.txt"), str(tmp_path / "ko.txt")], db=db)
    with communique.open_db(db) as handle:
        languages = {a.language for a in communique.articles(handle)}
        signings = communique.canonical_frame(handle, kind="SIGN_AGREEMENT")
    assert languages == {"en", "ko"}
    assert len(signings) == 1
    assert signings.iloc[0]["n_mentions"] == 2


@pytest.mark.slow
def test_korean_dev_articles_hold_their_floor(tmp_path: Path) -> None:
    folder = shared_path("eval", "multilingual_dev", "articles")
    db = tmp_path / "ko.duckdb"
    communique.ingest([str(p) for p in sorted(folder.glob("ko*.txt"))], db=db)
    gold = tmp_path / "gold_ko.jsonl"
    lines = shared_path("eval", "multilingual_dev", "gold_dev.jsonl").read_text(encoding="utf-8")
    gold.write_text("\n".join(x for x in lines.splitlines() if '"language": "ko"' in x) + "\n")
    with communique.open_db(db) as handle:
        metrics = communique.evaluate(gold, handle).metrics
        languages = {a.language for a in communique.articles(handle)}
    print(metrics)
    assert languages == {"ko"}  # the language identifier names every article Korean
    for name, floor in KO_FLOORS.items():
        assert (metrics[name] or 0) >= floor, f"{name} {metrics[name]} < {floor}"


# The Korean articles of the multilingual dev set (ko02-ko12), a little below what the engine
# measured: event P 1.0, R 1.0, F1 1.0, date_acc 0.944, country_f1 1.0, people_f1 1.0 (ko02,
# ko04, ko05 built on; the others checked, and their misses fixed by general rules).
KO_FLOORS = {
    "event_precision": 0.95,
    "event_f1": 0.95,
    "date_acc": 0.90,
    "country_f1": 0.95,
    "people_f1": 0.95,
}
