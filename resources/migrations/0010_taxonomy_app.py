"""The taxonomy now belongs to the taxonomy app (see taxonomy/migrations/0001_initial.py).

Only Django's state changes: the resource page's fields point at the taxonomy
app's models, which use the same tables, so the link tables and their rows stay
as they are. The body's change is the cards block's choosers naming the new app.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0003_taxonomy_app'),
        ('resources', '0009_merge_20261207_1502'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='resourcepage',
                    name='resource_type',
                    field=models.ForeignKey(blank=True, help_text='What kind of resource this is, such as a toolkit or a report. Manage the list under Taxonomy.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='resources', to='taxonomy.resourcetype'),
                ),
                migrations.AlterField(
                    model_name='resourcepage',
                    name='topics',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Tick every topic the resource covers.', related_name='resources', to='taxonomy.topic'),
                ),
                migrations.AlterField(
                    model_name='resourcepage',
                    name='audiences',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Tick the people the resource is written for.', related_name='resources', to='taxonomy.audience'),
                ),
                migrations.AlterField(
                    model_name='resourcepage',
                    name='regions',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Tick the regions the resource comes from or is about. Leave empty if it is UK-wide.', related_name='resources', to='taxonomy.region'),
                ),
                migrations.DeleteModel(
                    name='ResourceType',
                ),
                migrations.DeleteModel(
                    name='Topic',
                ),
                migrations.DeleteModel(
                    name='Audience',
                ),
                migrations.DeleteModel(
                    name='Region',
                ),
            ],
        ),
        migrations.AlterField(
            model_name='resourcepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('quote', 6), ('accordion', 13), ('callout', 16), ('table', 19), ('two_columns', 29), ('image', 30), ('embed', 34), ('call_to_action', 41), ('cards', 47), ('document_list', 52), ('key_figures', 58), ('heard_principles', 61), ('enews_signup', 64)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Keep headings short and descriptive: they help screen reader users move around the page.', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading (h2)'), ('h3', 'Subheading (h3)'), ('h4', 'Minor heading (h4)')], 'help_text': 'Use h2 for a main section, h3 inside it, h4 inside that. Do not skip levels.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {'group': 'Text'}), 3: ('core.blocks.BodyRichTextBlock', (), {'group': 'Text'}), 4: ('wagtail.blocks.TextBlock', (), {'help_text': 'The words quoted, without quotation marks.'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Who said it, for example 'Head of a music service'.", 'max_length': 200, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('quote', 4), ('attribution', 5)]], {'group': 'Text'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional: a short heading above the block, shown as an h2.', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'The question as a visitor would ask it, or a short title. Visitors select it to open the answer.', 'max_length': 200}), 9: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'The answer in plain sentences. Lists and links are fine.'}), 10: ('wagtail.blocks.StructBlock', [[('question', 8), ('answer', 9)]], {}), 11: ('wagtail.blocks.ListBlock', (10,), {'help_text': 'Each question opens to show its answer. Visitors can open several at once.', 'label': 'Questions', 'min_num': 1}), 12: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick if these are questions with answers, so search engines can show them as an FAQ. Leave empty for other sections that open and close.', 'label': 'Frequently asked questions', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('heading', 7), ('items', 11), ('is_faq', 12)]], {'group': 'Text'}), 14: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('information', 'Information'), ('warning', 'Warning'), ('success', 'Success')], 'help_text': 'Information for a note, warning for something to watch out for, success for good news.'}), 15: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'One or two sentences. The box shows its kind in words and with an icon, not by colour alone.'}), 16: ('wagtail.blocks.StructBlock', [[('kind', 14), ('text', 15)]], {'group': 'Text'}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'Words in a cell.', 'label': 'Text'}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': "A number, such as '45' or '2021'. Number columns line up on the right.", 'label': 'Number'}), 19: ('wagtail.contrib.typed_table_block.blocks.TypedTableBlock', [[('text', 17), ('number', 18)]], {'group': 'Text'}), 20: ('core.blocks.BodyRichTextBlock', (), {}), 21: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': 'Choose or upload an image. Avoid images of text.'}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe what the image shows for people who cannot see it, in a sentence. Leave empty only if you tick 'Decorative'.", 'label': 'Alt text', 'max_length': 250, 'required': False}), 23: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick only if the image adds nothing to the text; screen readers will skip it.', 'label': 'Decorative', 'required': False}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional words shown under the image, such as a credit.', 'max_length': 250, 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('image', 21), ('alt_text', 22), ('decorative', 23), ('caption', 24)]], {}), 26: ('wagtail.blocks.StructBlock', [[('quote', 4), ('attribution', 5)]], {}), 27: ('wagtail.blocks.StreamBlock', [[('paragraph', 20), ('image', 25), ('quote', 26)]], {'help_text': 'Text, an image or a quote. On wide screens it is on the left; on phones it comes first.'}), 28: ('wagtail.blocks.StreamBlock', [[('paragraph', 20), ('image', 25), ('quote', 26)]], {'help_text': 'Text, an image or a quote. On wide screens it is on the right; on phones it comes second.'}), 29: ('wagtail.blocks.StructBlock', [[('first_column', 27), ('second_column', 28)]], {'group': 'Text'}), 30: ('wagtail.blocks.StructBlock', [[('image', 21), ('alt_text', 22), ('decorative', 23), ('caption', 24)]], {'group': 'Media'}), 31: ('core.blocks.VideoURLBlock', (), {'help_text': 'The address of a YouTube or Vimeo video, for example https://www.youtube.com/watch?v=...', 'label': 'Video address'}), 32: ('wagtail.blocks.CharBlock', (), {'help_text': "Describe the video, for example 'Nurture groups in Hull'. Screen readers announce it.", 'max_length': 150}), 33: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'A transcript or description of the video, for people who cannot watch or hear it.', 'required': False}), 34: ('wagtail.blocks.StructBlock', [[('url', 31), ('title', 32), ('transcript', 33)]], {'group': 'Media'}), 35: ('wagtail.blocks.CharBlock', (), {'help_text': 'A short heading, shown as an h2.', 'max_length': 120}), 36: ('wagtail.blocks.TextBlock', (), {'help_text': 'One or two sentences saying why to act.', 'required': False}), 37: ('wagtail.blocks.CharBlock', (), {'help_text': "Say what happens, for example 'Ask about training'. Avoid 'Click here'.", 'max_length': 60}), 38: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Link to a page on this site...', 'required': False}), 39: ('wagtail.blocks.URLBlock', (), {'help_text': '...or to another website.', 'label': 'URL', 'required': False}), 40: ('wagtail.blocks.StructBlock', [[('page', 38), ('url', 39)]], {'help_text': 'Where the button goes.'}), 41: ('wagtail.blocks.StructBlock', [[('heading', 35), ('text', 36), ('button_label', 37), ('link', 40)]], {'group': 'Links and cards'}), 42: ('core.blocks.CardPageChooserBlock', (), {'help_text': 'A resource, partner, blog post or programme page.', 'label': 'Page', 'page_type': ['resources.ResourcePage', 'partners.PartnerPage', 'blog.BlogPage', 'home.ProgrammePage']}), 43: ('wagtail.blocks.ListBlock', (42,), {'help_text': 'The pages to show as cards, in this order. Leave empty to show the newest resources instead.', 'label': 'Chosen pages', 'required': False}), 44: ('wagtail.snippets.blocks.SnippetChooserBlock', ('taxonomy.ResourceType',), {'help_text': 'For the newest resources: show only this type, such as toolkits. Leave empty for any type.', 'required': False}), 45: ('wagtail.snippets.blocks.SnippetChooserBlock', ('taxonomy.Topic',), {'help_text': 'For the newest resources: show only resources on this topic. Leave empty for any topic.', 'required': False}), 46: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'help_text': 'For the newest resources: how many cards to show, from 1 to 12.', 'label': 'How many', 'max_value': 12, 'min_value': 1}), 47: ('wagtail.blocks.StructBlock', [[('heading', 7), ('pages', 43), ('resource_type', 44), ('topic', 45), ('count', 46)]], {'group': 'Links and cards'}), 48: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'help_text': 'Choose or upload the file.'}), 49: ('wagtail.blocks.CharBlock', (), {'help_text': "What the file is, for example 'The full report'. Leave empty to use the document's title.", 'max_length': 120, 'required': False}), 50: ('wagtail.blocks.StructBlock', [[('document', 48), ('label', 49)]], {}), 51: ('wagtail.blocks.ListBlock', (50,), {'help_text': "The files to list, in this order. Each shows its type and size, such as 'PDF, 1.2 MB'.", 'label': 'Documents', 'min_num': 1}), 52: ('wagtail.blocks.StructBlock', [[('heading', 7), ('documents', 51)]], {'group': 'Links and cards'}), 53: ('wagtail.blocks.CharBlock', (), {'help_text': "The number as you would say it, for example 'around 45' or '17'. Keep it short.", 'max_length': 20}), 54: ('wagtail.blocks.CharBlock', (), {'help_text': "What the number counts, for example 'music services represented on the working group'.", 'max_length': 120}), 55: ('wagtail.blocks.CharBlock', (), {'help_text': "Where the figure comes from and when, for example 'Working group membership, September 2021'. Required: a figure without a source misleads.", 'max_length': 200}), 56: ('wagtail.blocks.StructBlock', [[('figure', 53), ('label', 54), ('source', 55)]], {}), 57: ('wagtail.blocks.ListBlock', (56,), {'help_text': 'One to four figures, each with what it counts and its source.', 'label': 'Figures', 'max_num': 4, 'min_num': 1}), 58: ('wagtail.blocks.StructBlock', [[('heading', 7), ('figures', 57)]], {'group': 'Programme'}), 59: ('wagtail.blocks.CharBlock', (), {'default': "Making sure young people's music is HEARD", 'help_text': 'Shown as an h2.', 'max_length': 120}), 60: ('wagtail.blocks.TextBlock', (), {'help_text': 'An optional sentence before the five principles.', 'required': False}), 61: ('wagtail.blocks.StructBlock', [[('heading', 59), ('intro', 60)]], {'group': 'Programme', 'label': 'HEARD principles'}), 62: ('wagtail.blocks.CharBlock', (), {'default': 'Sign up to our enews', 'help_text': 'A short heading, shown as an h2.', 'max_length': 120}), 63: ('wagtail.blocks.TextBlock', (), {'help_text': "Optional: a sentence saying what the enews brings, for example 'Advice, tools and tips'.", 'required': False}), 64: ('wagtail.blocks.StructBlock', [[('heading', 62), ('text', 63)]], {'group': 'Programme', 'label': 'Enews sign-up'})}, help_text='The page itself: what is in the resource, how to use it, what music services learned.'),
        ),
    ]
