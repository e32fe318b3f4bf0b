import re

import pytest

from qa.documents import clean
from qa.documents.clean import furniture_reason
from qa.datatypes import Block

from conftest import CORPUS, squash


def blocks_of(name):
    return clean.clean_blocks(clean.text_to_blocks((CORPUS / name).read_text(encoding="utf-8")))


def test_pdf_extraction_is_rejoined_into_paragraphs():
    raw = (CORPUS / "001_90290a2cca0cc67a.txt").read_text(encoding="utf-8")
    assert clean.looks_hard_wrapped(clean.normalise(raw))
    blocks = blocks_of("001_90290a2cca0cc67a.txt")
    paras = [b.text for b in blocks if b.kind == "para"]
    # a paragraph that ran over eight hard-wrapped lines is one block again
    joined = [p for p in paras if p.startswith("This letter summarises the findings")]
    assert joined and joined[0].endswith("Tara Geere HMI.")
    # a paragraph split by a page break is one block
    assert any("The daily threshold meetings are effective in providing more continuity and consistency" in p
               for p in paras)


def test_lost_bullets_become_list_items_and_headings_are_kept():
    blocks = blocks_of("001_90290a2cca0cc67a.txt")
    items = [b.text for b in blocks if b.kind == "item"]
    assert len(items) == 3
    assert items[0].startswith("the quality and timeliness of management oversight")
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert "Areas covered by the visit" in headings and "Findings and evaluation of progress" in headings


def test_teasers_and_furniture_are_removed():
    text = " ".join(b.text for b in blocks_of("000_1bb6b40faac4c722.txt"))
    for unwanted in ("Star Hobson", "Homes for Ukraine", "care leavers", "Read Full Story", "Make an Enquiry",
                     "Contact Us", "linkedin", "Subscribe", "#Respect4SocialWork", "Mackman"):
        assert unwanted not in text
    assert "supervision is not always happening regularly" in text
    council = " ".join(b.text for b in blocks_of("004_d327a56995dfd88d.txt"))
    assert "Loading, please wait" not in council and "Rate this page" not in council
    news = " ".join(b.text for b in blocks_of("002_15c88bbf87cf6891.txt"))
    assert "Comments are closed" not in news and "Photo:" not in news and "More from Community Care" not in news


def test_dehyphenation_uses_the_documents_own_words():
    text = ("The service has seen improve-\nment in its work. The improvement is clear and the work continues at pace "
            "across the teams of the whole local authority in question\nand decision-\nmaking remains the focus of "
            "all the managers who were spoken to by inspectors during the\nvisit to the authority in the autumn.\n"
            "x " * 1)
    lines = [l for l in text.split("\n")]
    blocks = clean.unwrap("\n".join(lines * 3))
    joined = " ".join(b.text for b in blocks)
    assert "improvement in its work" in joined
    assert "decision-making" in joined


def test_assemble_records_offsets_and_numbers():
    blocks = [Block("heading", "Title"), Block("para", "One."), Block("item", "Two"), Block("para", "Three.")]
    text = clean.assemble(blocks)
    assert [text[b.start:b.end] for b in blocks] == ["Title", "One.", "Two", "Three."]
    assert [b.number for b in blocks] == [None, 1, 2, 3]


def test_cleaned_text_keeps_source_words_verbatim():
    for path in sorted(CORPUS.glob("*.txt")):
        source = squash(clean.normalise(path.read_text(encoding="utf-8")))
        for b in blocks_of(path.name):
            assert squash(b.text) in source, (path.name, b.text[:80])


def test_a_paragraph_that_trails_off_does_not_cut_the_document():
    text = ("Monitoring visit to Anytown\n\nDear Mr Smith,\n\nThis letter summarises the findings of the visit to "
            "the service in detail for the council.\n\nInspectors found that progress had been made and then the "
            "progress stalled...\n\nFindings\n\nInspectors found that supervision was regular and reflective in "
            "most of the teams they visited.\n\nInspectors found that plans were clear for most children.\n\n"
            "Yours sincerely,\n\nA Inspector")
    kept = " ".join(b.text for b in clean.clean_blocks(clean.text_to_blocks(text)))
    assert "plans were clear for most children" in kept and "supervision was regular" in kept


def test_no_passage_joins_text_across_removed_furniture_even_past_a_heading():
    from qa.passages.split import split_document
    from qa.datatypes import Document

    text = ("Dear Sir or Madam,\n\nShare this page\n\n## Findings\n\n" +
            "Inspectors found that the service had improved in several ways across the year. " * 3)
    blocks = clean.clean_blocks(clean.text_to_blocks(text))
    doc = Document(doc_id="d", path="d.md", text=clean.assemble(blocks), blocks=blocks)
    passages = split_document(doc, max_words=120, min_words=25)
    assert not any("Dear Sir" in p.text and "Inspectors found" in p.text for p in passages)
    assert any(p.headings == ["Findings"] for p in passages)


def test_lines_cut_at_a_page_width_are_rejoined_inside_line_per_block_text():
    from qa.documents.clean import text_to_blocks

    # A report's opening: short title and table lines (so the text as a whole does not look hard-wrapped)
    # around paragraphs an extractor cut at about 80 characters.
    text = "\n".join([
        "Inspection of services for children in need of help and",
        "protection",
        "Report published: 3 March 2016",
        "Overall judgement",
        "Inadequate",
        "There are serious failures in the help given to children living with neglect in",
        "the borough, and leaders have not understood how weak the front door has become",
        "for families who ask for help. Managers do not check that plans are followed up.",
        "Leaders have agreed a plan for the front door with partners in health and the Local",
        "Safeguarding Children Board.",
        "Help and protection",
        "Inadequate",
        "Children in care",
        "Requires improvement",
        "Leadership",
        "Inadequate",
    ])
    paras = [b.text for b in text_to_blocks(text)]
    joined = [p for p in paras if p.startswith("There are serious failures")]
    assert joined and joined[0].endswith("Managers do not check that plans are followed up."), paras
    assert "Leaders have agreed a plan for the front door with partners in health and the Local Safeguarding " \
           "Children Board." in paras  # cut before a capitalised word, the line full to the width
    assert not any("Board. Help" in p for p in paras)  # the table after it stays apart
    assert re.sub(r"\s+", "", joined[0]) in re.sub(r"\s+", "", text)  # only spaces changed


def test_a_headline_filling_the_width_is_not_joined_to_the_paragraph_after_it():
    from qa.documents.clean import join_wrapped_lines

    lines = ["Ofsted rates Leeds children's services good for the first time in a decade",
             "Inspectors found that children in Leeds get help quickly and that leaders know the work.",
             "Related stories",
             "Council names new director of children's services in Bradford for the year",
             "Caseloads rise again in the north as councils struggle to recruit the staff"] * 3
    assert join_wrapped_lines(lines) == lines


@pytest.mark.parametrize("line", [
    "This article is available to subscribers. Log in or subscribe to continue reading.",
    "Already a subscriber? Log in to continue reading.",
    "Subscriber content | Log in to read more",
    "Want to read more? Subscribe to access unlimited articles and analysis.",
    "To continue reading, please subscribe.",
    "This article is for subscribers only",
    "Please log in or register to read more.",
])
def test_a_paywall_notice_is_furniture(line):
    assert furniture_reason(line) == "subscription prompt"


@pytest.mark.parametrize("line", [
    "Families must register to read more about the scheme, the council said.",
    "To subscribe to this newsletter, email the partnership's business unit.",
    "Want to read more about the improvement plan? The full Ofsted letter is on the council's website.",
    "Councillors who were unable to log in to the meeting were given a link to read on.",
])
def test_sentences_about_reading_or_subscribing_are_text(line):
    assert furniture_reason(line) is None
