"""Datelines and publication stamps are page furniture: the report starts after them; a date
or a capitalised name that belongs to the report stays."""

from __future__ import annotations

import json
import random
import re

import pytest

from newsprism.extract import datelines
from newsprism.extract.datelines import dateline_end, headline_cuts
from tests.conftest import EVAL, EXAMPLES, require_shared


_FURNITURE = [
    # publication stamps (a full date with a clock time), then an agency
    ("Sun Apr 26, 2009 10:12 pm BST (Reuters) - Mexico closed its schools.", "Mexico closed its schools."),
    ("Thursday, April 29, 2010; 4:49 PM The slick reached the coast.", "The slick reached the coast."),
    ("09:53 AM, Thursday, 21 May 2009 Swine flu cases rose.", "Swine flu cases rose."),
    ("Sunday 26 April 2009 10.40 BST The outbreak spread.", "The outbreak spread."),
    # a headline and a byline run into the sentence before a separator and a stamp
    ("Oil spill reaches coast ROBERT, Louisiana | Fri May 7, 2010 3:14pm EDT (Reuters) - A dome was lowered.",
     "A dome was lowered."),
    # datelines: a place in capitals with an agency, or with a dash
    ("GENEVA (Reuters) - The agency raised its alert level.", "The agency raised its alert level."),
    ("HONG KONG, May 2 (AFP) — Officials confirmed a case.", "Officials confirmed a case."),
    ("VENICE, La/PENSACOLA BEACH, Fla (Reuters) - Tar balls washed ashore.", "Tar balls washed ashore."),
    ("NEW ORLEANS -- Crews worked through the night.", "Crews worked through the night."),
    ("AP NEW ORLEANS -- Crews worked.", "Crews worked."),
    ("CHICAGO (CBS) – A rapper is apologizing.", "A rapper is apologizing."),
    # a photo credit: the caption before it is furniture too
    ("Workers spread a boom on the bay. Photograph: Ann Lee/AP Crews raced to protect the coast.",
     "Crews raced to protect the coast."),
    ("Photograph: Centers for Disease Control/Reuters It is a contagious disease.", "It is a contagious disease."),
    ("Photo: Ismael Francisco/AFP/Getty images Raul Castro wants talks.", "Raul Castro wants talks."),
    ("Obama flies along the coast on May 2. (AP Photo) Obama warned Sunday that the spill was grave.",
     "Obama warned Sunday that the spill was grave."),
    ("(AP Photo/Gerald Herbert) Crews laid booms on Monday.", "Crews laid booms on Monday."),
    ("A sign marks the closed beach. (Gerald Herbert/associated Press) So who is in charge?", "So who is in charge?"),
    ("A driver fills up his truck. (Ian Shapira - Washington Post) Marco Mora drove in.", "Marco Mora drove in."),
    ("The rig burns. (Alex Brandon - AP) Crews fought the fire.", "Crews fought the fire."),
    ("Smoke rises. (AFP/Getty Images) The fire spread.", "The fire spread."),
    ("The rig is seen burning. (AP) Stanley Murray said he saw the fire.", "Stanley Murray said he saw the fire."),
    # a bare credit heading the sentence, then the report, a dateline or the next caption
    ("AP Apr. 21: Fire boat crews battle the blaze.", "Apr. 21: Fire boat crews battle the blaze."),
    ("Coast Guard via AP NEW ORLEANS -- The Coast Guard found a leak.", "The Coast Guard found a leak."),
    ("Reuters The slick grew.", "The slick grew."),
    ("Larry Downing/Reuters BP has placed a cap on the well.", "BP has placed a cap on the well."),
    ("Tannen Maury/EPA Engineers expressed optimism.", "Engineers expressed optimism."),
    ("Sarah Lee for the Guardian Tony Hayward has claimed the spill is tiny.",
     "Tony Hayward has claimed the spill is tiny."),
    ("Photograph: Associated Press The spill has surpassed the Exxon Valdez.", "The spill has surpassed the Exxon Valdez."),
    ("Photograph: Public Domain As the chief executive toils, one figure is absent.",
     "As the chief executive toils, one figure is absent."),
    # negatives: the report's own dates, times, names and dashes stay
    ("The ministers met on June 16, 2010 at 10:00 to discuss the plan.", None),
    ("By 10:30 a.m. on May 3, 2010, the boom was in place.", None),
    ("NATO said on Monday it would send troops.", None),
    ("BP (BP.L) said on Friday it would pay.", None),
    ("US officials -- who asked not to be named -- said the plan failed.", None),
    ("The WHO - in Geneva - raised the alert.", None),
    ("OBAMA: We will make BP pay.", None),
    ("I -- and I alone -- decided.", None),
    ("The photograph: a boy in a mask on the subway.", None),
    ("The agency's photo: Smith said it showed the leak.", None),
    ("The agency released a photo (taken on Monday) of the leak.", None),
    ("Officials studied the image (Photo 3) on Monday.", None),
    ("Rep. Joe Barton (R-Tex.) apologized to BP.", None),
    ("Sen. Mary Landrieu (D - La.) spoke on Monday.", None),
    ("Tony Hayward (BP/London) said the leak was small.", None),
    ("The pipe carries oil (crude/diesel) to the coast.", None),
    ("Reuters reported the leak on Monday.", None),
    ("The rig sank on Thursday, officials said (Reuters).", None),
    ("The rig sank on Thursday (AP) and oil leaked.", None),
    ("AP reporters saw the slick.", None),
    ("Officials told AP The leak was small.", None),
    ("Fox News Channel reported the leak on Monday.", None),
    ("Tony Hayward/BP said on Monday the leak was small.", None),
    ("Reporters for the Times said the leak was small.", None),
]


@pytest.mark.parametrize("sentence, report", _FURNITURE)
def test_report_starts_after_the_furniture(sentence, report):
    assert sentence[dateline_end(sentence, 0, len(sentence)):] == (report or sentence)


def test_offsets_are_of_the_whole_text_and_furniture_alone_is_empty():
    text = "Title line\nGENEVA (Reuters) - Cases rose.\nMon Jun 1, 2009 9:00 am EDT"
    start = text.index("GENEVA")
    end = text.index("\nMon")
    assert text[dateline_end(text, start, end):end] == "Cases rose."
    assert dateline_end(text, end + 1, len(text)) == len(text)


@pytest.mark.parametrize("sentence, pieces", [
    # a headline (and a caption or a byline) run into the lead without a full stop
    ("Spill's danger to migratory birds The BP oil spill is not a disaster for the coast alone.",
     ["Spill's danger to migratory birds", "The BP oil spill is not a disaster for the coast alone."]),
    ("Possible fixes pour in from around the world A constituent of the senator makes a sponge.",
     ["Possible fixes pour in from around the world", "A constituent of the senator makes a sponge."]),
    ("Harbour talks stall The port says it shares the frustration of the crews A strike began on Monday.",
     ["Harbour talks stall", "The port says it shares the frustration of the crews", "A strike began on Monday."]),
    ("By Ann Lee Science correspondent, City News A study found a residue below the surface.",
     ["By Ann Lee Science correspondent, City News", "A study found a residue below the surface."]),
    ("Flu row grows A 23-month-old child has died of flu in Texas.",
     ["Flu row grows", "A 23-month-old child has died of flu in Texas."]),
    # negatives: a title, a class letter, a name's initial, a short tail or a plain lead
    ("The minister told The Associated Press that the rig was safe.", None),
    ("Her op-ed ran in The Guardian on Monday.", None),
    ("Cases of the influenza A virus rose in Mexico on Monday.", None),
    ("Officials met John A Smith, the engineer, on Friday.", None),
    ("Crews raced to protect the coast The end.", None),
    ("The BP oil spill is the worst in the nation's history, the agency said.", None),
])
def test_a_headline_run_into_the_lead_is_cut_from_it(sentence, pieces):
    cuts = headline_cuts(sentence, 0, len(sentence))
    starts, ends = [0, *cuts], [*cuts, len(sentence)]
    assert [sentence[s:e].strip() for s, e in zip(starts, ends)] == (pieces or [sentence])


def _without_shortcut(monkeypatch, text: str, ranges) -> list[int]:
    """Where the report begins in each range of ``text`` when every rule is tried (the
    shortcut's sign search matching everywhere)."""
    with monkeypatch.context() as patched:
        patched.setattr(datelines, "_FURNITURE_SIGN", re.compile(""))
        return [dateline_end(text, start, end) for start, end in ranges]


def _assert_shortcut_changes_nothing(monkeypatch, text: str, ranges) -> None:
    assert [dateline_end(text, start, end) for start, end in ranges] == _without_shortcut(monkeypatch, text, ranges)


# Sentences with no sign of furniture, or a sign just outside the range read, or a sign
# that is none ("a bare credit" heads them, or nothing does).
_SIGNLESS = ["", " ", "  AP The slick grew.", "Reuters The slick grew.", "Coast Guard via AP The leak grew.",
             "Larry Downing/Reuters BP capped the well.", "Sarah Lee for the Guardian Tony Hayward spoke.",
             "AP", "AP The", ";, Reuters The slick.", "NEW ORLEANS - Crews worked.", "GENEVA Reuters - Cases rose.",
             "NEW ORLEANS –", "Officials met at 9 30.", "The well (BP", "Mon Apr 26, 2009 10", "a|b", "x |y"]


@pytest.mark.parametrize("sentence", [s for s, _ in _FURNITURE] + _SIGNLESS)
def test_the_sign_shortcut_changes_no_report(sentence, monkeypatch):
    ranges = [(0, len(sentence))] + [(start, len(sentence)) for start in range(1, len(sentence), 7)] \
        + [(0, end) for end in range(0, len(sentence), 5)]
    _assert_shortcut_changes_nothing(monkeypatch, sentence, ranges)


@pytest.mark.parametrize("seed", range(10))
def test_the_sign_shortcut_changes_no_report_of_mixed_furniture(seed, monkeypatch):
    rng = random.Random(seed)
    pieces = ["GENEVA", "(Reuters)", "-", "--", "–", "—", "|", "Photograph:", "Ann Lee/AP", "(AP Photo)", "AP",
              "Reuters", "via", "Coast Guard", "Sun Apr 26, 2009", "10:12 pm BST", "9.30", "NEW ORLEANS", ":",
              "(", ")", "The", "slick", "grew.", "Crews", "worked", "on", "Monday", "for the", "Guardian", "  ", ";"]
    text = "\n".join(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(200))
    ranges = sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)) for _ in range(400))
    _assert_shortcut_changes_nothing(monkeypatch, text, [(min(r), max(r)) for r in ranges])


def test_the_sign_shortcut_changes_no_report_of_real_sentences(monkeypatch):
    texts = [(EXAMPLES / "story" / name).read_text(encoding="utf-8") for name in ("marlow-courier.txt",
                                                                                   "harbour-daily.html")]
    for path in sorted(require_shared(EVAL / "timeline17").glob("*/articles.json")):
        texts += [article["text"] for article in json.loads(path.read_text(encoding="utf-8"))]
    checked = 0
    for text in texts:
        ends = [m.end() for m in re.finditer(r"[.!?]\s|\n", text)] + [len(text)]
        ranges = list(zip([0, *ends], ends))
        _assert_shortcut_changes_nothing(monkeypatch, text, ranges)
        checked += len(ranges)
    assert checked > 10000
