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

