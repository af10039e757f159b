"""Independent held-out answer set #3 for voice-sim.

Spoken PM system-design answers (Whatnot-style live marketplace), written as a
speech recognizer would segment them, with hand-placed signal labels.

Run:  .venv/bin/python tests/data/holdout3/build.py
Writes <id>.vtt and labels.json next to this file.  Deterministic (seeded).

Cue item formats inside an answer's "cues" list:
  "text"                       untagged cue, random pause before it
  ("text", "H L ap:twr")       tagged cue (H C L M T = signals, ap:* = anti-patterns);
                               "H+1" puts the tag on piece 1 of an utterance split_long cuts
  ("text", "", 5.0)            explicit pause (seconds) before the cue
  ("FILL", n)                  n signal-free elaboration cues from FILLER (long answers)
"""
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
SIGNALS = ["hypothesis", "constraint", "lever", "metric_tie", "tradeoff"]
TAG = {"H": "hypothesis", "C": "constraint", "L": "lever", "M": "metric_tie", "T": "tradeoff"}
AP = {
    "ap:twr": "tech_without_rationale",
    "ap:def": "defers_to_engineering",
    "ap:dis": "dismisses_latency",
    "ap:scale": "scale_without_business_tie",
}

# Signal-free, anti-pattern-free elaboration: walking through flows, clarifying,
# thinking aloud.  Used (in order, from a seeded offset) only by long answers.
FILLER = [
    "Okay, let me just sort of walk through the buyer side first, like what they actually see when they open the app.",
    "So they land on the home feed, there's a bunch of shows, some are live, some are scheduled for later tonight.",
    "They tap into one, and, uh, the video takes up most of the screen and chat is sort of overlaid at the bottom.",
    "And then the seller is, you know, holding up a card to the camera and talking about it.",
    "Sorry, I'm jumping around a little. Let me go back to the seller side for a sec.",
    "So the seller has, um, their phone or a ring light setup, maybe a second camera pointed at the table.",
    "They've prepped a run sheet, like, these are the forty items I'm going to go through tonight, roughly in this order.",
    "And I'm assuming the seller can reorder on the fly, because in real shows they totally do that based on chat.",
    "Let me draw this out. So, boxes: the seller's app, the buyer's app, and then a big cloud in the middle that's us.",
    "I'll fill in the cloud as we go, I don't want to over-draw it before I know what matters.",
    "Is it okay if I assume we're talking about the US market only for now? Okay, cool, thanks.",
    "And I'm going to assume mobile first, since I think most of the watching happens on phones.",
    "Um, let me think about who else touches this. There's support, there's the ops folks, maybe finance for payouts.",
    "I'll park those for now and come back to them if there's time at the end.",
    "So, uh, just to restate where I am: I've got the two sides, I've got the rough flow, now I want to go one level deeper.",
    "Hmm. Give me one second to collect my thoughts here.",
    "Right, so the piece I keep coming back to is what happens in the thirty seconds around an item going up.",
    "The seller says, okay, next one, this is a PSA 10, and everybody in chat starts typing at once.",
    "You get like a wall of fire emojis and people asking about centering and corners.",
    "And the seller kind of riffs on that, that's honestly half the entertainment of the whole thing.",
    "I've watched a few of these shows, and the energy is really different from, like, browsing a listing page.",
    "It feels more like a TV shopping channel crossed with a Twitch stream, if that makes sense.",
    "So, um, one thing I'd want to clarify with you is how big the typical show is versus the really big ones.",
    "Like, I'd guess most shows are small, a few dozen people, and then a long tail of huge ones. Is that fair?",
    "Okay, that matches roughly what I would have expected, good.",
    "Let me think about the after-show part too, because the show ending isn't the end of the story.",
    "After the show, the seller has to pack everything, print labels, and ship, and buyers are waiting on tracking.",
    "And buyers will come back and look at what they won, maybe leave a review, maybe follow the seller.",
    "Sorry, that's a bit of a tangent, but I think it matters for the overall experience.",
    "Let me go back to the whiteboard. So in the cloud I've got, like, a few boxes now.",
    "One for the show itself, one for the items, one for the people, and one for money stuff.",
    "I'm being hand-wavy on purpose, I can zoom into whichever box you think is most interesting.",
    "Uh, okay, you said go deeper on the flow, so let me keep going on that.",
    "So when the buyer taps the button, what's the sequence? They tap, the app sends a request, and they get some feedback.",
    "And the feedback part matters a lot emotionally, like people want to see their name pop up.",
    "There's this moment of, did I get it or not, and that moment is kind of the product.",
    "I'm also thinking about the host's view, like what the seller sees while all this is happening.",
    "They probably want a simple panel: current item, who's winning, how much time is left, and what's next.",
    "Nothing fancy. Sellers are busy, they're talking and holding stuff, they can't be clicking around a lot.",
    "Okay, and moderators. Big sellers often have a mod or two in chat helping them out.",
    "So there's a third role there that I kind of forgot about, which is the helper.",
    "Let me just jot that down so I don't lose it.",
    "Um, where was I. Right, right, the flow, okay.",
    "I think there's a version of this where you go really deep on every box, but I want to stay at the right altitude.",
    "Let me ask a quick question actually: are we designing this from scratch, or extending something that exists?",
    "Okay, from scratch but with the rest of the platform already there. Got it, that helps.",
    "So I can assume there's already accounts, payments, shipping labels, that kind of foundational stuff.",
    "Yeah, and I'll just lean on those rather than reinventing them here.",
    "Let me think about the first-time buyer for a second, because their experience is pretty different.",
    "Like, what do they see first, do they get a little tooltip, does the seller say welcome in chat?",
    "So there's some education stuff in the UI, but that's probably out of scope for this question.",
    "Yeah, let me not go down that path right now.",
    "Okay, sorry, I realize I've been talking for a while, let me summarize where I've gotten to.",
    "So far a lot of this has been describing the flow and the actors, more than making decisions.",
    "Alright. Um, let me look at the next part of the diagram.",
    "And I want to make sure I'm not missing anything obvious on the seller's end of things.",
    "Like, the seller probably also wants to see, after the show, a recap of what sold and for how much.",
    "That's more of a reporting thing, I'd mention it and move on.",
    "Also notifications. People follow sellers and want to know when they go live.",
    "And there's the whole thing where someone shares a link to the show with a friend, and the friend joins mid-stream.",
    "The friend might not even have an account, so there's a sign-up step right in the middle of the excitement.",
    "Which is kind of a funny moment, like, do we let them watch first and sign up later? Probably yes.",
    "Okay, I'm going to keep moving, stop me if you want me to go somewhere specific.",
    "Mm, let me check I've got the actors right. Buyer, seller, mod, us, and support. Yeah.",
    "I guess also the shipping side, but that's after the fact.",
    "So, um, to continue, when an item closes, there's a handoff to the order side of things.",
    "The buyer gets a little confirmation, and the seller's queue advances to the next item.",
    "And then that repeats, you know, forty, fifty, a hundred times in a single show.",
    "Some of these shows go for like four or five hours, which is kind of wild when you think about it.",
    "Honestly the seller is basically a TV host, an auctioneer, and a shipping department all at once.",
    "Let me think about a concrete show to keep myself honest. Say it's a Sunday night sports card show.",
    "The seller's got, like, three hundred people watching, a couple of regulars who always buy, and a lot of lurkers.",
    "The regulars chat with the seller by name, it's almost like a bar where everyone knows each other.",
    "And the lurkers are maybe there for one player, waiting to see if that card comes up.",
    "So the seller's reading chat, answering questions, and running the sale at the same time.",
    "Okay, let me think about what the seller would complain about if this went badly.",
    "They'd say something like, my buyers were confused, or chat was yelling at me and I didn't know why.",
    "And the buyer would write in to support, and the seller would hear about it in chat.",
    "Those support tickets are actually a pretty good clue about where the experience breaks.",
    "Um, let me think about how the seller sets this up before the show starts.",
    "They'd create the show, give it a title, a category, a thumbnail, and a start time.",
    "And then they'd add items ahead of time, or sometimes they just add them live as they go.",
    "A lot of the breakers do it live, because they don't know what's in the box until they open it.",
    "Which is kind of the fun of it, honestly, nobody knows what's coming.",
    "Let me make sure I'm answering the question you asked and not a different one.",
    "Yeah, okay, I think I'm still on track here.",
    "So, uh, what does the buyer see at the end of a show? Probably a summary, here's what you won, here's your total.",
    "And a way to pay for everything in one go, if it's bundled.",
    "And shipping gets combined, which buyers really care about, nobody wants five separate shipping charges.",
    "Let me think about international buyers for a sec. Actually no, I said US only, let me stick with that.",
    "Okay, another actor: the platform's own ops team, the people watching dashboards during big events.",
    "On a big night, like a famous breaker doing a huge case, they're probably on a call together watching things.",
    "That's more of a process thing, but it's real, and it's good to know who's watching.",
    "Let me back up to the buyer's phone for a moment. It might be on cellular, it might be on bad wifi.",
    "Somebody watching on the bus, somebody watching at their desk at work, it's all over the place.",
    "And the app might be backgrounded, like they switch to texting a friend about the card and come back.",
    "When they come back, they'd like to land where the show is now, not where they left it.",
    "Okay, I think I've got a reasonable picture of the flow, let me keep building on it.",
    "Um, let me also think about what a really bad day looks like, like the worst show we've ever had.",
    "Probably a giant show, a famous seller, a sealed case of something rare, and everybody piles in at once.",
    "Chat goes crazy, people are typing in all caps, and the seller's trying to hold it together.",
    "Those are the shows people talk about afterwards, for better or worse.",
    "Let me think about the seller's helpers again, the mods. What do they actually need?",
    "Mostly the ability to mute people, pin a message, and answer questions so the seller doesn't have to.",
    "That's a small feature list, but it takes a lot of pressure off the host.",
    "Sorry, I keep getting pulled into the UI, let me come back to the system question.",
    "So, um, zooming out again, I've got the main boxes and I've got the main flows.",
    "Let me just sanity-check the flow end to end one more time, from the seller's first click to the buyer's package.",
    "Seller creates the show, goes live, people join, items go up one at a time, people buy, the show ends, things ship.",
    "Okay. That's the spine of it, and everything else hangs off that.",
]

ANSWERS = []


def A(id, domain, notes, cues):
    ANSWERS.append({"id": id, "domain": domain, "notes": notes, "cues": cues})


# ---------------------------------------------------------------- answers
A("h01", "live_stream_orchestration",
  "Strong, ex-ads PM. All five signals in the first ~3 minutes; restated prompt scale is not the constraint; ad anecdote is not a tie.", [
    ("Okay so, um, let me think out loud for a second before I draw anything.", "", 1.2),
    "The prompt is event orchestration for a live show, like the thing that keeps a hundred thousand people in sync with the seller.",
    "Who's actually hurting here? Is it the seller or the buyer? Um.",
    ("I think it's the buyer in a big show. They see the item flip on screen, but the bid button still shows the last lot, so they hesitate.", "H+1"),
    "So my bet is, if the item state is in lockstep with the seller's voice, people bid with more confidence and we clear more lots per hour.",
    "And sellers feel it too, because dead air between lots is where viewers drift off.",
    ("Constraints. The one I'd treat as non-negotiable is end to end under two hundred milliseconds, seller action to viewer screen, at a hundred K concurrent.", "C"),
    "Beyond that, it has to stay up during the show, obviously, a show that drops is a disaster for the seller.",
    "Video is its own pipeline, I'll treat it as given and focus on the control events, item changed, timer started, sold.",
    "Okay so, for those events, the naive thing is every client polls the server. At a hundred K that's, um, a lot of pointless requests.",
    ("What I'd do instead is one persistent connection per viewer, terminated at edge nodes, and each show event gets published once and fanned out by region.", "L"),
    "So the seller's app sends next item to one place, it gets sequenced, and then pushed outward, like a tree.",
    "The origin sends maybe fifty messages instead of a hundred thousand, and each edge box handles its own few thousand sockets.",
    "Now, the ad tech brain in me. At my last job a hundred millisecond delay on rendering an ad slot cost us real click-through.",
    ("Here I'd say keeping the item-change event under two hundred millis through that edge fan-out is what protects bids per lot, and I'd expect a two or three percent lift in sell-through on big shows.", "M"),
    "I'd validate that by artificially delaying the event on a small slice of shows, like a holdback, and watching bid counts.",
    "Then ordering. If two events arrive out of order, like sold before item started, the client looks broken.",
    "So each event carries a per-show sequence number and clients just drop anything older than what they've already seen.",
    ("The cost of the edge layer is real, we're holding a lot of long-lived connections that sit idle most of the time, and I'm fine paying that,", "T+1"),
    "because the alternative is polling, which is both slower and more expensive at peak.",
    "And for the small shows, twenty viewers, it's the same path, it just doesn't matter much.",
    "Um, the thing I'd want to go deeper on next is what happens when an edge node dies mid-show.",
    "Clients reconnect to another node, ask for everything after the last sequence number they saw, and catch up.",
    "The reconnection storm is the scary part, so I'd add jitter to reconnects and accept some people being a second or two behind during a failover.",
    "Yeah, I think that's my first pass. Happy to go wherever you want.",
])

A("h02", "flash_sale_inventory",
  "Strong, fintech background. Can't-oversell constraint, sharded in-memory counters, refunds tie, owned early-sellout trade-off.", [
    ("Um, okay. Flash sale. So the seller announces, like, I've got 500 booster boxes at retail, first come first served, in two minutes.", "", 0.8),
    "And then a lot of people hit buy in the same second.",
    "Let me start with who I'm designing for.",
    ("I think the real pain is the buyer who taps buy, sees a success animation, and then gets an email an hour later saying sorry, it's gone.", "H+1"),
    "That kills trust, and my bet is if we make the first answer the final answer, repeat purchase from flash-sale buyers goes up.",
    ("So the hard constraint for me is we cannot oversell, period. Every you-got-it has to correspond to a real unit on a shelf.", "C"),
    "It's a bit like a payments ledger, you can't promise money you don't have.",
    "Coming from fintech, my instinct is treat inventory like a balance, and every claim like a debit.",
    ("Mechanically, I'd pre-split the 500 units into buckets, say ten shards of fifty, and each buy atomically decrements one shard's counter in memory.", "L"),
    "If a shard's empty you try another one, and when they're all empty, the sale's over.",
    "That spreads out the hot key, so we don't have every single request fighting over one row.",
    "Then the actual order, payment, address, all that, goes onto a queue and gets processed after the claim is confirmed.",
    ("The reason I'm doing it that way is the claim answer comes back instantly and it's final, and that's what I'd expect to cut flash-sale cancellations from a few percent to near zero.", "M+1"),
    "And then the pay step can take a second or two without anybody caring, because they already know they have it.",
    ("The trade-off: with sharded counters, the last few units can look sold out on one shard while another still has two left, so some people see sold out slightly early.", "T"),
    "I'm okay with that. Telling ten people sold out a hair early is way cheaper than telling one person sorry, we lied.",
    "And if a payment fails on the back side, the unit goes back into a shard, and the next person on a short waitlist gets offered it.",
    "Uh, I'd cap that waitlist, like at twenty percent of inventory, so we're not dangling hope at thousands of people.",
    "I think that's the core. The rest is bot protection, which, honestly, I'd want to talk about separately.",
])

A("h03", "stream_recommendations",
  "Medium, marketplace search background. Hypothesis, precompute lever, metric tie to bids per session. Bare 'Pinecone' = tech w/o rationale. No constraint, no trade-off.", [
    ("Okay, so recommendations during a stream. Let me make sure I get it. We're suggesting other items or other shows while someone's watching?", "", 1.0),
    "Okay. Items and shows, both. Got it.",
    "So, um, I'll start with the person. Somebody's watching a Pokemon break, they're into it, but the seller's on item thirty of sixty.",
    ("And my guess is a lot of those viewers are waiting for one specific thing, and if it's not coming soon, they leave the app entirely, not just the show.", "H"),
    "So the bet is, if we can show them a relevant live item somewhere else right when they're drifting, we keep them in the app and buying.",
    "I used to work on search ranking at a marketplace, so I'll lean on that a bit.",
    ("For the model part we'd use Pinecone.", "ap:twr"),
    "Uh, anyway. The thing that matters more is what we're ranking and when.",
    "The candidates are items that are live right now or about to be, in categories this person has bid in or watched.",
    ("I'd precompute each user's category affinities offline, nightly, so at request time we're only filtering a small live set against a small profile.", "L"),
    "The live set is small-ish, at any moment there's only so many shows on, so that part's basically a lookup.",
    ("And I'd pitch it as: the live-now-in-your-categories shelf should lift cross-show bids, so I'd expect bids per session to go up, maybe five percent, on the exposed group.", "M"),
    "I'd A/B it, obviously, holdout of like ten percent.",
    "Um, what else. Cold start, for new users we'd just use what's popular in the app right now.",
    "Yeah, I think that's what I'd do for a first version.",
])

A("h04", "watch_party_backend",
  "Weak. Explicit 'no hypothesis yet', 'think about users', 'measure later', 'performance is important' are hard negatives. Bare Redis pub/sub, defers storage, unbacked scale claim.", [
    ("Um. Okay, so watch party. Friends watching a show together, right? Like a shared room.", "", 1.4),
    "I'll be honest, I don't have a hypothesis yet, I'd want to look at data first.",
    "I think we should think about users though, obviously, that's, like, the main thing.",
    "So the backend. There's a room service, and the room has members, and the members see the same stream.",
    ("And for messages between members we'll use Redis pub/sub.", "ap:twr"),
    "Then there's the video, which is the same video everyone gets, so that's already handled.",
    ("And honestly the exact storage and how we persist the sessions, I'd leave that to the engineering team, they'll know better.", "ap:def"),
    "There's reactions, like emojis, that show up for the people in your room.",
    ("This design should scale to millions of rooms without a problem.", "ap:scale"),
    "Um, I think performance is important here, and we'd monitor it.",
    "And we'd measure engagement later once it's out.",
    "Yeah. I think that's it, that's my design.",
])

A("h05", "live_stream_orchestration",
  "Long (>10 min), ex-consultant. H/C/L early, metric tie ~5 min, generic 'there's obviously trade-offs' is a hard negative; the owned trade-off comes only after 600 s. WebSockets named WITH a reason (not an anti-pattern).", [
    ("Okay, so, um, first, thanks, this is a fun one. Let me think out loud, and I'll use a framework, old consulting habit.", "", 1.3),
    "I'll go problem, then constraints, then the levers, and then I'll try to land it on numbers.",
    "So, live event orchestration. My read is, it's everything that's not the video: the item on screen, the timer, the bid state, the sold banner.",
    ("And the problem, as I see it, is in the biggest shows buyers' screens drift out of sync with the seller, they bid on stuff that's gone, get annoyed, and leave.", "H"),
    "Okay, let me pause on that. Is that the right problem? I think so, at least for the big shows.",
    ("FILL", 4),
    ("Constraints. I'm going to hold us to two hundred milliseconds, seller action to viewer screen, at a hundred thousand concurrent in one show. That's the bar.", "C"),
    "Anything slower and the seller's voice is visibly ahead of the screen, which is the exact problem.",
    ("FILL", 5),
    ("So lever one: the orchestration service publishes each show event once, and a layer of edge servers near viewers fans it out to the open connections.", "L"),
    "For those connections I'd use WebSockets, because the server has to push the moment something changes, without waiting for the client to ask.",
    "Each edge server holds maybe, I don't know, twenty to fifty thousand connections, so a big show spans a handful of edges per region.",
    "And the events are tiny, item ID, a price, a timestamp, so bandwidth isn't the issue, it's the number of connections.",
    ("FILL", 4),
    "Second thing: the show state, what item, whose bid, how many seconds, lives in memory on one owner for that show, with a log behind it.",
    "So if a viewer joins late, they get a snapshot of current state plus whatever events came after it.",
    ("FILL", 3),
    ("Let me land this on a number. If the sync gap in big shows drops under two hundred millis because of the edge fan-out, I'd expect bids on already-sold items to basically disappear.", "M+1"),
    "I'd guess those rejected bids are something like three percent of bid attempts in big shows today, and getting them back is sell-through.",
    ("FILL", 8),
    "Um, let me go back over the failure modes a bit.",
    "If an edge server dies, its viewers reconnect to another one and ask for everything after the last event they saw.",
    "If the show owner dies, a standby picks up from the log. There's a short gap, but the show continues.",
    ("FILL", 6),
    "There's obviously trade-offs in all of this, like, in any design.",
    "Um, let me think about what I haven't covered. Chat, I guess. Chat is huge in these shows.",
    "But chat's a bit different, it's lossy by nature, nobody reads every message in a hundred-K show anyway.",
    ("FILL", 8),
    "And then, what if the seller's own connection is bad? That happens a lot, people stream from their garage.",
    "The seller's app should buffer their actions locally and send them when it can, with the original timestamp.",
    ("FILL", 17),
    ("Okay, so here's the trade-off I'd actually own. Keeping show state on one owner means a show can't be spread across machines, so a giant show is capped by that box.", "T"),
    "I'm fine with that, because even the biggest show's state is tiny and the writes are a few per second; the fan-out is the heavy part and that's spread out.",
    "And I'd rather have one clear source of truth for what item is up than two machines disagreeing mid-auction.",
    "Yeah. I think that's the design, happy to go deeper anywhere.",
])

A("h06", "auction_bidding",
  "Short (<1 min). Dismisses latency up front; correctness-at-close stated as a hard rule. No hypothesis, no lever, no tie, no trade-off.", [
    ("Okay, quick version. For bidding, honestly, latency isn't really the concern here, people can wait a beat.", "ap:dis", 0.7),
    ("What has to hold, no matter what, is that once the timer hits zero, no bid is accepted after that. That's the rule.", "C"),
    "And the highest bid has to win, like, obviously.",
    "So there's a bid service, and an auction table, and the clients talking to it.",
    "I think those are the, the bones of it. I'd go deeper if we have time.",
])

A("h07", "seller_drop_scheduling",
  "Medium, gaming live-ops background. Hypothesis about mid-size sellers colliding, 30-day MVP constraint, precomputed heatmap + delayed job queue, owned staleness trade-off. No metric tie.", [
    ("Alright, seller drop scheduling. So, uh, in games we had this thing called the live-ops calendar, which is kind of the same problem.", "", 0.9),
    "Let me clarify what a drop is here: a seller says Saturday 7pm I'm opening a case of vintage stuff, and followers should show up.",
    "Okay. So who has the problem?",
    ("I think it's mid-size sellers. They pick a time basically at random, collide with three bigger sellers in the same category, and their show is empty.", "H+1"),
    "So the bet is, if we help them avoid crowded slots and remind their followers reliably, those sellers actually get an audience and stick around.",
    ("Scope-wise, I'd hold myself to something we could ship in thirty days as an MVP. So no fancy optimizer, nothing that needs a new ML team.", "C"),
    "Okay, so pieces. The seller picks a time, and we show them a little heatmap of how busy each slot already is in their category.",
    ("That heatmap I'd precompute every fifteen minutes from the schedule table, rather than computing it when the seller opens the screen.", "L"),
    "It's a small thing, it's just counts per category per hour, but I don't want the seller screen to hang.",
    "Then reminders. When they confirm, we schedule notifications: a day before, an hour before, and at go-live.",
    "Those go on a delayed job queue, keyed by the drop, so if the seller moves the time we just cancel and re-enqueue.",
    "Uh, and the follower list can be big for some sellers, so the sending is batched.",
    ("Downside of the fifteen-minute refresh is the heatmap can be stale, so two sellers might both see seven p.m. as open and both pick it.", "T"),
    "I'm okay with that for the MVP. It's a nudge, not a reservation, and a bit stale is way simpler than a real-time lock on slots.",
    "Later, maybe we reserve slots for top sellers, but that's a different product question.",
    "Yeah, um, that's my take on it.",
])

A("h08", "checkout_latency",
  "Strong, product-analytics background. 120 ms p95 budget stated as a hard line, precompute + async fraud, owned trade-off, tie to second-purchase rate.", [
    ("Okay, checkout during a live show. Let me think about what's different from normal e-commerce checkout.", "", 1.0),
    "In a normal store you can take your time. Here the seller's already moving on to the next item while you're paying.",
    ("So the person I worry about is the impulse buyer who wins something, taps pay, sees a spinner, and by the time it clears they've missed the next two lots.", "H+1"),
    "My hypothesis is that slow checkout doesn't just lose that order, it loses the next few bids from the same person.",
    ("The budget I'd set is 120 milliseconds for tap-to-confirmed on our side, p95, not counting the network. That's a hard line for me.", "C"),
    "Where does time go today? Probably tax calculation, shipping estimate, payment authorization, and fraud checks.",
    "And those are all in series in a naive version.",
    ("So first, I'd precompute tax and shipping for the buyer's saved address when they join the show, not when they tap pay.", "L"),
    "Second, fraud scoring I'd move off the critical path: we authorize, confirm to the user, and score asynchronously right after.",
    ("That's a real trade-off. We'll let some bad orders reach the confirmed state and catch them a few seconds later, which means some cancellations after the fact.", "T"),
    "I think it's worth it, because for trusted repeat buyers the fraud rate is tiny, and I'd only do this for accounts with good history.",
    ("And on the metric side: if the precompute gets tap-to-confirm from, say, 400 milliseconds to under 120, I'd expect second-purchase rate within the same show to go up three to five percent.", "M+1"),
    "I'd want to see that in a test before I'd claim it, but that's what I'd pitch.",
    "Payment authorization itself is a network call to the processor, so we keep a stored payment token and a warm connection.",
    "Um, yeah. Then the failure case: if the auth fails, we tell them fast and let them fix it, we hold the item for like sixty seconds.",
    "I think that's it for the core.",
])

A("h09", "seller_onboarding",
  "Medium. Hypothesis on approval wait, legal KYC/tax constraint, async verification lever, tie to application-to-first-show. No trade-off owned.", [
    ("Okay, seller onboarding. Um, let me start with a question to myself: what's broken about onboarding today, if anything?", "", 1.1),
    "I'm imagining a card shop owner who's been selling on eBay and wants to try live.",
    ("The problem I'd bet on is they apply, wait days for approval, lose interest, and never go live. The wait kills the momentum.", "H"),
    ("Constraint-wise, we have to verify identity and tax info before we pay anyone out. That's a legal requirement, not optional.", "C"),
    "And for high-volume sellers there's stricter rules on what we have to collect.",
    "So the idea is to separate what we need before they can go live from what we need before they get paid.",
    ("The identity and tax checks run asynchronously in a background pipeline, and the seller can set up their first show while that's in progress.", "L"),
    "Payouts are held until verification clears, which keeps us compliant.",
    ("I'd measure it as application to first live show. If not blocking on verification takes that from five days to same-day, I'd expect maybe fifteen percent more applicants to actually go live.", "M"),
    "And we'd keep a human review queue for the weird cases, like someone whose name doesn't match the bank account.",
    "Um, yeah, and a clear status screen so the seller knows what's still pending.",
    "That's probably where I'd stop for a first pass.",
])

A("h10", "auction_bidding",
  "Long (>10 min), ex-ad-exchange PM. H/C/L early; 'metrics matter' hard negative; bare Pulsar = tech w/o rationale; metric tie and owned trade-off only after 600 s.", [
    ("Okay. Um. So, auction bidding. I actually worked on an ad exchange for four years, so real-time bidding is kind of my home turf.", "", 1.0),
    "Different though. In ad exchanges the auction is over in a hundred millis and nobody's watching. Here, people are watching, that's the point.",
    ("FILL", 2),
    ("So the user problem, I think: in a hot auction, the bidder can't tell if their bid landed before the clock ran out, and losing on a technicality feels awful.", "H+1"),
    "And those people are the most valuable buyers, the ones who bid again and again.",
    ("FILL", 2),
    ("Constraint: no bid accepted after close, and every bidder sees the same winner. That's a correctness requirement, I'd call it hard.", "C"),
    "Also, I'd like the bid acknowledgement back to the bidder quickly, a couple hundred millis.",
    "Metrics matter here a lot, obviously, that's something I'd keep in mind throughout.",
    ("FILL", 4),
    ("So architecture: each auction is owned by one bid processor, and bids go into an ordered per-auction queue, partitioned by auction ID.", "L"),
    "The processor reads in order, validates the bid is higher than the current high, and writes the result to a log.",
    "Then the new high bid gets broadcast to the viewers.",
    ("FILL", 5),
    ("And for the broadcast, we'll use Pulsar.", "ap:twr"),
    "Anyway, um, let me get to the timer piece.",
    "The timer has to be authoritative on the server. The client shows a countdown, but it's just a display.",
    "When the server says closed, it's closed, and any bid in the queue after the close marker is rejected.",
    ("FILL", 8),
    "Let me talk about anti-sniping for a second, which is more of a product question.",
    "Some platforms extend the auction by a few seconds when a bid lands near the end. I think that's great for the seller.",
    "It also takes some pressure off, because a late bid just extends things instead of losing outright.",
    ("FILL", 8),
    "And then, um, on the post-close side, the winner gets charged, the order is created, and the seller moves on.",
    "That handoff should be quick but it doesn't have to be in the bid path.",
    ("FILL", 12),
    "Let me think about what the bidder's screen shows in the last five seconds. Big countdown, current high bid, their own status.",
    "Like, green if you're winning, red if you've been outbid, and a big button to go up one increment.",
    "The increment thing is interesting, the seller picks it, a dollar, five dollars, it depends on the item.",
    "And custom bids, where you type a number, people use those when they really want to end it.",
    ("FILL", 14),
    "Okay, let me tie this back to money, which I haven't done properly.",
    ("The single-owner queue per auction is what makes ordering fair, and fairness keeps high-intent bidders bidding.", "M"),
    "If I had to put a number on it, I'd expect the final price on contested lots to go up a few percent once people trust the close.",
    "That's what the seller actually cares about, the hammer price.",
    ("FILL", 3),
    ("And the trade-off I'm taking on: one processor per auction means a single auction can't go past one machine, and if it fails, the auction freezes for a moment.", "T"),
    "I'll take that. A lot never gets more than a few hundred bids a second, and a one-second freeze with a timer extension beats two winners.",
    "Alright, I think that's where I'd leave it.",
])

A("h11", "trust_and_safety",
  "Medium. Counterfeit hypothesis, legal takedown constraint, async frame-sampling queue, owned sampling trade-off; defers model choice to ML team. No metric tie.", [
    ("Um, so trust and safety for live. The thing that makes live hard is you can't review it before it airs.", "", 1.3),
    ("I think the core problem is buyers getting burned by counterfeit slabs or fake sealed product and not coming back. One bad experience and they're gone.", "H"),
    ("There's a legal floor too: certain items we're not allowed to sell at all, and we have to be able to pull a stream when it's reported. That's not negotiable.", "C"),
    "So, how do we catch stuff?",
    ("I'd sample frames from every live stream every few seconds onto a queue, and classifiers work off the queue asynchronously, so the stream itself never waits.", "L"),
    "Hits go to a human moderator with a clip, and they can pause the show or pull the item.",
    ("And honestly, which models to use, I'd let the ML folks decide, that's more their area.", "ap:def"),
    ("The trade-off is sampling every few seconds means something flashed for one second can slip through. I accept that, full analysis of every frame would cost a fortune.", "T"),
    "And then reports from viewers, those go straight to the top of the moderator queue.",
    "Plus seller history, new sellers get sampled more often than established ones.",
    "I think that's the shape of it.",
])

A("h12", "flash_sale_inventory",
  "Weak, all hard negatives: 'think about users', 'caching is good', 'metrics matter', 'trade-offs with everything', latency description, 'should be fast'. Bare Redis/Kafka and unbacked 1M rps.", [
    ("Okay, um, flash sale. So lots of people buying the same thing at the same time.", "", 1.0),
    "I think we need to think about the users here, and what they want, which is to get the item.",
    "Um, caching is good, so we'd definitely want some caching somewhere in here.",
    ("We'd use Redis and Kafka for this.", "ap:twr"),
    "And there's an inventory service that tracks how many are left.",
    "Metrics matter a lot for something like this, so we'd have dashboards.",
    ("With this setup we can handle a million requests per second.", "ap:scale"),
    "There's obviously trade-offs with everything, like, in any system.",
    "Latency is probably around two hundred milliseconds today, I'd guess.",
    "And we'd want the checkout to be fast, for sure.",
    "Um, and the seller needs to see what sold, like a little dashboard with the count going down.",
    "And if something goes wrong, we'd look at the logs and figure it out.",
    "I think I'd start there and then iterate on it.",
])

A("h13", "stream_recommendations",
  "Strong, ads background. Idle-viewer hypothesis, 100 ms render constraint, precomputed candidates, owned freshness trade-off, GMV tie with a funnel model.", [
    ("Okay so, recommendations while someone's watching. Let me scope: I'll focus on the up-next rail that sits under the stream.", "", 0.9),
    "Who's it for? I'd say the viewer who came in for one thing, and the seller's not showing it.",
    ("My bet is viewers who've been in a stream ten minutes without bidding are about to leave, and a well-timed rec of a live item in their niche keeps them buying.", "H"),
    ("Hard requirement for me: the rail can't add anything to stream latency, and it has to render in under 100 milliseconds, or they've swiped away already.", "C"),
    "Okay. In ads we split this into candidate generation and ranking, I'll do the same.",
    ("Candidates are precomputed per user, refreshed every few minutes from what's live, so a request is just a key lookup plus a light re-rank.", "L"),
    "The re-rank uses stuff that changes fast, like how many seconds until an item in that show goes up.",
    ("The trade-off is the candidate list is a few minutes old, so a show that just started won't show up right away.", "T"),
    "I'm fine with that, a couple minutes of staleness matters way less than rendering instantly.",
    ("If that rail gets, let's say, two percent of idle viewers into another show's bid, that's incremental GMV: idle viewers times click rate times bid rate times average sale price.", "M"),
    "And that's something we can actually measure with a holdout.",
    "For new users with no history, we just use category popularity from whatever they tapped in onboarding.",
    "Um, and we'd dedupe against what they've already seen so it doesn't feel repetitive.",
    "Yeah, so, that's the design I'd go with.",
])

A("h14", "watch_party_backend",
  "Medium, marketplace PM. Lonely-new-buyer hypothesis, per-party session on one node, owned failover blip, tie of snappy reactions to invited-user retention. No hard constraint.", [
    ("Um, watch party. Okay. So I'm picturing a group of friends, one of them is into sports cards and drags the others in.", "", 1.2),
    ("The problem I think we're solving is watching a break alone is kind of lonely for newer folks, and they churn after one or two shows.", "H"),
    "Watching with friends might fix that, that's the idea.",
    "So the backend has to keep a small group together: same stream, same position, a shared chat, shared reactions.",
    "Party size, let's say, up to ten friends? Okay.",
    ("I'd keep the party's state, who's in it, the chat, reactions, in a per-party session living on one node, with everyone in the party connected to that node.", "L+1"),
    "And the stream itself is the normal broadcast, the party's a thin layer on top, so we don't touch the video path.",
    "If the node dies, the party reconnects elsewhere, and we replay the last minute of chat from a log.",
    ("The cost of that is a small blip when a node fails, a few seconds of reconnecting. I'd rather accept that than build replicated state for a ten-person chat.", "T"),
    ("And keeping the party on one node is what keeps reactions snappy, and if reactions lag the party feels dead and invited users won't come back.", "M+1"),
    "I'd want something like a five point lift in second-week retention for users who join through a party invite.",
    "Also invites: a link that deep-links into the party, and if they're not signed up, they can watch first.",
    "I think that's the core of it.",
])

A("h15", "watch_party_backend",
  "Long (>10 min). Bare feature description and 'think about the users' early are NOT a hypothesis; the real hypothesis and the owned trade-off come after 600 s. Sync-drift constraint and coordinator lever early. Unbacked 'infinitely scalable'. No metric tie.", [
    ("Okay, watch party backend. Um, I'll start with what the feature is: friends watch the same show together, in a little room, with their own chat.", "", 1.0),
    "Obviously we should think about the users here, I'll come back to that.",
    "Let me first figure out the mechanics, because I think that'll tell me what's hard.",
    ("FILL", 3),
    ("The hard requirement I'd put on this: everyone in a party sees the same moment of the stream within half a second of each other. Otherwise reactions spoil things.", "C+1"),
    "Like, if my friend sees the pull before me and types no way, the moment's ruined for me.",
    ("FILL", 3),
    ("So, mechanism: a party coordinator, one per party, that holds a shared playback clock and tells each member's player how far to adjust.", "L"),
    "Members report their position every second or so, and the coordinator nudges the ones who are ahead or behind.",
    "Players can slow down or speed up a tiny bit, you don't notice a few percent.",
    ("FILL", 5),
    ("We can support as many parties as we want with this, it's infinitely scalable.", "ap:scale"),
    "Um, the party chat is separate from the big show chat.",
    "It's small, ten people, so it can just go through the coordinator too.",
    ("FILL", 10),
    "Reactions, the emoji bursts, same path as chat.",
    "Invites: a link, it opens the app into the party, and if they don't have an account, they can watch as a guest.",
    ("FILL", 12),
    "Let me think about what the party owner can do. Kick someone, invite more people, maybe pick which show to go to next.",
    "And when the show ends, the party could hop to another show together, which is kind of a cool moment.",
    ("FILL", 11),
    "Okay, I said I'd come back to users, and I haven't really.",
    ("FILL", 22),
    ("So here's my actual bet. The people with the problem are new buyers who came because a friend told them; alone they don't get the culture, watch once, never bid.", "H+1"),
    "If they watch their first few shows with the friend who brought them, I think they learn the norms and place a first bid way sooner.",
    "That's who I'm building this for.",
    ("FILL", 2),
    ("And on trade-offs, the half-second sync costs us something: the party runs at the pace of its slowest member, so everyone's a bit further behind the live seller.", "T+1"),
    "Party members might be a second later to bid than solo viewers. I'm okay with that, these users aren't the snipers anyway.",
    "Yeah. That's the watch party, more or less.",
])

A("h16", "checkout_latency",
  "Short (<1 min). 120 ms budget treated as fixed, precompute lever. No hypothesis, tie or trade-off.", [
    ("Okay, fast answer. Checkout in a show has a 120 millisecond budget on our side, and I'm treating that as fixed.", "C", 0.6),
    ("To hit it, I'd precompute shipping and tax when the buyer joins the stream and keep their payment token ready, so the tap is one authorization call.", "L"),
    "Then we write the order, and we confirm to the buyer.",
    "Fraud stuff, I'd have to think about where that goes.",
    "That's the gist of it, I think.",
])

A("h17", "live_stream_orchestration",
  "Medium, payments background, restarts once. Big-seller revenue hypothesis, 99.95% SLA constraint, regional relays, relay redundancy tied to lost GMV. Closing 'unlimited viewers' claim is unbacked scale. No trade-off.", [
    ("So, um, sorry, let me restart. Live event orchestration. Coming from payments, I think about this like a message bus with a really strict SLA.", "", 1.5),
    ("The user problem: big sellers doing fifty-K-viewer shows have a handful of shows a week that make their month, and if a show stutters or drops, that revenue's gone.", "H+1"),
    ("So I'd commit to 99.95 percent availability during scheduled show windows. That's our SLA to sellers, and I'd write it down as one.", "C"),
    "And latency, I'd want control events reaching viewers in under two hundred milliseconds as well.",
    "Pieces: seller client, an ingest point, the orchestration service that holds show state, and the viewers.",
    ("For delivery, I'd push events through regional relay servers, so the origin sends to maybe twenty relays and each relay holds the viewer connections near it.", "L"),
    ("Why the relays matter for the business: top sellers drive a big share of GMV, and with redundant relays per region a node failure doesn't drop their show.", "M"),
    "If dropped shows go from like one in two hundred to one in two thousand, we recover most of that lost GMV.",
    "And the show state itself, current item, the timer, that's a small object, I'd keep a copy in two zones.",
    "Failover to the other zone if the primary goes away.",
    ("And honestly this handles basically unlimited viewers, we just keep adding relays.", "ap:scale"),
    "Um, I think that covers it at a high level.",
])

A("h18", "auction_bidding",
  "Medium, games background. Sniper-fairness hypothesis, server-ordering constraint, single owner per auction partitioned by ID, owned pause-on-failover trade-off. No metric tie.", [
    ("Okay, auction bidding. This is, uh, super close to what I did in games, like matchmaking and authoritative servers.", "", 1.0),
    ("I'd anchor on the bidder in the last three seconds. They're sniping, and if their bid loses because of lag rather than price, they feel cheated and stop bidding.", "H+1"),
    ("So my constraint is fairness: bids ordered by when our server got them, one ordering per auction, winner decided by the server, never the client. Non-negotiable.", "C"),
    "And I'd want the round trip for a bid acknowledgement to feel instant, ideally under 150 milliseconds.",
    ("So every auction gets exactly one owner, a single process that sequences all bids for that lot, and auctions are spread across processes by auction ID.", "L"),
    "Like a game server that owns a match. Nobody else can write to that auction's state.",
    "The timer lives on that owner too, so time's up and the last bid are decided in one place.",
    ("The trade-off: if that owner dies, the auction pauses a second or two while another takes over from the log. I'd rather pause than risk two owners accepting conflicting bids.", "T"),
    "And we'd show the pause in the UI, reconnecting, and extend the timer by whatever we lost.",
    "Clients show their bid optimistically as pending, then confirmed or outbid.",
    "In games we called that client-side prediction, same idea.",
    "I think that's the core loop.",
])

A("h19", "seller_drop_scheduling",
  "Weak. Feature walk-through only; 'needs to be reliable' is not a constraint. Bare Airflow, defers jobs/DB to engineering.", [
    ("Uh, okay. Drop scheduling. So sellers schedule drops.", "", 2.0),
    "Let me, um. Let me think about this.",
    "So there's a calendar, and the seller picks a time, and then at that time the drop happens.",
    ("We'll use Airflow for the scheduling part.", "ap:twr"),
    "And notifications go out to followers, like push notifications.",
    "Then the drop goes live and people can buy.",
    ("For the details of how the jobs run and what database, that's really an engineering decision, I'd defer to them.", "ap:def"),
    "I think the main thing is it needs to be reliable.",
    "And sellers should be able to edit the time.",
    "Oh, and buyers should see upcoming drops somewhere, like a calendar page, maybe on the seller's profile.",
    "Um, yeah, and also cancel it if they need to.",
    "I think that's a good start.",
])

A("h20", "checkout_latency",
  "Long (>10 min). Dismisses latency early and says 'should be snappy' (weak); self-corrects after 600 s with a hard 120 ms budget and then owns the async-fraud trade-off. H, L, M early.", [
    ("Alright, checkout latency. Um, let me think. Okay. So there's a few steps in checkout, and I'd start with the user.", "", 1.2),
    ("I think the buyer who wins something in a show and then sits on a spinner during payment gets anxious, and some just back out. That's the problem I'd bet on.", "H"),
    ("Honestly though, I don't think latency matters that much for the payment step itself, people expect payments to take a second.", "ap:dis"),
    "The checkout should be snappy, of course, that's important.",
    ("FILL", 3),
    "So let me lay out the steps: they tap, we compute totals, we check fraud, we authorize the card, we create the order, we confirm.",
    ("First, I'd precompute the totals: tax and shipping for the buyer's address get calculated and cached when they join the show, so the tap doesn't wait on them.", "L"),
    "Second, the payment token is on file, so it's just an authorization, no card entry.",
    ("FILL", 4),
    ("And why I care: every step we pull off the tap path shortens the spinner, and I'd expect post-win payment completion to go from, say, 94 to 97 percent.", "M+1"),
    "That's three points of won auctions actually turning into paid orders, GMV the seller already thought they had.",
    ("FILL", 8),
    "Um, failures. What if the authorization fails? We tell them immediately and hold the item for a minute.",
    "If they don't fix it, the item goes to the next-highest bidder, or back into the show.",
    ("FILL", 11),
    "Let me think about the buyer who wins five things in one show. Do they pay five times?",
    "I'd say each win is its own order at first, and shipping gets combined at the end, which buyers love.",
    "Guest checkout is another question, whether someone can win without an account. I'd say no, for now.",
    ("FILL", 10),
    "Refunds, chargebacks, I'll treat those as outside the live path.",
    ("FILL", 25),
    "Okay, wait. I want to correct something I said at the start.",
    "I said latency doesn't matter much for payment. Actually no, scratch that.",
    ("We need a hard budget: 120 milliseconds, p95, tap to confirmation, on our side.", "C", 0.15),
    "Because the seller's already moving on, and if the buyer's not confirmed, they're distracted for the next lot.",
    "To hold 120, fraud scoring has to come off the synchronous path. We confirm first, score right after, and cancel the rare bad one.",
    ("That's a trade-off I'll own: a handful of fraudulent orders get a confirmation screen before we cancel them.", "T"),
    "I accept that because it's a few in ten thousand for repeat buyers, and new accounts still get the synchronous check.",
    "Okay, I think that's a much better answer than where I started.",
])

A("h21", "seller_onboarding",
  "Short (<1 min). Only a hypothesis (hobbyist sellers dropping at ID/bank step). Funnel analysis is not a lever or tie.", [
    ("Um, okay, seller onboarding, the short version.", "", 0.5),
    ("I think the people we lose are hobbyist sellers who start the application on their phone, hit the ID and bank step, and just drop, because it feels like a lot for a side hustle.", "H"),
    "So I'd want to redesign that flow so it feels lighter.",
    "Maybe they can do a practice show first, before all that.",
    "I'd look at the funnel to see where exactly they drop.",
    "That's where I'd begin, I think.",
])

A("h22", "stream_recommendations",
  "Medium, ads/growth background. Collector-completion hypothesis, feature-store precompute lever (bare 'Feast' without reason is the anti-pattern), freshness vs latency trade-off, tie to attach rate. No hard constraint.", [
    ("Okay, um, so recs during a stream. I did growth and ads ranking before this, so forgive me if I talk in funnel terms.", "", 1.1),
    "Let me think about who this is for. Um. Collectors, obviously, but which ones?",
    ("I'd say set completers. Someone who's missing three cards from a set has super high intent, but today they have no idea a show three tabs over has one of them live.", "H+1"),
    "So the bet is matching that intent to what's live right now.",
    ("The feature store would be Feast.", "ap:twr"),
    "Okay, so, what we know about a user: their want list if they made one, what they've bid on, what they've won.",
    ("I'd precompute a want vector per user and an item index per live show, updated as sellers queue items, so matching is a lookup, not a model call at watch time.", "L"),
    ("The catch is the show index only updates when the seller queues items, so if they pull something random off the shelf, we miss it. I'm okay missing some of those to keep it instant.", "T"),
    ("On the metric side, I'd tie the want-list matching to attach rate, like percent of viewers who buy in a second show in the same session, and I'd expect a couple points.", "M"),
    "And then, um, notifications outside the app are a whole other thing, I'll leave that.",
    "Ranking, at first, just recency and how close the item is to going up.",
    "Yeah. That's my answer for now, I think.",
])

A("h23", "trust_and_safety",
  "Strong, marketplace ops. High-volume seller verification hypothesis, INFORM Act compliance constraint, async verification + risk tiers, owned payout-hold trade-off, tie to chargeback rate.", [
    ("Okay. Trust and safety, let me narrow it: I'll do seller verification for high-volume sellers, since that's where the legal stuff bites.", "", 0.8),
    ("The problem is buyers getting scammed by a seller who ramps up fast, takes a bunch of orders, and vanishes. And it's a small number of sellers doing most of the damage.", "H"),
    ("The hard constraint: under the INFORM Consumers Act we have to collect and verify identity, bank, and tax info for high-volume sellers, and suspend them if they don't respond in time.", "C"),
    "So that's not a nice-to-have, that's table stakes.",
    ("Mechanism: a risk tier per seller computed asynchronously from sales velocity and account age, so verification kicks in as they ramp, not at signup for everyone.", "L"),
    "Low tier, you sell freely. Cross a threshold, we request documents and hold payouts until it clears.",
    ("The trade-off is holding payouts annoys legit fast-growing sellers, some of our best new ones. I'll accept that, because the alternative is buyers eating the scam.", "T"),
    ("Tie to a number: tiering on velocity targets the exact pattern of the vanishing seller, so I'd expect chargebacks from new-seller orders to drop by something like half.", "M+1"),
    "And sellers who clear verification get a badge, which might actually help their conversion.",
    "Um, and we'd want a fast appeal path for the false positives.",
    "I think that's a pretty complete first version.",
])

A("h24", "flash_sale_inventory",
  "Medium, ex-consultant. Hypothesis about hype sellers, 30-day MVP + no-oversell constraint, reservation tokens with TTL behind a queue, tie to sell-through. 'Millions of users' unbacked. No owned trade-off.", [
    ("Okay, flash sales. Um, let me structure this the way I would have at the firm: who, what's broken, what we'd build, how we'd know.", "", 1.0),
    ("Who: sellers running hype drops. Today a drop sells out in seconds, but a chunk of the orders fail at payment and the items sit unsold afterward.", "H+1"),
    "So the seller thinks they sold out, and then, like, fifteen percent comes back and nobody's there to buy it.",
    ("Constraints: thirty days to an MVP, and we can't oversell, no matter what happens with payments.", "C"),
    ("What I'd build: when you tap buy, you get a reservation token with a five-minute expiry from an in-memory counter, and orders behind it go through a queue.", "L"),
    "If the token expires or payment fails, the unit goes back into the counter automatically.",
    ("And the expiry is what fixes the unsold tail: returned units get resold during the drop instead of after, so I'd expect sell-through to go from around 85 to 95 percent.", "M"),
    ("And this will support millions of users without any issues.", "ap:scale"),
    "Um, how we'd know: sell-through per drop, and payment failure rate, tracked per seller.",
    "I'd roll it out to twenty top sellers first.",
    "That's my structure, roughly, end to end.",
])

A("h25", "seller_drop_scheduling",
  "Long (>10 min), weak. Bare Kafka; precomputed/batched reminder lever early; defers scheduler; unbacked scale; 'should be reliable', 'pros and cons', 'track engagement' are hard negatives; hypothesis only after 600 s. No constraint, tie or trade-off.", [
    ("Um, so, okay. Seller drop scheduling. Let me, uh, let me think about what that means.", "", 1.8),
    "So a seller wants to schedule a drop, like a product release at a certain time, and then buyers show up.",
    ("We'll use Kafka for this.", "ap:twr"),
    "And then there's a scheduler service, and a drops database.",
    ("FILL", 3),
    ("For the reminders, I'd precompute the list of followers to notify a few hours before the drop and split it into batches, so at go-live we're just sending, not querying.", "L"),
    "Okay, then what else. Let me think.",
    ("FILL", 5),
    ("How the scheduler actually triggers things, cron or whatever, that's more an engineering call, I'll leave it to them.", "ap:def"),
    ("FILL", 6),
    "It should be reliable, that's important, nobody wants a drop that doesn't start.",
    ("And this will scale to, like, tens of thousands of drops a day, no problem.", "ap:scale"),
    ("FILL", 10),
    "There are pros and cons to everything here, obviously.",
    "And we'd track engagement, of course.",
    ("FILL", 14),
    "Um, what about time zones. The seller's in one, the buyers are everywhere.",
    "So we'd show the time in the buyer's own time zone, obviously.",
    "And if the seller goes live early, the people who got reminders would be confused, so, um, yeah.",
    ("FILL", 12),
    "Hmm. I realize I haven't talked about why we're doing this.",
    ("FILL", 8),
    ("I guess the problem is sellers with a big following announce a drop on social, but their followers on Whatnot miss it because nobody reminds them at the right time.", "H+1"),
    "And so the drop is less busy than it should be.",
    "Yeah, so, that's why the reminders.",
    "I think that's it, yeah, that's all I've got.",
])

A("h26", "live_stream_orchestration",
  "Short (<1 min), all signals absent. Dismisses latency, unbacked 100k scale claim.", [
    ("Okay. So, um, orchestration for a really big show.", "", 0.8),
    "The seller does stuff, and the viewers see it.",
    ("I don't think latency is a big deal here honestly, a second or two is fine, it's not a video game.", "ap:dis"),
    ("And our system can handle a hundred thousand viewers, easily, no problem at all.", "ap:scale"),
    "So there's a backend that takes the seller's events and sends them out.",
    "That's basically it, that's the whole thing.",
])

A("h27", "auction_bidding",
  "Medium-strong, marketplace PM. Outbid-notification hypothesis, no-bids-after-close + 200 ms constraint, in-memory per-auction state with write-ahead log and regional fan-out, tie to hammer price, owned durability trade-off.", [
    ("Okay, so, um, bidding. Let me think about what actually goes wrong in a live auction from the buyer's point of view.", "", 0.9),
    "Is it the price? No. Is it the item? Not really. I think it's the, the feedback.",
    ("The buyer who gets outbid finds out too late. By the time their screen updates there's two seconds left, and they don't rebid. So the hammer price is lower than it should be.", "H"),
    ("Two hard constraints. One, after the close, no bid gets accepted, full stop. Two, the outbid update reaches everyone in the show within 200 milliseconds.", "C"),
    ("So, each live auction's state lives in memory on one process, with every accepted bid appended to a write-ahead log before we acknowledge it.", "L"),
    "The accepted bid gets published to the show's channel and fanned out through regional servers to the viewers.",
    ("That in-memory path is what gets the outbid notice out fast, and a fast outbid notice means one more rebid per contested lot, which I'd guess is five to eight percent on the hammer price.", "M"),
    ("The trade-off: appending to the log before acking adds a few milliseconds to every bid. I'm fine with that, because losing an accepted bid in a crash is way worse than being slightly slower.", "T"),
    "And then anti-sniping, a soft close that extends ten seconds if there's a bid in the last ten.",
    "Sellers can turn it off, some of them like the hard close for the drama.",
    "Yeah, that's my design, at least the first cut.",
])

A("h28", "checkout_latency",
  "Medium. Hard negatives on constraint ('200 ms today', 'should be fast') and no user hypothesis (bare feature goal). Parallelized/async calls + stored tokens, tie to completion, owned trade-off.", [
    ("Okay, um, checkout latency. So right now checkout is around 200 milliseconds, I think, from what I've seen.", "", 1.0),
    "And, you know, it should be fast. Faster is better.",
    "The feature here is one-tap checkout in a show, basically.",
    "Let me look at the steps. Totals, fraud, auth, order write.",
    ("The obvious lever is running tax, shipping, and the fraud pre-check in parallel instead of in series, and doing the order write asynchronously after we confirm.", "L"),
    "And stored payment tokens, so there's no card form.",
    ("Doing the order write async cuts maybe 60 to 80 milliseconds off the tap, and in my experience that kind of cut showed up as one or two points of checkout completion.", "M+1"),
    ("Downside: if the async order write fails, we've already told the buyer they're confirmed, so we need a retry and occasionally an apology. I'd take that, it's rare.", "T"),
    "Um, and then we'd measure the p95 and p99 over time.",
    "I think that's my take on it.",
])

A("h29", "watch_party_backend",
  "Short (<1 min). Hypothesis plus fan-out lever only.", [
    ("Okay, I'll give you the short version.", "", 0.6),
    ("I think watch parties are for the person who got a friend into cards and wants to share the excitement; right now they're texting screenshots across apps.", "H"),
    ("Backend-wise, each party is a small room, and reactions go to a room channel that fans out only to the people in that party, not to the whole show.", "L+1"),
    "The video is just the normal stream everybody sees.",
    "Yeah, that's the bones of it.",
])

A("h30", "trust_and_safety",
  "Long (>10 min). Shill bidding. H, C (EU DSA statement of reasons) and defers-to-DS early; async scoring lever ~4-5 min; metric tie and owned trade-off only after 600 s.", [
    ("Okay, trust and safety. Um, can I pick the sub-problem? I'd like to do shill bidding, the seller or their buddy bidding up their own items.", "", 1.0),
    "Okay, great, thanks, I'll run with that one.",
    ("Who gets hurt: the honest buyer who pays forty bucks more than they should've because a fake account kept bidding against them. Once they figure it out, they don't come back.", "H"),
    "And honest sellers too, because it makes every auction feel rigged.",
    ("FILL", 3),
    ("One hard constraint: whatever we do to a user, suspend, cancel their win, we have to explain and let them appeal. In the EU that's actually required, a statement of reasons.", "C+1"),
    ("Honestly, what the detection model should look like, I'd hand to the data science team, they're better at that than me.", "ap:def"),
    ("FILL", 5),
    "So the signals for shill bidding, off the top of my head: the bidder and seller share a device or payment method, or the bidder never actually wins.",
    "Or the bidder only bids in this one seller's shows and always drops out right below the top.",
    ("FILL", 6),
    ("Mechanism: bids already go through the bid pipeline, so I'd tap a copy of that stream into an async scoring job, so it never blocks a bid.", "L+1"),
    "The scoring job keeps a running profile per bidder-seller pair, and flags when it crosses a threshold.",
    "Flags go to a review queue with the evidence attached, so the reviewer can write the statement of reasons.",
    ("FILL", 11),
    "Another edge case: collectors who are genuine rivals, they always bid against each other, that's not shill bidding.",
    "So the pattern has to be about the relationship to the seller, not just two people bidding a lot.",
    "And a seller who runs a show for a friend's collection, that's another weird one.",
    ("FILL", 10),
    "Let me think about the edge cases. Families. A dad and a kid in the same house, the kid bids on the dad's shows.",
    "That's why the review step matters, the model shouldn't auto-ban on a shared device alone.",
    ("FILL", 26),
    ("Let me tie it to a number. The async scoring catches rings without touching bid latency, and I'd measure it on repeat purchase in the affected sellers' shows.", "M+1"),
    "Those buyers probably repeat at, like, half the platform rate today. If we clean those shows up, I'd want that gap closed within a quarter.",
    ("FILL", 4),
    ("And the trade-off: because scoring is after the fact, a shill bid can win an auction before we catch it. We eat that, and refund or cancel afterward.", "T+1"),
    "I'd rather do that than put a fraud check inside the bid path and add latency to every honest bid in every show.",
    "Okay, I think that's my answer.",
])

A("h31", "stream_recommendations",
  "Weak. Hard negatives: 'users want good recs', 'caching is good', 'engagement is the metric', generic trade-offs. Bare two-tower model; unbacked billions-of-events claim.", [
    ("Okay so, um, recommendations. So we want to recommend collectibles during the stream.", "", 1.3),
    "Users want good recommendations, so we should give them relevant items.",
    ("We'd use a two-tower model for this.", "ap:twr"),
    "And, um, there'd be a recommendation service, and the app calls it.",
    "I mean, caching is good, we'd want some of that probably.",
    ("The system would process billions of events a day.", "ap:scale"),
    "Engagement would be the main metric, I think, that's what we care about.",
    "There's trade-offs between different approaches, of course.",
    "Um, so yeah. I'd start with something simple and improve it.",
])

A("h32", "seller_onboarding",
  "Medium. Scripted-first-show hypothesis, 30-day MVP constraint, precomputed starter templates + async verification, tie to first-show GMV and 30-day retention, owned trade-off on generic templates.", [
    ("Okay, um, seller onboarding. Can I reframe it slightly? I think approval is only half of it, the first show is the other half.", "", 1.0),
    ("My hypothesis is new sellers go live once, get six viewers, sell nothing, and quit. The problem isn't signing up, it's that the first show flops.", "H"),
    ("Constraint I'd set: a 30-day MVP, using what exists, so no new ranking system for new sellers.", "C"),
    ("Two things. Verification runs async in the background so they're not stuck waiting, and we precompute starter show templates per category from top sellers' run sheets.", "L"),
    "So a new Pokemon seller gets a suggested order, suggested starting prices, a suggested length.",
    ("Those templates are the bet: if the first show follows a proven structure, I'd expect first-show GMV to roughly double and thirty-day seller retention to go up maybe ten points.", "M+1"),
    ("The trade-off: templates make new sellers' shows a bit samey. I'm okay with that early on, they can break the mold once they've got a following.", "T"),
    "And, um, we'd nudge their existing followers from other platforms with an invite link.",
    "I think that's a decent first month.",
])

A("h33", "flash_sale_inventory",
  "Long (>10 min), strong. All five signals in the first ~2 minutes, then long elaboration on bots, waitlist, seller view and failure modes.", [
    ("Okay, so, um, flash sale inventory. I ran ops for a sneaker resale site, so I've seen this go wrong every possible way.", "", 0.9),
    ("The buyer's problem is simple: they show up at the exact second, tap buy, and either the app hangs or they win something that doesn't exist. Both kill trust.", "H+1"),
    "My bet is a sale where the answer is instant and final, even if it's sold out, brings those buyers back to the next drop.",
    ("Hard constraint: zero oversell. We never confirm a unit we don't have. That's the line.", "C"),
    "Secondary, I'd want the answer back in under a couple hundred millis, but zero oversell comes first.",
    ("Mechanism: before the sale, we load the count into an in-memory counter, split into a few sub-counters, and each buy does an atomic decrement on one of them.", "L"),
    "Winners get a reservation token, and the order, payment, everything else happens behind a queue.",
    ("Why that split: at my last job, moving the reserve step off the order database took checkout completion in drops from the seventies to over 90 percent.", "M+1"),
    ("The trade-off is reservations expire: don't pay in five minutes, it goes back. Some people will be annoyed they lost it, and I accept that to keep stock from being hoarded.", "T"),
    ("FILL", 4),
    "Let me talk about bots, because they always show up to these.",
    "Per account and per device limits, and brand new accounts can't buy in the first minute of a sale.",
    "That's more product policy than architecture, but it matters a lot for who actually gets the units.",
    ("FILL", 12),
    "Now the waitlist. When stock runs out, people can join a short waitlist, and expired reservations go to them in order.",
    "I'd cap it at, like, a quarter of the stock, beyond that the odds are too low to be worth the disappointment.",
    ("FILL", 12),
    "And a seller-side control: they can pause the sale themselves if something looks wrong, like a price typo.",
    "That's saved more than one seller from selling a box at a tenth of the price.",
    "Then the seller's view. They want to watch the counter go down live, and see who bought what.",
    "And after the sale, the seller needs a pick list, who gets what, for shipping.",
    ("FILL", 12),
    "Failure modes. If the counter host dies mid-sale, we pause the sale, rebuild the count from confirmed reservations, and resume.",
    "Pausing is awkward on stream, but the seller can talk through it, they do that all the time.",
    ("FILL", 22),
    "Okay, I think I've covered it. Zero oversell, fast answer, everything else behind the queue.",
])

A("h34", "live_stream_orchestration",
  "Medium. Bare feature framing first ('sync events to viewers'), real hypothesis stated later; 'should be real-time' weak, hard budget later. Sequenced event log + edge fan-out, tie to bids per lot, owned trade-off.", [
    ("Okay, um, so I think the feature is basically syncing show events to every viewer, like item changes and timers.", "", 1.1),
    "It should be real time, ideally.",
    "Let me, um, let me step back, because I jumped into the feature without the why.",
    ("Why it matters: newer buyers in big shows see the timer jump, like it says eight seconds and then suddenly it's sold, and they stop trusting the countdown and just watch.", "H"),
    "So the bet is a smooth, trustworthy countdown turns watchers into bidders.",
    ("Okay, so the hard number: seller action to every viewer under two hundred milliseconds, at a hundred thousand concurrent. I'd put that in the spec as the budget.", "C"),
    ("To get there: a per-show sequenced event log, and edge servers that subscribe to it and push to their viewers, so the origin never talks to a hundred thousand sockets.", "L"),
    "And the client runs the countdown locally from the server's end time, instead of waiting for a tick every second.",
    ("That local countdown plus the fast fan-out is what stops the timer jumping, and I'd expect bids per lot in big shows to go up maybe four percent because watchers start bidding.", "M+1"),
    ("Trade-off: a local countdown can be off by a little if the phone's clock drifts, so a buyer might see one second left when it's actually zero. I'll accept that and re-sync on every event.", "T"),
    "And reconnects just replay from the log position.",
    "Um, I think that's where I'd land.",
])


# ---------------------------------------------------------------- build

def ms_to_ts(ms):
    h, rem = divmod(ms, 3600000)
    m, rem = divmod(rem, 60000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


MAX_WORDS = 24


def split_long(text):
    """Whisper-style segmentation: break an over-long utterance at the
    punctuation mark nearest its middle (or mid-word-run if none)."""
    toks = text.split()
    if len(toks) <= MAX_WORDS:
        return [text]
    n = len(toks)
    cands = [i for i in range(6, n - 5) if toks[i - 1][-1] in ",.;:?"]
    i = min(cands, key=lambda k: abs(k - n / 2)) if cands else n // 2
    return split_long(" ".join(toks[:i])) + split_long(" ".join(toks[i:]))


def expand(ans, rng):
    out = []
    start = rng.randrange(len(FILLER))
    used = 0
    for it in ans["cues"]:
        if isinstance(it, str):
            parts = split_long(it)
            out.append((parts[0], set(), None))
            for part in parts[1:]:
                out.append((part, set(), round(rng.uniform(0.0, 0.3), 3)))
        elif it[0] == "FILL":
            for _ in range(it[1]):
                out.append((FILLER[(start + used) % len(FILLER)], set(), None))
                used += 1
        else:
            parts = split_long(it[0])
            # "H" tags the first piece; "H+1" tags continuation piece 1 of a split utterance,
            # for statements whose material part only arrives after the split.
            piece_tags = [set() for _ in parts]
            for tg in (it[1].split() if it[1] else []):
                base, _, k = tg.partition("+")
                piece_tags[int(k) if k else 0].add(base)
            out.append((parts[0], piece_tags[0], it[2] if len(it) > 2 else None))
            for k, part in enumerate(parts[1:], 1):  # continuation of the same utterance
                out.append((part, piece_tags[k], round(rng.uniform(0.0, 0.3), 3)))
    assert used <= len(FILLER), (ans["id"], used)
    return out


def build():
    labels = {}
    problems = []
    for ans in ANSWERS:
        rng = random.Random("holdout3:" + ans["id"])
        base_wpm = rng.uniform(138, 167)
        cues = expand(ans, rng)
        t = 0
        lines = ["WEBVTT", ""]
        first = {s: None for s in SIGNALS}
        aps = []
        for i, (text, tags, pause) in enumerate(cues):
            if pause is None:
                pause = rng.uniform(3.0, 8.0) if rng.random() < 0.05 else rng.uniform(0.2, 1.5)
            t += int(round(pause * 1000))
            words = len(text.split())
            wpm = min(175.0, max(130.0, base_wpm + rng.uniform(-8, 8)))
            dur = int(round(words / wpm * 60000))
            if not (2000 <= dur <= 12000):
                problems.append(f"{ans['id']} cue {i} {dur/1000:.1f}s ({words}w): {text[:50]}")
            for tg in tags:
                if tg in TAG:
                    if first[TAG[tg]] is None:
                        first[TAG[tg]] = t / 1000
                elif tg in AP:
                    aps.append({"code": AP[tg], "at_s": t / 1000})
                else:
                    problems.append(f"{ans['id']} unknown tag {tg}")
            lines.append(f"{ms_to_ts(t)} --> {ms_to_ts(t + dur)}")
            lines.append(text)
            lines.append("")
            t += dur
        (HERE / f"{ans['id']}.vtt").write_text("\n".join(lines), encoding="utf-8")
        labels[f"{ans['id']}.vtt"] = {
            "domain": ans["domain"],
            "window_s": 600,
            "duration_s": round(t / 1000, 3),
            "signals": {s: {"present": first[s] is not None, "first_at_s": first[s]} for s in SIGNALS},
            "anti_patterns": aps,
            "notes": ans["notes"],
        }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=2) + "\n", encoding="utf-8")
    return labels, problems


def parse_vtt(path):
    txt = path.read_text(encoding="utf-8").split("\n")
    assert txt[0] == "WEBVTT"
    cues = []
    i = 1
    while i < len(txt):
        if "-->" in txt[i]:
            a, b = [x.strip() for x in txt[i].split("-->")]
            conv = lambda s: int(s[0:2]) * 3600 + int(s[3:5]) * 60 + float(s[6:])
            cues.append((conv(a), conv(b), txt[i + 1]))
            i += 2
        else:
            i += 1
    return cues


def summary(labels):
    n = len(labels)
    print(f"{n} answers")
    for fn, lab in labels.items():
        sig = " ".join(
            (f"{s[:3]}@{v['first_at_s']:.0f}" if v["present"] else f"{s[:3]}:-")
            for s, v in lab["signals"].items())
        ap = ",".join(f"{a['code'][:5]}@{a['at_s']:.0f}" for a in lab["anti_patterns"])
        print(f"  {fn:9s} {lab['domain']:26s} {lab['duration_s']:7.1f}s  {sig}  [{ap}]")
    print("signal        present absent late(>600s)")
    for s in SIGNALS:
        p = sum(l["signals"][s]["present"] for l in labels.values())
        late = sum(1 for l in labels.values() if l["signals"][s]["present"] and l["signals"][s]["first_at_s"] > 600)
        print(f"  {s:12s} {p:7d} {n - p:6d} {late:5d}   absent {100 * (n - p) / n:.0f}%")
    counts = {}
    for l in labels.values():
        for a in l["anti_patterns"]:
            counts[a["code"]] = counts.get(a["code"], 0) + 1
    print("anti-patterns:", counts)
    d = sorted(l["duration_s"] for l in labels.values())
    print(f"durations: min {d[0]:.0f}s median {d[len(d)//2]:.0f}s max {d[-1]:.0f}s; "
          f">600s: {sum(x > 600 for x in d)}; <60s: {sum(x < 60 for x in d)}")


if __name__ == "__main__":
    labels, problems = build()
    for fn in labels:
        cues = parse_vtt(HERE / fn)
        assert cues and all(0 <= a < b for a, b, _ in cues)
        assert all(cues[k][1] <= cues[k + 1][0] for k in range(len(cues) - 1))
        starts = {round(a, 3) for a, _, _ in cues}
        for v in labels[fn]["signals"].values():
            assert v["first_at_s"] is None or round(v["first_at_s"], 3) in starts
    summary(labels)
    if problems:
        print("PROBLEMS:")
        print("\n".join(problems))
