#!/usr/bin/env python3
"""Labelled spoken answers for measuring the answer analyzer.

Run:  .venv/bin/python tests/data/answers/build.py

Writes one WebVTT file per answer next to this script plus `labels.json`, then prints a summary.
Everything is deterministic: the pace of each answer (130-175 wpm) and the pauses come from a
random generator seeded with the answer id, so re-running gives byte-identical files.

Script format (one cue per line, like a subtitle cue of 3-25 words):

    <4.5> [hypothesis] My bet is that buyers drop off because their bid lands late.
    ^^^^^ ^^^^^^^^^^^^ ^ the words, as a speech-to-text system would write them
    |     tags (comma separated, optional)
    pause in seconds before this cue (optional; otherwise a small random pause)

Tags:
    hypothesis, constraint, lever, metric_tie, tradeoff     the signal is genuinely stated here
    ap:<code>                                               an anti-pattern happens here
    neg:<signal> / neg:ap:<code>                            a hard negative: the words without the
                                                            statement (kept in labels.json as
                                                            `hard_negatives`: {of, at_s, text};
                                                            informational, not a label)
Directives (whole line):
    {fill:POOLS:SECONDS}   add neutral filler paragraphs (no signal, no anti-pattern) for ~SECONDS
    {until:POOLS:SECONDS}  add neutral filler paragraphs until the answer clock reaches SECONDS
    POOLS is one or more pool names joined with '+', e.g. {until:auction+generic:615}

Each answer declares what the labels must come out as (`expect`, e.g. "H C L M! T-": letter =
present within the first 600 s, ! = first stated after 600 s, - = absent) and the anti-patterns in
order (`ap`); the build fails if the tags disagree, so a typo in a tag cannot slip through.

labels.json is keyed by file name; first_at_s is the start of the first cue tagged with the
signal, at_s is the start of the tagged cue.
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
WINDOW_S = 600.0
MIN_WPM, MAX_WPM = 130.0, 175.0
SIGNALS = ("hypothesis", "constraint", "lever", "metric_tie", "tradeoff")
AP_CODES = (
    "tech_without_rationale",
    "defers_to_engineering",
    "dismisses_latency",
    "scale_without_business_tie",
)
LETTER = {"H": "hypothesis", "C": "constraint", "L": "lever", "M": "metric_tie", "T": "tradeoff"}
VALID_TAGS = (
    set(SIGNALS)
    | {f"ap:{c}" for c in AP_CODES}
    | {f"neg:{s}" for s in SIGNALS}
    | {f"neg:ap:{c}" for c in AP_CODES}
)

DOMAINS = {
    "livestream": "live-stream event orchestration",
    "flashsale": "flash-sale inventory allocation",
    "recs": "collectible recommendations during a stream",
    "watchparty": "watch-party backend",
    "auction": "auction bidding",
    "drops": "seller drop scheduling",
    "checkout": "checkout / add-to-cart latency",
    "trust": "trust & safety / payments",
}

# --------------------------------------------------------------------------------------------
# Neutral filler: clarifying questions, walking the user flow, drawing narration, process
# asides. None of it states a hypothesis, a hard constraint, an architectural lever, a metric
# tie or a trade-off, and none of it names a technology, defers, dismisses latency or claims
# scale. `lint_fillers()` checks for the obvious words. One paragraph = a few cues that belong
# together; a paragraph is used at most once per answer.
# --------------------------------------------------------------------------------------------

FILLER: dict[str, list[str]] = {
    "generic": [
        """Let me just sketch this out so we have something to point at.
        So on the left I'll put the seller's phone, that's where everything starts.
        On the right, a bunch of buyer phones, some iOS, some Android, some on the web.
        And in the middle, um, for now just a big box that says backend. We'll open it up in a second.""",
        """Okay, before I go further, can I ask a clarifying question?
        Are we assuming this is US only for now, or are Canada and the UK in scope too?
        Okay, US first, got it. I'll write that in the corner and come back to it.""",
        """Sorry, let me back up a little, I think I skipped a step.
        I want to describe the flow from the buyer's side, not just the system's side.
        So the buyer gets a push, opens the app, and lands right in the show.
        From there, pretty much everything they do is a tap, and we reflect it back to them.""",
        """I'll be honest, I've been on the other side of this as a buyer.
        I was in a card break last month, um, a pretty big one, and I was mostly just watching chat.
        It's a weirdly social experience, people cheer each other on, roast the seller a little.
        So I keep that picture in my head when I think about what the screen should feel like.""",
        """Let me talk about the data model really briefly.
        There's a show, a show belongs to a seller, and it has a schedule and a status.
        Inside a show there are listings, and each listing has an item, a format, and a current state.
        And then buyers interact with listings. They watch them, bid on them, buy them.""",
        """Um, one edge case I want to flag is the seller losing their connection.
        Like, they're in their garage, the wifi drops, and the picture freezes for everyone.
        What do buyers see in that moment? I think a reconnecting message rather than a black screen.
        And whatever was happening with the current item should pause rather than keep running.""",
        """In terms of how I'd run this as a project, I'd start with a short doc.
        Problem, who it's for, what we're not doing, and the open questions.
        Then I'd get design and engineering on a call and walk the flow together.
        I find that catches like half the bad assumptions in the first hour.""",
        """Let me think out loud for a sec.
        Okay. Yeah, okay.
        So there are really two halves to this, what the seller does and what the buyer sees.
        I'll go through the seller side first, because it kicks everything off.""",
        """Just to repeat the prompt back, so I'm sure I have it right.
        You want the backend piece of this, not so much the screens, but with a product lens on it.
        And you want to hear what I'd build first and why. Okay, cool.""",
        """Another thing, and this is more of a side note, is moderating chat.
        It's not the core of the question, but chat is a big part of the experience during a show.
        I'll keep it on the board, but I won't go deep on it unless you want me to.""",
        """So, walking through the happy path one more time.
        The seller goes live, buyers join, and the seller puts up the first item.
        Buyers interact, the item resolves, and the seller moves on to the next one.
        And that loop repeats, you know, sometimes a hundred times in one show.""",
        """I'd also want to talk to support, honestly.
        Support tickets are like the cheapest user research you can get.
        If I read fifty tickets about this area, I'll understand it better than from any chart.""",
        """Let me draw the arrows here. The seller app talks to some kind of entry point.
        The buyer apps talk to their own entry point.
        And between them, there's the part that actually holds what's going on in the show.
        I'll label that the show service for now, even if it ends up being several things.""",
        """Um, what about accessibility? I think it's worth a sentence.
        Captions on the stream, big enough tap targets for the main actions, that kind of thing.
        Not system design exactly, but it's part of doing this well.""",
        """Okay, so where was I. Right.
        I was about to go into what happens when something goes wrong.
        Actually, let me hold that thought and finish the normal flow first.""",
        """I want to call out the different kinds of sellers too.
        There are the big ones who have a huge crowd in every show.
        And then a long tail of people doing this on a Tuesday night for twenty viewers.
        The experience should feel good for both of them, and that doesn't happen by accident.""",
        """On the buyer side, there's the first-time buyer and there's the regular.
        The first-timer doesn't know the norms yet, doesn't know how quickly things move.
        The regular has muscle memory and gets annoyed by anything that moves around.
        So I'd be careful about changing where the main buttons are.""",
        """Let me pause on naming for a second, because words matter here.
        When I say listing, I mean the one item the seller is putting up right now.
        And when I say show, I mean the whole session, start to finish.""",
        """There's also the question of the web versus the apps.
        Web is a smaller slice of buyers, but it's where a lot of new people land from a shared link.
        I'd make sure the core actions work the same way everywhere.""",
        """Um, I'm going to skip over login and account stuff.
        Assume the buyer is signed in and has a card on file.
        If you want, we can come back to the first purchase flow later.""",
        """So to recap where we are, we've got the seller side and the buyer side on the board.
        And a box in the middle that I've been kind of hand-waving.
        Let me open that box up now and go one level deeper.""",
        """One thing I'd love to see is a recording of a real show with the events laid over it.
        Like, here's where the seller said go, here's where the first tap came in.
        That kind of timeline is super useful for the whole team to look at together.""",
        """I'd also loop in the seller success team early.
        They talk to the top sellers every week, so they hear about what's going on.
        And they'll be the ones explaining any change to sellers, so they should really understand it.""",
        """I should say, I'm not going to get every box right on the first pass.
        I'd rather get the overall shape right and then refine it with you.
        So stop me if I'm going down a path you don't care about.""",
        """For the API, I'm picturing a handful of calls.
        Join the show, get what's going on right now, do something, and leave.
        Plus a stream of updates that the app listens to while you're in the show.""",
        """Hmm, let me think about the admin side too.
        Someone internal needs to be able to look at a show and, like, step in if something's off.
        Not a big deal to build, but easy to forget until the first incident.""",
        """You know, I keep coming back to the seller's point of view.
        They're on camera, talking, holding up an item, reading chat, all at once.
        Whatever we ask them to do in the app should be really simple, like one tap.""",
        """Let me also think about what happens after the show ends.
        The seller needs a summary, what sold, to whom, and what they have to ship.
        And the buyer needs a receipt and a way to track what they got.""",
        """Um, I'll mention notifications briefly.
        Followers of the seller get told when the show is starting.
        And inside the show there are little nudges, like you've been outbid, or this item is up next.""",
        """Actually, can I ask, do we know roughly how many shows run at the same time on a busy night?
        Okay, thousands. That's helpful, I'll keep it in the back of my mind.""",
        """I'd want to try this with a few friendly sellers before anything else.
        Pick maybe five or ten who like trying new stuff and will give honest feedback.
        Sit in their shows, watch what happens, take notes.""",
        """I'm realizing I haven't said anything about the seller's setup.
        Some use a phone on a tripod, some use a proper camera and a laptop.
        We'd support both, but for today I'll assume the phone.""",
        """So, um, let's go back to the board.
        I'm going to write the main steps down the side so I don't lose track.
        One, the seller starts. Two, buyers join. Three, items go up. Four, things resolve.""",
        """There's also an interesting question around replays.
        A lot of people can't watch live, and they'd want to catch the highlights later.
        Out of scope for today, I think, but what we record now would make that possible.""",
        """Let me spend a second on error states, from the buyer's side.
        If a tap doesn't go through, the buyer needs to know and be able to try again.
        Silent failures are the worst, people just assume the app is broken.""",
        """Yeah, so, sorry, I lost my train of thought for a second.
        Let me look at my notes.
        Okay, right, I was on the part about what the app shows.""",
        """I think it's worth talking about who owns what, team-wise.
        There's probably a video team, a marketplace team, and a payments team.
        This sits in the middle of all three, which is usually where projects get stuck.""",
        """One more clarifying question, sorry. Is this for all categories, or just trading cards?
        All categories, okay. Cards, sneakers, comics, vintage toys, whatever.
        That matters a bit for how items are described, but the core flow is the same.""",
        """Um, in my last role we built something that kind of rhymes with this.
        It was a live question and answer product for a learning platform, not commerce.
        Different stakes, but a lot of the same questions about what happens live versus after.""",
        """If I imagine the first version in front of users, it's pretty bare.
        One show, one seller, a list of items, and the buttons to act on them.
        Everything else is polish we add once we've watched people use it.""",
        """Let me write down what I'd want to know from the seller's side before building anything.
        How they prepare for a show, what they do in the first five minutes, what annoys them.
        Those three questions usually tell me where to look.""",
        """And then, uh, there's the whole question of what the seller sees versus what the buyer sees.
        The seller wants control and a sense of how it's going.
        The buyer wants to understand what's happening right now and what to do next.""",
    ],
    "livestream": [
        """So the seller hits go live, and their phone starts sending video up to us.
        We take that and get it ready to play on all kinds of devices.
        And buyers pull it down along with everything else happening in the show.""",
        """The overlay is the part I care about most as a PM.
        That's the current item, the price, the timer, the buy button.
        It sits on top of the video, and it has to match what the seller is saying out loud.""",
        """Chat is its own little world inside the show.
        People ask about condition, shipping, whether the seller combines orders.
        The seller answers out loud, so chat and video are tied together in a way people notice.""",
        """Let me talk about the start of a show, because it's a moment.
        Followers get the notification, and a bunch of them arrive in the first minute.
        The seller usually does a little intro, says hi to the regulars, explains the format.""",
        """There's the end of the show too.
        The seller thanks everyone, maybe sends their viewers over to another seller's stream.
        And the buyers who stayed until the end are usually the regulars.""",
        """What does the seller see on their side?
        Their own video, the chat, a list of what's coming up, and who's winning what.
        It's like a cockpit, honestly, there's a lot going on.""",
        """Moderators are a thing too. A big seller often has a couple of helpers.
        They manage chat, answer questions, sometimes run the giveaways.
        So the seller's side is sometimes actually three people.""",
        """I'm curious how people find shows in the first place, but that's probably a different interview.
        For today I'll assume the buyer is already in the show.""",
        """If a buyer puts the app in the background and comes back, they need to catch up.
        Where are we, what's the current item, did I win the last thing?
        That catch-up moment is small, but it happens all the time.""",
        """Giveaways are a fun wrinkle.
        Sellers run them to keep people around, and everybody enters at the same moment.
        It's basically a tiny event inside the event.""",
        """Let me think about the seller switching items.
        They put one thing down, pick up the next, and say a few words about it.
        The overlay should switch along with them, so what buyers read matches what they hear.""",
        """There's also a bit of a ritual around big items.
        The seller builds it up, talks about the card, shows it to the camera from every angle.
        Chat goes wild, and then the item goes live.""",
        """Um, I also want to mention co-hosts.
        Sometimes two sellers do a show together from different places.
        I'd leave that for later, but I don't want the design to make it impossible.""",
    ],
    "flashsale": [
        """So the way I picture a flash sale, the seller has, say, fifty units of a sealed box.
        They announce a price, open it up, and everyone taps buy at once.
        Fifty people get one, everyone else doesn't, and it's over in seconds.""",
        """The people who don't get one are the interesting part, product-wise.
        They need a clear answer, sold out, and ideally something else to look at.
        Maybe a waitlist, or the next item from the same seller.""",
        """There's also the limit per buyer question.
        Should one person be able to grab ten of the fifty? Probably the seller decides.
        I'd give them a simple setting for it.""",
        """Then there's the period between you got it and actually paying.
        If the card fails, that unit goes back, and someone else should get a shot at it.
        That's a whole little flow by itself.""",
        """Let me talk about the seller's view during the sale.
        They want to see it selling, like a number going down.
        It's a big part of the fun for them, honestly, watching it go.""",
        """Restocks happen too. A seller finds another case in the back and adds it.
        The sale should handle units showing up partway through.
        Not the common case, but it will happen on day one.""",
        """I'd want to know what happens with bots here, actually.
        But let me park that, I'll come back to it if we have time.""",
        """Bundles are another variant, like buy the box and get a pack thrown in.
        I'd keep those out of the first version. One item, one price, one quantity.""",
        """And then there's what the sale looks like on the screen.
        A big number for what's left, a buy button, and a clear moment when it opens.
        People should never wonder whether it's started yet.""",
        """Let me think about the seller setting one up.
        They pick the item, the price, how many they have, and when it opens.
        Then they hit a button during the show when they're ready.""",
        """Um, and a small thing, but the confirmation screen matters.
        When you get one, you should feel it, like a little celebration.
        When you don't, it should be kind and point you somewhere useful.""",
    ],
    "recs": [
        """So the picture is, you're watching a show, and under the video there's a strip of other stuff.
        Other items from this seller, or other shows going on right now that you might like.
        The question is what goes in that strip.""",
        """Signals we have about a buyer: what they've bought, what they've bid on, what they watch.
        Who they follow, what they search for, how long they stay in different categories.
        Some of that is strong, and some of it's noisy.""",
        """Collectibles are weird for recommendations, because items are often one of one.
        You can't recommend the same card to everyone, there's only one of it.
        So you end up recommending sellers, shows, and categories more than exact items.""",
        """Cold start is the other classic problem.
        A brand new buyer, we know basically nothing, maybe the link they came in from.
        For them I'd show what's popular in that category right now.""",
        """There's also the seller's point of view on recommendations.
        A seller doesn't love it when we show their viewers someone else's show.
        That's something I'd want to talk to sellers about before deciding anything.""",
        """Explaining why something is recommended is nice too.
        Like, because you collect vintage Pokemon, or because you watched this seller last week.
        It makes the strip feel less random.""",
        """Let me think about where the data comes from.
        Every tap, bid, purchase, and follow, we already record those.
        The recommendation part uses that history to decide what to show.""",
        """Variety matters a bit. You don't want ten of the same thing.
        If I watch one basketball card show, I don't want my whole strip to turn into basketball.""",
        """Um, the other thing I'd think about is what a good recommendation even looks like here.
        Is it an item I'd buy, a seller I'd follow, or a show I'd stay in?
        Those are different, and I'd probably start with shows.""",
        """And, you know, sellers would want to know why their show showed up for someone.
        A simple explanation in their dashboard would go a long way.""",
    ],
    "watchparty": [
        """So a watch party, as I understand it, is a group of friends watching the same show together.
        They have their own little side chat, and they see each other's reactions.
        Kind of like a group chat stuck on top of the stream.""",
        """Someone creates the party and invites people with a link.
        People join, leave, come back, and the party keeps going.
        When the host leaves, someone else should probably become the host.""",
        """What's shared in the party? The show they're watching, the side chat, the reactions.
        Maybe who's bidding on what, if people opt into that.
        That last one is fun, like, my friend just bid on the thing I wanted.""",
        """I'd default parties to invite only, you know, friends.
        Public parties are interesting, but they turn into a moderation problem really quickly.""",
        """The reactions part is a little thing with a lot of personality.
        Emoji bursts when someone in the party wins, that kind of stuff.
        It's the bit people will screenshot and share.""",
        """Let me think about what happens when friends want to watch different shows.
        I'd keep it simple, a party is tied to one show at a time.
        If the host switches shows, the party follows.""",
        """I'd keep groups small at first. Friends, not hundreds of people.
        We can learn a lot from small groups before we think about bigger ones.""",
        """Um, and what does the seller see? Probably just that some of their viewers are in parties.
        Maybe a little icon next to their names in chat.
        Sellers might actually like that, it's a sign people brought friends.""",
        """Inviting someone who isn't on the app yet is its own flow.
        They tap the link, and ideally they land in the party even before they sign up.
        Then we ask them to create an account when they want to do something.""",
        """There's a question of voice, too. Do friends want to talk, or just type?
        I'd start with text and reactions, and see if people ask for voice.""",
    ],
    "auction": [
        """So an auction in a show is pretty quick.
        The seller puts up an item, there's a starting price, and a countdown.
        People bid, each bid might add a few seconds, and when the timer hits zero, the highest bid wins.""",
        """There's also sudden death, where the timer doesn't extend.
        Sellers like it because it keeps the show moving.
        Buyers have mixed feelings about it, you have to be really on it.""",
        """What does a buyer see when they bid?
        Their bid shows up, the price updates, and they see whether they're winning.
        If someone outbids them, they see that too, and they get a chance to go again.""",
        """Custom bids versus the quick bid button, I'd keep both.
        Most people hit the quick button, the next increment up.
        Power buyers like to type a specific number to jump ahead.""",
        """Max bids, like proxy bidding, are a whole thing on their own.
        You set your ceiling and the system bids for you.
        I'd treat that as a follow-up, not part of the core today.""",
        """When the auction ends, the winner gets the item added to their purchases.
        The seller sees who won and moves on to the next one.
        Payment happens with the card on file.""",
        """Let me talk about the seller's controls for a second.
        Start the auction, maybe pause it, and cancel it if something's off.
        Cancel is rare, but really important when you need it.""",
        """Ties are an interesting edge case.
        Two people hit the same amount at, like, the same instant.
        Someone has to win, and the other person needs a clear message.""",
        """Bid history is something buyers look at too.
        Who's been bidding, how aggressively, whether it's turning into a bidding war.
        It's kind of part of the drama.""",
        """Um, starting prices are interesting. A lot of sellers start at a dollar.
        It gets people in, and then the bidding takes care of the rest.
        It's a very different feel from a fixed price.""",
        """The end of an auction is the moment everyone's watching.
        The timer goes three, two, one, and the seller usually calls out the winner by name.
        It's a tiny celebration every single time.""",
    ],
    "drops": [
        """So a drop, as I understand it, is when a seller announces ahead of time that they'll release something.
        Like, Thursday at eight, I'm opening a new case of this set.
        People plan around it, set reminders, show up right on time.""",
        """The seller's side is basically a scheduling tool.
        Pick the time, describe what's dropping, maybe add some pictures.
        Then it shows up on their profile and in their followers' feeds.""",
        """Reminders are a big part of this.
        You tap remind me, and right before it starts you get a push.
        Some people want a reminder the day before too.""",
        """Rescheduling happens. Sellers get sick, shipments show up late.
        Everyone who set a reminder should hear about the new time.
        And the old time shouldn't still be floating around in someone's calendar.""",
        """Time zones are a small thing that always bites you.
        The seller's in California, the buyer's in New York, and the drop says eight.
        Eight whose time? We show it in the buyer's local time, obviously.""",
        """I'd want to look at what a seller's week actually looks like.
        Do they plan drops a week out, or, like, the same afternoon?
        That changes a lot about what the tool needs to be.""",
        """Overlaps between sellers are interesting too.
        Two big sellers both drop the same set at the same hour.
        Not ours to solve, necessarily, but maybe we show them what else is scheduled.""",
        """The drop page itself, before it opens, is a kind of waiting room.
        A countdown, pictures of what's coming, maybe the seller's notes.
        People sit on that page and refresh it, honestly.""",
        """Um, and after the drop, the seller wants to know how it went.
        Who showed up, what sold, what didn't.
        That's a nice little recap screen for them.""",
        """Recurring drops are a thing too, like every Sunday at six.
        I'd let sellers set that once instead of every week.""",
    ],
    "checkout": [
        """The add to cart moment in a show is really quick.
        The buyer sees a buy now price, taps it, and it's theirs, or it's in their cart.
        Then they keep watching and settle up at the end.""",
        """So, what actually happens on that tap?
        We check the item is still there, we hold it for that buyer, and we confirm back.
        The payment happens right then or at the end of the show, depending on the format.""",
        """Shipping is its own piece.
        Buyers want combined shipping when they buy several things from the same seller.
        It's one of the top questions people ask in chat.""",
        """Addresses and cards on file, I'm going to assume those exist.
        If not, the first purchase has a setup step, and that's a separate flow.""",
        """Let me think about what a cart even means in a live show.
        It's less like a web store cart and more like a tab at a bar.
        You keep adding things and settle up at the end.""",
        """Failures here are really visible.
        If a buyer taps buy and nothing happens, they tap again, and again.
        Then they're worried they bought it three times.""",
        """Receipts and order confirmations, pretty standard.
        The buyer gets a confirmation, and the seller gets the order in their list to pack.""",
        """Um, one thing I'd look at is how many taps it takes from seeing an item to owning it.
        Ideally one. Maybe two if there's a size or a variant to pick.""",
        """There's also the end-of-show checkout for people who added a bunch of stuff.
        A summary screen, the total, shipping, and one button.
        That screen should feel boring in a good way.""",
        """Refunds and cancellations, I'll mention them and move on.
        They go through a separate path, and they're not what this question is about.""",
    ],
    "trust": [
        """Trust and safety in a live marketplace covers a lot.
        Fake sellers, buyers who don't pay, stolen cards, counterfeit items.
        I'll focus on the payments side today, if that's okay.""",
        """Let me describe what fraud looks like here.
        Someone signs up with a stolen card, goes into a show, and wins a bunch of auctions.
        The seller ships, the real cardholder disputes it, and the seller is out the item.""",
        """There's also shill bidding, where a seller's friend bids up their items.
        That's harder to spot, because from the outside it looks like normal bidding.""",
        """The review tooling matters too.
        Somebody on the risk team needs to see why an account got flagged.
        And be able to undo it quickly if it was a mistake.""",
        """Appeals are part of this.
        If we block a legit buyer, they need a way to get unblocked.
        And ideally not by waiting three days for a support email.""",
        """Sellers get paid out after the buyer receives the item.
        That's partly a trust thing, it protects buyers if something goes wrong.""",
        """Let me think about new accounts specifically.
        A brand new buyer with no history, spending a lot in their first show.
        That could be a great new customer or a fraudster, and at first they look the same.""",
        """Um, and there's the seller side of trust.
        New sellers who list expensive items they may not actually have.
        We usually learn that from buyers, after the fact, which is not great.""",
        """There's a whole team of humans in this loop, and I don't want to forget them.
        The reviewers, the support folks, the people handling disputes.
        Whatever we build, they're the ones using it all day.""",
        """When an account does get blocked, what does the person see?
        A clear message, what happened, and what they can do about it.
        Vague error messages just create support tickets.""",
    ],
}

# Words that would make a filler paragraph carry a signal or an anti-pattern.
_FILLER_BANNED = re.compile(
    r"\b(cach\w*|queue\w*|shard\w*|partition\w*|cdn|replica\w*|async\w*|pre-?comput\w*|rate.?limit\w*|"
    r"fan.?out|fan.?in|edge (?:server|node|location)s?|batch\w*|latenc\w*|millis\w*|ms|second[s]? behind|percent|%|gmv|conversion|"
    r"retention|churn|sell.?through|trade.?off\w*|at the cost|even though|downside|cost\w*|complian\w*|"
    r"regulat\w*|legal\w*|sla|uptime|deadline|budget|bet|betting|hypothes\w*|kafka|redis|dynamo\w*|"
    r"postgres\w*|cassandra|mongo\w*|websocket\w*|spark|stripe|scale[sd]?|scaling|qps|million|"
    r"engineers? (?:decide|pick)|engineering call|doesn'?t matter|won'?t matter|metric\w*|kpi)\b",
    re.IGNORECASE,
)


def lint_fillers() -> list[str]:
    problems = []
    for pool, paragraphs in FILLER.items():
        for para in paragraphs:
            for line in _lines(para):
                m = _FILLER_BANNED.search(line)
                if m:
                    problems.append(f"filler[{pool}]: '{m.group(0)}' in: {line}")
    return problems


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------

ANSWERS: list[dict] = []


def answer(id: str, expect: str, script: str, notes: str = "", ap: tuple[str, ...] = ()) -> None:
    """`expect`: one token per signal, e.g. "H C L M! T-"; `ap`: anti-pattern codes in order."""
    domain = DOMAINS[id.split("-")[0]]
    ANSWERS.append({"id": id, "domain": domain, "expect": expect, "script": script, "notes": notes, "ap": ap})


# ---------------------------------------------------------------- live-stream orchestration

answer(
    "livestream-strong-01",
    "H C L M T",
    """
    Okay. So, um, live-stream event orchestration. Let me start with the problem, not the boxes.
    [hypothesis] Sellers keep telling us their big shows feel laggy, so my bet is buyers stop bidding when the price they see is stale.
    And if we fix that, I'd expect more people bidding in the last few seconds of each item.
    <1.2> So picture a big seller, call it a hundred thousand people in the show at once.
    [constraint] And the hard line for me is under two hundred milliseconds from the seller's action to every buyer's screen, or the auction feels rigged.
    Um, that's not a nice-to-have. When the timer says two seconds and you're actually at zero, people stop trusting it.
    Let me draw it. Seller's phone on the left, buyers on the right, and the state of the show in the middle.
    The video and the show state are two different things, and I want to treat them differently.
    The video can keep coming from wherever it comes from today.
    What I care about is the overlay. The price, the timer, who's winning.
    [lever] For that I'd push updates through edge servers near the buyers, so one message from the core fans out locally.
    So the core only talks to, like, a few dozen edge nodes, and each edge node talks to its local viewers.
    <0.9> That keeps the slow hop, the long one across the country, down to one message instead of a hundred thousand.
    [metric_tie] Why it matters: if price updates land in time, I'd expect last-ten-second bid participation up five to ten percent, and that's GMV.
    We've seen, um, in the past when a show lags, chat fills up with "is it frozen" and the bids fall off a cliff.
    <2.1> Okay, the viewer count. That number at the top, like one hundred and two thousand watching.
    [tradeoff] I'd accept the viewer counter being eventually consistent, a few seconds off, because nobody bids based on it, and it saves a ton of writes.
    The bid price is the opposite. That one has to be exactly right, every time.
    So that goes through one place that owns the auction for that item.
    So, um, one owner per live item. It decides the winner, and then it broadcasts.
    {fill:livestream:45}
    What if an edge node falls over mid-show? The app reconnects to the next closest one and asks for the current state.
    It gets a snapshot, the current item, the price, the time left, and then it just keeps listening.
    <1.5> If I had to order this for a first version, I'd do the single owner per item first, then the edge fan-out, then the counter.
    Because the owner is the correctness piece, and the fan-out is the speed piece.
    And I'd measure the gap between the seller hitting start and the median and the slowest buyers seeing it.
    Yeah. I think that's the core of it. Happy to go deeper on any part.
    """,
    notes="keyword-free hypothesis ('sellers keep telling us ... my bet is'); word 'hypothesis' never said",
)

answer(
    "livestream-medium-01",
    "H C- L M- T",
    """
    Um, okay, so the prompt is orchestrating a live show end to end. Let me think.
    So, uh, the way I see it, there's the seller, there's the stream, and there's all the buyers watching.
    [hypothesis] What I'm betting on is that new buyers leave a show in the first minute because they join mid-item and can't tell what's going on.
    So if they land and immediately see the current item and the price, I think more of them stay.
    [neg:constraint] Constraints, well, there are always constraints, right? We'd figure those out with the team.
    Let me just talk about the pieces.
    [ap:tech_without_rationale] We'll use Kafka for the events.
    And then there's a service that holds the state of each show.
    <1.1> When a buyer joins, the app asks that service for a snapshot. Current item, current price, timer.
    [lever] And I'd cache that snapshot per show, so a big show with tons of people joining doesn't hit the state service every time.
    The cached copy just gets refreshed whenever the item or the price changes.
    {fill:livestream:40}
    [tradeoff] The snapshot can be a second old when you join, and I'm okay with that, because live updates correct it and joining stays fast.
    Um, so yeah. Join, snapshot, then live updates.
    [neg:metric_tie] And then, metrics matter, obviously, so we'd set up dashboards for all of this.
    {fill:generic:30}
    I think that's, yeah, that's the high level. I could go deeper on the state service if you want.
    """,
    notes="hard negatives: 'constraints, well, there are always constraints' and 'metrics matter'",
    ap=("tech_without_rationale",),
)

answer(
    "livestream-medium-02",
    "H C L M- T",
    """
    Alright, so, orchestrating the live event itself. The show starting, running, and ending.
    <1.8> Um, let me think about who gets hurt today.
    [hypothesis] What I keep hearing from sellers is their regulars leave when a show hiccups, and I think reliability is what brings those viewers back.
    So for me this is less about speed and more about the show never falling over.
    [constraint] So I'd hold the live layer to 99.9% uptime during scheduled shows, and no more than a few seconds of interruption for any single show.
    [neg:ap:dismisses_latency] And latency is a real concern too, I don't want to wave it away, the overlay still needs to feel live.
    Let me go through the pieces.
    The seller's app sends commands, like start item, end item, pause.
    Those go to the thing that owns the show, and it tells everyone else.
    [lever] I'd run two copies of each show's state, a primary and a hot standby in another zone, and replicate every command to both.
    So if the primary dies, the standby takes over and the buyers just see a short reconnect.
    {fill:livestream:40}
    [tradeoff] Writing every command to two places adds ten or twenty milliseconds per action, and I'm choosing that, because a dead show is much worse.
    And the other cost is we pay for double the live-state machines. I'm okay with that too.
    {fill:generic:40}
    So the order would be, standby first, then the reconnect experience in the app, then the fancier stuff.
    That's my answer. I'm happy to talk about how the reconnect looks on the buyer's side.
    """,
    notes="keyword-free hypothesis ('what I keep hearing from sellers ... I think'); hard negative for dismisses_latency ('latency is a real concern'); no metric tie",
)

answer(
    "livestream-weak-01",
    "H- C- L M- T-",
    """
    Okay, yeah, so, live streams. Um.
    [neg:hypothesis] I don't have a hypothesis yet, honestly, I'd want to look at the data first.
    But basically we need the video to get from the seller to all the viewers.
    [lever] So the video goes through a CDN, that's the standard way, so we're not serving every single viewer from our own servers.
    And then there's the bidding and the chat and all that on top of it.
    [ap:scale_without_business_tie] And the nice thing is it all scales horizontally, so whatever size the show is, we just add more boxes.
    Uh, let me think what else.
    [ap:dismisses_latency] Latency-wise, I mean, a few hundred extra milliseconds won't matter, it's video, everybody's a little behind anyway.
    So I'd focus more on making sure it doesn't go down.
    [neg:metric_tie] And we'd track, you know, the usual stuff. We'll track metrics later, once it's live.
    {fill:livestream:35}
    {fill:generic:25}
    Yeah, I think that's mostly it. Video through the CDN, the bids on top, and then we scale it out.
    """,
    notes="weak: 'I don't have a hypothesis yet'; vague reliability wish is not a constraint",
    ap=("scale_without_business_tie", "dismisses_latency"),
)

answer(
    "livestream-long-01",
    "H C L M! T",
    """
    Alright. So, live-stream event orchestration. I'm going to take a minute to frame it.
    I'll talk about what a show is and who's in it, and then what I think is actually going wrong today.
    {fill:livestream:30}
    [hypothesis] Here's my bet: in big shows, buyers on slower phones see the item change late, miss the first few seconds, and give up on bidding.
    So the outcome I'm after is that those buyers keep bidding like everyone else.
    <1.0> [constraint] The number I'd hold us to is two hundred milliseconds for the overlay, seller tap to buyer screen, with a hundred thousand viewers.
    Uh, and I want to be careful, that's the overlay, not the video. The video is its own pipeline, I'll leave it alone today.
    {fill:generic:40}
    So let me open up the middle box.
    There's an entry point for the seller's actions, a piece that owns each show's state, and a way to push updates out.
    [lever] For the push, I'd do a fan-out tree. The show's state goes to regional relays, and each relay pushes to the buyers connected near it.
    So the origin doesn't talk to a hundred thousand phones, it talks to maybe thirty relays.
    [neg:ap:tech_without_rationale] For the relays I'd lean on WebSockets, because we need the server to push, and polling at that size would add a second of delay.
    {fill:livestream:50}
    [neg:metric_tie] And, you know, metrics matter here, we'd want to measure a lot of this.
    Um, let me go back to correctness for a second.
    The price has to be right. If two people bid at the same time, one of them wins, and everyone sees the same winner.
    So each live item has exactly one owner process, and the bids for it go there in order.
    <2.5> [tradeoff] Routing every bid through one owner means hot items can back up, and I accept that, since wrong winners hurt trust more than slow ones.
    And we can soften that by, um, keeping the owner dumb and fast. It just checks the amount and the time.
    {fill:generic:80}
    Okay, let me talk about what happens in the first minute of a big show, because that's the scary part.
    Everyone arrives at once, and every one of them needs to know what's going on right now.
    They connect to a relay, the relay already has the current state, and it hands it over.
    {until:livestream+generic:612}
    <4.0> Okay, sorry, let me bring this back to why any of this matters for the business.
    [metric_tie] If slow-phone buyers see the item change within two hundred millis, I'd expect their bid rate to catch up, three or four percent more bids.
    And more bids per item pushes final prices up, so it shows up directly in GMV per show, which is what sellers care about too.
    {fill:generic:60}
    So, to wrap up. One owner per item for correctness, relays for speed.
    And the success measure is bids per item from the slowest quarter of phones.
    Happy to go wherever you want from here.
    """,
    notes="metric tie only after the 10-minute mark; earlier 'metrics matter' is a hard negative; WebSockets named with a reason (not tech_without_rationale)",
)

answer(
    "livestream-long-02",
    "H! C L M- T!",
    """
    Okay, so, um, the event orchestration piece for live shows. Let me just dive in.
    [neg:hypothesis] Hypothesis-wise, not sure yet, I kind of want to get the system on the board first and then come back to the user.
    So let me start with the pieces.
    {fill:livestream:40}
    [constraint] One thing I'm firm on: the live layer needs 99.95% uptime during scheduled shows, because a seller who loses a show loses that night's income.
    That's, like, twenty minutes of downtime a month, total, and it can't land during the big Sunday shows.
    [lever] I'd keep a warm standby of the show state in a second region, so if the primary goes, the show fails over instead of ending.
    So the seller's app just reconnects, and the buyers see a tiny hiccup.
    [ap:defers_to_engineering] As for the actual stack, honestly, I'd let the engineers pick that, they know it way better than me.
    {fill:generic:60}
    Let me talk about the join flow, because that's where a lot of the load comes from.
    When a big seller goes live, tens of thousands of people can join in the first minute.
    Each of them needs the current state of the show right away.
    {until:livestream+generic:420}
    Um, and the end of the show is the other busy moment, everyone leaving at once, payouts kicking off.
    I'd keep that boring. The show closes, and the follow-up work happens after.
    {until:generic:608}
    <5.5> Um, okay. I said I'd come back to the user, and honestly I should have started there.
    [hypothesis] My bet is our biggest sellers get hurt most when a show dies mid-stream, because their buyers scatter and many never come back.
    So the outcome I'm betting on is that those sellers keep their audience through a failure instead of losing it.
    {fill:livestream:40}
    [tradeoff] The standby roughly doubles our live layer spend, and I'm okay paying that, because a dead show is the one failure we can't explain away.
    {until:generic:665}
    I think that's where I'd stop. Standby first, then everything else.
    """,
    notes="'hypothesis-wise, not sure yet' early (hard negative); real hypothesis and the trade-off only after 10 minutes; defers the stack",
    ap=("defers_to_engineering",),
)

answer(
    "livestream-short-01",
    "H- C L M T-",
    """
    Okay, quick version.
    [constraint] The overlay on a big show, the price and the timer, has to reach people in under 200 ms or the auction feels unfair.
    [lever] So I'd send one update per show to regional edge servers and let them fan it out to the viewers near them.
    <0.8> That way the far-away viewers aren't waiting on one origin.
    [metric_tie] If the timer and price land on time, more people bid in the final seconds, I'd guess two or three percent more GMV per show.
    And, um, that's the short version. I can expand on any of it.
    """,
    notes="very short; no user problem stated (the metric tie implies an outcome but names no user problem)",
)
# ---------------------------------------------------------------- flash-sale inventory

answer(
    "flashsale-strong-01",
    "H C L M T",
    """
    Okay, so flash-sale inventory. Let me make sure I have the scenario.
    A seller has a fixed number of units and opens them all at once during a show. Fifty, maybe five hundred.
    And thousands of people tapping at the same moment. Got it.
    [hypothesis] My hypothesis is that buyers who get charged and then told "sold out" feel cheated and stop showing up to that seller's sales.
    <0.8> And sellers hate it too, because an oversold unit means a refund and an angry message.
    So the product goal is that losing feels fair and winning is real.
    [constraint] Hard constraint: we can never sell a unit we don't have. The advertised quantity has to be exact, that's consumer protection, not a nice-to-have.
    And the answer to the tap needs to come back in about a second, otherwise people tap five more times.
    Let me draw it out.
    [lever] I'd pre-split the inventory into token buckets across partitions, so each tap grabs a token from one bucket instead of everyone locking one counter.
    So with five hundred units and, say, ten buckets, each bucket has fifty tokens, and the taps get spread across them.
    <1.3> [tradeoff] A buyer can hit an empty bucket while others have units, so we give up strict first come first served, and I'm fine with that.
    Nobody can actually tell who tapped first within a few milliseconds anyway.
    And at the end we sweep the leftover tokens and offer them to the next people in line.
    [neg:ap:tech_without_rationale] For the buckets I'd use Redis with atomic decrements, because it's fast and can't go below zero, and that's our oversell guarantee.
    Then payment runs asynchronously. You got a token, you have two minutes to pay, and if the card fails the token goes back.
    [metric_tie] The buckets matter because failed taps and oversells both kill sell-through, and I'd expect flash-sale sell-through to go from ninety to ninety-seven percent.
    {fill:flashsale:40}
    I'd launch it with one big seller first and watch two numbers, the oversell count, which should be zero, and the time to sell out.
    Yeah, that's where I'd start.
    """,
    notes="Redis named with a reason (not tech_without_rationale)",
)

answer(
    "flashsale-medium-01",
    "H C L M- T-",
    """
    Okay, so for flash sales, um. Let me think about who this is for first.
    [hypothesis] Sellers keep telling us their flash sales oversell, so my bet is that if allocation is exact, they'll run more of them.
    [constraint] And we have thirty days to get an MVP out, that's the timeline I was given, so it has to fit in a month.
    So, um, the simplest thing that works.
    [ap:tech_without_rationale] Redis for the counters, DynamoDB for the orders.
    And then a service in front that takes the buy taps.
    [lever] The taps go into a queue, and a worker pulls them off in order and decrements the count, so nobody double-grabs the last unit.
    Then the buyer gets a yes or a no back.
    {fill:flashsale:60}
    [neg:metric_tie] And we'll track metrics later, once it's live, to see how it's doing.
    So, MVP in thirty days, queue plus counter, and then iterate.
    {fill:generic:30}
    Yeah. That's my answer.
    """,
    notes="hard negative: 'we'll track metrics later'",
    ap=("tech_without_rationale",),
)

answer(
    "flashsale-medium-02",
    "H C L M T",
    """
    Alright, flash sales.
    [neg:hypothesis] We should think about the user, of course, that's always the first thing.
    Um, let me talk about the system first, though.
    {fill:flashsale:30}
    [constraint] The tap to result has to come back in under 300 milliseconds, otherwise people tap again and we get duplicate claims.
    [lever] So I'd keep the live counts in memory, partitioned by item, and write the orders to the database asynchronously afterwards.
    <2.0> Actually, let me go back to the user thing, I skipped it.
    [hypothesis] Collectors tap buy, wait, and get nothing back, and my bet is the uncertainty, more than losing, is why they stop joining sales.
    So if we tell them yes or no, quickly and clearly, they come back for the next one.
    [metric_tie] Writing orders async is what gets us the fast answer, and that should move repeat flash-sale participation, I'd hope five percent or so.
    [tradeoff] A crash between the in-memory claim and the write could lose a claim, and I accept that, because speed is the whole experience here.
    {fill:flashsale+generic:40}
    Okay, I think that covers it.
    """,
    notes="'we should think about the user' first (hard negative), the real hypothesis later",
)

answer(
    "flashsale-weak-01",
    "H- C- L M- T-",
    """
    So, flash sales. Um, yeah, these are basically where a lot of people want the same thing at once.
    [neg:hypothesis] We should think about the user here, definitely, like what they want out of this.
    [neg:constraint] And it should be fast. Like, really fast.
    [lever] I'd put the purchase requests on a queue, so the database doesn't get slammed all at once.
    [ap:defers_to_engineering] Which queue and all that, that's an engineering call, I wouldn't get into it.
    [ap:scale_without_business_tie] But the point is the design scales horizontally, so it'll handle whatever traffic we throw at it, millions of requests, no problem.
    {fill:flashsale:35}
    Um, and then there's the part where we tell people if they got it or not.
    {fill:generic:40}
    Yeah, I think that's most of it.
    """,
    notes="'it should be fast' is not a constraint",
    ap=("defers_to_engineering", "scale_without_business_tie"),
)

answer(
    "flashsale-long-01",
    "H C! L M T!",
    """
    Okay. Flash-sale allocation. I'll go slow and think out loud, if that's alright.
    {fill:flashsale:30}
    [hypothesis] What I'm betting on is that buyers who lose a flash sale to a glitch, not to being slow, are the ones we lose.
    So the goal is that losing feels fair and winning is real, no oversells.
    [ap:tech_without_rationale] We'll use Kafka.
    {fill:generic:30}
    Um, so let me get into how the inventory actually lives.
    [lever] I'd shard the inventory by item, so all units of one item live on one shard, and a huge sale can't slow down other sales.
    [metric_tie] That isolation matters for GMV, because today one giant sale drags checkout for everyone, and I'd guess we lose one percent of that night's orders.
    {fill:flashsale:60}
    Let me walk through one sale from start to finish with the shard in the picture.
    The seller hits open, the item's shard starts handing out units, and every buyer gets a yes or a no.
    When the units run out, the shard says sold out to everyone who's still tapping.
    {until:flashsale+generic:330}
    Um, let me say something about what the buyer sees while they wait for the answer.
    A little spinner on the button, and then either a big green check or a sold out message.
    [neg:constraint] And it should be fast, obviously, and reliable, that goes without saying.
    Nobody wants to stare at a spinner during a sale.
    {until:flashsale+generic:612}
    <6.0> Oh, I didn't say anything about the rules, and I should have, way earlier.
    [constraint] Legal's position is that if we advertise fifty units at a price, we must honor exactly fifty, so zero oversell is a compliance line.
    And that changes how I'd handle the edge cases.
    [tradeoff] So I'd hold a unit before charging, at the cost of some units sitting reserved and unsold for a couple of minutes when cards fail.
    And I'm okay with that, because the alternative is charging people for things we then can't deliver.
    {until:generic:780}
    So. Shard by item, hold before charge, and the legal line on quantities. That's my design.
    """,
    notes="constraint and trade-off only after the 10-minute mark; bare 'We'll use Kafka.'",
    ap=("tech_without_rationale",),
)
# ---------------------------------------------------------------- recommendations in a stream

answer(
    "recs-strong-01",
    "H C L M T",
    """
    Okay, so recommendations during a stream. The strip under the video, basically.
    [hypothesis] My bet is buyers who finish one seller's show leave the app instead of finding the next show, because nothing good is lined up.
    So the question isn't what's the best model, it's what do we show at the moment they're about to leave.
    <1.4> Um, two things I'd hold firm.
    [constraint] The strip has to render within a hundred milliseconds of the show ending, or they've already swiped away.
    And serving can't cost more than a few cents per thousand views.
    [lever] So I'd precompute a ranked list per buyer every few minutes, and when a show ends we just read it.
    No model call in the hot path.
    {fill:recs:40}
    [metric_tie] The precomputed strip is there for one thing, whether buyers stick around for a second show, and I'd expect multi-show sessions up a few points.
    [tradeoff] Precomputing means the list can be minutes stale, it won't know what you bid on just now, and I'm okay with that for the speed.
    And I'd patch the worst case. Like, if you just bought that exact item, we filter it out when we read the list.
    {fill:recs+generic:45}
    That's the core of it. I can go into ranking if you want, but I'd keep it simple for version one.
    """,
    notes="keyword-free metric tie ('whether buyers stick around for a second show')",
)

answer(
    "recs-medium-01",
    "H C- L M T-",
    """
    Um, so, recs during a stream. Here's how I'd frame it.
    [hypothesis] Sellers keep telling us new viewers don't know what's coming later in the show, so I'm betting a strip of upcoming items keeps them around.
    [ap:dismisses_latency] Latency isn't really a concern for recs, honestly. It's below the video, it can load whenever.
    [lever] I'd precompute the strip per show when the seller sets up their run sheet, so there's no work to do when someone joins.
    [metric_tie] If viewers can see what's coming, I'd expect watch time per show up, and items bought per viewer with it, call it 10%.
    {fill:recs:50}
    Then after that, personalization, but that's phase two.
    {fill:generic:30}
    Yeah, that's it.
    """,
    notes="dismisses latency for recommendations",
    ap=("dismisses_latency",),
)

answer(
    "recs-medium-02",
    "H C L- M T",
    """
    Okay. Recommendations for collectibles during a live show.
    I actually want to stay mostly on the product side for this one, if that's okay.
    [hypothesis] My bet is serious collectors skip most shows because the first thing they see is off-category, and if we put their category first, they'll stay.
    {fill:recs:40}
    [constraint] One rule up front: we can't use anything from private messages or payment data for ranking. Legal was clear on that, it's a privacy commitment.
    So it's purchases, bids, follows, and watch history, and that's it.
    [metric_tie] Ranking by a buyer's top category first should lift viewing-to-first-bid conversion, I'd estimate two points for collectors with a clear category.
    [tradeoff] We'd lose some discovery, people see fewer new categories, and I'll take that hit for now, because getting collectors to bid at all matters more.
    {fill:recs+generic:60}
    And later, maybe, a small slot for something new, so we don't box people in forever.
    Yeah, that's how I'd approach it.
    """,
    notes="no architectural lever at all (deliberately product-only)",
)

answer(
    "recs-weak-01",
    "H- C- L- M- T-",
    """
    Okay, recommendations. This is a fun one.
    [neg:hypothesis] I don't have a hypothesis yet, I'd want to look at what people are watching first.
    [neg:ap:tech_without_rationale] So, we'll use a vector database for the embeddings.
    [ap:tech_without_rationale] And Spark for the training jobs.
    [neg:lever] Caching is good too. We'd have some caching somewhere, I'm sure.
    [neg:metric_tie] Metrics matter, obviously, we'd want to know if it's working.
    [ap:defers_to_engineering] But honestly, the details of the model and the pipeline, I'd leave to the ML engineers, that's their call.
    {fill:recs:50}
    {fill:generic:30}
    I guess that's, yeah, that's where I'd land.
    """,
    notes="'caching is good' is not a lever; 'metrics matter' is not a metric tie",
    ap=("tech_without_rationale", "defers_to_engineering"),
)

answer(
    "recs-short-01",
    "H- C- L- M- T-",
    """
    Um, recs in a stream, okay.
    [neg:hypothesis] Hypothesis-wise, not sure, I'd need to talk to buyers first.
    [neg:constraint] Constraints, well, there are always constraints.
    [neg:metric_tie] And metrics matter, so we'd set goals once we know more.
    <1.2> I'd start by showing other items from the same seller, and see what happens.
    That's where I'd begin, anyway.
    """,
    notes="very short, only hard negatives",
)

answer(
    "recs-long-01",
    "H C L M T-",
    """
    Okay, recommendations that surface collectibles during a live stream.
    {fill:recs:30}
    [hypothesis] Here's what I believe: buyers only see what the seller holds up, so they miss items they'd buy, and I'm betting surfacing those lifts purchases.
    <1.1> [constraint] The panel has to update within a second of the seller switching items, and we've got a thirty-day window for the first version.
    [lever] I'd compute candidate items for each show ahead of time, when the seller uploads their lineup, and re-rank them on the fly per buyer.
    [ap:scale_without_business_tie] And this scales to basically any number of viewers. A million people, it doesn't matter.
    [metric_tie] If buyers can see and buy the other items, I'd expect items sold per show up, maybe eight percent, which is GMV straight up.
    {fill:recs:80}
    Let me go one level deeper on the lineup part.
    The seller uploads what they plan to show, in roughly the order they plan to show it.
    We match each item against what we know about the buyers who usually watch that seller.
    {until:recs+generic:420}
    Um, another thing. Sellers improvise a lot, they pull out things that weren't on the lineup.
    For those, we'd just show them as they come up, without any ranking.
    {until:generic:705}
    Okay, I've talked for a while. That's my design: lineup ahead of time, quick re-rank, and items sold per show as the measure.
    """,
    notes="long answer with every present signal inside the first 10 minutes; never owns a trade-off",
    ap=("scale_without_business_tie",),
)
# ---------------------------------------------------------------- watch party

answer(
    "watchparty-strong-01",
    "H C L M T",
    """
    Okay, watch parties. Friends watching the same show together, with their own little room.
    [hypothesis] My bet is buyers who watch with friends come back more, and today they coordinate in group texts, which breaks whenever someone switches apps.
    So I want the party to live inside the show, and survive people dropping in and out.
    [constraint] Reactions have to stay within half a second of the show, or it's like watching a game with spoilers.
    And party chat has to be GDPR compliant for the UK launch.
    Let me draw it.
    [lever] I'd pin each party's session to one party server, fan in everyone's reactions there, and fan out one merged stream to the members.
    That way, if you drop and rejoin, your party is still there, with the last few minutes of chat.
    [neg:ap:tech_without_rationale] For the party servers, I'd use Elixir.
    Mostly because it's built for holding lots of long-lived connections cheaply, and that's exactly what a party is.
    {fill:watchparty:40}
    [tradeoff] Pinning a party to one server means a dead server blips the party for seconds, and I'd take that over syncing every party everywhere.
    [metric_tie] Pinned sessions are what hold parties together when people drop, and I'd expect that to move seven-day return for party users a few points.
    And party users bring friends, which is the cheapest acquisition we have.
    {fill:watchparty+generic:45}
    So, pinned sessions, fan in, fan out, and seven-day return as the number I'd watch.
    """,
)

answer(
    "watchparty-medium-01",
    "H C L M- T",
    """
    So, the watch party backend.
    [hypothesis] Sellers keep telling us their regulars want to hang out together during shows, so I'm betting a shared party room keeps those regulars watching longer.
    [constraint] Reactions in the party need to arrive within 300 milliseconds, or the jokes land after the moment.
    [ap:tech_without_rationale] We'll put the party state in Redis.
    Um, and the messages go out to everyone in the party as they happen.
    [lever] For really big parties, I'd fan out through a few relay nodes instead of one server sending to everyone.
    [tradeoff] We'd drop reactions when a party gets too noisy, so not every emoji arrives, but the chat stays readable and the delay stays low.
    {fill:watchparty:60}
    {fill:generic:20}
    Yeah, that's roughly it.
    """,
    notes="no metric tie",
    ap=("tech_without_rationale",),
)

answer(
    "watchparty-medium-02",
    "H C- L M T",
    """
    Okay, so, watch parties.
    [hypothesis] What I keep hearing is buyers already watch shows together on video calls, and I think if that's in the app, they'll stay longer.
    [neg:constraint] It should be fast, of course, nobody likes lag.
    {fill:watchparty:30}
    [lever] Each party gets a room on a message relay, and reactions are batched every hundred milliseconds instead of one message per emoji.
    [tradeoff] Batching adds up to a tenth of a second per reaction, and we accept that, because it cuts messages about ten times on busy parties.
    [metric_tie] Batching keeps loud parties working, and they're what drives watch time, which turns into more bids per viewer, maybe a couple points.
    {fill:watchparty+generic:80}
    That's my take.
    """,
    notes="keyword-free hypothesis; 'it should be fast' is not a constraint",
)

answer(
    "watchparty-weak-01",
    "H- C- L- M- T-",
    """
    Um, watch party, okay.
    So it's like, friends watching together.
    [neg:lever] Caching is good, so we'd probably want some of that somewhere.
    [ap:scale_without_business_tie] And the backend should handle, like, a million concurrent users, it just scales out.
    [ap:defers_to_engineering] The rest of the stack, I'd let the engineers pick, they'll know what's best.
    [neg:constraint] It should be fast and reliable, obviously.
    {fill:watchparty:40}
    {fill:generic:30}
    Yeah, I think that's it for me.
    """,
    notes="'caching is good' is not a lever; 'fast and reliable' is not a constraint",
    ap=("scale_without_business_tie", "defers_to_engineering"),
)

answer(
    "watchparty-long-01",
    "H C! L M T-",
    """
    Okay, watch parties. Let me start broad and then narrow down.
    {fill:watchparty:30}
    [hypothesis] What I'm betting on is that new buyers who arrive through a friend's party buy sooner, because someone they trust explains how it works.
    So the party is really an onboarding tool, not just a social toy.
    [ap:dismisses_latency] And timing-wise, a couple hundred milliseconds of drift between people in the party won't matter, nobody will notice.
    [lever] I'd keep each party's state on one node, sharded by party ID, so a party is a single place to read from and write to.
    {until:watchparty+generic:330}
    [metric_tie] One place per party means invited buyers get help in the moment, which should cut time to first purchase from five days to two.
    {until:generic:615}
    <3.5> Hmm, one thing I haven't covered is what we're allowed to store.
    [constraint] Party chat is private messaging, so legal requires we keep it for safety review and delete it after ninety days. That's a hard rule.
    {until:watchparty+generic:730}
    So that's it. One node per party, keep it simple, and time to first purchase as the measure.
    """,
    notes="constraint only after the 10-minute mark; dismisses latency early",
    ap=("dismisses_latency",),
)
answer(
    "watchparty-long-02",
    "H C L! M! T-",
    """
    Okay, a watch party backend. I want to spend real time on the product before the boxes.
    {fill:watchparty:40}
    [hypothesis] My bet is collectors who buy in groups, like breaks split between friends, drift to Discord because our shows have no room for them.
    If they had a room inside the show, I think the group buying would move onto the app too.
    [constraint] Two constraints. We have a thirty-day MVP window, and anything in the party has to stay within a second of the live show.
    {fill:watchparty:60}
    Let me talk through how a group actually uses this, because I think that drives everything.
    One friend spots a break, creates a party, and drops the link in the group chat.
    The others join, they talk about which team they want, and then someone buys the spot.
    {until:watchparty+generic:320}
    [neg:lever] Caching is good, I'm sure we'll use it somewhere, but that's not the interesting part.
    The interesting part is the group deciding together what to buy, in the moment.
    {until:watchparty+generic:470}
    So, um, those are the user flows. I know I've spent a while there.
    {until:generic:612}
    <3.0> Okay, the system. Here's where the architecture actually matters.
    [lever] I'd keep party rooms on a separate fan-out tier from the main show, so a busy party never slows the show's own updates.
    [metric_tie] Keeping parties off the show's path is what lets groups coordinate live, and I'd expect group-bought breaks to lift break sell-through maybe five points.
    {until:watchparty+generic:700}
    That's where I'd land. Separate tier for rooms, and break sell-through as the number.
    """,
    notes="talks product for 10 minutes; lever and metric tie only after the 10-minute mark; no trade-off",
)

# ---------------------------------------------------------------- auction bidding

answer(
    "auction-strong-01",
    "H C L M T",
    """
    Okay, auction bidding. Let me frame it from the buyer's side first.
    [hypothesis] My bet is buyers quit auctions in the last seconds because their bid lands after the server's timer hit zero, and they feel robbed.
    Sellers notice it too. They see people in chat going "I bid!" and it didn't count.
    [constraint] So the budget I'd set is 150 ms from tap to the bid being accepted and shown, at p95, during the biggest shows.
    [lever] I'd partition auctions by show, so each live auction has one owner sequencing bids in memory, with no database round trip on the hot path.
    [tradeoff, neg:ap:tech_without_rationale] Then every accepted bid goes onto Kafka because it gives at-least-once delivery to payments and the seller's ledger, even though it adds about 10 ms.
    [metric_tie] The fast path matters because the last five seconds is where prices move. I'd expect bid participation there up ten percent, two points of GMV.
    {fill:auction:40}
    [neg:ap:scale_without_business_tie] And it has to hold up in the biggest shows, a hundred thousand bidders, because those shows are most of our GMV.
    Then there's fairness. Ties, people bidding at the exact same moment.
    The owner decides, first one it sees wins, and the other person gets a clear "just missed it".
    {fill:generic:30}
    And I'd roll it out on a few big sellers first, and watch the share of bids that land after the timer.
    And that's it.
    """,
    notes="Kafka named with a reason and an owned cost (trade-off, not tech_without_rationale)",
)

answer(
    "auction-medium-01",
    "H C L M- T-",
    """
    Okay, so, bidding.
    [hypothesis] I think buyers stop bidding when they can't tell if their bid went through, and my bet is faster, clearer confirmation keeps them in.
    [constraint] There's a hard ceiling of about 250 milliseconds from tap to confirmation. Past that, people double tap or give up.
    [lever] I'd have the bid service keep each auction's state in memory and write to the database asynchronously, so confirmation doesn't wait on a disk write.
    [neg:metric_tie] Right now latency is two hundred milliseconds at the median, and I'd want to get the tail down too.
    {fill:auction:60}
    {fill:generic:30}
    So that's the core. In-memory state, async writes, and a clear confirmation on the screen.
    """,
    notes="hard negative: 'latency is two hundred milliseconds' with no business outcome",
)

answer(
    "auction-medium-02",
    "H C L M T-",
    """
    Okay so, auctions.
    [hypothesis] What I'm betting on is that bidders in big shows lose trust when two people both think they won, and then they quietly stop bidding.
    [constraint] The whole accept-and-show loop needs to be under 150 ms at p99, or people feel it.
    [lever] I'd shard the bid handling by show ID, so the big shows each get their own lane and one noisy show doesn't slow the rest.
    [neg:ap:defers_to_engineering] I'd pull engineering in on the specifics, but the call on consistency is mine. One source of truth per auction, always.
    [metric_tie] Separate lanes and one source of truth should move bid participation a couple of points in big shows, which is where most GMV is.
    {fill:auction:50}
    {fill:generic:30}
    Yeah, I'd stop there.
    """,
    notes="keyword-free hypothesis; works with engineering but owns the call (not defers_to_engineering)",
)

answer(
    "auction-weak-01",
    "H- C- L- M- T-",
    """
    Okay, bidding. So people bid, and the highest one wins.
    [ap:tech_without_rationale] I'd just throw it in Redis and DynamoDB.
    Then the app shows the price, and who's winning.
    [neg:hypothesis] We should think about the user too, like, what they want.
    [ap:scale_without_business_tie] And it scales to whatever we need, a million bids a second, so we don't have to worry about size.
    [ap:dismisses_latency] And latency isn't really a concern, a few hundred extra ms won't matter, people are used to lag on live stuff.
    {fill:auction:40}
    {fill:generic:25}
    Yeah, so that's it, I think.
    """,
    ap=("tech_without_rationale", "scale_without_business_tie", "dismisses_latency"),
)

answer(
    "auction-short-01",
    "H- C- L- M- T-",
    """
    [ap:tech_without_rationale] For bidding? We'll use Kafka.
    Uh, and a database behind it for the bids.
    [ap:scale_without_business_tie] It'll handle a million QPS easily, so that's not a problem.
    And then the app shows the current price. That's basically it.
    <1.5> Um, I mean, I could go into more detail, but that's the gist of it.
    """,
    notes="very short",
    ap=("tech_without_rationale", "scale_without_business_tie"),
)

answer(
    "auction-long-01",
    "H C L M T",
    """
    Alright, auctions. I'll give you the structure first, then go deep.
    [hypothesis] Sellers keep telling us busy auctions end in a mess, and my bet is that clean endings keep those bidders coming back.
    People say in chat they bid and still lost, and it gets ugly.
    [constraint] The bid has to be acknowledged within a hundred and fifty millis or people bail. They just stop bidding.
    [lever] I'd give each auction a single sequencer, sharded by auction ID, that orders the bids in memory.
    [metric_tie] A single sequencer makes endings clean, and clean endings should mean more repeat bidders, I'd say a three percent lift in bidder return rate.
    [neg:tradeoff] There are trade-offs everywhere in this, of course.
    {fill:auction:60}
    Let me talk about what the sequencer actually does, step by step.
    A bid comes in, it checks the amount against the current high, and it checks the clock.
    If both are fine, it's the new high bid, and everyone gets told.
    {until:auction+generic:300}
    Okay, let me think about what the seller sees while this is happening.
    They see the current high bid and the bidder's name, and they usually read it out loud.
    And when it closes, they see who won, and they move on to the next item.
    {until:auction+generic:470}
    [tradeoff] One sequencer per auction means if its node dies, we pause that auction a couple of seconds, and I'd rather pause than risk two winners.
    {until:generic:590}
    Um, I want to spend a minute more on the failure case.
    Say the machine running an auction's sequencer just disappears in the middle of the auction.
    Buyers see the timer freeze, and then it picks back up a couple of seconds later.
    {until:generic:690}
    [ap:defers_to_engineering] For the failover details, I'd honestly let the engineering team decide, that's their call.
    {until:auction+generic:840}
    So that's the whole thing. One sequencer per auction, clean endings, and bidder return rate as the number.
    """,
    notes="long; every signal inside the window; 'there are trade-offs everywhere' is a hard negative before the owned trade-off; anti-pattern after the 10-minute mark",
    ap=("defers_to_engineering",),
)

answer(
    "auction-long-02",
    "H! C! L M- T",
    """
    Okay, bidding system for live auctions.
    [neg:hypothesis] I don't have a hypothesis yet. Let me just get the mechanics on the board.
    [ap:tech_without_rationale] So, we'll use Cassandra for bids.
    Then the bid flow: tap, validate, accept, broadcast.
    [lever] The broadcast goes through regional fan-out servers, so the update isn't sent from one place to everyone.
    [tradeoff] I'd let the shown price lag by a beat for far-away viewers, at the cost of sometimes showing a stale price. I accept that.
    {fill:auction:60}
    Um, let me walk through the validate step, because that's where the rules live.
    Is the auction still open, is the amount above the current high, does this buyer have a card on file.
    If any of those fail, the buyer gets a message right away saying why.
    {until:auction+generic:320}
    Let me look at this from the seller's side for a minute.
    A seller sees the bids pile up, and mostly just reads them out and hypes the room.
    [neg:constraint] Um, and constraints, there are always constraints, right? We'd work within them.
    {until:auction+generic:480}
    [neg:metric_tie] From what I've heard, latency on the bid path is about three hundred ms today.
    So, yeah, that's the number as it stands.
    {until:auction+generic:615}
    <4.0> Let me step back. I haven't said what we're actually trying to fix.
    [hypothesis] My bet is casual buyers get outbid by prices they never saw, feel it's rigged, and quietly stop bidding after two or three losses.
    [constraint] And that sets a budget: the price on their screen can't be more than 200 ms behind the truth.
    And it has to fit our current infrastructure spend, no new regions.
    {until:generic:680}
    I think that's my answer. Fan out regionally, and keep the screen within that budget.
    """,
    notes="'I don't have a hypothesis yet' early; hypothesis and constraint only after 10 minutes; bare 'we'll use Cassandra'",
    ap=("tech_without_rationale",),
)
# ---------------------------------------------------------------- seller drop scheduling

answer(
    "drops-strong-01",
    "H C L M T",
    """
    Okay, seller drop scheduling.
    [hypothesis] Sellers keep telling us their drops get swamped at the start, and if we fix that minute, I expect them to schedule drops weekly.
    [constraint] The drop has to open for everyone within a second of the scheduled time, and we have a thirty-day MVP window.
    [lever] I'd shard the scheduler and the drop pages by seller ID, so one hot seller's drop doesn't fight with everybody else's.
    [neg:ap:defers_to_engineering] Engineering will have opinions on the scheduler internals, and I want them, but the one-second open is my call.
    [metric_tie] Isolating hot sellers keeps listing tools fast in big drops, so I'd expect time-to-list from four hours to two, daily active sellers up five percent.
    <1.0> Then, um, reminders.
    [tradeoff] I'd pre-compute reminder lists an hour ahead so pushes go out on time, at the cost of missing anyone who follows in that last hour.
    We'd catch those people with an in-app banner.
    {fill:drops:40}
    {fill:generic:30}
    That's it. Shard by seller, reminders computed ahead, and time-to-list as the headline number.
    """,
    notes="keyword-free hypothesis ('sellers keep telling us ... I expect')",
)

answer(
    "drops-medium-01",
    "H C- L M T-",
    """
    So, drop scheduling.
    [hypothesis] Sellers announce drops in Discord the same day, and my bet is that scheduling a week out in the app gets more buyers there.
    [lever] Reminders go through a queue so they go out in waves, and the drop page comes from a CDN so the rush skips our servers.
    [metric_tie] Reminders landing on time is the point, because more buyers there at minute one means first-ten-minute sell-through going from 70 to 80%.
    [ap:defers_to_engineering] How we actually build the scheduler, that's more of an engineering call, honestly.
    {fill:drops:60}
    {fill:generic:30}
    So that's where I'd land.
    """,
    notes="no hard constraint",
    ap=("defers_to_engineering",),
)

answer(
    "drops-medium-02",
    "H C L M T",
    """
    Alright. Seller drops.
    [neg:hypothesis] I'd start with, you know, we should think about the user, the seller, what they need.
    {fill:drops:30}
    [neg:tradeoff] Trade-offs, there are always trade-offs, we'd weigh them as we go.
    [constraint] The one thing I'd pin down is cost: notifications can't cost more than ten thousand dollars a month, that's this feature's whole budget.
    [lever] So I'd batch the reminder pushes per drop, and rate limit any single seller to a few reminder blasts a day.
    <3.0> Um, sorry, let me actually state what I think the problem is.
    [hypothesis] Small sellers tell us nobody shows up to their drops, and my bet is the reminder arrives too late, not that buyers don't care.
    [metric_tie] If batched reminders land ten minutes early instead of at start time, I'd expect small-seller attendance up and thirty-day churn down a couple of points.
    [tradeoff] Rate limiting means a seller who reschedules three times can't re-notify everyone, and I'm fine with that, because spammy sellers hurt the whole channel.
    {fill:drops+generic:50}
    So that's my version.
    """,
    notes="hard negatives first for hypothesis ('we should think about the user') and trade-off ('there are always trade-offs'), real statements later",
)

answer(
    "drops-weak-01",
    "H- C L- M- T-",
    """
    Okay, scheduling drops.
    [neg:hypothesis] Hypothesis-wise, I'm not sure yet.
    [constraint] We've got a thirty-day deadline for this, so it needs to be simple.
    And the seller just picks a time, and that's the drop.
    [ap:tech_without_rationale] I'd use Postgres and a cron job.
    Yeah, and then a little screen for sellers to pick the time.
    [ap:dismisses_latency] Latency doesn't really matter here. If the drop opens a few seconds late, nobody cares.
    [ap:scale_without_business_tie] And it'll scale horizontally, we can handle as many sellers as we want.
    {fill:drops:40}
    {fill:generic:30}
    Yeah. That's it.
    """,
    ap=("tech_without_rationale", "dismisses_latency", "scale_without_business_tie"),
)

answer(
    "drops-short-01",
    "H C L- M- T-",
    """
    Short answer on drop scheduling.
    [hypothesis] Sellers keep telling us their drops get swamped in the first minute, and my bet is fixing that minute keeps them dropping with us.
    [constraint] And the drop has to open on time for everyone, within a second, and we have thirty days for an MVP.
    I'd figure out the system from there.
    """,
    notes="very short",
)

answer(
    "drops-long-01",
    "H C L M! T!",
    """
    Okay, drop scheduling. I'll take it from the seller's side.
    {fill:drops:30}
    [hypothesis] What I'm betting on is that mid-size sellers lose momentum because followers forget their drops, and on-time reminders bring those followers back weekly.
    [constraint] The reminder has to reach every follower within five seconds of the drop opening, and the system needs 99.9% uptime during the evening drop hours.
    [lever] So I'd precompute each drop's follower list ahead of time and put the pushes on a queue that a pool of workers drains in parallel.
    [neg:metric_tie] We'll track metrics later, once we see what usage looks like.
    {fill:drops:60}
    Let me talk about what the seller sets up.
    A time, a title, some photos, and whether it's a one-off or repeating.
    And then a preview of how it'll look to their followers.
    {until:drops+generic:350}
    Um, let me think about what the buyer sees when the reminder lands.
    They tap it, and it takes them straight into the drop page, or the show if it's already live.
    [neg:tradeoff] There's always a trade-off somewhere with this stuff, I'm sure.
    {until:drops+generic:612}
    <3.2> Oh, and I should tie this back to the business, I haven't done that.
    [metric_tie, neg:ap:scale_without_business_tie] We can push to a million followers at once within five seconds, and that's what protects first-minute sell-through, about a third of a drop's GMV.
    [tradeoff] Precomputing the list means anyone following in the last few minutes misses the push, and I accept that, to keep the queue predictable at peak.
    {until:generic:720}
    So that's my answer. Reminders computed ahead, a queue, and first-minute sell-through as the number.
    """,
    notes="'we'll track metrics later' early (hard negative); scale claim after 10 min is tied to a business outcome (metric tie, not scale_without_business_tie)",
)
# ---------------------------------------------------------------- checkout / add to cart

answer(
    "checkout-strong-01",
    "H C L M T",
    """
    Okay, the add to cart path during a live show.
    [hypothesis] My bet is buyers abandon the buy now tap when it spins, because in a live show the next item is already up.
    [constraint] The target is 120 ms for add to cart at p80.
    Last quarter's live drop data had us around 150, so we need to take out about thirty.
    Let me draw the path. Tap, check the item's available, hold it, confirm.
    [lever] Availability reads come from read replicas near the buyer, and the hold is an in-memory reservation on the item's owner, no synchronous database write.
    [tradeoff] Replicas can lag, so a buyer might see available on something that just sold, and we accept that.
    The reservation is the source of truth, so they just get a clean "just missed it".
    [metric_tie] Getting to 120 ms should protect conversion on buy now, I'd expect around two percent more completed buys.
    Every hundred milliseconds we cut last year was worth about a point.
    {fill:checkout:40}
    {fill:generic:30}
    So, replicas for the read, in-memory hold for the write, and conversion on buy now is the number I'd own.
    """,
)

answer(
    "checkout-medium-01",
    "H- C L M T",
    """
    Okay, checkout latency.
    [neg:hypothesis] We should think about the user, definitely, but let me get to the design.
    [constraint] We've got a 120 millisecond budget for add to cart, end to end.
    [lever] So I'd serve item availability from read replicas, and push everything that isn't needed for the answer, like receipts and analytics, onto an async queue.
    [metric_tie] Staying inside 120 keeps checkout conversion steady in big shows instead of dropping like now, and I'd guess we win back one or two points.
    [tradeoff] Putting receipts on a queue means a buyer might wait a minute for the email. That's fine, nobody's waiting on the receipt mid-show.
    [neg:ap:dismisses_latency] And to be clear, latency is the whole game on this path, I'm not going to wave it off.
    {fill:checkout:50}
    {fill:generic:30}
    That's my answer.
    """,
    notes="'we should think about the user' is not a hypothesis, and none follows",
)

answer(
    "checkout-medium-02",
    "H C L M- T",
    """
    Alright, checkout during a show.
    [hypothesis] Sellers keep telling us buyers think the app charged them twice, and I think that fear is why repeat buyers hesitate on their second item.
    [constraint] Anything touching card data stays PCI compliant, so we never store raw card numbers, and the tap has to come back under 200 ms.
    [lever] I'd make every buy request idempotent with a key from the app, and put the actual charge on a queue, so retries never double charge.
    [ap:defers_to_engineering] The rest of the implementation, honestly, I'd let the engineers decide.
    [tradeoff] Charging from a queue means "order placed" shows before the card clears, and we eat the occasional failed charge, which I think is worth it.
    {fill:checkout:60}
    {fill:generic:30}
    Yeah, that's the shape of it.
    """,
    notes="no metric tie",
    ap=("defers_to_engineering",),
)

answer(
    "checkout-weak-01",
    "H- C- L- M- T-",
    """
    So, checkout. Um.
    [ap:dismisses_latency] Latency isn't a concern here, honestly. We'll focus on throughput.
    [ap:tech_without_rationale] We'll use MongoDB for the cart and a microservice for payments.
    [neg:lever] Caching is good, so we'd probably add it at some point.
    [neg:metric_tie] Checkout latency is like 120 milliseconds right now, I think.
    {fill:checkout:40}
    {fill:generic:40}
    Yeah, I think that's what I'd do.
    """,
    notes="'latency is 120 milliseconds' states a number with no business outcome and no budget",
    ap=("dismisses_latency", "tech_without_rationale"),
)

answer(
    "checkout-short-01",
    "H C L M T-",
    """
    [hypothesis] My bet is buyers bail on buy now when the button hangs, because the show has already moved on.
    [constraint] So add to cart has to come back in a hundred and twenty millis, tops.
    [lever] I'd keep each live item's stock in memory on one owner, and write the order to the database after we've answered.
    [metric_tie] That should lift buy now conversion, I'd guess about 2%.
    That's the short answer.
    """,
    notes="very short but strong; no trade-off",
)

answer(
    "checkout-long-01",
    "H C L M! T",
    """
    Okay. Add to cart, during live shows, with a tight budget. Let me work through it.
    {fill:checkout:30}
    [hypothesis] My hypothesis is new buyers hesitate on their first buy now, and if the tap feels instant, they'll buy a second item that show.
    [constraint] The constraint I'd hold is a hundred and twenty milliseconds for add to cart at p80, on a normal phone connection.
    [neg:metric_tie] And the add to cart is around a hundred and fifty ms today at p80, that's the number.
    [lever] So the path becomes: availability served from a cache on the live item's owner, the hold in memory, and the payment authorization done asynchronously.
    [ap:scale_without_business_tie] And this can scale to a million QPS, no problem.
    {fill:checkout:60}
    [tradeoff] Authorizing after we say yes means a few buyers see "payment failed" a minute later, and we accept that, because otherwise everyone waits.
    {until:checkout+generic:380}
    Let me look at the first purchase, since that's who this is for.
    A new buyer, card just added, taps buy now on something they've been watching for a while.
    [neg:metric_tie] We'd obviously want metrics on all of this, metrics matter.
    And then they get the confirmation, and hopefully that little rush of winning.
    {until:checkout+generic:614}
    <5.0> Okay, let me tie it back, because I haven't said why anyone should fund this.
    [metric_tie] Going from a hundred and fifty to a hundred and twenty should lift first-show conversion for new buyers about two percent.
    And the second-item purchase rate even more than that.
    {until:generic:700}
    So that's it. Cache and in-memory hold, async authorization, and new buyer conversion as the number.
    """,
    notes="latency number without outcome early (hard negative for metric tie); metric tie only after 10 minutes; bare scale claim",
    ap=("scale_without_business_tie",),
)
# ---------------------------------------------------------------- trust & safety / payments

answer(
    "trust-strong-01",
    "H C L M T",
    """
    Okay, so fraud checks on bids and purchases during live shows.
    [hypothesis] My bet is our fraud rules block good new buyers in their first show, they never come back, and real fraud still gets through.
    [constraint] Two hard lines. Card data stays PCI compliant, and the risk decision has to fit inside about 50 ms, or it slows every bid.
    [lever] So I'd precompute a risk score per account in the background, and the bid path only reads that score plus a cheap amount check.
    Anything borderline goes to an async review after the bid is accepted, not in front of it.
    [tradeoff] That means some fraud gets through for a few minutes until review catches it, and I accept that loss, because blocking good buyers costs more.
    [metric_tie] Letting new buyers through should lift first-show conversion a few points, with chargebacks kept under half a percent of GMV, the line I'd watch.
    {fill:trust:50}
    {fill:generic:30}
    So, scores computed ahead, a fast read on the bid path, async review, and first-show conversion next to chargeback rate.
    """,
)

answer(
    "trust-medium-01",
    "H- C L M T-",
    """
    Okay, payments risk during a show.
    Um, so there's a lot of fraud in collectibles, stolen cards mostly.
    [constraint] Anything we do has to meet the card network rules, and disputes have to be answered within their deadlines, like seven to ten days.
    [ap:tech_without_rationale] We'll run the risk model on SageMaker.
    [lever] And the checks happen async, after the purchase goes through, with a hold on the seller's payout until the check clears.
    [metric_tie] Holding payouts instead of blocking purchases keeps conversion up, and it should bring chargeback losses down by maybe a third.
    {fill:trust:50}
    {fill:generic:30}
    That's how I'd do it.
    """,
    notes="no user problem stated; no trade-off owned",
    ap=("tech_without_rationale",),
)

answer(
    "trust-weak-01",
    "H C- L- M- T-",
    """
    So, trust and safety for payments.
    [hypothesis] I think sellers lose money on chargebacks from stolen cards, and my bet is if we catch those buyers, more sellers keep selling with us.
    [neg:constraint] There are probably some rules around payments we'd have to follow.
    [ap:defers_to_engineering] But how to actually build the fraud stuff, I'd let the engineers pick the stack.
    [ap:defers_to_engineering] And the model part, that's really an engineering call, the data science folks would own it.
    {fill:trust:60}
    {fill:generic:30}
    Yeah, that's my answer.
    """,
    notes="has a hypothesis but nothing else; 'some rules we'd have to follow' is not a constraint",
    ap=("defers_to_engineering", "defers_to_engineering"),
)

answer(
    "trust-long-01",
    "H C! L M T!",
    """
    Okay, trust and safety for payments in live shows. Let me think about this for a second.
    {fill:trust:40}
    [hypothesis] What I'm betting on is sellers leave after one bad chargeback, since it wipes out a night's profit, so fraud protection keeps them here.
    [lever] I'd score every new account in the background at signup, and keep that score ready so the bid path just reads it.
    [metric_tie] Scoring ahead lets us stop stolen cards before they win anything, and I'd expect seller churn after a first chargeback to drop by half.
    {fill:trust:60}
    Let me go through the flow of a suspicious account.
    It signs up, gets a score, and if the score is high, it can watch but not bid above a small amount.
    Then, if it behaves normally for a while, the limit goes up on its own.
    {until:trust+generic:400}
    Let me talk about what the risk team sees, because they live in this tool.
    [neg:lever] A review queue of flagged accounts, why each one was flagged, and buttons to clear or block.
    They work through it every morning, oldest first.
    {until:trust+generic:616}
    <4.0> Oh, right, I should have said this much earlier.
    [constraint] We hold money, so money transmission and KYC rules apply, and sellers must be verified before their first payout, no exceptions.
    [tradeoff] Verification adds a day or two before a new seller's first payout, at the cost of some frustrated new sellers, and I'd keep it anyway.
    {until:generic:725}
    So, scores ahead of time, limits that grow, verified payouts, and seller churn as the number.
    """,
    notes="constraint and trade-off only after the 10-minute mark",
)

answer(
    "trust-short-01",
    "H C L- M- T-",
    """
    Um, quick take on payment fraud.
    [hypothesis] My bet is sellers quit after a chargeback or two, because one stolen card can wipe out a whole show's profit.
    [constraint] And whatever we do has to be PCI compliant, and decisions have to fit in fifty milliseconds so bids don't slow down.
    I'd start from there and design the checks around it.
    """,
    notes="very short",
)

answer(
    "trust-payments-medium-01",
    "H C L M T",
    """
    Okay, seller payouts. Getting sellers their money after a show.
    [hypothesis] New sellers keep telling us the first payout takes forever, and my bet is that wait is why many never do a second show.
    [constraint] We have to follow money transmission rules, and every payout needs a verified seller and a full audit trail.
    [lever] I'd run payouts off a queue with idempotent jobs, so every payout happens exactly once even if a worker crashes.
    And we precompute each seller's balance as orders complete.
    [metric_tie] Precomputed balances are what let us pay out the same day, and faster first payouts should cut new seller churn, maybe five points.
    [tradeoff] Precomputed balances can be off for a few minutes after a refund, and I accept that, because we reconcile before the money actually moves.
    {fill:trust:50}
    {fill:generic:40}
    That's my answer.
    """,
    notes="keyword-free hypothesis",
)


# --------------------------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------------------------

_DIRECTIVE = re.compile(r"^\{(fill|until):([a-z+]+):(\d+(?:\.\d+)?)\}$")
_CUE = re.compile(r"^(?:<(\d+(?:\.\d+)?)>\s*)?(?:\[([^\]]+)\]\s*)?(.+)$")


def _lines(block: str) -> list[str]:
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip() and not ln.strip().startswith("#")]


def _words(text: str) -> int:
    return len(text.split())


def _stamp(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


class Clock:
    """Lays cues out in time for one answer, deterministically."""

    def __init__(self, answer_id: str):
        self.rng = random.Random(zlib.crc32(answer_id.encode()))
        self.wpm = self.rng.uniform(MIN_WPM + 5, MAX_WPM - 5)
        self.t = self.rng.uniform(0.3, 1.2)
        self.cues: list[dict] = []

    def default_pause(self) -> float:
        r = self.rng.random()
        if r < 0.85:
            return self.rng.uniform(0.2, 0.9)
        return self.rng.uniform(0.9, 1.5)

    def add(self, text: str, tags: set[str], pause: float | None, filler: bool = False) -> None:
        if pause is None:
            pause = self.default_pause()
        if not self.cues:
            pause = 0.0
        rate = min(MAX_WPM, max(MIN_WPM, self.wpm * self.rng.uniform(0.95, 1.05)))
        start = round(self.t + pause, 3)
        end = round(start + _words(text) * 60.0 / rate, 3)
        self.cues.append({"start": start, "end": end, "text": text, "tags": tags, "filler": filler})
        self.t = end

    def fill(self, pools: list[str], used: set[tuple[str, int]], stop) -> None:
        candidates = [(p, i) for p in pools for i in range(len(FILLER[p])) if (p, i) not in used]
        self.rng.shuffle(candidates)
        while not stop():
            if not candidates:
                raise SystemExit(f"filler pools {pools} ran out; add paragraphs or use more pools")
            key = candidates.pop()
            used.add(key)
            for j, line in enumerate(_lines(FILLER[key[0]][key[1]])):
                pause = self.rng.uniform(0.9, 2.2) if j == 0 else None
                self.add(line, set(), pause, filler=True)


def lay_out(ans: dict) -> list[dict]:
    clock = Clock(ans["id"])
    used: set[tuple[str, int]] = set()
    for line in _lines(ans["script"]):
        d = _DIRECTIVE.match(line)
        if d:
            kind, pools, secs = d.group(1), d.group(2).split("+"), float(d.group(3))
            for p in pools:
                if p not in FILLER:
                    raise SystemExit(f"{ans['id']}: unknown filler pool '{p}'")
            if kind == "fill":
                t0 = clock.t
                clock.fill(pools, used, lambda: clock.t - t0 >= secs)
            else:
                clock.fill(pools, used, lambda: clock.t >= secs)
            continue
        m = _CUE.match(line)
        pause = float(m.group(1)) if m.group(1) else None
        tags = {t.strip() for t in m.group(2).split(",")} if m.group(2) else set()
        bad = tags - VALID_TAGS
        if bad:
            raise SystemExit(f"{ans['id']}: unknown tag(s) {sorted(bad)} in: {line}")
        clock.add(m.group(3).strip(), tags, pause)
    return clock.cues


def labels_for(ans: dict, cues: list[dict]) -> dict:
    signals = {}
    for s in SIGNALS:
        first = next((c for c in cues if s in c["tags"]), None)
        signals[s] = {"present": first is not None, "first_at_s": first["start"] if first else None}
    aps = [
        {"code": t[3:], "at_s": c["start"]}
        for c in cues
        for t in sorted(c["tags"])
        if t.startswith("ap:")
    ]
    negs = [
        {"of": t[4:], "at_s": c["start"], "text": c["text"]}
        for c in cues
        for t in sorted(c["tags"])
        if t.startswith("neg:")
    ]
    notes = [ans["notes"]] if ans["notes"] else []
    late = [f"{s} first stated at {v['first_at_s']:.1f}s" for s, v in signals.items() if v["present"] and v["first_at_s"] > WINDOW_S]
    if late:
        notes.append("late (after the 600 s window): " + "; ".join(late))
    for n in negs:
        notes.append(f"hard negative ({n['of']}) at {n['at_s']:.1f}s: '{n['text']}'")
    return {
        "domain": ans["domain"],
        "window_s": int(WINDOW_S),
        "duration_s": cues[-1]["end"],
        "signals": signals,
        "anti_patterns": aps,
        "hard_negatives": negs,
        "notes": " | ".join(notes),
    }


def check(ans: dict, cues: list[dict], lab: dict) -> list[str]:
    """Everything that must hold for the labels to mean what the answer says."""
    problems = []
    aid = ans["id"]
    tokens = ans["expect"].split()
    if [t[0] for t in tokens] != list("HCLMT"):
        problems.append(f"{aid}: expect must list H C L M T in order, got {ans['expect']!r}")
    for tok in tokens:
        sig = lab["signals"][LETTER[tok[0]]]
        want = tok[1:]
        if want == "-" and sig["present"]:
            problems.append(f"{aid}: {LETTER[tok[0]]} tagged at {sig['first_at_s']}s but expected absent")
        elif want != "-" and not sig["present"]:
            problems.append(f"{aid}: {LETTER[tok[0]]} expected but never tagged")
        elif want == "!" and sig["first_at_s"] <= WINDOW_S:
            problems.append(f"{aid}: {LETTER[tok[0]]} expected after {WINDOW_S:.0f}s, is at {sig['first_at_s']}s")
        elif want == "" and sig["present"] and sig["first_at_s"] > WINDOW_S:
            problems.append(f"{aid}: {LETTER[tok[0]]} expected inside the window, is at {sig['first_at_s']}s")
    got_ap = tuple(a["code"] for a in lab["anti_patterns"])
    if got_ap != tuple(ans["ap"]):
        problems.append(f"{aid}: anti-patterns {got_ap} != declared {tuple(ans['ap'])}")
    for c in cues:
        n = _words(c["text"])
        if not 3 <= n <= 25:
            problems.append(f"{aid}: cue of {n} words (want 3-25): {c['text']}")
        if c["filler"] and c["tags"]:
            problems.append(f"{aid}: filler cue carries tags")
        if any(t in c["tags"] for t in SIGNALS) and any(t == f"neg:{s}" for s in SIGNALS for t in c["tags"] if s in c["tags"]):
            problems.append(f"{aid}: a cue is both a signal and its own hard negative: {c['text']}")
    dur = lab["duration_s"]
    if "-long-" in aid and dur <= WINDOW_S:
        problems.append(f"{aid}: long answer is only {dur:.0f}s")
    elif "-short-" in aid and dur >= 60:
        problems.append(f"{aid}: short answer is {dur:.0f}s")
    elif "-long-" not in aid and "-short-" not in aid and not 120 <= dur <= 360:
        problems.append(f"{aid}: answer is {dur:.0f}s, want 2-6 minutes")
    speaking = sum(c["end"] - c["start"] for c in cues)
    wpm = sum(_words(c["text"]) for c in cues) / speaking * 60
    if not MIN_WPM - 0.5 <= wpm <= MAX_WPM + 0.5:
        problems.append(f"{aid}: speaking pace {wpm:.0f} wpm outside 130-175")
    return problems


def to_vtt(cues: list[dict]) -> str:
    out = ["WEBVTT", ""]
    for c in cues:
        out += [f"{_stamp(c['start'])} --> {_stamp(c['end'])}", c["text"], ""]
    return "\n".join(out)


def summary(labels: dict[str, dict]) -> str:
    n = len(labels)
    lines = [f"{n} answers"]
    durs = sorted(v["duration_s"] for v in labels.values())
    lines.append(
        f"durations: min {durs[0]:.0f}s, median {durs[n // 2]:.0f}s, max {durs[-1]:.0f}s; "
        f"<60s: {sum(d < 60 for d in durs)}, 120-360s: {sum(120 <= d <= 360 for d in durs)}, "
        f">600s: {sum(d > WINDOW_S for d in durs)}"
    )
    lines.append(f"{'signal':<12}{'present':>8}{'absent':>8}{'late':>6}{'absent%':>9}{'hard-neg':>10}")
    for s in SIGNALS:
        present = sum(v["signals"][s]["present"] for v in labels.values())
        late = sum(
            1 for v in labels.values() if v["signals"][s]["present"] and v["signals"][s]["first_at_s"] > WINDOW_S
        )
        negs = sum(1 for v in labels.values() for h in v["hard_negatives"] if h["of"] == s)
        lines.append(f"{s:<12}{present:>8}{n - present:>8}{late:>6}{(n - present) / n:>9.0%}{negs:>10}")
    lines.append("anti-patterns (entries / answers):")
    for code in AP_CODES:
        entries = sum(1 for v in labels.values() for a in v["anti_patterns"] if a["code"] == code)
        answers = sum(1 for v in labels.values() if any(a["code"] == code for a in v["anti_patterns"]))
        negs = sum(1 for v in labels.values() for h in v["hard_negatives"] if h["of"] == f"ap:{code}")
        lines.append(f"  {code:<28}{entries:>3} / {answers:<3} hard negatives: {negs}")
    late_aps = [(k, a["code"], a["at_s"]) for k, v in labels.items() for a in v["anti_patterns"] if a["at_s"] > WINDOW_S]
    lines.append(f"anti-patterns after 600 s: {late_aps}")
    by_domain: dict[str, int] = {}
    for v in labels.values():
        by_domain[v["domain"]] = by_domain.get(v["domain"], 0) + 1
    lines.append("domains: " + ", ".join(f"{d} {c}" for d, c in by_domain.items()))
    return "\n".join(lines)


def main() -> int:
    problems = lint_fillers()
    ids = [a["id"] for a in ANSWERS]
    if len(ids) != len(set(ids)):
        problems.append("duplicate answer ids")
    built: dict[str, tuple[list[dict], dict]] = {}
    for ans in ANSWERS:
        cues = lay_out(ans)
        lab = labels_for(ans, cues)
        problems += check(ans, cues, lab)
        built[f"{ans['id']}.vtt"] = (cues, lab)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    for stale in HERE.glob("*.vtt"):
        if stale.name not in built:
            stale.unlink()
    labels = {}
    for name, (cues, lab) in built.items():
        (HERE / name).write_text(to_vtt(cues), encoding="utf-8")
        labels[name] = lab
    (HERE / "labels.json").write_text(json.dumps(labels, indent=2) + "\n", encoding="utf-8")
    print(summary(labels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
