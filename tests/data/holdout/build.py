#!/usr/bin/env python3
"""Held-out labelled set of spoken PM system-design answers (live-stream marketplace).

Run:  .venv/bin/python tests/data/holdout/build.py

Writes ``<id>.vtt`` (WebVTT, Whisper-like transcription cues) and ``labels.json`` next to
this file.  The set is deliberately independent of the analyzer's tuning data: it was written
without looking at the analyzer or at ``tests/data/answers``.

Authoring format (``script`` of each answer, one cue per line):

    +4.5 [hypothesis,ap:tech_without_rationale] Spoken text of the cue.

* ``+N``        optional pause (seconds) before the cue; otherwise a seeded 0.2-1.2 s gap
                (0.6-1.5 s at the start of an elaboration segment).
* ``[tags]``    optional; signal tags (hypothesis, constraint, lever, metric_tie, tradeoff),
                anti-pattern tags ``ap:<code>``, and documentation-only hard-negative tags
                ``hn:<signal or code>`` (the words are there, the statement is not).
* ``@seg a b``  insert the named elaboration segments (signal-free, see pools below).
* ``@fill d:2 g:3``  insert 2 unused segments from the answer's domain pool and 3 unused
                generic segments, chosen deterministically per answer.
* ``~ text``    continuation cue (rest of the previous sentence), 0.2-0.45 s gap.
* ``#``         comment line.

Elaboration segments never carry signals; they are linted against a list of signal words.
Signal-bearing cues are all hand-written.  Each answer has a seeded pace in 130-175 wpm and
cue duration = words / wpm.  ``first_at_s`` is the start of the first cue tagged with the
signal, as written (millisecond precision) in the VTT file.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import statistics
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WINDOW_S = 600.0
SIGNALS = ("hypothesis", "constraint", "lever", "metric_tie", "tradeoff")
ANTI_PATTERNS = (
    "tech_without_rationale",
    "defers_to_engineering",
    "dismisses_latency",
    "scale_without_business_tie",
)
MIN_WORDS, MAX_WORDS = 3, 25

# ---------------------------------------------------------------------------------------------
# Signal-free elaboration material.  Realistic talk-track a candidate produces between the
# statements that matter: scoping, journeys, screens, edge cases, check-ins.  No levers, no
# hard constraints, no hypotheses, no metrics, no trade-offs, no technology names.
# ---------------------------------------------------------------------------------------------
GENERIC: dict[str, list[str]] = {
    "scope": [
        "Before I go too deep, let me make sure I've got the scope right.",
        "Are we designing for the buyer side, the seller side, or both?",
        "Okay, I'll assume both, but I'll spend more of my time on the buyer side.",
        "And I'll assume mobile first, since that's where most people watch shows.",
        "If any of that's off, just stop me and I'll adjust.",
    ],
    "structure": [
        "So the way I want to walk through this is in three parts.",
        "First who's involved, then what happens step by step, and then the pieces underneath.",
        "I'll stay at the level of boxes and arrows rather than code.",
        "And I'll flag the places where I think the interesting decisions are.",
    ],
    "people": [
        "There are basically three kinds of people in this picture.",
        "There's the seller, who's running the show and talking to the camera.",
        "There's the buyer, who's watching, chatting, and maybe bidding.",
        "And there are moderators, who a lot of bigger sellers bring in to help run chat.",
        "Each of them sees a slightly different version of the same show.",
    ],
    "objects": [
        "Let me name the main objects so we're talking about the same things.",
        "There's a show, which is the live session itself.",
        "Inside a show you have listings, which are the individual items.",
        "A listing moves through states, like upcoming, live, sold, or passed.",
        "And a user can be a buyer in one show and a seller in the next one.",
    ],
    "seller_flow": [
        "From the seller's side, they open the app, go live, and pull up their first item.",
        "They're holding the card up to the camera, talking about centering and corners and surface.",
        "Then they start the auction and a timer kicks off at the bottom of the screen.",
        "When the timer runs out, whoever's on top wins, and the seller moves to the next item.",
        "A good seller keeps that rhythm going for two or three hours.",
    ],
    "buyer_flow": [
        "On the buyer side, it usually starts with a notification that someone they follow just went live.",
        "They tap in, the video starts, and chat is already scrolling.",
        "They watch a few items go by before they feel comfortable jumping in.",
        "And then something they actually want comes up, and they go for it.",
    ],
    "screen": [
        "Picture the screen for a second.",
        "Video takes up most of it, and chat floats over the bottom left.",
        "The current item and the current price sit in a little card near the bottom.",
        "And the bid button is big and easy to hit with your thumb.",
        "There's not a lot of room, so every element has to earn its place.",
    ],
    "reconnect": [
        "One scenario I always think about is the seller's phone dropping off wifi mid-show.",
        "From the buyer's view the video just freezes, and they don't know if the auction is still running.",
        "We'd want a clear reconnecting state instead of a frozen frame.",
        "And we'd need a rule for the item that was up when they dropped.",
    ],
    "thinking": [
        "Okay, give me a second to think about that.",
        "Yeah. So, where was I.",
        "Right, coming back to the flow I was describing.",
    ],
    "recap": [
        "So just to recap where we are.",
        "We've got the people involved, the objects, and the basic flow.",
        "Now I want to go one level deeper on the part that matters most.",
    ],
    "categories": [
        "One thing worth saying is that categories behave really differently.",
        "Sports cards, Pokémon, sneakers, vintage toys, comics, they all have their own culture.",
        "A box break where twenty people split a case is very different from one graded card.",
        "So I wouldn't want a design that assumes every show looks the same.",
    ],
    "moderators": [
        "Moderators deserve their own tools here.",
        "They need to mute or remove someone from chat without interrupting the seller.",
        "They might also pin messages, like shipping details or the rules for the break.",
        "And the seller should be able to give them more or less power depending on trust.",
    ],
    "api": [
        "If I think about what the app actually needs to ask for, it's a pretty short list.",
        "Join a show, get the current state of the show, place a bid or a buy, and leave.",
        "Plus some way for updates to keep flowing back to the phone while you're watching.",
        "Everything else is kind of decoration on top of those.",
    ],
    "support": [
        "There's also the support side that people forget about.",
        "If something goes wrong with an order, the buyer needs to know exactly what happened to their money.",
        "And the seller needs a clear record of what sold and to whom.",
        "A lot of the angry tickets come from nobody being able to explain what happened.",
    ],
    "pilot": [
        "For the first version I'd pick a small group of sellers we already have good relationships with.",
        "Sellers who'll actually tell us when something feels off.",
        "Let them run a few shows with it before we open it up more widely.",
        "Their feedback is going to be worth more than anything we guess in a room.",
    ],
    "notifications": [
        "Notifications are kind of their own little world here.",
        "If a seller has a big following, everyone gets pinged at the same moment.",
        "We'd want to let buyers choose which sellers they actually want alerts for.",
        "Otherwise people just turn notifications off entirely.",
    ],
    "shipping": [
        "After the show, the seller has a whole pile of sold items to pack up.",
        "They print labels, and each buyer gets a tracking notification.",
        "If one buyer won five things, those should ship together in one box.",
        "That part isn't live, but it shapes how buyers feel about the next show.",
    ],
    "newbuyer": [
        "I also want to think about the first-time buyer for a moment.",
        "They don't know the etiquette, they might not know what a break even is.",
        "They might not realize that a bid is binding.",
        "So some light guidance the first time they tap bid would go a long way.",
    ],
    "clarify": [
        "That's a fair question.",
        "I think the honest answer is that it depends on the type of show.",
        "Let me answer it for the typical case and then talk about the extremes.",
    ],
    "seller_types": [
        "Sellers aren't all the same either.",
        "You've got hobbyists doing a show on a Sunday night for fun.",
        "And you've got full-time businesses running shows every day with a team behind them.",
        "Those two groups want pretty different things from the tools.",
    ],
    "accessibility": [
        "Small thing, but captions on the seller's audio would help a lot of people.",
        "Plenty of people watch with the sound off, on a train or at work.",
        "They still want to know what the seller is saying about the card.",
    ],
    "whiteboard": [
        "If I were drawing this, I'd put the buyer's phone on the left.",
        "The seller's phone on the right, streaming in.",
        "And in the middle, the stuff that keeps track of the show, the items, and the bids.",
        "I'll keep coming back to that middle part, because that's where most of the decisions live.",
    ],
    "end_of_show": [
        "Then there's the end of the show.",
        "The seller says thanks, maybe teases the next show, and ends the stream.",
        "Buyers who won things get a summary of everything they bought.",
        "And ideally a nudge to follow the seller if they don't already.",
    ],
    "timer_story": [
        "I remember watching a show where the seller's countdown and the app's timer disagreed.",
        "The seller said sold, but the app still showed ten seconds left.",
        "Chat went a little crazy for a minute, people asking who actually won.",
    ],
    "checkin": [
        "Let me pause and check in.",
        "Is this the right level of detail, or do you want me to go deeper somewhere specific?",
        "Okay, I'll keep going then.",
    ],
    "international": [
        "I'll leave international out for now.",
        "Shipping across borders brings a whole different set of questions.",
        "I'd rather get the core experience right in one market first.",
    ],
    "replay": [
        "Replays matter more than people think.",
        "A lot of buyers discover a seller through a replay first.",
        "They scroll back through, see how the seller runs things, and then follow them.",
        "So the replay should show what sold and for how much, not just the video.",
    ],
    "trust_badges": [
        "I'd also want buyers to be able to tell who they're buying from.",
        "Seller ratings, how long they've been around, how many shows they've run.",
        "Especially for someone spending a few hundred dollars on one card.",
    ],
    "seller_dashboard": [
        "During the show the seller has a little dashboard of their own.",
        "What's sold so far, what's next, who's been bidding a lot.",
        "Some of them run it on a second phone or an iPad next to the camera.",
    ],
    "pacing": [
        "I'm going to take this next part a bit more carefully.",
        "Let me say it a different way, actually.",
        "I think I was explaining it in the wrong order.",
    ],
    "example_walk": [
        "Let me make it concrete with an example.",
        "Say it's a Sunday night, a mid-size Pokémon seller, maybe eight hundred people in the room.",
        "They've got a stack of vintage holos and a couple of sealed boxes.",
        "That's the show I'll keep in my head as I go.",
    ],
    "redirect": [
        "Sure, happy to go there instead.",
        "Let me park the part I was on and come back to it.",
    ],
    "gifting": [
        "One small feature people ask for is buying something for a friend.",
        "You win it in the show and ship it straight to their address.",
        "It's a nice touch around the holidays.",
    ],
    "anonymity": [
        "Usernames show up in chat and on the winning bid card.",
        "Some buyers would rather not show their name on big-ticket items.",
        "I'd at least let them hide it on the winning card.",
    ],
    "seller_prep": [
        "A lot happens before a seller ever goes live.",
        "They sort inventory, take photos, write titles, decide the order.",
        "The better the tools for that, the smoother the show itself goes.",
    ],
    "postmortem": [
        "After a show, sellers love looking back at how it went.",
        "Which items got the most action, where the room went quiet.",
        "It helps them plan the next one.",
    ],
    "hobby_story": [
        "I got into this through my nephew, honestly.",
        "He watches breaks every weekend, and the first time I sat with him I had no idea what was going on.",
        "By the end of the night I was the one asking when the next pack was opening.",
    ],
    "odd_cases": [
        "Let me list a few odd situations.",
        "A buyer wins, but their account gets banned before they pay.",
        "A seller accidentally ends the show with an auction still open.",
        "Two moderators remove the same message at the same moment.",
        "None of these are common, but each one becomes a support ticket if we ignore it.",
    ],
    "partner_teams": [
        "There are a few teams I'd want in the room early.",
        "Trust and safety, payments, and whoever owns the seller tools.",
        "Mostly so nobody is surprised later.",
    ],
    "sequencing": [
        "If I had to sequence the work, I'd do it in three steps.",
        "First the core path, end to end, even if it's plain.",
        "Then the seller tools around it.",
        "Then the polish, animations, badges, all of that.",
    ],
    "invisible": [
        "When this works well, nobody notices it.",
        "The seller just talks, buyers just bid, and the show flows.",
        "That's honestly the goal for most of this.",
    ],
    "devices": [
        "We also can't assume everyone has a new phone.",
        "Some people are on an old Android with a cracked screen and spotty signal.",
        "The experience should degrade gracefully for them, not fall apart.",
    ],
    "seller_voice": [
        "I'd also want to hear it from sellers directly.",
        "Sit in on a few shows, watch what they do with their hands, where they look.",
        "You learn more in one evening of that than from a pile of dashboards.",
    ],
    "chat_culture": [
        "Chat has its own culture on these shows.",
        "Regulars greet each other, they hype up big pulls, they tease the seller.",
        "It's a big part of why people stay for hours.",
    ],
    "buyer_types": [
        "Buyers come in a few flavors too.",
        "Completionists trying to finish a set.",
        "Investors who only care about graded cards.",
        "And people who are just there for the fun of the rip.",
    ],
    "seasonality": [
        "Seasonality shows up here too.",
        "Holiday weekends and big release days are when everyone arrives at once.",
        "New Pokémon set releases especially.",
    ],
    "disputes": [
        "Refunds and disputes are worth a sentence.",
        "If a card arrives damaged, the buyer opens a claim with photos.",
        "The seller responds, and we step in if they can't agree.",
    ],
    "terms": [
        "Let me just be careful with terms.",
        "When I say show, I mean the whole live session.",
        "When I say listing, I mean one item inside it.",
    ],
    "back_to_question": [
        "Let me go back to the original question for a moment.",
        "I want to make sure I'm still answering what you asked.",
        "Yes, okay, I think I am.",
    ],
}
EARLY_ONLY = {"scope", "structure", "people", "objects"}  # only placed explicitly with @seg

DOMAIN_POOLS: dict[str, dict[str, list[str]]] = {
    "orchestration": {
        "show_start": [
            "Let me walk through what actually happens when a big show starts.",
            "The seller hits go live, and their video starts coming up from their phone.",
            "Followers get notified, and within a minute or so you have a crowd arriving at once.",
            "Everyone who arrives needs the video, the chat history, and whatever item is currently up.",
            "And the seller wants to see that people are actually there, the viewer count going up.",
        ],
        "run_of_show": [
            "There's also the run of show to think about.",
            "Some sellers plan their items in order, others pull things out of a box as they go.",
            "So the show needs to handle both a planned list and items added on the fly.",
            "And the seller might jump around, skip something, and come back to it later.",
        ],
        "giveaways": [
            "Then there's the giveaway moment, which sellers love.",
            "Every so often they'll do a giveaway to keep people in the room.",
            "Everyone who's watching can enter with one tap.",
            "And then the winner gets announced on screen and in chat at the same moment.",
        ],
        "cohost": [
            "Co-hosting is another piece.",
            "Sometimes two sellers run a show together from different places.",
            "Viewers see both of them, and either one can put up an item.",
            "So the show has two people steering it, which is kind of interesting.",
        ],
        "room_controls": [
            "The seller also needs control over the room while live.",
            "Kicking out someone who's being nasty, pinning the rules, muting chat for a moment.",
            "Those controls belong on the seller's screen, one tap away.",
        ],
        "viewer_count": [
            "Viewer counts are a funny thing.",
            "Sellers watch that number constantly, it's how they read the room.",
            "If it jumps around weirdly, they think something's broken.",
        ],
        "show_end": [
            "And when the show ends, everything has to wrap up cleanly.",
            "Open auctions close out, and winners get their summaries.",
            "The replay gets saved so people who missed it can scroll back through.",
        ],
    },
    "auction": {
        "life_of_auction": [
            "Let me walk through the life of a single auction.",
            "The seller puts up an item with a starting price, say one dollar.",
            "The timer starts, usually fifteen or twenty seconds.",
            "Bids come in, and if someone bids in the last few seconds the timer extends a bit.",
            "When it finally runs out, the top bidder wins and they're charged automatically.",
        ],
        "sudden_death": [
            "There's also the sudden death format, where there's no extension at all.",
            "Whoever's on top when the clock hits zero wins, period.",
            "Buyers who like that format really like it, it's kind of a game.",
            "And it makes the last second feel very intense.",
        ],
        "max_bids": [
            "Then there are max bids.",
            "A buyer can say I'll go up to fifty, and the app bids for them in small steps.",
            "That's nice for people who can't watch every second.",
            "But it means a lot of bids happen without a human tapping anything.",
        ],
        "increments": [
            "Bid increments are another small detail.",
            "Going from one dollar to two is fine, but at five hundred dollars you want bigger steps.",
            "So the app shows the next valid amount right on the button.",
            "People shouldn't have to do mental math while the timer is running.",
        ],
        "reserve": [
            "Some sellers want a reserve price on big items.",
            "If bidding doesn't reach it, the item doesn't sell.",
            "That needs to be clear to buyers up front, or it feels like a bait and switch.",
        ],
        "shill": [
            "Then there's shill bidding, a friend of the seller bidding to push the price up.",
            "Buyers are very sensitive to that.",
            "We'd want to flag accounts that only ever bid on one seller's items.",
        ],
        "seller_view": [
            "And what does the seller see while this is happening?",
            "They see the current high bid, the username, and the clock.",
            "They're usually calling it out loud, like, Mike's got it at forty, going once.",
            "So it gets confusing if what they see doesn't match what buyers see.",
        ],
    },
    "flash": {
        "the_drop": [
            "Let me picture the actual drop.",
            "A seller has, say, two hundred units of a sealed booster box at a good price.",
            "They announce it in the show, and the buy button lights up for everyone.",
            "Thousands of people tap within the first few seconds.",
            "Most of them aren't going to get one, and that's just the reality of a drop.",
        ],
        "limits": [
            "Then there's the question of limits per person.",
            "Sellers usually want one or two per buyer, so resellers don't scoop everything.",
            "And buyers want to feel like it was fair, even when they miss out.",
            "So the rules should be clear before the button ever lights up.",
        ],
        "after_tap": [
            "What does the buyer see after they tap?",
            "Ideally something immediate that says you're in, or sorry, it's gone.",
            "The worst version is a spinner, and then an email an hour later saying actually no.",
        ],
        "payment_fail": [
            "There's also what happens if a buyer's payment fails.",
            "Their unit shouldn't just vanish, it should go back so someone else can get it.",
            "And the seller should see their remaining count go back up.",
        ],
        "waitlist": [
            "After it sells out, some buyers want a waitlist.",
            "If a payment fails or someone cancels, the next person gets offered the unit.",
            "It softens the sting of missing out.",
        ],
        "seller_controls": [
            "The seller also wants some control in the moment.",
            "Pause the drop, add a few more units, end it early.",
            "All from their own screen while they keep talking.",
        ],
        "mystery": [
            "Sellers also like to do mystery drops.",
            "You buy a slot, and then the seller opens packs on camera to reveal what you got.",
            "So the thing being sold isn't always a single known item.",
        ],
    },
    "recs": {
        "what_it_looks_like": [
            "Let me think about what a recommendation actually looks like here.",
            "It's probably a little rail under the video, or a card that pops up between items.",
            "Something like, this seller has a PSA 10 rookie card coming up in a few minutes.",
            "Or, here's another show happening right now that's similar to what you're watching.",
        ],
        "inputs": [
            "The inputs are pretty intuitive.",
            "What you've bought before, what you've bid on, who you follow.",
            "What you watched for a long time versus what you swiped away from.",
            "And what's in the seller's lineup for the rest of this show.",
        ],
        "cold_start": [
            "There's a cold start question too.",
            "A brand new buyer hasn't bought anything, so we know very little about them.",
            "We might just ask them what they collect when they sign up.",
            "Even two or three taps there gives us a lot to go on.",
        ],
        "explain": [
            "I'd also show why something is suggested.",
            "Like, because you bid on a Ken Griffey earlier tonight.",
            "It makes the suggestion feel less random.",
        ],
        "too_many": [
            "There's a risk of overdoing it.",
            "If there's a popup every thirty seconds, people tune all of it out.",
            "One good suggestion beats five mediocre ones.",
        ],
        "seller_side": [
            "And the seller side matters here.",
            "Sellers don't love it when we pull viewers out of their show into someone else's.",
            "So suggestions inside a show should mostly point to that seller's own items.",
            "Pointing to other shows fits better at the end, or on the home feed.",
        ],
    },
    "watch": {
        "what_is_it": [
            "So what is a watch party, concretely?",
            "A few friends want to watch the same show together, even if they're in different cities.",
            "They see the same video, and they have their own little side chat.",
            "And they can react together when something big gets pulled.",
        ],
        "joining": [
            "How do people get into a party?",
            "One person starts it and sends a link to their friends.",
            "Friends tap the link and land in the same show with the party chat open.",
            "If someone joins late, they should see what the group has been saying.",
        ],
        "host_leaves": [
            "What happens if the host leaves?",
            "I don't think the party should end just because one person dropped.",
            "Someone else can become the host, or there's no host at all once it starts.",
        ],
        "party_safety": [
            "Parties are small, but they still need basic safety.",
            "You can remove someone from your own party.",
            "And party chat follows the same rules as the main chat.",
        ],
        "voice": [
            "People will ask for voice chat in parties eventually.",
            "I'd hold off on that in the first version.",
            "Text and reactions cover most of what people want.",
        ],
        "social": [
            "There's a social angle too.",
            "If I'm in a party and my friend wins a card, I want to see that moment.",
            "Maybe a little celebration shows up in the party chat.",
            "That's the stuff people screenshot and share.",
        ],
    },
    "drop": {
        "planning": [
            "Let me walk through how a seller plans a drop.",
            "They pick a date and time, write a title, and add photos of the headline items.",
            "Then the drop shows up on their profile and in the schedule for their followers.",
            "Buyers can tap remind me, and they get a heads up before it starts.",
        ],
        "reschedule": [
            "Sellers also reschedule a lot.",
            "Their shipment is late, or they're sick, or there's a big game that night.",
            "So moving a drop needs to be easy, and everyone who tapped remind me should hear about it.",
        ],
        "timezones": [
            "Time zones are a real thing here.",
            "A seller in California and a buyer in New York both need to see the right time.",
            "And international buyers are watching at strange hours.",
        ],
        "calendar": [
            "There's also the calendar view for buyers.",
            "A buyer who collects vintage Pokémon wants to see every upcoming drop in that category.",
            "They want to plan their evenings around the shows they care about.",
            "So the schedule is kind of a discovery surface, not just a list.",
        ],
        "preview": [
            "Buyers also like a preview before the drop.",
            "A few photos of the chase cards, maybe a short clip from the seller.",
            "It builds anticipation and gives people a reason to set a reminder.",
        ],
        "series": [
            "Some sellers run recurring drops, every Tuesday night, same time.",
            "Setting that up once instead of every time would save them a lot of clicks.",
            "And followers could subscribe to the series, not just one drop.",
        ],
        "crowded_slots": [
            "Popular time slots get crowded.",
            "Sunday evening is where everyone wants to be.",
            "If five big sellers all drop at eight o'clock, buyers have to pick one.",
        ],
    },
    "checkout": {
        "walkthrough": [
            "Let me walk through the checkout path step by step.",
            "The buyer wins or taps buy now, and we need their payment method and address.",
            "For most people that's already saved, so ideally they never see a form.",
            "Then we figure out tax and shipping, charge the card, and confirm the order.",
            "And the seller sees the sale show up in their list.",
        ],
        "first_timer": [
            "First-time buyers are a different path.",
            "They need to add a card and an address, maybe in the middle of a show.",
            "That's a lot of typing while the auction is still going.",
            "So we might let them set that up before they ever bid.",
        ],
        "declines": [
            "Then there's the payment failing case.",
            "The card gets declined, or the bank wants an extra verification step.",
            "The buyer needs a clear message and a way to fix it without losing the item.",
        ],
        "wallet": [
            "Saved payment methods make a huge difference here.",
            "A saved card or a phone wallet means one tap, no typing.",
            "Most repeat buyers never see a payment form again.",
        ],
        "receipts": [
            "Buyers want a clean record after the show.",
            "One receipt per seller, listing everything they won.",
            "It cuts down on the confused messages to support.",
        ],
        "combined_shipping": [
            "Shipping gets interesting when people win several things.",
            "If someone wins six items from the same seller, they should pay shipping once.",
            "So the order isn't really final until the show ends or the buyer checks out.",
        ],
    },
}

DOMAIN_POOL_KEY = {
    "live-stream event orchestration": "orchestration",
    "auction bidding": "auction",
    "flash-sale inventory allocation": "flash",
    "collectible recommendations during a stream": "recs",
    "watch-party backend": "watch",
    "seller drop scheduling": "drop",
    "checkout latency": "checkout",
    "live chat moderation": None,
    "seller payouts": None,
}

# Words that would smuggle a signal (or an anti-pattern) into elaboration material.
FILLER_BANNED = re.compile(
    r"\b(cach\w*|queu\w*|batch\w*|shard\w*|replica\w*|cdn|edge|async\w*|pre-?comput\w*|fan[- ]?out"
    r"|latenc\w*|milli\w*|ms|fast\w*|quick\w*|slow\w*|scal\w*|millions?|metric\w*|measur\w*"
    r"|conver\w*|gmv|retention|churn|sell-through|revenue|trade\w*|cost\w*|expensive|cheap\w*"
    r"|hypothes\w*|bet|wager|problem\w*|pain|complian\w*|regulat\w*|law\w*|uptime|sla|deadline"
    r"|weeks?|engineer\w*|architect\w*|kafka|redis|kubernetes|must|frustrat\w*|budget\w*"
    r"|percent|sync\w*|lag\w*|bottleneck|instant\w*|server\w*|database|worker\w*)\b|%",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------
@dataclass
class Answer:
    id: str
    domain: str
    level: str  # strong / medium / weak
    persona: str
    notes: str
    script: str
    habits: tuple[str, ...] = ()
    habit_rate: float = 0.0
    wpm: float | None = None
    expect: dict = field(default_factory=dict)


ANSWERS: list[Answer] = []
A = ANSWERS.append

A(
    Answer(
        id="a01",
        domain="auction bidding",
        level="strong",
        persona="senior marketplace PM, crisp and structured",
        notes="All five signals inside the first ~3 minutes; lever is per-auction single writer "
        "partitioned by show; metric tie is bids per auction -> GMV. No anti-patterns.",
        habits=("Okay,", "Right,"),
        habit_rate=0.25,
        expect={"early": SIGNALS, "max_dur": 420},
        script="""
Okay. So the prompt is the bidding system for a live auction. Let me start with who's hurting today.
[hypothesis] My read is that bidders in the last three seconds are losing auctions they think they won, and that's what's capping how much people bid.
So the bet is, if the last second feels fair, people bid more aggressively and come back for the next show.
Let me put the hard lines down first.
[constraint] A bid has to be accepted or rejected within about 150 milliseconds end to end,
~ otherwise the seller's already called it and we've got a dispute.
And we can't lose an accepted bid, ever. Once we've told you you're winning, that has to stay true.
+1.8 Um, I'll also assume a big show is maybe 20,000 people in the room, with a few hundred actually bidding at the peak.
@fill d:1
@fill g:2
So, the core design choice.
[lever] Each auction gets a single owner, one process that orders the bids for that item, and we partition auctions across owners by show.
Everyone else, the viewers watching the price tick, reads from a fan-out layer, not from the owner.
[tradeoff] The cost of that: a single owner is a hot spot for a popular item, and if it dies we pause the clock during failover.
~ Failover takes maybe a second.
I'm okay with that, because a paused clock is visible and fair, whereas accepting two conflicting bids is not.
@fill d:1 g:2
+0.9 For viewers, I'd push price updates in small batches, like every 100 milliseconds, rather than one message per bid.
[metric_tie] That's the piece I'd tie to the business: if last-second bids land reliably, bids per auction go up maybe ten percent on contested items.
~ And that's GMV, directly.
We can check that pretty cleanly with an A/B on the anti-sniping extension.
@fill g:2
Uh, one more thing on failure.
If a bid arrives after the clock closed, we reject it and tell the person right away, with the winning amount.
Silence is worse than a no.
@fill g:1
So to sum up. Single writer per auction, fan-out for viewers, pause on failover, and the number we watch is bids per auction.
""",
    )
)

A(
    Answer(
        id="a02",
        domain="live-stream event orchestration",
        level="medium",
        persona="mid-level PM, rambly, heavy 'like' and 'you know'",
        notes="Long answer. 'It should be fast' early is a hard negative; the real latency budget "
        "comes ~4-5 min in. Kafka/Postgres named with no reason. Metric tie only after the "
        "10-minute mark ('first-minute retention ... more GMV').",
        habits=("Um,", "Like,", "So,", "You know,", "Uh,"),
        habit_rate=0.45,
        expect={
            "min_dur": 660,
            "late": ("metric_tie",),
            "early": ("hypothesis", "constraint", "lever", "tradeoff"),
        },
        script="""
Okay, so, live-stream event orchestration. Um, like, the whole thing that makes a show actually happen.
+1.2 [hn:constraint] So I think, first of all, like, it should be fast, obviously. Nobody wants a laggy show.
And it should, you know, work for a lot of people at the same time.
@seg scope
+2.0 Okay. So, um.
[hypothesis] What I actually think is going on is, like, people who show up in the first minute of a big show get a broken experience.
They get the video, but the item card is wrong, or chat's empty, or the timer's frozen, and a bunch of them just leave.
So my bet is, if that first minute is solid, way more of them stick around for the whole show.
@fill d:2
@fill g:3
+1.5 Okay so, like, for the actual system.
[lever] The video goes out through a CDN, and the show state, like the item and the price, gets fanned out separately through edge servers.
~ Like, close to where the viewers actually are.
Because those are really different things, right? Video is heavy and kind of forgiving, and the state is tiny but it has to be right.
[ap:tech_without_rationale] And then, uh, we'd use Kafka for the events. And Postgres.
Um, yeah. So.
@fill g:3
@fill d:1
+4.5 Okay, actually, let me be more specific about the fast thing, because I kind of hand-waved that.
[constraint] For a hundred thousand viewers, item and price updates need to land within 200 milliseconds of the seller tapping, that's the budget.
Because otherwise the seller says sold and somebody's screen still says ten seconds, and, like, people are bidding into nothing.
And that's how you get the angry DMs to support.
@fill g:3
So, like, the seller's phone talks to one place, and that's the source of truth for the show.
And everything the viewers get is a copy of that, pushed out to them.
The viewers never talk back to that source directly, except for bids and buys, which have their own path.
@fill g:3
+1.0 Um, what else. Chat.
Chat is, like, honestly the biggest volume thing, way more messages than bids.
[tradeoff] The thing I'd give up is every viewer seeing the exact same chat order, so price updates stay inside that budget.
~ Like, chat can be a little out of order between regions, and that's okay.
I think that's fine, honestly. Chat is vibes. The price is money.
@fill d:1
@fill g:4
+1.0 Oh, and giveaways, like, those are kind of a spike inside the spike.
Everybody taps enter at the same moment, and then everybody wants to see who won.
So, like, the giveaway result goes out on the same path as the price. Same thing, really.
And the seller reads the winner out loud, so it kind of has to match what people see.
+6.0 Hmm, let me think.
+3.0 Yeah, so, I think that's most of the system.
@fill g:3
+1.2 Oh, and I should've said this way earlier, honestly.
[metric_tie] The separate price path is really about first-minute retention, like, early drop-off from 30% to 20% means more bidders in the room, so more GMV.
And that's the number I'd watch at launch, like, per show, for the top sellers.
Okay, I think I'm done. Sorry, that was long.
""",
    )
)

A(
    Answer(
        id="a03",
        domain="flash-sale inventory allocation",
        level="weak",
        persona="ex-backend engineer, technology-first, scale claims",
        notes="Lever present (cache in front of the DB for the count, with a reason). Several "
        "technologies with no reason (Kubernetes, SQS/Kafka, GraphQL) and two scale claims "
        "with no business tie. 'Trade-offs' and 'cost' are hard negatives. No hypothesis, "
        "constraint, metric tie or owned trade-off.",
        habits=("Um,", "So,"),
        habit_rate=0.2,
        expect={"max_dur": 300},
        script="""
So, flash sale inventory. Okay. This is basically, um, a distributed counter question at heart.
[ap:tech_without_rationale] First thing, we'll run all of it on Kubernetes.
+0.6 And then for the actual inventory count.
[lever] We front the database with a Redis cache holding the count, so every tap isn't hitting Postgres directly.
Decrement it atomically, and if it goes below zero you reject.
[ap:scale_without_business_tie] This handles millions of requests per second, no problem, Redis is insanely fast.
Then behind that, the orders go onto a queue.
[ap:tech_without_rationale] We'd use SQS. Or Kafka, honestly either one.
And workers pull from the queue and write the orders into the database.
[hn:tradeoff] There's always trade-offs with this stuff, obviously.
Like, you could do it with a lock in the database, but that doesn't scale.
[ap:scale_without_business_tie] With the cache approach it's basically infinitely scalable, you just add more nodes.
+2.2 Um, what else.
[ap:tech_without_rationale] For the API layer I'd do GraphQL.
Users tap buy, they get a response, and then they get a push notification when the order is confirmed.
[hn:constraint] Cost is a consideration, I guess, but Redis is cheap.
For sharding, I'd shard the counter by SKU, and if one SKU is super hot you split it into sub-counters.
[hn:tech_without_rationale] Yeah. And then we'd want monitoring, Datadog or Grafana, so we can see what's going on.
I think that covers it, really. It's a pretty standard pattern.
""",
    )
)

A(
    Answer(
        id="a04",
        domain="checkout latency",
        level="medium",
        persona="terse, time-boxed, says little but says it right",
        notes="Under a minute. Constraint (120 ms server budget), lever (precompute tax/shipping/"
        "token at first bid) and metric tie (abandonment -> conversion points). No hypothesis; "
        "'stays synchronous' is a decision but no owned trade-off.",
        habits=(),
        habit_rate=0.0,
        expect={"max_dur": 60},
        script="""
Checkout. Okay, quick version.
[constraint] The budget for the pay button is 120 milliseconds server side, that's the number we can't blow, because the next auction is already starting.
[lever] So I'd precompute everything we can before the tap: tax estimate, shipping quote, payment token, all warmed when they place their first bid.
[metric_tie] That takes the slow work off the tap, and I'd expect it to cut abandonment, maybe one or two points of conversion on buy-now items.
The card authorization itself stays synchronous, that part's non-negotiable.
That's the core of it.
""",
    )
)

A(
    Answer(
        id="a05",
        domain="collectible recommendations during a stream",
        level="strong",
        persona="enthusiastic collector, anecdote first, long sentences",
        notes="Hypothesis is a paraphrase from a personal story ('what's really going on for a lot "
        "of buyers'). Lever = scoring viewers against the lineup ahead of time. Owned trade-off "
        "(staleness). 'Snappy' is a hard negative; no hard constraint. 'Replica' and 'edges' "
        "are collectible words, not levers.",
        habits=("Uh,", "Like,", "Honestly,"),
        habit_rate=0.3,
        expect={"max_dur": 400},
        script="""
Oh, I love this one. I've, uh, I've honestly bought way too many cards on live streams myself.
So, recommendations during a stream.
+1.0 Last month I was in a vintage Pokémon show, and the seller had this first edition Machamp coming up.
I had no idea. I left ten minutes before it came up, and I only found out from the replay.
[hypothesis] I think that's what's really going on for a lot of buyers, they don't know what's coming later in a show, so they bail early.
~ And the seller loses a bidder who actually wanted the thing.
So the recommendation isn't other stuff you might like, it's, stay, the thing you want is eleven minutes away.
@fill d:1
[hn:lever] And obviously you'd never recommend a replica, like a reprint Charizard, to someone hunting the real thing.
@fill g:2
So how does that actually work.
[lever] We already know the seller's lineup before the show, so we score every viewer likely to show up against it ahead of time, basically overnight.
Then when you join, it's just a lookup, not a model running live.
And during the show we only adjust a little, like if the seller adds an item on the fly.
[tradeoff] The catch is the scores go a bit stale, like, you just bought a Charizard and we still show you Charizards, and I'll take that.
Because scoring live for everyone who joins would be a lot heavier, and I don't think the freshness buys us much.
@fill d:1 g:1
[hn:constraint] It should feel snappy, obviously, the rail should just be there.
[hn:lever] And the card photos need to be sharp enough that you can see the edges and the centering.
[metric_tie] I'd hold the nudge to watch-through; if it moves people still there for their item from a third to half, that's real sell-through.
Sellers would love that, honestly, it's free bidders.
Uh, yeah, I think that's my take.
""",
    )
)

A(
    Answer(
        id="a06",
        domain="watch-party backend",
        level="weak",
        persona="nervous junior APM, apologetic, restarts",
        notes="No signals at all. Hard negatives: 'I don't have a hypothesis yet', 'users are "
        "really important', a 'queue of friends' (a lobby, not architecture), 'metrics "
        "matter'. Anti-patterns: dismisses latency, defers to engineering.",
        habits=("Um,", "Uh,"),
        habit_rate=0.5,
        expect={"max_dur": 200},
        script="""
Um, okay. So, a watch party. Sorry, let me, um, let me start over.
So a watch party is like when friends watch a show together.
[hn:hypothesis] I don't really have a hypothesis yet, I kind of want to think about users first.
Like, users are really important here.
Um, so the friends would, uh, they'd join the same show, and they'd have a chat.
And there could be reactions, like emojis flying up the screen.
[ap:dismisses_latency] I don't think latency is a big deal here, honestly, it's just friends hanging out, a second or two is fine.
+3.5 Um. Okay, um.
And then, uh, for how it's built.
[ap:defers_to_engineering] I think I'd let engineering decide that part, they'd know way better than me what the right architecture is.
My job would be more like the requirements.
So requirements would be, um, you can invite friends, you can see who's in the party, you can chat, and you can leave.
[hn:lever] Maybe there's like a waiting room, a queue of friends waiting for the host to let them in.
[hn:metric_tie] And we'd track metrics, obviously, metrics matter.
Sorry, I'm, I'm a little nervous. I think that's mostly it.
""",
    )
)

A(
    Answer(
        id="a07",
        domain="seller drop scheduling",
        level="strong",
        persona="ex-consultant, 'three buckets', 'net-net', 'double-click'",
        notes="Long, strong but slow. Hypothesis, 30-day MVP + opt-out rules, lever (precompute "
        "audience + send queue) and metric tie (minute-zero viewers) all early. The owned "
        "trade-off (late followers miss the reminder) only comes after the 10-minute mark; "
        "'not a block, just a nudge' earlier is a choice, not an owned cost.",
        habits=("So,", "Okay,", "Right,"),
        habit_rate=0.2,
        expect={
            "min_dur": 640,
            "late": ("tradeoff",),
            "early": ("hypothesis", "constraint", "lever", "metric_tie"),
        },
        script="""
Great, thanks. To level-set, the ask is a system that lets sellers schedule drops and gets buyers there when they go live.
I'll structure this in three buckets. The problem, the constraints, and then the levers.
+1.0 Bucket one, the problem.
[hypothesis] What sellers keep telling us is they promote a drop all week, then half their followers show up twenty minutes late.
~ So the first items sell into an empty room.
Net-net, my hypothesis is that well-timed reminders put the right buyers in the room at minute zero.
~ And minute zero is where sellers make or lose their night.
@fill d:2
Bucket two, constraints.
[constraint] I'd frame this as a 30-day MVP, so whatever we build has to ship in a month with the team we have today.
And reminders touch people's phones and inboxes, so we honor notification opt-outs and the email rules, CAN-SPAM and so on, no exceptions.
@fill g:5
Bucket three, levers. Let me double-click on the reminder path, because that's where the load actually is.
[lever] When a seller with 50,000 followers goes live, we don't build 50,000 notifications that second; we precompute the audience and queue the sends.
~ The audience is built when the drop is scheduled, and workers drain the queue.
And that list gets rebuilt if the seller reschedules.
[metric_tie] Why I care: a reminder in the first minute instead of the fifth should lift viewers at minute zero ten to fifteen percent.
~ And first-item sell-through along with it.
@fill g:5
Let me talk about conflicts for a second.
If two big sellers in the same category pick the same slot, buyers have to choose.
I'd show the seller a soft warning when they pick a crowded slot, with a couple of alternatives nearby.
[hn:tradeoff] Not a block, just a nudge. It's their business, at the end of the day.
@fill d:2
+2.5 Now, the other piece is the schedule page itself, the calendar buyers browse.
It's mostly reads, lots of people browsing, very few changes.
So it's rebuilt whenever a seller adds or moves a drop, and otherwise it serves the same page to everyone.
@fill g:6
+1.5 Let me also talk about what the seller sees before the drop.
They should see how many people tapped remind me, like a little counter on the drop card.
That tells them whether to promote more, or whether they're good.
And on the day, a checklist: camera, lighting, items in order, the first three listings ready.
+1.0 To zoom out for a second, what I'm really optimizing is the first five minutes of a drop, everything else serves that.
@fill g:6
@fill g:1
+1.5 Okay, let me pressure-test my own design, because I skipped over something.
[tradeoff] Precomputing the audience means someone who followed in the last ten minutes can miss the reminder; I accept that to keep everyone else on time.
A small second pass right before start can sweep up those late followers.
Similarly, the queue means the last reminder lands a little after the first.
~ For fifty thousand people that spread is maybe thirty seconds, and I'm fine with it.
So, net-net: precompute, queue, nudge on conflicts, and we watch minute-zero attendance.
""",
    )
)

A(
    Answer(
        id="a08",
        domain="live chat moderation",
        level="medium",
        persona="non-native English speaker, careful, 'how to say', 'isn't it'",
        notes="Hypothesis (scam messages make new buyers leave). Constraint is regulatory (24 h for "
        "obviously illegal content in Germany). Lever: async classification in parallel with "
        "delivery. Owned trade-off (bad message visible 1-2 s). 'We will measure after launch' "
        "is a metric hard negative; no metric tie.",
        habits=("So,", "Okay,"),
        habit_rate=0.2,
        expect={"max_dur": 330},
        script="""
Okay. So for the chat moderation during live show. Let me think how to say this.
Chat is very important for the show, this is where people, how to say, they feel the energy.
[hypothesis] What I believe is happening, new buyers see scam messages in chat, like DM me for cheaper, they think the whole show is not trustworthy.
~ So they leave, and they don't come back.
So my bet is, if chat is clean, new buyers stay in the show.
[constraint] Also there is legal side, hard requirement: in Germany, for obviously illegal content, we have 24 hours after a report to act.
~ So this cannot be best effort.
@seg moderators
@fill g:2
Now the design.
[lever] The message goes to everyone immediately, and the classifier runs asynchronously, in parallel, so chat never waits for the model.
If classifier says it is scam, we remove it from all screens, and moderator sees it in their panel.
[tradeoff] The cost of this is, a bad message can be visible one, two seconds before we remove it. I accept this.
~ Because if we hold every message, chat feels dead.
And dead chat is worse for the seller, I think.
For the very obvious things, like known scam phrases, we check before sending, this is cheap, just a list.
@fill g:1
[hn:metric_tie] About metrics, we will measure after launch, of course, there will be a dashboard.
+2.0 Also the reports. Buyer can report a message, and it goes to moderator.
~ And if it is illegal content, it goes to trust and safety with the timer.
I think this is the main idea, isn't it. Fast for chat, careful for the legal part.
""",
    )
)

A(
    Answer(
        id="a09",
        domain="seller payouts",
        level="strong",
        persona="fintech-background PM, pragmatic, conservative with money",
        notes="Hypothesis (small sellers' cash flow). Constraints: KYC + money transmission rules, "
        "payout after protection window. Lever: daily batched payouts with reason. Owned "
        "trade-off (sellers wait up to a day, instant as paid option). Metric tie: 30-day "
        "seller churn.",
        habits=("Um,", "So,"),
        habit_rate=0.2,
        expect={"max_dur": 300},
        script="""
Seller payouts. Okay, this is the one where we're moving other people's money, so I'll be more conservative than I'd be elsewhere.
[hypothesis] What we hear from smaller sellers is cash flow is everything, they bought inventory last week and they're waiting on us to get paid.
~ So my bet is faster payouts keep them going live more often.
[constraint] Hard constraints: every seller is KYC verified before money moves, and we're under money transmission rules, so there's no skipping identity checks to go faster.
And payouts can't go out before the buyer protection window closes, or we eat the chargebacks.
@seg objects
@fill g:1
Okay. So, shape of the system.
Every sale writes to a ledger, double entry, nothing gets edited, only appended.
[lever] Payouts get batched, one run per day per seller, instead of paying every sale individually; that's way cheaper on fees and easier to reconcile.
[tradeoff] The price of batching is sellers wait up to a day longer, which cuts against my own hypothesis, and I'm choosing it anyway.
~ So I'd offer instant payout as a paid option for the sellers who need it.
[metric_tie] I'd tie that to seller churn: if instant payout for the smallest sellers cuts thirty-day churn two or three points, it beats the fee.
~ The fee revenue we give up, I mean.
@fill g:2
Um, the reconciliation job runs after each batch and flags anything that doesn't match the processor.
Those get held, and a human looks at them.
Yeah, that's it. Ledger, daily batch, a paid instant option, and we watch churn.
""",
    )
)

A(
    Answer(
        id="a10",
        domain="auction bidding",
        level="medium",
        persona="ex-engineer turned PM, deep on tech, forgets the why",
        notes="Long. Constraint (p99 < 100 ms) and lever (actor per auction, sharded) early. Akka/"
        "Orleans and ScyllaDB named without reasons; two scale claims. 'Let's think about "
        "users' and 'GMV is the north star' are hard negatives. Owned trade-off (one home "
        "region, +80 ms for Europe) mid-answer. The hypothesis only arrives after 10 minutes (about 10 s past the mark: a deliberate near-boundary case).",
        habits=("So,", "Yeah,", "Basically,", "Um,"),
        habit_rate=0.3,
        expect={
            "min_dur": 640,
            "late": ("hypothesis",),
            "early": ("constraint", "lever", "tradeoff"),
        },
        script="""
Okay, cool. Auction bidding. So I was an engineer for about six years before product.
~ So I'll go a bit deep, stop me if it's too much.
[hn:hypothesis] Let's think about users real quick. There's buyers and there's sellers. Cool.
So the hot path is the bid. Everything else is kind of secondary.
[constraint] The bid path has a hard budget, p99 under 100 milliseconds from tap to acknowledgment, because the last second is where everything happens.
~ The timer's like fifteen seconds total.
[lever] Each auction is owned by one actor, sharded by auction ID, state in memory, and every accepted bid appended to a durable log.
[ap:tech_without_rationale] We'd use Akka for that. Or Orleans.
@fill d:2
[ap:scale_without_business_tie] And this scales horizontally basically forever, you can run millions of concurrent auctions on it.
+1.0 Then the read side.
Viewers need to see the price and the timer, but they don't need every intermediate bid.
So there's a fan-out tier that subscribes to each auction and pushes the latest state to connected clients.
[ap:tech_without_rationale] For the read store, ScyllaDB.
[hn:metric_tie] GMV is obviously the north star for the company, so, you know, it's important.
@fill g:4
+1.5 Let me talk about the timer, because that's actually the hardest part.
The clock is authoritative on the server, not on the phone.
The phone just shows a countdown, but the actor decides when it's actually closed.
And if a bid arrives in the last second, the actor extends the clock, if it's that format.
@fill d:1
@fill g:4
One thing I'd flag here.
[tradeoff] I'm choosing one home region per auction over active-active, so a bidder in Europe eats an extra eighty milliseconds. I'm okay with that.
Because two regions accepting conflicting bids on the same card is way worse.
@fill g:5
+1.0 Max bids are interesting from a systems point of view.
When a new bid comes in, the actor checks every standing max bid for that item and resolves them right there.
So one human tap can produce, like, five bids in a row, all in the same step.
The viewers just see the final price jump, which is honestly what they want anyway.
+5.0 Um, let me see, what else.
+1.0 Failure modes. If the actor's node dies, another node replays the log and picks it up.
Recovery is a couple of seconds, and during that the auction is frozen.
@fill d:1
@fill g:8
+5.0 Oh, who it's for? Yeah, fair, I totally skipped the why.
[hypothesis] I think the real issue is last-second bidders feel cheated when a bid gets rejected even though they tapped in time.
~ So they quit bidding on anything competitive.
So the bet is that making the close feel fair keeps those people bidding.
Yeah. And, um, I guess that's why the clock stuff matters so much.
@fill g:1
Okay, I think that's everything.
""",
    )
)

A(
    Answer(
        id="a11",
        domain="live-stream event orchestration",
        level="weak",
        persona="overconfident, 'solved problem', very short",
        notes="Under a minute. Lever with a reason (CDN so it's close to viewers). Kafka named "
        "without reason; scale claim with no business tie; explicitly dismisses latency.",
        habits=(),
        habit_rate=0.0,
        expect={"max_dur": 60},
        script="""
Yeah, so live streaming, that's pretty much a solved thing at this point.
[lever] You put the video on a CDN so it's served close to wherever people are.
[ap:tech_without_rationale] Then Kafka for the chat and the events.
[ap:scale_without_business_tie] That setup handles millions of viewers easily, it's what everybody does.
[ap:dismisses_latency] And latency isn't really a big deal for video, a few seconds of delay is totally normal, people don't notice.
So yeah, that's basically it, pretty standard.
""",
    )
)

A(
    Answer(
        id="a12",
        domain="flash-sale inventory allocation",
        level="strong",
        persona="data-minded PM, numbers first",
        notes="All five. Hypothesis: buyers who tap first and still lose to oversell-cancellations. "
        "Constraints: zero oversell + ~300 ms answer. Lever: pre-split stock into in-memory "
        "buckets across allocation workers. Owned trade-off: give up strict FCFS. Metric tie: "
        "cancellations -> repeat participation and sell-through.",
        habits=("Alright,", "So,"),
        habit_rate=0.15,
        expect={"early": SIGNALS, "max_dur": 330},
        script="""
Alright. Flash sale allocation. Let me put some numbers on it first, because I think the numbers drive the design.
Say a seller drops 500 units of a hot booster box, and we've seen around 40,000 people in the room for drops like that.
[hypothesis] I'm designing for buyers who tap in the first two seconds and lose anyway, because we oversell, then cancel on them.
~ And every cancellation teaches them that drops are rigged.
So the bet: no oversells, an honest answer in the moment, and those buyers keep showing up for the next drop.
@fill d:2 g:2
[constraint] Hard constraint one, zero oversell, ever. Two, the buyer gets a yes or no within about 300 milliseconds of tapping.
Otherwise they tap again and again and it gets worse.
[lever] So I'd pre-split the 500 units into buckets across 20 allocation workers, 25 units each in memory, and route each tap to one bucket.
No single counter that forty thousand taps fight over.
[tradeoff] What we give up is perfect first-come-first-served; someone a few milliseconds later might get a unit because their bucket had stock.
~ I'm fine with that.
Nobody can perceive a few milliseconds, but they can definitely perceive a cancellation email.
@fill g:2
And when a bucket empties, it borrows from its neighbors before saying sold out.
@fill d:1 g:2
Payment happens after the reservation, and a reserved unit is held for, like, two minutes, then released.
[metric_tie] If bucketed allocation takes oversell cancellations from around 4% to zero, I'd expect repeat drop participation to climb.
~ And sell-through in the first ten seconds should stay above 95%.
That's what I'd put on the dashboard. Cancellation rate, repeat participation, and time to sell out.
""",
    )
)

A(
    Answer(
        id="a13",
        domain="checkout latency",
        level="strong",
        persona="British senior PM, understated, 'I reckon', 'quite', 'brilliant'",
        notes="Long. Hypothesis ('my hunch ... the wager'), 120 ms p80 + PCI, lever (precompute + "
        "cache fraud score and tax per session) and metric tie (completion -> GMV) all early. "
        "The owned trade-off (stale fraud score) comes only after the 10-minute mark.",
        habits=("Right,", "So,", "Um,", "Now,"),
        habit_rate=0.3,
        expect={
            "min_dur": 640,
            "late": ("tradeoff",),
            "early": ("hypothesis", "constraint", "lever", "metric_tie"),
        },
        script="""
Right, brilliant. So, checkout latency. I'll start with why we'd care at all, and then get into the bits and pieces.
[hypothesis] My hunch is buyers who win several lots in a busy show abandon at the pay step, because it drags as the next lot starts.
~ And they'd rather get back to the show than wait on us.
So the wager is that if paying feels instant, far fewer of those orders get left half-finished.
@fill g:3
[constraint] The hard number I'd work to is 120 milliseconds server side for the pay path, at the 80th percentile, and we don't go backwards.
~ That's roughly what last quarter's live-drop data showed.
And, obviously, PCI means card details never touch our own servers, they sit in the processor's vault.
@fill d:2
+2.0 Now, where does the time actually go? I reckon it's three things: the fraud score, the tax calculation, and the round trip to the processor.
[lever] The fraud score and tax estimate can both be worked out when someone places their first bid, and cached against their session.
So at pay time it's just a lookup rather than two calls.
[metric_tie] If that takes us from roughly 400 milliseconds to under 120, I'd expect checkout completion on multi-lot wins up a couple of points.
~ And that's GMV, quite directly.
@fill g:4
+1.0 The processor call is the one bit we can't do ahead of time.
We authorize at the moment of payment, and capture later, once the seller's actually shipped.
That's fairly standard, and buyers are used to seeing a pending charge.
@fill d:1
@fill g:5
+1.0 Let me just touch on combined orders, since it's a bit fiddly.
If someone wins four lots from the same seller, I'd rather charge once at the end than four times.
Fewer authorizations, and fewer declined-card surprises in the middle of a show.
The buyer sees a running tab, and pays when they're done, or when the show ends.
+1.5 Let me say a word on what the buyer sees.
The confirmation should come back the moment authorization succeeds.
Everything after that, the receipt email, the seller's notification, the order record settling, can trail along behind.
@fill g:5
+3.0 Sorry, I'm just looking at my notes.
@fill g:4
+1.0 Right. I should be honest about what we're giving up, though.
[tradeoff] A fraud score from ten minutes ago is staler, so now and then we'll wave through an order we'd have flagged; I'd accept that.
~ Below about two hundred dollars, anyway.
Above that, we force a fresh check, and pay the extra time.
That threshold's a judgement call, and I'd revisit it once we see the chargeback rate.
So: scoring ahead of time, cached per session, authorize inline, and a fresh check for the big tickets. That's my answer.
""",
    )
)

A(
    Answer(
        id="a14",
        domain="collectible recommendations during a stream",
        level="weak",
        persona="buzzword-heavy, 'AI is the key'",
        notes="No signals. Technologies without reasons (Pinecone, TensorFlow), scale claim. Hard "
        "negatives: 'let's think about users', 'a whole cache of vintage cards' (a stash), "
        "'pre-graded' cards, 'engagement matters', 'should be fast'.",
        habits=("Um,", "Like,"),
        habit_rate=0.3,
        expect={"max_dur": 150},
        script="""
So for recommendations, I'd use AI. Like, a machine learning model that learns what people like.
[ap:tech_without_rationale] We'd use a vector database, probably Pinecone.
[hn:hypothesis] Let's think about users. Users want good recommendations.
[hn:lever] Like, if I'm a collector with a whole cache of vintage cards at home, the app should know that and show me more.
[hn:lever] Or, like, cards that come pre-graded, people love those.
And the model gets better over time, the more data we feed it.
[ap:scale_without_business_tie] It should be able to handle millions of users and billions of events, totally scalable.
[hn:metric_tie] Engagement matters a lot, so we'd definitely want to track engagement.
+2.5 Um, and personalization. Every user gets their own feed.
[ap:tech_without_rationale] And we could use, um, TensorFlow for the model.
[hn:constraint] It should be fast too, obviously.
Yeah. I think AI is really the key here.
""",
    )
)

A(
    Answer(
        id="a15",
        domain="watch-party backend",
        level="medium",
        persona="calm and methodical, 'so basically', 'right?'",
        notes="Hypothesis (collectors already text each other during breaks). Constraint: party "
        "members within ~half a second of each other. Lever: per-party session pinned at the "
        "edge near the host, fan-out from there. Owned trade-off (chat ordering across "
        "regions). 'We'll measure it later' is a hard negative; no metric tie.",
        habits=("So basically,", "Right,"),
        habit_rate=0.2,
        expect={"max_dur": 330},
        script="""
So basically, watch party. Let me start with who it's for.
[hypothesis] I think it's collectors who already text each other during breaks, and my bet is a room inside the app keeps them watching longer.
~ Right now it's separate phones, screaming in a group chat, right?
And they'd bring friends in, because the invite is right there.
[constraint] The one hard requirement is sync: everyone in a party sees the card flip within about half a second of each other.
~ Otherwise someone reacts before their friend has even seen it.
@fill d:1
@fill g:2
So basically, two pieces. The party itself, and keeping everyone in sync.
[lever] Each party gets a small session object, members, host, chat, pinned to the edge region nearest the host, so messages fan out locally.
And the session survives if people drop, right? You rejoin and you're back in the same party with the history.
For sync, every member follows the same playback position, and the edge nudges players that fall behind.
[tradeoff] What I'm giving up is strict chat ordering across regions; a friend in London might see messages out of order, and I'll take that.
~ Keeping the flip in sync matters more.
[hn:metric_tie] And then we'll measure it later and see how it goes, obviously.
@fill d:1 g:1
+1.5 One more thing, parties should be capped, like ten people, so they stay a friend thing and not a second chat room.
Yeah, so basically, edge sessions, synced playback, and accept a little chat disorder.
""",
    )
)

A(
    Answer(
        id="a16",
        domain="seller drop scheduling",
        level="medium",
        persona="time-boxed, gives the short version",
        notes="Under a minute. Hypothesis and timeline constraint (30 days, before holidays). The "
        "slot suggestion is a product design choice, not an architectural lever; no metric "
        "tie (no metric named), no trade-off.",
        habits=(),
        habit_rate=0.0,
        expect={"max_dur": 60},
        script="""
Okay, in the interest of time, the short version.
[hypothesis] Newer sellers schedule drops when their followers aren't around, and my bet is that's why their first shows flop, not the inventory.
[constraint] It has to be live in thirty days, because we want it out before the holiday season, so it's an MVP, no fancy model.
So version one just looks at when your followers were active last month and suggests three slots.
The seller picks one, and we send a reminder.
That's where I'd start.
""",
    )
)

A(
    Answer(
        id="a17",
        domain="auction bidding",
        level="medium",
        persona="nervous junior who finds their footing, apologises, restarts",
        notes="Weak first, proper later: 'let's think about the bidders' and 'bidding should be "
        "fast' are hard negatives; the real hypothesis and the 200 ms constraint come after "
        "the restart. Lever: auction state in memory on one server, DB updated in the "
        "background. 'Trade-offs everywhere' is a hard negative; metric tie comes at the end.",
        habits=("Um,", "Uh,", "So,"),
        habit_rate=0.45,
        expect={"max_dur": 330},
        script="""
Okay, um. Auction bidding. Sorry, give me one sec.
+3.0 Okay. So, um.
[hn:hypothesis] I guess, um, let's think about the bidders first.
Bidders are, uh, people who want to win stuff.
[hn:constraint] And bidding should be fast. Like, really fast.
Um, and reliable.
@fill d:1
Sorry, let me, let me try that again more clearly.
[hypothesis] I think the bidders going after, like, the expensive slabs get burned when a bid doesn't go through at the end.
~ And if we fix that, they'd bid higher instead of, you know, holding back.
[constraint] So a bid needs to be confirmed in under, uh, 200 milliseconds, because the seller's counting down out loud.
~ Anything slower, and the seller's already said sold.
@fill g:2
Okay. For how it works.
[lever] Um, I think each auction should keep its state in memory on one server, so bids don't all wait on the main database.
And then the database gets updated after, in the background.
[hn:tradeoff] There are trade-offs, um, everywhere, with this kind of thing.
And then viewers get the new price pushed to them.
+1.0 Uh, and then the winner gets charged when it closes.
[metric_tie] Oh and, um, keeping bids in memory so the last-second ones go through should push up final prices on high-end items, maybe five percent?
~ Which is more GMV.
Yeah. I think that's it. Sorry, that was a little all over the place.
""",
    )
)

A(
    Answer(
        id="a18",
        domain="live chat moderation",
        level="weak",
        persona="product-only PM, hands the back end to 'the architects'",
        notes="Hypothesis present (sellers can't keep up with chat). 'Probably some regulation "
        "stuff' is a constraint hard negative; 'a queue of flagged messages' is a review list, "
        "not a lever. Defers to engineering. No lever, metric tie or trade-off.",
        habits=("Um,", "Yeah,"),
        habit_rate=0.2,
        expect={"max_dur": 150},
        script="""
Yeah, so chat moderation. I think this is mostly a product question, honestly.
[hypothesis] What I've seen is sellers can't keep up with chat once a show gets big, they're talking to camera, so spammers take over.
~ And my bet is better mod tools keep the good buyers from leaving.
So the product would be, um, a moderator panel, where you see flagged messages and remove them.
Auto-flagging for bad words.
Ban lists that carry over between a seller's shows.
[hn:constraint] There's probably some regulation stuff too, about illegal content, we'd have to look into it.
[ap:defers_to_engineering] In terms of the back end, that's really for the architects, I'd just hand them the requirements.
[hn:lever] Like, the moderator sees a queue of flagged messages, and they go through them one by one.
And, uh, sellers can promote trusted buyers to moderators.
Yeah, that's how I'd approach it.
""",
    )
)

A(
    Answer(
        id="a19",
        domain="live-stream event orchestration",
        level="strong",
        persona="director-level, blunt, 'Look,' 'Here's the thing'",
        notes="All five, compact. Constraint bundles 100k concurrent, 200 ms and three nines during "
        "a show with a business reason. Lever: separate video (CDN) and state (edge fan-out "
        "with relay tier). Owned trade-off (+20-30 ms hop, more infra). Metric tie: "
        "first-five-minute drop-off -> GMV.",
        habits=("Look,",),
        habit_rate=0.1,
        expect={"early": SIGNALS, "max_dur": 300},
        script="""
Look, the way I'd frame this: a live show is an event with one producer and a huge, spiky audience.
Here's the thing that matters most.
[hypothesis] For sellers, the scary moment is the first five minutes of a big show, when the room fills and any glitch loses them the audience.
~ An audience they spent all week building.
And my bet is that a clean start is worth more to them than any feature we could add mid-show.
[constraint] Constraints: a hundred thousand concurrent on top shows, state on screen within two hundred milliseconds, and three nines during a show.
~ Because downtime mid-show is sales we never get back.
[lever] So I separate video from show state. Video goes through a CDN; state is published once and fanned out through edge nodes.
~ With a regional relay tier in between.
[tradeoff] That costs an extra hop, maybe twenty to thirty milliseconds, and more infrastructure. I'll pay that.
~ Because one origin talking to a hundred thousand sockets falls over at exactly the wrong moment.
[metric_tie] I'd hold this split to first-five-minute drop-off; if it cuts drop-off five points on our top shows, that's GMV the same night.
Second order, sellers who have a clean big show schedule the next one. That's seller retention.
@fill d:1 g:1
+0.8 Follow-up I'd expect: what if the seller's upload stutters? We keep the state path alive, show a reconnecting banner, and pause the auction clock.
That's the answer.
""",
    )
)

A(
    Answer(
        id="a20",
        domain="flash-sale inventory allocation",
        level="medium",
        persona="friendly, rambling, 'I mean', 'y'know', 'for sure'",
        notes="Long. Constraint early (six weeks before Black Friday + never double-sell). Lever: "
        "taps into a queue, single allocator, async follow-up. Dismisses latency on the "
        "confirmation screen. Owned trade-off (bottleneck vs never oversell). 'We'd look at "
        "the numbers after' is a hard negative. The hypothesis comes only after 10 minutes.",
        habits=("I mean,", "Y'know,", "So,", "Um,"),
        habit_rate=0.35,
        expect={
            "min_dur": 640,
            "late": ("hypothesis",),
            "early": ("constraint", "lever", "tradeoff"),
        },
        script="""
Alright, so flash sales. I mean, this is the fun one.
Y'know, I've been in a few of these drops as a buyer myself, and they get wild.
[constraint] First thing, timing. We've got to have this working before the Black Friday drops, so six weeks, hard stop.
~ Whatever we build has to fit in that.
And we can't sell the same unit twice. That's non-negotiable, for sure.
@fill d:2
@fill g:5
+1.5 Okay, so how it works.
[lever] The way I'd do it, taps go into a queue, and a single allocator works through it in order, so nothing gets double-sold.
And everything after that, payment, emails, the seller's count, all happens asynchronously off the back of it.
[ap:dismisses_latency] The confirmation screen, I mean, a second or two is fine there, people are used to waiting on drops.
[tradeoff] The downside of one allocator is it's a bottleneck, it can only chew through taps so fast, but I'd rather be slower and never oversell.
@fill d:1
@fill g:5
+1.0 Then there's bots. I mean, bots are a whole thing in drops.
People run scripts that tap the second the button shows up.
I'd want some basic checks, like one per account, one per card, one per address, that kind of thing.
And if we catch it after, we cancel and give the unit to the next real person in line.
@fill g:5
+1.0 Oh, the other thing sellers always ask about is splitting a drop into waves.
Like, fifty units now, fifty more in ten minutes, so the people who missed get another shot.
I mean, that's basically the same mechanism, just run twice.
[hn:metric_tie] And it keeps people in the show between waves, which sellers love.
+4.0 Y'know, let me think if I missed anything.
[hn:metric_tie] We'd look at the numbers after, for sure, see how it did.
@fill d:1
@fill g:6
+5.5 Um. Who's this actually for? Y'know, that's a good question, I kinda jumped right into the how.
[hypothesis] I think it's for the buyers who keep losing, they tap instantly, get nothing, and figure bots get everything, so they stop showing up.
My bet is that if the allocation is visibly fair, those folks keep coming back.
Which, yeah, I probably should've said at the start.
""",
    )
)

A(
    Answer(
        id="a21",
        domain="watch-party backend",
        level="strong",
        persona="energetic, wanders, circles back",
        notes="Long. Hypothesis (casual viewers dragged in by friends), sync-within-a-second "
        "constraint, lever (session pinned to a node with a standby replica), owned trade-off "
        "(more infra and cost) early. One scale claim with no business tie. The metric tie "
        "(day-seven return of invited friends) only after the 10-minute mark.",
        habits=("Okay so,", "And,", "Um,", "Honestly,"),
        habit_rate=0.3,
        expect={
            "min_dur": 640,
            "late": ("metric_tie",),
            "early": ("hypothesis", "constraint", "lever", "tradeoff"),
        },
        script="""
Okay! Watch parties. I'm excited about this one, I actually think it's underrated.
So who's it for?
[hypothesis] I think it's for the casual viewer who only watches when a friend drags them in, and right now they get bored and bail.
~ Because today that friend just sends a link and hopes.
And my bet is that watching together turns those casual viewers into people who come back on their own.
@fill d:2
@fill g:4
+1.2 Okay so, requirements, the ones I'd actually fight for.
[constraint] A party has to stay within about one second of the live show, because the whole point is reacting together.
~ And the bid button has to keep working for everyone in it.
@fill g:4
[lever] Each party is a session with its own state, pinned to one node with a standby replica, so a dead node doesn't end the party.
~ The state is members, chat, and where everyone is in the video.
Party chat goes through that session, and the main show chat comes in separately, the same way it does for everyone.
[ap:scale_without_business_tie] And honestly this design could handle, like, millions of parties at once, no problem.
@fill d:1
[tradeoff] We're taking on more moving parts with a standby per session, more infrastructure and more cost, so parties survive a machine restart.
@fill g:5
+2.0 Oh, one thing I keep going back and forth on, should you be able to bid from inside the party?
I think yes. If you can't, the party just turns into a place people leave from.
@fill d:1
@fill g:5
+1.0 Okay so, a little more on the party chat itself.
It's separate from the main chat, but I think you should be able to share a message out to the main chat.
Like, if your friend says something funny about the pull, you can boost it to the room.
And the reverse, if the seller shouts out your party, everyone in it should see that.
+5.0 Um, okay, what else.
+1.0 Okay, and invites. The invite link should work even for people who don't have the app yet.
They land on a web page with the show playing, and a prompt to install.
@fill g:6
+1.5 Oh, and the thing I'd actually hold this to, which I haven't said yet.
[metric_tie] Keeping sessions alive through reconnects is about day-seven return of invited friends; I'd want a 10% lift versus a plain shared link.
That's the number that tells us whether this is a real growth loop or just a cute feature.
""",
    )
)

A(
    Answer(
        id="a22",
        domain="checkout latency",
        level="medium",
        persona="generalist PM, plain-spoken, a bit vague",
        notes="Lever (cache shipping rates, with reason) and a metric tie (~1% conversion). Redis/"
        "Stripe named without reason. No constraint ('snappy', 'uptime matters' are hard "
        "negatives), no hypothesis ('no clear user problem yet'), no owned trade-off. The "
        "seller's 'shipping batch' is not a lever.",
        habits=("Um,", "So,", "I mean,"),
        habit_rate=0.25,
        expect={"max_dur": 200},
        script="""
Okay so checkout. Checkout is really important, because that's where the money is.
[hn:constraint] Checkout should be snappy, you don't want people waiting around.
[hn:hypothesis] Um, I don't have a super clear user problem in mind yet, but let's just say everyone wants checkout to be smooth.
So what's slow in checkout. Tax calculation, shipping rates, the card charge.
[lever] We could cache the shipping rates, because they don't change minute to minute for the same seller and zip code.
[ap:tech_without_rationale] We'll use Redis. And Stripe.
[metric_tie] And caching the rates takes a call out of the path, so checkout's quicker, and that helps conversion, maybe by like one percent.
[hn:tradeoff] I mean, there are always trade-offs, right?
[hn:constraint] And uptime matters too, obviously.
Then the charge itself, we call the payment processor and wait for the answer.
+1.0 And then the order gets created, and the seller gets notified.
[hn:lever] The seller then does a shipping batch at the end of the night, printing all the labels at once.
Yeah, I think that's mostly what I'd do.
""",
    )
)

A(
    Answer(
        id="a23",
        domain="collectible recommendations during a stream",
        level="medium",
        persona="deliberate, thinks out loud, 'fair enough'",
        notes="Long. Hypothesis (niche collectors drift off before their item). Lever: per-viewer "
        "precomputed candidates + async re-rank. Constraint: rail within ~50 ms of item "
        "change. 'Pull the ML folks in ... the call is mine' is a deferral hard negative. "
        "Owned trade-off (freshness vs compute). Metric tie only after 10 minutes.",
        habits=("Okay,", "Um,", "So,", "Fair enough,"),
        habit_rate=0.3,
        expect={
            "min_dur": 640,
            "late": ("metric_tie",),
            "early": ("hypothesis", "constraint", "lever", "tradeoff"),
        },
        script="""
Okay. Recommendations during a stream. Let me think out loud for a second.
+2.5 Right. Okay, so.
[hypothesis] My working theory is that buyers in a big show can't tell if anything later is for them, so niche collectors drift off early.
~ Before their item ever shows up.
The bet is that telling them what's coming, and roughly when, keeps them around for it.
@fill d:2
@fill g:5
+1.0 So, mechanically, here's what I'd do.
[lever] I'd precompute a short candidate list per viewer before the show, and an async job re-ranks it whenever the seller changes the lineup.
[constraint] And the rail has to render within about 50 milliseconds of the item changing, because it sits right under the bid button.
~ It can't be shoving the button around while people are bidding.
[hn:defers_to_engineering] I'd pull the ML folks in early to pressure-test the ranking, but the call on what we optimize for is mine.
@fill d:1
@fill g:4
+1.2 Let me think about what the rail actually says.
Not just a picture of a card. It should say, coming up in about twelve minutes, or, the seller just added this.
The timing part is what makes it useful. Otherwise it's just another ad.
@fill g:4
[tradeoff] The trade I'm making is freshness; the precomputed list doesn't know your last two minutes, and I accept that.
~ So sometimes we'll suggest something you just passed on.
Ranking live for every viewer on every item change is a lot more compute for a small gain.
@fill d:1
@fill g:5
+1.0 Let me also say something about what counts as a match.
For a sports card person, it might be the player. For a Pokémon person, the set or the artist.
So the matching can't just be category, it has to get down to the thing people actually chase.
Grading matters too. Some people only want PSA 10s, some want raw cards to grade themselves.
+4.0 Hmm. Let me think about the seller's side for a second.
Some sellers won't want us to announce items early, because they like the surprise.
So there'd be a setting, per item or per show, to keep something hidden.
@fill g:6
+1.0 Let me close by tying it back.
[metric_tie] Precomputing per viewer is about time-in-show for niche collectors; an extra 10% of them staying until their item means more bidders and sell-through.
Fair enough, I think that's where I'd land.
""",
    )
)

A(
    Answer(
        id="a24",
        domain="seller payouts",
        level="weak",
        persona="upbeat, vague, light on mechanics",
        notes="No signals. 'Probably regulations ... we'd figure that out' is a constraint hard "
        "negative; 'a whole batch of cards' is a UI grouping, not a lever; 'track metrics' is "
        "a metric hard negative. Defers to engineering.",
        habits=("Um,", "So,"),
        habit_rate=0.2,
        expect={"max_dur": 120},
        script="""
Payouts! Okay. So sellers need to get paid, that's the main thing.
Like, they sell stuff in a show, and then they want the money.
[hn:constraint] There's probably regulations around moving money, I'm not super familiar, but we'd figure that out.
So the seller would have a payouts page where they see their balance.
And they can click withdraw, and it goes to their bank.
[hn:lever] Maybe for a whole batch of cards they sold in one show, they'd see it as one line item.
[ap:defers_to_engineering] As for how the money actually moves, I'd leave that to the engineering team, they know payments way better than I do.
[hn:metric_tie] We'd want to track metrics on it, for sure.
+2.0 Oh, and notifications when the money lands. People love that.
Yeah, that's my answer.
""",
    )
)

A(
    Answer(
        id="a25",
        domain="auction bidding",
        level="strong",
        persona="very terse senior, bullet-point speech",
        notes="Under a minute. Constraint, lever, owned trade-off and metric tie, one per cue. "
        "No hypothesis.",
        habits=(),
        habit_rate=0.0,
        expect={"max_dur": 60},
        script="""
Okay, short answer.
[constraint] Bids acknowledged under a hundred milliseconds at p99, that's the budget, because the last second decides most contested auctions.
[lever] One writer per auction, auctions sharded by show, and viewers get price updates batched every fifty milliseconds.
[tradeoff] We give up strict global ordering across auctions, which nobody needs, and we accept a one-second pause on failover.
[metric_tie] Payoff: fewer rejected last-second bids, which I'd expect to lift final prices on contested items three to five percent.
And that's it.
""",
    )
)

A(
    Answer(
        id="a26",
        domain="live-stream event orchestration",
        level="weak",
        persona="infrastructure enthusiast, lists components, skips the why",
        notes="Long. Constraint (200 ms at 100k) and many levers (CDN, pub-sub fan-out, read "
        "replicas, cache). Many technologies without reasons, three scale claims, and a late "
        "deferral to the platform architects. 'Not much to say on the user side', 'CAP "
        "theorem trade-off' and 'metrics on everything, p99' are hard negatives. No "
        "hypothesis, no metric tie, no owned trade-off.",
        habits=("So,", "Yeah,", "Basically,", "And,"),
        habit_rate=0.35,
        expect={"min_dur": 620},
        script="""
Sure. So live-stream orchestration at a hundred K concurrent, this is a fun distributed systems question.
[hn:hypothesis] I don't think we need to spend long on the user side, people want to watch shows, pretty simple.
[constraint] The requirement I'd hold us to is under 200 milliseconds end to end for show events, at a hundred thousand concurrent viewers.
[ap:tech_without_rationale] So, ingest over WebRTC, transcode on FFmpeg workers, HLS out.
[lever] Video goes out through a CDN, obviously, and show events fan out through a pub-sub tier, with edge nodes holding the websocket connections.
[ap:tech_without_rationale] We'd use NATS for the pub-sub. Kubernetes for everything.
[ap:scale_without_business_tie] And this is horizontally scalable, we could do ten million concurrent if we wanted to.
@fill d:2
+1.0 Okay, show metadata.
Show metadata lives in Postgres with a couple of read replicas, and a cache in front, because it's read way more than it's written.
[hn:tradeoff] Obviously everything's a trade-off in distributed systems, that's just CAP theorem.
@fill g:5
[ap:tech_without_rationale] For the event history, Cassandra.
The websocket nodes are stateless, so if one dies, clients just reconnect to another one.
@fill d:1
@fill g:6
+1.0 Then reconnect logic on the client.
When the socket drops, the client backs off, reconnects, and gets a fresh snapshot of the show state.
The snapshot comes from the show metadata, and then it resumes the live event stream from there.
Chat history is just the last fifty messages, we don't replay everything.
+4.5 Yeah, so, what else.
[hn:metric_tie] And then observability, we'd have metrics on everything, p50, p99, error rates, dashboards.
@fill g:6
+1.5 Let me go a bit deeper on the pub-sub fan-out.
Each show gets a topic. The seller's actions publish to it. Each edge node subscribes to the topics its clients are watching.
So a show with a hundred thousand viewers across fifty edge nodes is fifty subscriptions, not a hundred thousand.
[ap:scale_without_business_tie] With autoscaling on top, it's basically infinitely scalable.
@fill d:1
@fill g:5
+2.0 Yeah. And the regions, how much redundancy, what happens when a region goes down.
[ap:defers_to_engineering] All of that I'd leave to the platform architects to decide, that's their call, not mine.
@fill g:4
Yeah. I think that's the design. It's pretty standard, honestly.
""",
    )
)

A(
    Answer(
        id="a27",
        domain="seller drop scheduling",
        level="medium",
        persona="Indian-English phrasing, 'basically', 'what we can do is', 'itself'",
        notes="Hypothesis (buyers land on a half-ready show page and leave). Lever: precompute the "
        "show page, image renditions pushed to the CDN, audience computed in advance. Metric "
        "tie: first-ten-minute sales +8-10%. 'It should be reliable' is a constraint hard "
        "negative; no trade-off.",
        habits=("Basically,", "So,"),
        habit_rate=0.25,
        expect={"max_dur": 300},
        script="""
So basically the question is, how sellers schedule their drops and how the system handles that.
[hypothesis] What I have seen is, mid-size sellers announce a drop and buyers land on a half-ready show page, so they think it's not started.
~ And they go away.
If that first impression is fixed, I am confident these sellers will get more buyers in the opening minutes.
@fill d:1
@fill g:2
What we can do is, basically, prepare everything before the drop itself.
[lever] The day before, we precompute the show page and item images in all sizes, and push them to the CDN, so nothing is generated live.
Same way, the reminder audience also we compute in advance only, not at the start time.
[hn:constraint] And of course it should be reliable, sellers are depending on it.
[metric_tie] If the page is fully ready at start time, I expect first-ten-minute sales for these sellers to go up eight to ten percent.
~ Because the opening buyers actually stay.
@fill d:1 g:1
+1.2 Then after the drop, all the analytics can be computed in the night, no hurry.
So that way seller gets a summary next morning, what sold, how many viewers came from the reminder.
That is my approach, basically.
""",
    )
)

A(
    Answer(
        id="a28",
        domain="checkout latency",
        level="strong",
        persona="precise, numbered lists, 'to be precise'",
        notes="No hypothesis. Constraint (120 ms at p80, PCI). Lever: parallel fraud/tax, order "
        "write queued and async. Owned trade-off (seller list lags, retries and "
        "reconciliation). Metric tie (~1% completion per 100 ms). The later scale statement "
        "is tied to conversion, so it is a hard negative for scale_without_business_tie.",
        habits=(),
        habit_rate=0.0,
        expect={"max_dur": 240},
        script="""
Okay. Checkout latency. To be precise about the goal first.
[constraint] The pay path has a 120 millisecond server budget at p80, and it stays PCI compliant, so card numbers only live in the processor's vault.
@fill d:2
Where does the time go today? Number one, fraud check. Number two, tax.
Number three, the processor authorization. Number four, writing the order and notifying the seller.
[lever] One and two I'd run in parallel, and number four comes off the critical path, queued and finished asynchronously after confirmation.
[tradeoff] I'm accepting that the seller's sold list lags the buyer's confirmation for a second or so, plus retries and a reconciliation job.
~ Owning that complexity is worth it.
[metric_tie] Because every hundred milliseconds off that path should mean around a one percent lift in checkout completion on buy-now items.
~ That's going by the drop data.
[hn:scale_without_business_tie] So the claim is we handle drop-night peaks while keeping checkout under 120 milliseconds, which is what preserves that conversion.
@fill g:2
Authorization itself stays on the path. We don't confirm an order we haven't authorized.
That's my answer.
""",
    )
)

A(
    Answer(
        id="a29",
        domain="flash-sale inventory allocation",
        level="weak",
        persona="hesitant, one-idea answer",
        notes="Under a minute. Lever is named in the very first cue (orders into a queue), the "
        "reason only follows two cues later. Kafka "
        "named without reason; scale claim with no business tie.",
        habits=(),
        habit_rate=0.0,
        expect={"max_dur": 60},
        script="""
[lever] Um, so flash sale. You'd basically just put all the orders in a queue.
[ap:tech_without_rationale] We'd just use Kafka for it.
And then process them one at a time from the queue, so you don't oversell anything.
[ap:scale_without_business_tie] And that'll handle, like, as many people as you want, it's super scalable.
That's pretty much it, I think.
""",
    )
)

A(
    Answer(
        id="a30",
        domain="collectible recommendations during a stream",
        level="medium",
        persona="ex-designer, starts from the screen",
        notes="Hypothesis (new collectors can't tell if the show is for them). Defers the model to "
        "the ML team. Lever: strip computed in nightly batches, filtered at show time. Metric "
        "tie: strip present from the first frame -> taps -> first purchases. No constraint; "
        "'pros and cons' is a trade-off hard negative.",
        habits=("So,", "Um,"),
        habit_rate=0.2,
        expect={"max_dur": 300},
        script="""
So, I come from design, so I'm going to start with the moment on screen and work backwards.
The moment is, you're in a show, and the seller holds up a card.
~ And under the video there's a small strip that says, here's what else in this show is for you.
[hypothesis] I'm designing for the new collector who only sees one item at a time, can't tell if the show is for them, and leaves early.
@fill d:1
@fill g:2
[ap:defers_to_engineering] For the actual model, I'd let the ML team decide, that's really their area.
[lever] What I'd push for is computing the strip in nightly batches for each seller's listings, then just filtering it at show time.
~ So it's there instantly, not loading in after the video.
If it pops in late, people just ignore it.
[metric_tie] My guess is a strip that's there from the first frame gets twice the taps, which shows up as more first purchases from new buyers.
[hn:tradeoff] I know there are pros and cons to everything, of course.
And the strip should look native, not like an ad, same fonts, same card style as the main item.
+1.0 I'd test two versions, strip versus a little pop-up card, and see which one people prefer.
That's where I'd start.
""",
    )
)

A(
    Answer(
        id="a31",
        domain="watch-party backend",
        level="weak",
        persona="enthusiastic, social-feature thinker",
        notes="Hypothesis present (new collectors feel awkward alone). Dismisses sync/latency. No "
        "constraint, lever, metric tie ('good for the business overall' is a hard negative) "
        "or trade-off.",
        habits=("Like,", "Um,"),
        habit_rate=0.3,
        expect={"max_dur": 120},
        script="""
Okay, watch party. I actually think this could be really big.
[hypothesis] Honestly, I think people who are new to collecting feel awkward in a big show alone, and with a friend who's into it, they'd stay.
~ And they'd actually learn how it all works.
So the party is, you invite up to, like, five friends, and you all watch the same show.
You get your own little chat that only your group sees.
And you can see what your friends bid on, which is kind of fun.
[ap:dismisses_latency] I wouldn't worry too much about everyone being perfectly in sync, if one person is a few seconds behind, it's not a big deal.
It's more about the hanging out.
And then maybe badges, like if you've been in ten parties you get a little badge.
[hn:metric_tie] I think it would be really good for the business overall.
Yeah, that's it.
""",
    )
)

A(
    Answer(
        id="a32",
        domain="auction bidding",
        level="strong",
        persona="staff-level PM, calm, anticipates follow-ups",
        notes="Long, strong throughout: all five signals in the first ~3 minutes, then follow-ups "
        "(failover, cost ceiling, data residency, sniping). Hard negatives: quotes 'a second "
        "is fine' only to reject it; 'pull engineering in ... the decision is mine' is not a "
        "deferral. No anti-patterns.",
        habits=("Okay,", "So,", "Now,"),
        habit_rate=0.15,
        expect={"min_dur": 640, "early": SIGNALS},
        script="""
Okay. Live auction bidding. Before I draw anything, I want to be clear on what we're protecting.
[hypothesis] The buyer we're failing is the serious collector at the close, who taps and can't tell if they lost or we dropped the bid.
My bet is that making the close trustworthy does more for how hard those people bid than any new feature would.
[constraint] Two hard constraints: an accepted bid is never lost, and the accept-or-reject answer is back on the bidder's phone within 150 milliseconds at p99.
The 150 comes from the clock. The seller is calling it out loud, and the extension window is only a few seconds.
[hn:dismisses_latency] I've heard people say a second is fine for bids. It isn't, not at the close.
@fill d:1
Now, the design.
[lever] Each auction gets one sequencer, a single writer that orders its bids, and auctions are spread across sequencers by seller.
~ So one giant show doesn't share a box with everyone else.
Accepted bids are written to a replicated log before we acknowledge, and that's where the never-lose guarantee comes from.
[tradeoff] That write costs maybe ten to fifteen milliseconds per bid, and I'm choosing to spend that part of the budget on durability rather than speed.
Because a lost winning bid is a support ticket and, usually, a lost customer.
[metric_tie] The business case: durable acknowledgment cuts did-my-bid-count disputes, and I'd expect bids per auction up around eight percent, which is GMV.
@fill g:2
+1.0 Viewers are a different path.
Most people in the room never bid, they just watch the price.
So price updates fan out from the sequencer to edge nodes, coalesced every hundred milliseconds, rather than one message per bid.
Bidders get their own acknowledgment directly, not through that shared stream.
@fill d:2
@fill g:3
+2.0 Let me take the follow-ups I'd expect.
First, what if a sequencer dies mid-auction?
We pause the clock on every screen, a standby takes over from the log, and we resume. The target is under two seconds.
[hn:defers_to_engineering] I'd pull engineering in early to pressure-test that failover number, but the decision to pause the clock is mine and I'd own it.
@fill g:3
+1.0 One more design point, on max bids.
Max bids resolve inside the sequencer, in the same step as the human bid that triggered them.
So the price on screen can jump several increments at once, and that's correct, not a glitch.
I'd show a small label like auto-bid, so nobody thinks the app misbehaved.
Second, what does this cost?
Sequencers are cheap. It's the connection tier that costs money, and that grows with viewers, not bids.
I'd want it under a couple of cents per viewer hour, and I'd check that against our take rate before committing.
@fill d:1
@fill g:4
Third, what if regulation says European buyers' data stays in Europe?
Then European shows get a regional sequencer cluster. That adds maybe twenty milliseconds for cross-region bidders, and we stay compliant.
@fill g:3
+1.5 And last, the sniping question.
Anti-sniping extension is a seller choice per show, and I'd A/B it against sudden death, looking at final price and repeat bidding.
@fill g:3
To wrap up: one sequencer per auction, durable before acknowledge, coalesced fan-out for watchers, pause on failover.
And bids per auction is the number I'm accountable for.
""",
    )
)

A(
    Answer(
        id="a33",
        domain="live chat moderation",
        level="medium",
        persona="budget-minded operator, starts from the money",
        notes="No hypothesis. Constraint is a cost ceiling (~$20k/month for automated moderation). "
        "Lever: batch messages to the classifier, cheap pre-filter first. Perspective API "
        "named with no reason. Metric tie: first-purchase rate for new buyers. 'Weigh the "
        "pros and cons' is a trade-off hard negative.",
        habits=("Alright,", "So,"),
        habit_rate=0.2,
        expect={"max_dur": 300},
        script="""
Alright, moderation for live chat. Let me start with the money, because I think that's actually the binding thing here.
[constraint] Say the budget for automated moderation is capped around twenty thousand dollars a month, and that's a hard ceiling.
~ At our message volume, a big model on every message blows straight through that.
So the design has to live inside that number.
[lever] So I'd batch messages, fifty every half second instead of one at a time, and only send the big model what a cheap filter flags.
[ap:tech_without_rationale] For the cheap filter we'd use Perspective API.
@fill g:2
Then there's the human side, moderators in the show and our own team for escalations.
@seg moderators
[metric_tie] The payoff is first-purchase rate for new buyers: if the filter halves visible scam messages, first purchases go up a point or two.
[hn:tradeoff] We'd have to weigh the pros and cons of how strict to be.
Sellers can also set their own blocked words.
And that's pretty much the approach.
""",
    )
)

A(
    Answer(
        id="a34",
        domain="seller drop scheduling",
        level="weak",
        persona="casual, dismissive, 'it's a calendar'",
        notes="No signals. Firebase named with no reason; dismisses latency; scale claim with no "
        "business tie. 'Users will like it' is a hypothesis hard negative.",
        habits=("Um,", "Like,"),
        habit_rate=0.2,
        expect={"max_dur": 90},
        script="""
So drop scheduling is, like, a calendar, basically.
Seller picks a time, the drop goes on the calendar, and buyers see it.
[ap:tech_without_rationale] I'd build it on Firebase.
And the reminders go out when it's time, pretty simple.
[ap:dismisses_latency] Latency doesn't really matter for scheduling, honestly, nobody cares if the calendar takes a second to load.
[ap:scale_without_business_tie] And it'll scale to millions of sellers, no problem.
[hn:hypothesis] I think users will like it.
Um, and sellers can edit or cancel, and buyers get told.
That's about it.
""",
    )
)

A(
    Answer(
        id="a35",
        domain="live-stream event orchestration",
        level="strong",
        persona="seller-side PM, product rules over plumbing",
        notes="No architectural lever on purpose: the design choice is a product rule (pause the "
        "auction clock on seller disconnect), and the metric tie attaches to that rule. "
        "Timeline constraint (one quarter). Owned trade-off (winning buyers lose a cheap win). "
        "'Keeping this at the product-rule level ... I'd own them' is not a deferral.",
        habits=("So,", "And,"),
        habit_rate=0.2,
        expect={"max_dur": 300},
        script="""
So I want to answer this from the seller's chair, because I think orchestration is really about what happens when things go wrong mid-show.
[hypothesis] Sellers doing their first big shows tell us the worst moment is their phone dropping and coming back to a half-empty room.
So my bet is that a graceful pause would save both the audience and the seller's confidence.
[constraint] We've got one quarter to ship this, before the fall card season, so it's a change to show rules, not new infrastructure.
@seg people
@fill g:2
So here's the design, in product terms.
When the seller's video drops, the show enters a paused state, the auction clock freezes for everyone, and buyers see a reconnecting banner.
If they're back within two minutes, the clock resumes where it was.
If not, the item goes back to upcoming, and the seller can relaunch it.
[metric_tie] I'd expect that pause rule to cut viewer drop-off during reconnects roughly in half, and recover most of the GMV at risk.
~ From items that would have closed at a dollar.
[tradeoff] The cost is that a pause annoys the buyer who was winning; they were about to get it cheap, and I'd take that anyway.
~ Because a two-hundred-dollar card going for a dollar hurts everyone.
@fill g:2
And sellers get a one-tap way to tell the room they're back, so it doesn't feel awkward.
+1.5 [hn:defers_to_engineering] I'm keeping this at the product-rule level on purpose; I think the rules are the hard part, and I'd own them.
""",
    )
)


# ---------------------------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------------------------
KEEP_CAPITAL = {"i", "i'm", "i'd", "i'll", "i've", "pokémon", "psa", "sunday", "mike's"}
TAG_RE = re.compile(r"^\[([^\]]+)\]\s*")
PAUSE_RE = re.compile(r"^\+(\d+(?:\.\d+)?)\s+")


@dataclass
class Cue:
    text: str
    pause: float | None = None
    tags: frozenset[str] = frozenset()
    source: str = "hand"  # "hand" or "seg:<name>"
    seg_start: bool = False
    start: float = 0.0
    end: float = 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())


def _seed(*parts: str) -> int:
    return zlib.crc32(":".join(parts).encode("utf-8"))


def _with_habit(text: str, habit: str) -> str:
    first = text.split()[0]
    bare = first.strip(",.?!").lower()
    if bare == habit.strip(",.?!").lower().split()[0]:
        return text
    if bare not in KEEP_CAPITAL:
        text = text[0].lower() + text[1:]
    return f"{habit} {text}"


def _valid_tag(tag: str) -> bool:
    if tag in SIGNALS:
        return True
    kind, _, code = tag.partition(":")
    if kind == "ap":
        return code in ANTI_PATTERNS
    if kind == "hn":
        return code in SIGNALS or code in ANTI_PATTERNS
    return False


def expand(ans: Answer) -> list[Cue]:
    """Turn the authoring script into cues (no timing yet)."""
    pick = random.Random(_seed(ans.id, "fill"))
    habit_rng = random.Random(_seed(ans.id, "habit"))
    cont_rng = random.Random(_seed(ans.id, "continuation"))
    used: set[str] = set()
    pool_key = DOMAIN_POOL_KEY[ans.domain]
    dom = DOMAIN_POOLS.get(pool_key, {}) if pool_key else {}
    cues: list[Cue] = []

    def add_segment(name: str, lines: list[str]) -> None:
        if name in used:
            raise ValueError(f"{ans.id}: segment {name!r} used twice")
        used.add(name)
        for i, line in enumerate(lines):
            text = line
            if ans.habits and habit_rng.random() < ans.habit_rate:
                text = _with_habit(text, habit_rng.choice(ans.habits))
            cues.append(Cue(text=text, source=f"seg:{name}", seg_start=(i == 0)))

    for lineno, raw in enumerate(ans.script.strip().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            op, *args = line[1:].split()
            if op == "seg":
                for name in args:
                    lines = GENERIC.get(name) or dom.get(name)
                    if lines is None:
                        raise ValueError(f"{ans.id}:{lineno}: unknown segment {name!r}")
                    add_segment(name, lines)
            elif op == "fill":
                for spec in args:
                    kind, n = spec.split(":")
                    if kind == "d":
                        names = sorted(k for k in dom if k not in used)
                        source = dom
                    elif kind == "g":
                        names = sorted(k for k in GENERIC if k not in used and k not in EARLY_ONLY)
                        source = GENERIC
                    else:
                        raise ValueError(f"{ans.id}:{lineno}: bad fill spec {spec!r}")
                    if int(n) > len(names):
                        raise ValueError(f"{ans.id}:{lineno}: pool {kind} exhausted")
                    for name in pick.sample(names, int(n)):
                        add_segment(name, source[name])
            else:
                raise ValueError(f"{ans.id}:{lineno}: unknown directive {op!r}")
            continue
        pause = None
        if line.startswith("~ "):  # continuation of the previous sentence: short gap
            pause = round(cont_rng.uniform(0.2, 0.45), 3)
            line = line[2:]
        m = PAUSE_RE.match(line)
        if m:
            pause = float(m.group(1))
            line = line[m.end() :]
        tags: frozenset[str] = frozenset()
        m = TAG_RE.match(line)
        if m:
            tags = frozenset(t.strip() for t in m.group(1).split(",") if t.strip())
            line = line[m.end() :]
        bad = [t for t in tags if not _valid_tag(t)]
        if bad:
            raise ValueError(f"{ans.id}:{lineno}: bad tags {bad}")
        cues.append(Cue(text=line.strip(), pause=pause, tags=tags))
    return cues


def assign_times(ans: Answer, cues: list[Cue]) -> float:
    rng = random.Random(_seed(ans.id, "timing"))
    wpm = ans.wpm if ans.wpm is not None else round(rng.uniform(130.0, 175.0), 1)
    if not 130.0 <= wpm <= 175.0:
        raise ValueError(f"{ans.id}: wpm {wpm} out of range")
    t = rng.uniform(0.3, 1.2)
    for i, cue in enumerate(cues):
        gap = rng.uniform(0.6, 1.5) if cue.seg_start else rng.uniform(0.2, 1.2)
        if i > 0:
            t += cue.pause if cue.pause is not None else gap
        cue.start = round(t, 3)
        cue.end = round(cue.start + cue.words * 60.0 / wpm, 3)
        t = cue.end
    return wpm


def fmt_ts(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def to_vtt(cues: list[Cue]) -> str:
    out = ["WEBVTT", ""]
    for cue in cues:
        out.append(f"{fmt_ts(cue.start)} --> {fmt_ts(cue.end)}")
        out.append(cue.text)
        out.append("")
    return "\n".join(out)


def label(ans: Answer, cues: list[Cue], wpm: float) -> dict:
    signals = {}
    evidence = {}
    for sig in SIGNALS:
        first = next((c for c in cues if sig in c.tags), None)
        signals[sig] = {
            "present": first is not None,
            "first_at_s": first.start if first else None,
        }
        if first:
            evidence[sig] = first.text
    anti = [
        {"code": tag[3:], "at_s": c.start}
        for c in cues
        for tag in sorted(c.tags)
        if tag.startswith("ap:")
    ]
    hard_neg = [
        {"looks_like": tag[3:], "at_s": c.start, "text": c.text}
        for c in cues
        for tag in sorted(c.tags)
        if tag.startswith("hn:")
    ]
    return {
        "domain": ans.domain,
        "window_s": WINDOW_S,
        "duration_s": cues[-1].end,
        "signals": signals,
        "anti_patterns": anti,
        "notes": ans.notes,
        # Extra, informational fields (not part of the core schema):
        "level": ans.level,
        "persona": ans.persona,
        "wpm": wpm,
        "n_cues": len(cues),
        "n_words": sum(c.words for c in cues),
        "evidence": evidence,
        "hard_negatives": hard_neg,
    }


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------
def lint_pools() -> list[str]:
    problems = []
    pools = [("generic", GENERIC)] + [(k, v) for k, v in DOMAIN_POOLS.items()]
    for pool_name, pool in pools:
        for seg, lines in pool.items():
            for line in lines:
                n = len(line.split())
                if not MIN_WORDS - 2 <= n <= MAX_WORDS - 3:  # leave room for a habit prefix
                    problems.append(f"{pool_name}/{seg}: {n} words: {line!r}")
                m = FILLER_BANNED.search(line)
                if m:
                    problems.append(f"{pool_name}/{seg}: signal word {m.group(0)!r}: {line!r}")
    return problems


def check_answer(ans: Answer, cues: list[Cue], lab: dict) -> list[str]:
    problems = []
    for c in cues:
        if not MIN_WORDS <= c.words <= MAX_WORDS:
            problems.append(f"{ans.id}: cue has {c.words} words: {c.text!r}")
        if c.pause is not None and not 0.0 <= c.pause <= 8.0:
            problems.append(f"{ans.id}: pause {c.pause} out of range")
        if c.source != "hand" and c.tags:
            problems.append(f"{ans.id}: elaboration cue carries tags")
    for a, b in itertools.pairwise(cues):
        if b.start < a.end:
            problems.append(f"{ans.id}: overlapping cues at {b.start}")
    dur = lab["duration_s"]
    exp = ans.expect
    if "min_dur" in exp and dur < exp["min_dur"]:
        problems.append(f"{ans.id}: duration {dur} < {exp['min_dur']}")
    if "max_dur" in exp and dur > exp["max_dur"]:
        problems.append(f"{ans.id}: duration {dur} > {exp['max_dur']}")
    for sig in exp.get("late", ()):
        at = lab["signals"][sig]["first_at_s"]
        if at is None or at <= WINDOW_S:
            problems.append(f"{ans.id}: {sig} expected after {WINDOW_S}s, got {at}")
    for sig in exp.get("early", ()):
        at = lab["signals"][sig]["first_at_s"]
        if at is None or at > WINDOW_S:
            problems.append(f"{ans.id}: {sig} expected inside the window, got {at}")
    return problems


VTT_TS = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$")


def reparse_vtt(path: Path) -> list[tuple[float, float, str]]:
    """Independent re-read of a written file, to prove it parses as WebVTT."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    assert blocks[0].strip() == "WEBVTT", path
    out = []
    for block in blocks[1:]:
        if not block.strip():
            continue
        ts, text = block.split("\n", 1)
        m = VTT_TS.match(ts)
        assert m, (path, ts)
        g = [int(x) for x in m.groups()]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        assert end > start, (path, ts)
        out.append((start, end, text.strip()))
    return out


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
def build(out_dir: Path = HERE) -> dict:
    problems = lint_pools()
    ids = [a.id for a in ANSWERS]
    if len(ids) != len(set(ids)):
        problems.append("duplicate answer ids")
    labels: dict[str, dict] = {}
    texts: dict[str, str] = {}
    for ans in ANSWERS:
        cues = expand(ans)
        wpm = assign_times(ans, cues)
        lab = label(ans, cues, wpm)
        problems += check_answer(ans, cues, lab)
        labels[f"{ans.id}.vtt"] = lab
        texts[f"{ans.id}.vtt"] = to_vtt(cues)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(f"{len(problems)} problem(s); nothing written")
    for name, text in texts.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    (out_dir / "labels.json").write_text(
        json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    # Round-trip check: files parse and label times line up with cue starts.
    loaded = json.loads((out_dir / "labels.json").read_text(encoding="utf-8"))
    for name, lab in loaded.items():
        parsed = reparse_vtt(out_dir / name)
        starts = {round(s, 3) for s, _, _ in parsed}
        assert abs(parsed[-1][1] - lab["duration_s"]) < 0.0015, name
        for sig, v in lab["signals"].items():
            if v["present"]:
                assert round(v["first_at_s"], 3) in starts, (name, sig)
        for ap in lab["anti_patterns"]:
            assert round(ap["at_s"], 3) in starts, (name, ap)
    return loaded


def summarize(labels: dict) -> str:
    n = len(labels)
    lines = [f"{n} answers"]
    lines.append(f"{'signal':<12} {'present':>7} {'absent':>7} {'late>600s':>9} {'absent%':>8}")
    for sig in SIGNALS:
        pres = [v["signals"][sig] for v in labels.values() if v["signals"][sig]["present"]]
        late = sum(1 for s in pres if s["first_at_s"] > WINDOW_S)
        lines.append(
            f"{sig:<12} {len(pres):>7} {n - len(pres):>7} {late:>9} {100 * (n - len(pres)) / n:>7.0f}%"
        )
    lines.append("anti-patterns (occurrences / answers):")
    for code in ANTI_PATTERNS:
        occ = [ap for v in labels.values() for ap in v["anti_patterns"] if ap["code"] == code]
        answers = sum(
            1 for v in labels.values() if any(a["code"] == code for a in v["anti_patterns"])
        )
        lines.append(f"  {code:<28} {len(occ):>3} / {answers}")
    hn = sum(len(v["hard_negatives"]) for v in labels.values())
    lines.append(f"hard-negative cues (documented): {hn}")
    durs = sorted(v["duration_s"] for v in labels.values())
    lines.append(
        f"durations: min {durs[0]:.1f}s, median {statistics.median(durs):.1f}s, max {durs[-1]:.1f}s; "
        f"{sum(d > 600 for d in durs)} over 600s, {sum(d < 60 for d in durs)} under 60s"
    )
    doms: dict[str, int] = {}
    for v in labels.values():
        doms[v["domain"]] = doms.get(v["domain"], 0) + 1
    lines.append("domains: " + ", ".join(f"{k} {c}" for k, c in sorted(doms.items())))
    lines.append("")
    lines.append(
        f"{'file':<8} {'level':<7} {'dur':>6} {'wpm':>5}  "
        + " ".join(f"{s[:5]:>6}" for s in SIGNALS)
        + "  anti"
    )
    for name, v in labels.items():
        cells = []
        for sig in SIGNALS:
            at = v["signals"][sig]["first_at_s"]
            cells.append(f"{at:>6.0f}" if at is not None else f"{'-':>6}")
        aps = ",".join(f"{a['code'][:5]}@{a['at_s']:.0f}" for a in v["anti_patterns"])
        lines.append(
            f"{name:<8} {v['level']:<7} {v['duration_s']:>6.0f} {v['wpm']:>5.0f}  "
            + " ".join(cells)
            + f"  {aps}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    result = build()
    print(summarize(result))
