"""Failure classes found by the fourteenth round's sets (v34 questions, set32 invented files, and the pooled
development misses), on invented fixtures."""
from conftest import bm25_assistant_for

from qa.answers.contract import answer_to_dict
from qa.datatypes import Block


def halton_updates(count: int) -> dict:
    """Documents about another council, dated one a year: so that the words of a fixture weigh something in BM25."""
    return {f"update{n}.txt": (f"Halton update {n}\n\nFoster carer recruitment in Halton rose by {n} families.",
                               {"doc_type": "council_page", "date": f"201{n}-02-01", "local_authorities": ["Halton"],
                                "title": f"Update {n}"}) for n in range(count)}

REPORT_AND_STORY = {
    "report.txt": ("Inspection of Rutland children's services\n\nChildren's services in Rutland are inadequate. "
                   "Inspectors found that children wait too long for assessments and plans are weak. Councillors "
                   "want leaders held to account for the failings in the inadequate report.",
                   {"doc_type": "ofsted_report", "date": "2015-05-20", "local_authorities": ["Rutland"],
                    "title": "Inspection of Rutland"}),
    "story.txt": ("Greens call for councillors to answer for Ofsted report\n\nThe Greens want Councillor Jo Bell, "
                  "cabinet member for children, held to account for the failings in the inadequate Ofsted report on "
                  "Rutland. Services were last judged adequate in 2012.",
                  {"doc_type": "news_article", "local_authorities": ["Rutland"], "title": "Greens call"}),
    **{f"update{n}.txt": (f"Rutland update {n}\n\nFoster carer recruitment in Rutland rose by {n} families.",
                          {"doc_type": "council_page", "date": f"201{n}-02-01", "local_authorities": ["Rutland"],
                           "title": f"Update {n}"}) for n in (0, 1, 2, 3, 4, 6, 7, 8, 9)},
}


def test_a_who_question_the_years_report_cannot_answer_takes_an_undated_story_recalling_the_years_before(tmp_path):
    a = bm25_assistant_for(tmp_path, REPORT_AND_STORY)
    data = answer_to_dict(a.ask("Which Rutland councillors did the Greens want held to account after the 2015 "
                                "inadequate report?"))
    assert not data["abstained"]
    first = data["passages"][0]
    assert first["doc_id"] == "story" and first["unconfirmed"] == ["date"]  # shown apart, labelled
    assert "date is not stated" in data["filters_description"]
    # the report answers a question about its findings: the undated story is not added beside it
    found = answer_to_dict(a.ask("What did the 2015 Rutland report find about assessments?"))
    assert {p["doc_id"] for p in found["passages"]} == {"report"}


def test_a_details_tables_rows_date_a_report_and_its_inspection():
    from qa.documents.metadata import infer_date, infer_period

    rows = ["Hollybrook House", "Children's home inspection: Good", "| Unique reference number | SC000001 |",
            "|---|---|", "| Local authority area | Rutland |", "| Inspection dates | 5 and 6 March 2019 |",
            "| Report published | 2 April 2019 |", "| Previous inspection | 12 June 2018 |",
            "Children have settled well at the home."]
    text = "\n\n".join(rows)
    assert infer_date([Block("para", r) for r in rows], {}, text)[0] == "2019-04-02"
    assert infer_period(text)[0] == ("2019-03-05", "2019-03-06")


def test_a_papers_subject_line_dates_the_visit_it_reports_on():
    from qa.documents.metadata import infer_period

    paper = ("RUTLAND COUNTY COUNCIL\n\nDate of meeting | 4 February 2020\n\n"
             "Subject | Ofsted monitoring visit, 10 and 11 December 2019\n\n"
             "1.1 To inform the committee of the findings of the visit.")
    assert infer_period(paper)[0] == ("2019-12-10", "2019-12-11")
    # a visit named beside a date that is no visit's ("the visit, published on 3 May") is not dated by it
    assert infer_period("The committee noted the letter on the visit, published on 3 May 2020.")[0] is None


def test_a_story_naming_its_visit_in_apposition_numbers_it():
    from qa.documents.metadata import infer_visit_number

    story = ("Inspectors have seen early signs of change. The monitoring visit, the first since the inadequate "
             "rating last July, took place over two days in December.")
    assert infer_visit_number(story)[0] == 1
    # a visit recalled that way is no story's own ("since the last monitoring visit, the second of ...")
    assert infer_visit_number("Progress has slowed since the last monitoring visit, the second since the "
                              "inspection.")[0] is None


LATER_STORY = {
    "story.txt": ("Rutland improves to good\n\nAt a full Ofsted inspection in 2017, inspectors found high caseloads in Rutland "
                  "were harming practice. In a focused visit the following year, caseloads were still too high. At "
                  "its latest inspection, in late 2021, caseloads had fallen and services were good.",
                  {"doc_type": "news_article", "local_authorities": ["Rutland"], "title": "Rutland improves"}),
    **{f"other{n}.txt": (f"Foster carers {n}\n\nFoster carer recruitment in Halton rose by {n} families.",
                         {"doc_type": "council_page", "date": f"201{n}-02-01", "local_authorities": ["Halton"],
                          "title": f"Update {n}"}) for n in range(8)},
}


def test_an_undated_story_written_later_that_never_names_the_asked_year_is_silent_on_it(tmp_path):
    a = bm25_assistant_for(tmp_path, LATER_STORY)
    # it names 2017, "the following year" (2018) and 2021: no 2019 visit, though written after it
    assert a.ask("Did Ofsted's 2019 focused visit to Rutland say caseloads were still too high?").abstained
    data = answer_to_dict(a.ask("rutland 2018 focused visit caseloads"))
    assert not data["abstained"] and data["passages"][0]["doc_id"] == "story"
    assert data["passages"][0]["unconfirmed"] == ["date"]


def test_an_apology_is_searched_as_sorry():
    from qa.retrieval.synonyms import with_synonyms

    assert "sorry" in with_synonyms("Did the council apologise to families?")
    assert with_synonyms("Was the council sorry?") == "Was the council sorry?"


def test_a_council_disputing_ofsted_puts_no_ofsted_documents_first():
    from qa.retrieval.question import parse

    for question in ["leicester council disputes ofsted ilacs findings",
                     "Which council publicly pushed back against Ofsted, saying the findings misrepresented it?",
                     "Rutland County Council rejected Ofsted's findings: why?"]:
        assert parse(question).source is None, question
    assert parse("What did Ofsted find about Leicester's front door?").source == "ofsted"
    assert parse("Which council's plans did Ofsted reject in 2019?").source == "ofsted"


def test_a_county_short_form_inside_an_asked_councils_name_is_no_name_to_find():
    from qa.retrieval.question import parse

    q = parse("When West Northants came off inadequate in November 2022, what did Ofsted say about risk?")
    assert q.authorities == ["West Northamptonshire"] and q.names == []
    assert parse("What did the CQC say about West Northants?").names == ["CQC"]


def test_which_of_their_councillors_asks_for_a_person():
    from qa.retrieval.answer_type import asks_person

    assert asks_person("Which party went after the cabinet leads, and which of their councillors spoke out?")
    assert asks_person("Which of the inspectors led the visit?")
    assert not asks_person("Which of the areas improved?")


def test_the_inspectors_own_letter_asks_for_ofsteds_documents_only():
    from qa.retrieval.question import parse

    q = parse("In the inspectors' own letter rather than the press coverage, what was wrong with plans at Rutland's "
              "third monitoring visit?")
    assert q.source == "ofsted" and set(q.doc_types) == {"ofsted_letter", "ofsted_report"}
    assert parse("What did inspectors say about plans in Rutland?").doc_types == []


def test_a_details_lists_date_of_visit_label_on_its_own_line_is_the_period():
    from qa.documents.metadata import infer_period

    page = ("Registered manager\n\nPost vacant\n\nDate of visit\n\n14 June 2022\n\nInformation about this home\n\n"
            "The home was judged inadequate at its full inspection on 22 March 2022.")
    assert infer_period(page)[0] == ("2022-06-14", "2022-06-14")
    assert infer_period("The date of the visit was agreed.\n\nInspectors visited on 3 May 2019.")[0] \
        == ("2019-05-03", "2019-05-03")


def test_a_years_report_sharing_no_word_with_the_question_lets_an_undated_story_answer(tmp_path):
    docs = {
        "report.txt": ("Single inspection of Rutland\n\nOfsted produces this document under section 152 of the "
                       "Education and Inspections Act 2006.",
                       {"doc_type": "ofsted_report", "date": "2015-05-20", "local_authorities": ["Rutland"],
                        "title": "Single inspection of Rutland"}),
        "story.txt": ("Damning verdict on Rutland\n\nInspectors identified five areas for priority and immediate "
                      "action, including adoption delays. Services were last judged adequate in 2012.",
                      {"doc_type": "news_article", "local_authorities": ["Rutland"], "title": "Damning verdict"}),
        **halton_updates(8),
    }
    a = bm25_assistant_for(tmp_path, docs)
    data = answer_to_dict(a.ask("rutland 2015 priority actions"))
    assert not data["abstained"]
    assert data["passages"][0]["doc_id"] == "story" and data["passages"][0]["unconfirmed"] == ["date"]


def test_keyword_search_alone_answers_a_question_sharing_few_words_and_refuses_one_about_something_else(tmp_path):
    """BM25-only mode: most words of an out-of-scope question occur nowhere in the corpus; an in-scope one
    whose best passage holds a fifth of its terms or more still answers."""
    docs = {
        "letter.txt": ("Monitoring visit to Rutland\n\nSupervision of social workers is now regular and reflective, "
                       "and managers challenge drift in children's plans.",
                       {"doc_type": "ofsted_letter", "date": "2019-03-05", "local_authorities": ["Rutland"],
                        "title": "Rutland letter"}),
        # (a corpus's vocabulary: the question's everyday words occur somewhere, as in any real corpus)
        **{f"update{n}.txt": (f"Halton update {n}\n\nFoster carer recruitment in Halton rose by {n} families; a good "
                              "year, the council said. Staff helped us think about the use of practice guidance.",
                              {"doc_type": "council_page", "date": f"201{n}-02-01", "local_authorities": ["Halton"],
                               "title": f"Update {n}"}) for n in range(6)},
    }
    a = bm25_assistant_for(tmp_path, docs)
    assert a.mode == "bm25-only"
    assert a.ask("What is a good recipe for lasagne?").abstained
    answered = a.ask("How were Rutland staff helped to think about practice - was supervision any use to them?")
    assert not answered.abstained and answered.hits[0].document.doc_id == "letter"


def test_a_year_the_text_gives_its_own_finding_is_no_year_it_recalls():
    from qa.retrieval.assistant import dates_own_event

    assert dates_own_event("in 2019 inspectors found that supervision had become reflective.")
    assert dates_own_event("in march 2018, ofsted inspectors said plans were weak.")
    assert not dates_own_event("services have improved since the last inspection in 2012.")


def test_a_papers_report_authors_subject_and_portfolio_holder_make_it_the_councils():
    from qa.documents.metadata import infer_authorities, paper_parts

    paper = ("CHILDREN'S SERVICES OVERVIEW AND SCRUTINY COMMITTEE\n\nReport subject | Ofsted second monitoring visit\n\n"
             "Recommendations | That the committee notes the findings.\n\nPortfolio Holder(s) | Councillor Jo Bell\n\n"
             "Report Authors | Sam Reed, Head of Quality Assurance\n\nWards | Council-wide\n\n"
             + "The improvement plan is on track, the director said. " * 20
             + "\n\n1. Ofsted judged children's services in Rutland to be inadequate in 2021.")
    assert paper_parts(paper) >= 3
    assert infer_authorities(paper)[0] == ["Rutland"]


def test_a_news_sites_section_label_is_no_title_and_a_buildings_name_is_no_byline():
    from pathlib import Path

    from qa.documents.metadata import _BYLINE_RE, infer_title

    lines = ["News Sport What's On Business Property Motors Jobs", "News Oakham Uppingham",
             "'Too many children waiting too long' for a permanent home, inspectors warn", "By Chloe Ashworth",
             "Inspectors have warned that too many children wait too long for a permanent home after their latest "
             "visit to the council in Oakham and Uppingham."]
    assert infer_title([Block("para", t) for t in lines], {}, Path("x.txt"))[0].startswith("'Too many children")
    assert not _BYLINE_RE.match("Heron Lodge") and _BYLINE_RE.match("By Chloe Ashworth")


def test_a_later_document_recalling_the_years_inspection_is_no_recall_of_a_monitoring_visit_then(tmp_path):
    docs = {
        "report.txt": ("Rutland inspection report\n\nSome services have significantly deteriorated since the last "
                       "inspection of children's services, published in 2016. Plans for children are weak.",
                       {"doc_type": "ofsted_report", "date": "2017-04-20", "local_authorities": ["Rutland"],
                        "title": "Rutland report"}),
        **halton_updates(6),
    }
    a = bm25_assistant_for(tmp_path, docs)
    assert a.ask("What did Ofsted's 2016 monitoring visit to Rutland find about plans for children?").abstained
    recalled = answer_to_dict(a.ask("What did Ofsted's 2016 inspection of Rutland find about plans for children?"))
    assert not recalled["abstained"] and recalled["passages"][0]["unconfirmed"] == ["later"]


def test_which_cabinet_members_asks_for_a_person():
    from qa.retrieval.answer_type import asks_person

    assert asks_person("Which Lambeth cabinet members did the local Greens want held to account?")
    assert asks_person("Which lead member spoke for the council?")


# ---------------------------------------------------------------- found by v35 and set33, read once after tuning stopped

def test_progress_named_in_another_clause_is_no_trail_question():
    from qa.retrieval.timeline import detect

    assert detect("How did Rutland's lead member react to the MV5 report, and what did he credit for the "
                  "progress?") is None
    assert detect("How has Rutland's front door changed since 2016?").kind == "trail"
    assert detect("How have caseloads in Rutland children's services improved?").kind == "trail"


def test_a_focused_visit_is_named_as_a_phrase_not_by_its_two_words_anywhere(tmp_path):
    def corpus(text):
        return {"letter.txt": (text, {"doc_type": "ofsted_letter", "date": "2021-05-05", "local_authorities": ["Rutland"],
                                      "title": "Rutland letter"}),
                **halton_updates(6)}

    monitoring = bm25_assistant_for(tmp_path / "a", corpus(
        "Monitoring visit to Rutland\n\nThe monitoring visit focused on care leavers, whose plans have improved."))
    refused = monitoring.ask("What did the 2021 focused visit to Rutland find about care leavers?")
    assert refused.abstained and "focused visit" in refused.message
    focused = bm25_assistant_for(tmp_path / "b", corpus(
        "Focused visit to Rutland\n\nThe focused visit looked at care leavers, whose plans have improved."))
    assert not focused.ask("What did the 2021 focussed visit to Rutland find about care leavers?").abstained


def test_a_royal_boroughs_site_a_county_papers_label_table_and_a_crown_copyright_publication_line():
    from qa.documents.metadata import infer_date, infer_doc_type

    release = ("Ofsted praises support for Rutland care leavers\n\nInspectors carried out a focused visit to Rutland's "
               "services for care leavers. Councillor Jo Bell, Lead Member for Children's Services, said: \"Our care "
               "leavers told inspectors their advisers are there for them.\"")
    blocks = [Block("para", p) for p in release.split("\n\n")]
    assert infer_doc_type(release, blocks, {"publisher": "Royal Borough of Rutland"}, ["Rutland"])[0] == "council_page"
    paper = ("RUTLAND COUNTY COUNCIL\n\nReport\n\nCommittee: | Children and Young People Select Committee\n\n"
             "Title: | Ofsted focused visit to Rutland children's services\n\nReport From: | Director of Children's "
             "Services\n\nContact name: | Sam Reed\n\n1. Recommendation\n\n1.1 That the Select Committee notes the "
             "outcome of the Ofsted focused visit.")
    assert infer_doc_type(paper, [Block("para", p) for p in paper.split("\n\n")], {}, ["Rutland"])[0] == "council_page"
    report = [Block("para", "Children's home inspection - Full"), Block("para", "The home is good. " * 40),
              Block("para", "Crown copyright 2019. Published 17 June 2019.")]
    assert infer_date(report, {})[0] == "2019-06-17"


def test_a_two_page_letters_running_footer_is_dropped_from_the_text_and_dates_it_as_page_furniture(tmp_path):
    from fpdf import FPDF

    from qa.documents.convert import convert
    from qa.documents.metadata import infer_date

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=25)
    pdf.footer = lambda: (pdf.set_y(-15), pdf.set_font("Helvetica", size=8),
                          pdf.cell(0, 5, f"Report published 3 May 2022  |  Rutland monitoring visit  |  page {pdf.page_no()}"))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    topics = ["assessments", "plans", "visits", "supervision", "audits", "caseloads", "training", "advocacy",
              "placements", "reviews", "contacts", "referrals", "strategy meetings", "enquiries", "transitions",
              "pathway plans", "health checks", "education", "housing", "leadership"]
    for topic in topics + [t + " again" for t in topics[:8]]:  # (two pages; each paragraph's words its own: no line repeats at the page edges)
        pdf.multi_cell(0, 5, f"On {topic}, inspectors found that work with children is improving, and that managers "
                             f"record the reasons for their decisions about {topic} in most cases they sampled.")
        pdf.ln(2)
    pdf.output(str(tmp_path / "letter.pdf"))
    assert pdf.page_no() == 2
    extracted = convert(tmp_path / "letter.pdf", 10**8)
    text = "\n".join(b.text for b in extracted.blocks)
    assert len(extracted.blocks) > 10 and "monitoring visit  |" not in text and "page 1" not in text
    assert "Report published 3 May 2022" in extracted.hints["page_furniture"]
    assert infer_date(extracted.blocks, extracted.hints, text)[0] == "2022-05-03"


# ---------------------------------------------------------------- review of the round's change

def test_review_fixes_plurals_surnames_line_starts_commas_and_word_bounds():
    from qa.documents.clean import split_running_lines
    from qa.documents.metadata import _BYLINE_RE, infer_visit_number
    from qa.retrieval.question import find_names
    from qa.retrieval.timeline import detect

    assert _BYLINE_RE.match("By Sarah Hall") and _BYLINE_RE.match("Margaret Court")
    assert infer_visit_number("Rutland progress\nThe monitoring visit, the first since the rating, took place in May.")[0] == 1
    assert detect("How has Rutland, since its 2018 rating, improved?").kind == "trail"
    assert find_names("Did North Yorkshire share staff with York?", ["North Yorkshire"]) == ["York"]
    # a two-page letter: its running footer goes at the page edges, a paragraph's own numbered line stays
    page1 = "Ofsted\nDear Jo\n1. Plans are weak.\nSupervision is regular.\n1. Plans are weak.\nRutland ref 1"
    page2 = "Ofsted\n2. Audits are thorough.\nLeaders know the service.\nYours sincerely\nJo Bell\nRutland ref 2"
    kept, _running = split_running_lines([page1, page2])
    assert "Rutland ref" not in "".join(kept) and kept[0].count("1. Plans are weak.") == 2


def test_a_focused_visit_named_in_the_plural_is_mentioned(tmp_path):
    docs = {"letter.txt": ("Rutland update\n\nOfsted carried out two focused visits to Rutland in 2021; care leavers' "
                           "plans have improved.", {"doc_type": "council_page", "date": "2021-12-05",
                                                    "local_authorities": ["Rutland"], "title": "Rutland update"}),
            **halton_updates(6)}
    a = bm25_assistant_for(tmp_path, docs)
    assert not a.ask("What did the 2021 focused visit to Rutland find about care leavers' plans?").abstained
