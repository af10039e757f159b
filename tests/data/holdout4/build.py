"""Build the fourth held-out set: spoken PM system-design answers as WebVTT + labels.

Run:  .venv/bin/python tests/data/holdout4/build.py

Every answer is Python data below. Each cue is text plus optional tags
(H hypothesis, C constraint, L lever, M metric_tie, T tradeoff, or
"ap:<code>" for an anti-pattern) and an optional pause before it.
Long answers pull signal-free elaboration from shared pools; every
signal-bearing cue is hand-written.

Times are deterministic (seeded per answer id): speaking rate 130-175 wpm,
cue duration = words / wpm, cues longer than 12 s are split at word
boundaries (a tag stays on the first piece; "H+1" puts it on piece 1 instead, for a
statement whose material part only arrives in that piece, per SIGNALS.md).
"""
from __future__ import annotations

import json
import math
import random
import re
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent
WINDOW_S = 600
SIGNALS = ["hypothesis", "constraint", "lever", "metric_tie", "tradeoff"]
SHORT = {"H": "hypothesis", "C": "constraint", "L": "lever", "M": "metric_tie", "T": "tradeoff"}
AP_CODES = {"tech_without_rationale", "defers_to_engineering", "dismisses_latency",
            "scale_without_business_tie"}


def c(text, *tags, p=None):
    return {"text": text, "tags": set(tags), "pause": p}


def fill(n, pool):
    return ("fill", n, pool)


def until(t, pool):
    return ("until", t, pool)


# --------------------------------------------------------------------------
# Signal-free elaboration pools (no levers, constraints, metric ties,
# trade-offs, hypotheses or anti-patterns in here).
# --------------------------------------------------------------------------
WANDER = [
    "so before I go further let me just make sure I understand the question right",
    "I guess I'm assuming this is for the main mobile app and not the web version",
    "one thing I'd want to ask is how many shows are running at the same time on a normal weeknight",
    "and I remember at my last company we had a similar project, it took forever just to agree on what we were even building",
    "there was this one launch where the whole team stayed up until two in the morning watching the dashboards together",
    "anyway that's a bit of a tangent, sorry",
    "let me walk through what the seller sees first and then what the viewer sees",
    "I think a lot of people underestimate how much of this is social, the chat is like half the show",
    "there are regulars in every show who know the host by name and show up every week",
    "okay so where was I",
    "right, so moving on",
    "I'd also want to know who the stakeholders are, trust and safety, the seller success team, support",
    "because support is going to hear about it first if something goes sideways",
    "and I'd want to read through the support tickets from the last few months to see what people actually complain about",
    "sorry, I'm jumping around a bit here",
    "let me draw it out, in my head at least, as a few boxes",
    "there's the buyer's phone on one side and the seller's phone on the other and then all of our stuff in the middle",
    "and in the middle there's a bunch of services that talk to each other",
    "I'd probably also want a design review with the team before we commit to anything",
    "we'd write up a one pager and share it around with the leads",
    "one more thing I'd think about is onboarding, like the very first time someone sees this screen",
    "and accessibility too, captions on the stream, bigger buttons, that kind of thing",
    "there's also the question of what happens on web versus mobile",
    "and tablets actually, a lot of people watch these shows on an iPad on the couch",
    "my brother in law is really into this, he watches sports card breaks basically every night",
    "and he's told me some of the shows get really intense toward the end",
    "so that's kind of the picture I have in my head",
    "I'd want to run this past the design team too, because the screens really matter here",
    "the next piece is the admin side, like what does our own ops team see",
    "they'd want a view of all the live shows and which ones look unhealthy",
    "and a way to reach the seller directly if something looks off",
    "I think that's another area we could spend a whole interview on",
    "but I'll keep it brief",
    "let me think for a second",
    "okay yeah",
    "and I guess there's the question of international, do we launch everywhere at once",
    "probably not, I'd start with the US and a couple of categories",
    "we'd pick a handful of friendly sellers first, people who will give us honest feedback",
    "and we'd have a group chat with them so we hear what's breaking in real time",
    "that worked really well at my last job, the early adopters were super vocal",
    "I'd also loop in legal early, just so nobody is surprised later",
    "and marketing would want to know when to announce it",
    "I keep coming back to the seller because if sellers don't like it nothing else matters",
    "the sellers I've talked to are pretty blunt about what they want",
    "sorry, give me one second to collect my thoughts",
    "so yeah, that's roughly how I see the flow end to end",
    "I could go deeper on any of these if that's helpful",
    "and there's an edge case I keep thinking about, what happens if the seller's phone just dies",
    "the viewers would see a frozen screen and probably leave",
    "we'd want some kind of message to show up so they know what's going on",
    "and on the seller side a way to get back in quickly",
    "I know that's not exactly the question but it's on my mind",
    "also notifications, people need to know the show is starting",
    "the follow button is kind of the heart of the whole thing",
    "there's a lot of trust involved, people are sending money to strangers",
    "so reviews and seller ratings play into this somewhere",
    "let me restate the prompt so we're on the same page",
    "I'm going to think out loud a little, stop me if I'm going the wrong way",
    "the first time I used the app I didn't understand what was going on, honestly",
    "it took me a couple of shows to figure out how the bidding even worked",
    "and then I got hooked, I bought a graded card the second week",
    "my old manager used to say start with the person, not the boxes",
    "I try to keep that in mind, although I don't always manage it",
    "there's a version of this that's really simple and a version that's really fancy",
    "I'd like to start simple and see what people actually use",
    "I've seen teams build the fancy version first and then nobody used half of it",
    "we had a whole quarter like that once, it was painful",
    "so I'm a bit allergic to building too much up front",
    "the other thing is the seller's setup, some of them have ring lights and three cameras",
    "and some of them are just a phone propped against a box of cards",
    "both of those need to work",
    "I'd also want to know what the biggest show we've ever had looked like",
    "and what went wrong in that show, if anything",
    "there's usually a postmortem somewhere for the worst nights",
    "I'd read those before writing a single line of the spec",
    "and I'd sit in on a few shows as a viewer, just to feel it",
    "maybe even go live myself as a test seller, that would be eye opening",
    "okay let me zoom out for a second",
    "I realize I've been talking a lot about the viewer",
    "the seller side is just as important, maybe more",
    "sellers are the supply, without them there's nothing to watch",
    "and the best sellers have options, they can go to other platforms",
    "so keeping them happy is a big deal",
    "hmm, okay, what else",
    "I think there's a support angle too, like, what does an agent see when a buyer writes in",
    "they'd need the timeline of what happened in the show",
    "that's more of an internal tool, but it matters",
    "and then there's the community side, people make friends in these shows",
    "I've heard of people meeting up at card shows because they met in a stream",
    "which is kind of amazing when you think about it",
    "so anyway, back to the main thing",
    "sorry, I realize that was a long detour",
    "I'd also think about what we say publicly when something breaks",
    "a status message in the app is better than silence",
    "and the seller should hear about it from us before they hear it from their viewers",
    "there are a lot of moving parts here, I'm trying to pick the ones that matter most",
    "if I had to draw the main flow on a whiteboard it would be maybe five boxes",
    "and arrows between them, nothing too exotic",
    "I'd want an engineer and a designer in the room when we sketch it for real",
    "and someone from the seller team who knows the power sellers personally",
    "the power sellers are a small group but they drive a lot of the activity",
    "so their feedback counts for a lot early on",
    "the newer sellers have different problems, mostly just getting their first viewers",
    "I don't want to design only for the top sellers either",
]

DOMAIN_FILL = {
    "live": [
        "so the seller's phone is sending video the whole time, that's the main thing going on",
        "and on top of the video there's the auction card, the current bid, the timer, who's winning",
        "and chat is scrolling on the side with people hyping each other up",
        "when the seller starts an auction everyone sees the card pop up at once",
        "and then there's the moment the timer runs out and the winner gets announced",
        "the host usually says the winner's name out loud, which people really love",
        "some shows run for four or five hours, it's kind of wild",
        "and viewers come and go, a lot of them just pop in for a few minutes",
        "I'd want to know what share of viewers ever place a bid at all, I'd guess it's small",
        "there are moderators in the bigger shows who keep chat under control",
        "the big shows are usually the breakers, opening boxes on camera",
        "a show can go from a few hundred people to many thousands if it gets featured",
        "there's also raids, where one host sends their whole audience to another show",
    ],
    "flash": [
        "so the seller sets a start time, a price, and how many units they have",
        "and the buyers are sitting there waiting with the app open",
        "right at the start time there's a rush, everyone taps at basically the same second",
        "and then within a minute or two it's either sold out or it isn't",
        "some of these are sneakers, some are sealed boxes, some are limited figures",
        "the sellers promote them days ahead on social media",
        "I've seen people set alarms for these, it's a real event for them",
        "after it sells out people post screenshots of their confirmation",
        "and the ones who missed out are pretty loud about it in the comments",
        "the seller then has to pack and ship everything over the next few days",
        "there's also resellers in the mix, which is its own whole topic",
        "I'd want to know how often a sale sells out in the first minute",
    ],
    "reco": [
        "so a viewer is in a show and at some point they get bored or the seller switches categories",
        "and the question is what do we show them next",
        "there's the home feed, there's the rail under the video, there's the end of show screen",
        "a collector usually has a pretty specific thing they chase, a player, a set, a character",
        "some people follow twenty sellers and some follow one",
        "new users are tricky because we don't know anything about them yet",
        "and the catalog is weird because every listing is kind of one of a kind",
        "the seller might only decide what to open five minutes before they open it",
        "I'd want to look at what people watch after they leave a show today",
        "and whether the ones who hop to a second show behave differently",
        "there's also the editorial side, the team that picks featured shows",
        "and sellers care a lot about whether they get recommended, it's their traffic",
    ],
    "watch": [
        "so a watch party is a few friends watching the same show together",
        "one person creates the party and sends a link to their friends",
        "they all land in the same show and there's a small private chat for the group",
        "and maybe they can react together, like a little emoji burst",
        "the host of the party might want to hop between shows and take everyone along",
        "people already do this on Discord, they screen share and talk over it",
        "some groups are like five friends, some are a whole card club",
        "and then there's the question of what happens when someone joins late",
        "they'd want to see what they missed, the last few lots at least",
        "and if somebody in the party wins, the group would want to celebrate it",
        "the seller would probably like to know a group is watching too",
    ],
    "auction": [
        "so an auction starts, there's a starting price and a timer, usually pretty short",
        "people tap to bid and the price goes up each time",
        "a lot of the bidding happens in the last couple of seconds",
        "and when the timer hits zero the highest bidder wins",
        "some sellers do sudden death auctions where the timer doesn't reset",
        "others extend the timer a little when a new bid comes in",
        "there's also custom bids where you type a number instead of tapping",
        "the winner then has to pay, usually with a saved card",
        "I've watched shows where two people go back and forth for twenty bids",
        "and the chat goes crazy when a big lot sells",
        "a first time bidder usually doesn't know the rules at all",
        "and there's the whole question of what happens when someone wins and doesn't pay",
    ],
    "checkout": [
        "so the buyer taps buy, confirms, and the order gets created",
        "in a live show that might happen in the middle of the host talking about the next item",
        "the buyer has a saved card and a saved address most of the time",
        "first time buyers have to type everything in, which is painful on a phone",
        "then there's tax and shipping which depend on where you live",
        "and the confirmation screen shows up with the order details",
        "the seller sees the order come in on their side",
        "some buyers buy five or six things in one show",
        "and at the end they get a summary of everything they bought",
        "returns are rare but they happen",
        "I'd want to look at exactly which screen people drop off on today",
    ],
    "ship": [
        "so after a show the seller has a pile of orders to pack",
        "they print labels, pack boxes, and drop them at the post office or schedule a pickup",
        "buyers want a tracking number as soon as possible",
        "a lot of sellers do this out of their garage or a small storefront",
        "cards are small and light but graded slabs need padding",
        "international shipping is its own headache with customs forms",
        "and if a package gets lost the buyer opens a ticket with us",
    ],
    "pay": [
        "so the buyer pays, the money sits with us for a bit, and then the seller gets paid out",
        "sellers see their balance in a dashboard and can withdraw to their bank",
        "buyers mostly use saved cards, some use wallets on their phone",
        "refunds and disputes come through support",
        "new sellers always ask when they're going to get their money",
        "some sellers are small shops that need the cash to buy more inventory",
    ],
    "drop": [
        "so the seller picks a date and time for the drop and lists what's going to be in it",
        "followers get a reminder, and the seller promotes it on their socials",
        "at the scheduled time the show opens and the lots go live",
        "some sellers schedule weeks ahead, others the same afternoon",
        "and sometimes a seller has to move the time because something came up",
        "the big drops are usually product releases, like a new set coming out",
    ],
}


# --------------------------------------------------------------------------
# Answers
# coaches: ana (raw lowercase, no punctuation, numbers in words),
#          ben (clean punctuation, digits), carla (verbatim fillers),
#          dev (no punctuation, keeps case, digits)
# --------------------------------------------------------------------------
ANSWERS = []


def ans(aid, coach, domain, pool, notes, items):
    ANSWERS.append({"id": aid, "coach": coach, "domain": domain, "pool": pool,
                    "notes": notes, "items": items})


ans("q01", "ana", "live_stream_orchestration", "live", "strong, concise; all five signals", [
    c("okay so the way I'd frame this, the user is a collector watching a live auction on their phone,"
      " and their problem is the video and the bid state drift apart", "H+1"),
    c("so they bid on something that already sold or they see the hammer fall two seconds after everyone else"),
    c("my bet is if we keep the bid state in sync for every viewer we get more bids per viewer and fewer disputes"),
    c("the hard line I'd draw is one hundred thousand concurrent viewers in the biggest rooms and under two hundred"
      " milliseconds from a bid to every screen, that's the requirement we don't cross", "C+1", p=1.1),
    c("to get there I'd split the two pipes, video goes out through the streaming edge like today, but auction events"
      " go over a separate websocket fan out", "L"),
    c("each room gets its own pub sub topic, edge nodes hold the socket connections, so one bid gets published once"
      " and each edge pushes it to its own viewers"),
    c("and the reason that matters, in the bid sync test last year every hundred milliseconds of overlay lag cost us"
      " about three percent of final second bids, so the fan out design is really about protecting bids per show", "M+1"),
    c("the cost is we now have two pipes that can disagree, the picture can be a second behind the bid card,"
      " and I'm fine with that because the bid is where the money is, not the picture", "T", p=0.9),
    c("so first I'd ship the edge fan out for the top hundred sellers, watch bids per viewer, then roll it out"),
])

ans("q02", "ben", "flash_sale_inventory", "flash", "strong; can't-oversell constraint, hold-and-release tied to sell-through", [
    c("Let me start with who's hurting. In a flash sale a seller lists, say, 500 sealed booster boxes,"),
    c("and 20,000 people hit buy in the first 10 seconds."),
    c("The buyer's problem is they get a confirmation and then an apology email an hour later because we oversold.", "H"),
    c("My hypothesis: if 'you got it' is always real, repeat purchase from flash-sale buyers goes up, because trust is the product here."),
    c("Hard constraint number one: we cannot oversell. Not 'try not to'. Cannot.", "C", p=0.8),
    c("Seller trust and, frankly, chargebacks depend on it."),
    c("Second, the reservation has to come back in under 150 milliseconds, or people just mash the button."),
    c("So, the design. Inventory for a hot listing lives in a single in-memory counter per SKU, and every reservation"
      " decrements it atomically.", "L"),
    c("Requests go through a queue in front of that counter, so we're not hammering the database with 20,000 writes."),
    c("Payment happens asynchronously after the reservation. You hold a unit for 5 minutes, and if checkout doesn't"
      " complete, it goes back into the pool."),
    c("That hold-and-release piece is what I'd tie to sell-through. In our last big drop about 8% of held units were"
      " abandoned, and releasing them after 5 minutes instead of 30 should lift sell-through on sold-out drops by roughly that much.", "M"),
    c("The trade-off I'm choosing is consistency over availability on that counter.", "T", p=1.2),
    c("If the counter's node is down, the sale pauses. I'd rather pause for 30 seconds than oversell 2,000 units."),
    c("The follow-up I'd expect is what happens if that node dies mid-sale, and my answer is a synchronous standby,"
      " which costs a few milliseconds per reservation."),
])

ans("q03", "carla", "collectible_recommendations", "reco",
    "medium; 'we should think about users' is not the hypothesis (real one follows); 'metrics matter' is a hard negative; no constraint, no trade-off", [
    c("Um, okay. So, recommendations during a stream. Uh, so I think, um, the first thing is, like, we should think about the users, right?"),
    c("So, um, who is it... I'd say it's, uh, a viewer who's in, like, a sports card stream, and they came for one player,"),
    c("and the seller moves on to, um, something they don't care about, and they just, uh, leave.", "H"),
    c("So the bet is, uh, if we show them, like, a related stream or an upcoming lot they'd care about right there, they stay instead of closing the app."),
    c("Um, for the system, uh, I'd precompute, like, candidate lists for each viewer every few minutes, based on what they watched"
      " and bid on, and store them so the stream page just reads it.", "L", p=1.4),
    c("And then, uh, when the lot changes we, um, rerank just that small list, which is cheap."),
    c("And, uh, this can scale to, like, millions of users, no problem, because it's all, um, precomputed.", "ap:scale_without_business_tie"),
    c("Metrics, um, obviously metrics matter a lot here, so we'd, uh, track a bunch of stuff. Like, I'd want a dashboard."),
    c("Um, yeah, and the model itself, uh, that's more of a data science question, I'd have to see what data we have."),
    c("So, yeah, that's, um, that's roughly the shape of it."),
])

ans("q04", "dev", "watch_party", "watch",
    "weak; retail buyer; hypothesis present; 'should be fast' and 'caching is good' are hard negatives; defers to engineering", [
    c("so I come from retail buying, I ran the trading card category at a big box chain for six years"),
    c("and what I saw in stores is people buy more when they're with their friends, like the Friday night pack openings"),
    c("so the problem I'd go after is collectors who watch streams alone and lose interest, and my bet is if they can watch"
      " together with friends they stay longer and buy more", "H"),
    c("the watch party would let you invite friends, you'd all see the same stream and there's a little group chat on the side"),
    c("it should be fast obviously, nobody wants it to lag", p=0.6),
    c("and caching is good, I know that much, so we'd want some of that"),
    c("honestly the backend part I would leave to the engineers, they know way better than me how to build the servers for this",
      "ap:defers_to_engineering"),
    c("what I'd focus on is the invite flow and making sure the seller can see that a group is watching"),
    c("maybe give the group a shared discount, like a party pack price"),
    c("I think that would be really fun for collectors"),
])

ans("q05", "ben", "auction_bidding", "auction",
    "deep tech; brand list with no reason; sharding by auction ID; never-reverse-a-winner constraint; owned failover pause; no hypothesis, no metric tie", [
    c("Okay, auction bidding. I'll start with the architecture, because that's where I'm most comfortable."),
    c("We'll use Kafka for the bid stream and Cassandra for the bid history.", "ap:tech_without_rationale"),
    c("Clients connect over WebSockets to a gateway tier. The gateway is stateless, so we just add boxes."),
    c("Each auction is owned by exactly one bid processor at a time. We shard auctions by auction ID across processors,"
      " so one auction's bids are applied in order on one node.", "L"),
    c("That gives us a total order per auction without distributed locks."),
    c("The rule I won't bend on: an accepted bid counts, and we can never show someone as the winner and then reverse it.", "C", p=1.0),
    c("The 'sold' call at zero has to reflect every bid that arrived before the timer hit zero. That's a hard requirement."),
    c("The timer itself is server-authoritative. Clients only render a countdown; the processor decides when it's over."),
    c("This architecture can easily handle a million bids per second.", "ap:scale_without_business_tie"),
    c("On the trade-off: keeping each auction on a single processor means if that node fails, the auction freezes for a couple"
      " of seconds while another node takes the shard.", "T", p=0.7),
    c("I'll accept that pause, because a frozen timer is recoverable and a wrong winner isn't."),
    c("We'd extend the timer by the freeze so nobody loses a last-second bid."),
    c("Bid history gets written asynchronously, off the hot path."),
    c("And, yeah, I think that covers the core."),
])

ans("q06", "dev", "seller_drop_scheduling", "drop",
    "ops manager; 30-day MVP constraint; staging/precompute tied to show-up rate; no trade-off", [
    c("Sure. So my background is operations, I ran warehouse ops for a regional grocer, so I think about schedules a lot"),
    c("The people with the problem here are mid-sized sellers. They plan a drop for Thursday at 7 PM, hype it on Instagram,"
      " and when the time comes"),
    c("the listings aren't ready or the show opens with half the lots missing, and their followers show up to nothing", "H"),
    c("so the bet is that reliable scheduled drops turn that hype into actual attendance"),
    c("The constraint I'd give myself is a 30 day MVP with one engineering pod, so whatever I design has to ship in a month", "C", p=1.3),
    c("So when a seller schedules a drop we validate and stage every listing ahead of time, um, we precompute the lot order"
      " and process the images, so at 7 PM it's just flipping a switch", "L"),
    c("and the go-live itself runs through a job queue with retries so one bad listing doesn't kill the whole drop"),
    c("The metric I'd hang this staging on is show-up rate, the share of people who get the reminder and join in the first five minutes", "M"),
    c("staging everything ahead means the show opens full, and I'd expect that to move show-up from about 22 percent to 30"),
    c("We'd also send the reminder push 15 minutes before and again at go time"),
    c("And that's my MVP"),
])

ans("q07", "ben", "checkout_latency", "checkout",
    "sales background; 'We'll use Redis' is a bare brand (AP, not a lever); real lever (prefetch) comes later; 120 ms budget; owned trade-off", [
    c("I spent eight years in enterprise sales, so forgive me if I'm not super technical."),
    c("What I know from sales is that every extra step loses deals."),
    c("On Whatnot, the buyer who wins a lot or taps buy in a live show is in a hype moment, and if checkout hangs, that moment passes.", "H"),
    c("So my hypothesis is that impulse buyers in live shows abandon when checkout drags, and a faster checkout wins those sales back."),
    c("The budget I'd hold the team to is 120 milliseconds for the buy path, end to end on our side. That's the non-negotiable number.", "C"),
    c("We'll use Redis.", "ap:tech_without_rationale", p=1.6),
    c("Um, and a load balancer, that's pretty standard."),
    c("Okay, let me back up and be more specific. What's slow in checkout today? Usually it's looking up the saved card,"
      " the address, and calculating shipping.", p=2.1),
    c("So what I'd actually do is prefetch all of that the moment someone joins a show.", "L"),
    c("Their card token, address and a shipping quote get loaded ahead of time, so when they tap buy we're not calling three services."),
    c("And tax can be calculated asynchronously after we confirm, since it doesn't change whether you won."),
    c("Tying it to money: if prefetching takes the buy path from around 400 milliseconds to 120, I'd expect fewer abandoned wins."
      " About 4% of won lots don't convert today, and I'd target cutting that in half.", "M+1"),
    c("The cost is we're prefetching for a lot of viewers who never buy, maybe 90% of them.", "T"),
    c("That's wasted compute, and I'm okay with it, because a lost sale costs way more than a few extra lookups."),
])

ans("q08", "carla", "shipping_fulfilment", "ship",
    "medium; carrier rate limit as a hard ceiling; batching labels through a queue; owned delay; no metric tie", [
    c("Uh, so shipping. Um, so the, the pain point I hear most from sellers is, like, after a big show they have, uh, three hundred orders", "H"),
    c("and they print labels one by one, and buyers are, um, waiting days for a tracking number."),
    c("So my hypothesis is, uh, sellers who do big shows are, like, bottlenecked on fulfilment, and if we fix that they'll run more shows."),
    c("Um, the hard constraint, uh, is the carrier APIs have rate limits, and, um, if we go over them we get cut off for the day."
      " So that's a ceiling we design around.", "C", p=0.9),
    c("So what I'd do is, um, batch the label requests. When the show ends we, uh, put all the orders in a queue,", "L"),
    c("and a worker pulls them and calls the carrier at, like, the allowed rate."),
    c("And, uh, the seller gets one PDF with all the labels instead of, you know, clicking three hundred times."),
    c("The downside is, um, the labels aren't instant. For a big show it might take, uh, ten, fifteen minutes to get them all.", "T"),
    c("I think that's fine, because the seller isn't shipping at midnight anyway."),
    c("Um, and then we, uh, push tracking numbers to the buyers as each label comes back."),
    c("Yeah, I think that's, um, that's my approach."),
])

ans("q09", "dev", "payments", "pay",
    "strong; KYC/PCI compliance; async payout pipeline tied to second-show rate; owned fraud exposure", [
    c("For payments I want to focus on seller payouts because that's where the pain is"),
    c("New sellers wait up to a week to get paid and a lot of them are small card shops on thin cash, so the bet is faster"
      " payouts keep new sellers doing a second and third show", "H"),
    c("There's a hard constraint here which is compliance. We have to run KYC and sanctions screening before money goes out", "C"),
    c("and card data can never touch our own servers, it stays with the processor for PCI"),
    c("So the order completes, we write a payout event to a durable queue, and a payout worker picks it up and runs the risk"
      " checks asynchronously", "L", p=1.0),
    c("Sellers with a clean history get the instant path, new ones go through the longer hold"),
    c("The metric I'd tie this to is second show rate for new sellers. Moving payouts from seven days to two with the async"
      " risk pipeline, I'd expect second show rate up maybe 10 percent", "M"),
    c("we saw something similar when we shortened holds for a pilot group"),
    c("The trade-off is fraud exposure. Paying out faster means some fraud leaves before a chargeback lands", "T"),
    c("and I'd accept a small rise in loss rate, capped at 0.1 percent of GMV, to get that seller retention"),
    c("If the loss rate goes past the cap we tighten the clean history rule automatically"),
])

ans("q10", "ana", "live_stream_orchestration", "live",
    "very short, weak; brand list, scale claim, defers; no signals", [
    c("ok so for the live stream thing I'd just do microservices"),
    c("we'd use kubernetes and kafka and a CDN and then we're good", "ap:tech_without_rationale"),
    c("and it'll scale to like a million viewers no problem", "ap:scale_without_business_tie"),
    c("yeah that's basically it, I think the engineers would fill in the rest", "ap:defers_to_engineering", p=1.8),
])

ans("q11", "ben", "auction_bidding", "auction",
    "very short, strong; four signals in 30 s; no trade-off", [
    c("Quick version. Collectors lose auctions they should've won because their bid lands late on a slow connection;", "H"),
    c("my bet is fair bid timing raises bids per auction."),
    c("Hard constraint: a bid must be acknowledged within 200 milliseconds at p99.", "C"),
    c("Lever: regional bid intake at the edge that timestamps each bid on arrival, then forwards it over a queue to the auction owner.", "L"),
    c("Edge timestamping should cut late-bid disputes, which hit about 2% of auctions, and I'd expect bids per auction up around"
      " 5% once people trust the clock.", "M"),
])

ans("q12", "carla", "live_stream_orchestration", "live",
    "long, wandering merchandiser; hypothesis early, lever ~3 min, constraint and metric tie only after 10 min; no trade-off", [
    c("Um, okay, so, live-stream event orchestration. Uh, let me, um, let me think about this for a second."),
    c("So, uh, I used to be a, um, a merchandising manager, so, like, I think about the shopper first."),
    c("And the, uh, the shopper here is, like, someone in a huge show, tens of thousands of people, and, um, the problem is they,"
      " uh, see the auction start late, or the item's already gone by the time it shows up for them,", "H+1"),
    c("so they feel like they never had a shot."),
    c("So my bet is, um, if the show feels, like, live for everybody at the same moment, more people, uh, actually bid instead of just watching."),
    until(190, "live"),
    c("Okay so, um, for the, uh, the system part, I'd separate the video from the, like, the auction events.", "L", p=2.0),
    c("The video goes out the normal streaming path, and the auction events go through a, um, a separate publish-subscribe"
      " channel per show that fans out to, uh, connection servers near the viewers."),
    c("So, um, one bid comes in, it's published once, and, like, every connection server pushes it to its own viewers."),
    until(430, "live"),
    c("And, uh, we could scale this to, um, millions of viewers, honestly.", "ap:scale_without_business_tie"),
    until(615, "live"),
    c("Oh, um, I should've said this way earlier. Uh, the hard requirement I'd set is, like, a hundred thousand concurrent viewers"
      " in one show and, um, under two hundred milliseconds from a bid to every screen.", "C+1", p=3.5),
    c("That's, uh, that's the bar, we don't launch without it."),
    fill(4, "live"),
    c("And, um, why it matters for the business, uh, when the bid card is late people stop bidding in the last few seconds."),
    c("Um, in the shows we looked at, like, lagging overlays had about, uh, seven percent fewer final-second bids,"),
    c("so, um, the separate fan-out channel is really, like, protecting the hammer price.", "M"),
    fill(3, "live"),
    c("Um, yeah, I think that's, uh, that's where I'd land."),
])

ans("q13", "ana", "flash_sale_inventory", "flash",
    "long; opens with 'we should think about users' (not a hypothesis); constraint and lever early; real hypothesis, metric tie, trade-off after 10 min", [
    c("ok so flash sales, I think first we should think about users, users are really important here"),
    c("so a flash sale is basically a seller putting up a limited number of items at a set price for a short window"),
    c("the one thing that's a hard constraint for me is we can never oversell, if there are two hundred units we sell two hundred"
      " and not one more, that's non negotiable", "C"),
    c("the way I'd get there is each sku gets a counter in memory on one node and every purchase does an atomic decrement", "L"),
    c("and then the order itself gets written to the database asynchronously from a queue behind that counter"),
    until(605, "flash"),
    c("ok actually stepping back, who am I building this for, it's the collector who's refreshing at eight pm for a limited drop", p=4.2),
    c("and keeps getting a spinner and then a sold out page even though they tapped first", "H"),
    c("my bet is that if the first tap actually wins those collectors trust drops enough to come back for the next one"),
    fill(3, "flash"),
    c("and the counter design is what I'd tie to repeat drop attendance, in the last big drop about fifteen percent of buyers who"
      " hit an error never came to another drop", "M"),
    c("so making the atomic counter the source of truth should cut those errors and I'd expect repeat attendance up a few points"),
    c("the cost is one node per sku is a single point of failure, if it goes down that drop pauses", "T"),
    c("I'm fine with that, a thirty second pause is better than selling units we don't have"),
    fill(3, "flash"),
    c("so that's how I'd do it"),
])

ans("q14", "dev", "collectible_recommendations", "reco",
    "long, deep tech; brand list first; offline embeddings + ANN; scale claim; trade-off ~7 min; metric tie after 10 min; no hypothesis, no constraint", [
    c("so for recommendations during a stream I'll go straight to the pipeline"),
    c("we'll use Flink and a feature store and a vector database", "ap:tech_without_rationale"),
    c("events come in from the player, watch time, bids, chat, and land in the event stream"),
    c("we compute embeddings for every listing offline in a nightly batch, and at request time we do an approximate nearest"
      " neighbor lookup against the viewer's recent embedding, so the expensive part is precomputed", "L", p=0.8),
    until(300, "reco"),
    c("this will scale to billions of events a day no problem", "ap:scale_without_business_tie"),
    until(400, "reco"),
    c("the trade-off I'm making is the nightly batch means a listing added mid-show has no embedding yet, so it won't get"
      " recommended until tomorrow", "T", p=1.5),
    c("I'm okay with that since most of the catalog is stable, and we fall back to category popularity for new items"),
    until(620, "reco"),
    c("to tie it to something, the nightly embeddings plus the fallback are about click-through on the up next rail", "M"),
    c("in the offline replay ANN candidates got about 2x the click-through of category popularity, and I'd want that to show up"
      " as roughly 3 percent more bids per viewer session"),
    fill(2, "reco"),
    c("that's the design"),
])

ans("q15", "ben", "watch_party", "watch",
    "long; retail buyer; hypothesis early; defers to engineers; a real lever only after 10 min; no constraint, metric tie or trade-off", [
    c("I'll be upfront: I'm coming from retail. I was a buyer for a hobby chain, so bear with me on the tech."),
    c("The problem I see is that collecting is social, but watching a stream is lonely.", "H"),
    c("Collectors who used to go to card shops with friends now watch alone, and I think they drop off because of it."),
    c("My bet is that watch parties bring that shop feeling back and keep them coming back every week."),
    until(140, "watch"),
    c("As for how the servers work, honestly, I'd leave that to the engineers. They'll know what to pick.", "ap:defers_to_engineering"),
    until(630, "watch"),
    c("Okay, one thing I do want to say about the backend.", p=2.4),
    c("Since a party is just a small group, we keep each party's state on one server and send party chat only to those few"
      " people, instead of mixing it into the main chat with fifty thousand people.", "L"),
    c("That keeps it light."),
    fill(3, "watch"),
    c("That's what I've got."),
])

ans("q16", "carla", "auction_bidding", "auction",
    "long, strong but thorough; H/C/L/M in first 6 min; trade-off only after 10 min", [
    c("Um, so, the bidder's problem. Uh, in a fast auction, like a, um, fifteen-second one, collectors on, uh, mobile data"),
    c("lose to people on wifi even though they tapped first, and they, uh, feel cheated and stop bidding.", "H"),
    c("The bet is, um, if the fastest thumb wins instead of the fastest connection, those bidders bid more."),
    c("Hard constraint, um: every bid gets acknowledged in, uh, under 250 milliseconds, and we, like, can never declare two winners.", "C"),
    c("That's, uh, that's not negotiable."),
    until(150, "auction"),
    c("So, um, the lever. Uh, bids get timestamped at the edge, like, at the regional entry point,", "L"),
    c("and then they go into a, um, an ordered queue per auction, and one, uh, owner process applies them in timestamp order."),
    until(330, "auction"),
    c("Um, and the reason I'd do edge timestamps, uh, is bids per auction.", "M", p=1.2),
    c("Uh, about 9 percent of auctions get a late-bid complaint, and, um, if even half of those people keep bidding,"
      " that's, uh, roughly a 3 percent lift in average hammer price."),
    until(640, "auction"),
    c("Um, the trade-off, and I'd own this one: uh, waiting for the edge timestamps means we close each auction,"
      " like, 100 milliseconds later than we could.", "T", p=2.8),
    c("I'm fine with that, because a, um, a fair close is worth more than a fast one."),
    fill(2, "auction"),
    c("Um, okay, I'll stop there."),
])

ans("q17", "dev", "checkout_latency", "checkout",
    "long; dismisses latency up front, corrects after 10 min with the 120 ms budget; async order queue; metric tie and trade-off late; no hypothesis", [
    c("so for checkout my view is latency isn't really the concern, we'll focus on throughput and getting as many orders through as possible",
      "ap:dismisses_latency"),
    c("checkout in a live show is you tap buy, you confirm, and the order goes to the seller"),
    until(240, "checkout"),
    c("the way I'd handle volume is to take the order write off the critical path", "L", p=1.0),
    c("we accept the order into a queue, return a confirmation, and a worker does the inventory and payment steps asynchronously"),
    until(610, "checkout"),
    c("actually I want to correct what I said at the start, latency is a real constraint here, the tap to confirmed path has a"
      " 120 ms budget and we design inside that", "C+1", p=3.1),
    c("and the async queue is what gets us there, if confirm comes back in 120 ms instead of the 350 we have now I'd expect"
      " buy button conversion up around 2 percent, that's the number from the last latency experiment", "M+1"),
    c("the trade-off is with async we sometimes confirm an order that later fails payment, maybe half a percent, and we send a sorry email", "T"),
    c("I'll take that, it's cheaper than losing the 2 percent"),
    fill(2, "checkout"),
    c("ok that's it"),
])

ans("q18", "ben", "seller_drop_scheduling", "drop",
    "hard negatives throughout ('no hypothesis yet', latency described, 'caching is good', 'measure later', 'always trade-offs'); only the lever is real", [
    c("So, I don't have a hypothesis yet, honestly. I'd want to talk to sellers first."),
    c("Latency today is about 200 milliseconds on the scheduling page, from what I've seen."),
    c("For the system: we store each scheduled drop, and a scheduler wakes up a few minutes before go-time and pre-warms everything.", "L", p=0.9),
    c("It loads the lots, creates the show room, and sends the follower notifications in batches rather than one at a time."),
    c("Caching is good too, so we'd have that."),
    c("We'll measure later how well it works."),
    c("Which database? I'd let the engineering team make that call. They'll know better.", "ap:defers_to_engineering"),
    c("There are always trade-offs in these things, right, so we'd have to balance them."),
    c("But I think sellers would like being able to schedule ahead."),
    c("A lot of them run the same show every week, same night, same time, so a recurring schedule would be nice."),
    c("And if a seller has to cancel, the followers should hear about it before they show up, not after."),
    c("I'd probably start with the sellers who already go live at least three times a week."),
])

ans("q19", "carla", "payments", "pay",
    "medium; PSD2/SCA regulation as the hard rule; owned drop-off trade-off; no architectural lever ('add a bank pop-up' is a feature); 'we'd track how it goes' is not a metric tie", [
    c("Um, so payments. Uh, the thing I'd look at is, um, international buyers."),
    c("Buyers in Europe get their cards, like, declined because of, uh, strong customer authentication, and they just give up,", "H"),
    c("so the bet is, um, handling that flow properly wins back, like, European buyers who want US cards and stuff."),
    c("And, um, it's regulation, PSD2 in Europe requires strong customer authentication, so we can't skip it, it's a hard rule.", "C"),
    c("So we'd add, um, the authentication step in checkout, uh, with the pop-up from the bank."),
    c("The trade-off is, um, it's an extra step, so some people will drop off,", "T", p=0.7),
    c("uh, but I'd rather take that drop than have, like, every European card declined, because zero is worse."),
    c("And, um, we'd track how it goes."),
    c("Yeah."),
])

ans("q20", "dev", "shipping_fulfilment", "ship",
    "ops manager; 2-business-day ship policy as hard limit; bundling window + scheduled batch tied to second-win rate; no trade-off", [
    c("so I ran ops at a 3PL before this, so shipping is home turf for me"),
    c("buyers who win several lots from the same seller across a weekend get five separate packages and pay shipping five times", "H"),
    c("so they stop bidding after the first win, my bet is combined shipping keeps them bidding"),
    c("the hard constraint is the seller ships within 2 business days, that's our policy and it's in the buyer protection promise,"
      " so any combining can't hold an order longer than that", "C"),
    c("so we hold orders in a bundling window per buyer per seller and a scheduled job batches them into one shipment at the cutoff", "L", p=1.1),
    c("the seller gets one pick list per buyer instead of five"),
    c("I'd tie the bundling window to the second win rate, when shipping is paid once buyers keep bidding, I'd guess second win"
      " rate per show goes from like 30 percent to 38", "M"),
    c("and the packing side gets easier for the seller too, fewer boxes"),
    c("at the 3PL we did the same thing for subscription boxes and the pick and pack team loved it"),
    c("the buyer would see a little note on the order saying it will ship together with their other wins"),
    c("and if they want it sooner they can tap ship now and pay the separate shipping"),
])

ans("q21", "ana", "live_stream_orchestration", "live",
    "deep tech; chunked low-latency delivery; scale claim; 'measure engagement later' weak first, real metric tie later; owned CDN cost; no hypothesis", [
    c("so the ingest is rtmp from the seller's phone into our media servers and then we transcode into a few renditions"),
    c("then we push segments to the edge using chunked transfer so the player can start playing a segment before it's fully written", "L"),
    c("we can scale this to five hundred thousand viewers easily", "ap:scale_without_business_tie"),
    c("for the bid overlay events two hundred milliseconds end to end is a hard requirement, that's the number I'd hold to", "C", p=0.9),
    c("we'd measure engagement later once it's out"),
    c("the trade-off is chunked delivery means smaller pieces which means more requests to the edge and a bigger bill,"
      " maybe thirty percent more egress, and I'd pay that", "T"),
    c("actually let me tie that back, the overlay fan out staying under two hundred milliseconds is what keeps last second bids"
      " valid", "M", p=2.2),
    c("and in shows where the overlay lagged we saw about six percent fewer bids in the final five seconds, so that's the metric I'd move"),
])

ans("q22", "ben", "flash_sale_inventory", "flash",
    "weak; sales background; hypothesis and can't-oversell present; brand names and deferral instead of a lever; 'GMV up' is a goal without a mechanism", [
    c("I come from sales, so I'll start with the customer."),
    c("Our collectors, especially the ones chasing limited sneaker drops, get burned when they're told they won and then the order gets cancelled.", "H"),
    c("The bet is no cancellations means they come back for the next drop."),
    c("And we absolutely cannot oversell. That's the one rule.", "C"),
    c("We'll use Kafka and Redis.", "ap:tech_without_rationale", p=1.3),
    c("How exactly it gets wired up, I'd trust engineering to figure that out.", "ap:defers_to_engineering"),
    c("It should be fast, because people are excited."),
    c("And we'd want GMV to go up."),
])

ans("q23", "carla", "collectible_recommendations", "reco",
    "concise, strong; 50 ms render budget; precomputed ranked list tied to session bids; owned staleness", [
    c("Um, okay, so, the problem: a viewer finishes a, uh, a Pokémon stream, and the next thing they see is, like, random, so they leave.", "H"),
    c("The bet is a good next-stream suggestion right at the end of a show keeps them watching and bidding."),
    c("The constraint, um, is the suggestion has to render in under 50 milliseconds, uh, because it's drawn over the video"
      " right as the show ends and we can't block the player.", "C"),
    c("So we precompute, um, a ranked list of, like, twenty candidate streams per viewer every five minutes, and the client just, uh, pulls from that.", "L"),
    c("That precomputed list is, um, what I'd tie to session bids. If even, like, 10 percent more viewers hop to a second show,"
      " that's roughly, uh, a 4 percent lift in bids per session by our funnel math.", "M", p=0.8),
    c("The cost is freshness. Um, the list can be five minutes stale, so a stream that just started won't show up.", "T"),
    c("I'm okay with that, because, uh, a fast decent suggestion beats a slow perfect one."),
])

ans("q24", "dev", "watch_party", "watch",
    "medium; session state + sticky routing + separate party fan-out tied to watch time; no constraint, no trade-off", [
    c("the user is a group of friends who collect together, today they're on a Discord call screen sharing a stream,", "H"),
    c("it's laggy and they can't bid from it, the bet is native watch parties bring those groups onto the platform where they can actually buy"),
    c("backend wise a party is a session object in a shared store with sticky routing so all members land on the same chat server", "L", p=1.0),
    c("and we fan out party chat separately from the big show chat"),
    c("I'd tie the separate party fan out to party watch time, parties that stay together in the pilot watched about twice as"
      " long, so I'd target plus 20 percent watch time for party members", "M"),
    c("we'd also let the party host pick the show and everyone follows"),
    c("and a little banner when a friend wins something"),
    c("one open question for me is whether the party chat is visible to the seller or private, I lean private"),
    c("and what happens when the party host leaves, I think the next person who joined becomes host"),
    c("and we'd need a way to report someone in a party, trust and safety will ask about that"),
])

ans("q25", "ana", "auction_bidding", "auction",
    "medium-strong; 300 ms close requirement; per-auction sequencing tied to refunds; 'trade-offs everywhere' is a hard negative", [
    c("so the sellers running fast auctions like ten second ones lose money when bids come in late and the item sells for less", "H"),
    c("bet being if every bid in the window counts average hammer price goes up"),
    c("the hard rule is fairness, the bid that arrives before zero wins and we have to close within three hundred milliseconds of"
      " zero, that's a requirement", "C"),
    c("so bids are sequenced per auction on one owner node and we replicate the bid log to a standby asynchronously", "L", p=0.8),
    c("tie it back, sequencing on one node removes the double winner bug which hit around one percent of auctions last quarter"
      " and every one of those is a refund, so it saves about that much gmv in refunds", "M+1"),
    c("there's trade-offs everywhere obviously"),
    c("so yeah we'd balance all that"),
])

ans("q26", "ben", "checkout_latency", "checkout",
    "bare feature + 'measure later' first; proper hypothesis and metric tie later; 120 ms budget; CVV-skip trade-off; no architectural lever", [
    c("The feature is a one-tap buy button in the live show."),
    c("We'll measure the impact later, once it ships."),
    c("Actually, let me say who it's for.", p=1.9),
    c("Repeat buyers who've bought from this seller before lose the lot because they're typing a CVV while the next lot starts.", "H"),
    c("My bet is one tap for returning buyers raises their win-to-paid conversion."),
    c("And the budget is 120 milliseconds for the tap-to-confirmed path. Above that we're back in the same problem.", "C"),
    c("We'd add Apple Pay and Google Pay as options too."),
    c("So, the metric: if we skip the CVV step for returning buyers, I'd expect win-to-paid to go from 91 to 95 percent,", "M"),
    c("based on how many drop-offs happen at exactly that screen."),
    c("The trade-off is fraud. Skipping CVV gives up a check.", "T"),
    c("I'd only do it for buyers with three or more clean orders, and I'm fine with a slightly higher chargeback rate for that group."),
])

ans("q27", "carla", "seller_drop_scheduling", "drop",
    "very short; one lever; dismisses latency", [
    c("Um, so drop scheduling. Uh, the seller picks a time."),
    c("And then, um, a scheduled job runs a few minutes before and, like, pre-loads all the listings into the show, so it's ready at go time.", "L"),
    c("And latency, um, I wouldn't worry about latency at all here, like, people will wait.", "ap:dismisses_latency"),
    c("Yeah, that's it."),
])

ans("q28", "dev", "shipping_fulfilment", "ship",
    "deep tech; brand with no reason; carrier rate limit; token bucket + queue sharded by account; owned delay; scale claim; no hypothesis, no metric tie", [
    c("We'll run it on Postgres with Debezium", "ap:tech_without_rationale"),
    c("The carrier gives us a hard limit of 10 label requests per second per account, that's a ceiling we can't exceed or they block us", "C"),
    c("So label creation goes through a token bucket rate limiter in front of a work queue, and workers pull at exactly the allowed rate", "L", p=0.7),
    c("we shard the queue by carrier account so one big seller can't starve everyone else"),
    c("the trade-off is a big seller's labels come out slower at peak, maybe 20 minutes for a 2,000 order show, and I'm accepting that"
      " to keep small sellers' labels instant", "T"),
    c("we can handle 50,000 labels an hour with this", "ap:scale_without_business_tie"),
    c("and tracking updates come back through the same workers"),
])

ans("q29", "ana", "payments", "pay",
    "strong; PCI + idempotency; auth-once/batched capture tied to paid rate; owned late failure", [
    c("the buyer problem is in a live show you win three lots in two minutes and we charge your card three times,", "H"),
    c("your bank flags it as fraud and declines the third, so you lose a lot you won"),
    c("the bet is fewer declines means more won lots actually get paid"),
    c("constraint wise we're pci bound so raw card numbers never touch our services, and every charge has to be idempotent,"
      " a buyer can never be charged twice for one lot, that's non negotiable", "C", p=1.0),
    c("so instead of charging per lot we authorize once on the first win and then batch the captures for the whole show into one"
      " charge at the end, and the capture runs from a queue", "L"),
    c("that batching is the lever for paid rate, roughly six percent of multi lot buyers see a decline on the third charge today", "M"),
    c("and collapsing to one capture should get most of that back, which is about two percent of show gmv"),
    c("the cost is the seller waits until the show ends to see the money confirmed, and if the card fails at capture we find out late", "T"),
    c("I'm fine with that because the authorization already reserved the funds"),
])

ans("q30", "ben", "live_stream_orchestration", "live",
    "retail buyer; hypothesis + 100k/200 ms requirement; 'put it on a CDN' bare, 'caching is good' hard negative; no lever, metric tie, trade-off", [
    c("I was a buyer at a department store for ten years, mostly toys and collectibles."),
    c("The shopper problem I'd solve: in a big show with 100,000 people watching, the people at the back of the line,"
      " so to speak, see the item after it's already sold, and they feel cheated.", "H+1"),
    c("The bet is that if everyone sees the same moment, more of them bid."),
    c("So the requirement I'd set is 100,000 concurrent viewers and under 200 milliseconds from the seller's action to everyone's screen."
      " I'd hold the team to that.", "C", p=1.2),
    c("We'd put it on a CDN."),
    c("Caching is good for this kind of thing, I've heard that a lot."),
    c("And I'd make sure the seller has a big, clear button to start the auction."),
    c("In retail we always said the checkout line is where you lose people, and I think the auction card is the checkout line here."),
    c("So I'd want the card to be really readable: the price, the time left, and who's winning, nothing else."),
    c("And I'd want to talk to ten or so big sellers before we build anything, because they'll tell you exactly what breaks."),
])

ans("q31", "ana", "flash_sale_inventory", "flash",
    "long; ops manager wanders; hypothesis ~12 s, constraint ~5 min; lever, metric tie and trade-off only after 10 min", [
    c("so I'm an ops manager, I ran fulfilment for an ecommerce site that did daily deals, so flash sales are kind of my life"),
    c("the person with the problem is a seller who runs a flash sale and ends up with a pile of angry buyers", "H"),
    c("because the sale looked like it worked but half the orders failed at checkout"),
    c("my bet is if checkout holds up during the spike sellers run more flash sales"),
    until(290, "flash"),
    c("and the constraint I'd put down is checkout has a one hundred twenty millisecond budget even at the peak of a sale,"
      " and we cannot oversell, those two are hard", "C", p=1.4),
    until(610, "checkout"),
    c("ok so the mechanism, I'd pre allocate inventory in small slices to each checkout server before the sale starts", "L", p=2.6),
    c("so each server sells from its own slice without asking a central database every time"),
    fill(3, "flash"),
    c("and the pre allocation is what I'd tie to failed checkouts, in our last spike around twelve percent of checkouts timed out", "M"),
    c("and cutting that in half means roughly six percent more completed orders per flash sale"),
    c("the catch is a server can end up holding units it can't sell while another one sold out,", "T"),
    c("so we might show sold out a bit early and strand a few units, I'm fine with that and we rebalance every few seconds"),
    fill(2, "flash"),
    c("that's my answer"),
])

ans("q32", "carla", "auction_bidding", "auction",
    "weak; hypothesis only; 'should be fast', 'always trade-offs', 'measure everything' are hard negatives; brand name; dismisses latency", [
    c("So, um, the problem is, uh, new bidders, like, first-time buyers, don't understand how the auction works,", "H"),
    c("and they, um, panic and overbid, and then they, like, regret it and don't come back."),
    c("The bet is, uh, a clearer bidding flow brings them back for a second auction."),
    c("It should be, um, fast, obviously."),
    c("We'll use, uh, Kafka, for the bids.", "ap:tech_without_rationale", p=1.0),
    c("Honestly, um, latency doesn't really matter that much for this, like, people can wait a second.", "ap:dismisses_latency"),
    c("There are, like, always trade-offs, so, um, yeah."),
    c("We'll measure, uh, everything once it's live."),
    c("And, um, a little tutorial the first time, like a tooltip."),
    c("Like, uh, 'tap here to bid, the price goes up by a dollar,' um, something simple."),
    c("And maybe, um, a practice auction? Like, uh, with fake money, so they can, like, try it once."),
    c("I, um, I think that'd be really cute, actually."),
])

ans("q33", "dev", "payments", "pay",
    "fraud scoring inside the 120 ms checkout budget; precomputed risk score tied to conversion; owned staleness; no hypothesis (feature description only)", [
    c("so for payments the piece I'd design is fraud scoring at checkout"),
    c("we score every order with a model and block the risky ones"),
    c("the checkout budget is 120 ms total and the fraud check has to fit inside it, that's a hard limit", "C"),
    c("so we precompute a risk score per buyer in the background whenever their profile or cards change, and checkout only does a"
      " lookup of that score", "L", p=0.9),
    c("that precomputed lookup keeps checkout under budget and the reason I care is the last time fraud checks added 80 ms we saw"
      " conversion drop about 1.5 percent on live buys", "M+1"),
    c("the trade-off is the score can be a few minutes stale so a brand new stolen card could slip through", "T"),
    c("I accept that and cover it with a second async review after the order, before the seller gets paid"),
])


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------
def style(coach, text):
    if coach == "ana":
        t = text.lower().replace(",", "").replace(".", "").replace(";", "").replace(":", "")
        return re.sub(r"\s+", " ", t).strip()
    if coach == "dev":
        t = re.sub(r"[,.;:!]", "", text).replace("...", "")
        return re.sub(r"\s+", " ", t).strip()
    return text.strip()


def carla_fill(text, rng):
    words = text.split()
    if len(words) > 6 and rng.random() < 0.6:
        i = rng.randrange(1, len(words) - 2)
        words.insert(i, rng.choice(["um,", "uh,", "like,", "you know,"]))
    if rng.random() < 0.3:
        words.insert(0, rng.choice(["Um,", "Uh,", "So,"]))
    t = " ".join(words)
    return t[0].upper() + t[1:]


def fmt(t):
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def build(a):
    rng = random.Random(zlib.crc32(a["id"].encode()))
    base_wpm = rng.uniform(138, 167)
    pools = {}
    used = set()

    def draw(name):
        # without replacement inside one answer, across pools; refill only when exhausted
        for _ in range(2):
            pool = pools.get(name)
            if not pool:
                pool = [x for x in DOMAIN_FILL[name] + WANDER if x not in used] or DOMAIN_FILL[name] + WANDER
                rng.shuffle(pool)
                pools[name] = pool
            while pool:
                x = pool.pop()
                if x not in used:
                    used.add(x)
                    return x
            used.clear()
        raise RuntimeError("empty pool")

    cues = []  # dicts: start, end, text, tags
    t = [rng.uniform(0.3, 1.4)]

    def emit(text, tags, pause):
        if cues:
            if pause is None:
                pause = rng.uniform(3.0, 8.0) if rng.random() < 0.07 else rng.uniform(0.2, 1.5)
            t[0] += pause
        text = style(a["coach"], text)
        words = text.split()
        wpm = min(175.0, max(130.0, base_wpm + rng.uniform(-8, 8)))
        dur = len(words) / wpm * 60.0
        n = max(1, math.ceil(dur / 11.5))
        per = math.ceil(len(words) / n)
        chunks = [words[i:i + per] for i in range(0, len(words), per)]
        assert all(int(g.partition("+")[2] or 0) < len(chunks) for g in tags), (a["id"], text)
        for k, ch in enumerate(chunks):
            d = max(2.0, len(ch) / wpm * 60.0)
            if k:
                t[0] += rng.uniform(0.0, 0.12)
            cues.append({"start": round(t[0], 3), "end": round(t[0] + d, 3), "text": " ".join(ch),
                         "tags": {g.partition("+")[0] for g in tags if int(g.partition("+")[2] or 0) == k}})
            t[0] += d

    for it in a["items"]:
        if isinstance(it, tuple):
            kind, arg, pool = it
            if kind == "fill":
                for _ in range(arg):
                    txt = draw(pool)
                    emit(carla_fill(txt, rng) if a["coach"] == "carla" else txt, set(), None)
            else:
                while t[0] < arg:
                    txt = draw(pool)
                    emit(carla_fill(txt, rng) if a["coach"] == "carla" else txt, set(), None)
        else:
            emit(it["text"], it["tags"], it["pause"])

    signals = {}
    for s in SIGNALS:
        hit = next((q["start"] for q in cues if any(SHORT.get(g) == s for g in q["tags"])), None)
        signals[s] = {"present": hit is not None, "first_at_s": hit}
    aps = []
    for q in cues:
        for g in sorted(q["tags"]):
            if g.startswith("ap:"):
                assert g[3:] in AP_CODES, g
                aps.append({"code": g[3:], "at_s": q["start"]})
            else:
                assert g in SHORT, g
    vtt = ["WEBVTT", ""]
    for q in cues:
        vtt += [f"{fmt(q['start'])} --> {fmt(q['end'])}", q["text"], ""]
    label = {"domain": a["domain"], "window_s": WINDOW_S, "duration_s": round(cues[-1]["end"], 1),
             "signals": signals, "anti_patterns": aps,
             "notes": f"coach={a['coach']}; " + a["notes"]}
    return "\n".join(vtt), label


TS = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")


def parse_vtt(text):
    lines = text.split("\n")
    assert lines[0] == "WEBVTT"
    out = []
    i = 1
    while i < len(lines):
        m = TS.match(lines[i])
        if m:
            g = [int(x) for x in m.groups()]
            s = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
            e = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
            out.append((s, e, lines[i + 1]))
            assert lines[i + 2] == ""
            i += 3
        else:
            assert lines[i] == "", (i, lines[i])
            i += 1
    return out


def main():
    for old in OUT.glob("*.vtt"):
        old.unlink()
    labels = {}
    for a in ANSWERS:
        vtt, label = build(a)
        name = f"{a['id']}.vtt"
        (OUT / name).write_text(vtt + "\n", encoding="utf-8")
        labels[name] = label
    (OUT / "labels.json").write_text(json.dumps(labels, indent=2) + "\n", encoding="utf-8")

    # verify + summarise
    n = len(labels)
    absent = {s: 0 for s in SIGNALS}
    print(f"{'file':9} {'coach':6} {'domain':28} {'dur':>7}  H      C      L      M      T      anti-patterns")
    for a in ANSWERS:
        name = f"{a['id']}.vtt"
        cues = parse_vtt((OUT / name).read_text(encoding="utf-8"))
        starts = {round(s, 3) for s, _, _ in cues}
        prev_end = 0.0
        for s, e, _ in cues:
            assert s >= prev_end - 1e-6 and 2.0 - 1e-3 <= e - s <= 12.0 + 1e-3, (name, s, e)
            prev_end = e
        lab = labels[name]
        cols = []
        for s in SIGNALS:
            v = lab["signals"][s]
            if v["present"]:
                assert round(v["first_at_s"], 3) in starts
                cols.append(f"{v['first_at_s']:6.1f}")
            else:
                absent[s] += 1
                cols.append("     -")
        ap = ",".join(f"{x['code'][:12]}@{x['at_s']:.0f}" for x in lab["anti_patterns"])
        print(f"{name:9} {a['coach']:6} {lab['domain']:28} {lab['duration_s']:7.1f} {' '.join(cols)}  {ap}")
    durs = [v["duration_s"] for v in labels.values()]
    print(f"\n{n} answers; >600 s: {sum(d > 600 for d in durs)}; <60 s: {sum(d < 60 for d in durs)}")
    late = {s: sum(1 for v in labels.values() if v['signals'][s]['present'] and v['signals'][s]['first_at_s'] > 600)
            for s in SIGNALS}
    print("absent share: " + ", ".join(f"{s} {absent[s]}/{n} ({absent[s] / n:.0%})" for s in SIGNALS))
    print("first stated after 600 s: " + ", ".join(f"{s} {late[s]}" for s in SIGNALS))
    for s in SIGNALS:
        assert absent[s] / n >= 0.2, s


if __name__ == "__main__":
    main()
