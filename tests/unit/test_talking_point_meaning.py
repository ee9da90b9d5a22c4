"""Talking points are matched by meaning, not by the set author's words.

For shipped talking points whose wording a candidate would seldom use ("raises the concern
calmly with the right person"), each case holds two answers that clearly cover the point in
everyday spoken wording without its content words, and one answer that is on topic but
misses it. The answers were written before the synonym lists were extended, so they test
that the lists generalise, not that they remember these sentences.
"""

from __future__ import annotations

import pytest

from voice_coach.scoring.talking_points import match_talking_points
from voice_coach.scoring.text import Text, lowered

# (point, (answers that cover it), an answer that misses it)
CASES: tuple[tuple[str, tuple[str, str], str], ...] = (
    # --- hr-culture ---------------------------------------------------------------------
    (
        "describes a concrete working environment",
        (
            "I do my best somewhere fairly calm, a small team that sits together, where I can "
            "ask a question across the desk and people are straight with each other.",
            "Honestly, an office with a bit of buzz but quiet corners for focus, a manager who "
            "trusts me, and colleagues who share what they know.",
        ),
        "I'm a pretty adaptable person, so I think I can do well almost anywhere as long as "
        "I'm motivated.",
    ),
    (
        "relates it honestly to this organisation",
        (
            "From what I've seen of your company, you're quite collaborative, which is exactly "
            "what suits me.",
            "And that's a big part of why I applied here: the way your firm talks about trusting "
            "teams sounds like that kind of place, though I'd want to see it for myself.",
        ),
        "I like a calm office with clear goals and a manager who gives me room to get on with "
        "things.",
    ),
    (
        "stays respectful about the current employer",
        (
            "My present company has treated me well and I've learned a huge amount there, so "
            "this isn't about anything they've done wrong.",
            "I'd never knock the place I'm at now, they've been good to me and I'm grateful for "
            "it, I've just gone as far as I can there.",
        ),
        "Honestly the management there is chaotic, they change their minds every week and "
        "nobody listens, so I've had enough.",
    ),
    (
        "focuses on what they are moving towards",
        (
            "What I'm really after is a role where I can lead a small team and grow into "
            "management.",
            "It's mainly about the next step for me: I want bigger projects and a chance to build "
            "something from scratch, and this job offers that.",
        ),
        "I've been there six years, my manager left, and the new one and I just don't see eye "
        "to eye, so it's time for a change.",
    ),
    (
        "names a specific motivation",
        (
            "What really drives me is seeing something I built being used by real people.",
            "Honestly it's solving hard problems, I get a real buzz from untangling something "
            "messy.",
        ),
        "I'm a hard worker and I'm very reliable, and I always get my work done on time.",
    ),
    (
        "connects it to what this role offers",
        (
            "And that's exactly what this position seems to have, because you'd have me talking "
            "to customers every day.",
            "Which is why this job appeals, since the description talks about owning projects "
            "end to end and that fits me perfectly.",
        ),
        "I'm motivated by learning new things and being around people who care about what they do.",
    ),
    (
        "shows some flexibility while knowing their worth",
        (
            "I'd be hoping for around fifty; there's some room to negotiate, but given my "
            "experience I wouldn't go much under forty-five.",
            "My range is fifty to fifty-five, and I can be a bit open on that if the rest of the "
            "package is good, though the market rate for what I do is pretty clear.",
        ),
        "Whatever you think is fair, I'm just really keen to get the job, the money isn't that "
        "important to me.",
    ),
    (
        "considers the whole package and not only the base salary",
        (
            "For me it's not just the number, pension, holidays and flexible hours all matter, "
            "so I'd look at everything together.",
            "I'd weigh up the total offer, things like bonus, pension and training budget, "
            "before fixing on a figure.",
        ),
        "I'm currently on forty-two and I'd want to move up to around fifty.",
    ),
    (
        "steers back to the value of this role",
        (
            "I'd prefer to talk about what this position is worth to you, and the range you've "
            "budgeted for it.",
            "What matters more, I think, is what I can bring to this job and what it pays in the "
            "market.",
        ),
        "Sure, I'm on forty-two thousand plus a small bonus.",
    ),
    (
        "names a few specific working habits",
        (
            "They'd probably say I'm organised, I write everything down, and I always follow up "
            "after meetings.",
            "I tend to plan my day first thing, I'm quick to reply to messages, and I "
            "double-check my numbers before anything goes out.",
        ),
        "They'd say I'm a nice person to be around and easy to get on with.",
    ),
    (
        "includes one honest weakness",
        (
            "The downside is I can be a bit impatient when things drag.",
            "On the flip side, I'm not great at switching off, and I can overthink things.",
        ),
        "They'd say I'm reliable, friendly and always willing to help out.",
    ),
    (
        "gives the feedback privately and promptly",
        (
            "I'd take them aside the same day, one to one, and go through what's not working.",
            "I'd have a quiet word with them straight away, just the two of us, rather than "
            "letting it build up.",
        ),
        "I'd be really specific about what needs to change and back it up with examples from "
        "their work.",
    ),
    (
        "shows curiosity about other points of view",
        (
            "I try to ask a lot of questions and find out why they see things the way they do, "
            "because usually there's something I hadn't thought of.",
            "I'm genuinely interested in where someone's coming from, so I'll ask them how "
            "they'd approach it before I say what I think.",
        ),
        "I'm pretty easy-going and I get on with most people, so it's never really been a problem.",
    ),
    (
        "describes adapting how they communicate",
        (
            "I change my style depending on the person: some people want the detail in writing, "
            "others just want a quick chat.",
            "I'll adjust the way I explain things, less jargon with some people, more data with "
            "others.",
        ),
        "I think diversity makes teams stronger, and I really value hearing different opinions.",
    ),
    (
        "describes how they stay reachable",
        (
            "I keep Slack open all day and my phone on, so if anyone needs me they'll get a reply "
            "within the hour.",
            "I'm always online in core hours and people can get hold of me whenever they need to.",
        ),
        "I'd probably start early and finish early, and do my focused work at home on Fridays.",
    ),
    (
        "raises the concern calmly with the right person",
        (
            "I'd go and speak to my manager, quietly and without getting emotional, and explain "
            "why I'm uncomfortable with it.",
            "First I'd take a breath, then have a private conversation with whoever gave me the "
            "task and tell them I've got reservations.",
        ),
        "I'd just refuse to do it. My values aren't something I'm willing to compromise on.",
    ),
    (
        "gives a sense of where their limits are",
        (
            "There are things I just won't do, like anything that misleads customers or cuts "
            "corners on safety.",
            "For me the line is anything illegal or dishonest; I'd say no and walk away if I had "
            "to.",
        ),
        "I'd raise it with my manager and try to understand why they'd asked me to do it.",
    ),
    # --- line-manager -------------------------------------------------------------------
    (
        "describes a realistic mix of tasks for the role",
        (
            "Probably a couple of days on project work, a good chunk in meetings with the team, "
            "and some time each week on reporting and admin.",
            "I'd imagine it's split between firefighting requests from other departments, "
            "planning the next release, and the odd bit of documentation.",
        ),
        "I'd be working really hard and doing whatever it takes to get things done.",
    ),
    (
        "shows they have understood what the job is for",
        (
            "As I see it, this position exists to keep the operations team from drowning in ad "
            "hoc requests.",
            "From what you've said, the point of this post is making sure the client accounts "
            "stay healthy.",
        ),
        "I'd be spending a lot of time in meetings and answering email, and some days on reports.",
    ),
    (
        "explains how they weigh urgency against impact",
        (
            "I'd look at which one has the tightest deadline and which one matters most to the "
            "business, and balance those two.",
            "It comes down to what's most time-critical versus what will make the biggest "
            "difference if it's done today.",
        ),
        "I'd just start with the first one that came in and work through them in order.",
    ),
    (
        "checks with me or the requesters when it is unclear",
        (
            "If it's not obvious which matters more, I'd ask you, or go back to the people who "
            "sent the requests and find out what's really riding on each.",
            "Where I wasn't sure, I'd quickly confirm with you which one takes priority rather "
            "than guess.",
        ),
        "I'd look at the deadlines and the business impact of each and pick the one that "
        "matters most.",
    ),
    (
        "tells the people who have to wait",
        (
            "Then I'd let the other two know it won't be today and give them a realistic time "
            "for theirs.",
            "I'd message whoever's being pushed back and explain they'll get it tomorrow morning.",
        ),
        "I'd pick the one with the biggest impact and get it finished before the end of the day.",
    ),
    (
        "finds out what went wrong before judging anyone",
        (
            "My first step would be to get the facts: talk to people, look at the timeline, "
            "understand where it slipped, and not point fingers until I know the whole story.",
            "I'd start by asking the team to walk me through how it got missed, without blaming "
            "anybody, because being new I don't have the full picture yet.",
        ),
        "I'd call the client myself, apologise, and promise them it won't happen again.",
    ),
    (
        "focuses on winning back the client's confidence",
        (
            "The main thing would be rebuilding trust with the customer: call them, own it, and "
            "show them a plan so they can rely on us again.",
            "Mostly I'd want to repair the relationship, so I'd get on a call with them, take "
            "responsibility and keep them updated daily until they feel they can count on us.",
        ),
        "I'd go through the project plan with the team to see where the timeline slipped.",
    ),
    (
        "suggests a change so it does not happen again",
        (
            "Then I'd propose we add a check-in a week before each deadline, so we catch this "
            "earlier next time.",
            "Once the dust settles I'd recommend a simple tracker for client dates, so the same "
            "slip can't repeat.",
        ),
        "I'd apologise to the client and make sure this delivery gets out as fast as possible.",
    ),
    (
        "talks to each of them directly and in private",
        (
            "I'd have a quiet word with each one separately, over a coffee, just the two of us.",
            "I'd grab them one at a time, somewhere away from the rest of the team, and ask how "
            "they're finding things.",
        ),
        "I'd raise it at the next team meeting so everyone can talk about how we're working "
        "together.",
    ),
    (
        "knows when to bring it to the manager",
        (
            "If talking to them doesn't fix it within a couple of weeks, I'd escalate to our "
            "boss, because it's affecting the whole team.",
            "And if it started to hurt the deliveries, that's the point where I'd loop in our "
            "lead rather than keep trying on my own.",
        ),
        "I'd sit them both down and try to help them see each other's side.",
    ),
    (
        "listens and acknowledges the complaint first",
        (
            "I'd let them get it all off their chest without interrupting, and tell them I "
            "understand why they're frustrated, before I say anything about our side.",
            "Start by hearing them out, really hearing them, and recognising that they've got a "
            "point, even if I don't agree with all of it.",
        ),
        "I'd prepare a clear timeline of what we delivered and walk them through the facts so "
        "they can see we did our part.",
    ),
    (
        "separates what can be fixed from what cannot",
        (
            "I'd be clear about which of their problems we can sort out quickly and which ones "
            "are outside our control.",
            "I'd split the issues into what we can do something about this month and what we "
            "honestly can't change, and say so plainly.",
        ),
        "I'd listen carefully, apologise, and promise them we'll do better from now on.",
    ),
    (
        "proposes a small trial rather than a big switch",
        (
            "I'd suggest piloting the new way with one team for a month, see how it goes, and "
            "only then roll it out.",
            "Rather than change everything at once, I'd test a tweak on a handful of cases and "
            "measure whether it actually helps.",
        ),
        "I'd explain why the current process is clumsy and get everyone onto the better tool on "
        "the same day.",
    ),
    (
        "describes how they like to receive feedback",
        (
            "I like to know how I'm doing, so regular pointers and honest criticism when I get "
            "something wrong, ideally in person.",
            "Honestly, be direct with me. If my work isn't good enough, say so and show me what "
            "better looks like.",
        ),
        "A good manager gives me clear goals and then trusts me to get on with it.",
    ),
    (
        "says how they keep their manager informed",
        (
            "I'd send you a short update every Friday with what's done and what's coming up.",
            "I tend to over-communicate, so you'd get a quick note whenever something changes "
            "and a catch-up once a week.",
        ),
        "I need a manager who trusts me and doesn't hover over my shoulder.",
    ),
    (
        "brings possible solutions along with the problem",
        (
            "And I wouldn't just dump it on you, I'd come with a couple of options for fixing it "
            "and which one I'd go for.",
            "When I flag something slipping, I always try to have a plan B ready, so it's "
            "here's the issue and here's what I think we should do.",
        ),
        "I'd tell you as soon as I saw it going wrong, not wait until the last minute.",
    ),
    (
        "raises the disagreement openly with reasons",
        (
            "I'd tell you straight that I see it differently, and explain why, for example if "
            "it's going to cost us time later.",
            "I'd say so to your face, not behind your back: here's my objection and here's the "
            "evidence, and then it's your call.",
        ),
        "I'd do it the way you asked, you're the manager and you've probably got context I "
        "don't have.",
    ),
    (
        "commits fully once the decision is made",
        (
            "But if you still want it your way after hearing me out, I'll get behind it one "
            "hundred percent and make it work.",
            "After you've made the call, that's it, I back it completely and don't keep "
            "relitigating it.",
        ),
        "I'd explain my reasons and show you the data, and hopefully we'd land on the best "
        "approach.",
    ),
    (
        "names two or three concrete results",
        (
            "By then I'd want to have the reporting dashboard live and the backlog under fifty "
            "tickets.",
            "First, the onboarding guide rewritten; second, the monthly close done in four days "
            "instead of six.",
        ),
        "I'd want to feel settled, know everyone's name and understand how things work.",
    ),
    (
        "says how they would check progress with me along the way",
        (
            "We could have a short catch-up every week where I show you where things are "
            "against the plan.",
            "I'd suggest a fortnightly one-to-one so we can look at what's done, what's slipping "
            "and adjust early.",
        ),
        "I'd spend the first month meeting people and learning the systems before making any "
        "changes.",
    ),
    # --- offer-on-the-spot --------------------------------------------------------------
    (
        "states their real notice period honestly",
        (
            "I'd love to, but I'm contracted to give my employer a month, so realistically I "
            "could be with you from the start of March.",
            "I'll need to check, but I think I owe my current team four weeks before I can leave.",
        ),
        "Absolutely, I'm really excited about this and I'd be glad to get going as soon as you "
        "need me.",
    ),
    (
        "proposes a realistic start date",
        (
            "Two weeks would be tough with my notice, but the first of next month is doable, and "
            "I'd be with you from then.",
            "How about the fifteenth of March? That gives me time to hand over properly and I "
            "could commit to that.",
        ),
        "I'd really like to help, let me talk to my current manager and see what they say.",
    ),
    (
        "stays positive about joining",
        (
            "I'm really excited about coming on board, and I'll do everything I can to make the "
            "timing work.",
            "I'd genuinely love to be part of the team, so let's find a way.",
        ),
        "My notice period is a month, so I couldn't start in two weeks.",
    ),
    (
        "names what they need to see in the offer",
        (
            "For me to say yes today I'd want the salary at fifty and a guaranteed day a week "
            "from home, in writing.",
            "If the package came up to fifty-five with the training budget we discussed, I'd be "
            "comfortable signing.",
        ),
        "That's kind of you to ask. I'd just like a day or two to think it over, and I'll call "
        "you on Friday.",
    ),
    # --- panel --------------------------------------------------------------------------
    (
        "shows they have researched the organisation",
        (
            "From what I read in your annual report, most of your growth last year came from "
            "the public sector side.",
            "I've been through your website and your last two strategy documents, and the big "
            "theme seems to be moving services online.",
        ),
        "I think any department should focus on its people first and its processes second.",
    ),
    (
        "admits what cannot be known from outside",
        (
            "Of course I'm only going on what's public, and you'll have a much better sense of "
            "the real pressures than I do.",
            "I'd want to check that with you, because from where I'm sitting I can't see the "
            "internal picture.",
        ),
        "I'd focus on digital services, because that's clearly where demand is heading.",
    ),
    (
        "names something specific about the organisation",
        (
            "Your work on the flood-mapping project really stood out to me, especially the open "
            "data side.",
            "I was struck by how your company publishes its pay gaps every year, and not many "
            "firms do that.",
        ),
        "I'm looking for a role where I can grow and work with good people.",
    ),
    (
        "links it to their own goals",
        (
            "And that fits where I want to be in five years, leading a data team.",
            "Which matters to me because I'm aiming to move into policy work, and this would "
            "get me there.",
        ),
        "You have a great reputation and your office is in a lovely part of town.",
    ),
    (
        "ties the choice to what users or the business need most",
        (
            "I'd keep whatever the customers rely on day to day and cut the nice-to-haves.",
            "The deciding factor for me is value: which features bring in revenue or save our "
            "clients the most time.",
        ),
        "I'd look at the remaining work and estimate how long each piece would take, then cut "
        "from the bottom.",
    ),
    (
        "involves the stakeholders in the decision",
        (
            "I wouldn't make that call alone, I'd get the product owner and the key clients in a "
            "room and agree the cuts together.",
            "I'd sit down with the people who sponsor the project and let them choose between "
            "the options I lay out.",
        ),
        "I'd rank the features by effort and value and drop the bottom third myself.",
    ),
    (
        "explains how they would tell people what was dropped",
        (
            "Then I'd send a clear note to everyone affected explaining what's been cut and why, "
            "and when it might come back.",
            "I'd let the teams know straight away which features won't make this release, so "
            "nobody's surprised.",
        ),
        "I'd focus on the must-haves and make sure those are delivered to a high standard.",
    ),
    (
        "stays open rather than defensive",
        (
            "I try to take it on board and thank them, even if it stings a bit.",
            "I'd say that's a fair point, I'll look into it, rather than trying to justify myself "
            "in front of everyone.",
        ),
        "I'd explain the reasons behind my approach so people understand why I did it that way.",
    ),
    (
        "describes acting on the point raised",
        (
            "Then I'd actually go away and fix it, and let them know once it's sorted.",
            "If they're right, I'll correct the work the same day and make the change visible.",
        ),
        "I'd thank them for saying it and not get defensive, even if it's awkward in front of "
        "people.",
    ),
    (
        "names a habit that helps them keep going",
        (
            "I break the dull stuff into small chunks and give myself a coffee after each one, "
            "it sounds silly but it works.",
            "I always put on a playlist and tackle the boring tasks first thing in the morning, "
            "so they're out of the way.",
        ),
        "Honestly, I try to remember that every job has boring parts and it's part of being a "
        "professional.",
    ),
    (
        "names outcomes that can be measured",
        (
            "You could look at whether the backlog has halved and whether customer satisfaction "
            "scores have gone up.",
            "I'd want numbers: response times down to under a day, and at least two new clients "
            "signed.",
        ),
        "You'd know it was right if the team feels I've made their lives easier and I fit in well.",
    ),
    (
        "describes documenting their work",
        (
            "I write everything up as I go, in a shared wiki, so anyone can pick up where I left "
            "off.",
            "I keep a running how-to guide for each of my processes and update it whenever "
            "something changes.",
        ),
        "I make sure I'm not the only one who can do my job by spreading tasks around the team.",
    ),
    (
        "mentions sharing knowledge with colleagues directly",
        (
            "And I'd sit with a teammate before I go and walk them through the tricky bits.",
            "I pair up with someone on my team for a few days so they've actually done the tasks "
            "themselves, not just read about it.",
        ),
        "I keep really detailed notes in the shared drive so anyone can follow them.",
    ),
    (
        "names a specific skill to develop",
        (
            "I'd really like to get better at public speaking, presenting to senior people "
            "without a script.",
            "Stakeholder management is the big one for me, I want to grow into someone who can "
            "handle difficult clients.",
        ),
        "I'd like to move up to a senior role in the next couple of years and take on more "
        "responsibility.",
    ),
    # --- remote-interview ---------------------------------------------------------------
    (
        "describes a quiet and reliable place to work",
        (
            "I've got a spare room set up as an office, with a door that shuts, a proper desk "
            "and fibre broadband that's never let me down.",
            "I use a small study at the back of the house, away from the noise, and the "
            "connection's been rock solid for two years.",
        ),
        "I'm very self-motivated, so being at home doesn't affect my productivity at all.",
    ),
    (
        "mentions a backup if the connection fails",
        (
            "If the broadband drops I can switch to tethering from my phone, which I've tested.",
            "I've got a 4G dongle in the drawer for when the internet goes down.",
        ),
        "I've got a good headset and a second monitor, and my camera's positioned at eye level.",
    ),
    (
        "gives an honest picture of their remote experience",
        (
            "Since the pandemic it's been mostly from home, three days out of five, though I've "
            "never been fully distributed.",
            "Only about a year of it, to be fair, the rest was in an office, but that year taught "
            "me a lot.",
        ),
        "I think the key to working from home is discipline and good communication.",
    ),
    (
        "names something they learned and changed as a result",
        (
            "It taught me that silence isn't agreement, so now I always ask people to confirm "
            "actions in writing after a call.",
            "I realised I was online all hours, so these days I block out lunch and log off at "
            "six.",
        ),
        "It's mostly been great, I'm more productive at home and I don't miss the commute.",
    ),
    (
        "writes things down clearly for the next person",
        (
            "I'd leave a detailed note at the end of my day so whoever picks it up in Singapore "
            "knows exactly where things stand.",
            "Everything goes in the ticket, what I tried, what's left, so the colleague starting "
            "their morning doesn't have to wait for me.",
        ),
        "I'd try to shift my hours a bit so there's more overlap with the team out there.",
    ),
    (
        "saves the overlapping hours for decisions and discussion",
        (
            "The bit of the day we share I'd keep for calls where we actually need to agree "
            "things, and do everything else asynchronously.",
            "I'd use the shared window for live conversations and choices that need everyone, "
            "not for status updates.",
        ),
        "I'd be willing to start early or stay late so I can be online when they are.",
    ),
    (
        "agrees clear handovers",
        (
            "I'd set up a fixed hand-off at the end of each day, with a template we all fill in.",
            "We'd work out together how work gets passed over at the end of my day and what "
            "they need from me to pick it up.",
        ),
        "I'd make sure my calendar shows my hours so people know when they can reach me.",
    ),
    (
        "makes results visible and not just activity",
        (
            "I'd share a short weekly note saying what actually shipped and what difference it "
            "made, not how busy I was.",
            "I put the finished pieces somewhere my manager can see them, on a board with what's "
            "been delivered this week.",
        ),
        "I'd make sure I'm always on Slack and reply quickly so people know I'm at my desk.",
    ),
    (
        "names tools they have actually used",
        (
            "Mostly Slack and Teams, Jira for tickets, and Confluence for anything that needs to "
            "last.",
            "I've lived in Zoom and Google Docs for three years, plus Miro for workshops.",
        ),
        "I'm comfortable with whatever the team prefers, I pick things up quickly.",
    ),
    (
        "matches the channel to how urgent or complex the topic is",
        (
            "If it can wait, a message; if it's tricky or emotional, I'll pick up the phone; "
            "anything people will refer back to goes in a document.",
            "It depends on the stakes: a quick question is chat, something nuanced or "
            "time-sensitive is a call, and decisions get written up.",
        ),
        "I mostly use Slack for everything, and we have a weekly video call as a team.",
    ),
    (
        "stays calm and rejoins or switches to the phone quickly",
        (
            "Don't panic. I'd dial straight back in, and if the video won't come back I'd ring "
            "the client's mobile within a minute.",
            "Keep my cool, reconnect as fast as possible, and if that fails, join the meeting "
            "audio-only from my mobile.",
        ),
        "I'd apologise a lot and email the client afterwards with the slides and a summary.",
    ),
    (
        "recaps where they left off",
        (
            "When I'm back, I'd quickly sum up the last slide and pick up from there.",
            "Then a quick 'so, as I was saying' and a one-line summary of what we'd covered "
            "before the drop.",
        ),
        "I'd apologise, then carry on with the presentation.",
    ),
    (
        "describes a concrete routine",
        (
            "I start at eight with my inbox, do deep work until lunch, calls in the afternoon, "
            "and I wrap up at five with a to-do list for tomorrow.",
            "Every morning I write down my three big tasks, block time for them, and check in "
            "with the team at ten.",
        ),
        "I'm very self-disciplined, I don't need anyone checking on me to get things done.",
    ),
    (
        "sets their own priorities and deadlines",
        (
            "I decide each morning what the most important thing is and give myself a time to "
            "have it done by.",
            "I make my own to-do list in order of importance and put end dates on it, even if "
            "nobody asked.",
        ),
        "I start at eight, take a proper lunch, and finish at five.",
    ),
    (
        "names specific habits for keeping in touch",
        (
            "I message a couple of people every morning just to say hi, and I never skip the "
            "Friday team call.",
            "I book a virtual coffee with someone different each week and I try to reply to "
            "chat quickly.",
        ),
        "I think it's really important to stay connected, remote work can be lonely otherwise.",
    ),
    (
        "makes an effort to know colleagues beyond the tasks",
        (
            "I try to ask people about their weekend or their kids before we dive into the "
            "agenda, and I'll set up the odd non-work call.",
            "We have a random coffee pairing where you just chat about anything but the job, and "
            "I always sign up.",
        ),
        "I reply quickly on chat and keep my status up to date so people can always find me.",
    ),
    (
        "describes clear boundaries they keep",
        (
            "I shut the laptop at six and it goes in a drawer, and I don't have work email on my "
            "phone.",
            "I have a hard stop in the evening, and unless something's on fire, messages wait "
            "until the morning.",
        ),
        "I love what I do, so honestly I don't mind the odd late night.",
    ),
    (
        "balances availability with rest",
        (
            "I'm responsive during the day, but evenings are for the family and I actually "
            "switch off.",
            "People can get hold of me in core hours, and outside that I recharge, which makes "
            "me better at the job.",
        ),
        "I've got a separate room, so I can close the door at the end of the day.",
    ),
    (
        "names people they would reach out to early",
        (
            "In the first week I'd book short calls with my manager, the colleagues I'll hand "
            "work to, and whoever owns the systems I'll use.",
            "Straight away I'd get in touch with my buddy and the team leads in the other office.",
        ),
        "I'd read through all the documentation and set up my accounts.",
    ),
    (
        "sets small early goals",
        (
            "I'd give myself a couple of quick wins for the first fortnight, like shipping one "
            "minor fix.",
            "By the end of week one I want to have made one tiny contribution, even if it's just "
            "fixing a typo in the docs.",
        ),
        "I'd make sure I understood the company's long-term strategy and where my role fits in.",
    ),
    # --- your-questions -----------------------------------------------------------------
    (
        "asks who to contact with further questions",
        (
            "If anything else comes up after today, who's the best person to get in touch with?",
            "Should I drop you an email if I think of something later, or is there someone in "
            "HR I should speak to?",
        ),
        "How many people are on the team, and who would I be reporting to?",
    ),
    (
        "asks about challenges facing the team",
        (
            "What's the hardest thing your group is dealing with right now?",
            "What keeps you up at night in the department at the moment? What are the biggest "
            "problems you're trying to solve?",
        ),
        "How big is the department and how is it structured?",
    ),
    (
        "asks about the manager's style",
        (
            "How do you like to run things day to day? Are you quite hands-on, or do you give "
            "people room?",
            "What's your approach when someone reporting to you is struggling?",
        ),
        "What would my first project be?",
    ),
    (
        "asks what success looks like in the first months",
        (
            "By Christmas, say, what would I need to have done for you to feel the hire was "
            "working out?",
            "What does a great start look like for someone in this role, say by the end of the "
            "probation period?",
        ),
        "What are the main projects the team will be working on next year?",
    ),
    (
        "asks why the role is open",
        (
            "Can I ask how this vacancy came about? Is it a new position or are you replacing "
            "someone?",
            "What happened to the last person in the job, did they move on?",
        ),
        "What would a typical day in the job look like?",
    ),
    (
        "asks whether the interviewer has any concerns about their fit",
        (
            "Is there anything about my background that makes you hesitate?",
            "Do you have any reservations about me for this role that I could address now?",
        ),
        "Is there anything about the role you haven't mentioned yet?",
    ),
    (
        "clarifies a point from earlier in the interview",
        (
            "You mentioned the restructuring at the start, could you say a bit more about how "
            "that affects this role?",
            "Going back to what you said about on-call duties, did you mean every week or once "
            "a month?",
        ),
        "Could you tell me more about the company's plans for next year?",
    ),
    (
        "asks about training and development",
        (
            "What kind of courses or learning budget would I have access to?",
            "How do people here grow their skills, is there mentoring or support for "
            "qualifications?",
        ),
        "What are the working hours, and how flexible is that?",
    ),
)


# Answers a reader counts as covering the point that the concept lists do not yet match, by
# point and answer index. Most leave the point's object to the context ("I write everything
# up as I go" for "documenting their work"), call the person the point names "you" (their
# manager, the interviewer), show the point by example rather than name it (a mix of tasks,
# two or three results) or say it in an idiom no list holds. They are expected failures, so
# a change that matches one shows up as an unexpected pass and the entry can go.
KNOWN_MISSES: dict[str, tuple[int, ...]] = {
    # the object left to the context
    "relates it honestly to this organisation": (1,),
    "stays respectful about the current employer": (1,),
    "shows they have understood what the job is for": (1,),
    "tells the people who have to wait": (0,),
    "names what they need to see in the offer": (1,),
    "shows they have researched the organisation": (0, 1),
    "names something specific about the organisation": (0,),
    "names a habit that helps them keep going": (0, 1),
    "names outcomes that can be measured": (0, 1),
    "describes documenting their work": (0, 1),
    "names a specific skill to develop": (1,),
    "describes a quiet and reliable place to work": (0,),
    "gives an honest picture of their remote experience": (0, 1),
    "writes things down clearly for the next person": (1,),
    "asks whether the interviewer has any concerns about their fit": (0, 1),
    "asks what success looks like in the first months": (0,),
    # the person the point names is "you" in the answer
    "says how they keep their manager informed": (0, 1),
    "asks about the manager's style": (0, 1),
    # shown by example, not named
    "describes a realistic mix of tasks for the role": (0, 1),
    "names two or three concrete results": (0, 1),
    "describes clear boundaries they keep": (0,),
    "shows some flexibility while knowing their worth": (0, 1),
    "states their real notice period honestly": (1,),
    # an idiom or word no concept list holds
    "describes a concrete working environment": (0,),
    "focuses on what they are moving towards": (0,),
    "finds out what went wrong before judging anyone": (1,),
    "talks to each of them directly and in private": (1,),
    "describes how they like to receive feedback": (1,),
    "says how they would check progress with me along the way": (1,),
    "admits what cannot be known from outside": (0, 1),
    "saves the overlapping hours for decisions and discussion": (0,),
    "names specific habits for keeping in touch": (1,),
    "makes an effort to know colleagues beyond the tasks": (1,),
    "asks about training and development": (0,),
}
NOT_YET = pytest.mark.xfail(strict=True, reason="said in other words than the lists know")


def covered(point: str, answer: str) -> bool:
    return match_talking_points(Text(lowered(answer)), (point,))[0].covered


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        pytest.param(point, answer, marks=[NOT_YET] if i in KNOWN_MISSES.get(point, ()) else [])
        for point, answers, _ in CASES
        for i, answer in enumerate(answers)
    ],
)
def test_an_answer_in_other_words_covers_the_point(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(("point", "answer"), [(point, miss) for point, _, miss in CASES])
def test_an_on_topic_answer_that_misses_the_point_does_not_cover_it(
    point: str, answer: str
) -> None:
    assert not covered(point, answer)


def test_the_cases_cover_every_set_and_each_point_once() -> None:
    points = [point for point, _, _ in CASES]
    assert len(points) == len(set(points)) >= 40
    assert set(KNOWN_MISSES) <= set(points)
