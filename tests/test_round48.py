"""Round 48: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from types import SimpleNamespace


def test_how_many_with_what_is_counted_left_unsaid_counts_what_the_question_names():
    from qa.retrieval.answer_type import counted_stems

    stems = counted_stems("How did youth offending services do in the annual round - how many got the top and bottom "
                          "ratings, and did any service get outstanding on everything?")
    assert "servic" in stems  # ("three services 'Outstanding'" answers)
    # what is counted, when said, is still all
    assert counted_stems("How many new supported lodgings places did the director say would open?") \
        == frozenset({"new", "support", "lodg", "place"})


def _doc(title: str, doc_type: str = "other", text: str = "") -> object:
    from qa.datatypes import Document

    return Document(doc_id=title[:8], path="x.txt", text=text or title, title=title, doc_type=doc_type)


def test_an_inspection_framework_speaks_for_ofsted_on_what_it_inspects():
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    asked = parse("If a children's home is judged inadequate, how often can Ofsted come back for monitoring visits?")
    homes = _doc("Social care common inspection framework (SCCIF): children's homes")
    councils = _doc("Monitoring local authority children's services judged inadequate: inspectors' handbook")
    blog = _doc("Learning from our visits to children's homes")
    story = _doc("Ofsted returns to children's home", doc_type="news_article")
    assert rank.prior(homes, asked, None) > rank.prior(story, asked, None)
    assert rank.prior(councils, asked, None) == rank.prior(blog, asked, None) < rank.prior(homes, asked, None)
    # not another inspectorate's framework, and not where Ofsted's letter itself is asked for
    cqc = _doc("Care Quality Commission inspection framework: children's homes health checks")
    assert rank.prior(cqc, asked, None) < rank.prior(homes, asked, None)
    aside = parse("From Ofsted's handbook on how often it monitors a children's home, not the homes' framework?")
    assert rank.prior(homes, aside, None) == 1.0
    aside = parse("Ofsted's handbook on monitoring councils judged inadequate, not the children's homes framework?")
    assert rank.prior(homes, aside, None) < 1.0
    named = parse("What did Ofsted's letter say about how often it monitors a children's home judged inadequate?")
    assert rank.prior(homes, named, None) < 1.0


RUTLAND_SIF = ("Rutland - inspection report\n\nInspection of services for children in need of help and protection "
               "and Review of the effectiveness of the Local Safeguarding Children Board1\n\nInspection date: 20 "
               "January 2015 to 11 February 2015\n\nReport published: 27 March 2015\n\nThe overall judgement is that "
               "children's services in Rutland are good. Leadership, management and governance: good.\n\nContents: "
               "the local authority; the LSCB; inspection judgement about the LSCB.")


def test_the_boards_grade_is_stated_of_the_board_not_the_councils_beside_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.answer_type import asks_board_grade, states_board_grade

    assert asks_board_grade("What judgement did Rutland's Local Safeguarding Children Board get in 2015?")
    assert not asks_board_grade("What did the LSCB say about neglect?")
    # (a grade asked beside the board, not of it; nor a partnership, which Ofsted never graded)
    assert not asks_board_grade("What grade did Rutland get in 2016, and what did inspectors say about the LSCB?")
    assert not asks_board_grade("What grade did Rutland get in 2022 from its safeguarding partnership review?")
    assert states_board_grade("The effectiveness of our independent Safeguarding Children Board is also deemed "
                              "inadequate.")
    assert states_board_grade("The report judged the Local Safeguarding Children Board to be “inadequate”.")
    assert states_board_grade("Review of the effectiveness of the LSCB\nRequires improvement")
    assert states_board_grade("The effectiveness of the Local Safeguarding Children Board (LSCB)\n\n"
                              "Requires improvement")
    assert not states_board_grade(RUTLAND_SIF)
    meta = {"doc_type": "ofsted_report", "date": "2015-03-27", "local_authorities": ["Rutland"]}
    docs = {"sif.txt": (RUTLAND_SIF, meta), **other_council_news()}
    asked = "What judgement did Rutland's Local Safeguarding Children Board get in the 2015 review?"
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(asked)
    assert answer.abstained, [h.passage.text for h in answer.hits]
    graded = RUTLAND_SIF.replace("Contents:", "The Local Safeguarding Children Board in Rutland is judged to "
                                              "require improvement. Contents:")
    answer = bm25_assistant_for(tmp_path / "b", {"sif.txt": (graded, meta), **other_council_news()}).ask(asked)
    assert not answer.abstained, answer.message


def test_who_after_terse_keywords_asks_for_a_person():
    from qa.retrieval.answer_type import answer_type, asked_role

    assert answer_type("rutland ilacs oct 2022 who was lead inspector") == "person"
    assert asked_role("rutland ilacs oct 2022 who was lead inspector") == "lead inspector"
    assert answer_type("rutland jtai - who led it") == "person"
    # a relative clause is no question for a person
    assert answer_type("rutland children in 2019 who were placed out of area") != "person"
    assert answer_type("How many children in 2019 who were the subject of plans?") != "person"
    assert answer_type("Care leavers in 2019 who wrote to the council: how many?") != "person"
    assert answer_type("rutland jtai: who led it") == "person"
    assert answer_type("Rutland ILACS 2019: who was the lead inspector?") == "person"


def test_a_kind_of_visit_set_aside_is_no_name_to_find():
    from qa.retrieval.question import parse

    asked = parse("Rutland council's own page on the January 2019 result: what did Ofsted credit? I don't want the "
                  "2021 focused visit letter or the monitoring visits.")
    assert asked.names == []
    assert parse("What did the JTAI in Rutland find, not the focused visit?").names == ["JTAI"]
    assert "focused visit" in parse("What did Rutland's 2021 focused visit find?").names


def _west_rutland(year: int | None, finding: str) -> tuple[str, dict]:
    dated = f"Published 15 May {year}\n\n" if year else ""
    text = (f"Rutland children's services inspection\n\n{dated}Ofsted inspectors found that Rutland's services for "
            f"children in care were {finding}, and leadership and management were judged.")
    meta = {"doc_type": "council_page", "local_authorities": ["Rutland"], **({"date": f"{year}-05-15"} if year else {})}
    return text, meta


def test_an_undated_page_on_a_year_set_aside_is_not_shown_as_possibly_matching():
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    asked = parse("Rutland's 2023 inspection: which areas were judged good? Not the 2019 inspection.")
    old = _west_rutland(None, "inadequate at the inspection in 2019")[0]
    assert rank.on_year_set_aside(_doc("Rutland", "council_page", old), asked)
    # not a page naming the year asked too, nor a dated one (weighed by set_aside_weight), nor with nothing set aside
    assert not rank.on_year_set_aside(_doc("Rutland", "council_page", old + " It improved by 2023."), asked)
    dated = _doc("Rutland", "council_page", old)
    dated.date = "2019-05-15"
    assert not rank.on_year_set_aside(dated, asked)
    assert not rank.on_year_set_aside(_doc("Rutland", "council_page", old),
                                      parse("Rutland's 2023 inspection: which areas were judged good?"))


def test_the_month_of_an_event_before_the_dated_one_is_no_other_month():
    from qa.retrieval import rank

    assert rank.RELATIVE_MONTH_ASKED_RE.search("Around the Jan 2017 visit: which minister had written beforehand, "
                                               "and in which month?")
    assert rank.RELATIVE_MONTH_ASKED_RE.search("In which month did the next visit come, after the March 2019 one?")
    assert not rank.RELATIVE_MONTH_ASKED_RE.search("What did the Jan 2017 visit find about caseloads?")
    assert not rank.RELATIVE_MONTH_ASKED_RE.search("In which month was the 2017 letter published?")
    assert not rank.RELATIVE_MONTH_ASKED_RE.search("In which month was the letter on the June 2019 visit published, "
                                                   "and what next steps did it set?")


def test_a_short_passage_matching_only_through_its_headings_weighs_like_a_header():
    from qa.retrieval import rank
    from qa.retrieval.retriever import heading_only_weight
    from qa.terms import tokenize

    index = SimpleNamespace(bm25=SimpleNamespace(query_terms=tokenize))
    terms = tokenize("sw caseloads")
    line = SimpleNamespace(text="Ofsted is expected to make a third monitoring visit in the summer.",
                           headings=["Inspectors say caseloads are down"])
    assert heading_only_weight(index, line, terms) == rank.HEADER_FLOOR
    saying = SimpleNamespace(text="Caseloads are down to 18 for most social workers.", headings=[])
    assert heading_only_weight(index, saying, terms) == 1.0
    long = SimpleNamespace(text=" ".join(["Leaders have strengthened the service."] * 6), headings=["Caseloads"])
    assert heading_only_weight(index, long, terms) == 1.0  # (a paragraph under its topic's heading)
    label = SimpleNamespace(text="Overall effectiveness: Requires improvement to be good", headings=["Kent rating"])
    assert heading_only_weight(index, label, tokenize("kent rating"), "judgement") == 1.0
    assert heading_only_weight(index, label, tokenize("kent rating")) == rank.HEADER_FLOOR


def test_yot_typed_in_lower_case_is_a_service_a_page_must_name(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.question import parse

    assert "YOT" in parse("rutland yot hmi probation inspection rating").names
    letter = ("Monitoring visit to Rutland children's services\n\nPublished 3 May 2019\n\nInspectors found that the "
              "rating of child protection practice in Rutland had improved since the inspection.")
    youth = ("Rutland youth justice service inspection\n\nPublished 9 June 2021\n\nHM Inspectorate of Probation "
             "gave Rutland's youth justice service an overall rating of Good at its inspection.")
    meta = {"local_authorities": ["Rutland"]}
    assistant = bm25_assistant_for(tmp_path / "a", {"letter.txt": (letter, {**meta, "doc_type": "ofsted_letter"}),
                                                    **other_council_news()})
    answer = assistant.ask("rutland yot hmi probation inspection rating")
    assert answer.abstained and "YOT" in answer.message
    # the service renamed: a page on the youth justice service answers for the YOT
    assistant = bm25_assistant_for(tmp_path / "b", {"letter.txt": (letter, {**meta, "doc_type": "ofsted_letter"}),
                                                    "yjs.txt": (youth, {**meta, "doc_type": "other"}),
                                                    **other_council_news()})
    answer = assistant.ask("rutland yot hmi probation inspection rating")
    assert not answer.abstained, answer.message
    assert answer.hits[0].document.path == "yjs.txt"


def test_an_inspection_kinds_long_form_is_no_keyword_beside_the_topic():
    from qa.retrieval.acronyms import FIELD_GLOSSARY
    from qa.retrieval.retriever import without_kind_words
    from qa.terms import tokenize

    def terms(question: str) -> list[str]:
        return without_kind_words(tokenize(f"{question} (joint targeted area inspection)"), tokenize, question,
                                  FIELD_GLOSSARY)

    # (keyword search's text: the place is a filter, not a term)
    assert "joint" not in terms("jtai health info late for strat discussions")
    assert "jtai" in terms("jtai health info late for strat discussions")
    assert "joint" in terms("jtai findings")  # (too little else asked: the kind is the question)
    assert "joint" in terms("joint working jtai health info late")  # (typed by the user: kept)
    # kept where a page in scope spells the kind out and never abbreviates it
    kept = without_kind_words(tokenize("jtai health info late (joint targeted area inspection)"), tokenize,
                              "jtai health info late", FIELD_GLOSSARY, lambda words, acronyms: True)
    assert "joint" in kept


def test_an_undated_story_on_an_earlier_visit_weighs_less_for_a_years_inspection():
    from qa.datatypes import Document
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    def story(text: str, event_months: list[int] = ()) -> Document:
        return Document(doc_id="s", path="s.txt", text=text, doc_type="news_article",
                        mentions={"event_months": list(event_months)})

    asked = parse("Who led Rutland's 2019 inspection?")
    earlier = "Rutland is improving after a two-day visit in December 2018, inspectors said."
    assert rank.earlier_event_weight(story(earlier), asked) == rank.RECALL_PENALTY
    # not a date of something else ("in post since October 2014"), nor one dating its own visit by month alone, nor
    # a visit in the year asked, nor for a year alone
    assert rank.earlier_event_weight(story("The director, in post since October 2014, was praised."), asked) == 1.0
    assert rank.earlier_event_weight(story(earlier, [6]), asked) == 1.0
    assert rank.earlier_event_weight(story(earlier + " The visit in June 2019 followed."), asked) == 1.0
    assert rank.earlier_event_weight(story(earlier), parse("What did Rutland say in 2019?")) == 1.0


def test_a_grade_and_a_places_result_set_aside_give_no_year_and_no_place():
    from qa.retrieval.question import parse

    asked = parse("Rutland CC's 2019 ILACS - how many areas came out inadequate? Not the 2016 RI or West "
                  "Northants' 2022 result.")
    assert (asked.date_from.year, asked.date_to.year) == (2019, 2019)
    assert asked.authorities == ["Rutland"]
    assert parse("Rutland: what did the 2019 inspection find, not the 2016 outstanding?").date_from.year == 2019


def test_a_paper_named_as_the_teller_is_no_name_to_find_but_one_asked_about_is():
    from qa.retrieval.question import parse

    asked = parse("Rutland's 2019 inspection as the Stamford Mercury covered it: what was found?")
    assert asked.names == [] and asked.source == "news"
    assert "Stamford Mercury" in parse("Did the Stamford Mercury campaign for Rutland's children's centres?").names


def test_how_many_judgement_areas_is_answered_by_categories():
    from qa.retrieval.answer_type import counted_stems, states_count

    stems = counted_stems("how many of the judgement areas came out inadequate")
    assert states_count(stems, "It was rated inadequate in three of the four inspected categories.")


def test_how_many_is_no_keyword():
    from qa.retrieval.retriever import keyword_terms

    terms = keyword_terms(["mani", "area", "inadequ", "one"],
                          "How many areas came out inadequate, and which one didn't?")
    assert terms == ["area", "inadequ", "one"]
    assert keyword_terms(["mani", "month"], "Rutland's many months of delay") == ["mani", "month"]


def test_ofsteds_chief_inspector_by_title_is_ofsted():
    from qa.retrieval.synonyms import other_forms

    assert "chief inspector of education, children's services and skills" in other_forms("Ofsted")


def test_a_change_from_one_year_to_another_asks_the_span():
    from datetime import date

    from qa.retrieval.question import parse

    asked = parse("Rutland went from inadequate in 2017 to good in 2019. Who was the DCS through that period?")
    assert (asked.date_from, asked.date_to) == (date(2017, 1, 1), date(2019, 12, 31))
    assert asked.time_phrase == "from 2017 to 2019"
    assert parse("Rutland went from good in 2019 to inadequate in March 2017?").time_phrase == "from March 2017 to 2019"
    assert parse("Rutland aims to go from inadequate in 2024 to good by 2090: what is the plan?").date_to.year == 2024
    assert "inadequate" in asked.topic and "good" in asked.topic  # (the change stays what is asked)


def test_an_aside_describing_the_visit_is_no_keyword():
    from qa.retrieval.question import parse

    asked = parse("Rutland, the Ofsted MV in March 2024 (two days on site): were risks recognised more promptly?")
    assert "two days" not in asked.keyword_text and "promptly" in asked.keyword_text
    # an aside setting something aside is not the scene (what is set aside is read elsewhere)
    from qa.retrieval.question import EVENT_ASIDE_RE

    assert not EVENT_ASIDE_RE.search("what did the 2024 visit (not the 2023 letter) find")
    assert not EVENT_ASIDE_RE.search("what did Rutland (a small county) find")
    # nor its theme, which tells one JTAI from another
    assert "sexual" in parse("What did the Rutland JTAI (child sexual exploitation) find about health?").keyword_text



def test_everyday_words_for_attending_and_postponing_are_searched_as_minuted():
    from qa.retrieval.synonyms import with_synonyms

    assert "attended" in with_synonyms("which agencies were turning up to strategy meetings")
    assert "take part" in with_synonyms("who attends strategy meetings")
    assert "not invited" in with_synonyms("who was being left out")
    assert "postponed" in with_synonyms("why was the report held over from the January committee")
    assert "postponed" not in with_synonyms("did the rating put off applicants")
    assert "pre-proceedings" in with_synonyms("essex use of the PLO")


def test_the_inspection_named_by_its_outcome_is_the_scene_not_the_topic():
    from qa.retrieval.question import parse

    asked = parse("How many children did inspectors flag to Rutland's managers during the inspection that downgraded "
                  "it to inadequate?")
    assert "downgraded" not in asked.keyword_text and "flag" in asked.keyword_text
    # (not an inspection named by what it looked at: "during the visit that looked at care leavers")
    assert "care leavers" in parse("What did inspectors find during the visit that looked at care leavers in "
                                   "Rutland?").keyword_text
