"""Failure classes found by the thirteenth round's blind sets (v32 questions, set30 invented files), on invented
fixtures."""
from pathlib import Path

from qa.datatypes import Block


def test_a_consent_platforms_banner_is_furniture():
    from qa.documents.clean import furniture_reason

    for line in ["We value your privacy", "Accept all", "Manage preferences", "Reject all",
                 "We and our partners store and access information on your device, such as cookies, to show "
                 "personalised ads and to measure audiences. You can change your choices at any time."]:
        assert furniture_reason(line) == "cookie prompt", line
    for line in ["We use a range of approaches to support families.", "We value your feedback on this page",
                 "Accept all recommendations in the report.", "We and our partners in health and the police agreed a "
                 "new threshold document in March."]:
        assert furniture_reason(line) is None, line


def test_a_judgement_label_line_is_no_title():
    from qa.documents.metadata import infer_title

    blocks = [Block("para", "Overall experiences and progress of children and young people: good"),
              Block("para", "How well children and young people are helped and protected: requires improvement to be good"),
              Block("heading", "Rutland children's home keeps its rating"),
              Block("para", "Inspectors found that children living at the home have warm relationships with staff.")]
    assert infer_title(blocks, {}, Path("x.txt"))[0] == "Rutland children's home keeps its rating"


COUNCIL_LETTER = ("Rutland County Council\nChildren's Services\nCatmose, Oakham LE15 9ZZ\n"
                  "To: Headteachers and partners\nDear colleagues,\nOfsted focused visit: disabled children\n"
                  "I am writing to share the outcome of the Ofsted focused visit to our children's services, which took "
                  "place on 24 and 25 October 2023. Inspectors recognised that our social workers know children well.\n"
                  "We have agreed an action plan, which our improvement board will oversee.\n"
                  "Yours sincerely\nJo Bell\nDirector of Children's Services\nRutland County Council\n1 December 2023")


def test_a_councils_own_letter_about_a_visit_is_no_ofsted_letter_and_is_dated_under_its_signature():
    from qa.documents.metadata import infer_date, infer_doc_type

    blocks = [Block("para", line) for line in COUNCIL_LETTER.splitlines()]
    assert infer_doc_type(COUNCIL_LETTER, blocks, {}, ["Rutland"])[0] == "council_page"
    assert infer_date(blocks, {}, COUNCIL_LETTER)[0] == "2023-12-01"
    # an inspector's letter stays Ofsted's
    hmi = COUNCIL_LETTER.replace("Jo Bell\nDirector of Children's Services\nRutland County Council",
                                 "Jo Bell\nHis Majesty's Inspector")
    assert infer_doc_type(hmi, [Block("para", line) for line in hmi.splitlines()], {}, ["Rutland"])[0] \
        == "ofsted_letter"
    # ... also when its director signs for Ofsted
    regional = COUNCIL_LETTER.replace("Director of Children's Services\nRutland County Council",
                                      "Regional Director\nOfsted")
    assert infer_doc_type(regional, [Block("para", line) for line in regional.splitlines()], {}, ["Rutland"])[0] \
        == "ofsted_letter"
    # a date further down the page than the signature block is no letter's date
    late = COUNCIL_LETTER.replace("\n1 December 2023", "\n\n\n\n\n\n\nPrinted copies\n1 December 2023")
    assert infer_date([Block("para", line) for line in late.splitlines()], {}, late)[0] is None


PAPER = ("Report Title: Ofsted Focused Visit: Care Leavers\nContains Confidential or Exempt Information | No - Part I\n"
         "Cabinet Member | Councillor Jo Bell, Cabinet Member for Children's Services\n"
         "Meeting and Date | Children's Services Overview and Scrutiny Panel - 19 January 2023\n"
         "Wards affected | All\n1. DETAILS OF RECOMMENDATION(S)\nRECOMMENDATION: That the Panel notes the report.\n"
         "2. REASON(S) FOR RECOMMENDATION(S) AND OPTIONS CONSIDERED\n"
         + "2.1 Ofsted carries out focused visits to local authority children's services between full inspections, "
           "and the service has prepared an action plan in response to the findings set out below. " * 4 + "\n"
         "2.2 Ofsted carried out a focused visit to Rutland on 8 and 9 November 2022.\n"
         "4. FINANCIAL DETAILS / VALUE FOR MONEY\n5. LEGAL IMPLICATIONS\n6. RISK MANAGEMENT\n")


def test_a_committee_paper_naming_its_council_once_far_down_is_about_it_and_is_the_councils():
    from qa.documents.metadata import infer_authorities, infer_doc_type, paper_parts

    assert paper_parts(PAPER) >= 3
    assert infer_authorities(PAPER)[0] == ["Rutland"]
    blocks = [Block("para", line) for line in PAPER.splitlines()]
    assert infer_doc_type(PAPER, blocks, {}, ["Rutland"])[0] == "council_page"
    # a story naming one council once far down is not made its own by that rule
    story = ("Care leavers let down, inspectors say\n\n" + "Inspectors found that personal advisers change too "
             "often and that pathway plans are not written with young people, the letter said. " * 8
             + "\n\nThe visit to Rutland took place in November.")
    assert infer_authorities(story)[0] == []


def test_a_body_reviewing_inspections_is_the_speaker_not_ofsted():
    from qa.retrieval.question import parse

    assert parse("Did the MPs' inquiry say inspectors missed the incompetence inside Rutland's children's social "
                 "care?").source is None
    assert parse("Which MP chaired the Commons committee that blamed Ofsted for missing exploitation?").source is None
    assert parse("What did inspectors say about Rutland's MASH?").source == "ofsted"


def test_a_headline_opening_on_the_visits_number_names_the_story_visit():
    from qa.documents.metadata import infer_visit_number

    story = ("Fourth Ofsted visit finds care planning drift persists\n\nIn a letter published after its fourth "
             "monitoring visit to Rutland County Council, inspectors said progress was slow.\n\nIts third monitoring "
             "visit, in February, recorded progress at the front door.")
    assert infer_visit_number(story)[0] == 4
    # "First visit" in a headline is any first visit (since lockdown, by a new team)
    assert infer_visit_number("First Ofsted visit since lockdown finds delays\n\nThe visit was in June.")[0] is None

    # an HTML page whose headline is only in its title
    from test_round10 import infer_html

    page = ("<html><head><title>Fourth Ofsted visit finds care planning drift persists | Care Weekly</title></head>"
            "<body><article><p>By Jo Bell | 16 August 2023</p><p>In a letter published after its fourth monitoring "
            "visit to Rutland County Council, inspectors said leaders had made some progress but that the pace of "
            "change was too slow for children in care.</p><p>The council was rated inadequate in March 2022. Its third "
            "monitoring visit, in February, recorded progress in the front door and in the quality of assessments "
            "for children in need.</p></article></body></html>")
    assert infer_html(page)["visit_number"] == 4


def test_a_papers_wrapped_heading_is_its_title_not_the_meeting_it_goes_to():
    from qa.documents.metadata import infer_title

    blocks = [Block("heading", "Rutland County Council - Children and Young People Committee"),
              Block("heading", "Agenda Item No: 7"),
              Block("heading", "Ofsted Focused Visit to Rutland Children's Services: Care"),
              Block("heading", "Leavers"),
              Block("heading", "To: Children and Young People Committee"),
              Block("para", "The Committee is asked to note the findings of the Ofsted focused visit to care leavers "
                            "and the actions being taken in response.")]
    assert infer_title(blocks, {}, Path("x.pdf"))[0] == "Ofsted Focused Visit to Rutland Children's Services: Care Leavers"
    # a section's name under an unfinished heading is no part of it
    blocks = [Block("heading", "Placement sufficiency in children's social care in England"), Block("heading", "Summary"),
              Block("para", "Councils in England are failing to meet their duty to provide enough homes for children.")]
    assert infer_title(blocks, {}, Path("x.pdf"))[0] == "Placement sufficiency in children's social care in England"
    # a short heading after a finished one is its own
    blocks = [Block("heading", "Ofsted focused visit to Rutland: care leavers."), Block("heading", "Summary"),
              Block("para", "Inspectors found that care leavers in Rutland are well supported by personal advisers.")]
    assert infer_title(blocks, {}, Path("x.pdf"))[0] == "Ofsted focused visit to Rutland: care leavers."


def test_a_breadcrumb_with_angle_quotes_is_no_title():
    from qa.documents.metadata import infer_title

    blocks = [Block("para", "NEWS › LOCAL NEWS › RUTLAND"),
              Block("heading", "Rutland children's services: watchdog says front door is better"),
              Block("para", "Inspectors found that the front door in Rutland responds quickly to concerns about children.")]
    assert infer_title(blocks, {}, Path("x.txt"))[0] == "Rutland children's services: watchdog says front door is better"


def test_an_authority_written_as_its_abbreviation_is_no_name_to_find():
    from qa.retrieval.question import parse

    q = parse("When Cambs went from good to RI in 2019, did Ofsted give the LA any credit for its improvement work?")
    assert q.authorities == ["Cambridgeshire"] and "Cambs" not in q.names
    assert "Eleanor Brazil" in parse("Did Eleanor Brazil praise Cambs?").names
