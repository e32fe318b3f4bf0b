"""Failure classes found by the twenty-fourth round's development sets (v77, v78 questions on the wider pages;
set78 invented files, set79 invented full-length reports); invented fixtures."""
from datetime import date

from qa.answers.contract import answer_to_dict
from test_round23 import OTHER_COUNCILS_NEWS


def test_special_guardianship_asked_about_is_named_by_its_holders_too(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "rutland.txt": ("Rutland children's services make steady progress, says Ofsted\n\nThis was the fifth "
                        "monitoring visit. Assessments of family members as special guardians are increasingly "
                        "timely, and permanence is considered earlier for looked after children.", {}),
        "kent.txt": ("Kent County Council monitoring visit\n\nInspectors found that the front door responds "
                     "promptly, and that supervision is regular.", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("On Rutland's fifth monitoring visit, what did inspectors say about special "
                           "guardianship assessments?")
    assert not answer.abstained
    assert answer.hits[0].document.path.endswith("rutland.txt")
    # a page naming neither the order nor its holders still does not report on it
    answer = assistant.ask("What did inspectors say about special guardianship in Kent?")
    assert answer.abstained and "special guardianship" in answer.message
    from qa.retrieval.question import specialist_service

    _, phrase = specialist_service("unaccompanied asylum-seeking")
    assert phrase.search("unaccompanied children arriving at the port")
    assert not phrase.search("children were unaccompanied by a social worker at the meeting")


def test_an_undated_page_is_compared_under_one_period_only(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "story.txt": ("Rutland children's services improving, says Ofsted\n\nIn her 2018 letter the inspector wrote "
                      "that there has been a significant improvement in the initial response to children who need "
                      "help and protection since the last monitoring visit in November 2017.", {}),
        "other.txt": ("Rutland children's services blog\n\nOur response to children who need help and protection "
                      "keeps improving, say our managers.", {}),
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    data = answer_to_dict(assistant.ask("compare the initial response to children who need help and protection in "
                                        "Rutland in 2017 and 2018"))
    blocks = {b["period"]: [p["rank"] for p in b["points"]] for b in data["timeline"]["blocks"]}
    by_rank = {p["rank"]: p for p in data["passages"]}
    files = {period: [by_rank[r]["source"].rsplit("/", 1)[-1] for r in ranks] for period, ranks in blocks.items()}
    # the story names 2018 last: it is shown under 2018 alone; the blog names no year and is placed under neither
    assert files == {"2017": [], "2018": ["story.txt"]}
    # nor a story written later, recalling one of the years ("in its 2021 report ... since the 2017 visit")
    from qa.retrieval.timeline import Period, _home_period

    later = type("Doc", (), {"text": "In its 2021 report Ofsted said the response had improved since the 2017 visit."})
    periods = [Period("2017", date(2017, 1, 1), date(2017, 12, 31)), Period("2018", date(2018, 1, 1), date(2018, 12, 31))]
    assert _home_period(later, periods) is None


def _load(folder, name: str, text: str):
    from test_round23 import _load as load

    return load(folder, name, text)


def test_a_letterhead_read_across_two_columns_names_no_council_and_its_building_is_no_byline(tmp_path):
    doc = _load(tmp_path, "letter.txt", (
        "Ofsted\n\nExample House T 0300 555 0100 9 Sample Street enquiries@ofsted.gov.uk Manchester "
        "www.ofsted.gov.uk M1 9ZX\n\n14 March 2023\n\nJo Example\nDirector of Children's Services\nRutland County "
        "Council\n\nDear Jo\n\nMonitoring visit to Rutland children's services\n\nThis letter summarises the "
        "findings of the monitoring visit to Rutland children's services on 21 and 22 February 2023. Inspectors "
        "told the council that supervision is regular.\n\nYours sincerely\n\nSam Example\nHis Majesty's Inspector"))
    assert doc.local_authorities == ["Rutland"]
    # the letterhead's lines apart: a building's name over its street and postcode is no reporter's byline
    doc = _load(tmp_path, "letter2.txt", (
        "Ofsted\n\nExample House\n\n9 Sample Street\n\nManchester\n\nM1 9ZX\n\n20 July 2022\n\nJo Example\n\n"
        "Rutland County Council\n\nDear Jo\n\nFocused visit to Rutland children's services\n\nThis letter "
        "summarises the findings of the focused visit. Social workers told inspectors that they feel supported. "
        "Managers told the inspectors about the plan, and partners told them about referrals.\n\nYours sincerely\n\n"
        "Sam Example\nHis Majesty's Inspector"))
    assert (doc.doc_type, doc.local_authorities) == ("ofsted_letter", ["Rutland"])
    # the town opening its line, the postcode on the next, then the phone
    from qa.documents.gazetteer import find_in_text

    head = ("Ofsted\nExample House\n9 Sample Street\nNewcastle upon Tyne\nNE1 4PA\nT 0300 123 1231\n\n"
            "Jo Example\nRutland County Council")
    assert [m.name for m in find_in_text(head)] == ["Rutland"]
    # a council named formally across from Ofsted's address is the addressee, still named
    assert [m.name for m in find_in_text("Jo Example\nRutland County Council  enquiries@ofsted.gov.uk\nOakham")] \
        == ["Rutland"]


def test_a_team_authors_committee_report_and_a_homes_report_details_and_an_inspectorates_site(tmp_path):
    from qa.documents.metadata import infer_doc_type

    paper = ("Ofsted focused visit - findings\n\nOfsted carried out a focused visit to Rutland children's services "
             "on 15 and 16 November 2022, looking at the front door.\n\nInspectors found that most children receive "
             "a timely response.")
    blocks = _load(tmp_path, "paper.txt", paper).blocks
    for hints in ({"author": "Democratic Services"}, {"page_furniture": "Agenda Item 7\nPage 23"}):
        assert infer_doc_type(paper, blocks, hints, ["Rutland"])[0] == "council_page"
    assert infer_doc_type(paper, blocks, {"author": "Jo Example"}, ["Rutland"])[0] == "news_article"  # a reporter
    home = ("Ofsted\nOak Lodge\nRutland County Council\n\nInspection dates: 7 and 8 November 2023\n\nThe children's "
            "home is not yet delivering good help and care for children.\n\nDate of last inspection: 14 March 2023\n\n"
            "Overall judgement at last inspection: good\n\nUnique reference number: SC000001. Registered provider: "
            "Rutland County Council.")
    assert _load(tmp_path, "home.txt", home).doc_type == "ofsted_report"
    from qa.documents.convert import convert_html

    page = convert_html("<html><head><title>An inspection of youth justice services in Rutland - HM Inspectorate of "
                        "Probation</title></head><body><main><h1>An inspection of youth justice services in Rutland"
                        "</h1><p>Published: 13 June 2023</p><p>Our fieldwork took place in March 2023. Staff in "
                        "the youth justice service know the children they work with well.</p></main></body></html>")
    assert page.hints.get("title_site") == "HM Inspectorate of Probation"
    # (a newspaper's headline naming the inspectorate keeps the newspaper as the site)
    story = convert_html("<html><head><title>Youth team 'inadequate' - Inspectorate of Probation findings - Rutland "
                         "Times</title></head><body><main><p>The youth justice service was rated inadequate, the "
                         "report said.</p></main></body></html>")
    assert story.hints.get("title_site") == "Rutland Times"


def test_a_govuk_pages_kind_line_stands_over_its_title_below_the_breadcrumbs(tmp_path):
    doc = _load(tmp_path, "notice.txt", (
        "Skip to main content\nGOV.UK\nHome\nParenting, childcare and children's services\nSafeguarding and social "
        "care for children\nNotice\nRutland County Council: children's services statutory direction\nStatutory "
        "direction issued to Rutland County Council following the inadequate Ofsted judgement.\nFrom:\nDepartment "
        "for Education\nPublished\n20 April 2023\n\nThe Secretary of State has issued a statutory direction."))
    assert doc.title == "Rutland County Council: children's services statutory direction"
    assert (doc.doc_type, doc.date) == ("other", "2023-04-20")


def test_an_ordinal_stands_for_a_visit_only_near_one(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "letter.txt": ("Monitoring visit to Rutland children's services\n\nThis was the second monitoring visit. "
                       "Inspectors found that the front door responds to new referrals promptly.", {}),
        "notice.txt": ("Rutland County Council: children's services statutory direction\n\nThe Secretary of State "
                       "issued a direction to Rutland County Council after the inadequate judgement; an improvement "
                       "board oversees how the front door handles new referrals, and Ofsted's monitoring visits continue.\n\nThe "
                       "commissioner reported to the Secretary of State in the spring, and the council published its "
                       "improvement plan, its performance figures and the board's terms of reference on its "
                       "website.\n\nFirst published.", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("What did Rutland's first monitoring visit find about how the front door handles new "
                           "referrals?")
    assert answer.abstained and not answer.hits


def test_a_visit_still_to_come_does_not_state_it(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "minutes.txt": ("Rutland Children's Scrutiny Panel minutes\n\nMonitoring visits. The Director explained that "
                        "Ofsted would carry out quarterly monitoring visits. The first monitoring visit was expected "
                        "in the autumn and was likely to focus on the front door and referrals.", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("What did the first Ofsted monitoring visit to Rutland say about the front door?")
    assert answer.abstained and not answer.hits
    # nor is an ordinal of something else beside a visit: "the first meeting after its publication"
    docs["minutes.txt"] = ("Rutland Children's Scrutiny Panel minutes\n\nResolved: that each monitoring visit letter "
                           "be reported to the Panel at the first meeting following its publication, with the front "
                           "door and referrals figures.", {})
    assistant = bm25_assistant_for(tmp_path / "again", docs)
    answer = assistant.ask("What did the first Ofsted monitoring visit to Rutland say about the front door?")
    assert answer.abstained and not answer.hits


def test_since_the_inspection_is_the_councils_not_a_childrens_homes_own_report(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "ilacs.txt": ("Rutland County Council\nInspection of children's social care services\n\nInspection dates: 7 to "
                      "18 June 2021\nLead inspector: Sam Example, HMI\n\nJudgement: Overall effectiveness - Requires "
                      "improvement to be good\n\nReport published: 20 July 2021\n\nChildren's experiences are "
                      "improving, and leaders have an improvement plan.", {}),
        "committee.txt": ("Rutland County Council Children's Scrutiny Committee\nAgenda item 6\nMeeting date: 14 July "
                          "2022\n\nOne year on: progress against the Ofsted inspection improvement plan\n\n1.1 This "
                          "report sets out progress on the improvement plan a year after the inspection.", {}),
        "home.txt": ("Oak Lodge\nChildren's home inspection - Full\n\nInspection dates: 5 and 6 March 2023\nPublished: "
                     "2 April 2023\n\nUnique reference number: SC000002\nRegistered provider: Example Care Ltd\n"
                     "Registered manager: Jo Example\n\nChildren placed by Rutland County Council are making progress "
                     "with the home's improvement plan.", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("What did the Rutland scrutiny committee report say about progress on the improvement plan "
                           "since the inspection?")
    assert "since the inspection (June 2021)" in answer.filters_description


def test_a_report_to_a_meeting_to_be_held_is_dated_by_it_and_a_judgements_date_is_no_visits(tmp_path):
    doc = _load(tmp_path, "paper.txt", (
        "Report of the Strategic Director, Children's Services to the meeting of the Children's Services Overview "
        "and Scrutiny Committee to be held on 23 January 2024\n\nSubject:\n\nOfsted monitoring visits: progress of the "
        "improvement plan\n\nThis report updates the Committee on the findings of the Ofsted monitoring visits to "
        "Rutland children's services."))
    assert doc.date == "2024-01-23"
    # (not a past meeting the report is about: "following the feedback meeting with Ofsted held on 14 February")
    from qa.documents.metadata import _MEETING_HELD_RE

    assert not _MEETING_HELD_RE.search("Report of the Director of Children's Services to the Children's Scrutiny "
                                       "Committee following the feedback meeting with Ofsted held on 14 February 2023")
    from qa.documents.metadata import infer_visit_number

    letter = ("Dear Jo\n\nFifth monitoring visit to Rutland children's services\n\nThis letter summarises the findings "
              "of the monitoring visit to Rutland children's services on 10 and 11 October 2023. The local authority "
              "was judged inadequate in September 2021, and this visit follows the previous monitoring visit in June "
              "2023.\n\nInspectors reviewed the progress made for children in care.")
    assert infer_visit_number(letter)[0] == 5


def test_two_inspectorates_names_over_a_joint_report_are_no_title():
    from pathlib import Path

    from qa.documents.ingest import discover, load_document

    files, _ = discover([Path(__file__).parent / "data" / "invented_pages" / "set79" / "docs" / "s79-09.pdf"])
    doc = load_document(files[0], "x", None, 2**24)  # (its masthead: "Ofsted Care Quality Commission")
    assert doc.title == "Area SEND inspection of Southampton Local Area Partnership"


def test_an_undated_story_naming_only_years_long_before_the_asked_one_is_not_shown_for_it(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "story.txt": ("Rutland council at risk of losing its children's services\n\nThe latest inspection, carried out "
                      "last month, saw Rutland downgraded to inadequate. Ofsted found services had deteriorated since "
                      "its last full inspection in 2015.", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("What did Ofsted find when it re-inspected Rutland children's services in 2022?")
    assert answer.abstained and not answer.hits
    # within an inspection cycle of the year it names, it may be that year's story: shown apart, labelled
    answer = assistant.ask("What did Ofsted find when it re-inspected Rutland children's services in 2019?")
    assert answer.hits and answer.hits[0].unconfirmed == ["date"]


def test_a_visit_on_a_committees_agenda_or_in_its_resolution_is_still_to_come(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "minutes.txt": ("Rutland Children's Scrutiny Committee minutes\n\nThe Committee noted the second and third "
                        "monitoring visits. Resolved: to request that the outcome letter from the fourth monitoring "
                        "visit be reported to the Committee at the first available meeting.\n\nForward plan:\n- Ofsted "
                        "monitoring visit outcome letter (fourth visit) - date to be confirmed", {}),
        **OTHER_COUNCILS_NEWS,
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("What did Ofsted find on its fourth monitoring visit to Rutland?")
    assert answer.abstained and not answer.hits


def test_an_ordinal_is_a_visits_only_beside_one_and_a_visit_to_come_only_as_its_subject():
    import re

    from qa.retrieval.assistant import OTHER_NOUN_NEXT_RE, anticipated_visit

    def to_come(text, ordinal):
        return anticipated_visit(text, re.search(rf"\b({ordinal})\b", text))

    assert to_come("the first monitoring visit was expected in the autumn.", "first")
    assert to_come("ofsted monitoring visit outcome letter (fourth visit) - date to be confirmed", "fourth")
    assert to_come("resolved: that the outcome letter from the fourth monitoring visit be reported.", "fourth")
    assert to_come("an update after the fourth monitoring visit, which is expected in january 2026.", "fourth")
    assert not to_come("ofsted's second visit, which was planned for march, found improvements.", "second")
    assert not to_come("the drift seen at the first monitoring visit was due to high caseloads.", "first")
    assert not to_come("at the second monitoring visit inspectors found that social workers are expected to "
                       "visit children every six weeks.", "second")
    assert not to_come("the first monitoring visit found that allegations must be reported to the officer.", "first")

    def other_noun(text, ordinal):
        return bool(OTHER_NOUN_NEXT_RE.match(text, re.search(rf"\b{ordinal}\b", text).end()))

    assert other_noun("first published.", "first") and other_noun("at the first meeting after it", "first")
    assert not other_noun("the fourth such visit", "fourth")
    assert not other_noun("the fifth and most recent monitoring visit", "fifth")
    assert not other_noun("the third ofsted children's services monitoring visit found", "third")


def test_a_past_visits_letter_to_be_presented_still_numbers_the_paper():
    from qa.documents.metadata import infer_visit_number

    assert infer_visit_number("Ofsted's fourth monitoring visit letter will be presented to Cabinet on 5 July 2023. "
                              "Inspectors found improved practice.")[0] == 4
    assert infer_visit_number("Ofsted's second monitoring visit found progress. Forward plan: third monitoring visit "
                              "- date to be confirmed.")[0] == 2


def test_a_county_councils_select_committee_minutes_are_the_councils_not_parliaments(tmp_path):
    doc = _load(tmp_path, "minutes.md", (
        "# Children's and Education Select Committee\n\n**Minutes**\n\nMinutes of the meeting of the Children's and "
        "Education Select Committee held on Thursday 20 April 2023 in The Gateway, Aylesbury.\n\n**Members present:** "
        "Cllr D Example (Chairman), Cllr M Sample\n\n## 5. Ofsted focused visit - disabled children\n\nThe Corporate "
        "Director introduced the report on Rutland's focused visit. The Select Committee asked about waiting times, "
        "and the Select Committee's chairman thanked officers.\n\nRESOLVED: that the report be noted."))
    assert doc.doc_type == "council_page"
