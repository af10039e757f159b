"""Pydantic models for everything that crosses a boundary: files, JSON output, the UI.

Field names here are a public contract (the `analyze --json` output, saved sessions): change them
only with a migration.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SIGNALS = ("hypothesis", "constraint", "lever", "metric_tie", "tradeoff")
Signal = Literal["hypothesis", "constraint", "lever", "metric_tie", "tradeoff"]

FLAG_CODES = (
    "missing_hypothesis",
    "missing_constraint",
    "missing_metric_tie",
    "late_hypothesis",
    "late_constraint",
    "late_metric_tie",
    "tech_without_rationale",
    "defers_to_engineering",
    "dismisses_latency",
    "scale_without_business_tie",
    "hedged_statement",
    "long_monologue",
    "long_preamble",
)
ANTI_PATTERNS = FLAG_CODES[6:10]
DELIVERY_FLAGS = FLAG_CODES[10:]

# Times on an answer's clock stop at a day: no interview is longer, and a time past it is a typo or
# a hostile file (a cue at hour 99999999 once asked for a list of six billion per-minute rates).
MAX_TIME_S = 24 * 3600.0


class Word(BaseModel):
    """One word with its time on the answer's clock."""

    model_config = ConfigDict(frozen=True)

    start_s: float = Field(ge=0, le=MAX_TIME_S, allow_inf_nan=False)
    end_s: float = Field(ge=0, le=MAX_TIME_S, allow_inf_nan=False)
    text: str
    probability: float | None = None


class Cue(BaseModel):
    """A stretch of speech: a subtitle cue, a transcribed segment or a panel line."""

    start_s: float = Field(
        ge=0, le=MAX_TIME_S, allow_inf_nan=False, description="Start on the round's clock, in seconds."
    )
    end_s: float = Field(
        ge=0, le=MAX_TIME_S, allow_inf_nan=False, description="End on the round's clock, in seconds."
    )
    text: str
    speaker: str | None = Field(None, description="'candidate', 'panel' or a persona name.")
    words: list[Word] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> Cue:
        if self.end_s < self.start_s:
            raise ValueError(f"cue ends ({self.end_s:.2f}s) before it starts ({self.start_s:.2f}s)")
        return self


class Transcript(BaseModel):
    """An ordered list of cues. `timing` says whether the times were heard or estimated."""

    cues: list[Cue] = Field(default_factory=list)
    timing: Literal["measured", "estimated"] = "measured"
    source: str | None = None

    @property
    def duration_s(self) -> float:
        return max((c.end_s for c in self.cues), default=0.0)

    @property
    def text(self) -> str:
        return " ".join(c.text.strip() for c in self.cues if c.text.strip())

    def by_speaker(self, speaker: str) -> Transcript:
        cues = [c for c in self.cues if c.speaker in (None, speaker)]
        return Transcript(cues=cues, timing=self.timing, source=self.source)


class Evidence(BaseModel):
    start_s: float
    end_s: float
    text: str
    score: float | None = Field(None, description="The statement model's score for this passage, 0..1.")


class SignalResult(BaseModel):
    present: bool = False
    first_at_s: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Flag(BaseModel):
    code: str
    message: str
    at_s: float | None = None
    quote: str | None = Field(None, description="What was said at that spot, for anti-patterns.")
    instead: str | None = Field(None, description="The stronger phrasing to use instead.")


class Pause(BaseModel):
    start_s: float
    end_s: float

    @property
    def length_s(self) -> float:
        return self.end_s - self.start_s


class Pacing(BaseModel):
    words: int
    speaking_s: float = Field(description="Seconds inside cues (time spent talking).")
    wall_s: float = Field(description="Seconds from the first cue's start to the last cue's end.")
    wpm_speaking: float = Field(description="Words per minute over speaking time.")
    wpm_wall: float = Field(description="Words per minute over wall time, pauses included.")
    fillers: int
    fillers_per_min: float = Field(description="Filler words per minute of speaking time.")
    filler_counts: dict[str, int] = Field(default_factory=dict)
    long_pauses: list[Pause] = Field(default_factory=list, description="Silences longer than 3 s.")
    wpm_by_minute: list[float] = Field(default_factory=list)
    timing: Literal["measured", "estimated"] = "measured"


class SignalScore(BaseModel):
    score: int = Field(ge=0, le=3, description="0 none, 1 weak, 2 solid, 3 strong.")
    label: str
    why: list[str] = Field(default_factory=list)


class Scorecard(BaseModel):
    impact_awareness: SignalScore
    feasibility_reasoning: SignalScore
    tradeoff_rigor: SignalScore
    window: str = Field("", description="Whether the first minutes carried all three graded signals, plainly.")


class Hedge(BaseModel):
    text: str = Field(description="The words that hedge, as said ('I guess', 'maybe').")
    at_s: float


class PaceStretch(BaseModel):
    start_s: float
    end_s: float
    wpm: float = Field(description="Words a minute of speaking time over the stretch.")


class FillerCluster(BaseModel):
    start_s: float
    end_s: float
    count: int


class Repetition(BaseModel):
    phrase: str
    count: int
    at_s: list[float] = Field(default_factory=list, description="Start of the cue of each occurrence.")
    crutch: bool = Field(False, description="A stock phrase ('so basically', 'at the end of the day').")


class CheckIn(BaseModel):
    text: str = Field(description="The sentence that checks in with the panel.")
    at_s: float


class DeliveryNote(BaseModel):
    kind: Literal["pace", "fillers", "pause", "hedges", "repetition", "monologue", "preamble"]
    text: str = Field(description="What was heard and where, one line.")
    suggestion: str
    at_s: float | None = None


class Delivery(BaseModel):
    pace_band: list[float] = Field(default_factory=lambda: [130.0, 170.0], description="[low, high] wpm.")
    outside_band: list[PaceStretch] = Field(default_factory=list)
    pace_by_minute: list[float] = Field(
        default_factory=list, description="Words a minute of speaking time, per minute of the round (0: under 20 s)."
    )
    filler_clusters: list[FillerCluster] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list, description="Weak language, where it was said.")
    hedges_per_min: float = 0.0
    repetitions: list[Repetition] = Field(default_factory=list)
    longest_monologue_s: float = Field(0.0, description="Longest speech with no check-in or panel line.")
    longest_monologue_at_s: float | None = None
    checkins: list[CheckIn] = Field(default_factory=list)
    preamble_s: float | None = Field(None, description="Question to first hypothesis, constraint or lever.")
    notes: list[DeliveryNote] = Field(default_factory=list, description="Each verdict with a suggestion.")


class MatrixRow(BaseModel):
    """One lever the candidate proposed and what they tied it to; a cell not said is None."""

    lever: str
    at_s: float
    kpi: str | None = None
    number: str | None = Field(None, description="The number given for the KPI effect.")
    constraint: str | None = None
    risk: str | None = None
    kpi_at_s: float | None = None
    number_at_s: float | None = None
    constraint_at_s: float | None = Field(None, description="Where the lever is tied to the constraint.")
    constraint_stated_at_s: float | None = Field(
        None, description="Where that constraint was first stated, when it was stated before the lever.")
    risk_at_s: float | None = None


class JudgementItem(BaseModel):
    present: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


class Judgement(BaseModel):
    """A follow-up answer judged by what the follow-up asks."""

    addressed: JudgementItem = Field(description="Took on what the question changed.")
    hierarchy: JudgementItem = Field(description="A mitigation hierarchy or staged plan (two steps or more).")
    numbers: JudgementItem = Field(description="Numbers of the kind the question needs.")
    ownership: JudgementItem = Field(description="Owns the risk: a threshold, an SLA or the decision.")
    tradeoff: JudgementItem = Field(description="Names what the mitigation costs.")


class Question(BaseModel):
    """One question of a round (the prompt or a follow-up) and the answer given to it."""

    index: int
    kind: Literal["prompt", "followup", "drill"]
    speaker: str
    question: str
    asked_at_s: float
    answer_start_s: float | None = None
    answer_end_s: float | None = None
    thinking_s: float | None = Field(None, description="From the end of the question to the first word.")
    first_substantive_s: float | None = Field(
        None, description="From the end of the question to the first hypothesis, constraint or lever."
    )
    signals: dict[str, SignalResult] = Field(default_factory=dict)
    decision_matrix: list[MatrixRow] = Field(default_factory=list)
    judgement: Judgement | None = None
    delivery: Delivery | None = Field(None, description="How this answer was spoken (pace, fillers, hedges...).")


class ScenarioGaps(BaseModel):
    """The scenario's key constraints and metrics the answer never named (empty without a scenario)."""

    constraints: list[str] = Field(default_factory=list)
    metrics: list[str] = Field(default_factory=list)


class Statement(BaseModel):
    """One statement the analyzer heard, where it was said (for marks on the transcript)."""

    kind: Signal
    start_s: float
    end_s: float


class Analysis(BaseModel):
    duration_s: float
    window_s: float = 600.0
    timing: Literal["measured", "estimated"] = Field(
        "measured", description="'estimated' when the transcript had no timings (plain text)."
    )
    signals: dict[str, SignalResult]
    flags: list[Flag]
    pacing: Pacing
    scorecard: Scorecard
    delivery: Delivery = Field(default_factory=Delivery)
    statements: list[Statement] = Field(default_factory=list, description="Every statement heard, in time order.")
    decision_matrix: list[MatrixRow] = Field(default_factory=list, description="One row per lever proposed.")
    first_substantive_s: float | None = Field(
        None, description="Seconds from the question to the first hypothesis, constraint or lever."
    )
    judgement: Judgement | None = Field(None, description="The answer judged as the reply to a follow-up.")
    scenario_gaps: ScenarioGaps = Field(default_factory=ScenarioGaps)
