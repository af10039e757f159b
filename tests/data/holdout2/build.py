#!/usr/bin/env python3
"""Second independent held-out set of spoken answers (WebVTT, as Whisper would segment them) with labels.

    .venv/bin/python tests/data/holdout2/build.py

Written from the interview guide and the README's signal definitions only, without looking at the
analyzer or at the other labelled sets. Every answer is a list of cues written as Whisper tends to
cut them (2-12 s, sentences split across cues, patchy punctuation). A cue is a string with optional
leading tags in braces:

    "{H,p4} text"   H hypothesis, C constraint, L lever, M metric_tie, T tradeoff   (signal first said here)
                    twr / def / dl / scale   anti-patterns (tech_without_rationale, defers_to_engineering,
                                             dismisses_latency, scale_without_business_tie)
                    p<seconds>               pause before the cue (otherwise 0.2-1.5 s)

("UNTIL", pool, t) inserts signal-free elaboration blocks from `pool` (and the shared pool) until the
answer reaches t seconds; only long answers use it. Signal-bearing cues are all hand-written.

Times are deterministic: each answer has a seeded speaking rate (130-175 wpm by persona), a cue
lasts words / wpm (jittered, at least 2 s), pauses are 0.2-1.5 s, with 3-8 s thinking pauses where
marked and occasionally between elaboration blocks. first_at_s is the start of the first cue tagged
with the signal; anti-patterns are at the start of each tagged cue.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIGNALS = ("hypothesis", "constraint", "lever", "metric_tie", "tradeoff")
SIG_TAGS = {"H": "hypothesis", "C": "constraint", "L": "lever", "M": "metric_tie", "T": "tradeoff"}
AP_TAGS = {
    "twr": "tech_without_rationale",
    "def": "defers_to_engineering",
    "dl": "dismisses_latency",
    "scale": "scale_without_business_tie",
}
WPM = {  # persona -> speaking-rate range
    "junior": (150, 168),
    "engineer": (158, 175),
    "senior": (138, 152),
    "rambler": (155, 172),
    "growth": (150, 166),
    "nonnative": (130, 140),
}
PERSONA_NAMES = {
    "junior": "nervous junior PM",
    "engineer": "ex-engineer who loves tech names",
    "senior": "smooth senior PM",
    "rambler": "rambler who says things late",
    "growth": "metrics-obsessed growth PM",
    "nonnative": "non-native speaker, simpler grammar",
}
DOMAINS = {
    "auction-bidding": "auction bidding",
    "chat-moderation": "trust and safety",
    "checkout-latency": "checkout",
    "flash-sale-inventory": "real-time inventory allocation",
    "live-event-orchestration": "live-stream event orchestration",
    "live-payments-fraud": "payments and trust",
    "seller-drop-scheduling": "seller tools",
    "stream-recommendations": "real-time recommendations",
    "watch-party": "social live viewing",
}
WINDOW_S = 600


def UNTIL(pool: str, t: float) -> tuple:
    return ("UNTIL", pool, t)


# --------------------------------------------------------------------------------------------------
# Signal-free elaboration, in blocks of one to three cues that read as one thought.
# Nothing here states a hypothesis, a hard constraint, an architectural lever, a metric tie or a
# trade-off, and nothing here is an anti-pattern.
# --------------------------------------------------------------------------------------------------

SHARED = [
    ["Let me just walk through the flow end to end once, and then I'll go deeper on the parts that worry me."],
    ["So there's the buyer side and the seller side, and they want slightly different things,",
     "the buyer wants it to feel effortless and the seller wants to feel in control of their show."],
    ["I'm going to assume mobile first, since that's where most of the live viewing happens,",
     "and web is a smaller, separate conversation."],
    ["One question I'd ask the team is who owns this, because it probably crosses three or four teams,",
     "and the handoffs between them are where things go wrong."],
    ["I'd write a one pager before anyone builds anything, honestly,",
     "just so the seller team and the buyer team agree on what we're building and what we're not."],
    ["Then there's support. When a buyer writes in angry, the support agent needs to see what happened to that person,",
     "step by step, otherwise they're just guessing and apologizing."],
    ["Okay, that's a bit of a tangent, let me park it and come back to the main flow."],
    ["If I zoom out for a second, the interesting part is the few seconds where it either works or it doesn't,",
     "everything before and after that moment is more like plumbing."],
    ["There's also the copy, what we actually tell people on screen while they wait,",
     "and I'd probably try a couple of versions of that, wording matters more than people think."],
    ["The seller is usually on a phone too, holding things up to the camera with both hands,",
     "so anything we ask the seller to do mid-show has to be one tap, they have no free hands."],
    ["That's something I noticed when I watched a bunch of shows to prepare,",
     "the sellers are juggling so much, talking, holding cards, reading chat, all at once."],
    ["Edge case, what if the seller's connection drops in the middle of the show?",
     "I'd want the show to pause gracefully and tell viewers, rather than just vanish."],
    ["I'll flag internationalization, currencies, languages, and not solve it right now,",
     "but it changes some of the copy and some of the flows later."],
    ["Let me also mention the admin side, ops folks need to be able to step in when a show goes sideways,",
     "hide something, refund something, pause something, without calling an engineer at midnight."],
    ["And rollout, I'd start with a handful of sellers we trust, talk to them constantly for the first couple of weeks,",
     "and only then open it up more widely."],
    ["Um, let me think about what I'm missing."],
    ["I think there's also an accessibility angle, like screen readers and captions,",
     "which live shows are honestly pretty bad at across the industry."],
    ["There's the data model, at least roughly, a show, a show has items, items change state over time,",
     "and the buyers and the seller each see their own view of that."],
    ["New users are a separate case, someone who installed the app ten minutes ago and has no history,",
     "they don't know the norms of live shopping yet, so the flow has to explain itself."],
    ["I'd also sit with the trust team early, just to hear what they're seeing,",
     "because they usually know where the weird behavior is before anyone else does."],
    ["And the seller's reputation is on the line in every show, so if something goes wrong",
     "the seller needs a way to explain it to their viewers, even just a canned message they can post."],
    ["I keep coming back to the moment itself, like, what does it feel like to be one of thousands of people",
     "watching the same card at the same second, that energy is the product, really."],
    ["Let me restate the problem in my own words for a second, just to make sure I've got it right."],
    ["Another thing I'd want is a way to look back at what happened in a show after the fact,",
     "so when something weird happens we can look at it together instead of arguing about it."],
    ["There's also the question of what we build for launch versus later,",
     "I'd rather launch something narrow that's great than something broad that's mushy."],
    ["Okay. Let me keep going."],
    ["I want to talk about communication with sellers too, because they'll notice any change immediately,",
     "they're in the app every day, they're basically power users and they talk to each other a lot."],
    ["And sellers have Discords and Facebook groups where they compare notes,",
     "so if something breaks we'll hear about it there before we see it anywhere else."],
    ["Let me also think about the first time a buyer ever experiences this",
     "versus the hundredth time, because the hundredth time they just want it out of the way."],
    ["Hmm. Yeah."],
    ["I'm trying to picture a specific show while I talk, like a Friday night card break with a big seller,",
     "it's loud, chat is flying, the seller is yelling every time a good card comes out."],
    ["And honestly a lot of what makes these shows work is the seller's personality,",
     "we're not going to design that, we just have to not get in the way of it."],
    ["There's a legal review step somewhere in here too, terms of service, what we promise buyers,",
     "I'd loop them in early rather than at the end."],
    ["Sorry, I'm jumping around a little, let me try to be more structured about the rest."],
    ["And there's the question of how the seller learns about any of this,",
     "like a short in-app walkthrough the first time, because nobody reads help articles."],
    ["One more edge case, the buyer's app is an old version, they haven't updated in months,",
     "and we have to decide what they see, because a good chunk of people never update."],
    ["I'd want a post-launch review with the seller council or whatever we call it,",
     "the top sellers who are happy to give feedback, they're really candid."],
    ["So, um, yeah. Where was I."],
    ["Let me think about what the viewer sees on their screen right now, top to bottom,",
     "video, the item card, the price, the chat, the buttons, that's a lot on a small phone."],
    ["I'd also want a really simple status page for sellers,",
     "like is everything working right now, yes or no, because they'll ask."],    ["I'd also want to hear from the people who run the biggest shows, the top ten sellers or so,",
     "because they push every part of the product harder than anyone else."],
    ["Um, so one thing I keep thinking about is trust in general,",
     "live shopping only works if people believe what they see on screen is real and fair."],
    ["Then there's the question of what happens on the buyer's side after the show ends,",
     "like where do they go to see what they bought, what they won, what they still owe."],
    ["Let me take a step back and think about how a first time seller would experience this,",
     "someone doing their very first show with twelve viewers, mostly friends."],
    ["And there's the opposite, a seller with a huge following who's been doing this for years,",
     "they have habits and workarounds already, and we shouldn't break those without a good reason."],
    ["I'd probably sketch the screens before anything else, honestly, even on paper,",
     "because a lot of the questions get answered once you see what the buyer is looking at."],
    ["Okay so that's the happy path. Let me poke at it a bit."],
    ["Another angle is notifications. What do we tell people when they're not in the app,",
     "and what do we tell them when they are, those are really different moments."],
    ["There's also a design review with the brand team, they care a lot about how these moments look,",
     "the animations, the sounds, that stuff is part of why live shopping feels exciting."],
    ["Hmm, what else. Let me think about the people in the middle, not the buyer, not the seller."],
    ["Like the moderators, the support folks, the trust people, the ops folks on call during big shows,",
     "they all interact with this thing in some way and they all need something slightly different."],
    ["For launch, I'd want a checklist with the ops team for the first few big shows,",
     "who's watching, who to call, what we do if something looks off."],
    ["I think about the buyer who's watching while doing something else, cooking, on the bus,",
     "they're glancing at the screen, so whatever we show has to make sense in a glance."],
    ["And the kind of buyer who's super engaged, watching three shows at once on two devices,",
     "they exist, they're a small group, but they buy a lot."],
    ["Let me just summarize where I am so far, so we're on the same page."],
    ["So far I've mostly talked about the main flow and a few edge cases.",
     "I haven't said much about the people side, which I think matters just as much."],
    ["I'd also want to read through a few hundred support tickets from the last quarter in this area,",
     "you learn a lot from how people describe things when they're annoyed."],
    ["There's also competitors to look at, other live shopping apps, the big social platforms trying live shopping,",
     "just to see what people are already used to."],
    ["Okay, one more tangent and then I'll come back."],
    ["I think the naming matters too, like what we call this feature in the app,",
     "if sellers don't understand the name they won't use it, simple as that."],
    ["And the help center article, I know nobody reads them, but support links to them constantly,",
     "so it's worth writing a good one."],
    ["There might also be a partnership angle, like card grading companies or shipping partners,",
     "but that's more a business development thing than part of this design."],
]

POOLS: dict[str, list[list[str]]] = {
    "general": [],
    "auction": [
        ["So the seller holds up the card, says starting at a dollar, and hits start.",
         "Then there's the timer, 15 seconds, and everybody sees it counting down on their phone."],
        ["And when someone bids you see their username pop up with the new price,",
         "and there's this little animation, which honestly is half the fun."],
        ["There's also the sudden death version where the timer doesn't get extended by late bids,",
         "which I think is the one in the prompt, and that's the one everyone complains about in the comments."],
        ["What do we show the person who got outbid? I think a little nudge, like you've been outbid, bid again,",
         "with the next increment already filled in, so it's one tap."],
        ["And then when it ends the winner gets the little celebration and the item goes into their purchases,",
         "and everybody else sees who won, which is kind of a social thing, people like seeing the names."],
        ["The bid increments are a product thing too, like a dollar, two dollars, five,",
         "and the seller can pick them I think, or we suggest them based on the starting price."],
        ["Then there's the question of what happens if the winner doesn't pay.",
         "Do we go to the second highest bidder? eBay does that, second chance offers, I think that's a good idea here too."],
        ["Um and the seller side, the seller wants to see the bids coming in on their phone while they're talking,",
         "so their screen needs a really glanceable view, big number, who's winning."],
        ["And the bidder needs to know their max, like if they set a max bid, what happens when someone passes it.",
         "I'd want to look at whether people even use max bids in 15 second auctions, probably not much."],
        ["Another thing, shill bidding, like the seller's friend bidding up the price.",
         "That's more of a trust thing, I'll put it aside, but it's real, people talk about it on Reddit all the time."],
        ["There's also the case where two people bid the same amount at what looks like the same moment,",
         "and the rule would just be whoever we received first, and we'd show that clearly."],
        ["I'm also thinking about the viewer who's just watching, not bidding,",
         "they should still feel the excitement, see the bids fly by, maybe that's what gets them to bid next time."],
        ["Then there's the seller choosing the starting price. A lot start at a dollar to get people in,",
         "which is a bit of a gamble for the seller, but it builds excitement."],
        ["And the bid button itself, it should say the amount, like bid $12,",
         "so nobody's confused about what they're committing to."],
        ["What about people who bid by accident? Fat finger, wrong amount.",
         "I think we'd have a policy for that, but mostly a bid is a bid, that's the norm in auctions."],
        ["I'd also think about the end screen for everyone who didn't win,",
         "maybe show them the next item coming up, so they stay for the next auction."],
        ["And there's the auction history for the seller, after the show,",
         "like what sold for what, which helps them price things next time."],
        ["Um, buyers also want to know how much they've spent in a show, because it adds up fast,",
         "like you win six things at $15 and suddenly it's $90 plus shipping."],
    ],
    "flash": [
        ["So walking through it, seller says flash sale, taps a button, sets 500 units and a price and 60 seconds.",
         "Every viewer gets a banner with a big buy button and a countdown."],
        ["The buy tap needs the buyer, the sale ID, and that's basically it, one per person I'd assume.",
         "Actually, is it one per person? I'll assume one, it keeps it fair."],
        ["After the tap the buyer sees either you got one, pay in the next few minutes, or sold out.",
         "And the seller sees a counter going down on their screen, which is great content for the stream honestly."],
        ["What about payment failing, the buyer got a unit but the card declines?",
         "Then the unit has to go back and someone else gets a shot at it."],
        ["Edge case, the seller ends the sale early, or the stream crashes mid sale.",
         "I'd say the sale ends, whatever's claimed is claimed, and the rest goes back to the seller's inventory."],
        ["Another one is the seller miscounting, like they say 500 but they actually have 480.",
         "That's not really a system problem, but support is going to get those tickets."],
        ["I'd want to give the seller a little summary after, sold 500 in 14 seconds, here are your buyers.",
         "Sellers love that stuff, they screenshot it and post it."],
        ["Then the data model's simple-ish. A sale, with a total, a price, a window,",
         "and claims, each with a buyer, a status and a timestamp."],
        ["Status goes claimed, paid or expired, and expired goes back to the pool.",
         "Paid becomes an order, which is the normal order pipeline from there, shipping labels and all that."],
        ["Also the UI for people who miss out. I'd show them something like next flash sale from this seller,",
         "follow them, get notified, so missing out turns into a follow instead of a shrug."],
        ["Let me think about what the seller sees if something goes wrong.",
         "They need to know if the sale is live or not, really clearly, they're literally talking to thousands of people."],
        ["Also the price display, the flash price next to the normal price,",
         "so people get why it's a deal, that's pretty standard stuff."],
        ["The seller might want to run a second flash sale right after if the first one sells out in seconds,",
         "so making it easy to run another one is worth thinking about."],
        ["Buyers who got one will want to know when it ships,",
         "and for sealed boxes people care a lot about packaging, so the seller's shipping promise matters."],
        ["And the announcement itself, some sellers build hype for minutes before,",
         "like flash sale in three minutes, get ready, which is great for the show."],
        ["What about people who join the stream in the middle of the sale?",
         "They should see it immediately, with however many seconds are left."],
        ["And the seller's own view during the sale, a big number counting down,",
         "and maybe the names of buyers scrolling past so they can shout them out."],
    ],
    "live_event": [
        ["So in a show stuff happens on stage, the seller picks up an item, the item card changes on screen,",
         "the price shows up, maybe there's an auction, people buy, and chat is going the whole time."],
        ["And the viewers, they're on phones mostly, some on wifi some on cell,",
         "a lot of them are like on the couch with the TV on, half paying attention."],
        ["There's also the pinned stuff, like the seller pins a message or a giveaway,",
         "and the giveaway thing is huge actually, people stay for giveaways."],
        ["The seller's setup matters too, some have a ring light and two cameras, some are just a phone on a stack of books.",
         "So we can't assume a great stream coming in."],
        ["Then there's the whole moderator thing, big sellers have mods in chat helping out,",
         "answering questions, and they need their own little tools."],
        ["For a marquee show I'd expect marketing to be involved too, like a banner on the home screen,",
         "a countdown, notifications to people who follow the seller or the category."],
        ["And when it starts everybody shows up at once, like within a couple minutes,",
         "kind of like a concert, the doors open and everyone rushes in."],
        ["What does a new viewer see when they join in the middle? They need the current item, the current price,",
         "and some sense of what's happened, like how many people are here, what's already sold."],
        ["I'm also thinking about the end of the show, how does it end, does the seller raid another show?",
         "I think that's a thing, sending your viewers to someone else's stream."],
        ["And replays, do we keep the show for people who missed it, with the items linked?",
         "That's a nice to have, not the core of this, but sellers ask for it."],
        ["Then there's the host, the seller, who needs to see everything at once,",
         "what's on screen, what sold, what's next, chat, all on a phone propped up somewhere."],
        ["There's also the shout outs, sellers love saying thanks to buyers by name,",
         "so the seller needs to see who just bought something, right away."],
        ["And the item card, it's a photo, a title, a condition, a price,",
         "and for cards the grade, like PSA 10, which buyers really care about."],
        ["Audio matters too, honestly, a lot of people listen more than they watch,",
         "like the seller's voice is the show, the video is almost secondary sometimes."],
        ["What about viewers who are new, first show ever, they don't know how any of this works,",
         "so the first few seconds need to explain what's happening without a tutorial."],
        ["And the end of a big show, sometimes it runs four or five hours,",
         "people come and go the whole time, it's not like a movie where everyone watches start to finish."],
        ["Then there's the seller's co-host, some shows have two people,",
         "one talking and one running the items on a laptop, so there's really two seller screens."],
        ["There's also the viewer count, which is kind of social proof,",
         "when people see a lot of others watching they tend to stick around."],
        ["I'm curious how many viewers actually buy in a marquee show, like what fraction,",
         "I'd guess most people watch and a small group buys a lot."],
    ],
    "seller": [
        ["So the seller opens the scheduler, picks a date and time, gives it a title, picks a thumbnail,",
         "and then lines up the items, like these twenty cards in this order."],
        ["The followers get notified when it's scheduled, and again right before it starts,",
         "and I think there's also the show page where you can say remind me."],
        ["Sellers also reschedule a lot, from what I've seen, something comes up, they push it an hour.",
         "So editing the schedule has to be easy, and the people who said remind me need to know."],
        ["There's a discovery angle too, like a calendar of upcoming shows in your categories,",
         "so you can browse what's on tonight like a TV guide, which I actually think is really cool."],
        ["Sellers in different time zones, that's always fun, the scheduler needs to be really clear",
         "about what time it is for the buyers versus the seller, we got that wrong constantly at my old job."],
        ["And the items, sellers want to upload them in bulk, like from a spreadsheet,",
         "a lot of card sellers have their inventory in spreadsheets already, they're very organized actually."],
        ["Then at go-live the seller taps start and the show goes from scheduled to live,",
         "and everybody who's waiting gets pulled in, that's the top of the hour moment."],
        ["What if the seller doesn't show up? Scheduled for 8, it's 8:15, nothing.",
         "We should probably tell the people waiting something, and maybe ping the seller."],
        ["And a seller's history, like how many of their scheduled drops actually happened on time,",
         "that's something buyers might want to see, kind of a reliability badge, I'm not sure."],
        ["I'm also wondering about the really big sellers, they might have a team, like an assistant who sets up the drops.",
         "So permissions, who can edit a drop, that kind of thing."],
        ["And notifications in general, people get annoyed if they get too many,",
         "if you follow 50 sellers, pinging you 50 times a night is probably too much, that's a product rule we'd have to figure out."],
        ["The thumbnail and title matter a ton for discovery, honestly,",
         "sellers who put effort into those get way more people pressing remind me."],
        ["And sellers want to duplicate a past show, same items, same setup,",
         "because a lot of them run the same kind of show every week."],
        ["Then there's cancellation, a seller cancels a drop, people who were waiting should hear about it,",
         "and maybe get pointed to a similar show instead."],
        ["And the remind me button, people press it and forget,",
         "so the reminder has to say what the show is, not just seller is live."],
        ["I'd also look at how far ahead sellers schedule, a day, a week,",
         "my guess is most do it same day, but the big ones plan weeks ahead."],
        ["And the show page before it goes live, it could show the items lined up,",
         "like a preview, so buyers can decide if it's worth showing up."],
        ["Um, recurring shows, like every Tuesday at 8,",
         "that's a thing sellers would love, set it once and forget it."],
    ],
    "checkout": [
        ["Walking the path, buyer sees the item, taps add to cart, the button flips to in cart,",
         "then either they keep watching and check out later or they go straight to pay."],
        ["Checkout is address, payment method, shipping, tax and then confirm.",
         "For returning buyers all of that is saved, so it's really just confirm."],
        ["One thing that bites in live shopping is the seller combining shipping, like buy three, ship once,",
         "so the cart is per seller per show, and shipping gets recomputed as you add stuff."],
        ["Taxes are annoying, they depend on the address and the rules vary by state,",
         "but it's a lookup, it's not hard, it's just one more thing on the path."],
        ["Then errors. The card declines, the item sold out between add to cart and pay, the address is invalid.",
         "Each one needs a clear message and a way back into the show without losing your place."],
        ["I'd also think about the seller, they want to see who added what and nudge people,",
         "like hey, three of you have this in your cart. That's a nice live selling moment actually."],
        ["Promos. Sellers run stuff like free shipping over $50, or a coupon for a first purchase,",
         "and that logic touches the cart every time you add something."],
        ["And the guest checkout question, do we even allow it? I'd guess no, you need an account to buy live.",
         "Which simplifies things, we always know who the buyer is."],
        ["Apple Pay and Google Pay are a big deal on mobile, most buyers probably use them,",
         "and that flow has its own sheet that pops up, which we don't control."],
        ["There's also the question of whether the item is yours once it's in your cart.",
         "In live shopping I'd say not until you pay, but we show a little timer so people know."],
        ["Then order confirmation, the seller gets a notification, the buyer gets a receipt,",
         "and the order shows up in the seller's shipping queue for after the show."],
        ["Also the cart itself during a show, people add something and keep watching,",
         "so there's a little cart icon with a count, and they check out at the end, or not."],
        ["Abandoned carts are a whole thing, a buyer adds three items and leaves the show,",
         "do we remind them later? Probably, but that's outside this."],
        ["And buyers buying from several sellers in one evening, separate carts per seller,",
         "because each seller ships separately anyway."],
        ["Receipts and order history, the buyer wants to see what they bought in which show,",
         "especially for collectors tracking what they own."],
        ["The seller wants a pick list after the show, what to pack for whom,",
         "which comes straight out of the orders."],
        ["Also refunds, if something goes wrong the buyer wants their money back quickly,",
         "and the support agent needs a button for that."],
    ],
    "chat": [
        ["Let me walk through the message lifecycle. A viewer types, hits send, the message shows in their own view immediately,",
         "and then it appears for everyone else in the room."],
        ["There are three kinds of bad content and they need different treatment.",
         "Scams, which are financial and urgent. Harassment, which is about people. And spam, which is mostly noise."],
        ["For harassment the unit is the user, not the message.",
         "One rude message is a warning, a pattern gets a timeout, then a ban from that seller's shows."],
        ["Sellers need their own controls, a mute, a block, and the ability to appoint trusted viewers as moderators.",
         "Big sellers already rely on volunteer mods, so we should make their job easy."],
        ["Appeals matter too. If we remove a legitimate message or time out the wrong person,",
         "there has to be a path back, otherwise we lose good community members quietly."],
        ["Transparency for the viewer. When a message is removed the sender sees why,",
         "and everyone else just sees it disappear, without a banner that draws attention to it."],
        ["For repeat scammers the account is the wrong unit, they'll make new ones.",
         "Device and payment signals tie the accounts together, and that's where the trust team earns its keep."],
        ["Language is a real issue. Scams show up in many languages and in deliberately misspelled text,",
         "so whatever detection we have needs to be tested on that, not just clean English."],
        ["Reporting. A viewer can long press a message and report it, and that report goes to the same place,",
         "with reports from trusted accounts weighted more heavily."],
        ["There's also the seller's own chat behavior. Sometimes the seller is the problem,",
         "and that goes to a different team with a different bar, because the seller's livelihood is on the line."],
        ["For moderators and the trust team we need a review console,",
         "the message, the context around it, the user's history, and one-click actions."],
        ["I'd roll out in stages. First shadow mode, where we score but don't act, to calibrate,",
         "then act on the clearest category, scam links, then widen."],
        ["A note on the seller's experience. During a show the seller can't read chat carefully,",
         "they glance at it, so anything we surface to them has to be readable in half a second."],
        ["And the community side. Most chat is great, people joking, hyping pulls, asking about condition.",
         "The design has to protect that, not treat every viewer like a suspect."],
        ["Pinned messages from the seller are a special case, they carry the seller's authority,",
         "so the seller's own messages should never be touched by automatic removal."],
        ["Then there's context. The same word can be a joke between regulars and an insult from a stranger,",
         "which is why history with the seller's community matters."],
        ["Giveaway scams deserve a mention. Fake accounts pose as the seller and say you won, click here,",
         "impersonation is one of the most common patterns in live shopping."],
        ["Lookalike usernames are the tell, so display names close to the seller's",
         "should be checked when the account is created, not during the show."],
        ["For minors, there are age policies and extra care,",
         "and that's something I'd confirm with legal rather than improvise."],
        ["Finally, every action needs an audit trail, who removed what, automatic or human,",
         "so we can answer a seller or a regulator with facts."],
    ],
    "watch": [
        ["So I imagine it like, you're watching a show, you tap start a party, you get a link,",
         "you send it to your friends in the group chat, they tap it and they're in."],
        ["And then there's a little row of faces at the bottom, your friends, and a small party chat separate from the big show chat,",
         "which I think matters, the big chat is way too noisy."],
        ["Reactions, like the fire emoji when someone pulls a good card, you'd see your friends' reactions float up,",
         "that's the fun part, that's the whole point really."],
        ["What's the max party size? I'd say small, like eight or ten, this is friends, not a second audience.",
         "Bigger than that and it's just a chat room."],
        ["There's a question of whether the party follows one show or can move between shows together,",
         "like the host says let's go to this other stream and everyone goes with them, that'd be cool."],
        ["Bidding in a party, that's interesting, do friends bid against each other? Probably sometimes.",
         "Maybe there's a team bid thing later, but not for v1."],
        ["Invites, do you need to follow each other? I think you just need the link,",
         "but we'd want to keep out people you've blocked elsewhere, obviously."],
        ["And the host leaving, what happens then, the party should just keep going,",
         "someone else becomes host, nobody should get kicked out because one person left."],
        ["Privacy, the party chat is private, so moderation is different,",
         "but we still need reporting, people can be jerks to their friends too, honestly."],
        ["I'd also want to think about notifications, like your friend started a party, join them,",
         "that's probably a really strong notification, friends pull people into the app way more than sellers do."],
        ["Audio, do we want voice chat? That's a huge can of worms,",
         "I'd say text and reactions for v1, voice later if people ask for it."],
        ["I'm also thinking about how you find your friends' parties,",
         "like a little banner, two of your friends are watching this show together, join them."],
        ["And the party chat history, if you join late, do you see what was said before?",
         "I'd say yes, the last few minutes at least, so you're not lost."],
        ["Then what happens when the show ends, does the party end too?",
         "Maybe it stays open for a minute so people can react to what they won."],
        ["And the invite link, how long does it work, one show, one day,",
         "I'd keep it short so old links don't float around forever."],
        ["Also the seller, do they know a party is watching? Could be fun,",
         "like a little badge that a group of friends is in the show."],
        ["And the person who starts the party, they might want to kick someone out,",
         "that's a basic control, every group chat has it."],
    ],
    "fraud": [
        ["So stolen cards, somebody buys a bunch of stuff with a card that isn't theirs,",
         "and a few weeks later the real owner disputes it and we or the seller eat the cost."],
        ["Then the won-and-didn't-pay people, they bid, they win, and the payment just never goes through,",
         "and the seller already moved on and can't re-auction it in that show."],
        ["And empty boxes, the seller takes the money and ships nothing or ships junk,",
         "and the buyer finds out a week later, which is the worst, the show's long over."],
        ["Ratings and reviews help with sellers over time, but a brand new seller has none,",
         "so you can't lean on that for their first few shows."],
        ["I'd also look at what our payment processor already gives us,",
         "they see way more fraud than we do, no point rebuilding what they have."],
        ["There's a false positive side that people forget, when you block a real buyer",
         "they don't complain, they just leave, and you never find out."],
    ],
}


# --------------------------------------------------------------------------------------------------
# The answers.
# --------------------------------------------------------------------------------------------------

ANSWERS: list[dict] = []


def A(id: str, scenario: str, persona: str, notes: str, cues: list, late: tuple = (),
      min_s: float | None = None, max_s: float | None = None) -> None:
    ANSWERS.append(dict(id=id, scenario=scenario, persona=persona, notes=notes, cues=cues,
                        late=late, min_s=min_s, max_s=max_s))


A("h2_01", "auction-bidding", "senior", "Strong and crisp: every signal inside the first three minutes, no anti-patterns.", [
    "Sure. Let me start with who's hurting, because I think that drives everything else.",
    "{H} My hypothesis is that bidders lose trust in the last two seconds, when their bid lands late",
    "or gets bounced after they thought they were winning, and then they sit out the next auction.",
    "So the product goal is simple. A bid feels instant, and the winner is never in doubt.",
    "{C} Two hard constraints. First, bid acknowledgement has to be under 200 milliseconds at p99, that's the budget.",
    "Second, exactly one winner, which means bids are strictly ordered per auction, no exceptions.",
    "Everything else is negotiable.",
    "{p3,L} On the levers. We shard auctions across sequencer processes by auction ID, so each auction has a single owner,",
    "and every bid for that auction gets ordered in memory in one place, no distributed locking.",
    "The current high bid fans out to viewers over the connection they already have open,",
    "and we push a delta, not the full state, because that's tiny and it's what thousands of phones need.",
    "Why does this matter for the business.",
    "{M} Single-owner ordering keeps late bids from being dropped, and I'd expect that to lift bids per auction 5 to 8%,",
    "which is the leading indicator for sell-through and GMV per show.",
    "{T} The trade-off I'm owning is that each auction has one sequencer, so if that box dies the auction pauses",
    "for a second or two while a standby takes over. I'm fine with that because a pause is visible and fair,",
    "whereas two winners is a refund, a support ticket and a seller who doesn't come back.",
    "If you want I can go deeper on the timer, since the end of the auction is where clocks disagree.",
    "The server owns the clock. Clients show a countdown, but the server decides when it closes,",
    "and bids already in flight get stamped at the edge when they arrive, so nobody loses to their own phone.",
    "That's where I'd start. Happy to go into failure modes or cost next.",
])

A("h2_02", "auction-bidding", "engineer", "Tech-heavy, no user problem and no business tie; two bare stack lists and a scale boast.", [
    "{twr} Okay cool. So um, first thing, stack-wise I'm thinking Redis, Kafka, gRPC between services and probably Cassandra for bid history.",
    "Uh let me back up actually. The prompt says thousands of bidders, most bids in the last two seconds.",
    "{C} so the p99 for bid ack needs to be under 200 millis, that's the number I'm designing to, not a nice-to-have.",
    "And exactly one winner. Which is really a strict ordering problem per auction.",
    "{L} So what I'd do is partition by auction ID, every auction hashes to one partition",
    "and a single consumer owns that partition so ordering is free, you don't need locks.",
    "The high bid goes into Redis with a Lua script doing compare and set,",
    "so you check the bid is higher than current and write it atomically, one round trip.",
    "{scale} And honestly this scales basically forever, you can do a million bids a second across the cluster no problem.",
    "Um, fan-out. Viewers are on WebSockets, we'd have a fleet of socket gateways,",
    "each gateway subscribes to the auctions its connected viewers are watching",
    "so one update from the sequencer becomes like a few hundred messages instead of ten thousand.",
    "{T} Writing each bid to the log before we ack costs maybe 5 to 10 millis, and I'm fine paying that",
    "because after a failover we replay it and we still get the same winner.",
    "{twr} For the client we'd do uh, React Native, and probably Envoy at the edge.",
    "Then the timer. Server authoritative, clients just render it.",
    "Clock skew on phones is wild, I've seen phones off by like three seconds, so you can't trust them.",
    "When the timer hits zero the sequencer stops accepting, computes the winner, emits a closed event.",
    UNTIL("auction", 240),
    "Um and I think that's the core. There's a bunch of stuff around payments after but that's a different system.",
])

A("h2_03", "flash-sale-inventory", "junior", "Weak and nervous: only the oversell constraint; 'think about users', 'a queue somewhere' and 'measure it later' are hard negatives.", [
    "Um, okay. So sorry, just to make sure I understand, it's 500 boxes and 60 seconds?",
    "Okay. Um. So I guess we should think about the users first, like, who's buying.",
    "There's a lot of people, tens of thousands, tapping at the same time.",
    "{C} And I think the main thing is we can't sell more than 500, like that's a hard rule, we can never oversell",
    "because then the seller has to cancel orders and that's really bad.",
    "{p4} Um. So for the, for the system part.",
    "Maybe there's a queue somewhere? I've heard queues help with this kind of thing.",
    "And then, um, everyone after it runs out gets a sold out message.",
    "{def} For the database I'd probably let the engineering team figure out which one, they'd know better than me.",
    "Um, what else. The spinner thing, we don't want people staring at a spinner.",
    "So maybe we show them something right away, like you're in line.",
    "I'm not sure how long the line would take though. Sorry.",
    "And then um, for metrics I think we'd measure it later once it's live, see how it does.",
    "Yeah I think that's, that's kind of my answer. I'm sure there's more, sorry.",
])

A("h2_04", "checkout-latency", "growth", "Strong, metric-first: hypothesis, budget, precompute plus cache, a 2% conversion tie, an owned async trade-off.", [
    "Love this one because it's basically the money path.",
    "{H} So here's my bet. Live buyers are impulse buyers, and when add to cart lags even a beat folks bounce",
    "because the seller has already moved on to the next item and the moment is gone.",
    "The money metric for me is conversion from item on screen to paid order, per show.",
    "{C} And the constraint you gave me is real, 120 milliseconds at p80 for add to cart, we don't ship anything that blows it.",
    "Last quarter we were around 150 so we need to find 30 plus millis.",
    "Where does the time go. Roughly client to edge, auth, inventory check, cart write and pricing.",
    "{L} First lever, precompute the item's price and availability the moment it goes on screen",
    "and push it into a cache next to the API, so add to cart is a read plus a tiny write, not five service calls.",
    "{M} If that gets us from 150 to under 120 at p80, I'd expect live item conversion up roughly 2%,",
    "that's about what we saw last time we shaved latency off the buy button.",
    "Second lever, the cart write goes async. We acknowledge the tap, show it in the cart instantly,",
    "and the durable write lands a few hundred millis later in the background.",
    "{T} The cost of that is sometimes we show an item in the cart that turns out to be gone, maybe a fraction of a percent of taps,",
    "and I'm fine with that because a quick sorry it sold message beats a slow tap for the other 99 plus percent.",
    "Checkout is different, payment auth goes to a third party, that's PCI scope and we can't fake it.",
    "There I'd prefetch the buyer's saved payment method when they join the show",
    "so checkout is one confirm, and I'd A/B the one tap flow against today's and watch paid orders per viewer.",
    "Guardrail metric would be payment failures and refund rate, I don't want conversion up and disputes up with it.",
    UNTIL("checkout", 290),
    "That's the plan.",
])

A("h2_05", "live-event-orchestration", "rambler", "Long rambler: CDN lever early, a scale boast, the hypothesis around minute six, constraint, metric tie and trade-off only after ten minutes.", [
    "Yeah so okay, live shows, this is fun, I actually watch a lot of these, like the card breaks especially,",
    "there's this one seller I watch who does like Pokemon breaks at midnight and it's, it's chaos in a good way.",
    "Anyway. So a hundred thousand people, one seller, and the thing on stage has to reach everyone.",
    "So the video, I'm gonna, I'm gonna just say video is its own thing,",
    "{L} we push the video through a CDN with edge servers near the viewers, so the seller's stream gets encoded once and then",
    "the edges do the fanning out, we don't send a hundred thousand copies from our origin.",
    "{scale} And we'd make the whole thing horizontally scalable so it can go to like a million viewers, ten million, whatever.",
    "Then there's the uh, the events. Like item changes, price changes, someone bid, someone bought.",
    UNTIL("live_event", 150),
    "Where was I. Oh right, the events.",
    UNTIL("live_event", 250),
    "And um so I was talking to a friend who's a seller, she sells vintage sneakers,",
    "and her thing was, she said chat always feels behind the video, like people are reacting to stuff from before.",
    "Which, I mean, I don't know if that's a system thing or a perception thing.",
    UNTIL("live_event", 370),
    "{H} If I had to bet, the problem is viewers see the item and the price change late compared to the video,",
    "so they bid or buy on stale info, get bounced, and they stop trusting the show and leave early.",
    "That's what I'd want to fix for, like the viewer's sense that what they see is what's happening.",
    UNTIL("live_event", 625),
    "{C} Oh and sorry, I should have said this way earlier, the 200 milliseconds end to end for show events is a hard budget,",
    "like I'd treat anything over that as broken, not slow.",
    "And the video's gonna be behind that anyway, video's a couple seconds, so we'd line events up with the video timestamp.",
    UNTIL("live_event", 745),
    "And so, why does this matter for the money side.",
    "{M} If we sync price events to the video and keep them under 200 millis, I'd bet sessions run 3 or 4% longer",
    "because people aren't getting bounced on stale prices, and longer sessions is just more items in front of more people.",
    UNTIL("live_event", 870),
    "{T} The trade-off there, which I'm okay with, is holding events back to line up with the video adds delay for the fast viewers,",
    "like the ones on great wifi see the price a beat later than they could, but everyone sees the same thing and I'd rather have that.",
    "Um yeah. I think I'll stop there. That was a lot.",
], late=("constraint", "metric_tie", "tradeoff"), min_s=600)

A("h2_06", "seller-drop-scheduling", "nonnative", "Medium, simple grammar: hypothesis, p95 budget, precompute plus queue, owned trade-off; no metric tie.", [
    "Okay. So first I want to say what is the problem for the seller.",
    "The seller, he plan the drop one week before and he tell the followers, okay.",
    "{H} But my hypothesis is, when the drop start, many followers are not coming because the reminder arrive late,",
    "and the first minute of the show is empty, so the seller is sad and the show is not good.",
    "{C} For constraint, scheduling and listing must be under 150 milliseconds p95. This is the requirement, we cannot go above.",
    "And also thousands of drops they start in the same minute, at the top of the hour, like 8 PM.",
    "So everybody want reminder at 7:55 at same time.",
    "{p3} Okay, how to build. First the schedule part is easy, it's like a calendar.",
    "Seller make the drop, choose time, put items. We save it.",
    "{L} For reminder, we do not calculate at 7:55. We precompute the list of followers one hour before, in batch,",
    "and we put the messages in a queue, and the workers send them slowly, from 7:50 to 7:55.",
    "So it is not all at the same second.",
    "Also the items of the drop, we prepare them in a cache before the show start, so when the show open the page is fast.",
    "{T} There is a cost. If somebody follow the seller at 7:52, maybe he don't get the reminder, because the list is already made.",
    "I think this is okay, because is small number of people, and the other ones they get it on time.",
    "Also we pay more for workers in this hour. But it is only at top of hour, so is fine for me.",
    "Then, what happen if seller change the time. We must cancel the old reminder and make new one.",
    "This is the edge case I worry.",
    "We keep a version for every drop, and the worker check the version before send.",
    "Okay I think this is my design. Maybe I forget something about the notification provider, like Apple push,",
    "they have a limit how many we can send, so we must be careful with this.",
])

A("h2_07", "stream-recommendations", "junior", "Under a minute: one lever and a latency dismissal, nothing else.", [
    "Okay so recommendations. Honestly I'd keep it simple.",
    "{L} Precompute recommendations for each viewer every few minutes and cache them, so the stream just reads a list.",
    "{dl} Latency doesn't really matter much for recs, it's a side panel, if it takes a second nobody's gonna care.",
    "And we'd take out sold out stuff when we refresh.",
    "That's basically it, it's not that complicated of a system.",
], max_s=60)

A("h2_08", "chat-moderation", "senior", "Long but front-loaded: all five signals inside the first two minutes, then ten minutes of structured elaboration.", [
    "Let me frame it first and then go component by component.",
    "{H} The bet: sellers who get harassed, or who watch scam links hit their chat, stop going live,",
    "and buyers who click one fake payment link don't come back. Chat safety is a seller retention problem first.",
    "{C} Two constraints I'll hold as hard lines. Chat delivered under 300 milliseconds end to end, and scam links gone within 2 seconds.",
    "If we break the first, the room feels dead. If we break the second, people get robbed.",
    "{L} So I'd split the path. Every message gets a cheap inline check, a link allowlist and known patterns, a few millis,",
    "and then it's delivered, while a copy goes onto a queue for the heavier model that scores it asynchronously.",
    "If the model says scam, we send a retraction to every client and the message disappears, typically within a second.",
    "{T} The trade-off I'm making is that a borderline message can be visible for up to a second or two before we pull it,",
    "and I accept that, because holding every message for a model call would blow the 300 millisecond budget for the 99% of chat that's fine.",
    "{M} On impact, pulling scam links inside 2 seconds means most viewers never see them, so I'd expect scam reports per show to drop by half,",
    "and seller churn attributed to harassment to come down a couple of points. That's the number I'd put on the dashboard.",
    "Now let me go through the pieces.",
    UNTIL("chat", 330),
    "{p3} Let me pause on the seller side for a moment, because that's where the retention story lives.",
    "A seller who had a bad show needs to see that we acted, what we removed, who we timed out.",
    "That visibility is part of the product, not an afterthought.",
    UNTIL("chat", 560),
    "So to recap the shape. An inline check, delivery, an async verdict, a retraction, and user-level consequences on top.",
    UNTIL("chat", 655),
    "I'll stop there. Happy to go deeper on the classifier, the review console or the rollout.",
], min_s=600)

A("h2_09", "watch-party", "engineer", "Medium engineer: hard requirements, session and fan-in levers, an owned batching trade-off; no user problem, no business tie; one bare stack list.", [
    "Alright watch parties. So um, the interesting bits are session state and fan-out.",
    "{twr} I'd go with Elixir, Phoenix channels, and then uh, ScyllaDB for the party state.",
    "Okay so, session. A party is basically a room ID with a member list and a pointer into the stream,",
    "like which timestamp of the live video everyone should be at.",
    "{C} Requirements I'm treating as hard, everyone within 1 second of each other, and if your phone drops you're back in under 2 seconds.",
    "{L} For the rejoin the session lives server side, not on the phone, we keep party state in a replicated in-memory store",
    "and the client only holds a resume token. Phone reconnects, presents the token, lands on whatever node, gets the state back.",
    "So no sticky sessions needed which is nice.",
    "For sync, every member reports their playback position every couple seconds,",
    "the party leader's position is the reference, and clients that drift more than like 500 millis get nudged, speed up slightly or jump.",
    "Fan-out for chat and reactions, we publish to a per-party topic and the gateways subscribe,",
    "so a message goes out once per gateway, not once per member.",
    "Fan-in is reactions, which is where it gets spiky, like everyone hits the fire emoji when the card gets pulled.",
    "So we batch reactions per party into 200 millisecond windows and send counts instead of every single tap.",
    "{T} That means your friends see your reaction up to 200 millis later and as part of a count, not as you individually, and I'm fine with that",
    "because with ten people tapping at once nobody can read individual reactions anyway, and it cuts message volume by like 10x.",
    UNTIL("watch", 230),
    "Um, the other thing is what happens if the leader drops, then we just promote whoever's been in longest.",
    "Yeah. That's the core. I could go into the protocol details if you want.",
])

A("h2_10", "live-payments-fraud", "growth", "Strong growth PM: loss-concentration hypothesis, 100 ms and 0.5% lines, precomputed scores, chargeback tie with numbers, owned staleness.", [
    "Okay so the way I'd think about this is as a money in, money out problem.",
    "{H} My hypothesis, most of our fraud losses come from a small set of brand new accounts buying high value items fast,",
    "while honest buyers, who are the 99%, bounce if payment hangs while the show keeps moving.",
    "{C} So the hard lines, the fraud decision lives inside checkout and has to come back under 100 milliseconds, and chargebacks stay under 0.5%.",
    "The money metric is paid GMV net of chargebacks, that's what I'd report every week.",
    "{L} Design-wise, we precompute a risk score per account and per device in the background, updated as events happen,",
    "so at checkout the decision is a lookup plus a few cheap rules, not a model call.",
    "Anything that's clearly fine, approve. Clearly bad, block. Middle band, hold the payout to the seller, not the buyer's order.",
    "{M} Precomputing keeps the check under 100 millis so honest buyer conversion doesn't dip, and the hold band",
    "should take chargebacks from around 0.6% to under 0.4, that's real money at our GMV.",
    "{T} Trade-off, the precomputed score can be a few minutes stale, so a brand new stolen card on an old account might slip through once.",
    "I'll take that, because the alternative is a synchronous model call that adds 100 plus millis to every honest buyer's checkout.",
    "And for sellers, holding payouts for new sellers until the carrier scan, that catches the empty box scam.",
    "We'd A/B the thresholds by cohort, and the guardrail is approval rate for returning buyers.",
    "That's my first pass.",
])

A("h2_11", "auction-bidding", "junior", "All hard negatives: 'no hypothesis yet', a latency description, 'should be fast', bare Kafka, 'caching is good', an unowned trade-off, 'measure later', 'more GMV'; nothing counts.", [
    "Okay. So honestly I don't have a hypothesis yet, I'd want to talk to users first.",
    "I think we should think about users obviously, the bidders and the sellers.",
    "Um, latency is about 200 milliseconds today I believe, from what I've read.",
    "And it should be fast right, because it's an auction, people want to see their bid.",
    "{twr} Technically, we'll use Kafka.",
    "And caching is good, we'd want some caching in there somewhere.",
    "There's going to be a lot of people bidding, thousands.",
    "Metrics matter a lot here too obviously, we'd want a dashboard.",
    "And there's definitely a trade-off between speed and um, correctness, there always is.",
    "{def} For how exactly the bids get ordered, I'd leave that to the engineers, they'd know the right way to do it.",
    "Then we'd measure it later once we launch and iterate.",
    "We want more GMV obviously, that's the goal of the whole thing.",
    "Um, and the winner part, that's in the prompt, I'd figure that out with the team.",
    "I think that's, that's what I have for now.",
])

A("h2_12", "flash-sale-inventory", "engineer", "Long engineer: constraint, bucketed-counter lever and trade-off early; the user problem and the business tie only after ten minutes.", [
    "Okay flash sale, 500 units, 50k taps a second, love it, this is the classic inventory counter problem.",
    "{C} Hard requirement one, zero oversell, stock is a hard count, I'm not going to design anything that can go to minus one.",
    "{twr} My first instinct is DynamoDB plus SQS plus Lambda.",
    "Um but let's actually think about it rather than just reach for stuff.",
    "{L} The trick I like is to pre-split the 500 into buckets, say 50 buckets of 10, each owned by one shard,",
    "and every buy tap is routed to a random bucket, does an atomic decrement, and if it's empty it tries one neighbor.",
    "So there's no single hot counter, the 50k taps spread over 50 owners.",
    "{T} Cost of that is near the end you get false sold outs, some buckets are empty while others still have a couple boxes,",
    "and I'm okay with that, a sweeper rebalances the stragglers every 200 millis, worst case a box sells a second later.",
    UNTIL("flash", 200),
    "Then the spinner thing. The tap should come back instantly with either you got one or you're out.",
    "Reservation has a TTL, like 5 minutes to pay, and if you don't pay the unit goes back into a bucket.",
    UNTIL("flash", 330),
    "Um, other stuff. Bots. Bots are going to hammer this.",
    "Bots are a whole other interview honestly, but the seller will notice if one account gets 40 boxes.",
    UNTIL("flash", 615),
    "{p5} Okay, I realize I've been talking about the machinery for a while and not the why, let me step back.",
    "{H} The bet here is that flash sales are how sellers pull casual viewers into their first purchase,",
    "and when a first timer taps buy, waits, then gets a cancellation email because we oversold, they don't buy again.",
    "{M} So the bucketed counters, instant answer, zero oversell, I'd expect that to lift first purchase conversion on flash sales maybe 3%,",
    "and take seller side cancellations to zero, which matters for whether sellers run another one.",
    UNTIL("flash", 715),
    "Yeah I think that's, I'll stop there.",
], late=("hypothesis", "metric_tie"), min_s=600)

A("h2_13", "checkout-latency", "nonnative", "Short, simple grammar: budget, cache lever, a 1-2% conversion tie; no user problem, no trade-off.", [
    "{C} So, the add to cart must be under 120 millisecond, p80. This is the budget, we cannot pass it.",
    "Now it is 150, so we need to remove 30.",
    "{L} I will keep the item price and the stock in cache near the API, so add to cart don't need to call three services.",
    "Also the cart write, we can make it later, async, the user see the item in cart immediately.",
    "{M} With the cache, add to cart go to 120, and I think this give 1 or 2% more conversion in the show,",
    "because the data say conversion drop when the path is slow.",
    "Payment is other company so we cannot change it, but we can start it early.",
    "Okay this is my answer, short.",
], max_s=120)

A("h2_14", "live-event-orchestration", "junior", "Nervous junior: dismisses latency then corrects herself; vague 'think about viewers' first, real hypothesis later; no tie, no trade-off.", [
    "Okay, um, hi, so um, live show with a hundred thousand viewers.",
    "I think we should think about the viewers, I guess, like what they want.",
    "Um, they want to see the show and buy stuff.",
    "So the system. I think there's the video part and the um, the other part, the item and price and chat.",
    "{dl} Honestly I don't think latency is the big deal here, like, I'd focus on throughput, making sure everyone gets it at all.",
    "Sorry, wait, that's, the prompt said 200 milliseconds.",
    "{C} So okay, that 200 milliseconds end to end is the budget, we have to stay under it for anything on stage. Sorry.",
    "{L} For the video I think we'd use a CDN, so the video is served from servers close to people instead of one place.",
    "And for the price and the item, um, we push updates to the phones over a connection that stays open, instead of the phones asking every second.",
    "{p4} Um.",
    "{H} Okay I think the actual problem, um, is if the price on screen is behind, people try to buy at the old price and it fails,",
    "and then they get frustrated and leave the show. So that's what I'd want to solve, I think.",
    "Um, and chat, chat is also important, people talk to the seller.",
    "Maybe chat can be a bit slower than the price, I'm not sure.",
    "I think that's what I have. Sorry it's a bit all over the place.",
])

A("h2_15", "seller-drop-scheduling", "rambler", "Long rambler: lever early, hypothesis at minute four, defers the database; EU residency constraint and its owned cost only after ten minutes; no metric tie.", [
    "Oh okay, seller tools, I used to work on a seller dashboard actually, different company, like a marketplace for uh, handmade stuff,",
    "and the funny thing there was sellers would schedule stuff at 3 AM because that's when they had time, so the UX matters a lot.",
    "Anyway. Scheduling drops.",
    UNTIL("seller", 80),
    "{L} So at the top of the hour I'd precompute everything for a drop ahead of time, the item pages, the follower list,",
    "and stage the reminders in a queue so they trickle out over a few minutes instead of all at 7:59.",
    UNTIL("seller", 240),
    "{H} And I think, I think the real seller problem, now that I'm saying it out loud, is sellers schedule a drop then go live to an empty room",
    "because the reminders landed late or got buried, and those sellers stop scheduling ahead, they just go live randomly.",
    UNTIL("seller", 400),
    "{def} And which database for the schedule, honestly engineering would know better than me, I'd let them pick.",
    UNTIL("seller", 620),
    "{C} Oh and something I totally forgot, legal's going to make us keep EU data in the EU, that's not optional,",
    "we have a lot of sellers in the UK and Germany now, so the scheduling data for them can't just sit in Virginia.",
    UNTIL("seller", 670),
    "{T} So we'd run a separate EU region for those sellers, which means a second deployment and more cost, maybe 30% more for this service,",
    "and I'm fine eating that because the alternative is we just can't serve those sellers.",
    UNTIL("seller", 690),
    "Okay, I've rambled enough, sorry, that's my answer.",
], late=("constraint", "tradeoff"), min_s=600)

A("h2_16", "stream-recommendations", "growth", "Strong growth PM: leave-moment hypothesis, 100 ms and 5 s constraints, precomputed candidates, minutes-watched tie, owned staleness.", [
    "Recs inside the stream, okay. I'll start with the outcome I'm trying to move.",
    "{H} The hypothesis, viewers leave a show when it stops being relevant to them, like the seller switches from Pokemon to sports cards,",
    "and if we catch that moment with a show or item they actually care about, we keep them in the app instead of losing them.",
    "So the money metric is sessions that end in a purchase, and the second one is minutes watched per day.",
    "{C} Hard constraints, recs render in the stream under 100 millis, and a sold out item is gone within 5 seconds, no exceptions,",
    "because recommending something you can't buy is worse than recommending nothing.",
    "{L} So I'd precompute a candidate set per viewer every few minutes, a few hundred items and shows,",
    "and at request time we just filter and re-rank from memory, which is how we fit in 100 millis.",
    "Sold out is a separate path. Inventory events go out on a feed,",
    "and the serving layer drops those items from every cached list within a second or two.",
    "{M} Precomputed candidates let us fire a rec right when a viewer's about to leave, and I'd expect minutes watched up 2 to 3%,",
    "and sessions with a purchase up about a point, I'd A/B it against no recs in the stream.",
    "{T} The trade-off is staleness, a precomputed list can be a few minutes behind your taste, so if you just started watching sneakers",
    "we won't catch it right away. I'll accept that to stay inside 100 millis, and we refresh on strong signals like a follow or a purchase.",
    UNTIL("general", 260),
    "Cold start for new viewers, we fall back to what's popular in the categories they picked at signup.",
    "And we'd cap it at one nudge every few minutes so it doesn't feel like an ad, that's a guardrail on watch time.",
    "That's how I'd know it's working, the A/B on minutes watched and purchase sessions, with a guardrail on unfollows.",
])

A("h2_17", "chat-moderation", "growth", "Under a minute: hypothesis and async lever only.", [
    "{H} Quick version. The problem, I think, is sellers who get harassed in chat stop streaming, that's who gets hurt most.",
    "{L} So I'd deliver messages right away and run the heavy scam and abuse classifier asynchronously off a queue,",
    "and pull anything bad after the fact.",
    "And give sellers a one tap mute for repeat offenders. That's my quick take.",
], max_s=60)

A("h2_18", "watch-party", "senior", "Strong senior: social-proof hypothesis, 1 s and 2 s constraints, server-side session, owned reaction-window trade-off, bid-rate tie.", [
    "Let me anchor on the user first.",
    "{H} The hypothesis is that people bid more when friends are watching with them, it's social proof and it's fun,",
    "but today the moment one friend's phone drops or they drift out of sync, the party falls apart and everyone goes back to watching alone.",
    "{C} So the two things I'll hold as hard, members within 1 second of each other, and a dropped member back in under 2 seconds.",
    "I'll design for those, and everything else is secondary.",
    "{L} Session persistence first. The party's state lives server side in a replicated store keyed by party,",
    "and the phone only holds a resume token. Reconnect anywhere, present the token, get the state, back in well under 2 seconds.",
    "Fan-out, each party is a channel, gateway nodes subscribe per party, so one message is one publish plus a hop per gateway.",
    "Fan-in, reactions are aggregated server side in short windows and sent back as counts.",
    "Sync, the server sends the party's reference position in the live stream, and clients correct drift gently.",
    "{T} The trade-off, aggregating reactions into 250 millisecond windows means your friend's fire emoji shows up a beat late and as a count,",
    "and I'm accepting that because it keeps fan-in cost flat as parties grow, and it still reads as live.",
    "{M} Why the 2 second rejoin matters. If a dropped phone doesn't kill the party, I'd expect party sessions to run longer",
    "and the bid rate of party members to be 10 to 15% above solo viewers, which is the whole business case for the feature.",
    UNTIL("watch", 300),
    "I'd launch to a slice of users and compare bid rate and retention of party members against matched solo viewers.",
    "That's the shape. I can go deeper on drift correction or abuse in parties.",
])

A("h2_19", "live-payments-fraud", "junior", "Weak junior: 'fraud is bad for everyone' is no hypothesis; the chargeback line is a real constraint; bare XGBoost; defers speed to data science and engineering.", [
    "Um okay, fraud. So fraud is bad for everyone right, the buyers, the sellers, us.",
    "Um. So I think the main thing, sorry, let me think.",
    "{p5} Okay.",
    "{C} So the chargeback rate has to stay under 0.5%, that's like the requirement,",
    "I think if we go over that the card networks um, they fine us or something.",
    "{twr} And I'd use a machine learning model, like XGBoost maybe.",
    "And it would say yes or no for each payment. Or maybe hold.",
    "{def} How fast it runs and where it runs, I think the data science team and engineering would decide that part.",
    "Um, for sellers who ship empty boxes, maybe we ask buyers to rate them.",
    "And then if a seller gets bad ratings we, um, we ban them.",
    "Sorry I'm, I think that's what I have.",
])

A("h2_20", "auction-bidding", "rambler", "Long rambler: vague 'bidders care about the bidding working' early, constraint early, a scale boast, sharding lever at minute five; the real hypothesis and the GMV tie after ten minutes; no trade-off.", [
    "Okay auctions. So I've, I've done a lot of eBay in my life, like a lot, my dad collected coins",
    "and I remember sniping auctions at the last second, which is kind of what the 15 second thing is, right, everyone snipes.",
    "So yeah, I think bidders care about, you know, the bidding working.",
    UNTIL("auction", 100),
    "{C} The prompt says 200 millis p99 on the bid ack, and I'd hold to that as the hard budget, because, well, the last two seconds.",
    "And one winner, which is like, non-negotiable, you can't have two people think they won the same card.",
    UNTIL("auction", 200),
    "{scale} And the system needs to handle, I mean, we should build for a hundred thousand bids a second, easily, just to be safe.",
    UNTIL("auction", 290),
    "{L} So the way I'd do it, each auction is sharded by auction ID to one owner node that keeps the high bid in memory",
    "and orders the bids as they come in, so there's no fight between servers about who's highest.",
    UNTIL("auction", 615),
    "{p6} Um. Okay, can I, can I restate what I think the actual problem is, because I kind of skipped it.",
    "{H} The bidders who lose a last second bid because it reached us late feel cheated,",
    "and after one or two of those they stop bidding on fast auctions altogether. That's the thing I'd bet on.",
    UNTIL("auction", 770),
    "And the owner node design is the business case, honestly, fewer lost late bids",
    "{M} means I'd guess 3 or 4% more bids land in the final two seconds, and that's where the final price gets set, so that's GMV.",
    UNTIL("auction", 850),
    "Alright I think I'll wrap up there, that was long, sorry.",
], late=("hypothesis", "metric_tie"), min_s=600)

A("h2_21", "flash-sale-inventory", "growth", "Growth PM: hypothesis, edge reservation tokens, first-purchase tie; 'ideally we don't oversell too much' is not a hard constraint; no trade-off.", [
    "Flash sales are my favorite growth lever honestly, they're how a seller turns lurkers into buyers.",
    "{H} My bet is first time viewers who tap buy and stare at a spinner for 5 seconds assume it's rigged,",
    "and they never try a flash sale again. That's a new buyer activation problem.",
    "Ideally we don't oversell too much, obviously, sellers hate that.",
    "{L} So mechanically we hand out reservation tokens at the edge, the 500 units become 500 tokens pre-loaded into edge nodes,",
    "and a tap just grabs a token locally, yes or no in a few millis, no round trip to the main database.",
    "Payment happens after, with a short hold on the token.",
    "{M} The instant yes or no is the whole point, I'd expect flash sale first purchase rate up maybe 4 points, and D30 repeat purchase with it.",
    "The north star is GMV per show, that's what I'd report up.",
    "I'd run it as a holdout, 10% of shows on the old flow, and watch first purchases and D30 retention.",
    "And segment by new versus returning, because returning buyers probably don't care as much.",
    "That's it.",
])

A("h2_22", "checkout-latency", "engineer", "Long engineer: budget, parallel calls plus cache, owned stale-promo trade-off early; two bare stack lists; buyer problem and conversion tie only after ten minutes.", [
    "Okay, 120 millis at p80 for add to cart, last quarter was about 150.",
    "{C} So I'm going to treat 120 as a hard budget and allocate it, like an actual budget spreadsheet.",
    "Client to edge call it 30. Edge to API 5. Auth 10. Then whatever's left for the actual work.",
    "{twr} Stack, Go services, Postgres, Redis, Envoy, Temporal for the checkout workflow.",
    "Um so where's the fat. From what I've seen in setups like this it's always the calls to downstream services.",
    "Add to cart today probably calls inventory, pricing, promotions and the cart service one after another.",
    "{L} I'd fire those in parallel, and cache pricing and promos per item for as long as it's on screen,",
    "so the hot path is one cache read and one write.",
    "{T} Caching promos means if a seller edits a discount mid item, some buyers see the old price for up to a couple seconds,",
    "and I'd accept that and honor the lower price at checkout, it's cheaper than the latency.",
    UNTIL("checkout", 220),
    "{twr} Payments, Stripe. Maybe Adyen too.",
    UNTIL("checkout", 300),
    "Temporal for the checkout workflow because the payment step can hang on the third party and we need retries that survive a deploy.",
    UNTIL("checkout", 610),
    "{p4} Um okay. I've been deep in the weeds. Let me say why any of this matters.",
    "{H} The buyer's watching the seller move on to the next item, and if the tap lags they miss the moment,",
    "and impulse buyers don't come back for an item they missed, they just keep scrolling.",
    "{M} So getting from 150 to under 120 with the parallel calls and the cache, I'd expect a couple points on add to cart to order conversion,",
    "because the data says conversion drops when the path gets slow, and at this volume that's a lot of GMV.",
    UNTIL("checkout", 720),
    "Okay. That's everything I've got.",
], late=("hypothesis", "metric_tie"), min_s=600)

A("h2_23", "live-event-orchestration", "nonnative", "Medium, simple grammar: hypothesis, 200 ms hard limit, a scale boast, CDN plus push, owned memory-cost trade-off; no metric tie.", [
    "So. I think first about the viewer. What is the problem for him.",
    "{H} When seller show a new item, viewer must see it in the same moment. If he see it late, the item is already gone,",
    "he feel like he always lose, and he leave the show. This is my hypothesis for the problem.",
    "{C} The requirement is 200 milliseconds end to end for the show event. We must respect, is hard limit.",
    "{scale} The system can scale to one million viewers, ten million, no problem, we add more servers.",
    "{L} For the video we use CDN, the edge servers near the people, so the video don't go every time from our data center.",
    "For the item and price, we keep one connection open with each phone and push the change,",
    "not the phone asking every second, because hundred thousand phones asking every second is too much.",
    "Also the events, we send them to regional servers first and they send to the phones near them.",
    "{T} There is trade-off. Keep the connection open for hundred thousand phones cost more memory and more servers.",
    "But I accept this, because the polling is slower and also cost a lot. So is better.",
    "What happen if the seller lose connection? We show a message, the show is paused, and we wait.",
    "Okay. This is my design for now.",
])

A("h2_24", "stream-recommendations", "junior", "Under a minute: only a hypothesis, split across two cues (labelled where the content is), then stalls.", [
    "Um so I think, for recommendations, the problem is, um,",
    "{H} viewers who are watching a show that isn't really their thing get bored and close the app, instead of finding a show they'd like.",
    "So we'd want to show them um, other shows in the stream, I think.",
    "Sorry, I, can I think for a second?",
    "{p6} Um yeah, I'm not sure how I'd build it yet.",
], max_s=60)

A("h2_25", "chat-moderation", "engineer", "Engineer: bare Flink/vector DB list, hard SLOs, async classifier with tombstones, owned exposure window, churn tie; no user problem.", [
    "Okay chat. So this is a streaming problem. Messages in, verdicts out.",
    "{twr} I'd reach for Flink and a vector DB, um, plus Redis streams.",
    "Let me lay out the path though.",
    "{C} Budget-wise, 300 millis end to end for chat is the line, and scam links have to be gone inside 2 seconds, those are hard SLOs.",
    "{L} So the message gets published right after a cheap inline check, known bad domains, a few regexes, under 5 millis,",
    "and in parallel it's consumed off the stream by the classifier, which runs async and can take a second.",
    "If the verdict is bad we publish a tombstone for that message ID and every client removes it.",
    "{T} The cost is a window of up to a second or so where a bad message is visible, I'd accept that,",
    "because gating every message on the model would add like 200 millis and we'd blow the 300 budget.",
    "{M} Pulling scam links inside 2 seconds should cut exposure by like 90%,",
    "and I'd expect that to take a couple of points off seller churn, since scam filled shows are a top reason sellers quit.",
    "Harassment's different from scams, it's more about the user, so we track strikes per user and auto mute after a few.",
    "Sellers get a mod queue on their phone, and they can appoint trusted viewers as mods.",
    "That's the core architecture.",
])

A("h2_26", "watch-party", "rambler", "Long rambler: hypothesis at about two minutes, fan-out lever at about six, defers session persistence; constraint and owned sync trade-off only after ten minutes; no metric tie.", [
    "Watch parties, okay so, this is, I love this idea actually because I, uh, I watch shows with my brother over FaceTime,",
    "which is terrible by the way, like the audio echoes and we're never on the same second.",
    UNTIL("watch", 130),
    "{H} So the problem, if I'm, if I'm putting a stake in the ground, friends want to watch an auction together,",
    "but they're out of sync, one sees the card pulled before the other, it spoils it, and they give up and watch alone.",
    UNTIL("watch", 340),
    "{L} For fan-out, a party is a channel, we publish a message once and each server holding a member's connection forwards it,",
    "so it's not the sender's phone sending to eight people.",
    UNTIL("watch", 480),
    "{def} And how exactly we keep the session alive when a phone drops, I'd, I'd honestly leave that to the engineers, they'll know.",
    UNTIL("watch", 625),
    "{C} Oh, one thing I should lock down, members have to be within 1 second of each other,",
    "and back in under 2 seconds after a drop, those are the bar, otherwise it's not a party.",
    UNTIL("watch", 690),
    "{T} To keep everyone within a second we'd hold the fastest phones back a little to match the slowest one,",
    "which costs the people on good connections some delay, and I'm okay with that, being together matters more than being first here.",
    UNTIL("watch", 730),
    "Okay that's, yeah, I'll stop.",
], late=("constraint", "tradeoff"), min_s=600)

A("h2_27", "live-payments-fraud", "senior", "Strong senior: all five signals with numbers, including a dollar estimate.", [
    "I'll give you the frame, then the design, then what I'd trade.",
    "{H} The problem I'd bet on, honest buyers pay for fraud twice, in friction when we over-block,",
    "and in trust when a scam burns them. We need to be invisible to them and hard on the few bad actors.",
    "{C} Constraints, the decision sits inside checkout with a 100 millisecond budget, and chargebacks must stay under half a percent, that's a card network line.",
    "{L} Design, a streaming feature pipeline keeps per account, per device and per seller risk features precomputed,",
    "and checkout does a single lookup plus a small rules engine. Scores update asynchronously as events arrive.",
    "Three outcomes. Approve, hold the seller payout, or block.",
    "{M} Holding payouts rather than blocking buyers keeps approval for good buyers above 99%, so conversion doesn't pay for fraud,",
    "and I'd target chargebacks from 0.6 to 0.35%, roughly a million dollars a year at current volume.",
    "{T} The cost, precomputed features are seconds to minutes stale, so the first payment on a freshly stolen card may go through.",
    "I accept that because a synchronous model would cost 80 to 120 milliseconds on every checkout, and the payout hold catches most of what slips.",
    UNTIL("fraud", 240),
    "For sellers shipping empty boxes, payouts for new sellers release on carrier scan and a delivery window.",
    "Rollout behind thresholds we can tune per category, trading cards first since that's where the volume is.",
])

A("h2_28", "seller-drop-scheduling", "growth", "Growth PM: activation hypothesis, precompute plus queue, attendance and retention tie, owned trade-off; no constraint.", [
    "Scheduling is an activation play for sellers, so I'd frame it around that.",
    "{H} My hypothesis, new sellers who schedule their first drop and get a decent crowd in minute one become repeat sellers,",
    "and the ones who open to an empty room churn. So the reminder landing on time is the product.",
    "{L} At the top of the hour we precompute each drop's follower list and reminder payloads 30 minutes ahead,",
    "then a queue spreads the sends over the five minutes before start, instead of a spike at 59.",
    "{M} If that gets reminders out on time for everyone, I'd expect first minute attendance up 10 to 20%, and new seller 30 day retention up a few points.",
    "{T} The trade-off is followers who follow in the last half hour miss the list,",
    "and I'll eat that, it's a tiny slice compared to reliable reminders for everyone else.",
    "I'd test reminder timing too, 5 minutes versus 15 minutes before, and look at attendance.",
    "That's it.",
])

A("h2_29", "auction-bidding", "nonnative", "Short, simple grammar: one-winner rule and 200 ms, single-owner lever, owned pause trade-off; no user problem, no tie.", [
    "{C} Okay. For auction, the most important rule, only one winner, never two. Every bid must be in order.",
    "And bid acknowledge must be under 200 millisecond p99. This is the rule.",
    "{L} So each auction go to one server, by the auction ID, and this server put the bids in order in memory.",
    "Then it send the new high bid to all viewers.",
    "{T} Problem is, if this server die, the auction stop for one or two second. I accept this, is better than two winners.",
    "Okay, this is my idea.",
], max_s=90)

A("h2_30", "checkout-latency", "growth", "Weak first, proper later: 'should be fast', a latency description, 'caching is good' and 'more GMV' first, then the real budget, edge cache and 1.5% tie; no hypothesis, no trade-off.", [
    "Alright. So add to cart, it should be fast. Obviously.",
    "And latency is about 150 milliseconds today, from the prompt.",
    "Caching is good, so I'd want caching.",
    "And we want more GMV, that's the goal.",
    "{p4} Okay let me be more concrete, I'm being vague.",
    "{C} The budget is 120 milliseconds at p80 for add to cart, and we can't go over that, that's what we're designing to.",
    "{L} Concretely, we cache each item's price and stock at the edge the moment it's on screen,",
    "so add to cart never hits the database on the read side.",
    "The cart write itself can be a single small insert.",
    "Payment is third party, PCI, we don't touch that path for this.",
    "{M} That edge cache is what gets us from 150 to under 120, and I'd expect show conversion up about 1.5%,",
    "based on how conversion falls off as the path gets slower.",
    "Um, and I'd monitor it after launch.",
    "That's my answer.",
])

A("h2_31", "flash-sale-inventory", "senior", "Crisp senior without a metric tie: 'success would be measured by sell-through' names metrics but ties no choice to them.", [
    "Let me state the problem, the constraints, then the design.",
    "{H} Buyers in a flash sale don't mind losing, they mind not knowing,",
    "sitting on a spinner and then getting a cancellation email an hour later. That's what erodes trust.",
    "{C} Hard constraints, zero oversell, stock is a hard count, and an answer to every tap within a second.",
    "{L} Design, the 500 units are pre-allocated into shards, each owned by one node,",
    "and a tap claims one with an atomic decrement on its shard, so there's no single hot row.",
    "Taps that arrive after sell out get an immediate sold out, served from a flag at the edge.",
    "Claimed units hold for three minutes pending payment, then return to a shard.",
    "{T} The trade-off, in the last few units a tap can be told sold out while another shard still has one. I accept that small unfairness,",
    "because strict global ordering would mean one hot counter, and that's where the spinner comes from.",
    UNTIL("flash", 200),
    "Success would be measured by sell-through and time to answer, and we'd watch cancellations closely.",
    "That's where I'd start. Happy to go into bots or payment failures.",
])

A("h2_32", "live-event-orchestration", "growth", "Growth PM: hypothesis, a 400 ms description (not a constraint), regional push lever, early-exit and GMV tie, owned $12,000 a month cost; no constraint.", [
    "So I'd start from the business. Marquee shows are our biggest GMV moments, one show can be a real chunk of the day.",
    "{H} My bet is viewers in a marquee show who see the price or the item change late lose out on a couple of items,",
    "decide it's rigged for the fast people, and leave in the first ten minutes.",
    "From what I've seen, end to end for show events is around 400 millis at peak today.",
    "{L} So the lever is push over the socket they already have, with regional fan-out nodes, and we send small deltas, item ID and price, not full state.",
    "Video stays on the CDN path, I don't want to touch that.",
    "{M} Taking show events from 400 to under 200 with regional fan-out, I'd expect early exits down maybe 15%,",
    "which by my math is roughly 2% more GMV per marquee show.",
    "{T} We pay for it with more always-on fan-out capacity, maybe $12,000 a month more, and honestly that's worth it, one marquee show pays for it.",
    "I'd instrument exits by minute and by latency bucket so we can see the curve, then A/B regional fan-out on half the shows.",
    "Done.",
])

A("h2_33", "stream-recommendations", "engineer", "Under a minute: a bare ML-stack list, then one precompute lever.", [
    "{twr} Okay, recs. Feature store, Feast maybe, and then a two tower model, and Milvus.",
    "{L} Serving-wise I'd precompute candidate lists per user in batch every hour and keep them in an in-memory store,",
    "then re-rank at request time.",
    "Sold out stuff gets filtered on read.",
    "That's the gist, I can go deeper on the model.",
], max_s=60)

A("h2_34", "live-payments-fraud", "rambler", "Rambler, mid length: dismisses checkout latency, async scoring lever, the hypothesis at about five minutes, owned loss trade-off; no constraint, no tie.", [
    "Fraud, ugh, okay, so fraud is one of those things where, like, I got my card stolen last year and it was a whole thing,",
    "the bank called me at like 6 AM asking if I bought a TV in Ohio.",
    "Anyway, for live shows it's interesting because everything's so fast.",
    "There's like three kinds here, stolen cards, people who win and don't pay, and sellers shipping empty boxes,",
    "which are really different problems honestly, and I'd probably have different teams on them.",
    UNTIL("fraud", 90),
    "{dl} I wouldn't worry too much about latency on this honestly, a few hundred millis more at checkout, people won't notice.",
    UNTIL("fraud", 200),
    "{L} So what I'd do is score everything asynchronously after the order goes through, off a queue,",
    "and if it looks bad we hold the seller's payout instead of blocking the buyer in the moment.",
    UNTIL("fraud", 300),
    "{H} And I think, actually, the real problem for users is sellers getting burned by buyers who win and never pay,",
    "they lose the item for that show and the sale, and those sellers stop doing auctions and switch to buy it now.",
    "{T} Scoring after the fact means some fraud goes through the first time, we eat that loss,",
    "and I'm fine with it because blocking at checkout would annoy everyone honest.",
    UNTIL("fraud", 420),
    "Okay yeah, that's what I've got.",
])

A("h2_35", "chat-moderation", "growth", "Growth PM with no architecture: hypothesis, 2 s hard line, an owned over-removal trade-off; 'some AI' is no lever; 'money metric' and 'measure after launch' are no tie.", [
    "Chat is engagement, so I'm protective of it, chatty shows convert better, every seller will tell you that.",
    "{H} But the bet I'd make is that one scam link in chat costs us more than a hundred nice messages earn,",
    "because the buyer who clicks it and loses $80 is gone for good, and they tell their friends.",
    "{C} So there's a hard line for me, scam links are gone within 2 seconds, we don't debate that one.",
    "And chat itself has to stay under 300 millis, the room can't feel laggy.",
    "We'd use some AI to catch the bad stuff, there are good models for this now.",
    "{T} I'd rather over-remove. We'll delete some legit messages with links, at the cost of annoying a few honest viewers,",
    "and I'm fine with that because a false positive costs a retyped message and a false negative costs a customer.",
    "The money metric is GMV per show, and I'd watch messages per viewer as the engagement guardrail.",
    "And we'd measure scam reports after launch and see.",
    "That's my take.",
])

A("h2_36", "watch-party", "nonnative", "Simple grammar: hypothesis and hard requirement, bare WebSocket/Redis, 'good servers' is no lever; no tie, no trade-off.", [
    "Watch party. I think is very nice feature.",
    "{H} The problem is, friends they want to watch the auction together, but when one phone disconnect,",
    "he lose the party and he don't come back, so the friends stop to use it.",
    "{C} The requirement, everybody in the party maximum 1 second difference,",
    "and reconnect under 2 seconds. This is the hard requirement for me.",
    "{twr} For technology we use WebSocket and Redis.",
    "The party have a leader, the other follow the leader time.",
    "Chat and reaction, everybody see it.",
    "We need good servers, fast ones, for this to work.",
    "Also when the phone come back, he see the same party, same chat, same friends.",
    "I think the leader is the person who make the party.",
    "If the leader go away, another person become the leader, automatic.",
    "Maybe later we add voice, but not now, is too much for first version.",
    "Okay, this is my idea.",
], max_s=90)

A("h2_37", "seller-drop-scheduling", "junior", "Nervous junior: a real hypothesis, then 'it should be fast' and a deferral of the load problem; nothing else.", [
    "Um okay, so scheduling drops. Um.",
    "So sellers, um, they want to plan their shows, I think.",
    "{H} And I think the problem is when they go live, um, their followers don't show up,",
    "because the reminder came too late or didn't come, so the seller is just talking to, like, nobody.",
    "So the reminders should be quick. Like, it should be fast.",
    "And at the top of the hour there's a lot of drops at once, which, um, is a lot.",
    "{def} I think the engineers would know how to handle the load part, that's more their area, I'd just make sure they know about it.",
    "And for the seller, the scheduling screen, I'd make it really simple, pick a date, pick the items.",
    "Um and maybe let them edit it later.",
    "Um, also the followers, they should be able to say, like, remind me, on the show page.",
    "And then the seller can see how many people said remind me, which I think they'd like.",
    "{p4} Um, sorry, what else.",
    "I think there's also, like, if the seller is late, the people waiting should know somehow.",
    "Yeah. Sorry, that's, that's what I have.",
])

A("h2_38", "auction-bidding", "growth", "Product-only growth PM: a hypothesis and a scale boast; goals and A/B talk without any lever, constraint or tie.", [
    "So for auctions I'd start with the business. Auctions are where the excitement is, and excitement is GMV.",
    "{H} My hypothesis is that casual viewers are scared to bid, the last second rush feels like a game for pros,",
    "so they watch for weeks and never place a first bid.",
    "The money metric is GMV per auction, and I'd want first bids per new viewer up.",
    "{scale} We should make sure it can do 50,000 bids a second, easily, maybe 100,000.",
    "I'd want a clear bidding button, maybe a suggested bid amount, and a little tutorial the first time.",
    "Um, and then we'd A/B test those and measure.",
    "Also the tutorial, I'd keep it really short, like three screens, maybe even one.",
    "And for the seller I'd show them how many new bidders they got in each show,",
    "I think sellers would love that, it's like a little leaderboard.",
    "And maybe a first bid badge, something fun.",
    "That's my high level take.",
])


# --------------------------------------------------------------------------------------------------
# Timing and output.
# --------------------------------------------------------------------------------------------------

TAG_RE = re.compile(r"^\{([^}]*)\}\s*")
MIN_CUE_S, MAX_CUE_S = 2.0, 12.0


def parse_cue(raw: str) -> tuple[str, set[str], list[str], float | None]:
    signals: set[str] = set()
    aps: list[str] = []
    pause = None
    m = TAG_RE.match(raw)
    if m:
        raw = raw[m.end():]
        for tok in (t.strip() for t in m.group(1).split(",") if t.strip()):
            if tok in SIG_TAGS:
                signals.add(SIG_TAGS[tok])
            elif tok in AP_TAGS:
                aps.append(AP_TAGS[tok])
            elif re.fullmatch(r"p\d+(\.\d+)?", tok):
                pause = float(tok[1:])
            else:
                raise ValueError(f"unknown tag {tok!r} in {raw!r}")
    return raw.strip(), signals, aps, pause


class Timeline:
    """Lays cues end to end at the answer's speaking rate, in whole milliseconds."""

    def __init__(self, rng: random.Random, wpm: float):
        self.rng, self.wpm = rng, wpm
        self.t_ms = 0
        self.cues: list[dict] = []

    def add(self, text: str, signals: set[str], aps: list[str], pause: float | None, where: str) -> None:
        rng = self.rng
        if pause is None:
            pause = rng.uniform(0.3, 1.5) if not self.cues else rng.uniform(0.2, 1.5)
        words = len(text.split())
        raw = words / (self.wpm * rng.uniform(0.92, 1.08)) * 60.0
        if raw > MAX_CUE_S + 0.5:
            raise SystemExit(f"{where}: cue too long for one Whisper segment ({raw:.1f} s): {text!r}")
        dur = min(MAX_CUE_S, max(MIN_CUE_S, raw))
        start = self.t_ms + round(pause * 1000)
        end = start + round(dur * 1000)
        self.cues.append(dict(start=start, end=end, text=text, signals=signals, aps=aps))
        self.t_ms = end


def ts(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def build_answer(ans: dict) -> tuple[list[dict], float]:
    rng = random.Random(f"voice-sim holdout2 {ans['id']}")
    lo, hi = WPM[ans["persona"]]
    tl = Timeline(rng, rng.uniform(lo, hi))
    # Per-answer order of elaboration blocks: the domain's own blocks interleaved with shared ones.
    queues: dict[str, list[list[str]]] = {}

    def next_block(pool: str) -> list[str]:
        if pool not in queues:
            own = POOLS[pool][:]
            shared = SHARED[:]
            rng.shuffle(own)
            rng.shuffle(shared)
            merged: list[list[str]] = []
            while own or shared:
                if own and (not shared or rng.random() < 0.45):
                    merged.append(own.pop())
                else:
                    merged.append(shared.pop())
            queues[pool] = merged
        if not queues[pool]:
            raise SystemExit(f"{ans['id']}: ran out of elaboration blocks for {pool!r} at {tl.t_ms / 1000:.0f} s; write more")
        return queues[pool].pop(0)

    for i, item in enumerate(ans["cues"]):
        where = f"{ans['id']} cue {i}"
        if isinstance(item, tuple):
            _, pool, until = item
            while tl.t_ms / 1000 < until:
                block = next_block(pool)
                thinking = rng.random() < 0.08
                for j, line in enumerate(block):
                    pause = rng.uniform(3.0, 7.5) if thinking and j == 0 else None
                    tl.add(line, set(), [], pause, where + " (elaboration)")
            continue
        text, signals, aps, pause = parse_cue(item)
        tl.add(text, signals, aps, pause, where)
    return tl.cues, tl.t_ms / 1000


def write_vtt(path: Path, cues: list[dict]) -> None:
    parts = ["WEBVTT", ""]
    for c in cues:
        parts += [f"{ts(c['start'])} --> {ts(c['end'])}", c["text"], ""]
    path.write_text("\n".join(parts), encoding="utf-8")


def label_for(ans: dict, cues: list[dict], duration: float) -> dict:
    signals = {}
    for s in SIGNALS:
        first = next((c for c in cues if s in c["signals"]), None)
        signals[s] = {"present": first is not None,
                      "first_at_s": round(first["start"] / 1000, 3) if first else None}
    aps = [{"code": code, "at_s": round(c["start"] / 1000, 3)} for c in cues for code in c["aps"]]
    return {
        "domain": DOMAINS[ans["scenario"]],
        "scenario": ans["scenario"],
        "window_s": WINDOW_S,
        "duration_s": round(duration, 3),
        "signals": signals,
        "anti_patterns": aps,
        "notes": f"{PERSONA_NAMES[ans['persona']]}. {ans['notes']}",
    }


def check(ans: dict, label: dict) -> list[str]:
    problems = []
    for s in ans["late"]:
        sig = label["signals"][s]
        if not sig["present"] or sig["first_at_s"] <= WINDOW_S:
            problems.append(f"{s} should be stated after {WINDOW_S} s, got {sig['first_at_s']}")
    for s, sig in label["signals"].items():
        if sig["present"] and sig["first_at_s"] > WINDOW_S and s not in ans["late"]:
            problems.append(f"{s} is late ({sig['first_at_s']} s) but not declared late")
    if ans["min_s"] is not None and label["duration_s"] < ans["min_s"]:
        problems.append(f"duration {label['duration_s']} < {ans['min_s']}")
    if ans["max_s"] is not None and label["duration_s"] > ans["max_s"]:
        problems.append(f"duration {label['duration_s']} > {ans['max_s']}")
    return problems


VTT_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")


def reparse(path: Path) -> list[tuple[float, float, str]]:
    """Independent strict re-read of what we wrote."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "WEBVTT" and lines[1] == "", path
    out, i, prev_end = [], 2, -1.0
    while i < len(lines):
        if lines[i] == "":
            i += 1
            continue
        m = VTT_TIME.match(lines[i])
        assert m, (path, i, lines[i])
        g = [int(x) for x in m.groups()]
        a = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        b = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        text = lines[i + 1]
        assert text and lines[i + 2] == "", (path, i)
        assert a >= prev_end and b > a and MIN_CUE_S - 1e-9 <= b - a <= MAX_CUE_S + 1e-9, (path, a, b)
        out.append((a, b, text))
        prev_end, i = b, i + 3
    return out


def main() -> int:
    ids = [a["id"] for a in ANSWERS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for old in HERE.glob("*.vtt"):
        old.unlink()
    labels: dict[str, dict] = {}
    problems: list[str] = []
    for ans in ANSWERS:
        cues, duration = build_answer(ans)
        name = f"{ans['id']}.vtt"
        write_vtt(HERE / name, cues)
        label = label_for(ans, cues, duration)
        labels[name] = label
        problems += [f"{name}: {p}" for p in check(ans, label)]
        parsed = reparse(HERE / name)
        assert len(parsed) == len(cues)
        starts = {round(a, 3) for a, _, _ in parsed}
        for s, sig in label["signals"].items():
            assert not sig["present"] or sig["first_at_s"] in starts, (name, s)
    (HERE / "labels.json").write_text(json.dumps(labels, indent=2) + "\n", encoding="utf-8")

    # ---- summary ----
    n = len(labels)
    print(f"{n} answers written to {HERE}")
    print(f"{'signal':<12} {'present':>7} {'absent':>7} {'absent%':>8} {'late(>600s)':>12}")
    for s in SIGNALS:
        pres = [l["signals"][s] for l in labels.values() if l["signals"][s]["present"]]
        late = sum(1 for p in pres if p["first_at_s"] > WINDOW_S)
        print(f"{s:<12} {len(pres):>7} {n - len(pres):>7} {100 * (n - len(pres)) / n:>7.0f}% {late:>12}")
        if (n - len(pres)) / n < 0.2:
            problems.append(f"{s} is absent in fewer than 20% of answers")
    counts: dict[str, int] = {}
    answers_with: dict[str, int] = {}
    for l in labels.values():
        seen = set()
        for a in l["anti_patterns"]:
            counts[a["code"]] = counts.get(a["code"], 0) + 1
            seen.add(a["code"])
        for c in seen:
            answers_with[c] = answers_with.get(c, 0) + 1
    print("anti-patterns (occurrences / answers):")
    for code in AP_TAGS.values():
        print(f"  {code:<28} {counts.get(code, 0):>3} / {answers_with.get(code, 0)}")
    durs = sorted(l["duration_s"] for l in labels.values())
    print(f"durations: min {durs[0]:.1f} s, median {statistics.median(durs):.1f} s, max {durs[-1]:.1f} s; "
          f"{sum(d > 600 for d in durs)} over 600 s, {sum(d < 60 for d in durs)} under 60 s")
    strength = {"strong (5/5)": 0, "medium (3-4)": 0, "weak (0-2)": 0}
    for l in labels.values():
        k = sum(v["present"] for v in l["signals"].values())
        strength["strong (5/5)" if k == 5 else "medium (3-4)" if k >= 3 else "weak (0-2)"] += 1
    print("mix:", ", ".join(f"{k} {v}" for k, v in strength.items()))
    if "-v" in sys.argv:
        for name, l in labels.items():
            sig = " ".join(f"{s[:4]}={'-' if not v['present'] else round(v['first_at_s'])}" for s, v in l["signals"].items())
            ap = ",".join(f"{a['code'][:5]}@{round(a['at_s'])}" for a in l["anti_patterns"])
            print(f"  {name:<10} {l['duration_s']:>7.1f}s  {sig}  {ap}")
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
