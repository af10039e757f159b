"""Delivery coaching: each verdict with its norm and its place (core/analysis/delivery.py)."""

from voice_sim.core.analysis import analyze
from voice_sim.core.analysis.delivery import checkins_in, outside_band, repetitions
from voice_sim.core.models import Cue, Transcript

FILLER_FREE = "we keep the reservation in memory and write it through to the ledger right away"


def spoken_at(wpm: float, start: float, seconds: float, text: str = FILLER_FREE) -> list[Cue]:
    """Cues of `text` repeated, said at `wpm` from `start` for `seconds`, ten seconds a cue."""
    cues, t, words = [], start, text.split()
    while t < start + seconds - 1e-6:
        n = round(wpm / 6)
        said = " ".join((words * (n // len(words) + 1))[:n])
        cues.append(Cue(start_s=t, end_s=t + 10, text=said + "."))
        t += 10
    return cues


def test_a_fast_minute_is_named_with_its_pace():
    cues = spoken_at(150, 0, 60) + spoken_at(204, 60, 60) + spoken_at(210, 120, 60) + spoken_at(150, 180, 60)
    stretches = outside_band(cues, (130, 170))
    assert [(s.start_s, s.end_s) for s in stretches] == [(60, 180)]
    assert 200 <= stretches[0].wpm <= 210
    a = analyze(Transcript(cues=cues))
    assert any(n.kind == "pace" and n.text.startswith("1:00-3:00 at 20") for n in a.delivery.notes)
    assert [round(w, -1) for w in a.delivery.pace_by_minute] == [150, 200, 210, 150]


def test_estimated_timings_get_no_pace_verdict():
    cues = spoken_at(220, 0, 120)
    assert analyze(Transcript(cues=cues, timing="estimated")).delivery.outside_band == []


def test_fillers_that_crowd_one_minute_make_a_cluster():
    calm = spoken_at(150, 0, 60)
    crowded = [Cue(start_s=60 + 10 * i, end_s=70 + 10 * i, text="Um, so the, uh, queue, um, takes the writes.")
               for i in range(6)]
    d = analyze(Transcript(cues=calm + crowded)).delivery
    assert [(c.start_s, c.end_s, c.count) for c in d.filler_clusters] == [(60, 120, 24)]  # um, so, uh, um
    assert any(n.kind == "fillers" and "24 fillers between 1:00 and 2:00" in n.text for n in d.notes)


def test_checkins_are_questions_to_the_panel_not_rhetorical_ones():
    cues = [
        Cue(start_s=0, end_s=5, text="Does that framing make sense before I go on?"),
        Cue(start_s=6, end_s=10, text="Should I go deeper on the reservation queue, or move to cost?"),
        Cue(start_s=11, end_s=15, text="Why does this matter? Because a late bid loses the lot."),
        Cue(start_s=16, end_s=20, text="I'd like to shard by seller, like a queue per seller."),
        Cue(start_s=21, end_s=24, text="I'll pause there."),
    ]
    found = checkins_in(cues)
    assert [c.text for c in found] == [
        "Does that framing make sense before I go on?",
        "Should I go deeper on the reservation queue, or move to cost?",
        "I'll pause there.",
    ]


def test_four_minutes_without_a_checkin_is_a_long_monologue():
    a = analyze(Transcript(cues=spoken_at(150, 0, 240)))
    assert a.delivery.longest_monologue_s >= 235
    assert "long_monologue" in [f.code for f in a.flags]


def test_a_checkin_or_a_panel_line_ends_the_monologue_and_a_panel_turn_is_no_pause():
    cues = spoken_at(150, 0, 120)
    cues[-1] = Cue(start_s=110, end_s=120, text="Does that make sense so far?")
    cues += [Cue(start_s=121, end_s=130, text="Yes. What if the cache fails?", speaker="Interviewer")]
    cues += spoken_at(150, 136, 110)
    a = analyze(Transcript(cues=cues))
    assert 105 <= a.delivery.longest_monologue_s <= 120
    assert "long_monologue" not in [f.code for f in a.flags]
    assert a.pacing.long_pauses == []  # 120-136 s was the panel's turn


def test_a_long_preamble_is_flagged_with_its_length():
    scene = spoken_at(150, 0, 150, "so the setting is a live show in the evening and people watch it on their phones")
    lever = [Cue(start_s=150, end_s=158, text="We cache the lot page at the edge and queue the bids per auction.")]
    a = analyze(Transcript(cues=scene + lever))
    assert a.delivery.preamble_s is not None and 140 <= a.delivery.preamble_s <= 155
    assert "long_preamble" in [f.code for f in a.flags]


def test_repeated_phrases_keep_their_longest_form():
    text = [
        "At the end of the day the buyer wants the card.",
        "We queue the bids, and at the end of the day that is what protects the seller.",
        "At the end of the day, latency is the product here.",
        "So basically we cache it. So basically the page is static. So basically it is done.",
    ]
    cues = [Cue(start_s=i * 10, end_s=i * 10 + 8, text=t) for i, t in enumerate(text)]
    reps = {r.phrase: r for r in repetitions(cues)}
    assert reps["at the end of the day"].count == 3
    assert reps["at the end of the day"].at_s == [0, 10, 20]
    assert reps["so basically"].crutch and reps["so basically"].count == 3
    assert "the end of the" not in reps and "end of the day" not in reps


def test_a_hedged_constraint_is_flagged_as_not_owned():
    cues = [Cue(start_s=0, end_s=6, text="The bid has to be acknowledged in under two hundred milliseconds, "
                                          "I guess, maybe.")]
    a = analyze(Transcript(cues=cues))
    assert a.signals["constraint"].present
    flags = [f for f in a.flags if f.code == "hedged_statement"]
    assert len(flags) == 1 and "I guess" in flags[0].message


def test_the_delivery_contract_in_json():
    d = analyze(Transcript(cues=spoken_at(150, 0, 60))).model_dump(mode="json")["delivery"]
    for key in ("pace_band", "outside_band", "filler_clusters", "hedges", "repetitions",
                "longest_monologue_s", "checkins", "preamble_s"):
        assert key in d
    assert d["pace_band"] == [130.0, 170.0]


def test_the_pace_band_comes_from_the_settings(tmp_path, capsys):
    """[coaching] pace_band in the settings file moves the band `analyze` judges against; a band
    that is not [low, high] is one line, exit 2."""
    import json

    from voice_sim import locations
    from voice_sim.cli import main

    answer = tmp_path / "a.json"
    answer.write_text(json.dumps([c.model_dump() for c in spoken_at(150, 0, 120)]))
    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[coaching]\npace_band = [100, 140]\n")
    assert main(["analyze", str(answer), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)["delivery"]
    assert d["pace_band"] == [100, 140]
    assert [(s["start_s"], s["end_s"], s["wpm"] > 140) for s in d["outside_band"]] == [(0, 120, True)]

    config.write_text("[coaching]\npace_band = [170, 130]\n")
    assert main(["analyze", str(answer), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "pace_band" in err


def test_marks_on_a_line_keep_the_words_as_said():
    from voice_sim.core.analysis.marks import letters, marked

    cues = [Cue(start_s=0, end_s=6, text="Umm, so, the bid has to be acknowledged in under 200 ms, I guess.")]
    a = analyze(Transcript(cues=cues))
    assert marked(cues[0], a) == "[Umm], [so], the bid has to be acknowledged in under 200 ms, {I guess}."
    assert letters(cues[0], a) == "C"
