"""The pages the browser tests visit, by the demo content's slugs, and the two window widths."""

HOME = "/"
PRACTICE_LIST = "/practices/"
PRACTICE = "/practices/malmo-election-rumour-desk/"
LESSON = "/lessons/2/"
COVERAGE = "/lessons/coverage/"
CITIES = "/cities/"
CITY = "/cities/malmo/"
TAGS = "/tags/"
TAG = "/tags/disinformation/"
NETWORK = "/networks/nordic-safe-cities/"
NOT_FOUND = "/practices/no-such-practice/"
EVIDENCE = "/evidence/"
EVENT = "/events/together-for-safety-2022-safeguarding-local-democracies/"
LOG_IN = "/accounts/login/"
SIGN_UP = "/accounts/signup/"
# French pages are the same paths under /fr/.
FRENCH_HOME = "/fr/"
FRENCH_PRACTICE = "/fr" + PRACTICE

# Pages for signed-in people; "{comment}" and "{member}" stand for a comment's or member's id.
NEW_PRACTICE = "/practices/new/"
MY_PRACTICES = "/my/practices/"
REVIEW = "/review/"
JOIN_CITY = "/cities/aarhus/join/"
ASK_FOR_CITY = "/cities/ask/"
REPLY = "/comments/{comment}/reply/"
PROFILE = "/members/{member}/"
TWO_FACTOR = "/accounts/2fa/"
NOTIFICATIONS = "/my/notifications/"
# An Aarhus practice with the demo's evaluation PDF: its editors confirm it and manage its files.
AARHUS_PRACTICE = "/practices/aarhus-media-literacy-labs-before-local-elections/"
CONFIRM = AARHUS_PRACTICE + "confirm/"
FILES = AARHUS_PRACTICE + "files/"

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
# A member's collections; "{collection}" and "{token}" stand for one's id and its shared link.
MY_COLLECTIONS = "/my/collections/"
COLLECTION = "/my/collections/{collection}/"
SAVE_TO_COLLECTION = "/my/collections/save/malmo-election-rumour-desk/"
SHARED_COLLECTION = "/collections/{token}/"
