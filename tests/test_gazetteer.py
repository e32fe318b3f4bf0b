"""Authority names: canonical forms, text mentions, question matching (invented sentences)."""
import pytest

from qa.documents import gazetteer
from qa.documents import metadata
from qa.documents.gazetteer import canonical_authority, find_in_question, find_in_text, is_former, is_welsh


def test_canonical_forms_and_abbreviations():
    assert canonical_authority("London Borough of Barnet") == "Barnet"
    assert canonical_authority("barnet council") == "Barnet"
    assert canonical_authority("Royal Borough of Kensington and Chelsea") == "Kensington and Chelsea"
    assert canonical_authority("RBKC") == "Kensington and Chelsea"
    assert canonical_authority("B&NES") == "Bath and North East Somerset"
    assert canonical_authority("BANES") == "Bath and North East Somerset"
    assert canonical_authority("BCP") == "Bournemouth, Christchurch and Poole"
    assert canonical_authority("LBTH") == "Tower Hamlets"
    assert canonical_authority("Leicester City Council") == "Leicester"
    assert canonical_authority("City of York Council") == "York"
    assert canonical_authority("Wigan Metropolitan Borough Council") == "Wigan"
    assert canonical_authority("Northamptonshire County Council") == "Northamptonshire"
    assert canonical_authority("Some Unknown Trust") == "Some Unknown Trust"
    # still importable from metadata (older callers)
    assert metadata.canonical_authority("kingston upon thames") == "Kingston upon Thames"
    assert metadata.LA_RE.search("in Wakefield today").group(1) == "Wakefield"


def test_former_and_welsh_authorities_are_marked():
    for name in ("Cumbria", "Northamptonshire", "Bournemouth", "Poole"):
        assert is_former(name), name
    assert not is_former("Cumberland")
    assert is_welsh("Monmouthshire") and is_welsh("Vale of Glamorgan") and not is_welsh("Devon")
    assert gazetteer.AUTHORITIES["Monmouthshire"].nation == "wales"


def test_find_in_text_forms_and_offsets():
    text = "Ofsted praised the London Borough of Hounslow. Separately, Calderdale Council said it was pleased."
    found = find_in_text(text)
    assert [m.name for m in found] == ["Hounslow", "Calderdale"]
    assert text[found[0].start:found[0].end] == found[0].surface == "London Borough of Hounslow"
    assert found[1].surface == "Calderdale Council"


def test_ambiguous_names_need_a_cue_in_text():
    assert find_in_text("Reading the report, inspectors were worried.") == []
    assert find_in_text("She moved to York to study history.") == []
    assert [m.name for m in find_in_text("Sutton council was praised by inspectors.")] == ["Sutton"]
    assert [m.name for m in find_in_text("Inspectors said Derby's children's services had improved.")] == ["Derby"]
    # a surname is not a place
    assert find_in_text("The report was written by Jane Sutton and colleagues.") == []
    # once the text has used the name as a council, later bare mentions count too
    text = "Bury Council welcomed the letter. Staff in Bury were thanked for their work."
    assert [m.name for m in find_in_text(text)] == ["Bury", "Bury"]
    assert find_in_text("They met in Bury St Edmunds for the conference about councils.") == []


def test_ofsted_office_letterhead_is_not_the_authority():
    text = "Ofsted\nAgora House\n6 Cumberland Place\nNottingham NG1 6HJ\n\nDear Ms Smith\nMonitoring visit to Halton"
    names = [m.name for m in find_in_text(text)]
    assert "Cumberland" not in names and "Nottingham" not in names


def test_find_in_question_case_insensitive_with_cues():
    assert find_in_question("wakefield caseloads") == ["Wakefield"]
    assert find_in_question("what did kingston upon thames say") == ["Kingston upon Thames"]
    assert find_in_question("bcp ilacs 2023") == ["Bournemouth, Christchurch and Poole"]
    assert find_in_question("Kent's 2019 focused visit") == ["Kent"]
    assert find_in_question("rbkc and lbth monitoring visits") == ["Kensington and Chelsea", "Tower Hamlets"]
    assert find_in_question("reading council care leavers") == ["Reading"]
    assert find_in_question("care leavers in reading") == ["Reading"]
    assert find_in_question("Reading the letter, what did inspectors find?") == []
    assert find_in_question("what are the reading ages of children in care") == []
    assert find_in_question("london borough of sutton supervision") == ["Sutton"]


def test_a_terse_query_opening_with_an_ambiguous_name_means_the_place():
    # staff type "halton caseloads"; "Reading the letter ..." still opens with a verb
    assert find_in_question("halton caseloads focused visit") == ["Halton"]
    assert find_in_question("reading ilacs 2022") == ["Reading"]
    assert find_in_question("york 2017") == ["York"]
    assert find_in_question("bath 2025 ilacs") == ["Bath and North East Somerset"]
    assert find_in_question("reading the 2018 letter, what changed?") == []
    assert find_in_question("a bath for children in care") == []


def test_short_forms_councils_use_for_themselves():
    assert find_in_question("What did Ofsted say about BwD's front door?") == ["Blackburn with Darwen"]
    assert find_in_question("h&f outstanding 2018") == ["Hammersmith and Fulham"]
    assert find_in_question("north yorks care leavers") == ["North Yorkshire"]


def test_the_terse_query_rule_does_not_make_places_of_verbs_or_acronyms():
    assert find_in_question("Reading Ofsted reports, what are the common themes?") == []
    assert find_in_question("RCT children's social care trials") == []
    assert find_in_question("What did the University of Bath study find?") == []
    assert find_in_question("bath spa caseloads") == []


def test_the_dfe_office_address_is_not_westminster():
    text = "Department for Education\nSanctuary Buildings\nGreat Smith Street\nWestminster\nLondon SW1P 3BT\n\nDear Jane"
    assert [m for m in find_in_text(text) if m.name == "Westminster"] == []


@pytest.mark.parametrize("question, expected", [
    ("brighton focused visit cin plans quality", ["Brighton and Hove"]),
    ("What did Ofsted find in Redcar?", ["Redcar and Cleveland"]),
    ("telford 2019 monitoring visit", ["Telford and Wrekin"]),
    ("Was the barking dog reported to the council?", []),  # an ordinary word, no cue
])
def test_the_first_town_of_a_two_part_area_names_it(question, expected):
    assert find_in_question(question) == expected


def test_a_landmark_named_after_a_town_is_not_its_council():
    assert [m.name for m in find_in_text("The visitors walked from Windsor Castle to the river.")] == []


def test_a_football_club_named_after_a_place_is_not_its_council():
    assert [m.name for m in find_in_text("Fans of Brighton & Hove Albion raised money for charity.")] == []


def test_a_welsh_town_in_an_english_story_needs_its_council_form():
    """Ofsted inspects England: Newport is the Isle of Wight's county town as often as a Welsh council."""
    text = ("The watchdog made a focused visit to the Isle of Wight Council, spending two days at County Hall in "
            "Newport looking at children's social care.")
    assert [m.name for m in find_in_text(text)] == ["Isle of Wight"]
    assert [m.name for m in find_in_text("Newport City Council's children's services were praised.")] == ["Newport"]


def test_greater_manchester_is_a_region_not_manchester_council():
    text = "Inspectors found steady progress at the Greater Manchester council, Tameside Council said."
    assert [m.name for m in find_in_text(text)] == ["Tameside"]
    # other Welsh councils are named as usual (a Care Inspectorate Wales page is about one)
    assert [m.name for m in find_in_text("Care Inspectorate Wales inspected children's services in Bridgend.")] == \
        ["Bridgend"]


def test_county_short_forms():
    assert find_in_question("west northants ilacs 2022 rating") == ["West Northamptonshire"]
    assert find_in_question("notts ofsted 2019") == ["Nottinghamshire"]
    assert find_in_question("bucks council ofsted") == ["Buckinghamshire"]
    assert find_in_question("the council bucks the trend on caseloads") == []  # a word, without a council cue
    assert canonical_authority("Northants") == "Northamptonshire"
