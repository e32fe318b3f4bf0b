"""Fortieth round: a retelling of the leading letter's visit waits behind the letter; a source set aside by name."""
from conftest import bm25_assistant_for, other_council_news

LETTER = ("28 February 2025\n\nDirector of Children's Services\nWessex County Council\n\nDear Director\n\n"
          "Monitoring visit to Wessex children's services\n\nThis letter summarises the findings of the second "
          "monitoring visit to Wessex children's services on 4 and 5 February 2025. Inspectors looked at the "
          "help given to children in care who go missing, the quality of plans and the oversight of managers, "
          "and spoke to social workers, managers, carers and children.\n\n"
          "When children go missing from care, return home interviews are offered in most cases, but too many are "
          "completed late or not at all. In the three months before this visit, 61% of return home interviews were "
          "completed within 72 hours of the child's return. Children who are offered an interview by a worker they "
          "already know are more likely to take it up, and leaders are expanding the small team that does this. "
          "Carers are told when an interview has been offered, but not always what it found.\n\n"
          "Plans for children in care are clearer than at the inspection. Most set out what needs to happen and by "
          "when, and children's views are recorded in their own words. Reviews are held on time for almost all "
          "children, and independent reviewing officers challenge drift. A minority of plans still describe tasks "
          "rather than what should change for the child, and these are not always picked up in supervision.\n\n"
          "Managers now review every missing episode. What children say in return home interviews is shared with "
          "carers and social workers within a week, and patterns across episodes are discussed at a monthly "
          "meeting with the police. Inspectors saw safety plans updated after interviews in most of the cases "
          "they looked at, though a few had not changed after repeated episodes of going missing.\n\n"
          "Yours sincerely\n\nJo Bell\nHis Majesty's Inspector")
STORY = ("Wessex still slow on missing children, Ofsted finds\n\nBy Sam Reed, 6 March 2025\n\n"
         "Ofsted's second monitoring visit to Wessex found that only 46% of return home interviews for children "
         "missing from care were completed within three days, the letter said.\n\n"
         "The council said missing episodes and return home interviews were now reviewed by managers.")


def test_asked_for_ofsted_the_letter_comes_before_a_story_retelling_its_visit(tmp_path, every_guess):
    docs = {"letter.txt": (LETTER, {"doc_type": "ofsted_letter", "date": "2025-02-28", "visit_number": 2,
                                    "local_authorities": ["Wessex"]}),
            "story.txt": (STORY, {"doc_type": "news_article", "date": "2025-03-06", "visit_number": 2,
                                  "local_authorities": ["Wessex"]}),
            **other_council_news()}
    assistant = bm25_assistant_for(tmp_path, docs)
    question = "What did Ofsted's second monitoring visit to Wessex find about return home interviews?"
    hits = assistant.ask(question).hits
    kinds = [h.document.doc_type for h in hits]
    assert kinds[0] == "ofsted_letter" and "news_article" in kinds
    # the letter's own next passage on the interviews first; the story, with its other number, after it
    learning = next(i for i, h in enumerate(hits) if h.passage.text.startswith("Managers now review"))
    assert learning < kinds.index("news_article")
    # asked what the press made of it, the story is the answer
    press = assistant.ask("How did the press report return home interviews at Wessex's second monitoring visit?")
    assert press.hits[0].document.doc_type == "news_article"


def test_a_source_set_aside_by_its_name_is_no_name_the_answer_must_mention():
    from qa.retrieval.question import parse

    query = parse("In Ofsted's own words, not the Echo's version: what did the second monitoring visit to Wessex "
                  "say about caseloads?")
    assert not any("echo" in n.lower() for n in query.names)
    assert query.source == "ofsted" and query.visit_number == 2
    # named as the source asked for, it stays one
    assert any("Echo" in n for n in parse("What did the Wessex Echo say about caseloads?").names)


def test_children_in_care_is_known_by_its_abbreviation():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, asked_acronyms

    [pattern] = asked_acronyms(["CiC"], FIELD_GLOSSARY)
    assert pattern.search("Children in care now live in stable homes") and pattern.search("CiC council")
    assert not pattern.search("Care leavers live in stable homes")


REPORT = ("Wessex County Council\n\nInspection of children's social care services\n\n"
          "Inspection dates: 7 March 2022 to 18 March 2022\n\nReport published: 6 May 2022\n\n"
          "Social workers do not receive regular supervision. When it happens, supervision is infrequent and does "
          "not give social workers the reflection and challenge they need, and actions set in supervision are not "
          "followed up, so plans for children drift. Managers are stretched across too many teams to notice this, "
          "and the supervision policy is not followed in most of the teams that inspectors visited.\n\n"
          "Children in care are visited regularly, and most live with carers who meet their needs. Brothers and "
          "sisters usually live together, and children's views shape their plans. Care leavers are in touch with "
          "their personal advisers, although too many live in unsuitable accommodation after they turn eighteen.\n\n"
          "Records of supervision are brief and task-focused. Newly qualified social workers told inspectors that "
          "they value their managers but that supervision is often cancelled at short notice, and they do not get "
          "the protected time for learning that their first year in practice should give them.")
VISIT = ("13 December 2022\n\nDear Director\n\nMonitoring visit to Wessex children's services\n\nThis letter "
         "summarises the findings of the second monitoring visit to Wessex children's services on 15 and 16 "
         "November 2022.\n\nSupervision is more regular than at the inspection, and most social workers now receive "
         "monthly supervision with their managers. Records of supervision set out actions, and most are followed "
         "up.\n\nYours sincerely\n\nJo Bell\nHis Majesty's Inspector")


def test_a_numbered_visit_waits_behind_the_inspection_asked_about(tmp_path, every_guess):
    meta = {"local_authorities": ["Wessex"]}
    assistant = bm25_assistant_for(tmp_path, {
        "report.txt": (REPORT, {**meta, "doc_type": "ofsted_report", "date": "2022-05-06"}),
        "visit.txt": (VISIT, {**meta, "doc_type": "ofsted_letter", "date": "2022-12-13", "visit_number": 2}),
        **other_council_news()})
    hits = assistant.ask("In Wessex's 2022 inspection, what did inspectors say about supervision of social "
                         "workers?").hits
    kinds = [h.document.doc_type for h in hits]
    assert kinds[:2] == ["ofsted_report", "ofsted_report"] and "ofsted_letter" in kinds
    # asked about the visit, the visit's letter leads
    visit = assistant.ask("What did the second monitoring visit to Wessex say about supervision?").hits
    assert visit[0].document.doc_type == "ofsted_letter"



def test_one_pattern_reads_a_visit_to_come_named_after_it():
    import re

    from qa.documents.metadata import anticipated_visit

    def to_come(sentence: str) -> bool:
        return anticipated_visit(sentence, re.search(r"fourth", sentence))

    for sentence in ("The fourth monitoring visit is expected in the summer.",
                     "A fourth, expected in the autumn, will look at care leavers.",
                     "Ofsted's fourth monitoring visit to Stoke-on-Trent is expected later this year.",
                     "(fourth monitoring visit) - date to be confirmed",
                     "After the fourth monitoring visit, which is expected in January, the board will meet.",
                     "The fourth visit to children's services, planned for June, will look at the front door.",
                     "The fourth visit is likely to take place in March."):
        assert to_come(sentence), sentence
    for sentence in ("The drift seen at the fourth visit was due to high caseloads.",
                     "The fourth visit was delayed due to Covid-19 restrictions.",
                     "The fourth visit, which was planned for March, found that plans had improved.",
                     "The fourth visit letter will be presented to the committee."):
        assert not to_come(sentence), sentence


MINUTES = ("Agenda item\n\nOfsted Outcome Letter\n\nTo update the Committee of the outcome of the latest Ofsted "
           "monitoring visit.\n\n7.1 The Director of Children's Services informed the committee that this monitoring "
           "visit had been the fifth of six visits by Ofsted.\n\n7.2 The Director drew members' attention to "
           "Ofsted's comments on the level of churn in the social work workforce and its effect on the consistency "
           "of practice.\n\n7.3 Members agreed that stabilising the workforce was the key task, including the "
           "recruitment of experienced social workers from overseas.")


def test_a_council_page_naming_no_council_answers_apart_for_a_place_no_page_is_about(tmp_path):
    assistant = bm25_assistant_for(tmp_path, {
        "minutes.txt": (MINUTES, {"doc_type": "council_page", "title": "Ofsted Outcome Letter"}),
        **other_council_news()})
    [minutes] = [d for d in assistant.index.documents.values() if d.doc_type == "council_page"
                 and not d.local_authorities]
    assert minutes.visit_number == 5
    answer = assistant.ask("gloucestershire fifth monitoring visit social worker churn")
    assert not answer.abstained and answer.hits
    # shown apart and labelled: its place is not stated
    assert all(h.document is minutes or h.document.doc_id == minutes.doc_id for h in answer.hits)
    assert all("authority" in h.unconfirmed for h in answer.hits)
    assert "not stated" in answer.filters_description
    # another visit, or a visit asked by no number, finds nothing about the place
    assert assistant.ask("gloucestershire third monitoring visit social worker churn").abstained
    assert assistant.ask("What did the 2019 monitoring visit to Gloucestershire find about churn?").abstained
    # where a page is about the place asked, a page naming no council is not its page
    about = bm25_assistant_for(tmp_path / "about", {
        "minutes.txt": (MINUTES, {"doc_type": "council_page", "title": "Ofsted Outcome Letter"}),
        "glos.txt": ("Gloucestershire council news\n\nPublished 2 March 2020\n\nGloucestershire County Council opened "
                     "a new library.", {"doc_type": "council_page", "local_authorities": ["Gloucestershire"]}),
        **other_council_news()})
    assert not any(h.document.title == "Ofsted Outcome Letter"
                   for h in about.ask("gloucestershire fifth monitoring visit social worker churn").hits)


def test_what_questions_asks_for_the_questions_themselves():
    from qa.retrieval.answer_type import answer_type, answer_type_weight

    question = "Under ILACS, what questions does Ofsted want a council's self-evaluation to answer?"
    assert answer_type(question) == "questions"
    assert answer_type("What did inspectors ask social workers about?") != "questions"
    listing = ("We want your self-evaluation to answer three questions. What do you know about the quality of social "
               "work practice? How do you know it? What are your plans for the next 12 months?")
    telling = "As part of ILACS, we ask each local authority to share a self-evaluation before the annual meeting."
    assert answer_type_weight("questions", listing) > answer_type_weight("questions", telling) == 1.0


def test_minutes_are_dated_by_their_meeting_whatever_the_clock_time():
    from conftest import metadata_of

    opening = ("MINUTES OF THE CHILDREN AND EDUCATION SCRUTINY COMMITTEE MEETING HELD AT 6.00PM ON TUESDAY 25 JUNE "
               "2024 IN THE COMMITTEE ROOM, TOWN HALL\n\nPresent: Councillors A Bell (Chair) and C Dunn.\n\n"
               "1. Apologies for absence\n\nApologies were received from Councillor Eve.")
    assert metadata_of(opening)["date"] == "2024-06-25"
    held = "CHILDREN AND EDUCATION SCRUTINY COMMITTEE MEETING HELD AT 6.00PM ON TUESDAY 25 JUNE 2024"
    cabinet = opening.replace(held, "meeting of the Cabinet held at 10.30 a.m. on Monday 3 March 2025")
    assert cabinet != opening
    assert metadata_of(cabinet)["date"] == "2025-03-03"
    # a full stop still ends the sentence that would date it: the next meeting's date is not this one's
    assert metadata_of("Minutes of the meeting held in the Council Chamber. The next meeting is on 4 May 2025.\n\n"
                       "Present: Councillors A Bell and C Dunn.")["date"] != "2025-05-04"


UP_STORY = ("Council improves to good after cutting caseloads\n\nBy Sam Reed, 3 May 2019\n\nA council criticised by "
            "inspectors for high caseloads has improved to a good Ofsted rating after hiring more social workers.")
DOWN_STORY = ("Council downgraded over caseloads\n\nBy Sam Reed, 19 February 2019\n\nA council's children's "
              "services have been downgraded from a good Ofsted rating to requires improvement after inspectors found "
              "that social work caseloads were too high.")


def test_a_grade_going_down_is_not_answered_by_one_going_up(tmp_path):
    from qa.retrieval.rank import direction_weight, grade_direction_asked

    assert grade_direction_asked("Has any council lost a good Ofsted rating because caseloads were too high?") \
        == "down"
    assert grade_direction_asked("Has Ofsted ever taken a council's 'good' rating away over caseloads?") == "down"
    assert grade_direction_asked("Which council improved to good after cutting caseloads?") == "up"
    # caseloads falling is no grade falling
    assert grade_direction_asked("Did caseloads fall in Wessex after the inspection?") is None
    assert direction_weight("Caseloads fell from 30 to 18.", "Which council improved to good?") == 1.0
    assistant = bm25_assistant_for(tmp_path, {
        "up.txt": (UP_STORY, {"doc_type": "news_article", "local_authorities": ["Wessex"]}),
        "down.txt": (DOWN_STORY, {"doc_type": "news_article", "local_authorities": ["Mercia"]}),
        **other_council_news()})
    lost = assistant.ask("Has any council lost a good Ofsted rating because social work caseloads were too high?")
    assert lost.hits[0].document.title.startswith("Council downgraded")
    improved = assistant.ask("Has any council improved to a good Ofsted rating by cutting social work caseloads?")
    assert improved.hits[0].document.title.startswith("Council improves")
