"""Failure classes found by the sixteenth round's development sets (v42, v43 questions; set40, set41 invented
files), on invented fixtures."""
from pathlib import Path

from conftest import metadata_of
from qa.documents.metadata import infer_metadata

MINUTES = """Children and Families Scrutiny Panel
Minutes of the meeting
Date | Thursday, 19 October 2023
Venue | Council Chamber, County Hall
Agenda item 6: Ofsted monitoring visit 2 - outcome letter
The Panel received the letter from Ofsted following the second monitoring visit. The Director of Children's
Services reported that inspectors had recognised steady progress since the first visit in April, including more
timely assessments and lower caseloads. She acknowledged that the quality of supervision remained inconsistent and
that a programme of reflective supervision training for all team managers would be completed by December.
A member asked why agency social workers still made up almost a third of the workforce. The Assistant Director
explained that fourteen agency social workers had converted to permanent contracts since April and that a further
recruitment campaign, focused on experienced practitioners, would launch in November.
A member recalled that the county had faced similar difficulties recruiting social workers in the 1990s, when
Rutland was still run from Leicestershire.
RESOLVED that the letter be noted."""


_meta = metadata_of  # (tests/conftest.py)


def test_minutes_naming_their_council_in_a_capitals_header_and_only_in_an_aside_are_about_it():
    assert _meta(MINUTES, {}, "minutes.docx")["local_authorities"] is None  # two places, both in an aside
    header = {"page_furniture": "RUTLAND COUNTY COUNCIL\nMinutes - Children and Families Scrutiny Panel - "
                                "19 October 2023 | Page"}
    assert _meta(MINUTES, header, "minutes.docx")["local_authorities"] == ["Rutland"]
    # ... the same header written as a name is written
    mixed = {"page_furniture": "Rutland County Council\nMinutes | Page"}
    assert _meta(MINUTES, mixed, "minutes.docx")["local_authorities"] == ["Rutland"]
    # ... or in capitals beside the paper's other parts on one line
    running = {"page_furniture": "RUTLAND COUNTY COUNCIL | Minutes | Page 3"}
    assert _meta(MINUTES, running, "minutes.docx")["local_authorities"] == ["Rutland"]
    # a header naming another council than the text does lends nothing
    other = {"page_furniture": "HALTON BOROUGH COUNCIL\nMinutes | Page"}
    assert _meta(MINUTES, other, "minutes.docx")["local_authorities"] is None


def test_a_council_page_whose_site_name_is_only_its_host_is_published_by_the_council_its_title_names():
    from qa.documents.convert import convert_html

    html = """<html><head><title>Ofsted praises front door - Rutland County Council</title>
<meta property="og:url" content="https://www.rutland-council.example/news/front-door"></head><body>
<main><h1>Ofsted praises front door</h1><p>Posted on: Tuesday 12 November 2024</p>
<p>Inspectors from Ofsted have praised the way the council responds when people first raise concerns about a child,
following a focused visit to the council's children's services last month. Managers review contacts promptly and
decisions are clearly recorded, inspectors said in their letter to the council.</p>
<p>The out-of-hours team, which Rutland shares with Halton Borough Council, was not part of the visit.</p>
<p>Councillor Jo Bell, portfolio holder for children, said: "I want to thank every member of staff."</p>
</main></body></html>"""
    extracted = convert_html(html)
    assert extracted.hints["publisher"] == "Rutland County Council"  # not the host name trafilatura falls back to
    raw = "\n".join(b.text for b in extracted.blocks)
    meta = infer_metadata(Path("page.html"), raw, extracted.blocks, extracted.hints)
    assert meta["local_authorities"] == ["Rutland"]  # Halton only shares a team with it
    assert meta["doc_type"] == "council_page"


def test_a_trust_named_after_a_former_county_is_no_mention_of_the_county_on_its_successors_paper():
    text = ("Report title | Ofsted focused visit to West Northamptonshire children's services\n"
            "Report author | Jo Bell, Assistant Director, Northamptonshire Children's Trust\n"
            "1. To inform the Committee of the findings of Ofsted's focused visit to West Northamptonshire "
            "children's services, which are delivered on the council's behalf by Northamptonshire Children's Trust.\n"
            "2. Until 1 April 2021 children's social care in the county was the responsibility of Northamptonshire "
            "County Council, whose services were judged inadequate in 2019. Northamptonshire Children's Trust began "
            "delivering services in November 2020.\n"
            "3. West Northamptonshire's services were judged requires improvement to be good in 2022.\n"
            "4. That the Committee notes the actions being taken by Northamptonshire Children's Trust.")
    assert _meta(text)["local_authorities"] == ["West Northamptonshire"]


def test_a_story_published_just_after_a_year_on_an_inspection_in_it_answers_for_that_year(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    from qa.answers.contract import answer_to_dict

    story = ("High caseloads cost council its good rating\n\nRutland County Council was warned by the inspectorate "
             "in April 2018 that caseloads were unacceptably high following a focused visit. Ofsted downgraded "
             "the service after a visit in January 2019.")
    later = ("Rutland adoption figures\n\nRutland approved more adopters in January 2019 after a visit by "
             "the regional adoption agency's inspectors in January 2019.")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2019-02-19", "local_authorities": ["Rutland"],
                                  "title": "High caseloads"}),
            "later.txt": (later, {"doc_type": "council_page", "date": "2019-02-20", "local_authorities": ["Rutland"],
                                  "title": "Adoption"}),
            **halton_updates(6)}
    data = answer_to_dict(bm25_assistant_for(tmp_path, docs).ask("rutland focused visit 2018 caseloads"))
    assert not data["abstained"]
    assert data["passages"][0]["doc_id"] == "story"
    assert data["passages"][0]["filter_status"] == "match"  # it states the year's event: not shown apart
    assert "later" not in {p["doc_id"] for p in data["passages"]}  # its events are all in 2019


def test_a_year_window_admits_a_story_from_just_after_it_only_when_it_meets_every_other_filter():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import check_filters

    text = "Ofsted's inspectors visited in April 2018 and found caseloads too high."
    national = Document(doc_id="n", path="n.txt", text=text, doc_type="other", date="2019-01-05",
                        mentions={"event_dates": ["2018-04-01"]})
    named = Document(doc_id="r", path="r.txt", text=text, doc_type="news_article", date="2019-01-05",
                     local_authorities=["Rutland"], mentions={"event_dates": ["2018-04-01"]})
    too_late = Document(doc_id="t", path="t.txt", text=text, doc_type="news_article", date="2019-06-05",
                        local_authorities=["Rutland"], mentions={"event_dates": ["2018-04-01"]})
    letter = Document(doc_id="l", path="l.txt", text=text, doc_type="ofsted_letter", date="2019-02-10",
                      local_authorities=["Rutland"], period_start="2019-01-15", period_end="2019-01-16",
                      mentions={"event_dates": ["2018-04-01", "2019-01-01"]})
    query = parse("rutland caseloads 2018")
    assert check_filters(named, query).status == "match"
    # a letter on a January 2019 visit, "the first since the April 2018 judgement", is judged by its visit's dates
    assert check_filters(letter, query).status == "excluded"
    assert check_filters(named, parse("rutland caseloads between 2015 and 2018")).status == "excluded"  # years
    assert check_filters(national, query).status == "excluded"  # not shown as about Rutland on a date it reports
    assert check_filters(too_late, query).status == "excluded"  # past the publication lag


def test_a_terse_question_types_the_hub_and_a_regulator_in_lower_case():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand
    from qa.retrieval.question import parse

    assert "multi-agency safeguarding hub" in expand("rutland mv 2018 mash", FIELD_GLOSSARY)
    assert "special educational needs" not in expand("did the council send its plan", FIELD_GLOSSARY).lower()
    # (and the service it rates, which a page answering must name: round 53)
    assert parse("east riding cqc adult social care rating").names == ["CQC", "adult social care"]
    assert parse("rutland caseloads 2018").names == []


def test_a_childrens_homes_own_full_inspection_weighs_less_under_a_question_on_the_councils_services():
    from qa.datatypes import Document
    from qa.retrieval.question import parse
    from qa.retrieval.rank import prior

    home = Document(doc_id="h", path="h.txt", doc_type="ofsted_report", local_authorities=["Rutland"],
                    text="Children's home inspection - Full\nUnique reference number: SC123456\nRegistered manager: "
                         "Jo Bell")
    report = Document(doc_id="r", path="r.txt", doc_type="ofsted_report", local_authorities=["Rutland"],
                      text="Rutland County Council\nInspection of children's social care services")
    query = parse("When did Ofsted carry out its full inspection of Rutland children's services?")
    assert prior(home, query, None) < prior(report, query, None)
    about_homes = parse("When was the Rutland children's home inspected?")
    assert prior(home, about_homes, None) == prior(report, about_homes, None)
