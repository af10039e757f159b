"""Scenarios and answers owned by the UI tests, so screens and snapshots do not move when the
bundled scenario library is edited."""

from __future__ import annotations

from voice_sim.core.scenario import LoadResult, Probe, Scenario

AUCTION = Scenario(
    id="live-auction", title="Live auction bidding", domain="auction bidding",
    context="Fifteen-second auctions, most bids in the last two seconds, exactly one winner.",
    prompt="Design the bidding system for live auctions. Thousands of viewers bid in the last "
    "two seconds of a fifteen second auction, and there must be exactly one winner that everyone "
    "agrees on. How would you approach it?",
    probes=[
        Probe(text="What if every bid must be acknowledged in well under a second?", tests="latency"),
        Probe(text="How would you keep the cost of the bid path down?", tests="cost"),
    ],
    constraints=["latency"], levers=["sequencer"], metrics=["bids per auction"],
    strong_opening="My hypothesis is that bidders bid more when they trust the auction.",
)
CHECKOUT = Scenario(
    id="checkout-latency", title="Add to cart and checkout latency", domain="checkout",
    context="Add to cart in under 120 ms while the seller moves on to the next item.",
    prompt="Design the add to cart and checkout path for a live shopping show with a budget of "
    "one hundred and twenty milliseconds. Where do you start?",
    probes=[Probe(text="What happens when the payment provider slows down?", tests="latency")],
    constraints=["latency"], levers=["cache"], metrics=["conversion"],
    strong_opening="The user problem is that buyers abandon carts when the show moves on.",
)
WATCH = Scenario(
    id="watch-party", title="Watch party sync", domain="social viewing",
    context="Friends watch the same live show together, in sync, chatting as it happens.",
    prompt="Design watch parties: friends join one live show together and see it in sync. "
    "What matters most?",
    probes=[Probe(text="How do you keep the parties in sync on bad networks?", tests="consistency")],
    constraints=["sync"], levers=["edge"], metrics=["session length"],
    strong_opening="My bet is that viewers stay longer when friends watch with them.",
)
LIBRARY = LoadResult({s.id: s for s in (AUCTION, CHECKOUT, WATCH)})

STRONG = (
    "My product hypothesis is that bidders bid more when they trust the auction. "
    "The hard constraint is a bid acknowledgement under 200 milliseconds at the 99th percentile. "
    "We will shard the bid service by auction ID with one sequencer per auction. "
    "That keeps acknowledgement fast in the final burst, which should lift bids per auction by "
    "about five percent. "
    "The trade-off is strict ordering at the cost of some raw throughput."
)
WEAK = (
    "Um, that is the main idea. "
    "We will use Kafka for the bid path. "
    "Honestly the database choice is up to engineering. "
    "We can handle a million requests per second."
)
