"""Round 92: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_quarters_end_asked_is_a_figures_stock_date():
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    # the figure at a quarter's end is reported later (a scrutiny paper months on), read as at its month
    for text in ("rutland agency SW % at end of Q1 25/26 (june 2025) - scrutiny paper figure pls",
                 "rutland caseloads at end of quarter one (June 2025)?"):
        query = parse(text)
        assert (query.date_from, query.date_to) == (date(2025, 6, 1), date(2025, 6, 30)), text
        assert rank.as_at_asked(query) == (2025, 6), text
    # (not a meeting's month: "what was said at Q2 (september 2025) scrutiny?", "at march 2019 - cabinet?")
    for text in ("rutland caseloads - what was said at Q2 (september 2025) scrutiny?",
                 "rutland caseloads at march 2019 - cabinet?",
                 "rutland cla numbers at Q2 (sept 2025) cross-party scrutiny panel?",
                 "rutland cla numbers at Q2 (sept 2025) CPP?", "agency % at Q2 (sept 2025) O&S committee",
                 "rutland cla numbers at march 2025 cpp?",
                 "rutland caseloads at Q2 (sept 2025) when ofsted did the MV?"):
        assert rank.as_at_asked(parse(text)) is None, text


def test_a_figure_at_a_quarters_end_is_found_in_the_later_paper(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    paper = ("Rutland County Council\n\nChildren's scrutiny panel, 12 November 2025\n\nSocial work workforce: "
             "quarter 2\n\nAt 30 June 2025 (the end of quarter 1), agency social workers made up 9.8% of the "
             "qualified workforce in Rutland. By 30 September 2025 the agency rate had fallen to 8.6%.\n")
    docs = {"paper.txt": (paper, {"doc_type": "council_page", "date": "2025-11-12",
                                  "local_authorities": ["Rutland"]}), **other_council_news()}
    # (next year's paper on its own quarter 1 is past the figures' lag)
    later = ("Rutland County Council\n\nChildren's scrutiny panel, 10 September 2026\n\nIn quarter 1 of 2026/27, "
             "agency social workers made up 6.1% of the qualified workforce in Rutland.\n")
    docs["later.txt"] = (later, {"doc_type": "council_page", "date": "2026-09-10", "local_authorities": ["Rutland"]})
    answer = bm25_assistant_for(tmp_path, docs).ask("rutland agency SW % at end of Q1 25/26 (june 2025)?")
    assert not answer.abstained, answer.message
    assert answer.hits[0].document.doc_id == "paper" and "later" not in {h.document.doc_id for h in answer.hits}


def test_a_reports_closing_use_of_its_findings_weighs_as_scope():
    from qa.retrieval import rank

    question = "what did ofsted write about edge of care work with teenagers?"
    finding = ("Adolescents at risk of family breakdown receive intensive, skilled help from the edge of care team, so "
               "fewer children come into care in crisis.")
    closing = "Ofsted will use the findings of this inspection to plan future activity with the local authority."
    assert rank.scope_weight(closing, question, None) < rank.scope_weight(finding, question, None) == 1.0
    # (not a review's own use of its findings, nor the Chief Inspector's quoted)
    for said in ("Ofsted will use the findings of this review to change how it inspects children's homes.",
                 '"Ofsted will use the findings of this review to hold councils to account," said the Chief '
                 'Inspector.'):
        assert rank.scope_weight(said, question, None) == 1.0, said
    # (as its letters' "Ofsted will take the findings from this monitoring visit into account ...")
    assert rank.scope_weight("Ofsted will take the findings from this monitoring visit into account when planning "
                             "your next inspection.", question, None) < 1.0
