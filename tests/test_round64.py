"""Round 64: trust beyond the seeds (issue 10)."""
from __future__ import annotations

import re

# A council's scrutiny paper on a joint inspection: its executive summary names the four inspectorates that carried
# it out, as every paper on a JTAI does.
_SCRUTINY_PAPER = """RUTLAND COUNTY COUNCIL - REPORT
REPORT OF THE STRATEGIC DIRECTOR FOR PEOPLE
TO THE CHILDREN'S SERVICES SCRUTINY PANEL
ON MONDAY 19 JUNE 2023
TITLE: Joint targeted area inspection of the response to children with mental health needs: written statement of action
RECOMMENDATIONS:
That the Panel notes the written statement of proposed action and agrees to receive a progress report in December.
EXECUTIVE SUMMARY:
A joint targeted area inspection was carried out in Rutland from 16 to 20 January 2023 by Ofsted, the Care Quality \
Commission (CQC), His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and His Majesty's \
Inspectorate of Probation (HMI Probation).
The table below sets out the partnership's actions against each area for improvement.
Review of risk while children wait | From July 2023, every child waiting will have a risk review. | July 2023
"""

# Another inspectorate's own page: the regulator speaks of itself, no joint inspection.
_CQC_PAGE = """Kestrel Ward, Rutland
The Care Quality Commission (CQC) inspected Kestrel Ward in February 2024 and rated it requires improvement.
CQC inspectors found that staff did not always record the observations of young people on the ward.
We will return to check on progress. The CQC report was published on 9 April 2024.
"""

# A joint inspection's letter, saved without its letterhead and signatures: the template's opening is all it shows.
_JOINT_LETTER_EXTRACT = """Joint targeted area inspection of the multi-agency response to children in need in Rutland
9 May 2023
This letter summarises the findings of the joint targeted area inspection (JTAI) of the multi-agency response to \
children and families who need help in Rutland.
This inspection took place from 13 to 17 March 2023. It was carried out by inspectors from Ofsted, the Care Quality \
Commission (CQC), His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and His Majesty's \
Inspectorate of Probation (HMI Probation).
Headline findings
Partners in Rutland share a clear commitment to early help, but it is not always offered at the first point of need.
"""


def test_a_council_paper_listing_a_joint_inspections_inspectorates_is_the_councils_own_page():
    from conftest import metadata_of

    assert metadata_of(_SCRUTINY_PAPER)["doc_type"] == "council_page"
    # (however the list writes the inspectorates)
    long_names = _SCRUTINY_PAPER.replace("the Care Quality Commission (CQC), His Majesty's Inspectorate of "
                                         "Constabulary and Fire & Rescue Services (HMICFRS)",
                                         "HM Inspectorate of Probation, the CQC")
    assert long_names != _SCRUTINY_PAPER and metadata_of(long_names)["doc_type"] == "council_page"
    assert metadata_of(_CQC_PAGE)["doc_type"] == "other"  # (another inspectorate's own page stays another body's)


def test_a_joint_letter_saved_without_its_signatures_is_ofsteds_letter_by_its_template_opening():
    from conftest import metadata_of

    assert metadata_of(_JOINT_LETTER_EXTRACT)["doc_type"] == "ofsted_letter"
    # (a council's release quoting that opening speaks in its own voice: still its page)
    release = _JOINT_LETTER_EXTRACT.replace("Headline findings", "Cllr Jo Bloggs, cabinet member for children, said: "
                                            "\"We welcome the letter.\"\nOur action plan will be published in June.")
    assert "Cllr" in release and metadata_of(release)["doc_type"] != "ofsted_letter"


def test_a_further_report_promised_after_a_visit_names_a_visit_still_to_come():
    from qa.documents.metadata import anticipated_visit

    def anticipated(text: str) -> bool:
        return anticipated_visit(text, re.search("fourth", text))

    assert anticipated("2.2 That the committee receives a further report after the fourth monitoring visit.")
    assert anticipated("Members will get an update following the fourth monitoring visit.")
    assert not anticipated("In a report after the fourth monitoring visit, inspectors found drift in plans.")
    assert not anticipated("Members received a further report following the fourth monitoring visit, which found "
                           "that progress had been made.")


def test_a_letters_running_header_dates_no_event_of_the_passage_under_it():
    from qa.retrieval.rank import OTHER_MONTH_PENALTY, month_weight

    header = "Monitoring visit to Rutland children's services - 7 March 2025"
    text = f"{header}\n\nPermanence planning remains too slow for some children living with relatives."
    february = frozenset({2})
    assert month_weight(february, text, [header], "2025-03-07") == 1.0
    # (a heading giving another date than the document's gives its event's: "Ofsted focused visit - 4 March 2025")
    assert month_weight(february, text, [header], "2025-03-20") == OTHER_MONTH_PENALTY
    # (a month in the passage's own sentences still dates its event)
    assert month_weight(february, "The visit took place in March 2025. Plans were slow.", []) == OTHER_MONTH_PENALTY


# A focused visit's letter and the council's paper answering it, one paragraph of which is its action plan.
_FV_LETTER = ("Focused visit to Rutland children's services\n\nInspectors looked at care planning for children in "
              "care. Most children have detailed care plans that are reviewed on time. Plans for children who come "
              "into care in an emergency are not always agreed quickly, and some emergency admissions wait weeks for "
              "a care plan. Plans for unaccompanied children placed outside Rutland do not record their views.\n\n"
              "Ofsted will take the findings from this focused visit into account at the next inspection.\n")
_RESPONSE = ("Rutland County Council\n\nCorporate Parenting Panel\n\nSummary\n\nOfsted carried out a focused visit "
             "to Rutland's services for children in care in November 2022, looking at care planning. The letter "
             "found that most children have detailed care plans, and identified two areas for improvement: care "
             "plans after emergency admissions into care, and plans for unaccompanied children placed outside "
             "Rutland. This report sets out the action plan in response.\n\n3. Action plan\n\n3.1 Every child who "
             "comes into care in an emergency will have a care plan agreed within 10 working days. Team managers "
             "will sign off the plan.\n\n3.2 A specialist team manager will audit every plan for unaccompanied "
             "children placed outside Rutland by 31 March 2023.\n")


def test_what_a_council_committed_to_after_a_visit_is_its_own_action_plan(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    assistant = bm25_assistant_for(tmp_path, {
        "r64-fv.txt": (_FV_LETTER, {"doc_type": "ofsted_letter", "date": "2022-12-13",
                                    "local_authorities": ["Rutland"]}),
        "r64-response.txt": (_RESPONSE, {"doc_type": "council_page", "date": "2023-02-08",
                                         "local_authorities": ["Rutland"]}),
        **other_council_news()})
    answer = assistant.ask("rutland emergency admissions care plans - what did the LA commit to after the FV")
    assert answer.hits and "will have a care plan agreed within 10 working days" in answer.hits[0].passage.text


def test_a_commitment_asked_is_the_councils_not_what_inspectors_judged_nor_a_quotation_of_them():
    from qa.retrieval.rank import reply_share, reply_weight

    finding = "Senior leaders demonstrate a strong corporate commitment to care leavers."
    assert reply_weight(finding, "Was there strong corporate commitment to care leavers in Rutland?", None) == 1.0
    assert reply_weight(finding, "What did Rutland commit to after the focused visit?", None) < 1.0
    quoted = "Ofsted said:\n\n\u201cLeaders will need to make sure that plans are updated regularly.\u201d"
    assert reply_share(quoted, own_page=True) == 0.0
    assert reply_share("3.1 Every child will have a care plan agreed within 10 working days.", own_page=True) == 1.0
    assert reply_share("3.4 Progress will be reported to this panel quarterly.", own_page=True) == 0.0


def test_a_page_about_no_council_retells_no_councils_report_unless_it_names_the_council():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.rank import _retells

    report = Document("report", "report.txt", "", doc_type="ofsted_report", date="2015-03-20",
                      local_authorities=["Rutland"])

    def hit(text: str) -> Hit:
        answer = Document("answer", "answer.txt", text, doc_type="other", date="2016-01-05")
        return Hit(Passage("answer#1", "answer", text, 0, len(text)), answer, 1.0)

    assert not _retells(hit("Since December 2010, Ofsted has inspected local authorities under these frameworks."),
                        report)
    assert _retells(hit("Ofsted judged Rutland's services inadequate in March 2015."), report)


def test_a_minister_telling_parliament_is_not_ofsted_speaking():
    from qa.retrieval.question import parse

    assert parse("A minister gave Parliament a list of every LA Ofsted had found inadequate - who was it?").source \
        is None
    assert parse("What did Ofsted find about supervision in Rutland?").source == "ofsted"
    assert parse("What did the Ofsted report tell MPs about Rutland's care leavers?").source == "ofsted"


def test_the_city_of_london_by_its_initials_in_a_question_but_not_a_colonel():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("col care leavers fv - why did it slip off the jan 2019 committee?") == ["City of London"]
    assert find_in_question("What did Col. Jones say about the visit?") == []
    assert find_in_question("Summarise the care leavers findings for CoL.") == ["City of London"]
    for question in ("What did Col Jones tell the panel?", "What is in col 3 of the table?",
                     "How did foster carers cope with cost of living (COL) pressures?"):
        assert find_in_question(question) == []


def test_examples_listed_in_brackets_are_not_names_a_page_must_mention():
    from qa.retrieval.question import parse

    query = parse("Does a JTAI judge whether the safeguarding partners (LA, CCG, police) hold the front door to "
                  "account?")
    assert "CCG" not in query.names and "JTAI" in query.names
    assert "CIW" in parse("What did the inspectors say (so CIW, not Ofsted)?").names
    assert "CCG" not in parse("What did the letter say about the partners (LA, CCG and police) in Rutland?").names
    # (a person's details in brackets are no examples)
    assert "Sarah Hammond" in parse("What did the new director (Sarah Hammond, ex-Rutland, appointed 2021) tell "
                                    "scrutiny?").names
    # (the list of what is asked is no example: "the grade for each area (help and protection, CLA, leadership)")
    assert "CLA" in parse("Rutland's 2016 inspection: the grade for each area (help and protection, CLA, care leavers, "
                          "leadership)?").names


def test_a_full_inspection_asked_after_a_visit_set_aside_in_a_sentence_of_its_own():
    from qa.retrieval.rank import asks_full_inspection

    assert asks_full_inspection("Rutland - after the March 2019 MV, when were inspectors on site for the full "
                                "inspection? Not the dates of the MV itself.")
    assert not asks_full_inspection("Rutland - what did the March 2019 MV say about the full inspection?")


def test_afis_and_apas_are_the_fields_areas_for_improvement_and_for_priority_action(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Focused visit to Rutland children's services\n\nInspectors looked at services for care leavers. Care "
              "leavers live in suitable accommodation and are well supported by their personal advisers.\n\nThey "
              "identified two areas for improvement and no areas for priority action.\n")
    assistant = bm25_assistant_for(tmp_path, {
        "r64-fv.txt": (letter, {"doc_type": "ofsted_letter", "date": "2023-04-18", "local_authorities": ["Rutland"]}),
        **other_council_news()})
    answer = assistant.ask("rutland fv - any APAs, or just AFIs?")
    assert not answer.abstained and "no areas for priority action" in answer.hits[0].passage.text


def test_a_councillor_written_clr_and_somebody_chairing_are_named_in_their_roles():
    from qa.retrieval.answer_type import names_person_in_role

    assert names_person_in_role("councillor", "Chair of the council's Children's Scrutiny Panel, Clr Jo Bloggs, "
                                              "described the improvements as pleasing.")
    assert names_person_in_role("chair", "An improvement board has been set up, chaired independently by Jo Bloggs, "
                                         "a former director.")


def _rutland_assistant(tmp_path, docs: dict[str, tuple[str, str, str]]):
    """BM25 over pages about Rutland, each (text, doc_type, date), beside other councils' news."""
    from conftest import bm25_assistant_for, other_council_news

    return bm25_assistant_for(tmp_path, {
        **{name: (text, {"doc_type": kind, "date": day, "local_authorities": ["Rutland"]})
           for name, (text, kind, day) in docs.items()},
        **other_council_news()})


def test_a_government_intervention_asked_by_its_year_is_recalled_from_a_later_page(tmp_path):
    story = ("Rutland children's services inspection\n\nOfsted inspectors visited Rutland in June 2018 and found that "
             "social workers carried high caseloads and that managers did not check plans often enough.\n")
    report = ("Rutland children's services: commissioner's report\n\nThis report sets out the commissioner's "
              "recommendations for children's services in Rutland. The DfE issued a statutory direction to Rutland "
              "County Council on 30 November 2018.\n")
    assistant = _rutland_assistant(tmp_path, {"r64-story.txt": (story, "news_article", "2018-07-02"),
                                              "r64-report.txt": (report, "other", "2019-05-14")})
    answer = assistant.ask("Rutland: on what date did the DfE issue its statutory direction in 2018?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "r64-report"
    assert answer.hits[0].unconfirmed == ["later"]  # (shown apart: a later page recalling the year)


def test_a_topic_no_page_of_the_asked_year_names_is_a_near_miss_not_a_later_pages_to_answer(tmp_path):
    report = ("Rutland children's services inspection\n\nOfsted's inspection in 2018 judged services to require "
              "improvement. Social workers carried high caseloads.\n")
    later = ("Rutland children's services update\n\nAt the 2018 inspection, care leavers' pathway plans were found "
             "to be weak; the council has since rewritten them.\n")
    assistant = _rutland_assistant(tmp_path, {"r64-report.txt": (report, "ofsted_report", "2018-06-01"),
                                              "r64-later.txt": (later, "council_page", "2021-03-01")})
    assert assistant.ask("What did Ofsted's 2018 inspection of Rutland say about care leavers?").abstained
