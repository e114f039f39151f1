"""Demo content: networks, cities, practices and the two 2022 Together for Safety events.

Plain data, loaded by `python manage.py load_demo` (portal/management/commands/load_demo.py),
which finds every row by its slug, so the file can be edited and loaded again.

The practices are fictional but plausible case studies written for the portal: they are set in
real cities to read naturally, but they do not describe those cities' actual programmes, and the
people, e-mail addresses and phone numbers in them are invented. Which cities belong to which
network, and which practices were presented at which event, is illustrative too: curators should
correct it against their own sources. Long Markdown texts are indented to sit in this file; the
loader strips the common indentation.
"""

from datetime import date, time, timedelta

NETWORKS = [
    {
        "slug": "nordic-safe-cities",
        "name": "Nordic Safe Cities",
        "website": "https://nordicsafecities.org",
        "description_en": """
            An alliance of cities in the Nordic countries that work together to prevent hate,
            polarisation and violent extremism and to build safe, inclusive communities. It
            develops methods and tools with municipalities and brings local leaders,
            practitioners and young people together to learn from one another.
        """,
        "description_fr": """
            Une alliance de villes des pays nordiques qui coopèrent pour prévenir la haine, la
            polarisation et l'extrémisme violent, et pour bâtir des communautés sûres et
            inclusives. Elle conçoit des méthodes et des outils avec les municipalités et
            réunit élus locaux, praticiens et jeunes pour qu'ils apprennent les uns des autres.
        """,
    },
    {
        "slug": "strong-cities-network",
        "name": "Strong Cities Network",
        "website": "https://strongcitiesnetwork.org",
        "description_en": """
            A global network of mayors, local governments and practitioners working to prevent
            hate, polarisation and extremism. It connects cities across continents so that
            they can share what works, gives local authorities a voice in national and
            international policy, and supports them in building their own prevention capacity.
        """,
        "description_fr": """
            Un réseau mondial de maires, de collectivités locales et de praticiens engagés
            dans la prévention de la haine, de la polarisation et de l'extrémisme. Il relie des
            villes de tous les continents pour qu'elles partagent ce qui fonctionne, porte la
            voix des autorités locales dans les politiques nationales et internationales, et
            les aide à développer leurs propres capacités de prévention.
        """,
    },
    {
        "slug": "european-forum-for-urban-security",
        "name": "European Forum for Urban Security",
        "website": "https://efus.eu",
        "description_en": """
            A European network of local and regional authorities working on urban security. It
            defends a balanced approach that combines prevention, sanctions and social
            cohesion, and runs exchanges, training and joint projects for its members on
            topics ranging from radicalisation to public spaces and nightlife.
        """,
        "description_fr": """
            Un réseau européen de collectivités locales et régionales qui travaillent sur la
            sécurité urbaine. Il défend une approche équilibrée associant prévention, sanction
            et cohésion sociale, et propose à ses membres des échanges, des formations et des
            projets communs, de la radicalisation aux espaces publics et à la vie nocturne.
        """,
    },
    {
        "slug": "forum-francais-pour-la-securite-urbaine",
        "name": "Forum français pour la sécurité urbaine",
        "website": "https://ffsu.org",
        "description_en": """
            The French network of local authorities for urban security, linked to the European
            Forum for Urban Security. It helps French cities compare their prevention policies
            and practices, and represents their point of view in national debates.
        """,
        "description_fr": """
            Le réseau français des collectivités territoriales pour la sécurité urbaine, lié au
            Forum européen pour la sécurité urbaine. Il aide les villes françaises à comparer
            leurs politiques et leurs pratiques de prévention et fait entendre leur point de
            vue dans les débats nationaux.
        """,
    },
]

# Populations are rounded figures for the municipality, not the metropolitan area.
CITIES = [
    {
        "slug": "aarhus",
        "name": "Aarhus",
        "country": "DK",
        "region": "Central Denmark Region",
        "population": 365_000,
        "networks": ["nordic-safe-cities", "strong-cities-network"],
        "website": "https://aarhus.dk",
    },
    {
        "slug": "copenhagen",
        "name": "Copenhagen",
        "country": "DK",
        "region": "Capital Region of Denmark",
        "population": 650_000,
        "networks": ["nordic-safe-cities"],
        "website": "https://www.kk.dk",
    },
    {
        "slug": "oslo",
        "name": "Oslo",
        "country": "NO",
        "region": "Oslo",
        "population": 710_000,
        "networks": ["nordic-safe-cities", "strong-cities-network"],
        "website": "https://www.oslo.kommune.no",
    },
    {
        "slug": "kristiansand",
        "name": "Kristiansand",
        "country": "NO",
        "region": "Agder",
        "population": 116_000,
        "networks": ["nordic-safe-cities"],
        "website": "https://www.kristiansand.kommune.no",
    },
    {
        "slug": "malmo",
        "name": "Malmö",
        "country": "SE",
        "region": "Skåne",
        "population": 360_000,
        "networks": ["nordic-safe-cities", "strong-cities-network"],
        "website": "https://malmo.se",
    },
    {
        "slug": "helsinki",
        "name": "Helsinki",
        "country": "FI",
        "region": "Uusimaa",
        "population": 665_000,
        "networks": ["nordic-safe-cities", "strong-cities-network"],
        "website": "https://www.hel.fi",
    },
    {
        "slug": "reykjavik",
        "name": "Reykjavík",
        "country": "IS",
        "region": "Capital Region",
        "population": 140_000,
        "networks": ["nordic-safe-cities"],
        "website": "https://reykjavik.is",
    },
    {
        "slug": "montreal",
        "name": "Montréal",
        "country": "CA",
        "region": "Québec",
        "population": 1_780_000,
        "networks": ["strong-cities-network"],
        "website": "https://montreal.ca",
    },
    {
        "slug": "strasbourg",
        "name": "Strasbourg",
        "country": "FR",
        "region": "Grand Est",
        "population": 290_000,
        "networks": [
            "european-forum-for-urban-security",
            "forum-francais-pour-la-securite-urbaine",
        ],
        "website": "https://www.strasbourg.eu",
    },
    {
        "slug": "bordeaux",
        "name": "Bordeaux",
        "country": "FR",
        "region": "Nouvelle-Aquitaine",
        "population": 260_000,
        "networks": [
            "european-forum-for-urban-security",
            "forum-francais-pour-la-securite-urbaine",
        ],
        "website": "https://www.bordeaux.fr",
    },
    {
        "slug": "mechelen",
        "name": "Mechelen",
        "country": "BE",
        "region": "Flanders",
        "population": 88_000,
        "networks": ["strong-cities-network", "european-forum-for-urban-security"],
        "website": "https://www.mechelen.be",
    },
    {
        "slug": "liege",
        "name": "Liège",
        "country": "BE",
        "region": "Wallonia",
        "population": 195_000,
        "networks": ["european-forum-for-urban-security"],
        "website": "https://www.liege.be",
    },
]

PRACTICES = [
    {
        "slug": "aarhus-media-literacy-labs-before-local-elections",
        "title": "Media literacy labs in public libraries before local elections",
        "city": "aarhus",
        "language": "en",
        "summary": """
            Before the 2021 municipal and regional elections, Aarhus turned six branch libraries
            into drop-in media literacy labs where residents of all ages practised checking
            claims, images and sources. The labs set out to build resilience to disinformation
            and election interference without ever telling anyone what to think.
        """,
        "context": """
            In the months before the local elections, library staff and the municipality's
            prevention team noticed misleading posts spreading in neighbourhood groups on
            social media: fabricated quotes attributed to candidates, doctored screenshots and
            false claims about how and where to vote. Residents told librarians they no longer
            knew which sources to trust.

            The city wanted a response that strengthened trust and critical thinking, not one
            that made the municipality the judge of what is true.
        """,
        "approach": """
            - Six branch libraries hosted weekly two-hour drop-in labs from August to November
              2021, run by librarians trained by a local school of journalism.
            - Short, hands-on exercises: reverse image search, tracing a quote back to its
              source, spotting manipulated screenshots, finding official voting information.
            - Separate sessions for secondary school classes and senior citizens' clubs, and
              sessions in Arabic and Somali with community interpreters.
            - A one-page "check before you share" guide, sent out with the polling cards.
            - The city published all its election information on one clearly signposted page
              and answered residents' questions openly, so there was a trusted reference point.
        """,
        "target_groups": """
            Residents of all ages, with particular attention to first-time voters, older
            residents new to social media, and residents whose first language is not Danish.
        """,
        "partners": """
            Aarhus Public Libraries; the municipality's crime prevention team and its
            cooperation with schools, social services and police; a school of journalism; the
            local newspaper and community radio; language-based associations.
        """,
        "results": """
            - About 1,400 visits to the labs and 38 sessions with school classes.
            - In exit questionnaires, 81% said they felt more confident checking a claim
              before sharing it.
            - The labs are now a permanent offer, run before every local and national election.
        """,
        "challenges": """
            The labs first reached people who were already interested: outreach through
            associations and sports clubs worked far better than posters. Staff needed clear
            guidance to stay politically neutral when visitors brought partisan content.
            Fact-checking individual rumours during the campaign was deliberately left to
            independent media.
        """,
        "evaluation": """
            An external evaluation by a university media research group (2022) combined
            questionnaires, observation and interviews. It found short-term gains in
            confidence and in practical verification skills, and recommended follow-up
            sessions to make them last.
        """,
        "resources": """
            About DKK 450,000 for the first season (staff time, training, interpreters and
            printed guides), shared between the library service and the prevention budget.
            The exercises are free to reuse.
        """,
        "contact": """
            **Mette Sørensen**, project lead, Aarhus Public Libraries
            mette.sorensen@example.org, +45 00 00 00 00
        """,
        "lessons": [2, 4],
        "tags": ["disinformation", "media literacy", "elections", "libraries", "trust"],
        "start_year": 2021,
        "end_year": None,
        "ongoing": True,
        "evidence": "externally_evaluated",
        "featured": True,
        "links": [
            {"title": "City of Aarhus", "url": "https://aarhus.dk"},
            {
                "title": "Check before you share: the guide sent with polling cards",
                "url": "https://example.org/aarhus/check-before-you-share",
            },
        ],
    },
    {
        "slug": "oslo-youth-democracy-council",
        "title": "A youth democracy council with seats for under-represented neighbourhoods",
        "city": "oslo",
        "language": "en",
        "summary": """
            Oslo reserves half the seats on a city-wide youth council for young people from
            districts and communities that seldom take part in local democracy. The council
            advises the city on safety, hate speech and polarisation, and awards small grants
            to youth-led projects.
        """,
        "context": """
            Surveys in several districts showed that young people there trusted the
            municipality far less than their peers elsewhere in the city, and that many had
            met hate speech online or in the street. Existing youth bodies were dominated by
            pupils from a few schools and rarely included young people with a minority
            background. Prevention staff saw a risk that grievances would be voiced only in
            closed online spaces where extremist recruiters are active.
        """,
        "approach": """
            - The council has 30 members aged 15 to 24. Fifteen seats are filled by election
              through schools and youth clubs; fifteen are reserved for young people nominated
              by outreach workers, faith communities, sports clubs and minority associations
              in under-represented districts.
            - Members are trained in how the municipality works, how to chair a meeting and
              how to respond to hate speech.
            - The council meets monthly, sets its own agenda and gives a formal opinion on
              every city plan that concerns young people's safety.
            - It distributes a grant fund of NOK 500,000 a year to youth-led projects against
              hate and exclusion.
            - Each autumn, members present their recommendations to the city council in an
              open session.
        """,
        "target_groups": """
            Young people aged 15 to 24, especially from districts with low electoral turnout,
            from minority communities, and young people outside education or work.
        """,
        "partners": """
            The city's youth and leisure agency; district administrations and their prevention
            coordinators; outreach workers; faith communities and minority associations;
            sports clubs; the police district's prevention unit.
        """,
        "results": """
            - The number of schools taking part in the elections grew from 11 in the first
              year to 27 in 2022.
            - In three years the council funded 42 youth-led projects, from a podcast on
              online hate to football tournaments shared between rival neighbourhoods.
            - Two recommendations were adopted by the city: a youth-friendly way to report
              hate incidents, and longer summer opening hours for youth clubs.
        """,
        "challenges": """
            Nominated members sometimes felt they had to speak for their whole community; the
            council now states clearly that each member speaks only for themselves. Keeping
            members engaged after the first year required paid coordinators, not volunteers.
            The city learned to answer every recommendation in writing, including those it
            rejects, so as not to damage the trust the council was meant to build.
        """,
        "evaluation": """
            The youth agency reviews the council every year with members and coordinators,
            using attendance figures, grant reports and a short trust survey. There has been
            no external evaluation yet.
        """,
        "resources": """
            Two part-time coordinators, the grant fund, training and meeting costs: about
            NOK 2.1 million a year from the municipal budget.
        """,
        "contact": """
            **Ingrid Haugen**, coordinator of the youth democracy council
            ingrid.haugen@example.org, +47 00 00 00 00
        """,
        "lessons": [3, 1],
        "tags": ["youth", "inclusion", "participatory democracy", "hate speech", "trust"],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": False,
        "links": [
            {"title": "City of Oslo", "url": "https://www.oslo.kommune.no"},
            {
                "title": "The council's recommendations for 2022",
                "url": "https://example.org/oslo/youth-council-recommendations-2022",
            },
        ],
    },
    {
        "slug": "kristiansand-citizens-panel-on-safety-and-trust",
        "title": "A citizens' panel on safety and trust in the city centre",
        "city": "kristiansand",
        "language": "en",
        "summary": """
            Kristiansand drew 40 residents by lot, chosen to reflect the city's diversity, to
            deliberate over five weekends on how to make the city centre safe and welcoming
            for everyone. The panel's 14 recommendations shaped the municipality's new safety
            plan.
        """,
        "context": """
            After a series of incidents in the city centre (fights at night, harassment of
            young women and of visible minorities) and a wave of hostile comments in local
            social media groups, the public debate on safety became polarised between calls
            for more policing and complaints of discrimination. The municipality wanted to
            hear residents who usually stay out of public debate.
        """,
        "approach": """
            - Invitations went to 3,000 randomly selected residents; the 40 members were then
              drawn from the volunteers to match the population by age, gender, district and
              country of birth.
            - Members received a small allowance, childcare and interpretation where needed.
            - Five weekend sessions: evidence from police, youth workers and researchers; a
              night walk through the centre; hearings with shop owners, students and minority
              associations; deliberation in small groups with independent facilitators.
            - The city council committed in advance to answer each recommendation publicly.
        """,
        "target_groups": """
            Residents aged 16 and over, with deliberate over-sampling of groups less likely to
            take part: young people, immigrants and residents of outer districts.
        """,
        "partners": """
            The municipality's safety and prevention coordinator; the local university
            (facilitation and research support); the police district's prevention unit; the
            local volunteer centre.
        """,
        "results": """
            Eleven of the 14 recommendations were adopted in whole or in part, among them
            better lighting and night-time youth workers, a joint city and police routine for
            responding to reports of racist harassment, and a yearly open meeting on safety.
            Several panel members later joined district councils.
        """,
        "challenges": """
            Recruiting young men and recent immigrants was hardest, even with allowances.
            Members asked for more time than planned to question the evidence. Some
            councillors were uneasy about sharing influence with an unelected body; agreeing
            the panel's mandate in advance with all parties helped.
        """,
        "evaluation": """
            Not formally evaluated. A year later the municipality published a follow-up note
            saying what had happened to each recommendation.
        """,
        "resources": """
            About NOK 1.2 million (facilitation, allowances, interpretation and venues) from
            the municipality's safety budget.
        """,
        "contact": """
            **Lars Eriksen**, safety and prevention coordinator
            lars.eriksen@example.org, +47 00 00 00 00
        """,
        "lessons": [3, 1],
        "tags": ["participatory democracy", "inclusion", "trust", "polarisation"],
        "start_year": 2021,
        "end_year": 2022,
        "ongoing": False,
        "evidence": "not_evaluated",
        "featured": False,
        "links": [
            {
                "title": "Follow-up note on the panel's recommendations",
                "url": "https://example.org/kristiansand/citizens-panel-follow-up",
            },
        ],
    },
    {
        "slug": "malmo-election-rumour-desk",
        "title": "A rumour desk for election periods",
        "city": "malmo",
        "language": "en",
        "summary": """
            During election campaigns Malmö runs a small cross-department desk that spots
            false rumours about voting and about city services, and answers them quickly with
            clear, sourced information. It builds trust by being open about what the city
            knows and does not know, rather than by taking content down.
        """,
        "context": """
            In earlier campaigns, false claims spread quickly in the city's many language
            communities: that postal votes from some districts would not be counted, that
            polling stations had moved, that the city was about to close schools to house
            newcomers. Some rumours were amplified by accounts based outside Sweden, a sign of
            possible election interference. Corrections issued days later did little: the
            rumours had already been shared, and trust was lost.
        """,
        "approach": """
            - From three months before election day, the desk meets every morning: the
              election office, communications, the security coordinator and outreach staff
              who speak the main community languages.
            - It follows open social media groups, local news and the questions reaching the
              city's contact centre. It does not monitor private messages or individuals.
            - Agreed rules: answer only claims about elections and city services, reply within
              24 hours, always link to the source, publish in up to eight languages.
            - A trusted-messenger network of about 60 association leaders, faith leaders and
              youth workers receives each correction and passes it on in their own channels.
            - Suspected coordinated foreign interference is referred to the national
              authorities rather than handled locally.
        """,
        "target_groups": """
            All voters, with particular attention to residents whose first language is not
            Swedish, first-time voters, and staff at polling stations.
        """,
        "partners": """
            The city's election office and communications department; the municipal security
            coordinator; community associations and faith communities; local media; the
            national authorities responsible for election security.
        """,
        "results": """
            - In the 2022 campaign the desk handled 73 rumours, issued 29 public corrections
              and briefed polling station staff twice.
            - Calls to the contact centre about "cancelled" postal votes fell sharply once
              corrections were shared through the trusted messengers.
            - No voter was reported turned away because of false information.
        """,
        "challenges": """
            Staying strictly non-partisan meant declining to comment on claims made by
            candidates. Translations at first took longer than the 24-hour goal; a pool of
            pre-approved translators solved it. The final weeks were stressful for staff, and
            the desk now rotates its members.
        """,
        "evaluation": """
            An internal review after each election, based on a log of every rumour, the
            response time and the reach of each correction. The 2022 review recommended
            starting earlier and involving school staff.
        """,
        "resources": """
            About 1.5 full-time equivalents for four months, translation costs and a small
            budget for trusted-messenger meetings, within existing communications and safety
            budgets.
        """,
        "contact": """
            **Sara Lindqvist**, security coordinator, City of Malmö
            sara.lindqvist@example.org, +46 00 000 00 00
        """,
        "lessons": [2, 4],
        "tags": ["disinformation", "election interference", "elections", "trust"],
        "start_year": 2018,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": True,
        "links": [
            {"title": "City of Malmö", "url": "https://malmo.se"},
            {
                "title": "How the rumour desk works: response rules",
                "url": "https://example.org/malmo/election-rumour-desk",
            },
        ],
    },
    {
        "slug": "helsinki-multilingual-participation-platform",
        "title": "A multilingual digital participation platform",
        "city": "helsinki",
        "language": "en",
        "summary": """
            Helsinki redesigned its online participation platform so that residents can
            propose, discuss and vote on local projects in eleven languages and in easy-read
            text. Digital guides in libraries and youth centres help residents who rarely go
            online to take part.
        """,
        "context": """
            The city's online consultations were answered mostly by well-educated residents
            who speak Finnish or Swedish. Residents of districts with many immigrants and low
            incomes were almost absent, although surveys showed that they felt least heard and
            were most exposed to online hate. The city saw a risk that digital democracy would
            widen, not close, the gap in trust.
        """,
        "approach": """
            - The platform was rebuilt for accessibility and plain language, with machine and
              human translation into eleven languages and a simple sign-in for under-18s.
            - 45 digital guides (library staff, youth workers and volunteers) help residents
              use the platform and recognise manipulation and hate speech online.
            - Pop-up sessions at shopping centres, places of worship, schools and health
              centres during each voting round.
            - The city publishes what happens to every proposal, with its reasons when one is
              not taken forward.
            - Moderation rules against hate speech, explained in all eleven languages.
        """,
        "target_groups": """
            All residents aged 12 and over, with outreach to immigrant communities, older
            residents and young people in the eastern and northern districts.
        """,
        "partners": """
            The city's digitalisation office; the city library; youth services; immigrant
            associations; a civic-tech company that built the platform; university
            researchers for the evaluation.
        """,
        "results": """
            - Participation from the three least active districts tripled between the first
              and the third voting round.
            - 18% of proposals in the latest round were written in a language other than
              Finnish, Swedish or English.
            - Fewer than 0.5% of comments had to be removed for hate speech.
        """,
        "challenges": """
            Machine translation caused misunderstandings, so key texts are now checked by
            people. Some residents distrusted a city platform because of their experience of
            authorities in other countries: face-to-face guides mattered more than any
            technical feature. Keeping the guides funded after the pilot was the hardest part.
        """,
        "evaluation": """
            An external evaluation by a university research team (2021-2022) compared
            participation data with district statistics and interviewed participants and
            guides. It concluded that the digital guides were the main reason participation
            widened.
        """,
        "resources": """
            About EUR 600,000 over three years for the platform; the digital guides are funded
            from library and youth budgets; translation costs about EUR 40,000 a year.
        """,
        "contact": """
            **Aino Virtanen**, participation manager
            aino.virtanen@example.org, +358 00 000 0000
        """,
        "lessons": [4, 3],
        "tags": [
            "participatory democracy",
            "digital participation",
            "inclusion",
            "multilingual",
            "hate speech",
        ],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence": "externally_evaluated",
        "featured": False,
        "links": [
            {"title": "City of Helsinki", "url": "https://www.hel.fi"},
            {
                "title": "Evaluation summary: who takes part, and why",
                "url": "https://example.org/helsinki/participation-platform-evaluation",
            },
        ],
    },
    {
        "slug": "copenhagen-support-for-councillors-facing-online-hate",
        "title": "Support for local councillors facing online hate and threats",
        "city": "copenhagen",
        "language": "en",
        "summary": """
            Copenhagen offers every local councillor and candidate a single point of contact
            for online hate, threats and harassment, together with training in digital
            security. The aim is to keep people, especially women and candidates from
            minorities, from leaving local politics because of abuse.
        """,
        "context": """
            During the COVID-19 pandemic, when council debates and public consultations moved
            online, councillors reported a sharp rise in abusive messages, publication of
            their private details and coordinated hate campaigns, some linked to conspiracy
            movements. Several said they would not stand again. Women and councillors with a
            minority background were targeted most. Left unchecked, this narrows who is
            willing to represent residents.
        """,
        "approach": """
            - One point of contact in the city's security unit, by phone or e-mail, who helps
              document incidents, report them to platforms and the police, and arrange
              protection when needed.
            - Yearly training for councillors, candidates and their staff: securing accounts,
              handling hostile comment threads, knowing when to block and when to report.
            - A short guide to moderating the city's own social media pages, with published
              house rules.
            - Peer-support meetings twice a year, led by a psychologist.
        """,
        "target_groups": """
            Local councillors, candidates in local elections and political staff; city
            employees who run public-facing social media accounts.
        """,
        "partners": """
            The city's security unit and communications department; the police; a national
            organisation supporting victims of online harassment; the party groups of the
            city council.
        """,
        "results": """
            Since 2020, 64 councillors and candidates have used the contact point, and
            participants rate the training 4.5 out of 5. Party groups report that fewer
            candidates withdrew because of harassment during the 2021 campaign than in 2017,
            although the numbers are small.
        """,
        "challenges": """
            Platforms respond at very different speeds, and the contact point cannot promise
            removal. Some councillors hesitated to report for fear of looking thin-skinned;
            the peer meetings helped. Telling harsh but legitimate criticism from hate takes
            judgement, and the city takes care never to take sides politically.
        """,
        "evaluation": """
            Reviewed internally every year: the security unit keeps anonymised statistics on
            cases and collects feedback after each training session.
        """,
        "resources": """
            A half-time position in the security unit and about DKK 150,000 a year for
            training and psychological support.
        """,
        "contact": """
            **Jonas Kristensen**, security adviser
            jonas.kristensen@example.org, +45 00 00 00 00
        """,
        "lessons": [4, 8],
        "tags": ["hate speech", "online safety", "elected officials", "covid-19"],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": False,
        "links": [
            {
                "title": "Guide to moderating the city's social media pages",
                "url": "https://example.org/copenhagen/moderation-guide",
            },
        ],
    },
    {
        "slug": "reykjavik-intergenerational-critical-thinking-circles",
        "title": "Critical-thinking circles across generations",
        "city": "reykjavik",
        "language": "en",
        "summary": """
            Reykjavík's libraries bring secondary school pupils and older residents together
            in small circles that meet weekly to look at news, social media posts and
            advertising. Each generation teaches the other how to spot manipulation and
            disinformation, and both meet people they would rarely meet otherwise.
        """,
        "context": """
            Surveys suggested that older residents were the most likely to share false health
            stories during the pandemic, while teenagers were the most exposed to extremist
            memes and hateful content on gaming and video platforms. Both groups said they
            felt talked down to by campaigns aimed at them. Librarians proposed a format in
            which they would learn from each other instead.
        """,
        "approach": """
            - Circles of six (three pupils aged 14 to 16 and three residents over 65) with a
              librarian as host, meeting for eight weekly sessions.
            - Each session starts from material participants bring: a viral post, a news
              story, a video.
            - Simple routines: who made this, what do they want, what is the evidence, who
              else reports it?
            - Pupils help older participants with privacy settings and reverse image search;
              older participants share how they judge whom to trust and what propaganda
              looked like in earlier times.
            - In the last session each circle presents one tip to the library's other users.
        """,
        "target_groups": """
            Pupils aged 14 to 16 and residents over 65, including residents with a migrant
            background in both groups.
        """,
        "partners": """
            The city library; two lower secondary schools; senior citizens' centres; a
            volunteer association of retired journalists.
        """,
        "results": """
            Nine circles (54 participants) completed the programme in the first year.
            Participants asked for more, and two circles now meet monthly on their own.
        """,
        "challenges": """
            Finding times that suit both pupils and older residents; the schools now count the
            circle as an elective. Some sessions drifted into debates about political
            opinions, and hosts learned to bring the discussion back to how a claim can be
            checked, not whether it is agreeable.
        """,
        "evaluation": """
            Not evaluated yet. The library collects short before-and-after questionnaires and
            will analyse them once enough circles have run.
        """,
        "resources": """
            Librarian time (about four hours a week per circle), coffee and materials: under
            ISK 2 million in the first year.
        """,
        "contact": """
            **Guðrún Jónsdóttir**, librarian
            gudrun.jonsdottir@example.org, +354 000 0000
        """,
        "lessons": [2, 3],
        "tags": ["media literacy", "disinformation", "older people", "youth", "libraries"],
        "start_year": 2022,
        "end_year": None,
        "ongoing": True,
        "evidence": "not_evaluated",
        "featured": False,
        "links": [
            {"title": "City of Reykjavík", "url": "https://reykjavik.is"},
        ],
    },
    {
        "slug": "strasbourg-observatoire-discours-de-haine-en-ligne",
        "title": "Un observatoire local des discours de haine en ligne",
        "city": "strasbourg",
        "language": "fr",
        "summary": """
            Strasbourg a créé avec des chercheurs et des associations un observatoire qui
            dresse chaque trimestre la carte des discours haineux et des campagnes de
            désinformation visant la ville et ses habitants. Ce diagnostic partagé oriente les
            actions de prévention et la communication de la ville.
        """,
        "context": """
            Les services municipaux et les associations constataient une hausse des propos
            haineux en ligne visant des habitants, des lieux de culte et des élus, surtout
            après des faits divers locaux. Chacun n'en avait qu'une vision partielle et les
            réponses restaient dispersées. Sans diagnostic commun, impossible de savoir quels
            quartiers, quels publics et quels thèmes étaient les plus touchés, ni si la
            situation s'aggravait.
        """,
        "approach": """
            - Deux analystes rattachés à la mission prévention suivent des sources publiques
              (réseaux sociaux, commentaires de la presse locale, forums) à partir de
              mots-clés revus chaque trimestre avec les partenaires.
            - Les signalements des associations d'aide aux victimes et des services
              municipaux complètent cette veille.
            - Un rapport trimestriel anonymisé décrit les tendances, les cibles et les récits
              dominants, sans jamais viser de personnes.
            - Une réunion trimestrielle des partenaires décide des suites : ateliers dans les
              écoles, prise de parole de la ville, orientation des victimes, signalement à la
              plateforme nationale PHAROS lorsque la loi est enfreinte.
            - Les règles de collecte et de conservation des données ont été validées par le
              délégué à la protection des données.
        """,
        "target_groups": """
            Habitants visés par des discours de haine, associations, établissements scolaires,
            élus et agents municipaux ; indirectement, l'ensemble de la population.
        """,
        "partners": """
            Mission prévention de la ville ; une équipe universitaire de sciences sociales ;
            associations de lutte contre le racisme, l'antisémitisme et les LGBTphobies ;
            associations d'aide aux victimes ; police nationale et parquet pour les
            signalements.
        """,
        "results": """
            - Douze rapports trimestriels publiés depuis 2020.
            - Deux campagnes de désinformation visant un quartier et un centre d'hébergement
              repérées tôt, suivies d'une réponse rapide et commune de la ville et des
              associations.
            - Des ateliers d'éducation aux médias ciblés dans les collèges des quartiers les
              plus touchés.
        """,
        "challenges": """
            La veille ne voit que les espaces publics : les messageries fermées lui échappent.
            Il a fallu trouver un équilibre entre la transparence et le risque d'amplifier les
            contenus haineux en les citant. La charge émotionnelle du travail impose une
            supervision régulière des analystes.
        """,
        "evaluation": """
            Une évaluation externe menée en 2022 par un cabinet spécialisé a jugé la méthode
            solide et utile aux partenaires ; elle recommande d'associer davantage les jeunes
            à l'analyse.
        """,
        "resources": """
            Deux postes d'analystes, une convention avec l'université et un petit budget
            d'outils : environ 180 000 € par an, cofinancés par la ville et le fonds national
            de prévention de la délinquance.
        """,
        "contact": """
            **Claire Muller**, cheffe de projet, mission prévention
            claire.muller@example.org, +33 0 00 00 00 00
        """,
        "lessons": [1, 2, 4],
        "tags": ["discours haineux", "désinformation", "cartographie", "société civile"],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence": "externally_evaluated",
        "featured": False,
        "links": [
            {"title": "Ville et Eurométropole de Strasbourg", "url": "https://www.strasbourg.eu"},
            {
                "title": "Dernier rapport trimestriel de l'observatoire",
                "url": "https://example.org/strasbourg/observatoire-rapport-trimestriel",
            },
        ],
    },
    {
        "slug": "bordeaux-education-aux-medias-primo-votants",
        "title": "Des ateliers d'éducation aux médias pour les primo-votants",
        "city": "bordeaux",
        "language": "fr",
        "summary": """
            Avant l'élection présidentielle et les élections législatives de 2022, Bordeaux a
            proposé aux 17-20 ans des ateliers d'éducation aux médias animés par des
            journalistes et de jeunes ambassadeurs. Objectif : les aider à repérer la
            désinformation et les tentatives d'ingérence électorale, et leur donner envie de
            voter.
        """,
        "context": """
            Les primo-votants s'informent surtout sur les réseaux sociaux et par des vidéos
            courtes, où circulent des contenus trompeurs sur le vote et des récits
            complotistes. Les acteurs de la jeunesse constataient aussi une forte défiance
            envers les institutions et une abstention élevée dans certains quartiers. La ville
            voulait agir sans jamais orienter le choix des jeunes.
        """,
        "approach": """
            - Des ateliers de deux heures dans les lycées, les missions locales, les centres
              sociaux et les clubs sportifs, d'octobre 2021 à juin 2022.
            - Un binôme d'animation : un journaliste de la presse locale et un jeune
              ambassadeur formé par la ville.
            - Des exercices concrets : vérifier une vidéo, remonter à l'origine d'une rumeur
              sur le vote, comprendre comment les algorithmes trient l'information.
            - Une séance pratique sur l'inscription sur les listes électorales et le vote par
              procuration.
            - Un conseil de jeunes a relu les supports et choisi les thèmes.
        """,
        "target_groups": """
            Jeunes de 17 à 20 ans, en particulier ceux des quartiers prioritaires et ceux qui
            ont quitté l'école.
        """,
        "partners": """
            Direction de la jeunesse et mission prévention de la ville ; lycées et missions
            locales ; deux médias locaux ; une association d'éducation aux médias ; centres
            sociaux.
        """,
        "results": """
            - 210 ateliers et environ 3 800 jeunes touchés.
            - 74 % des participants interrogés se disent plus capables de vérifier une
              information avant de la partager.
            - Plus de 600 jeunes se sont inscrits sur les listes électorales pendant les
              séances pratiques.
        """,
        "challenges": """
            Certains jeunes se méfiaient d'une démarche portée par une collectivité : la
            présence de journalistes et de jeunes ambassadeurs a rétabli la confiance. La
            neutralité politique a exigé des règles claires pour les animateurs. Toucher les
            jeunes déscolarisés reste difficile sans les missions locales et les éducateurs de
            rue.
        """,
        "evaluation": """
            Bilan interne de la direction de la jeunesse, fondé sur les questionnaires de fin
            d'atelier et des entretiens avec les animateurs ; pas d'évaluation externe.
        """,
        "resources": """
            Environ 95 000 € (rémunération des journalistes, formation des ambassadeurs,
            supports), financés par la ville et une subvention de l'État.
        """,
        "contact": """
            **Julien Lefèvre**, chargé de mission jeunesse et citoyenneté
            julien.lefevre@example.org, +33 0 00 00 00 00
        """,
        "lessons": [2, 3],
        "tags": [
            "éducation aux médias",
            "désinformation",
            "élections",
            "jeunesse",
            "ingérence électorale",
        ],
        "start_year": 2021,
        "end_year": 2022,
        "ongoing": False,
        "evidence": "internally_reviewed",
        "featured": True,
        "links": [
            {"title": "Ville de Bordeaux", "url": "https://www.bordeaux.fr"},
            {
                "title": "Kit d'animation des ateliers",
                "url": "https://example.org/bordeaux/kit-ateliers-primo-votants",
            },
        ],
    },
    {
        "slug": "montreal-table-de-concertation-prevention-extremisme",
        "title": "Une table de concertation pour prévenir l'extrémisme violent",
        "city": "montreal",
        "language": "fr",
        "summary": """
            Dans un arrondissement de Montréal, organismes communautaires, écoles, services de
            santé, police et groupes confessionnels se réunissent autour d'une table de
            concertation sur la prévention de l'extrémisme violent. Une entente de
            collaboration fixe la mission commune, le rôle de chacun et les règles de partage
            d'information.
        """,
        "context": """
            Plusieurs signalements de jeunes attirés par des discours extrémistes en ligne et
            une montée des discours haineux visant des communautés religieuses ont inquiété
            les intervenants de l'arrondissement. Chaque organisme travaillait de son côté,
            les familles ne savaient pas à qui s'adresser, et certains organismes refusaient
            de collaborer avec la police de peur de perdre la confiance des jeunes.
        """,
        "approach": """
            - Un diagnostic local préalable : entretiens avec 40 intervenants et groupes de
              discussion avec des jeunes et des parents.
            - Une entente de collaboration (protocole d'accord) signée par 14 organisations :
              vision commune, rôle de chacun, règles de confidentialité, et une voix égale
              pour les petits organismes et les grandes institutions.
            - Des rencontres mensuelles, une coordination confiée à un organisme
              communautaire neutre et une présidence tournante.
            - Un mécanisme de consultation : familles et intervenants peuvent demander
              conseil ; la situation est discutée de façon anonymisée puis orientée vers le
              bon service.
            - Des formations communes sur les signes de radicalisation, les discours haineux
              et les droits de la personne.
        """,
        "target_groups": """
            Jeunes de 12 à 30 ans et leurs familles ; intervenants jeunesse, enseignants,
            leaders religieux et communautaires.
        """,
        "partners": """
            Organismes communautaires de l'arrondissement ; centres de services scolaires ;
            services de santé et services sociaux ; service de police ; groupes
            confessionnels ; une équipe de recherche universitaire.
        """,
        "results": """
            - De 14 organisations signataires au départ à 19 en 2022.
            - Plus de 90 demandes de conseil traitées depuis 2018, orientées pour la plupart
              vers des services psychosociaux plutôt que vers la police.
            - Une confiance accrue entre organismes communautaires et police, mesurée par un
              sondage annuel auprès des membres.
        """,
        "challenges": """
            Le partage d'information avec la police reste délicat : l'entente a été révisée
            deux fois pour préciser ce qui peut être partagé. Faute de temps, les petits
            organismes risquaient d'être mis à l'écart ; la table finance désormais leurs
            heures de participation. Le roulement du personnel oblige à former sans cesse de
            nouveaux membres.
        """,
        "evaluation": """
            Évaluation externe par une équipe universitaire (2019-2021) : entretiens, analyse
            de dossiers anonymisés et sondages. Elle souligne la valeur du diagnostic initial
            et de l'entente écrite, et recommande un suivi plus systématique des effets sur
            les jeunes.
        """,
        "resources": """
            Un poste de coordination à temps plein et un fonds de participation pour les
            organismes : environ 160 000 $ CA par an, financés par la ville et le gouvernement
            du Québec.
        """,
        "contact": """
            **Nadia Tremblay**, coordonnatrice de la table de concertation
            nadia.tremblay@example.org, +1 000 000 0000
        """,
        "lessons": [1, 5, 6],
        "tags": ["prévention", "extrémisme", "société civile", "protocole d'accord"],
        "start_year": 2017,
        "end_year": None,
        "ongoing": True,
        "evidence": "externally_evaluated",
        "featured": False,
        "links": [
            {"title": "Ville de Montréal", "url": "https://montreal.ca"},
            {
                "title": "Entente de collaboration de la table (modèle)",
                "url": "https://example.org/montreal/entente-de-collaboration",
            },
        ],
    },
    {
        "slug": "liege-protocole-accord-cultes-police",
        "title": "Un protocole d'accord entre la ville, les cultes et la police",
        "city": "liege",
        "language": "fr",
        "summary": """
            Liège a signé avec les représentants des cultes et de la laïcité organisée, la
            police locale et son service de prévention un protocole d'accord pour prévenir les
            tensions et réagir ensemble aux actes de haine. Chacun y apporte ce qu'il fait de
            mieux : la confiance des communautés, l'expertise en sécurité, le travail social.
        """,
        "context": """
            Des dégradations de lieux de culte et des messages haineux diffusés après des
            attentats ailleurs en Europe avaient tendu les relations entre communautés. Les
            responsables religieux étaient sollicités par la presse sans être associés aux
            décisions de la ville, et la police découvrait parfois les tensions trop tard. La
            ville voulait un cadre stable, qui ne dépende pas des personnes en place.
        """,
        "approach": """
            - Un protocole d'accord signé en 2019 : objectifs communs, engagements de chacun,
              une personne de contact par signataire, règles de communication en cas de crise.
            - Une cellule de concertation réunie tous les deux mois, et dans les 24 heures
              après un incident grave.
            - Des visites croisées des lieux de culte pour les élèves et les policiers de
              quartier.
            - Une formation commune des policiers et des responsables de communautés au
              dialogue et à la gestion des rumeurs.
            - Une déclaration commune publiée après chaque acte de haine visant une
              communauté, quelle qu'elle soit.
        """,
        "target_groups": """
            Communautés religieuses et philosophiques, habitants des quartiers concernés,
            policiers de proximité, élèves.
        """,
        "partners": """
            Service de prévention de la ville ; police locale ; représentants des cultes
            reconnus et de la laïcité organisée ; associations interconvictionnelles ; écoles.
        """,
        "results": """
            Six déclarations communes depuis 2019, une réaction coordonnée en moins de
            24 heures après deux incidents graves et une trentaine de visites croisées par an.
            Les partenaires disent mieux se connaître et s'appeler directement en cas de
            doute.
        """,
        "challenges": """
            Les communautés sans structure représentative avaient du mal à trouver leur place :
            le protocole a été ouvert aux associations de quartier. Il a fallu rappeler que la
            cellule n'est pas un lieu de renseignement, pour garder la confiance des
            communautés.
        """,
        "evaluation": """
            Pas encore évalué. Une revue annuelle du protocole est prévue avec tous les
            signataires.
        """,
        "resources": """
            Environ un demi-poste au service de prévention et un budget d'animation de
            15 000 € par an.
        """,
        "contact": """
            **Sophie Lambert**, coordinatrice du service de prévention
            sophie.lambert@example.org, +32 0 000 00 00
        """,
        "lessons": [5, 6],
        "tags": [
            "protocole d'accord",
            "dialogue interconvictionnel",
            "confiance",
            "prévention",
            "police",
        ],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence": "not_evaluated",
        "featured": False,
        "links": [
            {"title": "Ville de Liège", "url": "https://www.liege.be"},
        ],
    },
    {
        "slug": "mechelen-multi-agency-case-table",
        "title": "A multi-agency case table for early signs of violent extremism",
        "city": "mechelen",
        "language": "en",
        "summary": """
            Mechelen brings social workers, schools, youth workers, mental health services and
            the local police together at a case table to support people who show early signs
            of radicalisation. The table agrees one tailored support plan per person, built
            around care rather than repression.
        """,
        "context": """
            In the mid-2010s, local services saw young people drawn to extremist groups online
            and offline. Each service held part of the picture: a teacher worried about a
            pupil's new views, a youth worker noticed someone withdrawing, the police received
            a tip. Without a shared space, warning signs went unconnected, and families met
            several services giving different advice.
        """,
        "approach": """
            - A monthly case table chaired by the city's prevention coordinator, with a fixed
              core of social services, schools, youth work, mental health and local police,
              and other services invited case by case.
            - Clear entry criteria and consent wherever possible; information is shared on a
              need-to-know basis, within the legal rules on professional secrecy.
            - One case manager per person coordinates a tailored plan: mentoring, family
              support, a path back to education or work, therapy where needed.
            - Every two years the partners map local risk and protective factors together, to
              steer prevention work beyond individual cases.
        """,
        "target_groups": """
            Young people and adults showing early signs of radicalisation towards violent
            extremism of any ideology, and their families; professionals who are worried about
            them.
        """,
        "partners": """
            The city's prevention service; the public social welfare centre; schools; youth
            work organisations; mental health services; local police; family support
            organisations.
        """,
        "results": """
            - More than 120 people supported since 2016; most files were closed once the
              person's situation had become stable.
            - Professionals report more confidence in recognising and discussing signs of
              radicalisation.
            - The method has been shared with other cities through national and international
              networks.
        """,
        "challenges": """
            Balancing security and care: the police are a full partner, but care organisations
            needed guarantees about professional secrecy. Cases driven by right-wing
            extremism and conspiracy theories became more frequent after 2020 and called for
            new expertise. Keeping the table small enough to be trusted while bringing in the
            right specialists is a constant negotiation.
        """,
        "evaluation": """
            An external evaluation by a university criminology team (2020) found that the case
            table improved coordination and that clients valued having a single case manager.
            It recommended clearer follow-up after a file is closed.
        """,
        "resources": """
            A prevention coordinator and two case managers (about 2.5 full-time equivalents),
            funded by the city with regional and federal support.
        """,
        "contact": """
            **Pieter Janssens**, prevention coordinator
            pieter.janssens@example.org, +32 0 000 00 00
        """,
        "lessons": [5, 1],
        "tags": [
            "prevention",
            "multi-agency cooperation",
            "radicalisation",
            "extremism",
            "social work",
        ],
        "start_year": 2016,
        "end_year": None,
        "ongoing": True,
        "evidence": "externally_evaluated",
        "featured": True,
        "links": [
            {"title": "City of Mechelen", "url": "https://www.mechelen.be"},
            {
                "title": "How the case table works: a short guide for partners",
                "url": "https://example.org/mechelen/case-table-guide",
            },
        ],
    },
    {
        "slug": "aarhus-regional-prevention-alliance-memorandum",
        "title": "A memorandum of understanding for a regional prevention alliance",
        "city": "aarhus",
        "language": "en",
        "summary": """
            Aarhus and eleven neighbouring municipalities signed a memorandum of understanding
            setting out a shared vision, clear roles and simple rules for working together to
            prevent extremism. It gives the smaller municipalities a guaranteed voice and
            access to shared expertise.
        """,
        "context": """
            The smaller municipalities around Aarhus had few staff working on extremism and
            often turned to the city informally for advice. Cooperation depended on personal
            contacts and disappeared when people changed jobs. The larger partners set the
            agenda, and the smaller ones felt like guests rather than members.
        """,
        "approach": """
            - Six months of joint workshops to agree on a vision, on what the alliance will
              and will not do, and on how it takes decisions.
            - A two-page memorandum of understanding signed by all twelve mayors: shared
              goals, one contact person per municipality, a rotating chair, and one vote per
              municipality whatever its size.
            - Shared resources: an advisory service run by Aarhus for complex cases, joint
              training twice a year, and a common template for mapping the local situation.
            - A yearly review of the memorandum, so that it can change as needs change.
        """,
        "target_groups": """
            Prevention coordinators, school and social services staff and police in the twelve
            municipalities.
        """,
        "partners": """
            Twelve municipalities; the regional police district; the national centre for the
            prevention of extremism, which contributes to the training.
        """,
        "results": """
            All twelve municipalities now have a named prevention contact and a local
            situation map. The advisory service answered 35 requests in its first two years,
            half of them from the smallest members, and the joint training has reached about
            400 professionals.
        """,
        "challenges": """
            Agreeing the memorandum took longer than planned, but the time spent finding a
            shared language paid off later. Smaller municipalities needed support to take
            their turn as chair. The alliance had to stay flexible when the pandemic moved
            everything online.
        """,
        "evaluation": """
            Reviewed internally each year by the member municipalities. The 2022 review led to
            a revised memorandum with clearer rules on sharing information.
        """,
        "resources": """
            Aarhus funds the advisory service (about one full-time equivalent); each member
            contributes staff time and a small yearly fee for the joint training.
        """,
        "contact": """
            **Anders Nielsen**, alliance coordinator
            anders.nielsen@example.org, +45 00 00 00 00
        """,
        "lessons": [6, 5],
        "tags": [
            "memorandum of understanding",
            "networks",
            "regional cooperation",
            "prevention",
        ],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": False,
        "links": [
            {
                "title": "The alliance's memorandum of understanding",
                "url": "https://example.org/aarhus/regional-alliance-memorandum",
            },
        ],
    },
    {
        "slug": "oslo-funding-principles-for-network-independence",
        "title": "Funding principles that keep a prevention network independent",
        "city": "oslo",
        "language": "en",
        "summary": """
            A network of Oslo civil-society organisations working against hate and extremism,
            supported by the city, wrote down its mission, vision and red lines before seeking
            new funding, and shares them with every donor at the first meeting. It also spread
            its funding across several sources so that no single donor can steer its work.
        """,
        "context": """
            The network grew quickly after 2019 with grants from the municipality, a ministry,
            a foundation and a private company. Each funder brought its own priorities: one
            wanted a focus on a single ideology, another quick and visible campaigns, a third
            access to participants' data. Members feared the network would become a
            contractor for other people's agendas and lose the trust of the communities it
            works with.
        """,
        "approach": """
            - A one-page statement of mission, vision and values, adopted by all members and
              published.
            - A short list of red lines: no sharing of participants' personal data, no work
              that singles out one community, editorial control over its own campaigns.
            - The statement is presented to donors at the start of every funding discussion,
              before any proposal is written.
            - A target that no single funder provides more than 40% of the budget.
            - The city, as the largest funder, agreed a multi-year grant based on the
              network's own plan rather than on project calls.
        """,
        "target_groups": """
            The network's 23 member organisations and the communities they serve; donors and
            funders.
        """,
        "partners": """
            Member organisations (youth, faith-based, anti-racist and women's organisations);
            the City of Oslo; national public and private funders.
        """,
        "results": """
            Since 2021 the network has turned down two grants whose conditions crossed its red
            lines, and secured five new ones on its own terms. The largest funder's share fell
            from 70% to 38%. Members say they negotiate with funders with more confidence.
        """,
        "challenges": """
            Turning money down is hard for small organisations and required solidarity within
            the network. Some donors found the statement rigid; explaining the reason behind
            each red line helped. More funders means more reporting work.
        """,
        "evaluation": """
            Not evaluated. The network reviews its funding mix and its statement at every
            annual meeting.
        """,
        "resources": """
            Members' time and a part-time coordinator. Writing the statement cost almost
            nothing, but it took four meetings.
        """,
        "contact": """
            **Amira Hassan**, network coordinator
            amira.hassan@example.org, +47 00 00 00 00
        """,
        "lessons": [7, 6],
        "tags": ["donors", "funding", "civil society", "networks", "independence"],
        "start_year": 2021,
        "end_year": None,
        "ongoing": True,
        "evidence": "not_evaluated",
        "featured": False,
        "links": [
            {
                "title": "The network's mission, vision and red lines",
                "url": "https://example.org/oslo/network-mission-statement",
            },
        ],
    },
    {
        "slug": "malmo-faith-communities-police-prevention-network",
        "title": "Faith communities, police and social services in one prevention network",
        "city": "malmo",
        "language": "en",
        "summary": """
            Malmö's interfaith prevention network links leaders of faith communities with the
            police, social services and schools. Faith leaders bring the trust of their
            congregations, the authorities bring their expertise on security and support, and
            together they reach people neither could reach alone.
        """,
        "context": """
            After threats against places of worship and a series of hate crimes, faith leaders
            said they had no contacts in the city administration or the police. Social
            services, for their part, struggled to reach families worried about a relative
            drawn to extremist groups: families who would talk to their imam, priest or rabbi,
            but not to the authorities.
        """,
        "approach": """
            - Quarterly meetings of the network, with a joint safety briefing from the police
              and news from each community.
            - A shared contact list and a routine for rapid contact after a hate crime or a
              threat.
            - Training for faith leaders on signs of radicalisation, support services and how
              to refer a worried family; training for police and social workers on the
              communities' traditions and concerns.
            - Joint school visits and a yearly open day at places of worship.
            - Exchanges with interfaith networks in other Nordic cities and at international
              conferences.
        """,
        "target_groups": """
            Faith leaders and their congregations, families worried about radicalisation,
            police officers and social workers.
        """,
        "partners": """
            Christian, Muslim, Jewish and other faith communities; the police; the city's
            social services and security coordinator; schools; an interfaith association.
        """,
        "results": """
            About 30 faith communities take part. Referrals from faith leaders to the city's
            support services rose from almost none to about a dozen a year. When two places of
            worship were threatened, the other communities publicly stood with them within
            hours.
        """,
        "challenges": """
            Some communities distrust the police for historical reasons, and the network had
            to make clear that it is not an intelligence channel. Leaders change often, so
            relationships must be rebuilt. Women and young people were under-represented at
            first.
        """,
        "evaluation": """
            An internal review in 2021, based on interviews with members, led to reserved
            places for women and youth representatives.
        """,
        "resources": """
            Coordination by the city's security coordinator (about a third of a post), meeting
            and training costs: about SEK 200,000 a year.
        """,
        "contact": """
            **Erik Johansson**, security coordinator
            erik.johansson@example.org, +46 00 000 00 00
        """,
        "lessons": [5, 9],
        "tags": ["faith communities", "networks", "trust", "police", "prevention"],
        "start_year": 2017,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": False,
        "links": [
            {
                "title": "The network's routine after a hate crime",
                "url": "https://example.org/malmo/interfaith-network-routine",
            },
        ],
    },
    {
        "slug": "helsinki-online-youth-outreach-during-covid-19",
        "title": "Taking youth outreach online during COVID-19",
        "city": "helsinki",
        "language": "en",
        "summary": """
            When youth centres closed during the COVID-19 pandemic, Helsinki's youth services
            sent trained youth workers into the online games, chat servers and social media
            where young people spent their time. Like street workers, they countered extremist
            and conspiracy content and offered support.
        """,
        "context": """
            Lockdowns cut young people off from youth centres and schools just as extremist
            groups stepped up recruitment online, mixing pandemic conspiracy theories with
            hate against minorities. Youth workers had few tools and no agreed rules for
            working in digital spaces.
        """,
        "approach": """
            - A team of eight online youth workers, clearly identified as city employees,
              present on gaming platforms, chat servers and social media in the afternoons and
              evenings.
            - Guidelines on ethics, privacy and when to involve other services, written with
              the city's legal team.
            - Informal conversations, online tournaments and live streams, with a steady focus
              on thinking critically about the content young people come across.
            - Referral to counselling, school social workers or the prevention team when a
              young person showed worrying signs.
            - Training in digital youth work for all youth workers, so that the skills stayed
              after the pandemic.
        """,
        "target_groups": """
            Young people aged 13 to 25, particularly those isolated during lockdowns or active
            in online spaces where extremist content circulates.
        """,
        "partners": """
            The city's youth services; a national centre of expertise in digital youth work;
            the police's online patrol; school social workers; gaming associations.
        """,
        "results": """
            - About 6,000 conversations with young people and 140 referrals in 2020-2021.
            - Digital youth work is now part of the city's regular youth service.
        """,
        "challenges": """
            Evening and weekend work strained the team. Platforms' rules and moderation differ,
            and some spaces are closed to adults. Keeping youth work separate from
            surveillance was essential for trust: the team never collects data on individuals.
        """,
        "evaluation": """
            An external evaluation by a research institute (2022) found that the team reached
            young people who used no other service, and recommended permanent funding and
            clearer referral pathways.
        """,
        "resources": """
            About EUR 450,000 a year during the pandemic, partly from a national recovery
            grant.
        """,
        "contact": """
            **Mikko Laine**, head of digital youth work
            mikko.laine@example.org, +358 00 000 0000
        """,
        "lessons": [8, 4],
        "tags": ["covid-19", "youth work", "online safety", "extremism", "conspiracy theories"],
        "start_year": 2020,
        "end_year": 2021,
        "ongoing": False,
        "evidence": "externally_evaluated",
        "featured": False,
        "links": [
            {
                "title": "Guidelines for online youth work",
                "url": "https://example.org/helsinki/online-youth-work-guidelines",
            },
        ],
    },
    {
        "slug": "kristiansand-peer-educators-against-conspiracy-narratives",
        "title": "Young peer educators against pandemic conspiracy narratives",
        "city": "kristiansand",
        "language": "en",
        "summary": """
            During the COVID-19 pandemic Kristiansand trained upper secondary pupils as peer
            educators to talk with younger pupils about conspiracy theories and health
            disinformation, in class and online. Rather than debunking, the sessions explored
            why such stories appeal and how to check them.
        """,
        "context": """
            As schools moved between remote and classroom teaching, teachers heard pupils
            repeat conspiracy narratives about vaccines and hidden elites, sometimes mixed with
            antisemitic and anti-immigrant content. When adults corrected them, pupils often
            became defensive.
        """,
        "approach": """
            - 24 pupils aged 16 to 18 trained as peer educators over four days, with a
              psychologist and a journalist.
            - Peer-led sessions in lower secondary classes, by video during school closures.
            - Short videos made by the peer educators and shared on the schools' channels.
            - A guide for teachers and parents on talking with a young person who believes a
              conspiracy theory.
        """,
        "target_groups": "Pupils aged 13 to 16; their teachers and parents.",
        "partners": """
            The municipality's education department and its local crime prevention
            coordinator; the public health service; a regional newspaper; two upper secondary
            schools.
        """,
        "results": """
            The sessions reached about 2,000 pupils between 2020 and 2022. Teachers reported
            that pupils were more willing to discuss the subject with peers than with adults.
        """,
        "challenges": """
            Some peer educators met hostility online and needed adults to back them up. Remote
            sessions were less engaging than sessions in class.
        """,
        "evaluation": "Not evaluated beyond feedback forms from classes and teachers.",
        "resources": """
            About NOK 600,000 over two years, including allowances for the peer educators.
        """,
        "contact": """
            **Kari Solberg**, crime prevention coordinator
            kari.solberg@example.org, +47 00 00 00 00
        """,
        "lessons": [8, 2],
        "tags": ["covid-19", "conspiracy theories", "disinformation", "youth", "peer education"],
        "start_year": 2020,
        "end_year": 2022,
        "ongoing": False,
        "evidence": "not_evaluated",
        "featured": False,
        "links": [
            {"title": "City of Kristiansand", "url": "https://www.kristiansand.kommune.no"},
        ],
    },
    {
        "slug": "copenhagen-city-to-city-exchange-on-polarisation",
        "title": "A city-to-city peer exchange on polarisation",
        "city": "copenhagen",
        "language": "en",
        "summary": """
            Copenhagen runs a yearly peer exchange with cities in Europe and North America
            facing similar polarisation. Small teams of practitioners visit each other, test
            each other's methods and publish short joint notes on what worked.
        """,
        "context": """
            Copenhagen's prevention staff found that conferences gave inspiration but rarely
            changed practice. They wanted deeper exchanges with a few cities facing the same
            problems: polarised debates about immigration, online hate, and small but active
            extremist milieus.
        """,
        "approach": """
            - Two or three partner cities each year, found through international networks.
            - Before each visit, every city maps its local context with a shared template, so
              that the exchange starts from a clear picture of each situation.
            - Three-day study visits: meetings with frontline workers, young people and civil
              society, and a "critical friend" session where the hosts present a problem they
              have not solved.
            - Monthly webinars between visits and a short joint note at the end of each round.
        """,
        "target_groups": """
            Prevention practitioners, social workers, police and civil-society partners in the
            participating cities.
        """,
        "partners": """
            Copenhagen's prevention unit; partner cities met through Nordic Safe Cities and the
            Strong Cities Network; civil-society organisations in each city.
        """,
        "results": """
            Exchanges with seven cities since 2019; three methods adapted and adopted in
            Copenhagen, among them a dialogue format for polarised neighbourhoods; joint notes
            shared with other network members.
        """,
        "challenges": """
            Online exchanges kept the contact alive during the pandemic but could not replace
            visits. Adapting a method to another legal system takes time. Smaller partner
            cities need help with travel costs.
        """,
        "evaluation": """
            Reviewed internally after each round with the participants; a short survey six
            months later asks what has changed in practice.
        """,
        "resources": """
            About DKK 350,000 a year for travel and staff time, co-funded by the partner
            cities.
        """,
        "contact": """
            **Louise Holm**, international coordinator, prevention unit
            louise.holm@example.org, +45 00 00 00 00
        """,
        "lessons": [9, 1],
        "tags": [
            "knowledge sharing",
            "peer learning",
            "polarisation",
            "international cooperation",
        ],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": False,
        "links": [
            {"title": "City of Copenhagen", "url": "https://www.kk.dk"},
            {
                "title": "Joint notes from the exchange rounds",
                "url": "https://example.org/copenhagen/peer-exchange-notes",
            },
        ],
    },
    {
        "slug": "reykjavik-small-city-voice-in-a-nordic-network",
        "title": "Making a small city's voice count in a Nordic network",
        "city": "reykjavik",
        "language": "en",
        "summary": """
            Reykjavík proposed, and helped write, simple working principles so that small
            member cities are not sidelined in a Nordic prevention network: hybrid meetings,
            rotating hosts and a work plan agreed by all. The principles also protect the
            network's mission and vision when donors fund joint projects.
        """,
        "context": """
            With a small prevention team and high travel costs, Reykjavík often missed network
            meetings or joined only as an observer. Agendas were set by the largest cities and
            by the priorities of project donors. Staff felt they took knowledge home but had
            little say in what the network worked on.
        """,
        "approach": """
            - A proposal to the network's steering group for written working principles,
              drafted with two other small member cities.
            - The principles: hybrid meetings by default; rotating hosts, with travel support
              for small cities; a yearly work plan agreed by all members; a note setting out
              the network's mission and vision for every donor before a project is agreed.
            - A buddy system pairing each small city with a larger one to share materials and
              translations.
            - In 2022 Reykjavík hosted a thematic meeting on preventing hate in small
              communities.
        """,
        "target_groups": """
            Prevention staff in small and medium-sized member cities; the network's steering
            group.
        """,
        "partners": """
            Reykjavík's human rights and democracy office; two other small member cities; the
            network's secretariat.
        """,
        "results": """
            The principles were adopted in 2021. Small cities now take part in network
            meetings more often, and two of them have led working groups. One joint project
            was redesigned after its donor accepted the network's own priorities.
        """,
        "challenges": """
            Hybrid meetings need skilled chairing, or online participants become passive.
            Larger members at first worried that decisions would be slower.
        """,
        "evaluation": "Not evaluated.",
        "resources": "Staff time, and travel support from the network's common budget.",
        "contact": """
            **Hildur Magnúsdóttir**, human rights and democracy office
            hildur.magnusdottir@example.org, +354 000 0000
        """,
        "lessons": [6, 7, 9],
        "tags": ["networks", "small cities", "knowledge sharing", "donors"],
        "start_year": 2021,
        "end_year": None,
        "ongoing": True,
        "evidence": "not_evaluated",
        "featured": False,
        "links": [
            {
                "title": "Working principles for small and large member cities",
                "url": "https://example.org/reykjavik/network-working-principles",
            },
        ],
    },
    {
        "slug": "strasbourg-webinaires-transfrontaliers-prevention",
        "title": "Des webinaires transfrontaliers pour les professionnels de la prévention",
        "city": "strasbourg",
        "language": "fr",
        "summary": """
            Pendant la pandémie, Strasbourg et des villes voisines d'Allemagne et de Suisse
            ont lancé des webinaires mensuels bilingues pour les professionnels de la
            prévention de la radicalisation. Né de la contrainte, le format est devenu un lieu
            durable de partage de connaissances entre pays.
        """,
        "context": """
            Les échanges transfrontaliers reposaient sur quelques rencontres annuelles,
            suspendues en 2020. Or les mouvances extrémistes et les récits complotistes
            circulaient des deux côtés du Rhin, et les professionnels observaient les mêmes
            évolutions en ligne pendant les confinements, sans pouvoir comparer leurs
            réponses.
        """,
        "approach": """
            - Un webinaire mensuel d'une heure et demie, en français et en allemand avec
              interprétation, sur un thème choisi par les participants.
            - Chaque séance associe un exposé court, où une ville présente une pratique, et
              des échanges en petits groupes.
            - Une bibliothèque partagée de fiches pratiques bilingues.
            - Depuis 2022, une rencontre en présentiel par an, alternativement de chaque côté
              de la frontière.
        """,
        "target_groups": """
            Professionnels de la prévention, travailleurs sociaux, enseignants, policiers et
            associations des villes participantes.
        """,
        "partners": """
            Ville de Strasbourg ; villes partenaires en Allemagne et en Suisse ; une
            association d'éducation populaire ; un institut de formation en travail social.
        """,
        "results": """
            Plus de 25 webinaires depuis 2020, avec 60 participants en moyenne ; 30 fiches
            pratiques publiées ; plusieurs méthodes transposées d'une ville à l'autre, dont un
            protocole d'accompagnement des familles.
        """,
        "challenges": """
            L'interprétation coûte cher. Le format en ligne se prête bien aux échanges courts,
            moins à la construction de la confiance. Les différences de cadre juridique
            limitent le partage de situations concrètes.
        """,
        "evaluation": """
            Bilan interne annuel, fondé sur un questionnaire adressé aux participants.
        """,
        "resources": """
            Environ 40 000 € par an (interprétation, plateforme, coordination), partagés entre
            les villes et un programme européen de coopération transfrontalière.
        """,
        "contact": """
            **Thomas Schmitt**, chargé de coopération, mission prévention
            thomas.schmitt@example.org, +33 0 00 00 00 00
        """,
        "lessons": [9, 8, 5],
        "tags": [
            "partage de connaissances",
            "coopération transfrontalière",
            "covid-19",
            "webinaires",
            "prévention",
        ],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence": "internally_reviewed",
        "featured": False,
        "links": [
            {
                "title": "Bibliothèque des fiches pratiques bilingues",
                "url": "https://example.org/strasbourg/fiches-pratiques-transfrontalieres",
            },
        ],
    },
]

# The fact sheet gives the dates of the two 2022 talks but not their hour: 14:00-15:30 in
# Copenhagen is an assumption, for curators to correct. Which practices were presented, and
# where in the recording, is illustrative seed data too.
EVENTS = [
    {
        "slug": "together-for-safety-2022-safeguarding-local-democracies",
        "series": "Together for Safety",
        "title_en": "Together for Safety 2022: Safeguarding Local Democracies",
        "title_fr": "Ensemble pour la sécurité 2022 : Sauvegarde des démocraties locales",
        "description_en": """
            The first of the two 2022 Together for Safety online talks asked how cities can
            protect local democracy when hate speech, online and offline, and election
            interference put it under pressure. City leaders, practitioners and young people
            discussed how to counter disinformation by building trust and resilience, how to
            make participation inclusive of communities that are seldom heard, and how digital
            tools can bring residents closer to local decisions.
        """,
        "description_fr": """
            Premier des deux entretiens en ligne « Ensemble pour la sécurité » de 2022, cette
            session a porté sur la protection des démocraties locales face aux discours
            haineux, en ligne comme hors ligne, et aux ingérences électorales. Élus locaux,
            praticiens et jeunes ont échangé sur la manière de contrer la désinformation en
            renforçant la confiance et la résilience, d'ouvrir la participation aux
            communautés qu'on entend peu, et d'utiliser le numérique pour rapprocher les
            habitants des décisions locales.
        """,
        "date": date(2022, 3, 17),
        "start": time(14, 0),
        "end": time(15, 30),
        "time_zone": "Europe/Copenhagen",
        "organisers": ["nordic-safe-cities", "strong-cities-network"],
        "lessons": [2, 3, 4, 1, 8, 9],
        "practices": [
            {
                "practice": "aarhus-media-literacy-labs-before-local-elections",
                "note": "Presented by the City of Aarhus",
                "note_fr": "Présenté par la Ville d’Aarhus",
                "recording_time": timedelta(minutes=12, seconds=40),
            },
            {
                "practice": "malmo-election-rumour-desk",
                "note": "Presented by the City of Malmö",
                "note_fr": "Présenté par la Ville de Malmö",
                "recording_time": timedelta(minutes=24, seconds=15),
            },
            {
                "practice": "bordeaux-education-aux-medias-primo-votants",
                "note": "Presented by the City of Bordeaux",
                "note_fr": "Présenté par la Ville de Bordeaux",
                "recording_time": timedelta(minutes=35, seconds=50),
            },
            {
                "practice": "oslo-youth-democracy-council",
                "note": "Presented by the City of Oslo",
                "note_fr": "Présenté par la Ville d’Oslo",
                "recording_time": timedelta(minutes=47, seconds=5),
            },
            {
                "practice": "strasbourg-observatoire-discours-de-haine-en-ligne",
                "note": "Presented by the City of Strasbourg",
                "note_fr": "Présenté par la Ville de Strasbourg",
                "recording_time": None,
            },
            {
                "practice": "helsinki-multilingual-participation-platform",
                "note": "Presented by the City of Helsinki",
                "note_fr": "Présenté par la Ville d’Helsinki",
                "recording_time": None,
            },
            {
                "practice": "kristiansand-peer-educators-against-conspiracy-narratives",
                "note": "Presented by the City of Kristiansand in the discussion",
                "note_fr": "Présenté par la Ville de Kristiansand lors de la discussion",
                "recording_time": timedelta(hours=1, minutes=8, seconds=30),
            },
        ],
    },
    {
        "slug": "together-for-safety-2022-safe-cities-governance",
        "series": "Together for Safety",
        "title_en": (
            "Together for Safety 2022: Safe Cities Governance: The Role of Networks and Alliances"
        ),
        "title_fr": (
            "Ensemble pour la sécurité 2022 : Gouvernance des villes sûres : "
            "Le rôle des réseaux et des alliances"
        ),
        "description_en": """
            The second 2022 session turned to the governance of safe cities: how cities build
            and sustain partnerships at local, national, regional and global level to prevent
            hate, polarisation and violent extremism. Speakers discussed what makes network
            collaboration work (shared goals written down early, clear roles, room for the
            smallest members), how networks keep their own mission and vision when working
            with donors, and what the pandemic changed in the way they work.
        """,
        "description_fr": """
            La seconde session de 2022 a porté sur la gouvernance des villes sûres : comment
            les villes nouent et font vivre des partenariats aux niveaux local, national,
            régional et mondial pour prévenir la haine, la polarisation et l'extrémisme
            violent. Les intervenants ont débattu de ce qui fait réussir une collaboration en
            réseau (des objectifs communs écrits tôt, des rôles clairs, une place pour les
            plus petits membres), de la manière dont les réseaux préservent leur mission et
            leur vision face aux donateurs, et de ce que la pandémie a changé dans leur
            travail.
        """,
        "date": date(2022, 4, 7),
        "start": time(14, 0),
        "end": time(15, 30),
        "time_zone": "Europe/Copenhagen",
        "organisers": ["nordic-safe-cities", "strong-cities-network"],
        "lessons": [5, 6, 7, 1, 8, 9],
        "practices": [
            {
                "practice": "mechelen-multi-agency-case-table",
                "note": "Presented by the City of Mechelen",
                "note_fr": "Présenté par la Ville de Malines",
                "recording_time": timedelta(minutes=10, seconds=20),
            },
            {
                "practice": "aarhus-regional-prevention-alliance-memorandum",
                "note": "Presented by the City of Aarhus",
                "note_fr": "Présenté par la Ville d’Aarhus",
                "recording_time": timedelta(minutes=22, seconds=45),
            },
            {
                "practice": "montreal-table-de-concertation-prevention-extremisme",
                "note": "Presented by the City of Montréal",
                "note_fr": "Présenté par la Ville de Montréal",
                "recording_time": timedelta(minutes=33, seconds=10),
            },
            {
                "practice": "oslo-funding-principles-for-network-independence",
                "note": "Presented by a civil-society network supported by the City of Oslo",
                "note_fr": (
                    "Présenté par un réseau de la société civile soutenu par la Ville d’Oslo"
                ),
                "recording_time": None,
            },
            {
                "practice": "reykjavik-small-city-voice-in-a-nordic-network",
                "note": "Presented by the City of Reykjavík",
                "note_fr": "Présenté par la Ville de Reykjavik",
                "recording_time": timedelta(minutes=51, seconds=35),
            },
            {
                "practice": "helsinki-online-youth-outreach-during-covid-19",
                "note": "Presented by the City of Helsinki",
                "note_fr": "Présenté par la Ville d’Helsinki",
                "recording_time": None,
            },
            {
                "practice": "copenhagen-city-to-city-exchange-on-polarisation",
                "note": "Presented by the City of Copenhagen",
                "note_fr": "Présenté par la Ville de Copenhague",
                "recording_time": timedelta(hours=1, minutes=4, seconds=0),
            },
        ],
    },
]
