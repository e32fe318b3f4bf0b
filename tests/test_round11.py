"""Failure classes found by the eleventh round's blind sets (v25 questions, set23 invented files), on invented
fixtures."""
from qa.documents.convert import convert_html
from qa.retrieval.answer_type import asks_council_services, provider_report
from qa.retrieval.question import find_names, parse
from qa.retrieval.timeline import detect

from conftest import bm25_assistant_for
from test_round10 import infer_html


# ---------------------------------------------------------------- questions

def test_a_source_set_aside_is_no_cue_for_it():
    q = parse("I want the local paper's write-up of Lambeth's 2015 report, not Ofsted's own report: how long were "
              "inspectors on site?")
    assert q.doc_types == [] and q.source == "news"
    assert parse("Going by the council's own statement rather than press reports, what changed?").source == "council"
    q = parse("Not the press coverage but Ofsted's own letter: what did it find in Leeds?")
    assert q.source == "ofsted" and q.doc_types == ["ofsted_letter", "ofsted_report"]
    # still a cue where nothing sets it aside
    assert parse("Quote Ofsted's own report: what did it say about Lambeth?").doc_types == ["ofsted_letter",
                                                                                              "ofsted_report"]


def test_the_bodies_of_parliament_are_no_name_a_page_must_repeat():
    assert find_names("Which MP chaired the Commons committee that criticised Ofsted over Rotherham?",
                      ["Rotherham"]) == []
    assert find_names("What did the House of Lords committee say about Cafcass?", []) == ["Cafcass"]
    assert find_names("What did Ofsted find at Oak House children's home?", []) == ["Oak House"]


def test_a_change_one_text_reported_is_no_trail():
    assert detect("How has supervision in Kirklees improved since 2016?").kind == "trail"
    assert detect("When was the report published that said supervision in Kirklees had deteriorated since 2016?") \
        is None
    assert detect("Which report said supervision in Kirklees had improved since 2016?") is None
    assert detect("How has supervision changed between the first and fourth monitoring visits?").kind == "trail"
    # a scene clause opening on "When" is no date question
    assert detect("When Ofsted returned in 2019, how had supervision in Kirklees improved since 2016?").kind == "trail"


def test_a_month_dates_the_visit_only_when_the_question_ties_it_to_one():
    assert parse("What did the March 2019 monitoring visit to Leeds find?").month_dates_visit
    assert parse("What did inspectors find when they visited Leeds in March 2019?").month_dates_visit
    assert parse("leeds march 2019 mv3").month_dates_visit
    assert not parse("What caseload was reported to the scrutiny committee in October 2019?").month_dates_visit
    assert not parse("What caseload was reported to the committee in October 2019 (not the September visit)?"
                     ).month_dates_visit
    assert not parse("How many children went into care in Leeds in March 2019?").month_dates_visit
    assert parse("What did Ofsted's late-2019 inspection of Rutland find?").month_dates_visit


PAPER = ("Outcome of the Ofsted monitoring visit\n\nReport to: Scrutiny Committee\n\nDate of meeting: 15 October 2019\n\n"
         "1. The fourth monitoring visit took place on 20 and 21 August 2019.\n\n2. The average caseload per social "
         "worker had fallen to 17 children by August 2019, after the academy recruited permanent staff.")
LETTER = ("Monitoring visit to Rutland children's services\n\nThis letter summarises the findings of the monitoring "
          "visit on 8 and 9 October 2019. Caseloads for social workers average 22 children and remain too high.")


def test_a_paper_published_in_the_month_asked_is_in_it_though_its_visit_was_earlier(tmp_path):
    a = bm25_assistant_for(tmp_path, {
        "paper.txt": (PAPER, {"doc_type": "council_page", "local_authorities": ["Rutland"], "date": "2019-10-15",
                              "period_start": "2019-08-20", "period_end": "2019-08-21", "visit_number": 4}),
        "letter.txt": (LETTER, {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "date": "2019-11-05",
                                "period_start": "2019-10-08", "period_end": "2019-10-09", "visit_number": 5}),
    })
    reported = a.ask("What average social worker caseload was reported to Rutland's scrutiny committee in "
                     "October 2019?")
    assert "paper" in [h.document.doc_id for h in reported.hits]
    # the visit's month: the August visit's paper is not the October visit's
    visit = a.ask("What did the October 2019 monitoring visit to Rutland find about caseloads?")
    assert [h.document.doc_id for h in visit.hits if not h.unconfirmed][:1] == ["letter"]
    assert "paper" not in [h.document.doc_id for h in visit.hits]


# ---------------------------------------------------------------- abstention

HOME = ("Reports > Children's homes > Rutland\n\nBramble Lodge: children's home inspection - Full\n\nUnique reference "
        "number: SC123456\n\nRegistered manager: Jo Bell\n\nOverall experiences and progress of children and young "
        "people: Good\n\nChildren have warm relationships with staff, inspectors found.")


def test_a_providers_own_inspection_does_not_answer_for_the_councils_services(tmp_path):
    assert provider_report(HOME) and not provider_report(LETTER)
    assert asks_council_services("What judgement did Ofsted give Rutland County Council's children's services?")
    assert not asks_council_services("What did Ofsted find at the children's home in Rutland?")
    a = bm25_assistant_for(tmp_path, {
        "home.txt": (HOME, {"doc_type": "ofsted_report", "local_authorities": ["Rutland"], "date": "2021-10-26"}),
        "letter.txt": (LETTER, {"doc_type": "ofsted_letter", "local_authorities": ["Halton"], "date": "2019-11-05"}),
    })
    council = a.ask("What judgement did Ofsted give Rutland County Council's children's services in 2021?")
    assert council.abstained and not council.hits
    home = a.ask("What did Ofsted find at the children's home in Rutland in 2021?")
    assert not home.abstained and home.hits[0].document.doc_id == "home"


def test_how_many_and_when_asks_the_count_first_and_counts_what_follows_how_many():
    from qa.retrieval.answer_type import answer_type, counted_stems

    question = "How many new supported lodgings places did the director say would open for care leavers, and when?"
    assert answer_type(question) == "count"
    assert counted_stems(question) == frozenset({"new", "support", "lodg", "place"})
    assert answer_type("halton care leavers moved out when?") == "date"  # a terse query still ends on it
    assert answer_type("Which framework was first published when?") == "date"


def test_everyday_words_are_searched_with_the_documents_words_for_them(tmp_path):
    from qa.retrieval.synonyms import with_synonyms

    assert with_synonyms("Did the workforce cope with lockdown?") == \
        "Did the workforce cope with lockdown? (covid; pandemic; staff)"
    assert with_synonyms("care leavers in B&Bs") == "care leavers in B&Bs (bed and breakfast)"
    assert with_synonyms("Were caseloads inadequate?") == "Were caseloads inadequate?"  # one way only
    a = bm25_assistant_for(tmp_path, {
        "covid.txt": ("The impact of Covid-19 was well managed, with staff showing resilience.",
                      {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "date": "2021-10-19"}),
        "other.txt": ("Leaders coped well with a new case management system this year.",
                      {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "date": "2021-10-19"}),
        **{f"filler{n}.txt": (f"Plans for children in need are reviewed every {n + 2} weeks by managers.",
                              {"doc_type": "council_page", "local_authorities": ["Halton"], "date": "2020-01-01"})
           for n in range(3)},  # (so a word in one document of five weighs something)
    })
    assert a.ask("How did the workforce in Rutland cope with lockdown?").hits[0].document.doc_id == "covid"


def test_a_story_asked_for_leads_when_only_one_shown_apart_is_a_story(tmp_path):
    letter = ("Monitoring visit to Rutland children's services\n\nThis letter summarises the findings of the "
              "monitoring visit in March 2019. Leaders have improved the quality of plans for children in need.")
    story = ("Rutland's children's services still have far to go\n\nBy Sam Reed\n\nThe county was rated inadequate in "
             "2018. Inspectors found plans for children in need had improved, but opposition councillors said the "
             "pace was too slow, the paper reported.")
    a = bm25_assistant_for(tmp_path, {
        "letter.txt": (letter, {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "date": "2019-04-09"}),
        "story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
        **{f"filler{n}.txt": (f"Adoption panels in Halton meet every {n + 2} weeks.",
                              {"doc_type": "council_page", "local_authorities": ["Halton"], "date": "2020-01-01"})
           for n in range(3)},
    })
    found = a.ask("How did the local press report Rutland's 2019 monitoring visit and plans for children in need?")
    assert [h.document.doc_id for h in found.hits][:2] == ["story", "letter"]
    assert found.hits[0].unconfirmed == ["date"]
    assert "first as the kind of source asked for" in found.filters_description
    # asked of Ofsted, the letter meeting the filters leads as before
    assert a.ask("What did Ofsted's 2019 monitoring visit to Rutland find about plans for children in need?"
                 ).hits[0].document.doc_id == "letter"


def test_an_event_set_aside_is_no_filter():
    q = parse("What did Ofsted's June 2019 full inspection of Tower Hamlets (not the March monitoring visit) find?")
    assert (q.date_from.isoformat(), q.date_to.isoformat(), q.month) == ("2019-06-01", "2019-06-30", None)
    assert "March" not in q.search_text
    q = parse("What did the 2019 inspection of Halton conclude, rather than the March monitoring visit?")
    assert q.month is None and q.date_from.isoformat() == "2019-01-01"


def test_an_authority_named_with_a_comma_is_no_other_name():
    assert find_names("How many visits had Bournemouth, Christchurch and Poole children's services had?",
                      ["Bournemouth, Christchurch and Poole"]) == []


def test_how_many_visits_is_answered_by_the_latest_visits_number():
    from qa.retrieval.answer_type import counted_stems, states_count

    stems = counted_stems("How many monitoring visits had the council had by February 2024?")
    assert states_count(stems, "Ofsted published its findings from the fourth monitoring visit to the council.")
    assert not states_count(stems, "The first monitoring visit found slow progress.")
    assert not states_count(counted_stems("How many children were seen on the second monitoring visit?"),
                            "The third monitoring visit was in May.")


# ---------------------------------------------------------------- formats and metadata

MINUTES_PAGE = """<!DOCTYPE html><html><head><title>Minutes - Scrutiny Committee - Rutland County Council</title></head>
<body><div class="header">Rutland County Council - Democracy</div>
<ul class="crumbs"><li>Home</li><li>Committees</li></ul>
<h1>Children's Scrutiny Committee</h1>
<h2>Minutes of the meeting held on Thursday, 10 December 2015 at 6.00 pm in Committee Room A, Oakham</h2>
<p><strong>Present:</strong> Councillor Ann Vale (in the Chair); Councillors Bell and Roe.</p>
<h3>3 OFSTED INSPECTION OF CHILDREN'S SERVICES</h3>
<p>The Committee considered the report of the Ofsted inspection published on 24 November 2015. Members asked how
many posts were filled by agency staff; the Director said 31 of the 142 posts were.</p>
<h2>Most read</h2><ul><li><a href="/a">Bin days change</a></li></ul>
</body></html>"""


def test_headings_the_extraction_dropped_go_back_before_their_paragraphs():
    blocks = convert_html(MINUTES_PAGE).blocks
    texts = [b.text for b in blocks]
    minutes = next(i for i, t in enumerate(texts) if t.startswith("Minutes of the meeting held on"))
    assert texts[minutes + 1].startswith("Present:") and blocks[minutes].kind == "heading"
    item = texts.index("3 OFSTED INSPECTION OF CHILDREN'S SERVICES")
    assert texts[item + 1].startswith("The Committee considered")
    assert "Most read" not in texts  # its list was dropped, so is its heading
    values = infer_html(MINUTES_PAGE)
    assert values["date"] == "2015-12-10"


def test_a_story_weeks_after_a_season_asked_reports_on_it(tmp_path):
    a = bm25_assistant_for(tmp_path, {
        "story.txt": ("At the time of the Ofsted inspection, Rutland had 118 children in care, up from 103 in 2016.",
                      {"doc_type": "news_article", "local_authorities": ["Rutland"], "date": "2020-01-28"}),
        **{f"filler{n}.txt": (f"Adoption panels in Halton meet every {n + 2} weeks.",
                              {"doc_type": "council_page", "local_authorities": ["Halton"], "date": "2020-01-01"})
           for n in range(3)},
    })
    found = a.ask("How many children were in Rutland's care at the time of Ofsted's late-2019 inspection?")
    assert not found.abstained and found.hits[0].document.doc_id == "story"


AGENDA_PAGE = """<!DOCTYPE html><html><head>
<title>Agenda item - Response to the Ofsted inspection of children's services | Rutland County Council</title></head>
<body><p class="crumbs">Councillors, meetings and decisions &gt; Meetings</p>
<h1>Agenda item</h1><h2>Response to the Ofsted inspection of children's services</h2>
<table><tr><td>Committee</td><td>Children's Scrutiny Board</td></tr><tr><td>Meeting date</td><td>21 June 2023</td></tr></table>
<h3>1. Purpose</h3><p>1.1 To update the Board on the outcome of the Ofsted inspection of local authority children's
services carried out in January 2023, and to seek comments on the improvement plan submitted in May.</p>
<h3>2. Background</h3><p>2.1 The inspection judged the overall effectiveness of services as requires improvement to
be good. The improvement plan contains 37 actions across five priorities.</p>
</body></html>"""


def test_a_council_named_only_in_its_sites_title_publishes_the_paper_and_is_its_subject():
    values = infer_html(AGENDA_PAGE)
    assert values["publisher"] == "Rutland County Council"
    assert values["local_authorities"] == ["Rutland"] and values["doc_type"] == "council_page"
    assert values["title"] == "Response to the Ofsted inspection of children's services"  # not "Agenda item"


def test_an_ambiguous_name_in_a_list_of_authorities_is_one_and_the_list_names_no_subject():
    from qa.documents.gazetteer import find_in_text
    from qa.documents.metadata import infer_authorities

    listed = "Derby, Essex and Hampshire were among the first councils to be visited, according to the inspectorate."
    assert [m.name for m in find_in_text(listed)] == ["Derby", "Essex", "Hampshire"]
    assert [m.name for m in find_in_text("Reading the report, councillors in Essex were worried.")] == ["Essex"]
    assert [m.name for m in find_in_text("She moved between Essex and Sutton Coldfield.")] == ["Essex"]
    bulletin = ("Focused visits begin under new inspection framework\n\nOfsted has started carrying out focused visits to "
                "councils' children's services under its new framework.\n\n" + listed + "\n\nDirectors have broadly "
                "welcomed the change.")
    assert infer_authorities(bulletin)[0] == []


def test_which_councillor_wants_a_person_speaking_as_the_services_member():
    from qa.retrieval.answer_type import answer_type, asked_role, names_person_in_role
    from qa.retrieval.synonyms import with_synonyms

    question = "Which West Sussex councillor responded to Ofsted's September monitoring visit?"
    assert answer_type(question) == "person" and asked_role(question) == "councillor"
    assert names_person_in_role("councillor", "Jo Bell, cabinet member for children, said the team is committed.")
    assert not names_person_in_role("councillor", "Jo Bell, the director, said the team is committed.")
    assert answer_type("When West Sussex was upgraded, which teams did inspectors praise?") is None
    assert answer_type("Which letter told a director that the area was picked?") is None
    assert "cabinet member" in with_synonyms(question)


def test_a_trust_named_after_an_authority_beside_another_is_no_second_place():
    from qa.retrieval.question import find_authorities

    assert find_authorities("What did Ofsted say of the Northamptonshire Children's Trust when West "
                            "Northamptonshire was rated requires improvement?") == ["West Northamptonshire"]
    assert find_authorities("What did Ofsted say about Doncaster Children's Trust?") == ["Doncaster"]
    assert find_authorities("Compare Doncaster and Leeds") == ["Doncaster", "Leeds"]
    # not beside its successor: both asked
    assert find_authorities("How did Doncaster Children's Trust compare with Rotherham?") == ["Doncaster", "Rotherham"]


# ---------------------------------------------------------------- found by v26, read after the round stopped

def test_an_ordinal_mv_with_the_place_between_is_a_visit_and_no_name():
    q = parse("First Somerset MV after the 2015 failure - were partners better at knowing when to refer?")
    assert q.visit_number == 1 and q.names == [] and q.authorities == ["Somerset"]
    assert parse("the third Wirral monitoring visit findings").visit_number == 3
    assert parse("What did the first MV find in Leeds?").visit_number == 1


def test_an_acronyms_plural_is_the_acronym_and_counts_its_long_form():
    from qa.retrieval.answer_type import counted_stems, states_count

    question = "How many DCSs had Kirklees been through before the June 2019 inspection?"
    assert parse(question).names == []
    assert states_count(counted_stems(question, ["Kirklees"]),
                        "This was not assisted by four changes of Director of Children's Services.")


def test_a_meetings_own_line_with_its_time_and_committee_dates_the_paper():
    from qa.documents.metadata import _dateline

    assert _dateline("Meeting: Tuesday, 8 March 2022 2.00 pm, Children and Families Overview and Scrutiny "
                     "Committee") == ("2022-03-08", True)


def test_who_and_when_prefers_the_passage_stating_both():
    from qa.retrieval.answer_type import second_fact_weight

    opening = ("This letter summarises the findings of the monitoring visit to Rutland children's services on 7 and 8 "
               "March 2023. Inspectors for this visit were Jo Bell and Sam Reed, His Majesty's Inspectors.")
    sign_off = "Ofsted will take these findings into account. Yours sincerely, Jo Bell, His Majesty's Inspector."
    question = "Who carried out the third monitoring visit to Rutland, and when did it take place?"
    assert second_fact_weight(question, "person", opening) > second_fact_weight(question, "person", sign_off) == 1.0
    assert second_fact_weight("Who carried out the third monitoring visit?", "person", opening) == 1.0
    assert second_fact_weight("Who decides how and when children are seen?", "person", opening) == 1.0


def test_a_short_paragraph_places_its_heading_only_where_it_opens_a_block():
    page = ("<html><body><p>Members noted that the plan was agreed in full by the board.</p>"
            "<h3>4 ANY OTHER BUSINESS</h3><p>Noted</p></body></html>")
    texts = [b.text for b in convert_html(page).blocks]
    if "4 ANY OTHER BUSINESS" in texts:
        assert texts.index("4 ANY OTHER BUSINESS") > 0


def test_a_councillors_other_words_count_for_coverage_only_whole():
    from qa.retrieval.synonyms import alternatives
    from qa.terms import tokenize

    forms = alternatives("Which councillor responded?", tokenize)["councillor"]
    assert frozenset({"cabinet", "member"}) in forms and frozenset({"cllr"}) in forms


# ---------------------------------------------------------------- found by set25, read at the very end

def test_a_place_name_at_a_lines_end_is_no_surname_of_the_next_lines_word():
    from qa.documents.gazetteer import find_in_text
    from qa.documents.metadata import infer_title

    details = "Registered provider: Harbourlight Care Ltd Local authority: Stockport\nInspection dates: 3 October 2023"
    assert [m.name for m in find_in_text(details)] == ["Stockport"]
    assert [m.name for m in find_in_text("Brent Smith said the council agreed.")] == []  # a surname on its line
    from qa.datatypes import Block
    blocks = [Block("para", "BETA This is a new service - your feedback will help us to improve it."),
              Block("para", "Find an inspection report"), Block("heading", "Larchfield House children's home inspection"),
              Block("para", "The home provides effective services that meet the needs of the children who live there.")]
    assert infer_title(blocks, {}, __import__("pathlib").Path("x.txt"))[0] == "Larchfield House children's home inspection"


def test_a_list_set_out_one_name_a_line_names_no_subject():
    from qa.documents.metadata import infer_authorities

    page = ("Three years of single inspections: the full list of council ratings\n\nMore than half of the councils "
            "inspected were found to require improvement.\n\nGood\n\nWokingham\n\nHampshire\n\nLeeds\n\nTrafford\n\n"
            "Requires improvement\n\nOldham\n\nLewisham\n\nSefton\n\nMerton")
    assert infer_authorities(page)[0] == []
