"""The nine key lessons of the Together for Safety 2022 online talks, in English and French.

Titles are those of the talks' published findings (without the trailing full stop); summaries are
the portal's own wording for city practitioners. Re-running the migration updates the lessons in
place (matched by number); reversing it removes the nine lessons.
"""

from django.db import migrations

LESSON_NUMBERS = tuple(range(1, 10))

LESSONS = (
    {
        "number": 1,
        "slug": "mapping-local-contexts",
        "title_en": "Mapping local contexts is essential to effective prevention",
        "title_fr": (
            "La cartographie des contextes locaux est essentielle à l'efficacité des efforts de "
            "prévention"
        ),
        "summary_en": (
            "Before you design a prevention project, take stock of what extremism actually looks "
            "like in your city and ask local partners, residents and frontline workers what they "
            "see and what they need. Build your plan on that diagnosis rather than on assumptions. "
            "Keep the picture up to date as new information comes in, adjust the project "
            "accordingly, and tell every member of the network what has changed and why."
        ),
        "summary_fr": (
            "Avant de concevoir un projet de prévention, faites l'état des lieux de l'extrémisme "
            "dans votre ville et demandez aux partenaires locaux, aux habitants et aux "
            "professionnels de terrain ce qu'ils observent et ce dont ils ont besoin. Fondez votre "
            "plan sur ce diagnostic plutôt que sur des suppositions. Tenez-le à jour au fil des "
            "nouvelles informations, ajustez le projet en conséquence et expliquez à chaque membre "
            "du réseau ce qui a changé, et pourquoi."
        ),
    },
    {
        "number": 2,
        "slug": "countering-disinformation",
        "title_en": "Cities can counter disinformation by building trust and resilience",
        "title_fr": (
            "Les villes peuvent contrer les campagnes de désinformation en renforçant la confiance "
            "et la résilience des populations locales"
        ),
        "summary_en": (
            "Disinformation spreads most easily where trust in local institutions is low, so the "
            "best defence is a city administration that works in the open, explains its decisions "
            "and talks with civil society, critics included. Critical-thinking and media literacy "
            "workshops are not just for schools: offer them to adults and older residents too, "
            "starting from the false stories that actually circulate in your city. Backing "
            "independent local media and civil society groups that expose false claims makes the "
            "whole community more resilient."
        ),
        "summary_fr": (
            "La désinformation prend plus facilement là où la confiance envers les institutions "
            "locales est faible : la meilleure parade est une administration qui agit en toute "
            "transparence, explique ses décisions et dialogue avec la société civile, y compris "
            "avec ses détracteurs. Les ateliers d'esprit critique et d'éducation aux médias ne "
            "sont pas réservés à l'école : proposez-en aussi aux adultes et aux seniors, en partant "
            "des fausses informations qui circulent réellement dans votre ville. Soutenir les "
            "médias locaux indépendants et les associations qui démontent les infox renforce la "
            "résilience de toute la population."
        ),
    },
    {
        "number": 3,
        "slug": "inclusion",
        "title_en": "Inclusion is key to strengthening local democracies",
        "title_fr": "L'inclusion est la clé du renforcement des démocraties locales",
        "summary_en": (
            "Participatory formats such as citizens' assemblies, advisory councils and commissions "
            "give residents a place to get reliable information and debate local affairs freely. "
            "Reserve a real seat in them for minorities and historically marginalised communities: "
            "their trust in the authorities is often the most fragile, and disinformation tends to "
            "hit them hardest. Give them representatives who can speak for their interests and let "
            "what they say shape local decisions; local democracy becomes sturdier as a result."
        ),
        "summary_fr": (
            "Assemblées citoyennes, conseils consultatifs, commissions : les formats participatifs "
            "offrent aux habitants un lieu pour s'informer de manière fiable et débattre librement "
            "des affaires locales. Réservez-y une vraie place aux minorités et aux communautés "
            "historiquement marginalisées, car leur confiance envers les autorités est souvent la "
            "plus fragile et la désinformation les touche plus que d'autres. Donnez-leur des "
            "représentants qui portent leurs intérêts et laissez leur parole peser sur les "
            "décisions locales : la démocratie locale n'en sera que plus solide."
        ),
    },
    {
        "number": 4,
        "slug": "digital-democracy",
        "title_en": "Digital technology can strengthen local democracies",
        "title_fr": (
            "La technologie numérique peut être utilisée par les villes et les praticiens pour "
            "renforcer les démocraties locales"
        ),
        "summary_en": (
            "The internet lets hate speech and disinformation spread quickly, but the same tools "
            "can also work for local democracy. Run programmes that help residents take part in "
            "online debate constructively and with confidence. Use digital channels, such as "
            "online consultations, surveys and social media, to reach citizens directly, spot "
            "unmet needs and gaps in public services, and build trust with communities that "
            "rarely turn up at public meetings."
        ),
        "summary_fr": (
            "Internet permet aux discours haineux et à la désinformation de se propager très vite, "
            "mais ces mêmes outils peuvent aussi servir la démocratie locale. Mettez en place des "
            "programmes qui aident les habitants à participer aux débats en ligne de manière "
            "constructive et en confiance. Servez-vous des canaux numériques (consultations en "
            "ligne, enquêtes, réseaux sociaux) pour toucher directement les citoyens, repérer les "
            "besoins non satisfaits et les manques des services publics, et gagner la confiance "
            "des communautés qui viennent rarement aux réunions publiques."
        ),
    },
    {
        "number": 5,
        "slug": "networks-harness-expertise",
        "title_en": "Networks harness expertise across professional fields in prevention work",
        "title_fr": (
            "Les réseaux créent un espace unique permettant d'exploiter l'expertise de différents "
            "domaines professionnels dans le travail de prévention"
        ),
        "summary_en": (
            "A network puts prevention practitioners from different professional fields in touch, "
            "so they can pool evidence, good practice and what they have learned on the ground. "
            "Each partner brings its own strength: a faith organisation, the trust of its "
            "community; a security agency, its specialist knowledge. Together, members can run "
            "projects that no single organisation could manage alone, reach more places and keep "
            "the work going for longer."
        ),
        "summary_fr": (
            "Un réseau met en relation des praticiens de la prévention issus de métiers "
            "différents, qui peuvent ainsi mettre en commun données probantes, bonnes pratiques et "
            "enseignements du terrain. Chaque partenaire y apporte son point fort : une "
            "organisation religieuse, la confiance de sa communauté ; un service de sécurité, son "
            "expertise. Ensemble, les membres peuvent mener des projets hors de portée d'une seule "
            "structure, toucher davantage de territoires et inscrire leur action dans la durée."
        ),
    },
    {
        "number": 6,
        "slug": "common-goals",
        "title_en": "Common goals and parameters are essential to network collaboration",
        "title_fr": (
            "L'identification d'objectifs et de paramètres communs est essentielle dans le cadre "
            "d'une collaboration au sein d'un réseau"
        ),
        "summary_en": (
            "Every extra partner makes it harder to agree on priorities and on how joint projects "
            "should run. Draw up a memorandum of understanding at the outset that sets out a "
            "shared vision and who is responsible for what. Keep it flexible and open to revision, "
            "listen to each member's particular concerns, and make sure smaller organisations are "
            "not sidelined by the larger ones."
        ),
        "summary_fr": (
            "Dans un réseau, chaque nouveau partenaire complique un peu plus l'accord sur les "
            "priorités et sur la conduite des projets communs. Rédigez dès le départ un protocole "
            "d'accord qui fixe une vision partagée et précise qui fait quoi. Gardez-le souple et "
            "révisable, soyez attentifs aux préoccupations propres à chaque membre et veillez à ce "
            "que les petites structures ne soient pas mises à l'écart par les plus grandes."
        ),
    },
    {
        "number": 7,
        "slug": "network-autonomy",
        "title_en": "Networks must keep the autonomy of their mission and vision",
        "title_fr": (
            "Les réseaux doivent s'efforcer de conserver l'autonomie de leur mission et de leur "
            "vision"
        ),
        "summary_en": (
            "Funders often arrive with their own ideas of what a programme should look like, and "
            "these can pull a network away from its purpose. In the very first conversations about "
            "a grant or project, tell donors plainly what your network's mission and vision are, "
            "so that you can keep your word to partners and communities and hold on to their "
            "trust. Wherever you can, spread your funding across several sources so that no single "
            "donor sets the agenda."
        ),
        "summary_fr": (
            "Un financeur arrive souvent avec ses propres idées sur ce que doit être un programme, "
            "au risque d'éloigner le réseau de sa raison d'être. Dès les premières discussions sur "
            "une subvention ou un projet, dites clairement aux donateurs quelles sont la mission et "
            "la vision de votre réseau : vous pourrez ainsi tenir parole auprès de vos partenaires "
            "et des communautés, et garder leur confiance. Autant que possible, multipliez vos "
            "sources de financement pour qu'aucun donateur ne dicte à lui seul vos priorités."
        ),
    },
    {
        "number": 8,
        "slug": "covid-19",
        "title_en": "COVID-19 brought new challenges and new opportunities",
        "title_fr": (
            "La pandémie de COVID-19 a présenté à la fois de nouveaux défis et de nouvelles "
            "opportunités"
        ),
        "summary_en": (
            "During the pandemic, extremist groups shifted much of their activity online, to "
            "forums and social media. Local prevention teams had to follow suit, inventing new "
            "ways to work and stay in touch and taking up new digital tools. The effects of this "
            "shift are still playing out, so keep trying online approaches and stay open to what "
            "they make possible."
        ),
        "summary_fr": (
            "Pendant la pandémie, les groupes extrémistes ont massivement investi Internet, des "
            "forums aux réseaux sociaux. Les équipes locales de prévention ont dû s'adapter à leur "
            "tour, repenser leurs méthodes et leurs moyens de garder le contact, et s'approprier "
            "de nouveaux outils numériques. Les effets de ce virage se font encore sentir : "
            "continuez à expérimenter des approches en ligne et restez ouverts à ce qu'elles "
            "rendent possible."
        ),
    },
    {
        "number": 9,
        "slug": "international-knowledge-sharing",
        "title_en": "International knowledge sharing makes P/CVE work more effective",
        "title_fr": (
            "Le partage des connaissances au niveau international peut accroître de manière "
            "significative l'efficacité du travail de P/CVE"
        ),
        "summary_en": (
            "Extremism does not stop at national borders, online or offline, so cities in very "
            "different countries often face the same problems. Webinars, conferences and "
            "exchanges between cities let you learn from peers who have already dealt with what "
            "you are facing, and compare what worked and what did not. This is especially "
            "valuable for local authorities tackling extremism for the first time, and it gives "
            "everyone a shared view of how extremism is evolving worldwide."
        ),
        "summary_fr": (
            "L'extrémisme ne s'arrête pas aux frontières, en ligne comme hors ligne : des villes "
            "de pays très différents se heurtent souvent aux mêmes problèmes. Webinaires, "
            "conférences et échanges entre villes permettent d'apprendre de pairs qui ont déjà "
            "affronté les situations que vous rencontrez, et de comparer ce qui a marché et ce qui "
            "a échoué. C'est particulièrement précieux pour les collectivités qui débutent dans "
            "la prévention de l'extrémisme, et cela donne à tous une vision commune de son "
            "évolution dans le monde."
        ),
    },
)


def create_lessons(apps, schema_editor):
    Lesson = apps.get_model("practices", "Lesson")
    db_alias = schema_editor.connection.alias
    for lesson in LESSONS:
        Lesson.objects.using(db_alias).update_or_create(
            number=lesson["number"],
            defaults={
                "slug": lesson["slug"],
                # modeltranslation keeps the base columns: they hold the English (default) text.
                "title": lesson["title_en"],
                "title_en": lesson["title_en"],
                "title_fr": lesson["title_fr"],
                "summary": lesson["summary_en"],
                "summary_en": lesson["summary_en"],
                "summary_fr": lesson["summary_fr"],
            },
        )


def delete_lessons(apps, schema_editor):
    Lesson = apps.get_model("practices", "Lesson")
    db_alias = schema_editor.connection.alias
    Lesson.objects.using(db_alias).filter(number__in=LESSON_NUMBERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_lessons, delete_lessons),
    ]
