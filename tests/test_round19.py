"""Failure classes found by the nineteenth round's development sets (v53, v54 questions; set51, set52 invented
files); invented fixtures."""
from qa.documents import gazetteer
from qa.documents.metadata import infer_visit_number
from qa.retrieval import timeline
from qa.retrieval.question import parse


def test_a_letters_addressee_whose_surname_is_a_council_is_a_person():
    block = ("12 May 2024\n\nGrace Bexley Director of Children's Services Rutland County Council Catmose, Oakham\n\n"
             "Dear Grace")
    assert gazetteer.find_in_text(block) and {m.name for m in gazetteer.find_in_text(block)} == {"Rutland"}
    for post in ("Executive Director, People", "Interim Director of Children's Services", "Chief Executive"):
        assert "Bexley" not in {m.name for m in gazetteer.find_in_text(f"Notes\nGrace Bexley {post}\n")}, post
    # the place's own director, with no given name before it, is still the place (review: nor a headline's word)
    assert "Bexley" in {m.name for m in gazetteer.find_in_text("Inspectors met\nBexley Director of Children's "
                                                                  "Services Tom Reed")}
    for line in ("New Bexley Director of Children's Services appointed", "Interim Bexley Director named"):
        assert "Bexley" in {m.name for m in gazetteer.find_in_text(line)}, line


def test_a_storys_latest_monitoring_visit_to_a_named_council_numbered_after_a_dash_is_its_visit():
    story = ("In its latest monitoring visit to Rutland County Council – the fourth since the authority's children's "
             "services were rated inadequate in May 2022 – inspectors said care leavers wait too long for housing. "
             "Supervision was now regular, a contrast with the council's third monitoring visit in March, when "
             "Ofsted said it was not happening often enough.")
    assert infer_visit_number(story)[0] == 4
    assert infer_visit_number("Its latest monitoring visit to St. Helens – the fourth since it was judged inadequate "
                              "in 2021 – found progress.")[0] == 4
    # (review) a place, then only "since": "the third of the region's councils" counts councils, not visits
    assert infer_visit_number("In its latest monitoring visit to Rutland, the third of the region's councils to be "
                              "rated inadequate, inspectors found delays.")[0] is None


def test_one_named_texts_account_of_a_change_asks_for_no_trail():
    assert timeline.detect("According to the principal social worker's practice notes, how has supervision changed "
                           "for personal advisers since the visit?") is None
    assert timeline.detect("According to the council's report, how have caseloads improved since the inspection?") \
        is None
    # several texts, or none named, still make a trail
    assert timeline.detect("According to Ofsted's letters, how has supervision changed over time in Rutland?").kind \
        == "trail"
    assert timeline.detect("How has supervision changed in Rutland since the visit?").kind == "trail"
    # (review) with no comma closing a named text, or over several, still one
    for asked in ("According to inspectors how has supervision changed in Rutland since the last report?",
                  "According to each monitoring letter, how has supervision changed?",
                  "According to the cabinet minutes, how have caseloads changed since 2019?"):
        assert timeline.detect(asked).kind == "trail", asked


COMMISSIONER = {
    "notice.txt": ("Rutland: commissioner appointed\n\nThe Department for Education has appointed Jo Bell as "
                   "children's services commissioner for Rutland following the inadequate judgement. She will "
                   "report on the council's capacity to improve by March 2024.",
                   {"doc_type": "other", "date": "2023-11-02", "local_authorities": ["Rutland"],
                    "title": "Commissioner appointed"}),
    "minutes.txt": ("Halton scrutiny minutes\n\nMembers discussed the inspection of children's services and the "
                    "improvement plan. The director said the council had appointed a new head of service for the "
                    "front door in November 2023 and reviewed its commissioning of placements.",
                    {"doc_type": "council_page", "date": "2023-12-05", "local_authorities": ["Halton"],
                     "title": "Scrutiny minutes"}),
}


def test_a_commissioner_asked_about_must_be_named_by_a_page_about_the_place(tmp_path):
    from conftest import bm25_assistant_for

    assert "commissioner" in parse("When was a children's services commissioner appointed for Halton?").names
    # (review) not another kind of commissioner, nor when the person is named (a page may name her without it)
    for asked in ("What did the police and crime commissioner fund for young people in Halton?",
                  "What have health commissioners bought for children in Halton?",
                  "When was Eleanor Brazil appointed as commissioner in Halton?"):
        assert "commissioner" not in [n.lower() for n in parse(asked).names], asked
    assistant = bm25_assistant_for(tmp_path, COMMISSIONER)
    near_miss = assistant.ask("When did the Department for Education appoint a children's services commissioner "
                              "for Halton?")
    # (review: "commissioning" in Halton's minutes is no mention of one)
    assert near_miss.abstained and "commissioner" in near_miss.message
    answered = assistant.ask("When was a children's services commissioner appointed for Rutland?")
    assert not answered.abstained and answered.hits[0].document.doc_id.startswith("notice")
    # (asked in the plural, a page naming one mentions them)
    plural = assistant.ask("Which councils have had commissioners appointed over their children's services?")
    assert not plural.abstained and any(h.document.doc_id.startswith("notice") for h in plural.hits)


KIND_FALLBACK = {
    "story.txt": ("Council hits back at inspectors\n\nRutland County Council has said the inspection findings do not "
                  "reflect the state of its services. Its deputy leader said the process had been extremely difficult "
                  "and that good practice had not been recognised by inspectors.",
                  {"doc_type": "news_article", "date": "2024-10-02", "local_authorities": ["Rutland"],
                   "title": "Council hits back"}),
    "page.txt": ("Halton news: fostering\n\nHalton council said the number of foster carers it recruited had risen "
                 "this year, and thanked families for responding to its campaign.",
                 {"doc_type": "council_page", "date": "2024-06-01", "local_authorities": ["Halton"],
                  "title": "Fostering"}),
}


def test_no_council_page_about_the_place_a_story_quoting_the_council_answers_what_the_council_itself_said(tmp_path):
    from conftest import bm25_assistant_for

    assistant = bm25_assistant_for(tmp_path, KIND_FALLBACK)
    question = "What did Rutland County Council itself say about the inspection findings?"
    answer = assistant.ask(question)
    assert not answer.abstained and answer.hits[0].document.doc_id.startswith("story")
    assert any("No council page about the place meets" in n for n in answer.notices)
    # a type chosen in the UI stays a filter
    chosen = assistant.ask(question, overrides={"doc_types": ["council_page"]})
    assert not any(h.document.doc_id.startswith("story") for h in chosen.hits)
    # (review) only for this question: a follow-up keeps the filter as asked
    assert answer.query.doc_types == ["council_page"]
    follow = assistant.ask("and in 2024?", previous=answer.query)
    assert not any(h.document.doc_id.startswith("story") for h in follow.hits)
    # nothing found either way: no notice, the filter as asked
    none = assistant.ask("What did Rutland County Council itself say about the inspection findings in 2030?")
    assert none.abstained and not any("No council page" in n for n in none.notices)
    # "the report itself" stays a filter
    report = assistant.ask("What did the report itself say about Rutland's inspection findings?")
    assert not any(h.document.doc_id.startswith("story") for h in report.hits)


def test_a_council_page_about_the_place_shown_apart_keeps_the_council_filter(tmp_path):
    from conftest import bm25_assistant_for

    docs = dict(KIND_FALLBACK)
    # Rutland's own page, undated: shown apart under a year, it is the council's word
    docs["own.txt"] = ("Rutland statement on the inspection\n\nRutland County Council said it accepted the "
                       "inspection findings and would publish an improvement plan.",
                       {"doc_type": "council_page", "local_authorities": ["Rutland"], "title": "Statement"})
    answer = bm25_assistant_for(tmp_path, docs).ask(
        "What did Rutland County Council itself say about the inspection findings in 2024?")
    assert not any("No council page" in n for n in answer.notices)
    assert not any(h.document.doc_id.startswith("story") for h in answer.hits)
    # a council page naming no place does not stop it: the story about Rutland is shown
    docs["own.txt"] = ("Statement on the inspection\n\nThe council said it accepted the inspection findings.",
                       {"doc_type": "council_page", "title": "Statement"})
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(
        "What did Rutland County Council itself say about the inspection findings in 2024?")
    assert answer.hits and answer.hits[0].document.doc_id.startswith("story")


def test_what_inspectors_said_after_a_dated_visit_asks_for_that_visits_month():
    for asked in ("After the March 2024 visit to Rutland, what did inspectors say about how quickly risk is seen?",
                  "What did Ofsted conclude after its January 2017 monitoring visit to Rutland?"):
        q = parse(asked)
        assert (q.date_from.isoformat(), q.date_to and q.date_to.isoformat()) in (
            ("2024-03-01", "2024-03-31"), ("2017-01-01", "2017-01-31")), asked
    # what others did after it, or what came since it, is asked from then on (review: what the council did about
    # inspectors' findings; what inspectors found at the next visit)
    for asked in ("After the January 2017 monitoring visit to Rutland, what did the cabinet member see as the main "
                  "challenge?", "What did Ofsted find in Rutland since the March 2024 visit?",
                  "After the March 2024 visit to Rutland, how did the council respond to what inspectors found?",
                  "After the March 2024 visit, what did inspectors find at the next visit?"):
        q = parse(asked)
        assert q.date_from is not None and q.date_to is None, asked


def test_a_monitoring_visit_asked_by_no_number_leans_to_the_documents_numbering_theirs(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    docs = {
        "report.txt": ("Inspection of Rutland children's services\n\nCare leavers: some care leavers were living in bed "
                       "and breakfast accommodation, as at the last monitoring visit, and said the rooms felt unsafe.",
                       {"doc_type": "ofsted_report", "date": "2024-03-01", "local_authorities": ["Rutland"],
                        "title": "Inspection of Rutland"}),
        "letter.txt": ("Rutland children's services: findings\n\nEleven care leavers were living in bed and breakfast "
                       "accommodation at the time of this monitoring visit, and plans to move those care leavers were "
                       "not yet in place.",
                       {"doc_type": "ofsted_letter", "date": "2019-03-04", "local_authorities": ["Rutland"],
                        "visit_number": 3, "title": "Monitoring visit to Rutland"}),
        **halton_updates(6)}
    assistant = bm25_assistant_for(tmp_path, docs)
    assert assistant.ask("rutland care leavers bed and breakfast monitoring visit").hits[0].document.doc_id \
        .startswith("letter")
    # (a near tie: both name a monitoring visit, only the letter numbers its own) asked without the kind of visit,
    # the report's closer wording still leads
    assert assistant.ask("rutland care leavers bed and breakfast").hits[0].document.doc_id.startswith("report")


def test_page_kinds_a_providers_report_a_care_act_assessment_and_an_officers_blog():
    from conftest import metadata_of as _meta

    home = ("Find an inspection report\nOakleigh House\nUnique reference number 1234567\nProvider: Oak Care Ltd\n"
            "Inspection dates: 5 and 6 March 2024\nPublished: 8 April 2024\nChildren said staff listened to them, "
            "and the manager said the home had improved its records.")
    assert _meta(home, {}, "home.html")["doc_type"] == "ofsted_report"
    assessment = ("Rutland County Council: local authority assessment\nSaved from the regulator's website.\n"
                  "Assessment of how the local authority meets its duties under Part 1 of the Care Act 2014\n"
                  "Report published | 20 September 2024\nOverall rating | Requires improvement\nPeople told us that "
                  "staff were kind, but too many people waited too long for an assessment of their needs.")
    assert _meta(assessment, {}, "assessment.md")["doc_type"] == "other"
    blog = ("[plain-text copy saved from the children's services practice blog]\nWhat our care leavers told "
            "the inspectors\nSamira Bell, Chief Officer, Social Work Service\nWhen two inspectors visited "
            "Rutland County Council's leaving care service in June, I was nervous. The inspectors spoke to 14 care leavers, who told "
            "them their adviser was the person they would call first. We will now offer every care leaver a named "
            "adviser.")
    assert _meta(blog, {}, "blog.txt")["doc_type"] == "council_page"
    # a story quoting an officer on a line of its own is still a story
    story = ("Council told to improve\nBy Jo Reed\nPublished: 3 May 2024\nInspectors found delays, the watchdog said.\n"
             "Samira Bell, Chief Officer, said the council would act. A spokesperson told reporters more staff were "
             "being hired, according to the paper.")
    assert _meta(story, {}, "story.html")["doc_type"] == "news_article"
    # (review) a sentence opening on a lower-case post is no byline
    quoted = story.replace("Samira Bell, Chief Officer, said the council would act.",
                           "Speaking afterwards, councillor Amy Jones promised swift action.")
    assert _meta(quoted, {}, "story.html")["doc_type"] == "news_article"


def test_a_council_leading_anothers_peer_review_is_named_in_passing():
    # (after the last blind set was read)
    from conftest import metadata_of as _meta

    minutes = ("Reading Borough Council\nChildren's Services Committee minutes, 26 January 2023\nCouncillor Ridley "
               "asked what external challenge the service had received. The Chief Executive explained that a peer "
               "review led by Portsmouth City Council in March 2022 had helped the service to prepare.\nRESOLVED: That "
               "the outcome of the focused visit be noted.")
    assert _meta(minutes, {}, "minutes.docx")["local_authorities"] == ["Reading"]


def test_how_many_ofsted_monitoring_visits_is_answered_by_the_visits_ordinal(tmp_path):
    # (after the last blind set was read) "Ofsted" names who visits, not something counted
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    docs = {"letter.txt": ("Monitoring visit to Rutland children's services\n\nThis letter summarises the findings of "
                           "the monitoring visit to Rutland children's services on 7 and 8 February 2023. This was the "
                           "fourth monitoring visit since the local authority was judged inadequate in 2021. Leaders "
                           "have strengthened supervision.",
                           {"doc_type": "ofsted_letter", "date": "2023-03-06", "local_authorities": ["Rutland"],
                            "visit_number": 4, "title": "Monitoring visit to Rutland"}),
            **halton_updates(6)}
    answer = bm25_assistant_for(tmp_path, docs).ask("How many Ofsted monitoring visits had Rutland had by February "
                                                    "2023?")
    assert not answer.abstained and answer.hits[0].document.doc_id.startswith("letter")
