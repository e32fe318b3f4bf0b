"""Round 63: trust beyond the seeds (issue 10)."""
from __future__ import annotations

# An inspection report's opening as a PDF gives it: each line a heading, the inspectorate's telephone line (furniture,
# removed) between its address and the council's name.
_REPORT_OPENING = (
    "# Ofsted\n\nAgora, 6 Cumberland Place, Nottingham NG1 6HJ\n\n"
    "T 0300 123 1231 enquiries@ofsted.gov.uk www.gov.uk/ofsted\n\n"
    "## Rutland County Council\n\n## Inspection of children's social care services\n\n"
    "## Inspection dates: 3 October to 14 October 2022\n\n## Lead inspector: Jane Marsh, His Majesty's Inspector\n\n"
    "Services for children in Rutland have improved since the last inspection in 2018, when they were judged to "
    "require improvement. Leaders know their services well and have acted on what the last inspection found.\n")


def test_headings_below_removed_furniture_open_the_passage_under_them(tmp_path):
    from conftest import ingested
    from qa.passages.split import split_document

    doc = ingested(tmp_path, "r63-report.md", _REPORT_OPENING)
    assert "T 0300" not in doc.text  # (the furniture is gone ...)
    opening = next(p for p in split_document(doc) if "Services for children in Rutland" in p.text)
    # ... and the inspection's dates and lead inspector, below it, are quoted with the text under them: a slice of
    # the document that crosses no removal
    assert opening.text.startswith("Rutland County Council\n\nInspection of children's social care services\n\n"
                                   "Inspection dates: 3 October to 14 October 2022\n\nLead inspector: Jane Marsh")
    assert doc.text[opening.start:opening.end] == opening.text
    assert not any(b.after_gap for b in doc.blocks if opening.start < b.start < opening.end)


# A focused-visit letter: findings, then the list of what must improve. Each paragraph long enough to be a passage.
_FINDINGS = ("Inspectors found that social workers in Rutland visit children regularly and know them well. Managers "
             "hold weekly team meetings and most records of supervision show reflective discussion of children's "
             "progress. Partners told inspectors that they are better able to get help for families than they were "
             "at the last inspection, and that the council's front door now responds to their concerns quickly.")
_TO_IMPROVE = ("What needs to improve?\n\nThe precision of child in need plans, so that families know what must "
               "change and by when.\n\nThe recording of the rationale for decisions to close cases at the front "
               "door.\n\nThe timeliness of reviews for children who have been on plans for more than a year.")
_CLOSING = ("Ofsted will take the findings from this focused visit into account at the next inspection of Rutland. "
            "The published letter was shared with the council's scrutiny committee in March 2023, when members "
            "asked for a report in the autumn on how the service had come out of the visit and what was to follow.")


def _letter_assistant(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = f"Focused visit to Rutland children's services\n\n{_FINDINGS}\n\n{_TO_IMPROVE}\n\n{_CLOSING}\n"
    return bm25_assistant_for(tmp_path, {
        "r63-letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2023-02-20",
                                    "local_authorities": ["Rutland"]}),
        **other_council_news()})


def test_what_a_council_had_to_get_better_at_is_the_letters_list_of_what_needs_to_improve(tmp_path):
    from qa.retrieval.synonyms import with_synonyms

    assert with_synonyms("Did things start to get better after the 2019 inspection?").endswith("?")  # (a course)
    answer = _letter_assistant(tmp_path).ask("what did Ofsted say Rutland had to get better at?")
    assert answer.hits and "The precision of child in need plans" in answer.hits[0].passage.text


def test_when_a_report_came_out_is_searched_as_its_publication_not_as_come():
    from qa.retrieval.retriever import keyword_terms
    from qa.retrieval.synonyms import with_synonyms
    from qa.terms import tokenize

    asked = "when did the report come out"
    assert "publish" in tokenize(with_synonyms(asked))
    assert "come" not in keyword_terms(tokenize(with_synonyms(asked)), asked)
    # (areas that "came out" as good are no publication, nor is what "came out" as news)
    for question in ("how did the areas come out in the 2019 inspection", "How did the report come out on "
                     "leadership - good or RI?", "When it came out that the council had misreported its figures, "
                     "what did Ofsted do?"):
        assert "publish" not in tokenize(with_synonyms(question))


def test_a_visits_number_is_no_count():
    from qa.retrieval.answer_type import holds

    assert not holds("count", "Swindon children's services: monitoring visit 2 finds caseloads easing")
    assert holds("count", "Caseloads fell to 19 by the second visit.")
    assert holds("count", "During the visit 14 children were seen at home.")


def test_an_ordinal_in_apposition_to_a_monitoring_visit_is_its_number():
    from qa.retrieval.question import parse

    query = parse("What improvements did Ofsted note at its December monitoring visit to Rutland, the first after "
                  "the 2023 inadequate judgement?")
    assert query.visit_number == 1
    assert "first" not in query.topic and "after the inadequate judgement" in query.topic
    # (not an ordinal of something else: "the first since 2018" with no monitoring visit named; nor the first since
    # what starts no series of visits)
    assert parse("What did the Rutland inspection find, the first since 2018?").visit_number is None
    assert parse("What did Rutland's October 2020 monitoring visit, the first since lockdown, say about "
                 "caseloads?").visit_number is None


def test_a_reports_section_heading_repeating_its_judgement_table_line_does_not_hide_the_section(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Inspection of Rutland children's social care services\n\n"
              "The experiences and progress of children in care and care leavers Good Overall effectiveness Good\n\n"
              "Services for children in Rutland have improved since the last inspection, and leaders know their "
              "services well. Senior leaders have strengthened the quality of practice across the service.\n\n"
              "The experiences and progress of children in care and care leavers: good\n\n"
              "Care leavers benefit from personal advisers who are persistent in keeping in touch, and most live in "
              "suitable homes. Pathway plans are updated when young people's circumstances change.\n")
    assistant = bm25_assistant_for(tmp_path, {
        "r63-report.txt": (report, {"doc_type": "ofsted_report", "date": "2019-07-01",
                                    "local_authorities": ["Rutland"]}), **other_council_news()},
        neighbour_ratio=0)
    shown = " ".join(h.passage.text for h in assistant.ask("what did the Rutland inspection say about care leavers "
                                                          "and their personal advisers?").hits)
    assert "persistent in keeping in touch" in shown and "leaders know their services well" in shown


def test_a_council_visited_by_the_councils_own_officers_is_mentioned_in_passing():
    from conftest import metadata_of

    paper = ("Children's Services Scrutiny Committee\n"
             "Report Title: The children's front door since the focused visit\n"
             "1. This report updates the Committee on the Council's front door since Ofsted's focused visit.\n"
             "2. In October 2024 officers visited the City of Wolverhampton Council's MASH to share learning on "
             "managing demand, and Wolverhampton managers made a return visit in January 2025.\n"
             "3. Rutland's last full inspection was in June 2019, when services were judged to be good.\n"
             "Supporting information: Ofsted letter, Focused visit to Rutland County Council children's services.\n")
    assert metadata_of(paper)["local_authorities"] == ["Rutland"]
    # (not Ofsted's staff visiting the council a story is about)
    story = ("Children's services still failing, says Ofsted\n"
             "Ofsted staff visited Rutland in March and found that Rutland Council's services for children had not "
             "improved since Rutland was rated inadequate in 2015.\n"
             "The council is now working closely with Leicestershire County Council, which was rated good.\n")
    assert metadata_of(story)["local_authorities"][0] == "Rutland"


def test_a_comparison_read_into_a_question_about_one_event_gives_the_ordinary_answer_when_it_finds_nothing():
    from qa.retrieval.timeline import compared_in_passing

    assert compared_in_passing("the MV in Feb 2017: compared with the Nov 2015 SIF, did Ofsted think the trust "
                               "understood itself?")
    assert not compared_in_passing("compare Doncaster and Kirklees on fostering allowances")
    assert not compared_in_passing("caseloads in 2019 versus 2021, compared with the previous visit")
    assert not compared_in_passing("How did Ofsted judge leadership in Rutland in 2019 compared with 2015?")


def test_a_source_the_question_finds_wanting_is_not_the_source_asked_for():
    from qa.retrieval.question import parse

    query = parse("The council's press release only says July - on what dates did Ofsted actually do the MV to "
                  "Rutland, and was it the first one?")
    assert query.source != "council" and not query.doc_types
    assert parse("What did the council's press release say about the MV to Rutland?").source == "council"
    assert not parse("The council's news page only said July - on what dates did Ofsted do the MV to "
                     "Rutland?").doc_types


def test_the_letters_wording_asks_for_ofsteds_own_letter():
    from qa.retrieval.question import parse

    query = parse("What areas for improvement did Ofsted give Rutland after the Nov 2022 focused visit? I want the "
                  "letter's wording, not the local paper's write-up.")
    assert query.source == "ofsted" and query.source_named


def test_a_counted_acronym_in_the_plural_counts_its_long_form():
    from qa.retrieval.answer_type import counted_stems, states_count

    stems = counted_stems("hmi probation annual report - how many yots inspected?")
    assert states_count(stems, "The report covers inspections of 26 youth offending teams over the past 12 months.")


def test_an_interview_is_a_press_source():
    from qa.retrieval.question import parse

    assert parse("rutland dcs interview - what did she say about the care leavers RI").source == "news"
    assert parse("Did Ofsted inspectors interview care leavers in Rutland?").source == "ofsted"
    assert parse("rutland mv2 return home interviews").source != "news"  # (children's interviews)
