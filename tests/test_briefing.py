from datetime import date

from qa.web import briefing


def passage(n: int, doc: str = "doc_a", text: str = "Inspectors found   that supervision\nwas regular.") -> dict:
    return {"passage_id": f"{doc}#{n}", "text": text, "doc_id": doc, "title": f"Title {doc}", "date": "2018-08-23",
            "doc_type_label": "letter", "location": f"para. {n}", "publisher": "Ofsted", "source": "https://x/y",
            "citation": f"Ofsted, Title {doc} (letter), 23 August 2018, para. {n}", "start": 100 * n,
            "end": 100 * n + 50}  # (a document's passages never share their text)


def test_items_add_move_remove():
    a, b, c = (briefing.item_from_passage(passage(i)) for i in (1, 2, 3))
    assert a["text"] == "Inspectors found that supervision was regular."
    items, added = briefing.add([], a)
    items, _ = briefing.add(items, b)
    items, _ = briefing.add(items, c)
    same, added = briefing.add(items, briefing.item_from_passage(passage(1)))
    assert not added and len(same) == 3
    assert [i["key"] for i in briefing.move(items, 0, 1)] == ["doc_a#2", "doc_a#1", "doc_a#3"]
    assert [i["key"] for i in briefing.move(items, 2, 1)] == ["doc_a#1", "doc_a#2", "doc_a#3"]  # no-op at the end
    assert [i["key"] for i in briefing.move(items, 0, -1)] == ["doc_a#1", "doc_a#2", "doc_a#3"]
    assert [i["key"] for i in briefing.remove(items, 1)] == ["doc_a#1", "doc_a#3"]
    assert len(items) == 3  # the helpers never change their input


def test_copy_formats():
    p = passage(4, text="Plans <b>are</b> *weak*.")
    plain = briefing.copy_plain(p)
    assert plain == "\u201cPlans <b>are</b> *weak*.\u201d\nOfsted, Title doc_a (letter), 23 August 2018, para. 4"
    md = briefing.copy_markdown(p)
    assert md.startswith("> Plans \\<b\\>are\\</b\\> \\*weak\\*.")
    assert "para. 4" in md


def test_markdown_export_has_quotes_citations_and_references():
    items = [briefing.item_from_passage(passage(1)), briefing.item_from_passage(passage(2, doc="doc_b")),
             briefing.item_from_passage(passage(5))]
    text = briefing.to_markdown(items, "Barnet", today=date(2024, 1, 2))
    assert text.startswith("# Barnet\n")
    assert "Compiled 2 January 2024." in text
    assert text.count("> Inspectors found that supervision was regular.") == 3
    assert "\u2014 Ofsted, Title doc\\_a (letter), 23 August 2018, para. 1 [1]" in text
    assert "para. 2 [2]" in text and "para. 5 [1]" in text  # same document, same reference
    refs = text.split("## References")[1]
    assert "1. Ofsted. Title doc\\_a (letter). 23 August 2018. source: https://x/y." in refs
    assert "2. Ofsted. Title doc\\_b" in refs


def test_docx_export(tmp_path):
    from docx import Document

    items = [briefing.item_from_passage(passage(1, text="First \x0bexcerpt about supervision.")),
             briefing.item_from_passage(passage(2, doc="doc_b", text="Second excerpt about thresholds."))]
    path = briefing.to_docx(items, tmp_path / "b.docx", "My briefing")
    doc = Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    quotes = [t for s, t in paragraphs if s == "Quote"]
    assert quotes == ["\u201cFirst excerpt about supervision.\u201d", "\u201cSecond excerpt about thresholds.\u201d"]
    texts = [t for _, t in paragraphs]
    i = texts.index(quotes[0])
    assert texts[i + 1] == "\u2014 Ofsted, Title doc_a (letter), 23 August 2018, para. 1 [1]"
    assert ("Heading 2", "References") in paragraphs
    numbered = [t for s, t in paragraphs if s == "List Number"]
    assert len(numbered) == 2 and numbered[0].startswith("Ofsted. Title doc_a")
    assert "My briefing" in briefing.docx_text(path)


def test_empty_briefing_exports():
    assert "(No excerpts yet.)" in briefing.to_markdown([])


def test_undated_reference():
    item = briefing.item_from_passage({**passage(1), "date": None, "publisher": "", "source": ""})
    assert briefing.reference_text(item) == "Title doc_a (letter). undated."


def test_markdown_escape_handles_every_line():
    assert briefing.markdown_escape("a\n# h\n 2. x\n- y *z*") == "a\n\\# h\n 2\\. x\n\\- y \\*z\\*"
