"""The words and phrase shapes the analyzer reads speech with.

Spoken answers rarely use the textbook words, so each family lists paraphrases, and each detector
in statements.py combines several families (who + problem, lever + change + metric) rather than
trusting one keyword. Patterns run on normalized text (lower case, fillers removed, number words
kept as words): see normalize() in statements.py.
"""

from __future__ import annotations


def alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


W = r"(?:\s+\S+)"  # one more word
NUMWORD = alt(
    r"\d[\d,.]*\s*(?:k|m|x|%)?", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "hundreds?", "thousands?", "millions?", "billions?", "couple", "few",
    "half", "double", "triple", "several", "dozen", "single",
)
NUMBER = rf"\b{NUMWORD}\b"
QUANT = r"\b(?:by|in)\s+half\b|\ba\s+(?:third|quarter)\b|\bfrom\s+(?:about\s+|around\s+)?(?:\d|a\s+third|half|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|ninety)\S*\s+(?:\S+\s+)?to\s+(?:\d|zero|half|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|ninety)|%|\bpercent\b|\bpoints?\b|\b(?:double|triple|halve|twice|\d+x)\b(?!-)|\b(?:\d[\d.]*|two|three|four|five|ten|twenty|hundred|thousand)\s+(?:more|fewer|extra|additional)\b"
COMPARATIVE = r"\b(?:more|fewer|less|higher|lower|extra|lost|missed)\s+(?:\S+\s+)?"
BIG = r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|millions?|billions?|thousands|hundreds of thousands|\d[\d,.]*\s*(?:k|m|million|billion|thousand)\b|\d{4,}|(?:a|one|ten|a hundred)\s+(?:thousand|million|billion))"
NUMREAL = alt(*[w for w in NUMWORD[3:-1].split("|") if w not in ("couple", "few", "several", "single", "dozen")])
REALSEQ = rf"\b(?:{NUMREAL}(?:\s+and)?[\s-]*){{1,5}}"
NUMSEQ = rf"\b(?:{NUMWORD}(?:\s+(?:and|to|or))?[\s-]*){{1,5}}"  # "a hundred and fifty", "1.5"

USERS = alt(
    "users?", "buyers?", "sellers?", "viewers?", "bidders?", "collectors?", "shoppers?",
    "customers?", "fans?", "hosts?", "streamers?", "people", "folks", "audiences?", "members?",
    "new users", "watchers", "participants?", "creators?", "consumers?", "they",
)

# --- hypothesis -----------------------------------------------------------------------------
HYPOTHESIS_CUES = [
    r"\b(?:the\s+)?way\s+i'd\s+frame\s+(?:this|it)\b", r"\bwho\s+am\s+i\s+building\s+(?:this\s+)?for\b",
    r"\bwho\s+(?:is\s+it|are\s+we\s+(?:building|designing)\s+for)\b",
    r"\bthe\s+(?:user|customer|buyer|seller|shopper)\s+(?:here\s+)?is\s+(?:a|the)\s+\w+\s+(?:who|that|watching|trying|running|waiting)\b",
    r"\b(?:the\s+)?(?:\S+\s+)?pain\s+point\s+(?:i\s+hear|we\s+hear|is|here)\b",
    r"\bthe\s+(?:\S+\s+)?problem\s+(?:i\s+see|i'd\s+solve|i\s+want\s+to\s+solve|i'm\s+solving)\b",
    r"\bif\s+i\s+had\s+to\s+bet\b", r"\bstake\s+in\s+the\s+ground\b",
    r"\b(?:my|our|the)\s+(?:bet|hypothesis|thesis|hunch)\s*[:,]",
    r"\b(?:bet|hypothesis)\s+(?:i'd|i would|we'd|we would|i'm|we're)\s+(?:make|place|take|going with|making|bet on)\b",
    r"\bthe\s+problem\s+(?:i'd|i would|we'd)\s+bet\s+on\b",
    r"\bthe\s+(?:actual|real|core|underlying|main|big|key|root)\s+(?:\S+\s+)?(?:problem|pain|issue)\b(?!\s+(?:with|of)\b)",
    rf"\bthe\s+(?:\S+\s+)?problem(?:\s*,[^,]{{0,40}},)?\s*(?:is|,)\s*(?:that\s+)?(?:\S+\s+){{0,5}}?{USERS}\b",
    r"\bwhat\s+(?:i|we)\s+(?:actually\s+|really\s+)?(?:think|believe|suspect)\s+(?:is\s+)?(?:really\s+)?(?:going on|happening)\b",
    r"\b(?:my|our|the)\s+(?:hunch|thesis|theory|instinct|gut(?:\s+feeling)?|belief|working\s+theory)\s+(?:here\s+)?(?:is|says)\b",
    rf"\b(?:i'm|we're|i am|we are)\s+(?:designing|building|solving|optimi[sz]ing)\s+(?:this\s+)?for\s+(?:the\s+|a\s+)?(?:\S+\s+){{0,2}}{USERS}\s+(?:who|that|whose|when)\b",
    r"\b(?:here's|heres|here is)\s+(?:my|our|the)\s+(?:actual\s+|real\s+|main\s+)?(?:bet|hypothesis|thesis)\b",
    rf"^(?:so\s+|and\s+)?who(?:'s|\s+is)?(?:\s+it\s+for)?\s*:\s*(?:\S+\s+){{0,2}}{USERS}",
    r"\bwho\s+gets\s+hurt\b", r"\bthe\s+(?:people|users|buyers|sellers|ones)\s+with\s+the\s+problem\b",
    r"\b(?:my|our)\s+(?:bet|hypothesis|thesis)\s*:",
    rf"\bwhat\s+(?:i|we)(?:'ve| have)?\s+(?:keep\s+|kept\s+)?(?:hearing|heard|seeing|seen|learned)\s+(?:from\s+{USERS}\s+)?is\b",
    r"\b(?:my|our|the|main|core|big|key)\s+bet\b(?:\s+here)?\s+(?:is|would be|being)\b",
    r"\bi(?:'m| am)\s+(?:betting|wagering)\b",
    r"\b(?:we|i)(?:'re| are|'d| would| will)?\s+bet(?:ting)?\s+(?:is\s+)?(?:that|on)\b",
    r"\b(?:my|our|the|working|core|main)\s+hypothes[ie]s\s+(?:is|would be|here is|being|goes)\b",
    r"\bhypothes[ie]s\s+(?:is|here is)\s+(?:that|basically)?\b",
    r"\bi\s+hypothesi[sz]e\b",
    r"\b(?:the|our|a)\s+(?:core|real|underlying|actual|user|customer|main|key|root)\s+(?:problem|pain(?:\s+point)?|issue|frustration)\s+(?:here\s+)?(?:is|we're solving|i see|that)\b",
    r"\bthe\s+(?:problem|pain(?:\s+point)?|job to be done)\s+(?:i\s+think\s+)?(?:we(?:'re| are)\s+solving|here)\s+(?:is|for)?\b",
    r"\bwhat\s+we(?:'re| are)\s+(?:really\s+)?solving\s+(?:for|is)\b",
    r"\b(?:we(?:'re| are)|i(?:'m| am))\s+solving\s+for\b",
    rf"\b{USERS}\s+(?:keep|kept)\s+(?:telling|saying|complaining|asking|hitting|running|losing|missing|getting)\b",
    rf"\b(?:we(?:'re| are)|i(?:'ve| have)|we(?:'ve| have))\s+(?:been\s+)?(?:hearing|heard)\s+(?:from\s+)?{USERS}\b",
    rf"\bwhat(?:'s| is)\s+(?:really\s+|actually\s+)?(?:going on|happening|hurting|broken)\s+(?:for|with)\s+(?:a lot of\s+|many\s+|most\s+|some\s+|the\s+)?{USERS}\b",
    r"\b(?:i\s+)?(?:believe|think|suspect|bet)\s+(?:that\s+)?(?:the\s+)?(?:real\s+)?(?:reason|problem|issue|thing)\b",
    r"\bif\s+we\s+(?:can\s+)?(?:fix|solve|get|make|cut|reduce|lower|improve|remove|bring|keep|nail|shave|give)\b.{3,90}?\b(?:then\s+)?(?:we|they|buyers|sellers|bidders|viewers|users|conversion|gmv|retention|sell-through|people)\s+(?:should|will|would|could|are going to)\b",
    r"\bthe\s+(?:user|customer|buyer|seller)\s+problem\b",
    r"\bthe\s+outcome\s+(?:we(?:'re| are)\s+)?(?:betting|going)\s+(?:on|for)\b",
    r"\bwe(?:'re| are)\s+(?:optimi[sz]ing|designing)\s+for\s+(?:whether|buyers|sellers|bidders|viewers|users)\b",
    r"\bthe\s+thing\s+we(?:'re| are)\s+optimi[sz]ing\b",
]
PEOPLE = alt(*[u for u in USERS[3:-1].split("|") if u != "they"])
PROBLEM_VERB = r"(?:los(?:e|es|ing)\s+(?:money|sales)|finds?\s+out\s+(?:too\s+)?late|drop(?:s|ping)?\s+off|bail(?:s|ing)?|abandon(?:s|ing)?|churn(?:s|ing)|quit(?:s|ting)?|get(?:s|ting)?\s+bored|close\s+the\s+app|tun(?:e|es|ing)\s+out|los(?:e|es|ing)\s+interest|stop(?:s|ping)?\s+(?:going\s+live|streaming|watching|bidding|buying|showing\s+up|coming\s+back|listing)|giv(?:e|es|ing)\s+up|get(?:s|ting)?\s+(?:burned|screwed|frustrated|lost|left out|stuck)|walk(?:s|ing)?\s+away|feel(?:s)?\s+(?:cheated|ignored|burned|awkward|lost|left out|punished)|leav(?:e|es|ing)\s+(?:early|the app|the show|for good|and never)|bounce(?:s)?\s+(?:off|early|out))"
USER_PROBLEM = [
    rf"\b{PEOPLE}\b(?:\s+\S+){{0,12}}?\s+{PROBLEM_VERB}\b",
    rf"\b{PEOPLE}\s+(?:are\s+|were\s+|get\s+|keep\s+|will\s+|just\s+|often\s+|basically\s+|end up\s+|then\s+)?(?:drop(?:ping)?\s+off|bail(?:ing)?|abandon(?:ing)?|churn(?:ing)?|giv(?:e|ing)\s+up|gets?\s+frustrated|frustrated|annoyed|stuck|walk(?:ing)?\s+away|lose\s+trust|los(?:e|ing)\s+faith|double.?charged|oversold|feel\s+(?:cheated|ignored|burned)|stop\s+(?:bidding|buying|showing up|coming|watching))\b",
    rf"\b(?:problem|pain|issue|frustration)\s+(?:for|of)\s+{PEOPLE}\b",
]
# A weaker complaint ("people can't watch live") is a hypothesis only with a cause or outcome.
USER_PROBLEM_WEAK = rf"\b{PEOPLE}\s+(?:\S+\s+)?(?:can't|cannot|miss(?:ing)?|los(?:e|ing)|leav(?:e|ing)|struggl(?:e|ing)|confused)\b"
PROBLEM_CAUSE = r"\b(?:because|since|so\s+they|which\s+(?:means|is why)|that's\s+why|and\s+then\s+they|when\s+(?:the|their|a|we)|every\s+time|whenever|so\s+we\s+lose|and\s+we\s+lose)\b"
NEGATED_HYPOTHESIS = [
    r"\b(?:don't|do not|didn't|haven't|have not|no|not)\s+(?:\S+\s+){0,3}(?:hypothes[ie]s|bet)\b",
    r"\bhypothes[ie]s(?:-wise|\s+wise)?,?\s+(?:i'm\s+)?(?:not sure|unclear|tbd|later|we'll see|dunno|no idea)\b",
    r"\b(?:not sure|unsure|no idea)\s+(?:what|about)\s+(?:the\s+)?(?:hypothes|bet|problem)",
    r"\bcome back to (?:the\s+)?(?:hypothes|problem)",
    r"\bskip\s+(?:the\s+)?(?:hypothes|problem)",
]

# --- constraints -----------------------------------------------------------------------------
TIME_UNIT = alt(r"ms\b", r"millis(?:econds?)?\b", r"milliseconds?\b", r"seconds?\b", r"secs?\b", r"s\b")
BOUND = alt(
    "under", "below", "within", "less than", "no more than", "at most", "max(?:imum)? of",
    "sub", "sub-", "inside", "capped at", "cap of", "ceiling of", "no slower than", "tops",
    "p99 of", "p95 of", "budget of", "<",
)
CONSTRAINTS = {
    "latency": [
        rf"\b{BOUND}\s*(?:a\s+|about\s+|roughly\s+)?{REALSEQ}-?\s*{TIME_UNIT}",
        rf"\bsub-?\s*(?:second|{NUMWORD}\s*{TIME_UNIT})",
        r"\blatency\s+budget\b",
        rf"\b(?:budget|target|slo|sla|p99|p95|p50)\s+(?:is|of|at|for)?\s*(?:\S+\s+){{0,4}}{NUMSEQ}-?\s*{TIME_UNIT}",
        rf"\b{NUMSEQ}-?\s*{TIME_UNIT}\s+(?:\S+\s+){{0,3}}(?:budget|end to end|end-to-end|p99|p95|max|ceiling|or less|or under|tops|hard limit|target)",
        rf"\b(?:has|have|needs?|must|got)\s+to\s+(?:\S+\s+){{0,6}}(?:in|within|under|below)\s+(?:\S+\s+){{0,2}}{NUMSEQ}-?\s*{TIME_UNIT}",
        rf"\b(?:can't|cannot|can not|must not|shouldn't)\s+(?:take|exceed|be slower than|go over)\s+(?:more than\s+)?{NUMSEQ}-?\s*{TIME_UNIT}",
        r"\breal[- ]time\s+(?:is\s+)?(?:a\s+)?(?:hard\s+)?(?:requirement|constraint|must)",
        r"\b(?:the|one|a|our|my)\s+hard\s+(?:constraint|requirement|rule|limit|line)\b", r"^(?:\S+\s+)?(?:hard\s+)?constraints?\s*[:,]",
        r"\bwhat\s+has\s+to\s+hold\b", r"\bwon't\s+bend\b", r"\b(?:the\s+)?hard\s+line\b", r"\bno\s+matter\s+what\b", r"\bthat's\s+the\s+rule\b", r"\bcorrectness\s+requirement\b",
        r"\blegal\s+(?:floor|line|requirement|obligation|minimum)\b", r"\bnot\s+allowed\s+to\s+(?:sell|store|keep|show|ship)\b",
        r"\btreat\s+(?:\S+\s+){0,3}as\s+(?:a\s+)?(?:hard\s+)?(?:budget|limit|constraint|requirement|ceiling|floor)",
        rf"\b(?:has|have|needs?|must|got)\s+to\s+(?:stay|be|remain|keep|land|come\s+in)\s+(?:\S+\s+){{0,2}}(?:under|below|above|over|at\s+least|at\s+most|within)\s+(?:about\s+)?{REALSEQ}",
        rf"\b{BOUND}\s+(?:about\s+|roughly\s+|around\s+)?(?:a|one|half\s+a)\s+second\b",
        rf"\b(?:can't|cannot|can not|must not|shouldn't)\s+be\s+(?:more|longer|slower)\s+than\s+(?:a\s+)?{NUMSEQ}\s*{TIME_UNIT}",
    ],
    "uptime": [
        r"\b(?:three|four|five|3|4|5)\s+nines\b",
        r"\b99(?:\.\d+)?\s*(?:%|percent)",
        r"\b(?:uptime|availability|sla)\s+(?:of|target|at|is|needs|has|must)\b",
        r"\b(?:zero|no)\s+downtime\b",
        r"\bcan(?:'t|not)\s+(?:afford\s+to\s+)?go\s+down\b",
    ],
    "compliance": [
        r"\bpci(?:-dss| dss)?\b", r"\bgdpr\b", r"\bccpa\b", r"\bkyc\b", r"\baml\b", r"\bsoc\s*2\b",
        r"\bdata\s+residency\b", r"\bregulat(?:ion|ory|ors|ed)\b", r"\bcomplian(?:ce|t)\b",
        r"\bsales\s+tax\b", r"\bage\s+verification\b", r"\blegal(?:ly)?\s+(?:requirement|required|obligation|have to)",
        r"\banti[- ]money\s+laundering\b", r"\bprivacy\s+(?:law|rules|requirement)", r"\bconsumer\s+protection\b",
        r"\bchargeback\s+rules\b", r"\bgambling\s+(?:law|rules|regulation)",
        r"\blegal\s+(?:was\s+clear|requires|says|needs|signed)", r"\blegal(?:'s|\s+is|\s+will|\s+would)\b.{0,40}\b(?:make\s+us|require|need|mandate|insist)",
        r"\bkeep\s+(?:\S+\s+){0,2}data\s+in\s+(?:the\s+)?(?:eu|us|uk|region|country|\S+\s+region)\b", r"\blegal\b.{0,30}\brequire", r"\bprivacy\s+(?:commitment|policy|promise)",
        r"\b(?:card\s+)?network\s+rules\b", r"\b(?:visa|mastercard|scheme)\s+rules\b",
    ],
    "cost": [
        rf"\b(?:cost|spend|budget|bill|infra)\w*\s+(?:\S+\s+){{0,4}}(?:under|below|of|cap|ceiling|within|no more than|at most|max|around)\s+(?:about\s+)?(?:\$\s*)?{NUMSEQ}(?:k|grand|dollars|bucks)?\s*(?:a|per|each)\s+month",
        rf"\b{NUMSEQ}(?:k|grand|thousand|dollars|bucks)\s+(?:dollars\s+)?(?:a|per)\s+(?:month|year)\b",
        r"\b(?:cost|budget)\s+(?:ceiling|cap|constraint|limit)\b",
        rf"\b(?:can't|cannot|must not|shouldn't)\s+cost\s+(?:more\s+than\s+)?(?:about\s+)?(?:\$\s*)?{NUMSEQ}",
        r"\bcan(?:'t|not)\s+(?:afford|spend)\b",
    ],
    "timeline": [
        rf"\b{NUMSEQ}-?\s*(?:day|week|month)s?\s+(?:mvp|deadline|timeline|window|launch|build)",
        rf"\b{NUMSEQ}\s*(?:days?|weeks?)\s+(?:for|to\s+(?:ship|build|get|launch|deliver))\s+(?:\S+\s+)?(?:an?\s+)?mvp",
        rf"\b(?:{NUMSEQ}|a|one|this)\s*(?:days?|weeks?|months?|quarters?|sprints?)\s+to\s+(?:ship|build|launch|deliver|get\s+(?:it|this|something)\s+out)",
        rf"\bmvp\s+(?:in|within|by)\s+(?:\S+\s+){{0,2}}{NUMSEQ}?(?:days?|weeks?|months?|q[1-4])",
        rf"\b(?:ship|launch|deliver|live|done|build it)\w*\s+(?:\S+\s+){{0,3}}(?:in|within|by)\s+{NUMSEQ}(?:days?|weeks?)\b",
        r"\b(?:by|before)\s+(?:q[1-4]|the holidays|black friday|the end of the (?:month|quarter))\b",
        rf"\b(?:deadline|timeline)\s+(?:is|of)\s+(?:\S+\s+){{0,3}}(?:{NUMSEQ}\s*(?:days?|weeks?|months?)|q[1-4]|end of)",
    ],
    "integrity": [
        r"\b(?:can(?:'t|not)|must(?:n't| not)|never|zero)\s+(?:ever\s+)?(?:oversell|oversold|overselling|double[- ](?:sell|charge|book|spend)|lose\s+(?:a\s+)?bids?)",
        r"\bexactly[- ]once\b",
        r"\b(?:strong(?:ly)?\s+consisten(?:t|cy))\s+(?:is\s+)?(?:required|a must|non-negotiable|requirement)",
        rf"\b(?:must|has to|have to|needs to|need to)\s+(?:\S+\s+){{0,3}}(?:support|handle|serve|hold)\s+(?:\S+\s+){{0,2}}{NUMSEQ}\s*(?:concurrent|simultaneous|viewers|bidders|users|requests)",
    ],
}
# A number that is only a description ("latency is 200 ms today") becomes a constraint when framed
# as one ("the number I'd hold us to is 200 ms", "one thing I'm firm on: 99.95% uptime").
FRAMED_NUMBER = rf"(?:{REALSEQ}\s*(?:{TIME_UNIT}|hours?|minutes?)|\$\s*\d[\d,.]*\s*(?:k|m)?\s*(?:a|per|/)\s*(?:month|mo|year)\b|\b99(?:\.\d+)?\s*(?:%|percent)|\$\s*\d|{NUMSEQ}\s*(?:dollars|k|grand)\s+(?:a|per)\s+month|{NUMSEQ}\s*(?:days?|weeks?)\b)"
CONSTRAINT_FRAME = [  # makes an otherwise descriptive number a stated constraint
    r"\bnot\s+optional\b", r"\bnon-?optional\b",
    r"\b(?:the\s+)?(?:constraint|number|budget|limit|line|bar|target|requirement|rule|ceiling|sla|slo)\s+(?:i'd|we'd|i|we|i'm|we're)\s+(?:\S+\s+)?(?:hold|set|pin|commit|draw|give|put|hold us to)",
    r"\b(?:i'm|we're|i am|we are)\s+firm\b", r"\bfirm\s+on\b", r"\bhold\s+(?:us|the\s+team|ourselves)\s+to\b", r"\bsets?\s+a\s+budget\b",
    r"\b(?:has|have|needs?|must|got)\s+to\b", r"\bmust\b", r"\bhard\s+(?:constraint|requirement|limit|line)",
    r"\bnon-?negotiable\b", r"\bconstraint\b", r"\brequirement\b", r"\bbudget\b",
    r"\bcan(?:'t|not)\b", r"\bno more than\b", r"\bceiling\b", r"\bat most\b", r"\bsla\b", r"\bslo\b",
]
NEGATED_CONSTRAINT = [
    r"\b(?:probably|maybe|might be|i guess)\s+(?:some\s+)?(?:regulat|complian|legal|privacy)\w*\s+(?:stuff|things|issues|bits)",
    r"\b(?:we'd|we would|we'll|i'd)\s+have\s+to\s+look\s+into\s+(?:it|that)\b",
    r"\b(?:no|not|don't|isn't|aren't)\s+(?:\S+\s+){0,3}(?:real\s+|hard\s+)?constraints?\b",
    r"\bthere are always constraints\b",
    r"\b(?:worry|think) about (?:compliance|regulation|cost|the budget) later\b",
    r"\b(?:compliance|regulation|cost)\s+(?:isn't|is not|won't be)\s+(?:really\s+)?(?:a|an)\s+(?:issue|concern|problem)\b",
]

# --- levers ----------------------------------------------------------------------------------
LEVER_TERMS = alt(
    r"cach(?:e|es|ed|ing)", r"cash(?:es|ed|ing)?\s+(?:the|it|that|this|those|layer|results?|responses?|in\s+front)",  # a common mishearing
    r"cdns?", r"(?:at|on|to)\s+the\s+edge", r"edge\s+(?:nodes?|servers?|caches?|locations?|pops?|fan-?out)",
    r"(?<!review )(?<!support )(?<!moderation )(?<!manual )(?<!ticket )queue(?:s|d|ing)?(?! of (?:flagged|accounts|tickets|reports|cases))", r"pub[-/ ]?sub", r"message\s+bus", r"event\s+bus", r"stream\s+processing",
    r"async(?:hronous(?:ly)?)?", r"background\s+(?:jobs?|workers?|process(?:ing)?)", r"workers?\s+pool",
    r"shard(?:s|ed|ing)?", r"partition(?:s|ed|ing)?", r"read\s+replicas?", r"replicas?", r"replicat(?:e|ed|ion)",
    r"pre-?comput(?:e|ed|ing|ation)", r"precalculat\w+", r"denormali[sz]\w*", r"materiali[sz]ed\s+views?",
    r"batch(?:es|ed|ing)?", r"rate[- ]limit(?:s|ing|er)?", r"throttl(?:e|ing)", r"circuit\s+breakers?",
    r"auto-?scal\w+", r"horizontal(?:ly)?\s+scal\w+", r"fan[- ]?(?:out|in)",
    r"long[- ]poll\w*", r"write[- ](?:through|behind|back)", r"optimistic\s+(?:locking|concurrency)",
    r"reservations?\s+(?:system|service|tokens?|holds?)", r"(?:soft\s+)?holds?\s+on\s+inventory", r"idempoten\w+",
    r"event\s+sourcing", r"cqrs", r"in[- ]?memory",
    r"(?:comput|calculat|build|scor|generat|render|prepar|warm|load|fetch|run|process|send)\w*\s+(?:\S+\s+){0,5}(?:ahead of time|in advance|in the background)", r"pre-?load\w*", r"pre[- ]?allocat\w+", r"(?:on|in|to)\s+one\s+(?:server|node|process|machine|shard)\b", r"scheduled\s+jobs?", r"indexes|indexing|index\b", r"feature\s+store",
    r"dedicated\s+(?:cluster|service|pool)", r"regional\s+clusters?", r"multi-?region", r"warm\s+(?:pool|standby)",
    r"pre-?warm\w*", r"prefetch\w*", r"graceful\s+degradation", r"degrade\s+gracefully", r"fallback",
    r"token\s+bucket", r"leaky\s+bucket", r"counters?\s+in\s+memory", r"atomic\s+(?:counters?|decrements?)",
    r"sticky\s+sessions?", r"(?:single|one)\s+(?:owner|writer|sequencer|leader)\b", r"sequenc(?:er|es|ing)\b", r"relay\s+servers?",
    r"persistent\s+connections?", r"event\s+log", r"append(?:-|\s+)only\s+log", r"session\s+(?:store|persistence)", r"snapshot(?:s|ting)?", r"dedupe?\w*",
    r"edge\s+computing",
)
LEVER = rf"\b{LEVER_TERMS}"
NEGATED_LEVER = [
    r"\b(?:i've|i have|we've)\s+heard\b",
    r"\b(?:a|whole|big|huge|this|that|the)\s+(?:batch|cache|queue|line)\s+of\s+(?!(?:writes|events|requests|messages|updates|jobs|bids|notifications|pushes|work|tasks|orders)\b)",
    rf"\b{LEVER_TERMS}\s+(?:is|are|sounds)\s+(?:\S+\s+)?(?:good|great|nice|important|useful|cool|fine)\b",
    rf"\b(?:some|a bit of|a little)\s+{LEVER_TERMS}\s+(?:\S+\s+)?somewhere\b",
    r"\b(?:use|want)\s+(?:it|some of (?:that|it))\s+somewhere\b",
    rf"\b(?:no|not|without|don't|won't|skip|avoid)\s+(?:\S+\s+){{0,2}}{LEVER_TERMS}\b.*\b(?:needed|necessary|at all)\b",
    rf"\b(?:not sure|no idea|don't know)\s+(?:\S+\s+){{0,4}}{LEVER_TERMS}",
]

# --- business metrics and ties ---------------------------------------------------------------
METRIC_TERMS = [
    r"conversion(?:\s+rate)?", r"convert(?:s|ing)?", r"gmv", r"revenue", r"sales", r"sell[- ]through", r"take\s+rate",
    r"bids?\s+per\s+(?:auction|stream|minute|show|lot|item|viewer|session|buyer)", r"(?:payment|purchase|order|checkout|post-win\s+payment)\s+completion", r"completion\s+rate", r"bid\s+(?:volume|participation|rate|count)s?",
    r"(?:auction|bidding)\s+participation", r"retention", r"retain\w*", r"churn", r"engagement", r"watch\s+time",
    r"session\s+(?:length|time|duration)", r"time\s+(?:spent|in\s+stream)", r"dau|mau|daily\s+active|monthly\s+active",
    r"active\s+(?:sellers|buyers|users|bidders)", r"time[- ]to[- ](?:first[- ])?(?:list|bid|purchase|checkout|sale|order|value)",
    r"checkout\s+(?:completion|conversion|success|rate)", r"(?:cart|checkout)\s+abandonment", r"abandon\w*",
    r"(?:average\s+)?order\s+value|aov", r"(?:final|hammer|sale|selling|average|closing)\s+prices?", r"repeat\s+(?:purchase|buyers|visits)", r"nps", r"(?:seller|buyer)\s+(?:trust|satisfaction|nps)",
    r"chargebacks?", r"refunds?", r"disputes?", r"orders?", r"purchases?", r"add[- ]to[- ]carts?", r"click[- ]through|ctr",
    r"attach\s+rate", r"(?:seller|buyer|bidder|viewer|user)\s+(?:growth|acquisition|activation)", r"onboard\w*",
    r"dollars?|\$\s*\d", r"money", r"margin", r"profit", r"lifetime\s+value|ltv", r"sold\s+out|sellout", r"sign-?ups?",
    r"stick(?:s|ing)?\s+around", r"comes?\s+back", r"bail(?:s|ing)?", r"drop[- ]?off", r"bounce", r"support\s+tickets?",
    r"fewer\s+(?:lost|missed)\s+(?:bids|sales|orders)", r"(?:lost|missed)\s+(?:bids|sales|orders|revenue)", r"return\s+rate", r"(?:\S+-)?day\s+(?:return|retention|repeat)",
    r"repeat\s+\w+", r"participation", r"day[- ]\w+\s+(?:return|retention)", r"first[- ]purchases?(?:\s+rate)?", r"watch[- ]through", r"items?\s+(?:sold|bought)\s+per\s+\w+", r"attendance", r"returning\s+\w+",
    r"bids?", r"sessions?", r"buyers?\s+(?:who\s+)?(?:complete|finish|return)", r"listings?", r"items?\s+sold", r"viewers?", r"bidders?", r"buyers?", r"sellers?",
]
# Nouns that are only a metric with a number or a comparison ("more bids", "2% more orders").
WEAK_METRIC_TERMS = [r"sessions?", r"add[- ]to[- ]carts?", r"viewers?", r"bidders?", r"buyers?", r"sellers?", r"bids?", r"orders?", r"purchases?", r"sales", r"listings?", r"dollars?|\$\s*\d", r"money", r"items?\s+sold"]
METRICS = alt(*METRIC_TERMS)
METRIC = rf"\b{METRICS}\b"
STRONG_METRIC = rf"\b{alt(*[m for m in METRIC_TERMS if m not in WEAK_METRIC_TERMS])}\b"
CHANGE = alt(
    r"lift\w*", r"mov(?:e|es|ing)", r"rais\w+", r"increas\w+", r"improv\w+", r"boost\w*", r"grow\w*", r"drive\w*",
    r"cut\w*", r"reduc\w+", r"lower\w*", r"protect\w*", r"preserv\w+",
    r"keep(?:s|ing)?\s+(?:\S+\s+){0,4}?(?:up|high|higher|low|lower|above|below|under|steady|flat|intact|from|alive|healthy|stable|where)", r"sav(?:e|es|ing)", r"recover\w*", r"catch\s+up", r"\bup\b(?=[,.]|\s+(?:and|by|maybe|about|around|roughly|a\s+(?:few|couple|bit)))",
    r"los(?:e|es|ing)\s+(?:\S+\s+){0,2}(?:percent|%|\d|orders|sales|revenue|gmv|buyers|bidders|sellers)",
    r"bump\w*", r"longer", r"shorter", r"drop\w*", r"fall\w*", r"shrink\w*", r"climb\w*", r"ris(?:e|es|ing)", r"jump\w*",
    r"go(?:es)?\s+(?:up|down)", r"go(?:es)?\s+from", r"incremental", r"disappear\w*", r"vanish\w*", r"from\s+\S+\s+(?:\S+\s+)?to\b", r"gain\w*", r"translat\w+", r"worth", r"means?\s+(?:more|fewer|less|higher|lower)",
    r"(?:more|fewer|less|higher|lower)", r"halves", r"takes?\s+\S+(?:\s+\S+)?\s+from", r"pays?\s+off", r"dip\w*", r"halv\w+", r"doubl\w+", r"unlock\w*", r"prevent\w*",
    r"avoid\w*", r"impact\w*", r"affect\w*", r"help\w*", r"points?", r"kill\w*", r"hurt\w*",
    r"(?:up|down)\s+(?:by\s+)?(?:maybe\s+|about\s+|around\s+|roughly\s+|another\s+)?(?:a\s+)?(?:\d|two|three|four|five|six|seven|eight|nine|ten|twenty|few|couple|bit|some|half)",
)
CAUSAL = alt(
    r"which", r"so\s+that", r"so\s+(?:we|buyers|sellers|bidders|viewers|users|people|more|fewer|it)", r"that\s+(?:should|will|would|could|means|gets|keeps|lifts|moves|drives)",
    r"this\s+(?:should|will|would|could|means|gets|keeps)", r"it\s+(?:should|will|would|could)", r"because", r"to\s+(?:lift|raise|increase|improve|boost|grow|drive|protect|cut|reduce|keep|move)",
    r"(?:should|will|would|could|might|expect\w*|estimat\w+|project\w*)", r"translat\w+\s+(?:in)?to", r"in\s+order\s+to", r"means", r"tied?\s+to", r"directly",
    r"(?:the\s+)?(?:business|impact|payoff|upside|win)\s+(?:is|here|being)", r"for\s+the\s+business",
)
VAGUE_METRIC = [
    r"\b(?:measure|track|look\s+at|figure\s+out)\s+(?:\S+\s+){0,2}later\b",
    r"\bmetrics?\s+(?:matter|are important|is important|will tell|later)\b",
    r"\b(?:we'll|we will|we'd|i'd|i would|let's)\s+(?:track|measure|monitor|look at|figure out|define|pick|think about)\s+(?:the\s+)?(?:\S+\s+){0,2}(?:metrics?|kpis?|numbers)\b",
    r"\b(?:not sure|don't know|no idea|hard to say)\s+(?:\S+\s+){0,5}(?:impact|metric|conversion|gmv|revenue|business)",
    r"\b(?:doesn't|does not|won't|will not|wouldn't)\s+(?:really\s+)?(?:move|affect|change|impact)\s+(?:the\s+)?(?:\S+\s+){0,2}(?:metrics?|conversion|gmv|revenue|needle)",
]

# --- trade-offs ------------------------------------------------------------------------------
TRADEOFF = [
    r"\bthe\s+cost\s+(?:here\s+)?is\s+that\b", r"\btake\s+(?:that|it|the\s+hit)\s+anyway\b",
    r"\bmeans\s+(?:\S+\s+){0,6}(?:more|extra|higher)\s+(?:cost|latency|complexity|spend|infrastructure|work|delay|ops)",
    r"(?:^|\b(?:the|my|our|one|a|big|main|key|real)\s+)trade-?\s?off\b(?!s?\s+(?:are|is)\s+(?:important|tricky|hard|everywhere|always))",
    r"\bthere(?:'s|\s+is)\s+a\s+(?:cost|price|downside|catch)\b", r"^(?:the\s+)?(?:cost|downside|catch|price)\s*[,:]",
    r"\b(?:i'm|we're|i am|we are)\s+(?:fine|okay|ok|happy|comfortable|good|willing)\s+(?:with\s+(?:that|it|this|the)|paying|accepting|taking|living|to\s+(?:pay|accept|take|live))",
    r"\b(?:i'll|we'll|i'd|we'd|i will|we will|i would|we would)\s+take\s+(?:that|the|this)\s+(?:hit|cost|risk|trade)",
    r"\bmeans\s+(?:\S+\s+){0,8}(?:might|may|could|can|won't|wait|stale|lose|slower|miss)\b.*\b(?:fine|okay|ok|acceptable|worth)\b",
    r"\bwe(?:'d| would| will|'ll)\s+(?:drop|lose|give up|sacrifice|skip)\b.*\bbut\b",
    r"\bat\s+the\s+(?:cost|expense|price)\s+of\b",
    r"\beven\s+though\s+(?:it|that|this|we|the)\b",
    r"\b(?:the\s+)?(?:trade-?\s?off|tradeoff)s?\s+(?:here\s+)?(?:is|i'd make|i'm making|we're making|we make|we accept|being|i'd take|i'll take|we'll take|is that|worth)",
    r"\b(?:we|i)(?:'re|'d| are| would| will|'ll)?\s+(?:happy\s+to\s+|willing\s+to\s+|going\s+to\s+|have\s+to\s+)?(?:accept\s+(?:that|it|this|some|a\s+(?:bit|little|small|few|slightly|one|two)|the\s+(?:risk|cost|hit|delay|latency|trade|lag|staleness|extra|occasional|small)|eventual|slightly|stale|higher|more|less|lower|occasional|\d)|give\s+up|sacrific\w+|trade\s+(?:away\s+)?(?:some|a\s+bit|a\s+little|\S+\s+for|off)|eat\s+(?:the\s+|a\s+|that|it|some|\d)|tolerate|take\s+the\s+hit|live\s+with|pay\s+(?:that|the|a|for\s+it|more|extra))\b",
    r"\bin\s+exchange\s+for\b",
    r"\b(?:the\s+)?(?:downside|price|catch|con)\s+(?:here\s+)?(?:is|being|there is)\b",
    r"\bthe\s+(?:downside|catch|price|cost|risk)\s+of\s+(?:\S+\s+){1,4}(?:is|means)\b",
    r"\bwhat\s+(?:i'm|we're|i am|we are)\s+(?:giving up|trading(?:\s+away)?|sacrificing|losing|paying)\b",
    r"\bi(?:'d| would)\s+rather\s+(?:be|have|take|eat|accept|lose|pay|spend)\b",
    r"\b(?:we're|we are|i'm|i am)\s+taking\s+on\s+(?:more|extra|some|a\s+bit)",
    r"\b(?:i'm|we're|i am|we are)\s+choosing\s+(?:to|it|that|this)\b",
    r"\b(?:i'm|we're|i am|we are)\s+(?:fine|okay|ok|happy|comfortable|good|willing)\s+(?:with\s+(?:that|it|this|the)|paying|accepting|taking|living|to\s+(?:pay|accept|take|live))",
    r"\b(?:i'll|we'll|i'd|we'd|i will|we will|i would|we would)\s+take\s+(?:that|the|this)\s+(?:hit|cost|risk|trade)",
    r"\bmeans\s+(?:\S+\s+){0,8}(?:might|may|could|can|won't|wait|stale|lose|slower|miss)\b.*\b(?:fine|okay|ok|acceptable|worth)\b",
    r"\bwe(?:'d| would| will|'ll)\s+(?:drop|lose|give up|sacrifice|skip)\b.*\bbut\b",
    r"\bwe\s+lose\s+(?:some|a\s+(?:bit|little)|strict|ordering|consistency|freshness|precision|accuracy|\d|a\s+few)",
    r"\bi(?:'d| would)\s+rather\b.*\b(?:slow|fast|stale|fresh|late|wrong|consisten|availab|cheap|expensive|correct|oversell|latency|cost|delay|lose|miss)\w*.*\bthan\b",
    r"\b(?:i|we)(?:'d|'ll| would| will)?\s+(?:pick|choose|go with|take|use|prefer|favou?r)\b.+\b(?:over|instead of|rather than)\b.*\b(?:because|since|even|cost|worth)\b",
    rf"\b(?:costs?|adds?)\s+(?:us\s+)?(?:maybe\s+|about\s+|around\s+|roughly\s+|up to\s+)?(?:an?\s+)?(?:extra\s+)?{NUMSEQ}(?:ms|millis\w*|milliseconds?|seconds?|dollars|%|percent)",
    r"\beventual(?:ly)?\s+consisten\w+\b.*\b(?:ok|okay|fine|acceptable|accept|because|since|worth)\b",
    r"\bworth\s+(?:it|the)\b",
    r"\bnot\s+free\b",
    r"\bcomes?\s+at\s+a\s+(?:cost|price)\b",
    r"\b(?:but|though)\s+(?:it|that|this)\s+(?:adds|costs|means|increases|hurts|makes)\b",
]
NEGATED_TRADEOFF = [
    r"\b(?:there\s+)?always\s+is\b", r"\beverything(?:'s|\s+is)\s+a\s+trade-?\s?off",
    r"\b(?:don't|do not|doesn't|can't|cannot)\s+(?:see|think|have|really)\s+(?:\S+\s+){0,3}trade-?\s?offs?",
    r"\b(?:there are|there's)\s+always\s+(?:trade-?\s?offs|tradeoffs)\b",
    r"\b(?:no|not\s+(?:really\s+)?(?:a|any))\s+(?:real\s+)?(?:trade-?\s?offs?|tradeoffs?|downside)\b",
    r"\b(?:not sure|don't know|no idea)\s+(?:\S+\s+){0,3}(?:trade-?\s?offs?|tradeoffs?)",
    r"\btrade-?\s?offs?\s+(?:are|is)\s+(?:important|tricky|hard|everywhere)\b",
]

# --- anti-patterns ---------------------------------------------------------------------------
TECH = alt(
    r"kafka", r"redis", r"cdns?", r"memcached", r"micro-?services?", r"sagemaker", r"vertex(?:\s+ai)?", r"bigtable", r"firestore",
    r"supabase", r"elixir", r"erlang", r"golang", r"rust", r"node\.?js", r"websockets?", r"socket\.io",
    r"mq", r"zookeeper", r"hbase", r"hadoop", r"tensorflow", r"pytorch", r"cloudflare", r"vitess", r"tidb",
    r"dynamo\s?db", r"dynamo", r"cassandra", r"postgres(?:ql)?", r"mysql", r"mongo(?:db)?",
    r"kubernetes", r"k8s", r"graphql", r"grpc", r"elasticsearch|elastic\s+search", r"spark", r"flink",
    r"rabbit\s?mq", r"sqs", r"kinesis", r"lambda", r"memcached", r"snowflake", r"bigquery", r"spanner",
    r"cockroach\s?db", r"scylla\w*", r"pulsar", r"nats", r"clickhouse", r"druid", r"pinot", r"firebase",
    r"aurora", r"s3", r"cloudfront", r"akamai", r"fastly", r"nginx", r"envoy", r"istio", r"terraform",
    r"microservices", r"mongo", r"neo4j", r"vector\s+(?:db|database)", r"pinecone", r"temporal", r"airflow",
)
TECH_RE = rf"\b{TECH}\b"
TECH_CHOICE = [
    rf"\b(?:instinct|default|go-to|first\s+pick|choice|answer)\s+(?:is|would\s+be)\s+(?:\S+\s+){{0,2}}{TECH_RE}",
    rf"{TECH_RE}\s+(?:plus|and|\+|with)\s+{TECH_RE}",
    rf"\breach\s+for\s+(?:\S+\s+){{0,2}}{TECH_RE}",
    rf"\b(?:use|using|do|go\s+with|pick|choose|throw|put|stick|dump|slap|run|build|stand\s+up|spin\s+up|add|have|bring\s+in|plug\s+in|lean\s+on)\b[^.?!]{{0,40}}{TECH_RE}",
    rf"{TECH_RE}[^.?!]{{0,25}}\b(?:for|as)\s+(?:the\s+)?\w+",
    rf"^(?:and\s+|then\s+|so\s+|plus\s+)?(?:a\s+|some\s+)?{TECH_RE}\s*(?:,|and|\+|for|here|there|cluster|on top)",
    rf"\b(?:it'll|it will|it's|we'll have|there's)\s+(?:be\s+)?(?:a\s+)?{TECH_RE}",
]
RATIONALE = alt(
    r"because", r"since", r"so\s+that", r"so\s+(?:we|it|buyers|sellers|bidders|viewers|users|the|nothing|no)", r"which\s+(?:gives|means|lets|keeps|guarantees|handles|helps|avoids|protects|cuts|is|makes)",
    r"(?:it|that|this)\s+(?:gives|lets|keeps|guarantees|handles|means|avoids|buys)", r"gives\s+us", r"lets\s+us", r"in\s+order\s+to", r"that\s+way",
    r"the\s+reason", r"reasons?\s+(?:is|being)", r"to\s+(?:keep|get|avoid|guarantee|handle|make|absorb|decouple|protect|cut|reduce|survive|replay|scale|serve|hit|meet|stay|lift|preserve|isolate)",
    r"at[- ]least[- ]once", r"exactly[- ]once", r"ordering", r"durab\w+", r"replay\w*", r"throughput", r"latency", r"consisten\w+",
    r"good\s+(?:at|for)", r"great\s+(?:at|for)", r"built\s+for", r"designed\s+for", r"fits", r"aligns", r"matches", r"we\s+already", r"team\s+(?:knows|already)",
    r"why", r"ms\b", r"millis", r"cost", r"cheap\w*", r"because of",
)
DEFERS = [
    r"\bthey(?:'re| are)\s+better\s+at\s+(?:that|this|it)\s+than\s+(?:me|i|us)\b",
    r"\bhand\s+(?:it\s+|that\s+|this\s+)?(?:off\s+)?to\s+(?:the\s+)?(?:data\s+science|ds|research|ml|engineering|eng|platform|infra)\s+(?:team|folks|people)",
    r"\b(?:engineers?|engineering|eng|devs|architects?)\s+(?:would|will|probably|'d)\s+(?:\S+\s+)?know\s+(?:better|how|best)",
    r"\bi(?:'d| would| will|'ll)\s+(?:just\s+)?let\s+them\s+(?:pick|decide|choose|figure)",
    r"\bthat's\s+(?:their|engineering's|eng's|the\s+engineers')\s+(?:call|decision|job)\b",
    r"\b(?:that's|that is|it's|this is)\s+(?:really\s+|more\s+)?(?:for|up\s+to)\s+(?:the\s+)?(?:architects?|engineers?|engineering|eng|devs|developers|tech\s+leads?|ml\s+team|backend\s+team)\b",
    r"\bthat's\s+(?:really\s+|more\s+)?their\s+(?:area|call|thing|domain|decision|job)\b",
    r"\b(?:let|leave\s+(?:it\s+|that\s+|this\s+|those\s+|the\s+rest\s+)?to|defer\s+to|hand\s+(?:it|that)\s+(?:off\s+)?to|up\s+to|ask)\s+(?:the\s+|our\s+|my\s+)?(?:ml|data|backend|platform|infra|engineering|eng|dev|tech)\s+(?:team|folks|people|org|side)\b",
    r"\b(?:let|leave\s+(?:it\s+|that\s+|this\s+|those\s+|the\s+rest\s+)?to|defer\s+to|hand\s+(?:it|that)\s+(?:off\s+)?to|up\s+to|ask)\s+(?:the\s+|our\s+|my\s+)?(?:ml\s+|data\s+|backend\s+|platform\s+|infra\s+|senior\s+)?(?:engineers?|engineering|eng|dev(?:eloper)?s|architects?|tech\s+leads?|infra\s+(?:team|folks)|platform\s+team|backend\s+(?:team|folks))\b",
    r"\b(?:that's|that is|it's|it is|this is)\s+(?:really\s+|more\s+(?:of\s+)?|kind of\s+|sort of\s+|kinda\s+)?(?:an?\s+)?(?:engineering|eng|technical|architect(?:ure)?|implementation|infra)\s+(?:call|decision|question|problem|detail|thing|choice)\b",
    r"\b(?:engineers?|engineering|eng|the\s+devs|architects?|tech\s+leads?)\s+(?:will|would|can|should|could)\s+(?:\S+\s+)?(?:decide|figure|pick|choose|handle|sort|work\s+out|own|make\s+that\s+call|tell\s+us|deal\s+with|fill\s+in|take\s+care\s+of|wire)",
    r"\btrust\s+(?:the\s+|our\s+)?(?:engineers?|engineering|eng|devs|developers|architects?)\s+to\b",
    r"\bnot\s+(?:really\s+)?(?:my|a\s+pm(?:'s)?|the\s+pm(?:'s)?)\s+(?:call|decision|job|place|area|problem)\b",
    r"\bi(?:'d| would| will|'ll)\s+(?:just\s+)?(?:defer|leave\s+(?:it|that|the\s+\w+))\s+to\b",
    r"\b(?:whatever|what(?:ever)?)\s+(?:the\s+)?(?:engineers?|engineering|eng|devs)\s+(?:think|thinks|want|wants|prefer|prefers|recommend|recommends|pick|picks|decide|decides)\b",
]
DISMISSES_LATENCY = [
    r"\b(?:don't|do\s+not)\s+think\s+(?:the\s+)?(?:latency|speed|lag|delay)\s+(?:is|matters|will\s+be)\s*(?:the|a|that|much\s+of\s+a)?\s*(?:big\s+|huge\s+|real\s+)?(?:deal|issue|concern|problem|important|priority)?",
    r"\b(?:latency|speed|response\s+time|lag|delay|performance)\s+(?:really\s+)?(?:isn't|is\s+not|won't\s+be|wouldn't\s+be|shouldn't\s+be|is\s+not\s+really|isn't\s+really|doesn't|does\s+not|won't)\s+(?:really\s+|that\s+|going\s+to\s+be\s+)?(?:a|an|the|that|much\s+of\s+a|matter|our|my|be)?\s*(?:big\s+|huge\s+|real\s+|major\s+|main\s+|primary\s+)?(?:concern|issue|problem|deal|matter|priority|focus|important|critical|worry)",
    r"\b(?:don't|do\s+not|won't|wouldn't|shouldn't|not|never)\s+(?:really\s+|need\s+to\s+|have\s+to\s+|gonna\s+|going\s+to\s+)*(?:worry|care|obsess|stress|think\s+too\s+much)\s+(?:much\s+|too\s+much\s+)?about\s+(?:the\s+)?(?:latency|speed|milliseconds|response\s+time|lag|a\s+few\s+(?:ms|milliseconds|seconds)|(?:\S+\s+){0,3}(?:in\s+sync|sync|being\s+in\s+sync|delay))",
    rf"\b(?:a|an|the)?\s*(?:few|couple(?:\s+of)?|extra|several|{NUMWORD})\s+(?:hundred\s+)?(?:extra\s+)?(?:ms|millis\w*|milliseconds?|seconds?)\s+(?:extra\s+|more\s+|of\s+\S+\s+)?(?:\S+\s+){0,5}?(?:won't|doesn't|don't|isn't|aren't|is\s+not|will\s+not|wouldn't|shouldn't)\s+(?:really\s+)?(?:matter|hurt|be\s+(?:a|an)\s+(?:big\s+)?(?:deal|problem|issue)|be\s+noticed|kill|make\s+a\s+difference|bother)",
    rf"\b(?:a|one|two|{NUMWORD})\s+(?:second|seconds)\s+(?:or\s+(?:two|so|three)\s+)?(?:of\s+(?:delay|lag|latency)\s+)?(?:is|are|would\s+be|should\s+be)\s+(?:totally\s+|perfectly\s+|probably\s+)?(?:fine|ok|okay|acceptable|nothing)",
    rf"\bnobody\s+(?:will\s+|would\s+|really\s+)?(?:notice|care|mind)s?\b(?=.*(?:{TIME_UNIT}|latency|delay|lag|slow|late|behind|drift|sync))",
    r"\b(?:few|couple|second|seconds|ms|millis\w*|milliseconds)\s+(?:\S+\s+){0,3}(?:behind|late|slow|delayed|of\s+lag|of\s+delay)\W+(?:\S+\W+){0,2}(?:it's|that's|is|that\s+is)\s+(?:not\s+a\s+(?:big\s+)?(?:deal|problem|issue)|fine|okay|ok|no\s+big\s+deal)",
    r"\b(?:focus|optimi[sz]e)\s+(?:on\s+)?(?:throughput|scale|features)\s*(?:,\s*)?(?:rather\s+than|not|over|instead\s+of)\s+latency",
    r"\blatency\s+(?:is\s+)?(?:secondary|an?\s+afterthought|a\s+later\s+problem|something\s+we\s+can\s+(?:fix|tune|deal\s+with)\s+later|for\s+later)",
    r"\b(?:latency|speed)(?:'s|\s+is)?\s+(?:a\s+)?(?:nice[- ]to[- ]have|not\s+a\s+priority|not\s+critical|not\s+important|not\s+that\s+important)",
    r"\b(?:people|buyers|viewers|users|bidders)\s+(?:can|will|won't\s+mind\s+(?:to\s+)?|don't\s+mind\s+(?:to\s+)?)\s*(?:wait|waiting)\b",
]
SCALE_CLAIM = [
    r"\b(?:unlimited|limitless|infinite|any\s+number\s+of)\s+(?:\S+\s+)?(?:viewers|users|traffic|load|scale|bidders|drops|requests|sellers|shows|parties)",
    rf"\b(?:process|handle|serve|support)\w*\s+(?:\S+\s+){{0,2}}{BIG}",
    rf"\bscal(?:e|es|ing)\s+(?:\S+\s+)?to\W+(?:like\W+|basically\W+|about\W+)?{BIG}",
    rf"\b(?:can|could|should|will)\s+(?:easily\s+)?(?:do|handle|take|serve|absorb)\s+(?:\S+\s+){{0,2}}{BIG}",
    rf"\b{BIG}\s+\S+\s+(?:a|per)\s+second,?\s+(?:easily|no problem|no sweat)",
    r"\b(?:totally|super|very|really|hugely|extremely|fully|highly|massively|infinitely|horizontally|endlessly|completely)\s+scalable\b",
    rf"\bhandl(?:e|es|ing)\W+(?:\S+\W+){{0,3}}{BIG}\b",
    r"\bas\s+many\s+\S+\s+as\s+(?:you|we)\s+(?:want|need|like|throw)",
    rf"\bwe\s+could\s+do\s+{BIG}",
    rf"\bscal(?:e|es|ing)\s+(?:\S+\s+)?(?:horizontally|infinitely|linearly|forever|indefinitely|to\s+(?:basically\s+|pretty much\s+|just\s+)?(?:a\s+)?(?:whatever|anything|any|millions|billions|{NUMSEQ})|out\s+(?:easily|forever|to))",
    r"\b(?:it|this|that)\s+(?:just\s+|simply\s+)?scales(?:\s+out)?\s*[.,!]",
    r"\b(?:infinitely|massively|endlessly|web)[- ]scal\w+",
    rf"\bhandle\W+(?:\S+\W+){{0,2}}{NUMSEQ}\s*(?:qps|rps|tps|requests|transactions|events|messages|writes|reads|concurrent|users|viewers|bidders)",
    rf"\b(?:support|serve|sustain|absorb|take|do|push|process)\s+(?:\S+\s+){{0,2}}{NUMSEQ}\s*(?:qps|rps|tps|requests\s+(?:a|per)\s+second|writes\s+(?:a|per)\s+second)\b",
    r"\bscale\s+(?:is|isn't|won't\s+be)\s+(?:not\s+)?(?:a|an)?\s*(?:non-?issue|solved|no\s+problem)",
    r"\b(?:never|won't|will\s+not)\s+(?:fall\s+over|run\s+out\s+of\s+capacity)\b",
    r"\b(?:scales|scale)\s+(?:really\s+)?(?:well|easily|great|fine|to\s+the\s+moon)\b",
    r"\bas\s+much\s+(?:traffic|load|scale)\s+as\s+(?:we|you)\s+(?:want|need|throw)",
]
FILLERS_SINGLE = ("um", "umm", "uh", "uhh", "erm", "er", "ah", "hmm", "mm", "eh")
FILLERS_PHRASE = (r"you know", r"i mean", r"kind of", r"sort of")

# Technical words the small speech model mishears, and what was said: normalize() reads them as said,
# so "we cash the lot page" and "a reservation q" are the cache and the queue they are.
MISHEARD = (
    (r"\bcash(?=(?:es|ed|ing)\b)(?!\w+\s+out\b)", "cach"),
    (r"\bcash\b(?!\s+(?:out|flow|back|prizes?|payments?|on delivery|register)\b)(?<!\bin cash)(?<!\bpay cash)",
     "cache"),
    (r"(?<!\bvisual )(?<!\baudio )(?<!\bsocial )\bcue(?=s?\b)", "queue"),
    (r"\bq\b(?!\s*(?:one|two|three|four|[1-4])\b)", "queue"),
    (r"\b(?:ch|sh)art(?=ed\b|ing\b)", "shard"),
    (r"\bread is\b|\breddis\b", "redis"),
    (r"\b(?:calf|cough|caf) ?ka\b|\bkafta\b", "kafka"),
    (r"\ba sync\b", "async"),
    (r"\bdata base\b", "database"),
)
