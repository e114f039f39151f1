"""What practices tells the rest of the project, as signals sent inside the transaction of the
change (so whatever a receiver writes, a job for instance, commits with the change or not at
all). The notifications app listens; practices never imports it.
"""

from django.dispatch import Signal

# A practice was submitted or resubmitted, published, returned or archived: `change`.
status_changed = Signal()
# An editor proposed a revision of a published practice: `revision`.
revision_submitted = Signal()
# A reviewer published or returned a revision: `revision`.
revision_decided = Signal()
# A new comment or reply: `comment`.
comment_posted = Signal()
# Enough reports hid a comment until a moderator looks: `comment`.
comment_hidden = Signal()
# A member asked to join a city's team: `membership`.
membership_requested = Signal()
# A manager approved, declined or removed a member: `membership`.
membership_decided = Signal()
# A member asked for a city not on the portal: `city_request`.
city_requested = Signal()
# Staff added the city, or declined: `city_request`.
city_request_decided = Signal()
