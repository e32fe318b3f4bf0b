"""Failure classes found by the twentieth round's development sets (v57, v58 questions; set55, set56 invented
files); invented fixtures."""
from qa.documents import gazetteer
from qa.documents.convert import convert_html
from qa.documents.metadata import infer_authorities, infer_visit_number
from qa.retrieval.question import parse


def test_the_town_in_any_ofsted_offices_letterhead_is_the_senders():
    letter = ("Ofsted\nClarendon Court\nExample Street\nNottingham\nenquiries@ofsted.example\nwww.ofsted.example\n\n"
              "12 March 2024\n\nJo Bell Director of Children's Services Rutland County Council Catmose Oakham\n\n"
              "Dear Jo\n\nMonitoring visit to Rutland children's services\n\nThis letter summarises the findings of "
              "the monitoring visit to Rutland children's services on 6 and 7 February 2024. Leaders know their "
              "services well.")
    assert infer_authorities(letter)[0] == ["Rutland"]
    one_line = letter.replace("Ofsted\nClarendon Court\nExample Street\nNottingham\nenquiries",
                              "Ofsted Clarendon Court Example Street\nNottingham enquiries")
    assert infer_authorities(one_line)[0] == ["Rutland"]
    # a place Ofsted writes about, with no contact details after it, is still named
    assert "Nottingham" in {m.name for m in gazetteer.find_in_text("Ofsted inspected\nNottingham children's "
                                                                        "services in May.")}


def test_a_county_describing_an_unnamed_council_is_not_its_subject():
    story = ("Front door delays persist, Ofsted finds\n\nInspectors found more than 200 contacts waiting at a Kent "
             "authority's safeguarding hub.\n\nOfsted has warned that Medway Council is still not deciding quickly "
             "enough when concerns about children are reported.")
    assert infer_authorities(story)[0] == ["Medway"]
    assert infer_authorities(story.replace("a Kent authority's", "a Kent coastal council's"))[0] == ["Medway"]
    # the county's own council, or the county as a place, stays
    assert "Kent" in infer_authorities(story.replace("a Kent authority's", "Kent County Council's"))[0]


def test_cwac_is_cheshire_west_and_chester_and_its_predecessor_is_history():
    assert gazetteer.canonical_authority("CWaC") == "Cheshire West and Chester"
    paper = ("Agenda item 7\n\nMeeting | Children and Families Scrutiny Committee\n\nDate of meeting | 13 March 2023"
             "\n\n1.1 This report informs members of the outcome of the Ofsted focused visit to the Children's Access "
             "Point in January 2023.\n\n3.1 CWaC has operated a single front door for children's services since the "
             "authority was established in April 2009, when children's social care transferred from the former "
             "Cheshire County Council.")
    assert infer_authorities(paper)[0] == ["Cheshire West and Chester"]


def test_a_members_former_employer_is_named_in_passing():
    minutes = ("Minutes of the Children's Services Scrutiny Panel\n\nOfficers in attendance | Jo Bell (Director of "
               "Children's Services)\n\nThe Director reported on the first Ofsted monitoring visit since the "
               "inadequate judgement, held on 12 and 13 March 2024.\n\nMembers heard that caseloads had fallen.\n\n"
               "Councillor Hart, who had worked as a social worker for Halton Borough Council before Rutland's "
               "services were reorganised, asked how the panel would know whether supervision was improving.")
    assert "Halton" not in infer_authorities(minutes)[0]


def test_a_visit_still_to_come_is_not_the_one_a_committee_paper_reports():
    reported = ("Agenda item 7: Ofsted monitoring visit outcome\n\nThe Assistant Director introduced the report, which "
                "set out the findings of Ofsted's fourth monitoring visit, held on 18 and 19 June 2024.\n\n")
    # (review: each wording on its own, so that each rule is pinned)
    assert infer_visit_number(reported + "The Committee noted that a fifth monitoring visit was expected before the "
                                         "end of the year.")[0] == 4
    assert infer_visit_number(reported + "Members asked for a further update after the fifth monitoring visit "
                                         "letter is published.")[0] == 4
    # (review) the reported visit's own letter "is published" on a website: still that visit
    assert infer_visit_number("The fourth monitoring visit letter is published on the Ofsted website. Inspectors "
                              "found leaders had made progress.")[0] == 4


def test_a_councils_own_select_committee_paper_is_a_council_page():
    from conftest import metadata_of as _meta

    paper = ("# Children, Families and Education Select Committee\n**London Borough of Hillingdon**\n"
             "| Committee name | Children, Families and Education Select Committee |\n| Meeting date | 23 January "
             "2025 |\n| Officer reporting | Jo Bell, Head of Service |\n## Ofsted focused visit: care leavers\n"
             "### Summary\nThis report informs the Committee of the findings of the Ofsted focused visit to "
             "Hillingdon's services for care leavers.\n### Recommendation\nThat the Committee notes the findings.\n"
             "### Financial implications\nThere are no financial implications.\n### Background papers\nNone.")
    assert _meta(paper, {}, "paper.md")["doc_type"] == "council_page"
    # Parliament's select committee stays another body's
    commons = ("House of Commons Education Select Committee\nThe Committee took evidence from Ofsted's chief "
               "inspector on the inspection of children's services.\nConclusions and recommendations\nThe Committee "
               "recommends that the Department for Education reviews the framework.")
    assert _meta(commons, {}, "commons.txt")["doc_type"] == "other"


LATER_PAPER = {
    "paper.txt": ("Focused visit: response and action plan\n\nThis report informs members of the outcome of the Ofsted "
                  "focused visit to the front door in January 2023. The current front door model was introduced in "
                  "2021, bringing social workers and police together in one team. Focused visits are carried out "
                  "under the inspection framework.",
                  {"doc_type": "council_page", "date": "2023-03-13", "local_authorities": ["Rutland"],
                   "title": "Focused visit response"}),
}


def test_a_later_document_recalls_the_asked_year_only_as_an_inspections_or_a_visits(tmp_path):
    from conftest import bm25_assistant_for

    asked = "What did Ofsted's 2021 focused visit to Rutland find about the front door?"
    assert bm25_assistant_for(tmp_path / "a", LATER_PAPER).ask(asked).abstained
    # a later paper naming the year as a visit's is shown apart, as recalling it
    docs = {"paper.txt": (LATER_PAPER["paper.txt"][0].replace(
        "The current front door model was introduced in 2021", "At the focused visit in 2021 inspectors found the front "
        "door was slow"), LATER_PAPER["paper.txt"][1])}
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(asked)
    assert not answer.abstained and answer.hits[0].unconfirmed == ["later"]


def test_how_far_a_long_named_measure_has_fallen_asks_for_a_change():
    assert parse("According to the scrutiny committee report, how far has the use of agency social workers at the "
                 "front door fallen since the focused visit?").answer_type == "count"


def test_a_focused_visit_asked_leans_away_from_numbered_monitoring_visits(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    docs = {"monitoring.txt": ("Monitoring visit to Rutland children's services\n\nThis letter summarises the "
                               "findings of the monitoring visit to Rutland children's services on 14 and 15 June "
                               "2023. Inspectors carried out this visit to Rutland after the inadequate judgement. "
                               "During the visit, inspectors focused on the front door.",
                               {"doc_type": "ofsted_letter", "date": "2023-07-11", "local_authorities": ["Rutland"],
                                "visit_number": 1, "title": "Monitoring visit to Rutland"}),
            "focused.txt": ("Focused visit to Rutland\n\nThis letter summarises the findings of the focused visit "
                            "to Rutland local authority children's services on 30 and 31 July 2019.",
                            {"doc_type": "ofsted_letter", "date": "2019-09-18", "local_authorities": ["Rutland"],
                             "title": "Focused visit to Rutland"}),
            **halton_updates(6)}
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("When did Ofsted carry out its focused visit to Rutland?")
    assert answer.hits[0].document.doc_id.startswith("focused")
    answer = assistant.ask("When did Ofsted carry out its monitoring visit to Rutland?")
    assert answer.hits[0].document.doc_id.startswith("monitoring")


PAGE = """<html><head><title>Front door delays persist, Ofsted finds | Children's Practice Weekly</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Front door delays persist, Ofsted finds", "datePublished": "2024-03-14T07:30:00+00:00",
"publisher": {"@type": "Organization", "name": "Practice Media Ltd"}}</script></head>
<body><article><h1>Front door delays persist, Ofsted finds</h1>
<p>Ofsted has warned that Rutland County Council is still not making decisions quickly enough when concerns about
children are first reported, more than a year after its children's services were rated inadequate.</p>
<p>Inspectors found that social workers in the assessment teams were each holding an average of 24 children, and
that newly qualified practitioners carried more than 20 cases.</p></article></body></html>"""


def test_a_publication_is_named_by_its_sites_title_and_answers_for_itself(tmp_path):
    from qa.config import load_settings
    from qa.documents.metadata import infer_publisher
    from qa.retrieval.assistant import Assistant

    hints = convert_html(PAGE).hints
    assert hints.get("title_site") == "Children's Practice Weekly" and "publisher" not in hints
    assert infer_publisher("", "news_article", ["Rutland"], hints) == "Children's Practice Weekly"
    # a document-sharing site's name over an Ofsted letter is no publisher; a council in the title stays one
    hosted = convert_html(PAGE.replace("Children's Practice Weekly", "PaperStack")).hints
    assert infer_publisher("", "ofsted_letter", ["Rutland"], hosted) == "Ofsted"
    council = convert_html(PAGE.replace("Children's Practice Weekly", "Blackburn with Darwen Borough Council")).hints
    assert council.get("publisher") == "Blackburn with Darwen Borough Council"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "story.html").write_text(PAGE, encoding="utf-8")  # read as a user's HTML file
    assistant = Assistant(load_settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus",
                                        model=str(tmp_path / "no_model")))
    answer = assistant.ask("What did Children's Practice Weekly report about caseloads in Rutland's assessment teams?")
    assert not answer.abstained and answer.hits[0].document.publisher == "Children's Practice Weekly"
    # a publication no page names still abstains
    assert assistant.ask("What did the Rutland Gazette report about caseloads in Rutland's assessment teams?"
                         ).abstained


def test_a_later_storys_passages_on_its_own_event_weigh_less_under_the_asked_year(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    story = ("High caseloads cost council its good rating\n\nRutland County Council was warned by the inspectorate in "
             "April 2018 that caseloads were unacceptably high following a focused visit. Since then the council has "
             "invested an extra two million pounds in its children's services, recruited a new director and opened "
             "a training academy for newly qualified practitioners. Leaders told the local paper that the academy had "
             "already trained twelve recruits and that more would follow in the autumn.\n\nAt the visit in January "
             "2019, inspectors focused on caseloads, which were still too high for most social workers; caseloads "
             "were highest in the duty team. Inspectors also said that supervision was regular but did not always "
             "challenge drift, and that plans for children in care were not always reviewed on time.")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2019-02-19", "local_authorities": ["Rutland"],
                                  "title": "High caseloads"}), **halton_updates(6)}
    hits = bm25_assistant_for(tmp_path, docs).ask("rutland focused visit 2018 caseloads").hits
    assert hits[0].passage.text.startswith("High caseloads") and "April 2018" in hits[0].passage.text


def test_a_hyphenated_or_apostrophed_surname_names_a_person():
    # (after set57 was read) "Who was appointed commissioner?" abstained: the name stopped at the hyphen
    from qa.retrieval.answer_type import holds, names_person_in_role

    for sentence in ("Gillian Marsh-Travers has been appointed as the children's services commissioner for Rutland.",
                     "Sean O'Brien was appointed as the children's services commissioner for Rutland.",
                     "Jo McDonald has been appointed as the children's services commissioner for Rutland."):
        assert holds("person", sentence) and names_person_in_role("commissioner", sentence), sentence
    assert not holds("person", "The council has been appointed as the lead for the region.")


def test_review_passing_mentions_and_letterheads_keep_the_subject():
    # its own staff, or work done for it, is no former post
    staff = ("Caseloads too high, staff say\n\nSocial workers working for Rutland County Council have told the "
             "Gazette their caseloads are too high.\n\nOne said she had more than 30 children. The council said it "
             "was recruiting. Unison said neighbouring Leicestershire had similar problems.")
    assert infer_authorities(staff)[0] == ["Rutland"]
    tireless = ("Ofsted praises front door\n\nOfsted said staff had worked tirelessly for Rutland's children since "
                "the inspection. Leicestershire was inspected last year.")
    assert infer_authorities(tireless)[0][0] == "Rutland"
    # a sentence or a headline opening on "Ofsted" is no letterhead, whatever contact follows the place
    report = ("Rutland praised for fostering\n\nOfsted's full report on Rutland is available at "
              "www.reports.example.\n\nNeighbouring Leicestershire was rated good last year.")
    assert "Rutland" in infer_authorities(report)[0]
    byline = ("Ofsted praises Rutland fostering service\nBy Jo Bell @jobell_news\n\nInspectors said carers were well "
              "supported. Leicestershire was inspected last year.")
    assert infer_authorities(byline)[0][0] == "Rutland"


def test_review_effort_questions_are_no_change_in_a_number():
    for asked in ("How much has the council done to ensure that caseloads have fallen?",
                  "How far did leaders go to ensure caseloads fell?",
                  "How far has the council's work with schools helped attendance rise?",
                  "How much have leaders done to make sure that demand has reduced?"):
        assert parse(asked).answer_type != "count", asked
    assert parse("How far has the number of children in care in Rutland fallen since 2020?").answer_type == "count"


def test_review_a_titles_section_word_is_no_site_and_a_headline_no_council():
    for site in ("News", "Page 2", "Ofsted inspection", "Local News"):
        assert "title_site" not in convert_html(PAGE.replace("Children's Practice Weekly", site)).hints, site
    headline = PAGE.replace("Front door delays persist, Ofsted finds | Children's Practice Weekly",
                            "Ofsted Finds Problems with Rutland County Council")
    assert convert_html(headline).hints.get("publisher") != "Ofsted Finds Problems with Rutland County Council"


def test_review_a_document_on_a_focused_visit_is_not_weighed_down_for_a_number():
    from qa.datatypes import Document
    from qa.retrieval import rank

    query = parse("When did Ofsted carry out its focused visit to Rutland?")
    focused = Document("f", "f.txt", "This letter summarises the findings of the focused visit to Rutland. This was "
                       "the second visit since the inspection in 2019.", doc_type="ofsted_letter", visit_number=2,
                       local_authorities=["Rutland"], fingerprint="f1")
    monitoring = Document("m", "m.txt", "This letter summarises the findings of the monitoring visit to Rutland.",
                          doc_type="ofsted_letter", visit_number=2, local_authorities=["Rutland"], fingerprint="m1")
    assert rank.prior(focused, query, None) > rank.prior(monitoring, query, None)


def test_a_visit_then_a_dash_and_its_count_since_the_inadequate_judgement_is_numbered():
    # (after set58 was read) a council's release on its monitoring visit
    release = ("Rutland County Council has welcomed the findings of Ofsted's latest monitoring visit.\n\nThe letter, "
               "published today, follows a two-day visit by inspectors in September - the third since the council's "
               "children's services were judged inadequate in February 2024.")
    assert infer_visit_number(release)[0] == 3
    # not a focused visit, not the first since a judgement, nor a count from anything else
    assert infer_visit_number(release.replace("two-day visit", "focused visit"))[0] is None
    assert infer_visit_number("A visit in May - the second since the pandemic - found progress.")[0] is None
