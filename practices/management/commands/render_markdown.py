"""Render every practice's and comment's Markdown again, after the Markdown or sanitiser rules
change (practices/markup.py): pages show what save() rendered, never the Markdown itself."""

from django.core.management.base import BaseCommand

from practices.caching import CATALOGUE, PAGES
from practices.markup import render_markdown
from practices.models import Comment, Practice

BATCH = 1000


class Command(BaseCommand):
    help = "Render the Markdown of every practice and comment again."

    def handle(self, *args, **options):
        Practice.objects.render_markdown()
        comments, batch = 0, []
        for comment in Comment.objects.only("pk", "body").iterator(chunk_size=BATCH):
            comment.body_html = render_markdown(comment.body)
            batch.append(comment)
            if len(batch) == BATCH:
                comments += Comment.objects.bulk_update(batch, ["body_html"])
                batch = []
        comments += Comment.objects.bulk_update(batch, ["body_html"])
        # Written with update(): no signal tells the pages, nor the practices' kept articles.
        PAGES.replace()
        CATALOGUE.replace()
        self.stdout.write(f"Rendered {Practice.objects.count()} practices and {comments} comments.")
