"""The decision matrix read from an answer: one row per lever, its KPI and number, the constraint
it serves and the risk named; what was not said stays empty (a gap the report shows)."""

import json

import numpy as np
import pytest

from voice_sim.cli import main
from voice_sim.core.analysis import analyze
from voice_sim.core.analysis.cells import CellModel, CellModelError
from voice_sim.core.models import Cue, Transcript

LINES = [
    "My bet is that collectors stop bidding when their last-second bids land too late to count.",
    "The hard constraint is that a bid is acknowledged in under two hundred milliseconds at the 99th percentile.",
    "So the first lever is a single sequencer per auction, sharded by auction ID, to keep acknowledgement fast.",
    "That should lift bids per auction by about five percent.",
    "The risk is a hot auction overloading one shard, which we accept for strict ordering.",
    "Second, we put the lot pages on a CDN at the edge.",
]


def transcript(lines: list[str] = LINES) -> Transcript:
    """One line every 7 s, each 6 s long."""
    return Transcript(cues=[Cue(start_s=i * 7, end_s=i * 7 + 6, text=t) for i, t in enumerate(lines)])


def test_a_lever_tied_to_a_kpi_with_its_number_constraint_and_risk():
    rows = analyze(transcript()).decision_matrix
    assert [r.at_s for r in rows] == [14, 35]
    first, second = rows
    assert "sequencer" in first.lever
    assert first.kpi and "bids per auction" in first.kpi and first.number == "about five percent"
    assert first.constraint == "latency" and first.constraint_at_s == 14  # where the lever is tied to it
    assert first.constraint_stated_at_s == 7  # where that constraint was stated
    assert first.risk is not None and first.risk_at_s == 28
    assert "CDN" in second.lever and second.kpi is None and second.number is None  # the gaps


def test_a_lever_said_over_several_sentences_is_one_row_and_keeps_its_cells():
    """A sentence that goes on about the same lever (or ties it to a metric) is not a new row, so
    the KPI, constraint and risk said after it stay in the lever's row; "lever two" starts one."""
    lines = [
        "The budget is that a bid is acknowledged in under two hundred milliseconds.",
        "Lever one, the outbid notifications go out async, through a queue, not on the bid path.",
        "That queue is how we stay under the two hundred milliseconds on a bid.",
        "I'd expect the async outbid pushes to lift bids per lot by about six percent.",
        "The risk is the queue backs up in a big show and the push lands after the lot closes.",
        "Lever two, we cache the lot page at the edge.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 35]
    first = rows[0]
    assert first.kpi_at_s == 21 and first.number == "about six percent"
    assert first.constraint_at_s == 14 and first.risk_at_s == 28


def test_the_risk_said_of_a_lever_and_the_limit_it_keeps_land_in_its_row():
    """"The risk of this is ... so we need a replica" is about the lever before it, not a new row;
    "that's what keeps us inside the half-second sync" is its constraint; a risk of the whole design
    is no one lever's."""
    lines = [
        "My first lever is a reservation counter in memory, in Redis, with an atomic decrement.",
        "That's what keeps the buy button under half a second when thousands tap at once.",
        "The risk of this is if the Redis node fails mid sale we lose the holds, so we need a replica.",
        "Second lever, we precompute the follower lists for reminders the night before.",
        "The overall risk is that it's a lot of moving parts for a first version.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [0, 21]
    first, second = rows
    assert first.constraint_at_s == 7 and first.risk_at_s == 14
    assert second.risk is None


def test_analyze_json_carries_the_matrix_and_the_first_substantive_statement(tmp_path, capsys):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([c.model_dump() for c in transcript().cues]))
    assert main(["analyze", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    cells = {"lever", "at_s", "kpi", "number", "constraint", "risk"}
    assert [set(r) >= cells for r in out["decision_matrix"]] == [True, True]
    assert out["decision_matrix"][1]["kpi"] is None
    assert out["first_substantive_s"] == 0.0


def test_a_summary_and_a_lever_named_by_its_number_start_no_row_and_the_tie_lands_on_that_lever():
    """"Lever one is the money: ..." ties lever one to its KPI, however late; "To sum up: ..." and
    "Order: ..." name levers already proposed and start no row of their own."""
    lines = [
        "Buyers who win three lots in a row stop after the first because checkout takes two seconds.",
        "Limit: the pay step stays under five hundred milliseconds at p95.",
        "Lever one: compute tax and shipping when the lot opens, not when it's won.",
        "Lever two: the payout ledger write goes async, through a queue, after the charge succeeds.",
        "Lever three: order history reads go to a replica.",
        "Lever one is the money: precomputed quotes should lift lots won per buyer by about eight percent.",
        "To sum up: precompute the quotes, queue the ledger write, replicas for reads.",
        "Order: lever one this sprint, lever two next.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [14, 21, 28]
    assert rows[0].kpi_at_s == 35 and rows[0].number == "about eight percent"
    assert rows[1].kpi is None and rows[2].kpi is None


@pytest.mark.parametrize("rejected", [
    "What I would not do is shard inventory by user ID; it spreads one sale's stock across every shard.",
    "I thought about multi-region active-active for the bid ledger, and I'm not proposing it.",
    "I did think about putting a cache in front of the price, so I'm leaving it out.",
    "Not doing: a separate payments region. Costs too much for the gain.",
    "What I'm explicitly not doing is a global lock on the auction table; it would queue every show.",
    "I was thinking also to put all the stock in one cache, but one hot key is dangerous, so no.",
])
def test_a_lever_named_only_to_be_rejected_makes_no_row(rejected):
    lines = ["The hard constraint is that a bid is acknowledged in under two hundred milliseconds.",
             "Lever one: a single sequencer per auction, so bids are ordered in memory.", rejected]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7]


@pytest.mark.parametrize("content", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_a_damaged_cell_model_is_one_clear_error(tmp_path, content):
    path = tmp_path / "cell_model.npz"
    path.write_bytes(content)
    with pytest.raises(CellModelError, match="damaged.*reinstall"):
        CellModel.load(path)


def test_a_missing_cell_model_is_one_clear_error(tmp_path):
    with pytest.raises(CellModelError, match="missing.*reinstall"):
        CellModel.load(tmp_path / "nothing.npz")


def test_analyze_with_a_broken_cell_model_says_one_line(tmp_path, capsys, monkeypatch):
    from voice_sim.core.analysis import cells

    broken = tmp_path / "cell_model.npz"
    broken.write_bytes(b"garbage")
    monkeypatch.setattr(cells, "WEIGHTS", broken)
    cells.default_cell_model.cache_clear()
    try:
        path = tmp_path / "a.json"
        path.write_text(json.dumps([c.model_dump() for c in transcript().cues]))
        assert main(["analyze", str(path)]) == 2
    finally:
        cells.default_cell_model.cache_clear()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "damaged" in err and "reinstall" in err


def test_the_sentence_after_a_lever_goes_on_about_it_unless_it_moves_on():
    """"Lots are partitioned by lot ID..." right after the sharding lever is the same row, so the
    KPI said after it stays in that row; "Another option..." starts the next one."""
    lines = [
        "The hard constraint is that a bid is acknowledged in under two hundred milliseconds.",
        "Lever one: shard the auction service by show ID.",
        "Lots are partitioned by lot ID, and each partition has a single leader that orders the bids.",
        "That should lift bids per lot by about four percent, because nobody waits behind a busy show.",
        "Another option is caching the current price at the edge so viewers never hit the auction service.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 28]
    assert rows[0].kpi_at_s == 21 and rows[1].kpi is None


@pytest.mark.parametrize("summary", [
    "So: edge relays for the feed, a side queue for chat, sampled reactions when a show gets huge.",
    "Um, so the order is, like, the edge relays first since it's cheap, then the side queue.",
    "We will make first the edge relays, then the side queue, then the sampling.",
])
def test_a_build_order_or_summary_starts_no_row(summary):
    lines = ["Lever one: edge relays push the feed to viewers over websockets.",
             "Lever two: chat goes on a side queue so it never slows the bid path.", summary]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [0, 7]


def test_a_numbered_lever_that_orders_its_own_steps_is_still_a_row():
    lines = ["Lever one: edge relays push the feed to viewers over websockets.",
             "Lever two: chat goes on a side queue so it never slows the bid path.",
             "Lever three is a degradation ladder: under load we drop video quality first, then chat, then reactions."]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [0, 7, 14]


def test_levers_listed_first_and_tied_later_by_their_place_or_by_name():
    """A candidate lists the levers, then goes back over them: "For the first one, ...", "The risk for
    the second one is...", "Back to the edge cache: ...". Those sentences start no row and fill the
    cells of the lever they name, not of the lever said just before them."""
    rows = analyze(transcript([
        "The rail has to render in under a hundred milliseconds, and it can never delay the bid button.",
        "Three levers.",
        "First, we precompute the candidate lots for every show before it goes live.",
        "Second, we put the shipping quotes on a queue and process them async.",
        "Third, we cache the rendered rail per lot at the edge.",
        "For the first one, the precompute, I'd expect rail add-to-carts to go up about four percent.",
        "The risk for the second one is that a quote arrives after the buyer has already paid.",
        "Back to the edge cache: that should lift conversion during the show by about two percent.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [14, 21, 28]
    precompute, queue, edge = rows
    assert precompute.kpi_at_s == 35 and precompute.number == "about four percent"
    assert queue.risk_at_s == 42 and queue.kpi is None
    assert edge.kpi_at_s == 49 and edge.number == "about two percent"


def test_a_lever_named_again_or_taken_in_turn_gets_its_cells():
    """ "For the sharding by seller, ..." after two other levers is about the sharding, and after
    "Risks, lever by lever." each sentence is the risk of the lever in that place."""
    rows = analyze(transcript([
        "Lever one: we shard the schedule by seller ID, so each seller's calendar sits on one partition.",
        "Lever two: follower notifications are batched and sent in waves over the five minutes before a drop.",
        "Lever three: we precompute each drop's follower list an hour before it goes live.",
        "For the sharding by seller, the business goal is drops per seller, up about ten percent.",
        "Risks, lever by lever.",
        "A very big seller makes one shard hot, and we have to move him alone.",
        "Some followers get the push five minutes early and forget about it.",
        "The list is an hour old, so a follower from the last hour is missed.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [0, 7, 14]
    shard, batch, precompute = rows
    assert shard.kpi_at_s == 21 and shard.number == "about ten percent"
    assert [shard.risk_at_s, batch.risk_at_s, precompute.risk_at_s] == [35, 42, 49]
    assert batch.kpi is None and precompute.kpi is None


def test_the_constraint_a_lever_serves_points_back_to_where_it_was_stated():
    rows = analyze(transcript([
        "The hard limit: the buy tap must be confirmed in under eight hundred milliseconds, end to end.",
        "Card data never touches our servers; that's PCI, and it isn't negotiable.",
        "Lever one: we vault the card with our processor on the first purchase.",
        "That keeps us out of PCI scope, and it should lift repeat conversion by about three points.",
        "Lever two: the fraud check runs async, after the order is written.",
        "That is what gets us under the eight hundred milliseconds.",
    ])).decision_matrix
    vault, fraud = rows
    assert vault.constraint_at_s == 21 and vault.constraint_stated_at_s == 7
    assert fraud.constraint_at_s == 35 and fraud.constraint_stated_at_s == 0


def test_an_enumerated_lever_is_a_row_when_its_list_holds_levers():
    """ "One: vault the card" is a row though the statement model hears no lever in it, because
    "Two: ..." and "Three: ..." beside it are levers; its lead-in is not part of the lever."""
    lines = ["The hard limit: the buy tap must be confirmed in under eight hundred milliseconds.",
             "Three levers.",
             "One: we vault the card with our processor on the first purchase.",
             "Two: the fraud check runs async, after the order is written.",
             "Three: we cache the price, tax and shipping quote when the lot goes live."]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [14, 21, 28]
    assert rows[0].lever.startswith("we vault the card")


def test_levers_listed_in_one_sentence_are_a_row_each_and_get_their_cells_by_name():
    """ "I'd use three things: a, b, and c" is three rows, all said at that sentence; "For the slot
    queue, ..." and "For partitioning, ..." fill the cells of the lever they name and start none."""
    rows = analyze(transcript([
        "We have thirty days for an MVP, and the scheduler carries a 99.9 percent uptime commitment.",
        "I'd use three things: a slot reservation queue, pre-computed follower reminder lists, "
        "and partitioning the scheduler by seller ID.",
        "For the slot queue, we nudge sellers to a quieter slot, and I'd expect drops per seller to go up "
        "about twenty percent.",
        "For the reminder lists, we build them the night before, and first-minute viewers should rise "
        "around 15 percent.",
        "For partitioning, a hot seller can't stall everyone else, and the risk is rebalancing when a seller "
        "suddenly blows up.",
    ])).decision_matrix
    assert [(r.lever, r.at_s) for r in rows] == [("a slot reservation queue", 7),
                                                 ("pre-computed follower reminder lists", 7),
                                                 ("partitioning the scheduler by seller ID", 7)]
    queue, lists, partitions = rows
    assert queue.kpi_at_s == 14 and queue.number == "about twenty percent"
    assert lists.kpi_at_s == 21 and lists.number == "around 15 percent"
    assert partitions.risk_at_s == 28 and partitions.kpi is None


@pytest.mark.parametrize("one", [
    "We cache the show page at the edge with a short time to live.",
    "We split each sale's stock into pre-allocated buckets, partitioned across a few inventory nodes.",
    "I propose to use a CDN for the video segments, and the auction events go over websockets.",
    "First lever is session persistence, the party state lives in a replicated store.",
])
def test_one_lever_said_with_several_lever_words_is_one_row(one):
    rows = analyze(transcript(["The page must load in under two hundred milliseconds.", one])).decision_matrix
    assert len(rows) == 1


def test_levers_listed_after_the_candidate_announced_them_are_a_row_each():
    """ "I'm thinking, um, three things, I guess." then the levers, two to a sentence between commas."""
    rows = analyze(transcript([
        "A bid has to be acknowledged in a hundred and fifty milliseconds.",
        "So I'm thinking, um, three things, I guess.",
        "Partition the bids by lot ID so each lot has one writer, and, um, push the bid updates through a "
        "pub sub fan-out at the edge.",
        "And a recap: partitioning for correctness, the fan-out for speed.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [14, 14]
    assert rows[0].lever.startswith("Partition the bids") and "fan-out" in rows[1].lever


def test_a_sentence_fills_a_cell_of_one_row_only():
    rows = analyze(transcript([
        "Checkout has to answer in under three hundred milliseconds.",
        "First, we cache the lot page at the edge.",
        "Second, every bid goes on a queue per lot.",
        "That should lift bids per lot by about five percent.",
    ])).decision_matrix
    kpis = [r.kpi_at_s for r in rows if r.kpi is not None]
    assert kpis == [21]


def test_a_sentence_after_a_named_lever_stays_with_it():
    """ "For the slot queue, ..." then "Its cost is ...": the cost is the slot queue's, not the lever
    listed after it."""
    rows = analyze(transcript([
        "We have thirty days for an MVP.",
        "I'd use two things: a slot reservation queue, and pre-computed follower reminder lists.",
        "For the slot queue, I'd expect drops per seller to go from about three a month to four.",
        "Its cost is that some sellers lose their exact preferred minute.",
        "For the reminder lists, first-minute viewers per drop should rise around 15 percent.",
    ])).decision_matrix
    queue, lists = rows
    assert queue.risk_at_s == 21 and lists.risk is None


def test_a_sentence_that_names_two_levers_fills_both_rows():
    rows = analyze(transcript([
        "The lot page has to load in under a second.",
        "Lever one: we pre-compute the lot lists for every live show.",
        "Lever two: we cache the lot page at the edge.",
        "The pre-computed lists plus the edge cache, I'd say that moves purchases per session up about 3 percent.",
    ])).decision_matrix
    assert [r.kpi_at_s for r in rows] == [21, 21]
    assert [r.number for r in rows] == ["about 3 percent", "about 3 percent"]


def test_a_clear_cell_a_few_sentences_after_its_lever_is_found():
    """The sentences that describe a lever come first; the KPI and the cost after them are still its."""
    rows = analyze(transcript([
        "Viewers must see a bid land in under two hundred milliseconds.",
        "First lever: a tier of regional relay nodes that hold the viewer connections.",
        "Each relay holds a few thousand connections and replays the last few seconds to a viewer who reconnects.",
        "That relay tier is what keeps us inside the two hundred millisecond budget.",
        "I'd expect it to lift bids per show by around eight percent.",
        "The cost is another fleet to operate.",
    ])).decision_matrix
    relay = rows[0]
    assert (relay.constraint_at_s, relay.kpi_at_s, relay.risk_at_s) == (21, 28, 35)
    assert relay.number == "around eight percent"


def test_a_cell_model_with_mismatched_shapes_is_one_clear_error(tmp_path):
    model = CellModel.load()
    path = tmp_path / "cell_model.npz"
    names = sorted(model.features, key=model.features.__getitem__)
    np.savez_compressed(path, features=np.array(names), weights=model.weights,
                        sentence_features=np.array(["w:only"]), sentence_weights=model.sentence_weights,
                        threshold=np.array(model.threshold), meta=np.array("{}"))
    with pytest.raises(CellModelError, match="shapes do not match"):
        CellModel.load(path)


def test_levers_counted_off_in_one_passage_are_a_row_each():
    rows = analyze(transcript([
        "Auction events must reach every viewer within two hundred milliseconds.",
        "Three levers. One, edge fan-out through the CDN; two, chat sharded into rooms of five thousand; "
        "three, a degradation mode that sheds chat first.",
        "Edge fan-out is how we hold the two hundred milliseconds at a hundred thousand viewers.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [7, 7, 7]
    assert ["CDN" in rows[0].lever, "sharded" in rows[1].lever, "degradation" in rows[2].lever] == [True] * 3


@pytest.mark.parametrize("line", [
    "We keep one copy per region and two replicas, so one region can fail over.",
    "Constraints. One, latency under two hundred milliseconds. Two, the card data stays in PCI scope.",
])
def test_a_passage_that_counts_other_things_is_not_a_list_of_levers(line):
    rows = analyze(transcript(["Lever one: we cache the lot page at the edge.", line])).decision_matrix
    assert sum(r.at_s == 7 for r in rows) <= 1


def test_options_weighed_then_one_chosen_is_one_row_said_at_the_choice():
    rows = analyze(transcript([
        "We can never sell more units than the seller has, and the tap must answer in under 300 milliseconds.",
        "Two options. Option one is a lock on the inventory row in the main database.",
        "Option two is to pre-split the stock into tokens in an in-memory store, and each tap pops a token.",
        "I'm going with option two, the token pre-split.",
        "You can't pop a token that isn't there, so that's how we hold the zero oversell line.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [21]
    assert rows[0].lever == "option two, the token pre-split"


@pytest.mark.parametrize("put, turned_down", [
    ("For the seat count I compared a lock on the inventory row with pre-split stock tokens in memory.",
     "A row lock serialises every tap on one row, so that's out."),
    ("Option A is a lock on the inventory row; option B is pre-split stock tokens in memory.",
     "The lock is simple but every tap waits on one row, and that doesn't work at noon."),
])
def test_two_ways_compared_then_one_proposed_is_one_row_at_the_proposal(put, turned_down):
    rows = analyze(transcript([
        "We can never sell more units than the seller has.",
        put,
        turned_down,
        "So we pre-split the stock into tokens, and each tap pops one.",
        "You can't pop a token that isn't there, which is how we hold the zero oversell line.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [21]
    assert rows[0].lever == "we pre-split the stock into tokens"


def test_a_second_decision_weighed_the_same_way_is_a_second_row():
    rows = analyze(transcript([
        "First decision: how bids on one lot are ordered.",
        "I looked at optimistic locking versus one writer per lot, partitioned by lot ID.",
        "So I'd partition by lot ID with a single writer for each partition.",
        "Second decision: what a bidder sees when the network is slow.",
        "One option is an error; the other option is a soft close that extends the timer.",
        "I'd take the soft close.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [14, 35]


@pytest.mark.parametrize("closing", [
    ["Risks, quickly: cache, stale prices; queue, it backs up at the peak; shards, one hot seller."],
    ["Risks, by number.", "On one, stale prices on the page; on two, the queue backs up at the peak.",
     "On three, one hot seller on one shard."],
])
def test_risks_listed_in_a_closing_run_land_in_each_levers_row(closing):
    rows = analyze(transcript([
        "We can never sell more units than the seller has.",
        "Three levers. First, we cache the product page at the edge.",
        "Second, every buy tap goes onto a queue that reserves units in order.",
        "Third, we shard the inventory table by seller.",
        *closing,
    ])).decision_matrix
    assert len(rows) == 3
    assert [r.risk_at_s for r in rows] == (
        [28, 28, 28] if len(closing) == 1 else [35, 35, 42])
    assert ["stale prices" in rows[0].risk, "backs up" in rows[1].risk, "hot seller" in rows[2].risk] == [True] * 3


def test_what_each_lever_buys_said_in_turn_fills_each_rows_kpi():
    rows = analyze(transcript([
        "We keep every bid acknowledged in under two hundred milliseconds.",
        "First, an in-memory bid book for every live lot.",
        "Second, a single ordered queue per lot for incoming bids.",
        "Now what each one buys.",
        "The bid book buys bids per lot, about five percent more on contested lots.",
        "The ordered lane lifts the repeat seller rate, by about two percent.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [7, 14]
    assert rows[0].kpi_at_s == 28  # the bid book's, said first after "what each one buys"


def test_a_counted_lever_is_called_by_its_own_count_even_after_other_levers():
    """ "Cost of two" is the second lever the candidate counted off, not the second row."""
    rows = analyze(transcript([
        "First we cache the lot page at the edge.",
        "Then the rest. One, the order goes on a queue and a worker writes it.",
        "Two, a rate limit per buyer account, one tap a second.",
        "Cost of two: a real collector with fast thumbs could hit the cap.",
    ])).decision_matrix
    assert [r.at_s for r in rows][-2:] == [7, 14]
    assert rows[-1].risk_at_s == 21 and rows[-2].risk is None


def test_levers_counted_off_then_taken_by_their_bare_number():
    rows = analyze(transcript([
        "One: a bid is acknowledged within 150 milliseconds. That is a hard budget.",
        "Levers. Two.",
        "One: the bid book for each live lot sits in memory, partitioned by show.",
        "Two: a rate limit per buyer per lot, five bids a second.",
        "Ties, point by point.",
        "One also buys bids per lot, about eight percent, mostly from late bidders.",
        "Cost of two: a genuine power bidder could hit the cap.",
        "One region first, then the rest.",
    ])).decision_matrix
    book, limit = rows
    assert (book.at_s, limit.at_s) == (14, 21)
    assert book.kpi_at_s == 35 and limit.kpi is None
    assert limit.risk_at_s == 42 and book.risk is None


def test_a_lever_taken_back_is_no_row_and_one_said_again_is_a_row_where_it_is_meant():
    rows = analyze(transcript([
        "We can never sell more units than the seller has.",
        "So my first lever, I was going to put the stock count in a cache and decrement it there.",
        "Actually, scrap the cache, it's the wrong tool here, because a cache that drifts is how you oversell.",
        "Instead every unit is a reservation token, and a single worker hands them out from a queue.",
        "Second, we'd cache the recommendations per user.",
        "Actually, wait, not per user, a cache per stream makes more sense, everyone sees the same lot.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [21, 35]
    assert rows[1].lever.startswith("a cache per stream")


def test_a_lever_called_by_its_own_name_in_a_closing_summary_gets_its_cells():
    rows = analyze(transcript([
        "Every bid is acknowledged in under two hundred milliseconds.",
        "Lever one is the bid book: one in-memory book per live show, owned by a single process.",
        "Lever two is the regional edge, where bids are accepted at the nearest region.",
        "Lever three is a warm standby of every bid book in a second zone.",
        "So, the matrix.",
        "The warm standby protects GMV during incidents, and its risk is double the compute bill.",
        "The bid book buys bids per lot, about six percent more, and its risk is one hot show saturating its owner.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [7, 14, 21]
    assert (rows[0].kpi_at_s, rows[0].risk_at_s) == (42, 42)
    assert rows[2].risk_at_s == 35


def test_a_risk_broken_off_between_recogniser_segments_is_where_its_words_are():
    rows = analyze(transcript([
        "so the first lever is we pre authorise the card when the buyer places their first bid",
        "which should lift checkout conversion about two percent",
        "the cost is",
        "holds on cards for buyers who never win",
    ])).decision_matrix
    assert len(rows) == 1 and rows[0].risk_at_s == 21 and rows[0].risk.startswith("holds on cards")


def test_levers_counted_off_one_after_another_are_a_row_each():
    rows = analyze(transcript([
        "We can never sell the same unit twice.",
        "Third, shard the inventory table by seller.",
        "Fourth, batch the confirmation emails instead of sending them inline with the order.",
        "Fifth, rate limit per buyer, so bots can't grab fifty units in one go.",
        "And sixth, a waiting room page if traffic spikes past what we can handle.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [7, 14, 21, 28]


def test_a_lever_negated_in_passing_is_taken_back_and_one_changed_is_said_again():
    rows = analyze(transcript([
        "We can never confirm more units than the seller has.",
        "So my first lever is to keep the stock count in a cache so the page stays fast.",
        "Actually no, not a cache. A cached count is exactly the thing that drifts in the middle of a sale.",
        "What I want is a reservation queue: every tap claims one unit in order, so we never oversell.",
        "Second lever, a fan-out service that loops through the followers when the drop starts.",
        "No, wait, looping at start time is why it's late. Let me change that: we pre-compute the follower "
        "fan-out list the night before.",
    ])).decision_matrix
    assert [r.at_s for r in rows] == [21, 35]
    assert rows[1].lever.startswith("we pre-compute the follower fan-out list")


def test_a_short_heading_naming_a_lever_says_what_follows_is_about_it():
    """A terse speaker heads each lever's part with its short name ("Async auth.", "Rate limit."):
    the sentences after a heading say more about that lever and start no row of their own."""
    lines = [
        "Bids are acknowledged in under two hundred milliseconds. Hard line.",
        "Three levers.",
        "One, bid sequencing per lot in a single-writer queue.",
        "Two, async payment authorization after the hammer, not before the bid.",
        "Three, rate limiting per buyer on the bid endpoint.",
        "Async auth.",
        "Card auth comes off the bid path, so the tap feels instant.",
        "That lifts bid-to-purchase conversion, call it two points.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [14, 21, 28]
    assert rows[1].kpi_at_s == 49 and rows[1].number == "two points"


def test_a_closing_run_of_business_effects_fills_each_levers_kpi_with_its_own_number():
    """"So to close: the token bucket, drop conversion up about three points; the order queue, ..."
    starts no row: each part is the KPI of the lever it names, with that part's number, and the
    risks said after it the same way, lever by lever."""
    lines = [
        "The hard limit is that a tap is answered in under two hundred milliseconds.",
        "First lever, a reservation token bucket per drop, held in the in-memory store we already run.",
        "Second lever, an async order queue behind the reservation, so payment rows get written later.",
        "Third, we pre-compute the drop page and push it to the CDN an hour ahead.",
        "So to close: the token bucket, drop conversion up about three points; the order queue, checkout "
        "completion holding near ninety-five percent; the pre-computed page, bounce down maybe a fifth.",
        "Risks: stale holds on the bucket if the expiry job stalls, backlog on the queue, and a wrong price "
        "sitting on the CDN if a seller edits late.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 14, 21]
    assert [r.kpi_at_s for r in rows] == [28, 28, 28]
    assert [r.number for r in rows] == ["about three points", "ninety-five percent", "maybe a fifth"]
    assert [r.risk_at_s for r in rows] == [35, 35, 35]
    assert "backlog" in (rows[1].risk or "") and "CDN" in (rows[2].risk or "")


def test_after_wrapping_up_a_lever_said_again_is_summed_up_not_proposed():
    lines = [
        "The whole checkout has to finish in under one second from the win.",
        "First thing, a cache for the buyer's saved card and address, so we skip the wallet service.",
        "Second, move the fraud scoring off the tap path and run it async.",
        "So, wrapping up.",
        "Checkout conversion, plus two points from the cache.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 14]
    assert rows[0].kpi_at_s == 28 and rows[0].number == "two points"


def test_a_lever_counted_off_before_and_headed_by_its_number_gets_what_follows():
    """"One. Seed." and "Two. Ledger." head the parts about levers counted off before: no new rows,
    and what is said under a heading is that lever's."""
    lines = [
        "Every slot is sold exactly once: thirty slots, thirty owners.",
        "Levers. One, commit the random seed before the break; two, a single-writer slot ledger; three, a queue "
        "for the assignment notices.",
        "One. Seed.",
        "We publish a hash of the seed before the first slot sells, so anyone can recompute the draw.",
        "Two. Ledger.",
        "One writer per break claims the slots in order, so a slot is never sold twice.",
        "Full breaks start on time, so break sell-through goes up, five points is my number.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 7, 7]
    assert rows[1].kpi_at_s == 42 and rows[1].number == "five points"
    assert rows[0].kpi is None and rows[2].kpi is None


def test_levers_announced_together_and_taken_up_by_their_place_get_what_follows():
    """"I'd pull three levers: a, b and c" then "Second: ..." and "Third, ...": each lever is a row
    where it was announced, and what is said after "Second:" is the second lever's, however far
    from the list, and starts no row of its own."""
    lines = [
        "Lot state must reach viewers in under two hundred milliseconds, and shows stay up 99.9 percent.",
        "I'd pull three levers: edge fan-out of lot events, a per-show partition of the event stream, "
        "and a freeze mode for bidding.",
        "First: edge fan-out.",
        "We push lot changes to edge nodes near viewers, which keeps the card under two hundred milliseconds.",
        "I'd expect that to lift bids per lot by around eight percent.",
        "The risk is egress cost, maybe twelve thousand a month at peak.",
        "Second: partition the stream per show.",
        "Each show gets its own partition, so one huge break can't slow the others.",
        "That protects the 99.9 percent uptime for every show.",
        "Business-wise it keeps smaller sellers' sell-through steady on busy nights, a couple of points.",
        "Third, the freeze mode.",
        "When the lot state falls a second behind, we pause bidding for that show and show a banner.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 7, 7]
    assert rows[0].kpi_at_s == 28 and rows[0].number == "around eight percent"
    assert rows[1].kpi_at_s == 63 and rows[1].number == "a couple of points"
    assert rows[1].risk is None  # "Second: partition the stream per show." names the lever, no risk of it
    assert rows[2].kpi is None


@pytest.mark.parametrize(("listed", "levers"), [
    ("Levers, three: pre-staging listings, queue for publish, and slot limits per minute.", 3),
    ("So my plan has a queue for the orders, a cache for the stock count and, uh, a fallback to the database.", 3),
    ("The levers: first I pre-compute candidate lists per viewer every fifteen minutes, offline, in batch.", 1),
])
def test_a_list_of_levers_is_a_row_per_item_and_not_per_clause(listed, levers):
    lines = ["Listing publish must complete in under one hundred fifty milliseconds at drop time.", listed]
    rows = analyze(transcript(lines)).decision_matrix
    assert len(rows) == levers and {r.at_s for r in rows} == {7}
    assert not any(r.lever.endswith((" and", " uh")) or r.lever.startswith("So") for r in rows)


def test_a_heading_that_opens_a_longer_segment_still_names_its_lever():
    """"Batching next. Reactions get rolled up ..." in one recogniser segment: the short first
    sentence heads what follows, which is the batching lever's, not a new row."""
    lines = [
        "A bid must reach every viewer in under two hundred milliseconds.",
        "So I'd do three things: regional edge relays, batching for the reactions, and a shedding mode.",
        "The edge relays first. The origin publishes each event once per region and the relay pushes it down.",
        "Batching next. Reactions get rolled up into one message every 250 milliseconds per show.",
        "That should lift hearts per viewer by about ten percent, since the socket stops dropping them.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 7, 7]
    assert rows[1].kpi_at_s == 28 and rows[1].number == "about ten percent"


def test_a_lever_counted_by_its_place_after_a_list_is_new_when_it_names_another_lever():
    """"Second lever, the bid acknowledgement ... is async behind a queue" names a lever the list did
    not hold: a row of its own, not the list's second item taken up again."""
    lines = [
        "A bid must be acknowledged in under two hundred milliseconds.",
        "Two levers here: a single writer per auction, and a read cache for the lot page.",
        "Second lever, the bid acknowledgement for the lot page goes back over the websocket, and the durable "
        "write is async behind a queue.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 7, 14]


@pytest.mark.parametrize("second", [
    "And I'd shard party sessions by host, so one huge party can't slow the others.",
    "Number two, the room messages go on their own pub-sub channel, one per room.",
    "Partition the bid ledger by lot, so every lot has a single writer.",
    "And maybe cache the calendar page, since a lot of people look at it.",
])
def test_a_lever_put_forward_right_after_another_is_a_row_of_its_own(second):
    """The sentence right after a lever goes on about it, unless it puts a new lever forward: "And I'd
    shard ...", "Number two, ...", an instruction ("Partition the ledger ..."), "And maybe cache ..."."""
    lines = [
        "A party must stay within half a second of the host, and the first version ships in thirty days.",
        "First, we keep each party's state in a replicated in-memory store.",
        second,
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 14]


def test_a_description_right_after_a_lever_stays_with_it():
    lines = [
        "A party must stay within half a second of the host, and the first version ships in thirty days.",
        "First, we keep each party's state in a replicated in-memory store.",
        "Each party lives on one node, so the sync message reaches every friend without a hop between nodes.",
    ]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7]


def test_levers_counted_off_without_a_lever_word_are_rows():
    """"Third, each viewer sees a sample of the chat ..." names no lever word, but it is the third place
    of a count whose places before were heard as levers."""
    lines = [
        "Every viewer must see a bid in under two hundred milliseconds, for a hundred thousand viewers.",
        "First, we push lot events through edge relays close to the viewers.",
        "Second, we batch the reactions into one message every quarter second per show.",
        "Third, once a show passes fifty thousand viewers, each viewer sees a sample of the chat rather than "
        "every message.",
        "That keeps the chat readable and should hold watch time per viewer, maybe three percent.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 14, 21]
    assert rows[2].kpi_at_s == 28


@pytest.mark.parametrize("bare", [
    "Batch the impression logging.",
    "And I would, um, cache the product and price lookups, like, in front of the database.",
    "Clips get served from a CDN.",
])
def test_a_lever_put_forward_with_no_reason_is_still_a_row(bare):
    """A bare proposal ("Batch the impression logging.") is a weak lever, but a lever: the matrix
    shows it with its cells empty, which is the gap the candidate should see."""
    lines = [
        "The rail has to render in under a hundred and fifty milliseconds.",
        "Okay, levers.",
        "We precompute candidate sets per category every few minutes, which keeps the rail inside budget.",
        "That should lift rail taps per viewer by about four percent.",
        bare,
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [14, 28]
    assert rows[1].kpi is None and rows[1].risk is None


@pytest.mark.parametrize("declined", [
    "I would not shard the bid store by show yet; one show's bids fit on one node.",
    "I considered sharding the counter across nodes and rejected it, one item would span several nodes.",
    "We could also put a cache in front of the history endpoint, but I don't think we need it.",
])
def test_a_lever_turned_down_in_passing_makes_no_row(declined):
    lines = [
        "A bid must be acknowledged in under two hundred milliseconds.",
        "The lever is a single writer per auction that holds the lot state in memory.",
        declined,
    ]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7]


@pytest.mark.parametrize("limit", [
    "We ship the first version in thirty days, so we reuse the existing event bus and add no new datastore.",
    "I'll structure this in four parts: the user problem, the constraints, the levers, and how I'd measure it.",
])
def test_a_limit_or_the_plan_of_the_answer_is_no_lever(limit):
    lines = [
        limit,
        "The lever is a single writer per auction that holds the lot state in memory.",
    ]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7]


def test_levers_listed_after_what_i_would_build_are_a_row_each():
    lines = [
        "A party must stay within half a second of the host.",
        "Here's what I'd build: a session server per party, a separate channel for party chat, and batched "
        "reactions.",
    ]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7, 7, 7]


def test_a_closing_list_of_the_levers_said_before_starts_no_row():
    """"that's, like, the main parts, cache, batch, precompute, fallback" goes over the levers said
    before; it adds no row, though the fallback was not said as a lever word of its own."""
    lines = [
        "The rail has to render in under a hundred milliseconds.",
        "First, we cache the rail per show at the edge.",
        "Second, we batch the impression events every few seconds.",
        "Third, we precompute candidate sets per category every hour.",
        "And if the ranker is slow, we fall back to the most watched shows.",
        "So, um, yeah, that's, like, the main parts, cache, batch, precompute, fallback.",
    ]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7, 14, 21]


def test_a_lever_decided_against_makes_no_row():
    lines = [
        "Every viewer must see a bid in under two hundred milliseconds.",
        "First, we push lot events through edge relays close to the viewers.",
        "I looked at pushing everything through one global message bus and decided against it; it's one more "
        "thing that can take every show down at once.",
    ]
    assert [r.at_s for r in analyze(transcript(lines)).decision_matrix] == [7]


def test_a_new_lever_put_forward_after_a_listed_one_was_taken_up_is_a_row():
    """"The token bucket keeps the tap under three hundred milliseconds" takes up a listed lever; "And
    I'd shard the order table by seller" after it puts a new one forward, not more about the bucket."""
    lines = [
        "A tap must be answered in under three hundred milliseconds.",
        "Here's what I'd build: a token bucket per item, a queue for the order writes, and a waiting room.",
        "The token bucket keeps the tap under three hundred milliseconds, because it never touches the database.",
        "I'd expect that to lift sale conversion by about four points.",
        "And I'd shard the order table by seller, so one big seller can't slow the others.",
        "Batch the confirmation emails.",
    ]
    rows = analyze(transcript(lines)).decision_matrix
    assert [r.at_s for r in rows] == [7, 7, 7, 28, 35]
    assert rows[0].kpi_at_s == 21 and rows[3].kpi is None
