from pathlib import Path

import pytest

from voice_sim.core.models import Cue, Transcript, Word
from voice_sim.core.transcripts import (
    TranscriptError,
    estimate_timings,
    read_json,
    read_srt,
    read_transcript,
    read_vtt,
    to_json,
    to_srt,
    to_vtt,
)

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.250
<v Candidate>My bet is that bidders drop out.

00:01:02.500 --> 00:01:05.000
It has to come back in under <b>150 ms</b>.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_vtt_round_trip(tmp_path):
    t = read_vtt(write(tmp_path, "a.vtt", VTT))
    assert [c.start_s for c in t.cues] == [1.0, 62.5]
    assert t.cues[0].speaker == "Candidate"
    assert t.cues[1].text == "It has to come back in under 150 ms."
    again = read_vtt(write(tmp_path, "b.vtt", to_vtt(t, notes=[(2.0, "window ends")])))
    assert [(c.start_s, c.end_s, c.text, c.speaker) for c in again.cues] == [
        (c.start_s, c.end_s, c.text, c.speaker) for c in t.cues
    ]


def test_srt_and_json_round_trip(tmp_path):
    t = Transcript(cues=[Cue(start_s=0.5, end_s=2.0, text="hello there",
                             words=[Word(start_s=0.5, end_s=1.0, text="hello"),
                                    Word(start_s=1.1, end_s=2.0, text="there")])])
    srt = read_srt(write(tmp_path, "a.srt", to_srt(t)))
    assert srt.cues[0].start_s == 0.5 and srt.cues[0].text == "hello there"
    js = read_json(write(tmp_path, "a.json", to_json(t)))
    assert js.cues[0].words[1].start_s == 1.1


def test_plain_text_estimates_timings(tmp_path):
    t = read_transcript(write(tmp_path, "a.txt", "One two three four five. Six seven eight nine ten."), wpm=150)
    assert t.timing == "estimated"
    assert len(t.cues) == 2 and t.cues[1].start_s == pytest.approx(2.0)
    assert estimate_timings("a b c", wpm=60).cues[0].end_s == pytest.approx(3.0)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.vtt", "", "empty"),
        ("junk.vtt", b"\x00\x01\x02binary" * 100, "binary"),
        ("latin1.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ncaf\xe9\n".encode("latin-1"), "UTF-8"),
        ("nohdr.vtt", "00:00:01.000 --> 00:00:02.000\nhi\n", "WEBVTT"),
        ("nocues.vtt", "WEBVTT\n\nhello without times\n", "no timed cues"),
        ("back.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nhi\n", "ends before it starts"),
        ("order.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\na\n\n00:00:01.000 --> 00:00:02.000\nb\n", "backwards"),
        ("overlap.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:06.000\na\n\n00:00:03.000 --> 00:00:08.000\nb\n", "overlap"),
        ("bad.json", "{not json", "not valid JSON"),
        ("shape.json", '{"cues": [{"start_s": "x"}]}', "cue 1, 'start_s'"),
        ("a.docx", "hello", "unknown transcript type"),
    ],
)
def test_bad_files_give_one_line(tmp_path, name, content, message):
    with pytest.raises(TranscriptError) as err:
        read_transcript(write(tmp_path, name, content))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(TranscriptError, match="no such file"):
        read_transcript(tmp_path / "nope.vtt")
    with pytest.raises(TranscriptError, match="directory"):
        read_transcript(tmp_path)


def test_tiny_overlap_is_clipped(tmp_path):
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:03.020\na\n\n00:00:03.000 --> 00:00:04.000\nb\n"
    t = read_vtt(write(tmp_path, "a.vtt", text))
    assert t.cues[0].end_s == 3.0
