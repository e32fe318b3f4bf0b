"""Round 51: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_how_quickly_a_measured_time_outweighs_a_delay_told_in_words():
    from qa.retrieval.answer_type import ANSWER_TYPE_BOOST, answer_type_weight

    measured = "Decisions on contacts to the hub are now made within one working day for almost all children."
    told = "For a few children seen several times the wider picture was missed, and help has been delayed."
    assert answer_type_weight("timescale", measured) > answer_type_weight("timescale", told) == ANSWER_TYPE_BOOST
    assert answer_type_weight("timescale", "Strategy meetings are held the same day.") > ANSWER_TYPE_BOOST
    assert answer_type_weight("timescale", "Leaders know their services well.") == 1.0
    # (no time taken to do the asked thing: a course's length, a date's neighbour)
    for unmeasured in ("Staff had five days of training.", "On the same day the council announced a review."):
        assert answer_type_weight("timescale", unmeasured) <= ANSWER_TYPE_BOOST, unmeasured
    for measured in ("Children wait up to 18 weeks.", "Checks are done within 24hrs.", "within a fortnight"):
        assert answer_type_weight("timescale", measured) > ANSWER_TYPE_BOOST, measured


def test_the_dfe_is_named_by_its_secretary_of_state():
    from qa.retrieval.acronyms import ACRONYM_MISSING_PENALTY, FIELD_GLOSSARY, acronym_weight, asked_acronyms
    from qa.retrieval.retriever import arrangement_named_by

    asked = asked_acronyms(["DfE"], FIELD_GLOSSARY, arrangement_named_by)
    appointed = "On 2 May 2016 the Secretary of State for Education appointed me as commissioner for Sunderland."
    assert acronym_weight(asked, appointed) == 1.0
    assert acronym_weight(asked, "Staff turnover has fallen since the spring.") == ACRONYM_MISSING_PENALTY


def test_when_and_who_asks_for_a_person_too():
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, answer_type, second_fact_weight

    question = "When did Ofsted carry out the ILACS in Stockport that found it outstanding, and who was lead inspector?"
    assert answer_type(question) == "date"
    header = "Inspection dates: 4 to 15 March 2024\nLead inspector: Jo Bell, His Majesty's Inspector"
    assert second_fact_weight(question, "date", header) == SECOND_FACT_BOOST
    assert second_fact_weight(question, "date", "Inspectors visited from 4 to 15 March 2024.") == 1.0
    assert second_fact_weight("When did Ofsted visit Stockport?", "date", header) == 1.0
    # (a role any passage on the post-holder's work names is no person stated)
    assert second_fact_weight("When was the direction issued, and who was appointed adviser?", "date",
                              "Jo Bell, the improvement adviser, chairs the board.") == 1.0
    # (the inspector named, not a councillor quoted)
    assert second_fact_weight(question, "date", "Council leader Roger Gough said he was proud.") == 1.0
    assert second_fact_weight("When was the JTAI in Kent, and who was the lead?", "date", header) == SECOND_FACT_BOOST


def test_and_when_appointed_weighs_the_appointments_own_date_over_a_covers():
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, second_fact_weight

    question = "Who did the DfE send in as commissioner for Sunderland, and when were they appointed?"
    appointed = "On 2 May 2016 the Secretary of State appointed me, Dr Ada Fenwick, as commissioner."
    cover = "Report of the Commissioner for Sunderland\nDr Ada Fenwick\nPublished on 19 October 2016"
    assert second_fact_weight(question, "person", appointed) > second_fact_weight(question, "person", cover) \
        == SECOND_FACT_BOOST


def test_a_full_inspection_dated_by_its_reports_month_may_have_had_its_fieldwork_before():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import dates_visit_to_another_month
    from qa.retrieval.question import parse

    text = ("Services in Oldbury remain inadequate, Ofsted finds.\n\nOfsted inspected services in Oldbury in "
            "September, after a review found failings.\n\nThe report said police and social workers still did not "
            "work well together.")
    doc = Document(doc_id="n", path="n.txt", text=text, title="Oldbury", doc_type="news_article",
                   local_authorities=["Oldbury"])
    hit = Hit(passage=Passage(passage_id="n#1", doc_id="n", text=text, start=0, end=len(text)), document=doc,
              score=1.0, unconfirmed=["date"])
    # (the report came out in November: staff date the inspection by it)
    assert not dates_visit_to_another_month(hit, parse("Oldbury, the Nov 2014 Ofsted inspection: what about police?"))
    # a monitoring visit's month is its own: visits are months apart
    assert dates_visit_to_another_month(hit, parse("Oldbury, the Nov 2014 monitoring visit: what about police?"))


def test_a_labels_year_opening_the_question_is_asked_over_a_baseline_after_it():
    from qa.retrieval.question import parse

    asked = parse("Somerset 2022, when they finally got Good - what did inspectors say about progress since the "
                  "2017 RI?")
    assert (asked.date_from.year, asked.date_to.year) == (2022, 2022)
    assert "Somerset" in asked.search_text and "2017" in asked.search_text
    # (a later year asked after the label stays asked)
    assert parse("kent 2019 - what changed since 2021?").date_from.year == 2021
    # (a time word or a month in the label is no label's year)
    assert parse("Up to 2022: what has Kent done since 2018?").date_from.year == 2018
    assert parse("Before 2020 - what did Kent do after the 2016 inspection?").date_from.year == 2016
    assert parse("Since the 2017 RI, what has Somerset done?").date_to is None


def test_a_local_write_up_is_a_news_source():
    from qa.retrieval.question import parse

    assert parse("Going by the local write-up, what did inspectors say about Somerset?").source == "news"
    assert parse("What did the press coverage say about Kent?").source == "news"
    assert parse("Not the local write-up: what did Ofsted say about Kent?").source == "ofsted"


def test_a_table_of_contents_with_dot_leaders_weighs_as_a_header():
    from qa.retrieval.rank import HEADER_FLOOR, prose_weight

    contents = ("Contents  Executive summary ............ 1 The local authority ............ 2 Information about this "
                "area ............ 2 Recommendations ............ 3 Summary for children ............ 4")
    assert prose_weight(contents) == HEADER_FLOOR
    assert prose_weight("Contents Executive summary . . . . 1 The local authority . . . . 2 Findings . . . . 3") \
        == HEADER_FLOOR
    assert prose_weight("Leaders did not know the quality of practice. Audits were too infrequent.") == 1.0


def test_findings_asked_of_a_body_whose_review_is_only_still_to_come():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import named_only_to_come
    from qa.retrieval.question import parse

    def hit(text):
        doc = Document(doc_id="m", path="m.txt", text=text, title="Minutes", doc_type="council_page",
                       local_authorities=["Oldbury"])
        return Hit(passage=Passage(passage_id="m#1", doc_id="m", text=text, start=0, end=len(text)), document=doc,
                   score=1.0)

    asked = parse("What did the CQC find when it reviewed health services for children in care in Oldbury?")
    coming = hit("The Chair noted that a Care Quality Commission review of health services for children in care was "
                 "expected later in 2018. Care leavers now get health histories.")
    done = hit("The Care Quality Commission review found that health assessments for children in care were late.")
    assert named_only_to_come(asked, [coming])
    assert not named_only_to_come(asked, [coming, done])
    # (findings using the same words: "awaiting", "expected timescales", "will need to")
    found = hit("The CQC found that 40 children were awaiting health assessments, not completed within expected "
                "timescales, and the trust will need to act.")
    assert not named_only_to_come(asked, [found])
    assert not named_only_to_come(parse("How did the council respond to the CQC review in Oldbury?"), [coming])


def test_the_biggest_challenge_is_searched_as_the_most_significant():
    from qa.retrieval.synonyms import with_synonyms

    assert "most significant" in with_synonyms("cambs 2019 ri - what ofsted called the biggest challenge")


def test_a_re_inspection_set_aside_after_another_event_is_no_filter():
    from qa.retrieval.question import parse

    asked = parse("Tower Hamlets, the SIF that rated them inadequate in 2017 - between which dates was the inspection "
                  "done? Not the March 2019 final MV or the June 2019 re-inspection.")
    assert (asked.date_from.year, asked.date_to.year) == (2017, 2017)
    assert "re-inspection" not in asked.search_text


def test_the_last_inspection_before_an_event_may_be_recalled_in_that_events_month():
    from qa.retrieval.question import parse

    asked = parse("darlington grade at last inspection before oct 2022 ilacs")
    assert asked.date_to.isoformat() == "2022-10-31"
    assert parse("darlington grade at last inspection before 2022").date_to.isoformat() == "2021-12-31"
    assert parse("what did ofsted find in kent before oct 2022?").date_to.isoformat() == "2022-09-30"


def test_places_named_in_an_aside_are_not_asked_about():
    from qa.retrieval.question import parse

    asked = parse("enfield got good at its 2015 SIF - was any area not good? Ofsted's own report pls, I know Lambeth "
                  "and Leicester had theirs the same year")
    assert asked.authorities == ["Enfield"]
    assert "Lambeth" not in asked.names  # (nor a name the documents must mention)
    assert parse("Unlike Kent, did Medway get good?").authorities == ["Medway"]
    assert parse("Compare Kent and Medway caseloads").authorities == ["Kent", "Medway"]
    assert parse("I know Kent had one in 2019: what did Medway's find?").authorities == ["Medway"]
    assert parse("caseloads—I know Kent's are high—what about Medway?").authorities == ["Medway"]


def test_northumberland_by_its_short_form():
    from qa.retrieval.question import parse

    assert parse("nland improvement plan PLO tracking action").authorities == ["Northumberland"]
    assert parse("N'land ILACS 2019").authorities == ["Northumberland"]
    assert parse("N’land ILACS 2019").authorities == ["Northumberland"]


def test_an_improvement_plan_asked_is_the_councils_and_no_retelling():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    asked = parse("nland improvement plan PLO tracking action")
    assert asked.source == "council"
    assert parse("What did Ofsted say about Northumberland's improvement plan?").source == "ofsted"
    assert parse("kent focused visit action plan").source == "ofsted"
    assert parse("What did the commissioner say about Slough's improvement plan?").source != "council"

    def hit(doc_id, doc_type, text):
        doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", text=text, title=doc_id, doc_type=doc_type,
                       local_authorities=["Northumberland"], date="2019-06-20", period_start="2019-03-04",
                       period_end="2019-03-15")
        return Hit(passage=Passage(passage_id=f"{doc_id}#1", doc_id=doc_id, text=text, start=0, end=len(text)),
                   document=doc, score=1.0)

    report = hit("r", "ofsted_report", "Pre-proceedings are not tracked closely enough.")
    plan = hit("p", "council_page", "Every child in pre-proceedings will be tracked fortnightly by a panel.")
    terse = parse("nland PLO tracking")  # (no plan asked: the plan retells the report's event)
    assert rank.retellings_after([report, plan], terse)[1].score < 1.0
    plan.score = 1.0
    assert rank.retellings_after([report, plan], asked)[1].score == 1.0


def test_an_inspection_is_dated_by_its_own_verbs_not_by_its_reports_publication():
    from qa.retrieval.answer_type import asked_event, dates_event

    assert dates_event("took place", "This inspection was led by Jo Bell HMI, supported by two inspectors, between "
                                     "10 and 21 September 2018.")
    assert not dates_event("took place", "The inspection report was published on 5 June 2019.")
    # (being appointed is the event asked; "DfE-appointed" only describes somebody)
    assert asked_event("When was the commissioner appointed?") == "started"
    assert asked_event("When did the DfE-appointed commissioner visit?") != "started"


def test_where_the_user_will_cite_a_document_is_no_source():
    from qa.retrieval.question import parse

    asked = parse("Citing Ofsted's handbook for monitoring inadequate LAs in a committee paper - when was it "
                  "published?")
    assert asked.source == "ofsted"
    assert parse("What did the committee paper say about caseloads in Kent?").source == "council"


def test_another_inspectorate_named_makes_no_ofsted_source_and_is_named_by_its_inspection():
    from qa.retrieval.question import parse
    from qa.retrieval.synonyms import other_forms

    asked = parse("Monmouthshire - the Care Inspectorate Wales performance evaluation inspection (so CIW, not Ofsted). "
                  "Were there any worries about safeguarding?")
    assert asked.source is None
    assert parse("What did the inspection find about Kent's front door?").source == "ofsted"
    assert parse("What did HMI Probation find in Kent youth justice?").source is None
    assert "performance evaluation inspection" in other_forms("CIW")


def test_ofsted_set_aside_in_a_bracket_is_not_asked_of_the_places_pages(tmp_path):
    from conftest import bm25_assistant_for

    page = ("2 May 2024\n\nPerformance Evaluation Inspection (PEI) report for children's services in Monmouthshire "
            "published\n\nThe report identifies some concerns about Monmouthshire County Council's compliance with "
            "statutory requirements for safeguarding children, in particular the timeliness of child protection "
            "visits.\n")
    assistant = bm25_assistant_for(tmp_path, {"pei.txt": (page, {"doc_type": "other", "date": "2024-05-02",
                                                                 "local_authorities": ["Monmouthshire"]})})
    answer = assistant.ask("Monmouthshire - the Care Inspectorate Wales performance evaluation inspection "
                           "(so CIW, not Ofsted). Were there worries about statutory safeguarding requirements?")
    assert not answer.abstained, answer.message
    assert "timeliness of child protection visits" in answer.hits[0].passage.text
    # Ofsted asked about where only another inspectorate's page covers the place: nothing of Ofsted's answers
    assert assistant.ask("What did Ofsted say about safeguarding requirements in Monmouthshire?").abstained


def test_a_notice_set_aside_and_a_label_year_before_a_bracket():
    from qa.retrieval.question import parse

    asked = parse("Northants CC inadequate in 2019 (local paper story on the full inspection): what had changed since "
                  "that Oct 2018 focused visit? Not the DfE notice about the commissioner's report.")
    assert "DfE" not in asked.names
    assert (asked.date_from.year, asked.date_to.year) == (2019, 2019)


def test_the_isle_of_wight_by_its_short_form():
    from qa.retrieval.question import parse

    assert parse("iow cabinet hampshire split one-off costs").authorities == ["Isle of Wight", "Hampshire"]


def test_events_set_aside_together_and_a_year_before_ilacs():
    from qa.retrieval.question import parse

    asked = parse("Liverpool CC's own page on the final Ofsted MV (Sept 2025) - which areas still need work? I don't "
                  "want the weaknesses from the Dec 2023 or March 2024 visits.")
    assert (asked.date_from.isoformat(), asked.date_to.isoformat()) == ("2025-09-01", "2025-09-30")
    asked = parse("Tower Hamlets, the June 2019 ILACS that took them to good - how far had services come since the "
                  "2017 inadequate?")
    assert (asked.date_from.year, asked.date_to.year) == (2019, 2019)
    assert parse("What changed since the 2017 ILACS?").date_to is None


def test_an_inspectorate_named_in_a_pages_opening_is_named_throughout_it(tmp_path):
    from conftest import bm25_assistant_for

    filler = " ".join(["Case managers know the children well and plans are reviewed with families."] * 12)
    page = ("HM Inspectorate of Probation\n\nAn inspection of youth justice services in Oldbury\n\nPublished: 9 February "
            f"2023\n\n{filler}\n\n{filler}\n\nOverall rating\n\nOverall, we have rated the youth justice service in "
            f"Oldbury as Good.\n\n{filler}\n")
    minutes = ("Children's scrutiny committee, 9 March 2023\n\nThe youth justice service had been inspected and the "
               "improvement plan arising from it was now complete. Members noted the update on staffing in the "
               "service and asked for a further update in the autumn.\n")
    assistant = bm25_assistant_for(tmp_path, {
        "yjs.txt": (page, {"doc_type": "other", "date": "2023-02-09", "local_authorities": ["Oldbury"]}),
        "minutes.txt": (minutes, {"doc_type": "council_page", "date": "2023-03-09", "local_authorities": ["Oldbury"]})})
    answer = assistant.ask("oldbury yjs hmip rating")
    assert "rated the youth justice service in Oldbury as Good" in answer.hits[0].passage.text


def test_a_statutory_direction_set_aside_closes_the_span_before_its_year():
    from qa.retrieval.question import parse

    asked = parse("When was Northamptonshire first hit with a DfE direction notice, and who oversaw the improvement "
                  "work? I mean the original one after the 2013 inadequate, not the Nov 2018 statutory direction.")
    # (before its month, since round 52: "not the Nov 2018 statutory direction" leaves October 2018 asked)
    assert (asked.date_from.year, asked.date_to.isoformat()) == (2013, "2018-10-31")
