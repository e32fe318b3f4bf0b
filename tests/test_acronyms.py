"""Acronyms the corpus defines ("long form (SHORT)") are searched with their long form."""
from qa.retrieval.acronyms import definitions, expand, long_form

TEXTS = [
    "This sets out the framework for inspecting local authority children's services (ILACS). We first published it",
    "Ofsted, with the Care Quality Commission (CQC), carried out a joint targeted area inspection (JTAI) in May.",
    "Leaders (including the mayor) met in March.",  # brackets that define nothing
    "The Local Safeguarding Children Board (LSCB) met; the Local Safeguarding Children Board (LSCB) met again.",
]


def test_definitions_are_the_words_whose_initials_spell_the_acronym():
    found = definitions(TEXTS)
    assert found == {"ILACS": "inspecting local authority children's services", "CQC": "Care Quality Commission",
                     "JTAI": "joint targeted area inspection", "LSCB": "Local Safeguarding Children Board"}
    assert long_form("the work of the Youth Offending Team".split(), "YOT") == "Youth Offending Team"
    assert long_form("a meeting was held".split(), "ABC") is None


def test_a_question_naming_a_defined_acronym_is_searched_with_its_long_form():
    found = definitions(TEXTS)
    assert expand("What does the ILACS framework focus on?", found) == \
        "What does the ILACS framework focus on? (inspecting local authority children's services)"
    assert expand("darlington ilacs 2022 result", found).endswith("(inspecting local authority children's services)")
    # spelled out already, or a lower-case word in an ordinary question: unchanged
    assert expand("What did the Care Quality Commission (CQC) say?", found) == \
        "What did the Care Quality Commission (CQC) say?"
    assert expand("What did the jtai find?", found) == "What did the jtai find?"
    assert expand("What did inspectors find?", found) == "What did inspectors find?"


def test_retrieval_finds_the_passage_that_only_the_long_form_matches(tmp_path):
    import json

    from qa.config import load_settings
    from qa.index.store import IndexStore
    from qa.index import build as index_build
    from qa.retrieval.question import parse
    from qa.retrieval.retriever import Retriever

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    docs = {
        "guide.txt": "Inspection guide\n\nThis is the framework for inspecting local authority children's services "
                     "(ILACS).\n\nSeparate heading\n\nThe inspections of local authority children's services look at "
                     "help and protection, children in care and care leavers, and the impact of leaders.",
        "news.txt": "Council news\n\nThe council was pleased with the outcome of the visit and thanked its staff for "
                    "their hard work over the year.",
    }
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": {n: {"doc_type": "other", "title": n}
                                                                    for n in docs}}), encoding="utf-8")
    settings = load_settings(index_dir=tmp_path / "index", corpus_dir=corpus, model=str(tmp_path / "no_model"),
                             max_words=25, min_words=5)
    index_build.build(settings, embedder=None)
    index = IndexStore(settings.index_dir).load()
    found = Retriever(settings).retrieve(index, parse("Which areas does ILACS cover?"))
    texts = [h.passage.text for h in found.hits]
    assert any("look at help and protection" in t and "(ILACS)" not in t for t in texts)


def test_the_fields_everyday_abbreviations_are_known_when_no_page_defines_them():
    from qa.retrieval.acronyms import FIELD_GLOSSARY

    assert expand("What did the first visit find about the MASH?", FIELD_GLOSSARY).endswith(
        "(multi-agency safeguarding hub)")
    assert expand("Who did the DfE appoint?", FIELD_GLOSSARY).endswith("(Department for Education)")
    assert expand("brighton focused visit cin plans", FIELD_GLOSSARY).endswith("(children in need)")
    assert expand("knowsley CiC placement moves", FIELD_GLOSSARY).endswith("(children in care)")
    assert expand("oldham missing kids rhi figures", FIELD_GLOSSARY).endswith("(return home interview)")
    # a corpus's own definition wins over the glossary
    assert expand("What did the SIF say?", {**FIELD_GLOSSARY, "SIF": "social impact fund"}).endswith(
        "(social impact fund)")


def test_an_acronym_is_mentioned_by_its_long_form(tmp_path):
    """A question naming an acronym abstains when no page mentions it; a page that only spells it out
    ("Department for Education") mentions it, and answers."""
    from conftest import bm25_assistant_for, other_council_news

    notice = ("Improvement notice: Rutland County Council\n\nFrom: Department for Education\nPublished 3 May 2021\n\n"
              "The Department for Education has appointed Ann Bell as children's services adviser to work with "
              "Rutland County Council. She will report to ministers within three months.")
    news = ("Rutland council news\n\nPublished 9 June 2021\n\nRutland County Council thanked its foster carers at an "
            "awards evening held in the town hall on Friday.")
    others = other_council_news()
    assistant = bm25_assistant_for(tmp_path, {
        "notice.txt": (notice, {"doc_type": "other", "title": "Improvement notice", "local_authorities": ["Rutland"]}),
        "news.txt": (news, {"doc_type": "council_page", "title": "Council news", "local_authorities": ["Rutland"]}),
        **others})
    answer = assistant.ask("Who did the DfE appoint as adviser for Rutland?")
    assert not answer.abstained
    assert "appointed Ann Bell" in answer.hits[0].passage.text
    assert assistant.ask("What did the CQC say about Rutland?").abstained


def test_glossary_entries_that_are_english_words_expand_only_written_as_acronyms():
    from qa.retrieval.acronyms import FIELD_GLOSSARY

    assert expand("did the council send its improvement plan to ofsted", FIELD_GLOSSARY) == \
        "did the council send its improvement plan to ofsted"
    assert expand("How many children with SEND wait?", FIELD_GLOSSARY).endswith(
        "(special educational needs and disabilities)")
