"""`qa eval --truth`: inferred metadata scored against labels of the wider corpus's form (invented rows)."""
from types import SimpleNamespace

from qa.evaluation.questions import format_metadata_report, score_metadata


def doc(path, **fields):
    values = dict(doc_type="news_article", date=None, local_authorities=[], visit_number=None, period_start=None,
                  period_end=None, title="", text="")
    values.update(fields)
    return SimpleNamespace(path=path, **values)


def label(file, **fields):
    row = dict(file=file, doc_type="news_article", date=None, local_authorities=[], visit_number=None, period=None,
               title=None)
    row.update(fields)
    return row


def test_each_field_is_scored_over_its_labels():
    docs = [doc("a.txt", date="2019-03-04", local_authorities=["Barnet"],
                title="Barnet children's services praised by inspectors - Invented Weekly"),
            doc("b.html", doc_type="council_page", date="2020-01-01", visit_number=2, period_start="2019-12-10",
                period_end="2019-12-11", title="Menu | Home | News"),
            doc("c.txt", date="2021-05-02", title="Dear local partners")]
    truth = [label("a.txt", date="2019-03-20", date_note="text: '20 March 2019'", local_authorities=["London "
                   "Borough of Barnet"], title="Barnet children's services praised by inspectors"),
             label("b.html", doc_type="council_page", date="2020-01-28", visit_number=2, period="2019-12-10/2019-12-11",
                   title="Ofsted praises response to exploitation"),
             label("c.txt", doc_type="other", doc_type_alt="news_article", title=None)]
    s = score_metadata(docs, truth)["summary"]
    assert s["doc_type"] == (3, 3) and s["date"] == (2, 2) and s["false_dates"] == 1
    assert s["authorities"] == (3, 3) and s["visit_number"] == (1, 1) and s["period"] == (1, 1)
    assert s["title"] == (1, 2)  # a site name around the headline is the same title; a menu line is not
    assert s["title_text"] == (0, 0)  # neither text holds its labelled title
    report = format_metadata_report(score_metadata(docs, truth))
    assert "title: got 'Menu | Home | News'" in report and "title 1/2 (50%)" in report


def test_a_title_holding_only_part_of_the_headline_is_not_it():
    docs = [doc("a.txt", title="Barnet", text="Barnet children’s services rated good by inspectors\n\nThe council...")]
    assert score_metadata(docs, [label("a.txt", title="Barnet children's services rated good by inspectors")]
                          )["summary"]["title_text"] == (0, 1)
