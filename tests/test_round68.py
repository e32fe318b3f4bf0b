"""Round 68: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from qa.datatypes import Document, Hit, Passage


def _hit(doc_id: str, text: str, doc_type: str = "news_article", date: str | None = None,
         unconfirmed: list[str] | None = None, places: tuple[str, ...] = ("Rutland",)) -> Hit:
    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", title="", doc_type=doc_type, text=text, date=date,
                   local_authorities=list(places))
    return Hit(passage=Passage(passage_id=f"{doc_id}#1", doc_id=doc_id, text=text, start=0, end=len(text)),
               document=doc, score=1.0, unconfirmed=unconfirmed or [])


def test_an_event_set_aside_with_its_month_alone_dates_nothing():
    from qa.retrieval.question import parse, without_set_asides

    question = ("Rutland - when was the full re-inspection done in 2019 and when did the good judgement come out? "
                "I mean the ILACS, not the 6th MV in March or the 2017 SIF.")
    assert "March" not in without_set_asides(question)
    filters = parse(question).filters()
    assert (filters["date_from"], filters["date_to"]) == ("2019-01-01", "2019-12-31")
    # (a month asked is still asked: "the visit in March")
    assert parse("What did Ofsted find at the Rutland visit in March 2019?").filters()["date_from"] == "2019-03-01"


def test_a_year_alone_set_aside_in_brackets_is_no_filter():
    from qa.retrieval.question import parse

    filters = parse("When was Rutland's children's services judged inadequate (the most recent time, not 2013), "
                    "and who runs them now?").filters()
    assert "date_from" not in filters and filters["local_authorities"] == ["Rutland"]
    assert parse("Was Rutland judged inadequate in 2013?").filters()["date_from"] == "2013-01-01"


def test_the_earlier_event_a_later_one_is_compared_with_is_no_filter():
    from qa.retrieval.question import parse

    filters = parse("rutland ilacs mar 23 - better or worse than the 2018 ri?").filters()
    assert (filters["date_from"], filters["date_to"]) == ("2023-03-01", "2023-03-31")


def test_a_newspaper_named_in_a_doubted_claim_keeps_its_place_and_drops_its_month():
    from qa.retrieval.question import parse

    query = parse("The Mercury says inspectors came to Rutland in February for the front door visit - when was "
                  "the FV really, and which HMIs did it?")
    filters = query.filters()
    assert filters.get("local_authorities") == ["Rutland"]
    assert "month" not in filters and "date_from" not in filters
    assert filters.get("source_preference") != "news"


def test_more_short_forms_of_places():
    from qa.retrieval.question import find_authorities

    assert find_authorities("warks caseloads at the 2018 FV") == ["Warwickshire"]
    assert find_authorities("lpool ilacs mar 23") == ["Liverpool"]
    assert find_authorities("B'ham mv3 findings") == ["Birmingham"]
    assert find_authorities("shrops 2022 ilacs") == ["Shropshire"]


def test_a_visit_told_by_the_month_set_aside_is_that_event_though_it_recalls_the_year_asked():
    from qa.retrieval.assistant import passage_on_year_set_aside
    from qa.retrieval.question import parse

    query = parse("rutland sif 2016 - adoption + care leavers grades? not the june 19 one")
    story = _hit("story", "Ofsted has praised the senior leadership in Rutland following an inspection in June. The "
                          "findings are a milestone for Rutland, which, in November 2016, received a damning report.",
                 unconfirmed=["date"])
    assert passage_on_year_set_aside(story, query)
    # (the year asked named bare is still the year asked: the June inspection may be 2016's)
    bare = _hit("bare", "In 2016 inspectors found adoption required improvement, after an inspection in June.",
                unconfirmed=["date"])
    assert not passage_on_year_set_aside(bare, query)
    # (nor with the June visit's own year beside the asked one)
    assert not passage_on_year_set_aside(story, parse("rutland sif 2016 - adoption grades?"))


def test_the_overall_grade_asked_is_this_inspections_not_the_one_recalled():
    from qa.retrieval.answer_type import RECALLED_OVERALL_PENALTY, recalled_overall_weight

    question = "Which of Rutland's ILACS judgements came out good, and what was the overall grade?"
    recalled = "2.3 At the previous inspection in 2019 the council's children's services were judged good overall."
    assert recalled_overall_weight("judgement", question, recalled) == RECALLED_OVERALL_PENALTY
    current = ("Overall effectiveness: Requires improvement to be good\nSince the last inspection in 2019, when "
               "services were judged to be good, help and protection has declined.")
    assert recalled_overall_weight("judgement", question, current) == 1.0
    # (the earlier inspection asked: its grade is the answer)
    earlier = "What was Rutland's overall grade at the previous inspection?"
    assert recalled_overall_weight("judgement", earlier, recalled) == 1.0


def test_an_office_asked_beside_a_date_needs_its_holder_named_beside_it():
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, second_fact_weight

    question = "On what date did the DfE take Rutland out of intervention, and which minister signed the letter?"
    letter = ("Department for Education\nAnneliese Rourke MP\nMinister for Children and Families\n\n24 June 2025\n\n"
              "Dear Councillor Bell,")
    assert second_fact_weight(question, "date", letter) == SECOND_FACT_BOOST
    council = ("June 2025\n\nRutland's children's services are no longer in intervention.\n\nCllr Jo Bell, Cabinet "
               "Member for Children's Services, said: \"This is a milestone for Rutland's children, not a finishing "
               "line at all.\"\n\nRelated documents Minister's letter (PDF, 88KB)")
    assert second_fact_weight(question, "date", council) == 1.0


def test_a_covers_author_role_and_month_date_it():
    from conftest import metadata_of

    cover = """Department for Education
Rutland County Council children's services
Commissioner's final report
Jo Bell, Children's Services Commissioner May 2025
1. Introduction
1.1 I was appointed as Children's Services Commissioner for Rutland on 19 May 2022, when the Secretary of State issued a statutory direction.
"""
    assert metadata_of(cover)["date"][:7] == "2025-05"


def test_a_bulletins_line_of_labels_round_its_month_dates_it():
    from conftest import metadata_of

    bulletin = """Front Door Practice Bulletin
Issue 7 · May 2025 · Practice Improvement Team, Rutland Children's Services
Two HMIs spent two days with us in early March looking at the whole front door.
Review due: November 2025
"""
    assert metadata_of(bulletin)["date"][:7] == "2025-05"
    # (a review's month is no date of the page)
    review = bulletin.replace("Issue 7 · May 2025 · Practice Improvement Team, Rutland Children's Services",
                              "Next review · November 2025 · Practice Improvement Team")
    assert (metadata_of(review)["date"] or "")[:7] != "2025-11"


def test_a_storys_filed_line_and_its_labelled_date_in_figures_date_it():
    from conftest import metadata_of

    filed = """Police quick to find missing children in Rutland, inspectors say
Inspectors found that police respond quickly when children in Rutland go missing.
Read more:
Story filed 17/01/2024 10:42 | Updated 17/01/2024 15:03
"""
    assert metadata_of(filed)["date"] == "2024-01-17"
    voice = """Government steps in at Rutland children's services
Oakham Voice · Published 26/05/2022 · by Mel Chard
The government has issued a statutory direction to Rutland County Council.
"""
    meta = metadata_of(voice)
    assert meta["date"] == "2022-05-26" and meta["doc_type"] == "news_article"



def test_an_event_left_aside_is_no_filter():
    from qa.retrieval.question import parse

    filters = parse("Rutland's early 2015 inspection (the inadequate): how long were the inspectors in? Leave aside "
                    "the Jan-Feb 2018 re-inspection.").filters()
    assert (filters["date_from"], filters["date_to"]) == ("2015-01-01", "2015-04-30")


def test_how_many_things_counts_whatever_they_were():
    from qa.retrieval.answer_type import counted_stems

    assert counted_stems("how many things did Ofsted say had to be fixed straight away?") == frozenset()
    assert counted_stems("how many foster carers did Rutland recruit?") >= {"foster", "carer"}


def test_a_sites_name_and_section_before_its_dateline_date_it():
    from conftest import metadata_of

    story = """Ofsted: too many Rutland children in care living miles from home
Oakham & Uppingham Community Voice - News - Published 22.07.22
Ofsted inspectors who spent three days looking at Rutland's services for children in care last month say many live far away.
"""
    assert metadata_of(story)["date"] == "2022-07-22"


def test_the_reviewers_counter_examples_keep_their_old_reading():
    from conftest import metadata_of
    from qa.retrieval.answer_type import second_fact_weight, recalled_overall_weight
    from qa.retrieval.assistant import passage_on_year_set_aside
    from qa.retrieval.question import parse

    # a teaser's or a visit's line of labels dates nothing; a quotation's source is no cover
    teaser = "Rutland children's services improve\nRelated · 4 March 2019 · Ofsted judges Rutland inadequate\n" \
             "By Jo Bell Local Democracy Reporter 10:02, 5 MAY 2023 Bookmark Share\nRutland's services have improved.\n"
    assert metadata_of(teaser)["date"] == "2023-05-05"
    visit = "Rutland County Council\nFocused visit · 12 March 2019 · Lead inspector: Jo Bell\nDear Mr Smith\n"
    assert metadata_of(visit)["date"] is None
    quoted = ("Corporate Parenting Strategy\n\"Children in care deserve the best.\"\n"
              "Sir Martin Narey, Department for Education, July 2016\nOur strategy sets out how we care.\n")
    assert metadata_of(quoted)["date"] is None
    # a paper named only as context, not doubted, keeps its claim's time
    context = parse("The Times reports Rutland's UASC numbers hit 200 in August 2015 - what did the council say at "
                    "the time?").filters()
    assert context["date_from"] == "2015-08-01"
    # the claim's place comes after its verb, not from the paper's name
    assert parse("What did the 2019 ILACS say about leaving care in Rutland? The Leicester Mercury says it was "
                 "damning.").filters()["local_authorities"] == ["Rutland"]
    # nothing left of the question: the whole question stays
    assert "inadequate" in parse("The Gazette story says Rutland was rated inadequate - when?").text
    # a year left out of an open window is not its end
    assert parse("What has Ofsted said about Rutland's care leavers since 2015, not 2016?").filters()["date_to"] is None
    # the later event compared with is still asked
    assert parse("Was the 2018 RI in Rutland better than the March 2023 ILACS?").filters()["date_from"] == "2023-03-01"
    # an undated passage on the asked month's own visit is no passage on the event set aside
    query = parse("rutland dec 2018 monitoring visit findings, not the june 2019 inspection")
    december = Hit(passage=Passage(passage_id="d#1", doc_id="d", start=0, end=10,
                                   text="Inspectors carried out the monitoring visit in December 2018, six months "
                                        "before the full inspection in June."),
                   document=Document(doc_id="d", path="d.txt", title="", doc_type="news_article", text=""),
                   score=1.0, unconfirmed=["date"])
    assert not passage_on_year_set_aside(december, query)
    # this inspection's grade beside the previous one keeps its boost
    assert recalled_overall_weight("judgement", "What overall grade did Rutland get at its 2023 ILACS?",
                                   "Services in Rutland are now judged to be good overall, a marked improvement "
                                   "since the last inspection in 2018.") == 1.0
    # an office word far from any name in its sentence is no holder named
    assert second_fact_weight("When was the direction issued to Rutland, and which minister signed the letter?",
                              "date", "Related documents Minister's letter. The council leader, Cllr Jo Bell, "
                                      "said it was welcome on 3 May 2016.") == 1.0


def test_a_year_alone_set_aside_in_other_forms():
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    for question in ("Rutland FV, not 2013 - what did it say about neglect?",
                     "What did Ofsted say about Rutland's care leavers at the latest inspection, not 2013 or 2014?",
                     "What did Ofsted say about Rutland's front door, not in 2013 but more recently?"):
        assert "date_from" not in parse(question).filters(), question
    assert rank.years_set_aside("What did Ofsted say about care leavers in Rutland, not 2013?") == {2013}


def test_a_focused_visit_set_aside_does_not_ask_for_its_findings():
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import parse

    query = parse("In Rutland's 2024 monitoring visit, not the Leicestershire focused visit, what did inspectors find "
                  "about care leavers' accommodation?")
    letter = Hit(passage=Passage(passage_id="mv#1", doc_id="mv", start=0, end=10,
                                 text="The number of care leavers living in unsuitable accommodation has reduced "
                                      "from 31 to 9 since the inspection."),
                 document=Document(doc_id="mv", path="mv.txt", title="Monitoring visit to Rutland County Council",
                                   doc_type="ofsted_letter", date="2024-10-29", local_authorities=["Rutland"],
                                   text="Monitoring visit to Rutland County Council children's services. The number "
                                        "of care leavers living in unsuitable accommodation has reduced."),
                 score=1.0)
    assert states_asked_fact(query, [letter])
    # (the focused visit asked: a monitoring visit's letter does not tell its findings)
    asked = parse("What did Ofsted's 2024 focused visit to Rutland find about care leavers' accommodation?")
    assert not states_asked_fact(asked, [letter])


def test_a_page_opening_on_the_kind_of_visit_set_aside_in_its_year_weighs_as_that_event():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import SET_ASIDE_EVENT_PENALTY, SET_ASIDE_YEAR_PENALTY, set_aside_weight

    query = parse("When was Rutland's good judgement published, and whom did the lead member thank? Not the 2021 "
                  "focused visit.")
    focused = Document(doc_id="fv", path="fv.txt", title="Ofsted praises Rutland", doc_type="council_page",
                       date="2021-10-19", text="Ofsted has praised Rutland's children's services following a focused "
                                                "visit in September.")
    assert set_aside_weight(focused, query) == SET_ASIDE_EVENT_PENALTY
    other = Document(doc_id="o", path="o.txt", title="Rutland budget", doc_type="council_page", date="2021-03-01",
                     text="The council set its budget for 2021-22, including children's services.")
    assert set_aside_weight(other, query) == SET_ASIDE_YEAR_PENALTY
