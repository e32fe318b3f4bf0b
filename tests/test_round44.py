"""Round 44: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def _hit(doc_id: str, score: float):
    from qa.datatypes import Document, Hit, Passage

    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", text="", doc_type="ofsted_letter")
    return Hit(passage=Passage(passage_id=f"{doc_id}#{score}", doc_id=doc_id, text=str(score), start=0, end=1),
               document=doc, score=score)


def test_asked_about_a_place_another_documents_passage_needs_more_of_the_best_score():
    from qa.retrieval.assistant import ONE_PLACE_FLOOR, OTHER_DOCUMENT_FLOOR, without_weak_guesses

    hits = [_hit("letter", 1.0), _hit("story", 0.62), _hit("letter", 0.1)]
    assert ONE_PLACE_FLOOR > 0.62 >= OTHER_DOCUMENT_FLOOR
    assert [h.document.doc_id for h in without_weak_guesses(hits)] == ["letter", "story", "letter"]
    assert [h.document.doc_id for h in without_weak_guesses(hits, ONE_PLACE_FLOOR)] == ["letter", "letter"]


RUTLAND_LETTER = ("Monitoring visit to Rutland children's services\n\nInspectors found that supervision of social "
                  "workers in Rutland is now regular and reflective, and managers record clear direction for "
                  "children's plans. Supervision records show thoughtful discussion of risk.")
RUTLAND_POOL = ("Rutland leisure centre news\n\nThe leisure centre reopened its pool after repairs. Lifeguard "
                "supervision at the pool is regular, staff said. The cafe has new opening hours and the car park has "
                "been resurfaced over the summer holidays, with twenty more spaces for visitors.")


def test_the_place_floor_applies_to_questions_about_a_place_only(tmp_path, monkeypatch):
    from conftest import bm25_assistant_for, other_council_news
    import qa.retrieval.assistant as assistant

    docs = {"letter.txt": (RUTLAND_LETTER, {"doc_type": "ofsted_letter", "date": "2023-05-09",
                                            "local_authorities": ["Rutland"]}),
            "pool.txt": (RUTLAND_POOL, {"doc_type": "council_page", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    ask = bm25_assistant_for(tmp_path, docs).ask
    monkeypatch.setattr(assistant, "OTHER_DOCUMENT_FLOOR", 0.0)
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.0)
    placed, unplaced = "What did inspectors say about supervision in Rutland?", "What was said about supervision?"
    assert [h.document.doc_type for h in ask(placed).hits] == ["ofsted_letter", "council_page"]
    assert [h.document.doc_type for h in ask(unplaced).hits] == ["ofsted_letter", "council_page"]
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.99)
    assert [h.document.doc_type for h in ask(placed).hits] == ["ofsted_letter"]
    assert [h.document.doc_type for h in ask(unplaced).hits] == ["ofsted_letter", "council_page"]


def _minutes_docx() -> bytes:
    import io

    import docx

    d = docx.Document()
    for text, bold in [("RUTLAND COUNCIL CHILDREN'S SCRUTINY PANEL", True),
                       ("Wards affected: All", True),
                       ("12/24 OFSTED MONITORING VISIT - CARE LEAVERS", True),
                       ("The Director presented the letter from Ofsted on the visit to care leavers' services.", False),
                       ("AGREED that a written update on housing be brought to the next meeting.", False),
                       ("13/24 SCHOOL TRANSPORT BUDGET", True),
                       ("AGREED that the budget be noted.", False)]:
        paragraph = d.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold or None
    lead = d.add_paragraph()  # a paragraph opening on bold words is no heading
    lead.add_run("Note:").bold = True
    lead.add_run(" the panel meets again in March.")
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def test_a_word_paragraph_wholly_in_bold_heads_the_passages_under_it(tmp_path):
    from qa.config import load_settings
    from qa.documents.convert import convert_docx
    import qa.index.build as index_mod

    blocks = convert_docx(_minutes_docx()).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["RUTLAND COUNCIL CHILDREN'S SCRUTINY PANEL", "12/24 OFSTED MONITORING VISIT - CARE LEAVERS",
                        "13/24 SCHOOL TRANSPORT BUDGET"]
    assert [b.kind for b in blocks if b.text.startswith(("Wards", "Note:"))] == ["para", "para"]
    # the resolution on the item carries the item's subject
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "minutes.docx").write_bytes(_minutes_docx())
    settings = load_settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus",
                             model=str(tmp_path / "no_model"), min_words=1)
    index_mod.build(settings)
    resolution = [p for p in index_mod.Index.load(settings.index_dir).passages if "written update on housing" in p.text]
    assert resolution and resolution[0].headings[-1] == "12/24 OFSTED MONITORING VISIT - CARE LEAVERS"


def test_a_negated_finding_asks_for_faults():
    from qa.retrieval.rank import asks_faults

    assert asks_faults("Which inspection found that strategy meetings weren't being held when they should be?")
    assert asks_faults("Which visit found that police were not attending strategy meetings?")
    # a finding stated plainly asks for no faults
    assert not asks_faults("Which inspection found that strategy meetings are held promptly?")


def test_minutes_agreed_that_is_a_decision():
    from qa.retrieval.answer_type import holds

    assert holds("decision", "AGREED that: 1. the information presented be noted; 2. the Director provide an update.")
    assert holds("decision", "It was agreed that the action plan be brought back in March.")
    assert holds("decision", "DECIDED - That the report be noted.")
    assert not holds("decision", "Inspectors agreed with the council's own evaluation of its practice.")


def test_a_council_speakers_statement_asks_the_councils_words():
    from qa.retrieval.question import parse

    for question in ("doncaster dcs statement after 2nd monitoring visit", "rutland lead member's comments on ofsted",
                     "What was the director's reaction to the letter?"):
        assert parse(question).source == "council", question
    assert parse("What did Ofsted's director comments say about Kent?").source == "ofsted"



def test_an_abbreviation_asked_in_the_plural_is_the_glossarys_singular(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.acronyms import FIELD_GLOSSARY, defined_as

    assert defined_as("RHIs", FIELD_GLOSSARY) == defined_as("RHI", FIELD_GLOSSARY) == "return home interview"
    assert defined_as("IROs", {"IRO": "independent reviewing officer"}) == "independent reviewing officer"
    assert defined_as("Bus", FIELD_GLOSSARY) is None  # (a word, not an abbreviation's plural)
    letter = ("Joint targeted area inspection of Rutland\n\nWhen children go missing, return home interviews are not "
              "timely: only 58% were completed within 72 hours, and the information gathered is rarely shared.")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2024-11-15",
                                    "local_authorities": ["Rutland"]}), **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask("What have inspectors said about RHIs after children go missing?")
    # the letter never writes "RHIs": its long form mentions them, so this is no name nothing mentions
    assert not answer.abstained and "58%" in answer.hits[0].passage.text


def test_what_needs_to_improve_asks_for_what_remains():
    from qa.retrieval.answer_type import holds
    from qa.retrieval.question import parse

    for question in ("norfolk jtai exploitation what needs to improve", "What did Ofsted say needs to improve in Kent?",
                     "kensington 2024 inspection care leavers what needs improving"):
        assert parse(question).answer_type == "remaining", question
    assert holds("remaining", "What needs to improve? The multi-agency response to children who go missing.")
    assert parse("What did Ofsted find about supervision in Kent?").answer_type != "remaining"


def test_staff_shorthand_is_no_name_a_page_must_repeat(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.acronyms import FIELD_GLOSSARY

    assert FIELD_GLOSSARY["SW"] == "social worker" and FIELD_GLOSSARY["DA"] == "domestic abuse"
    letter = ("Monitoring visit to Rutland children's services\n\nThe average caseload of social workers in the "
              "assessment teams has reduced from 29 to 22 children. Health visitors are not routinely told about "
              "domestic abuse incidents that the police attend.")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2024-10-15", "local_authorities": ["Rutland"],
                                    "visit_number": 1}), **other_council_news()}
    ask = bm25_assistant_for(tmp_path, docs).ask
    for question in ("What had SW caseloads in Rutland's assessment teams fallen to?",
                     "What did inspectors find in Rutland about health being told about DA incidents?"):
        answer = ask(question)
        assert not answer.abstained and answer.hits[0].document.doc_type == "ofsted_letter", question


def test_a_count_of_people_named_generically_is_a_count_stated():
    from qa.retrieval.answer_type import counted_stems, states_count, states_count_in_sentence
    from qa.retrieval.question import parse

    query = parse("suffolk care leavers staying close how many")
    stems = counted_stems(query.topic, query.authorities)
    told = "Twenty-three young people are living in staying close arrangements, and more are planned."
    assert not states_count(stems, told) and states_count_in_sentence(stems, told)
    # a number of something else, or a date, beside the words is no count of them
    assert not states_count_in_sentence(stems, "Staying close was launched on 4 May 2023 for 12 months.")
    assert not states_count_in_sentence(stems, "Young people said staying close helped them.")
